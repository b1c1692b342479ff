//! `chronicle events`: who did what to whom, from the store.

use std::process::ExitCode;

use chronicle_store::EventFilter;

use crate::DbArgs;
use crate::cmd::{CmdResult, open_existing, out};

/// Prints the events `filter` selects, oldest first: a table, or JSON Lines.
pub fn run(filter: &EventFilter, db: &DbArgs, json: bool) -> CmdResult {
    let store = open_existing(db)?;
    let rows = store.events(filter).map_err(|e| e.to_string())?;
    if json {
        for r in &rows {
            out(format_args!(
                "{}",
                serde_json::to_string(r).map_err(|e| e.to_string())?
            ));
        }
    } else if rows.is_empty() {
        eprintln!("no event matches");
    } else {
        for r in &rows {
            let actor = |name: &Option<String>, country: &Option<String>| match (name, country) {
                (Some(n), Some(c)) if n != c => format!("{n} ({c})"),
                (Some(n), _) => n.clone(),
                (None, Some(c)) => c.clone(),
                (None, None) => "?".to_string(),
            };
            let date = match (&r.date, r.date_from_publication) {
                (Some(d), false) => d.clone(),
                (Some(d), true) => format!("~{d}"),
                (None, _) => "undated".to_string(),
            };
            let not = if r.negated { "NOT " } else { "" };
            out(format_args!(
                "{date:<12} {not}{:<9} {} -> {}   [{}]",
                r.kind,
                actor(&r.source, &r.source_country),
                actor(&r.target, &r.target_country),
                r.document
            ));
            let sentence: String = r.sentence.chars().take(160).collect();
            out(format_args!("             {sentence}"));
        }
    }
    Ok(if rows.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
