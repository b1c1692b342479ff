//! The corpus stage: what needs several documents. Agencies' copy is reprinted
//! everywhere; an analyst must see one fact once, with all its sources.
//!
//! It runs at ingest, after `events` and before `store`, across documents:
//! each new document is compared with everything the store already holds and
//! with the earlier documents of its batch, through index look-ups only, so
//! adding a document costs the same with a thousand documents stored as with
//! a hundred thousand (`benches/growth.rs` measures it).
//!
//! - **Shared passages.** Sentences long enough to compare are cut into
//!   3-word shingles of folded words (case, accents and apostrophes do not
//!   count) and get a MinHash signature; its 12 band keys find, in the
//!   store, the clusters of near-identical sentences already seen. The
//!   documents those clusters lead to are aligned with the new one sentence
//!   by sentence (Jaccard similarity of shingles, with a lower bar next to a
//!   match, so a sentence with a changed verb inside a copied paragraph is
//!   kept), and each run of matched sentences in a paragraph becomes a
//!   [`Duplicate`](chronicle_model::Duplicate) of the record. A document
//!   that is a copy of another (same words, or nearly all of both) gets one
//!   duplicate over its whole body instead.
//! - **Stories.** Documents about the same happening in the same days are
//!   grouped as they arrive: a document joins the story whose centroid its
//!   tf-idf vector (words, title and lead weighing more, actors and events
//!   when the pipeline found them, names from the knowledge base otherwise)
//!   is close to, or with which it shares passages, unless their dates are
//!   days apart; else it starts a story.
//!
//! The index is the [`CorpusIndex`] trait: the SQLite store in production,
//! [`MemoryIndex`] in tests. A [`Session`] annotates a batch and gathers the
//! rows ([`chronicle_store::CorpusRows`]) written with its records in one
//! transaction by [`chronicle_store::Store::put_batch_with_corpus`]. Quotes
//! and events told by several documents, stories and relations between actors
//! are read back from the store (`Store::quote_reports`,
//! `Store::event_reports`, `Store::stories`, `Store::relations`).
//!
//! ```
//! use chronicle_corpus::{Corpus, MemoryIndex};
//! use chronicle_model::Document;
//!
//! let corpus = Corpus::default();
//! let mut index = MemoryIndex::new();
//! let copy = "La Chine est accusée par des pays occidentaux et des organisations de \
//!             défense des droits de l'homme d'avoir enfermé plus d'un million d'Ouïghours.";
//! let mut docs = Vec::new();
//! let own = ["Le ministre a quitté la capitale lundi soir pour une tournée de trois jours.",
//!            "Les négociations doivent reprendre la semaine prochaine à Genève, selon un diplomate."];
//! for (i, body) in [format!("{}\n{copy}", own[0]), format!("{copy}\n{}", own[1])]
//!     .into_iter()
//!     .enumerate()
//! {
//!     let mut doc = Document { id: format!("doc{i}"), sha256: format!("{i:064x}"), body, ..Document::default() };
//!     let rows = corpus.annotate(&mut doc, &index)?;
//!     index.apply(&[doc.record()], &rows);
//!     docs.push(doc);
//! }
//! let d = &docs[1].duplicates[0];
//! assert_eq!((d.document.as_str(), &docs[1].body[d.start..d.end]), ("doc0", copy));
//! # Ok::<(), chronicle_corpus::CorpusError>(())
//! ```

#![warn(missing_docs)]

mod actors;
mod config;
mod corpus;
mod error;
mod hash;
mod index;
mod memory;
mod minhash;
mod passages;
mod session;
mod stories;
mod terms;
mod units;
mod words;

pub use config::CorpusConfig;
pub use corpus::Corpus;
pub use error::CorpusError;
pub use index::CorpusIndex;
pub use memory::MemoryIndex;
pub use minhash::MinHasher;
pub use session::Session;
