//! `chronicle ingest`: extract and store, with progress and a summary.

use std::collections::HashSet;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use chronicle_store::{Put, Store};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::batch::{batches, corpus, pipeline, read_options};
use crate::cmd::CmdResult;
use crate::{DbArgs, ReadArgs};

/// What an ingest run did, printed at its end.
#[derive(Debug, Default)]
struct Summary {
    ingested: usize,
    present: usize,
    /// Ingested documents that share passages with others.
    shared: usize,
    failed: Vec<String>,
}

fn progress_bar(quiet: bool, total: Option<u64>) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match total {
        Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template(
                "{bar:30} {pos}/{len} documents  {per_sec}  ETA {eta}  {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template("{spinner} {pos} documents  {per_sec}  {elapsed}  {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Reads, extracts and stores every input. Documents already in the store
/// (same sha256) are skipped before any work; each batch of documents is
/// written in one transaction, so an interrupted run leaves only whole
/// documents and a rerun completes it.
pub fn run(args: &ReadArgs, db: &DbArgs, batch: usize, quiet: bool) -> CmdResult {
    let opts = read_options(args)?;
    let pipeline = pipeline(args)?;
    let corpus = corpus(args, &pipeline)?;
    let mut store = Store::open(&db.db).map_err(|e| e.to_string())?;
    // The corpus stage reads the index at every document: give SQLite room.
    store.set_memory(256, 4096).map_err(|e| e.to_string())?;
    let total = chronicle_read::count(&args.paths).map(|n| n as u64);
    let bar = progress_bar(quiet, total);
    let started = Instant::now();
    let mut summary = Summary::default();

    for inputs in batches(chronicle_read::read(&args.paths, &opts), batch) {
        let mut todo = Vec::with_capacity(inputs.len());
        let mut seen = HashSet::new();
        for input in inputs {
            match input {
                Ok(i) => {
                    let known = store.contains(&i.sha256).map_err(|e| e.to_string())?;
                    if known || !seen.insert(i.sha256.clone()) {
                        summary.present += 1;
                        bar.inc(1);
                    } else {
                        todo.push(Ok(i));
                    }
                }
                Err(e) => todo.push(Err(e)),
            }
        }
        let mut docs = Vec::with_capacity(todo.len());
        for outcome in pipeline.process_batch(todo) {
            match outcome {
                Ok(doc) => {
                    for w in &doc.warnings {
                        bar.suspend(|| {
                            eprintln!(
                                "chronicle: {}: warning: {w}",
                                doc.path.as_deref().unwrap_or(&doc.id)
                            )
                        });
                    }
                    docs.push(doc);
                }
                Err(f) => {
                    bar.suspend(|| eprintln!("chronicle: {f}"));
                    summary.failed.push(f.to_string());
                    bar.inc(1);
                }
            }
        }
        // Across documents: each one against the store and the batch's
        // earlier ones, then written with its corpus rows in one transaction.
        let puts = match &corpus {
            Some(corpus) => {
                let rows = {
                    let mut session = corpus.session(&store);
                    for doc in &mut docs {
                        session
                            .annotate(doc)
                            .map_err(|e| format!("{}: {e}", db.db.display()))?;
                        summary.shared += usize::from(!doc.duplicates.is_empty());
                    }
                    session.finish()
                };
                let records: Vec<_> = docs.iter().map(|d| d.record()).collect();
                store.put_batch_with_corpus(&records, &rows)
            }
            None => {
                let records: Vec<_> = docs.iter().map(|d| d.record()).collect();
                store.put_batch(&records)
            }
        }
        .map_err(|e| format!("{}: {e}", db.db.display()))?;
        for p in puts {
            match p {
                Put::Inserted { .. } => summary.ingested += 1,
                Put::AlreadyPresent { .. } => summary.present += 1,
            }
            bar.inc(1);
        }
    }
    bar.finish_and_clear();
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "{} ingested, {} already present, {} failed in {:.1}s ({:.0} documents/s) into {}",
        summary.ingested,
        summary.present,
        summary.failed.len(),
        secs,
        (summary.ingested + summary.present) as f64 / secs.max(1e-9),
        db.db.display()
    );
    if summary.shared > 0 {
        eprintln!(
            "{} of the documents ingested share passages with others (`chronicle stories`, `chronicle show`)",
            summary.shared
        );
    }
    if !summary.failed.is_empty() {
        eprintln!("failed:");
        for f in &summary.failed {
            eprintln!("  {f}");
        }
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
