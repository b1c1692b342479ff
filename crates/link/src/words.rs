//! Small text helpers: normalising words for comparison, and looking at the
//! words just before or after a place in the body.

use chronicle_kb::fold::fold;

/// Lower case, `’` as `'`, hyphens and runs of white space as one space,
/// accents kept: for lists where "à" and "a" differ.
pub(crate) fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' => '\'',
            '-' | '\u{2010}' | '\u{2011}' => ' ',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// How a word list is compared: folded (case and accents) or [`lower`]ed
/// (case only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Compare {
    /// [`fold`]: no case, no accents.
    Folded,
    /// [`lower`]: no case, accents kept.
    Lower,
}

impl Compare {
    pub(crate) fn apply(self, s: &str) -> String {
        match self {
            Compare::Folded => fold(s),
            Compare::Lower => lower(s),
        }
    }
}

/// A list of words or phrases, normalised once.
#[derive(Debug, Clone)]
pub(crate) struct PhraseList {
    phrases: Vec<String>,
    compare: Compare,
}

impl PhraseList {
    pub(crate) fn new(items: &[String], compare: Compare) -> PhraseList {
        let mut phrases: Vec<String> = items
            .iter()
            .map(|s| compare.apply(s))
            .filter(|s| !s.is_empty())
            .collect();
        // longest first, so "près de" is tried before "de"
        phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        phrases.dedup();
        PhraseList { phrases, compare }
    }

    /// Whether a phrase already folded (`fold`) is in a list of folded phrases.
    pub(crate) fn contains_folded(&self, folded: &str) -> bool {
        match self.compare {
            Compare::Folded => self.phrases.iter().any(|p| p == folded),
            Compare::Lower => false,
        }
    }

    /// Whether `word` (one word or phrase) is in the list.
    pub(crate) fn contains(&self, word: &str) -> bool {
        let w = self.compare.apply(word);
        self.phrases.contains(&w)
    }

    /// The list's phrase that `text` ends with, on a word boundary (the
    /// phrase starts the text or follows a space or an apostrophe).
    pub(crate) fn ending(&self, text: &str) -> Option<&str> {
        let t = self.compare.apply(text);
        self.phrases
            .iter()
            .find(|p| {
                t.strip_suffix(p.as_str())
                    .is_some_and(|head| head.is_empty() || head.ends_with([' ', '\'']))
            })
            .map(String::as_str)
    }
}

/// Whether a word is written with a capital first letter and at least one
/// lower-case letter ("Ukibay", "Kassym-Jomart"), as names are.
pub(crate) fn capitalised(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    letters.next().is_some_and(char::is_uppercase) && word.chars().any(char::is_lowercase)
}

/// Whether the text has a capital letter.
pub(crate) fn has_capital(s: &str) -> bool {
    s.chars().any(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[&str], c: Compare) -> PhraseList {
        let v: Vec<String> = items.iter().map(|s| s.to_string()).collect();
        PhraseList::new(&v, c)
    }

    #[test]
    fn lower_keeps_accents() {
        assert_eq!(lower("À  Jusqu’à"), "à jusqu'à");
        assert_eq!(lower("ex-Président"), "ex président");
    }

    #[test]
    fn endings_respect_word_boundaries_and_accents() {
        let l = list(&["à", "près de", "de"], Compare::Lower);
        assert_eq!(l.ending("une rencontre à "), Some("à"));
        assert_eq!(l.ending("il habite près de"), Some("près de"));
        assert_eq!(l.ending("Pékin a"), None);
        assert_eq!(l.ending("la"), None);
        let f = list(&["ex", "ancien"], Compare::Folded);
        assert_eq!(f.ending("L’ex-"), Some("ex"));
        assert_eq!(f.ending("l'Ancien "), Some("ancien"));
        assert_eq!(f.ending("complex"), None);
    }

    #[test]
    fn capitals() {
        assert!(capitalised("Ukibay"));
        assert!(capitalised("Kassym-Jomart"));
        assert!(!capitalised("KNB"));
        assert!(!capitalised("ukibay"));
        assert!(has_capital("la Chine"));
    }
}
