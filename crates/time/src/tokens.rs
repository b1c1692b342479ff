//! The time stage's own tokens: words, numbers and punctuation with their byte
//! offsets, folded for comparison with the word lists.
//!
//! An apostrophe or hyphen between two letters is a word break that leaves no
//! token ("aujourd'hui" → `aujourd` `hui`, "week-end" → `week` `end`), so
//! word lists and text are cut the same way whatever the spelling.

use crate::fold::fold;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters.
    Word,
    /// ASCII digits.
    Number,
    /// One other character (a line break included).
    Punct,
}

/// One token of a text.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    /// Byte offset of its first byte.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// What it is made of.
    pub kind: TokKind,
    /// Folded: lower case, no accents.
    pub norm: String,
    /// Lower case with its accents ("a" is not "à").
    pub lower: String,
    /// Whether no white space stands between it and the token before.
    pub glued: bool,
    /// Whether it starts with an upper-case letter.
    pub upper: bool,
}

impl Tok {
    /// Whether it is a word.
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    /// Whether it is a number.
    pub fn is_number(&self) -> bool {
        self.kind == TokKind::Number
    }

    /// Whether it is the punctuation `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct && self.norm.chars().eq(std::iter::once(c))
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Cuts `text` into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut toks = Vec::new();
    let mut k = 0;
    let mut glued = false;
    while k < chars.len() {
        let (start, c) = chars[k];
        if c == '\n' {
            toks.push(punct(text, start, c, glued));
            glued = false;
            k += 1;
            continue;
        }
        if c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}' {
            glued = false;
            k += 1;
            continue;
        }
        if is_apostrophe(c) || is_hyphen(c) {
            let before = k.checked_sub(1).map(|j| chars[j].1);
            let after = chars.get(k + 1).map(|&(_, a)| a);
            if before.is_some_and(char::is_alphabetic) && after.is_some_and(char::is_alphabetic) {
                // A word break inside a word: no token, the next word is glued.
                glued = true;
                k += 1;
                continue;
            }
        }
        let kind = if c.is_alphabetic() {
            TokKind::Word
        } else if c.is_ascii_digit() {
            TokKind::Number
        } else {
            toks.push(punct(text, start, c, glued));
            glued = true;
            k += 1;
            continue;
        };
        let mut j = k + 1;
        while j < chars.len() {
            let d = chars[j].1;
            let same = match kind {
                TokKind::Word => d.is_alphabetic() || is_combining(d),
                _ => d.is_ascii_digit(),
            };
            if !same {
                break;
            }
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        let s = &text[start..end];
        toks.push(Tok {
            start,
            end,
            kind,
            norm: fold(s),
            lower: s.to_lowercase(),
            glued,
            upper: c.is_uppercase(),
        });
        glued = true;
        k = j;
    }
    toks
}

fn is_combining(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

fn punct(text: &str, start: usize, c: char, glued: bool) -> Tok {
    let end = start + c.len_utf8();
    let norm = if is_apostrophe(c) {
        "'".to_string()
    } else if is_hyphen(c) || matches!(c, '–' | '—') {
        "-".to_string()
    } else {
        text[start..end].to_string()
    };
    Tok {
        start,
        end,
        kind: TokKind::Punct,
        lower: norm.clone(),
        norm,
        glued,
        upper: false,
    }
}

/// The folded words of a word-list entry, cut as text is.
pub(crate) fn phrase(entry: &str) -> Vec<String> {
    tokenize(entry).into_iter().map(|t| t.norm).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn apostrophes_and_hyphens_between_letters_break_words() {
        assert_eq!(norms("aujourd’hui"), ["aujourd", "hui"]);
        assert_eq!(norms("week-end"), ["week", "end"]);
        assert_eq!(norms("l'été 2016"), ["l", "ete", "2016"]);
        assert_eq!(norms("22-avril"), ["22", "-", "avril"]);
        assert_eq!(norms("1er jan."), ["1", "er", "jan", "."]);
    }

    #[test]
    fn offsets_cut_the_text() {
        let text = "Le 21 août, à Nur-Sultan — « ok »";
        for t in tokenize(text) {
            assert!(text.get(t.start..t.end).is_some());
        }
        let t = tokenize(text);
        assert_eq!(&text[t[2].start..t[2].end], "août");
        assert!(!t[2].glued);
        let sultan = t.iter().find(|x| x.norm == "sultan").expect("Sultan");
        assert!(sultan.glued);
    }
}
