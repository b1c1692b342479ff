//! The link stage: every actor an article names, with every mention of it.
//!
//! Analysts ask about actors, not strings: "everything China said about
//! Kazakhstan" must find *Pékin*, *la Chine*, *le gouvernement chinois*, *Xi
//! Jinping* and *le ministre chinois des Affaires étrangères*. This crate sits
//! in the pipeline after `analyse` (it reads the body, its tokens and
//! sentences, and the publication date) and before `time`, `quotes` and
//! `events`, which speak of the actors it finds: it fills
//! [`Document::entities`] (the `entities` of `design/output.md`), one
//! [`chronicle_model::Entity`] per distinct actor in order of first mention,
//! each mention with its byte offsets into the body.
//!
//! How a [`Linker`] reads a body:
//!
//! - names, aliases and acronyms of the knowledge base (`chronicle-kb`) are
//!   mentions of their actor; a capital or seat of power is its government
//!   ("Pékin rejette" → China) unless a preposition makes it the place ("à
//!   Pékin" → Beijing); a demonym is a people when written as a noun ("des
//!   Kazakhs") or after a group noun ("l'ethnie ouïghoure"), and otherwise
//!   only gives a country to the phrase it qualifies;
//! - surnames ("M. Xi", "Tokaïev") go to the person the document names in
//!   full, else to the one in office on the article's date;
//! - role phrases ("le président kazakh", "le chef de la diplomatie kazakhe",
//!   "le président du Kazakhstan") go to the person the text names beside
//!   them, else to the holder of the office on the article's date, else (no
//!   date) to the one person of the document who held it; "son homologue
//!   kazakh" takes the role of the person just named; "le gouvernement
//!   chinois" and "les autorités kazakhes" are the state;
//! - a person the base does not know, named after a title or role ("le
//!   porte-parole kazakh Aidos Ukibay", "M. X") or in apposition, becomes an
//!   actor of the document (no id) with the country the phrase gives; a
//!   later stage that finds such a person (the quotes stage, for a speaker no
//!   entity covers) adds it with [`add_local_person`], after the entities
//!   already there;
//! - spans of a statistical recogniser ([`NerSpan`]), when there are any, add
//!   what the rules missed.
//!
//! The word lists these rules use are data (`data/lang/fr/link.toml`, built
//! in); the facts are the knowledge base's. [`describe`] says what the base
//! knows about a name, for `chronicle actors NAME`.

#![warn(missing_docs)]

mod describe;
mod entities;
mod error;
mod hits;
mod locals;
mod ner;
mod roles;
mod rules;
mod run;
mod titles;
mod words;

use std::path::Path;

use chronicle_kb::KnowledgeBase;
use chronicle_model::Document;

pub use describe::describe;
pub use error::LinkError;
pub use locals::add_local_person;
pub use ner::{NerLabel, NerSpan};
pub use rules::Rules;

use run::Run;

/// Links the mentions of a document to actors. Built once (the knowledge base
/// and the word lists), read-only after that, shared by every thread.
#[derive(Debug, Clone)]
pub struct Linker {
    kb: KnowledgeBase,
    rules: Rules,
}

impl Linker {
    /// A linker over `kb` with the French rules built into the binary.
    pub fn new(kb: KnowledgeBase) -> Result<Linker, LinkError> {
        Ok(Linker::with_rules(kb, Rules::french()?))
    }

    /// A linker over the built-in knowledge base with the built-in French
    /// rules.
    pub fn builtin() -> Result<Linker, LinkError> {
        Linker::new(KnowledgeBase::builtin()?)
    }

    /// A linker over `kb` with the given rules.
    pub fn with_rules(kb: KnowledgeBase, rules: Rules) -> Linker {
        Linker { kb, rules }
    }

    /// The knowledge base.
    pub fn kb(&self) -> &KnowledgeBase {
        &self.kb
    }

    /// The word lists.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Adds a user table of actors to the base (`--kb extra.tsv`); the number
    /// of rows read. On error the base is unchanged.
    pub fn add_kb_file(&mut self, path: &Path) -> Result<usize, LinkError> {
        Ok(self.kb.add_file(path)?)
    }

    /// Sets `doc.entities` from its body: the mentions the knowledge base and
    /// the rules find, and the spans `ner` gives (byte offsets into the body,
    /// empty when there is no recogniser). Reads the tokens and sentences of
    /// the analyse stage (and makes rough ones when it did not run) and
    /// `doc.published` for the office holders of role phrases.
    pub fn link(&self, doc: &mut Document, ner: &[NerSpan]) {
        let entities = {
            let mut run = Run::new(&self.kb, &self.rules, doc);
            run.read_hits();
            run.stretch_surnames();
            let mut windows = run.windows();
            run.names_beside(&mut windows);
            run.link_roles(&mut windows);
            run.institutions();
            run.read_ner(ner, &windows);
            run.local_surnames();
            run.nationality_before_person();
            run.entities()
        };
        doc.entities = entities;
    }
}

#[cfg(test)]
mod tests;
