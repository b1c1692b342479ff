//! The averaged perceptron over hashed features: each feature hash picks a
//! row of a fixed-size table (`2^bits` rows), each row holds one weight per
//! class. Training keeps float weights with lazy averaging; the shipped model
//! keeps the averaged weights quantised to `i16`, so scoring is integer
//! addition and a model is `2^bits × classes × 2` bytes.

use crate::error::NlpError;
use crate::model_file::{Reader, Writer};

/// Trained weights, ready to score.
#[derive(Debug, Clone)]
pub(crate) struct Weights {
    bits: u32,
    classes: usize,
    w: Vec<i16>,
}

impl Weights {
    /// Number of classes (columns).
    pub(crate) fn classes(&self) -> usize {
        self.classes
    }

    #[inline]
    fn row(&self, h: u64) -> usize {
        ((h & ((1u64 << self.bits) - 1)) as usize) * self.classes
    }

    /// Sums the rows of `feats` into `out` (resized to the class count).
    #[inline]
    pub(crate) fn scores(&self, feats: &[u64], out: &mut Vec<i32>) {
        out.clear();
        out.resize(self.classes, 0);
        for &f in feats {
            let r = self.row(f);
            let row = &self.w[r..r + self.classes];
            for (o, &x) in out.iter_mut().zip(row) {
                *o += i32::from(x);
            }
        }
    }

    /// Writes the table.
    pub(crate) fn write(&self, w: &mut Writer) {
        w.u32(self.bits);
        w.usize(self.classes);
        w.i16s(&self.w);
    }

    /// Reads a table written by [`Weights::write`].
    pub(crate) fn read(r: &mut Reader) -> Result<Self, NlpError> {
        let bits = r.u32()?;
        let classes = r.usize()?;
        let w = r.i16s()?;
        if !(1..=30).contains(&bits) || classes == 0 || w.len() != (1usize << bits) * classes {
            return Err(r.err(format!(
                "weight table of {} values does not match 2^{bits} rows × {classes} classes",
                w.len()
            )));
        }
        Ok(Weights { bits, classes, w })
    }
}

/// Float weights being trained, with the running sums for averaging.
#[derive(Debug)]
pub(crate) struct Trainer {
    bits: u32,
    classes: usize,
    w: Vec<f32>,
    total: Vec<f64>,
    stamp: Vec<u32>,
    t: u32,
}

impl Trainer {
    /// A zero table of `2^bits` rows and `classes` columns.
    pub(crate) fn new(bits: u32, classes: usize) -> Self {
        let n = (1usize << bits) * classes;
        Trainer {
            bits,
            classes,
            w: vec![0.0; n],
            total: vec![0.0; n],
            stamp: vec![0; n],
            t: 0,
        }
    }

    #[inline]
    fn row(&self, h: u64) -> usize {
        ((h & ((1u64 << self.bits) - 1)) as usize) * self.classes
    }

    /// Current (not averaged) scores of every class.
    pub(crate) fn scores(&self, feats: &[u64], out: &mut Vec<f32>) {
        out.clear();
        out.resize(self.classes, 0.0);
        for &f in feats {
            let r = self.row(f);
            for (o, &x) in out.iter_mut().zip(&self.w[r..r + self.classes]) {
                *o += x;
            }
        }
    }

    /// Counts one training instance (call once per decision).
    pub(crate) fn tick(&mut self) {
        self.t += 1;
    }

    #[inline]
    fn add(&mut self, i: usize, d: f32) {
        let w = self.w[i];
        self.total[i] += f64::from(self.t - self.stamp[i]) * f64::from(w);
        self.stamp[i] = self.t;
        self.w[i] = w + d;
    }

    /// Rewards `gold` and penalises `guess` on every feature (no-op when equal).
    pub(crate) fn update(&mut self, feats: &[u64], gold: usize, guess: usize) {
        if gold == guess {
            return;
        }
        for &f in feats {
            let r = self.row(f);
            self.add(r + gold, 1.0);
            self.add(r + guess, -1.0);
        }
    }

    /// The averaged weights, quantised.
    pub(crate) fn finish(&self) -> Weights {
        let t = f64::from(self.t.max(1));
        let avg: Vec<f64> = (0..self.w.len())
            .map(|i| (self.total[i] + f64::from(self.t - self.stamp[i]) * f64::from(self.w[i])) / t)
            .collect();
        let max = avg.iter().fold(0.0f64, |m, &x| m.max(x.abs()));
        let scale = if max > 0.0 { 32767.0 / max } else { 1.0 };
        let w = avg
            .iter()
            .map(|&x| (x * scale).round().clamp(-32767.0, 32767.0) as i16)
            .collect();
        Weights {
            bits: self.bits,
            classes: self.classes,
            w,
        }
    }
}

/// Index of the largest score among `allowed` classes (all when `None`).
#[inline]
pub(crate) fn argmax_i32(scores: &[i32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<(usize, i32)> = None;
    for (i, &s) in scores.iter().enumerate() {
        if allowed(i) && best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|(i, _)| i)
}

/// Index of the largest float score among `allowed` classes.
#[inline]
pub(crate) fn argmax_f32(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (i, &s) in scores.iter().enumerate() {
        if allowed(i) && best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|(i, _)| i)
}

/// A small deterministic random generator (xorshift64*) for shuffling.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    /// Seeded generator.
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    /// Next value.
    pub(crate) fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Shuffles `xs` in place (Fisher–Yates).
    pub(crate) fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            xs.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem() {
        let mut t = Trainer::new(8, 3);
        let data: Vec<(Vec<u64>, usize)> = vec![
            (vec![1, 10], 0),
            (vec![2, 10], 1),
            (vec![3, 10], 2),
            (vec![1, 11], 0),
        ];
        let mut s = Vec::new();
        for _ in 0..5 {
            for (f, g) in &data {
                t.scores(f, &mut s);
                let guess = argmax_f32(&s, |_| true).unwrap_or(0);
                t.update(f, *g, guess);
                t.tick();
            }
        }
        let w = t.finish();
        let mut s = Vec::new();
        for (f, g) in &data {
            w.scores(f, &mut s);
            assert_eq!(argmax_i32(&s, |_| true), Some(*g));
        }
        let mut wr = Writer::new("w", 1);
        w.write(&mut wr);
        let bytes = wr.finish();
        let mut r = Reader::open(&bytes, "w", "w", 1).expect("opens");
        let back = Weights::read(&mut r).expect("reads");
        assert_eq!(back.w, w.w);
    }

    #[test]
    fn shuffle_is_a_permutation() {
        let mut xs: Vec<u32> = (0..50).collect();
        Rng::new(7).shuffle(&mut xs);
        let mut ys = xs.clone();
        ys.sort_unstable();
        assert_eq!(ys, (0..50).collect::<Vec<_>>());
        assert_ne!(xs, ys);
    }
}
