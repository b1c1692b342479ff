//! Gold test: `chronicle extract` on the seed articles of `../shared`, scored
//! by `../shared/eval/score.py` against the hand annotations.

mod common;

use common::*;

fn score(args: &[&str], jsonl: &[u8]) -> serde_json::Value {
    common::score(&shared().join("gold/seeds.json"), args, jsonl)
}

#[test]
fn seeds_clean_and_keep_the_article() {
    let shared = shared();
    let out = chronicle()
        .arg("extract")
        .arg(shared.join("corpus/seeds"))
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for r in records(&out) {
        check_record(&r);
    }
    let f = score(&[], &out.stdout);
    assert_eq!(f["documents_missing"], 0);
    assert!(
        f["body_kept"].as_f64().unwrap_or(0.0) >= 0.98,
        "body_kept {}",
        f["body_kept"]
    );
    assert!(
        f["boilerplate_removed"].as_f64().unwrap_or(0.0) >= 1.0,
        "boilerplate_removed {}",
        f["boilerplate_removed"]
    );
    assert!(
        f["title_accuracy"].as_f64().unwrap_or(0.0) >= 1.0,
        "title_accuracy {}",
        f["title_accuracy"]
    );
    assert_eq!(f["published_invented"], 0, "published_invented");
    assert!(
        f["published_found"].as_f64().unwrap_or(0.0) >= 1.0,
        "published_found {}",
        f["published_found"]
    );
    let at_least = |key: &str, bar: f64| {
        assert!(
            f[key].as_f64().unwrap_or(0.0) >= bar,
            "{key} {} < {bar}",
            f[key]
        );
    };
    at_least("entity_f1", 0.95);
    at_least("entity_type_accuracy", 0.95);
    assert_eq!(f["entity_forbidden_found"], 0, "entity_forbidden_found");
    at_least("quote_recall", 0.95);
    at_least("quote_precision", 0.95);
    at_least("quote_speaker_accuracy", 0.95);
    at_least("indirect_recall", 0.80);
    at_least("indirect_speaker_accuracy", 0.90);
}

#[test]
fn seeds_feed_keeps_its_dates() {
    let shared = shared();
    let out = chronicle()
        .arg("extract")
        .arg(shared.join("corpus/seeds.jsonl"))
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 5);
    for r in &recs {
        check_record(r);
        assert_eq!(r["published"]["origin"], "metadata", "{}", r["id"]);
    }
    let f = score(&["--dated"], &out.stdout);
    assert_eq!(f["documents_missing"], 0);
    assert!(
        f["body_kept"].as_f64().unwrap_or(0.0) >= 0.98,
        "body_kept {}",
        f["body_kept"]
    );
    let at_least = |key: &str, bar: f64| {
        assert!(
            f[key].as_f64().unwrap_or(0.0) >= bar,
            "{key} {} < {bar}",
            f[key]
        );
    };
    at_least("event_strict_core_recall", 0.80);
    at_least("event_strict_precision", 0.70);
    at_least("event_quad_core_recall", 0.90);
    at_least("event_date_accuracy", 0.85);
}
