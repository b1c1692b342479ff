//! The handlers of the API, one module per kind of thing asked for. Each
//! takes the worker's context, the checked parameters and the parts of the
//! path, and returns JSON or an [`ApiError`].

mod actors;
mod documents;
mod facts;
mod time;

pub(crate) use actors::{actor, actors};
pub(crate) use documents::{document, documents, search};
pub(crate) use facts::{event_reports, events, quotes, stories, story};
pub(crate) use time::{graph, relations, timeline};

use serde::Serialize;
use serde_json::{Value, json};

use crate::error::ApiError;
use crate::params::{Page, Params};
use crate::route::{Ctx, ENDPOINTS};

/// A page of a list. `items` holds what was fetched for `page.limit + 1`
/// items after the offset, so that `more` says whether another page exists.
pub(crate) fn list<T: Serialize>(mut items: Vec<T>, page: Page) -> Result<Value, ApiError> {
    let more = items.len() > page.limit;
    items.truncate(page.limit);
    Ok(json!({
        "items": to_value(&items)?,
        "limit": page.limit,
        "offset": page.offset,
        "more": more,
    }))
}

/// `items` after skipping `page.offset`, for store calls that take only a
/// limit (asked for `offset + limit + 1`).
pub(crate) fn skip<T>(items: Vec<T>, page: Page) -> Vec<T> {
    items.into_iter().skip(page.offset).collect()
}

/// How many to ask a store call that takes only a limit.
pub(crate) fn fetch(page: Page) -> usize {
    page.offset.saturating_add(page.limit).saturating_add(1)
}

/// Serialises, turning the (unexpected) failure into a 500.
pub(crate) fn to_value<T: Serialize + ?Sized>(v: &T) -> Result<Value, ApiError> {
    serde_json::to_value(v).map_err(|e| ApiError::internal(format!("cannot write JSON: {e}")))
}

/// `GET /api`: the endpoints with their parameters.
pub(crate) fn index(_: &Ctx, _: &Params, _: &[String]) -> Result<Value, ApiError> {
    let endpoints: Vec<Value> = ENDPOINTS
        .iter()
        .map(|e| json!({"path": e.path, "params": e.params, "about": e.about}))
        .collect();
    Ok(json!({
        "name": "chronicle",
        "version": env!("CARGO_PKG_VERSION"),
        "endpoints": endpoints,
    }))
}

/// `GET /api/stats`.
pub(crate) fn stats(ctx: &Ctx, _: &Params, _: &[String]) -> Result<Value, ApiError> {
    let s = ctx.store.stats()?;
    let pairs = |v: &[(Option<String>, u64)]| -> Vec<Value> {
        v.iter()
            .map(|(k, n)| json!({"key": k, "count": n}))
            .collect()
    };
    Ok(json!({
        "documents": s.documents,
        "languages": pairs(&s.languages),
        "months": pairs(&s.months),
        "entities": s.entities,
        "mentions": s.mentions,
        "quotes": s.quotes,
        "events": s.events,
        "times": s.times,
        "duplicates": s.duplicates,
        "removed": s.removed.iter().map(|(k, n)| json!({"key": k, "count": n})).collect::<Vec<_>>(),
        "schema_version": s.schema_version,
        "file_size": s.file_size,
        "knowledge_base": ctx.kb.is_some(),
    }))
}
