//! A read-only string → `u32` hash table stored as flat arrays, so that
//! loading it from a model file is a copy, not a rebuild.

use crate::error::NlpError;
use crate::hash::hash_str;
use crate::model_file::{Reader, Writer};

const EMPTY: u32 = u32::MAX;
const SEED: u64 = 0x57_7a_62;

/// Strings mapped to values, with open addressing over a power-of-two slot array.
#[derive(Debug, Clone, Default)]
pub(crate) struct StrTable {
    keys: Vec<u8>,
    ends: Vec<u32>,
    values: Vec<u32>,
    slots: Vec<u32>,
}

impl StrTable {
    /// Builds the table; a key given twice keeps its first value.
    pub(crate) fn build(pairs: impl IntoIterator<Item = (String, u32)>) -> Self {
        let mut t = StrTable::default();
        let mut seen = std::collections::HashSet::new();
        for (k, v) in pairs {
            if !seen.insert(k.clone()) {
                continue;
            }
            t.keys.extend_from_slice(k.as_bytes());
            t.ends.push(t.keys.len() as u32);
            t.values.push(v);
        }
        let n = t.values.len();
        let size = (n * 4 / 3 + 1).next_power_of_two().max(8);
        t.slots = vec![EMPTY; size];
        for i in 0..n {
            let key = t.key(i).to_string();
            let mut s = (hash_str(SEED, &key) as usize) & (size - 1);
            while t.slots[s] != EMPTY {
                s = (s + 1) & (size - 1);
            }
            t.slots[s] = i as u32;
        }
        t
    }

    fn key(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        let end = self.ends[i] as usize;
        std::str::from_utf8(&self.keys[start..end]).unwrap_or("")
    }

    /// The value of `key`.
    #[inline]
    pub(crate) fn get(&self, key: &str) -> Option<u32> {
        let size = self.slots.len();
        if size == 0 {
            return None;
        }
        let mut s = (hash_str(SEED, key) as usize) & (size - 1);
        loop {
            let i = self.slots[s];
            if i == EMPTY {
                return None;
            }
            if self.key(i as usize) == key {
                return Some(self.values[i as usize]);
            }
            s = (s + 1) & (size - 1);
        }
    }

    /// Number of keys.
    pub(crate) fn len(&self) -> usize {
        self.values.len()
    }

    /// Every (key, value), in insertion order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, u32)> + '_ {
        (0..self.values.len()).map(move |i| (self.key(i), self.values[i]))
    }

    /// Writes the table.
    pub(crate) fn write(&self, w: &mut Writer) {
        w.bytes(&self.keys);
        w.u32s(&self.ends);
        w.u32s(&self.values);
        w.u32s(&self.slots);
    }

    /// Reads a table written by [`StrTable::write`], checking its shape.
    pub(crate) fn read(r: &mut Reader) -> Result<Self, NlpError> {
        let t = StrTable {
            keys: r.bytes()?,
            ends: r.u32s()?,
            values: r.u32s()?,
            slots: r.u32s()?,
        };
        let ok = t.ends.len() == t.values.len()
            && t.ends.windows(2).all(|w| w[0] <= w[1])
            && t.ends.last().is_none_or(|&e| e as usize == t.keys.len())
            && std::str::from_utf8(&t.keys).is_ok()
            && (t.slots.is_empty() || t.slots.len().is_power_of_two())
            && t.slots.len() > t.values.len()
            && t.slots
                .iter()
                .all(|&s| s == EMPTY || (s as usize) < t.values.len())
            && (t.values.is_empty() || t.slots.contains(&EMPTY));
        if !(ok || t.values.is_empty() && t.slots.is_empty()) {
            return Err(r.err("inconsistent string table"));
        }
        // keys must fall on char boundaries
        let mut start = 0usize;
        for &e in &t.ends {
            if std::str::from_utf8(&t.keys[start..e as usize]).is_err() {
                return Err(r.err("a key of a string table is cut inside a character"));
            }
            start = e as usize;
        }
        Ok(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_and_round_trip() {
        let t = StrTable::build(vec![
            ("été".to_string(), 3),
            ("a".into(), 1),
            ("a".into(), 9),
        ]);
        assert_eq!(t.get("été"), Some(3));
        assert_eq!(t.get("a"), Some(1));
        assert_eq!(t.get("b"), None);
        assert_eq!(t.len(), 2);
        let mut w = Writer::new("s", 1);
        t.write(&mut w);
        let b = w.finish();
        let mut r = Reader::open(&b, "s", "s", 1).expect("opens");
        let back = StrTable::read(&mut r).expect("reads");
        assert_eq!(back.get("été"), Some(3));
        assert_eq!(StrTable::default().get("x"), None);
    }
}
