//! Errors of loading cleaning rules.

/// A rule file that cannot be read or understood.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not valid TOML of the expected shape.
    #[error("{path}: {message}")]
    Format {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A pattern in the file is not a valid regular expression.
    #[error("{path}: pattern {pattern:?}: {message}")]
    Pattern {
        /// The file.
        path: String,
        /// The pattern.
        pattern: String,
        /// Why it does not compile.
        message: String,
    },
}
