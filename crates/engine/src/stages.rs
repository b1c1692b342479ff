//! The stages chronicle ships, each a thin wrapper over its crate.

use chronicle_clean::Cleaner;
use chronicle_model::Document;
use chronicle_text::Tokenizer;

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
