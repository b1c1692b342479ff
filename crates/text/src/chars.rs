//! Character classes the tokenizer and the splitter scan by, with a table for
//! ASCII and a shortcut for the Latin letters of French.

/// Class of an ASCII byte: blank.
pub(crate) const SPACE: u8 = 0;
/// Class of an ASCII byte: letter or `_`.
pub(crate) const LETTER: u8 = 1;
/// Class of an ASCII byte: digit.
pub(crate) const DIGIT: u8 = 2;
/// Class of an ASCII byte: punctuation or symbol.
pub(crate) const OTHER: u8 = 3;

/// The class of each ASCII byte.
pub(crate) static ASCII: [u8; 128] = ascii_table();

const fn ascii_table() -> [u8; 128] {
    let mut t = [OTHER; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        t[i] = if c.is_ascii_alphabetic() || c == b'_' {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_whitespace() || c == 0x0b || c < 0x20 || c == 0x7f {
            SPACE
        } else {
            OTHER
        };
        i += 1;
    }
    t
}

/// The character starting at byte `i` of `text` and its length in bytes;
/// `('\0', 1)` when `i` is not a character boundary (never the case in use).
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes();
    match b.get(i) {
        Some(&c) if c < 0x80 => (c as char, 1),
        Some(&c) if (0xC2..0xE0).contains(&c) && i + 1 < b.len() => {
            let cp = ((c as u32 & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F);
            (char::from_u32(cp).unwrap_or('\u{FFFD}'), 2)
        }
        Some(_) => match text.get(i..).and_then(|s| s.chars().next()) {
            Some(ch) => (ch, ch.len_utf8()),
            None => ('\0', 1),
        },
        None => ('\0', 0),
    }
}

/// Whether `c` separates tokens: Unicode white space (U+00A0 and U+202F
/// included) and the invisible zero-width space, word joiner and BOM.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Whether `c` can be part of a word: letters, digits, `_`, combining marks
/// and the soft hyphen.
#[inline]
pub(crate) fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    if ('\u{C0}'..='\u{24F}').contains(&c) {
        return c != '×' && c != '÷';
    }
    c.is_alphanumeric() || is_mark(c)
}

/// Whether `c` is a combining mark (or the soft hyphen), which continues
/// whatever precedes it.
#[inline]
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{AD}'
        | '\u{300}'..='\u{36F}'
        | '\u{483}'..='\u{489}'
        | '\u{591}'..='\u{5BD}'
        | '\u{610}'..='\u{61A}'
        | '\u{64B}'..='\u{65F}'
        | '\u{900}'..='\u{903}'
        | '\u{93A}'..='\u{94F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// Whether `c` is punctuation (as opposed to a symbol such as `%`, `€`, `°`,
/// `+` or an emoji).
pub(crate) fn is_punct(c: char) -> bool {
    matches!(c,
        '!' | '"' | '\'' | '(' | ')' | '*' | ',' | '-' | '.' | '/' | ':' | ';' | '?'
        | '[' | '\\' | ']' | '_' | '{' | '}'
        | '¡' | '§' | '«' | '¶' | '·' | '»' | '¿'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{2E00}'..='\u{2E4F}'
        | '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}'
        | '\u{FF01}'..='\u{FF0F}')
}

/// Length in bytes of the apostrophe (`'`, `’`, `ʼ`, and `‘` typed for one)
/// at byte `i`, or 0.
#[inline]
pub(crate) fn apostrophe_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'\'') => 1,
        Some(0xE2) if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x98 | 0x99)) => 3,
        Some(0xCA) if b.get(i + 1) == Some(&0xBC) => 2,
        _ => 0,
    }
}

/// Length in bytes of a space that may sit between digit groups (`20 000`):
/// space, U+00A0, U+2007, U+2009, U+202F; or 0.
#[inline]
pub(crate) fn group_space_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b' ') => 1,
        Some(0xC2) if b.get(i + 1) == Some(&0xA0) => 2,
        Some(0xE2)
            if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x87 | 0x89 | 0xAF)) =>
        {
            3
        }
        _ => 0,
    }
}

/// Whether the bytes between two tokens hold a line break.
#[inline]
pub(crate) fn has_line_break(gap: &[u8]) -> bool {
    match gap {
        [] => false,
        [b' '] => false,
        _ => {
            gap.iter().any(|&c| c == b'\n' || c == b'\r')
                || gap
                    .windows(3)
                    .any(|w| w == [0xE2, 0x80, 0xA8] || w == [0xE2, 0x80, 0xA9])
                || gap.windows(2).any(|w| w == [0xC2, 0x85])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_space('\u{A0}') && is_space('\u{202F}') && is_space('\u{200B}'));
        assert!(is_word('é') && is_word('œ') && is_word('ß') && !is_word('×'));
        assert!(is_punct('«') && is_punct('…') && is_punct('—') && !is_punct('€'));
        assert_eq!(char_at("aé", 1), ('é', 2));
        assert_eq!(char_at("a€", 1), ('€', 3));
        assert_eq!(apostrophe_len("l’".as_bytes(), 1), 3);
        assert_eq!(group_space_len("1\u{202F}0".as_bytes(), 1), 3);
        assert!(has_line_break(b" \n"));
        assert!(!has_line_break(b"  "));
    }
}
