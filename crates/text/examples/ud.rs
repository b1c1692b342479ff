//! Scores the French segmenter on CoNLL-U files and prints the table, with
//! `--examples N` the first N mismatches of each file and with `--space` the
//! sentence score when every sentence is joined by a space.
//!
//! `cargo run -p chronicle-text --example ud -- [--examples N] [--space] FILE…`

use std::path::PathBuf;

use chronicle_text::Segmenter;
use chronicle_text::eval::{EvalOptions, Join, Report, evaluate_file};

fn main() {
    let mut opts = EvalOptions::default();
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--examples" => opts.examples = args.next().and_then(|n| n.parse().ok()).unwrap_or(20),
            "--space" => opts.join = Join::Space,
            _ => paths.push(PathBuf::from(a)),
        }
    }
    let seg = match Segmenter::french() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let mut report = Report::default();
    for p in &paths {
        match evaluate_file(&seg, p, &opts) {
            Ok(r) => report.files.push(r),
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        }
    }
    for f in &report.files {
        for m in &f.mismatches {
            println!("{}: {m}", f.file);
        }
    }
    print!("{report}");
}
