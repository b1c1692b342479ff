//! The document and its annotations, and the record that every exit prints.
//!
//! This crate holds data only: the [`Document`] that flows through the pipeline
//! (read → clean → analyse → link → time → quotes → events → record → store), each
//! stage adding to it, and the [`Record`], the JSON shape of `design/output.md`
//! that `extract` prints and the store keeps. No stage logic lives here.

mod document;
mod record;
mod span;

pub use document::{Document, Given, NamedSpan, Sentence, Token, TokenKind, Word};
pub use record::{
    Actor, DateValue, Duplicate, Entity, Event, Mention, Origin, Precision, Published, Quote,
    Record, Removal, RemovalReason, TimeExpr,
};
pub use span::Span;
