//! Documents: the list, one record, full-text search.

use chronicle_store::{DocumentFilter, SearchOptions};
use serde_json::{Value, json};

use super::{fetch, list, skip, to_value};
use crate::error::ApiError;
use crate::offsets::Utf16Index;
use crate::params::Params;
use crate::route::Ctx;

/// Marks around a match in a snippet: private-use characters that no article
/// holds, cut out again into `parts`.
const MARK_OPEN: &str = "\u{E000}";
const MARK_CLOSE: &str = "\u{E001}";

/// `GET /api/documents`.
pub(crate) fn documents(ctx: &Ctx, p: &Params, _: &[String]) -> Result<Value, ApiError> {
    let page = p.page()?;
    let (from, to) = p.dates()?;
    let items = ctx.store.documents(&DocumentFilter {
        source: p.text("source"),
        from,
        to,
        limit: page.limit + 1,
        offset: page.offset,
    })?;
    list(items, page)
}

/// `GET /api/documents/{id}`: the newest record under the key, with UTF-16
/// offsets added beside every byte offset.
pub(crate) fn document(ctx: &Ctx, _: &Params, args: &[String]) -> Result<Value, ApiError> {
    let key = args.first().map(String::as_str).unwrap_or_default();
    let records = ctx.store.get(key)?;
    let Some(record) = records.first() else {
        return Err(ApiError::not_found(format!(
            "no document {key:?} (give an id or at least 8 hex digits of a sha256)"
        )));
    };
    let mut value = to_value(record)?;
    let bad = add_utf16(&mut value, &record.body);
    let story = ctx.store.story_of(&record.id)?.into_iter().next();
    let versions: Vec<Value> = records
        .iter()
        .map(|r| json!({"id": r.id, "sha256": r.sha256, "published": r.published.as_ref().map(|p| &p.value)}))
        .collect();
    Ok(json!({
        "record": value,
        "story": story,
        "versions": versions,
        "bad_offsets": bad,
    }))
}

/// Adds `start16`/`end16` beside `start`/`end` in the record's mentions,
/// quotes, events, times and duplicates; returns how many spans were not on
/// character boundaries (those get `null`).
pub(crate) fn add_utf16(record: &mut Value, body: &str) -> usize {
    let index = Utf16Index::new(body);
    let mut bad = 0;
    let mut fix = |span: &mut Value| {
        let start = span.get("start").and_then(Value::as_u64);
        let end = span.get("end").and_then(Value::as_u64);
        let pair = match (start, end) {
            (Some(s), Some(e)) => index.span(s as usize, e as usize),
            _ => None,
        };
        if pair.is_none() {
            bad += 1;
        }
        if let Some(obj) = span.as_object_mut() {
            obj.insert("start16".into(), json!(pair.map(|p| p.0)));
            obj.insert("end16".into(), json!(pair.map(|p| p.1)));
        }
    };
    if let Some(entities) = record.get_mut("entities").and_then(Value::as_array_mut) {
        for e in entities {
            if let Some(mentions) = e.get_mut("mentions").and_then(Value::as_array_mut) {
                mentions.iter_mut().for_each(&mut fix);
            }
        }
    }
    for list in ["quotes", "events", "times", "duplicates"] {
        if let Some(items) = record.get_mut(list).and_then(Value::as_array_mut) {
            items.iter_mut().for_each(&mut fix);
        }
    }
    bad
}

/// Splits a marked snippet into `{"text", "mark"}` parts.
fn parts(snippet: &str) -> Vec<Value> {
    let mut out = Vec::new();
    for (i, piece) in snippet.split(MARK_OPEN).enumerate() {
        let (marked, rest) = if i == 0 {
            ("", piece)
        } else {
            piece.split_once(MARK_CLOSE).unwrap_or((piece, ""))
        };
        if !marked.is_empty() {
            out.push(json!({"text": marked, "mark": true}));
        }
        if !rest.is_empty() {
            out.push(json!({"text": rest, "mark": false}));
        }
    }
    out
}

/// `GET /api/search?q=`.
pub(crate) fn search(ctx: &Ctx, p: &Params, _: &[String]) -> Result<Value, ApiError> {
    let page = p.page()?;
    let q = p.required("q")?;
    let options = SearchOptions {
        before: MARK_OPEN.into(),
        after: MARK_CLOSE.into(),
        ..SearchOptions::default()
    };
    let hits = ctx.store.search_with(&q, fetch(page), &options)?;
    let items: Vec<Value> = skip(hits, page)
        .into_iter()
        .map(|h| {
            json!({
                "id": h.id,
                "sha256": h.sha256,
                "title": h.title,
                "published": h.published,
                "source": h.source,
                "score": h.score,
                "snippet": h.snippet.replace(MARK_OPEN, "[").replace(MARK_CLOSE, "]"),
                "parts": parts(&h.snippet),
            })
        })
        .collect();
    let mut v = list(items, page)?;
    v["query"] = json!(q);
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_parts() {
        let s = format!("…la {MARK_OPEN}Pékin{MARK_CLOSE} et {MARK_OPEN}État{MARK_CLOSE}");
        let p = parts(&s);
        let texts: Vec<(&str, bool)> = p
            .iter()
            .map(|v| {
                (
                    v["text"].as_str().unwrap_or_default(),
                    v["mark"].as_bool().unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(
            texts,
            [
                ("…la ", false),
                ("Pékin", true),
                (" et ", false),
                ("État", true)
            ]
        );
    }

    #[test]
    fn utf16_offsets_are_added_and_cut_the_same_text() {
        let body = "« Nous avançons », a déclaré Wang Yi à Pékin 🙂.";
        let start = body.find("Pékin").expect("found");
        let mut record = json!({
            "entities": [{"mentions": [{"text": "Pékin", "start": start, "end": start + "Pékin".len()}]}],
            "quotes": [{"start": 0, "end": 1}],
            "events": [], "times": [], "duplicates": []
        });
        let bad = add_utf16(&mut record, body);
        assert_eq!(bad, 1, "the quote ends inside «");
        let m = &record["entities"][0]["mentions"][0];
        let units: Vec<u16> = body.encode_utf16().collect();
        let (a, b) = (
            m["start16"].as_u64().expect("start16") as usize,
            m["end16"].as_u64().expect("end16") as usize,
        );
        assert_eq!(String::from_utf16_lossy(&units[a..b]), "Pékin");
        assert!(record["quotes"][0]["start16"].is_null());
        assert!(record["quotes"][0]["end16"].is_null());
    }
}
