//! The quote finder: marks, reporting verbs and speakers put together, unit
//! by unit in the order of the text, so that a pronoun finds the speakers
//! named before it.

use std::path::Path;

use chronicle_model::{Document, Quote};

use crate::attribute::{Attribution, Kind, UnitCx, attribute};
use crate::error::LexiconError;
use crate::indirect::{reported, resolve_sources};
use crate::lexicon::Lexicon;
use crate::marks::{self, Marked, trim};
use crate::phrases::{NpKind, fronted_end, is_det, np_starting_at};
use crate::said::{self, Said, inverted_subject, subject_before};
use crate::speakers::{Resolver, Speaker};
use crate::verbs::VerbForm;
use crate::view::{Unit, View};

/// Finds the quotations and reported speech of a document and who said them.
///
/// Built once from the language's data (reporting verbs and cue patterns),
/// immutable, `Send + Sync`: one finder serves every thread.
#[derive(Debug, Clone)]
pub struct QuoteFinder {
    lex: Lexicon,
}

impl QuoteFinder {
    /// The French finder, from the data embedded in the binary.
    pub fn french() -> Result<QuoteFinder, LexiconError> {
        Ok(QuoteFinder::new(Lexicon::french()?))
    }

    /// A finder from a language folder holding `speech_verbs.txt` and
    /// `quotes.toml` (`data/lang/fr`).
    pub fn from_dir(dir: &Path) -> Result<QuoteFinder, LexiconError> {
        Ok(QuoteFinder::new(Lexicon::from_dir(dir)?))
    }

    /// The same finder with the demonyms of `kb` (see
    /// [`Lexicon::with_knowledge_base`]).
    pub fn with_knowledge_base(self, kb: &chronicle_kb::KnowledgeBase) -> QuoteFinder {
        QuoteFinder::new(self.lex.with_knowledge_base(kb))
    }

    /// A finder using `lex`.
    pub fn new(lex: Lexicon) -> QuoteFinder {
        QuoteFinder { lex }
    }

    /// The words it uses.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Sets `doc.quotes` to the quotations of `doc.body`, replacing what it
    /// held. Reads `body`, `tokens` and `sentences` (the `analyse` stage) and
    /// `entities` when the link stage filled them; without tokens it finds
    /// nothing. Never fails.
    ///
    /// A person it names as a speaker whom no entity covers ("a témoigné
    /// auprès de l'AFP Gulnar Tokhtarova") becomes a local person of the
    /// document ([`chronicle_link::add_local_person`], appended after the
    /// entities already there, whose indexes stay) and the speaker of their
    /// records points at it.
    pub fn find(&self, doc: &mut Document) {
        let (mut quotes, people) = self.collect(doc);
        for name in people {
            let Some(k) = chronicle_link::add_local_person(doc, &name, None) else {
                continue;
            };
            for q in &mut quotes {
                if let Some(sp) = q.speaker.as_mut()
                    && sp.entity.is_none()
                    && sp.name == name
                {
                    sp.entity = Some(k);
                }
            }
        }
        doc.quotes = quotes;
    }

    /// The quotations of `doc.body`, in order of their start. Speakers that
    /// no entity of `doc` covers have no entity index.
    pub fn quotes(&self, doc: &Document) -> Vec<Quote> {
        self.collect(doc).0
    }

    /// The quotations, and the names of people who spoke whom no entity
    /// covers.
    fn collect(&self, doc: &Document) -> (Vec<Quote>, Vec<String>) {
        if doc.body.is_empty() || doc.tokens.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let lex = &self.lex;
        let marked = marks::find(&doc.body, &lex.marks);
        let view = View::new(doc, &marked);
        let qtok: Vec<(usize, usize)> = marked
            .iter()
            .map(|m| (view.token_at(m.open), view.token_at(m.close)))
            .collect();
        let mut resolver = Resolver::new(&view, lex);
        let mut out: Vec<Quote> = Vec::new();
        for (ui, &unit) in view.units.iter().enumerate() {
            let qs: Vec<usize> = (0..marked.len())
                .filter(|&q| {
                    qtok.get(q)
                        .is_some_and(|&(a, _)| a >= unit.first && a < unit.end)
                })
                .collect();
            let opens: Vec<usize> = qs
                .iter()
                .filter_map(|&q| qtok.get(q).map(|t| t.0))
                .collect();
            let mut saids = said::outside(&view, lex, unit, &opens);
            for &q in &qs {
                if let Some(&(a, b)) = qtok.get(q) {
                    saids.extend(said::incises(&view, lex, q, a, b));
                }
            }
            saids.sort_by_key(|s| s.group.first);
            speakers(&view, lex, &mut resolver, unit, &mut saids);
            let sources = resolve_sources(&view, lex, &resolver, unit, &saids);
            // A source beside a verb with its own speaker ("a déclaré M. Xi,
            // selon le compte rendu") says where the report comes from: the
            // next pronoun stands for the speaker, not for the report.
            let verb_spoke = saids
                .iter()
                .any(|s| s.in_quote.is_none() && s.framed() && s.speaker.is_some());
            for src in &sources {
                if let Some(s) = &src.speaker
                    && (!verb_spoke || s.proper)
                {
                    resolver.spoke(src.at, s.clone());
                }
            }
            // "Pour l'économiste X, …": X speaks, and a later pronoun may
            // stand for X.
            if let Some((at, sp)) = crate::attribute::pour_speaker(&view, lex, &resolver, unit) {
                resolver.spoke(at, sp);
            }
            let recent = ui
                .checked_sub(2)
                .and_then(|k| view.units.get(k))
                .map_or(0, |u| u.first);
            let cx = UnitCx {
                view: &view,
                lex,
                resolver: &resolver,
                unit,
                recent,
                saids: &saids,
                sources: &sources,
                marked: &marked,
                qtok: &qtok,
            };
            let mut verb_quoted = false;
            for &q in &qs {
                let Some(att) = attribute(&cx, q) else {
                    continue;
                };
                // A quoted clause takes its sentence: a `selon` there names
                // where the quotation comes from, not more speech.
                verb_quoted |= att.kind == Kind::Direct;
                if let Some(m) = marked.get(q) {
                    emit(&view, doc, &resolver, m, q, &saids, &att, &mut out);
                }
            }
            for r in reported(&cx, verb_quoted) {
                push(
                    &view,
                    doc,
                    &resolver,
                    r.span,
                    Kind::Indirect,
                    r.speaker.as_ref(),
                    Some(r.cue),
                    &mut out,
                );
            }
        }
        out.sort_by(|a, b| (a.start, a.end, &a.kind).cmp(&(b.start, b.end, &b.kind)));
        out.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.kind == b.kind);
        (out, resolver.unlinked())
    }
}

/// Finds the subject and speaker of each reporting verb of a unit, in order,
/// and tells the resolver who spoke and who issued a statement.
fn speakers(view: &View, lex: &Lexicon, resolver: &mut Resolver, unit: Unit, saids: &mut [Said]) {
    for i in 0..saids.len() {
        let Some(s) = saids.get(i) else { break };
        let mut s = s.clone();
        let at = s.group.first;
        if s.in_quote.is_none()
            && let Some(np) = inverted_subject(view, lex, unit, &s)
        {
            s.inverted = true;
            s.subject = Some(np);
        }
        // ", affirmant que …", ", en promettant que …": a participle or a
        // gerund after a comma hangs on the clause before it.
        let after_comma = |k: usize| k > unit.first && view.is_punct(k - 1, ",");
        let participle = s.group.form == VerbForm::Present
            && (after_comma(at)
                || (at > unit.first && view.low(at - 1) == "en" && after_comma(at - 1)))
            && !s.inverted;
        // "de poursuivre une coopération « … »": an infinitive has the
        // subject of the clause it stands in.
        let infinitive =
            s.group.form == VerbForm::Infinitive && s.in_quote.is_none() && at > unit.first;
        let mut speaker = None;
        if s.group.passive {
            // "est accusée par plusieurs organisations de …": the agent speaks.
            speaker = agent(view, lex, resolver, unit, &s);
            // "Il a été souligné que …": an impersonal passive speaks for
            // the body the paragraph is about, when it names one.
            if speaker.is_none()
                && s.que.is_some()
                && at > unit.first
                && lex.is("impersonal", view.low(at - 1))
                && (at - 1 == unit.first || view.punct(at - 2))
            {
                speaker = paragraph_body(view, lex, resolver, at);
            }
        } else if participle || infinitive {
            speaker = main_clause(view, lex, resolver, unit, saids, i);
        } else if s.subject.is_none() {
            s.subject = subject_before(view, lex, at, unit.first);
        }
        if speaker.is_none() && !s.group.passive {
            speaker = match &s.subject {
                Some(np) => resolver.resolve(np, at),
                None => saids
                    .get(..i)
                    .and_then(|prev| prev.iter().rev().find(|p| p.in_quote.is_none()))
                    .and_then(|p| p.speaker.clone())
                    .or_else(|| first_subject(view, lex, resolver, unit)),
            };
        }
        s.speaker = speaker;
        if (s.framed() || s.in_quote.is_some())
            && let Some(sp) = &s.speaker
        {
            resolver.spoke(at, sp.clone());
            if s.publish || statement_near(view, lex, unit, &s) {
                resolver.add_issuer(at, sp.clone());
            }
        }
        if let Some(slot) = saids.get_mut(i) {
            *slot = s;
        }
    }
}

/// The body a paragraph is about: the subject of its first sentence, after
/// a fronted phrase of time ("La veille, le ministre de l'Energie …"), when
/// it is a body, a role or a name the link stage reads as an organisation;
/// the paragraph holds token `at`.
fn paragraph_body(view: &View, lex: &Lexicon, resolver: &Resolver, at: usize) -> Option<Speaker> {
    let start = view.toks.get(at)?.start;
    let (ps, _) = view.paragraph_of(start)?;
    let first = view.units.iter().find(|u| {
        view.toks
            .get(u.first)
            .is_some_and(|t| t.start >= ps && u.first <= at)
    })?;
    let mut k = first.first;
    while k < first.end && view.punct(k) {
        k += 1;
    }
    // "La veille, …", "Lundi soir, …": a phrase of time before a comma.
    if let Some(c) = (k..first.end.min(k + 6)).find(|&x| view.is_punct(x, ","))
        && (k..c).any(|x| said::timed(view, lex, x) || view.is_time(lex, x))
        && (k..c).all(|x| {
            said::timed(view, lex, x)
                || view.is_time(lex, x)
                || is_det(view, lex, x)
                || lex.is("prep", view.low(x))
        })
    {
        k = c + 1;
    }
    let np = np_starting_at(view, lex, k, first.end)?;
    let body = match &np.kind {
        NpKind::Org { .. } | NpKind::Role { .. } => true,
        NpKind::Name { first, last, .. } => view
            .entity_over(*first, *last)
            .is_some_and(|e| e.kind == "ORG"),
        _ => false,
    };
    if !body {
        return None;
    }
    resolver.resolve(&np, k)
}

/// The agent of a passive reporting verb: the phrase after `par`.
fn agent(view: &View, lex: &Lexicon, resolver: &Resolver, unit: Unit, s: &Said) -> Option<Speaker> {
    let start = s.group.last + 1;
    let hi = (start + 12).min(unit.end);
    let par = (start..hi)
        .take_while(|&k| view.inside.get(k).copied().flatten().is_none() && !said::is_stop(view, k))
        .find(|&k| view.low(k) == "par")?;
    let np = np_starting_at(view, lex, par + 1, unit.end)?;
    resolver.resolve(&np, par)
}

/// Whether a statement stands as a prepositional phrase near `s`
/// ("a indiqué dans un communiqué", "Dans un communiqué, X a …").
fn statement_near(view: &View, lex: &Lexicon, unit: Unit, s: &Said) -> bool {
    let lo = s.group.first.saturating_sub(10).max(unit.first);
    let hi = (s.group.last + 12).min(unit.end);
    (lo..hi).any(|k| {
        view.inside.get(k).copied().flatten().is_none()
            && lex.is("stmt_in", view.low(k))
            && (lex.is("stmt", view.low(k + 1))
                || (lex.determiners.contains_key(view.low(k + 1))
                    && lex.is("stmt", view.low(k + 2))))
    })
}

/// The speaker of the clause a participle (`, affirmant que …`) hangs on:
/// the verb whose `que` it follows, else the nearest verb before it, else the
/// subject of the sentence.
fn main_clause(
    view: &View,
    lex: &Lexicon,
    resolver: &Resolver,
    unit: Unit,
    saids: &[Said],
    i: usize,
) -> Option<Speaker> {
    let prev = saids.get(..i)?;
    let at = saids.get(i)?.group.first;
    if let Some(p) = prev
        .iter()
        .rev()
        .find(|p| p.in_quote.is_none() && p.que.is_some_and(|q| q < at))
    {
        return p.speaker.clone();
    }
    for k in (unit.first..at).rev() {
        if view.inside.get(k).copied().flatten().is_some() {
            continue;
        }
        // "d'avoir fait le déplacement": a verb that reports only as an
        // incise is no clause to hang on when it is not one.
        if let Some(p) = prev.iter().find(|p| {
            p.in_quote.is_none()
                && p.group.last == k
                && (p.inverted || !lex.lemmas.get(p.group.lemma).is_some_and(|l| l.incise_only))
        }) {
            return p.speaker.clone();
        }
        if lex.is("aux", view.low(k))
            && let Some(np) = subject_before(view, lex, k, unit.first)
        {
            // "…, dont les premiers éléments ont atterri, estimant …": a verb
            // of a relative clause is not the one the participle hangs on.
            let subordinate =
                np.last + 1 == k && np.first > unit.first && lex.is("sub", view.low(np.first - 1));
            if !subordinate {
                return resolver.resolve(&np, k);
            }
        }
    }
    first_subject(view, lex, resolver, unit)
}

/// The noun phrase that opens a unit, as its subject.
fn first_subject(view: &View, lex: &Lexicon, resolver: &Resolver, unit: Unit) -> Option<Speaker> {
    let mut k = unit.first;
    while k < unit.end && view.punct(k) {
        k += 1;
    }
    let k = fronted_end(view, lex, k, unit.end);
    let np = np_starting_at(view, lex, k, unit.end)?;
    if matches!(np.kind, NpKind::Generic) && !lex.determiners.contains_key(view.low(np.first)) {
        return None;
    }
    resolver.resolve(&np, k)
}

/// Records the pieces of quotation `m`: one per paragraph it runs over and
/// per stretch an incise leaves.
#[allow(clippy::too_many_arguments)]
fn emit(
    view: &View,
    doc: &Document,
    resolver: &Resolver,
    m: &Marked,
    q: usize,
    saids: &[Said],
    att: &Attribution,
    out: &mut Vec<Quote>,
) {
    let mut pieces = m.pieces.clone();
    for s in saids.iter().filter(|s| s.in_quote == Some(q)) {
        let Some((before, end)) = s.incise else {
            continue;
        };
        let (Some(bt), Some(et)) = (view.toks.get(before), view.toks.get(end)) else {
            continue;
        };
        let cut_at = if view.is_punct(before, ",") {
            bt.start
        } else {
            bt.end
        };
        let resume = if end < view.len() && view.inside.get(end).copied().flatten() == Some(q) {
            et.end
        } else {
            et.start
        };
        let mut next = Vec::new();
        for (ps, pe) in pieces {
            if cut_at > ps && cut_at < pe {
                next.push(trim(view.body, ps, cut_at));
                if resume < pe {
                    next.push(trim(view.body, resume, pe));
                }
            } else {
                next.push((ps, pe));
            }
        }
        pieces = next;
    }
    for (s, e) in pieces {
        push(
            view,
            doc,
            resolver,
            (s, e),
            att.kind,
            att.speaker.as_ref(),
            att.cue.clone(),
            out,
        );
    }
}

/// Adds one record for bytes `span` of the body.
#[allow(clippy::too_many_arguments)]
fn push(
    view: &View,
    doc: &Document,
    resolver: &Resolver,
    span: (usize, usize),
    kind: Kind,
    speaker: Option<&Speaker>,
    cue: Option<String>,
    out: &mut Vec<Quote>,
) {
    let (s, e) = span;
    let Some(text) = view.body.get(s..e) else {
        return;
    };
    if text.trim().is_empty() || !text.chars().any(char::is_alphanumeric) {
        return;
    }
    out.push(Quote {
        text: text.to_string(),
        kind: kind.as_str().to_string(),
        speaker: speaker.map(|sp| resolver.actor(sp, &doc.entities)),
        cue,
        start: s,
        end: e,
    });
}
