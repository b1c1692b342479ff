//! Trains the French models: what `chronicle train` will call.
//!
//! ```text
//! cargo run --release -p chronicle-nlp --example train -- \
//!     [--data ../shared/data] [--out data/models] [--lefff PATH/lefff-3.4.mlex] \
//!     [--silver data/models/silver/assemblee-spacy-md-ents.tsv] \
//!     [--silver-ud data/models/silver/ud-spacy-md-ents.tsv] [--silver-aads TSV] [--silver-written TSV [--written-dir DIR]] [--silver-max N] [--vectors TSV] \
//!     [--only tagger|parser|ner] [--quick] [--holdout-dev] [--historical] [--no-clusters] \
//!     [--treebanks a.conllu,b.conllu] [--epochs N] [--bits N] [--bits2 N]
//! ```
//!
//! `--holdout-dev` keeps Sequoia dev out of training and reports on it (tuning);
//! `--bits`/`--bits2` set the log2 table sizes (tagger/NER/parser moves, then
//! morphology/parser labels).

use chronicle_nlp::train::{TrainConfig, train_ner, train_parser, train_tagger};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (mut data, mut out) = ("../shared/data".to_string(), "data/models".to_string());
    let (mut lefff, mut silver, mut only) = (None, None, None);
    let (mut quick, mut holdout, mut epochs) = (false, false, None);
    let (mut bits, mut bits2, mut silver_ud) = (None, None, None);
    let mut treebanks: Option<String> = None;
    let mut historical = false;
    let mut augment = 0;
    let mut ner_holdout: Option<String> = None;
    let mut clusters = true;
    let mut silver_aads: Option<String> = None;
    let mut silver_written: Option<String> = None;
    let mut ner_seed: Option<u64> = None;
    let mut written_dir = "data/text/encyclo".to_string();
    let mut silver_max = 10_000;
    let mut vectors: Option<String> = None;
    let mut dense_vectors: Option<String> = None;
    let mut dense = chronicle_nlp::DenseSettings::default();
    while let Some(a) = args.next() {
        let mut num = |name: &str| -> Result<f64, Box<dyn std::error::Error>> {
            Ok(args
                .next()
                .ok_or(format!("{name} needs a value"))?
                .parse::<f64>()?)
        };
        match a.as_str() {
            "--dense-epochs" => dense.epochs = num(&a)? as usize,
            "--hidden" => dense.hidden = num(&a)? as usize,
            "--hidden2" => dense.hidden2 = num(&a)? as usize,
            "--rate" => dense.rate = num(&a)? as f32,
            "--batch" => dense.batch = num(&a)? as usize,
            "--dropout" => dense.dropout = num(&a)? as f32,
            "--word-dropout" => dense.word_dropout = num(&a)? as f32,
            "--dense-seed" => dense.seed = num(&a)? as u64,
            "--mix" => dense.mix = num(&a)? as f32,
            "--report-mixes" => {
                dense.report_mixes = args
                    .next()
                    .ok_or("--report-mixes needs a value")?
                    .split(',')
                    .map(|x| x.parse::<f32>())
                    .collect::<Result<_, _>>()?
            }
            "--data" => data = args.next().ok_or("--data needs a value")?,
            "--out" => out = args.next().ok_or("--out needs a value")?,
            "--lefff" => lefff = Some(args.next().ok_or("--lefff needs a value")?),
            "--silver-aads" => {
                silver_aads = Some(args.next().ok_or("--silver-aads needs a value")?)
            }
            "--written-dir" => written_dir = args.next().ok_or("--written-dir needs a value")?,
            "--silver-written" => {
                silver_written = Some(args.next().ok_or("--silver-written needs a value")?)
            }
            "--silver-ud" => silver_ud = Some(args.next().ok_or("--silver-ud needs a value")?),
            "--silver" => silver = Some(args.next().ok_or("--silver needs a value")?),
            "--only" => only = Some(args.next().ok_or("--only needs a value")?),
            "--epochs" => {
                epochs = Some(
                    args.next()
                        .ok_or("--epochs needs a value")?
                        .parse::<usize>()?,
                )
            }
            "--bits" => bits = Some(args.next().ok_or("--bits needs a value")?.parse::<u32>()?),
            "--bits2" => bits2 = Some(args.next().ok_or("--bits2 needs a value")?.parse::<u32>()?),
            "--treebanks" => treebanks = Some(args.next().ok_or("--treebanks needs a value")?),
            "--historical" => historical = true,
            "--ner-seed" => {
                ner_seed = Some(
                    args.next()
                        .ok_or("--ner-seed needs a value")?
                        .parse::<u64>()?,
                )
            }
            "--augment" => {
                augment = args
                    .next()
                    .ok_or("--augment needs a value")?
                    .parse::<usize>()?
            }
            "--ner-holdout" => {
                ner_holdout = Some(args.next().ok_or("--ner-holdout needs a value")?)
            }
            "--no-clusters" => clusters = false,
            "--vectors" => vectors = Some(args.next().ok_or("--vectors needs a value")?),
            "--dense-vectors" => {
                dense_vectors = Some(args.next().ok_or("--dense-vectors needs a value")?)
            }
            "--silver-max" => {
                silver_max = args
                    .next()
                    .ok_or("--silver-max needs a value")?
                    .parse::<usize>()?
            }
            "--quick" => quick = true,
            "--holdout-dev" => holdout = true,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let mut cfg = TrainConfig::new(data, out);
    if quick {
        cfg = cfg.quick();
    }
    cfg.lefff = lefff.map(Into::into);
    cfg.silver = silver.map(Into::into);
    cfg.silver_ud = silver_ud.map(Into::into);
    if let Some(t) = treebanks {
        cfg.treebanks = t.split(',').map(String::from).collect();
    }
    cfg.holdout_dev = holdout;
    cfg.historical = historical;
    cfg.augment = augment;
    if let Some(h) = ner_holdout {
        cfg.ner_holdout = h;
    }
    cfg.clusters = clusters;
    cfg.silver_aads = silver_aads.map(Into::into);
    if let Some(s) = ner_seed {
        cfg.ner.seed = s;
    }
    cfg.silver_written = silver_written.map(|t| (written_dir.into(), t.into()));
    cfg.silver_max = silver_max;
    cfg.vectors = vectors.map(Into::into);
    cfg.dense_vectors = dense_vectors.map(Into::into);
    cfg.dense = dense;
    if let Some(e) = epochs {
        cfg.tagger.epochs = e;
        cfg.ner.epochs = e;
        cfg.parser.epochs = e;
    }
    if let Some(b) = bits {
        cfg.tagger.bits = b;
        cfg.ner.bits = b;
        cfg.parser.bits = b;
    }
    if let Some(b) = bits2 {
        cfg.tagger.morph_bits = b;
        cfg.parser.label_bits = b;
    }
    let which = only.as_deref();
    if which.is_none() || which == Some("tagger") {
        println!("{}", train_tagger(&cfg)?);
    }
    if which.is_none() || which == Some("parser") {
        println!("{}", train_parser(&cfg)?);
    }
    if which.is_none() || which == Some("ner") {
        println!("{}", train_ner(&cfg)?);
    }
    Ok(())
}
