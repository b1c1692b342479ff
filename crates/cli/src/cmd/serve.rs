//! `chronicle serve`: the HTTP API and the web page over the store.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chronicle_server::{Config, Server};

use crate::DbArgs;
use crate::cmd::CmdResult;

/// Serves `db` on `addr` until the process is stopped. The first line on
/// standard output is `listening on http://ADDR/`, with the port the system
/// chose when `addr` asks for port 0.
pub fn run(db: &DbArgs, addr: &str, kb: &[PathBuf], threads: usize) -> CmdResult {
    let config = Config {
        kb_files: kb.to_vec(),
        threads,
        ..Config::new(&db.db, addr)
    };
    let server = Server::start(&config)?;
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "listening on http://{}/", server.addr())
        .and_then(|()| stdout.flush())
        .map_err(|e| format!("cannot write to standard output: {e}"))?;
    drop(stdout);
    eprintln!(
        "chronicle: serving {} (read-only); the page is at http://{}/ and the API at /api",
        db.db.display(),
        server.addr()
    );
    server.wait();
    Ok(ExitCode::SUCCESS)
}
