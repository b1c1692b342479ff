//! Whether the verb near a time expression speaks of the past or the future,
//! read from the words around it: compound past tenses (`a déclaré`, `sont
//! arrivées`), the imperfect and the passé simple, the future and the
//! conditional (`se rendra`, `rencontrerait`), `va` + infinitive, and words
//! such as `doit` or `prévu`.

use crate::lexicon::TenseWords;
use crate::tokens::Tok;

/// What the nearest verb says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    /// No cue near enough.
    Unknown,
}

/// How far from an expression a cue is looked for, in tokens.
const REACH: usize = 30;

fn ends_with_any(word: &str, endings: &[String], min_stem: usize) -> bool {
    endings
        .iter()
        .any(|e| word.ends_with(e.as_str()) && word.chars().count() >= e.chars().count() + min_stem)
}

fn is_plain_word(t: &Tok) -> bool {
    t.is_word() && !t.upper
}

/// The tense a cue at `j` gives, if any.
fn cue(toks: &[Tok], j: usize, tw: &TenseWords) -> Option<Tense> {
    let t = toks.get(j).filter(|t| is_plain_word(t))?;
    let w = t.lower.as_str();
    if tw.future_words.contains(w) {
        return Some(Tense::Future);
    }
    if tw.past_words.contains(w) {
        return Some(Tense::Past);
    }
    if tw.going_to.contains(w) {
        let inf = toks
            .iter()
            .skip(j + 1)
            .take(4)
            .filter(|t| t.is_word())
            .find(|t| !tw.adverbs.contains(t.lower.as_str()) && !is_pronoun(&t.lower));
        if inf.is_some_and(|t| ends_with_any(&t.lower, &tw.infinitive_endings, 2)) {
            return Some(Tense::Future);
        }
        return None;
    }
    if tw.past_auxiliaries.contains(w) {
        let next = toks
            .iter()
            .skip(j + 1)
            .take(4)
            .take_while(|t| t.is_word())
            .find(|t| !tw.adverbs.contains(t.lower.as_str()))?;
        if next.upper {
            return None;
        }
        if tw.future_words.contains(next.lower.as_str()) {
            return Some(Tense::Future);
        }
        if ends_with_any(&next.lower, &tw.participle_endings, 1) {
            return Some(Tense::Past);
        }
        return None;
    }
    if tw.not_verbs.contains(w) {
        return None;
    }
    if ends_with_any(w, &tw.conditional_endings, 2) {
        return Some(Tense::Future);
    }
    if ends_with_any(w, &tw.past_simple_endings, 2) || ends_with_any(w, &tw.imperfect_endings, 2) {
        return Some(Tense::Past);
    }
    if ends_with_any(w, &tw.future_endings, 2) {
        return Some(Tense::Future);
    }
    None
}

fn is_pronoun(w: &str) -> bool {
    matches!(
        w,
        "se" | "s"
            | "le"
            | "la"
            | "les"
            | "l"
            | "lui"
            | "leur"
            | "y"
            | "en"
            | "me"
            | "m"
            | "te"
            | "t"
            | "nous"
            | "vous"
    )
}

/// Whether token `j` ends a clause; the full stop of an initial or title
/// ("M. Poutine") does not.
fn is_break(toks: &[Tok], j: usize, tw: &TenseWords) -> bool {
    let t = &toks[j];
    if t.is_word() || t.is_number() || !tw.clause_breaks.contains(t.norm.as_str()) {
        return false;
    }
    let initial = t.is_punct('.')
        && t.glued
        && j > 0
        && toks[j - 1].is_word()
        && toks[j - 1].upper
        && toks[j - 1].norm.chars().count() <= 3;
    !initial
}

/// The tense of the clause around tokens `start..end`: the nearest cue wins,
/// the one before the expression when two are as near.
pub(crate) fn tense_at(toks: &[Tok], start: usize, end: usize, tw: &TenseWords) -> Tense {
    let mut left = None;
    for d in 1..=REACH.min(start) {
        let j = start - d;
        if is_break(toks, j, tw) {
            break;
        }
        if let Some(t) = cue(toks, j, tw) {
            left = Some((d, t));
            break;
        }
    }
    let mut right = None;
    for d in 0..REACH {
        let j = end + d;
        if j >= toks.len() || is_break(toks, j, tw) {
            break;
        }
        if let Some(t) = cue(toks, j, tw) {
            right = Some((d + 1, t));
            break;
        }
    }
    match (left, right) {
        (Some((dl, tl)), Some((dr, tr))) => {
            if dl <= dr {
                tl
            } else {
                tr
            }
        }
        (Some((_, t)), None) | (None, Some((_, t))) => t,
        (None, None) => Tense::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::TimeTagger;
    use crate::tokens::tokenize;

    fn tense_of(text: &str, word: &str) -> Tense {
        let t = TimeTagger::french().expect("french");
        let toks = tokenize(text);
        let i = toks
            .iter()
            .position(|t| t.norm == word)
            .expect("word in text");
        tense_at(&toks, i, i + 1, &t.lexicon().tense)
    }

    #[test]
    fn reads_tense_from_the_nearest_verb() {
        assert_eq!(
            tense_of("Le ministre a déclaré mardi que", "mardi"),
            Tense::Past
        );
        assert_eq!(
            tense_of("Xi Jinping se rendra jeudi en Ouzbékistan", "jeudi"),
            Tense::Future
        );
        assert_eq!(
            tense_of("Il va participer lundi au sommet", "lundi"),
            Tense::Future
        );
        assert_eq!(
            tense_of("Les troupes sont arrivées jeudi", "jeudi"),
            Tense::Past
        );
        assert_eq!(
            tense_of("Le sommet est prévu jeudi", "jeudi"),
            Tense::Future
        );
        assert_eq!(
            tense_of("M. Xi rencontrerait M. Poutine vendredi", "vendredi"),
            Tense::Future
        );
        assert_eq!(
            tense_of("Ankara a parlé en février", "fevrier"),
            Tense::Past
        );
        assert_eq!(tense_of("Le front a tenu. Lundi", "lundi"), Tense::Unknown);
        assert_eq!(
            tense_of("Le Kremlin a ainsi assuré mardi", "mardi"),
            Tense::Past
        );
    }
}
