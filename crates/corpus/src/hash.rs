//! Stable 64-bit hashes: band keys, term ids and passage ids are stored, so
//! they must not change between builds (the standard library's hasher may).

use std::sync::atomic::{AtomicU64, Ordering};

/// The splitmix64 finaliser: spreads the bits of `x` over the whole word.
pub(crate) fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// FNV-1a over bytes, finished with [`mix`].
pub(crate) fn bytes(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

/// Combines a hash with the next value of a sequence.
pub(crate) fn combine(h: u64, next: u64) -> u64 {
    mix(h.rotate_left(23) ^ next.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// A hash of `data` under a namespace, as a stored integer (SQLite has
/// signed 64-bit integers only).
pub(crate) fn id(namespace: &str, data: &str) -> i64 {
    combine(bytes(namespace.as_bytes()), bytes(data.as_bytes())) as i64
}

/// Microseconds from 2020-01-01 to now (0 before, or when the clock cannot
/// be read).
fn micros_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| {
            u64::try_from(d.as_micros())
                .unwrap_or(u64::MAX)
                .saturating_sub(1_577_836_800_000_000)
        })
}

/// An id that grows with time: the microsecond it was made in the high 50
/// bits (enough for 35 years from 2020), 13 bits of a hash of `data` below,
/// and never smaller than the last one this process made. Rows keyed by such
/// ids are appended at the end of their index, and a copy of recent text
/// joins a recent cluster on a page still in memory. Two processes making
/// the same id in the same microsecond is very unlikely, and harmless: an
/// unrelated document would be among a cluster's candidates, and the exact
/// alignment rejects it.
pub(crate) fn timed_id(namespace: &str, data: &str) -> i64 {
    static LAST: AtomicU64 = AtomicU64::new(0);
    let now = micros_now() & ((1 << 50) - 1);
    let candidate = (now << 13) | ((id(namespace, data) as u64) & 0x1fff);
    let mut previous = LAST.load(Ordering::Relaxed);
    loop {
        let next = candidate.max(previous + 1) & (u64::MAX >> 1);
        match LAST.compare_exchange_weak(previous, next, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return next as i64,
            Err(now) => previous = now,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_namespaced() {
        // Stored values: these must never change.
        assert_eq!(bytes(b""), mix(0xcbf2_9ce4_8422_2325));
        assert_eq!(id("w", "chine"), id("w", "chine"));
        assert_ne!(id("w", "chine"), id("a", "chine"));
        assert_ne!(combine(1, 2), combine(2, 1));
        let (a, b) = (timed_id("p", "x"), timed_id("p", "x"));
        assert!(a > 0 && b > a, "{a:x} {b:x}");
    }
}
