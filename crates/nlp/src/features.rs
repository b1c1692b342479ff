//! Per-sentence token context and the feature templates of the tagger and
//! the entity recogniser. Each token's string features are hashed once
//! ([`Ctx::new`]); a template then combines a template id with those hashes.

use crate::hash::{hash_ints, hash_str};
use crate::lexicon::Lexicon;
use crate::vectors::VecIds;

/// Hash standing for "before the sentence".
const BOS: u64 = 0x0b05;
/// Hash standing for "after the sentence".
const EOS: u64 = 0x0e05;

/// The hashed string features of one token.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokFeats {
    pub lower: u64,
    pub form: u64,
    pub suf: [u64; 4],
    pub pre: [u64; 3],
    pub shape: u64,
    pub lex: u64,
    /// Flags: 1 capitalised, 2 all capitals, 4 has a digit, 8 has a hyphen, 16 all punctuation.
    pub flags: u32,
}

/// A sentence's tokens, ready for feature extraction.
#[derive(Debug, Clone, Default)]
pub(crate) struct Ctx {
    pub toks: Vec<TokFeats>,
    pub lowers: Vec<String>,
}

/// A word shape: `Xx`, `x`, `d`, `X.X`, runs collapsed, at most 6 marks.
pub(crate) fn shape(s: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    for c in s.chars() {
        let m = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if m != last {
            out.push(m);
            last = m;
            if out.chars().count() >= 6 {
                break;
            }
        }
    }
    out
}

/// Lower-cases, folding typographic apostrophes to `'`.
pub(crate) fn lower(s: &str) -> String {
    s.chars()
        .map(|c| if c == '’' || c == 'ʼ' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

impl Ctx {
    /// Hashes the features of `forms`.
    pub(crate) fn new(forms: &[&str], lex: &Lexicon) -> Self {
        let mut ctx = Ctx {
            toks: Vec::with_capacity(forms.len()),
            lowers: Vec::with_capacity(forms.len()),
        };
        for f in forms {
            let low = lower(f);
            let bounds: Vec<usize> = low.char_indices().map(|(i, _)| i).collect();
            let nch = bounds.len();
            let mut suf = [0u64; 4];
            for (k, s) in suf.iter_mut().enumerate() {
                let take = (k + 1).min(nch);
                let start = if nch == 0 { 0 } else { bounds[nch - take] };
                *s = hash_str(100 + k as u64, &low[start..]);
            }
            let mut pre = [0u64; 3];
            for (k, p) in pre.iter_mut().enumerate() {
                let end = if k + 1 < nch {
                    bounds[k + 1]
                } else {
                    low.len()
                };
                *p = hash_str(200 + k as u64, &low[..end]);
            }
            let bits = lex.classes(f);
            let mut flags = 0u32;
            let mut chars = f.chars();
            let first = chars.next();
            if first.is_some_and(char::is_uppercase) {
                flags |= 1;
            }
            if f.chars().any(char::is_alphabetic) && !f.chars().any(char::is_lowercase) {
                flags |= 2;
            }
            if f.chars().any(|c| c.is_ascii_digit()) {
                flags |= 4;
            }
            if f.contains('-') {
                flags |= 8;
            }
            if !f.is_empty() && f.chars().all(|c| !c.is_alphanumeric()) {
                flags |= 16;
            }
            ctx.toks.push(TokFeats {
                lower: hash_str(1, &low),
                form: hash_str(2, f),
                suf,
                pre,
                shape: hash_str(3, &shape(f)),
                lex: u64::from(bits) | 0x1_0000_0000,
                flags,
            });
            ctx.lowers.push(low);
        }
        ctx
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    #[inline]
    fn lower_at(&self, i: isize) -> u64 {
        if i < 0 {
            BOS
        } else {
            self.toks.get(i as usize).map_or(EOS, |t| t.lower)
        }
    }

    #[inline]
    fn get(&self, i: isize) -> Option<&TokFeats> {
        if i < 0 {
            None
        } else {
            self.toks.get(i as usize)
        }
    }
}

/// Tag of position `i` of `tags` as a hashable value (BOS before the start).
#[inline]
fn tag_at(tags: &[u32], i: isize) -> u64 {
    if i < 0 {
        BOS
    } else {
        tags.get(i as usize).map_or(EOS, |&t| u64::from(t) + 1)
    }
}

/// Features of the part-of-speech tagger at `i`, given the tags already
/// predicted for positions before `i` in `tags`.
pub(crate) fn tagger(ctx: &Ctx, i: usize, tags: &[u32], out: &mut Vec<u64>) {
    out.clear();
    let ii = i as isize;
    let t = &ctx.toks[i];
    let p1 = tag_at(tags, ii - 1);
    let p2 = tag_at(tags, ii - 2);
    let lex = |k: isize| ctx.get(k).map_or(BOS ^ (k as u64), |x| x.lex);
    let suf3 = |k: isize| ctx.get(k).map_or(BOS ^ (k as u64), |x| x.suf[2]);
    out.push(hash_ints(1, &[]));
    out.push(hash_ints(2, &[t.lower]));
    out.push(hash_ints(3, &[t.form]));
    for k in 0..4 {
        out.push(hash_ints(4 + k as u64, &[t.suf[k]]));
    }
    for k in 0..3 {
        out.push(hash_ints(8 + k as u64, &[t.pre[k]]));
    }
    out.push(hash_ints(11, &[t.shape]));
    out.push(hash_ints(12, &[t.lex]));
    out.push(hash_ints(13, &[ctx.lower_at(ii - 1)]));
    out.push(hash_ints(14, &[ctx.lower_at(ii + 1)]));
    out.push(hash_ints(15, &[ctx.lower_at(ii - 2)]));
    out.push(hash_ints(16, &[ctx.lower_at(ii + 2)]));
    out.push(hash_ints(17, &[p1]));
    out.push(hash_ints(18, &[p1, p2]));
    out.push(hash_ints(19, &[p1, t.lower]));
    out.push(hash_ints(20, &[suf3(ii - 1)]));
    out.push(hash_ints(21, &[suf3(ii + 1)]));
    out.push(hash_ints(22, &[lex(ii - 1)]));
    out.push(hash_ints(23, &[lex(ii + 1)]));
    out.push(hash_ints(24, &[t.lex, p1]));
    out.push(hash_ints(25, &[t.lex, lex(ii + 1)]));
    out.push(hash_ints(26, &[u64::from(i == 0), t.shape]));
    out.push(hash_ints(27, &[ctx.lower_at(ii - 1), t.lower]));
    out.push(hash_ints(28, &[t.lower, ctx.lower_at(ii + 1)]));
    out.push(hash_ints(29, &[lex(ii + 2)]));
    out.push(hash_ints(30, &[p1, lex(ii + 1)]));
    out.push(hash_ints(31, &[t.suf[2], lex(ii + 1)]));
    out.push(hash_ints(32, &[u64::from(t.flags)]));
}

/// Features of the morphology heads at `i`, given every token's UPOS class.
pub(crate) fn morph(ctx: &Ctx, i: usize, tags: &[u32], out: &mut Vec<u64>) {
    out.clear();
    let ii = i as isize;
    let t = &ctx.toks[i];
    let u = tag_at(tags, ii);
    out.push(hash_ints(301, &[u]));
    out.push(hash_ints(302, &[u, t.lower]));
    for k in 0..4 {
        out.push(hash_ints(303 + k as u64, &[u, t.suf[k]]));
    }
    out.push(hash_ints(307, &[u, tag_at(tags, ii - 1)]));
    out.push(hash_ints(308, &[u, tag_at(tags, ii + 1)]));
    out.push(hash_ints(309, &[u, ctx.lower_at(ii - 1)]));
    out.push(hash_ints(310, &[u, ctx.lower_at(ii + 1)]));
    out.push(hash_ints(311, &[u, ctx.lower_at(ii - 2)]));
    out.push(hash_ints(312, &[u, t.lex]));
    out.push(hash_ints(313, &[t.lower]));
    out.push(hash_ints(
        314,
        &[u, tag_at(tags, ii - 1), ctx.lower_at(ii - 1)],
    ));
}

/// Features of the entity recogniser at `i`, given the UPOS classes of the
/// sentence (`upos`) and the entity labels already predicted (`labels`).
pub(crate) fn ner(
    ctx: &Ctx,
    i: usize,
    upos: &[u32],
    clus: &[[u32; 3]],
    vecs: &[VecIds],
    labels: &[u32],
    out: &mut Vec<u64>,
) {
    out.clear();
    let cl = |k: isize, level: usize| -> u64 {
        if k < 0 {
            BOS
        } else {
            clus.get(k as usize)
                .map_or(EOS, |c| u64::from(c[level]) + 1)
        }
    };
    let ii = i as isize;
    let t = &ctx.toks[i];
    let l1 = tag_at(labels, ii - 1);
    let l2 = tag_at(labels, ii - 2);
    let shape = |k: isize| ctx.get(k).map_or(BOS ^ (k as u64), |x| x.shape);
    let flags = |k: isize| ctx.get(k).map_or(BOS ^ (k as u64), |x| u64::from(x.flags));
    let form = |k: isize| ctx.get(k).map_or(BOS ^ (k as u64), |x| x.form);
    let lex = |k: isize| ctx.get(k).map_or(BOS ^ (k as u64), |x| x.lex);
    let u = |k: isize| tag_at(upos, k);
    out.push(hash_ints(401, &[]));
    out.push(hash_ints(402, &[t.lower]));
    out.push(hash_ints(403, &[t.form]));
    for k in 0..4 {
        out.push(hash_ints(404 + k as u64, &[t.suf[k]]));
    }
    for k in 0..3 {
        out.push(hash_ints(408 + k as u64, &[t.pre[k]]));
    }
    out.push(hash_ints(411, &[t.shape]));
    out.push(hash_ints(412, &[t.lex]));
    out.push(hash_ints(413, &[u(ii)]));
    out.push(hash_ints(414, &[u(ii - 1)]));
    out.push(hash_ints(415, &[u(ii + 1)]));
    out.push(hash_ints(416, &[ctx.lower_at(ii - 1)]));
    out.push(hash_ints(417, &[ctx.lower_at(ii + 1)]));
    out.push(hash_ints(418, &[ctx.lower_at(ii - 2)]));
    out.push(hash_ints(419, &[ctx.lower_at(ii + 2)]));
    out.push(hash_ints(420, &[l1]));
    out.push(hash_ints(421, &[l1, l2]));
    out.push(hash_ints(422, &[l1, t.shape]));
    out.push(hash_ints(423, &[l1, t.lower]));
    out.push(hash_ints(424, &[shape(ii - 1), t.shape]));
    out.push(hash_ints(425, &[t.shape, shape(ii + 1)]));
    out.push(hash_ints(426, &[form(ii - 1), t.form]));
    out.push(hash_ints(427, &[t.form, form(ii + 1)]));
    out.push(hash_ints(428, &[flags(ii)]));
    out.push(hash_ints(429, &[flags(ii - 1), flags(ii), flags(ii + 1)]));
    out.push(hash_ints(430, &[u(ii), t.shape]));
    out.push(hash_ints(431, &[u64::from(i == 0), t.form]));
    out.push(hash_ints(432, &[lex(ii - 1), t.lex]));
    out.push(hash_ints(433, &[u(ii - 1), u(ii), u(ii + 1)]));
    out.push(hash_ints(434, &[l1, u(ii)]));
    out.push(hash_ints(435, &[t.lex, t.shape]));
    if !clus.is_empty() {
        out.push(hash_ints(436, &[cl(ii, 0)]));
        out.push(hash_ints(437, &[cl(ii, 1)]));
        out.push(hash_ints(438, &[cl(ii, 2)]));
        out.push(hash_ints(439, &[cl(ii - 1, 1)]));
        out.push(hash_ints(440, &[cl(ii + 1, 1)]));
        out.push(hash_ints(441, &[cl(ii, 1), t.shape]));
        out.push(hash_ints(442, &[l1, cl(ii, 1)]));
        out.push(hash_ints(443, &[cl(ii - 1, 2)]));
        out.push(hash_ints(444, &[cl(ii + 1, 2)]));
        out.push(hash_ints(445, &[cl(ii, 2), t.shape]));
    }
    if !vecs.is_empty() {
        // vector ids: 0 how found, 1 row, 2.. groups of 64/256/1024/4096
        let v = |k: isize, level: usize| -> u64 {
            if k < 0 {
                BOS
            } else {
                vecs.get(k as usize)
                    .map_or(EOS, |c| u64::from(c[level]) + 1)
            }
        };
        out.push(hash_ints(450, &[v(ii, 1)]));
        out.push(hash_ints(451, &[v(ii, 2)]));
        out.push(hash_ints(452, &[v(ii, 3)]));
        out.push(hash_ints(453, &[v(ii, 4)]));
        out.push(hash_ints(454, &[v(ii, 5)]));
        out.push(hash_ints(455, &[v(ii - 1, 1)]));
        out.push(hash_ints(456, &[v(ii + 1, 1)]));
        out.push(hash_ints(457, &[v(ii - 1, 4)]));
        out.push(hash_ints(458, &[v(ii + 1, 4)]));
        out.push(hash_ints(459, &[v(ii - 2, 3)]));
        out.push(hash_ints(460, &[v(ii + 2, 3)]));
        out.push(hash_ints(461, &[v(ii, 4), t.shape]));
        out.push(hash_ints(462, &[l1, v(ii, 3)]));
        out.push(hash_ints(463, &[v(ii - 1, 3), v(ii, 3)]));
        out.push(hash_ints(464, &[v(ii, 3), v(ii + 1, 3)]));
        out.push(hash_ints(465, &[v(ii, 0), u64::from(t.flags)]));
        out.push(hash_ints(466, &[v(ii, 1), t.shape]));
        out.push(hash_ints(467, &[v(ii - 1, 3), v(ii + 1, 3)]));
        out.push(hash_ints(468, &[v(ii - 1, 5)]));
        out.push(hash_ints(469, &[v(ii + 1, 5)]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_lower() {
        assert_eq!(shape("Paris"), "Xx");
        assert_eq!(shape("1 770"), "d d");
        assert_eq!(shape("ONU"), "X");
        assert_eq!(lower("L’Élysée"), "l'élysée");
    }

    #[test]
    fn templates_have_fixed_counts() {
        let lex = Lexicon::default();
        let ctx = Ctx::new(&["Le", "chat", "dort"], &lex);
        let mut out = Vec::new();
        tagger(&ctx, 1, &[0], &mut out);
        assert_eq!(out.len(), 32);
        morph(&ctx, 2, &[0, 1, 2], &mut out);
        assert_eq!(out.len(), 14);
        ner(&ctx, 0, &[0, 1, 2], &[], &[], &[], &mut out);
        assert_eq!(out.len(), 35);
        ner(&ctx, 0, &[0, 1, 2], &[[1, 2, 3]; 3], &[], &[], &mut out);
        assert_eq!(out.len(), 45);
        ner(
            &ctx,
            0,
            &[0, 1, 2],
            &[[1, 2, 3]; 3],
            &[[1; 6]; 3],
            &[],
            &mut out,
        );
        assert_eq!(out.len(), 65);
    }
}
