//! Writing records: one document, or a batch of them, each whole or not at all.

use chronicle_model::Record;
use rusqlite::{OptionalExtension, TransactionBehavior};

use crate::Store;
use crate::error::StoreError;
use crate::write;

/// What [`Store::put`] did with a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Put {
    /// The record was new and is now stored under this rowid.
    Inserted {
        /// The `documents` rowid of the new document.
        rowid: i64,
    },
    /// A document with the same sha256 was already stored; nothing was written.
    AlreadyPresent {
        /// The id of the document already stored (it may differ from the
        /// record's when the same bytes came under another name).
        id: String,
    },
}

impl Store {
    /// Stores one record in one transaction: its document row, its normalised
    /// rows and its full-text entry are written together or not at all. A record
    /// whose sha256 is already stored is left alone ([`Put::AlreadyPresent`]).
    pub fn put(&mut self, record: &Record) -> Result<Put, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let put = write::document(&tx, record)?;
        tx.commit()?;
        Ok(put)
    }

    /// Stores several records in one transaction, for throughput: every
    /// document is whole, and if one record fails none of the batch is stored.
    /// Returns what happened to each record, in order; a sha256 repeated in
    /// the batch is stored once.
    pub fn put_batch(&mut self, records: &[Record]) -> Result<Vec<Put>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let puts = records
            .iter()
            .map(|record| write::document(&tx, record))
            .collect::<Result<Vec<_>, _>>()?;
        tx.commit()?;
        Ok(puts)
    }

    /// Whether a document with exactly this sha256 is stored, so that an ingest
    /// loop can skip an input it has seen before doing any work on it.
    pub fn contains(&self, sha256: &str) -> Result<bool, StoreError> {
        let found = self
            .conn
            .prepare_cached("SELECT 1 FROM documents WHERE sha256 = ?1")?
            .query_row([sha256], |_| Ok(()))
            .optional()?;
        Ok(found.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{record, rich_record, sha};

    fn rows(store: &Store, table: &str) -> i64 {
        store
            .conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .expect("count")
    }

    const TABLES: [&str; 8] = [
        "documents",
        "entities",
        "mentions",
        "quotes",
        "events",
        "times",
        "removed",
        "duplicates",
    ];

    fn all_rows(store: &Store) -> Vec<i64> {
        TABLES.iter().map(|t| rows(store, t)).collect()
    }

    #[test]
    fn the_same_sha_twice_is_one_document() {
        let mut store = Store::open_in_memory().expect("open");
        let r = rich_record("001_a", &sha(1));
        let first = store.put(&r).expect("put");
        assert!(matches!(first, Put::Inserted { .. }), "{first:?}");
        let counts = all_rows(&store);
        assert_eq!(counts, vec![1, 2, 3, 1, 1, 1, 2, 1]);

        // Same bytes under another name: still the first document.
        let mut again = r.clone();
        again.id = "copie".into();
        let second = store.put(&again).expect("put again");
        assert_eq!(second, Put::AlreadyPresent { id: "001_a".into() });
        assert_eq!(all_rows(&store), counts);
        assert!(store.contains(&sha(1)).expect("contains"));
        assert!(!store.contains(&sha(2)).expect("contains"));
    }

    #[test]
    fn normalised_rows_follow_the_record() {
        let mut store = Store::open_in_memory().expect("open");
        store.put(&rich_record("001_a", &sha(1))).expect("put");
        let (speaker, country): (i64, String) = store
            .conn
            .query_row(
                "SELECT speaker_entity, speaker_country FROM quotes",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("quote");
        assert_eq!((speaker, country.as_str()), (0, "CHN"));
        let (source, target, date, quote): (String, String, String, i64) = store
            .conn
            .query_row(
                "SELECT source_country, target_country, date_value, quote FROM events",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .expect("event");
        assert_eq!(
            (source.as_str(), target.as_str(), date.as_str(), quote),
            ("CHN", "KAZ", "2022-01-11", 0)
        );
        let reasons: Vec<String> = store
            .conn
            .prepare("SELECT reason FROM removed ORDER BY idx")
            .expect("prepare")
            .query_map([], |r| r.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows");
        assert_eq!(reasons, ["navigation", "caption"]);
        let (published, precision, origin): (String, String, String) = store
            .conn
            .query_row(
                "SELECT published, published_precision, published_origin FROM documents",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .expect("document");
        assert_eq!(
            (published.as_str(), precision.as_str(), origin.as_str()),
            ("2022-01-11", "day", "metadata")
        );
    }

    #[test]
    fn the_stored_record_reads_back_unchanged() {
        let mut store = Store::open_in_memory().expect("open");
        let r = rich_record("001_a", &sha(1));
        store.put(&r).expect("put");
        assert_eq!(store.get("001_a").expect("get"), vec![r]);
    }

    #[test]
    fn a_failing_annotation_leaves_no_partial_document() {
        let mut store = Store::open_in_memory().expect("open");
        store
            .put(&record("ok", &sha(1), None, "Un texte."))
            .expect("put");
        let before = all_rows(&store);

        // The quote names entity 7 of a record that has 2: the quotes insert
        // fails after the document, entities and mentions were written.
        let mut bad = rich_record("bad", &sha(2));
        if let Some(speaker) = bad.quotes[0].speaker.as_mut() {
            speaker.entity = Some(7);
        }
        let err = store.put(&bad).expect_err("dangling entity index");
        match &err {
            StoreError::Write { id, table, .. } => {
                assert_eq!((id.as_str(), *table), ("bad", "quotes"));
            }
            other => panic!("unexpected error {other:?}"),
        }
        assert!(err.to_string().contains("bad"), "{err}");
        assert_eq!(all_rows(&store), before);
        assert!(!store.contains(&sha(2)).expect("contains"));
        assert!(store.search("Kazakhstan", 10).expect("search").is_empty());

        // Offsets the wrong way round fail too.
        let mut reversed = rich_record("reversed", &sha(3));
        reversed.times[0].start = 50;
        reversed.times[0].end = 10;
        assert!(store.put(&reversed).is_err());
        assert_eq!(all_rows(&store), before);

        // The store still works afterwards.
        let good = rich_record("good", &sha(2));
        assert!(matches!(store.put(&good), Ok(Put::Inserted { .. })));
    }

    #[test]
    fn a_dropped_transaction_leaves_nothing() {
        let mut store = Store::open_in_memory().expect("open");
        {
            let tx = store.conn.transaction().expect("transaction");
            let put = write::document(&tx, &rich_record("x", &sha(1))).expect("write");
            assert!(matches!(put, Put::Inserted { .. }));
            let inside: i64 = tx
                .query_row("SELECT count(*) FROM mentions", [], |r| r.get(0))
                .expect("count");
            assert_eq!(inside, 3);
            // Dropped without commit, as when the process dies here.
        }
        assert_eq!(all_rows(&store), vec![0; TABLES.len()]);
        assert!(store.search("Pékin", 10).expect("search").is_empty());
    }

    #[test]
    fn a_batch_is_stored_whole_or_not_at_all() {
        let mut store = Store::open_in_memory().expect("open");
        let batch = vec![
            rich_record("a", &sha(1)),
            record("b", &sha(2), Some("Titre"), "Un autre texte."),
            record("b-copie", &sha(2), Some("Titre"), "Un autre texte."),
        ];
        let puts = store.put_batch(&batch).expect("batch");
        assert!(matches!(puts[0], Put::Inserted { .. }));
        assert!(matches!(puts[1], Put::Inserted { .. }));
        assert_eq!(puts[2], Put::AlreadyPresent { id: "b".into() });
        assert_eq!(rows(&store, "documents"), 2);

        let mut bad = rich_record("d", &sha(4));
        bad.events[0].quote = Some(3);
        let failing = vec![record("c", &sha(3), None, "Encore un texte."), bad];
        assert!(store.put_batch(&failing).is_err());
        assert!(!store.contains(&sha(3)).expect("contains"));
        assert_eq!(rows(&store, "documents"), 2);
    }

    #[test]
    fn a_record_without_sha_is_refused() {
        let mut store = Store::open_in_memory().expect("open");
        let err = store
            .put(&record("nosha", "", None, "Texte."))
            .expect_err("no sha");
        assert!(matches!(err, StoreError::Invalid { .. }), "{err:?}");
    }

    #[test]
    fn labels_match_the_record_json() {
        use chronicle_model::{Precision, RemovalReason};
        for p in [
            Precision::Year,
            Precision::Month,
            Precision::Day,
            Precision::Minute,
        ] {
            let json = serde_json::to_value(p).expect("json");
            assert_eq!(json.as_str(), Some(write::precision(p)));
        }
        for r in [
            RemovalReason::Metadata,
            RemovalReason::Navigation,
            RemovalReason::Caption,
            RemovalReason::Credit,
            RemovalReason::RelatedLinks,
            RemovalReason::Dateline,
            RemovalReason::Title,
        ] {
            let json = serde_json::to_value(r).expect("json");
            assert_eq!(json.as_str(), Some(write::reason(r)));
        }
        for o in [
            chronicle_model::Origin::Metadata,
            chronicle_model::Origin::Text,
        ] {
            let json = serde_json::to_value(o).expect("json");
            assert_eq!(json.as_str(), Some(write::origin(o)));
        }
    }
}
