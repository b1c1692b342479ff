//! Prints what the read stage makes of the paths given: metadata, the text,
//! and what was removed. `cargo run -p chronicle-read --example show -- PATH…`

use std::path::PathBuf;

use chronicle_read::{ReadOptions, read};

fn main() {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    for item in read(&paths, &ReadOptions::default()) {
        match item {
            Err(e) => println!("ERROR {e}\n"),
            Ok(input) => {
                println!(
                    "== {} (id {}, {}, sha256 {})",
                    input.name,
                    input.id,
                    input.format,
                    &input.sha256[..12]
                );
                println!("given: {:?}", input.given);
                for w in &input.warnings {
                    println!("warning: {w}");
                }
                for r in &input.removed {
                    println!("removed [{:?}]: {:?}", r.reason, r.text);
                }
                println!("---\n{}\n", input.text);
            }
        }
    }
}
