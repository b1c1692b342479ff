//! `chronicle extract` on the bundled examples, on bad input, and on stdin.

mod common;

use std::io::Write;
use std::process::Stdio;

use common::*;

#[test]
fn examples_are_cleaned_as_expected() {
    let root = root();
    let out = run_in(
        &root,
        &["extract", "examples/articles", "examples/feed.jsonl"],
    );
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out);
    let expected: Vec<serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(root.join("examples/expected.json")).expect("expected.json"),
    )
    .expect("expected.json is JSON");
    assert_eq!(recs.len(), expected.len(), "one record per article");
    let mut failures = Vec::new();
    for exp in &expected {
        let id = exp["id"].as_str().expect("id");
        let Some(r) = recs.iter().find(|r| r["id"] == id) else {
            failures.push(format!("{id}: no record"));
            continue;
        };
        check_record(r);
        let body = r["body"].as_str().unwrap_or("");
        let lines: Vec<String> = body.lines().map(squash).collect();
        let same = |a: &serde_json::Value, b: &serde_json::Value| {
            a.as_str().map(|s| squash(s).to_lowercase())
                == b.as_str().map(|s| squash(s).to_lowercase())
        };
        for key in ["title", "dateline", "source"] {
            if !same(&r[key], &exp[key]) {
                failures.push(format!("{id}: {key} is {}, expected {}", r[key], exp[key]));
            }
        }
        for b in exp["boilerplate"].as_array().expect("boilerplate") {
            let b = squash(b.as_str().unwrap_or(""));
            if lines.contains(&b) {
                failures.push(format!("{id}: boilerplate kept: {b}"));
            }
        }
        let first = squash(exp["first_body_line"].as_str().unwrap_or(""));
        if lines.first() != Some(&first) {
            failures.push(format!(
                "{id}: body starts {:?}, expected {:?}",
                lines.first(),
                first
            ));
        }
        for s in exp["subheadings"].as_array().expect("subheadings") {
            let s = squash(s.as_str().unwrap_or(""));
            if !lines.contains(&s) {
                failures.push(format!("{id}: subheading lost: {s}"));
            }
        }
        // A publication date is either given or found; it is never invented.
        if let Some(v) = r["published"]["value"].as_str() {
            let ok = [&exp["published_metadata"], &exp["published_in_text"]]
                .iter()
                .filter_map(|e| e.as_str())
                .any(|e| e.starts_with(&v[..v.len().min(10)]) || v.starts_with(e));
            if !ok {
                failures.push(format!("{id}: published {v} invented"));
            }
        }
        if r["language"] != "fr" {
            failures.push(format!("{id}: language {}", r["language"]));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bad_inputs_are_named_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::write(
        d.join("a_good.txt"),
        "Le président valdorien a reçu mardi son homologue ostrien à Lorvane pour un entretien.\n",
    )
    .expect("write");
    std::fs::write(d.join("b_empty.txt"), "  \n\n").expect("write");
    std::fs::write(
        d.join("c_binary.txt"),
        b"\x00\x01\x02PNG\x00\x00\xff\xfe\x00data\x00",
    )
    .expect("write");
    std::fs::write(
        d.join("d_feed.jsonl"),
        "{\"id\": \"ok-1\", \"text\": \"La ministre ostrienne a salué jeudi la décision du gouvernement valdorien.\"}\nnot json\n{\"id\": \"no-text\"}\n",
    )
    .expect("write");
    let missing = d.join("e_missing.txt");
    let out = chronicle()
        .arg("extract")
        .arg(d)
        .arg(&missing)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failed input makes the exit code 1; stderr: {stderr}"
    );
    let ids: Vec<String> = records(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        ids,
        vec!["a_good".to_string(), "ok-1".to_string()],
        "the good inputs come through, in order"
    );
    for name in [
        "b_empty.txt",
        "c_binary.txt",
        "d_feed.jsonl:2",
        "d_feed.jsonl:3",
        "e_missing.txt",
    ] {
        assert!(
            stderr.lines().any(|l| l.contains(name)),
            "no line names {name}; stderr:\n{stderr}"
        );
    }
}

#[test]
fn stdin_and_a_given_publication_date() {
    let mut child = chronicle()
        .args(["extract", "--published", "2024-03-05", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all("Valdorie : la ministre de l’Intérieur décrète un couvre-feu\n\n(Lorvane) La ministre de l’Intérieur a décrété mardi un couvre-feu dans la capitale valdorienne.\n".as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("waits");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    let r = &recs[0];
    check_record(r);
    assert_eq!(
        r["title"],
        "Valdorie : la ministre de l’Intérieur décrète un couvre-feu"
    );
    assert_eq!(r["dateline"], "Lorvane");
    assert_eq!(r["published"]["value"], "2024-03-05");
    assert_eq!(r["published"]["origin"], "metadata");
    assert!(r["body"].as_str().unwrap_or("").starts_with("La ministre"));
}

#[test]
fn examples_link_their_invented_actors_with_the_extra_table() {
    let root = root();
    let out = run_in(
        &root,
        &[
            "extract",
            "--kb",
            "examples/actors.tsv",
            "examples/articles/01_valdorie_etat_urgence.txt",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out);
    check_record(&recs[0]);
    let entities = recs[0]["entities"].as_array().expect("entities");
    let kessel = entities
        .iter()
        .find(|e| e["name"] == "Arvid Kessel")
        .expect("Kessel is linked");
    assert_eq!(kessel["country"], "XVA");
    assert_eq!(kessel["type"], "PER");
    assert!(
        entities
            .iter()
            .any(|e| e["country"] == "XVA" && e["type"] == "LOC"),
        "Valdorie itself"
    );
}

#[test]
fn actors_says_what_the_base_knows() {
    let out = chronicle()
        .args(["actors", "le président kazakh", "--date", "2022-01-10"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Tokayev"));
    let out = chronicle()
        .args(["actors", "Zzzzqx"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
}
