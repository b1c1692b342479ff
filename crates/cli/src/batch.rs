//! Reading inputs in batches and running the pipeline over them.

use chronicle_corpus::Corpus;
use chronicle_engine::Pipeline;
use chronicle_read::{Format, Input, ReadError, ReadOptions};

use crate::ReadArgs;

/// How many inputs go to the worker threads at once.
pub const DEFAULT_BATCH: usize = 64;

/// The read options that `args` ask for.
pub fn read_options(args: &ReadArgs) -> Result<ReadOptions, String> {
    let stdin_format = match args.stdin_format.as_deref() {
        None => None,
        Some(f) => Some(
            f.parse::<Format>()
                .map_err(|e| format!("--stdin-format: {e}"))?,
        ),
    };
    Ok(ReadOptions {
        published: args.published.clone(),
        stdin_format,
    })
}

/// Sets the number of worker threads and builds the standard pipeline.
pub fn pipeline(args: &ReadArgs) -> Result<Pipeline, String> {
    if let Some(n) = args.threads {
        // Fails only if the global pool was already built, which is harmless.
        let _ = rayon_pool(n);
    }
    Pipeline::standard(&chronicle_engine::Options {
        kb_files: args.kb.clone(),
        no_models: args.no_models,
        models_dir: args.models.clone(),
    })
}

/// The corpus stage over the pipeline's knowledge base (the user's tables
/// included), or `None` when `--no-corpus` asks to skip it.
pub fn corpus(args: &ReadArgs, pipeline: &Pipeline) -> Result<Option<Corpus>, String> {
    if args.no_corpus {
        return Ok(None);
    }
    Ok(Some(match pipeline.knowledge_base() {
        Some(kb) => Corpus::default().with_knowledge_base(kb),
        None => Corpus::builtin().map_err(|e| e.to_string())?,
    }))
}

fn rayon_pool(n: usize) -> Result<(), String> {
    chronicle_engine::set_threads(n)
}

/// Groups an input stream into batches of `size`.
pub fn batches(
    inputs: impl Iterator<Item = Result<Input, ReadError>>,
    size: usize,
) -> impl Iterator<Item = Vec<Result<Input, ReadError>>> {
    let size = size.max(1);
    let mut inputs = inputs.peekable();
    std::iter::from_fn(move || {
        inputs.peek()?;
        Some(inputs.by_ref().take(size).collect())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_keep_order_and_size() {
        let items = (0..5).map(|i| {
            Err(ReadError::new(
                format!("x{i}"),
                chronicle_read::Reason::Empty,
            ))
        });
        let sizes: Vec<usize> = batches(items, 2).map(|b| b.len()).collect();
        assert_eq!(sizes, vec![2, 2, 1]);
    }
}
