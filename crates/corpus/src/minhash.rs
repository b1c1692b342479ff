//! MinHash signatures of shingle sets and their LSH band keys.
//!
//! A signature keeps, for each of `bands × rows` hash functions, the smallest
//! hash of the set; two sets agree on one position with probability equal to
//! their Jaccard similarity. Cut into `bands` bands of `rows` positions, two
//! sets with similarity `s` share at least one band key with probability
//! `1 - (1 - s^rows)^bands`: with 12 bands of 3, 0.99 at 0.7, 0.88 at 0.55
//! and 0.28 at 0.3. Candidates found this way are then compared exactly.

use crate::hash;

/// Computes signatures and band keys with fixed seeds.
#[derive(Debug, Clone)]
pub struct MinHasher {
    seeds: Vec<u64>,
    bands: usize,
    rows: usize,
}

impl MinHasher {
    /// A hasher of `bands` bands of `rows` positions each (at least 1 and 1).
    pub fn new(bands: usize, rows: usize) -> MinHasher {
        let (bands, rows) = (bands.max(1), rows.max(1));
        let mut state = 0x5eed_c0de_d0c5_0001u64;
        let seeds = (0..bands * rows)
            .map(|_| {
                state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
                hash::mix(state)
            })
            .collect();
        MinHasher { seeds, bands, rows }
    }

    /// The signature of a set of shingle hashes (all `u64::MAX` for an empty set).
    pub fn signature(&self, shingles: &[u64]) -> Vec<u64> {
        let mut sig = vec![u64::MAX; self.seeds.len()];
        for &s in shingles {
            for (slot, &seed) in sig.iter_mut().zip(&self.seeds) {
                let h = hash::mix(s ^ seed);
                if h < *slot {
                    *slot = h;
                }
            }
        }
        sig
    }

    /// One key per band: the band's number and its positions hashed together.
    pub fn band_keys(&self, signature: &[u64]) -> Vec<i64> {
        signature
            .chunks(self.rows)
            .take(self.bands)
            .enumerate()
            .map(|(band, rows)| {
                rows.iter()
                    .fold(hash::mix(band as u64 + 1), |h, &x| hash::combine(h, x))
                    as i64
            })
            .collect()
    }

    /// The fraction of positions where two signatures agree: an estimate of
    /// the Jaccard similarity of their sets.
    pub fn estimate(a: &[u64], b: &[u64]) -> f64 {
        if a.is_empty() || a.len() != b.len() {
            return 0.0;
        }
        a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::{jaccard, shingles};

    const SENTENCE: &str = "La Chine est accusée par des pays occidentaux et des organisations \
        de défense des droits de l'homme d'avoir enfermé plus d'un million d'Ouïghours dans des camps.";

    fn shared_bands(h: &MinHasher, a: &str, b: &str) -> usize {
        let ka = h.band_keys(&h.signature(&shingles(a, 3)));
        let kb = h.band_keys(&h.signature(&shingles(b, 3)));
        ka.iter().zip(&kb).filter(|(x, y)| x == y).count()
    }

    #[test]
    fn a_copy_with_small_edits_shares_bands() {
        let h = MinHasher::new(12, 3);
        // Case of a word, a changed verb, a replaced noun.
        let edits = [
            SENTENCE.replace("l'homme", "l’Homme"),
            SENTENCE.replace("enfermé", "interné"),
            SENTENCE
                .replace("pays occidentaux", "États occidentaux")
                .replace("enfermé", "détenu"),
        ];
        for (i, e) in edits.iter().enumerate() {
            let s = jaccard(&shingles(SENTENCE, 3), &shingles(e, 3));
            assert!(s >= 0.5, "edit {i}: similarity {s}");
            assert!(shared_bands(&h, SENTENCE, e) >= 1, "edit {i} found no band");
        }
        assert_eq!(shared_bands(&h, SENTENCE, &edits[0]), 12, "case is folded");
    }

    #[test]
    fn unrelated_sentences_share_no_band() {
        let h = MinHasher::new(12, 3);
        let other = "Le président russe a eu une longue conversation téléphonique avec \
                     son homologue kazakh au sujet de la crise.";
        assert_eq!(shared_bands(&h, SENTENCE, other), 0);
    }

    #[test]
    fn estimates_follow_jaccard() {
        let h = MinHasher::new(64, 4);
        let a: Vec<u64> = (0..400).collect();
        let b: Vec<u64> = (100..500).collect(); // Jaccard 300/500 = 0.6
        let e = MinHasher::estimate(&h.signature(&a), &h.signature(&b));
        assert!((e - 0.6).abs() < 0.1, "estimate {e}");
        assert_eq!(h.band_keys(&h.signature(&a)).len(), 64);
    }
}
