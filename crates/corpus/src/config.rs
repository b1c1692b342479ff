//! The settings of the corpus stage, with the values measured on the seeds,
//! the examples and the growth benchmark.

/// Settings of the corpus stage. [`CorpusConfig::default`] is what chronicle
/// ships; the bands and shingle size must not change for a store that
/// already holds band keys, or old passages stop being found.
#[derive(Debug, Clone, PartialEq)]
pub struct CorpusConfig {
    /// Words per shingle.
    pub shingle: usize,
    /// Shingles a sentence needs to be compared (fewer: too short to tell a
    /// copy from a stock phrase).
    pub min_shingles: usize,
    /// LSH bands.
    pub bands: usize,
    /// Signature positions per band.
    pub rows: usize,
    /// Passages read per band key at most.
    pub per_band: usize,
    /// Band keys a document must share with the new one, over all its
    /// sentences, to be aligned with it.
    pub min_band_hits: usize,
    /// Clusters followed per document at most (those hit by most sentences).
    pub max_clusters: usize,
    /// Documents read per cluster at most (most recent first).
    pub members_per_cluster: usize,
    /// Documents aligned with the new one at most (those sharing most).
    pub max_candidates: usize,
    /// Jaccard similarity of shingles at which two sentences match.
    pub match_similarity: f64,
    /// Lower similarity accepted next to a match (a sentence edited more,
    /// inside a copied passage).
    pub extend_similarity: f64,
    /// Similarity at which a sentence joins the cluster of the one it matches
    /// rather than starting its own.
    pub join_similarity: f64,
    /// Shortest passage reported, in bytes.
    pub min_passage_bytes: usize,
    /// Share of both documents' compared text a copy must cover to be a
    /// whole-document duplicate.
    pub whole_document: f64,
    /// Duplicates listed per document at most.
    pub max_duplicates: usize,
    /// Extra weight of each word of the title and lead paragraphs.
    pub lead_weight: f64,
    /// Paragraphs that make the lead.
    pub lead_paragraphs: usize,
    /// Weight of actors (entities, or knowledge-base names) against words.
    pub actor_weight: f64,
    /// Terms kept in a document's stored vector.
    pub stored_terms: usize,
    /// Terms kept in a story's centroid.
    pub centroid_terms: usize,
    /// Terms under which a document is filed for later look-ups.
    pub posting_terms: usize,
    /// Terms of a new document looked up.
    pub query_terms: usize,
    /// Documents read per term looked up (most recent first).
    pub per_term: usize,
    /// Stories compared with a new document at most.
    pub max_stories: usize,
    /// Days between a document and a story beyond which they are not the
    /// same happening.
    pub window_days: i64,
    /// Cosine with a story's centroid needed to join it when both are dated.
    pub join_dated: f64,
    /// Cosine needed when the document or the story has no date.
    pub join_undated: f64,
    /// Share of a document in passages shared with a story that makes it
    /// join the story whatever its words.
    pub join_coverage: f64,
}

impl Default for CorpusConfig {
    fn default() -> CorpusConfig {
        CorpusConfig {
            shingle: 3,
            min_shingles: 6,
            bands: 12,
            rows: 3,
            per_band: 8,
            min_band_hits: 2,
            max_clusters: 64,
            members_per_cluster: 8,
            max_candidates: 16,
            match_similarity: 0.4,
            extend_similarity: 0.25,
            join_similarity: 0.5,
            min_passage_bytes: 40,
            whole_document: 0.9,
            max_duplicates: 64,
            lead_weight: 2.0,
            lead_paragraphs: 2,
            actor_weight: 0.5,
            stored_terms: 256,
            centroid_terms: 512,
            posting_terms: 16,
            query_terms: 12,
            per_term: 16,
            max_stories: 24,
            window_days: 3,
            join_dated: 0.08,
            join_undated: 0.11,
            join_coverage: 0.1,
        }
    }
}
