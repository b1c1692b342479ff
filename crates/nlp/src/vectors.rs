//! Word groups from a teacher's word vectors, as entity features.
//!
//! spaCy `fr_core_news_md` (MIT) maps ~500k word forms onto ~20k pruned
//! vector rows (each pruned word onto its nearest kept row), so the row of a
//! word is already a fine clustering learnt from a large corpus; coarser
//! groups of rows (spherical k-means, [`LEVELS`]) generalise further.
//! `tools/spacy_baseline.py vectors OUT.tsv` exports `word TAB row TAB g64
//! TAB g256 TAB g1024 TAB g4096`; training compiles it here: a sorted table
//! of 32-bit word fingerprints with a 16-bit row each, and every row's
//! groups. Words are looked up by exact form, then lower-cased.

use std::path::Path;

use crate::error::{NlpError, read_text};
use crate::features::lower;
use crate::hash::hash_str;
use crate::model_file::{Reader, Writer};

/// Group counts of the coarse levels, as exported.
pub(crate) const LEVELS: usize = 4;
const SEED: u64 = 0x7ec5;
/// Bits of the fingerprint that index the bucket table.
const BUCKET_BITS: u32 = 16;

/// Ids of a word: how it was found (0 not, 1 exact form, 2 lower-cased),
/// then the row and the groups at each level, each plus one (0 = unknown).
pub(crate) type VecIds = [u32; 2 + LEVELS];

/// Word → vector row → groups.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordVectors {
    /// Sorted, distinct word fingerprints.
    keys: Vec<u32>,
    /// The row of each key.
    rows: Vec<u16>,
    /// Per row, its group at each level.
    groups: Vec<u32>,
    /// Index of the first key of each bucket (top [`BUCKET_BITS`] bits), and the end.
    buckets: Vec<u32>,
}

fn fingerprint(word: &str) -> u32 {
    (hash_str(SEED, word) >> 32) as u32
}

impl WordVectors {
    /// Number of words.
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    fn row_of(&self, word: &str) -> Option<usize> {
        let k = fingerprint(word);
        let b = (k >> (32 - BUCKET_BITS)) as usize;
        let (a, z) = (
            *self.buckets.get(b)? as usize,
            *self.buckets.get(b + 1)? as usize,
        );
        let slice = self.keys.get(a..z)?;
        let i = slice.binary_search(&k).ok()?;
        self.rows.get(a + i).map(|&r| usize::from(r))
    }

    /// The ids of `form` (all zero when neither it nor its lower case is known).
    pub(crate) fn get(&self, form: &str) -> VecIds {
        let mut out = [0u32; 2 + LEVELS];
        if self.keys.is_empty() {
            return out;
        }
        let (row, how) = match self.row_of(form) {
            Some(r) => (r, 1),
            None => match self.row_of(&lower(form)) {
                Some(r) => (r, 2),
                None => return out,
            },
        };
        out[0] = how;
        out[1] = row as u32 + 1;
        for l in 0..LEVELS {
            out[2 + l] = self.groups.get(row * LEVELS + l).map_or(0, |g| g + 1);
        }
        out
    }

    /// Reads the export of `tools/spacy_baseline.py vectors`.
    pub(crate) fn from_tsv(path: &Path) -> Result<Self, NlpError> {
        let text = read_text(path)?;
        let mut pairs: Vec<(u32, u16)> = Vec::new();
        let mut groups: Vec<u32> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = |m: &str| NlpError::Data {
                path: path.to_path_buf(),
                line: n + 1,
                message: m.to_string(),
            };
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() != 2 + LEVELS {
                return Err(bad("expected word, row and four groups"));
            }
            let nums: Option<Vec<u32>> = c[1..].iter().map(|x| x.parse().ok()).collect();
            let nums = nums.ok_or_else(|| bad("row and groups must be numbers"))?;
            let row = nums[0] as usize;
            let row16 = u16::try_from(row).map_err(|_| bad("row over 65535"))?;
            if groups.len() < (row + 1) * LEVELS {
                groups.resize((row + 1) * LEVELS, u32::MAX);
            }
            for l in 0..LEVELS {
                let g = &mut groups[row * LEVELS + l];
                if *g != u32::MAX && *g != nums[1 + l] {
                    return Err(bad("a row with two groups at one level"));
                }
                *g = nums[1 + l];
            }
            pairs.push((fingerprint(c[0]), row16));
        }
        // a fingerprint shared by two words keeps the first (stable sort)
        pairs.sort_by_key(|p| p.0);
        pairs.dedup_by_key(|p| p.0);
        for g in &mut groups {
            if *g == u32::MAX {
                *g = 0;
            }
        }
        let mut v = WordVectors {
            keys: pairs.iter().map(|p| p.0).collect(),
            rows: pairs.iter().map(|p| p.1).collect(),
            groups,
            buckets: Vec::new(),
        };
        v.index();
        Ok(v)
    }

    fn index(&mut self) {
        let n = 1usize << BUCKET_BITS;
        let mut b = vec![0u32; n + 1];
        for &k in &self.keys {
            b[(k >> (32 - BUCKET_BITS)) as usize + 1] += 1;
        }
        for i in 0..n {
            b[i + 1] += b[i];
        }
        self.buckets = b;
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.u32s(&self.keys);
        let rows: Vec<u8> = self.rows.iter().flat_map(|r| r.to_le_bytes()).collect();
        w.bytes(&rows);
        w.u32s(&self.groups);
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Self, NlpError> {
        let keys = r.u32s()?;
        let raw = r.bytes()?;
        let groups = r.u32s()?;
        if raw.len() != keys.len() * 2 || groups.len() % LEVELS != 0 {
            return Err(r.err("vector rows do not match the words"));
        }
        let rows: Vec<u16> = raw
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        if rows
            .iter()
            .any(|&x| usize::from(x) * LEVELS >= groups.len().max(1))
            && !keys.is_empty()
        {
            return Err(r.err("a vector row without groups"));
        }
        if keys.windows(2).any(|w| w[0] >= w[1]) {
            return Err(r.err("vector words are not sorted"));
        }
        let mut v = WordVectors {
            keys,
            rows,
            groups,
            buckets: Vec::new(),
        };
        if !v.keys.is_empty() {
            v.index();
        }
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_looks_up_and_round_trips() {
        let dir = std::env::temp_dir().join(format!("chronicle-vec-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let p = dir.join("v.tsv");
        std::fs::write(
            &p,
            "# header\nParis\t3\t1\t2\t3\t4\nLyon\t3\t1\t2\t3\t4\nchat\t0\t0\t0\t0\t0\n",
        )
        .expect("write");
        let v = WordVectors::from_tsv(&p).expect("reads");
        assert_eq!(v.len(), 3);
        assert_eq!(v.get("Paris"), [1, 4, 2, 3, 4, 5]);
        assert_eq!(v.get("CHAT"), [2, 1, 1, 1, 1, 1]);
        assert_eq!(v.get("inconnu"), [0; 6]);
        let mut w = Writer::new("v", 1);
        v.write(&mut w);
        let bytes = w.finish();
        let mut r = Reader::open(&bytes, "v", "v", 1).expect("opens");
        let back = WordVectors::read(&mut r).expect("reads back");
        assert_eq!(back.get("Lyon"), v.get("Lyon"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
