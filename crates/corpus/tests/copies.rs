//! Whole-document duplicates: the same article under two addresses is one
//! duplicate over the whole body, not a list of paragraphs; a copy in the
//! same batch is found as well as one in the store.

mod common;

use chronicle_corpus::{Corpus, MemoryIndex};
use chronicle_model::Document;

fn seed(name: &str) -> std::path::PathBuf {
    let dir = common::shared().join("corpus/seeds");
    common::texts(&dir)
        .into_iter()
        .find(|p| p.to_string_lossy().contains(name))
        .unwrap_or_else(|| panic!("seed {name} missing in {}", dir.display()))
}

fn copy_of(
    front: &common::Front,
    original: &Document,
    id: &str,
    edit: impl Fn(&str) -> String,
) -> Document {
    let mut doc = Document {
        id: id.into(),
        sha256: format!(
            "{:064x}",
            id.len() * 7919 + id.bytes().map(usize::from).sum::<usize>()
        ),
        raw: edit(&original.raw),
        ..Document::default()
    };
    front.run(&mut doc);
    doc
}

#[test]
fn the_same_article_under_two_addresses_is_one_whole_duplicate() {
    let front = common::Front::new();
    let corpus = Corpus::default();
    let original = front.read(&seed("004_"));
    let other = front.read(&seed("001_"));
    // The same text with other page furniture, and one with a sentence
    // reworded by the second outlet.
    let exact = copy_of(&front, &original, "004-miroir", |raw| {
        format!("{raw}\nPartager sur Facebook\n")
    });
    let edited = copy_of(&front, &original, "004-reprise", |raw| {
        raw.replace(
            "ont eu une «longue» conversation",
            "se sont longuement entretenus",
        )
    });
    let mut batch = [original, other, exact, edited];
    let mut index = MemoryIndex::new();
    let rows = {
        let mut session = corpus.session(&index);
        for d in batch.iter_mut() {
            session.annotate(d).expect("annotate");
        }
        session.finish()
    };
    let records: Vec<_> = batch.iter().map(Document::record).collect();
    index.apply(&records, &rows);
    let [original, other, exact, edited] = &batch[..] else {
        panic!("four documents")
    };
    assert!(original.duplicates.is_empty() && other.duplicates.is_empty());
    assert_eq!(exact.duplicates.len(), 1, "{:?}", exact.duplicates);
    let d = &exact.duplicates[0];
    assert_eq!(
        (d.document.as_str(), d.start, d.end, d.similarity),
        (original.id.as_str(), 0, exact.body.len(), 1.0)
    );
    // The edited copy matches both earlier copies, whole.
    assert_eq!(edited.duplicates.len(), 2, "{:?}", edited.duplicates);
    for d in &edited.duplicates {
        assert_eq!((d.start, d.end), (0, edited.body.len()));
        assert!(d.similarity > 0.9 && d.similarity < 1.0, "{d:?}");
    }
    // Copies are one story.
    let story = |i: usize| rows.documents[i].story;
    assert_eq!(story(0), story(2));
    assert_eq!(story(0), story(3));
    assert_ne!(story(0), story(1));

    // Later, against the index: a third copy finds the three.
    let mut late = copy_of(&front, &batch[0], "004-tard", |raw| raw.to_string());
    late.sha256 = "f".repeat(64);
    corpus.annotate(&mut late, &index).expect("annotate");
    let mut found: Vec<&str> = late
        .duplicates
        .iter()
        .map(|d| d.document.as_str())
        .collect();
    found.sort_unstable();
    assert_eq!(found, ["004-miroir", "004-reprise", "004_45cc3b31048e5108"]);
}
