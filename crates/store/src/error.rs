//! What can go wrong when opening, writing or reading the store.

use std::path::PathBuf;

/// An error of the store. Errors about the database file name its path; errors
/// about one document name its id and sha256.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened or set up.
    #[error("cannot open the database {}: {source}", path.display())]
    Open {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        #[source]
        source: rusqlite::Error,
    },

    /// The database was made by a newer chronicle than this one.
    #[error(
        "the database {} has schema version {found}, but this chronicle knows versions up to {latest}: open it with a newer chronicle",
        path.display()
    )]
    TooNew {
        /// The database file.
        path: PathBuf,
        /// The version found in the file.
        found: u32,
        /// The newest version this build knows.
        latest: u32,
    },

    /// A schema migration failed; the database was left at the version before it.
    #[error("cannot migrate the database {} to schema version {version} ({name}): {source}", path.display())]
    Migrate {
        /// The database file.
        path: PathBuf,
        /// The version the failed migration leads to.
        version: u32,
        /// The migration's name.
        name: &'static str,
        /// What SQLite said.
        #[source]
        source: rusqlite::Error,
    },

    /// A record could not be written; nothing of it was stored.
    #[error("cannot store document {id} (sha256 {sha256}) while writing {table}: {source}")]
    Write {
        /// The record's id.
        id: String,
        /// The record's sha256.
        sha256: String,
        /// The table being written when it failed.
        table: &'static str,
        /// What SQLite said (boxed to keep the error small).
        #[source]
        source: Box<rusqlite::Error>,
    },

    /// A record cannot be stored as it is (for example it has no sha256).
    #[error("cannot store document {id}: {reason}")]
    Invalid {
        /// The record's id.
        id: String,
        /// What is wrong with it.
        reason: String,
    },

    /// A record could not be turned into JSON.
    #[error("cannot serialise document {id}: {source}")]
    Serialise {
        /// The record's id.
        id: String,
        /// What serde_json said.
        #[source]
        source: serde_json::Error,
    },

    /// A stored record is not valid JSON for this version of the record.
    #[error("the stored record of document {sha256} cannot be read: {source}")]
    Corrupt {
        /// The document's sha256.
        sha256: String,
        /// What serde_json said.
        #[source]
        source: serde_json::Error,
    },

    /// The search query was empty.
    #[error("empty search query: type one or more words")]
    EmptyQuery,

    /// Any other SQLite error.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}
