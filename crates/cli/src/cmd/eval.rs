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
        EvalCommand::Dates { dir, shared } => {
            let dir = dir.unwrap_or_else(|| shared.join("data/dates"));
            let report = chronicle_time::eval::run_dates_eval(&dir).map_err(|e| e.to_string())?;
            out(format_args!("{}", report.to_string().trim_end()));
            Ok(ExitCode::SUCCESS)
        }
    }
}
