//! Folding text for comparison with word lists: lower case, no accents, one
//! kind of apostrophe, single spaces.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Whether `c` is white space as articles use it, non-breaking spaces included.
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00a0}' | '\u{202f}' | '\u{2007}' | '\u{feff}' | '\u{200b}'
        )
}

/// Trims white space of every kind (non-breaking, zero-width) from both ends.
pub fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// Lower case, accents removed, ’ as ', runs of white space as one space,
/// trailing punctuation, arrows and bullets dropped.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in trim(s).nfd() {
        if is_combining_mark(c) {
            continue;
        }
        if is_space(c) {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        match c {
            '’' | '‘' | '`' | '´' | 'ʼ' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
    let trimmed = out.trim_end_matches(|c: char| {
        matches!(
            c,
            '.' | ':' | '!' | '›' | '»' | '>' | '→' | '…' | '|' | '•' | '-' | ' '
        )
    });
    let trimmed = trimmed.trim_start_matches(['•', '›', '>', '→', '-', '|', ' ']);
    trimmed.to_string()
}

/// The words of `s`, folded, for counting.
pub fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_spaces_and_apostrophes() {
        assert_eq!(fold("  Plus d’actualité\u{a0} "), "plus d'actualite");
        assert_eq!(fold("Sur le même sujet :"), "sur le meme sujet");
        assert_eq!(fold("À LIRE AUSSI »"), "a lire aussi");
        assert_eq!(
            fold("Partager   Cet\u{202f}Article"),
            "partager cet article"
        );
    }

    #[test]
    fn trims_non_breaking_spaces() {
        assert_eq!(trim("\u{a0} \u{202f}texte\u{a0}"), "texte");
        assert_eq!(trim("\u{a0}"), "");
    }
}
