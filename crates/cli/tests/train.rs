//! `chronicle train --quick` reproduces a model set from ../shared on a small
//! slice, and `chronicle eval nlp` reads it back and prints the table.

mod common;

use common::*;

#[test]
fn train_quick_then_eval() {
    let shared = shared();
    let dir = tempfile::tempdir().expect("tempdir");
    let models = dir.path().join("models");
    let out = chronicle()
        .arg("train")
        .arg("--quick")
        .arg("--data")
        .arg(shared.join("data"))
        .arg("--out")
        .arg(&models)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for f in [
        "fr-lexicon.bin",
        "fr-tagger.bin",
        "fr-parser.bin",
        "fr-ner.bin",
    ] {
        assert!(models.join(f).exists(), "{f} written");
    }
    let out = chronicle()
        .arg("eval")
        .arg("nlp")
        .arg("--quick")
        .arg("--shared")
        .arg(&shared)
        .arg("--models")
        .arg(&models)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8_lossy(&out.stdout);
    for row in ["UPOS", "LAS", "NER F1"] {
        assert!(table.contains(row), "no {row} row in\n{table}");
    }
}
