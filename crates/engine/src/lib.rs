//! The pipeline that carries one document through chronicle's stages.
//!
//! `read` (crate `chronicle-read`) yields inputs; this crate turns each into a
//! [`Document`] and runs the [`Stage`]s over it in order: clean → analyse → link →
//! time → quotes → events. Stages are pure functions of the
//! document and read-only resources, so a batch runs in parallel; results come
//! back in input order, and one document's failure never stops the others.

mod pipeline;
mod stage;
mod stages;

pub use pipeline::{Failure, Options, Outcome, Pipeline};
pub use stage::{Stage, StageError};
pub use stages::{AnalyseStage, CleanStage, EventsStage, LinkStage, QuotesStage, TimeStage};

pub use chronicle_model::Document;

/// Sets the number of worker threads for every batch that follows. Call it
/// once, before the first batch.
pub fn set_threads(n: usize) -> Result<(), String> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(n.max(1))
        .build_global()
        .map_err(|e| e.to_string())
}
