//! Opening a database: connection settings and migrations.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

use crate::Store;
use crate::error::StoreError;
use crate::migrate::{self, MIGRATIONS, Migration};

/// How long a writer waits for another one to finish before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How many prepared statements a connection keeps (one per insert, look-up…).
const STATEMENT_CACHE: usize = 64;

/// What [`Store::path`] says for a database that lives in memory.
const MEMORY: &str = ":memory:";

impl Store {
    /// Opens the database at `path`, creating it if needed, and migrates it to
    /// the newest schema. Fails with [`StoreError::TooNew`] on a database made
    /// by a newer chronicle.
    pub fn open(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        Store::open_with(path.as_ref(), MIGRATIONS)
    }

    /// Opens a fresh database in memory, for tests and throw-away work.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::open_in_memory_with(MIGRATIONS)
    }

    /// Opens a file database with a given list of migrations.
    pub(crate) fn open_with(path: &Path, migrations: &[Migration]) -> Result<Store, StoreError> {
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        Store::set_up(conn, path.to_path_buf(), migrations)
    }

    /// Opens a memory database with a given list of migrations.
    pub(crate) fn open_in_memory_with(migrations: &[Migration]) -> Result<Store, StoreError> {
        let path = PathBuf::from(MEMORY);
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open {
            path: path.clone(),
            source,
        })?;
        Store::set_up(conn, path, migrations)
    }

    /// Applies the connection settings, then the migrations.
    fn set_up(
        mut conn: Connection,
        path: PathBuf,
        migrations: &[Migration],
    ) -> Result<Store, StoreError> {
        let settings = |conn: &Connection| -> rusqlite::Result<()> {
            conn.busy_timeout(BUSY_TIMEOUT)?;
            // WAL: readers do not block the writer, and a killed writer leaves
            // the last committed state. A memory database answers "memory".
            let _mode: String =
                conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
            conn.pragma_update(None, "foreign_keys", true)?;
            conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
            Ok(())
        };
        settings(&conn).map_err(|source| StoreError::Open {
            path: path.clone(),
            source,
        })?;
        migrate::migrate(&mut conn, &path, migrations)?;
        Ok(Store { conn, path })
    }

    /// The database file (`:memory:` for a memory database).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        Ok(migrate::version(&self.conn)?)
    }

    /// The newest schema version this build knows; [`Store::open`] brings every
    /// database to it.
    pub fn latest_schema_version() -> u32 {
        migrate::latest(MIGRATIONS)
    }

    /// The journal mode in force: `wal` for a file database.
    pub fn journal_mode(&self) -> Result<String, StoreError> {
        Ok(self
            .conn
            .pragma_query_value(None, "journal_mode", |row| row.get(0))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Put;
    use crate::testutil::{TempDir, record, rich_record, sha};

    #[test]
    fn a_file_database_runs_in_wal_mode() {
        let dir = TempDir::new();
        let store = Store::open(dir.join("c.db")).expect("open");
        assert_eq!(store.journal_mode().expect("mode"), "wal");
        let (sync, fk): (i64, i64) = store
            .conn
            .query_row(
                "SELECT synchronous, foreign_keys FROM pragma_synchronous(), pragma_foreign_keys()",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("pragmas");
        assert_eq!((sync, fk), (1, 1), "synchronous NORMAL, foreign keys on");
        assert_eq!(store.path(), dir.join("c.db"));
    }

    #[test]
    fn reopening_keeps_everything() {
        let dir = TempDir::new();
        let path = dir.join("c.db");
        let rich = rich_record("riche", &sha(1));
        {
            let mut store = Store::open(&path).expect("open");
            store.put(&rich).expect("put");
            store
                .put_batch(&[
                    record("a", &sha(2), Some("Titre"), "Le Kazakhstan."),
                    record("b", &sha(3), None, "Rien."),
                ])
                .expect("batch");
        }
        let mut store = Store::open(&path).expect("reopen");
        assert_eq!(store.get("riche").expect("get"), vec![rich.clone()]);
        assert_eq!(store.stats().expect("stats").documents, 3);
        assert_eq!(store.search("kazakhstan", 10).expect("search").len(), 2);
        assert_eq!(
            store.put(&rich).expect("put"),
            Put::AlreadyPresent { id: "riche".into() }
        );
        // A second connection sees the same data while the first is open.
        let other = Store::open(&path).expect("second connection");
        assert!(other.contains(&sha(3)).expect("contains"));
    }

    #[test]
    fn a_newer_database_is_refused_with_its_path() {
        let dir = TempDir::new();
        let path = dir.join("future.db");
        {
            let store = Store::open(&path).expect("open");
            store
                .conn
                .pragma_update(None, "user_version", 999)
                .expect("set version");
        }
        let err = Store::open(&path).expect_err("too new");
        assert!(
            matches!(err, StoreError::TooNew { found: 999, .. }),
            "{err:?}"
        );
        let message = err.to_string();
        assert!(message.contains("future.db"), "{message}");
        assert!(message.contains("999"), "{message}");
    }

    #[test]
    fn an_unopenable_path_names_itself() {
        let dir = TempDir::new();
        let path = dir.join("missing-folder").join("c.db");
        let err = Store::open(&path).expect_err("no folder");
        assert!(matches!(err, StoreError::Open { .. }), "{err:?}");
        assert!(err.to_string().contains("missing-folder"), "{err}");
    }

    /// The real migrations plus a test step that adds a column and fills it.
    fn with_step_two(sql: &'static str) -> Vec<Migration> {
        let mut all = MIGRATIONS.to_vec();
        all.push(Migration {
            version: migrate::latest(MIGRATIONS) + 1,
            name: "test_step",
            sql,
        });
        all
    }

    #[test]
    fn an_older_database_with_data_is_migrated() {
        let dir = TempDir::new();
        let path = dir.join("old.db");
        let rich = rich_record("riche", &sha(1));
        {
            let mut store = Store::open_with(&path, &MIGRATIONS[..1]).expect("open at v1");
            assert_eq!(store.schema_version().expect("version"), 1);
            store.put(&rich).expect("put");
        }
        let steps = with_step_two(
            "ALTER TABLE entities ADD COLUMN label TEXT;
             UPDATE entities SET label = name || ' (' || coalesce(country, '?') || ')';",
        );
        let latest = migrate::latest(&steps);
        let store = Store::open_with(&path, &steps).expect("migrates");
        assert_eq!(store.schema_version().expect("version"), latest);
        let labels: Vec<String> = store
            .conn
            .prepare("SELECT label FROM entities ORDER BY idx")
            .expect("prepare")
            .query_map([], |r| r.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows");
        assert_eq!(labels, ["China (CHN)", "Kazakhstan (KAZ)"]);
        assert_eq!(store.get("riche").expect("get"), vec![rich]);
        assert_eq!(store.search("pekin", 10).expect("search").len(), 1);
        drop(store);
        // The plain build now finds a database newer than itself.
        assert!(matches!(Store::open(&path), Err(StoreError::TooNew { .. })));
    }

    #[test]
    fn a_failed_migration_leaves_the_older_version() {
        let dir = TempDir::new();
        let path = dir.join("old.db");
        {
            let mut store = Store::open(&path).expect("open");
            store.put(&rich_record("riche", &sha(1))).expect("put");
        }
        let steps = with_step_two(
            "ALTER TABLE entities ADD COLUMN label TEXT;
             UPDATE no_such_table SET x = 1;",
        );
        let err = Store::open_with(&path, &steps).expect_err("bad migration");
        assert!(
            matches!(
                err,
                StoreError::Migrate {
                    name: "test_step",
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err.to_string().contains("old.db"), "{err}");
        let store = Store::open(&path).expect("still opens");
        assert_eq!(
            store.schema_version().expect("version"),
            Store::latest_schema_version()
        );
        // The half-applied step left no column behind.
        let has_label: bool = store
            .conn
            .query_row(
                "SELECT count(*) FROM pragma_table_info('entities') WHERE name = 'label'",
                [],
                |r| r.get::<_, i64>(0).map(|n| n > 0),
            )
            .expect("table info");
        assert!(!has_label);
        assert_eq!(store.stats().expect("stats").entities, 2);
    }
}
