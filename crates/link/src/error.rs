//! Errors of building a linker.

/// The word lists of the link stage could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not TOML of the expected shape.
    #[error("{path}: {message}")]
    Format {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The knowledge base could not be built.
    #[error(transparent)]
    Kb(#[from] chronicle_kb::KbError),
}
