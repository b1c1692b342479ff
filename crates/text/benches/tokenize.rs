//! Throughput of tokenize + sentences on the Assemblée nationale debates of
//! 2013 (`shared/data/text/assemblee-nationale-2013/*.txt`), in words
//! (Word tokens) per second and in bytes per second.

use std::hint::black_box;
use std::path::PathBuf;

use chronicle_model::TokenKind;
use chronicle_text::Segmenter;
use criterion::{Criterion, Throughput};

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/text/assemblee-nationale-2013")
}

fn load() -> Result<Vec<String>, String> {
    let dir = corpus_dir();
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if texts.is_empty() {
        return Err(format!("{}: no .txt file", dir.display()));
    }
    Ok(texts)
}

fn run(seg: &Segmenter, texts: &[String]) -> usize {
    let mut n = 0;
    for t in texts {
        let tokens = seg.tokenize(t);
        let sentences = seg.sentences(t, &tokens);
        n += tokens.len() + sentences.len();
    }
    n
}

fn main() {
    let texts = match load() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("tokenize bench: corpus not found ({e}); nothing benched.");
            return;
        }
    };
    let seg = match Segmenter::french() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("tokenize bench: {e}");
            return;
        }
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let words: usize = texts
        .iter()
        .map(|t| {
            seg.tokenize(t)
                .iter()
                .filter(|k| k.kind == TokenKind::Word)
                .count()
        })
        .sum();
    let sentences: usize = texts
        .iter()
        .map(|t| seg.sentences(t, &seg.tokenize(t)).len())
        .sum();
    eprintln!(
        "tokenize bench: {} files, {bytes} bytes, {words} words, {sentences} sentences",
        texts.len()
    );
    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group("assemblee-2013");
    group.throughput(Throughput::Elements(words as u64));
    group.bench_function("tokenize+sentences (words)", |b| {
        b.iter(|| run(&seg, black_box(&texts)))
    });
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("tokenize+sentences (bytes)", |b| {
        b.iter(|| run(&seg, black_box(&texts)))
    });
    group.finish();
    c.final_summary();
}
