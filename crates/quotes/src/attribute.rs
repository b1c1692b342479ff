//! What a marked quotation is — a quoted clause (`direct`), quoted words in
//! the writer's sentence (`partial`), or a name or scare quote (no record) —
//! and who said it.

use crate::lexicon::Lexicon;
use crate::marks::{Marked, Style};
use crate::phrases::{NpKind, is_det, np_starting_at};
use crate::said::{Said, is_stop};
use crate::speakers::{Resolver, Speaker};
use crate::view::{Unit, View};

/// The kind of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A quoted clause.
    Direct,
    /// Quoted words inside the writer's sentence.
    Partial,
    /// Reported speech without marks.
    Indirect,
}

impl Kind {
    /// Its name in the record.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Partial => "partial",
            Kind::Indirect => "indirect",
        }
    }
}

/// A quotation's kind, speaker and cue.
#[derive(Debug, Clone)]
pub(crate) struct Attribution {
    /// Its kind.
    pub kind: Kind,
    /// Who said it.
    pub speaker: Option<Speaker>,
    /// The reporting verb or `selon`.
    pub cue: Option<String>,
}

/// A `selon X` (or `d'après X`) of a unit and whom it names.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    /// The token of `selon` (or `d'`).
    pub at: usize,
    /// The last token of the source phrase.
    pub last: usize,
    /// Who it names.
    pub speaker: Option<Speaker>,
    /// `selon` or `d'après`.
    pub cue: String,
}

/// What attribution needs to know about one unit.
pub(crate) struct UnitCx<'c, 'v, 'a> {
    /// The document view.
    pub view: &'c View<'a>,
    /// The lexicon.
    pub lex: &'c Lexicon,
    /// The resolver, with who spoke before this unit.
    pub resolver: &'c Resolver<'v, 'a>,
    /// The unit.
    pub unit: Unit,
    /// The first token of the unit two units back (standalone quotations
    /// continue a speaker who spoke since).
    pub recent: usize,
    /// The reporting verbs of the unit, in order.
    pub saids: &'c [Said],
    /// Its `selon` sources.
    pub sources: &'c [Source],
    /// All quotations of the document.
    pub marked: &'c [Marked],
    /// Their opening token and the first token after them.
    pub qtok: &'c [(usize, usize)],
}

/// Words of a quotation's pieces, among its tokens `a..b`.
fn word_count(view: &View, m: &Marked, a: usize, b: usize) -> usize {
    view.toks
        .get(a..b.min(view.len()))
        .unwrap_or(&[])
        .iter()
        .filter(|t| t.word && m.pieces.iter().any(|&(s, e)| t.start >= s && t.end <= e))
        .count()
}

/// Attribution of a said.
fn by(s: &Said) -> (Option<Speaker>, Option<String>) {
    (s.speaker.clone(), Some(s.group.cue.clone()))
}

/// The kind and speaker of quotation `q`, or `None` when it is not a quotation.
pub(crate) fn attribute(cx: &UnitCx, q: usize) -> Option<Attribution> {
    let (view, lex) = (cx.view, cx.lex);
    let m = cx.marked.get(q)?;
    let &(a, b) = cx.qtok.get(q)?;
    let words = word_count(view, m, a, b);
    let text = |p: &(usize, usize)| view.body.get(p.0..p.1).unwrap_or("");
    let first_cap = m
        .pieces
        .first()
        .and_then(|p| text(p).chars().next())
        .is_some_and(char::is_uppercase);
    let final_stop = m
        .pieces
        .last()
        .map(|p| text(p).trim_end_matches(['»', '”', '"', ' ']))
        .is_some_and(|t| t.ends_with(['.', '!', '?', '…']));
    let sentence_inside = m.pieces.iter().any(|p| {
        text(p)
            .trim_end_matches(['.', '!', '?', '…'])
            .contains(['.', '!', '?'])
    });
    let inner = cx.saids.iter().find(|s| s.in_quote == Some(q));
    let attributed = |kind, s: Option<(Option<Speaker>, Option<String>)>| {
        let (speaker, cue) = s.unwrap_or((None, None));
        Some(Attribution { kind, speaker, cue })
    };

    if m.style == Style::Dash {
        if inner.is_none() && !m.in_dialogue {
            return None;
        }
        return attributed(Kind::Direct, inner.map(by));
    }

    let after = cx.saids.iter().find(|s| {
        s.in_quote.is_none()
            && s.inverted
            && (s.group.first == b || (view.is_punct(b, ",") && s.group.first == b + 1))
    });
    let unit = cx.unit;
    let pre_words = (unit.first..a).any(|k| !view.punct(k));
    let prev = a.checked_sub(1).filter(|&p| p >= unit.first);
    let colon = prev.is_some_and(|p| view.is_punct(p, ":"));
    let starts_clause = !pre_words || colon || prev.is_some_and(|p| is_stop(view, p));
    let post_words = (b..unit.end).any(|k| !view.punct(k));

    // A subheading: a short quotation alone in its paragraph, without a stop.
    if let Some((ps, pe)) = view.paragraph_of(m.open) {
        let para = view.body.get(ps..pe).unwrap_or("");
        let lead = para.len() - para.trim_start().len();
        let trail = para.len() - para.trim_end().len();
        let alone = m.pieces.len() == 1 && ps + lead == m.open && pe - trail == m.close;
        if alone
            && !final_stop
            && words <= lex.limits.heading_max_words
            && after.is_none()
            && inner.is_none()
        {
            return None;
        }
    }

    if starts_clause {
        let mut found = after.or(inner).map(by);
        if found.is_none() && colon {
            found = cx
                .saids
                .iter()
                .rev()
                .find(|s| s.in_quote.is_none() && s.group.last < a)
                .map(by);
        }
        if found.is_none() && colon {
            // "L'économiste X y voit une chance : « … »": the clause before
            // the colon opens with who speaks.
            found = colon_subject(cx, a).map(|sp| (Some(sp), None));
        }
        if found.is_none() && !pre_words && !post_words {
            // A quotation standing alone goes on with the last speaker.
            found = cx
                .resolver
                .last_speaker(m.open_token(view))
                .filter(|(p, _)| *p >= cx.recent)
                .map(|(_, s)| (Some(s), None));
        }
        let has_speaker = found.as_ref().is_some_and(|f| f.0.is_some());
        if !has_speaker && words <= 1 {
            return None;
        }
        let named_thing = first_cap
            && words <= lex.limits.name_max_words
            && !sentence_inside
            && !final_stop
            && post_words
            && after.is_none();
        if !has_speaker && named_thing {
            return None;
        }
        return attributed(Kind::Direct, found);
    }

    // Quoted words inside the writer's sentence. A mark opened there and
    // never closed is a stray mark, not a quotation.
    if words <= 1 || !m.closed {
        return None;
    }
    let name_like = first_cap
        && words <= lex.limits.name_max_words
        && !sentence_inside
        && prev.is_some_and(|p| {
            is_det(view, lex, p)
                || (view.toks.get(p).is_some_and(|t| t.word && !t.cap)
                    && !lex.is("of", view.low(p))
                    && !lex.is("prep", view.low(p))
                    && !lex.is("que", view.low(p))
                    && !cx.saids.iter().any(|s| s.group.last == p))
        });
    if name_like {
        return None;
    }
    let gov = governing(cx, a);
    // "X a salué un rapport qui, selon son président Y, « … »": a source
    // right before the quotation, after the verb, says whose words they are
    // ("X a assuré, selon la télévision, vouloir « … »" stays X's: the
    // source there only relays the verb)
    let near_source = cx.sources.iter().rev().find(|src| {
        src.speaker.is_some()
            && src.last < a
            && gov.is_none_or(|g| g.group.last < src.at)
            && (src.last + 1..a).all(|k| view.punct(k))
    });
    if let Some(src) = near_source {
        return attributed(
            Kind::Partial,
            Some((src.speaker.clone(), Some(src.cue.clone()))),
        );
    }
    if let Some(s) = gov {
        if let Some(found) = reporter_of(cx, s, a) {
            return attributed(Kind::Partial, Some(found));
        }
        return attributed(Kind::Partial, Some(by(s)));
    }
    if let Some(s) = after.or(inner) {
        return attributed(Kind::Partial, Some(by(s)));
    }
    if let Some(speaker) = speech_noun(cx, a) {
        return attributed(Kind::Partial, Some((Some(speaker), None)));
    }
    if let Some(src) = cx.sources.iter().find(|s| s.speaker.is_some()) {
        return attributed(
            Kind::Partial,
            Some((src.speaker.clone(), Some(src.cue.clone()))),
        );
    }
    if let Some(speaker) = head_speaker(cx, a) {
        return attributed(
            Kind::Partial,
            Some((Some(speaker), Some("pour".to_string()))),
        );
    }
    // "La Chine « s'oppose fermement » à ce texte, a répondu X": an incise
    // later in the clause
    let later = cx.saids.iter().find(|s| {
        s.in_quote.is_none()
            && s.inverted
            && s.group.first > b
            && s.group.first > 0
            && view.is_punct(s.group.first - 1, ",")
            && !(b..s.group.first)
                .any(|k| view.inside.get(k).copied().flatten().is_none() && is_stop(view, k))
    });
    if let Some(s) = later {
        return attributed(Kind::Partial, Some(by(s)));
    }
    if words >= lex.limits.unattributed_min_words && !first_cap {
        return attributed(Kind::Partial, None);
    }
    None
}

/// Who reports quoted words opening at token `a` that verb `s` governs,
/// when its subject is a thing or unnamed people rather than a speaker: the
/// reporting verb whose `que` clause holds it ("X a jugé que la visite
/// confirmait « … »" is X's), else a `selon` source of the sentence before
/// the words ("Selon X, les deux hommes évoqueront « … »" is X's).
fn reporter_of(cx: &UnitCx, s: &Said, a: usize) -> Option<(Option<Speaker>, Option<String>)> {
    let view = cx.view;
    let thing = !s.inverted
        && s.subject
            .as_ref()
            .is_some_and(|np| matches!(np.kind, NpKind::Generic));
    if !thing {
        return None;
    }
    let outer = cx.saids.iter().rev().find(|t| {
        t.in_quote.is_none()
            && t.speaker.is_some()
            && t.group.last < s.group.first
            && t.que.is_some_and(|q| {
                q < s.group.first
                    && !(q..a).any(|k| {
                        view.inside.get(k).copied().flatten().is_none() && is_stop(view, k)
                    })
            })
    });
    if let Some(t) = outer {
        return Some(by(t));
    }
    cx.sources
        .iter()
        .rev()
        .find(|src| src.speaker.is_some() && src.last < s.group.first)
        .map(|src| (src.speaker.clone(), Some(src.cue.clone())))
}

/// The subject a clause ending in a colon before token `a` opens with, a
/// name, a role or a body followed by its verb: "Mais l'économiste X y voit
/// surtout une chance : « … »".
fn colon_subject(cx: &UnitCx, a: usize) -> Option<Speaker> {
    let (view, lex) = (cx.view, cx.lex);
    let mut k = cx.unit.first;
    while k < a && (view.punct(k) || lex.is("conj", view.low(k))) {
        k += 1;
    }
    if (k..a.saturating_sub(1))
        .any(|x| is_stop(view, x) || view.inside.get(x).copied().flatten().is_some())
    {
        return None;
    }
    let np = np_starting_at(view, lex, k, a)?;
    if view.punct(np.last + 1)
        || !matches!(
            np.kind,
            NpKind::Name { .. } | NpKind::Role { .. } | NpKind::Org { .. }
        )
    {
        return None;
    }
    cx.resolver.resolve(&np, k)
}

/// The speaker a sentence opens with, "Pour X, …", when quoted words opening
/// at token `a` come after it: "Pour Y, ce programme reste « … »".
fn head_speaker(cx: &UnitCx, a: usize) -> Option<Speaker> {
    let (view, lex) = (cx.view, cx.lex);
    let mut k = cx.unit.first;
    while k < a && view.punct(k) {
        k += 1;
    }
    head_np(view, lex, cx.resolver, k, a)
}

/// The speaker a unit opens with, "Pour X, …", and the token of `pour`.
pub(crate) fn pour_speaker(
    view: &View,
    lex: &Lexicon,
    resolver: &Resolver,
    unit: Unit,
) -> Option<(usize, Speaker)> {
    let mut k = unit.first;
    while k < unit.end && view.punct(k) {
        k += 1;
    }
    head_np(view, lex, resolver, k, unit.end).map(|s| (k, s))
}

/// Who "pour X," at token `k` names, X ending before `a`.
fn head_np(view: &View, lex: &Lexicon, resolver: &Resolver, k: usize, a: usize) -> Option<Speaker> {
    // "« Pour Pékin, le Kazakhstan est … », analyse X": inside quoted words
    // the speaker says it, not the writer.
    if !lex.is("pour", view.low(k)) || view.inside.get(k).copied().flatten().is_some() {
        return None;
    }
    let np = np_starting_at(view, lex, k + 1, a)?;
    if !view.is_punct(np.last + 1, ",")
        || !matches!(
            np.kind,
            NpKind::Name { .. } | NpKind::Role { .. } | NpKind::Org { .. }
        )
    {
        return None;
    }
    resolver.resolve(&np, k)
}

/// The author of a speech noun before quoted words opening at token `a`, in
/// the same clause: "l'appel lancé par le président X … pour « … »", "les
/// propos du ministre, « … »".
fn speech_noun(cx: &UnitCx, a: usize) -> Option<Speaker> {
    let (view, lex) = (cx.view, cx.lex);
    let mut k = a;
    while k > cx.unit.first {
        k -= 1;
        if view.inside.get(k).copied().flatten().is_some() {
            continue;
        }
        if is_stop(view, k) {
            return None;
        }
        if !lex.is("speech_noun", view.low(k))
            || !k.checked_sub(1).is_some_and(|p| is_det(view, lex, p))
        {
            continue;
        }
        // its author: "de X" right after it, or "… par X" before the quotation
        let mut x = k + 1;
        let limit = a;
        while x < limit {
            let w = view.low(x);
            let by = w == "par" || (x == k + 1 && lex.is("of", w));
            if by
                && let Some(np) = np_starting_at(view, lex, x + 1, limit)
                && matches!(
                    np.kind,
                    NpKind::Name { .. } | NpKind::Role { .. } | NpKind::Org { .. }
                )
            {
                return cx.resolver.resolve(&np, x);
            }
            if is_stop(view, x) {
                break;
            }
            x += 1;
        }
        return None;
    }
    None
}

/// The reporting verb that governs quoted words opening at token `a`: the
/// nearest before it in the same clause, one of opinion only when no other
/// does.
fn governing<'s>(cx: &'s UnitCx, a: usize) -> Option<&'s Said> {
    let view = cx.view;
    let lex = cx.lex;
    let mut mental: Option<&Said> = None;
    let mut embedded: Option<&Said> = None;
    for s in cx.saids.iter().rev() {
        if s.in_quote.is_some() || s.group.last >= a {
            continue;
        }
        let blocked = (s.group.last + 1..a)
            .any(|k| view.inside.get(k).copied().flatten().is_none() && is_stop(view, k));
        if blocked {
            break;
        }
        // "faisait l'objet d'un « … »": a verb that reports only as an
        // incise governs nothing when it is not one
        if !s.inverted && lex.lemmas.get(s.group.lemma).is_some_and(|l| l.incise_only) {
            continue;
        }
        let is_mental = lex.lemmas.get(s.group.lemma).is_some_and(|l| l.mental);
        if is_mental {
            if mental.is_none() {
                mental = Some(s);
            }
            continue;
        }
        // "Elle a remercié les pays qui ont rejeté la motion d'avoir
        // « … »": a weak verb in a restrictive relative clause (no comma
        // before `qui`, no `que` after it) inside the clause of another
        // reporting verb does not govern its quoted words.
        let relative = s.group.first > cx.unit.first + 1
            && lex.is("rel", view.low(s.group.first - 1))
            && !view.punct(s.group.first - 2)
            && s.que.is_none()
            && s.colon.is_none()
            && lex.lemmas.get(s.group.lemma).is_some_and(|l| l.weak);
        if relative {
            if embedded.is_none() {
                embedded = Some(s);
            }
            continue;
        }
        return Some(s);
    }
    mental.or(embedded)
}

impl Marked {
    /// The first token of the quotation (its opening mark).
    pub(crate) fn open_token(&self, view: &View) -> usize {
        view.token_at(self.open)
    }
}
