//! The five seed articles (`../shared/corpus/seeds/`): the publication date is
//! inferred where the text says enough and null where it does not.

use std::path::PathBuf;

use chronicle_model::{Document, Origin, Precision};
use chronicle_time::TimeTagger;

fn seed(prefix: &str) -> Document {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/seeds/"
    ));
    assert!(
        dir.is_dir(),
        "the seed articles are missing: expected them in {}",
        dir.display()
    );
    let path = std::fs::read_dir(&dir)
        .expect("seed folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed {prefix}_* in {}", dir.display()));
    Document {
        body: std::fs::read_to_string(&path).expect("seed text"),
        language: Some("fr".into()),
        ..Document::default()
    }
}

fn annotated(prefix: &str) -> Document {
    let mut doc = seed(prefix);
    TimeTagger::french().expect("french").annotate(&mut doc);
    for t in &doc.times {
        assert_eq!(&doc.body[t.start..t.end], t.text, "{prefix}: offsets");
    }
    doc
}

fn value_of(doc: &Document, text: &str) -> Option<String> {
    doc.times
        .iter()
        .find(|t| t.text == text)
        .unwrap_or_else(|| panic!("{text:?} not found in {:?}", doc.times))
        .value
        .clone()
}

#[test]
fn bare_weekdays_give_no_publication_date() {
    for prefix in ["001", "002"] {
        let doc = annotated(prefix);
        assert_eq!(
            doc.published, None,
            "{prefix}: nothing in the text dates it"
        );
        assert!(
            doc.times
                .iter()
                .any(|t| t.text == "mardi" && t.value.is_none()),
            "{prefix}: mardi found and left unresolved: {:?}",
            doc.times
        );
    }
    let doc = annotated("002");
    assert_eq!(
        value_of(&doc, "janvier\u{a0}2020").as_deref(),
        Some("2020-01")
    );
}

#[test]
fn a_weekday_and_date_fitting_the_one_year_named_give_the_month() {
    let doc = annotated("003");
    let p = doc
        .published
        .clone()
        .expect("inferred from lundi 10 janvier + Début 2022");
    assert!(p.value.starts_with("2022-01"), "{p:?}");
    assert_eq!(p.precision, Precision::Month);
    assert_eq!(p.origin, Origin::Text);
    assert_eq!(
        value_of(&doc, "lundi 10 janvier").as_deref(),
        Some("2022-01-10")
    );
    assert_eq!(value_of(&doc, "Début 2022").as_deref(), Some("2022"));
    // Known to the month only: a bare weekday and "aujourd'hui" stay open.
    assert_eq!(value_of(&doc, "Vendredi"), None);
    assert_eq!(value_of(&doc, "aujourd’hui"), None);
}

#[test]
fn inline_metadata_dates_the_article_and_its_months() {
    let doc = annotated("000");
    let p = doc.published.clone().expect("date 2019-03");
    assert_eq!(p.value, "2019-03");
    assert_eq!(value_of(&doc, "février").as_deref(), Some("2019-02"));
    assert_eq!(value_of(&doc, "mardi soir"), None);
}

#[test]
fn a_caption_date_is_not_the_publication_date() {
    let doc = annotated("004");
    assert_eq!(doc.published, None);
    assert_eq!(
        value_of(&doc, "21 août 2021").as_deref(),
        Some("2021-08-21")
    );
}
