//! The index the corpus stage looks documents up in, behind a trait: the
//! SQLite store in production ([`chronicle_store::Store`]), [`MemoryIndex`]
//! in tests, and a layer of the batch's earlier documents on top of either.
//!
//! Every method is one index search (or a few, bounded by its `limit`), so
//! annotating a document costs the same whatever the index holds. Documents
//! are numbered by the index: the store's rowids are positive, documents of
//! the batch not yet stored are negative.
//!
//! [`MemoryIndex`]: crate::MemoryIndex

use chronicle_store::{Store, StoredDocument, StoredPassage, StoryRow};

use crate::error::CorpusError;

/// What the corpus stage reads from the documents already indexed.
pub trait CorpusIndex {
    /// The passages filed under each band key, at most `per_band` a key, as
    /// `(band, passage id)` pairs.
    fn band_hits(&self, bands: &[i64], per_band: usize) -> Result<Vec<(i64, i64)>, CorpusError>;

    /// The passages of a cluster, most recent documents first, at most `limit`.
    fn cluster_members(
        &self,
        cluster: i64,
        limit: usize,
    ) -> Result<Vec<StoredPassage>, CorpusError>;

    /// A document with its body, story, days and passages.
    fn document(&self, doc: i64) -> Result<Option<StoredDocument>, CorpusError>;

    /// The most recent document with this fingerprint.
    fn fingerprint(&self, fingerprint: i64) -> Result<Option<i64>, CorpusError>;

    /// The number of documents indexed, and how many contain each term.
    fn frequencies(&self, terms: &[i64]) -> Result<(u64, Vec<u64>), CorpusError>;

    /// The documents filed under a term, most recent first, at most `limit`.
    fn postings(&self, term: i64, limit: usize) -> Result<Vec<i64>, CorpusError>;

    /// The story of each of these documents, as `(doc, story)` pairs.
    fn stories_of(&self, docs: &[i64]) -> Result<Vec<(i64, i64)>, CorpusError>;

    /// The stories with these ids, those that exist.
    fn stories(&self, ids: &[i64]) -> Result<Vec<StoryRow>, CorpusError>;
}

impl CorpusIndex for Store {
    fn band_hits(&self, bands: &[i64], per_band: usize) -> Result<Vec<(i64, i64)>, CorpusError> {
        Ok(self.corpus_band_hits(bands, per_band)?)
    }

    fn cluster_members(
        &self,
        cluster: i64,
        limit: usize,
    ) -> Result<Vec<StoredPassage>, CorpusError> {
        Ok(self.corpus_cluster_members(cluster, limit)?)
    }

    fn document(&self, doc: i64) -> Result<Option<StoredDocument>, CorpusError> {
        Ok(self.corpus_document(doc)?)
    }

    fn fingerprint(&self, fingerprint: i64) -> Result<Option<i64>, CorpusError> {
        Ok(self.corpus_fingerprint(fingerprint)?)
    }

    fn frequencies(&self, terms: &[i64]) -> Result<(u64, Vec<u64>), CorpusError> {
        Ok(self.corpus_frequencies(terms)?)
    }

    fn postings(&self, term: i64, limit: usize) -> Result<Vec<i64>, CorpusError> {
        Ok(self.corpus_postings(term, limit)?)
    }

    fn stories_of(&self, docs: &[i64]) -> Result<Vec<(i64, i64)>, CorpusError> {
        Ok(self.corpus_stories_of(docs)?)
    }

    fn stories(&self, ids: &[i64]) -> Result<Vec<StoryRow>, CorpusError> {
        Ok(self.corpus_stories(ids)?)
    }
}
