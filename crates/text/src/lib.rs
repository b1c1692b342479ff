//! chronicle-text (placeholder while the crate is being written).
