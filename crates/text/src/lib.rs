//! French surface tokens and sentences for chronicle.
//!
//! This crate sits in the pipeline after `clean` (which leaves the article
//! body as paragraphs joined by `\n`) and before `analyse`/nlp (tagging,
//! parsing, entities), which work on its tokens and sentences. A [`Segmenter`]
//! is built once from a language's word lists (`data/lang/fr/`, embedded in
//! the binary, or read from a folder at run time) and shared by all threads;
//! [`Segmenter::analyse`] fills a [`chronicle_model::Document`]'s tokens and
//! sentences. The [`eval`] module measures both against Universal
//! Dependencies treebanks.

#![warn(missing_docs)]

mod chars;
mod conllu;
pub mod eval;
mod lexicon;
mod segmenter;
mod sentences;
mod tokens;

pub use eval::{EvalError, Report, run_ud_eval};
pub use lexicon::{AbbreviationKind, Lexicon, LexiconError};
pub use segmenter::{Segmenter, Tokenizer};
