//! Term vectors: what a document is about, as weighted words, actors and
//! events, compared with stories by cosine.
//!
//! Weights are tf-idf with document frequencies from the index, so words
//! every stored document uses weigh nothing and a story is told apart by what
//! is particular to it. Vectors are stored as blobs of (term id, weight)
//! pairs, 12 bytes each.

use std::collections::{HashMap, HashSet};

use chronicle_model::Document;
use chronicle_store::StoryActor;

use crate::actors;
use crate::config::CorpusConfig;
use crate::hash;
use crate::words;

/// A term with its count in the document and the weight of its kind.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Term {
    pub(crate) id: i64,
    pub(crate) count: f64,
    pub(crate) factor: f64,
}

/// Whether a folded word says something about a story: three letters or more,
/// not a number, not a function word.
fn telling(word: &str, stop: &HashSet<String>) -> bool {
    word.chars().count() >= 3 && !word.bytes().all(|b| b.is_ascii_digit()) && !stop.contains(word)
}

/// The terms of a document: words of the body (those of the title and lead
/// paragraphs weigh more), its actors and its events.
pub(crate) fn of(
    doc: &Document,
    actors: &[StoryActor],
    stop: &HashSet<String>,
    config: &CorpusConfig,
) -> Vec<Term> {
    let mut counts: HashMap<i64, (f64, f64)> = HashMap::new();
    let mut add = |id: i64, n: f64, factor: f64| {
        let e = counts.entry(id).or_insert((0.0, factor));
        e.0 += n;
    };
    words::each(&doc.body, |w, _| {
        if telling(w, stop) {
            add(hash::id("w", w), 1.0, 1.0);
        }
    });
    let lead_end = doc
        .body
        .match_indices('\n')
        .nth(config.lead_paragraphs.saturating_sub(1))
        .map_or(doc.body.len(), |(i, _)| i);
    let lead = [doc.title.as_deref().unwrap_or(""), &doc.body[..lead_end]];
    if config.lead_weight > 0.0 && config.lead_paragraphs > 0 {
        for text in lead {
            words::each(text, |w, _| {
                if telling(w, stop) {
                    add(hash::id("w", w), config.lead_weight, 1.0);
                }
            });
        }
    }
    if config.actor_weight > 0.0 {
        for a in actors {
            add(
                hash::id("a", actors::key(a)),
                a.mentions as f64,
                config.actor_weight,
            );
        }
    }
    for e in &doc.events {
        let side = |a: &Option<chronicle_model::Actor>| {
            a.as_ref()
                .map(|a| a.country.clone().unwrap_or_else(|| a.name.clone()))
                .unwrap_or_default()
        };
        let key = format!("{}|{}|{}", side(&e.source), e.kind, side(&e.target));
        add(hash::id("e", &key), 1.0, 1.0);
    }
    let mut terms: Vec<Term> = counts
        .into_iter()
        .map(|(id, (count, factor))| Term { id, count, factor })
        .collect();
    terms.sort_by_key(|t| t.id);
    terms
}

/// The tf-idf vector of terms, given the number of documents `n` and each
/// term's document frequency (both counting this document), sorted by weight,
/// heaviest first, and of unit length.
pub(crate) fn weigh(terms: &[Term], n: u64, dfs: &[u64]) -> Vec<(i64, f64)> {
    let mut v: Vec<(i64, f64)> = terms
        .iter()
        .zip(dfs)
        .map(|(t, &df)| {
            let idf = ((n as f64 + 1.0) / (df as f64 + 0.5)).ln().max(0.0);
            (t.id, (1.0 + t.count.ln()) * idf * t.factor)
        })
        .filter(|(_, w)| *w > 0.0)
        .collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    normalise(&mut v);
    v
}

/// Scales a vector to unit length (leaves a zero vector alone).
pub(crate) fn normalise(v: &mut [(i64, f64)]) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= norm;
        }
    }
}

/// The `k` heaviest terms of a vector sorted heaviest first, at unit length.
pub(crate) fn top(v: &[(i64, f64)], k: usize) -> Vec<(i64, f64)> {
    let mut t: Vec<(i64, f64)> = v.iter().take(k).copied().collect();
    normalise(&mut t);
    t
}

/// Cosine of a unit vector (as a map) with any vector.
pub(crate) fn cosine(unit: &HashMap<i64, f64>, other: &[(i64, f64)]) -> f64 {
    let norm = other.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    if norm == 0.0 {
        return 0.0;
    }
    other
        .iter()
        .map(|(id, w)| unit.get(id).map_or(0.0, |u| u * w))
        .sum::<f64>()
        / norm
}

/// Adds `b` to `a`, keeping the `k` heaviest terms, heaviest first.
pub(crate) fn add(a: &[(i64, f64)], b: &[(i64, f64)], k: usize) -> Vec<(i64, f64)> {
    let mut sum: HashMap<i64, f64> = a.iter().copied().collect();
    for &(id, w) in b {
        *sum.entry(id).or_insert(0.0) += w;
    }
    let mut v: Vec<(i64, f64)> = sum.into_iter().collect();
    v.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    v.truncate(k);
    v
}

/// A vector as a blob: little-endian id (8 bytes) and weight (f32) per term.
pub(crate) fn encode(v: &[(i64, f64)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(v.len() * 12);
    for &(id, w) in v {
        out.extend_from_slice(&id.to_le_bytes());
        out.extend_from_slice(&(w as f32).to_le_bytes());
    }
    out
}

/// A vector from a blob of [`encode`]; trailing bytes that do not make a
/// whole term are ignored.
pub(crate) fn decode(blob: &[u8]) -> Vec<(i64, f64)> {
    blob.chunks_exact(12)
        .map(|c| {
            let mut id = [0u8; 8];
            let mut w = [0u8; 4];
            id.copy_from_slice(&c[..8]);
            w.copy_from_slice(&c[8..]);
            (i64::from_le_bytes(id), f64::from(f32::from_le_bytes(w)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_round_trip_and_weigh_rare_terms_more() {
        let terms = [
            Term {
                id: 1,
                count: 3.0,
                factor: 1.0,
            },
            Term {
                id: 2,
                count: 1.0,
                factor: 1.0,
            },
            Term {
                id: 3,
                count: 1.0,
                factor: 1.0,
            },
        ];
        // Term 3 is in every document: it weighs least; term 1 is said
        // three times.
        let v = weigh(&terms, 10, &[2, 1, 10]);
        assert_eq!(v.iter().map(|t| t.0).collect::<Vec<_>>(), vec![1, 2, 3]);
        assert!(v[2].1 < 0.05, "{v:?}");
        let v = top(&v, 2);
        let norm: f64 = v.iter().map(|t| t.1 * t.1).sum();
        assert!((norm - 1.0).abs() < 1e-9);
        let back = decode(&encode(&v));
        assert_eq!(back.len(), 2);
        assert!((back[0].1 - v[0].1).abs() < 1e-6);
        let unit: HashMap<i64, f64> = v.iter().copied().collect();
        assert!((cosine(&unit, &v) - 1.0).abs() < 1e-6);
        let sum = add(&v, &[(7, 0.1)], 2);
        assert_eq!(sum.len(), 2);
        assert_eq!(sum[0].0, 1);
    }
}
