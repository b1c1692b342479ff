//! Words per second of tokenise → tag → parse → recognise, one thread, and
//! peak memory: what `chronicle bench` will call. Compare with
//! `python3 tools/spacy_baseline.py bench --model fr_core_news_md DIR`.
//!
//! ```text
//! cargo run --release -p chronicle-nlp --example bench -- [DIR] [--models data/models] [--limit-words N]
//! ```

use std::path::PathBuf;

use chronicle_nlp::{Models, eval};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut dir = PathBuf::from("../shared/data/text/assemblee-nationale-2013");
    let (mut models, mut limit) = (None, None);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--models" => {
                models = Some(PathBuf::from(args.next().ok_or("--models needs a value")?))
            }
            "--limit-words" => {
                limit = Some(
                    args.next()
                        .ok_or("--limit-words needs a value")?
                        .parse::<usize>()?,
                )
            }
            other => dir = PathBuf::from(other),
        }
    }
    let t = std::time::Instant::now();
    let m = match models {
        Some(d) => Models::load_dir(&d)?,
        None => Models::load_builtin()?,
    };
    let load = t.elapsed().as_secs_f64();
    let r = eval::bench(&m, &dir, limit)?;
    println!(
        "{{\"load_s\": {load:.3}, \"tokens\": {}, \"seconds\": {:.3}, \"words_per_s\": {:.0}, \"peak_rss_mb\": {:.1}}}",
        r.tokens, r.seconds, r.words_per_s, r.peak_rss_mb
    );
    Ok(())
}
