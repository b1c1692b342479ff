//! Language identification with `whatlang`, reported as ISO 639-1 codes.

use crate::fold::{fold, words};
use crate::rules::Rules;

/// Fewer letters than this and detection is not trusted ("TV" is not Croatian).
const MIN_LETTERS: usize = 24;
/// Text beyond this many bytes adds nothing to a document's detection.
const SAMPLE_BYTES: usize = 4096;

/// A detected language.
#[derive(Debug, Clone, PartialEq)]
pub struct Detected {
    /// ISO 639-1 code (`fr`), or the ISO 639-3 code where there is no 639-1.
    pub code: String,
    /// whatlang's confidence, 0 to 1.
    pub confidence: f64,
    /// Whether whatlang deems the answer reliable.
    pub reliable: bool,
}

/// Detects the language of `text`, or `None` when it is too short or has no
/// letters to go on.
pub fn detect(rules: &Rules, text: &str) -> Option<Detected> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let info = whatlang::detect(sample)?;
    let three = info.lang().code();
    let code = rules
        .iso639
        .get(three)
        .cloned()
        .unwrap_or_else(|| three.to_string());
    Some(Detected {
        code,
        confidence: info.confidence(),
        reliable: info.is_reliable(),
    })
}

/// The share of the words of `line` that are function words of `language`.
/// High for any ordinary sentence of that language, so detection can be skipped.
pub fn stopword_share(rules: &Rules, language: &str, line: &str) -> f64 {
    let Some(stop) = rules.stopwords.get(language) else {
        return 0.0;
    };
    let folded = fold(line);
    let (mut n, mut hits) = (0usize, 0usize);
    for w in words(&folded) {
        n += 1;
        // "l'appui" counts through its elided article
        let head = w.split('\'').next().unwrap_or(w);
        if stop.contains(w) || stop.contains(head) {
            hits += 1;
        }
    }
    if n == 0 { 0.0 } else { hits as f64 / n as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{BUILTIN_LANGUAGES, DataSource};

    fn rules() -> Rules {
        Rules::load(&DataSource::Builtin, BUILTIN_LANGUAGES).expect("rules")
    }

    #[test]
    fn french_and_english() {
        let r = rules();
        let fr = detect(
            &r,
            "Le ministre a déclaré mardi que le gouvernement soutenait la réforme des retraites.",
        )
        .expect("detected");
        assert_eq!(fr.code, "fr");
        let en = detect(
            &r,
            "The minister said on Tuesday that the government backed the pension reform bill.",
        )
        .expect("detected");
        assert_eq!(en.code, "en");
    }

    #[test]
    fn too_short_is_unknown() {
        assert_eq!(detect(&rules(), "TV"), None);
    }

    #[test]
    fn stopword_share_of_french() {
        let r = rules();
        assert!(
            stopword_share(
                &r,
                "fr",
                "La Chine a remercié le Kazakhstan pour son soutien au programme."
            ) > 0.3
        );
        assert!(
            stopword_share(
                &r,
                "fr",
                "Speaker of the House talks with fellow Democrats during a rally"
            ) < 0.1
        );
    }
}
