//! Folding words for comparison with the word lists: lower case, accents
//! removed, ligatures spelt out.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `s` in lower case without accents: "Août" → "aout", "Œuvre" → "oeuvre".
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            '’' | '‘' | 'ʼ' | '`' | '´' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_case_accents_and_ligatures() {
        assert_eq!(fold("Août"), "aout");
        assert_eq!(fold("FÉVRIER"), "fevrier");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("aujourd’hui"), "aujourd'hui");
    }
}
