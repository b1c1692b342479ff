//! Errors of loading the knowledge base.

/// A table that cannot be read, or a row in it that is wrong.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    /// The file or directory could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A row (or the header, line 1 or the first line after the comments)
    /// breaks the table's format.
    #[error("{file}:{line}: {message}")]
    Row {
        /// The table, as it was named when loaded.
        file: String,
        /// The line, counting from 1.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The tables load but the alias index cannot be built from them.
    #[error("building the alias index: {0}")]
    Index(String),
}
