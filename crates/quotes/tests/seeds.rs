//! The seed articles through clean → analyse → quotes, scored by
//! `../shared/eval/score.py` against `../shared/gold/seeds.json`.
//!
//! Without the link stage, speakers are matched by name against the gold
//! aliases. The bars are those of issue 5.

use std::path::{Path, PathBuf};
use std::process::Command;

use chronicle_model::Document;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// Runs the stages on every seed and writes their records as JSON Lines.
fn records(out: &Path) -> usize {
    let seeds = shared().join("corpus/seeds");
    assert!(
        seeds.is_dir(),
        "the shared data is missing: {} must hold the seed articles (../shared next to the repository)",
        seeds.display()
    );
    let cleaner = chronicle_clean::Cleaner::builtin().expect("cleaning rules");
    let segmenter = chronicle_text::Segmenter::french().expect("segmenter");
    let finder = chronicle_quotes::QuoteFinder::french().expect("quote finder");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&seeds)
        .expect("seed folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut lines = String::new();
    for p in &paths {
        let raw = std::fs::read_to_string(p).expect("seed text");
        let stem = p
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let mut doc = Document {
            id: stem,
            path: Some(p.display().to_string()),
            raw,
            ..Document::default()
        };
        cleaner.clean(&mut doc);
        segmenter.analyse(&mut doc);
        finder.find(&mut doc);
        for q in &doc.quotes {
            assert_eq!(&doc.body[q.start..q.end], q.text, "offsets of {q:?}");
        }
        lines.push_str(&serde_json::to_string(&doc.record()).expect("record serialises"));
        lines.push('\n');
    }
    std::fs::write(out, lines).expect("write records");
    paths.len()
}

#[test]
fn seeds_reach_the_quote_bars() {
    let gold = shared().join("gold/seeds.json");
    let score = shared().join("eval/score.py");
    assert!(
        gold.is_file() && score.is_file(),
        "the shared data is missing: need {} and {}",
        gold.display(),
        score.display()
    );
    let out = std::env::temp_dir().join(format!(
        "chronicle-quotes-seeds-{}.jsonl",
        std::process::id()
    ));
    assert_eq!(records(&out), 5, "five seed articles");
    let run = Command::new("python3")
        .arg(&score)
        .arg(&gold)
        .arg(&out)
        .arg("--json")
        .output()
        .expect("python3 runs score.py");
    let _ = std::fs::remove_file(&out);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "score.py failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    println!("{stdout}");
    let last = stdout.lines().last().expect("score.py prints its figures");
    let figures: serde_json::Value = serde_json::from_str(last).expect("figures as JSON");
    let get = |k: &str| figures[k].as_f64().unwrap_or(-1.0);
    for (key, bar) in [
        ("quote_recall", 0.95),
        ("quote_precision", 0.95),
        ("quote_speaker_accuracy", 0.95),
        ("indirect_recall", 0.80),
        ("indirect_speaker_accuracy", 0.90),
    ] {
        assert!(get(key) >= bar, "{key} = {:.3} is below {bar}", get(key));
    }
}
