//! Byte offsets into a UTF-8 body turned into UTF-16 offsets, the unit of
//! JavaScript strings, so that the page can cut spans with `slice` without
//! knowing how the body was encoded.
//!
//! Records give byte offsets (`design/output.md`). In the page's JavaScript,
//! `body.slice(a, b)` counts UTF-16 code units: `é` is 2 bytes but 1 unit,
//! `🙂` is 4 bytes but 2 units. The server sends both.

/// Maps byte offsets of one string to UTF-16 offsets in O(log n) each.
#[derive(Debug, Clone)]
pub struct Utf16Index {
    /// For every character that is not ASCII: its start and end in bytes and
    /// in UTF-16 units. Between two of them, bytes and units advance together.
    wide: Vec<Wide>,
    /// The string's length in bytes.
    len: usize,
}

/// One non-ASCII character: where it starts and ends in both units.
#[derive(Debug, Clone, Copy)]
struct Wide {
    byte: usize,
    unit: usize,
    end_byte: usize,
    end_unit: usize,
}

impl Utf16Index {
    /// Indexes `text`.
    pub fn new(text: &str) -> Utf16Index {
        let mut wide = Vec::new();
        let mut unit = 0usize;
        for (byte, c) in text.char_indices() {
            if !c.is_ascii() {
                wide.push(Wide {
                    byte,
                    unit,
                    end_byte: byte + c.len_utf8(),
                    end_unit: unit + c.len_utf16(),
                });
            }
            unit += c.len_utf16();
        }
        Utf16Index {
            wide,
            len: text.len(),
        }
    }

    /// The UTF-16 offset of byte offset `byte`, or `None` when it lies past
    /// the end or inside a character.
    pub fn utf16(&self, byte: usize) -> Option<usize> {
        if byte > self.len {
            return None;
        }
        // The last wide character starting at or before `byte`.
        let i = self.wide.partition_point(|w| w.byte <= byte);
        let Some(w) = i.checked_sub(1).map(|i| self.wide[i]) else {
            return Some(byte);
        };
        if byte == w.byte {
            Some(w.unit)
        } else if byte < w.end_byte {
            None
        } else {
            Some(w.end_unit + (byte - w.end_byte))
        }
    }

    /// Both ends of a half-open byte span, or `None` when either is not a
    /// character boundary of the string or the span runs backwards.
    pub fn span(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if start > end {
            return None;
        }
        Some((self.utf16(start)?, self.utf16(end)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: count the UTF-16 units of the prefix.
    fn slow(text: &str, byte: usize) -> Option<usize> {
        text.get(..byte).map(|p| p.encode_utf16().count())
    }

    #[test]
    fn ascii_is_the_identity() {
        let ix = Utf16Index::new("Le Kazakhstan");
        for b in 0..=13 {
            assert_eq!(ix.utf16(b), Some(b));
        }
        assert_eq!(ix.utf16(14), None);
    }

    #[test]
    fn accents_count_one_unit_and_split_characters_are_refused() {
        let text = "Pékin a salué « l’État » à Nur-Sultan";
        let ix = Utf16Index::new(text);
        let start = text.find("salué").expect("found");
        let end = start + "salué".len();
        let (a, b) = ix.span(start, end).expect("boundaries");
        let units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16_lossy(&units[a..b]), "salué");
        // Inside `é` (2 bytes): not a boundary.
        assert_eq!(ix.utf16(2), None);
        assert_eq!(ix.span(end, start), None);
    }

    #[test]
    fn every_boundary_agrees_with_the_reference() {
        let texts = [
            "",
            "é",
            "🙂",
            "a🙂b",
            "Pékin\u{a0}: « Nous avançons », a déclaré M.\u{202f}Wang 🙂 — fin.",
            "œuvre ÉTAT naïve ç 中国 𝄞 x",
        ];
        for text in texts {
            let ix = Utf16Index::new(text);
            for b in 0..=text.len() + 2 {
                assert_eq!(ix.utf16(b), slow(text, b), "{text:?} at byte {b}");
            }
        }
    }

    #[test]
    fn astral_characters_count_two_units() {
        let text = "🙂 Pékin";
        let ix = Utf16Index::new(text);
        let start = text.find("Pékin").expect("found");
        let (a, b) = ix.span(start, text.len()).expect("span");
        assert_eq!((a, b), (3, 8));
    }
}
