//! Listing stories: the data behind `chronicle stories`.

use std::fmt;

use rusqlite::params;
use serde::Serialize;

use super::days::{day_iso, day_range};
use super::lookup::{days, parse_actors};
use crate::Store;
use crate::error::StoreError;

/// Which stories to list. Dates are ISO at any precision (`2022`, `2022-01`,
/// `2022-01-10`); a story is kept when its days meet the range. Undated stories
/// are listed only when no date bound is given.
#[derive(Debug, Clone, Default)]
pub struct StoryFilter {
    /// Earliest day, inclusive.
    pub from: Option<String>,
    /// Latest day, inclusive (`2022-01` takes all of January).
    pub to: Option<String>,
    /// Only stories of at least this many documents (0 or 1: all).
    pub min_documents: usize,
    /// At most this many stories (0 for no limit).
    pub limit: usize,
}

/// A document of a story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryDocument {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: Option<String>,
    /// Its outlet.
    pub source: Option<String>,
    /// Its publication date.
    pub published: Option<String>,
}

/// One story: documents about the same happening in the same days.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryListing {
    /// Its id, 16 hex digits.
    pub id: String,
    /// First day of its dated documents.
    pub first: Option<String>,
    /// Last day of its dated documents.
    pub last: Option<String>,
    /// Its main actors, most mentioned first.
    pub actors: Vec<String>,
    /// Its documents, oldest first (undated last).
    pub documents: Vec<StoryDocument>,
}

impl fmt::Display for StoryListing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dates = match (&self.first, &self.last) {
            (Some(a), Some(b)) if a == b => a.clone(),
            (Some(a), Some(b)) => format!("{a} → {b}"),
            _ => "undated".into(),
        };
        let n = self.documents.len();
        write!(
            f,
            "story {}  {dates}  {n} document{}",
            self.id,
            if n == 1 { "" } else { "s" }
        )?;
        if !self.actors.is_empty() {
            write!(f, "  actors: {}", self.actors.join(", "))?;
        }
        for d in &self.documents {
            write!(
                f,
                "\n  {}  {}  {}  {}",
                d.id,
                d.published.as_deref().unwrap_or("-"),
                d.source.as_deref().unwrap_or("-"),
                d.title.as_deref().unwrap_or("")
            )?;
        }
        Ok(())
    }
}

/// How many actors a listing names.
const MAIN_ACTORS: usize = 6;

/// The story id as written in listings.
pub(crate) fn story_label(id: i64) -> String {
    format!("{:016x}", id as u64)
}

impl Store {
    /// The stories `filter` selects, most recent first (undated last), each
    /// with its days, main actors and documents.
    pub fn stories(&self, filter: &StoryFilter) -> Result<Vec<StoryListing>, StoreError> {
        let from = filter.from.as_deref().and_then(day_range).map(|r| r.0);
        let to = filter.to.as_deref().and_then(day_range).map(|r| r.1);
        let dated = from.is_some() || to.is_some();
        let limit = if filter.limit == 0 {
            -1
        } else {
            i64::try_from(filter.limit).unwrap_or(-1)
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, s.first_day, s.last_day, s.actors FROM corpus_stories s
             WHERE (SELECT count(*) FROM corpus_documents c WHERE c.story = s.id) >= max(?1, 1)
               AND (?2 = 0 OR s.last_day IS NOT NULL)
               AND (?3 IS NULL OR s.last_day >= ?3)
               AND (?4 IS NULL OR s.first_day <= ?4)
             ORDER BY s.last_day IS NULL, s.last_day DESC, s.first_day DESC, s.id
             LIMIT ?5",
        )?;
        let min = i64::try_from(filter.min_documents).unwrap_or(i64::MAX);
        let heads = stmt
            .query_map(params![min, i64::from(dated), from, to, limit], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, Option<i64>>(1)?,
                    r.get::<_, Option<i64>>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut docs = self.conn.prepare_cached(
            "SELECT d.id, d.title, d.source, d.published FROM corpus_documents c
             JOIN documents d ON d.rowid = c.doc
             WHERE c.story = ?1
             ORDER BY d.published IS NULL, d.published, d.rowid",
        )?;
        let mut out = Vec::with_capacity(heads.len());
        for (id, first, last, actors) in heads {
            let documents = docs
                .query_map([id], |r| {
                    Ok(StoryDocument {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        source: r.get(2)?,
                        published: r.get(3)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            let span = days(first, last);
            out.push(StoryListing {
                id: story_label(id),
                first: span.map(|(a, _)| day_iso(a)),
                last: span.map(|(_, b)| day_iso(b)),
                actors: parse_actors(&actors)
                    .into_iter()
                    .take(MAIN_ACTORS)
                    .map(|a| a.name)
                    .collect(),
                documents,
            });
        }
        Ok(out)
    }

    /// The id of the story of each document a key names (see
    /// [`Store::get`]), for `chronicle show`; empty when the corpus stage has
    /// not seen it.
    pub fn story_of(&self, key: &str) -> Result<Vec<String>, StoreError> {
        let sql = format!(
            "SELECT c.story FROM documents d JOIN corpus_documents c ON c.doc = d.rowid
             WHERE {} ORDER BY d.rowid DESC",
            crate::get::KEY_MATCH
                .replace("id =", "d.id =")
                .replace("sha256", "d.sha256")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![key, crate::get::sha_pattern(key)], |r| {
            r.get::<_, i64>(0)
        })?;
        rows.map(|r| r.map(story_label).map_err(StoreError::from))
            .collect()
    }
}
