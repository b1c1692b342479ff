//! The `clean` stage: from an article's decoded text to its body.
//!
//! Sits after `read` (which decodes bytes and extracts HTML main text) and
//! before `analyse` (tokens and sentences). It splits the headline, dateline,
//! source line and inline metadata from the text, takes out photo captions and
//! credits, image alt lines, share buttons and related-link blocks, keeps every
//! removed piece with its reason, reads the publication date from the caller's
//! metadata or from the text, and detects the language. Its word lists and
//! patterns are data (`data/lang/*/clean.toml`), not code.

mod cleaner;
pub mod dates;
mod error;
pub mod fold;
pub mod language;
mod rules;

use std::path::Path;

use chronicle_model::Document;

pub use error::RulesError;
pub use rules::{BUILTIN_LANGUAGES, Calendar, DataSource, Rules};

/// The cleaner: rules loaded once, shared by every thread.
#[derive(Debug)]
pub struct Cleaner {
    rules: Rules,
}

impl Cleaner {
    /// A cleaner with the rules built into the binary.
    pub fn builtin() -> Result<Cleaner, RulesError> {
        Ok(Cleaner {
            rules: Rules::load(&DataSource::Builtin, BUILTIN_LANGUAGES)?,
        })
    }

    /// A cleaner with the rules of `languages` read from a `data/` directory.
    pub fn from_dir(dir: &Path, languages: &[&str]) -> Result<Cleaner, RulesError> {
        Ok(Cleaner {
            rules: Rules::load(&DataSource::Dir(dir), languages)?,
        })
    }

    /// The rules in use.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Cleans `doc.raw` into `doc.body`: reads `raw` and `given`; sets `body`,
    /// `paragraphs`, `removed` (appended to what reading removed), `title`,
    /// `dateline`, `source`, `published`, `language`, and adds warnings. Never
    /// fails: text it cannot place stays in the body.
    pub fn clean(&self, doc: &mut Document) {
        cleaner::clean(&self.rules, doc);
    }
}
