//! Throughput of the front of the pipeline, read → clean → tokenise → split,
//! on one thread, over the Assemblée nationale debates of 2013
//! (`../shared/data/text/assemblee-nationale-2013/*.txt`), in words per second
//! (white-space separated words of the input). The groups add one stage at a
//! time, so each stage's share can be read off the table.

use std::hint::black_box;
use std::path::PathBuf;

use chronicle_clean::Cleaner;
use chronicle_read::{Format, ReadOptions, input_from_bytes};
use chronicle_text::Segmenter;
use criterion::{Criterion, Throughput};

fn corpus() -> Result<Vec<(String, Vec<u8>)>, String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/text/assemblee-nationale-2013");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let files: Vec<(String, Vec<u8>)> = paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok().map(|b| (p.display().to_string(), b)))
        .collect();
    if files.is_empty() {
        return Err(format!("{}: no .txt file", dir.display()));
    }
    Ok(files)
}

fn main() {
    let files = match corpus() {
        Ok(f) => f,
        Err(e) => {
            eprintln!("front bench: corpus not found ({e}); nothing benched.");
            return;
        }
    };
    let (cleaner, segmenter) = match (Cleaner::builtin(), Segmenter::french()) {
        (Ok(c), Ok(s)) => (c, s),
        (Err(e), _) => return eprintln!("front bench: {e}"),
        (_, Err(e)) => return eprintln!("front bench: {e}"),
    };
    let opts = ReadOptions::default();
    let words: usize = files
        .iter()
        .map(|(_, b)| String::from_utf8_lossy(b).split_whitespace().count())
        .sum();
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    eprintln!(
        "front bench: {} files, {bytes} bytes, {words} words",
        files.len()
    );

    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group("front");
    group.throughput(Throughput::Elements(words as u64));
    group.sample_size(10);
    group.bench_function("read", |b| {
        b.iter(|| {
            for (name, bytes) in &files {
                black_box(input_from_bytes(name, bytes, Format::Text, &opts).ok());
            }
        })
    });
    group.bench_function("read+clean", |b| {
        b.iter(|| {
            for (name, bytes) in &files {
                if let Ok(input) = input_from_bytes(name, bytes, Format::Text, &opts) {
                    let mut doc = input.into_document();
                    cleaner.clean(&mut doc);
                    black_box(doc.body.len());
                }
            }
        })
    });
    group.bench_function("read+clean+tokenise+split", |b| {
        b.iter(|| {
            for (name, bytes) in &files {
                if let Ok(input) = input_from_bytes(name, bytes, Format::Text, &opts) {
                    let mut doc = input.into_document();
                    cleaner.clean(&mut doc);
                    segmenter.analyse(&mut doc);
                    black_box((doc.tokens.len(), doc.sentences.len()));
                }
            }
        })
    });
    group.finish();
    c.final_summary();
}
