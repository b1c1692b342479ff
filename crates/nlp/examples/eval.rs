//! Scores the models beside spaCy: what `chronicle eval nlp` will call.
//!
//! ```text
//! cargo run --release -p chronicle-nlp --example eval -- \
//!     [--models data/models] [--shared ../shared] [--spacy spacy.json] [--quick] [--ner-only] [--ud FILE.conllu ...]
//! cargo run --release -p chronicle-nlp --example eval -- --export DIR   # held-out NER sets for spaCy
//! ```

use std::path::PathBuf;

use chronicle_nlp::{Models, eval};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (mut models, mut shared) = (None, PathBuf::from("../shared"));
    let (mut spacy, mut quick, mut export) = (None, false, None);
    let mut ud: Vec<PathBuf> = Vec::new();
    let mut ner_only = false;
    let mut mixes: Vec<f32> = Vec::new();
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
            "--ner-only" => ner_only = true,
            "--mixes" => {
                mixes = args
                    .next()
                    .ok_or("--mixes needs a value")?
                    .split(',')
                    .map(|x| x.parse::<f32>())
                    .collect::<Result<_, _>>()?
            }
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
    if ner_only && !mixes.is_empty() {
        let data = shared.join("data");
        let mut sets = eval::ner_sets(&data)?;
        // the validation part, to choose settings on (the test part only reports)
        sets.insert(
            0,
            (
                "wikineural-fr-val".into(),
                chronicle_nlp::ner_data::read_wikineural(
                    &data.join("eval-only/wikineural-fr-val.conllu"),
                )?,
                false,
            ),
        );
        let mut m = m;
        for mix in mixes {
            m.set_ner_mix(mix);
            let r = eval::score_seeds(
                &m,
                &shared.join("gold/seeds.json"),
                &shared.join("corpus/seeds"),
            )?;
            println!("mix {mix}: seeds F1 {:.2}", r.f1);
            print!("{}", eval::eval_ner(&m, &sets));
        }
        return Ok(());
    }
    if ner_only {
        let data = shared.join("data");
        print!("{}", eval::eval_ner(&m, &eval::ner_sets(&data)?));
        // per type on WikiNEuRal, and spans regardless of type
        let wn = chronicle_nlp::ner_data::read_wikineural(
            &data.join("eval-only/wikineural-fr-test.conllu"),
        )?;
        let mut by: std::collections::BTreeMap<String, [usize; 3]> = Default::default();
        for s in &wn {
            let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
            let pred = m.entities_of_forms(&forms);
            for k in chronicle_nlp::ENTITY_KINDS.iter().map(Some).chain([None]) {
                let name = k.map_or("any type".to_string(), |k| format!("{k:?}"));
                let keep =
                    |e: &(usize, usize, chronicle_nlp::EntityKind)| k.is_none_or(|k| e.2 == *k);
                let p: std::collections::HashSet<(usize, usize)> = pred
                    .iter()
                    .filter(|e| keep(e))
                    .map(|e| (e.0, e.1))
                    .collect();
                let g: std::collections::HashSet<(usize, usize)> = s
                    .entities
                    .iter()
                    .filter(|e| keep(e))
                    .map(|e| (e.0, e.1))
                    .collect();
                let c = by.entry(name).or_default();
                c[0] += p.intersection(&g).count();
                c[1] += p.len();
                c[2] += g.len();
            }
        }
        for (k, [tp, np, ng]) in by {
            let (p, r) = (tp as f64 / np.max(1) as f64, tp as f64 / ng.max(1) as f64);
            println!(
                "wikineural {k}: P {:.2} R {:.2} F1 {:.2} (gold {ng}, pred {np})",
                100.0 * p,
                100.0 * r,
                200.0 * p * r / (p + r).max(1e-9)
            );
        }
        let r = eval::score_seeds(
            &m,
            &shared.join("gold/seeds.json"),
            &shared.join("corpus/seeds"),
        )?;
        println!("seeds P {:.2} R {:.2} F1 {:.2}", r.p, r.r, r.f1);
        return Ok(());
    }
    let sp: Option<serde_json::Value> = match spacy {
        Some(p) => Some(serde_json::from_str(&std::fs::read_to_string(p)?)?),
        None => None,
    };
    print!("{}", eval::report(&m, &shared, sp.as_ref(), quick)?);
    Ok(())
}
