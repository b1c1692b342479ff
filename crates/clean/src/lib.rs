//! chronicle-clean (placeholder while the crate is being written).
