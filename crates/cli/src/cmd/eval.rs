//! `chronicle eval`: measurements anyone can rerun.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;

use crate::cmd::{CmdResult, out};

/// What to measure.
#[derive(Subcommand)]
pub enum EvalCommand {
    /// Surface tokens and sentence boundaries against UD treebanks (CoNLL-U).
    Tokens {
        /// CoNLL-U files (default: the French GSD and Sequoia test sets under --shared).
        files: Vec<PathBuf>,
        /// The shared data folder.
        #[arg(long, env = "CHRONICLE_SHARED", default_value = "../shared")]
        shared: PathBuf,
    },
    /// Tagger, lemmas, parser and entity recogniser on the UD test sets, WikiNEuRal,
    /// held-out NewsEye and Europeana, and the seeds; beside spaCy when given its figures.
    Nlp {
        /// The shared folder.
        #[arg(long, env = "CHRONICLE_SHARED", default_value = "../shared")]
        shared: PathBuf,
        /// spaCy's figures from tools/spacy_baseline.py (JSON), printed beside ours.
        #[arg(long)]
        spacy: Option<PathBuf>,
        /// Model folder (default: the models built into the binary).
        #[arg(long)]
        models: Option<PathBuf>,
        /// A small slice of each set.
        #[arg(long)]
        quick: bool,
    },
    /// Words per second and peak memory of tokenise → tag → parse → recognise, one thread.
    Speed {
        /// A folder of .txt files (default: the Assemblée nationale text under --shared).
        dir: Option<PathBuf>,
        /// The shared folder.
        #[arg(long, env = "CHRONICLE_SHARED", default_value = "../shared")]
        shared: PathBuf,
        /// Stop after this many words.
        #[arg(long)]
        limit_words: Option<usize>,
    },
    /// French date and date-period cases of Recognizers-Text, pass rate per file.
    Dates {
        /// The folder of Recognizers-Text JSON files (default: data/dates under --shared).
        dir: Option<PathBuf>,
        /// The shared data folder.
        #[arg(long, env = "CHRONICLE_SHARED", default_value = "../shared")]
        shared: PathBuf,
    },
}

/// Runs one measurement and prints its table.
pub fn run(what: EvalCommand) -> CmdResult {
    match what {
        EvalCommand::Tokens { files, shared } => {
            let files = if files.is_empty() {
                let ud = shared.join("data/ud");
                vec![
                    ud.join("fr_gsd-ud-test.conllu"),
                    ud.join("fr_sequoia-ud-test.conllu"),
                ]
            } else {
                files
            };
            let report = chronicle_text::eval::run_ud_eval(&files).map_err(|e| e.to_string())?;
            out(report.to_string().trim_end());
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::Nlp {
            shared,
            spacy,
            models,
            quick,
        } => {
            let models = load_models(models.as_deref())?;
            let spacy = match spacy {
                Some(p) => {
                    let text =
                        std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
                    Some(serde_json::from_str(&text).map_err(|e| format!("{}: {e}", p.display()))?)
                }
                None => None,
            };
            let table = chronicle_nlp::eval::report(&models, &shared, spacy.as_ref(), quick)
                .map_err(|e| e.to_string())?;
            out(table.trim_end());
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::Speed {
            dir,
            shared,
            limit_words,
        } => {
            let started = std::time::Instant::now();
            let models = load_models(None)?;
            let load = started.elapsed().as_secs_f64();
            let dir = dir.unwrap_or_else(|| shared.join("data/text/assemblee-nationale-2013"));
            let b = chronicle_nlp::eval::bench(&models, &dir, limit_words)
                .map_err(|e| e.to_string())?;
            out(format_args!("models loaded in {load:.3} s"));
            out(format_args!(
                "{} tokens in {:.2} s: {:.0} words/s, one thread (tokenise, tag, parse, recognise); peak memory {:.0} MB",
                b.tokens, b.seconds, b.words_per_s, b.peak_rss_mb
            ));
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::Dates { dir, shared } => {
            let dir = dir.unwrap_or_else(|| shared.join("data/dates"));
            let report = chronicle_time::eval::run_dates_eval(&dir).map_err(|e| e.to_string())?;
            out(format_args!("{}", report.to_string().trim_end()));
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn load_models(dir: Option<&std::path::Path>) -> Result<chronicle_nlp::Models, String> {
    match dir {
        Some(d) => chronicle_nlp::Models::load_dir(d),
        None => chronicle_nlp::Models::load_builtin(),
    }
    .map_err(|e| e.to_string())
}
