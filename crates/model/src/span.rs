//! Byte spans into a document's cleaned body.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the cleaned body (UTF-8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether it covers no byte.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text it covers in `body`, or `None` when it does not fall on character
    /// boundaries of `body`.
    pub fn cut<'a>(&self, body: &'a str) -> Option<&'a str> {
        body.get(self.start..self.end)
    }
}
