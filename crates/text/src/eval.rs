//! Token and sentence-boundary scores against Universal Dependencies treebanks.
//!
//! **Tokens.** Each sentence's `# text` is tokenised alone and compared with
//! the treebank's surface tokens (a multi-word token such as `au` on a `1-2`
//! line is one token; its syntactic words are ignored). Gold tokens are placed
//! in the text by matching their forms left to right; a token counts as found
//! when a predicted token has exactly its start and end offsets.
//!
//! **Sentences.** Sentences are grouped into chunks: one per paragraph where
//! the file marks `# newpar`, else one per document where it marks `# newdoc`,
//! else [`EvalOptions::chunk`] consecutive sentences. A chunk's text is its
//! sentences' texts joined, and is split by the segmenter. The boundaries are
//! the ends of every sentence of the chunk but the last; a predicted boundary
//! is right when a gold sentence ends at the same offset. With [`Join::Layout`]
//! (the default) two sentences are joined by a space when the first ends with
//! final punctuation (`.`, `!`, `?`, `…`, maybe followed by closing quotes or
//! brackets), and by a line break otherwise: a sentence without a final mark
//! is a title, a list item or a table line, which stands on its own line in
//! running text. [`Join::Space`] always joins with a space.

use std::fmt;
use std::path::{Path, PathBuf};

use chronicle_model::Token;

use crate::conllu::{self, UdSentence};
use crate::segmenter::Segmenter;

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A treebank file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The segmenter's word lists could not be loaded.
    #[error(transparent)]
    Lexicon(#[from] crate::lexicon::LexiconError),
    /// A treebank file is not valid CoNLL-U.
    #[error("{path}:{line}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// How sentences of one chunk are joined for the boundary score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Join {
    /// A space after a sentence with a final mark, a line break after one
    /// without (a title, a list item).
    #[default]
    Layout,
    /// Always a space.
    Space,
}

/// Settings of an evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EvalOptions {
    /// Sentences per chunk when the file marks neither paragraphs nor documents.
    pub chunk: usize,
    /// How sentences of a chunk are joined.
    pub join: Join,
    /// How many mismatches to keep per file for reading ([`FileReport::mismatches`]).
    pub examples: usize,
}

impl Default for EvalOptions {
    fn default() -> Self {
        EvalOptions {
            chunk: 10,
            join: Join::Layout,
            examples: 0,
        }
    }
}

/// Gold, predicted and correct counts, with precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Items in the treebank.
    pub gold: usize,
    /// Items the segmenter produced.
    pub predicted: usize,
    /// Items in both.
    pub correct: usize,
}

impl Counts {
    /// Correct over predicted (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    /// Correct over gold (1 when there is no gold item).
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.correct += o.correct;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// The scores of one treebank file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileReport {
    /// The file's name.
    pub file: String,
    /// Surface tokens.
    pub tokens: Counts,
    /// Sentence boundaries inside chunks.
    pub sentences: Counts,
    /// Gold tokens whose form could not be found in the sentence text.
    pub unaligned: usize,
    /// Up to [`EvalOptions::examples`] texts where the segmenter disagreed,
    /// with gold and predicted cuts marked by `|`.
    pub mismatches: Vec<String>,
}

/// Scores for a set of treebank files; `Display` prints them as a table: per
/// file (and summed when there are several) the gold tokens and token P/R/F1,
/// then the gold sentence boundaries and boundary P/R/F1, in percent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// One entry per file, in the order given.
    pub files: Vec<FileReport>,
}

impl Report {
    /// The sums over all files.
    pub fn total(&self) -> FileReport {
        let mut t = FileReport {
            file: "all".into(),
            ..FileReport::default()
        };
        for f in &self.files {
            t.tokens.add(f.tokens);
            t.sentences.add(f.sentences);
            t.unaligned += f.unaligned;
        }
        t
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<32} {:>8} {:>7} {:>7} {:>7}   {:>10} {:>7} {:>7} {:>7}",
            "file", "tokens", "P", "R", "F1", "boundaries", "P", "R", "F1"
        )?;
        let total = self.total();
        let rows = self
            .files
            .iter()
            .chain((self.files.len() > 1).then_some(&total));
        for r in rows {
            let pct = |x: f64| format!("{:.2}", 100.0 * x);
            writeln!(
                f,
                "{:<32} {:>8} {:>7} {:>7} {:>7}   {:>10} {:>7} {:>7} {:>7}",
                r.file,
                r.tokens.gold,
                pct(r.tokens.precision()),
                pct(r.tokens.recall()),
                pct(r.tokens.f1()),
                r.sentences.gold,
                pct(r.sentences.precision()),
                pct(r.sentences.recall()),
                pct(r.sentences.f1()),
            )?;
        }
        Ok(())
    }
}

/// Scores the French segmenter on CoNLL-U files with the default options:
/// what `chronicle eval tokens` prints.
pub fn run_ud_eval(paths: &[PathBuf]) -> Result<Report, EvalError> {
    let seg = Segmenter::french()?;
    let opts = EvalOptions::default();
    let files = paths
        .iter()
        .map(|p| evaluate_file(&seg, p, &opts))
        .collect::<Result<_, _>>()?;
    Ok(Report { files })
}

/// Scores `seg` on one CoNLL-U file.
pub fn evaluate_file(
    seg: &Segmenter,
    path: &Path,
    opts: &EvalOptions,
) -> Result<FileReport, EvalError> {
    let input = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    evaluate_str(seg, &name, &input, opts).map_err(|e| match e {
        EvalError::Format { line, message, .. } => EvalError::Format {
            path: path.to_path_buf(),
            line,
            message,
        },
        other => other,
    })
}

/// Scores `seg` on CoNLL-U text; `name` labels the report.
pub fn evaluate_str(
    seg: &Segmenter,
    name: &str,
    conllu_text: &str,
    opts: &EvalOptions,
) -> Result<FileReport, EvalError> {
    let sents = conllu::parse(conllu_text).map_err(|e| EvalError::Format {
        path: PathBuf::from(name),
        line: e.line,
        message: e.message,
    })?;
    let mut report = FileReport {
        file: name.to_string(),
        ..FileReport::default()
    };
    let mut tokens = Vec::new();
    for s in &sents {
        tokens.clear();
        seg.tokenize_into(&s.text, &mut tokens);
        let (gold, unaligned) = align(&s.text, &s.forms);
        let c = compare(&gold, &spans(&tokens));
        if c.correct < c.gold.max(c.predicted) && report.mismatches.len() < opts.examples {
            report.mismatches.push(format!(
                "TOKENS\n  gold: {}\n  pred: {}",
                mark(&s.text, &gold),
                mark(&s.text, &spans(&tokens))
            ));
        }
        report.tokens.add(c);
        report.unaligned += unaligned;
    }
    for chunk in chunks(&sents, opts.chunk) {
        let (text, gold) = join(chunk, opts.join);
        tokens.clear();
        seg.tokenize_into(&text, &mut tokens);
        let pred: Vec<usize> = seg
            .sentences(&text, &tokens)
            .iter()
            .map(|s| s.span.end)
            .collect();
        let pred = &pred[..pred.len().saturating_sub(1)];
        let c = compare_ends(&gold, pred);
        if c.correct < c.gold.max(c.predicted) && report.mismatches.len() < opts.examples {
            report.mismatches.push(format!(
                "SENTENCES\n  gold: {}\n  pred: {}",
                mark_ends(&text, &gold),
                mark_ends(&text, pred)
            ));
        }
        report.sentences.add(c);
    }
    Ok(report)
}

/// Byte spans of the gold forms in `text`, and how many could not be placed.
fn align(text: &str, forms: &[String]) -> (Vec<(usize, usize)>, usize) {
    let mut out = Vec::with_capacity(forms.len());
    let mut missing = 0;
    let mut at = 0;
    for form in forms {
        let rest = &text[at..];
        let skip = rest.len() - rest.trim_start().len();
        if rest[skip..].starts_with(form.as_str()) {
            out.push((at + skip, at + skip + form.len()));
            at += skip + form.len();
        } else if let Some(k) = rest.find(form.as_str()) {
            out.push((at + k, at + k + form.len()));
            at += k + form.len();
        } else {
            missing += 1;
        }
    }
    (out, missing)
}

fn spans(tokens: &[Token]) -> Vec<(usize, usize)> {
    tokens.iter().map(|t| (t.span.start, t.span.end)).collect()
}

/// Matches two sorted lists of spans.
fn compare(gold: &[(usize, usize)], pred: &[(usize, usize)]) -> Counts {
    let (mut i, mut j, mut correct) = (0, 0, 0);
    while i < gold.len() && j < pred.len() {
        match gold[i].cmp(&pred[j]) {
            std::cmp::Ordering::Equal => {
                correct += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    Counts {
        gold: gold.len(),
        predicted: pred.len(),
        correct,
    }
}

/// Matches two sorted lists of boundary offsets.
fn compare_ends(gold: &[usize], pred: &[usize]) -> Counts {
    let g: Vec<(usize, usize)> = gold.iter().map(|&e| (e, e)).collect();
    let p: Vec<(usize, usize)> = pred.iter().map(|&e| (e, e)).collect();
    compare(&g, &p)
}

/// The chunks of sentences scored together for boundaries.
fn chunks(sents: &[UdSentence], size: usize) -> Vec<&[UdSentence]> {
    let pars = sents.iter().any(|s| s.newpar);
    let docs = sents.iter().any(|s| s.newdoc);
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=sents.len() {
        let cut = i == sents.len()
            || if pars {
                sents[i].newpar || sents[i].newdoc
            } else if docs {
                sents[i].newdoc
            } else {
                i - start >= size.max(1)
            };
        if cut {
            out.push(&sents[start..i]);
            start = i;
        }
    }
    out
}

/// A chunk's text and the offsets where its sentences end (but the last).
fn join(chunk: &[UdSentence], how: Join) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut ends = Vec::new();
    for (k, s) in chunk.iter().enumerate() {
        if k > 0 {
            let prev = chunk[k - 1]
                .text
                .trim_end_matches(['»', '”', '"', '\'', ')', ']', ' ']);
            let closed = prev.ends_with(['.', '!', '?', '…']);
            text.push(if how == Join::Space || closed {
                ' '
            } else {
                '\n'
            });
        }
        text.push_str(s.text.trim());
        if k + 1 < chunk.len() {
            ends.push(text.len());
        }
    }
    (text, ends)
}

/// `text` with `|` at each span's edges, for reading mismatches.
fn mark(text: &str, spans: &[(usize, usize)]) -> String {
    let parts: Vec<&str> = spans
        .iter()
        .map(|&(s, e)| text.get(s..e).unwrap_or("?"))
        .collect();
    parts.join(" | ")
}

/// `text` with `‖` at each boundary and `⏎` for line breaks.
fn mark_ends(text: &str, ends: &[usize]) -> String {
    let mut out = String::with_capacity(text.len() + 4 * ends.len());
    let mut at = 0;
    for &e in ends {
        out.push_str(text.get(at..e).unwrap_or(""));
        out.push_str(" ‖");
        at = e;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    out.replace('\n', "⏎")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# text = M. Dupont est venu au marché.\n\
1\tM.\tM.\tNOUN\t_\t_\t2\tnsubj\t_\t_\n\
2\tDupont\tDupont\tPROPN\t_\t_\t3\tnsubj\t_\t_\n\
3\test\têtre\tAUX\t_\t_\t4\taux\t_\t_\n\
4\tvenu\tvenir\tVERB\t_\t_\t0\troot\t_\t_\n\
5-6\tau\t_\t_\t_\t_\t_\t_\t_\t_\n\
5\tà\tà\tADP\t_\t_\t7\tcase\t_\t_\n\
6\tle\tle\tDET\t_\t_\t7\tdet\t_\t_\n\
7\tmarché\tmarché\tNOUN\t_\t_\t4\tobl\t_\tSpaceAfter=No\n\
8\t.\t.\tPUNCT\t_\t_\t4\tpunct\t_\t_\n\n\
# text = Il pleut\n\
1\tIl\til\tPRON\t_\t_\t2\tnsubj\t_\t_\n\
2\tpleut\tpleuvoir\tVERB\t_\t_\t0\troot\t_\t_\n\n\
# text = Oui.\n\
1\tOui\toui\tINTJ\t_\t_\t0\troot\t_\tSpaceAfter=No\n\
2\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_\n\n";

    #[test]
    fn scores_a_small_treebank() {
        let seg = Segmenter::french().expect("French lists load");
        let r = evaluate_str(&seg, "sample", SAMPLE, &EvalOptions::default()).expect("parses");
        assert_eq!(r.tokens.gold, 11);
        assert_eq!(r.tokens.correct, 11);
        assert_eq!(r.sentences.gold, 2);
        assert_eq!(r.sentences.correct, 2);
        let table = Report { files: vec![r] }.to_string();
        assert!(
            table.contains("sample") && table.contains("100.00"),
            "{table}"
        );
    }

    #[test]
    fn layout_join_puts_untermined_sentences_on_their_own_line() {
        let s = conllu::parse(SAMPLE).expect("parses");
        let (text, ends) = join(&s, Join::Layout);
        assert_eq!(text, "M. Dupont est venu au marché. Il pleut\nOui.");
        assert_eq!(ends, [30, 39]);
        let (text, _) = join(&s, Join::Space);
        assert_eq!(text, "M. Dupont est venu au marché. Il pleut Oui.");
    }

    #[test]
    fn counts() {
        let c = Counts {
            gold: 4,
            predicted: 5,
            correct: 4,
        };
        assert!((c.precision() - 0.8).abs() < 1e-9);
        assert!((c.recall() - 1.0).abs() < 1e-9);
        assert!((c.f1() - 8.0 / 9.0).abs() < 1e-9);
    }
}
