//! Actors: the list with counts, and one actor with everything known of it.

use std::collections::BTreeMap;

use chronicle_kb::{Actor, KnowledgeBase};
use chronicle_store::{ActorFilter, QuoteFilter};
use serde_json::{Value, json};

use super::{list, to_value};
use crate::error::ApiError;
use crate::params::{DEFAULT_LIMIT, MAX_LIMIT, Params};
use crate::route::Ctx;

/// `GET /api/actors`.
pub(crate) fn actors(ctx: &Ctx, p: &Params, _: &[String]) -> Result<Value, ApiError> {
    let page = p.page()?;
    let items = ctx.store.actors(&ActorFilter {
        query: p.text("q"),
        kind: p.entity_type("type")?,
        country: p.text("country"),
        limit: page.limit + 1,
        offset: page.offset,
    })?;
    list(items, page)
}

/// `GET /api/actors/{key}`: the store's counts, mentions, quotes and events
/// of the actor, the actors it deals with most, and what the knowledge base
/// knows. A key neither the store nor the base knows is a 404.
pub(crate) fn actor(ctx: &Ctx, p: &Params, args: &[String]) -> Result<Value, ApiError> {
    let key = args.first().map(String::as_str).unwrap_or_default();
    let limit = p.number("limit", DEFAULT_LIMIT, 1, MAX_LIMIT)?;
    let date = p.date("date")?;
    let found = ctx.store.actor(key)?;
    let kb = ctx.kb.map(|kb| {
        knowledge(
            kb,
            key,
            found.as_ref().map(|a| a.name.as_str()),
            date.as_deref(),
        )
    });
    let kb_knows = kb
        .as_ref()
        .is_some_and(|k| !k["actors"].as_array().is_none_or(Vec::is_empty));
    if found.is_none() && !kb_knows {
        return Err(ApiError::not_found(format!(
            "no actor {key:?} in the store{}",
            if ctx.kb.is_some() {
                " or the knowledge base"
            } else {
                ""
            }
        )));
    }
    let mentions = ctx.store.actor_mentions(key, limit, 0)?;
    let events = ctx.store.actor_events(key, limit, 0)?;
    // Quotes tied to the actor's entity (its key); a country code or a name
    // in the base also finds quotes whose speaker is given only by those.
    let quotes = ctx.store.quotes(&QuoteFilter {
        speaker: Some(key.to_string()),
        limit,
        ..QuoteFilter::default()
    })?;
    let mut partners: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for e in ctx.store.actor_events(key, 0, 0)? {
        let (other, slot) = if e.role == "source" {
            (e.target, 0)
        } else {
            (e.source, 1)
        };
        if let Some(o) = other {
            let cell = partners.entry(o).or_default();
            if slot == 0 {
                cell.0 += 1;
            } else {
                cell.1 += 1;
            }
        }
    }
    let mut partners: Vec<(String, (u64, u64))> = partners.into_iter().collect();
    partners.sort_by(|a, b| (b.1.0 + b.1.1).cmp(&(a.1.0 + a.1.1)).then(a.0.cmp(&b.0)));
    let partners: Vec<Value> = partners
        .into_iter()
        .map(|(name, (to, from))| json!({"name": name, "to": to, "from": from}))
        .collect();
    Ok(json!({
        "key": key,
        "actor": to_value(&found)?,
        "mentions": to_value(&mentions)?,
        "quotes": to_value(&quotes)?,
        "events": to_value(&events)?,
        "partners": partners,
        "knowledge_base": kb,
    }))
}

/// What the base knows of a key (an id) or, failing that, of the name the
/// store gives it: its actors, their names, roles and notes, and the text
/// `chronicle actors` prints.
fn knowledge(kb: &KnowledgeBase, key: &str, name: Option<&str>, date: Option<&str>) -> Value {
    let mut actors: Vec<&Actor> = Vec::new();
    if let Some(a) = kb.actor(key) {
        actors.push(a);
    } else {
        for a in kb.lookup(name.unwrap_or(key)) {
            if !actors.iter().any(|b| b.id() == a.id()) {
                actors.push(a);
            }
        }
    }
    let described = actors
        .first()
        .map(|a| a.id().to_string())
        .unwrap_or_else(|| key.to_string());
    let text = chronicle_link::describe(kb, &described, date);
    let actors: Vec<Value> = actors.iter().map(|a| actor_json(kb, a)).collect();
    json!({"actors": actors, "text": text.trim_end()})
}

/// One actor of the base as JSON.
fn actor_json(kb: &KnowledgeBase, a: &Actor) -> Value {
    let aliases: Vec<&str> = a.aliases().iter().map(|x| x.text()).take(40).collect();
    let roles: Vec<Value> = kb
        .roles_of(a.id())
        .iter()
        .map(|o| json!({"role": o.role(), "of": o.of(), "from": o.from(), "to": o.to(), "note": o.note()}))
        .collect();
    json!({
        "id": a.id(),
        "record_id": a.record_id(),
        "qid": a.qid(),
        "name": a.name(),
        "name_fr": a.name_fr(),
        "type": a.actor_type().as_str(),
        "kind": a.kind(),
        "country": a.country(),
        "aliases": aliases,
        "roles": roles,
        "notes": a.notes(),
    })
}
