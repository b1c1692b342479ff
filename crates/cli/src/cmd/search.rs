//! `chronicle search`: ranked full-text hits with highlighted snippets.

use std::io::IsTerminal;
use std::process::ExitCode;

use chronicle_store::{SearchOptions, Store};

use crate::DbArgs;
use crate::cmd::{CmdResult, open_existing, out};

/// Prints the best `limit` hits for `query`.
pub fn run(query: &str, db: &DbArgs, limit: usize, json: bool) -> CmdResult {
    let store: Store = open_existing(db)?;
    let opts = if json {
        SearchOptions::markers("[", "]")
    } else if std::io::stdout().is_terminal() {
        SearchOptions::markers("\x1b[1;33m", "\x1b[0m")
    } else {
        SearchOptions::markers("[", "]")
    };
    let hits = store
        .search_with(query, limit, &opts)
        .map_err(|e| e.to_string())?;
    if json {
        for h in &hits {
            let v = serde_json::json!({
                "id": h.id, "sha256": h.sha256, "title": h.title, "published": h.published,
                "source": h.source, "snippet": h.snippet, "score": h.score,
            });
            out(format_args!("{v}"));
        }
    } else if hits.is_empty() {
        eprintln!("no document matches {query:?}");
    } else {
        for (i, h) in hits.iter().enumerate() {
            let date = h.published.as_deref().unwrap_or("date unknown");
            let title = h.title.as_deref().unwrap_or("(no title)");
            out(format_args!(
                "{:>2}. {}  [{}]  {}",
                i + 1,
                h.id,
                date,
                title
            ));
            out(format_args!("    {}", h.snippet.replace('\n', " ")));
        }
    }
    Ok(if hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
