//! `chronicle serve` on the stored examples: it prints where it listens, the
//! API answers there, and a missing database is refused. The endpoints
//! themselves are tested in crates/server/tests/api.rs.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::Duration;

use common::*;

/// Kills the server when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(addr: &str, path: &str) -> (String, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut raw = String::new();
    s.read_to_string(&mut raw).expect("read");
    let (head, body) = raw.split_once("\r\n\r\n").expect("headers");
    (head.to_string(), body.to_string())
}

#[test]
fn serve_answers_on_the_port_it_prints() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("t.db");
    let db_s = db.to_str().expect("utf-8 path");
    let root = root();
    let out = run_in(
        &root,
        &[
            "ingest",
            "examples/",
            "--kb",
            "examples/actors.tsv",
            "--no-models",
            "--db",
            db_s,
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let child = chronicle()
        .current_dir(&root)
        .args([
            "serve",
            "--db",
            db_s,
            "--kb",
            "examples/actors.tsv",
            "--addr",
            "127.0.0.1:0",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve starts");
    let mut server = Running(child);
    let mut line = String::new();
    BufReader::new(server.0.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("first line");
    let addr = line
        .trim()
        .strip_prefix("listening on http://")
        .and_then(|a| a.strip_suffix('/'))
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_string();

    let (head, body) = get(&addr, "/api/stats");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let stats: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(stats["documents"], 10);
    let (head, body) = get(&addr, "/api/actors/X-VAL");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let actor: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(actor["knowledge_base"]["actors"][0]["id"], "X-VAL");
    let (head, _) = get(&addr, "/");
    assert!(head.contains("text/html"), "{head}");
}

#[test]
fn serve_refuses_a_missing_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("missing.db");
    let out = run_in(
        dir.path(),
        &[
            "serve",
            "--db",
            db.to_str().expect("utf-8"),
            "--addr",
            "127.0.0.1:0",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no such database"), "{stderr}");
    assert!(!db.exists(), "serving does not create a database");
}
