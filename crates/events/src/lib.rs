//! The events stage: who did what to whom, when and where, as PLOVER events.
//!
//! It sits in the pipeline after `quotes` and before `record` (read → clean →
//! analyse → link → time → quotes → **events** → record → store). It reads
//! the body's tokens and sentences (`analyse`), the linked actors and their
//! mentions (`link`), the normalised time expressions and publication date
//! (`time`) and the quotations with their speakers (`quotes`), and fills
//! [`Document::events`], the `events` of `design/output.md`.
//!
//! An [`EventCoder`] holds a French lexicon (`data/lang/fr/events.toml`:
//! verbs, nouns and fixed phrases with their PLOVER type, mode and argument
//! frame, conjugated by a small data-driven routine) and the knowledge base
//! (nationality adjectives, offices, countries). For each sentence it cuts
//! clauses, finds verb groups (auxiliaries, negation, tense, voice) and the
//! triggers of the lexicon, and reads each frame's arguments:
//!
//! - the subject is the actor mention opening the clause before its verb,
//!   past fronted adjuncts, appositions and incises; a participle, a verb
//!   coordinated by `et` and a clause after a reporting incise take the
//!   subject of the clause they hang on; `il`/`elle` is the person named
//!   last, `je`/`nous` the speaker of the quotation;
//! - the target is the object, a prepositional argument (`à`, `avec`,
//!   `contre`, `de`…), the place gone to, or the first actor after the verb,
//!   as the frame says; coordinated actors give one event each;
//! - passives (`est accusée par`), nominalisations (`l'invasion de l'Ukraine
//!   par la Russie`, `des sanctions occidentales`), nouns after light verbs
//!   (`a affiché son soutien à`), erupting nouns (`des manifestations ont
//!   éclaté`) and meeting nouns after a preposition (`après une rencontre
//!   avec`) are read too; the complement of a promise, a call or an
//!   accusation is its content, not an event of its own;
//! - `ne … pas/jamais/plus`, `aucun … ne` negate; `à l'exception de X`
//!   names the one who did.
//!
//! Actors are coded as `design/events.md` says: a person or a state body as
//! the country or organisation they act for on the article's date (the
//! event's actor is that country, its `entity` the mention the text gave),
//! except the target of an arrest, who stays the person. A date comes from
//! the event's clause, else the clauses its sentence hangs on, else the
//! publication date read through the tense; the place from a locative
//! argument.
//!
//! The argument patterns sit behind one trait (`arguments::Arguments`), so
//! a reader of the dependency trees the analyse stage now gives can replace
//! them. Where the tagger ran, its parts of speech already settle words the
//! lexicon reads as both verb and noun ("la presse", "une visite").

#![warn(missing_docs)]

mod actors;
mod arguments;
mod clauses;
mod coder;
mod conjugate;
mod dates;
mod discourse;
mod error;
#[cfg(test)]
mod explain;
mod fold;
mod groups;
mod lexicon;
mod merge;
mod patterns;
mod reading;
mod text;
mod triggers;

use std::path::Path;

use chronicle_kb::KnowledgeBase;
use chronicle_model::{Document, Event};

pub use error::EventError;
pub use lexicon::Lexicon;

/// Codes PLOVER events. Built once from the lexicon and the knowledge base,
/// read-only after that, shared by every thread (it is `Send + Sync`).
#[derive(Debug, Clone)]
pub struct EventCoder {
    lexicon: Lexicon,
    kb: KnowledgeBase,
}

impl EventCoder {
    /// A coder with the French lexicon built into the binary over `kb` (the
    /// base the link stage uses, with any user tables added to it).
    pub fn new(kb: KnowledgeBase) -> Result<EventCoder, EventError> {
        Ok(EventCoder::with_lexicon(kb, Lexicon::french()?))
    }

    /// A coder with the built-in French lexicon and knowledge base.
    pub fn builtin() -> Result<EventCoder, EventError> {
        EventCoder::new(KnowledgeBase::builtin()?)
    }

    /// A coder over `kb` with the lexicon of `<dir>/<language>/events.toml`.
    pub fn from_dir(
        kb: KnowledgeBase,
        dir: &Path,
        language: &str,
    ) -> Result<EventCoder, EventError> {
        Ok(EventCoder::with_lexicon(
            kb,
            Lexicon::from_dir(dir, language)?,
        ))
    }

    /// A coder over `kb` with `lexicon`.
    pub fn with_lexicon(kb: KnowledgeBase, lexicon: Lexicon) -> EventCoder {
        EventCoder { lexicon, kb }
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The knowledge base.
    pub fn kb(&self) -> &KnowledgeBase {
        &self.kb
    }

    /// The events of `doc`, in text order, without changing it. Needs the
    /// tokens and sentences of the analyse stage (no events without them).
    pub fn events(&self, doc: &Document) -> Vec<Event> {
        if doc.tokens.is_empty() || doc.sentences.is_empty() {
            return Vec::new();
        }
        merge::merge(coder::code(doc, &self.lexicon, &self.kb))
            .into_iter()
            .map(|c| c.event)
            .collect()
    }

    /// Sets `doc.events`.
    pub fn code(&self, doc: &mut Document) {
        doc.events = self.events(doc);
    }
}

#[cfg(test)]
mod tests;
