//! What the store knows across documents: `chronicle stories`,
//! `chronicle relations`, `chronicle quotes` and `chronicle events --grouped`.

use std::fmt::Display;
use std::process::ExitCode;

use chronicle_store::{Period, ReportFilter, StoryFilter};
use serde::Serialize;

use crate::DbArgs;
use crate::cmd::{CmdResult, open_existing, out};

/// Prints `rows` as text (a blank line between multi-line rows) or JSON
/// Lines; says `none` on standard error and exits 1 when there are none.
fn print<T: Display + Serialize>(rows: &[T], json: bool, none: &str) -> CmdResult {
    if rows.is_empty() {
        eprintln!("{none}");
        return Ok(ExitCode::from(1));
    }
    for (i, r) in rows.iter().enumerate() {
        if json {
            out(serde_json::to_string(r).map_err(|e| e.to_string())?);
        } else {
            let text = r.to_string();
            if i > 0 && text.contains('\n') {
                out("");
            }
            out(text);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `chronicle stories`: the stories the filter selects, most recent first,
/// with their dates, main actors and documents.
pub fn stories(filter: &StoryFilter, db: &DbArgs, json: bool) -> CmdResult {
    let store = open_existing(db)?;
    let rows = store.stories(filter).map_err(|e| e.to_string())?;
    print(&rows, json, "no story matches")
}

/// `chronicle relations A B`: events between two actors, both ways, counted
/// per period by type and quad class.
pub fn relations(a: &str, b: &str, by: &str, db: &DbArgs, json: bool) -> CmdResult {
    let by: Period = by.parse().map_err(|e| format!("--by: {e}"))?;
    let store = open_existing(db)?;
    let rows = store.relations(a, b, by).map_err(|e| e.to_string())?;
    print(&rows, json, &format!("no event between {a} and {b}"))
}

/// `chronicle quotes`: each quotation once, with every document and outlet
/// that reports it, most reported first.
pub fn quotes(filter: &ReportFilter, db: &DbArgs, json: bool) -> CmdResult {
    let store = open_existing(db)?;
    let rows = store.quote_reports(filter).map_err(|e| e.to_string())?;
    print(&rows, json, "no quote matches")
}

/// `chronicle events --grouped`: each event once, with every document and
/// outlet that reports it, most reported first; only those of PLOVER type
/// `kind` when it is given.
pub fn event_reports(
    (filter, kind): &(ReportFilter, Option<String>),
    db: &DbArgs,
    json: bool,
) -> CmdResult {
    let store = open_existing(db)?;
    let all = ReportFilter {
        limit: 0,
        ..filter.clone()
    };
    let mut rows = store.event_reports(&all).map_err(|e| e.to_string())?;
    if let Some(kind) = kind {
        rows.retain(|r| r.kind.eq_ignore_ascii_case(kind));
    }
    if filter.limit > 0 {
        rows.truncate(filter.limit);
    }
    print(&rows, json, "no event matches")
}

/// The filter of `chronicle events --grouped`: the one actor named (as
/// source or target: a grouped event keeps either side), dates and report
/// count. The type is checked on the groups by [`event_reports`].
pub fn grouped_events(
    source: Option<String>,
    target: Option<String>,
    kind: Option<String>,
    from: Option<String>,
    to: Option<String>,
    min_reports: usize,
    limit: usize,
) -> Result<(ReportFilter, Option<String>), String> {
    if source.is_some() && target.is_some() {
        return Err("--grouped takes one actor: --source or --target, not both".into());
    }
    Ok((
        ReportFilter {
            actor: source.or(target),
            from,
            to,
            min_reports,
            limit,
        },
        kind,
    ))
}
