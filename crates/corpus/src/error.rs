//! What can go wrong in the corpus stage: only its index can fail.

/// An error of the corpus stage.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// A look-up in the store failed.
    #[error("corpus index: {0}")]
    Store(#[from] chronicle_store::StoreError),

    /// The knowledge base could not be loaded.
    #[error("corpus knowledge base: {0}")]
    Kb(#[from] chronicle_kb::KbError),
}
