//! A time expression found in a text, with what it was read as.

use chronicle_model::{Precision, Span, TimeExpr};

pub use crate::grammar::Kind;

/// One time expression of a text, normalised against the reference date when
/// one was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte offsets into the text.
    pub span: Span,
    /// The words as written (`&text[span.start..span.end]`).
    pub text: String,
    /// What kind of time it names.
    pub kind: Kind,
    /// ISO 8601 value at its precision (`2021-08-21`, `2022-01`, `2022`,
    /// `2019-03-12T14:30`), or `None` when the text and reference do not say
    /// enough, for durations and sets, and for periods spanning several years.
    pub value: Option<String>,
    /// Precision of `value`.
    pub precision: Option<Precision>,
    /// First day it names (ISO date), when resolved.
    pub first_day: Option<String>,
    /// Last day it names, included (ISO date), when resolved.
    pub last_day: Option<String>,
    /// TIMEX3 value of the words alone, `X` where they leave something open
    /// ("mardi" → `XXXX-WXX-2`, "du 3 au 12 septembre" →
    /// `XXXX-09-03/XXXX-09-12`).
    pub timex: String,
    /// For a range, the first day of its second end: where a range "du 1er
    /// février au mars 2019" stops in the convention that names the end's start.
    pub(crate) range_end_first: Option<String>,
}

impl Found {
    /// The record's form of it.
    pub fn to_time_expr(&self) -> TimeExpr {
        TimeExpr {
            text: self.text.clone(),
            value: self.value.clone(),
            precision: self.precision,
            start: self.span.start,
            end: self.span.end,
        }
    }
}
