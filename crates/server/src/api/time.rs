//! Actors over time and against each other: relations of a pair, the actor
//! graph, timelines.

use std::collections::{BTreeMap, BTreeSet};

use chronicle_store::{
    ActorEvent, EventFilter, EventRow, GraphFilter, QUAD_CLASSES, QuoteFilter, quad_class,
};
use serde_json::{Value, json};

use super::to_value;
use crate::error::ApiError;
use crate::params::{MAX_LIMIT, Params};
use crate::route::Ctx;

/// `GET /api/relations?a=&b=&by=`.
pub(crate) fn relations(ctx: &Ctx, p: &Params, _: &[String]) -> Result<Value, ApiError> {
    let a = p.required("a")?;
    let b = p.required("b")?;
    let by = p.period("by")?;
    let rows = ctx.store.relations(&a, &b, by)?;
    Ok(json!({
        "a": a,
        "b": b,
        "by": by,
        "quad_classes": QUAD_CLASSES,
        "items": to_value(&rows)?,
    }))
}

/// `GET /api/graph`: nodes and edges, the strongest `limit` edges with at
/// least `min` events.
pub(crate) fn graph(ctx: &Ctx, p: &Params, _: &[String]) -> Result<Value, ApiError> {
    let (from, to) = p.dates()?;
    let min = p.number("min", 1, 1, 1_000_000)? as u64;
    let limit = p.number("limit", 200, 1, MAX_LIMIT)?;
    let mut graph = ctx.store.actor_graph(&GraphFilter {
        from,
        to,
        kind: p.event_type("type")?,
        quad: p.quad("quad")?,
        negated: p.flag("negated")?,
    })?;
    let total = graph.edges.len();
    graph.edges.retain(|e| e.events >= min);
    graph.edges.truncate(limit);
    let kept: BTreeSet<&str> = graph
        .edges
        .iter()
        .flat_map(|e| [e.source.as_str(), e.target.as_str()])
        .collect();
    let nodes: Vec<_> = graph
        .nodes
        .iter()
        .filter(|n| kept.contains(n.id.as_str()))
        .collect();
    Ok(json!({
        "quad_classes": QUAD_CLASSES,
        "nodes": to_value(&nodes)?,
        "edges": to_value(&graph.edges)?,
        "edges_total": total,
    }))
}

/// Whether an event's side is `actor` (a country code or a name, folded as
/// the store folds them).
fn is(actor: &str, name: Option<&str>, country: Option<&str>) -> bool {
    country.is_some_and(|c| c.eq_ignore_ascii_case(actor))
        || name.is_some_and(|n| n.to_lowercase() == actor.to_lowercase())
}

/// One event of a timeline, whichever way it was found.
struct Row {
    /// From the actor (to the other), else towards it.
    forward: bool,
    json: Value,
    date: Option<String>,
    kind: String,
    source: String,
    target: String,
    negated: bool,
}

impl Row {
    fn from_event(forward: bool, r: &EventRow) -> Row {
        Row {
            forward,
            json: to_value(r).unwrap_or(Value::Null),
            date: r.date.clone(),
            kind: r.kind.to_ascii_uppercase(),
            source: r.source.clone().unwrap_or_default(),
            target: r.target.clone().unwrap_or_default(),
            negated: r.negated,
        }
    }

    fn from_actor_event(r: &ActorEvent) -> Row {
        Row {
            forward: r.role == "source",
            json: to_value(r).unwrap_or(Value::Null),
            date: r.date.clone(),
            kind: r.kind.to_ascii_uppercase(),
            source: r.source.clone().unwrap_or_default(),
            target: r.target.clone().unwrap_or_default(),
            negated: r.negated,
        }
    }
}

/// One period of a timeline.
#[derive(Default)]
struct Bucket {
    reports: u64,
    distinct: BTreeSet<(String, String, String, String)>,
    negated: u64,
    forward: u64,
    backward: u64,
    quotes: u64,
    other_quotes: u64,
}

/// The events of a timeline by the names and countries events carry: what
/// `actor` did or had done to it (to or by `other`).
fn by_name(
    ctx: &Ctx,
    actor: &str,
    other: Option<&str>,
    from: &Option<String>,
    to: &Option<String>,
) -> Result<Vec<Row>, ApiError> {
    let filter = |source: Option<&str>, target: Option<&str>| EventFilter {
        source: source.map(str::to_string),
        target: target.map(str::to_string),
        from: from.clone(),
        to: to.clone(),
        ..EventFilter::default()
    };
    let mut rows = Vec::new();
    for r in ctx.store.events(&filter(Some(actor), other))? {
        rows.push(Row::from_event(true, &r));
    }
    for r in ctx.store.events(&filter(other, Some(actor)))? {
        // An actor acting on itself is listed once.
        if other.is_none() && is(actor, r.source.as_deref(), r.source_country.as_deref()) {
            continue;
        }
        rows.push(Row::from_event(false, &r));
    }
    Ok(rows)
}

/// The events of a timeline through the actor's entity (a person whose acts
/// are coded for their country, an organisation), with `other` matched on
/// the far side by name or country.
fn by_entity(
    ctx: &Ctx,
    key: &str,
    other: Option<&str>,
    from: &Option<String>,
    to: &Option<String>,
) -> Result<Vec<Row>, ApiError> {
    let within = |d: &Option<String>| {
        let d = d.as_deref().unwrap_or("");
        from.as_deref().is_none_or(|f| d >= f)
            && to
                .as_deref()
                .is_none_or(|t| d.get(..t.len()).unwrap_or(d) <= t)
    };
    Ok(ctx
        .store
        .actor_events(key, 0, 0)?
        .iter()
        .filter(|e| (from.is_none() && to.is_none()) || (e.date.is_some() && within(&e.date)))
        .filter(|e| {
            other.is_none_or(|o| {
                if e.role == "source" {
                    is(o, e.target.as_deref(), e.target_country.as_deref())
                } else {
                    is(o, e.source.as_deref(), e.source_country.as_deref())
                }
            })
        })
        .map(Row::from_actor_event)
        .collect())
}

/// `GET /api/timeline?actor=[&other=]`: per period, the events the actor
/// takes part in (with `other`: those between the two, `forward` from
/// actor to other and `backward` the other way), counted as distinct events
/// by quad class beside the reports, negated ones apart, and the quotes of
/// the actor (and of the other); then the events themselves, oldest first.
///
/// `actor` is first read as events name their sides (a country code, a
/// name: `mode: "name"`); when that finds nothing, as an actor of the store
/// (a knowledge-base id, or a name the entities carry: `mode: "entity"`),
/// so that a person's timeline shows the acts coded for their country.
pub(crate) fn timeline(ctx: &Ctx, p: &Params, _: &[String]) -> Result<Value, ApiError> {
    let actor = p.required("actor")?;
    let other = p.text("other");
    let by = p.period("by")?;
    let (from, to) = p.dates()?;
    let limit = p.number("limit", 200, 1, MAX_LIMIT)?;
    let mut mode = "name";
    let mut key = None;
    let mut rows = by_name(ctx, &actor, other.as_deref(), &from, &to)?;
    if rows.is_empty() {
        let found = match ctx.store.actor(&actor)? {
            Some(a) => Some(a.key),
            None => ctx.store.actor_key(&actor)?,
        };
        if let Some(k) = found {
            rows = by_entity(ctx, &k, other.as_deref(), &from, &to)?;
            mode = "entity";
            key = Some(k);
        }
    }
    rows.sort_by(|a, b| (a.date.is_none(), &a.date).cmp(&(b.date.is_none(), &b.date)));
    let mut buckets: BTreeMap<String, Bucket> = BTreeMap::new();
    for r in &rows {
        let b = buckets.entry(by.of(r.date.as_deref())).or_default();
        if r.negated {
            b.negated += 1;
            continue;
        }
        b.reports += 1;
        let distinct = (
            r.kind.clone(),
            r.date.clone().unwrap_or_default(),
            r.source.clone(),
            r.target.clone(),
        );
        if b.distinct.insert(distinct) {
            if r.forward {
                b.forward += 1;
            } else {
                b.backward += 1;
            }
        }
    }
    let quotes_of = |speaker: &str| {
        ctx.store.quotes(&QuoteFilter {
            speaker: Some(speaker.to_string()),
            from: from.clone(),
            to: to.clone(),
            ..QuoteFilter::default()
        })
    };
    let quotes = quotes_of(key.as_deref().unwrap_or(&actor))?;
    for q in &quotes {
        buckets
            .entry(by.of(q.published.as_deref()))
            .or_default()
            .quotes += 1;
    }
    if let Some(o) = &other {
        for q in quotes_of(o)? {
            buckets
                .entry(by.of(q.published.as_deref()))
                .or_default()
                .other_quotes += 1;
        }
    }
    // Undated last.
    let mut periods: Vec<(String, Bucket)> = buckets.into_iter().collect();
    periods.sort_by_key(|(p, _)| (p == "undated", p.clone()));
    let periods: Vec<Value> = periods
        .into_iter()
        .map(|(period, b)| {
            let mut quad = [0u64; 4];
            let mut types: BTreeMap<String, u64> = BTreeMap::new();
            for (kind, ..) in &b.distinct {
                if let Some(i) =
                    quad_class(kind).and_then(|q| QUAD_CLASSES.iter().position(|x| *x == q))
                {
                    quad[i] += 1;
                }
                *types.entry(kind.clone()).or_default() += 1;
            }
            json!({
                "period": period,
                "events": b.distinct.len(),
                "reports": b.reports,
                "negated": b.negated,
                "quad": quad,
                "types": types,
                "forward": b.forward,
                "backward": b.backward,
                "quotes": b.quotes,
                "other_quotes": b.other_quotes,
            })
        })
        .collect();
    let events: Vec<Value> = rows
        .iter()
        .take(limit)
        .map(|r| {
            let mut v = r.json.clone();
            v["direction"] = json!(if r.forward { "forward" } else { "backward" });
            v["quad"] = json!(quad_class(&r.kind));
            v
        })
        .collect();
    let quotes: Vec<_> = quotes.into_iter().take(limit).collect();
    Ok(json!({
        "actor": actor,
        "other": other,
        "mode": mode,
        "key": key,
        "by": by,
        "quad_classes": QUAD_CLASSES,
        "periods": periods,
        "events": events,
        "events_total": rows.len(),
        "quotes": to_value(&quotes)?,
    }))
}
