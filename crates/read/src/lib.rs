//! chronicle-read (placeholder while the crate is being written).
