//! Memory for large stores: the corpus stage's look-ups land on random pages
//! of indexes that outgrow SQLite's default page cache (2 MB) long before a
//! hundred thousand documents.

use crate::Store;
use crate::error::StoreError;

impl Store {
    /// Gives this connection a page cache of `cache_mib` MiB and maps up to
    /// `mmap_mib` MiB of the database file into memory, so that index look-ups
    /// of a large store read pages from memory instead of one system call
    /// each. Worth calling once before a large ingest; 0 keeps SQLite's
    /// default for either.
    pub fn set_memory(&self, cache_mib: u32, mmap_mib: u64) -> Result<(), StoreError> {
        if cache_mib > 0 {
            self.conn
                .pragma_update(None, "cache_size", -(i64::from(cache_mib) * 1024))?;
        }
        if mmap_mib > 0 {
            let bytes = i64::try_from(mmap_mib.saturating_mul(1 << 20)).unwrap_or(i64::MAX);
            // SQLite answers with the size it granted on a file and with no
            // row at all for a database in memory: both are fine.
            let mut stmt = self.conn.prepare(&format!("PRAGMA mmap_size = {bytes}"))?;
            let mut rows = stmt.query([])?;
            let _granted = rows.next()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::Store;

    #[test]
    fn memory_settings_apply() {
        let store = Store::open_in_memory().expect("store");
        store.set_memory(64, 256).expect("set");
        let cache: i64 = store
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))
            .expect("cache");
        assert_eq!(cache, -64 * 1024);
    }
}
