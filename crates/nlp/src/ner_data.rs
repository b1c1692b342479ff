//! Readers of the named-entity corpora, all turned into sentences of
//! (form, BIO label): Europeana (`token TAG`, IO tags, no sentence marks),
//! HIPE-2022 NewsEye TSV (documents, `EndOfSentence`), WikiNEuRal CoNLL
//! (`index TAB token TAB tag`), spaCy silver spans over raw text, and the
//! two-column export the spaCy baseline reads back.

use std::path::Path;

use crate::error::{NlpError, read_text};
use crate::tags::EntityKind;

/// A sentence with gold entities.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NerSentence {
    /// Surface forms.
    pub forms: Vec<String>,
    /// Whether a space follows each form.
    pub space_after: Vec<bool>,
    /// Entities: token range and type.
    pub entities: Vec<(usize, usize, EntityKind)>,
}

/// The file formats of the entity sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NerFormat {
    /// WikiNEuRal CoNLL (`index TAB token TAB tag`).
    WikiNeural,
    /// The two-column export of held-out sets (`form TAB space_after TAB tag`).
    Export,
    /// HIPE-2022 TSV (all documents).
    Hipe,
    /// Europeana `.bio` (`token TAG`).
    Europeana,
}

/// Reads an entity set of `format`.
pub fn read_ner(path: &Path, format: NerFormat) -> Result<Vec<NerSentence>, NlpError> {
    match format {
        NerFormat::WikiNeural => read_wikineural(path),
        NerFormat::Export => read_export(path),
        NerFormat::Hipe => Ok(read_hipe(path)?.into_iter().flatten().collect()),
        NerFormat::Europeana => read_europeana(path),
    }
}

/// Spans of a BIO (or IO) tag sequence; unknown types are dropped.
pub(crate) fn spans_of(tags: &[&str]) -> Vec<(usize, usize, EntityKind)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (prefix, typ) = match t.split_once('-') {
            Some((p, ty)) if p == "B" || p == "I" => (p, ty),
            _ => ("O", ""),
        };
        let cont = prefix == "I" && open.is_some_and(|(_, ty)| ty == typ);
        if !cont {
            if let Some((s, ty)) = open.take()
                && let Some(k) = EntityKind::parse(ty)
            {
                out.push((s, i, k));
            }
            if prefix != "O" {
                open = Some((i, typ));
            }
        }
    }
    if let Some((s, ty)) = open
        && let Some(k) = EntityKind::parse(ty)
    {
        out.push((s, tags.len(), k));
    }
    out
}

fn sentence(forms: Vec<String>, tags: &[&str]) -> NerSentence {
    NerSentence {
        space_after: vec![true; forms.len()],
        entities: spans_of(tags),
        forms,
    }
}

/// Europeana Newspapers `.bio`: one `token TAG` a line, no sentence marks; a
/// sentence ends after `.`, `!` or `?`, or at 60 tokens.
pub fn read_europeana(path: &Path) -> Result<Vec<NerSentence>, NlpError> {
    let text = read_text(path)?;
    let mut out = Vec::new();
    let (mut forms, mut tags): (Vec<String>, Vec<&str>) = (Vec::new(), Vec::new());
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let Some((form, tag)) = line.rsplit_once(' ') else {
            return Err(NlpError::Data {
                path: path.to_path_buf(),
                line: n + 1,
                message: "expected `token TAG`".into(),
            });
        };
        let end = matches!(form, "." | "!" | "?");
        forms.push(form.to_string());
        tags.push(tag);
        if end || forms.len() >= 60 {
            out.push(sentence(std::mem::take(&mut forms), &tags));
            tags.clear();
        }
    }
    if !forms.is_empty() {
        out.push(sentence(forms, &tags));
    }
    Ok(out)
}

/// HIPE-2022 TSV: documents of sentences, coarse literal tags
/// (`HumanProd` counts as MISC).
pub fn read_hipe(path: &Path) -> Result<Vec<Vec<NerSentence>>, NlpError> {
    let text = read_text(path)?;
    let mut docs: Vec<Vec<NerSentence>> = Vec::new();
    let mut cur: Vec<NerSentence> = Vec::new();
    let (mut forms, mut tags, mut spaces): (Vec<String>, Vec<&str>, Vec<bool>) =
        (Vec::new(), Vec::new(), Vec::new());
    let flush = |forms: &mut Vec<String>,
                 tags: &mut Vec<&str>,
                 spaces: &mut Vec<bool>,
                 cur: &mut Vec<NerSentence>| {
        if !forms.is_empty() {
            let mut s = sentence(std::mem::take(forms), tags);
            s.space_after = std::mem::take(spaces);
            cur.push(s);
        }
        tags.clear();
    };
    for (n, line) in text.lines().enumerate() {
        if line.starts_with("TOKEN\t") || line.trim().is_empty() {
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            if c.trim_start().starts_with("hipe2022:document_id") {
                flush(&mut forms, &mut tags, &mut spaces, &mut cur);
                if !cur.is_empty() {
                    docs.push(std::mem::take(&mut cur));
                }
            }
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 10 {
            return Err(NlpError::Data {
                path: path.to_path_buf(),
                line: n + 1,
                message: format!("{} columns, HIPE TSV has 10", c.len()),
            });
        }
        let misc = c[9];
        forms.push(c[0].to_string());
        tags.push(c[1]);
        spaces.push(!misc.contains("NoSpaceAfter"));
        if misc.contains("EndOfSentence") {
            flush(&mut forms, &mut tags, &mut spaces, &mut cur);
        }
    }
    flush(&mut forms, &mut tags, &mut spaces, &mut cur);
    if !cur.is_empty() {
        docs.push(cur);
    }
    Ok(docs)
}

/// WikiNEuRal CoNLL: `index TAB token TAB tag`, a blank line between sentences.
pub fn read_wikineural(path: &Path) -> Result<Vec<NerSentence>, NlpError> {
    read_columns(path, 1, 2, None)
}

/// The two-column export (`form TAB space_after(0/1) TAB tag`) of held-out sets.
pub fn read_export(path: &Path) -> Result<Vec<NerSentence>, NlpError> {
    read_columns(path, 0, 2, Some(1))
}

fn read_columns(
    path: &Path,
    fc: usize,
    tc: usize,
    sc: Option<usize>,
) -> Result<Vec<NerSentence>, NlpError> {
    let text = read_text(path)?;
    let mut out = Vec::new();
    let (mut forms, mut tags, mut spaces): (Vec<String>, Vec<&str>, Vec<bool>) =
        (Vec::new(), Vec::new(), Vec::new());
    for (n, line) in text.lines().chain(std::iter::once("")).enumerate() {
        if line.trim().is_empty() {
            if !forms.is_empty() {
                let mut s = sentence(std::mem::take(&mut forms), &tags);
                s.space_after = std::mem::take(&mut spaces);
                out.push(s);
            }
            tags.clear();
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() <= fc.max(tc) {
            return Err(NlpError::Data {
                path: path.to_path_buf(),
                line: n + 1,
                message: "too few columns".into(),
            });
        }
        forms.push(c[fc].to_string());
        tags.push(c[tc]);
        spaces.push(sc.is_none_or(|k| c.get(k) != Some(&"0")));
    }
    Ok(out)
}

/// Titles that spaCy's silver person spans often start with.
const TITLES: [&str; 9] = ["M.", "Mme", "MM.", "Mmes", "Mlle", "Dr", "Me", "Mgr", "Pr"];

/// Drops the article that spaCy's silver spans often start with (`la
/// France`): a lower-case article always, and a capitalised one (`La Chine`)
/// at the start of a sentence before a place; and the title before a
/// person (`M. Hollande`). WikiNEuRal (like WikiNER and CoNLL) and the seeds
/// gold leave both out of names.
pub fn trim_articles(s: &mut NerSentence) {
    const ARTICLES: [&str; 7] = ["la", "le", "les", "l'", "l’", "du", "des"];
    for e in &mut s.entities {
        while e.1 - e.0 > 1 {
            let f = s.forms[e.0].as_str();
            let lower_art = ARTICLES.contains(&f);
            let cap_art =
                e.0 == 0 && e.2 == EntityKind::Loc && ["La", "Le", "Les", "L'", "L’"].contains(&f);
            let title = e.2 == EntityKind::Per && TITLES.contains(&f);
            if lower_art || cap_art || title {
                e.0 += 1;
            } else {
                break;
            }
        }
    }
}

/// Mention-replacement augmentation: `copies` new versions of each sentence
/// that has entities, each entity replaced by another mention of its type
/// drawn from the whole set, so that the model learns from contexts as well
/// as from names it has seen.
pub fn augment(sents: &[NerSentence], copies: usize, seed: u64) -> Vec<NerSentence> {
    let mut by_kind: Vec<Vec<Vec<String>>> = vec![Vec::new(); crate::tags::ENTITY_KINDS.len()];
    for s in sents {
        for &(a, b, k) in &s.entities {
            by_kind[k.index()].push(s.forms[a..b].to_vec());
        }
    }
    let mut rng = crate::perceptron::Rng::new(seed);
    let mut out = Vec::new();
    for s in sents.iter().filter(|s| !s.entities.is_empty()) {
        for _ in 0..copies {
            let mut ents = s.entities.clone();
            ents.sort_unstable_by_key(|e| (e.0, e.1));
            let mut n = NerSentence::default();
            let mut at = 0;
            for (a, b, k) in ents {
                if a < at {
                    continue;
                }
                n.forms.extend_from_slice(&s.forms[at..a]);
                n.space_after.extend_from_slice(&s.space_after[at..a]);
                let pool = &by_kind[k.index()];
                let pick =
                    &pool[(rng.next() % pool.len().max(1) as u64) as usize % pool.len().max(1)];
                let start = n.forms.len();
                n.forms.extend(pick.iter().cloned());
                n.space_after.extend(std::iter::repeat_n(true, pick.len()));
                n.entities.push((start, n.forms.len(), k));
                at = b;
            }
            n.forms.extend_from_slice(&s.forms[at..]);
            n.space_after.extend_from_slice(&s.space_after[at..]);
            out.push(n);
        }
    }
    out
}

/// Writes sentences in the export format (read by `tools/spacy_baseline.py ner --format conll`).
pub fn write_export(path: &Path, sents: &[NerSentence]) -> Result<(), NlpError> {
    let mut s = String::new();
    for sent in sents {
        let mut tags = vec!["O".to_string(); sent.forms.len()];
        for &(a, b, k) in &sent.entities {
            for (i, t) in tags.iter_mut().enumerate().take(b).skip(a) {
                *t = format!("{}-{}", if i == a { "B" } else { "I" }, k.as_str());
            }
        }
        for (i, f) in sent.forms.iter().enumerate() {
            let sa = sent.space_after.get(i).copied().unwrap_or(true);
            s.push_str(&format!("{f}\t{}\t{}\n", u8::from(sa), tags[i]));
        }
        s.push('\n');
    }
    std::fs::write(path, s).map_err(|e| NlpError::io(path, e))
}

/// The held-out and training parts of the NewsEye and Europeana sets: every
/// third document of the NewsEye test file, and the last tenth of the
/// Europeana sentences, are held out.
#[derive(Debug, Clone, Default)]
pub struct NerSplits {
    /// Training sentences (historical press).
    pub train: Vec<NerSentence>,
    /// Held-out NewsEye sentences.
    pub newseye_heldout: Vec<NerSentence>,
    /// Held-out Europeana sentences.
    pub europeana_heldout: Vec<NerSentence>,
}

/// Reads and splits the historical-press NER sets under `data` (`../shared/data`).
pub fn historical_splits(data: &Path) -> Result<NerSplits, NlpError> {
    let ner = data.join("ner");
    let mut sp = NerSplits::default();
    for f in ["dev", "dev2"] {
        for d in read_hipe(&ner.join(format!("HIPE-2022-v2.1-newseye-{f}-fr.tsv")))? {
            sp.train.extend(d);
        }
    }
    for (i, d) in read_hipe(&ner.join("HIPE-2022-v2.1-newseye-test-fr.tsv"))?
        .into_iter()
        .enumerate()
    {
        if i % 3 == 0 {
            sp.newseye_heldout.extend(d);
        } else {
            sp.train.extend(d);
        }
    }
    let eu = read_europeana(&ner.join("europeana-fr.bio"))?;
    let cut = eu.len() - eu.len() / 10;
    let (a, b) = eu.split_at(cut);
    sp.train.extend_from_slice(a);
    sp.europeana_heldout = b.to_vec();
    Ok(sp)
}

/// Silver sentences: the lines of the text files in `dir`, cut by our
/// segmenter, with the entity spans of `spans_tsv` (`file TAB start TAB end
/// TAB label …`, byte offsets into the file) projected on the tokens.
pub fn read_silver(
    dir: &Path,
    spans_tsv: &Path,
    seg: &chronicle_text::Segmenter,
) -> Result<Vec<NerSentence>, NlpError> {
    use std::collections::BTreeMap;
    let tsv = read_text(spans_tsv)?;
    let mut by_file: BTreeMap<String, Vec<(usize, usize, EntityKind)>> = BTreeMap::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        let parsed = (c.len() >= 4)
            .then(|| {
                Some((
                    c[1].parse::<usize>().ok()?,
                    c[2].parse::<usize>().ok()?,
                    EntityKind::parse(c[3])?,
                ))
            })
            .flatten();
        let Some((a, b, k)) = parsed else {
            return Err(NlpError::Data {
                path: spans_tsv.to_path_buf(),
                line: n + 1,
                message: "expected file, start, end, label".into(),
            });
        };
        by_file.entry(c[0].to_string()).or_default().push((a, b, k));
    }
    let mut out = Vec::new();
    for (file, spans) in by_file {
        let text = read_text(&dir.join(&file))?;
        out.extend(project(text, &spans, seg));
    }
    Ok(out)
}

/// Cuts `text` into sentences with our segmenter and projects the byte
/// `spans` on their tokens (a token belongs to a span when it starts inside it).
fn project(
    text: String,
    spans: &[(usize, usize, EntityKind)],
    seg: &chronicle_text::Segmenter,
) -> Vec<NerSentence> {
    let mut doc = chronicle_model::Document {
        body: text,
        ..Default::default()
    };
    seg.analyse(&mut doc);
    let mut out = Vec::new();
    for s in &doc.sentences {
        let toks = &doc.tokens[s.first_token..s.end_token];
        if toks.is_empty() {
            continue;
        }
        let mut sent = NerSentence::default();
        for (i, t) in toks.iter().enumerate() {
            sent.forms.push(doc.text(t.span).to_string());
            let next = toks.get(i + 1).map_or(usize::MAX, |n| n.span.start);
            sent.space_after.push(next > t.span.end);
        }
        let (s0, s1) = (toks[0].span.start, toks[toks.len() - 1].span.end);
        for &(a, b, k) in spans.iter().filter(|(a, b, _)| *a < s1 && *b > s0) {
            let first = toks
                .iter()
                .position(|t| t.span.start >= a && t.span.start < b);
            let end = toks
                .iter()
                .rposition(|t| t.span.start >= a && t.span.start < b);
            if let (Some(f), Some(e)) = (first, end) {
                sent.entities.push((f, e + 1, k));
            }
        }
        out.push(sent);
    }
    out
}

/// Silver sentences from the AADS novels (`quotes/aads-french-direct-speech.json`):
/// the spans of `spans_tsv` (`chapter TAB paragraph TAB start TAB end TAB label …`,
/// byte offsets into the paragraph, paragraphs being the chapter text split
/// on newlines) projected on our tokens. Only paragraphs with an entity are kept.
pub fn read_silver_aads(
    json: &Path,
    spans_tsv: &Path,
    seg: &chronicle_text::Segmenter,
) -> Result<Vec<NerSentence>, NlpError> {
    let v: serde_json::Value =
        serde_json::from_str(&read_text(json)?).map_err(|e| NlpError::Data {
            path: json.to_path_buf(),
            line: e.line(),
            message: e.to_string(),
        })?;
    let tsv = read_text(spans_tsv)?;
    let mut by_para: std::collections::BTreeMap<(String, usize), Spans> = Default::default();
    for (n, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        let parsed = (c.len() >= 5)
            .then(|| {
                Some((
                    c[1].parse::<usize>().ok()?,
                    c[2].parse::<usize>().ok()?,
                    c[3].parse::<usize>().ok()?,
                    EntityKind::parse(c[4])?,
                ))
            })
            .flatten();
        let Some((p, a, b, k)) = parsed else {
            return Err(NlpError::Data {
                path: spans_tsv.to_path_buf(),
                line: n + 1,
                message: "expected chapter, paragraph, start, end, label".into(),
            });
        };
        by_para
            .entry((c[0].to_string(), p))
            .or_default()
            .push((a, b, k));
    }
    let mut out = Vec::new();
    for ((chapter, p), spans) in by_para {
        let Some(text) = v[chapter.as_str()]["text"].as_str() else {
            continue;
        };
        let Some(para) = text.split('\n').nth(p) else {
            continue;
        };
        out.extend(
            project(para.to_string(), &spans, seg)
                .into_iter()
                .filter(|s| !s.entities.is_empty()),
        );
    }
    Ok(out)
}

/// Entity byte spans with their types.
type Spans = Vec<(usize, usize, EntityKind)>;

/// Entity spans by file, then by sentence index.
type SpansBySentence = std::collections::BTreeMap<
    String,
    std::collections::BTreeMap<usize, Vec<(usize, usize, EntityKind)>>,
>;

/// Silver sentences from treebank text: the spans of `spans_tsv` (`file TAB
/// sentence TAB start TAB end TAB label …`, byte offsets into the sentence
/// text rebuilt from the surface tokens) projected on the treebank's surface
/// tokens. Only files named in `allowed` are read; `holdout` names a file
/// whose sentences go to the second list instead of the first.
pub fn read_silver_ud(
    ud_dir: &Path,
    spans_tsv: &Path,
    allowed: &[&str],
    holdout: Option<&str>,
) -> Result<(Vec<NerSentence>, Vec<NerSentence>), NlpError> {
    use std::collections::BTreeMap;
    let tsv = read_text(spans_tsv)?;
    let mut by_file: SpansBySentence = BTreeMap::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        let parsed = (c.len() >= 5)
            .then(|| {
                Some((
                    c[1].parse::<usize>().ok()?,
                    c[2].parse::<usize>().ok()?,
                    c[3].parse::<usize>().ok()?,
                    EntityKind::parse(c[4])?,
                ))
            })
            .flatten();
        let Some((s, a, b, k)) = parsed else {
            return Err(NlpError::Data {
                path: spans_tsv.to_path_buf(),
                line: n + 1,
                message: "expected file, sentence, start, end, label".into(),
            });
        };
        by_file
            .entry(c[0].to_string())
            .or_default()
            .entry(s)
            .or_default()
            .push((a, b, k));
    }
    let (mut train, mut held) = (Vec::new(), Vec::new());
    for file in allowed {
        let Some(spans) = by_file.get(*file) else {
            continue;
        };
        let sents = crate::conllu::read_file(&ud_dir.join(file))?;
        for (i, s) in sents.iter().enumerate() {
            let mut ns = NerSentence::default();
            let mut starts = Vec::new();
            let mut at = 0usize;
            for t in &s.tokens {
                starts.push(at);
                at += t.form.len() + usize::from(t.space_after);
                ns.forms.push(t.form.clone());
                ns.space_after.push(t.space_after);
            }
            for &(a, b, k) in spans.get(&i).map_or(&[][..], Vec::as_slice) {
                let inside: Vec<usize> = (0..starts.len())
                    .filter(|&j| starts[j] >= a && starts[j] < b)
                    .collect();
                if let (Some(&f), Some(&e)) = (inside.first(), inside.last()) {
                    ns.entities.push((f, e + 1, k));
                }
            }
            if Some(*file) == holdout {
                held.push(ns);
            } else {
                train.push(ns);
            }
        }
    }
    Ok((train, held))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed encyclopedic prose and its silver spans agree: every
    /// span cuts its text out of its file, and projects on our tokens.
    #[test]
    fn written_prose_and_its_silver_agree() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let dir = repo.join("data/text/encyclo");
        let tsv = repo.join("data/models/silver/encyclo-spacy-md-ents.tsv");
        let spans = std::fs::read_to_string(&tsv).expect("committed silver");
        let mut n = 0;
        for line in spans.lines().filter(|l| !l.starts_with('#')) {
            let c: Vec<&str> = line.split('\t').collect();
            let text = std::fs::read(dir.join(c[0])).expect("committed text");
            let (a, b): (usize, usize) = (c[1].parse().expect("start"), c[2].parse().expect("end"));
            assert_eq!(std::str::from_utf8(&text[a..b]).ok(), Some(c[4]), "{line}");
            n += 1;
        }
        let seg = chronicle_text::Segmenter::french().expect("segmenter");
        let sents = read_silver(&dir, &tsv, &seg).expect("silver reads");
        let projected: usize = sents.iter().map(|s| s.entities.len()).sum();
        assert!(
            n > 20_000 && projected * 100 >= n * 99,
            "{projected} of {n} spans projected"
        );
    }

    #[test]
    fn articles_leave_silver_names() {
        let mut s = NerSentence {
            forms: [
                "La", "Chine", "et", "la", "France", "lisent", "Le", "Monde", "avec", "M.", "Xi",
            ]
            .map(String::from)
            .to_vec(),
            space_after: vec![true; 11],
            entities: vec![
                (0, 2, EntityKind::Loc),
                (3, 5, EntityKind::Loc),
                (6, 8, EntityKind::Org),
                (9, 11, EntityKind::Per),
            ],
        };
        trim_articles(&mut s);
        assert_eq!(
            s.entities,
            vec![
                (1, 2, EntityKind::Loc),
                (4, 5, EntityKind::Loc),
                (6, 8, EntityKind::Org),
                (10, 11, EntityKind::Per)
            ]
        );
    }

    #[test]
    fn bio_and_io() {
        let s = spans_of(&["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG"]);
        assert_eq!(
            s,
            vec![
                (0, 2, EntityKind::Per),
                (3, 5, EntityKind::Loc),
                (5, 6, EntityKind::Loc),
                (6, 7, EntityKind::Org)
            ]
        );
        assert_eq!(spans_of(&["B-time", "O"]), vec![]);
    }
}
