//! Running the stages over documents, one or a batch at a time.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use chronicle_kb::KnowledgeBase;

use chronicle_model::Document;
use chronicle_read::{Input, ReadError};
use rayon::prelude::*;

use crate::stage::{Stage, StageError};
use crate::stages::{AnalyseStage, CleanStage, EventsStage, LinkStage, QuotesStage, TimeStage};

/// What the standard pipeline is built with beside the built-in resources.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Extra actor tables (TSV) added to the knowledge base (`--kb`).
    pub kb_files: Vec<std::path::PathBuf>,
    /// Skip the trained models (tagger, parser, entity recogniser): tokens,
    /// sentences and the knowledge base only.
    pub no_models: bool,
    /// A folder of model files to use in place of the built-in ones
    /// (`fr-lexicon.bin`, `fr-tagger.bin`, and `fr-parser.bin`, `fr-ner.bin`
    /// when present), e.g. models retrained by `chronicle train`.
    pub models_dir: Option<std::path::PathBuf>,
}

/// The ordered stages a document goes through.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
    kb: Option<Arc<KnowledgeBase>>,
}

/// Why an input produced no document.
#[derive(Debug, Clone, thiserror::Error)]
pub enum Failure {
    /// It could not be read or decoded.
    #[error("{0}")]
    Read(String),
    /// A stage failed on it.
    #[error("{name}: {error}")]
    Stage {
        /// How the input is named (its path, `file:LINE`, `<stdin>`).
        name: String,
        /// What failed.
        error: StageError,
    },
}

/// What became of one input.
pub type Outcome = Result<Document, Failure>;

impl Pipeline {
    /// A pipeline with no stages.
    pub fn empty() -> Pipeline {
        Pipeline {
            stages: Vec::new(),
            kb: None,
        }
    }

    /// Appends a stage.
    pub fn with(mut self, stage: impl Stage + 'static) -> Pipeline {
        self.stages.push(Box::new(stage));
        self
    }

    /// The stages chronicle runs by default, with the resources built into the
    /// binary: clean, analyse, link, time, quotes, events. `options` adds the user's actor
    /// tables to the knowledge base.
    pub fn standard(options: &Options) -> Result<Pipeline, String> {
        let cleaner = chronicle_clean::Cleaner::builtin().map_err(|e| e.to_string())?;
        let tokenizer = chronicle_text::Tokenizer::french().map_err(|e| e.to_string())?;
        let mut linker = chronicle_link::Linker::builtin().map_err(|e| e.to_string())?;
        for path in &options.kb_files {
            linker.add_kb_file(path).map_err(|e| e.to_string())?;
        }
        let models = if options.no_models {
            None
        } else {
            let m = match &options.models_dir {
                Some(d) => chronicle_nlp::Models::load_dir(d),
                None => chronicle_nlp::Models::load_builtin(),
            };
            Some(m.map_err(|e| e.to_string())?)
        };
        let times = chronicle_time::TimeTagger::french().map_err(|e| e.to_string())?;
        let quotes = chronicle_quotes::QuoteFinder::french()
            .map_err(|e| e.to_string())?
            .with_knowledge_base(linker.kb());
        // After the user's tables are in the base: their demonyms count too.
        let events =
            chronicle_events::EventCoder::new(linker.kb().clone()).map_err(|e| e.to_string())?;
        let kb = Arc::new(linker.kb().clone());
        let mut pipeline = Pipeline::empty()
            .with(CleanStage(cleaner))
            .with(AnalyseStage { tokenizer, models })
            .with(LinkStage(linker))
            .with(TimeStage(times))
            .with(QuotesStage(quotes))
            .with(EventsStage(events));
        pipeline.kb = Some(kb);
        Ok(pipeline)
    }

    /// The knowledge base the standard pipeline links with (the built-in
    /// tables and the user's), for the stages that run across documents;
    /// `None` for a pipeline built by hand.
    pub fn knowledge_base(&self) -> Option<Arc<KnowledgeBase>> {
        self.kb.clone()
    }

    /// The names of the stages, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Runs every stage over `doc`. A stage that panics is reported as that
    /// stage's failure, so a bug met on one document does not end a batch.
    pub fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        for stage in &self.stages {
            let result = catch_unwind(AssertUnwindSafe(|| stage.run(doc)));
            match result {
                Ok(Ok(())) => {}
                Ok(Err(e)) => return Err(e),
                Err(panic) => {
                    let message = panic
                        .downcast_ref::<&str>()
                        .map(|s| (*s).to_string())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "unknown panic".to_string());
                    return Err(StageError {
                        stage: stage.name(),
                        message: format!("internal error: {message}"),
                    });
                }
            }
        }
        Ok(())
    }

    /// Runs every stage over `doc` like [`Pipeline::run`], adding the time
    /// each stage took to `spent` (one entry a stage, in order; grown as
    /// needed): what `cargo bench -p chronicle-engine --bench stages` reads.
    pub fn run_timed(
        &self,
        doc: &mut Document,
        spent: &mut Vec<std::time::Duration>,
    ) -> Result<(), StageError> {
        if spent.len() < self.stages.len() {
            spent.resize(self.stages.len(), std::time::Duration::ZERO);
        }
        for (stage, total) in self.stages.iter().zip(spent.iter_mut()) {
            let t = std::time::Instant::now();
            stage.run(doc)?;
            *total += t.elapsed();
        }
        Ok(())
    }

    /// Turns one input into a processed document.
    pub fn process(&self, input: Result<Input, ReadError>) -> Outcome {
        let input = input.map_err(|e| Failure::Read(e.to_string()))?;
        let name = input.name.clone();
        let mut doc = input.into_document();
        self.run(&mut doc)
            .map_err(|error| Failure::Stage { name, error })?;
        Ok(doc)
    }

    /// Processes a batch in parallel; outcomes come back in input order.
    pub fn process_batch(&self, inputs: Vec<Result<Input, ReadError>>) -> Vec<Outcome> {
        inputs.into_par_iter().map(|i| self.process(i)).collect()
    }
}
