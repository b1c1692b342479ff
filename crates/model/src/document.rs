//! The document as it moves through the pipeline.

use crate::record::{Duplicate, Entity, Event, Published, Quote, Record, Removal, TimeExpr};
use crate::span::Span;

/// What the caller said about an input, before any stage looked at its text:
/// the fields of a JSON Lines feed, `<meta>` tags of a page, `--published`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Given {
    /// Publication date as given (`2022-01-10`, `2019-03`, `2022-01-10T08:30:00Z`).
    pub published: Option<String>,
    /// Headline, when the input carries it apart from the text.
    pub title: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// Where the article was published.
    pub url: Option<String>,
    /// Language code, when the caller knows it.
    pub language: Option<String>,
}

/// The kind of a surface token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens or apostrophes kept (`aujourd'hui`).
    Word,
    /// Digits, possibly grouped (`1 770`, `3,5`, `2019-03`).
    Number,
    /// Punctuation, including quotation marks.
    Punct,
    /// Anything else: symbols, emoji, currency signs.
    Symbol,
}

/// A surface token: a byte span of the body and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    /// Where it is in the body.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// A sentence: its span of the body and the range of its tokens in
/// [`Document::tokens`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sentence {
    /// Where it is in the body.
    pub span: Span,
    /// Index of its first token.
    pub first_token: usize,
    /// One past the index of its last token.
    pub end_token: usize,
}

/// A syntactic word: a surface token, or one word of a contraction (`au` is
/// `à` + `le`), with its part of speech, features, lemma and dependency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Index of the surface token it comes from in [`Document::tokens`].
    pub token: usize,
    /// Index of its sentence in [`Document::sentences`].
    pub sentence: usize,
    /// Its form: the token's text, or a word of a contraction.
    pub form: String,
    /// Universal part of speech (`NOUN`, `VERB`, `PROPN`…).
    pub upos: String,
    /// Morphological features, UD style (`Gender=Fem|Number=Sing`), `_` when none.
    pub feats: String,
    /// Lemma.
    pub lemma: String,
    /// Index of its head in [`Document::words`]; `None` for a sentence's root
    /// or when no parser ran.
    pub head: Option<usize>,
    /// UD relation to its head (`nsubj`, `obj`, `obl:arg`, `root`); empty when no parser ran.
    pub deprel: String,
}

/// A name the entity recogniser found, before linking: its span and type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NamedSpan {
    /// Where it is in the body.
    pub span: Span,
    /// Index of its first token.
    pub first_token: usize,
    /// One past the index of its last token.
    pub end_token: usize,
    /// PER, ORG, LOC or MISC.
    pub kind: &'static str,
}

/// One article on its way through the pipeline. `read` creates it with `raw`
/// and `given`; `clean` fills the body and what it removed; later stages add
/// their annotations. [`Document::record`] gives the output shape.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Given id, else the file's stem.
    pub id: String,
    /// The file it was read from, if any.
    pub path: Option<String>,
    /// Hex sha256 of the raw input bytes.
    pub sha256: String,
    /// The decoded text before cleaning.
    pub raw: String,
    /// What the caller said about it.
    pub given: Given,
    /// ISO 639-1 code, once detected.
    pub language: Option<String>,
    /// Publication date, with where it came from.
    pub published: Option<Published>,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// Place named at the head of the article.
    pub dateline: Option<String>,
    /// The cleaned article text: paragraphs joined by `\n`.
    pub body: String,
    /// Spans of the paragraphs of `body`.
    pub paragraphs: Vec<Span>,
    /// What cleaning took out, and why.
    pub removed: Vec<Removal>,
    /// Surface tokens of `body`.
    pub tokens: Vec<Token>,
    /// Sentences of `body`.
    pub sentences: Vec<Sentence>,
    /// Syntactic words with part of speech, lemma and dependency (the analyse stage).
    pub words: Vec<Word>,
    /// Names the entity recogniser found, which the link stage ties to actors.
    pub names: Vec<NamedSpan>,
    /// Entities found in `body`.
    pub entities: Vec<Entity>,
    /// Quotes found in `body`.
    pub quotes: Vec<Quote>,
    /// Events coded from `body`.
    pub events: Vec<Event>,
    /// Time expressions of `body`.
    pub times: Vec<TimeExpr>,
    /// Passages shared with documents seen before.
    pub duplicates: Vec<Duplicate>,
    /// Things a reader of the record should know (another language, an odd input).
    pub warnings: Vec<String>,
}

impl Document {
    /// The record of `design/output.md` for this document.
    pub fn record(&self) -> Record {
        Record {
            id: self.id.clone(),
            path: self.path.clone(),
            sha256: self.sha256.clone(),
            language: self.language.clone(),
            published: self.published.clone(),
            title: self.title.clone(),
            source: self.source.clone(),
            dateline: self.dateline.clone(),
            url: self.given.url.clone(),
            body: self.body.clone(),
            removed: self.removed.clone(),
            entities: self.entities.clone(),
            quotes: self.quotes.clone(),
            events: self.events.clone(),
            times: self.times.clone(),
            duplicates: self.duplicates.clone(),
            warnings: self.warnings.clone(),
        }
    }

    /// A document holding what a record says, as read back from JSON Lines
    /// that `extract` wrote (elsewhere, or earlier): `record()` of it gives
    /// the record again. Paragraphs are the body's lines; tokens, sentences
    /// and words are not in records and stay empty (run the tokenizer to get
    /// them back).
    pub fn from_record(record: Record) -> Document {
        let mut paragraphs = Vec::new();
        let mut start = 0;
        for line in record.body.split('\n') {
            paragraphs.push(Span::new(start, start + line.len()));
            start += line.len() + 1;
        }
        Document {
            id: record.id,
            path: record.path,
            sha256: record.sha256,
            given: Given {
                url: record.url,
                ..Given::default()
            },
            language: record.language,
            published: record.published,
            title: record.title,
            source: record.source,
            dateline: record.dateline,
            body: record.body,
            paragraphs,
            removed: record.removed,
            entities: record.entities,
            quotes: record.quotes,
            events: record.events,
            times: record.times,
            duplicates: record.duplicates,
            warnings: record.warnings,
            ..Document::default()
        }
    }

    /// The text of a span of the body (empty when the span is out of bounds).
    pub fn text(&self, span: Span) -> &str {
        span.cut(&self.body).unwrap_or("")
    }
}
