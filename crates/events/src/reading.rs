//! Reading a trigger's frame: its source and target arguments (before they
//! are resolved to actors), its negation and the tense its date is read
//! through, by the context that makes it an event (a verb, a noun after a
//! light verb, an erupting noun, a meeting after a preposition, a noun with
//! its own arguments, a carrier passive).

use crate::actors::Strength;
use crate::arguments::{Arg, Arguments, Refers};
use crate::clauses::Kind;
use crate::discourse::Memory;
use crate::groups::{Group, Tense, Voice};
use crate::lexicon::{Frame, Slot};
use crate::patterns::Patterns;
use crate::triggers::{Context, Trigger, noun_at};

/// The arguments of one trigger before resolution.
pub(crate) struct Reading {
    pub kind: String,
    pub mode: Option<String>,
    pub sources: Vec<Arg>,
    pub targets: Vec<Arg>,
    pub negated: bool,
    pub negative_subject: bool,
    pub tense: Option<Tense>,
    pub extra: Option<usize>,
    pub frame: usize,
    /// The target is only the first actor after the verb, not its object or
    /// argument: it cannot be the source itself.
    pub loose: bool,
    /// The source and target are a pair named together as the subject of
    /// a mutual act ("la France et le Japon ont signé").
    pub pair: bool,
}

/// The tense a trigger's event is told in: its group's, else its clause's
/// finite verb's, else that of the clause it hangs on.
fn clause_tense(p: &Patterns, c: usize) -> Option<Tense> {
    let mut c = c;
    for _ in 0..4 {
        if let Some(g) = p.finite(c) {
            return Some(g.tense);
        }
        match p.clauses.get(c)?.inherit {
            Some(next) => c = next,
            // a quoted clause whose verb the lexicon does not know ("la
            // Chine continuera à soutenir …», a déclaré X"): the time of
            // its reporting incise
            None => {
                return (0..p.clauses.len())
                    .filter(|&k| k != c && p.clauses[k].kind == Kind::Incise)
                    .find_map(|k| p.finite(k))
                    .map(|g| g.tense);
            }
        }
    }
    None
}

/// The tense of a reported clause read in the reporting verb's time: "a
/// déclaré que Pékin était prêt" is ready on the day of the declaration.
pub(crate) fn reported(p: &Patterns, c: usize, tense: Option<Tense>) -> Option<Tense> {
    let completive = p.clauses.get(c).is_some_and(|x| x.kind == Kind::Completive);
    if completive
        && matches!(
            tense,
            Some(Tense::Imperfect | Tense::Pluperfect | Tense::Conditional)
        )
    {
        let reporting = (0..c)
            .rev()
            .find(|&k| !matches!(p.clauses[k].kind, Kind::Relative | Kind::Completive));
        if let Some(k) = reporting {
            return clause_tense(p, k).or(tense);
        }
    }
    tense
}

fn group_tense(p: &Patterns, c: usize, g: &Group) -> Option<Tense> {
    if g.tense.finite() {
        Some(g.tense)
    } else {
        clause_tense(p, c)
    }
}

/// The country a war named in the sentence is waged on ("la guerre en
/// Ukraine"), other than at the trigger `head` itself.
fn war_target(p: &Patterns, head: usize) -> Option<crate::actors::Who> {
    let sentence = p.clauses.first()?.words.start..p.clauses.last()?.words.end;
    sentence.clone().filter(|&i| i != head).find_map(|i| {
        let ph = p.lex.words.wars.iter().find(|ph| p.text.matches(i, ph))?;
        let start = i + ph.len();
        (start..(start + 3).min(sentence.end))
            .filter_map(|k| p.text.covered(k))
            .map(|m| &p.text.mentions[m].who)
            .find(|w| p.cast.is_country(w) || p.cast.is_place(w))
            .and_then(|w| p.cast.country(w))
            .map(|c| p.cast.country_who(&c))
    })
}

/// The country a mobilisation faces: the one after a border phrase in the
/// clause ("pour renforcer la frontière avec l'Afghanistan", "dans la
/// province du Badakhchan, frontalière du Tadjikistan"), else the one a war
/// named in the sentence is waged on ("pour la guerre en Ukraine").
pub(crate) fn border_target(p: &Patterns, c: usize, head: usize) -> Vec<Arg> {
    let words = p.words(c);
    let border = (words.start..words.end).find_map(|i| {
        let ph = p
            .lex
            .words
            .borders
            .iter()
            .find(|ph| p.text.matches(i, ph))?;
        let start = i + ph.len();
        (start..(start + 3).min(words.end))
            .filter_map(|k| p.text.covered(k))
            .map(|m| &p.text.mentions[m].who)
            .find_map(|w| p.cast.country(w))
            .map(|code| p.cast.country_who(&code))
    });
    border
        .or_else(|| war_target(p, head))
        .map(|who| Arg::Actor {
            who,
            words: head..head,
            strength: Strength::Strong,
        })
        .into_iter()
        .collect()
}

/// Reads a trigger's arguments by its frame and context.
pub(crate) fn read(p: &Patterns, t: &Trigger, memory: &Memory) -> Option<Reading> {
    let frame = &p.lex.frames[t.frame];
    let c = t.clause;
    let mut r = Reading {
        kind: frame.kind.clone(),
        mode: frame.mode.clone(),
        sources: Vec::new(),
        targets: Vec::new(),
        negated: false,
        negative_subject: false,
        tense: None,
        extra: None,
        frame: t.frame,
        loose: false,
        pair: false,
    };
    match &t.context {
        Context::Carried => return None,
        Context::Verb(g) => {
            let mut subject = p.subject(c, g.first);
            // a participle with no auxiliary qualifies the actor before it
            if g.tense == Tense::Participle && g.first == g.head {
                let modified = p.modified(c, g.first);
                if !modified.is_empty() {
                    subject.args = modified;
                } else if let Some((h, rel)) = p.text.governor(g.head)
                    && rel.starts_with("acl")
                    && h < g.head
                    && p.text.covered(h).is_none()
                    && !p.lex.words.act_anaphors.contains(p.text.low(h))
                {
                    // it qualifies a thing, not an actor ("un statut de
                    // neutralité reconnu par l'ONU"): no act on anyone
                    return None;
                }
            }
            // "comme l'en accusent X": the subject after the verb
            let mut inverted = Vec::new();
            if subject.args.is_empty() && !subject.negative && g.voice != Voice::Passive {
                inverted = p.inverted_subject(c);
                subject.args = inverted.clone();
            }
            r.negated = g.negated;
            r.negative_subject = subject.negative;
            r.tense = group_tense(p, c, g);
            // a pledge told as a statement ("a confirmé qu'il se rendrait à
            // Pékin le 4 février") is of the time its content gives
            if frame.needs == Some(crate::lexicon::Need::Future) && c + 1 < p.clauses.len() {
                r.extra = Some(c + 1);
            }
            if g.voice == Voice::Passive {
                r.targets = subject.args;
                if frame.carrier {
                    let limit = p.words(c).end;
                    let par = (t.end..limit).find(|&k| p.text.low(k) == "par")?;
                    let np_end = p.np_end(par + 1, limit);
                    let noun = (par + 1..np_end).find_map(|k| noun_at(p, k, limit));
                    match noun {
                        Some((nf, nend)) => {
                            let nframe = &p.lex.frames[nf];
                            r.kind = nframe.kind.clone();
                            r.mode = nframe.mode.clone();
                            r.frame = nf;
                            let own = noun_own(p, c, nend, nframe);
                            r.sources = own.sources;
                            r.extra = relative_after(p, c, nend);
                        }
                        // a carrier only ("visé par X") names no act of its own
                        None if frame.needs.is_some() => return None,
                        None => r.sources = p.agent(c, t.end),
                    }
                } else {
                    r.sources = p.agent(c, t.end);
                    // "X a annoncé des sanctions contre Y, accusés de Z": X accuses
                    let bare = g.tense == Tense::Participle && g.first == g.head;
                    let after_verb = p
                        .finite(c)
                        .is_some_and(|f| r.targets.first().is_some_and(|a| a.word() > f.head));
                    if r.sources.is_empty() && bare && after_verb && frame.kind == "ACCUSE" {
                        r.sources = p.subject(c, usize::MAX).args;
                    }
                }
            } else {
                if frame.carrier && frame.needs.is_some() {
                    // a carrier only: "ébranlé par" in the active is no event
                    return None;
                }
                r.sources = subject.args;
                r.targets = target_of(p, frame, c, t, memory, &r.sources);
                if !inverted.is_empty() {
                    r.targets = inverted_targets(p, c, g, &inverted, r.targets);
                } else if frame.opaque
                    && frame.target == Slot::Object
                    && let Some(k) = (g.first..g.head)
                        .find(|&k| matches!(p.text.low(k), "le" | "la" | "l'" | "les"))
                {
                    // a direct object clitic on a verb whose complement is its
                    // content ("l'accusant d'avoir aidé des entreprises
                    // russes"): the clitic is the one acted on
                    r.targets = vec![Arg::Pronoun {
                        kind: Refers::Other,
                        word: k,
                    }];
                }
                r.loose = frame.target == Slot::Any
                    || frame.target == Slot::Object
                        && p.object(c, t.end).is_empty()
                        && !r.targets.iter().any(|a| matches!(a, Arg::Pronoun { .. }));
            }
        }
        Context::Light(g) | Context::Eruption(g, _) => {
            let own = noun_own(p, c, t.end, frame);
            r.negated = g.negated;
            r.tense = group_tense(p, c, g);
            r.pair = own.pair;
            r.targets = own.targets;
            r.sources = own.sources;
            if let Context::Eruption(_, extra) = &t.context {
                r.extra = *extra;
            } else if g.voice == Voice::Passive && g.head > t.head {
                // the noun is the passive's subject: its agent acts, on the
                // verb's argument; "aucun contrat n'a été signé" negates it
                if t.head > 0
                    && p.lex
                        .words
                        .negative_subjects
                        .contains(p.text.low(t.head - 1))
                {
                    r.negated = true;
                }
                if r.sources.is_empty() {
                    r.sources = p.agent(c, g.end);
                }
                if r.targets.is_empty()
                    && let Slot::Prep(preps) = &frame.target
                {
                    r.targets = p.prep(c, g.end, preps);
                }
            } else if r.sources.is_empty() {
                let subject = p.subject(c, g.first);
                r.negative_subject = subject.negative;
                r.sources = subject.args;
            }
        }
        Context::Adjunct => {
            let own = noun_own(p, c, t.end, frame);
            r.tense = clause_tense(p, c);
            r.targets = own.targets;
            r.sources = own.sources;
            if r.sources.is_empty() {
                r.sources = p.subject(c, usize::MAX).args;
            }
        }
        Context::Own => {
            let mut own = noun_own(p, c, t.end, frame);
            r.tense = clause_tense(p, c);
            // "après ses tirs contre X": the possessive is the clause's subject
            if own.sources.is_empty()
                && !own.targets.is_empty()
                && t.head > 0
                && p.lex.words.possessives.contains(p.text.low(t.head - 1))
            {
                own.sources = p.subject(c, usize::MAX).args;
            }
            // "depuis l'invasion de l'Ukraine": the one known to have invaded it
            if own.sources.is_empty()
                && frame.kind == "ASSAULT"
                && p.lex.words.aggressions.contains(p.text.low(t.head))
                && let Some(Arg::Actor { who, .. }) = own.targets.first()
                && let Some(code) = p
                    .cast
                    .country(who)
                    .and_then(|c| p.lex.words.aggressors.get(&c))
            {
                own.sources.push(Arg::Actor {
                    who: p.cast.country_who(code),
                    words: t.head..t.head,
                    strength: crate::actors::Strength::Strong,
                });
            }
            let needs_both = !matches!(frame.kind.as_str(), "COERCE");
            if own.sources.is_empty() && needs_both
                || own.targets.is_empty() && own.sources.is_empty()
            {
                return None;
            }
            let mut targets = own.targets;
            // an offensive with an agent and no target, in a sentence that
            // names its war ("l'offensive lancée par Moscou … la guerre en
            // Ukraine")
            if targets.is_empty()
                && frame.kind == "ASSAULT"
                && let Some(who) = war_target(p, t.head)
                // not the war's own side ("l'offensive lancée par Kiev")
                && !own.sources.iter().any(|a| matches!(a, Arg::Actor { who: s, .. }
                    if p.cast.country(s).is_some() && p.cast.country(s) == p.cast.country(&who)))
            {
                targets.push(Arg::Actor {
                    who,
                    words: t.head..t.head,
                    strength: crate::actors::Strength::Strong,
                });
            }
            if targets.is_empty() && frame.target != Slot::None {
                return None;
            }
            r.pair = own.pair;
            r.sources = own.sources;
            r.targets = targets;
        }
    }
    if frame.symmetric && r.targets.is_empty() && r.sources.len() == 2 {
        let second = r.sources.remove(1);
        r.sources.truncate(1);
        r.targets.push(second);
        r.pair = true;
    }
    Some(r)
}

/// The targets of a verb whose subject `inverted` follows it: not that
/// subject; else an object clitic in the verb group, which in a clause
/// opened by comme is the subject of the clause it hangs on ("X a démenti
/// …, comme l'en accusent Y").
fn inverted_targets(
    p: &Patterns,
    c: usize,
    g: &Group,
    inverted: &[Arg],
    found: Vec<Arg>,
) -> Vec<Arg> {
    let taken = |a: &Arg| inverted.iter().any(|x| x.word() == a.word());
    let rest: Vec<Arg> = found.into_iter().filter(|a| !taken(a)).collect();
    if !rest.is_empty() {
        return rest;
    }
    let Some(k) = (g.first..g.head)
        .find(|&k| matches!(p.text.low(k), "le" | "la" | "l'" | "les" | "lui" | "leur"))
    else {
        return Vec::new();
    };
    let clause = &p.clauses[c];
    if clause.kind == Kind::Subordinate {
        let host = (0..c).rev().find(|&h| {
            matches!(
                p.clauses[h].kind,
                Kind::Main | Kind::Resumed | Kind::Coordinate
            )
        });
        if let Some(h) = host {
            return p.subject(h, usize::MAX).args;
        }
    }
    vec![Arg::Pronoun {
        kind: Refers::Other,
        word: k,
    }]
}

/// The target arguments of a verb in the active by its frame's slot.
fn target_of(
    p: &Patterns,
    frame: &Frame,
    c: usize,
    t: &Trigger,
    memory: &Memory,
    sources: &[Arg],
) -> Vec<Arg> {
    match &frame.target {
        Slot::Object | Slot::Direct => {
            // an act named in the object with its agent is aimed at that
            // agent ("a sanctionné les achats de pétrole russe par l'Inde");
            // not in the content of an opaque verb ("accusé X d'avoir …")
            if (frame.named || frame.target == Slot::Object && !frame.opaque)
                && let Some(agents) = agent_in_object(p, c, t.end)
            {
                return agents;
            }
            let mut o = p.object(c, t.end);
            // a complement in à before the object: "a condamné mardi à seize
            // ans de prison le journaliste X"
            if o.is_empty()
                && frame.needs.is_some()
                && let Some(k) = after_a_phrase(p, c, t.end)
            {
                o = p.object(c, k);
            }
            if frame.target == Slot::Direct {
                // the object itself, not a complement of it ("des armes des
                // États-Unis"), unless it is the holder of an office of it
                // ("le ministre des Affaires étrangères de l'Inde")
                o.retain(|a| {
                    !matches!(a, Arg::Actor { words, .. } if p.in_phrase(words.start, true)
                        && !(t.end..words.start).any(|k| p.lex.words.offices.contains(p.text.low(k))))
                });
            }
            if !o.is_empty() {
                return o;
            }
            // a judgement of an act told before ("a regretté une décision",
            // "n'a pas condamné le verdict"): aimed at who did it
            if matches!(frame.kind.as_str(), "ACCUSE" | "REJECT" | "SUPPORT")
                && let Some(k) = act_object(p, c, t.end)
            {
                return vec![Arg::Pronoun {
                    kind: Refers::Deed,
                    word: k,
                }];
            }
            // an object pronoun in the group: "qui l'a remercié"
            if let Context::Verb(g) = &t.context
                && let Some(k) = (g.first..g.head)
                    .find(|&k| matches!(p.text.low(k), "le" | "la" | "l'" | "les" | "lui" | "leur"))
            {
                return vec![Arg::Pronoun {
                    kind: Refers::Other,
                    word: k,
                }];
            }
            // "a appelé à accélérer les travaux avec X": the content of an
            // act told by its complement names no target
            let limit = p.words(c).end;
            let content = (t.end..limit)
                .find(|&k| {
                    let next = p.text.low(k + 1);
                    matches!(p.text.low(k), "à" | "de" | "d'")
                        && (p
                            .lex
                            .verb(next)
                            .iter()
                            .any(|f| f.form == crate::conjugate::Form::Infinitive)
                            || p.text.tagged_verb(k + 1)
                                && ["er", "ir", "re", "oir"].iter().any(|e| next.ends_with(e)))
                })
                .filter(|_| frame.opaque)
                .unwrap_or(limit);
            if frame.target == Slot::Object {
                let mut found = p.after(c, t.end);
                found.retain(|a| a.word() < content);
                if frame.named {
                    return named_in_object(p, c, t.end, found);
                }
                // a fact deplored or rejected is aimed at who did it ("a
                // regretté que X …"); "a reconnu que X …" admits, aims at no one
                if found.is_empty()
                    && !frame.opaque
                    && matches!(frame.kind.as_str(), "ACCUSE" | "REJECT")
                {
                    found = completive_subject(p, c, t.end);
                }
                found
            } else {
                Vec::new()
            }
        }
        Slot::Prep(preps) => p.prep(c, t.head + 1, preps),
        Slot::Any => p.after(c, t.end),
        Slot::Destination => p.destination(c, t.end),
        Slot::Border => border_target(p, c, t.head),
        Slot::None | Slot::Subject => Vec::new(),
        Slot::Accuser | Slot::Requester => {
            let named: Vec<Arg> = p
                .object(c, t.end)
                .into_iter()
                .filter(|a| {
                    matches!(
                        a,
                        Arg::Actor {
                            strength: Strength::Strong,
                            ..
                        }
                    )
                })
                .collect();
            if !named.is_empty() {
                return named;
            }
            let subject = sources.iter().find_map(|a| match a {
                Arg::Actor { who, .. } => Some(p.cast.key(who)),
                Arg::Pronoun { .. } => None,
            });
            subject
                .and_then(|k| {
                    if frame.target == Slot::Requester {
                        memory.requester(&k)
                    } else {
                        memory.accuser(&k)
                    }
                })
                .map(|who| {
                    vec![Arg::Actor {
                        who,
                        words: t.head..t.head,
                        strength: Strength::Strong,
                    }]
                })
                .unwrap_or_default()
        }
    }
}

/// Where the object starts after a complement in à that comes first ("à
/// seize ans de prison le journaliste"): the first definite determiner or
/// name after a noun of it, within a few words, with no pause.
fn after_a_phrase(p: &Patterns, c: usize, end: usize) -> Option<usize> {
    let w = &p.lex.words;
    let limit = p.words(c).end;
    let mut k = end;
    while k < limit
        && (w.group_adverbs.contains(p.text.low(k))
            || p.text.times.iter().any(|t| t.words.contains(&k)))
        && p.text.low(k) != "le"
    {
        k += 1;
    }
    if !matches!(p.text.low(k), "à" | "au" | "aux") {
        return None;
    }
    (k + 2..limit.min(k + 9))
        .take_while(|&j| !p.text.is_punct(j))
        .find(|&j| {
            let prev = p.text.low(j - 1);
            (matches!(p.text.low(j), "le" | "la" | "les" | "l'") || p.text.covered(j).is_some())
                && !w.de_forms.contains(prev)
                && !w.prepositions.contains(prev)
        })
}

/// The act noun heading the object after word `end` of clause `c` ("une
/// décision", "le verdict", "ce nouveau train de mesures"): determiners,
/// then the noun, or the noun after a word of a collection and de.
/// For a target that must be named (recognising): the actors of `found`
/// before the end of the object phrase (a comma, a relative or a
/// subordinate, or a coordinated clause: "et ne le fera pas tant que les
/// Tadjiks …" names no one recognised), and of an act recognised, its
/// agent ("l'annexion de territoires ukrainiens par la Russie": Russia's).
fn named_in_object(p: &Patterns, c: usize, end: usize, mut found: Vec<Arg>) -> Vec<Arg> {
    let stop = object_stop(p, c, end);
    found.retain(|a| a.word() < stop);
    if let Some(by) = (end..stop).find(|&k| p.text.low(k) == "par") {
        let agents: Vec<Arg> = found.iter().filter(|a| a.word() > by).cloned().collect();
        if !agents.is_empty() {
            return agents;
        }
    }
    found
}

/// The end of the object phrase after word `end`: a comma, a relative or
/// a subordinate, or a coordinated clause.
fn object_stop(p: &Patterns, c: usize, end: usize) -> usize {
    let w = &p.lex.words;
    let limit = p.words(c).end;
    (end..limit)
        .find(|&k| {
            let x = p.text.low(k);
            matches!(x, "," | ";" | ":" | "(")
                || w.relatives.contains(x)
                || w.subordinators.iter().any(|ph| p.text.matches(k, ph))
                || matches!(x, "et" | "mais" | "ou")
                    && !w.de_forms.contains(p.text.low(k + 1))
                    && !w.determiners.contains(p.text.low(k + 1))
        })
        .unwrap_or(limit)
}

/// The agent of an act named in the object of a verb whose target must be
/// named ("a reconnu l'annexion de la Crimée par la Russie": Russia), where
/// the object phrase has one.
fn agent_in_object(p: &Patterns, c: usize, end: usize) -> Option<Vec<Arg>> {
    let stop = object_stop(p, c, end);
    let by = (end..stop).find(|&k| p.text.low(k) == "par")?;
    // a way, not an agent: "par le territoire kazakh", "par la mer"
    if (by + 1..(by + 3).min(stop)).any(|k| p.lex.words.routes.contains(p.text.low(k))) {
        return None;
    }
    let agents: Vec<Arg> = p
        .agent(c, by)
        .into_iter()
        .filter(|a| a.word() < stop)
        .collect();
    (!agents.is_empty()).then_some(agents)
}

fn act_object(p: &Patterns, c: usize, end: usize) -> Option<usize> {
    let w = &p.lex.words;
    let limit = p.words(c).end;
    let mut k = end;
    // adverbs and a time between verb and object ("a dénoncé mardi soir un verdict")
    while k < limit
        && (w.group_adverbs.contains(p.text.low(k)) && p.text.low(k) != "le"
            || p.text.times.iter().any(|t| t.words.contains(&k)))
    {
        k += 1;
    }
    let first = k;
    while k < limit && w.determiners.contains(p.text.low(k)) && !w.de_forms.contains(p.text.low(k))
    {
        k += 1;
    }
    if k == first || k >= limit {
        return None;
    }
    if w.collections.contains(p.text.low(k)) && w.de_forms.contains(p.text.low(k + 1)) {
        k += 2;
    }
    (k < limit && w.act_anaphors.contains(p.text.low(k))).then_some(k)
}

/// The subject of a completive clause that is the object of the verb
/// ending at `end` ("a regretté que la Mongolie n'ait pas respecté …"): the
/// actors before its first verb.
fn completive_subject(p: &Patterns, c: usize, end: usize) -> Vec<Arg> {
    let next = c + 1;
    let Some(cl) = p.clauses.get(next) else {
        return Vec::new();
    };
    let limit = p.words(c).end;
    let gap_clear = (end..limit).all(|k| {
        p.lex.words.group_adverbs.contains(p.text.low(k)) || matches!(p.text.low(k), "," | "«")
    });
    if cl.kind != Kind::Completive || !gap_clear {
        return Vec::new();
    }
    let Some(g) = p.groups.get(next).and_then(|gs| gs.first()) else {
        return Vec::new();
    };
    p.subject(next, g.first).args
}

/// A noun's own arguments.
struct Own {
    sources: Vec<Arg>,
    targets: Vec<Arg>,
    /// Source and target are a pair after entre.
    pair: bool,
}

/// The arguments inside a noun's phrase: a nationality adjective or a
/// collective after it and a `par` agent are its source, its `de`
/// complement its source or target by its frame, its frame's preposition its
/// target, and `entre X et Y` both.
fn noun_own(p: &Patterns, c: usize, end: usize, frame: &Frame) -> Own {
    let limit = p.words(c).end;
    let mut own = Own {
        sources: Vec::new(),
        targets: Vec::new(),
        pair: false,
    };
    let phrase_end = p.np_end(end, limit).max(end);
    // adjectives right after the noun
    let mut k = end;
    while k < limit && k < end + 3 {
        if let Some(m) = p.text.covered(k) {
            let x = &p.text.mentions[m];
            if x.strength == Strength::Weak && x.words.start == k {
                own.sources.push(Arg::Actor {
                    who: x.who.clone(),
                    words: x.words.clone(),
                    strength: x.strength,
                });
                break;
            }
        }
        let w = p.text.low(k);
        if p.text.is_punct(k) && w != "«" && w != "»"
            || p.lex.words.prepositions.contains(w)
            || p.lex.words.de_forms.contains(w)
        {
            break;
        }
        k += 1;
    }
    // entre X et Y
    if let Some((a, b)) = p.between(c, end) {
        own.sources = vec![a];
        own.targets = vec![b];
        own.pair = true;
        return own;
    }
    // par X: the agent of a nominalisation, after its complements and appositions
    let agent_at = (end..limit.min(end + 4)).find(|&k| p.text.low(k) == "par");
    // "par le territoire kazakh", "par le gazoduc X": a way, not an agent;
    // the state whose territory it is takes part beside the source
    let route = (end..limit)
        .find(|&k| p.text.low(k) == "par")
        .is_some_and(|a| {
            let mut k = a + 1;
            while k < limit && p.lex.words.determiners.contains(p.text.low(k)) {
                k += 1;
            }
            p.lex.words.routes.contains(p.text.low(k))
        });
    let agent_at = agent_at.filter(|_| !route);
    let mut transit = Vec::new();
    if route {
        transit = p.attached(c, end, &[vec!["par".to_string()]]);
    } else if own.sources.is_empty() {
        own.sources = p.attached(c, end, &[vec!["par".to_string()]]);
    }
    // the de complement, right after the noun or after its agent
    let de_at = (end..limit.min(end + 5)).find(|&k| {
        p.lex.words.de_forms.contains(p.text.low(k))
            && (k == end || p.text.low(k - 1) != "par" && !p.text.is_punct(k - 1))
    });
    if let Some(d) = de_at {
        let close = d == end
            || agent_at.is_some_and(|a| a < d)
            || (end..d)
                .all(|k| !p.text.is_punct(k) && !p.lex.words.prepositions.contains(p.text.low(k)));
        if close {
            let arg: Vec<Arg> = p
                .object(c, d + 1)
                .into_iter()
                .filter(|a| match a {
                    Arg::Actor { who, .. } => !(p.cast.is_place(who) && frame.of_source),
                    Arg::Pronoun { .. } => true,
                })
                .collect();
            if frame.of_source {
                if own.sources.is_empty() {
                    own.sources = arg;
                }
            } else if own.targets.is_empty() {
                own.targets = arg;
            }
        }
    }
    // the frame's target: its preposition after the noun, or after the
    // participle and agent qualifying it ("les sanctions décrétées par X
    // contre Y", "l'offensive lancée par X en Y")
    let after_agent = agent_at
        .filter(|_| !own.sources.is_empty())
        .map(|a| p.np_end(a + 1, limit).max(a + 1));
    if own.targets.is_empty() {
        own.targets = match &frame.target {
            Slot::Prep(preps) => {
                let found = p.attached(c, end, preps);
                match after_agent {
                    Some(a) if found.is_empty() => p.attached(c, a, preps),
                    _ => found,
                }
            }
            .into_iter()
            .filter(|a| {
                !matches!(a, Arg::Actor { who, .. }
                        if p.cast.is_place(who) && !p.cast.is_metonym(who))
            })
            .collect(),
            Slot::Destination => {
                let locatives: Vec<Vec<String>> = ["à", "au", "aux", "en"]
                    .iter()
                    .map(|w| vec![(*w).to_string()])
                    .collect();
                p.attached(c, end, &locatives)
                    .into_iter()
                    .filter(|a| match a {
                        Arg::Actor { who, .. } => p.cast.is_place(who) || p.cast.is_country(who),
                        Arg::Pronoun { .. } => false,
                    })
                    .take(1)
                    .collect()
            }
            Slot::Border => border_target(p, c, end.saturating_sub(1)),
            Slot::Object | Slot::Direct | Slot::Any => p.object(c, end),
            // "à la demande de X": the one asked is who acts in the clause
            Slot::Subject => p.subject(c, usize::MAX).args,
            Slot::Accuser | Slot::Requester | Slot::None => Vec::new(),
        };
        // a de target must be close: not "de" anywhere in the clause
        if matches!(&frame.target, Slot::Prep(ps) if ps.iter().any(|x| x.len() == 1 && x[0] == "de"))
            && own.targets.iter().any(|a| a.word() > phrase_end + 6)
        {
            own.targets.clear();
        }
    }
    for a in transit {
        if !own
            .sources
            .iter()
            .chain(&own.targets)
            .any(|x| x.word() == a.word())
        {
            own.sources.push(a);
        }
    }
    own
}

/// Where a noun's phrase ends: the clause's end, or its first verb after
/// the noun.
pub(crate) fn phrase_end(p: &Patterns, c: usize, end: usize) -> usize {
    let limit = p.words(c).end;
    p.groups
        .get(c)
        .and_then(|gs| {
            gs.iter().find(|g| {
                // a participle right after the noun qualifies it and its
                // adjuncts are the noun's ("l'offensive lancée par X en
                // février 2022")
                g.first >= end && !(g.first == end && g.tense == Tense::Participle)
            })
        })
        .map_or(limit, |g| g.first)
}

/// A relative clause on qui right after word `end`, telling the noun's event.
fn relative_after(p: &Patterns, c: usize, end: usize) -> Option<usize> {
    let next = p.clauses.get(c + 1)?;
    (next.kind == Kind::Relative
        && p.text.low(next.words.start) == "qui"
        && next.words.start <= end + 3)
        .then_some(c + 1)
}
