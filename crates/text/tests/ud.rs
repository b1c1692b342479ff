//! Token and sentence-boundary scores on the French GSD and Sequoia test sets
//! of Universal Dependencies, held to the bars: token F1 ≥ 99 %, sentence
//! boundary F1 ≥ 97 %. The treebanks live in the shared folder beside the
//! repository; the test fails when they are missing.

use std::path::PathBuf;

use chronicle_text::run_ud_eval;

const TOKEN_F1: f64 = 0.99;
const SENTENCE_F1: f64 = 0.97;

#[test]
fn french_ud_test_sets_meet_the_bars() {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/ud/"
    ));
    let files = ["fr_gsd-ud-test.conllu", "fr_sequoia-ud-test.conllu"].map(|f| dir.join(f));
    for f in &files {
        assert!(
            f.is_file(),
            "UD treebank {} is missing: the shared data folder (../shared/data/ud beside the \
             repository) must hold the French GSD and Sequoia test sets",
            f.display()
        );
    }
    let report = match run_ud_eval(&files) {
        Ok(r) => r,
        Err(e) => panic!("UD evaluation failed: {e}"),
    };
    println!("{report}");
    for f in &report.files {
        assert!(
            f.tokens.f1() >= TOKEN_F1,
            "{}: token F1 {:.2} % is under {:.0} %\n{report}",
            f.file,
            100.0 * f.tokens.f1(),
            100.0 * TOKEN_F1
        );
        assert!(
            f.sentences.f1() >= SENTENCE_F1,
            "{}: sentence-boundary F1 {:.2} % is under {:.0} %\n{report}",
            f.file,
            100.0 * f.sentences.f1(),
            100.0 * SENTENCE_F1
        );
    }
}
