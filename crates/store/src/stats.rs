//! Counts of what the store holds.

use std::fmt;

use rusqlite::Connection;
use serde::Serialize;

use crate::Store;
use crate::error::StoreError;
use crate::migrate;

/// What the store holds, for `chronicle stats` and health checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Number of documents.
    pub documents: u64,
    /// Documents per language code, most first; `None` for unknown.
    pub languages: Vec<(Option<String>, u64)>,
    /// Documents per month of publication (`2022-01`), in date order; a date
    /// known only to the year counts under the year (`2019`), an unknown one
    /// under `None`, last.
    pub months: Vec<(Option<String>, u64)>,
    /// Entities (one per distinct entity per document).
    pub entities: u64,
    /// Entity mentions.
    pub mentions: u64,
    /// Quotes.
    pub quotes: u64,
    /// Events.
    pub events: u64,
    /// Time expressions.
    pub times: u64,
    /// Passages shared with earlier documents.
    pub duplicates: u64,
    /// Pieces removed by cleaning, per reason, most first.
    pub removed: Vec<(String, u64)>,
    /// Schema version of the database.
    pub schema_version: u32,
    /// Size of the database in bytes (pages × page size; the WAL file apart).
    pub file_size: u64,
}

impl Store {
    /// Counts documents, annotations and pieces removed, with the schema
    /// version and the size of the database.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let c = &self.conn;
        Ok(Stats {
            documents: count(c, "documents")?,
            languages: grouped(
                c,
                "SELECT language, count(*) AS n FROM documents
                 GROUP BY language ORDER BY n DESC, language IS NULL, language",
            )?,
            months: grouped(
                c,
                "SELECT CASE WHEN published_precision = 'year' THEN substr(published, 1, 4)
                             ELSE substr(published, 1, 7) END AS month,
                        count(*)
                 FROM documents GROUP BY month ORDER BY month IS NULL, month",
            )?,
            entities: count(c, "entities")?,
            mentions: count(c, "mentions")?,
            quotes: count(c, "quotes")?,
            events: count(c, "events")?,
            times: count(c, "times")?,
            duplicates: count(c, "duplicates")?,
            removed: grouped(
                c,
                "SELECT reason, count(*) AS n FROM removed
                 GROUP BY reason ORDER BY n DESC, reason",
            )?
            .into_iter()
            .map(|(reason, n)| (reason.unwrap_or_default(), n))
            .collect(),
            schema_version: migrate::version(c)?,
            file_size: c.query_row(
                "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
                [],
                |row| row.get(0),
            )?,
        })
    }
}

/// Rows in a table.
fn count(c: &Connection, table: &str) -> rusqlite::Result<u64> {
    c.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
        row.get(0)
    })
}

/// (key, count) rows of a grouping query.
fn grouped(c: &Connection, sql: &str) -> rusqlite::Result<Vec<(Option<String>, u64)>> {
    let mut stmt = c.prepare(sql)?;
    let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    rows.collect()
}

impl fmt::Display for Stats {
    /// A small two-column table, one figure a line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unknown = |key: &Option<String>| key.clone().unwrap_or_else(|| "unknown".into());
        writeln!(f, "{:<24}{:>10}", "documents", self.documents)?;
        if !self.languages.is_empty() {
            writeln!(f, "by language")?;
            for (lang, n) in &self.languages {
                writeln!(f, "  {:<22}{:>10}", unknown(lang), n)?;
            }
        }
        if !self.months.is_empty() {
            writeln!(f, "by month published")?;
            for (month, n) in &self.months {
                writeln!(f, "  {:<22}{:>10}", unknown(month), n)?;
            }
        }
        for (name, n) in [
            ("entities", self.entities),
            ("mentions", self.mentions),
            ("quotes", self.quotes),
            ("events", self.events),
            ("time expressions", self.times),
            ("duplicate passages", self.duplicates),
        ] {
            writeln!(f, "{name:<24}{n:>10}")?;
        }
        let removed: u64 = self.removed.iter().map(|(_, n)| n).sum();
        writeln!(f, "{:<24}{:>10}", "removed pieces", removed)?;
        for (reason, n) in &self.removed {
            writeln!(f, "  {reason:<22}{n:>10}")?;
        }
        writeln!(f, "{:<24}{:>10}", "schema version", self.schema_version)?;
        write!(f, "{:<24}{:>10}", "size", human_size(self.file_size))
    }
}

/// Bytes in B, KiB, MiB or GiB, one decimal.
fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_size(512), "512 B");
        assert_eq!(human_size(4096), "4.0 KiB");
        assert_eq!(human_size(3 * 1024 * 1024 + 512 * 1024), "3.5 MiB");
    }
}

#[cfg(test)]
mod store_tests {
    use chronicle_model::{Origin, Precision, Published};

    use crate::Store;
    use crate::testutil::{record, rich_record, sha};

    #[test]
    fn counts_what_was_stored() {
        let mut store = Store::open_in_memory().expect("open");
        let empty = store.stats().expect("stats");
        assert_eq!(empty.documents, 0);
        assert!(empty.months.is_empty());

        let mut year = record("annee", &sha(2), None, "Un texte de 2019.");
        year.published = Some(Published {
            value: "2019".into(),
            precision: Precision::Year,
            origin: Origin::Text,
        });
        let mut english = record("en", &sha(3), None, "Some text.");
        english.language = Some("en".into());
        let mut unknown = record("inconnu", &sha(4), None, "Sans langue.");
        unknown.language = None;
        store
            .put_batch(&[
                rich_record("riche", &sha(1)),
                rich_record("riche2", &sha(5)),
                year,
                english,
                unknown,
            ])
            .expect("put");

        let s = store.stats().expect("stats");
        assert_eq!(s.documents, 5);
        assert_eq!(
            s.languages,
            vec![(Some("fr".into()), 3), (Some("en".into()), 1), (None, 1)]
        );
        assert_eq!(
            s.months,
            vec![
                (Some("2019".into()), 1),
                (Some("2022-01".into()), 2),
                (None, 2)
            ]
        );
        assert_eq!(
            (
                s.entities,
                s.mentions,
                s.quotes,
                s.events,
                s.times,
                s.duplicates
            ),
            (4, 6, 2, 2, 2, 2)
        );
        assert_eq!(
            s.removed,
            vec![("caption".into(), 2), ("navigation".into(), 2)]
        );
        assert_eq!(s.schema_version, Store::latest_schema_version());
        assert!(s.file_size > 0);

        let table = s.to_string();
        for line in [
            "documents",
            "fr",
            "2022-01",
            "unknown",
            "navigation",
            "schema version",
        ] {
            assert!(table.contains(line), "{line} missing from\n{table}");
        }
        assert!(
            table
                .lines()
                .any(|l| l.starts_with("documents") && l.ends_with(" 5"))
        );
    }
}
