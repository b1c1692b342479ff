//! What can go wrong when the event coder is built. Coding a document never
//! fails: what the patterns cannot read gives no event.

/// An error building the lexicon or the coder.
#[derive(Debug, thiserror::Error)]
pub enum EventError {
    /// A lexicon file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A lexicon file is not valid TOML or lacks a section.
    #[error("{path}: {message}")]
    Parse {
        /// The file.
        path: String,
        /// What the TOML reader said.
        message: String,
    },
    /// An entry of the lexicon is wrong.
    #[error("{path}: entry `{entry}`: {message}")]
    Entry {
        /// The file.
        path: String,
        /// The entry's lemma or first form.
        entry: String,
        /// What is wrong with it.
        message: String,
    },
    /// The knowledge base could not be built.
    #[error("knowledge base: {0}")]
    Kb(#[from] chronicle_kb::KbError),
}
