//! The embedded database of chronicle: where records are kept, searched and
//! counted.
//!
//! This is the last stage of the pipeline (read → clean → … → record → **store**):
//! it takes the [`Record`]s of `design/output.md` and writes each one whole, in
//! one transaction, into a SQLite file: the full JSON record, a `documents` row,
//! normalised rows for its entities, mentions, quotes, events, times, removed
//! pieces and duplicates, and an FTS5 index over title and body that folds case
//! and accents. The same input (same sha256) is stored once. The search command,
//! the CLI and later the HTTP server read through [`Store::search`],
//! [`Store::get`] and [`Store::stats`].
//!
//! ```
//! use chronicle_model::Document;
//! use chronicle_store::{Put, Store};
//!
//! let mut store = Store::open_in_memory()?;
//! let mut doc = Document::default();
//! doc.id = "001_exemple".into();
//! doc.sha256 = "9f2c4e1a".repeat(8);
//! doc.title = Some("Visite à Pékin".into());
//! doc.body = "Le ministre est arrivé à Pékin lundi.".into();
//! assert!(matches!(store.put(&doc.record())?, Put::Inserted { .. }));
//! assert!(matches!(store.put(&doc.record())?, Put::AlreadyPresent { .. }));
//!
//! let hits = store.search("pekin", 10)?;
//! assert_eq!(hits[0].id, "001_exemple");
//! assert!(hits[0].snippet.contains("[Pékin]"));
//! assert_eq!(store.get("9f2c4e1a")?.len(), 1);
//! # Ok::<(), chronicle_store::StoreError>(())
//! ```
//!
//! The schema is versioned: `migrations/NNNN_*.sql` are applied in order when a
//! database is opened, and a database made by a newer chronicle is refused.

#![warn(missing_docs)]

mod corpus;
mod delete;
mod error;
mod events;
mod get;
mod migrate;
mod open;
mod put;
mod query;
mod search;
mod stats;
mod web;
mod write;

#[cfg(test)]
mod testutil;

use std::path::PathBuf;

pub use corpus::{
    CorpusDocumentRow, CorpusRows, EventReport, PassageRow, Period, QuoteReport, Relation,
    ReportFilter, StoredDocument, StoredPassage, StoryActor, StoryDocument, StoryFilter,
    StoryListing, StoryRow, day_iso, day_number, day_range, fold_letter, quad_class,
};
pub use error::StoreError;
pub use events::{EventFilter, EventRow};
pub use put::Put;
pub use search::{Hit, SearchOptions};
pub use stats::Stats;
pub use web::{
    ActorEvent, ActorFilter, ActorListing, ActorMention, DocumentFilter, DocumentListing, Graph,
    GraphEdge, GraphFilter, GraphNode, QUAD_CLASSES, QuoteFilter, QuoteRow,
};

/// An open chronicle database. Writes take `&mut self`; several `Store`s (in
/// one process or several) may open the same file, since it runs in WAL mode.
#[derive(Debug)]
pub struct Store {
    conn: rusqlite::Connection,
    path: PathBuf,
}
