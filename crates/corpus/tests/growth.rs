//! The quick version of the growth benchmark, as a test that cannot be
//! flaky: instead of timing, it counts what annotating a document reads from
//! the index (calls and rows returned), over 2,000 documents recombined from
//! real paragraphs, and holds that the last documents read no more than the
//! early ones: the work per document is bounded by the stage's limits, not by
//! the size of the index. `cargo bench --bench growth` times the real thing
//! on SQLite at 1k, 10k and 100k.

// The benchmark's generator; this test uses one of its modes.
#[allow(dead_code)]
#[path = "../benches/growth/generate.rs"]
mod generate;

use std::cell::Cell;

use chronicle_corpus::{Corpus, CorpusError, CorpusIndex, MemoryIndex};
use chronicle_model::Document;
use chronicle_store::{StoredDocument, StoredPassage, StoryRow};

/// An index that counts the calls made to it and the rows it returns.
struct Counting<'a> {
    inner: &'a MemoryIndex,
    calls: Cell<usize>,
    rows: Cell<usize>,
    /// Rows from posting lists and documents fetched, apart.
    postings: Cell<usize>,
    documents: Cell<usize>,
}

impl Counting<'_> {
    fn count<T>(&self, rows: usize, value: T) -> T {
        self.calls.set(self.calls.get() + 1);
        self.rows.set(self.rows.get() + rows);
        value
    }
}

impl CorpusIndex for Counting<'_> {
    fn band_hits(&self, bands: &[i64], per_band: usize) -> Result<Vec<(i64, i64)>, CorpusError> {
        let v = self.inner.band_hits(bands, per_band)?;
        // One look-up per band key.
        self.calls
            .set(self.calls.get() + bands.len().saturating_sub(1));
        Ok(self.count(v.len(), v))
    }
    fn cluster_members(&self, c: i64, limit: usize) -> Result<Vec<StoredPassage>, CorpusError> {
        let v = self.inner.cluster_members(c, limit)?;
        Ok(self.count(v.len(), v))
    }
    fn document(&self, doc: i64) -> Result<Option<StoredDocument>, CorpusError> {
        let v = self.inner.document(doc)?;
        let n = v.as_ref().map_or(0, |d| 1 + d.passages.len());
        self.documents.set(self.documents.get() + 1);
        Ok(self.count(n, v))
    }
    fn fingerprint(&self, f: i64) -> Result<Option<i64>, CorpusError> {
        let v = self.inner.fingerprint(f)?;
        Ok(self.count(usize::from(v.is_some()), v))
    }
    fn frequencies(&self, terms: &[i64]) -> Result<(u64, Vec<u64>), CorpusError> {
        let v = self.inner.frequencies(terms)?;
        self.calls
            .set(self.calls.get() + terms.len().saturating_sub(1));
        Ok(self.count(terms.len(), v))
    }
    fn postings(&self, term: i64, limit: usize) -> Result<Vec<i64>, CorpusError> {
        let v = self.inner.postings(term, limit)?;
        self.postings.set(self.postings.get() + v.len());
        Ok(self.count(v.len(), v))
    }
    fn stories_of(&self, docs: &[i64]) -> Result<Vec<(i64, i64)>, CorpusError> {
        let v = self.inner.stories_of(docs)?;
        self.calls
            .set(self.calls.get() + docs.len().saturating_sub(1));
        Ok(self.count(v.len(), v))
    }
    fn stories(&self, ids: &[i64]) -> Result<Vec<StoryRow>, CorpusError> {
        let v = self.inner.stories(ids)?;
        self.calls
            .set(self.calls.get() + ids.len().saturating_sub(1));
        Ok(self.count(v.len(), v))
    }
}

const TOTAL: usize = 2000;
const BATCH: usize = 64;

/// What annotating one document read.
#[derive(Debug, Clone, Copy)]
struct Work {
    calls: usize,
    rows: usize,
    postings: usize,
    documents: usize,
    duplicates: usize,
}

#[test]
fn the_work_per_document_does_not_grow_with_the_index() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let mut generator = generate::Generator::load(&shared, generate::Mode::Window, TOTAL)
        .unwrap_or_else(|e| panic!("the growth test needs the shared texts: {e}"));
    let corpus = Corpus::default();
    let mut index = MemoryIndex::new();
    let mut work: Vec<Work> = Vec::with_capacity(TOTAL);
    let mut n = 0;
    while n < TOTAL {
        // No tokenizer here: the stage's own sentence rule stands in.
        let mut docs: Vec<Document> = (n..(n + BATCH).min(TOTAL))
            .map(|i| generator.document(i))
            .collect();
        let counting = Counting {
            inner: &index,
            calls: Cell::new(0),
            rows: Cell::new(0),
            postings: Cell::new(0),
            documents: Cell::new(0),
        };
        let rows = {
            let mut session = corpus.session(&counting);
            for d in docs.iter_mut() {
                let before = (
                    counting.calls.get(),
                    counting.rows.get(),
                    counting.postings.get(),
                    counting.documents.get(),
                );
                session.annotate(d).expect("annotate");
                work.push(Work {
                    calls: counting.calls.get() - before.0,
                    rows: counting.rows.get() - before.1,
                    postings: counting.postings.get() - before.2,
                    documents: counting.documents.get() - before.3,
                    duplicates: d.duplicates.len(),
                });
            }
            session.finish()
        };
        let records: Vec<_> = docs.iter().map(Document::record).collect();
        index.apply(&records, &rows);
        n += docs.len();
    }
    let mean = |range: std::ops::Range<usize>, f: fn(&Work) -> usize| {
        work[range.clone()].iter().map(f).sum::<usize>() as f64 / range.len() as f64
    };
    for k in (400..=TOTAL).step_by(400) {
        eprintln!(
            "documents {:>4}..{k}: look-ups {:.0}, rows read {:.0} (posting lists {:.0}), documents aligned {:.1}, duplicates {:.1}",
            k - 100,
            mean(k - 100..k, |w| w.calls),
            mean(k - 100..k, |w| w.rows),
            mean(k - 100..k, |w| w.postings),
            mean(k - 100..k, |w| w.documents),
            mean(k - 100..k, |w| w.duplicates)
        );
    }
    let (early, late) = (400..500, TOTAL - 100..TOTAL);
    assert!(
        mean(late.clone(), |w| w.duplicates) > 1.0,
        "recombined documents share passages"
    );
    // The number of look-ups does not grow…
    let (a, b) = (
        mean(early.clone(), |w| w.calls),
        mean(late.clone(), |w| w.calls),
    );
    assert!(b <= 1.15 * a, "look-ups per document {a} → {b}");
    // …and neither do the rows they read, but for posting lists filling up
    // to their limit.
    let other = |w: &Work| w.rows - w.postings;
    let (a, b) = (mean(early, other), mean(late, other));
    assert!(b <= 1.5 * a, "rows per document {a} → {b}");
    // Whatever the index holds, the limits of the settings hold.
    let c = corpus.config();
    for (i, w) in work.iter().enumerate() {
        assert!(
            w.postings <= c.query_terms * c.per_term,
            "document {i}: {w:?}"
        );
        assert!(w.documents <= c.max_candidates, "document {i}: {w:?}");
    }
}
