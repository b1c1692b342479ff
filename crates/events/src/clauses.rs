//! Clauses of a sentence, cut on punctuation, relative pronouns,
//! conjunctions, participles and reporting incises, with the clause each one
//! takes its subject from when it has none of its own.

use std::ops::Range;

use crate::conjugate::Form;
use crate::groups::{aux_incise_end, verb_at};
use crate::lexicon::Lexicon;
use crate::text::Text;

/// What a clause is to its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A main clause.
    Main,
    /// After qui, que (after a noun), dont, où.
    Relative,
    /// After a verb and que: its content ("a déclaré que …").
    Completive,
    /// After a subordinating conjunction (alors que, si, parce que).
    Subordinate,
    /// A present participle (", affirmant que …", "S'adressant à X, …").
    Participial,
    /// A verb phrase after et / mais / ou, sharing the subject before.
    Coordinate,
    /// An inverted reporting incise (", a déclaré M. X,").
    Incise,
    /// The main clause going on after an incise or a relative clause set
    /// inside it ("La Morvanie, dont …, n'a pas condamné").
    Resumed,
}

/// A clause.
#[derive(Debug, Clone)]
pub(crate) struct Clause {
    /// Its words.
    pub words: Range<usize>,
    /// What it is.
    pub kind: Kind,
    /// The clause it takes its subject from when it names none.
    pub inherit: Option<usize>,
    /// For a relative clause: the last word before its pronoun.
    pub antecedent: Option<usize>,
}

/// Words after which `que` is a comparison or part of a phrase, not a clause.
const QUE_KEEP: [&str; 10] = [
    "ainsi", "plus", "moins", "autant", "tant", "même", "tel", "telle", "ne", "n'",
];

/// Words before que that open a concessive clause ending at the next comma
/// ("Quelle que soit l'issue, X …").
const CONCESSIVE: [&str; 4] = ["quel", "quelle", "quels", "quelles"];

/// Object and adverbial clitics that may stand between a clause's opener
/// and its verb.
const CLITICS: [&str; 12] = [
    "le", "la", "les", "l'", "lui", "leur", "en", "y", "se", "s'", "ne", "n'",
];

/// Whether an absolute participle clause starts at `i`: an actor and its
/// own present participle ("…, New Delhi reprochant à Islamabad de …").
fn absolute_starts(text: &Text, lex: &Lexicon, i: usize) -> bool {
    let mut k = i;
    while lex.words.determiners.contains(text.low(k)) && k < i + 2 {
        k += 1;
    }
    text.covered(k)
        .map(|m| text.mentions[m].words.end)
        .is_some_and(|e| e < text.words.len() && participle_starts(text, lex, e))
}

/// Whether word `i` is a present participle (a gerund form of a known verb).
fn gerund_at(text: &Text, lex: &Lexicon, i: usize) -> bool {
    lex.verb(text.low(i)).iter().any(|f| f.form == Form::Gerund)
}

/// Whether a gerund starts at `i`: `affirmant`, `s'adressant`, `en soulignant`.
fn participle_starts(text: &Text, lex: &Lexicon, i: usize) -> bool {
    let mut k = i;
    if matches!(text.low(k), "en" | "tout") {
        k += 1;
    }
    if matches!(text.low(k), "se" | "s'" | "ne" | "n'") {
        k += 1;
    }
    gerund_at(text, lex, k)
}

/// Whether an inverted reporting verb starts at `i` (", a déclaré M. X",
/// ", indique le communiqué", ", a-t-il ajouté"): the verb group of a
/// reporting verb not followed by que, a colon or a quotation.
fn incise_starts(text: &Text, lex: &Lexicon, i: usize, end: usize) -> bool {
    let mut k = i;
    let mut reporting = false;
    // up to an auxiliary, clitics and the participle
    while k < end && k < i + 5 {
        let w = text.low(k);
        let forms = lex.verb(w);
        if forms.iter().any(|f| lex.lemmas[f.lemma].roles.reporting) {
            reporting = true;
            k += 1;
            break;
        }
        let aux = forms.iter().any(|f| {
            let r = lex.lemmas[f.lemma].roles;
            r.avoir || r.etre
        });
        if !(aux
            || matches!(
                w,
                "s'" | "se" | "-t-il" | "-t-elle" | "-il" | "-elle" | "ne" | "n'"
            ))
        {
            return false;
        }
        k += 1;
    }
    while k < end && text.low(k).starts_with('-') {
        k += 1;
    }
    // a time between the verb and its subject: "avait répété en juin le
    // porte-parole"
    let timed = |j: usize| text.times.iter().any(|t| t.words.contains(&j));
    while k < end && (timed(k) || matches!(text.low(k), "en" | "dès" | "le") && timed(k + 1)) {
        k += 1;
    }
    // the inverted subject opens after it: a determiner, a name, a clitic
    let next = text.low(k);
    let np = lex.words.determiners.contains(next)
        || text.is_cap(k)
        || next == "m."
        || next.starts_with('-');
    reporting && np && !matches!(next, "«")
}

/// Whether the words `from..to` hold a verb with a tense of its own.
fn has_finite(text: &Text, lex: &Lexicon, from: usize, to: usize) -> bool {
    (from..to).any(|k| {
        verb_at(text, lex, k)
            && lex
                .verb(text.low(k))
                .iter()
                .any(|f| !matches!(f.form, Form::Participle | Form::Infinitive | Form::Gerund))
    })
}

/// Whether a relative pronoun at `i` opens a clause: a verb follows before
/// the next comma ("dont les États-Unis," is an apposition).
fn relative_has_verb(text: &Text, lex: &Lexicon, i: usize, end: usize) -> bool {
    if text.low(i) == "qui" {
        return true;
    }
    let stop = (i + 1..end)
        .find(|&k| matches!(text.low(k), "," | ";" | ":" | "."))
        .unwrap_or(end);
    (i + 1..stop).any(|k| verb_at(text, lex, k))
}

/// Whether the comma at `i` closes a relative clause set inside a subject
/// whose verb comes after it ("La Morvanie, dont les relations … sont
/// exécrables, n'a pas condamné").
fn resumes(text: &Text, lex: &Lexicon, cuts: &[(usize, Kind)], i: usize, end: usize) -> bool {
    let Some(&(start, kind)) = cuts.last() else {
        return false;
    };
    if kind != Kind::Relative || start == 0 || text.low(start - 1) != "," || cuts.len() < 2 {
        return false;
    }
    let before = cuts[cuts.len() - 2].0;
    if has_finite(text, lex, before, start) {
        return false;
    }
    let mut k = i + 1;
    while k < end
        && matches!(
            text.low(k),
            "ne" | "n'" | "se" | "s'" | "l'" | "lui" | "y" | "en"
        )
    {
        k += 1;
    }
    k < end && has_finite(text, lex, k, k + 1)
}

/// The clauses of the sentence `range`, in order, covering it.
pub(crate) fn clauses(text: &Text, lex: &Lexicon, range: Range<usize>) -> Vec<Clause> {
    let mut cuts: Vec<(usize, Kind)> = vec![(range.start, Kind::Main)];
    let mut incise_end: Option<usize> = None;
    let mut i = range.start;
    let end = range.end;
    // a sentence that opens on a participle: it ends at the first comma
    let mut opening_participle = participle_starts(text, lex, i)
        || (text.low(i) == "«" && participle_starts(text, lex, i + 1));
    if opening_participle {
        cuts[0].1 = Kind::Participial;
    }
    let mut concessive = false;
    while i < end {
        let w = text.low(i);
        if concessive && w == "," {
            concessive = false;
            cuts.push((i + 1, Kind::Main));
            i += 1;
            continue;
        }
        if matches!(w, "que" | "qu'") && i > range.start && CONCESSIVE.contains(&text.low(i - 1)) {
            concessive = true;
            if i - 1 > range.start && text.low(i - 2) != "«" {
                cuts.push((i - 1, Kind::Subordinate));
            } else if cuts.len() == 1 {
                cuts[0].1 = Kind::Subordinate;
            }
            i += 1;
            continue;
        }
        if Some(i) == incise_end {
            incise_end = None;
            cuts.push((i, Kind::Resumed));
        }
        match w {
            ";" | ":" | "—" | "–" => {
                cuts.push((i + 1, Kind::Main));
                i += 1;
                continue;
            }
            "," => {
                // "a, elle aussi, regretté": the incise splits no clause
                if let Some(next) = aux_incise_end(text, lex, i, end) {
                    i = next;
                    continue;
                }
                if opening_participle {
                    opening_participle = false;
                    cuts.push((i + 1, Kind::Main));
                } else if resumes(text, lex, &cuts, i, end) {
                    cuts.push((i + 1, Kind::Resumed));
                } else if participle_starts(text, lex, i + 1) || absolute_starts(text, lex, i + 1) {
                    cuts.push((i + 1, Kind::Participial));
                } else if incise_end.is_none()
                    && (text.low(i.saturating_sub(1)) == "»"
                        || has_finite(text, lex, cuts.last().map_or(range.start, |c| c.0), i))
                    && incise_starts(text, lex, i + 1, end)
                {
                    cuts.push((i + 1, Kind::Incise));
                    incise_end = (i + 2..end).find(|&k| text.low(k) == ",");
                    if let Some(e) = incise_end {
                        // the comma closing the incise starts nothing itself
                        incise_end = Some(e + 1);
                    }
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        // "Plusieurs militants qui appelaient au boycott ont été interpellés":
        // a second finite verb after a subject's relative clause is the main
        // clause's own, resumed
        if let Some(&(start, Kind::Relative)) = cuts.last()
            && text.low(start) == "qui"
            && has_finite(text, lex, i, i + 1)
            && !matches!(text.low(i - 1), "et" | "ou" | "ni" | "," | "«")
        {
            let mut first = i;
            while first > start + 1 && CLITICS.contains(&text.low(first - 1)) {
                first -= 1;
            }
            let before = cuts.len().checked_sub(2).map(|k| cuts[k].0);
            if before.is_some_and(|b| !has_finite(text, lex, b, start))
                && has_finite(text, lex, start + 1, first)
                && !matches!(text.low(first - 1), "et" | "ou" | "ni" | "," | "«")
            {
                cuts.push((first, Kind::Resumed));
                i += 1;
                continue;
            }
        }
        if lex.words.relatives.contains(w)
            && i > range.start
            && relative_has_verb(text, lex, i, end)
        {
            cuts.push((i, Kind::Relative));
            i += 1;
            continue;
        }
        if let Some(p) = lex.words.subordinators.iter().find(|p| text.matches(i, p)) {
            let kind = if p.len() == 1 && matches!(p[0].as_str(), "mais" | "car") {
                Kind::Coordinate
            } else {
                Kind::Subordinate
            };
            if i > range.start {
                cuts.push((i, kind));
            }
            i += p.len();
            continue;
        }
        // "…, comme l'en accusent X": a clause when a verb follows its clitics
        if lex.words.inverting.contains(w)
            && !lex.words.relatives.contains(w)
            && !matches!(w, "que" | "qu'")
            && i > range.start
        {
            let mut k = i + 1;
            while k < end && CLITICS.contains(&text.low(k)) {
                k += 1;
            }
            if k < end && has_finite(text, lex, k, k + 1) {
                cuts.push((i, Kind::Subordinate));
                i += 1;
                continue;
            }
        }
        if matches!(w, "que" | "qu'") && i > range.start {
            let mut p = i - 1;
            while p > range.start
                && (text.low(p) == "," || text.times.iter().any(|t| t.words.contains(&p)))
            {
                p -= 1;
            }
            let prev = text.low(p);
            if !QUE_KEEP.contains(&prev) {
                let kind = if verb_at(text, lex, p) || prev == "est" {
                    Kind::Completive
                } else {
                    Kind::Relative
                };
                cuts.push((i, kind));
            }
            i += 1;
            continue;
        }
        // "ni" coordinates only after the verb it follows ("n'a ni soutenu
        // X ni reconnu Y"), not right after the auxiliary
        let ni = w == "ni"
            && i > range.start
            && !lex.verb(text.low(i - 1)).iter().any(|f| {
                let r = lex.lemmas[f.lemma].roles;
                (r.avoir || r.etre) && f.form != Form::Participle
            });
        if (matches!(w, "et" | "ou") || ni) && i > range.start {
            let mut k = i + 1;
            while k < end
                && matches!(
                    text.low(k),
                    "ne" | "n'" | "se" | "s'" | "l'" | "les" | "lui"
                )
            {
                k += 1;
            }
            while k < end
                && lex.words.group_adverbs.contains(text.low(k))
                && lex.verb(text.low(k)).is_empty()
            {
                k += 1;
            }
            if k < end && verb_at(text, lex, k) {
                cuts.push((i, Kind::Coordinate));
            }
        }
        i += 1;
    }
    // one clause per cut, the empty ones dropped
    cuts.sort_by_key(|c| c.0);
    cuts.dedup_by_key(|c| c.0);
    let mut out: Vec<Clause> = Vec::new();
    for (k, &(start, kind)) in cuts.iter().enumerate() {
        let stop = cuts.get(k + 1).map_or(end, |c| c.0).min(end);
        if start >= stop {
            continue;
        }
        // "X, qui … et qui a appelé": a relative coordinated to the one
        // before shares its antecedent
        let coordinated = start > range.start
            && matches!(text.low(start - 1), "et" | "ou" | "mais")
            && out.last().is_some_and(|c| c.kind == Kind::Relative);
        let antecedent = (kind == Kind::Relative)
            .then(|| {
                if coordinated {
                    return out.last().and_then(|c| c.antecedent);
                }
                let mut a = start.checked_sub(1)?;
                if text.low(a) == "," && a > range.start {
                    a -= 1;
                }
                Some(a)
            })
            .flatten();
        out.push(Clause {
            words: start..stop,
            kind,
            inherit: None,
            antecedent,
        });
    }
    // whom each clause takes a missing subject from
    let n = out.len();
    for k in 0..n {
        let kind = out[k].kind;
        let previous = (0..k).rev().find(|&p| {
            !matches!(
                out[p].kind,
                Kind::Relative | Kind::Incise | Kind::Participial
            )
        });
        out[k].inherit = match kind {
            Kind::Participial if k == 0 => (n > 1).then_some(1),
            // "« … », a déclaré X devant la presse, remerciant Y": the
            // participle is the speaker's, told by the incise before it
            Kind::Participial if out[k - 1].kind == Kind::Incise => Some(k - 1),
            // "qui n'a ni soutenu X ni reconnu Y", "qui a reçu X et remercié
            // Y": a coordinate right after a relative on qui, with no pause,
            // goes on with it
            Kind::Coordinate
                if out[k - 1].kind == Kind::Relative
                    && matches!(text.low(out[k - 1].words.start), "qui")
                    && out[k].words.start > 0
                    && text.low(out[k].words.start - 1) != "," =>
            {
                Some(k - 1)
            }
            Kind::Participial | Kind::Coordinate => previous,
            Kind::Resumed => previous,
            _ => None,
        };
    }
    out
}
