//! The pipeline up to `link` (read → clean → analyse → link) for the
//! integration tests, and the gold scorer of `../shared/eval/score.py`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use chronicle_clean::Cleaner;
use chronicle_link::Linker;
use chronicle_model::Document;
use chronicle_read::{ReadOptions, read};
use chronicle_text::Segmenter;

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The shared folder beside the repository (corpus, gold, scorer); fails
/// with a clear message when it is missing.
pub fn shared() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    assert!(
        dir.join("eval/score.py").is_file() && dir.join("gold/seeds.json").is_file(),
        "the shared folder is missing: expected {} with eval/score.py, gold/seeds.json and corpus/seeds/",
        dir.display()
    );
    dir
}

/// Reads, cleans, analyses and links every input of `paths`, in order.
pub fn run(paths: &[PathBuf], linker: &Linker) -> Vec<Document> {
    let cleaner = Cleaner::builtin().unwrap_or_else(|e| panic!("cleaning rules: {e}"));
    let segmenter = Segmenter::french().unwrap_or_else(|e| panic!("segmenter: {e}"));
    read(paths, &ReadOptions::default())
        .map(|input| {
            let input = input.unwrap_or_else(|e| panic!("{e}"));
            let mut doc = input.into_document();
            cleaner.clean(&mut doc);
            segmenter.analyse(&mut doc);
            linker.link(&mut doc, &[]);
            doc
        })
        .collect()
}

/// Holds that every mention's offsets cut its text out of the body.
pub fn check_offsets(docs: &[Document]) {
    for d in docs {
        for e in &d.entities {
            for m in &e.mentions {
                assert_eq!(
                    d.body.get(m.start..m.end),
                    Some(m.text.as_str()),
                    "{}: mention {m:?} of {} does not cut its text",
                    d.id,
                    e.name
                );
            }
        }
    }
}

/// Writes the records as JSON Lines to a temporary file; its path.
pub fn write_records(docs: &[Document], name: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!(
        "chronicle-link-{name}-{}.jsonl",
        std::process::id()
    ));
    let mut text = String::new();
    for d in docs {
        let line = serde_json::to_string(&d.record()).unwrap_or_else(|e| panic!("{e}"));
        text.push_str(&line);
        text.push('\n');
    }
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    path
}

/// Runs the scorer on a records file; its table, and its figures.
pub fn score(records: &Path, dated: bool) -> (String, serde_json::Value) {
    let shared = shared();
    let mut cmd = Command::new("python3");
    cmd.arg(shared.join("eval/score.py"))
        .arg(shared.join("gold/seeds.json"))
        .arg(records)
        .arg("--json");
    if dated {
        cmd.arg("--dated");
    }
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("python3 could not run the scorer: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "score.py failed: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let last = stdout.lines().last().unwrap_or("{}");
    let figures: serde_json::Value =
        serde_json::from_str(last).unwrap_or_else(|e| panic!("score.py --json: {e}: {last}"));
    (stdout, figures)
}

/// A figure of the scorer's output.
pub fn figure(figures: &serde_json::Value, key: &str) -> f64 {
    figures[key]
        .as_f64()
        .unwrap_or_else(|| panic!("score.py gave no {key}: {figures}"))
}

/// One line per entity: name, type, country, id, mentions.
pub fn show(docs: &[Document]) {
    for d in docs {
        println!(
            "== {} (published {:?})",
            d.id,
            d.published.as_ref().map(|p| &p.value)
        );
        for e in &d.entities {
            let ms: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
            println!(
                "  {:<40} {:<4} {:<4} {:<28} {}",
                e.name,
                e.kind,
                e.country.as_deref().unwrap_or("-"),
                e.id.as_deref().unwrap_or("-"),
                ms.join(" | ")
            );
        }
    }
}
