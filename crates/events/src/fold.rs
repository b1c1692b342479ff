//! Lower-casing and word splitting shared by the lexicon and the text.

/// Lower case, with every apostrophe written `'`.
pub(crate) fn low(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '’' | 'ʼ' | '‘' | '`' => '\'',
            '\u{a0}' | '\u{202f}' => ' ',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Elided words the segmenter splits off the word after them.
const ELISIONS: [&str; 14] = [
    "jusqu'", "lorsqu'", "puisqu'", "quoiqu'", "qu'", "l'", "d'", "j'", "m'", "n'", "s'", "t'",
    "c'", "y'",
];

/// The words of a lexicon phrase as the segmenter cuts a text: on spaces,
/// with elided words split off (`l'état d'urgence` → `l'`, `état`, `d'`,
/// `urgence`), lower case.
pub(crate) fn phrase_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in low(s).split_whitespace() {
        let mut rest = piece;
        loop {
            match ELISIONS
                .iter()
                .find(|e| rest.len() > e.len() && rest.starts_with(*e))
            {
                Some(e) => {
                    out.push((*e).to_string());
                    rest = &rest[e.len()..];
                }
                None => {
                    out.push(rest.to_string());
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_split_like_the_segmenter() {
        assert_eq!(
            phrase_words("l’état d'urgence"),
            vec!["l'", "état", "d'", "urgence"]
        );
        assert_eq!(phrase_words("s'entretenir"), vec!["s'", "entretenir"]);
        assert_eq!(phrase_words("aujourd'hui"), vec!["aujourd'hui"]);
        assert_eq!(phrase_words("Couvre-feu"), vec!["couvre-feu"]);
    }
}
