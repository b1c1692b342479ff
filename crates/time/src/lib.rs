//! The `time` stage: time expressions of French news text, found and
//! normalised against the publication date.
//!
//! Sits after `analyse` (tokens, sentences) and `link`, before `quotes` and
//! `events`: it reads the cleaned body and the publication date, and fills
//! `Document::times` with every date, period, range and clock time of the
//! body at the precision the words give ("le 21 août 2021" a day, "janvier
//! 2020" a month, "début 2022" the year), reading weekdays and other relative
//! words against the publication date by the tense of the nearby verb ("a
//! déclaré mardi" is the Tuesday before, "se rendra jeudi" the Thursday
//! after). Without a publication date, relative expressions stay unresolved
//! rather than guessed; when the document has none, the stage takes it from
//! the text where the text says enough, and leaves it null otherwise.
//!
//! The words (months, weekdays, number words, "la veille", tense endings) are
//! data, `data/lang/<code>/time.toml`, built in for French and loadable from a
//! directory ([`TimeTagger::from_dir`]); the grammar that combines them (a day
//! before its month, a range's two ends) is code, one module per family of
//! expressions. [`eval`] measures the tagger on the Recognizers-Text French
//! date cases.

#![warn(missing_docs)]

mod calendar;
mod error;
pub mod eval;
mod expr;
mod fold;
mod found;
mod grammar;
mod lexicon;
mod numbers;
mod published;
mod reference;
mod resolve;
mod tagger;
mod tense;
mod timex;
mod tokens;

pub use error::TimeError;
pub use found::{Found, Kind};
pub use reference::Reference;
pub use tagger::TimeTagger;
