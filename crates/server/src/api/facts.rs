//! Events, quotes and stories, as the store lists them.

use chronicle_store::{EventFilter, ReportFilter, StoryFilter};
use serde_json::Value;

use super::{fetch, list, skip, to_value};
use crate::error::ApiError;
use crate::params::Params;
use crate::route::Ctx;

/// `GET /api/events`: as `chronicle events`.
pub(crate) fn events(ctx: &Ctx, p: &Params, _: &[String]) -> Result<Value, ApiError> {
    let page = p.page()?;
    let (from, to) = p.dates()?;
    let rows = ctx.store.events(&EventFilter {
        source: p.text("source"),
        target: p.text("target"),
        kind: p.event_type("type")?,
        from,
        to,
        limit: fetch(page),
    })?;
    list(skip(rows, page), page)
}

/// The filter of the report endpoints.
fn report_filter(p: &Params, actor: &str) -> Result<(ReportFilter, crate::params::Page), ApiError> {
    let page = p.page()?;
    let (from, to) = p.dates()?;
    Ok((
        ReportFilter {
            actor: p.text(actor),
            from,
            to,
            min_reports: p.number("min_reports", 1, 1, 1000)?,
            limit: fetch(page),
        },
        page,
    ))
}

/// `GET /api/event-reports`.
pub(crate) fn event_reports(ctx: &Ctx, p: &Params, _: &[String]) -> Result<Value, ApiError> {
    let (filter, page) = report_filter(p, "actor")?;
    list(skip(ctx.store.event_reports(&filter)?, page), page)
}

/// `GET /api/quotes`: quotations by speaker, each with all its reports.
pub(crate) fn quotes(ctx: &Ctx, p: &Params, _: &[String]) -> Result<Value, ApiError> {
    let (filter, page) = report_filter(p, "speaker")?;
    list(skip(ctx.store.quote_reports(&filter)?, page), page)
}

/// `GET /api/stories`.
pub(crate) fn stories(ctx: &Ctx, p: &Params, _: &[String]) -> Result<Value, ApiError> {
    let page = p.page()?;
    let (from, to) = p.dates()?;
    let rows = ctx.store.stories(&StoryFilter {
        from,
        to,
        min_documents: p.number("min_documents", 1, 1, 100_000)?,
        limit: fetch(page),
    })?;
    list(skip(rows, page), page)
}

/// `GET /api/stories/{id}`.
pub(crate) fn story(ctx: &Ctx, _: &Params, args: &[String]) -> Result<Value, ApiError> {
    let id = args.first().map(String::as_str).unwrap_or_default();
    if id.len() != 16 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ApiError::bad_request(format!(
            "a story id is 16 hex digits, not {id:?}"
        )));
    }
    let id = id.to_ascii_lowercase();
    ctx.store
        .stories(&StoryFilter::default())?
        .into_iter()
        .find(|s| s.id == id)
        .map(|s| to_value(&s))
        .unwrap_or_else(|| Err(ApiError::not_found(format!("no story {id}"))))
}
