//! Scores the models beside spaCy: what `chronicle eval nlp` will call.
//!
//! ```text
//! cargo run --release -p chronicle-nlp --example eval -- \
//!     [--models data/models] [--shared ../shared] [--spacy spacy.json] [--quick] [--ud FILE.conllu ...]
//! cargo run --release -p chronicle-nlp --example eval -- --export DIR   # held-out NER sets for spaCy
//! ```

use std::path::PathBuf;

use chronicle_nlp::{Models, eval};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (mut models, mut shared) = (None, PathBuf::from("../shared"));
    let (mut spacy, mut quick, mut export) = (None, false, None);
    let mut ud: Vec<PathBuf> = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--models" => {
                models = Some(PathBuf::from(args.next().ok_or("--models needs a value")?))
            }
            "--shared" => shared = PathBuf::from(args.next().ok_or("--shared needs a value")?),
            "--spacy" => spacy = Some(PathBuf::from(args.next().ok_or("--spacy needs a value")?)),
            "--export" => {
                export = Some(PathBuf::from(args.next().ok_or("--export needs a value")?))
            }
            "--ud" => ud.push(PathBuf::from(args.next().ok_or("--ud needs a value")?)),
            "--quick" => quick = true,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    if let Some(dir) = export {
        for p in eval::export_heldout(&shared.join("data"), &dir)? {
            println!("{}", p.display());
        }
        return Ok(());
    }
    let t = std::time::Instant::now();
    let m = match models {
        Some(d) => Models::load_dir(&d)?,
        None => Models::load_builtin()?,
    };
    eprintln!("models loaded in {:.3} s", t.elapsed().as_secs_f64());
    if !ud.is_empty() {
        let paths: Vec<&std::path::Path> = ud.iter().map(PathBuf::as_path).collect();
        print!("{}", eval::eval_ud(&m, &paths)?);
        return Ok(());
    }
    let sp: Option<serde_json::Value> = match spacy {
        Some(p) => Some(serde_json::from_str(&std::fs::read_to_string(p)?)?),
        None => None,
    };
    print!("{}", eval::report(&m, &shared, sp.as_ref(), quick)?);
    Ok(())
}
