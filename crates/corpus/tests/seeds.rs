//! The bar of issue 7 on the five seed articles: the wire-copy paragraphs
//! shared by 001 and 002 are found (and nothing else of substance), and the
//! stories are {001, 002}, {003, 004} and {000}; through the SQLite store,
//! whether the five come in one batch or one by one.

mod common;

use std::collections::BTreeMap;

use chronicle_corpus::{Corpus, MemoryIndex};
use chronicle_model::Document;
use chronicle_store::Store;

fn seeds() -> Vec<Document> {
    let dir = common::shared().join("corpus/seeds");
    let files = common::texts(&dir);
    assert_eq!(files.len(), 5, "expected five seeds in {}", dir.display());
    let front = common::Front::new();
    files.iter().map(|p| front.read(p)).collect()
}

fn short(id: &str) -> &str {
    id.get(..3).unwrap_or(id)
}

/// Stories as sets of short ids, from the store.
fn stories(store: &Store, docs: &[Document]) -> Vec<Vec<String>> {
    let mut by_story: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for d in docs {
        let story = store.story_of(&d.id).expect("story of");
        assert_eq!(story.len(), 1, "{} has no story", d.id);
        by_story
            .entry(story[0].clone())
            .or_default()
            .push(short(&d.id).to_string());
    }
    let mut groups: Vec<Vec<String>> = by_story.into_values().collect();
    groups.sort();
    groups
}

fn check_duplicates(docs: &[Document]) {
    for d in docs {
        for dup in &d.duplicates {
            let text = d.body.get(dup.start..dup.end).unwrap_or_else(|| {
                panic!(
                    "{}: offsets {}..{} do not cut the body",
                    d.id, dup.start, dup.end
                )
            });
            eprintln!(
                "{} ← {} {:.3} {:?}",
                short(&d.id),
                short(&dup.document),
                dup.similarity,
                text
            );
        }
    }
    for d in docs {
        if short(&d.id) != "002" {
            assert!(d.duplicates.is_empty(), "{}: {:?}", d.id, d.duplicates);
        }
    }
    let d2 = &docs[2];
    assert!(d2.duplicates.iter().all(|x| short(&x.document) == "001"));
    let cut: Vec<&str> = d2
        .duplicates
        .iter()
        .map(|x| &d2.body[x.start..x.end])
        .collect();
    // The three wire paragraphs, each from its start.
    let starts = [
        "Selon Xi Jinping, Pékin souhaite coopérer avec le Kazakhstan",
        "Le gouvernement chinois a déjà utilisé cette formule",
        "La Chine est accusée par des pays occidentaux",
    ];
    assert_eq!(cut.len(), 3, "{cut:#?}");
    for (text, start) in cut.iter().zip(starts) {
        assert!(
            text.starts_with(start),
            "{text:?} should start with {start:?}"
        );
    }
    // Whole paragraphs, but for the last one's rewritten second sentence.
    let paragraphs: Vec<&str> = d2.body.split('\n').collect();
    for text in &cut[..2] {
        assert!(
            paragraphs.contains(&text.trim_end()),
            "{text:?} is not a whole paragraph"
        );
    }
    assert!(cut[2].ends_with("dans des camps."), "{:?}", cut[2]);
    let sims: Vec<f64> = d2.duplicates.iter().map(|x| x.similarity).collect();
    assert!(sims[0] > 0.5 && sims[0] < 1.0, "{sims:?}");
    assert!(sims[1] == 1.0 && sims[2] == 1.0, "{sims:?}");
}

const EXPECTED: [&[&str]; 3] = [&["000"], &["001", "002"], &["003", "004"]];

fn expected() -> Vec<Vec<String>> {
    EXPECTED
        .iter()
        .map(|g| g.iter().map(|s| s.to_string()).collect())
        .collect()
}

#[test]
fn seeds_in_one_batch() {
    let corpus = Corpus::builtin().expect("knowledge base");
    let mut docs = seeds();
    let mut store = Store::open_in_memory().expect("store");
    let rows = {
        let mut session = corpus.session(&store);
        for d in docs.iter_mut() {
            session.annotate(d).expect("annotate");
        }
        session.finish()
    };
    let records: Vec<_> = docs.iter().map(Document::record).collect();
    store.put_batch_with_corpus(&records, &rows).expect("store");
    check_duplicates(&docs);
    assert_eq!(stories(&store, &docs), expected());
    // The stored records carry the duplicates.
    let stored = store.get(&docs[2].id).expect("get");
    assert_eq!(stored[0].duplicates, docs[2].duplicates);
    let listing = store
        .stories(&chronicle_store::StoryFilter::default())
        .expect("stories");
    for s in &listing {
        eprintln!("{s}");
    }
    assert_eq!(listing.len(), 3);
}

#[test]
fn seeds_one_by_one() {
    let corpus = Corpus::builtin().expect("knowledge base");
    let mut docs = seeds();
    let mut store = Store::open_in_memory().expect("store");
    for d in docs.iter_mut() {
        let rows = corpus.annotate(d, &store).expect("annotate");
        store
            .put_batch_with_corpus(&[d.record()], &rows)
            .expect("store");
    }
    check_duplicates(&docs);
    assert_eq!(stories(&store, &docs), expected());
}

#[test]
fn seeds_without_knowledge_base_in_memory() {
    let corpus = Corpus::default();
    let mut docs = seeds();
    let mut index = MemoryIndex::new();
    let mut store_like: Vec<(String, i64)> = Vec::new();
    for d in docs.iter_mut() {
        let rows = corpus.annotate(d, &index).expect("annotate");
        store_like.push((short(&d.id).to_string(), rows.documents[0].story));
        index.apply(&[d.record()], &rows);
    }
    check_duplicates(&docs);
    let mut groups: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for (id, story) in store_like {
        groups.entry(story).or_default().push(id);
    }
    let mut groups: Vec<Vec<String>> = groups.into_values().collect();
    groups.sort();
    assert_eq!(groups, expected());
}
