//! Reading records back by id or by sha256.

use chronicle_model::Record;

use crate::Store;
use crate::error::StoreError;

/// The shortest sha256 prefix [`Store::get`] accepts.
pub(crate) const MIN_PREFIX: usize = 8;

/// The `WHERE` clause of the documents a key names: `?1` the id, `?2` a
/// `GLOB` pattern for a sha256 prefix (or NULL).
pub(crate) const KEY_MATCH: &str = "id = ?1 OR sha256 GLOB ?2";

/// The sha256 `GLOB` pattern for a key: 8 to 64 hex digits, lower-cased, then
/// `*`; `None` when the key cannot be a sha256 prefix.
pub(crate) fn sha_pattern(key: &str) -> Option<String> {
    let hex =
        key.len() >= MIN_PREFIX && key.len() <= 64 && key.bytes().all(|b| b.is_ascii_hexdigit());
    hex.then(|| format!("{}*", key.to_ascii_lowercase()))
}

impl Store {
    /// The records a key names: every document with that id, and every one
    /// whose sha256 is the key or starts with it (at least 8 hex digits), most
    /// recently stored first. Several files may share an id; none is an empty
    /// list.
    pub fn get(&self, key: &str) -> Result<Vec<Record>, StoreError> {
        let sql =
            format!("SELECT sha256, record FROM documents WHERE {KEY_MATCH} ORDER BY rowid DESC");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params![key, sha_pattern(key)], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })?;
        let mut records = Vec::new();
        for row in rows {
            let (sha256, json) = row?;
            let record = serde_json::from_str(&json)
                .map_err(|source| StoreError::Corrupt { sha256, source })?;
            records.push(record);
        }
        Ok(records)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_long_hex_keys_are_sha_prefixes() {
        assert_eq!(sha_pattern("12A453B6").as_deref(), Some("12a453b6*"));
        assert_eq!(sha_pattern("12a453b"), None);
        assert_eq!(sha_pattern("003_12a453b63c03364b"), None);
        assert_eq!(sha_pattern("12a453b6*"), None);
        assert_eq!(sha_pattern(&"a".repeat(65)), None);
    }
}

#[cfg(test)]
mod store_tests {
    use crate::Store;
    use crate::testutil::{record, sha};

    #[test]
    fn by_id_and_by_sha_prefix() {
        let mut store = Store::open_in_memory().expect("open");
        let a = record(
            "003_12a453b63c03364b",
            &sha(0xabcdef12),
            Some("Un"),
            "Premier.",
        );
        let b = record("autre", &sha(0x12345678), Some("Deux"), "Second.");
        store.put(&a).expect("put");
        store.put(&b).expect("put");

        assert_eq!(
            store.get("003_12a453b63c03364b").expect("get"),
            vec![a.clone()]
        );
        assert_eq!(store.get(&sha(0xabcdef12)).expect("get"), vec![a.clone()]);
        let prefix = &a.sha256[..8];
        assert_eq!(store.get(prefix).expect("get"), vec![a.clone()]);
        assert_eq!(
            store.get(&prefix.to_ascii_uppercase()).expect("get"),
            vec![a.clone()]
        );
        // Too short a prefix, or no match: nothing.
        assert!(store.get(&a.sha256[..7]).expect("get").is_empty());
        assert!(store.get("inconnu").expect("get").is_empty());
        assert!(store.get("").expect("get").is_empty());
    }

    #[test]
    fn several_documents_with_one_id_come_newest_first() {
        let mut store = Store::open_in_memory().expect("open");
        let old = record("article", &sha(1), None, "Ancienne version.");
        let new = record("article", &sha(2), None, "Nouvelle version.");
        store.put(&old).expect("put");
        store.put(&new).expect("put");
        assert_eq!(store.get("article").expect("get"), vec![new, old]);
    }

    #[test]
    fn delete_removes_every_trace() {
        let mut store = Store::open_in_memory().expect("open");
        let rich = crate::testutil::rich_record("riche", &sha(1));
        store.put(&rich).expect("put");
        store
            .put(&record("reste", &sha(2), None, "Pékin reste."))
            .expect("put");
        assert_eq!(store.delete("riche").expect("delete"), 1);
        assert!(store.get("riche").expect("get").is_empty());
        let stats = store.stats().expect("stats");
        assert_eq!(
            (
                stats.documents,
                stats.entities,
                stats.mentions,
                stats.quotes,
                stats.events
            ),
            (1, 0, 0, 0, 0)
        );
        assert!(stats.removed.is_empty());
        let hits = store.search("Pékin", 10).expect("search");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].id, "reste");
        // Storing it again works.
        assert!(matches!(store.put(&rich), Ok(crate::Put::Inserted { .. })));
        assert_eq!(store.delete("nothing").expect("delete"), 0);
        // The full-text index agrees with the documents table.
        store
            .conn
            .execute(
                "INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')",
                [],
            )
            .expect("fts index in step with documents");
    }
}
