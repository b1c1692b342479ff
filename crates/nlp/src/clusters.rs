//! Word clusters learnt from raw text, a feature that lets the entity
//! recogniser generalise from the names it was trained on to words seen
//! only in raw text. Each word (lower-cased) seen often enough gets a
//! vector of its left and right neighbours (positive pointwise mutual
//! information, randomly projected to a few hundred dimensions), and
//! spherical k-means groups the vectors at three granularities.

use std::collections::HashMap;

use crate::error::NlpError;
use crate::features::lower;
use crate::hash::hash_ints;
use crate::model_file::{Reader, Writer};
use crate::perceptron::Rng;
use crate::strtable::StrTable;

/// Cluster counts of the three levels.
pub(crate) const LEVELS: [usize; 3] = [64, 256, 1024];
const DIMS: usize = 200;
const CONTEXTS: usize = 2000;
const MIN_COUNT: u32 = 4;

/// Word → cluster ids at each level.
#[derive(Debug, Clone, Default)]
pub(crate) struct Clusters {
    words: StrTable,
    /// Per word, the ids at the three levels packed: 8 + 12 + 12 bits... kept as three u32s.
    ids: Vec<u32>,
}

impl Clusters {
    /// The cluster ids of `form` at each level (0 = unknown word; ids start at 1).
    pub(crate) fn get(&self, form: &str) -> [u32; 3] {
        match self.words.get(&lower(form)) {
            Some(i) => {
                let i = i as usize * 3;
                [self.ids[i], self.ids[i + 1], self.ids[i + 2]]
            }
            None => [0; 3],
        }
    }

    /// Number of words.
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        self.words.write(w);
        w.u32s(&self.ids);
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Self, NlpError> {
        let c = Clusters {
            words: StrTable::read(r)?,
            ids: r.u32s()?,
        };
        if c.ids.len() != c.words.len() * 3 {
            return Err(r.err("cluster ids do not match the words"));
        }
        Ok(c)
    }

    /// Learns clusters from sentences of forms.
    pub(crate) fn learn(
        sentences: &[Vec<String>],
        seed: u64,
        log: &mut dyn FnMut(String),
    ) -> Clusters {
        // vocabulary
        let mut count: HashMap<String, u32> = HashMap::new();
        for s in sentences {
            for f in s {
                *count.entry(lower(f)).or_default() += 1;
            }
        }
        let mut vocab: Vec<(String, u32)> =
            count.into_iter().filter(|(_, c)| *c >= MIN_COUNT).collect();
        vocab.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let index: HashMap<&str, usize> = vocab
            .iter()
            .enumerate()
            .map(|(i, (w, _))| (w.as_str(), i))
            .collect();
        let n = vocab.len();
        let nctx = CONTEXTS.min(n);
        // co-occurrence with the most frequent words, left (c) and right (nctx + c)
        let mut co: Vec<HashMap<u32, f32>> = vec![HashMap::new(); n];
        let mut ctx_total = vec![0f64; 2 * nctx + 2];
        for s in sentences {
            let ids: Vec<Option<usize>> = s
                .iter()
                .map(|f| index.get(lower(f).as_str()).copied())
                .collect();
            for (i, w) in ids.iter().enumerate() {
                let Some(w) = *w else { continue };
                let left = if i == 0 {
                    Some(2 * nctx)
                } else {
                    ids[i - 1].filter(|&c| c < nctx)
                };
                let right = if i + 1 == ids.len() {
                    Some(2 * nctx + 1)
                } else {
                    ids[i + 1].filter(|&c| c < nctx).map(|c| nctx + c)
                };
                for c in [left, right].into_iter().flatten() {
                    *co[w].entry(c as u32).or_default() += 1.0;
                    ctx_total[c] += 1.0;
                }
            }
        }
        // PPMI with smoothed context probabilities, projected
        let smooth: Vec<f64> = ctx_total.iter().map(|c| c.powf(0.75)).collect();
        let zs: f64 = smooth.iter().sum::<f64>().max(1.0);
        let total: f64 = ctx_total.iter().sum::<f64>().max(1.0);
        let proj = |c: u32, d: usize| -> f32 {
            if hash_ints(0xc1, &[u64::from(c), d as u64]) & 1 == 0 {
                1.0
            } else {
                -1.0
            }
        };
        let mut vecs = vec![0f32; n * DIMS];
        for w in 0..n {
            let wt: f64 = co[w].values().map(|&x| f64::from(x)).sum::<f64>().max(1.0);
            let v = &mut vecs[w * DIMS..(w + 1) * DIMS];
            let mut entries: Vec<(&u32, &f32)> = co[w].iter().collect();
            entries.sort_by_key(|(c, _)| **c);
            for (&c, &x) in entries {
                let pmi =
                    ((f64::from(x) / total) / ((wt / total) * (smooth[c as usize] / zs))).ln();
                if pmi <= 0.0 {
                    continue;
                }
                for (d, vd) in v.iter_mut().enumerate() {
                    *vd += pmi as f32 * proj(c, d);
                }
            }
            normalise(v);
        }
        drop(co);
        let mut ids = vec![0u32; n * 3];
        let mut rng = Rng::new(seed);
        for (level, &k) in LEVELS.iter().enumerate() {
            let k = k.min(n.max(1));
            let assign = kmeans(&vecs, n, k, &mut rng);
            for w in 0..n {
                ids[w * 3 + level] = assign[w] + 1;
            }
            log(format!("clusters: {n} words into {k}"));
        }
        Clusters {
            words: StrTable::build(
                vocab
                    .into_iter()
                    .enumerate()
                    .map(|(i, (w, _))| (w, i as u32)),
            ),
            ids,
        }
    }
}

fn normalise(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

/// Spherical k-means; returns each vector's cluster.
fn kmeans(vecs: &[f32], n: usize, k: usize, rng: &mut Rng) -> Vec<u32> {
    let mut cent = vec![0f32; k * DIMS];
    for c in 0..k {
        let w = (rng.next() % n as u64) as usize;
        cent[c * DIMS..(c + 1) * DIMS].copy_from_slice(&vecs[w * DIMS..(w + 1) * DIMS]);
    }
    let mut assign = vec![0u32; n];
    for _ in 0..12 {
        for (w, a) in assign.iter_mut().enumerate() {
            let v = &vecs[w * DIMS..(w + 1) * DIMS];
            let mut best = (0usize, f32::MIN);
            for c in 0..k {
                let d: f32 = cent[c * DIMS..(c + 1) * DIMS]
                    .iter()
                    .zip(v)
                    .map(|(a, b)| a * b)
                    .sum();
                if d > best.1 {
                    best = (c, d);
                }
            }
            *a = best.0 as u32;
        }
        let mut sums = vec![0f32; k * DIMS];
        for (w, &a) in assign.iter().enumerate() {
            let a = a as usize;
            for d in 0..DIMS {
                sums[a * DIMS + d] += vecs[w * DIMS + d];
            }
        }
        for c in 0..k {
            let s = &mut sums[c * DIMS..(c + 1) * DIMS];
            if s.iter().any(|x| *x != 0.0) {
                normalise(s);
                cent[c * DIMS..(c + 1) * DIMS].copy_from_slice(s);
            }
        }
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_contexts_share_clusters() {
        let mut sents = Vec::new();
        for city in ["Paris", "Lyon", "Lille", "Nantes"] {
            for _ in 0..5 {
                sents.push(
                    ["il", "habite", "à", city, "depuis", "longtemps"]
                        .map(String::from)
                        .to_vec(),
                );
            }
        }
        for v in ["mange", "boit", "voit", "prend"] {
            for _ in 0..5 {
                sents.push(["le", "chat", v, "du", "lait"].map(String::from).to_vec());
            }
        }
        let c = Clusters::learn(&sents, 3, &mut |_| {});
        assert!(c.len() > 10);
        assert_eq!(c.get("Paris")[0], c.get("lyon")[0]);
        assert_eq!(c.get("inconnu"), [0; 3]);
    }
}
