//! Words of a text as the corpus stage compares them: maximal runs of letters
//! and digits, lower-cased, with French accents taken off, so that "droits de
//! l'Homme" and "droits de l’homme" give the same words. The same rule runs
//! over new and stored bodies, so their shingles agree whatever tokenizer the
//! pipeline used.

use chronicle_store::fold_letter;

use crate::hash;

/// Calls `f` with each folded word of `text` and its byte offset in `text`.
pub(crate) fn each(text: &str, mut f: impl FnMut(&str, usize)) {
    let mut word = String::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if word.is_empty() {
                start = i;
            }
            for l in c.to_lowercase() {
                word.push(fold_letter(l));
            }
        } else if !word.is_empty() {
            f(&word, start);
            word.clear();
        }
    }
    if !word.is_empty() {
        f(&word, start);
    }
}

/// The hashes of the folded words of `text`, in order.
pub(crate) fn hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    each(text, |w, _| out.push(hash::bytes(w.as_bytes())));
    out
}

/// The sorted, distinct hashes of the `n`-word shingles of `text` (a text of
/// fewer than `n` words has none).
pub(crate) fn shingles(text: &str, n: usize) -> Vec<u64> {
    let words = hashes(text);
    let n = n.max(1);
    let mut out: Vec<u64> = words
        .windows(n)
        .map(|w| w.iter().fold(0u64, |h, &x| hash::combine(h, x)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Jaccard similarity of two sorted, distinct lists.
pub(crate) fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both as f64 / (a.len() + b.len() - both) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_case_accents_and_apostrophes() {
        let mut seen = Vec::new();
        each("Droits de l’Homme, ÉTAT-major 2022", |w, at| {
            seen.push((w.to_string(), at))
        });
        let words: Vec<&str> = seen.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(
            words,
            ["droits", "de", "l", "homme", "etat", "major", "2022"]
        );
        assert_eq!(seen[3].1, "Droits de l’".len());
        assert_eq!(
            shingles("des droits de l'homme", 3),
            shingles("des droits de l’Homme", 3)
        );
    }

    #[test]
    fn shingles_and_jaccard() {
        assert!(shingles("deux mots", 3).is_empty());
        let a = shingles("un deux trois quatre cinq", 3);
        assert_eq!(a.len(), 3);
        assert!((jaccard(&a, &a) - 1.0).abs() < 1e-12);
        let b = shingles("un deux trois quatre six", 3);
        assert!((jaccard(&a, &b) - 0.5).abs() < 1e-12);
        assert_eq!(jaccard(&a, &[]), 0.0);
    }
}
