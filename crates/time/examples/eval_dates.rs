//! Prints the pass rates on the Recognizers-Text French date cases, and the
//! failures of the files named: `cargo run -p chronicle-time --example
//! eval_dates -- DIR [FILE…]`.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: eval_dates DIR [FILE…]")?);
    let show: Vec<String> = args.collect();
    let report = chronicle_time::eval::run_dates_eval(&dir)?;
    for f in report.failures.iter().filter(|f| show.contains(&f.file)) {
        println!(
            "{} | {:?}\n    want {}\n    got  {}",
            f.file, f.input, f.expected, f.found
        );
    }
    print!("{report}");
    Ok(())
}
