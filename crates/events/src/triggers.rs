//! Triggers: the verb groups and nouns of a sentence that name an event of
//! the lexicon, each with the frame it matches and the context that makes a
//! noun an event (after a light verb, as an erupting subject, after a
//! preposition of time, with its own arguments).

use crate::actors::Strength;
use crate::clauses::Kind;
use crate::conjugate::Form;
use crate::groups::Group;
use crate::lexicon::{Frame, Need, Pos};
use crate::patterns::Patterns;

/// Why a trigger names an event here.
#[derive(Debug, Clone)]
pub(crate) enum Context {
    /// A verb group.
    Verb(Group),
    /// A noun in the object of a light verb ("a affiché son soutien").
    Light(Group),
    /// A noun as the subject of an eruption verb, in its clause or in a
    /// relative clause right after it ("une contestation qui a éclaté").
    Eruption(Group, Option<usize>),
    /// A meeting noun after a preposition of time or purpose.
    Adjunct,
    /// A noun with its own arguments ("l'invasion de l'Ukraine par la Russie").
    Own,
    /// A noun that is the agent of a carrier verb's passive; coded by the verb.
    Carried,
}

/// A trigger in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Trigger {
    /// Index into the lexicon's frames.
    pub frame: usize,
    /// The clause it is in.
    pub clause: usize,
    /// Its head word.
    pub head: usize,
    /// One past its last word (the tail of a phrase included).
    pub end: usize,
    /// Why it counts.
    pub context: Context,
}

/// Where a phrase's tail ends when the words after `head` are `tail`
/// (quotation marks and group adverbs may come between the head and the
/// tail; `a|b` allows either word).
pub(crate) fn tail_end(p: &Patterns, head: usize, tail: &[String], limit: usize) -> Option<usize> {
    let mut i = head + 1;
    let mut first = true;
    for t in tail {
        if first {
            while i < limit
                && (matches!(p.text.low(i), "«" | "»")
                    || (p.lex.words.group_adverbs.contains(p.text.low(i))
                        && !t.split('|').any(|a| a == p.text.low(i))))
            {
                i += 1;
            }
            first = false;
        }
        while i < limit && matches!(p.text.low(i), "«" | "»") {
            i += 1;
        }
        if i >= limit || !t.split('|').any(|a| a == p.text.low(i)) {
            return None;
        }
        i += 1;
    }
    Some(i)
}

/// Whether a frame's condition holds after word `end` of clause `c`.
fn needs_hold(p: &Patterns, frame: &Frame, c: usize, end: usize) -> bool {
    let words = p.words(c);
    match &frame.needs {
        None => true,
        // `a|b` in a needed word allows either ("qualifié de « illégal|nul »")
        Some(Need::Words(ws)) => (end..words.end).any(|k| {
            ws.iter().enumerate().all(|(j, w)| {
                let low = p.text.low(k + j);
                !low.is_empty() && w.split('|').any(|a| a == low)
            })
        }),
        Some(Need::AInfinitive) => (end..words.end.saturating_sub(1)).any(|k| {
            p.text.low(k) == "à"
                && (p.text.tagged_verb(k + 1)
                    || p.lex
                        .verb(p.text.low(k + 1))
                        .iter()
                        .any(|f| matches!(f.form, crate::conjugate::Form::Infinitive)))
        }),
        Some(Need::Troops) => words
            .clone()
            .any(|k| p.lex.words.troops.contains(p.text.low(k))),
        Some(Need::Future) => {
            let next = c + 1;
            p.clauses.get(next).is_some_and(|cl| {
                cl.kind == crate::clauses::Kind::Completive
                    && (end..cl.words.start)
                        .all(|k| p.lex.words.group_adverbs.contains(p.text.low(k)))
                    && (p
                        .groups
                        .get(next)
                        .and_then(|gs| gs.first())
                        .is_some_and(|g| {
                            matches!(
                                g.tense,
                                crate::groups::Tense::Future | crate::groups::Tense::Conditional
                            )
                        })
                        || future_form_after_pronoun(p, cl.words.clone()))
            })
        }
        Some(Need::Infinitive) => {
            let mut k = end;
            while k < words.end
                && matches!(
                    p.text.low(k),
                    "«" | "»" | "," | "bien" | "vraiment" | "également" | "aussi"
                )
            {
                k += 1;
            }
            if matches!(p.text.low(k), "de" | "d'" | "à") {
                k += 1;
            }
            while k < words.end && matches!(p.text.low(k), "«" | "se" | "s'" | "ne" | "n'" | "pas")
            {
                k += 1;
            }
            p.lex
                .verb(p.text.low(k))
                .iter()
                .any(|f| f.form == Form::Infinitive)
        }
    }
}

/// Whether a que clause opens on a subject pronoun and a verb the lexicon
/// does not know whose ending is the future's or the conditional's ("qu'il
/// « remplira ses obligations »").
fn future_form_after_pronoun(p: &Patterns, words: std::ops::Range<usize>) -> bool {
    let w = &p.lex.words;
    let mut k = words.start + 1;
    let pronoun = k < words.end
        && (w.third_person.contains(p.text.low(k))
            || matches!(p.text.low(k), "ils" | "elles" | "on"));
    if !pronoun {
        return false;
    }
    k += 1;
    while k < words.end && matches!(p.text.low(k), "«" | "ne" | "n'") {
        k += 1;
    }
    let form = p.text.low(k);
    k < words.end
        && p.lex.verb(form).is_empty()
        && form.chars().count() > 5
        && w.future_endings.iter().any(|e| form.ends_with(e.as_str()))
}

/// Whether a direct object follows word `end`: a determiner past adverbs
/// and times ("a manifesté mardi son agacement").
fn has_object(p: &Patterns, end: usize, limit: usize) -> bool {
    let w = &p.lex.words;
    let mut k = end;
    while k < limit
        && (w.group_adverbs.contains(p.text.low(k))
            || p.text.times.iter().any(|t| t.words.contains(&k)))
    {
        k += 1;
    }
    k < limit
        && w.determiners.contains(p.text.low(k))
        && !matches!(p.text.low(k), "au" | "aux" | "«")
}

/// The best frame of a verb group: the longest phrase, a frame whose
/// subject condition holds before one without.
fn verb_frame(p: &Patterns, c: usize, g: &Group) -> Option<(usize, usize)> {
    let limit = p.words(c).end;
    let mut best: Option<(usize, usize, (usize, bool))> = None;
    for f in g.lemmas(p.lex) {
        for &fr in &p.lex.lemmas[f.lemma].frames {
            let frame = &p.lex.frames[fr];
            let Some(end) = tail_end(p, g.head, &frame.tail, limit) else {
                continue;
            };
            if !needs_hold(p, frame, c, end) {
                continue;
            }
            if frame.intransitive && has_object(p, end, limit) {
                continue;
            }
            if (end..(end + 3).min(limit)).any(|k| frame.unless.iter().any(|u| u == p.text.low(k)))
            {
                continue;
            }
            if frame.troops_subject {
                let region = p.words(c).start..g.first;
                if !region
                    .clone()
                    .any(|k| p.lex.words.troops.contains(p.text.low(k)))
                {
                    continue;
                }
            }
            let rank = (frame.tail.len(), frame.troops_subject);
            if best.as_ref().is_none_or(|b| rank > b.2) {
                best = Some((fr, end, rank));
            }
        }
    }
    best.map(|(fr, end, _)| (fr, end))
}

/// The noun frame whose form starts at word `i`, with its end.
pub(crate) fn noun_at(p: &Patterns, i: usize, limit: usize) -> Option<(usize, usize)> {
    let list = p.lex.noun_heads.get(p.text.low(i))?;
    list.iter().find_map(|(frame, rest)| {
        let end = i + 1 + rest.len();
        (end <= limit && p.text.matches(i + 1, rest) || rest.is_empty()).then_some((*frame, end))
    })
}

/// Every noun frame whose form starts at word `i`, with the word after it.
fn nouns_at(p: &Patterns, i: usize, limit: usize) -> Vec<(usize, usize)> {
    let Some(list) = p.lex.noun_heads.get(p.text.low(i)) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|(frame, rest)| {
            let end = i + 1 + rest.len();
            (end <= limit && p.text.matches(i + 1, rest) || rest.is_empty())
                .then_some((*frame, end))
        })
        .collect()
}

/// Whether an adjunct preposition ends within a few words before `i`
/// (after it only determiners, possessives and adjectives).
fn after_adjunct(p: &Patterns, i: usize, from: usize) -> bool {
    let w = &p.lex.words;
    let mut k = i;
    for _ in 0..4 {
        if k <= from {
            return false;
        }
        if w.adjunct_preps
            .iter()
            .any(|ph| k >= ph.len() && p.text.matches(k - ph.len(), ph))
        {
            return true;
        }
        k -= 1;
        let low = p.text.low(k);
        if p.text.is_punct(k) && low != "«" {
            return false;
        }
    }
    false
}

/// Every trigger of the sentence, by head word, with the ones inside an
/// opaque complement left out.
pub(crate) fn triggers(p: &Patterns) -> Vec<Trigger> {
    let mut out = Vec::new();
    for c in 0..p.clauses.len() {
        let words = p.words(c);
        let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
        for g in &p.groups[c] {
            // "les efforts visant à aider X": what the efforts are for
            let modifier = p
                .lex
                .words
                .modifiers
                .iter()
                .any(|ph| g.first >= ph.len() && p.text.matches(g.first - ph.len(), ph));
            if modifier {
                continue;
            }
            if denied_obligation(p, c, g) {
                continue;
            }
            if let Some((frame, end)) = verb_frame(p, c, g) {
                taken.push(g.head..end);
                out.push(Trigger {
                    frame,
                    clause: c,
                    head: g.head,
                    end,
                    context: Context::Verb(g.clone()),
                });
            }
        }
        let mut i = words.start;
        while i < words.end {
            let skip = taken.iter().any(|r| r.contains(&i))
                || p.groups[c].iter().any(|g| g.head == i)
                || p.text
                    .covered(i)
                    .is_some_and(|m| p.text.mentions[m].strength == Strength::Strong);
            if skip {
                i += 1;
                continue;
            }
            let Some((first, first_end)) = noun_at(p, i, words.end) else {
                i += 1;
                continue;
            };
            // of the frames of one form, the first whose condition holds
            // ("des livraisons d'armes" AID, "des livraisons de gaz" COOPERATE)
            let (frame, end) = nouns_at(p, i, words.end)
                .into_iter()
                .find(|&(fr, end)| needs_hold(p, &p.lex.frames[fr], c, end))
                .unwrap_or((first, first_end));
            let f = &p.lex.frames[frame];
            let other_sense = (end..(end + 2).min(words.end))
                .any(|k| f.unless.iter().any(|u| u == p.text.low(k)));
            if f.pos == Pos::Noun && needs_hold(p, f, c, end) && !other_sense {
                let context = noun_context(p, c, i, end, f);
                out.push(Trigger {
                    frame,
                    clause: c,
                    head: i,
                    end,
                    context,
                });
            }
            i = end.max(i + 1);
        }
    }
    // the agents of carrier passives are the carrier's event
    let carried: Vec<(usize, usize)> = out
        .iter()
        .filter_map(|t| match &t.context {
            Context::Verb(g)
                if p.lex.frames[t.frame].carrier && g.voice == crate::groups::Voice::Passive =>
            {
                Some((t.clause, t.end))
            }
            _ => None,
        })
        .collect();
    for t in &mut out {
        if matches!(t.context, Context::Verb(_)) {
            continue;
        }
        if carried.iter().any(|&(c, end)| {
            c == t.clause && t.head >= end && carrier_agent_reaches(p, c, end, t.head)
        }) {
            t.context = Context::Carried;
        }
    }
    // opaque complements
    let opaque: Vec<(usize, usize)> = out
        .iter()
        .filter(|t| p.lex.frames[t.frame].opaque && matches!(t.context, Context::Verb(_)))
        .map(|t| (t.clause, t.head))
        .collect();
    // a meeting set off by a comma ("a appelé X à …, lors de la réunion de
    // Y") tells when the act was, not what was asked
    // ("a appelé X à …, sans mettre en cause Y"): how the caller acted
    let set_off = |t: &Trigger| match &t.context {
        Context::Verb(g) => {
            g.first >= 2
                && p.lex.words.negating_preps.contains(p.text.low(g.first - 1))
                && p.text.low(g.first - 2) == ","
        }
        _ => false,
    };
    // ("l'accusant d'avoir contourné les mesures imposées après
    // l'invasion de l'Ukraine"): a noun after a preposition of time is the
    // background the content is set against, not the content
    let background = |t: &Trigger| background(p, t);
    out.retain(|t| {
        !opaque.iter().any(|&(c, h)| {
            c == t.clause
                && t.head > h
                && !(matches!(t.context, Context::Adjunct)
                    && (h..t.head).any(|k| p.text.low(k) == ","))
                && !set_off(t)
                && !background(t)
        })
    });
    out.sort_by_key(|t| t.head);
    out
}

/// Whether a noun trigger with its own arguments comes after a preposition
/// of time ("après l'invasion de X"): the background of the sentence, not
/// an act of its story.
pub(crate) fn background(p: &Patterns, t: &Trigger) -> bool {
    matches!(t.context, Context::Own) && {
        let mut k = t.head;
        while k > 0 && p.lex.words.determiners.contains(p.text.low(k - 1)) {
            k -= 1;
        }
        k > 0 && p.lex.words.background_preps.contains(p.text.low(k - 1))
    }
}

/// Whether an infinitive is the content of a denied obligation: "n'est pas
/// tenu d'arrêter X" tells of no arrest.
fn denied_obligation(p: &Patterns, c: usize, g: &Group) -> bool {
    if g.tense != crate::groups::Tense::Infinitive || g.first < 2 {
        return false;
    }
    let de = g.first - 1;
    if !matches!(p.text.low(de), "de" | "d'") {
        return false;
    }
    let mut k = de - 1;
    while k > p.words(c).start && p.lex.words.group_adverbs.contains(p.text.low(k)) {
        k -= 1;
    }
    if !p.lex.words.obligations.contains(p.text.low(k)) {
        return false;
    }
    let start = p.words(c).start;
    let ne = (start..k).any(|j| matches!(p.text.low(j), "ne" | "n'"));
    ne && (start..k).any(|j| p.lex.words.negators.contains(p.text.low(j)))
}

/// Whether the words `from..to` between a verb and its object are only
/// adjuncts set off by commas: times and places ("ont signé, jeudi 13 mars,
/// à Bichkek, un traité").
fn adjunct_gap(p: &Patterns, from: usize, to: usize) -> bool {
    let mut k = from;
    let mut saw = false;
    while k < to {
        let w = p.text.low(k);
        if w == "," || p.lex.words.determiners.contains(w) {
            k += 1;
            continue;
        }
        if p.text.times.iter().any(|t| t.words.contains(&k)) {
            saw = true;
            k += 1;
            continue;
        }
        let locative = p
            .lex
            .words
            .locatives
            .iter()
            .any(|ph| ph.len() == 1 && ph[0] == w);
        let place = p
            .text
            .covered(k + 1)
            .map(|m| &p.text.mentions[m])
            .filter(|x| {
                x.words.start == k + 1 && (p.cast.is_place(&x.who) || p.cast.is_country(&x.who))
            });
        match place {
            Some(x) if locative => {
                saw = true;
                k = x.words.end;
            }
            _ => return false,
        }
    }
    saw
}

/// Whether a group is an auxiliary standing alone before a participle the
/// lexicon does not know ("a pris ses distances"): not the light verb avoir.
fn bare_auxiliary(p: &Patterns, g: &Group) -> bool {
    let aux = g.forms.iter().any(|f| {
        let r = p.lex.lemmas[f.lemma].roles;
        (r.avoir || r.etre) && f.form != Form::Participle
    });
    if !aux || g.head != g.first && !matches!(p.text.low(g.first), "ne" | "n'") {
        return false;
    }
    let mut k = g.end;
    while k < p.text.words.len() && p.lex.words.group_adverbs.contains(p.text.low(k)) {
        k += 1;
    }
    let next = p.text.low(k);
    !(p.lex.words.determiners.contains(next) || next == "«")
}

/// Whether word `noun` is inside the `par` agent phrase after `end`.
fn carrier_agent_reaches(p: &Patterns, c: usize, end: usize, noun: usize) -> bool {
    let limit = p.words(c).end;
    let Some(par) = (end..limit).find(|&k| p.text.low(k) == "par") else {
        return false;
    };
    noun > par && noun < p.np_end(par + 1, limit).max(par + 1) + 1
}

/// The context that makes the noun at `i` an event.
fn noun_context(p: &Patterns, c: usize, i: usize, end: usize, frame: &Frame) -> Context {
    let groups = &p.groups[c];
    // the subject of a light verb in the passive ("des messages de
    // félicitations ont été adressés à X par Y"): the first group of the
    // clause, after the noun's phrase with no pause
    if let Some(g) = groups.first()
        && g.head > i
        && g.voice == crate::groups::Voice::Passive
        && g.has_role(p.lex, |r| r.light)
        // actors only in the noun's own "entre X et Y" / "avec X" ("l'accord
        // entre X et Y a été signé")
        && (p.words(c).start..g.first).all(|k| {
            !matches!(p.text.low(k), "," | ";" | ":")
                && (p.text.covered(k).is_none()
                    || k > end && matches!(p.text.low(end), "entre" | "avec"))
        })
        && i < p.words(c).start + 4
    {
        return Context::Light(g.clone());
    }
    // the object of a light verb in the dependency tree, whatever stands
    // between ("ont signé, jeudi, à Bichkek, un traité")
    if let Some((h, rel)) = p.text.governor(i)
        && (rel == "obj" || rel.starts_with("obj:"))
        && let Some(g) = groups.iter().find(|g| g.head == h && g.head < i)
        && g.has_role(p.lex, |r| r.light)
        && !bare_auxiliary(p, g)
    {
        return Context::Light(g.clone());
    }
    // after a light verb, with nothing but its object between
    if let Some(g) = groups.iter().rfind(|g| g.head < i) {
        // nothing but the object's words: no pause, no other preposition
        // ("imposées à Moscou depuis le début de l'offensive")
        let between_clear = (g.end..i).all(|k| {
            let w = p.text.low(k);
            w != ","
                && w != ";"
                && (!p.lex.words.prepositions.contains(w)
                    || p.lex.words.de_forms.contains(w)
                    // "participera au sommet de X"
                    || matches!(w, "à" | "au" | "aux") && k == g.end)
        });
        if g.has_role(p.lex, |r| r.light)
            && (between_clear && i - g.end <= 8 || i - g.end <= 16 && adjunct_gap(p, g.end, i))
            && !bare_auxiliary(p, g)
        {
            return Context::Light(g.clone());
        }
    }
    // as what an eruption turned into ("les tensions ont dégénéré en
    // affrontements"): the act is the verb's, dated with it
    if let Some(g) = groups.iter().rfind(|g| g.head < i)
        && g.has_role(p.lex, |r| r.eruption)
        && matches!(p.text.low(g.end), "en" | "à")
        && i > g.end
        && i - g.end <= 3
        && (g.end + 1..i).all(|k| !p.text.is_punct(k))
    {
        return Context::Eruption(g.clone(), None);
    }
    // as the subject of an eruption verb
    if let Some(g) = groups.iter().find(|g| g.first >= end)
        && g.has_role(p.lex, |r| r.eruption)
        && p.text.low(g.first.saturating_sub(1)) != ","
    {
        return Context::Eruption(g.clone(), None);
    }
    // past a participial incise ("La contestation, partie dimanche de X,
    // s'est étendue"): the first verb after it whose incise ends right
    // before it; the incise dates the act
    if p.text.low(end) == ","
        && let Some((k, g)) = (c..p.clauses.len().min(c + 4))
            .flat_map(|k| p.groups[k].iter().map(move |g| (k, g)))
            .find(|(_, g)| g.first > end + 1 && g.tense != crate::groups::Tense::Participle)
        && g.first <= end + 20
        && p.text.low(g.first - 1) == ","
        && (c..=k).all(|x| {
            p.groups[x]
                .iter()
                .filter(|h| h.first > end && h.first < g.first)
                .all(|h| h.tense == crate::groups::Tense::Participle)
        })
        && (end + 1..g.first - 1).all(|x| p.text.low(x) != ",")
        && g.has_role(p.lex, |r| r.eruption)
    {
        let incise = (c..k).find(|&x| p.words(x).contains(&(end + 1)));
        return Context::Eruption(g.clone(), incise.filter(|&x| x != c));
    }
    if let Some(next) = p.clauses.get(c + 1)
        && next.kind == Kind::Relative
        && p.text.low(next.words.start) == "qui"
        && next.words.start <= end + 3
        && let Some(g) = p.groups.get(c + 1).and_then(|gs| gs.first())
        && g.has_role(p.lex, |r| r.eruption)
    {
        return Context::Eruption(g.clone(), Some(c + 1));
    }
    if frame.light_only {
        return Context::Carried;
    }
    if frame.adjunct && after_adjunct(p, i, p.words(c).start) {
        return Context::Adjunct;
    }
    Context::Own
}
