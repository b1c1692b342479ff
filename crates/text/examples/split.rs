//! Prints the sentences of a text file (or of standard input), one per line,
//! with `|` between tokens: a way to look at what the segmenter does.
//!
//! `cargo run -p chronicle-text --example split -- [FILE]`

use std::io::{Read, Write};

use chronicle_text::Segmenter;

fn main() {
    let mut text = String::new();
    let read = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(&path).map(|t| text = t),
        None => std::io::stdin().read_to_string(&mut text).map(|_| ()),
    };
    if let Err(e) = read {
        eprintln!("{e}");
        std::process::exit(1);
    }
    let seg = match Segmenter::french() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let tokens = seg.tokenize(&text);
    let mut out = std::io::stdout().lock();
    for s in seg.sentences(&text, &tokens) {
        let words: Vec<&str> = tokens[s.first_token..s.end_token]
            .iter()
            .map(|t| t.span.cut(&text).unwrap_or("?"))
            .collect();
        if writeln!(out, "{}", words.join("|")).is_err() {
            return;
        }
    }
}
