//! Versioned schema migrations: ordered SQL files, each applied once in its own
//! transaction, the version kept in `PRAGMA user_version`.
//!
//! To change the schema, add `migrations/NNNN_what.sql` and a line to
//! [`MIGRATIONS`]; never edit a migration that has been released. Foreign keys
//! are on while a migration runs, so a migration that rebuilds a table must
//! keep its rows consistent.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::error::StoreError;

/// One step of the schema: the SQL that takes a database from `version - 1` to
/// `version`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Migration {
    /// The schema version after this step.
    pub(crate) version: u32,
    /// The file's name, for error messages.
    pub(crate) name: &'static str,
    /// The SQL to run.
    pub(crate) sql: &'static str,
}

/// Every migration of this build, in order; versions run 1, 2, 3…
pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "0001_init",
        sql: include_str!("../migrations/0001_init.sql"),
    },
    Migration {
        version: 2,
        name: "0002_corpus",
        sql: include_str!("../migrations/0002_corpus.sql"),
    },
];

/// The newest schema version of a list of migrations (0 for none).
pub(crate) fn latest(migrations: &[Migration]) -> u32 {
    migrations.last().map_or(0, |m| m.version)
}

/// The schema version recorded in the database.
pub(crate) fn version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Brings the database up to the newest version of `migrations`, one
/// transaction per migration, and returns the version it is at afterwards.
///
/// A database newer than the list is an error and is left untouched; a failed
/// migration is rolled back, leaving the database at the version before it.
pub(crate) fn migrate(
    conn: &mut Connection,
    path: &Path,
    migrations: &[Migration],
) -> Result<u32, StoreError> {
    let latest = latest(migrations);
    let open_err = |source| StoreError::Open {
        path: path.to_path_buf(),
        source,
    };
    let found = version(conn).map_err(open_err)?;
    if found > latest {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found,
            latest,
        });
    }
    for m in migrations.iter().filter(|m| m.version > found) {
        let fail = |source| StoreError::Migrate {
            path: path.to_path_buf(),
            version: m.version,
            name: m.name,
            source,
        };
        // IMMEDIATE takes the write lock first, so two processes opening a new
        // database at once do not both run the same step.
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail)?;
        let now = version(&tx).map_err(fail)?;
        if now >= m.version {
            // Another process got there first.
            continue;
        }
        tx.execute_batch(m.sql).map_err(fail)?;
        tx.pragma_update(None, "user_version", m.version)
            .map_err(fail)?;
        tx.commit().map_err(fail)?;
    }
    version(conn).map_err(open_err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_numbered_in_order_from_one() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version as usize, i + 1, "{}", m.name);
            assert!(
                m.name.starts_with(&format!("{:04}_", m.version)),
                "{}",
                m.name
            );
        }
    }

    #[test]
    fn a_new_database_reaches_the_latest_version() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        let v = migrate(&mut conn, Path::new(":memory:"), MIGRATIONS).expect("migrates");
        assert_eq!(v, latest(MIGRATIONS));
        // Running again is a no-op.
        let v = migrate(&mut conn, Path::new(":memory:"), MIGRATIONS).expect("migrates");
        assert_eq!(v, latest(MIGRATIONS));
    }
}
