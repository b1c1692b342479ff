//! The rows the corpus stage adds to a batch, written with its documents.

use serde::{Deserialize, Serialize};

/// Everything the corpus stage adds to one batch of documents: a row per
/// document and the new state of every story the batch touched. Written by
/// [`crate::Store::put_batch_with_corpus`] in the batch's transaction.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorpusRows {
    /// One per annotated document, tied to its record by sha256.
    pub documents: Vec<CorpusDocumentRow>,
    /// The stories the batch created or changed, as they are after it.
    pub stories: Vec<StoryRow>,
}

/// What the corpus stage keeps about one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorpusDocumentRow {
    /// The sha256 of the document's record; rows of a record that turns out to
    /// be already stored are not written.
    pub sha256: String,
    /// The story it belongs to.
    pub story: i64,
    /// First and last day of its publication date (days since 1970-01-01).
    pub days: Option<(i64, i64)>,
    /// Hash of its folded words, equal for the same text under two addresses.
    pub fingerprint: i64,
    /// Its term vector (opaque to the store).
    pub terms: Vec<u8>,
    /// Every distinct term it contains: each adds one to that term's document
    /// frequency.
    pub vocabulary: Vec<i64>,
    /// Its most distinctive terms, under which later documents find it.
    pub postings: Vec<i64>,
    /// Its sentences long enough to compare.
    pub passages: Vec<PassageRow>,
}

/// One sentence of a document in its cluster of near-identical sentences.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PassageRow {
    /// Its id (unique over the store).
    pub id: i64,
    /// Byte offset of its start in the body.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// The id of its cluster's representative (its own id when it starts a
    /// cluster).
    pub cluster: i64,
    /// Resemblance to the sentence it joined through, 0 to 1 (1 when it
    /// starts its cluster).
    pub similarity: f64,
    /// LSH band keys, for a representative only (empty otherwise).
    pub bands: Vec<i64>,
}

/// A story as it stands: documents about the same happening in the same days.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryRow {
    /// Its id (unique over the store).
    pub id: i64,
    /// First and last day of its dated documents (days since 1970-01-01).
    pub days: Option<(i64, i64)>,
    /// How many documents it holds.
    pub size: u64,
    /// The sum of its documents' term vectors (opaque to the store).
    pub centroid: Vec<u8>,
    /// Its most mentioned actors, most first.
    pub actors: Vec<StoryActor>,
}

/// An actor of a story with how often its documents name it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryActor {
    /// Knowledge-base id, when known.
    pub id: Option<String>,
    /// Name.
    pub name: String,
    /// Mentions over the story's documents.
    pub mentions: u64,
}
