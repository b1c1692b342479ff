//! `chronicle load`: store records that `chronicle extract` wrote elsewhere.
//!
//! This is the second half of a run spread over many machines: a cluster's
//! workers turn articles into records with `chronicle extract --no-corpus`
//! (each a pure function of its article, so any engine that can pipe lines
//! through a program runs it), and one `load` writes their JSON Lines into
//! the store. The corpus stage, which needs every earlier document, runs here,
//! in the order the records come, exactly as `ingest` runs it.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chronicle_corpus::Corpus;
use chronicle_kb::KnowledgeBase;
use chronicle_model::{Document, Record};
use chronicle_text::Segmenter;

use crate::cmd::CmdResult;
use crate::cmd::ingest::Writer;

/// What `chronicle load` was asked to do.
pub struct LoadArgs<'a> {
    /// JSON Lines files of records, folders of them, `-` for standard input.
    pub paths: &'a [PathBuf],
    /// The store.
    pub db: &'a Path,
    /// Records per transaction.
    pub batch: usize,
    /// No progress bar.
    pub quiet: bool,
    /// Extra actor tables, as given to `extract`.
    pub kb: &'a [PathBuf],
    /// Skip the corpus stage.
    pub no_corpus: bool,
}

/// Whether a file found in a folder holds records: `.jsonl` files, and the
/// `part-NNNNN` files that Spark, Hadoop and Dask write.
fn is_record_file(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "jsonl")
        || path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("part-") && !n.ends_with(".crc"))
}

/// The record files under `paths`, in order: files as given, the record
/// files of a folder ([`is_record_file`]) sorted by path, `-` as is.
fn files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" || !p.is_dir() {
            out.push(p.clone());
            continue;
        }
        let mut found = Vec::new();
        let mut stack = vec![p.clone()];
        while let Some(dir) = stack.pop() {
            let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            for entry in entries {
                let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
                if path.is_dir() {
                    stack.push(path);
                } else if is_record_file(&path) {
                    found.push(path);
                }
            }
        }
        found.sort();
        out.extend(found);
    }
    Ok(out)
}

fn open(path: &Path) -> Result<Box<dyn BufRead>, String> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(BufReader::new(std::io::stdin())));
    }
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Box::new(BufReader::new(file)))
}

/// The corpus stage over the built-in knowledge base and the user's tables.
fn corpus(kb_files: &[PathBuf]) -> Result<Corpus, String> {
    let mut kb = KnowledgeBase::builtin().map_err(|e| e.to_string())?;
    for path in kb_files {
        kb.add_file(path).map_err(|e| e.to_string())?;
    }
    Ok(Corpus::default().with_knowledge_base(Arc::new(kb)))
}

/// One line of a record file: the document to store, or why not.
fn document(line: &str, segmenter: &Segmenter) -> Result<Document, String> {
    let record: Record =
        serde_json::from_str(line).map_err(|e| format!("not a chronicle record: {e}"))?;
    record.check().map_err(|e| format!("{}: {e}", record.id))?;
    let mut doc = Document::from_record(record);
    // Sentences are not in records; the corpus stage compares them.
    segmenter.analyse(&mut doc);
    Ok(doc)
}

/// Reads every record, checks it, and stores it with what the corpus stage
/// finds, in batches of whole documents; a bad line is reported with its
/// file and line number and the rest goes on. Records already in the store
/// (same sha256) are counted as present.
pub fn run(args: &LoadArgs<'_>) -> CmdResult {
    let segmenter = Segmenter::french().map_err(|e| e.to_string())?;
    let corpus = if args.no_corpus {
        None
    } else {
        Some(corpus(args.kb)?)
    };
    let mut writer = Writer::open(args.db, corpus, args.quiet, None)?;
    let batch = args.batch.max(1);
    let mut docs = Vec::with_capacity(batch);
    for path in files(args.paths)? {
        let name = if path.as_os_str() == "-" {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        let reader = match open(&path) {
            Ok(r) => r,
            Err(e) => {
                writer.fail(e);
                continue;
            }
        };
        for (n, line) in reader.split(b'\n').enumerate() {
            let at = format!("{name}:{}", n + 1);
            let line = match line {
                Ok(bytes) => bytes,
                Err(e) => {
                    writer.fail(format!("{at}: {e}"));
                    break;
                }
            };
            let mut text = String::new();
            if let Err(e) = line.as_slice().read_to_string(&mut text) {
                writer.fail(format!("{at}: not UTF-8: {e}"));
                continue;
            }
            if text.trim().is_empty() {
                continue;
            }
            match document(&text, &segmenter) {
                Ok(doc) => {
                    if !writer.known(&doc.sha256)? {
                        docs.push(doc);
                    }
                }
                Err(e) => writer.fail(format!("{at}: {e}")),
            }
            if docs.len() >= batch {
                writer.write(std::mem::take(&mut docs))?;
            }
        }
    }
    if !docs.is_empty() {
        writer.write(docs)?;
    }
    writer.finish()
}
