//! The stages chronicle ships, each a thin wrapper over its crate.

use chronicle_clean::Cleaner;
use chronicle_link::Linker;
use chronicle_model::Document;
use chronicle_quotes::QuoteFinder;
use chronicle_text::Tokenizer;
use chronicle_time::TimeTagger;

use crate::stage::{Stage, StageError};

/// `clean`: reads `raw` and `given`; sets body, paragraphs, removed, title,
/// dateline, source, published and language.
pub struct CleanStage(pub Cleaner);

impl Stage for CleanStage {
    fn name(&self) -> &'static str {
        "clean"
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        self.0.clean(doc);
        Ok(())
    }
}

/// `analyse`: reads `body`; sets tokens and sentences.
pub struct AnalyseStage(pub Tokenizer);

impl Stage for AnalyseStage {
    fn name(&self) -> &'static str {
        "analyse"
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        self.0.analyse(doc);
        Ok(())
    }
}

/// `time`: reads `body` and `published`; sets `times`, and `published` (origin
/// text) when the document had none and the text says enough.
pub struct TimeStage(pub TimeTagger);

impl Stage for TimeStage {
    fn name(&self) -> &'static str {
        "time"
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        self.0.annotate(doc);
        Ok(())
    }
}

/// `link`: reads `body`, `sentences` and `published`; sets `entities`, each
/// mention tied to one actor of the knowledge base or to an actor local to
/// the document.
pub struct LinkStage(pub Linker);

impl Stage for LinkStage {
    fn name(&self) -> &'static str {
        "link"
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        self.0.link(doc, &[]);
        Ok(())
    }
}

/// `quotes`: reads `body`, `tokens`, `sentences` and `entities`; sets
/// `quotes`, direct, partial and indirect, each with its speaker.
pub struct QuotesStage(pub QuoteFinder);

impl Stage for QuotesStage {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        self.0.find(doc);
        Ok(())
    }
}
