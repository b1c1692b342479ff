//! The dependency parser: arc-hybrid transitions (shift, left-arc,
//! right-arc) chosen greedily by an averaged perceptron, trained with the
//! dynamic oracle of Goldberg & Nivre (2013), so that it learns to recover
//! from its own mistakes; a second perceptron labels each arc as it is made
//! (UD relations, subtypes included). Words are syntactic words (after
//! multi-word tokens are expanded); ROOT takes exactly one dependent.

use std::collections::HashMap;

use crate::conllu::UdSentence;
use crate::error::NlpError;
use crate::features::lower;
use crate::hash::{hash_ints, hash_str};
use crate::model_file::{Reader, Writer};
use crate::perceptron::{Rng, Trainer, Weights, argmax_f32, argmax_i32};
use crate::tags::Upos;

const KIND: &str = "parser";
const VERSION: u32 = 1;
const SHIFT: usize = 0;
const LEFT: usize = 1;
const RIGHT: usize = 2;
const NONE: u64 = 0x9999;

/// The trained parser.
#[derive(Debug, Clone)]
pub(crate) struct Parser {
    labels: Vec<String>,
    root: u32,
    moves: Weights,
    labeller: Weights,
}

/// A word as the parser sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PWord {
    w: u64,
    t: u64,
    suf: u64,
}

impl PWord {
    /// From a form and its UPOS.
    pub(crate) fn new(form: &str, upos: Upos) -> PWord {
        let low = lower(form);
        let n = low.chars().count();
        let suf: String = low.chars().skip(n.saturating_sub(3)).collect();
        PWord {
            w: hash_str(11, &low),
            t: upos.index() as u64 + 1,
            suf: hash_str(12, &suf),
        }
    }
}

/// A parser configuration: stack, buffer front, arcs so far.
struct State {
    /// Words 1..=n; 0 is ROOT.
    n: usize,
    stack: Vec<usize>,
    b: usize,
    head: Vec<usize>,
    label: Vec<u32>,
    /// Leftmost and rightmost dependents of each word (0 = none).
    lc: Vec<usize>,
    rc: Vec<usize>,
    nl: Vec<u32>,
    nr: Vec<u32>,
}

impl State {
    fn new(n: usize) -> State {
        State {
            n,
            stack: vec![0],
            b: 1,
            head: vec![usize::MAX; n + 1],
            label: vec![0; n + 1],
            lc: vec![0; n + 1],
            rc: vec![0; n + 1],
            nl: vec![0; n + 1],
            nr: vec![0; n + 1],
        }
    }

    fn done(&self) -> bool {
        self.b > self.n && self.stack.len() == 1
    }

    fn valid(&self, m: usize) -> bool {
        let has_b = self.b <= self.n;
        match m {
            SHIFT => has_b,
            LEFT => self.stack.len() > 1 && has_b,
            _ => self.stack.len() > 2 || (self.stack.len() == 2 && !has_b),
        }
    }

    fn s(&self, k: usize) -> Option<usize> {
        self.stack.len().checked_sub(k + 1).map(|i| self.stack[i])
    }

    fn bw(&self, k: usize) -> Option<usize> {
        let i = self.b + k;
        (i <= self.n).then_some(i)
    }

    /// The arc a move would make: (head, dependent).
    fn arc(&self, m: usize) -> Option<(usize, usize)> {
        let s0 = self.s(0)?;
        match m {
            LEFT => Some((self.b, s0)),
            RIGHT => Some((self.s(1)?, s0)),
            _ => None,
        }
    }

    fn apply(&mut self, m: usize, label: u32) {
        if m == SHIFT {
            self.stack.push(self.b);
            self.b += 1;
            return;
        }
        let Some((h, d)) = self.arc(m) else { return };
        self.stack.pop();
        self.head[d] = h;
        self.label[d] = label;
        if d < h {
            if self.lc[h] == 0 || d < self.lc[h] {
                self.lc[h] = d;
            }
            self.nl[h] += 1;
        } else {
            if d > self.rc[h] {
                self.rc[h] = d;
            }
            self.nr[h] += 1;
        }
    }

    /// Dynamic-oracle cost of move `m` against gold heads `g` (1-based; 0 = ROOT).
    fn cost(&self, m: usize, g: &[usize]) -> usize {
        let in_buffer = |k: usize| k >= self.b && k <= self.n;
        match m {
            SHIFT => {
                let b = self.b;
                let s0 = self.s(0);
                let deps = self.stack.iter().filter(|&&k| k != 0 && g[k] == b).count();
                let head_lost = Some(g[b]) != s0 && self.stack.contains(&g[b]);
                deps + usize::from(head_lost)
            }
            LEFT | RIGHT => {
                let Some(s0) = self.s(0) else {
                    return usize::MAX;
                };
                let deps = (self.b..=self.n).filter(|&k| g[k] == s0).count();
                let h = g[s0];
                let lost = if m == LEFT {
                    h != self.b && (Some(h) == self.s(1) || in_buffer(h))
                } else {
                    in_buffer(h)
                };
                deps + usize::from(lost)
            }
            _ => usize::MAX,
        }
    }
}

fn word(ws: &[PWord], i: Option<usize>) -> (u64, u64, u64) {
    match i {
        None => (NONE, NONE, NONE),
        Some(0) => (1, 1, 1),
        Some(k) => ws
            .get(k - 1)
            .map_or((NONE, NONE, NONE), |x| (x.w, x.t, x.suf)),
    }
}

fn features(st: &State, ws: &[PWord], out: &mut Vec<u64>) {
    out.clear();
    let s0i = st.s(0);
    let s1i = st.s(1);
    let (s0w, s0t, s0s) = word(ws, s0i);
    let (s1w, s1t, _) = word(ws, s1i);
    let (s2w, s2t, _) = word(ws, st.s(2));
    let b0i = st.bw(0);
    let (b0w, b0t, b0s) = word(ws, b0i);
    let (b1w, b1t, _) = word(ws, st.bw(1));
    let (_, b2t, _) = word(ws, st.bw(2));
    let kid = |i: Option<usize>, left: bool| -> (u64, u64) {
        match i {
            Some(x) if x > 0 => {
                let c = if left { st.lc[x] } else { st.rc[x] };
                if c == 0 {
                    (NONE, NONE)
                } else {
                    (word(ws, Some(c)).1, u64::from(st.label[c]) + 7)
                }
            }
            _ => (NONE, NONE),
        }
    };
    let (s0lt, s0ll) = kid(s0i, true);
    let (s0rt, s0rl) = kid(s0i, false);
    let (s1rt, s1rl) = kid(s1i, false);
    let (b0lt, b0ll) = kid(b0i, true);
    let dist = match (s0i, b0i) {
        (Some(a), Some(b)) if a > 0 => (b - a).min(6) as u64,
        _ => 0,
    };
    let val = |i: Option<usize>| i.map_or((0, 0), |x| (u64::from(st.nl[x]), u64::from(st.nr[x])));
    let (s0vl, s0vr) = val(s0i);
    let (b0vl, _) = val(b0i);
    let f = [
        hash_ints(501, &[s0w]),
        hash_ints(502, &[s0t]),
        hash_ints(503, &[s0w, s0t]),
        hash_ints(504, &[s1w]),
        hash_ints(505, &[s1t]),
        hash_ints(506, &[s1w, s1t]),
        hash_ints(507, &[b0w]),
        hash_ints(508, &[b0t]),
        hash_ints(509, &[b0w, b0t]),
        hash_ints(510, &[b1w]),
        hash_ints(511, &[b1t]),
        hash_ints(512, &[b1w, b1t]),
        hash_ints(513, &[b2t]),
        hash_ints(514, &[s2t]),
        hash_ints(515, &[s0w, b0w]),
        hash_ints(516, &[s0t, b0t]),
        hash_ints(517, &[s0w, s0t, b0t]),
        hash_ints(518, &[s0t, b0w, b0t]),
        hash_ints(519, &[s0w, b0t]),
        hash_ints(520, &[s0t, b0w]),
        hash_ints(521, &[s1t, s0t]),
        hash_ints(522, &[s1w, s0w]),
        hash_ints(523, &[s1t, s0t, b0t]),
        hash_ints(524, &[s0t, b0t, b1t]),
        hash_ints(525, &[b0t, b1t, b2t]),
        hash_ints(526, &[s2t, s1t, s0t]),
        hash_ints(527, &[s0t, s0lt, b0t]),
        hash_ints(528, &[s0t, s0rt, b0t]),
        hash_ints(529, &[s0t, b0t, b0lt]),
        hash_ints(530, &[s0rl]),
        hash_ints(531, &[s0ll]),
        hash_ints(532, &[b0ll]),
        hash_ints(533, &[s0w, dist]),
        hash_ints(534, &[s0t, b0t, dist]),
        hash_ints(535, &[s0t, s0vl, s0vr]),
        hash_ints(536, &[b0t, b0vl]),
        hash_ints(537, &[s1t, s1rt, s0t]),
        hash_ints(538, &[s1rl, s0t]),
        hash_ints(539, &[s0t, s0ll, s0rl]),
        hash_ints(540, &[b0w, b1w]),
        hash_ints(541, &[s0w, s1t, b0t]),
        hash_ints(542, &[s0s, b0t]),
        hash_ints(543, &[s0t, b0s]),
        hash_ints(544, &[s2w, s1t, s0t]),
        hash_ints(545, &[s1w, s0t, b0t]),
    ];
    out.extend_from_slice(&f);
}

fn label_features(st: &State, ws: &[PWord], h: usize, d: usize, out: &mut Vec<u64>) {
    out.clear();
    let dir = u64::from(d < h) + 1;
    let (dw, dt, ds) = word(ws, Some(d));
    let (hw, ht, _) = word(ws, Some(h));
    let lcw = if st.lc[d] > 0 {
        word(ws, Some(st.lc[d])).0
    } else {
        NONE
    };
    let lcl = if st.lc[d] > 0 {
        u64::from(st.label[st.lc[d]]) + 7
    } else {
        NONE
    };
    let rcl = if st.rc[d] > 0 {
        u64::from(st.label[st.rc[d]]) + 7
    } else {
        NONE
    };
    let prev_t = word(ws, (d > 1).then(|| d - 1)).1;
    let next_t = word(ws, (d < st.n).then(|| d + 1)).1;
    let dist = if h == 0 {
        9
    } else {
        h.abs_diff(d).min(6) as u64
    };
    let f = [
        hash_ints(601, &[dir]),
        hash_ints(602, &[dir, dt]),
        hash_ints(603, &[dir, dw]),
        hash_ints(604, &[dir, ht]),
        hash_ints(605, &[dir, hw]),
        hash_ints(606, &[dir, dt, ht]),
        hash_ints(607, &[dir, dw, ht]),
        hash_ints(608, &[dir, dt, hw]),
        hash_ints(609, &[dir, dt, ht, dist]),
        hash_ints(610, &[dir, dt, lcl]),
        hash_ints(611, &[dir, dt, rcl]),
        hash_ints(612, &[dir, dt, next_t]),
        hash_ints(613, &[dir, dt, prev_t]),
        hash_ints(614, &[dir, dt, lcw]),
        hash_ints(615, &[dir, dw, hw]),
        hash_ints(616, &[dir, ds, ht]),
        hash_ints(617, &[dir, dt, ht, lcw]),
        hash_ints(618, &[dir, dt, u64::from(st.nl[d]), u64::from(st.nr[d])]),
    ];
    out.extend_from_slice(&f);
}

impl Parser {
    /// Heads (0-based word index, `None` for the root) and relation names.
    pub(crate) fn parse(&self, ws: &[PWord]) -> Vec<(Option<usize>, &str)> {
        let n = ws.len();
        let mut st = State::new(n);
        let mut feats = Vec::with_capacity(48);
        let mut lf = Vec::with_capacity(20);
        let mut scores = Vec::with_capacity(3);
        let mut lscores = Vec::with_capacity(self.labels.len());
        while !st.done() {
            features(&st, ws, &mut feats);
            self.moves.scores(&feats, &mut scores);
            let Some(m) = argmax_i32(&scores, |m| st.valid(m)) else {
                break;
            };
            let mut label = 0;
            if let Some((h, d)) = st.arc(m) {
                if h == 0 {
                    label = self.root;
                } else {
                    label_features(&st, ws, h, d, &mut lf);
                    self.labeller.scores(&lf, &mut lscores);
                    let root = self.root as usize;
                    label = argmax_i32(&lscores, |l| l != root).unwrap_or(0) as u32;
                }
            }
            st.apply(m, label);
        }
        (1..=n)
            .map(|d| {
                let h = st.head[d];
                let head = if h == 0 || h == usize::MAX {
                    None
                } else {
                    Some(h - 1)
                };
                let l = self
                    .labels
                    .get(st.label[d] as usize)
                    .map_or("dep", String::as_str);
                (head, if h == usize::MAX { "root" } else { l })
            })
            .collect()
    }

    /// The model file.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new(KIND, VERSION);
        w.strs(&self.labels);
        w.u32(self.root);
        self.moves.write(&mut w);
        self.labeller.write(&mut w);
        w.finish()
    }

    /// Reads a file written by [`Parser::to_bytes`].
    pub(crate) fn from_bytes(data: &[u8], name: &str) -> Result<Self, NlpError> {
        let mut r = Reader::open(data, name, KIND, VERSION)?;
        let labels = r.strs()?;
        let root = r.u32()?;
        let moves = Weights::read(&mut r)?;
        let labeller = Weights::read(&mut r)?;
        r.done()?;
        if moves.classes() != 3
            || labeller.classes() != labels.len()
            || root as usize >= labels.len()
        {
            return Err(r.err("weight tables do not match the transitions and labels"));
        }
        Ok(Parser {
            labels,
            root,
            moves,
            labeller,
        })
    }
}

/// Settings of parser training.
#[derive(Debug, Clone)]
pub struct ParserSettings {
    /// Passes over the data.
    pub epochs: usize,
    /// log2 of the rows of the transition table.
    pub bits: u32,
    /// log2 of the rows of the label table.
    pub label_bits: u32,
    /// Shuffling seed.
    pub seed: u64,
}

impl Default for ParserSettings {
    fn default() -> Self {
        ParserSettings {
            epochs: 10,
            bits: 20,
            label_bits: 16,
            seed: 11,
        }
    }
}

/// Trains on treebank sentences, each with the UPOS its words will be parsed
/// with (predicted tags, so that training sees the tagger's mistakes).
pub(crate) fn train(
    sents: &[(&UdSentence, Vec<Upos>)],
    dev: &[(&UdSentence, Vec<Upos>)],
    cfg: &ParserSettings,
    log: &mut dyn FnMut(String),
) -> Result<Parser, NlpError> {
    let mut labels: Vec<String> = vec!["root".into()];
    let mut index: HashMap<String, u32> = HashMap::from([("root".to_string(), 0)]);
    for (s, _) in sents {
        for w in &s.words {
            if !index.contains_key(&w.deprel) {
                index.insert(w.deprel.clone(), labels.len() as u32);
                labels.push(w.deprel.clone());
            }
        }
    }
    if sents.is_empty() {
        return Err(NlpError::Config("no parser training sentences".into()));
    }
    let data: Vec<(Vec<PWord>, Vec<usize>, Vec<u32>)> = sents
        .iter()
        .map(|(s, tags)| {
            let ws = s
                .words
                .iter()
                .zip(tags)
                .map(|(w, &u)| PWord::new(&w.form, u))
                .collect();
            let mut g = vec![0usize];
            g.extend(s.words.iter().map(|w| w.head));
            let mut l = vec![0u32];
            l.extend(
                s.words
                    .iter()
                    .map(|w| index.get(&w.deprel).copied().unwrap_or(0)),
            );
            (ws, g, l)
        })
        .collect();
    let mut moves = Trainer::new(cfg.bits, 3);
    let mut lab = Trainer::new(cfg.label_bits, labels.len());
    let mut rng = Rng::new(cfg.seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let (mut feats, mut lf, mut scores, mut ls) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        let (mut ok, mut n) = (0usize, 0usize);
        for &si in &order {
            let (ws, g, gl) = &data[si];
            let mut st = State::new(ws.len());
            while !st.done() {
                features(&st, ws, &mut feats);
                moves.scores(&feats, &mut scores);
                let costs: Vec<usize> = (0..3)
                    .map(|m| {
                        if st.valid(m) {
                            st.cost(m, g)
                        } else {
                            usize::MAX
                        }
                    })
                    .collect();
                let min = costs.iter().copied().min().unwrap_or(usize::MAX);
                let Some(pred) = argmax_f32(&scores, |m| costs[m] != usize::MAX) else {
                    break;
                };
                let Some(gold) = argmax_f32(&scores, |m| costs[m] == min) else {
                    break;
                };
                moves.update(&feats, gold, pred);
                moves.tick();
                ok += usize::from(costs[pred] == min);
                n += 1;
                let next = if epoch > 0 && !rng.next().is_multiple_of(10) {
                    pred
                } else {
                    gold
                };
                let mut label = 0;
                if let Some((h, d)) = st.arc(next) {
                    if h == 0 {
                        label = 0;
                    } else {
                        label_features(&st, ws, h, d, &mut lf);
                        lab.scores(&lf, &mut ls);
                        let guess = argmax_f32(&ls, |l| l != 0).unwrap_or(0);
                        if g[d] == h {
                            lab.update(&lf, gl[d] as usize, guess);
                            lab.tick();
                        }
                        label = guess as u32;
                    }
                }
                st.apply(next, label);
            }
        }
        let mut msg = format!(
            "parser epoch {}: optimal moves {:.2}%",
            epoch + 1,
            100.0 * ok as f64 / n.max(1) as f64
        );
        if !dev.is_empty() && (epoch + 1 == cfg.epochs || epoch % 3 == 2) {
            let p = Parser {
                labels: labels.clone(),
                root: 0,
                moves: moves.finish(),
                labeller: lab.finish(),
            };
            let (mut uas, mut las, mut tot) = (0usize, 0usize, 0usize);
            for (s, tags) in dev {
                let ws: Vec<PWord> = s
                    .words
                    .iter()
                    .zip(tags)
                    .map(|(w, &u)| PWord::new(&w.form, u))
                    .collect();
                for (w, (h, l)) in s.words.iter().zip(p.parse(&ws)) {
                    tot += 1;
                    if h.map_or(0, |x| x + 1) == w.head {
                        uas += 1;
                        las += usize::from(l == w.deprel);
                    }
                }
            }
            msg.push_str(&format!(
                ", dev UAS {:.2}% LAS {:.2}%",
                100.0 * uas as f64 / tot.max(1) as f64,
                100.0 * las as f64 / tot.max(1) as f64
            ));
        }
        log(msg);
    }
    Ok(Parser {
        labels,
        root: 0,
        moves: moves.finish(),
        labeller: lab.finish(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::{SAMPLE, parse};

    #[test]
    fn oracle_parses_gold_and_model_learns() {
        let sents = parse(&SAMPLE.repeat(4), std::path::Path::new("s")).expect("parses");
        let data: Vec<(&UdSentence, Vec<Upos>)> = sents
            .iter()
            .map(|s| {
                (
                    s,
                    s.words
                        .iter()
                        .map(|w| Upos::parse(&w.upos).unwrap_or(Upos::X))
                        .collect(),
                )
            })
            .collect();
        let cfg = ParserSettings {
            epochs: 6,
            bits: 12,
            label_bits: 10,
            seed: 3,
        };
        let p = train(&data, &[], &cfg, &mut |_| {}).expect("trains");
        let p = Parser::from_bytes(&p.to_bytes(), "p").expect("reads");
        let ws: Vec<PWord> = data[0]
            .0
            .words
            .iter()
            .zip(&data[0].1)
            .map(|(w, &u)| PWord::new(&w.form, u))
            .collect();
        let out = p.parse(&ws);
        let heads: Vec<usize> = out.iter().map(|(h, _)| h.map_or(0, |x| x + 1)).collect();
        assert_eq!(heads, vec![2, 0, 5, 5, 2, 2]);
        assert_eq!(out[4].1, "obl");
        assert_eq!(out[1].1, "root");
    }
}
