//! `chronicle ingest`: extract and store, with progress and a summary; and the
//! writer it shares with `chronicle load`.

use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use chronicle_corpus::Corpus;
use chronicle_model::Document;
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

/// Writes finished documents into the store batch by batch, through the
/// corpus stage when there is one, counting what happened and drawing the
/// progress bar: the end of `ingest` and of `load`.
pub(crate) struct Writer<'a> {
    store: Store,
    corpus: Option<Corpus>,
    db: &'a Path,
    bar: ProgressBar,
    summary: Summary,
    started: Instant,
    /// The sha256 of the documents of the batch being gathered.
    seen: HashSet<String>,
}

impl<'a> Writer<'a> {
    /// Opens (or creates) the store at `db`; `total` inputs are expected
    /// when known.
    pub(crate) fn open(
        db: &'a Path,
        corpus: Option<Corpus>,
        quiet: bool,
        total: Option<u64>,
    ) -> Result<Writer<'a>, String> {
        let store = Store::open(db).map_err(|e| e.to_string())?;
        // The corpus stage reads the index at every document: give SQLite room.
        store.set_memory(256, 4096).map_err(|e| e.to_string())?;
        Ok(Writer {
            store,
            corpus,
            db,
            bar: progress_bar(quiet, total),
            summary: Summary::default(),
            started: Instant::now(),
            seen: HashSet::new(),
        })
    }

    /// Whether a document with this sha256 is stored already or earlier in
    /// the batch being gathered; counted as present when it is.
    pub(crate) fn known(&mut self, sha256: &str) -> Result<bool, String> {
        let stored = self.store.contains(sha256).map_err(|e| e.to_string())?;
        if stored || !self.seen.insert(sha256.to_string()) {
            self.summary.present += 1;
            self.bar.inc(1);
            return Ok(true);
        }
        Ok(false)
    }

    /// An input that produced no document: said at once, listed at the end.
    pub(crate) fn fail(&mut self, message: String) {
        self.bar.suspend(|| eprintln!("chronicle: {message}"));
        self.summary.failed.push(message);
        self.bar.inc(1);
    }

    /// A warning about a document that is stored anyway.
    pub(crate) fn warn(&self, name: &str, warning: &str) {
        self.bar
            .suspend(|| eprintln!("chronicle: {name}: warning: {warning}"));
    }

    /// Stores a batch of documents in one transaction, each first compared
    /// with the store and the batch's earlier ones by the corpus stage.
    pub(crate) fn write(&mut self, mut docs: Vec<Document>) -> Result<(), String> {
        self.seen.clear();
        let db = self.db.display();
        let puts = match &self.corpus {
            Some(corpus) => {
                let rows = {
                    let mut session = corpus.session(&self.store);
                    for doc in &mut docs {
                        session.annotate(doc).map_err(|e| format!("{db}: {e}"))?;
                        self.summary.shared += usize::from(!doc.duplicates.is_empty());
                    }
                    session.finish()
                };
                let records: Vec<_> = docs.iter().map(|d| d.record()).collect();
                self.store.put_batch_with_corpus(&records, &rows)
            }
            None => {
                let records: Vec<_> = docs.iter().map(|d| d.record()).collect();
                self.store.put_batch(&records)
            }
        }
        .map_err(|e| format!("{db}: {e}"))?;
        for p in puts {
            match p {
                Put::Inserted { .. } => self.summary.ingested += 1,
                Put::AlreadyPresent { .. } => self.summary.present += 1,
            }
            self.bar.inc(1);
        }
        Ok(())
    }

    /// Prints the summary; exit code 1 when an input failed.
    pub(crate) fn finish(self) -> CmdResult {
        let Writer {
            bar,
            summary,
            started,
            db,
            ..
        } = self;
        bar.finish_and_clear();
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "{} ingested, {} already present, {} failed in {:.1}s ({:.0} documents/s) into {}",
            summary.ingested,
            summary.present,
            summary.failed.len(),
            secs,
            (summary.ingested + summary.present) as f64 / secs.max(1e-9),
            db.display()
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
}

/// Reads, extracts and stores every input. Documents already in the store
/// (same sha256) are skipped before any work; each batch of documents is
/// written in one transaction, so an interrupted run leaves only whole
/// documents and a rerun completes it.
pub fn run(args: &ReadArgs, db: &DbArgs, batch: usize, quiet: bool) -> CmdResult {
    let opts = read_options(args)?;
    let pipeline = pipeline(args)?;
    let corpus = corpus(args, &pipeline)?;
    let total = chronicle_read::count(&args.paths).map(|n| n as u64);
    let mut writer = Writer::open(&db.db, corpus, quiet, total)?;

    for inputs in batches(chronicle_read::read(&args.paths, &opts), batch) {
        let mut todo = Vec::with_capacity(inputs.len());
        for input in inputs {
            match input {
                Ok(i) => {
                    if !writer.known(&i.sha256)? {
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
                        writer.warn(doc.path.as_deref().unwrap_or(&doc.id), w);
                    }
                    docs.push(doc);
                }
                Err(f) => writer.fail(f.to_string()),
            }
        }
        writer.write(docs)?;
    }
    writer.finish()
}
