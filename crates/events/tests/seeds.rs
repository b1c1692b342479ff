//! The seed articles of `../shared/corpus/seeds.jsonl` through the pipeline
//! up to events (as the engine runs it, trained models included), scored by
//! `../shared/eval/score.py --dated` against the hand annotations of
//! `../shared/gold/seeds.json`. `EVENTS_DEBUG=1` prints each document's
//! events; `EVENTS_KEEP=FILE` keeps the records scored.

mod common;

use std::process::Command;

use common::{Front, shared};

/// Scores JSON Lines records with `score.py` (`--dated` or not); prints
/// the table and gives the figures.
fn score(jsonl: &str, dated: bool) -> serde_json::Value {
    let shared = shared();
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("seeds.jsonl");
    std::fs::write(&out, jsonl).expect("write records");
    let mut cmd = Command::new("python3");
    cmd.arg(shared.join("eval/score.py"))
        .arg(shared.join("gold/seeds.json"))
        .arg(&out)
        .arg("--json");
    if dated {
        cmd.arg("--dated");
    }
    let run = cmd.output().expect("python3 runs the scorer");
    let stdout = String::from_utf8_lossy(&run.stdout);
    println!("{stdout}");
    assert!(
        run.status.success(),
        "scorer failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    serde_json::from_str(stdout.lines().last().expect("figures")).expect("JSON figures")
}

#[test]
fn seeds_without_dates_find_the_publication_dates_the_text_gives() {
    let shared = shared();
    let front = Front::new(None);
    let mut names: Vec<_> = std::fs::read_dir(shared.join("corpus/seeds"))
        .expect("corpus/seeds")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut jsonl = String::new();
    for path in names {
        let raw = std::fs::read_to_string(&path).expect("seed article");
        let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("seed");
        let doc = front.run(id, &raw, None);
        jsonl.push_str(&serde_json::to_string(&doc.record()).expect("record"));
        jsonl.push('\n');
    }
    let f = score(&jsonl, false);
    assert_eq!(f["documents_missing"], 0);
    assert_eq!(f["published_found"].as_f64(), Some(1.0), "published_found");
    assert_eq!(f["published_invented"], 0, "published_invented");
}

#[test]
fn seeds_events_reach_the_bars() {
    let shared = shared();
    let feed = std::fs::read_to_string(shared.join("corpus/seeds.jsonl")).expect("seeds.jsonl");
    let front = Front::new(None);
    let mut jsonl = String::new();
    for line in feed.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let doc = front.run(
            v["id"].as_str().expect("id"),
            v["text"].as_str().expect("text"),
            v["published"].as_str(),
        );
        for e in &doc.events {
            assert_eq!(
                doc.body.get(e.start..e.end).map(|s| s.is_empty()),
                Some(false),
                "{}: event span {}..{} does not cut the body",
                doc.id,
                e.start,
                e.end
            );
            assert!(
                doc.body.contains(&e.sentence),
                "{}: sentence not in body",
                doc.id
            );
        }
        if std::env::var_os("EVENTS_DEBUG").is_some() {
            eprintln!("=== {}", doc.id);
            for e in &doc.events {
                eprintln!(
                    "{:9} {:>3} {:28} -> {:28} {} {:?} | {}",
                    e.kind,
                    if e.negated { "NOT" } else { "" },
                    e.source.as_ref().map_or("-".into(), |a| format!(
                        "{}/{}",
                        a.name,
                        a.country.clone().unwrap_or_default()
                    )),
                    e.target.as_ref().map_or("-".into(), |a| format!(
                        "{}/{}",
                        a.name,
                        a.country.clone().unwrap_or_default()
                    )),
                    e.date.as_ref().map_or("-".into(), |d| d.value.clone()),
                    e.quote,
                    doc.body.get(e.start..e.end).unwrap_or("")
                );
            }
        }
        jsonl.push_str(&serde_json::to_string(&doc.record()).expect("record"));
        jsonl.push('\n');
    }
    if let Some(keep) = std::env::var_os("EVENTS_KEEP") {
        std::fs::write(keep, &jsonl).expect("keep records");
    }
    let figures = score(&jsonl, true);
    let f = |k: &str| figures[k].as_f64().unwrap_or(0.0);
    assert_eq!(figures["documents_missing"], 0);
    assert!(
        f("event_strict_core_recall") >= 0.80,
        "event_strict_core_recall {}",
        f("event_strict_core_recall")
    );
    assert!(
        f("event_strict_precision") >= 0.70,
        "event_strict_precision {}",
        f("event_strict_precision")
    );
    assert!(
        f("event_quad_core_recall") >= 0.90,
        "event_quad_core_recall {}",
        f("event_quad_core_recall")
    );
    assert!(
        f("event_date_accuracy") >= 0.85,
        "event_date_accuracy {}",
        f("event_date_accuracy")
    );
}
