//! A small feed-forward network that scores entity labels (BIO over PER,
//! ORG, LOC, MISC) from dense word vectors and learnt embeddings, run on the
//! CPU with plain `f32` loops.
//!
//! Each token is the concatenation of its word vector (the teacher's vector
//! row reduced to [`VEC_DIMS`] principal components, fixed during training;
//! zero when the word is unknown) and learnt embeddings of hashed features:
//! the lower-cased form, its first and last three letters, its shape, its
//! lexicon classes, its part of speech and its capitalisation flags (with
//! "first of the sentence" and how the vector was found). Three windowed
//! layers follow: ±2 tokens into a hidden layer (ReLU), ±1 of those into a
//! second (ReLU), then the label scores. A sentence is decoded by Viterbi
//! over the log-probabilities with the BIO constraint (an `I-` only after a
//! `B-` or `I-` of its type).
//!
//! Training ([`train`]) minimises the cross-entropy of each token's label
//! with Adam (lazy for the embedding rows a batch touches), dropout on the
//! token inputs and, for the lower-cased form, whole-word dropout, so the
//! network leans on the vectors and the shape for words it has seen rarely.
//! Everything is seeded: the same data and settings give the same file.

use crate::error::NlpError;
use crate::features::Ctx;
use crate::model_file::{Reader, Writer};
use crate::perceptron::Rng;
use crate::vectors::VecIds;

/// Dimensions of the fixed word vectors.
pub(crate) const VEC_DIMS: usize = 64;
/// Labels: O, then B and I of each type.
const C: usize = 9;

/// Sizes of the learnt embedding tables: (log2 rows, dimensions), in the
/// order of [`Feat`].
const TABLES: [(u32, usize); 7] = [
    (15, 32), // lower-cased form
    (13, 16), // first three letters
    (13, 16), // last three letters
    (10, 8),  // shape
    (10, 8),  // lexicon classes
    (5, 8),   // part of speech
    (8, 8),   // flags, first of sentence, how the vector was found
];
const N_TABLES: usize = TABLES.len();
const LOWER: usize = 0;

/// Width of a token's input.
const fn input_dims() -> usize {
    let mut d = VEC_DIMS;
    let mut i = 0;
    while i < N_TABLES {
        d += TABLES[i].1;
        i += 1;
    }
    d
}
const D: usize = input_dims();

/// One token's inputs: its vector row (plus one; 0 unknown) and the row of
/// each embedding table.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokIn {
    row: u32,
    feats: [u32; N_TABLES],
}

/// The inputs of a sentence's tokens.
pub(crate) fn inputs(ctx: &Ctx, upos: &[u32], vecs: &[VecIds]) -> Vec<TokIn> {
    let n = ctx.len();
    (0..n)
        .map(|i| {
            let t = &ctx.toks[i];
            let v = vecs.get(i).copied().unwrap_or_default();
            let mask = |k: usize, h: u64| (h & ((1u64 << TABLES[k].0) - 1)) as u32;
            let first = u32::from(i == 0);
            let flags = (t.flags & 31) | (first << 5);
            TokIn {
                row: v[1],
                feats: [
                    mask(0, t.lower),
                    mask(1, t.pre[2]),
                    mask(2, t.suf[2]),
                    mask(3, t.shape),
                    mask(4, t.lex ^ (t.lex >> 17)),
                    upos.get(i).copied().unwrap_or(0).min(31),
                    (flags * 3 + v[0].min(2)) & 255,
                ],
            }
        })
        .collect()
}

/// A layer over a window of `±win` positions: `y[i] = b + Σ_d W_d x[i+d]`,
/// positions outside the sentence contributing nothing.
#[derive(Debug, Clone)]
struct Conv {
    win: usize,
    n_in: usize,
    n_out: usize,
    /// `(2 win + 1) × n_in × n_out`, output fastest.
    w: Vec<f32>,
    b: Vec<f32>,
}

impl Conv {
    fn new(win: usize, n_in: usize, n_out: usize, rng: &mut Rng) -> Self {
        let fan_in = ((2 * win + 1) * n_in) as f32;
        let a = (6.0 / fan_in).sqrt();
        let w = (0..(2 * win + 1) * n_in * n_out)
            .map(|_| a * (2.0 * uniform(rng) - 1.0))
            .collect();
        Conv {
            win,
            n_in,
            n_out,
            w,
            b: vec![0.0; n_out],
        }
    }

    fn forward(&self, x: &[f32], n: usize, y: &mut Vec<f32>) {
        self.forward_at(x, n, y, None);
    }

    /// As `forward`, computing only the positions `at` marks (others zero).
    fn forward_at(&self, x: &[f32], n: usize, y: &mut Vec<f32>, at: Option<&[bool]>) {
        y.clear();
        y.resize(n * self.n_out, 0.0);
        #[cfg(target_arch = "x86_64")]
        {
            if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma") {
                // SAFETY: the CPU has the features the function is compiled for.
                unsafe { self.forward_avx2(x, n, y, at) };
                return;
            }
        }
        self.forward_into(x, n, y, at);
    }

    /// `forward_into` compiled for AVX2 and FMA (8 lanes and fused
    /// multiply-add in the inner loop); the same sums, up to rounding.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn forward_avx2(&self, x: &[f32], n: usize, y: &mut [f32], at: Option<&[bool]>) {
        self.forward_into(x, n, y, at);
    }

    #[inline(always)]
    fn forward_into(&self, x: &[f32], n: usize, y: &mut [f32], at: Option<&[bool]>) {
        let span = 2 * self.win + 1;
        for i in 0..n {
            if at.is_some_and(|a| !a[i]) {
                continue;
            }
            let yi = &mut y[i * self.n_out..(i + 1) * self.n_out];
            yi.copy_from_slice(&self.b);
            for d in 0..span {
                let j = i as isize + d as isize - self.win as isize;
                if j < 0 || j as usize >= n {
                    continue;
                }
                let xj = &x[j as usize * self.n_in..(j as usize + 1) * self.n_in];
                let wd = &self.w[d * self.n_in * self.n_out..(d + 1) * self.n_in * self.n_out];
                for (k, &xk) in xj.iter().enumerate() {
                    if xk == 0.0 {
                        continue;
                    }
                    let row = &wd[k * self.n_out..(k + 1) * self.n_out];
                    for (o, &wv) in yi.iter_mut().zip(row) {
                        *o += xk * wv;
                    }
                }
            }
        }
    }

    /// Adds the gradients of `dy` to `g` (same layout as the layer) and,
    /// when `dx` is given, the gradient of the input.
    fn backward(&self, x: &[f32], dy: &[f32], n: usize, g: &mut Conv, dx: Option<&mut Vec<f32>>) {
        let span = 2 * self.win + 1;
        let mut dx = dx;
        if let Some(dx) = dx.as_deref_mut() {
            dx.clear();
            dx.resize(n * self.n_in, 0.0);
        }
        for i in 0..n {
            let dyi = &dy[i * self.n_out..(i + 1) * self.n_out];
            if dyi.iter().all(|&v| v == 0.0) {
                continue;
            }
            for (gb, &v) in g.b.iter_mut().zip(dyi) {
                *gb += v;
            }
            for d in 0..span {
                let j = i as isize + d as isize - self.win as isize;
                if j < 0 || j as usize >= n {
                    continue;
                }
                let j = j as usize;
                let xj = &x[j * self.n_in..(j + 1) * self.n_in];
                let off = d * self.n_in * self.n_out;
                for (k, &xk) in xj.iter().enumerate() {
                    let base = off + k * self.n_out;
                    if xk != 0.0 {
                        let gw = &mut g.w[base..base + self.n_out];
                        for (o, &v) in gw.iter_mut().zip(dyi) {
                            *o += xk * v;
                        }
                    }
                    if let Some(dx) = dx.as_deref_mut() {
                        let wr = &self.w[base..base + self.n_out];
                        let s: f32 = wr.iter().zip(dyi).map(|(a, b)| a * b).sum();
                        dx[j * self.n_in + k] += s;
                    }
                }
            }
        }
    }

    fn zeroed(&self) -> Conv {
        Conv {
            win: self.win,
            n_in: self.n_in,
            n_out: self.n_out,
            w: vec![0.0; self.w.len()],
            b: vec![0.0; self.b.len()],
        }
    }

    fn write(&self, w: &mut Writer) {
        w.usize(self.win);
        w.usize(self.n_in);
        w.usize(self.n_out);
        write_q16(w, &self.w);
        write_q16(w, &self.b);
    }

    fn read(r: &mut Reader) -> Result<Self, NlpError> {
        let (win, n_in, n_out) = (r.usize()?, r.usize()?, r.usize()?);
        let w = read_q16(r)?;
        let b = read_q16(r)?;
        if win > 8 || w.len() != (2 * win + 1) * n_in * n_out || b.len() != n_out {
            return Err(r.err("a network layer of the wrong size"));
        }
        Ok(Conv {
            win,
            n_in,
            n_out,
            w,
            b,
        })
    }
}

/// A uniform number in [0, 1).
fn uniform(rng: &mut Rng) -> f32 {
    (rng.next() >> 40) as f32 / (1u64 << 24) as f32
}

/// Writes floats as `i16` with one scale (max |x| / 32767).
fn write_q16(w: &mut Writer, xs: &[f32]) {
    let m = xs.iter().fold(0f32, |a, &x| a.max(x.abs()));
    let scale = if m > 0.0 { m / 32767.0 } else { 1.0 };
    w.u32(scale.to_bits());
    let q: Vec<i16> = xs
        .iter()
        .map(|&x| (x / scale).round().clamp(-32767.0, 32767.0) as i16)
        .collect();
    w.i16s(&q);
}

fn read_q16(r: &mut Reader) -> Result<Vec<f32>, NlpError> {
    let scale = f32::from_bits(r.u32()?);
    if !scale.is_finite() || scale <= 0.0 {
        return Err(r.err("a bad weight scale"));
    }
    Ok(r.i16s()?
        .into_iter()
        .map(|q| f32::from(q) * scale)
        .collect())
}

/// The network.
#[derive(Debug, Clone)]
pub(crate) struct Dense {
    /// Fixed word vectors, `rows × VEC_DIMS`.
    vecs: Vec<f32>,
    /// Learnt embedding tables.
    emb: Vec<Vec<f32>>,
    l1: Conv,
    l2: Conv,
    out: Conv,
}

/// Scratch buffers of one forward pass.
#[derive(Debug, Default)]
struct Pass {
    x: Vec<f32>,
    h1: Vec<f32>,
    h2: Vec<f32>,
    s: Vec<f32>,
}

fn relu(v: &mut [f32]) {
    for x in v {
        if *x < 0.0 {
            *x = 0.0;
        }
    }
}

impl Dense {
    /// Reads the dense vector rows exported by
    /// `tools/spacy_baseline.py vectors-dense` (`row TAB v1 … v64`).
    pub(crate) fn read_vectors(path: &std::path::Path) -> Result<Vec<f32>, NlpError> {
        let text = crate::error::read_text(path)?;
        let mut out: Vec<f32> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = |m: &str| NlpError::Data {
                path: path.to_path_buf(),
                line: n + 1,
                message: m.to_string(),
            };
            let mut c = line.split('\t');
            let row: usize = c
                .next()
                .and_then(|x| x.parse().ok())
                .ok_or_else(|| bad("expected a row number"))?;
            if row * VEC_DIMS != out.len() {
                return Err(bad("rows must come in order from 0"));
            }
            let vals: Option<Vec<f32>> = c.map(|x| x.parse().ok()).collect();
            let vals = vals.ok_or_else(|| bad("values must be numbers"))?;
            if vals.len() != VEC_DIMS {
                return Err(bad("expected 64 values"));
            }
            out.extend(vals);
        }
        Ok(out)
    }

    fn new(vecs: Vec<f32>, cfg: &DenseSettings, rng: &mut Rng) -> Self {
        let emb = TABLES
            .iter()
            .map(|&(bits, dim)| {
                (0..(1usize << bits) * dim)
                    .map(|_| 0.1 * (2.0 * uniform(rng) - 1.0))
                    .collect()
            })
            .collect();
        Dense {
            vecs,
            emb,
            l1: Conv::new(2, D, cfg.hidden, rng),
            l2: Conv::new(1, cfg.hidden, cfg.hidden2, rng),
            out: Conv::new(0, cfg.hidden2, C, rng),
        }
    }

    /// Fills `x` with the sentence's token inputs (no dropout).
    fn embed(&self, toks: &[TokIn], x: &mut Vec<f32>) {
        x.clear();
        x.resize(toks.len() * D, 0.0);
        for (i, t) in toks.iter().enumerate() {
            let xi = &mut x[i * D..(i + 1) * D];
            let r = t.row as usize;
            if r > 0 && r * VEC_DIMS <= self.vecs.len() {
                xi[..VEC_DIMS].copy_from_slice(&self.vecs[(r - 1) * VEC_DIMS..r * VEC_DIMS]);
            }
            let mut off = VEC_DIMS;
            for (k, &(_, dim)) in TABLES.iter().enumerate() {
                let row = t.feats[k] as usize;
                xi[off..off + dim].copy_from_slice(&self.emb[k][row * dim..(row + 1) * dim]);
                off += dim;
            }
        }
    }

    fn forward(&self, toks: &[TokIn], p: &mut Pass, embed: bool) {
        let n = toks.len();
        if embed {
            self.embed(toks, &mut p.x);
        }
        self.l1.forward(&p.x, n, &mut p.h1);
        relu(&mut p.h1);
        self.l2.forward(&p.h1, n, &mut p.h2);
        relu(&mut p.h2);
        self.out.forward(&p.h2, n, &mut p.s);
    }

    /// The log-probability of each label of each token (`n × 9`).
    pub(crate) fn log_probs(&self, toks: &[TokIn]) -> Vec<f32> {
        if toks.is_empty() {
            return Vec::new();
        }
        let mut p = Pass::default();
        self.forward(toks, &mut p, true);
        log_softmax_rows(&mut p.s);
        p.s
    }

    /// As [`Dense::log_probs`], for the tokens `need` marks only: the rows
    /// of the others are `None`'s stand-in, all zero. The layers are
    /// computed where those tokens' scores depend on them.
    pub(crate) fn log_probs_at(&self, toks: &[TokIn], need: &[bool]) -> Vec<f32> {
        let n = toks.len();
        if n == 0 || need.len() != n {
            return self.log_probs(toks);
        }
        let w2 = self.l2.win;
        let mut near = vec![false; n];
        for i in (0..n).filter(|&i| need[i]) {
            for x in &mut near[i.saturating_sub(w2)..(i + w2 + 1).min(n)] {
                *x = true;
            }
        }
        let mut p = Pass::default();
        self.embed(toks, &mut p.x);
        self.l1.forward_at(&p.x, n, &mut p.h1, Some(&near));
        relu(&mut p.h1);
        self.l2.forward_at(&p.h1, n, &mut p.h2, Some(need));
        relu(&mut p.h2);
        self.out.forward_at(&p.h2, n, &mut p.s, Some(need));
        log_softmax_rows(&mut p.s);
        for i in (0..n).filter(|&i| !need[i]) {
            p.s[i * C..(i + 1) * C].fill(0.0);
        }
        p.s
    }

    /// The label of each token, decoded with the BIO constraint.
    pub(crate) fn labels(&self, toks: &[TokIn]) -> Vec<u32> {
        viterbi(&self.log_probs(toks), toks.len())
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.usize(self.vecs.len() / VEC_DIMS);
        write_q16(w, &self.vecs);
        w.usize(self.emb.len());
        for e in &self.emb {
            write_q16(w, e);
        }
        self.l1.write(w);
        self.l2.write(w);
        self.out.write(w);
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Self, NlpError> {
        let rows = r.usize()?;
        let vecs = read_q16(r)?;
        if vecs.len() != rows * VEC_DIMS {
            return Err(r.err("dense vectors of the wrong size"));
        }
        let k = r.usize()?;
        if k != N_TABLES {
            return Err(r.err("a network with other embedding tables"));
        }
        let mut emb = Vec::with_capacity(k);
        for &(bits, dim) in &TABLES {
            let e = read_q16(r)?;
            if e.len() != (1usize << bits) * dim {
                return Err(r.err("an embedding table of the wrong size"));
            }
            emb.push(e);
        }
        let (l1, l2, out) = (Conv::read(r)?, Conv::read(r)?, Conv::read(r)?);
        if l1.n_in != D || l2.n_in != l1.n_out || out.n_in != l2.n_out || out.n_out != C {
            return Err(r.err("network layers that do not fit together"));
        }
        Ok(Dense {
            vecs,
            emb,
            l1,
            l2,
            out,
        })
    }
}

fn log_softmax_rows(s: &mut [f32]) {
    for row in s.chunks_exact_mut(C) {
        let m = row.iter().fold(f32::NEG_INFINITY, |a, &b| a.max(b));
        let z: f32 = row.iter().map(|&v| (v - m).exp()).sum::<f32>().ln() + m;
        for v in row {
            *v -= z;
        }
    }
}

/// May label `c` follow label `prev`? (`I-k`, even and ≥ 2, only after `B-k` or `I-k`.)
fn allowed(prev: usize, c: usize) -> bool {
    c == 0 || c % 2 == 1 || prev == c - 1 || prev == c
}

/// The best label sequence under the BIO constraint.
pub(crate) fn viterbi(lp: &[f32], n: usize) -> Vec<u32> {
    if n == 0 {
        return Vec::new();
    }
    let mut best = vec![f32::NEG_INFINITY; n * C];
    let mut back = vec![0u8; n * C];
    for c in 0..C {
        if allowed(0, c) {
            best[c] = lp[c];
        }
    }
    for i in 1..n {
        for c in 0..C {
            let (mut bv, mut bp) = (f32::NEG_INFINITY, 0usize);
            for p in 0..C {
                if allowed(p, c) && best[(i - 1) * C + p] > bv {
                    bv = best[(i - 1) * C + p];
                    bp = p;
                }
            }
            best[i * C + c] = bv + lp[i * C + c];
            back[i * C + c] = bp as u8;
        }
    }
    let mut c = (0..C)
        .max_by(|&a, &b| best[(n - 1) * C + a].total_cmp(&best[(n - 1) * C + b]))
        .unwrap_or(0);
    let mut out = vec![0u32; n];
    for i in (0..n).rev() {
        out[i] = c as u32;
        c = usize::from(back[i * C + c]);
    }
    out
}

/// Settings of network training.
#[derive(Debug, Clone)]
pub struct DenseSettings {
    /// Passes over the data.
    pub epochs: usize,
    /// Units of the first hidden layer.
    pub hidden: usize,
    /// Units of the second hidden layer.
    pub hidden2: usize,
    /// Adam's step size.
    pub rate: f32,
    /// Sentences a batch.
    pub batch: usize,
    /// Dropout of the token inputs.
    pub dropout: f32,
    /// Whole-word dropout of the lower-cased form's embedding.
    pub word_dropout: f32,
    /// Seed of the initial weights, the order and the dropout.
    pub seed: u64,
    /// Weight of the perceptron's scores beside the network's (0: the
    /// network alone).
    pub mix: f32,
    /// Weights to score held-out agreement with after each pass.
    pub report_mixes: Vec<f32>,
}

impl Default for DenseSettings {
    fn default() -> Self {
        DenseSettings {
            epochs: 8,
            hidden: 128,
            hidden2: 96,
            rate: 0.002,
            batch: 16,
            dropout: 0.4,
            word_dropout: 0.6,
            seed: 11,
            mix: 0.001,
            report_mixes: vec![0.0],
        }
    }
}

/// Adam's moments for one block of parameters.
#[derive(Debug, Clone)]
struct Moments {
    m: Vec<f32>,
    v: Vec<f32>,
}

impl Moments {
    fn new(n: usize) -> Self {
        Moments {
            m: vec![0.0; n],
            v: vec![0.0; n],
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Adam {
    rate: f32,
    b1: f32,
    b2: f32,
    t: i32,
}

impl Adam {
    /// Updates `w[range]` from `g[range]` and clears those gradients.
    fn step(&self, w: &mut [f32], g: &mut [f32], mo: &mut Moments, range: std::ops::Range<usize>) {
        let c1 = 1.0 - self.b1.powi(self.t);
        let c2 = 1.0 - self.b2.powi(self.t);
        let lr = self.rate * c2.sqrt() / c1;
        for i in range {
            let gi = g[i];
            g[i] = 0.0;
            let m = &mut mo.m[i];
            let v = &mut mo.v[i];
            *m = self.b1 * *m + (1.0 - self.b1) * gi;
            *v = self.b2 * *v + (1.0 - self.b2) * gi * gi;
            w[i] -= lr * *m / (v.sqrt() + 1e-8);
        }
    }
}

/// Trains the network on sentences given as token inputs and gold labels.
/// `report` is called after each pass with the network so far (held-out
/// scores) and its line goes to `log`.
pub(crate) fn train(
    data: &[(Vec<TokIn>, Vec<u32>)],
    vecs: Vec<f32>,
    cfg: &DenseSettings,
    report: &mut dyn FnMut(&Dense) -> String,
    log: &mut dyn FnMut(String),
) -> Result<Dense, NlpError> {
    if data.is_empty() {
        return Err(NlpError::Config("no entity training sentences".into()));
    }
    if !vecs.len().is_multiple_of(VEC_DIMS) {
        return Err(NlpError::Config("dense vectors of the wrong width".into()));
    }
    let mut rng = Rng::new(cfg.seed);
    let mut net = Dense::new(vecs, cfg, &mut rng);
    let mut g = (net.l1.zeroed(), net.l2.zeroed(), net.out.zeroed());
    let mut mo_l = [
        (Moments::new(net.l1.w.len()), Moments::new(net.l1.b.len())),
        (Moments::new(net.l2.w.len()), Moments::new(net.l2.b.len())),
        (Moments::new(net.out.w.len()), Moments::new(net.out.b.len())),
    ];
    let mut g_emb: Vec<Vec<f32>> = net.emb.iter().map(|e| vec![0.0; e.len()]).collect();
    let mut mo_emb: Vec<Moments> = net.emb.iter().map(|e| Moments::new(e.len())).collect();
    let mut touched: Vec<Vec<u32>> = vec![Vec::new(); N_TABLES];
    let mut seen: Vec<Vec<bool>> = net.emb.iter().map(|e| vec![false; e.len()]).collect();
    let mut adam = Adam {
        rate: cfg.rate,
        b1: 0.9,
        b2: 0.999,
        t: 0,
    };
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut p = Pass::default();
    let (mut dh2, mut dh1, mut dx) = (Vec::new(), Vec::new(), Vec::new());
    let mut ds: Vec<f32> = Vec::new();
    let mut mask: Vec<bool> = Vec::new();
    let keep = 1.0 - cfg.dropout;
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        let (mut loss, mut ntok) = (0f64, 0usize);
        for batch in order.chunks(cfg.batch.max(1)) {
            let mut btok = 0usize;
            for &si in batch {
                let (toks, gold) = &data[si];
                let n = toks.len();
                if n == 0 {
                    continue;
                }
                btok += n;
                // inputs with dropout
                net.embed(toks, &mut p.x);
                mask.clear();
                mask.resize(n, false);
                for (i, m) in mask.iter_mut().enumerate() {
                    if uniform(&mut rng) < cfg.word_dropout {
                        *m = true;
                        let lo = VEC_DIMS;
                        p.x[i * D + lo..i * D + lo + TABLES[LOWER].1].fill(0.0);
                    }
                }
                if cfg.dropout > 0.0 {
                    for v in p.x.iter_mut() {
                        if uniform(&mut rng) < cfg.dropout {
                            *v = 0.0;
                        } else {
                            *v /= keep;
                        }
                    }
                }
                net.forward(toks, &mut p, false);
                // softmax cross-entropy
                ds.clear();
                ds.extend_from_slice(&p.s);
                log_softmax_rows(&mut ds);
                for i in 0..n {
                    let gi = gold[i] as usize;
                    loss -= f64::from(ds[i * C + gi]);
                    for c in 0..C {
                        let q = ds[i * C + c].exp();
                        ds[i * C + c] = q - if c == gi { 1.0 } else { 0.0 };
                    }
                }
                ntok += n;
                net.out.backward(&p.h2, &ds, n, &mut g.2, Some(&mut dh2));
                for (d, &h) in dh2.iter_mut().zip(&p.h2) {
                    if h <= 0.0 {
                        *d = 0.0;
                    }
                }
                net.l2.backward(&p.h1, &dh2, n, &mut g.1, Some(&mut dh1));
                for (d, &h) in dh1.iter_mut().zip(&p.h1) {
                    if h <= 0.0 {
                        *d = 0.0;
                    }
                }
                net.l1.backward(&p.x, &dh1, n, &mut g.0, Some(&mut dx));
                // dropout's gradient, then into the embedding rows
                for i in 0..n {
                    let xi = &p.x[i * D..(i + 1) * D];
                    let dxi = &dx[i * D..(i + 1) * D];
                    let mut off = VEC_DIMS;
                    for (k, &(_, dim)) in TABLES.iter().enumerate() {
                        if !(k == LOWER && mask[i]) {
                            let row = toks[i].feats[k] as usize;
                            let ge = &mut g_emb[k][row * dim..(row + 1) * dim];
                            for j in 0..dim {
                                if cfg.dropout == 0.0 || xi[off + j] != 0.0 {
                                    ge[j] += dxi[off + j] / keep;
                                }
                            }
                            if !seen[k][row] {
                                seen[k][row] = true;
                                touched[k].push(row as u32);
                            }
                        }
                        off += dim;
                    }
                }
            }
            if btok == 0 {
                continue;
            }
            // average over the batch's tokens
            let inv = 1.0 / btok as f32;
            for l in [&mut g.0, &mut g.1, &mut g.2] {
                l.w.iter_mut().for_each(|v| *v *= inv);
                l.b.iter_mut().for_each(|v| *v *= inv);
            }
            adam.t += 1;
            let a = adam;
            let [m0, m1, m2] = &mut mo_l;
            for (layer, grad, mo) in [
                (&mut net.l1, &mut g.0, m0),
                (&mut net.l2, &mut g.1, m1),
                (&mut net.out, &mut g.2, m2),
            ] {
                let nw = layer.w.len();
                a.step(&mut layer.w, &mut grad.w, &mut mo.0, 0..nw);
                let nb = layer.b.len();
                a.step(&mut layer.b, &mut grad.b, &mut mo.1, 0..nb);
            }
            for k in 0..N_TABLES {
                let dim = TABLES[k].1;
                for &row in &touched[k] {
                    let row = row as usize;
                    let r = row * dim..(row + 1) * dim;
                    for v in &mut g_emb[k][r.clone()] {
                        *v *= inv;
                    }
                    a.step(&mut net.emb[k], &mut g_emb[k], &mut mo_emb[k], r);
                    seen[k][row] = false;
                }
                touched[k].clear();
            }
        }
        let extra = report(&net);
        log(format!(
            "ner network epoch {}: train loss {:.4}{}",
            epoch + 1,
            loss / ntok.max(1) as f64,
            extra
        ));
    }
    Ok(net)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_keeps_bio_well_formed() {
        // token 0 prefers I-PER (2), which may not open a sentence
        let mut lp = vec![-5.0f32; 2 * C];
        lp[2] = -0.1;
        lp[1] = -0.5;
        lp[C + 2] = -0.1;
        let out = viterbi(&lp, 2);
        assert_eq!(out, vec![1, 2]);
    }

    #[test]
    fn learns_a_toy_task_and_round_trips() {
        // capitalised tokens after "à" are places, else persons
        let mk = |feats: [u32; N_TABLES], row: u32| TokIn { row, feats };
        let a = mk([1, 1, 1, 1, 1, 1, 1], 0);
        let cap = mk([2, 2, 2, 2, 2, 2, 3], 1);
        let low = mk([3, 3, 3, 5, 5, 3, 1], 0);
        let data: Vec<(Vec<TokIn>, Vec<u32>)> = (0..40)
            .flat_map(|_| {
                [
                    (vec![a, cap, low], vec![0, 5, 0]),
                    (vec![low, cap, low], vec![0, 1, 0]),
                ]
            })
            .collect();
        let vecs = vec![0.5f32; VEC_DIMS];
        let cfg = DenseSettings {
            epochs: 30,
            hidden: 8,
            hidden2: 8,
            dropout: 0.0,
            word_dropout: 0.0,
            ..DenseSettings::default()
        };
        let net = train(&data, vecs, &cfg, &mut |_| String::new(), &mut |_| {}).expect("trains");
        assert_eq!(net.labels(&[a, cap, low]), vec![0, 5, 0]);
        assert_eq!(net.labels(&[low, cap, low]), vec![0, 1, 0]);
        let mut w = Writer::new("t", 1);
        net.write(&mut w);
        let bytes = w.finish();
        let mut r = Reader::open(&bytes, "t", "t", 1).expect("opens");
        let back = Dense::read(&mut r).expect("reads");
        assert_eq!(back.labels(&[a, cap, low]), vec![0, 5, 0]);
    }
}
