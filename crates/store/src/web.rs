//! Read-only look-ups for the HTTP API and the web page (`chronicle-server`):
//! documents by date and outlet, actors with their counts, an actor's
//! mentions, quotes and events, quotes by speaker, and the actor graph.
//!
//! An actor is keyed as the record keys it: its knowledge-base id where the
//! link stage found one (`Q148`, `X-VAL`), else its name (a person local to
//! the document). Events keep the names and countries the events stage gave
//! their source and target; the graph and relations use those.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::params;
use serde::Serialize;

use crate::Store;
use crate::corpus::quad_class;
use crate::error::StoreError;

/// `LIMIT -1` (none) for a limit of 0, else the limit.
fn sql_limit(limit: usize) -> i64 {
    if limit == 0 {
        -1
    } else {
        i64::try_from(limit).unwrap_or(-1)
    }
}

/// `OFFSET` as SQLite wants it.
fn sql_offset(offset: usize) -> i64 {
    i64::try_from(offset).unwrap_or(i64::MAX)
}

/// SQL that compares the date expression `{d}` with bounds `?{a}` and `?{b}`,
/// both ISO prefixes; the upper one takes all of its period (`2022-01`).
fn dates(d: &str, a: u8, b: u8) -> String {
    format!(
        "(?{a} IS NULL OR {d} >= ?{a}) AND (?{b} IS NULL OR substr({d}, 1, length(?{b})) <= ?{b})"
    )
}

/// Which documents to list, newest first.
#[derive(Debug, Clone, Default)]
pub struct DocumentFilter {
    /// Only this outlet (case folded).
    pub source: Option<String>,
    /// Published on or after this date (ISO at any precision).
    pub from: Option<String>,
    /// Published on or before this date (`2022-01` takes all of January).
    pub to: Option<String>,
    /// At most this many (0 for no limit).
    pub limit: usize,
    /// Skip this many first.
    pub offset: usize,
}

/// One document in a listing, with what was found in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentListing {
    /// Its id.
    pub id: String,
    /// Its sha256.
    pub sha256: String,
    /// Its headline.
    pub title: Option<String>,
    /// Its publication date.
    pub published: Option<String>,
    /// Its outlet.
    pub source: Option<String>,
    /// Its language.
    pub language: Option<String>,
    /// Entities found in it.
    pub entities: u64,
    /// Quotes found in it.
    pub quotes: u64,
    /// Events found in it.
    pub events: u64,
}

/// Which actors to list, most mentioned first.
#[derive(Debug, Clone, Default)]
pub struct ActorFilter {
    /// Only actors whose name or key contains these words (case and accents
    /// folded).
    pub query: Option<String>,
    /// Only this entity type (PER, ORG, LOC, MISC).
    pub kind: Option<String>,
    /// Only actors of this country code.
    pub country: Option<String>,
    /// At most this many (0 for no limit).
    pub limit: usize,
    /// Skip this many first.
    pub offset: usize,
}

/// An actor over the whole store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorListing {
    /// Its key: the knowledge-base id, else the name.
    pub key: String,
    /// Its knowledge-base id.
    pub kb_id: Option<String>,
    /// Its canonical name.
    pub name: String,
    /// PER, ORG, LOC or MISC.
    #[serde(rename = "type")]
    pub kind: String,
    /// The country it belongs to.
    pub country: Option<String>,
    /// Documents that name it.
    pub documents: u64,
    /// Its mentions over all documents.
    pub mentions: u64,
    /// Quotes it is the speaker of.
    pub quotes: u64,
    /// Events it is the source or target of (through its entity).
    pub events: u64,
}

/// One mention of an actor, with its document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorMention {
    /// The document's id.
    pub document: String,
    /// Its headline.
    pub title: Option<String>,
    /// Its publication date.
    pub published: Option<String>,
    /// The words of the mention.
    pub text: String,
    /// Byte offsets into the document's body.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
}

/// One stored quote with its document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteRow {
    /// The document's id.
    pub document: String,
    /// Its headline.
    pub title: Option<String>,
    /// Its outlet.
    pub source: Option<String>,
    /// Its publication date.
    pub published: Option<String>,
    /// The quotation.
    pub text: String,
    /// direct, partial or indirect.
    pub kind: String,
    /// The speaker's name.
    pub speaker: Option<String>,
    /// The speaker's country.
    pub speaker_country: Option<String>,
    /// The speaker's key (knowledge-base id, else name), when tied to an entity.
    pub speaker_key: Option<String>,
    /// The reporting verb.
    pub cue: Option<String>,
    /// Byte offsets into the body.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
}

/// Which quotes to list, oldest first.
#[derive(Debug, Clone, Default)]
pub struct QuoteFilter {
    /// The speaker: a key (knowledge-base id), a country code or a name.
    pub speaker: Option<String>,
    /// Published on or after.
    pub from: Option<String>,
    /// Published on or before.
    pub to: Option<String>,
    /// At most this many (0 for no limit).
    pub limit: usize,
    /// Skip this many first.
    pub offset: usize,
}

/// An event an actor takes part in, found through its entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorEvent {
    /// `source` or `target`.
    pub role: &'static str,
    /// The document's id.
    pub document: String,
    /// Its headline.
    pub title: Option<String>,
    /// The event's date, else the publication date.
    pub date: Option<String>,
    /// Whether `date` is the publication date standing in.
    pub date_from_publication: bool,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Who acts.
    pub source: Option<String>,
    /// Its country.
    pub source_country: Option<String>,
    /// Who is acted on.
    pub target: Option<String>,
    /// Its country.
    pub target_country: Option<String>,
    /// Whether the text says it did not happen.
    pub negated: bool,
    /// The sentence.
    pub sentence: String,
    /// Byte offsets into the body.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
}

/// Which events make the actor graph.
#[derive(Debug, Clone, Default)]
pub struct GraphFilter {
    /// Event date (else publication date) on or after.
    pub from: Option<String>,
    /// On or before.
    pub to: Option<String>,
    /// Only this PLOVER type.
    pub kind: Option<String>,
    /// Only this quad class (`verbal cooperation`…).
    pub quad: Option<String>,
    /// Keep negated events too.
    pub negated: bool,
}

/// A node of the actor graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GraphNode {
    /// The actor's name, as events give it (usable in relations and filters).
    pub id: String,
    /// Its country.
    pub country: Option<String>,
    /// Distinct events it is the source of.
    pub out: u64,
    /// Distinct events it is the target of.
    #[serde(rename = "in")]
    pub inward: u64,
}

/// A directed edge of the actor graph: what `source` did to `target`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GraphEdge {
    /// Who acted.
    pub source: String,
    /// Who was acted on.
    pub target: String,
    /// Distinct events (the same type on the same date counts once).
    pub events: u64,
    /// Event rows (one per document telling it).
    pub reports: u64,
    /// Distinct events per quad class: verbal cooperation, material
    /// cooperation, verbal conflict, material conflict.
    pub quad: [u64; 4],
    /// Distinct events per type.
    pub types: BTreeMap<String, u64>,
}

/// The actor graph: nodes and edges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Graph {
    /// Actors that take part in at least one edge.
    pub nodes: Vec<GraphNode>,
    /// Edges, most events first.
    pub edges: Vec<GraphEdge>,
}

/// The quad classes in the order of [`GraphEdge::quad`].
pub const QUAD_CLASSES: [&str; 4] = [
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
];

/// Folds case and accents for name matching in Rust.
fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ÿ' => 'y',
            other => other,
        })
        .collect()
}

impl Store {
    /// Documents newest first (undated last), with counts of what was found.
    pub fn documents(&self, filter: &DocumentFilter) -> Result<Vec<DocumentListing>, StoreError> {
        let sql = format!(
            "SELECT d.id, d.sha256, d.title, d.published, d.source, d.language,
                    (SELECT count(*) FROM entities x WHERE x.doc = d.rowid),
                    (SELECT count(*) FROM quotes x WHERE x.doc = d.rowid),
                    (SELECT count(*) FROM events x WHERE x.doc = d.rowid)
             FROM documents d
             WHERE (?1 IS NULL OR lower(d.source) = lower(?1)) AND {}
             ORDER BY d.published IS NULL, d.published DESC, d.rowid DESC
             LIMIT ?4 OFFSET ?5",
            dates("d.published", 2, 3)
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            params![
                filter.source,
                filter.from,
                filter.to,
                sql_limit(filter.limit),
                sql_offset(filter.offset)
            ],
            |r| {
                Ok(DocumentListing {
                    id: r.get(0)?,
                    sha256: r.get(1)?,
                    title: r.get(2)?,
                    published: r.get(3)?,
                    source: r.get(4)?,
                    language: r.get(5)?,
                    entities: r.get(6)?,
                    quotes: r.get(7)?,
                    events: r.get(8)?,
                })
            },
        )?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Every actor of the store with its counts, most mentioned first;
    /// `filter` narrows and pages them.
    pub fn actors(&self, filter: &ActorFilter) -> Result<Vec<ActorListing>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "WITH ent AS (SELECT doc, idx, coalesce(kb_id, name) AS key, kb_id, name, type, country
                          FROM entities),
                  men AS (SELECT doc, entity, count(*) AS n FROM mentions GROUP BY doc, entity),
                  qs AS (SELECT ent.key, count(*) AS n FROM quotes q
                         JOIN ent ON ent.doc = q.doc AND ent.idx = q.speaker_entity
                         GROUP BY ent.key),
                  evs AS (SELECT ent.key, count(*) AS n FROM events ev
                          JOIN ent ON ent.doc = ev.doc
                           AND (ent.idx = ev.source_entity OR ent.idx = ev.target_entity)
                          GROUP BY ent.key),
                  agg AS (SELECT ent.key, max(ent.kb_id) AS kb_id, min(ent.name) AS name,
                                 min(ent.type) AS type, max(ent.country) AS country,
                                 count(DISTINCT ent.doc) AS documents,
                                 coalesce(sum(men.n), 0) AS mentions
                          FROM ent LEFT JOIN men ON men.doc = ent.doc AND men.entity = ent.idx
                          GROUP BY ent.key)
             SELECT agg.key, agg.kb_id, agg.name, agg.type, agg.country, agg.documents,
                    agg.mentions, coalesce(qs.n, 0), coalesce(evs.n, 0)
             FROM agg LEFT JOIN qs ON qs.key = agg.key LEFT JOIN evs ON evs.key = agg.key
             WHERE (?1 IS NULL OR agg.type = upper(?1)) AND (?2 IS NULL OR agg.country = upper(?2))
             ORDER BY agg.mentions DESC, agg.documents DESC, agg.name",
        )?;
        let rows = stmt.query_map(params![filter.kind, filter.country], |r| {
            Ok(ActorListing {
                key: r.get(0)?,
                kb_id: r.get(1)?,
                name: r.get(2)?,
                kind: r.get(3)?,
                country: r.get(4)?,
                documents: r.get(5)?,
                mentions: r.get(6)?,
                quotes: r.get(7)?,
                events: r.get(8)?,
            })
        })?;
        let words: Vec<String> = filter
            .query
            .as_deref()
            .map(|q| q.split_whitespace().map(fold).collect())
            .unwrap_or_default();
        let mut out = Vec::new();
        let mut skipped = 0;
        for row in rows {
            let a = row?;
            if !words.is_empty() {
                let hay = format!("{} {}", fold(&a.name), fold(&a.key));
                if !words.iter().all(|w| hay.contains(w.as_str())) {
                    continue;
                }
            }
            if skipped < filter.offset {
                skipped += 1;
                continue;
            }
            out.push(a);
            if filter.limit > 0 && out.len() >= filter.limit {
                break;
            }
        }
        Ok(out)
    }

    /// The actor with this key (knowledge-base id or name), with its counts;
    /// `None` when no document names it.
    pub fn actor(&self, key: &str) -> Result<Option<ActorListing>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "WITH ent AS (SELECT doc, idx, kb_id, name, type, country FROM entities
                          WHERE kb_id = ?1 OR (kb_id IS NULL AND name = ?1))
             SELECT max(kb_id), min(name), min(type), max(country), count(DISTINCT doc),
                    (SELECT count(*) FROM mentions m JOIN ent ON m.doc = ent.doc AND m.entity = ent.idx),
                    (SELECT count(*) FROM quotes q JOIN ent ON q.doc = ent.doc AND q.speaker_entity = ent.idx),
                    (SELECT count(*) FROM events ev JOIN ent ON ev.doc = ent.doc
                       AND (ev.source_entity = ent.idx OR ev.target_entity = ent.idx))
             FROM ent",
        )?;
        let listing = stmt.query_row([key], |r| {
            Ok(ActorListing {
                key: key.to_string(),
                kb_id: r.get(0)?,
                name: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                kind: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                country: r.get(3)?,
                documents: r.get(4)?,
                mentions: r.get(5)?,
                quotes: r.get(6)?,
                events: r.get(7)?,
            })
        })?;
        Ok((listing.documents > 0).then_some(listing))
    }

    /// The key of the actor most often named `name` (case folded), if any
    /// document names it so.
    pub fn actor_key(&self, name: &str) -> Result<Option<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT coalesce(kb_id, name) AS key FROM entities WHERE lower(name) = lower(?1)
             GROUP BY key ORDER BY count(*) DESC, key LIMIT 1",
        )?;
        let mut rows = stmt.query_map([name], |r| r.get::<_, String>(0))?;
        Ok(rows.next().transpose()?)
    }

    /// Mentions of the actor with this key, newest document first.
    pub fn actor_mentions(
        &self,
        key: &str,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<ActorMention>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id, d.title, d.published, m.text, m.start, m.end
             FROM entities e JOIN mentions m ON m.doc = e.doc AND m.entity = e.idx
             JOIN documents d ON d.rowid = e.doc
             WHERE e.kb_id = ?1 OR (e.kb_id IS NULL AND e.name = ?1)
             ORDER BY d.published IS NULL, d.published DESC, d.rowid DESC, m.start
             LIMIT ?2 OFFSET ?3",
        )?;
        let rows = stmt.query_map(params![key, sql_limit(limit), sql_offset(offset)], |r| {
            Ok(ActorMention {
                document: r.get(0)?,
                title: r.get(1)?,
                published: r.get(2)?,
                text: r.get(3)?,
                start: r.get(4)?,
                end: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Events the actor with this key takes part in through its entity, as
    /// source or target, oldest first (undated last).
    pub fn actor_events(
        &self,
        key: &str,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<ActorEvent>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT CASE WHEN ev.source_entity = e.idx THEN 'source' ELSE 'target' END,
                    d.id, d.title, ev.date_value, d.published, ev.type, ev.source_name,
                    ev.target_name, ev.negated, ev.sentence, ev.start, ev.end,
                    ev.source_country, ev.target_country
             FROM entities e JOIN events ev ON ev.doc = e.doc
               AND (ev.source_entity = e.idx OR ev.target_entity = e.idx)
             JOIN documents d ON d.rowid = e.doc
             WHERE e.kb_id = ?1 OR (e.kb_id IS NULL AND e.name = ?1)
             ORDER BY coalesce(ev.date_value, d.published) IS NULL,
                      coalesce(ev.date_value, d.published), d.rowid, ev.idx
             LIMIT ?2 OFFSET ?3",
        )?;
        let rows = stmt.query_map(params![key, sql_limit(limit), sql_offset(offset)], |r| {
            let role: String = r.get(0)?;
            let date: Option<String> = r.get(3)?;
            let published: Option<String> = r.get(4)?;
            Ok(ActorEvent {
                role: if role == "source" { "source" } else { "target" },
                document: r.get(1)?,
                title: r.get(2)?,
                date_from_publication: date.is_none() && published.is_some(),
                date: date.or(published),
                kind: r.get(5)?,
                source: r.get(6)?,
                source_country: r.get(12)?,
                target: r.get(7)?,
                target_country: r.get(13)?,
                negated: r.get::<_, i64>(8)? != 0,
                sentence: r.get(9)?,
                start: r.get(10)?,
                end: r.get(11)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Stored quotes one by one, oldest document first. The speaker matches
    /// its entity's key, its country code or its name (case folded).
    pub fn quotes(&self, filter: &QuoteFilter) -> Result<Vec<QuoteRow>, StoreError> {
        let sql = format!(
            "SELECT d.id, d.title, d.source, d.published, q.text, q.kind, q.speaker_name,
                    q.speaker_country, coalesce(e.kb_id, e.name), q.cue, q.start, q.end
             FROM quotes q JOIN documents d ON d.rowid = q.doc
             LEFT JOIN entities e ON e.doc = q.doc AND e.idx = q.speaker_entity
             WHERE (?1 IS NULL OR e.kb_id = ?1 OR q.speaker_country = upper(?1)
                    OR lower(q.speaker_name) = lower(?1)) AND {}
             ORDER BY d.published IS NULL, d.published, d.rowid, q.idx
             LIMIT ?4 OFFSET ?5",
            dates("d.published", 2, 3)
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            params![
                filter.speaker,
                filter.from,
                filter.to,
                sql_limit(filter.limit),
                sql_offset(filter.offset)
            ],
            |r| {
                Ok(QuoteRow {
                    document: r.get(0)?,
                    title: r.get(1)?,
                    source: r.get(2)?,
                    published: r.get(3)?,
                    text: r.get(4)?,
                    kind: r.get(5)?,
                    speaker: r.get(6)?,
                    speaker_country: r.get(7)?,
                    speaker_key: r.get(8)?,
                    cue: r.get(9)?,
                    start: r.get(10)?,
                    end: r.get(11)?,
                })
            },
        )?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// The actor graph: who did what to whom, counted as
    /// [`Store::relations`] counts (the same type on the same date is one
    /// event however many documents tell it). Events without a source or a
    /// target, and actors acting on themselves, are left out.
    pub fn actor_graph(&self, filter: &GraphFilter) -> Result<Graph, StoreError> {
        let sql = format!(
            "SELECT e.source_name, e.source_country, e.target_name, e.target_country, e.type,
                    coalesce(e.date_value, d.published)
             FROM events e JOIN documents d ON d.rowid = e.doc
             WHERE e.source_name IS NOT NULL AND e.target_name IS NOT NULL
               AND e.source_name <> e.target_name
               AND (?3 IS NULL OR e.type = upper(?3)) AND (?4 OR e.negated = 0) AND {}",
            dates("coalesce(e.date_value, d.published)", 1, 2)
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            params![filter.from, filter.to, filter.kind, filter.negated],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                ))
            },
        )?;
        type Cell = (u64, BTreeSet<(String, String)>);
        let mut cells: BTreeMap<(String, String), Cell> = BTreeMap::new();
        let mut countries: BTreeMap<String, Option<String>> = BTreeMap::new();
        let quad_wanted = filter.quad.as_deref().map(str::to_ascii_lowercase);
        for row in rows {
            let (source, sc, target, tc, kind, date) = row?;
            let kind = kind.to_ascii_uppercase();
            if let Some(q) = &quad_wanted
                && quad_class(&kind) != Some(q.as_str())
            {
                continue;
            }
            for (name, country) in [(&source, sc), (&target, tc)] {
                let slot = countries.entry(name.clone()).or_default();
                if slot.is_none() {
                    *slot = country;
                }
            }
            let cell = cells.entry((source, target)).or_default();
            cell.0 += 1;
            cell.1.insert((kind, date.unwrap_or_default()));
        }
        let mut edges: Vec<GraphEdge> = cells
            .into_iter()
            .map(|((source, target), (reports, distinct))| {
                let mut quad = [0u64; 4];
                let mut types = BTreeMap::new();
                for (kind, _) in &distinct {
                    if let Some(i) =
                        quad_class(kind).and_then(|q| QUAD_CLASSES.iter().position(|x| *x == q))
                    {
                        quad[i] += 1;
                    }
                    *types.entry(kind.clone()).or_insert(0) += 1;
                }
                GraphEdge {
                    source,
                    target,
                    events: distinct.len() as u64,
                    reports,
                    quad,
                    types,
                }
            })
            .collect();
        edges.sort_by(|a, b| {
            b.events
                .cmp(&a.events)
                .then_with(|| a.source.cmp(&b.source))
                .then_with(|| a.target.cmp(&b.target))
        });
        let mut nodes: BTreeMap<&str, GraphNode> = BTreeMap::new();
        for e in &edges {
            for (name, out) in [(&e.source, true), (&e.target, false)] {
                let node = nodes.entry(name.as_str()).or_insert_with(|| GraphNode {
                    id: name.clone(),
                    country: countries.get(name).cloned().flatten(),
                    out: 0,
                    inward: 0,
                });
                if out {
                    node.out += e.events;
                } else {
                    node.inward += e.events;
                }
            }
        }
        Ok(Graph {
            nodes: nodes.into_values().collect(),
            edges,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{record, rich_record, sha};

    fn store() -> Store {
        let mut store = Store::open_in_memory().expect("open");
        let mut a = rich_record("riche", &sha(1));
        a.source = Some("Press TV".into());
        store.put(&a).expect("put");
        store
            .put(&record("vide", &sha(2), Some("Rien"), "Rien ici."))
            .expect("put");
        store
    }

    #[test]
    fn documents_with_counts_and_filters() {
        let store = store();
        let all = store.documents(&DocumentFilter::default()).expect("list");
        assert_eq!(all.len(), 2);
        let rich = all.iter().find(|d| d.id == "riche").expect("riche");
        assert_eq!((rich.entities, rich.quotes, rich.events), (2, 1, 1));
        let press = store
            .documents(&DocumentFilter {
                source: Some("press tv".into()),
                ..Default::default()
            })
            .expect("list");
        assert_eq!(press.len(), 1);
        let paged = store
            .documents(&DocumentFilter {
                limit: 1,
                offset: 1,
                ..Default::default()
            })
            .expect("list");
        assert_eq!(paged.len(), 1);
        assert_ne!(paged[0].id, all[0].id);
    }

    #[test]
    fn actors_mentions_quotes_events_and_graph() {
        let store = store();
        let actors = store.actors(&ActorFilter::default()).expect("actors");
        assert_eq!(actors.len(), 2, "{actors:?}");
        let china = store
            .actors(&ActorFilter {
                query: Some("chin".into()),
                ..Default::default()
            })
            .expect("actors");
        assert_eq!(china.len(), 1);
        let key = china[0].key.clone();
        let one = store.actor(&key).expect("actor").expect("known");
        assert_eq!(one.mentions, china[0].mentions);
        assert!(store.actor("personne").expect("actor").is_none());
        assert_eq!(
            store.actor_mentions(&key, 0, 0).expect("mentions").len() as u64,
            one.mentions
        );
        assert_eq!(
            store.actor_events(&key, 0, 0).expect("events").len() as u64,
            one.events
        );
        let quotes = store.quotes(&QuoteFilter::default()).expect("quotes");
        assert_eq!(quotes.len(), 1);
        let graph = store.actor_graph(&GraphFilter::default()).expect("graph");
        assert_eq!(graph.edges.len(), 1, "{graph:?}");
        assert_eq!(graph.nodes.len(), 2);
        let none = store
            .actor_graph(&GraphFilter {
                quad: Some("material conflict".into()),
                ..Default::default()
            })
            .expect("graph");
        assert!(none.edges.is_empty());
    }
}
