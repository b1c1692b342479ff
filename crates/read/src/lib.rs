//! The read stage: the first stage of chronicle's pipeline, before `clean`.
//!
//! It turns what the command line names (files, folders, `-` for stdin) into a
//! lazy stream of inputs, each an [`Input`] (decoded text, what the input says
//! about itself, the sha256 of its raw bytes) or a [`ReadError`] that names the
//! input and the reason. One bad input never stops the rest.
//!
//! - Plain text (`.txt`, `.text`, and files without a known extension).
//! - JSON Lines (`.jsonl`, `.ndjson`): one article per line, streamed, so a file
//!   of any size is read in constant memory. A line whose `text` is HTML (a
//!   page, or a fragment of block elements) is read as a page: its main text,
//!   the extractor's removals, and its metadata where the line's own fields
//!   (`id`, `url`, `published`, `title`, `source`) say nothing.
//! - HTML (`.html`, `.htm`): metadata from the head and the main text from our own
//!   extractor, with the boilerplate it dropped listed in [`Input::removed`].
//! - Folders: recursive, sorted, hidden entries and non-article files skipped
//!   (see [`SKIPPED_EXTENSIONS`] and [`SKIPPED_NAMES`]).
//! - Any encoding: UTF-8 (with or without byte-order mark), UTF-16 with a mark,
//!   else detected and transcoded; binary and empty inputs are refused.
//!
//! The text is otherwise left as it was: cleaning (title, dateline, captions…)
//! is the next stage's job.
//!
//! ```
//! use chronicle_read::{Format, ReadOptions, input_from_bytes};
//!
//! let page = "<html><head><meta property='og:title' content='Grève'></head>\
//!     <body><nav>Accueil</nav><article><p>Les trains restent \
//!     &agrave; quai.</p></article></body></html>";
//! let page = page.as_bytes();
//! let input = input_from_bytes("greve.html", page, Format::Html, &ReadOptions::default())?;
//! assert_eq!(input.id, "greve");
//! assert_eq!(input.given.title.as_deref(), Some("Grève"));
//! assert_eq!(input.text, "Les trains restent à quai.");
//! # Ok::<(), chronicle_read::ReadError>(())
//! ```

#![warn(missing_docs)]

mod decode;
mod error;
mod format;
mod html;
mod input;
mod jsonl;
mod stream;
mod walk;

pub use error::{ReadError, Reason};
pub use format::{Format, SKIPPED_EXTENSIONS, SKIPPED_NAMES, UnknownFormat};
pub use input::{Input, ReadOptions, input_from_bytes, inputs_from_bytes};
pub use stream::{Inputs, count, read};
