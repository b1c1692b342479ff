//! Why an input could not be read.

use std::io;

/// One input that could not be read: which one, and why. It prints as one line,
/// `<name>: <reason>`, where the name is the path, `path:LINE` for a JSON Lines
/// line, or `<stdin>`.
#[derive(Debug, thiserror::Error)]
#[error("{name}: {reason}")]
pub struct ReadError {
    /// How the input is named in messages: the path, `path:LINE`, or `<stdin>`.
    pub name: String,
    /// What went wrong.
    pub reason: Reason,
}

impl ReadError {
    /// An error about the input called `name`.
    pub fn new(name: impl Into<String>, reason: Reason) -> Self {
        ReadError {
            name: name.into(),
            reason,
        }
    }
}

/// What went wrong with an input. Callers can match on it; its `Display` is the
/// reason part of a [`ReadError`]'s line.
#[derive(Debug, thiserror::Error)]
pub enum Reason {
    /// The operating system refused: missing file, permissions, a read failure.
    #[error("{0}")]
    Io(#[from] io::Error),
    /// No bytes, or only white space.
    #[error("empty")]
    Empty,
    /// NUL bytes outside UTF-16, or too many control characters to be text.
    #[error("binary file, not text")]
    Binary,
    /// Not valid in the encoding it declares or the one it was detected as.
    #[error("cannot decode: {0}")]
    Decode(String),
    /// A JSON Lines line that does not parse.
    #[error("not JSON: {0}")]
    Json(serde_json::Error),
    /// A JSON Lines line that parses to something other than an object.
    #[error("not a JSON object")]
    NotObject,
    /// A JSON object without a string `text` field.
    #[error("no string \"text\" field")]
    NoText,
    /// A JSON object whose `text` is empty or only white space.
    #[error("empty text")]
    EmptyText,
    /// An HTML page in which no article text was found.
    #[error("no article text found in the page")]
    NoMainText,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_one_line_with_the_name_first() {
        let e = ReadError::new("corpus/a.jsonl:3", Reason::NoText);
        assert_eq!(e.to_string(), "corpus/a.jsonl:3: no string \"text\" field");
        let e = ReadError::new("<stdin>", Reason::Binary);
        assert_eq!(e.to_string(), "<stdin>: binary file, not text");
    }
}
