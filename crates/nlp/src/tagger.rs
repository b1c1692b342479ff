//! The part-of-speech tagger, its morphology heads and the expansion of
//! multi-word tokens.
//!
//! The tagger labels surface tokens, as our segmenter gives them. A
//! multi-word token of UD (`au` = `à le`, `du`, `des` = `de les`, `auquel`)
//! gets a composite class (`ADP+DET`) learnt from the treebanks' multi-word
//! tokens; it is then expanded into its syntactic words from a table learnt
//! from the same files (`des` tagged `DET` stays one word, the indefinite
//! article). Decoding is greedy, left to right, with the two previous tags as
//! features; the morphology heads then run on the tagged sentence.

use std::collections::HashMap;

use crate::conllu::UdSentence;
use crate::error::NlpError;
use crate::features::{self, Ctx, lower};
use crate::lemma::Lemmatizer;
use crate::lexicon::Lexicon;
use crate::model_file::{Reader, Writer};
use crate::perceptron::{Rng, Trainer, Weights, argmax_f32, argmax_i32};
use crate::strtable::StrTable;
use crate::tags::{MORPH, Upos, morph_classes, morph_string};

const KIND: &str = "tagger";
const VERSION: u32 = 1;

/// One syntactic word of a multi-word token's expansion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ExpWord {
    pub form: String,
    pub lemma: String,
    pub upos: Upos,
    pub feats: String,
}

/// The trained tagger.
#[derive(Debug, Clone)]
pub(crate) struct Tagger {
    /// Class names: the 17 UPOS, then composites (`ADP+DET`).
    tags: Vec<String>,
    /// Each class's word tags.
    tag_upos: Vec<Vec<Upos>>,
    weights: Weights,
    morph: Weights,
    pub(crate) lemmas: Lemmatizer,
    /// `lower form \x1f class name` → expansion index.
    mwt: StrTable,
    expansions: Vec<Vec<ExpWord>>,
}

/// Column ranges of the morphology heads.
fn morph_ranges() -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for (_, vals) in MORPH {
        out.push(at..at + vals.len() + 1);
        at += vals.len() + 1;
    }
    out
}

/// What the tagger says about one surface token.
#[derive(Debug, Clone)]
pub(crate) struct TokenTag {
    /// The class.
    pub class: u32,
    /// Morphology classes (for single words).
    pub morph: [u8; 6],
}

impl Tagger {
    /// The name of class `c`.
    pub(crate) fn class_name(&self, c: u32) -> &str {
        self.tags.get(c as usize).map_or("X", String::as_str)
    }

    /// The word tags of class `c`.
    pub(crate) fn class_upos(&self, c: u32) -> &[Upos] {
        self.tag_upos
            .get(c as usize)
            .map_or(&[Upos::X], Vec::as_slice)
    }

    /// Tags a sentence's tokens.
    pub(crate) fn tag(&self, ctx: &Ctx) -> Vec<TokenTag> {
        let n = ctx.len();
        let mut classes: Vec<u32> = Vec::with_capacity(n);
        let mut feats = Vec::with_capacity(40);
        let mut scores = Vec::with_capacity(self.tags.len());
        for i in 0..n {
            features::tagger(ctx, i, &classes, &mut feats);
            self.weights.scores(&feats, &mut scores);
            let c = argmax_i32(&scores, |_| true).unwrap_or(0) as u32;
            classes.push(c);
        }
        let ranges = morph_ranges();
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let mut m = [0u8; 6];
            if self.class_upos(classes[i]).len() == 1 {
                features::morph(ctx, i, &classes, &mut feats);
                self.morph.scores(&feats, &mut scores);
                for (h, r) in ranges.iter().enumerate() {
                    m[h] = argmax_i32(&scores[r.clone()], |_| true).unwrap_or(0) as u8;
                }
            }
            out.push(TokenTag {
                class: classes[i],
                morph: m,
            });
        }
        out
    }

    /// The syntactic words of a token tagged with a composite class.
    pub(crate) fn expand(&self, form: &str, class: u32) -> Option<&[ExpWord]> {
        let k = format!("{}\x1f{}", lower(form), self.class_name(class));
        self.mwt
            .get(&k)
            .and_then(|i| self.expansions.get(i as usize))
            .map(Vec::as_slice)
    }

    /// The morphology string of classes `m`.
    pub(crate) fn feats(m: &[u8; 6]) -> String {
        morph_string(m)
    }

    /// The model file.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new(KIND, VERSION);
        w.strs(&self.tags);
        self.weights.write(&mut w);
        self.morph.write(&mut w);
        self.lemmas.write(&mut w);
        self.mwt.write(&mut w);
        w.usize(self.expansions.len());
        for e in &self.expansions {
            w.usize(e.len());
            for x in e {
                w.str(&x.form);
                w.str(&x.lemma);
                w.u8(x.upos.index() as u8);
                w.str(&x.feats);
            }
        }
        w.finish()
    }

    /// Reads a file written by [`Tagger::to_bytes`].
    pub(crate) fn from_bytes(data: &[u8], name: &str) -> Result<Self, NlpError> {
        let mut r = Reader::open(data, name, KIND, VERSION)?;
        let tags = r.strs()?;
        let mut tag_upos = Vec::new();
        for t in &tags {
            let us: Option<Vec<Upos>> = t.split('+').map(Upos::parse).collect();
            tag_upos.push(us.ok_or_else(|| r.err(format!("unknown tag {t:?}")))?);
        }
        let weights = Weights::read(&mut r)?;
        let morph = Weights::read(&mut r)?;
        let lemmas = Lemmatizer::read(&mut r)?;
        let mwt = StrTable::read(&mut r)?;
        let n = r.usize()?;
        let mut expansions = Vec::with_capacity(n);
        for _ in 0..n {
            let k = r.usize()?;
            let mut e = Vec::with_capacity(k);
            for _ in 0..k {
                let form = r.str()?;
                let lemma = r.str()?;
                let u = r.u8()? as usize;
                let upos = *crate::tags::UPOS
                    .get(u)
                    .ok_or_else(|| r.err("bad UPOS index"))?;
                let feats = r.str()?;
                e.push(ExpWord {
                    form,
                    lemma,
                    upos,
                    feats,
                });
            }
            expansions.push(e);
        }
        r.done()?;
        let mcols: usize = morph_ranges().last().map_or(0, |r| r.end);
        if weights.classes() != tags.len() || morph.classes() != mcols {
            return Err(r.err("weight tables do not match the tag sets"));
        }
        if mwt.iter().any(|(_, v)| v as usize >= expansions.len()) {
            return Err(r.err("a multi-word entry names a missing expansion"));
        }
        Ok(Tagger {
            tags,
            tag_upos,
            weights,
            morph,
            lemmas,
            mwt,
            expansions,
        })
    }
}

/// A word of a multi-word token while counting: form, lemma, UPOS index, feats.
type Analysed = (String, String, usize, String);

/// Settings of tagger training.
#[derive(Debug, Clone)]
pub struct TaggerSettings {
    /// Passes over the data.
    pub epochs: usize,
    /// log2 of the rows of the tag weight table.
    pub bits: u32,
    /// log2 of the rows of the morphology weight table.
    pub morph_bits: u32,
    /// Shuffling seed.
    pub seed: u64,
}

impl Default for TaggerSettings {
    fn default() -> Self {
        TaggerSettings {
            epochs: 10,
            bits: 16,
            morph_bits: 15,
            seed: 42,
        }
    }
}

/// A treebank sentence as tagger training data.
struct Example {
    forms: Vec<String>,
    classes: Vec<u32>,
    morph: Vec<Option<[u8; 6]>>,
}

/// The composite class name of a token's words.
fn token_tag(s: &UdSentence, t: &crate::conllu::UdToken) -> String {
    s.words[t.words.clone()]
        .iter()
        .map(|w| w.upos.as_str())
        .collect::<Vec<_>>()
        .join("+")
}

/// Trains a tagger on `train` (the morphology heads only on sentences whose
/// `with_morph` is true); `dev` (may be empty) is scored after each
/// epoch and reported through `log`.
pub(crate) fn train(
    train: &[UdSentence],
    with_morph: &[bool],
    dev: &[UdSentence],
    lex: &Lexicon,
    lemmas: Lemmatizer,
    cfg: &TaggerSettings,
    log: &mut dyn FnMut(String),
) -> Result<Tagger, NlpError> {
    // classes
    let mut counts: HashMap<String, usize> = HashMap::new();
    for s in train {
        for t in &s.tokens {
            *counts.entry(token_tag(s, t)).or_default() += 1;
        }
    }
    let mut tags: Vec<String> = crate::tags::UPOS
        .iter()
        .map(|u| u.as_str().to_string())
        .collect();
    let mut composites: Vec<(&String, &usize)> = counts
        .iter()
        .filter(|(k, c)| k.contains('+') && **c >= 3)
        .collect();
    composites.sort();
    for (k, _) in composites {
        if k.split('+').all(|u| Upos::parse(u).is_some()) {
            tags.push(k.clone());
        }
    }
    let tag_index: HashMap<&str, u32> = tags
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), i as u32))
        .collect();
    let class_of = |tag: &str| -> u32 {
        if let Some(&c) = tag_index.get(tag) {
            return c;
        }
        let first = tag.split('+').next().unwrap_or("X");
        tag_index
            .get(first)
            .copied()
            .unwrap_or(Upos::X.index() as u32)
    };
    let to_examples = |sents: &[UdSentence]| -> Vec<Example> {
        sents
            .iter()
            .map(|s| Example {
                forms: s.tokens.iter().map(|t| t.form.clone()).collect(),
                classes: s
                    .tokens
                    .iter()
                    .map(|t| class_of(&token_tag(s, t)))
                    .collect(),
                morph: s
                    .tokens
                    .iter()
                    .map(|t| {
                        (t.words.len() == 1).then(|| morph_classes(&s.words[t.words.start].feats))
                    })
                    .collect(),
            })
            .collect()
    };
    let mut examples = to_examples(train);
    for (e, &m) in examples.iter_mut().zip(with_morph) {
        if !m {
            e.morph.iter_mut().for_each(|x| *x = None);
        }
    }
    let dev_examples = to_examples(dev);
    let ctxs: Vec<Ctx> = examples
        .iter()
        .map(|e| Ctx::new(&e.forms.iter().map(String::as_str).collect::<Vec<_>>(), lex))
        .collect();
    let dev_ctxs: Vec<Ctx> = dev_examples
        .iter()
        .map(|e| Ctx::new(&e.forms.iter().map(String::as_str).collect::<Vec<_>>(), lex))
        .collect();
    if examples.is_empty() {
        return Err(NlpError::Config("no tagger training sentences".into()));
    }
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng::new(cfg.seed);
    let mut tr = Trainer::new(cfg.bits, tags.len());
    let ranges = morph_ranges();
    let mcols = ranges.last().map_or(0, |r| r.end);
    let mut mtr = Trainer::new(cfg.morph_bits, mcols);
    let mut feats = Vec::new();
    let mut scores = Vec::new();
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        let (mut ok, mut n) = (0usize, 0usize);
        for &si in &order {
            let (e, ctx) = (&examples[si], &ctxs[si]);
            let mut pred: Vec<u32> = Vec::with_capacity(e.classes.len());
            for i in 0..e.classes.len() {
                features::tagger(ctx, i, &pred, &mut feats);
                tr.scores(&feats, &mut scores);
                let guess = argmax_f32(&scores, |_| true).unwrap_or(0);
                let gold = e.classes[i] as usize;
                tr.update(&feats, gold, guess);
                tr.tick();
                ok += usize::from(guess == gold);
                n += 1;
                pred.push(guess as u32);
            }
            // morphology, on gold tags
            for i in 0..e.classes.len() {
                let Some(m) = e.morph[i] else { continue };
                features::morph(ctx, i, &e.classes, &mut feats);
                mtr.scores(&feats, &mut scores);
                for (h, r) in ranges.iter().enumerate() {
                    let guess = argmax_f32(&scores[r.clone()], |_| true).unwrap_or(0);
                    mtr.update(&feats, r.start + m[h] as usize, r.start + guess);
                }
                mtr.tick();
            }
        }
        let mut msg = format!(
            "tagger epoch {}: train {:.2}%",
            epoch + 1,
            100.0 * ok as f64 / n.max(1) as f64
        );
        if !dev_examples.is_empty() && (epoch + 1 == cfg.epochs || epoch % 3 == 2) {
            let w = tr.finish();
            let (mut ok, mut n) = (0usize, 0usize);
            for (e, ctx) in dev_examples.iter().zip(&dev_ctxs) {
                let mut pred: Vec<u32> = Vec::new();
                for i in 0..e.classes.len() {
                    features::tagger(ctx, i, &pred, &mut feats);
                    let mut s = Vec::new();
                    w.scores(&feats, &mut s);
                    let g = argmax_i32(&s, |_| true).unwrap_or(0) as u32;
                    ok += usize::from(g == e.classes[i]);
                    n += 1;
                    pred.push(g);
                }
            }
            msg.push_str(&format!(
                ", dev {:.2}%",
                100.0 * ok as f64 / n.max(1) as f64
            ));
        }
        log(msg);
    }
    examples.clear();
    // lemmas and expansions
    let mut exp_counts: HashMap<String, HashMap<Vec<Analysed>, usize>> = HashMap::new();
    for s in train {
        for t in &s.tokens {
            if t.words.len() > 1 {
                let tag = token_tag(s, t);
                if tag_index.contains_key(tag.as_str()) {
                    let analysis = s.words[t.words.clone()]
                        .iter()
                        .map(|w| {
                            let u = Upos::parse(&w.upos).unwrap_or(Upos::X).index();
                            (w.form.clone(), w.lemma.clone(), u, w.feats.clone())
                        })
                        .collect();
                    *exp_counts
                        .entry(format!("{}\x1f{tag}", lower(&t.form)))
                        .or_default()
                        .entry(analysis)
                        .or_default() += 1;
                }
            }
        }
    }
    let mut expansions = Vec::new();
    let mut mwt_keys = Vec::new();
    let mut keys: Vec<&String> = exp_counts.keys().collect();
    keys.sort();
    for k in keys {
        let best = exp_counts[k]
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)));
        if let Some((a, _)) = best {
            mwt_keys.push((k.clone(), expansions.len() as u32));
            expansions.push(
                a.iter()
                    .map(|(f, l, u, m)| ExpWord {
                        form: f.clone(),
                        lemma: l.clone(),
                        upos: crate::tags::UPOS[*u],
                        feats: m.clone(),
                    })
                    .collect(),
            );
        }
    }
    let tag_upos = tags
        .iter()
        .map(|t| t.split('+').filter_map(Upos::parse).collect())
        .collect();
    Ok(Tagger {
        tags,
        tag_upos,
        weights: tr.finish(),
        morph: mtr.finish(),
        lemmas,
        mwt: StrTable::build(mwt_keys),
        expansions,
    })
}

/// The feature string of predicted morphology, for callers outside.
pub(crate) fn feats_string(m: &[u8; 6]) -> String {
    Tagger::feats(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::{SAMPLE, parse};

    #[test]
    fn trains_and_round_trips() {
        let sents = parse(&SAMPLE.repeat(3), std::path::Path::new("s")).expect("parses");
        let lex = Lexicon::default();
        let cfg = TaggerSettings {
            epochs: 3,
            bits: 10,
            morph_bits: 10,
            seed: 1,
        };
        let t = train(
            &sents,
            &[true; 3],
            &[],
            &lex,
            Lemmatizer::default(),
            &cfg,
            &mut |_| {},
        )
        .expect("trains");
        let b = t.to_bytes();
        let t = Tagger::from_bytes(&b, "t").expect("reads");
        let ctx = Ctx::new(&["Il", "va", "au", "marché", "."], &lex);
        let tags = t.tag(&ctx);
        assert_eq!(t.class_name(tags[2].class), "ADP+DET");
        let e = t.expand("au", tags[2].class).expect("expands");
        assert_eq!(e[0].form, "à");
        assert_eq!(e[1].upos, Upos::Det);
        assert_eq!(t.class_name(tags[1].class), "VERB");
        assert!(Tagger::from_bytes(&b[..10], "t").is_err());
    }
}
