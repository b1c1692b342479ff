//! `chronicle extract`: records as JSON Lines on standard output.

use std::io::Write;
use std::process::ExitCode;

use crate::ReadArgs;
use chronicle_corpus::MemoryIndex;

use crate::batch::{DEFAULT_BATCH, batches, corpus, pipeline, read_options};
use crate::cmd::CmdResult;

/// Prints one record per input document, in input order; each input that fails
/// gets one line on standard error naming it and the reason. A record's
/// `duplicates` name the earlier documents of the same run it shares passages
/// with (`ingest` compares with the whole store).
pub fn run(args: &ReadArgs, pretty: bool) -> CmdResult {
    let opts = read_options(args)?;
    let pipeline = pipeline(args)?;
    let corpus = corpus(args, &pipeline)?;
    // The documents of this run, for the duplicates of the later ones.
    let mut index = MemoryIndex::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut ok, mut failed) = (0usize, 0usize);
    for batch in batches(chronicle_read::read(&args.paths, &opts), DEFAULT_BATCH) {
        for outcome in pipeline.process_batch(batch) {
            match outcome {
                Ok(mut doc) => {
                    let rows = match &corpus {
                        Some(corpus) => Some(
                            corpus
                                .annotate(&mut doc, &index)
                                .map_err(|e| format!("{}: {e}", doc.id))?,
                        ),
                        None => None,
                    };
                    let record = doc.record();
                    if let Some(rows) = rows {
                        index.apply(std::slice::from_ref(&record), &rows);
                    }
                    let json = if pretty {
                        serde_json::to_string_pretty(&record)
                    } else {
                        serde_json::to_string(&record)
                    }
                    .map_err(|e| format!("{}: cannot write the record: {e}", doc.id))?;
                    if writeln!(out, "{json}").is_err() {
                        // The reader went away (`| head`): stop quietly.
                        return Ok(ExitCode::SUCCESS);
                    }
                    for w in &doc.warnings {
                        eprintln!(
                            "chronicle: {}: warning: {w}",
                            doc.path.as_deref().unwrap_or(&doc.id)
                        );
                    }
                    ok += 1;
                }
                Err(f) => {
                    eprintln!("chronicle: {f}");
                    failed += 1;
                }
            }
        }
        if out.flush().is_err() {
            return Ok(ExitCode::SUCCESS);
        }
    }
    if failed > 0 {
        eprintln!("chronicle: {ok} documents extracted, {failed} inputs failed");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
