//! Time spent in each stage of the standard pipeline (the corpus stage
//! aside), one thread, over the Assemblée nationale debates of 2013
//! (`../shared/data/text/assemblee-nationale-2013/*.txt`): a table of seconds,
//! share and words per second by stage, so a stage that slows down shows.
//! Run with `cargo bench -p chronicle-engine --bench stages`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chronicle_engine::{Options, Pipeline};
use chronicle_read::{Format, ReadOptions, input_from_bytes};

fn main() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/text/assemblee-nationale-2013");
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(d) => d
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect(),
        Err(e) => return eprintln!("stages bench: {}: {e}; nothing benched.", dir.display()),
    };
    paths.sort();
    let pipeline = match Pipeline::standard(&Options::default()) {
        Ok(p) => p,
        Err(e) => return eprintln!("stages bench: {e}"),
    };
    let opts = ReadOptions::default();
    let (mut words, mut docs) = (0usize, 0usize);
    let mut spent: Vec<Duration> = Vec::new();
    let t0 = Instant::now();
    for path in &paths {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        words += String::from_utf8_lossy(&bytes).split_whitespace().count();
        let name = path.display().to_string();
        let input = match input_from_bytes(&name, &bytes, Format::Text, &opts) {
            Ok(i) => i,
            Err(e) => {
                eprintln!("stages bench: {name}: {e}");
                continue;
            }
        };
        let mut doc = input.into_document();
        if let Err(e) = pipeline.run_timed(&mut doc, &mut spent) {
            eprintln!("stages bench: {name}: {e}");
        }
        docs += 1;
    }
    let total = t0.elapsed().as_secs_f64();
    println!("{docs} documents, {words} words, {total:.2} s in all, one thread\n");
    println!("| stage | seconds | share | words/s |");
    println!("|---|---|---|---|");
    let staged: f64 = spent.iter().map(Duration::as_secs_f64).sum();
    for (name, d) in pipeline.stage_names().iter().zip(&spent) {
        let s = d.as_secs_f64();
        println!(
            "| {name} | {s:.2} | {:.0} % | {:.0} |",
            100.0 * s / staged.max(f64::EPSILON),
            words as f64 / s.max(f64::EPSILON)
        );
    }
    println!(
        "| all stages | {staged:.2} | 100 % | {:.0} |",
        words as f64 / staged.max(f64::EPSILON)
    );
}
