//! The document as the quote finder reads it: tokens with their normalised
//! text, which quotation each lies in, and the units (sentences merged so that
//! no quotation crosses a unit boundary) it works through in order.

use chronicle_model::{Document, TokenKind};

use crate::lexicon::{Lexicon, norm};
use crate::marks::Marked;

/// A token of the body with what the finder asks of it.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    /// Byte offset of its start in the body.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// Lower case, apostrophes as `'`.
    pub low: String,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Letters (or a word with inner hyphens and apostrophes).
    pub word: bool,
    /// Punctuation, quotation marks included.
    pub punct: bool,
}

/// A stretch of whole sentences with no quotation crossing its ends.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Unit {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
}

/// Tokens, quotations and units of one document.
pub(crate) struct View<'a> {
    /// The body.
    pub body: &'a str,
    /// Its tokens.
    pub toks: Vec<Tok>,
    /// For each token, the quotation whose marks enclose it (marks included).
    pub inside: Vec<Option<usize>>,
    /// The units, in order.
    pub units: Vec<Unit>,
    /// Byte spans of the paragraphs.
    pub paragraphs: Vec<(usize, usize)>,
    /// For each token, whether a time expression of the document (the `time`
    /// stage) covers it.
    pub time: Vec<bool>,
    /// The entities of the document (the `link` stage), if any.
    pub entities: &'a [chronicle_model::Entity],
}

impl<'a> View<'a> {
    /// Builds the view of `doc`, whose quotations are `quotes`.
    pub fn new(doc: &'a Document, quotes: &[Marked]) -> View<'a> {
        let body = doc.body.as_str();
        let toks: Vec<Tok> = doc
            .tokens
            .iter()
            .filter_map(|t| {
                let text = t.span.cut(body)?;
                Some(Tok {
                    start: t.span.start,
                    end: t.span.end,
                    low: norm(text),
                    cap: text.chars().next().is_some_and(char::is_uppercase),
                    word: t.kind == TokenKind::Word,
                    punct: t.kind == TokenKind::Punct,
                })
            })
            .collect();
        let mut inside = vec![None; toks.len()];
        for (q, m) in quotes.iter().enumerate() {
            let a = toks.partition_point(|t| t.start < m.open);
            let b = toks.partition_point(|t| t.start < m.close);
            for (i, slot) in inside.iter_mut().enumerate().take(b).skip(a) {
                if toks.get(i).is_some_and(|t| t.end <= m.close) {
                    *slot = Some(q);
                }
            }
        }
        let paragraphs = paragraphs(body);
        let units = units(doc, &toks, quotes, &paragraphs);
        let time = toks
            .iter()
            .map(|t| {
                doc.times
                    .iter()
                    .any(|x| x.start <= t.start && t.end <= x.end)
            })
            .collect();
        View {
            body,
            toks,
            inside,
            units,
            paragraphs,
            time,
            entities: &doc.entities,
        }
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The normalised text of token `i`, or `""` past the end.
    pub fn low(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.low.as_str())
    }

    /// The text of token `i` as written.
    pub fn text(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.body.get(t.start..t.end))
            .unwrap_or("")
    }

    /// The text from token `a` to token `b` (inclusive), white space folded to
    /// single spaces.
    pub fn span_text(&self, a: usize, b: usize) -> String {
        let (Some(x), Some(y)) = (self.toks.get(a), self.toks.get(b)) else {
            return String::new();
        };
        let s = self.body.get(x.start..y.end).unwrap_or("");
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Whether token `i` is a name word: capitalised letters that are not a
    /// function word.
    pub fn is_name_word(&self, lex: &Lexicon, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.cap
                && t.word
                && !lex.is("not_name", &t.low)
                && !lex.titles.contains_key(&t.low)
                && !lex.is("subj", &t.low)
                && !self.capitalised_role(lex, i)
        })
    }

    /// Whether token `i` is a role word written with a capital after a
    /// determiner, `de` or a preposition ("le Président Serdar Berdimoukhamedov", "du
    /// Ministre chinois"): a role, not part of a name.
    fn capitalised_role(&self, lex: &Lexicon, i: usize) -> bool {
        i > 0
            && self.toks.get(i).is_some_and(|t| lex.is("role1", &t.low))
            && self.toks.get(i - 1).is_some_and(|p| {
                lex.determiners.contains_key(&p.low)
                    || lex.is("of", &p.low)
                    || lex.is("prep", &p.low)
            })
    }

    /// Whether token `i` is a word of time: inside a time expression of the
    /// document, or one of the time words of the lexicon ("soir", "veille").
    pub fn is_time(&self, lex: &Lexicon, i: usize) -> bool {
        self.time.get(i).copied().unwrap_or(false)
            || self
                .toks
                .get(i)
                .is_some_and(|t| t.word && lex.is("time", &t.low))
    }

    /// The entity whose mention covers tokens `a..=b`, if one does.
    pub fn entity_over(&self, a: usize, b: usize) -> Option<&'a chronicle_model::Entity> {
        let (s, e) = (self.toks.get(a)?.start, self.toks.get(b)?.end);
        self.entities
            .iter()
            .find(|ent| ent.mentions.iter().any(|m| m.start <= s && m.end >= e))
    }

    /// How many tokens the adverb or adverbial phrase at token `i` takes
    /// ("en outre", "de nouveau", "toutefois"): 0 when none starts there.
    pub fn adverb_len(&self, lex: &Lexicon, i: usize) -> usize {
        if i >= self.len() {
            return 0;
        }
        lex.adverb_len((i..self.len()).map(|k| self.low(k)))
    }

    /// Whether token `i` is punctuation `p`.
    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.punct && t.low == p)
    }

    /// Whether token `i` is any punctuation.
    pub fn punct(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.punct)
    }

    /// The paragraph holding byte `at`.
    pub fn paragraph_of(&self, at: usize) -> Option<(usize, usize)> {
        let k = self.paragraphs.partition_point(|&(s, _)| s <= at);
        self.paragraphs
            .get(k.checked_sub(1)?)
            .copied()
            .filter(|&(s, e)| at >= s && at <= e)
    }

    /// The first token starting at or after byte `at`.
    pub fn token_at(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.start < at)
    }

    /// The unit holding token `i`.
    pub fn unit_of(&self, i: usize) -> Option<Unit> {
        let k = self.units.partition_point(|u| u.first <= i);
        self.units
            .get(k.checked_sub(1)?)
            .copied()
            .filter(|u| i >= u.first && i < u.end)
    }
}

/// Byte spans of the paragraphs of `body` (its lines).
pub(crate) fn paragraphs(body: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in body.char_indices() {
        if c == '\n' {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, body.len()));
    out
}

/// The units of a document: its sentences (or its paragraphs when it has no
/// sentences), merged where a quotation crosses their boundary.
fn units(
    doc: &Document,
    toks: &[Tok],
    quotes: &[Marked],
    paragraphs: &[(usize, usize)],
) -> Vec<Unit> {
    let mut base: Vec<(usize, usize)> = doc
        .sentences
        .iter()
        .map(|s| (s.first_token, s.end_token.min(toks.len())))
        .filter(|(a, b)| a < b)
        .collect();
    if base.is_empty() {
        for &(s, e) in paragraphs {
            let a = toks.partition_point(|t| t.start < s);
            let b = toks.partition_point(|t| t.start < e);
            if a < b {
                base.push((a, b));
            }
        }
    }
    let mut out: Vec<Unit> = Vec::new();
    for (a, b) in base {
        if let Some(last) = out.last_mut() {
            let boundary = toks.get(a).map_or(0, |t| t.start);
            let crossed = quotes
                .iter()
                .any(|q| q.open < boundary && q.close > boundary);
            if crossed {
                last.end = b;
                continue;
            }
        }
        out.push(Unit { first: a, end: b });
    }
    out
}
