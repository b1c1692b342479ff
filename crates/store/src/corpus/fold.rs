//! Folding text into comparison keys: case, French accents and punctuation
//! do not tell two reports of the same words apart.

/// The base letter of a lower-case Latin letter with a diacritic: how the
/// store's comparison keys and the corpus stage's shingles fold letters, so
/// that both read "l'Homme" and "l’homme" alike.
pub fn base(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => 'a',
        'ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ÿ' | 'ý' => 'y',
        'ñ' => 'n',
        'œ' => 'o',
        'æ' => 'a',
        other => other,
    }
}

/// Words of `s`, lower-cased, accents taken off, joined by single spaces.
pub(crate) fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(base(c));
        } else {
            gap = true;
        }
    }
    out
}

/// Whether the words of `small` appear, in order and together, in `big`
/// (both folded by [`key`]).
pub(crate) fn contains_words(big: &str, small: &str) -> bool {
    if small.is_empty() {
        return false;
    }
    let big = format!(" {big} ");
    big.contains(&format!(" {small} "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_accents_and_punctuation() {
        assert_eq!(
            key("« Défendre  la sécurité, commune »"),
            "defendre la securite commune"
        );
        assert_eq!(key("droits de l’Homme"), key("droits de l'homme"));
        assert!(contains_words(
            &key("Nous voulons défendre la sécurité commune."),
            &key("défendre la sécurité commune")
        ));
        assert!(!contains_words(
            &key("la sécurité communautaire"),
            &key("sécurité commune")
        ));
    }
}
