//! French part of speech, morphology, lemmas, dependency trees and named
//! entities for chronicle, with models trained here.
//!
//! This crate is the `analyse` stage's second half: it runs after
//! `chronicle-text` has cut the cleaned body into surface tokens and
//! sentences, and before `link` resolves the entities it finds to actors of
//! the knowledge base (and before `quotes` and `events`, which read the
//! trees). [`Models::analyse`] takes the body, its tokens and its sentences
//! and returns an [`Analysis`]: one [`Word`] per syntactic word (UPOS, six
//! morphological features, lemma, head and UD relation) and the entity
//! mentions ([`EntityMention`], PER/ORG/LOC/MISC) over surface tokens.
//!
//! Every model is an averaged perceptron over hashed features, with the
//! weights quantised to `i16`: a part-of-speech tagger with morphology heads
//! ([`tagger`]), a lemmatiser of tables and suffix rules, an arc-hybrid
//! parser trained with a dynamic oracle, and a BIO entity recogniser. No GPU
//! and no Python at run time; the shipped model files live in
//! `data/models/`, each with a model card, and are embedded in the binary
//! ([`Models::load_builtin`]) or read from a folder ([`Models::load_dir`]).
//! [`train`] reproduces them from `../shared/data`; [`eval`] scores them
//! beside spaCy (`tools/spacy_baseline.py`).
//!
//! Multi-word tokens: our segmenter keeps `au`, `du`, `des`, `auquel` as one
//! surface token. The tagger gives such a token a composite class
//! (`ADP+DET`) when it is a contraction, and the token is then expanded into
//! UD's syntactic words (`à` + `le`), which the parser works on; `des` tagged
//! `DET` (the indefinite article) stays one word. Each [`Word`] says which
//! surface token it comes from.

#![warn(missing_docs)]

mod analysis;
mod clusters;
pub mod conllu;
mod dense;
mod error;
pub mod eval;
mod features;
mod hash;
mod lemma;
mod lexicon;
mod model_file;
mod models;
mod ner;
pub mod ner_data;
mod parser;
mod perceptron;
mod strtable;
pub mod tagger;
mod tags;
pub mod train;
mod vectors;

pub use analysis::{Analysis, EntityMention, Word};
pub use dense::DenseSettings;
pub use error::NlpError;
pub use lexicon::Lexicon;
pub use models::Models;
pub use ner::NerSettings;
pub use parser::ParserSettings;
pub use tagger::TaggerSettings;
pub use tags::{ENTITY_KINDS, EntityKind, MORPH, UPOS, Upos};
