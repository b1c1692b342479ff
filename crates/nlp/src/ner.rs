//! The named-entity recogniser: a greedy BIO tagger over surface tokens
//! (PER, ORG, LOC, MISC) with the tagger's UPOS among its features. An `I-`
//! label may only follow a `B-` or `I-` of its type, so every output span is
//! well formed.

use crate::clusters::Clusters;
use crate::dense::{self, Dense, DenseSettings, TokIn};
use crate::error::NlpError;
use crate::features::{self, Ctx};
use crate::model_file::{Reader, Writer};
use crate::ner_data::NerSentence;
use crate::perceptron::{Rng, Trainer, Weights, argmax_f32, argmax_i32};
use crate::tags::{ENTITY_KINDS, EntityKind};
use crate::vectors::{VecIds, WordVectors};

const KIND: &str = "ner";
const VERSION: u32 = 4;
/// O, then B and I of each type.
const CLASSES: usize = 1 + 2 * ENTITY_KINDS.len();

/// The trained recogniser.
#[derive(Debug, Clone)]
pub(crate) struct Ner {
    weights: Weights,
    clusters: Clusters,
    vectors: WordVectors,
    /// The network over dense vectors; when present it labels the tokens and
    /// the perceptron is not used.
    dense: Option<Dense>,
    /// Weight of the perceptron's scores (log-softmax of the scores times
    /// this) added to the network's log-probabilities, decoding greedily;
    /// 0: the network alone, decoded by Viterbi.
    mix: f32,
}

/// The vector ids of `forms` (empty when the model has no vectors).
fn vec_ids(v: &WordVectors, forms: &[&str]) -> Vec<VecIds> {
    if v.len() > 0 {
        forms.iter().map(|f| v.get(f)).collect()
    } else {
        Vec::new()
    }
}

/// How far from a token with a capital letter or a digit the network runs.
const NEAR: usize = 2;

/// Marks the tokens within `k` of one with a capital letter or a digit.
fn near_marks(forms: &[&str], k: usize) -> Vec<bool> {
    let n = forms.len();
    let mut out = vec![false; n];
    let mut last: Option<usize> = None;
    for (i, f) in forms.iter().enumerate() {
        if f.chars().any(|c| c.is_uppercase() || c.is_ascii_digit()) {
            let from = last.map_or(i.saturating_sub(k), |l| {
                (l + k + 1).max(i.saturating_sub(k))
            });
            for x in &mut out[from.min(i)..(i + k + 1).min(n)] {
                *x = true;
            }
            last = Some(i);
        }
    }
    out
}

fn allowed(prev: u32, c: usize) -> bool {
    // I-k (even, ≥ 2) only after B-k (c - 1) or I-k (c)
    c == 0 || c % 2 == 1 || prev as usize == c - 1 || prev as usize == c
}

/// Entity spans of a label sequence.
fn spans(labels: &[u32]) -> Vec<(usize, usize, EntityKind)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        let c = labels[i] as usize;
        if c % 2 == 1 {
            let k = ENTITY_KINDS[(c - 1) / 2];
            let mut j = i + 1;
            while j < labels.len() && labels[j] as usize == c + 1 {
                j += 1;
            }
            out.push((i, j, k));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Gold labels of a sentence.
fn labels(s: &NerSentence) -> Vec<u32> {
    let mut l = vec![0u32; s.forms.len()];
    for &(a, b, k) in &s.entities {
        for (i, x) in l.iter_mut().enumerate().take(b.min(s.forms.len())).skip(a) {
            *x = (1 + 2 * k.index() + usize::from(i > a)) as u32;
        }
    }
    l
}

impl Ner {
    /// Entities of a sentence, given its tokens' tag classes.
    pub(crate) fn recognise(
        &self,
        ctx: &Ctx,
        forms: &[&str],
        upos: &[u32],
    ) -> Vec<(usize, usize, EntityKind)> {
        let clus: Vec<[u32; 3]> = if self.clusters.len() > 0 {
            forms.iter().map(|f| self.clusters.get(f)).collect()
        } else {
            Vec::new()
        };
        let vecs = vec_ids(&self.vectors, forms);
        let out = match &self.dense {
            Some(net) if self.mix <= 0.0 => net.labels(&dense::inputs(ctx, upos, &vecs)),
            dense => {
                // the network only near a capital letter or a digit: a name
                // needs one, and elsewhere the perceptron decides alone
                let lp = dense.as_ref().map(|net| {
                    let need = near_marks(forms, NEAR);
                    net.log_probs_at(&dense::inputs(ctx, upos, &vecs), &need)
                });
                let mut out: Vec<u32> = Vec::with_capacity(ctx.len());
                let mut feats = Vec::with_capacity(64);
                let mut scores = Vec::with_capacity(CLASSES);
                let mut comb = [0f32; CLASSES];
                for i in 0..ctx.len() {
                    features::ner(ctx, i, upos, &clus, &vecs, &out, &mut feats);
                    self.weights.scores(&feats, &mut scores);
                    let prev = out.last().copied().unwrap_or(0);
                    let guess = match &lp {
                        None => argmax_i32(&scores, |c| allowed(prev, c)),
                        Some(lp) => {
                            let m = scores.iter().copied().max().unwrap_or(0);
                            let z = scores
                                .iter()
                                .map(|&x| (self.mix * (x - m) as f32).exp())
                                .sum::<f32>()
                                .ln();
                            for c in 0..CLASSES {
                                comb[c] =
                                    lp[i * CLASSES + c] + self.mix * (scores[c] - m) as f32 - z;
                            }
                            argmax_f32(&comb, |c| allowed(prev, c))
                        }
                    };
                    out.push(guess.unwrap_or(0) as u32);
                }
                out
            }
        };
        // a name has a capital letter somewhere: drop `70-61`, `%`, `de`
        // a mark at either end is not part of a name (`- Centre`)
        let mark = |f: &str| !f.is_empty() && f.chars().all(|c| !c.is_alphanumeric());
        spans(&out)
            .into_iter()
            .map(|(mut a, mut b, k)| {
                while b - a > 1 && forms.get(a).is_some_and(|f| mark(f)) {
                    a += 1;
                }
                while b - a > 1 && forms.get(b - 1).is_some_and(|f| mark(f)) {
                    b -= 1;
                }
                (a, b, k)
            })
            .filter(|&(a, b, _)| !forms.get(a..b).is_some_and(|fs| fs.iter().all(|f| mark(f))))
            .filter(|&(a, b, _)| {
                forms[a..b.min(forms.len())]
                    .iter()
                    .any(|f| f.chars().any(char::is_uppercase))
            })
            .collect()
    }

    /// Sets the weight of the perceptron beside the network.
    pub(crate) fn set_mix(&mut self, mix: f32) {
        self.mix = mix.max(0.0);
    }

    /// The model file.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new(KIND, VERSION);
        self.weights.write(&mut w);
        self.clusters.write(&mut w);
        self.vectors.write(&mut w);
        match &self.dense {
            Some(d) => {
                w.u8(1);
                d.write(&mut w);
                w.u32(self.mix.to_bits());
            }
            None => w.u8(0),
        }
        w.finish()
    }

    /// Reads a file written by [`Ner::to_bytes`].
    pub(crate) fn from_bytes(data: &[u8], name: &str) -> Result<Self, NlpError> {
        // version 3 is version 4 without the network
        let (mut r, v3) = match Reader::open(data, name, KIND, VERSION) {
            Ok(r) => (r, false),
            Err(e) => match Reader::open(data, name, KIND, 3) {
                Ok(r) => (r, true),
                Err(_) => return Err(e),
            },
        };
        let weights = Weights::read(&mut r)?;
        let clusters = Clusters::read(&mut r)?;
        let vectors = WordVectors::read(&mut r)?;
        let dense = match if v3 { 0 } else { r.u8()? } {
            0 => None,
            1 => Some(Dense::read(&mut r)?),
            _ => return Err(r.err("bad network flag")),
        };
        let mix = if dense.is_some() {
            f32::from_bits(r.u32()?)
        } else {
            0.0
        };
        if !mix.is_finite() || mix < 0.0 {
            return Err(r.err("a bad mixing weight"));
        }
        r.done()?;
        if weights.classes() != CLASSES {
            return Err(r.err("weight table does not have the BIO classes"));
        }
        Ok(Ner {
            weights,
            clusters,
            vectors,
            dense,
            mix,
        })
    }
}

/// Settings of entity-recogniser training.
#[derive(Debug, Clone)]
pub struct NerSettings {
    /// Passes over the data.
    pub epochs: usize,
    /// log2 of the rows of the weight table.
    pub bits: u32,
    /// Shuffling seed.
    pub seed: u64,
}

impl Default for NerSettings {
    fn default() -> Self {
        NerSettings {
            epochs: 10,
            bits: 19,
            seed: 7,
        }
    }
}

/// Trains on sentences already turned into contexts and tag classes.
pub(crate) fn train(
    data: &[(Ctx, Vec<u32>, &NerSentence)],
    clusters: Clusters,
    vectors: WordVectors,
    cfg: &NerSettings,
    log: &mut dyn FnMut(String),
) -> Result<Ner, NlpError> {
    if data.is_empty() {
        return Err(NlpError::Config("no entity training sentences".into()));
    }
    let gold: Vec<Vec<u32>> = data.iter().map(|(_, _, s)| labels(s)).collect();
    let clus: Vec<Vec<[u32; 3]>> = data
        .iter()
        .map(|(_, _, s)| {
            if clusters.len() > 0 {
                s.forms.iter().map(|f| clusters.get(f)).collect()
            } else {
                Vec::new()
            }
        })
        .collect();
    let vecs: Vec<Vec<VecIds>> = data
        .iter()
        .map(|(_, _, s)| {
            let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
            vec_ids(&vectors, &forms)
        })
        .collect();
    let mut tr = Trainer::new(cfg.bits, CLASSES);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng::new(cfg.seed);
    let mut feats = Vec::new();
    let mut scores = Vec::new();
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        let (mut ok, mut n) = (0usize, 0usize);
        for &si in &order {
            let (ctx, upos, _) = &data[si];
            let g = &gold[si];
            let mut pred: Vec<u32> = Vec::with_capacity(g.len());
            for (i, &gi) in g.iter().enumerate() {
                features::ner(ctx, i, upos, &clus[si], &vecs[si], &pred, &mut feats);
                tr.scores(&feats, &mut scores);
                let prev = pred.last().copied().unwrap_or(0);
                let guess = argmax_f32(&scores, |c| allowed(prev, c)).unwrap_or(0);
                tr.update(&feats, gi as usize, guess);
                tr.tick();
                ok += usize::from(guess == gi as usize);
                n += 1;
                pred.push(guess as u32);
            }
        }
        log(format!(
            "ner epoch {}: train label accuracy {:.2}%",
            epoch + 1,
            100.0 * ok as f64 / n.max(1) as f64
        ));
    }
    Ok(Ner {
        weights: tr.finish(),
        clusters,
        vectors,
        dense: None,
        mix: 0.0,
    })
}

/// Trains the network over dense vectors (`vecs`, rows of the vectors of
/// `ner`) on the same sentences and puts it into `ner`. `report` scores the
/// recogniser after each pass (held-out agreement).
pub(crate) fn train_dense(
    ner: &mut Ner,
    data: &[(Ctx, Vec<u32>, &NerSentence)],
    vecs: Vec<f32>,
    cfg: &DenseSettings,
    report: &mut dyn FnMut(&Ner) -> String,
    log: &mut dyn FnMut(String),
) -> Result<(), NlpError> {
    let set: Vec<(Vec<TokIn>, Vec<u32>)> = data
        .iter()
        .map(|(ctx, upos, s)| {
            let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
            let v = vec_ids(&ner.vectors, &forms);
            (dense::inputs(ctx, upos, &v), labels(s))
        })
        .collect();
    let mut probe = ner.clone();
    let mut rep = |d: &Dense| {
        probe.dense = Some(d.clone());
        let mut out = String::new();
        for &m in &cfg.report_mixes {
            probe.mix = m;
            out.push_str(&format!(" [mix {m}]{}", report(&probe)));
        }
        out
    };
    let net = dense::train(&set, vecs, cfg, &mut rep, log)?;
    ner.dense = Some(net);
    ner.mix = cfg.mix;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_spans_agree() {
        let s = NerSentence {
            forms: ["Emmanuel", "Macron", "à", "Paris"]
                .map(String::from)
                .to_vec(),
            space_after: vec![true; 4],
            entities: vec![(0, 2, EntityKind::Per), (3, 4, EntityKind::Loc)],
        };
        assert_eq!(spans(&labels(&s)), s.entities);
        assert!(!allowed(0, 2));
        assert!(allowed(1, 2));
    }

    #[test]
    fn the_network_runs_near_capitals_and_digits() {
        let forms = [
            "le", "chat", "de", "la", "voisine", "dort", "à", "Paris", "depuis", "1990",
        ];
        let near = near_marks(&forms, 2);
        assert_eq!(
            near,
            [
                false, false, false, false, false, true, true, true, true, true
            ]
        );
        assert!(near_marks(&["il", "pleut"], 4).iter().all(|&b| !b));
    }
}
