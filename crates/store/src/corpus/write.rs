//! Writing a batch of records with the corpus rows of its documents, in one
//! transaction.

use std::collections::HashMap;

use chronicle_model::Record;
use rusqlite::{Connection, TransactionBehavior, params};

use super::rows::{CorpusDocumentRow, CorpusRows, StoryRow};
use crate::Store;
use crate::error::StoreError;
use crate::put::Put;
use crate::write;

impl Store {
    /// Stores a batch of records as [`Store::put_batch`] does, and with them
    /// what the corpus stage found (passages, band keys, term statistics,
    /// stories), all in one transaction: every document is whole with its
    /// corpus rows, or none of the batch is stored. A document already stored
    /// keeps its rows; the corpus rows given for it are dropped.
    pub fn put_batch_with_corpus(
        &mut self,
        records: &[Record],
        corpus: &CorpusRows,
    ) -> Result<Vec<Put>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut inserted: HashMap<&str, i64> = HashMap::new();
        let mut puts = Vec::with_capacity(records.len());
        for record in records {
            let put = write::document(&tx, record)?;
            if let Put::Inserted { rowid } = put {
                inserted.insert(record.sha256.as_str(), rowid);
            }
            puts.push(put);
        }
        let mut added = 0i64;
        for row in &corpus.documents {
            // A row whose record was not inserted here (already stored, or
            // not part of the batch) is dropped.
            let Some(doc) = inserted.remove(row.sha256.as_str()) else {
                continue;
            };
            document(&tx, doc, row).map_err(|source| StoreError::Write {
                id: records
                    .iter()
                    .find(|r| r.sha256 == row.sha256)
                    .map_or_else(String::new, |r| r.id.clone()),
                sha256: row.sha256.clone(),
                table: "corpus_documents",
                source: Box::new(source),
            })?;
            added += 1;
        }
        if added > 0 {
            tx.prepare_cached(
                "INSERT INTO corpus_meta (key, value) VALUES ('documents', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = value + excluded.value",
            )?
            .execute([added])?;
        }
        for story in &corpus.stories {
            write_story(&tx, story)?;
        }
        tx.commit()?;
        Ok(puts)
    }
}

/// The corpus rows of one inserted document.
fn document(conn: &Connection, doc: i64, row: &CorpusDocumentRow) -> rusqlite::Result<()> {
    let (first, last) = row.days.map_or((None, None), |(a, b)| (Some(a), Some(b)));
    conn.prepare_cached(
        "INSERT INTO corpus_documents (doc, story, first_day, last_day, fingerprint, terms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        doc,
        row.story,
        first,
        last,
        row.fingerprint,
        row.terms
    ])?;
    let mut passage = conn.prepare_cached(
        "INSERT INTO corpus_passages (id, doc, start, end, cluster, similarity)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut band =
        conn.prepare_cached("INSERT OR IGNORE INTO corpus_bands (band, passage) VALUES (?1, ?2)")?;
    for p in &row.passages {
        passage.execute(params![
            p.id,
            doc,
            i64::try_from(p.start).unwrap_or(i64::MAX),
            i64::try_from(p.end).unwrap_or(i64::MAX),
            p.cluster,
            p.similarity
        ])?;
        for &key in &p.bands {
            band.execute(params![key, p.id])?;
        }
    }
    let mut term = conn.prepare_cached(
        "INSERT INTO corpus_terms (term, df) VALUES (?1, 1)
         ON CONFLICT (term) DO UPDATE SET df = df + 1",
    )?;
    for &t in &row.vocabulary {
        term.execute([t])?;
    }
    let mut posting =
        conn.prepare_cached("INSERT OR IGNORE INTO corpus_postings (term, doc) VALUES (?1, ?2)")?;
    for &t in &row.postings {
        posting.execute(params![t, doc])?;
    }
    Ok(())
}

/// A story's new state.
fn write_story(conn: &Connection, story: &StoryRow) -> Result<(), StoreError> {
    let actors = serde_json::to_string(&story.actors).map_err(|source| StoreError::Serialise {
        id: format!("story {:016x}", story.id),
        source,
    })?;
    let (first, last) = story.days.map_or((None, None), |(a, b)| (Some(a), Some(b)));
    conn.prepare_cached(
        "INSERT INTO corpus_stories (id, first_day, last_day, size, centroid, actors)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (id) DO UPDATE SET first_day = excluded.first_day,
             last_day = excluded.last_day, size = excluded.size,
             centroid = excluded.centroid, actors = excluded.actors,
             updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
    )?
    .execute(params![
        story.id,
        first,
        last,
        i64::try_from(story.size).unwrap_or(i64::MAX),
        story.centroid,
        actors
    ])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::rows::{PassageRow, StoryActor};
    use crate::testutil::{record, sha};

    fn rows_for(sha256: &str, story: i64, passage: i64, cluster: i64) -> CorpusDocumentRow {
        CorpusDocumentRow {
            sha256: sha256.into(),
            story,
            days: Some((19_002, 19_002)),
            fingerprint: passage * 7,
            terms: vec![1, 2, 3],
            vocabulary: vec![10, 11],
            postings: vec![10],
            passages: vec![PassageRow {
                id: passage,
                start: 0,
                end: 5,
                cluster,
                similarity: 1.0,
                bands: if passage == cluster {
                    vec![100, 101]
                } else {
                    Vec::new()
                },
            }],
        }
    }

    fn story(id: i64, size: u64) -> StoryRow {
        StoryRow {
            id,
            days: Some((19_000, 19_002)),
            size,
            centroid: vec![9; 4],
            actors: vec![StoryActor {
                id: Some("KAZ".into()),
                name: "Kazakhstan".into(),
                mentions: 3,
            }],
        }
    }

    #[test]
    fn corpus_rows_are_written_with_their_documents_and_found_again() {
        let mut store = Store::open_in_memory().expect("open");
        let records = vec![
            record("a", &sha(1), None, "Texte un."),
            record("b", &sha(2), None, "Texte deux."),
        ];
        let corpus = CorpusRows {
            documents: vec![rows_for(&sha(1), 5, 41, 41), rows_for(&sha(2), 5, 42, 41)],
            stories: vec![story(5, 2)],
        };
        let puts = store
            .put_batch_with_corpus(&records, &corpus)
            .expect("batch");
        let Put::Inserted { rowid: a } = puts[0] else {
            panic!("{puts:?}")
        };
        let Put::Inserted { rowid: b } = puts[1] else {
            panic!("{puts:?}")
        };
        let hits = store.corpus_band_hits(&[100, 999], 8).expect("bands");
        assert_eq!(hits, vec![(100, 41)]);
        let members = store.corpus_cluster_members(41, 8).expect("members");
        assert_eq!(
            members.iter().map(|p| (p.id, p.doc)).collect::<Vec<_>>(),
            vec![(42, b), (41, a)]
        );
        let doc = store.corpus_document(a).expect("doc").expect("present");
        assert_eq!((doc.id.as_str(), doc.story), ("a", Some(5)));
        assert_eq!(doc.passages.len(), 1);
        assert_eq!(store.corpus_fingerprint(41 * 7).expect("fp"), Some(a));
        assert_eq!(
            store.corpus_frequencies(&[10, 11, 12]).expect("df"),
            (2, vec![2, 2, 0])
        );
        assert_eq!(store.corpus_postings(10, 1).expect("postings"), vec![b]);
        assert_eq!(
            store.corpus_stories_of(&[a, b, 999]).expect("of"),
            vec![(a, 5), (b, 5)]
        );
        assert_eq!(
            store.corpus_stories(&[5]).expect("stories"),
            vec![story(5, 2)]
        );

        // The same records again: nothing more is written.
        let puts = store
            .put_batch_with_corpus(&records, &corpus)
            .expect("again");
        assert!(puts.iter().all(|p| matches!(p, Put::AlreadyPresent { .. })));
        assert_eq!(store.corpus_frequencies(&[10]).expect("df"), (2, vec![2]));

        // Deleting a document takes its corpus rows with it.
        store.delete("a").expect("delete");
        assert!(store.corpus_document(a).expect("doc").is_none());
        assert!(
            store
                .corpus_cluster_members(41, 8)
                .expect("members")
                .iter()
                .all(|p| p.doc == b)
        );
        assert_eq!(store.corpus_postings(10, 5).expect("postings"), vec![b]);
    }

    #[test]
    fn a_failing_corpus_row_leaves_nothing_of_the_batch() {
        let mut store = Store::open_in_memory().expect("open");
        let records = vec![
            record("a", &sha(1), None, "Texte un."),
            record("b", &sha(2), None, "Texte deux."),
        ];
        // The second document's passage ends before it starts.
        let mut bad = rows_for(&sha(2), 5, 42, 41);
        bad.passages[0].start = 9;
        let corpus = CorpusRows {
            documents: vec![rows_for(&sha(1), 5, 41, 41), bad],
            stories: vec![story(5, 2)],
        };
        let err = store
            .put_batch_with_corpus(&records, &corpus)
            .expect_err("reversed passage");
        assert!(err.to_string().contains("corpus_documents"), "{err}");
        assert!(!store.contains(&sha(1)).expect("contains"));
        assert!(store.corpus_stories(&[5]).expect("stories").is_empty());
    }
}
