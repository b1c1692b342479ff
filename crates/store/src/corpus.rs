//! The corpus index: the rows the `corpus` stage (chronicle-corpus) writes with
//! each document, the look-ups it runs against them, and the questions that
//! need several documents (stories, quotes and events told by several
//! outlets, relations between two actors over time).
//!
//! The store holds no corpus logic: passage ids, band keys, term vectors and
//! story centroids are chosen and read by chronicle-corpus; here they are
//! integers and opaque blobs, written in the same transaction as their
//! document ([`Store::put_batch_with_corpus`]) and found again by index
//! look-ups whose cost does not grow with the number of documents stored
//! beyond a B-tree search.

mod days;
mod fold;
mod lookup;
mod memory;
mod relations;
mod reports;
mod rows;
mod stories;
mod write;

pub use days::{day_iso, day_number, day_range};
pub use fold::base as fold_letter;
pub use lookup::{StoredDocument, StoredPassage};
pub use relations::{Period, Relation, quad_class};
pub use reports::{EventReport, QuoteReport, ReportFilter};
pub use rows::{CorpusDocumentRow, CorpusRows, PassageRow, StoryActor, StoryRow};
pub use stories::{StoryDocument, StoryFilter, StoryListing};
