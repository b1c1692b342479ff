//! Growth benchmark of the corpus stage (issue 7, item 6): the cost of adding
//! a document must not grow with the store beyond an index look-up.
//!
//! Generates documents by recombining paragraphs of real ones (see
//! `generate.rs`), runs the tokenizer over them (untimed), then adds them to
//! a SQLite store on disk in batches as `chronicle ingest` does: the corpus
//! session (duplicates and stories against the store and the batch) and
//! `put_batch_with_corpus` (records and corpus rows in one transaction),
//! both timed. At each size it prints the time per document of the last
//! thousand documents added: wall-clock (mean, and median over batches) and,
//! on Linux, the thread's CPU time, which does not count the time spent
//! waiting for a core on a busy machine.
//!
//! `cargo bench -p chronicle-corpus --bench growth` runs 1k, 10k and 100k;
//! `GROWTH_SIZES=1000,5000` and `GROWTH_BATCH=64` change the sizes and the
//! batch; `GROWTH_MODE=uniform` draws paragraphs from anywhere instead of
//! mostly recent ones (see `generate.rs`); `GROWTH_DB=path` keeps the
//! database there instead of a temporary folder. The store gets a 256 MiB
//! page cache and 4 GiB of memory map (`Store::set_memory`);
//! `GROWTH_MEMORY=default` keeps SQLite's defaults.

mod generate;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chronicle_corpus::Corpus;
use chronicle_model::Document;
use chronicle_store::Store;
use chronicle_text::Segmenter;

use generate::{Generator, Mode};

/// Documents measured at each size.
const WINDOW: usize = 1000;

/// Nanoseconds this thread has run on a CPU (Linux: the first field of
/// `/proc/thread-self/schedstat`), or `None` where it cannot be read.
fn thread_cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn env_list(name: &str, default: &[usize]) -> Vec<usize> {
    std::env::var(name)
        .ok()
        .map(|v| v.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .filter(|v: &Vec<usize>| !v.is_empty())
        .unwrap_or_else(|| default.to_vec())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing:
    // run the benchmark only when asked to.
    if !std::env::args().any(|a| a == "--bench") {
        println!("growth: run with `cargo bench -p chronicle-corpus --bench growth`");
        return Ok(());
    }
    let mut sizes = env_list("GROWTH_SIZES", &[1_000, 10_000, 100_000]);
    sizes.sort_unstable();
    let batch = env_list("GROWTH_BATCH", &[64])[0].max(1);
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let mode = match std::env::var("GROWTH_MODE").as_deref() {
        Ok("uniform") => Mode::Uniform,
        _ => Mode::Window,
    };
    let total = sizes.last().copied().unwrap_or(0);
    let mut generator = Generator::load(&shared, mode, total)?;
    let (db, temporary) = match std::env::var_os("GROWTH_DB") {
        Some(p) => (PathBuf::from(p), None),
        None => {
            let dir = std::env::temp_dir().join(format!("chronicle-growth-{}", std::process::id()));
            std::fs::create_dir_all(&dir)?;
            (dir.join("growth.db"), Some(dir))
        }
    };
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let rows = run(&mut generator, &db, &sizes, batch)?;
    println!(
        "growth of the corpus stage: {} distinct paragraphs recombined ({mode:?}), batches of {batch}, store {}",
        generator.pool(),
        db.display()
    );
    println!(
        "{:>9}  {:>10}  {:>10}  {:>10}  {:>11}  {:>10}  {:>9}  {:>7}",
        "documents",
        "corpus ms",
        "store ms",
        "total ms",
        "median ms",
        "cpu ms",
        "dups/doc",
        "db MiB"
    );
    for r in &rows {
        println!(
            "{:>9}  {:>10.3}  {:>10.3}  {:>10.3}  {:>11.3}  {:>10}  {:>9.2}  {:>7.0}",
            r.size,
            r.annotate * 1e3,
            r.write * 1e3,
            (r.annotate + r.write) * 1e3,
            r.median * 1e3,
            r.cpu
                .map_or_else(|| "-".to_string(), |c| format!("{:.3}", c * 1e3)),
            r.duplicates,
            r.bytes as f64 / (1024.0 * 1024.0)
        );
    }
    if let (Some(first), Some(last)) = (rows.first(), rows.last()) {
        let ratio = |a: f64, b: f64| a / b.max(1e-12);
        println!(
            "time per added document at {} / at {}: {:.2}× wall mean, {:.2}× wall median{} (bar: within 2×)",
            last.size,
            first.size,
            ratio(last.annotate + last.write, first.annotate + first.write),
            ratio(last.median, first.median),
            match (first.cpu, last.cpu) {
                (Some(a), Some(b)) => format!(", {:.2}× CPU", ratio(b, a)),
                _ => String::new(),
            }
        );
    }
    if let Some(dir) = temporary {
        let _ = std::fs::remove_dir_all(dir);
    }
    Ok(())
}

/// The time per document of the last documents added before one size.
struct Row {
    size: usize,
    /// Mean wall-clock seconds per document in the corpus stage.
    annotate: f64,
    /// Mean wall-clock seconds per document writing the batch.
    write: f64,
    /// Median over batches of the wall-clock seconds per document, both parts.
    median: f64,
    /// Mean CPU seconds per document, both parts.
    cpu: Option<f64>,
    duplicates: f64,
    bytes: u64,
}

fn run(
    generator: &mut Generator,
    db: &Path,
    sizes: &[usize],
    batch: usize,
) -> Result<Vec<Row>, Box<dyn std::error::Error>> {
    let corpus = Corpus::default();
    let segmenter = Segmenter::french()?;
    let mut store = Store::open(db)?;
    let (cache, mmap) = match std::env::var("GROWTH_MEMORY").as_deref() {
        Ok("default") => (0, 0),
        _ => (256, 4096),
    };
    store.set_memory(cache, mmap)?;
    let total = sizes.last().copied().unwrap_or(0);
    // Per document: time in the corpus stage, time writing, duplicates found.
    let mut annotate: Vec<f64> = Vec::with_capacity(total);
    let mut write: Vec<f64> = Vec::with_capacity(total);
    let mut dups: Vec<usize> = Vec::with_capacity(total);
    let mut cpu: Vec<Option<f64>> = Vec::with_capacity(total);
    let mut rows = Vec::new();
    let mut next_size = sizes.iter().peekable();
    let mut n = 0;
    let started = Instant::now();
    while n < total {
        let count = batch.min(total - n);
        let mut docs: Vec<Document> = (n..n + count)
            .map(|i| {
                let mut d = generator.document(i);
                segmenter.analyse(&mut d);
                d
            })
            .collect();
        let c0 = thread_cpu_ns();
        let t0 = Instant::now();
        let corpus_rows = {
            let mut session = corpus.session(&store);
            for d in docs.iter_mut() {
                session.annotate(d)?;
            }
            session.finish()
        };
        let t1 = Instant::now();
        let records: Vec<_> = docs.iter().map(Document::record).collect();
        store.put_batch_with_corpus(&records, &corpus_rows)?;
        let t2 = Instant::now();
        let c2 = thread_cpu_ns();
        let per = |d: Duration| d.as_secs_f64() / count as f64;
        annotate.extend(std::iter::repeat_n(per(t1 - t0), count));
        write.extend(std::iter::repeat_n(per(t2 - t1), count));
        dups.extend(docs.iter().map(|d| d.duplicates.len()));
        let spent = match (c0, c2) {
            (Some(a), Some(b)) => Some(b.saturating_sub(a) as f64 / 1e9 / count as f64),
            _ => None,
        };
        cpu.extend(std::iter::repeat_n(spent, count));
        n += count;
        if n / 10_000 != (n - count) / 10_000 {
            eprintln!("{n} documents in {:.0}s", started.elapsed().as_secs_f64());
        }
        while let Some(&&size) = next_size.peek() {
            if n < size {
                break;
            }
            next_size.next();
            let from = size.saturating_sub(WINDOW);
            let mean = |v: &[f64]| v[from..size].iter().sum::<f64>() / (size - from) as f64;
            let mut per_batch: Vec<f64> = (from..size)
                .step_by(batch)
                .map(|i| annotate[i] + write[i])
                .collect();
            per_batch.sort_by(f64::total_cmp);
            let cpu_window: Option<Vec<f64>> = cpu[from..size].iter().copied().collect();
            rows.push(Row {
                size,
                annotate: mean(&annotate),
                write: mean(&write),
                median: per_batch.get(per_batch.len() / 2).copied().unwrap_or(0.0),
                cpu: cpu_window.map(|v| v.iter().sum::<f64>() / v.len().max(1) as f64),
                duplicates: dups[from..size].iter().sum::<usize>() as f64 / (size - from) as f64,
                bytes: std::fs::metadata(db).map_or(0, |m| m.len())
                    + std::fs::metadata(format!("{}-wal", db.display())).map_or(0, |m| m.len()),
            });
        }
    }
    Ok(rows)
}
