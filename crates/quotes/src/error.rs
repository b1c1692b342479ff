//! What can go wrong when loading the quote finder's data.

/// The data files of the quote finder could not be read or made sense of.
#[derive(Debug, Clone, thiserror::Error)]
pub enum LexiconError {
    /// A file could not be read.
    #[error("cannot read {path}: {message}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        message: String,
    },
    /// `quotes.toml` is not valid TOML or lacks a field.
    #[error("quotes.toml: {0}")]
    Toml(String),
    /// A list holds something it cannot.
    #[error("{0}")]
    Invalid(String),
}
