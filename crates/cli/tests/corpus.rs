//! The corpus stage through the CLI: shared passages in the records of
//! `extract` and `ingest`, stories, relations, and quotes and events grouped
//! across reports.

mod common;

use common::{check_record, ingest_examples, records, root, run_in, shared};
use serde_json::Value;

fn ok(out: &std::process::Output) -> Vec<Value> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    records(out)
}

/// The ids of each story's documents, sorted, stories sorted.
fn story_sets(stories: &[Value]) -> Vec<Vec<String>> {
    let mut sets: Vec<Vec<String>> = stories
        .iter()
        .map(|s| {
            let mut ids: Vec<String> = s["documents"]
                .as_array()
                .expect("documents")
                .iter()
                .map(|d| d["id"].as_str().expect("id").to_string())
                .collect();
            ids.sort();
            ids
        })
        .collect();
    sets.sort();
    sets
}

#[test]
fn examples_share_passages_and_form_stories() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("c.db");
    let db_s = db.to_str().expect("utf-8 path");
    let root = root();
    let out = ingest_examples(&db);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("share passages with others"), "{stderr}");

    // 02 and 03 are two outlets' versions of the same agency copy: the later
    // one read names the other, over the three shared paragraphs.
    let show = |id: &str| {
        let recs = ok(&run_in(&root, &["show", "--db", db_s, id]));
        check_record(&recs[0]);
        recs.into_iter().next().expect("one record")
    };
    let r02 = show("02_valdorie_troupes_ostriennes");
    let r03 = show("03_ostrie_renforts_ostriatoday");
    let (later, earlier) = if r03["duplicates"].as_array().is_some_and(|d| !d.is_empty()) {
        (&r03, &r02)
    } else {
        (&r02, &r03)
    };
    let dups = later["duplicates"].as_array().expect("duplicates");
    assert!(!dups.is_empty(), "02 and 03 share paragraphs");
    for d in dups {
        assert_eq!(d["document"], earlier["id"], "{d}");
        let sim = d["similarity"].as_f64().expect("similarity");
        assert!((0.5..=1.0).contains(&sim), "{d}");
    }
    let body = later["body"].as_str().expect("body");
    let shared_bytes: u64 = dups
        .iter()
        .map(|d| d["end"].as_u64().unwrap_or(0) - d["start"].as_u64().unwrap_or(0))
        .sum();
    assert!(
        shared_bytes > 300 && (shared_bytes as usize) < body.len(),
        "three paragraphs, not the whole article: {shared_bytes} of {}",
        body.len()
    );
    for other in [
        "01_valdorie_etat_urgence",
        "06_sarmance_morvanie_peche-cp1252",
    ] {
        assert_eq!(
            show(other)["duplicates"],
            Value::Array(Vec::new()),
            "{other}"
        );
    }

    // Stories: the examples' README tells one crisis in Valdorie over nine
    // documents, and an unrelated fishing dispute (06).
    let stories = ok(&run_in(&root, &["stories", "--db", db_s, "--json"]));
    let sets = story_sets(&stories);
    let fishing = "06_sarmance_morvanie_peche-cp1252".to_string();
    assert_eq!(sets.len(), 2, "{sets:?}");
    assert!(sets.contains(&vec![fishing.clone()]), "{sets:?}");
    assert!(
        sets.iter().any(|s| s.len() == 9 && !s.contains(&fishing)),
        "{sets:?}"
    );
    for s in &stories {
        assert!(s["first"].as_str() <= s["last"].as_str(), "{s}");
    }
    let many = ok(&run_in(
        &root,
        &["stories", "--db", db_s, "--json", "--min-documents", "2"],
    ));
    assert!(
        many.iter()
            .all(|s| s["documents"].as_array().is_some_and(|d| d.len() >= 2))
    );

    // Relations between Valdorie and Ostrie by month: March 2024 has events
    // both ways, each row's quad classes adding up to its events.
    let rel = ok(&run_in(
        &root,
        &[
            "relations",
            "XVA",
            "XOS",
            "--by",
            "month",
            "--db",
            db_s,
            "--json",
        ],
    ));
    assert!(rel.iter().any(|r| r["period"] == "2024-03"), "{rel:?}");
    for r in &rel {
        let quad: u64 = r["quad"]
            .as_array()
            .expect("quad")
            .iter()
            .map(|n| n.as_u64().unwrap_or(0))
            .sum();
        let types: u64 = r["types"]
            .as_object()
            .expect("types")
            .values()
            .map(|n| n.as_u64().unwrap_or(0))
            .sum();
        assert_eq!(types, r["events"].as_u64().expect("events"), "{r}");
        assert!(quad <= types, "{r}");
        assert!(
            (r["source"] == "XVA" && r["target"] == "XOS")
                || (r["source"] == "XOS" && r["target"] == "XVA"),
            "{r}"
        );
    }
    let weeks = ok(&run_in(
        &root,
        &[
            "relations",
            "XVA",
            "XOS",
            "--by",
            "week",
            "--db",
            db_s,
            "--json",
        ],
    ));
    assert!(weeks.iter().any(|r| {
        r["period"]
            .as_str()
            .is_some_and(|p| p.starts_with("2024-W"))
    }));
    let bad = run_in(
        &root,
        &["relations", "XVA", "XOS", "--by", "year", "--db", db_s],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--by"));
    let none = run_in(&root, &["relations", "XVA", "ZZZ", "--db", db_s]);
    assert_eq!(none.status.code(), Some(1));

    // Quotes and events grouped across reports: every group names its
    // documents once, and the copy shared by 02 and 03 is one fact with two.
    let quotes = ok(&run_in(&root, &["quotes", "--db", db_s, "--json"]));
    assert!(!quotes.is_empty());
    for q in &quotes {
        let docs = q["documents"].as_array().expect("documents");
        let mut ids: Vec<&str> = docs.iter().filter_map(|d| d.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), docs.len(), "{q}");
    }
    let events = ok(&run_in(
        &root,
        &[
            "events",
            "--grouped",
            "--min-reports",
            "2",
            "--db",
            db_s,
            "--json",
        ],
    ));
    assert!(
        !events.is_empty(),
        "the shared copy's events have two reports"
    );
    for e in &events {
        let docs = e["documents"].as_array().expect("documents");
        assert!(docs.len() >= 2, "{e}");
    }
    let typed = ok(&run_in(
        &root,
        &[
            "events",
            "--grouped",
            "--type",
            "support",
            "--db",
            db_s,
            "--json",
        ],
    ));
    assert!(typed.iter().all(|e| e["type"] == "SUPPORT"), "{typed:?}");
    let both = run_in(
        &root,
        &[
            "events",
            "--grouped",
            "--source",
            "XVA",
            "--target",
            "XOS",
            "--db",
            db_s,
        ],
    );
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn extract_names_the_earlier_documents_of_its_run() {
    let root = root();
    let args = [
        "extract",
        "examples/articles/02_valdorie_troupes_ostriennes.txt",
        "examples/articles/03_ostrie_renforts_ostriatoday.txt",
        "--kb",
        "examples/actors.tsv",
    ];
    let recs = ok(&run_in(&root, &args));
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["duplicates"], Value::Array(Vec::new()));
    let dups = recs[1]["duplicates"].as_array().expect("duplicates");
    assert!(!dups.is_empty());
    assert!(dups.iter().all(|d| d["document"] == recs[0]["id"]));
    for r in &recs {
        check_record(r);
    }
    let mut off = args.to_vec();
    off.push("--no-corpus");
    let recs = ok(&run_in(&root, &off));
    assert!(
        recs.iter()
            .all(|r| r["duplicates"] == Value::Array(Vec::new()))
    );
}

/// The bars on the seeds: the shared paragraphs of 001 and 002 are
/// found and no others of substance; 001 and 002 form one story, 003 and 004
/// another, 000 its own.
#[test]
fn seeds_share_the_001_002_paragraphs_and_form_three_stories() {
    let shared = shared();
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    let db_s = db.to_str().expect("utf-8 path");
    let feed = shared.join("corpus/seeds.jsonl");
    let out = run_in(
        dir.path(),
        &["ingest", feed.to_str().expect("utf-8"), "--db", db_s],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let all = ok(&run_in(&root(), &["stories", "--db", db_s, "--json"]));
    let sets = story_sets(&all);
    let id = |prefix: &str| -> String {
        all.iter()
            .flat_map(|s| s["documents"].as_array().cloned().unwrap_or_default())
            .filter_map(|d| d["id"].as_str().map(str::to_string))
            .find(|i| i.starts_with(prefix))
            .unwrap_or_else(|| panic!("no document {prefix}"))
    };
    let mut want = vec![
        vec![id("000")],
        vec![id("001"), id("002")],
        vec![id("003"), id("004")],
    ];
    want.sort();
    assert_eq!(sets, want);

    for prefix in ["000", "001", "002", "003", "004"] {
        let recs = ok(&run_in(&root(), &["show", "--db", db_s, &id(prefix)]));
        let r = &recs[0];
        check_record(r);
        let dups = r["duplicates"].as_array().expect("duplicates");
        if prefix == "002" {
            assert!(!dups.is_empty(), "002 repeats paragraphs of 001");
            let body = r["body"].as_str().expect("body");
            let mut bytes = 0;
            for d in dups {
                assert_eq!(d["document"].as_str(), Some(id("001").as_str()), "{d}");
                let (s, e) = (
                    d["start"].as_u64().expect("start") as usize,
                    d["end"].as_u64().expect("end") as usize,
                );
                bytes += e - s;
                assert!(body.get(s..e).is_some(), "{d}");
            }
            assert!(bytes > 400 && bytes < body.len() / 2, "{bytes}");
        } else {
            assert!(dups.is_empty(), "{prefix}: {dups:?}");
        }
    }

    // The relation the seeds are about, month by month.
    let rel = ok(&run_in(
        &root(),
        &[
            "relations",
            "CHN",
            "KAZ",
            "--by",
            "month",
            "--db",
            db_s,
            "--json",
        ],
    ));
    let periods: Vec<&str> = rel.iter().filter_map(|r| r["period"].as_str()).collect();
    for month in ["2019-03", "2022-01", "2022-09"] {
        assert!(periods.contains(&month), "{periods:?}");
    }
}

/// A run spread over workers: two processes extract halves of the examples
/// without the corpus stage, and `load` stores their records in order. The
/// store ends up as `ingest` leaves it: the same records, duplicates
/// included, and the same stories. Bad lines are reported by file and line.
#[test]
fn extract_on_workers_then_load_is_ingest() {
    let root = root();
    let dir = tempfile::tempdir().expect("tempdir");
    let parts = dir.path().join("parts");
    std::fs::create_dir(&parts).expect("mkdir");
    let halves: [&[&str]; 2] = [
        &[
            "examples/articles/01_valdorie_etat_urgence.txt",
            "examples/articles/02_valdorie_troupes_ostriennes.txt",
            "examples/articles/03_ostrie_renforts_ostriatoday.txt",
            "examples/articles/04_valdorie_remercie_ostrie.txt",
        ],
        &[
            "examples/articles/05_sarmance_menace_sanctions.html",
            "examples/articles/06_sarmance_morvanie_peche-cp1252.txt",
            "examples/articles/07_stavek_visite_lorvane.txt",
            "examples/feed.jsonl",
        ],
    ];
    for (i, half) in halves.iter().enumerate() {
        let mut args = vec!["extract", "--no-corpus", "--kb", "examples/actors.tsv"];
        args.extend_from_slice(half);
        let out = run_in(&root, &args);
        assert!(out.status.success());
        // As Spark or Dask name their output: part-00000, part-00001.
        std::fs::write(parts.join(format!("part-{i:05}")), &out.stdout).expect("write");
    }
    std::fs::write(parts.join("_SUCCESS"), "").expect("write");
    std::fs::write(
        parts.join("part-2.jsonl"),
        "{\"id\": \"broken\"}\nnot json\n",
    )
    .expect("write");

    let loaded = dir.path().join("l.db");
    let out = run_in(
        &root,
        &[
            "load",
            parts.to_str().expect("utf-8"),
            "--kb",
            "examples/actors.tsv",
            "--db",
            loaded.to_str().expect("utf-8"),
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("10 ingested, 0 already present, 2 failed"),
        "{stderr}"
    );
    assert!(
        stderr.contains("part-2.jsonl:1: not a chronicle record"),
        "{stderr}"
    );
    assert!(
        stderr.contains("part-2.jsonl:2: not a chronicle record"),
        "{stderr}"
    );

    let ingested = dir.path().join("i.db");
    assert!(ingest_examples(&ingested).status.success());
    let (l, i) = (
        loaded.to_str().expect("utf-8"),
        ingested.to_str().expect("utf-8"),
    );
    let stories = |db: &str| story_sets(&ok(&run_in(&root, &["stories", "--db", db, "--json"])));
    assert_eq!(stories(l), stories(i));
    let ids: Vec<String> = stories(i).into_iter().flatten().collect();
    assert_eq!(ids.len(), 10);
    for id in &ids {
        let a = ok(&run_in(&root, &["show", "--db", l, id]));
        let b = ok(&run_in(&root, &["show", "--db", i, id]));
        assert_eq!(a, b, "{id}");
    }

    // Loading again adds nothing.
    let again = run_in(
        &root,
        &[
            "load",
            parts.join("part-00000").to_str().expect("utf-8"),
            "--db",
            l,
        ],
    );
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("0 ingested, 4 already present"));
}
