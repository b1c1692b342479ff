//! One document's linking in progress: the body, its sentences and tokens,
//! the knowledge base's matches, and the mentions found so far, each with the
//! actor it stands for.

use chronicle_kb::{Actor, ActorType, AliasKind, Candidate, KnowledgeBase};
use chronicle_model::{Document, Span, Token, TokenKind};

use crate::rules::Rules;
use crate::words::lower;

/// What a mention stands for: an actor of the base, or an actor local to the
/// document (a person the base does not know).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Referent<'kb> {
    /// An actor of the knowledge base.
    Kb(&'kb Actor),
    /// The document's local actor of that index.
    Local(usize),
}

impl PartialEq for Referent<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Referent::Kb(a), Referent::Kb(b)) => a.id() == b.id(),
            (Referent::Local(a), Referent::Local(b)) => a == b,
            _ => false,
        }
    }
}

/// How a mention was linked; kept for tests and for reading results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum How {
    /// A name, alias or acronym of the base.
    Name,
    /// A person's surname, to the person.
    Surname,
    /// A capital or seat of power standing for its government.
    Metonym,
    /// A capital named as a place ("à Pékin").
    Place,
    /// A people named by its demonym ("des Kazakhs", "l'ethnie ouïghoure").
    People,
    /// A role phrase, to its holder ("le président chinois").
    Title,
    /// "son homologue kazakh", to the counterpart's holder.
    Counterpart,
    /// A role phrase naming a body ("le gouvernement chinois").
    Body,
    /// A name the base does not know, read by the rules.
    Local,
    /// A span given by the statistical recogniser.
    Ner,
}

/// A mention found: where, and what it stands for.
#[derive(Debug, Clone)]
pub(crate) struct Found<'kb> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) who: Referent<'kb>,
    pub(crate) how: How,
}

/// An actor of the document that the base does not know.
#[derive(Debug, Clone)]
pub(crate) struct Local {
    pub(crate) name: String,
    pub(crate) kind: ActorType,
    pub(crate) country: Option<String>,
    /// Merged into another local: mentions of this one are that one's.
    pub(crate) same_as: Option<usize>,
}

/// A match of the base's automaton in the body.
#[derive(Debug, Clone)]
pub(crate) struct Hit<'kb> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) candidates: Vec<Candidate<'kb>>,
    /// The country an adjective hit names ("chinois" → CHN), when it is one.
    pub(crate) demonym: Option<String>,
    /// Whether the hit is only a role phrase.
    pub(crate) role: bool,
}

/// The state of linking one document.
pub(crate) struct Run<'r, 'kb> {
    pub(crate) kb: &'kb KnowledgeBase,
    pub(crate) rules: &'r Rules,
    pub(crate) body: &'r str,
    pub(crate) tokens: Vec<Token>,
    pub(crate) sentences: Vec<Span>,
    /// The publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub(crate) date: Option<String>,
    pub(crate) hits: Vec<Hit<'kb>>,
    pub(crate) found: Vec<Found<'kb>>,
    pub(crate) locals: Vec<Local>,
    /// How many matches of the base name each state, by code (made once).
    pub(crate) country_counts: std::cell::OnceCell<std::collections::HashMap<String, usize>>,
}

impl<'r, 'kb> Run<'r, 'kb> {
    /// Prepares a run over `doc`'s body, with its tokens and sentences (made
    /// here, roughly, when the analyse stage has not run).
    pub(crate) fn new(kb: &'kb KnowledgeBase, rules: &'r Rules, doc: &'r Document) -> Self {
        let body = doc.body.as_str();
        let tokens = if doc.tokens.is_empty() {
            rough_tokens(body)
        } else {
            doc.tokens.clone()
        };
        let mut sentences: Vec<Span> = doc.sentences.iter().map(|s| s.span).collect();
        if sentences.is_empty() {
            sentences = if doc.paragraphs.is_empty() {
                vec![Span::new(0, body.len())]
            } else {
                doc.paragraphs.clone()
            };
        }
        sentences.sort();
        let date = doc.published.as_ref().and_then(|p| day_of(&p.value));
        let mut hits: Vec<Hit<'kb>> = kb
            .find(body)
            .into_iter()
            .map(|m| Hit {
                start: m.start,
                end: m.end,
                candidates: m.candidates,
                demonym: None,
                role: false,
            })
            .collect();
        let mut run = Run {
            kb,
            rules,
            body,
            tokens,
            sentences,
            date,
            hits: Vec::new(),
            found: Vec::new(),
            locals: Vec::new(),
            country_counts: std::cell::OnceCell::new(),
        };
        // a name does not run from one sentence into the next
        hits.retain(|h| run.sentence_of(h.start) == run.sentence_of(h.end.saturating_sub(1)));
        run.hits = yield_to_names(kb, body, hits);
        run
    }

    /// The text of a byte range of the body ("" when out of bounds).
    pub(crate) fn text(&self, start: usize, end: usize) -> &'r str {
        self.body.get(start..end).unwrap_or("")
    }

    /// The index of the sentence holding byte `pos` (the nearest before it
    /// when `pos` falls between sentences).
    pub(crate) fn sentence_of(&self, pos: usize) -> usize {
        self.sentences
            .partition_point(|s| s.start <= pos)
            .saturating_sub(1)
    }

    /// The span of sentence `i`.
    pub(crate) fn sentence(&self, i: usize) -> Span {
        self.sentences
            .get(i)
            .copied()
            .unwrap_or(Span::new(0, self.body.len()))
    }

    /// The last character boundary of the body at or before `pos`.
    pub(crate) fn boundary_before(&self, pos: usize) -> usize {
        let mut p = pos.min(self.body.len());
        while !self.body.is_char_boundary(p) {
            p -= 1;
        }
        p
    }

    /// The text of `pos`'s sentence before `pos`.
    pub(crate) fn before(&self, pos: usize) -> &'r str {
        let s = self.sentence(self.sentence_of(pos));
        self.text(s.start.min(pos), pos)
    }

    /// The last `n` words of `pos`'s sentence before `pos`, folded as
    /// [`Run::words`] folds them, reading no further back than they need.
    pub(crate) fn last_words(&self, pos: usize, n: usize) -> Vec<String> {
        let before = self.before(pos);
        let mut cut = before.len();
        let mut seen = 0;
        for (i, c) in before.char_indices().rev() {
            if c.is_whitespace() {
                seen += 1;
                if seen > n {
                    cut = i;
                    break;
                }
            }
            cut = i;
        }
        let words = Run::words(&before[cut..]);
        let skip = words.len().saturating_sub(n);
        words.into_iter().skip(skip).collect()
    }

    /// The first byte at or after `pos` that is not white space.
    pub(crate) fn skip_space(&self, pos: usize) -> usize {
        let rest = self.body.get(pos..).unwrap_or("");
        pos + (rest.len() - rest.trim_start().len())
    }

    /// The index of the first token starting at or after `pos`.
    pub(crate) fn token_from(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }

    /// The index of the token ending at `pos`, if one does.
    pub(crate) fn token_ending(&self, pos: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.span.end < pos);
        self.tokens.get(i).filter(|t| t.span.end == pos).map(|_| i)
    }

    /// The text of token `i`.
    pub(crate) fn token_text(&self, i: usize) -> &'r str {
        self.tokens
            .get(i)
            .map_or("", |t| self.text(t.span.start, t.span.end))
    }

    /// Whether byte range `start..end` overlaps a mention found.
    pub(crate) fn covered(&self, start: usize, end: usize) -> bool {
        self.found.iter().any(|f| f.start < end && start < f.end)
    }

    /// Whether byte range `start..end` overlaps a match of the base (the
    /// matches are sorted and do not overlap).
    pub(crate) fn in_hit(&self, start: usize, end: usize) -> bool {
        let i = self.hits.partition_point(|h| h.end <= start);
        self.hits.get(i).is_some_and(|h| h.start < end)
    }

    /// The index of the hit that starts at `pos`.
    pub(crate) fn hit_at(&self, pos: usize) -> Option<usize> {
        let i = self.hits.partition_point(|h| h.start < pos);
        self.hits.get(i).filter(|h| h.start == pos).map(|_| i)
    }

    /// The mention found that starts at `pos`.
    pub(crate) fn found_at(&self, pos: usize) -> Option<&Found<'kb>> {
        self.found.iter().find(|f| f.start == pos)
    }

    /// The mention found that ends at `pos`.
    pub(crate) fn found_ending(&self, pos: usize) -> Option<&Found<'kb>> {
        self.found.iter().find(|f| f.end == pos)
    }

    /// Whether an actor has a mention among those found so far.
    pub(crate) fn mentioned(&self, actor: &Actor) -> bool {
        self.found
            .iter()
            .any(|f| matches!(f.who, Referent::Kb(a) if a.id() == actor.id()))
    }

    /// The local actor a referent ends up as, after merges.
    pub(crate) fn resolve(&self, who: Referent<'kb>) -> Referent<'kb> {
        let mut who = who;
        let mut guard = 0;
        while let Referent::Local(i) = who {
            match self.locals.get(i).and_then(|l| l.same_as) {
                Some(j) if guard < self.locals.len() => {
                    who = Referent::Local(j);
                    guard += 1;
                }
                _ => break,
            }
        }
        who
    }

    /// The entity type of a referent.
    pub(crate) fn kind_of(&self, who: Referent<'kb>) -> ActorType {
        match self.resolve(who) {
            Referent::Kb(a) => a.actor_type(),
            Referent::Local(i) => self.locals.get(i).map_or(ActorType::Misc, |l| l.kind),
        }
    }

    /// The country code of a referent.
    pub(crate) fn country_of(&self, who: Referent<'kb>) -> Option<String> {
        match self.resolve(who) {
            Referent::Kb(a) => a.country().map(str::to_string),
            Referent::Local(i) => self.locals.get(i).and_then(|l| l.country.clone()),
        }
    }

    /// Whether a referent is a person.
    pub(crate) fn is_person(&self, who: Referent<'kb>) -> bool {
        self.kind_of(who) == ActorType::Per
    }

    /// Adds a local actor, or finds the one of the same name; its index.
    pub(crate) fn local(&mut self, name: &str, kind: ActorType, country: Option<String>) -> usize {
        let key = chronicle_kb::fold::fold(name);
        if let Some(i) = self
            .locals
            .iter()
            .position(|l| l.same_as.is_none() && chronicle_kb::fold::fold(&l.name) == key)
        {
            if let Some(l) = self.locals.get_mut(i)
                && l.country.is_none()
            {
                l.country = country;
            }
            return i;
        }
        self.locals.push(Local {
            name: name.to_string(),
            kind,
            country,
            same_as: None,
        });
        self.locals.len() - 1
    }

    /// Whether a mention of `who` inside a role phrase stays a mention of its
    /// own: an international organisation of the base (no country), as in
    /// "le secrétaire général de l'ONU", "le directeur général de l'AIEA".
    pub(crate) fn nests_in_titles(who: Referent<'_>) -> bool {
        matches!(who, Referent::Kb(a) if a.actor_type() == ActorType::Org && a.country().is_none())
    }

    /// Whether the actor is a country or territory of the base.
    pub(crate) fn is_country(&self, actor: &Actor) -> bool {
        actor
            .country()
            .and_then(|c| self.kb.country(c))
            .is_some_and(|c| c.id() == actor.id())
    }

    /// The country a hit names as a country (a country's name, alias or
    /// metonym; not a demonym).
    pub(crate) fn country_named(&self, hit: &Hit<'kb>) -> Option<&'kb Actor> {
        hit.candidates.iter().find_map(|c| match c {
            Candidate::Actor { actor, kind }
                if !matches!(kind, AliasKind::Demonym | AliasKind::Surname)
                    && self.is_country(actor) =>
            {
                Some(*actor)
            }
            _ => None,
        })
    }

    /// Whether `pos` is the start of its sentence (only punctuation before it).
    pub(crate) fn starts_sentence(&self, pos: usize) -> bool {
        !self.before(pos).chars().any(char::is_alphanumeric)
    }

    /// The words of `text`, lower-cased with accents kept, with an elided
    /// article kept apart ("l'ex" → "l'", "ex").
    pub(crate) fn words(text: &str) -> Vec<String> {
        lower(text)
            .replace('\'', "' ")
            .split(|c: char| c.is_whitespace() || (c.is_ascii_punctuation() && c != '\''))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    }
}

/// How far past a role phrase a name that begins inside it may run, in bytes.
const MAX_NAME_TAIL_BYTES: usize = 80;

/// A role phrase whose last words begin a longer proper name gives them up
/// to the name, when the words before them hold a role phrase still: "président de
/// la République populaire de Chine" is "président", "de la" and the
/// country, not "président de la République" and "populaire de Chine".
fn yield_to_names<'kb>(kb: &'kb KnowledgeBase, body: &str, hits: Vec<Hit<'kb>>) -> Vec<Hit<'kb>> {
    let mut out: Vec<Hit<'kb>> = Vec::with_capacity(hits.len());
    let mut skip_until = 0;
    for h in hits {
        if h.start < skip_until {
            continue;
        }
        let role_only = !h.candidates.is_empty()
            && h.candidates.iter().all(|c| matches!(c, Candidate::Role(_)));
        let split = role_only
            .then(|| {
                let text = body.get(h.start..h.end)?;
                text.match_indices(' ').find_map(|(i, _)| {
                    // the longest role phrase before the name's first word,
                    // only lower-case words between ("président" + "de la")
                    let head = text[..i]
                        .match_indices(' ')
                        .map(|(j, _)| &text[..j])
                        .chain(std::iter::once(text[..i].trim_end()))
                        .filter(|head| {
                            !text[head.len()..i]
                                .split_whitespace()
                                .any(|w| w.starts_with(char::is_uppercase))
                        })
                        .filter(|head| !kb.role_phrases(head).is_empty())
                        .max_by_key(|head| head.len())?;
                    let from = h.start + i + 1;
                    // a proper name, capitalised ("République …"); not a
                    // body named by a common noun ("porte-parole de la
                    // diplomatie iranienne" is a role and a demonym)
                    if !text[i + 1..].starts_with(char::is_uppercase) {
                        return None;
                    }
                    let mut to = (h.end + MAX_NAME_TAIL_BYTES).min(body.len());
                    while !body.is_char_boundary(to) {
                        to -= 1;
                    }
                    let m = kb.find(body.get(from..to)?).into_iter().next()?;
                    let named = m.start == 0
                        && from + m.end > h.end
                        && m.candidates
                            .iter()
                            .any(|c| matches!(c, Candidate::Actor { .. }));
                    named.then(|| (h.start + head.len(), from, m))
                })
            })
            .flatten();
        match split {
            Some((head_end, from, m)) => {
                let head = Hit {
                    start: h.start,
                    end: head_end,
                    candidates: kb
                        .role_phrases(body.get(h.start..head_end).unwrap_or(""))
                        .into_iter()
                        .map(Candidate::Role)
                        .collect(),
                    demonym: None,
                    role: false,
                };
                let name = Hit {
                    start: from + m.start,
                    end: from + m.end,
                    candidates: m.candidates,
                    demonym: None,
                    role: false,
                };
                skip_until = name.end;
                out.push(head);
                out.push(name);
            }
            None => out.push(h),
        }
    }
    out
}

/// The day, month or year of an ISO 8601 value (`2022-01-10T08:30` →
/// `2022-01-10`), or `None` when it is not one.
pub(crate) fn day_of(value: &str) -> Option<String> {
    let v = value.get(..10.min(value.len())).unwrap_or(value);
    let v = v.split(['T', ' ']).next().unwrap_or(v);
    chronicle_model::Precision::of_iso(v).map(|_| v.to_string())
}

/// Words, numbers and punctuation of a text, for documents that did not go
/// through the analyse stage: runs of letters and digits (with inner hyphens
/// and a closing apostrophe, "l’"), and every other non-space character alone.
pub(crate) fn rough_tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (n, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(n + 1).map(|&(_, c)| c);
        let inner =
            (c == '-' || c == '.') && start.is_some() && next.is_some_and(char::is_alphanumeric)
                || (c == '.' && start.is_some_and(|s| i - s == 1));
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            let end = if c == '\'' || c == '\u{2019}' {
                i + c.len_utf8()
            } else {
                i
            };
            out.push(Token {
                span: Span::new(s, end),
                kind: TokenKind::Word,
            });
            if end > i {
                continue;
            }
        }
        if !c.is_whitespace() {
            out.push(Token {
                span: Span::new(i, i + c.len_utf8()),
                kind: TokenKind::Punct,
            });
        }
    }
    if let Some(s) = start {
        out.push(Token {
            span: Span::new(s, text.len()),
            kind: TokenKind::Word,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_of_iso_values() {
        assert_eq!(
            day_of("2022-01-10T08:30:00Z").as_deref(),
            Some("2022-01-10")
        );
        assert_eq!(day_of("2019-03").as_deref(), Some("2019-03"));
        assert_eq!(day_of("2019").as_deref(), Some("2019"));
        assert_eq!(day_of("mars 2019"), None);
    }

    #[test]
    fn rough_tokens_split_words_and_elisions() {
        let text = "L’ex-président M. Xi, à Nur-Sultan.";
        let words: Vec<&str> = rough_tokens(text)
            .iter()
            .map(|t| &text[t.span.start..t.span.end])
            .collect();
        assert_eq!(
            words,
            [
                "L’",
                "ex-président",
                "M.",
                "Xi",
                ",",
                "à",
                "Nur-Sultan",
                "."
            ]
        );
    }

    #[test]
    fn words_keep_elided_articles_apart() {
        assert_eq!(Run::words("L’ex-président"), ["l'", "ex", "président"]);
    }
}
