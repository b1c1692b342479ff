//! Reported speech without marks: what follows `que` after a reporting verb
//! ("X a déclaré que …"), an infinitive complement ("a annoncé autoriser …"),
//! an addressee and a task ("a appelé la population à …"), a clause before a
//! closing incise ("…, a ajouté X"), and `selon X` / `d'après X` / `Pour X,`.

use crate::attribute::{Source, UnitCx};
use crate::lexicon::Lexicon;
use crate::marks::trim;
use crate::phrases::{Np, NpKind, is_det, np_starting_at};
use crate::said::{Said, is_stop};
use crate::speakers::{Resolver, Speaker};
use crate::verbs::VerbForm;
use crate::view::{Unit, View};

/// A piece of reported speech: tokens `first..=last`, its speaker and cue.
#[derive(Debug, Clone)]
pub(crate) struct Reported {
    /// Byte span in the body.
    pub span: (usize, usize),
    /// Who said it.
    pub speaker: Option<Speaker>,
    /// The reporting verb, or `selon`.
    pub cue: String,
}

/// Where the clause starting at token `start` ends (exclusive): at a stop, a
/// colon, or a comma before another reporting verb (`, ajoutant que`, `, a-t-il dit`).
fn clause_end(cx: &UnitCx, start: usize) -> usize {
    let view = cx.view;
    let mut k = start;
    while k < cx.unit.end {
        if view.inside.get(k).copied().flatten().is_none() {
            if is_stop(view, k) || view.is_punct(k, ":") {
                break;
            }
            // "… et accuse le pouvoir de …": a coordinated reporting verb
            // starts a statement of its own.
            if view.low(k) == "et"
                && cx
                    .saids
                    .iter()
                    .any(|s| s.in_quote.is_none() && s.group.first == k + 1 && s.framed())
            {
                break;
            }
            if view.is_punct(k, ",")
                && cx.saids.iter().any(|s| {
                    s.in_quote.is_none()
                        && s.group.first == k + 1
                        && (s.inverted || s.group.form == VerbForm::Present)
                })
            {
                break;
            }
        }
        k += 1;
    }
    k
}

/// The byte span of tokens `first..end` (exclusive), without white space or
/// punctuation at its ends; `None` when fewer than two words remain.
fn span(cx: &UnitCx, first: usize, end: usize) -> Option<(usize, usize)> {
    let view = cx.view;
    let mut a = first;
    let mut b = end;
    while a < b && view.punct(a) && view.inside.get(a).copied().flatten().is_none() {
        a += 1;
    }
    while b > a && view.punct(b - 1) && view.inside.get(b - 1).copied().flatten().is_none() {
        b -= 1;
    }
    if b <= a || (a..b).filter(|&k| !view.punct(k)).count() < 2 {
        return None;
    }
    let s = view.toks.get(a)?.start;
    let e = view.toks.get(b - 1)?.end;
    let (s, e) = trim(view.body, s, e);
    (s < e).then_some((s, e))
}

/// The reported speech of one unit; `verb_quoted` when the unit holds a
/// quoted clause (then `selon` only names its source).
pub(crate) fn reported(cx: &UnitCx, verb_quoted: bool) -> Vec<Reported> {
    let unit = cx.unit;
    let mut out = Vec::new();
    let mut push = |first: usize, end: usize, s: Option<Speaker>, cue: String| {
        if let Some(span) = span(cx, first, end) {
            out.push(Reported {
                span,
                speaker: s,
                cue,
            });
        }
    };
    for s in cx.saids.iter().filter(|s| s.in_quote.is_none()) {
        let g = &s.group;
        let cue = g.cue.clone();
        if let Some(q) = s.que {
            // "… que A et que B": one statement each
            let end = clause_end(cx, q + 1);
            let mut from = q + 1;
            for k in q + 1..end {
                let free = view_free(cx, k) && view_free(cx, k + 1);
                if free
                    && matches!(cx.view.low(k), "et" | "mais" | "ou")
                    && cx.lex.is("que", cx.view.low(k + 1))
                {
                    push(from, k, s.speaker.clone(), cue.clone());
                    from = k + 2;
                }
            }
            push(from, end, s.speaker.clone(), cue);
        } else if let Some(i) = s.infinitive {
            push(i, clause_end(cx, i), s.speaker.clone(), cue);
        } else if s.call {
            push(
                g.last + 1,
                clause_end(cx, g.last + 1),
                s.speaker.clone(),
                cue,
            );
        } else if let Some(o) = s.object.or(s.attribute) {
            push(o, clause_end(cx, o), s.speaker.clone(), cue);
        } else if closing_incise(cx, s) {
            push(unit.first, g.first - 1, s.speaker.clone(), cue.clone());
            // "Il en est revenu, m'a-t-il confié, avec le sentiment que …":
            // an incise with its pronoun in the middle of the sentence
            // reports what follows it too.
            if g.clitic.is_some() && cx.view.is_punct(g.last + 1, ",") {
                push(
                    g.last + 2,
                    clause_end(cx, g.last + 2),
                    s.speaker.clone(),
                    cue,
                );
            }
        }
    }
    out.extend(sources(cx, verb_quoted));
    out
}

/// Whether token `k` stands outside quotations.
fn view_free(cx: &UnitCx, k: usize) -> bool {
    cx.view.inside.get(k).copied().flatten().is_none()
}

/// Whether `s` is an incise closing a clause of the writer's words
/// ("…, a ajouté Xi Jinping."), not one after a quotation.
fn closing_incise(cx: &UnitCx, s: &Said) -> bool {
    let view = cx.view;
    let f = s.group.first;
    if !s.inverted || f < cx.unit.first + 3 || !view.is_punct(f - 1, ",") {
        return false;
    }
    // "…, lors d'une opération qualifiée d'« antiterroriste », a annoncé
    // X": quoted words that end the writer's clause leave it reported.
    match view.inside.get(f - 2).copied().flatten() {
        None => true,
        Some(q) => cx.qtok.get(q).is_some_and(|&(open, _)| {
            (cx.unit.first..open).any(|k| !view.punct(k) && view_free(cx, k))
        }),
    }
}

/// Reported speech by `selon X` / `d'après X`, and `Pour X,` at the head of
/// a sentence.
fn sources(cx: &UnitCx, verb_quoted: bool) -> Vec<Reported> {
    let view = cx.view;
    let lex = cx.lex;
    let unit = cx.unit;
    let mut out = Vec::new();
    for src in cx.sources {
        if verb_quoted || src.speaker.is_none() {
            continue;
        }
        // "Selon lui, …" at the head of the sentence, or of a clause after a
        // colon ("le malaise est durable : selon lui, une partie …").
        let opens = (unit.first..src.at)
            .rev()
            .find(|&k| view.is_punct(k, ":") && view_free(cx, k))
            .map_or(unit.first, |k| k + 1);
        let head = (opens..src.at).all(|k| view.punct(k));
        // "…, selon un communiqué de la diplomatie publié mardi soir."
        // A participle or a time word may follow the source; a noun phrase
        // may not ("selon lui la capacité de …" is inside the clause).
        let rest = src.last + 1;
        // "…, selon le ministère (MVD), qui précise que …": a relative clause
        // on the source leaves the clause before it reported.
        let relative = (view.is_punct(rest, "(") && {
            let close =
                (rest + 1..unit.end.min(rest + 1 + MAX_BRACKETED)).find(|&k| view.is_punct(k, ")"));
            close.is_some_and(|c| relative_after(cx, c + 1))
        }) || relative_after(cx, rest);
        let tail = src.at > unit.first
            && (relative
                || (rest..unit.end).all(|k| view.punct(k))
                || (!is_det(view, lex, rest)
                    && view.toks.get(rest).is_some_and(|t| t.word && !t.cap)
                    && (rest..unit.end).all(|k| {
                        !view.is_punct(k, ",") && !is_stop(view, k) || k + 1 == unit.end
                    })
                    && !cx.saids.iter().any(|s| s.group.first > src.at)));
        // "X a assuré que …, selon la même source": the verb's subject
        // speaks; the source only says where the report comes from.
        let mut speaker = src.speaker.clone();
        if tail
            && let Some(v) = cx.saids.iter().find(|s| {
                s.in_quote.is_none() && s.framed() && s.speaker.is_some() && s.group.first < src.at
            })
        {
            speaker = v.speaker.clone();
        }
        let (first, end) = if head {
            // "Selon un diplomate présent à Bichkek, …": the rest of the
            // source's phrase runs to the comma.
            let mut f = src.last + 1;
            if let Some(c) = (f..unit.end.min(f + 12))
                .take_while(|&k| view_free(cx, k) && !is_stop(view, k))
                .find(|&k| view.is_punct(k, ","))
            {
                f = c + 1;
            }
            (f, clause_end(cx, f))
        } else if tail {
            (unit.first, src.at)
        } else if cx.saids.iter().any(|s| s.in_quote.is_none() && s.framed()) {
            // "Xi a assuré, selon la télévision, vouloir …": the verb reports,
            // `selon` names where the report comes from.
            continue;
        } else {
            (unit.first, unit.end)
        };
        if let Some(span) = span(cx, first, end) {
            out.push(Reported {
                span,
                speaker,
                cue: src.cue.clone(),
            });
        }
    }
    // "Pour le ministre, la situation est grave."
    let mut k = unit.first;
    while k < unit.end && view.punct(k) {
        k += 1;
    }
    if lex.is("pour", view.low(k))
        && view_free(cx, k)
        && let Some(np) = np_starting_at(view, lex, k + 1, unit.end)
        && view.is_punct(np.last + 1, ",")
        && matches!(
            np.kind,
            NpKind::Name { .. } | NpKind::Role { .. } | NpKind::Org { .. }
        )
        && let Some(speaker) = cx.resolver.resolve(&np, k)
        && let Some(span) = span(cx, np.last + 2, clause_end(cx, np.last + 2))
    {
        out.push(Reported {
            span,
            speaker: Some(speaker),
            cue: view.text(k).to_lowercase(),
        });
    }
    out
}

/// The most tokens a bracketed aside after a source's name holds.
const MAX_BRACKETED: usize = 8;

/// Whether a relative clause opens at token `k`: ", qui …".
fn relative_after(cx: &UnitCx, k: usize) -> bool {
    cx.view.is_punct(k, ",") && view_free(cx, k + 1) && cx.lex.is("rel", cx.view.low(k + 1))
}

/// The `selon X` and `d'après X` of a unit, outside quotations.
fn find_sources(view: &View, lex: &Lexicon, unit: Unit) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut k = unit.first;
    while k < unit.end {
        if view.inside.get(k).copied().flatten().is_some() {
            k += 1;
            continue;
        }
        let one = view.low(k).to_string();
        let two = format!("{}{}", view.low(k), view.low(k + 1));
        let (cue, next) = if lex.is("selon", &one) {
            (view.text(k).to_lowercase(), k + 1)
        } else if lex.is("selon", &two) && k + 1 < unit.end {
            (
                format!("{}{}", view.text(k), view.text(k + 1)).to_lowercase(),
                k + 2,
            )
        } else {
            k += 1;
            continue;
        };
        if next < unit.end && !lex.is("not_source", view.low(next)) {
            out.push((k, next, cue));
        }
        k = next;
    }
    out
}

/// The most words between a thing named as a source and the `par` of its
/// author: "les résultats définitifs publiés lundi par …".
const MAX_TO_AGENT: usize = 5;

/// Who published a thing named as a source: "selon les résultats publiés
/// lundi par la commission électorale", "selon un rapport diffusé par X".
fn published_by(
    view: &View,
    lex: &Lexicon,
    resolver: &Resolver,
    np: &Np,
    unit: Unit,
) -> Option<Speaker> {
    if !matches!(np.kind, NpKind::Generic) {
        return None;
    }
    let first = np.last + 1;
    let par = (first..unit.end.min(first + MAX_TO_AGENT + 1))
        .take_while(|&k| {
            view.inside.get(k).copied().flatten().is_none()
                && view.toks.get(k).is_some_and(|t| t.word && !t.cap)
        })
        .find(|&k| view.low(k) == "par")?;
    if par == first {
        return None;
    }
    let agent = np_starting_at(view, lex, par + 1, unit.end)?;
    if !matches!(
        agent.kind,
        NpKind::Name { .. } | NpKind::Org { .. } | NpKind::Role { .. }
    ) {
        return None;
    }
    resolver.resolve(&agent, par)
}

/// Builds the sources of a unit: each `selon X` with the phrase after it.
///
/// A pronoun after `selon` inside a sentence stands for the speaker of the
/// reporting verb before it: "X a dénoncé des « … » destinées, selon elle,
/// à …" is X's view.
pub(crate) fn resolve_sources(
    view: &View,
    lex: &Lexicon,
    resolver: &Resolver,
    unit: Unit,
    saids: &[Said],
) -> Vec<Source> {
    find_sources(view, lex, unit)
        .into_iter()
        .filter_map(|(at, next, cue)| {
            let np = np_starting_at(view, lex, next, unit.end)?;
            let subject = matches!(np.kind, NpKind::Pronoun)
                .then(|| {
                    saids.iter().rev().find(|s| {
                        s.in_quote.is_none()
                            && s.group.last < at
                            && s.framed()
                            && !(s.group.last + 1..at).any(|k| is_stop(view, k))
                    })
                })
                .flatten()
                .and_then(|s| s.speaker.clone())
                .filter(|sp| np.agr.fits(sp.agr));
            Some(Source {
                at,
                last: np.last,
                speaker: subject
                    .or_else(|| published_by(view, lex, resolver, &np, unit))
                    .or_else(|| resolver.resolve(&np, at)),
                cue,
            })
        })
        .collect()
}
