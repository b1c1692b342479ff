//! Listing stored events by actor, type and date: the data behind
//! `chronicle events` and, later, timelines.

use serde::Serialize;

use crate::Store;
use crate::error::StoreError;

/// Which events to list. Actors match a country code (`CHN`) or a name, case
/// folded; dates compare as ISO strings, so `2022` and `2022-01` work as bounds.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Who acts: a country code or a name.
    pub source: Option<String>,
    /// Who the act is aimed at: a country code or a name.
    pub target: Option<String>,
    /// PLOVER type (`ACCUSE`).
    pub kind: Option<String>,
    /// First date, inclusive.
    pub from: Option<String>,
    /// Last date, inclusive (a prefix: `2022-01` takes all of January).
    pub to: Option<String>,
    /// At most this many events (0 for no limit).
    pub limit: usize,
}

/// One stored event with the document it was coded from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    /// The document's id.
    pub document: String,
    /// The document's title.
    pub title: Option<String>,
    /// The event's date, else the document's publication date.
    pub date: Option<String>,
    /// Whether `date` is the publication date standing in for an unknown one.
    pub date_from_publication: bool,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub kind: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// Who acts.
    pub source: Option<String>,
    /// Its country.
    pub source_country: Option<String>,
    /// Who the act is aimed at.
    pub target: Option<String>,
    /// Its country.
    pub target_country: Option<String>,
    /// Whether the text says it did not happen.
    pub negated: bool,
    /// The sentence it was coded from.
    pub sentence: String,
}

const ACTOR_MATCH: &str =
    "(?{n} IS NULL OR {side}_country = upper(?{n}) OR lower({side}_name) = lower(?{n}))";

impl Store {
    /// The events that `filter` selects, oldest first (undated last).
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRow>, StoreError> {
        let sql = format!(
            "SELECT d.id, d.title, e.date_value, d.published, e.type, e.mode, e.source_name, \
             e.source_country, e.target_name, e.target_country, e.negated, e.sentence \
             FROM events e JOIN documents d ON d.rowid = e.doc \
             WHERE {} AND {} AND (?3 IS NULL OR e.type = upper(?3)) \
             AND (?4 IS NULL OR coalesce(e.date_value, d.published) >= ?4) \
             AND (?5 IS NULL OR substr(coalesce(e.date_value, d.published), 1, length(?5)) <= ?5) \
             ORDER BY coalesce(e.date_value, d.published) IS NULL, coalesce(e.date_value, d.published), d.rowid, e.idx \
             LIMIT ?6",
            ACTOR_MATCH
                .replace("{n}", "1")
                .replace("{side}", "e.source"),
            ACTOR_MATCH
                .replace("{n}", "2")
                .replace("{side}", "e.target"),
        );
        let limit = if filter.limit == 0 {
            -1
        } else {
            filter.limit as i64
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            rusqlite::params![
                filter.source,
                filter.target,
                filter.kind,
                filter.from,
                filter.to,
                limit
            ],
            |row| {
                let date: Option<String> = row.get(2)?;
                let published: Option<String> = row.get(3)?;
                Ok(EventRow {
                    document: row.get(0)?,
                    title: row.get(1)?,
                    date_from_publication: date.is_none() && published.is_some(),
                    date: date.or(published),
                    kind: row.get(4)?,
                    mode: row.get(5)?,
                    source: row.get(6)?,
                    source_country: row.get(7)?,
                    target: row.get(8)?,
                    target_country: row.get(9)?,
                    negated: row.get::<_, i64>(10)? != 0,
                    sentence: row.get(11)?,
                })
            },
        )?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{rich_record, sha};

    fn store() -> Store {
        let mut s = Store::open_in_memory().expect("store");
        s.put(&rich_record("a", &sha(1))).expect("put");
        s
    }

    #[test]
    fn by_country_name_type_and_date() {
        let s = store();
        let all = s.events(&EventFilter::default()).expect("events");
        assert_eq!(all.len(), 1);
        let e = &all[0];
        assert_eq!(
            (e.kind.as_str(), e.source_country.as_deref()),
            ("SUPPORT", Some("CHN"))
        );
        let f = |source: Option<&str>,
                 target: Option<&str>,
                 kind: Option<&str>,
                 from: Option<&str>,
                 to: Option<&str>| {
            s.events(&EventFilter {
                source: source.map(Into::into),
                target: target.map(Into::into),
                kind: kind.map(Into::into),
                from: from.map(Into::into),
                to: to.map(Into::into),
                limit: 0,
            })
            .expect("events")
            .len()
        };
        assert_eq!(f(Some("chn"), Some("KAZ"), None, None, None), 1);
        assert_eq!(f(Some("china"), None, None, None, None), 1);
        assert_eq!(f(Some("KAZ"), None, None, None, None), 0);
        assert_eq!(f(None, None, Some("support"), None, None), 1);
        assert_eq!(f(None, None, Some("ACCUSE"), None, None), 0);
        let date = e.date.clone().expect("a date");
        assert_eq!(f(None, None, None, Some(&date), Some(&date)), 1);
        assert_eq!(f(None, None, None, Some("2099"), None), 0);
        assert_eq!(f(None, None, None, None, Some(&date[..4])), 1);
        assert_eq!(f(None, None, None, None, Some("1999")), 0);
    }
}
