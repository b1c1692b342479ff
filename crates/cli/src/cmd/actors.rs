//! `chronicle actors`: what the knowledge base knows.

use std::path::PathBuf;
use std::process::ExitCode;

use chronicle_kb::KnowledgeBase;

use crate::cmd::{CmdResult, out};

/// Prints what the base knows of `name`, reading roles at `date` when given.
pub fn run(name: &str, date: Option<&str>, extra: &[PathBuf]) -> CmdResult {
    let mut kb = KnowledgeBase::builtin().map_err(|e| e.to_string())?;
    for path in extra {
        kb.add_file(path).map_err(|e| e.to_string())?;
    }
    let text = chronicle_link::describe(&kb, name, date);
    out(format_args!("{}", text.trim_end()));
    let known = !text.starts_with("The knowledge base knows nothing");
    Ok(if known {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
