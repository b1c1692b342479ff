//! Passages shared with one other document: sentence pairs aligned by
//! shingle similarity, grown into runs inside each paragraph.

use std::collections::HashMap;

use crate::config::CorpusConfig;
use crate::units::Unit;
use crate::words::jaccard;

/// A sentence of the new document matched with one of the other's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Match {
    /// The new document's unit.
    pub(crate) i: usize,
    /// The other document's unit.
    pub(crate) j: usize,
    /// Jaccard similarity of their shingles.
    pub(crate) similarity: f64,
}

/// A passage of the new document found in the other one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Run {
    /// Byte offset of its start in the new body.
    pub(crate) start: usize,
    /// Byte offset one past its end.
    pub(crate) end: usize,
    /// Length-weighted similarity of its sentences.
    pub(crate) similarity: f64,
}

/// Aligns the units of two documents: pairs at `match_similarity` or more,
/// plus neighbours of accepted pairs (the next or previous sentence on both
/// sides) at `extend_similarity` or more, each unit used once, best first.
/// The result is ordered by the new document's units.
pub(crate) fn align(new: &[Unit], old: &[Unit], config: &CorpusConfig) -> Vec<Match> {
    let mut by_shingle: HashMap<u64, Vec<usize>> = HashMap::new();
    for (j, u) in old.iter().enumerate() {
        for &s in &u.shingles {
            by_shingle.entry(s).or_default().push(j);
        }
    }
    let mut sims: HashMap<(usize, usize), f64> = HashMap::new();
    for (i, u) in new.iter().enumerate() {
        let mut seen: Vec<usize> = u
            .shingles
            .iter()
            .filter_map(|s| by_shingle.get(s))
            .flatten()
            .copied()
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for j in seen {
            sims.insert((i, j), jaccard(&u.shingles, &old[j].shingles));
        }
    }
    let mut accepted: Vec<(usize, usize)> = sims
        .iter()
        .filter(|(_, s)| **s >= config.match_similarity)
        .map(|(&p, _)| p)
        .collect();
    let mut grown = true;
    while grown {
        grown = false;
        let mut more = Vec::new();
        for &(i, j) in &accepted {
            let neighbours = [(i.wrapping_sub(1), j.wrapping_sub(1)), (i + 1, j + 1)];
            for p in neighbours {
                let good = sims.get(&p).is_some_and(|s| *s >= config.extend_similarity);
                if good && !accepted.contains(&p) && !more.contains(&p) {
                    more.push(p);
                }
            }
        }
        if !more.is_empty() {
            accepted.extend(more);
            grown = true;
        }
    }
    let mut pairs: Vec<Match> = accepted
        .into_iter()
        .map(|(i, j)| Match {
            i,
            j,
            similarity: sims.get(&(i, j)).copied().unwrap_or(0.0),
        })
        .collect();
    pairs.sort_by(|a, b| {
        b.similarity
            .total_cmp(&a.similarity)
            .then(a.i.cmp(&b.i))
            .then(a.j.cmp(&b.j))
    });
    let (mut used_i, mut used_j) = (vec![false; new.len()], vec![false; old.len()]);
    let mut out = Vec::new();
    for m in pairs {
        if !used_i[m.i] && !used_j[m.j] {
            used_i[m.i] = true;
            used_j[m.j] = true;
            out.push(m);
        }
    }
    out.sort_by_key(|m| m.i);
    out
}

/// The passages of the new document that the matches cover: consecutive
/// matched sentences of one paragraph, in the same order on the other side
/// (skipping at most one sentence there), of at least `min_passage_bytes`.
pub(crate) fn runs(new: &[Unit], matches: &[Match], config: &CorpusConfig) -> Vec<Run> {
    let mut out = Vec::new();
    let mut current: Vec<Match> = Vec::new();
    let close = |run: &mut Vec<Match>, out: &mut Vec<Run>| {
        if let (Some(first), Some(last)) = (run.first(), run.last()) {
            let (start, end) = (new[first.i].start, new[last.i].end);
            let weight: usize = run.iter().map(|m| new[m.i].len()).sum();
            let sum: f64 = run
                .iter()
                .map(|m| m.similarity * new[m.i].len() as f64)
                .sum();
            if end.saturating_sub(start) >= config.min_passage_bytes && weight > 0 {
                out.push(Run {
                    start,
                    end,
                    similarity: sum / weight as f64,
                });
            }
        }
        run.clear();
    };
    for &m in matches {
        let follows = current.last().is_some_and(|p| {
            m.i == p.i + 1
                && m.j > p.j
                && m.j <= p.j + 2
                && new[m.i].paragraph == new[p.i].paragraph
        });
        if !follows {
            close(&mut current, &mut out);
        }
        current.push(m);
    }
    close(&mut current, &mut out);
    out
}

/// The bytes of a list of units that some match covers (the new side's
/// units when `left`, else the other's).
pub(crate) fn covered(units: &[Unit], matches: &[Match], left: bool) -> usize {
    matches
        .iter()
        .filter_map(|m| units.get(if left { m.i } else { m.j }))
        .map(Unit::len)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::shingles;

    fn unit(text: &str, start: usize, paragraph: usize) -> Unit {
        Unit {
            start,
            end: start + text.len(),
            paragraph,
            shingles: shingles(text, 3),
            cluster: None,
        }
    }

    const A: &str = "Pékin rejette ces accusations et assure que la campagne en cours ne vise aucune communauté.";
    const B: &str = "Le contingent restera dans le pays le temps nécessaire selon le porte-parole du ministère.";
    const C: &str = "Des milliers de personnes ont des liens familiaux avec des habitants de la région voisine.";

    #[test]
    fn an_edited_sentence_next_to_a_copy_is_taken_in() {
        let config = CorpusConfig::default();
        // The second sentence has three words changed: below the match
        // similarity, above the extension one.
        let edited = A
            .replace("rejette", "dément")
            .replace("assure", "affirme")
            .replace("aucune", "nulle");
        let s = jaccard(&shingles(A, 3), &shingles(&edited, 3));
        assert!(
            s < config.match_similarity && s >= config.extend_similarity,
            "{s}"
        );
        let new = [unit(B, 0, 0), unit(&edited, 100, 0), unit(C, 300, 1)];
        let old = [unit(C, 0, 0), unit(B, 200, 3), unit(A, 300, 3)];
        let matches = align(&new, &old, &config);
        assert_eq!(
            matches.iter().map(|m| (m.i, m.j)).collect::<Vec<_>>(),
            vec![(0, 1), (1, 2), (2, 0)]
        );
        let runs = runs(&new, &matches, &config);
        assert_eq!(runs.len(), 2, "{runs:?}");
        assert_eq!((runs[0].start, runs[0].end), (0, 100 + edited.len()));
        assert!(runs[0].similarity > s && runs[0].similarity < 1.0);
        assert_eq!((runs[1].start, runs[1].similarity), (300, 1.0));
        assert_eq!(
            covered(&new, &matches, true),
            new.iter().map(Unit::len).sum::<usize>()
        );
    }

    #[test]
    fn an_edited_sentence_alone_is_not_a_match() {
        let config = CorpusConfig::default();
        let edited = A
            .replace("rejette", "dément")
            .replace("assure", "affirme")
            .replace("aucune", "nulle");
        let new = [unit(&edited, 0, 0)];
        let old = [unit(A, 0, 0)];
        assert!(align(&new, &old, &config).is_empty());
    }
}
