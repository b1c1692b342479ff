//! Removing documents.

use rusqlite::TransactionBehavior;

use crate::Store;
use crate::error::StoreError;
use crate::get::{KEY_MATCH, sha_pattern};

impl Store {
    /// Removes every document that [`Store::get`] would return for `key`,
    /// with all of its rows and its full-text entry, in one transaction.
    /// Returns how many documents were removed.
    pub fn delete(&mut self, key: &str) -> Result<usize, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let removed = tx.execute(
            &format!("DELETE FROM documents WHERE {KEY_MATCH}"),
            rusqlite::params![key, sha_pattern(key)],
        )?;
        tx.commit()?;
        Ok(removed)
    }
}
