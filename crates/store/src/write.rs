//! The rows of one record: the document, then its normalised annotations.
//!
//! Called inside a transaction by [`crate::Store::put`] and
//! [`crate::Store::put_batch`]; the caller commits. Child rows are keyed by the
//! document's rowid and their index in the record's list, written parents
//! first (entities before the quotes and events that point at them).

use chronicle_model::{Actor, Origin, Precision, Record, RemovalReason};
use rusqlite::{Connection, OptionalExtension, params};

use crate::error::StoreError;
use crate::put::Put;

/// Writes one record unless its sha256 is already stored.
pub(crate) fn document(conn: &Connection, record: &Record) -> Result<Put, StoreError> {
    if record.sha256.is_empty() {
        return Err(StoreError::Invalid {
            id: record.id.clone(),
            reason: "the record has no sha256".into(),
        });
    }
    let json = serde_json::to_string(record).map_err(|source| StoreError::Serialise {
        id: record.id.clone(),
        source,
    })?;
    let fail = |table: &'static str| {
        move |source| StoreError::Write {
            id: record.id.clone(),
            sha256: record.sha256.clone(),
            table,
            source: Box::new(source),
        }
    };
    let published = record.published.as_ref();
    let rowid: Option<i64> = conn
        .prepare_cached(
            "INSERT INTO documents (id, sha256, path, language, published, published_precision,
                 published_origin, title, source, dateline, url, body, record)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
             ON CONFLICT (sha256) DO NOTHING
             RETURNING rowid",
        )
        .and_then(|mut stmt| {
            stmt.query_row(
                params![
                    record.id,
                    record.sha256,
                    record.path,
                    record.language,
                    published.map(|p| &p.value),
                    published.map(|p| precision(p.precision)),
                    published.map(|p| origin(p.origin)),
                    record.title,
                    record.source,
                    record.dateline,
                    record.url,
                    record.body,
                    json,
                ],
                |row| row.get(0),
            )
            .optional()
        })
        .map_err(fail("documents"))?;
    let Some(doc) = rowid else {
        let id = conn
            .prepare_cached("SELECT id FROM documents WHERE sha256 = ?1")
            .and_then(|mut stmt| stmt.query_row([&record.sha256], |row| row.get(0)))
            .map_err(fail("documents"))?;
        return Ok(Put::AlreadyPresent { id });
    };

    entities(conn, doc, record).map_err(fail("entities"))?;
    quotes(conn, doc, record).map_err(fail("quotes"))?;
    events(conn, doc, record).map_err(fail("events"))?;
    times(conn, doc, record).map_err(fail("times"))?;
    removed(conn, doc, record).map_err(fail("removed"))?;
    duplicates(conn, doc, record).map_err(fail("duplicates"))?;
    Ok(Put::Inserted { rowid: doc })
}

/// Entities and their mentions.
fn entities(conn: &Connection, doc: i64, record: &Record) -> rusqlite::Result<()> {
    if record.entities.is_empty() {
        return Ok(());
    }
    let mut entity = conn.prepare_cached(
        "INSERT INTO entities (doc, idx, kb_id, name, type, country)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut mention = conn.prepare_cached(
        "INSERT INTO mentions (doc, entity, idx, text, start, end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, e) in record.entities.iter().enumerate() {
        entity.execute(params![doc, i, e.id, e.name, e.kind, e.country])?;
        for (j, m) in e.mentions.iter().enumerate() {
            mention.execute(params![doc, i, j, m.text, m.start, m.end])?;
        }
    }
    Ok(())
}

/// Quotes, with their speakers spread over three columns.
fn quotes(conn: &Connection, doc: i64, record: &Record) -> rusqlite::Result<()> {
    if record.quotes.is_empty() {
        return Ok(());
    }
    let mut stmt = conn.prepare_cached(
        "INSERT INTO quotes (doc, idx, text, kind, speaker_name, speaker_entity,
             speaker_country, cue, start, end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (i, q) in record.quotes.iter().enumerate() {
        let (name, entity, country) = actor(q.speaker.as_ref());
        stmt.execute(params![
            doc, i, q.text, q.kind, name, entity, country, q.cue, q.start, q.end
        ])?;
    }
    Ok(())
}

/// Events, with source, target, date and place spread over columns.
fn events(conn: &Connection, doc: i64, record: &Record) -> rusqlite::Result<()> {
    if record.events.is_empty() {
        return Ok(());
    }
    let mut stmt = conn.prepare_cached(
        "INSERT INTO events (doc, idx, type, mode,
             source_name, source_entity, source_country,
             target_name, target_entity, target_country,
             date_value, date_precision, date_text,
             location_name, location_entity, location_country,
             negated, quote, sentence, start, end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                 ?17, ?18, ?19, ?20, ?21)",
    )?;
    for (i, e) in record.events.iter().enumerate() {
        let (source_name, source_entity, source_country) = actor(e.source.as_ref());
        let (target_name, target_entity, target_country) = actor(e.target.as_ref());
        let (place_name, place_entity, place_country) = actor(e.location.as_ref());
        let date = e.date.as_ref();
        stmt.execute(params![
            doc,
            i,
            e.kind,
            e.mode,
            source_name,
            source_entity,
            source_country,
            target_name,
            target_entity,
            target_country,
            date.map(|d| &d.value),
            date.map(|d| precision(d.precision)),
            date.and_then(|d| d.text.as_ref()),
            place_name,
            place_entity,
            place_country,
            e.negated,
            e.quote,
            e.sentence,
            e.start,
            e.end,
        ])?;
    }
    Ok(())
}

/// Time expressions.
fn times(conn: &Connection, doc: i64, record: &Record) -> rusqlite::Result<()> {
    if record.times.is_empty() {
        return Ok(());
    }
    let mut stmt = conn.prepare_cached(
        "INSERT INTO times (doc, idx, text, value, precision, start, end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, t) in record.times.iter().enumerate() {
        stmt.execute(params![
            doc,
            i,
            t.text,
            t.value,
            t.precision.map(precision),
            t.start,
            t.end
        ])?;
    }
    Ok(())
}

/// What cleaning removed.
fn removed(conn: &Connection, doc: i64, record: &Record) -> rusqlite::Result<()> {
    if record.removed.is_empty() {
        return Ok(());
    }
    let mut stmt = conn
        .prepare_cached("INSERT INTO removed (doc, idx, text, reason) VALUES (?1, ?2, ?3, ?4)")?;
    for (i, r) in record.removed.iter().enumerate() {
        stmt.execute(params![doc, i, r.text, reason(r.reason)])?;
    }
    Ok(())
}

/// Passages shared with earlier documents.
fn duplicates(conn: &Connection, doc: i64, record: &Record) -> rusqlite::Result<()> {
    if record.duplicates.is_empty() {
        return Ok(());
    }
    let mut stmt = conn.prepare_cached(
        "INSERT INTO duplicates (doc, idx, other, start, end, similarity)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, d) in record.duplicates.iter().enumerate() {
        stmt.execute(params![doc, i, d.document, d.start, d.end, d.similarity])?;
    }
    Ok(())
}

/// An actor's name, entity index and country, each `None` when there is no actor.
fn actor(a: Option<&Actor>) -> (Option<&str>, Option<usize>, Option<&str>) {
    match a {
        Some(a) => (Some(a.name.as_str()), a.entity, a.country.as_deref()),
        None => (None, None, None),
    }
}

/// A precision as the record writes it.
pub(crate) fn precision(p: Precision) -> &'static str {
    match p {
        Precision::Year => "year",
        Precision::Month => "month",
        Precision::Day => "day",
        Precision::Minute => "minute",
    }
}

/// An origin as the record writes it.
pub(crate) fn origin(o: Origin) -> &'static str {
    match o {
        Origin::Metadata => "metadata",
        Origin::Text => "text",
    }
}

/// A removal reason as the record writes it.
pub(crate) fn reason(r: RemovalReason) -> &'static str {
    match r {
        RemovalReason::Metadata => "metadata",
        RemovalReason::Navigation => "navigation",
        RemovalReason::Caption => "caption",
        RemovalReason::Credit => "credit",
        RemovalReason::RelatedLinks => "related-links",
        RemovalReason::Dateline => "dateline",
        RemovalReason::Title => "title",
    }
}
