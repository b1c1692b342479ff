//! The invented examples: 02 and 03 are two outlets' versions of the same day
//! built on the same three agency paragraphs, with small edits (soldats /
//! militaires, affirment / assurent, droits de l'homme / de l'Homme,
//! rejette / dément); the corpus stage finds the three, whole, and nothing
//! else, and puts 02 and 03 in one story.

mod common;

use chronicle_corpus::Corpus;
use chronicle_model::Document;
use chronicle_store::Store;

fn examples() -> Vec<Document> {
    let dir = common::root().join("examples/articles");
    let front = common::Front::new();
    common::texts(&dir)
        .iter()
        // 06 is Windows-1252: the read stage decodes it, not this test.
        .filter(|p| !p.to_string_lossy().contains("cp1252"))
        .map(|p| front.read(p))
        .collect()
}

#[test]
fn the_three_agency_paragraphs_of_02_and_03_are_found_whole() {
    let corpus = Corpus::builtin().expect("knowledge base");
    let mut docs = examples();
    assert_eq!(docs.len(), 5, "01, 02, 03, 04 and 07");
    let mut store = Store::open_in_memory().expect("store");
    for d in docs.iter_mut() {
        let rows = corpus.annotate(d, &store).expect("annotate");
        store
            .put_batch_with_corpus(&[d.record()], &rows)
            .expect("store");
    }
    for d in &docs {
        for x in &d.duplicates {
            eprintln!(
                "{} ← {} {:.3} {:?}",
                d.id,
                x.document,
                x.similarity,
                &d.body[x.start..x.end]
            );
        }
    }
    let d3 = docs.iter().find(|d| d.id.starts_with("03_")).expect("03");
    let paragraphs: Vec<&str> = d3.body.split('\n').map(str::trim).collect();
    let starts = [
        "Selon le ministère valdorien de la Défense",
        "La veille, la Garde civique avait ouvert le feu",
        "La Valdorie est accusée par plusieurs organisations",
    ];
    assert_eq!(d3.duplicates.len(), 3, "{:#?}", d3.duplicates);
    for (x, start) in d3.duplicates.iter().zip(starts) {
        assert!(x.document.starts_with("02_"), "{x:?}");
        let text = &d3.body[x.start..x.end];
        assert!(text.starts_with(start), "{text:?}");
        assert!(
            paragraphs.contains(&text),
            "not a whole paragraph: {text:?}"
        );
        assert!(x.similarity > 0.5 && x.similarity < 1.0, "{x:?}");
    }
    for d in docs.iter().filter(|d| !d.id.starts_with("03_")) {
        assert!(d.duplicates.is_empty(), "{}: {:?}", d.id, d.duplicates);
    }
    let story = |prefix: &str| {
        let d = docs.iter().find(|d| d.id.starts_with(prefix)).expect("doc");
        store.story_of(&d.id).expect("story")
    };
    assert_eq!(story("02_"), story("03_"));
}
