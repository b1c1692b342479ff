//! `chronicle stats`: what the store holds.

use std::process::ExitCode;

use crate::DbArgs;
use crate::cmd::{CmdResult, open_existing, out};

/// Prints the store's counts as a table.
pub fn run(db: &DbArgs) -> CmdResult {
    let store = open_existing(db)?;
    let stats = store.stats().map_err(|e| e.to_string())?;
    let text = stats.to_string();
    out(format_args!("{}", text.trim_end()));
    Ok(ExitCode::SUCCESS)
}
