//! The bar on the Recognizers-Text French date cases (`../shared/data/dates/`).

use std::path::PathBuf;

#[test]
fn recognizers_text_french_dates_pass_the_bar() {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/dates/"
    ));
    assert!(
        dir.join("DateParser.json").is_file(),
        "the Recognizers-Text French date cases are missing: expected them in {} \
         (DateExtractor.json, DateParser.json, DatePeriodExtractor.json, DatePeriodParser.json)",
        dir.display()
    );
    let report = chronicle_time::eval::run_dates_eval(&dir).expect("the evaluation runs");
    println!("{report}");
    for file in ["DateExtractor", "DateParser", "DatePeriodParser"] {
        let rate = report.rate(file).expect("file measured");
        assert!(
            rate >= 0.90,
            "{file}: pass rate {:.1}% is under the 90% bar\n{report}",
            100.0 * rate
        );
    }
}
