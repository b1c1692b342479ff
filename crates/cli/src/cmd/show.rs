//! `chronicle show`: the stored record of a document.

use std::process::ExitCode;

use crate::DbArgs;
use crate::cmd::{CmdResult, open_existing, out};

/// Prints every record stored under `key` (an id or a sha256 prefix), newest first.
pub fn run(key: &str, db: &DbArgs, pretty: bool) -> CmdResult {
    let store = open_existing(db)?;
    let records = store.get(key).map_err(|e| e.to_string())?;
    if records.is_empty() {
        eprintln!("chronicle: no document {key:?} in {}", db.db.display());
        return Ok(ExitCode::from(1));
    }
    for r in &records {
        let json = if pretty {
            serde_json::to_string_pretty(r)
        } else {
            serde_json::to_string(r)
        }
        .map_err(|e| e.to_string())?;
        out(format_args!("{json}"));
    }
    Ok(ExitCode::SUCCESS)
}
