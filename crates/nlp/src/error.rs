//! The one error type of the crate.

use std::path::PathBuf;

/// What can go wrong loading, training or evaluating models.
#[derive(Debug, thiserror::Error)]
pub enum NlpError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
    /// A model file is truncated, of another kind or version, or inconsistent.
    #[error("model {name}: {message}")]
    Model {
        /// Which model (file name or kind).
        name: String,
        /// What is wrong.
        message: String,
    },
    /// A line of a training or evaluation file cannot be read.
    #[error("{path}:{line}: {message}")]
    Data {
        /// The file.
        path: PathBuf,
        /// 1-based line number (0 when the whole file is at fault).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The tokenizer could not be built.
    #[error("segmenter: {0}")]
    Segmenter(String),
    /// A training configuration that cannot work (no data, bad sizes).
    #[error("config: {0}")]
    Config(String),
}

impl NlpError {
    /// An I/O error on `path`.
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        NlpError::Io {
            path: path.into(),
            source,
        }
    }

    /// A model-file error.
    pub(crate) fn model(name: &str, message: impl Into<String>) -> Self {
        NlpError::Model {
            name: name.to_string(),
            message: message.into(),
        }
    }
}

/// Reads a whole file as UTF-8.
pub(crate) fn read_text(path: &std::path::Path) -> Result<String, NlpError> {
    std::fs::read_to_string(path).map_err(|e| NlpError::io(path, e))
}
