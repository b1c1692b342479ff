//! The contract every stage keeps.

use chronicle_model::Document;

/// One step of the pipeline: it reads what earlier stages put in the
/// document and adds its own annotations.
///
/// A stage holds only read-only resources (rules, models, the knowledge base),
/// loaded once and shared by all threads. `run` must not touch what earlier
/// stages wrote except to add to it, and must keep every offset a byte offset
/// into `doc.body`. It returns an error only when the document cannot go on
/// through the pipeline; things a reader should merely know go to
/// `doc.warnings`.
pub trait Stage: Send + Sync {
    /// A short name, used in errors and timings (`clean`, `analyse`).
    fn name(&self) -> &'static str;

    /// Adds this stage's annotations to `doc`.
    fn run(&self, doc: &mut Document) -> Result<(), StageError>;
}

/// A stage could not process a document.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{stage}: {message}")]
pub struct StageError {
    /// The stage's name.
    pub stage: &'static str,
    /// What went wrong.
    pub message: String,
}
