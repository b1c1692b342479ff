//! The tagger: a language's time words loaded once, and the `time` stage.

use std::path::Path;

use chronicle_model::{Document, Published, Span};

use crate::calendar::iso;
use crate::error::TimeError;
use crate::found::Found;
use crate::grammar::{self, Cand, Kind};
use crate::lexicon::Lexicon;
use crate::reference::Reference;
use crate::resolve::{Ctx, Narrative, resolve};
use crate::tense::tense_at;
use crate::timex::timex;
use crate::tokens::{Tok, tokenize};

/// The French time words, built into the binary.
const FRENCH: &str = include_str!("../../../data/lang/fr/time.toml");

/// Finds and normalises time expressions of one language. Built once from
/// data, then shared by every thread (`Send + Sync`, read-only).
#[derive(Debug, Clone)]
pub struct TimeTagger {
    lex: Lexicon,
}

impl TimeTagger {
    /// The tagger for French, with the word lists built into the binary.
    pub fn french() -> Result<TimeTagger, TimeError> {
        TimeTagger::from_toml(FRENCH, "data/lang/fr/time.toml")
    }

    /// A tagger from the text of a `time.toml`; `path` names it in errors.
    pub fn from_toml(text: &str, path: &str) -> Result<TimeTagger, TimeError> {
        Ok(TimeTagger {
            lex: Lexicon::parse(text, path)?,
        })
    }

    /// A tagger from `<data>/lang/<language>/time.toml` on disk, to try new
    /// word lists without rebuilding.
    pub fn from_dir(data: &Path, language: &str) -> Result<TimeTagger, TimeError> {
        let path = data.join("lang").join(language).join("time.toml");
        let text = std::fs::read_to_string(&path).map_err(|source| TimeError::Io {
            path: path.display().to_string(),
            source,
        })?;
        TimeTagger::from_toml(&text, &path.display().to_string())
    }

    /// The ISO 639-1 code of its language.
    pub fn language(&self) -> &str {
        &self.lex.language
    }

    #[cfg(test)]
    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Every time expression of `text`, normalised against `reference` (the
    /// publication date, at any precision) when given; without one, only
    /// expressions that name their own year get a value.
    pub fn find(&self, text: &str, reference: Option<&Reference>) -> Vec<Found> {
        let toks = tokenize(text);
        let cands = grammar::read(&toks, &self.lex);
        self.normalise(text, &toks, &cands, reference.copied())
    }

    /// The publication date `text` gives by itself (a "Publié le …" line, a
    /// dateline, or a weekday and date that fit one year the text names), or
    /// `None`: never a guess.
    pub fn infer_published(&self, text: &str) -> Option<Published> {
        let toks = tokenize(text);
        let cands = grammar::read(&toks, &self.lex);
        crate::published::infer(&toks, &cands, &self.lex)
    }

    /// The `time` stage: reads `body`, `published` and `language`; sets
    /// `published` (origin `text`) when it is `None` and the body says
    /// enough, and `times` to the body's time expressions normalised against
    /// the publication date (durations and sets left out). A document in
    /// another language is left as it is.
    pub fn annotate(&self, doc: &mut Document) {
        if doc
            .language
            .as_deref()
            .is_some_and(|l| l != self.lex.language)
        {
            return;
        }
        let toks = tokenize(&doc.body);
        let cands = grammar::read(&toks, &self.lex);
        if doc.published.is_none() {
            doc.published = crate::published::infer(&toks, &cands, &self.lex);
        }
        let reference = doc.published.as_ref().and_then(Reference::from_published);
        doc.times = self
            .normalise(&doc.body, &toks, &cands, reference)
            .iter()
            .filter(|f| !matches!(f.kind, Kind::Duration | Kind::Set))
            .map(Found::to_time_expr)
            .collect();
    }

    fn normalise(
        &self,
        text: &str,
        toks: &[Tok],
        cands: &[Cand],
        reference: Option<Reference>,
    ) -> Vec<Found> {
        let mut anchor = Narrative::Unset;
        let mut out = Vec::with_capacity(cands.len());
        for c in cands {
            let start = toks[c.start].start;
            let end = toks[c.end - 1].end;
            let cx = Ctx {
                reference,
                tense: tense_at(toks, c.start, c.end, &self.lex.tense),
                anchor,
                lex: &self.lex,
            };
            let resolved = resolve(&c.expr, &cx);
            let (value, precision) = resolved.and_then(|r| r.value()).unzip();
            if !anaphoric(&c.expr)
                && !matches!(c.kind, Kind::Duration | Kind::Set)
                && !background(&c.expr, resolved, toks, c.start, &self.lex)
            {
                anchor = match resolved {
                    Some(r) if r.first == r.last => Narrative::Day(r.first),
                    _ => Narrative::Vague,
                };
            }
            let day = |d| iso(d, chronicle_model::Precision::Day);
            out.push(Found {
                span: Span::new(start, end),
                text: text[start..end].to_string(),
                kind: c.kind,
                value,
                precision,
                first_day: resolved.map(|r| day(r.first)),
                last_day: resolved.map(|r| day(r.last)),
                timex: timex(&c.expr, &self.lex),
                range_end_first: resolved.and_then(|r| r.to_first).map(day),
            });
        }
        out
    }
}

/// Whether an expression leaves the day last named as the one "la veille"
/// counts from: a year or more told in passing ("visée depuis 2014", "l'an
/// dernier", "en 2023-2024"), which no day can be counted from, and "au
/// lendemain d'une rencontre", counted from an act the text does not date.
fn background(
    e: &crate::expr::Expr,
    resolved: Option<crate::resolve::Resolved>,
    toks: &[Tok],
    start: usize,
    lex: &Lexicon,
) -> bool {
    use chronicle_model::Precision;
    match resolved {
        Some(r) => match r.value() {
            Some((_, p)) => p == Precision::Year,
            // several years
            None => chrono::Datelike::year(&r.first) != chrono::Datelike::year(&r.last),
        },
        None => {
            matches!(e, crate::expr::Expr::Unresolved { unit: None })
                && lex.anaphoric.at(toks, start).is_some()
        }
    }
}

/// Whether an expression counts from the day last named ("la veille", "deux
/// jours plus tard"): it does not move that day.
fn anaphoric(e: &crate::expr::Expr) -> bool {
    use crate::expr::{Anchor, Expr};
    match e {
        Expr::DayShift { anchor, .. } | Expr::Shift { anchor, .. } => *anchor == Anchor::Narrative,
        Expr::Weekday { how, .. } => matches!(
            how,
            crate::expr::WeekdayHow::Following | crate::expr::WeekdayHow::Preceding
        ),
        Expr::WithPart { of, .. } => anaphoric(of),
        Expr::Clock { day: Some(d), .. } => anaphoric(d),
        _ => false,
    }
}
