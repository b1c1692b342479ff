//! Helpers shared by the CLI's integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The `chronicle` binary cargo built for these tests.
pub fn chronicle() -> Command {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `../shared` beside the repository; gold tests fail loudly without it.
pub fn shared() -> PathBuf {
    let p = root().join("../shared");
    assert!(
        p.join("gold/seeds.json").exists(),
        "../shared is missing: gold tests need {}",
        p.display()
    );
    p
}

/// Runs the binary with `args` in `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    chronicle()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Ingests the bundled examples (with their actor table) into `db`.
pub fn ingest_examples(db: &Path) -> Output {
    let db = db.to_str().expect("utf-8 path");
    run_in(
        &root(),
        &[
            "ingest",
            "examples/",
            "--kb",
            "examples/actors.tsv",
            "--db",
            db,
        ],
    )
}

/// Runs `../shared/eval/score.py` on `jsonl` (what `extract` printed)
/// against `gold`, prints its table, and returns its figures (the JSON of its
/// last line). `args` adds flags such as `--dated`.
pub fn score(gold: &Path, args: &[&str], jsonl: &[u8]) -> serde_json::Value {
    let shared = shared();
    let dir = tempfile::tempdir().expect("tempdir");
    let out_path = dir.path().join("system.jsonl");
    std::fs::write(&out_path, jsonl).expect("write output");
    let out = Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .arg(gold)
        .arg(&out_path)
        .arg("--json")
        .args(args)
        .output()
        .expect("python3 runs the scorer");
    let text = String::from_utf8_lossy(&out.stdout);
    println!("{text}");
    assert!(
        out.status.success(),
        "scorer failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let last = text.lines().last().expect("the scorer prints figures");
    serde_json::from_str(last).expect("the scorer's last line is JSON")
}

/// The records of JSON Lines output.
pub fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("each line is a JSON record"))
        .collect()
}

/// Checks a record against the contract of output.md: every field present,
/// and every offset cutting its text out of the body.
pub fn check_record(r: &serde_json::Value) {
    for key in [
        "id",
        "path",
        "sha256",
        "language",
        "published",
        "title",
        "source",
        "dateline",
        "body",
        "removed",
        "entities",
        "quotes",
        "events",
        "times",
        "duplicates",
    ] {
        assert!(r.get(key).is_some(), "record {} lacks {key}", r["id"]);
    }
    let body = r["body"].as_str().expect("body is a string");
    let cut = |v: &serde_json::Value, what: &str| {
        let (s, e) = (
            v["start"].as_u64().expect("start") as usize,
            v["end"].as_u64().expect("end") as usize,
        );
        let piece = body
            .get(s..e)
            .unwrap_or_else(|| panic!("{what} {s}..{e} is not a slice of the body of {}", r["id"]));
        if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
            assert_eq!(
                piece, t,
                "{what} offsets of {} do not cut its text",
                r["id"]
            );
        }
    };
    for e in r["entities"].as_array().expect("entities") {
        for m in e["mentions"].as_array().expect("mentions") {
            cut(m, "mention");
        }
    }
    for q in r["quotes"].as_array().expect("quotes") {
        let (s, e) = (
            q["start"].as_u64().expect("start") as usize,
            q["end"].as_u64().expect("end") as usize,
        );
        assert!(
            body.get(s..e).is_some(),
            "quote offsets {s}..{e} of {}",
            r["id"]
        );
    }
    for t in r["times"].as_array().expect("times") {
        cut(t, "time");
    }
    for ev in r["events"].as_array().expect("events") {
        let (s, e) = (
            ev["start"].as_u64().expect("start") as usize,
            ev["end"].as_u64().expect("end") as usize,
        );
        assert!(
            body.get(s..e).is_some(),
            "event offsets {s}..{e} of {}",
            r["id"]
        );
    }
    for d in r["duplicates"].as_array().expect("duplicates") {
        let (s, e) = (
            d["start"].as_u64().expect("start") as usize,
            d["end"].as_u64().expect("end") as usize,
        );
        assert!(
            body.get(s..e).is_some(),
            "duplicate offsets {s}..{e} of {}",
            r["id"]
        );
    }
}

/// Folds case, accents-free comparison is not needed here: white space only.
pub fn squash(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
