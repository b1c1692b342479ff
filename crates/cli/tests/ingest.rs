//! `chronicle ingest`, `search`, `show` and `stats` on the examples, idempotence,
//! failures, and an ingest killed midway.

mod common;

use std::time::{Duration, Instant};

use common::*;

fn db_count(db: &std::path::Path) -> i64 {
    let conn = rusqlite::Connection::open(db).expect("open");
    conn.query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        .unwrap_or(0)
}

#[test]
fn ingest_search_show_stats_and_idempotence() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("t.db");
    let db_s = db.to_str().expect("utf-8 path");
    let root = root();
    let out = ingest_examples(&db);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("10 ingested, 0 already present, 0 failed"),
        "{stderr}"
    );

    let again = run_in(&root, &["ingest", "examples/", "--db", db_s]);
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(again.status.success(), "{stderr}");
    assert!(
        stderr.contains("0 ingested, 10 already present, 0 failed"),
        "{stderr}"
    );
    assert_eq!(db_count(&db), 10);

    // Accents and case folded: "etat d'urgence" finds "état d’urgence".
    let hits = run_in(
        &root,
        &["search", "--db", db_s, "--json", "etat", "urgence"],
    );
    assert!(
        hits.status.success(),
        "{}",
        String::from_utf8_lossy(&hits.stderr)
    );
    let hits = records(&hits);
    assert!(!hits.is_empty());
    assert_eq!(hits[0]["id"], "01_valdorie_etat_urgence");
    assert!(
        hits[0]["snippet"].as_str().unwrap_or("").contains('['),
        "highlighted: {}",
        hits[0]["snippet"]
    );

    let show = run_in(&root, &["show", "--db", db_s, "01_valdorie_etat_urgence"]);
    assert!(show.status.success());
    let recs = records(&show);
    assert_eq!(recs.len(), 1);
    check_record(&recs[0]);
    assert_eq!(recs[0]["dateline"], "Lorvane");

    let stats = run_in(&root, &["stats", "--db", db_s]);
    assert!(stats.status.success());
    let text = String::from_utf8_lossy(&stats.stdout);
    assert!(text.contains("10"), "{text}");

    // Events from the store by actor and date: what was done to Valdorie.
    let events = run_in(
        &root,
        &[
            "events",
            "--db",
            db_s,
            "--json",
            "--target",
            "XVA",
            "--from",
            "2024-03-01",
        ],
    );
    assert!(
        events.status.success(),
        "{}",
        String::from_utf8_lossy(&events.stderr)
    );
    let events = records(&events);
    assert!(!events.is_empty(), "events aimed at Valdorie");
    for e in &events {
        assert_eq!(e["target_country"], "XVA");
        assert!(e["date"].as_str().unwrap_or("") >= "2024-03-01", "{e}");
    }

    let missing = run_in(&root, &["show", "--db", db_s, "no-such-document"]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn failed_inputs_are_summarised_and_the_rest_is_stored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::create_dir(d.join("in")).expect("mkdir");
    std::fs::write(
        d.join("in/ok.txt"),
        "Le gouvernement ostrien a annoncé jeudi l’envoi de renforts à la frontière valdorienne.",
    )
    .expect("write");
    std::fs::write(d.join("in/empty.txt"), "").expect("write");
    let db = d.join("t.db");
    let out = chronicle()
        .arg("ingest")
        .arg(d.join("in"))
        .arg("--db")
        .arg(&db)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("1 ingested, 0 already present, 1 failed"),
        "{stderr}"
    );
    assert!(stderr.contains("empty.txt"), "{stderr}");
    assert_eq!(db_count(&db), 1);
}

/// A feed of `n` distinct invented articles, made by recombining sentences.
fn big_feed(n: usize) -> String {
    let subjects = [
        "Le président valdorien",
        "La ministre ostrienne",
        "Le porte-parole du gouvernement",
        "Le roi de Sarmance",
        "L’opposition morvanienne",
    ];
    let verbs = [
        "a salué",
        "a condamné",
        "a rencontré",
        "a critiqué",
        "a soutenu",
    ];
    let objects = [
        "la décision de Lorvane",
        "l’accord de Kravany",
        "la mission de l’OSCM",
        "le plan de paix",
        "les sanctions",
    ];
    let mut s = String::new();
    for i in 0..n {
        let para = |k: usize| {
            format!(
                "{} {} {} le {} mars, selon un communiqué numéro {}.",
                subjects[(i + k) % 5],
                verbs[(i / 5 + k) % 5],
                objects[(i / 25 + k) % 5],
                1 + (i + k) % 28,
                i * 7 + k
            )
        };
        let text = format!("{}\n\n{}\n\n{}", para(0), para(1), para(2));
        s.push_str(
            &serde_json::json!({"id": format!("doc-{i}"), "published": "2024-03-05", "text": text})
                .to_string(),
        );
        s.push('\n');
    }
    s
}

#[test]
fn an_ingest_killed_midway_leaves_whole_documents_and_a_rerun_completes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let feed = dir.path().join("feed.jsonl");
    let n = 4_000;
    std::fs::write(&feed, big_feed(n)).expect("write feed");
    let db = dir.path().join("t.db");
    let mut child = chronicle()
        .arg("ingest")
        .arg(&feed)
        .arg("--db")
        .arg(&db)
        .args(["--batch", "8", "-j", "1"])
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawns");
    // Wait until some documents are stored, then kill the process outright.
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        if db.exists() && db_count(&db) > 0 {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().expect("kill");
    child.wait().expect("wait");

    let stored = db_count(&db);
    assert!(stored > 0, "some documents were stored before the kill");
    {
        let conn = rusqlite::Connection::open(&db).expect("open");
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity_check");
        assert_eq!(ok, "ok");
        // Every stored document is whole: its record parses and its body is indexed.
        let mut stmt = conn
            .prepare("SELECT record FROM documents")
            .expect("prepare");
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .expect("query");
        for row in rows {
            let rec: serde_json::Value =
                serde_json::from_str(&row.expect("row")).expect("a whole record");
            check_record(&rec);
            assert_eq!(rec["body"].as_str().map(|b| b.lines().count()), Some(3));
        }
    }
    let out = chronicle()
        .arg("ingest")
        .arg(&feed)
        .arg("--db")
        .arg(&db)
        .output()
        .expect("reruns");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(db_count(&db), n as i64, "the rerun completes the batch");
    println!("killed after {stored} of {n} documents; {stderr}");
}
