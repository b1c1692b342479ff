//! The look-ups of the corpus stage: each one a search of an index, so that
//! the cost of annotating a document does not grow with the store.

use rusqlite::{OptionalExtension, params};

use super::rows::{StoryActor, StoryRow};
use crate::Store;
use crate::error::StoreError;

/// A stored sentence and the cluster it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredPassage {
    /// Its id.
    pub id: i64,
    /// Its document's rowid.
    pub doc: i64,
    /// Byte offset of its start in the document's body.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// Its cluster (the id of the cluster's representative).
    pub cluster: i64,
}

/// A stored document as the corpus stage compares with it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDocument {
    /// Its rowid.
    pub doc: i64,
    /// Its id (`001_fe30236cf2789922`).
    pub id: String,
    /// Its body.
    pub body: String,
    /// Its story, when the corpus stage saw it.
    pub story: Option<i64>,
    /// First and last day of its publication date.
    pub days: Option<(i64, i64)>,
    /// Its sentences, in body order.
    pub passages: Vec<StoredPassage>,
}

fn usize_of(v: i64) -> usize {
    usize::try_from(v).unwrap_or(0)
}

fn limit_of(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn passage(row: &rusqlite::Row<'_>) -> rusqlite::Result<StoredPassage> {
    Ok(StoredPassage {
        id: row.get(0)?,
        doc: row.get(1)?,
        start: usize_of(row.get(2)?),
        end: usize_of(row.get(3)?),
        cluster: row.get(4)?,
    })
}

/// Two nullable day columns as a range.
pub(crate) fn days(first: Option<i64>, last: Option<i64>) -> Option<(i64, i64)> {
    match (first, last) {
        (Some(a), Some(b)) => Some((a, b)),
        (Some(a), None) | (None, Some(a)) => Some((a, a)),
        (None, None) => None,
    }
}

impl Store {
    /// The passages filed under each band key, at most `per_band` a key, as
    /// `(band, passage id)` pairs. Bands outlive the passages of a deleted
    /// document: [`Store::corpus_cluster_members`] finds no member for them.
    pub fn corpus_band_hits(
        &self,
        bands: &[i64],
        per_band: usize,
    ) -> Result<Vec<(i64, i64)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT passage FROM corpus_bands WHERE band = ?1 ORDER BY passage DESC LIMIT ?2",
        )?;
        let mut hits = Vec::new();
        for &band in bands {
            let rows = stmt.query_map(params![band, limit_of(per_band)], |r| r.get(0))?;
            for id in rows {
                hits.push((band, id?));
            }
        }
        Ok(hits)
    }

    /// The passages of a cluster, most recently stored documents first, at
    /// most `limit`.
    pub fn corpus_cluster_members(
        &self,
        cluster: i64,
        limit: usize,
    ) -> Result<Vec<StoredPassage>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, doc, start, end, cluster FROM corpus_passages
             WHERE cluster = ?1 ORDER BY doc DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![cluster, limit_of(limit)], passage)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A stored document with its body, story, days and passages; `None` when
    /// there is no such document or the corpus stage never saw it.
    pub fn corpus_document(&self, doc: i64) -> Result<Option<StoredDocument>, StoreError> {
        let head = self
            .conn
            .prepare_cached(
                "SELECT d.id, d.body, c.story, c.first_day, c.last_day
                 FROM documents d JOIN corpus_documents c ON c.doc = d.rowid
                 WHERE d.rowid = ?1",
            )?
            .query_row([doc], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, Option<i64>>(3)?,
                    r.get::<_, Option<i64>>(4)?,
                ))
            })
            .optional()?;
        let Some((id, body, story, first, last)) = head else {
            return Ok(None);
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, doc, start, end, cluster FROM corpus_passages
             WHERE doc = ?1 ORDER BY start",
        )?;
        let passages = stmt
            .query_map([doc], passage)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Some(StoredDocument {
            doc,
            id,
            body,
            story: Some(story),
            days: days(first, last),
            passages,
        }))
    }

    /// The most recently stored document with this fingerprint.
    pub fn corpus_fingerprint(&self, fingerprint: i64) -> Result<Option<i64>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT doc FROM corpus_documents WHERE fingerprint = ?1 ORDER BY doc DESC LIMIT 1",
            )?
            .query_row([fingerprint], |r| r.get(0))
            .optional()?)
    }

    /// How many documents the corpus stage has seen, and in how many of them
    /// each term occurs (0 for an unknown term), in the order given.
    pub fn corpus_frequencies(&self, terms: &[i64]) -> Result<(u64, Vec<u64>), StoreError> {
        let total: Option<i64> = self
            .conn
            .prepare_cached("SELECT value FROM corpus_meta WHERE key = 'documents'")?
            .query_row([], |r| r.get(0))
            .optional()?;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT df FROM corpus_terms WHERE term = ?1")?;
        let mut dfs = Vec::with_capacity(terms.len());
        for &t in terms {
            let df: Option<i64> = stmt.query_row([t], |r| r.get(0)).optional()?;
            dfs.push(df.map_or(0, |d| u64::try_from(d).unwrap_or(0)));
        }
        Ok((total.map_or(0, |t| u64::try_from(t).unwrap_or(0)), dfs))
    }

    /// The documents filed under a term, most recently stored first, at most
    /// `limit`.
    pub fn corpus_postings(&self, term: i64, limit: usize) -> Result<Vec<i64>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.doc FROM corpus_postings p
             WHERE p.term = ?1
               AND EXISTS (SELECT 1 FROM corpus_documents c WHERE c.doc = p.doc)
             ORDER BY p.doc DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![term, limit_of(limit)], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The story of each of these documents that the corpus stage saw, as
    /// `(doc, story)` pairs.
    pub fn corpus_stories_of(&self, docs: &[i64]) -> Result<Vec<(i64, i64)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT story FROM corpus_documents WHERE doc = ?1")?;
        let mut out = Vec::new();
        for &doc in docs {
            if let Some(story) = stmt.query_row([doc], |r| r.get(0)).optional()? {
                out.push((doc, story));
            }
        }
        Ok(out)
    }

    /// The stories with these ids (those that exist, in no order).
    pub fn corpus_stories(&self, ids: &[i64]) -> Result<Vec<StoryRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, first_day, last_day, size, centroid, actors FROM corpus_stories
             WHERE id = ?1",
        )?;
        let mut out = Vec::new();
        for &id in ids {
            let row = stmt
                .query_row([id], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, Option<i64>>(1)?,
                        r.get::<_, Option<i64>>(2)?,
                        r.get::<_, i64>(3)?,
                        r.get::<_, Vec<u8>>(4)?,
                        r.get::<_, String>(5)?,
                    ))
                })
                .optional()?;
            if let Some((id, first, last, size, centroid, actors)) = row {
                out.push(StoryRow {
                    id,
                    days: days(first, last),
                    size: u64::try_from(size).unwrap_or(0),
                    centroid,
                    actors: parse_actors(&actors),
                });
            }
        }
        Ok(out)
    }
}

/// A story's actors from their JSON column (empty when unreadable: they are
/// a summary, rewritten with the story's next document).
pub(crate) fn parse_actors(json: &str) -> Vec<StoryActor> {
    serde_json::from_str(json).unwrap_or_default()
}
