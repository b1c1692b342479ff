//! Verb groups: a verb with its auxiliaries, clitics and negation ("n'a pas
//! condamné", "a été accueilli", "s'entretiendra", "doit participer"), its
//! tense and its voice.

use crate::conjugate::Form;
use crate::lexicon::{Lexicon, VerbForm};
use crate::text::Text;

/// The tense of a verb group, as far as dating its event needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    /// `condamne`, `est accusée`
    Present,
    /// `a condamné`, `a été arrêté`, `s'est réjoui`
    Perfect,
    /// `condamnait`
    Imperfect,
    /// `avait condamné`
    Pluperfect,
    /// `condamnera`, `va condamner`, `doit participer`
    Future,
    /// `condamnerait`
    Conditional,
    /// `condamna`
    SimplePast,
    /// `condamner`: takes the tense of the verb it depends on.
    Infinitive,
    /// `condamnant`: takes the tense of its clause's verb.
    Gerund,
    /// `condamné` with no auxiliary ("une initiative dénoncée par").
    Participle,
}

impl Tense {
    /// Whether the group carries a tense of its own.
    pub fn finite(self) -> bool {
        !matches!(self, Tense::Infinitive | Tense::Gerund | Tense::Participle)
    }
}

/// Active or passive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Voice {
    /// The subject acts.
    Active,
    /// The subject undergoes; the agent follows `par`.
    Passive,
}

/// A verb group.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    /// First word: `ne`, a clitic or an auxiliary.
    pub first: usize,
    /// The lexical verb.
    pub head: usize,
    /// One past the head.
    pub end: usize,
    /// The forms of the head (one per lemma it may be).
    pub forms: Vec<VerbForm>,
    /// Tense.
    pub tense: Tense,
    /// Voice.
    pub voice: Voice,
    /// Written with se / s'.
    pub reflexive: bool,
    /// Negated by ne … pas / jamais / plus / aucun.
    pub negated: bool,
}

impl Group {
    /// The forms of lemmas whose reflexiveness matches the group's.
    pub fn lemmas<'l>(&'l self, lex: &'l Lexicon) -> impl Iterator<Item = &'l VerbForm> + 'l {
        self.forms
            .iter()
            .filter(move |f| lex.lemmas[f.lemma].reflexive == self.reflexive)
    }

    /// Whether the head is a form of a lemma with the given role.
    pub fn has_role(&self, lex: &Lexicon, role: fn(&crate::lexicon::Roles) -> bool) -> bool {
        self.lemmas(lex).any(|f| role(&lex.lemmas[f.lemma].roles))
    }
}

const CLITICS: [&str; 18] = [
    "se", "s'", "me", "m'", "te", "t'", "le", "la", "les", "l'", "lui", "leur", "y", "en", "ne",
    "n'", "nous", "vous",
];
const REFLEXIVE: [&str; 6] = ["se", "s'", "me", "m'", "te", "t'"];
const NOUN_DETERMINERS: [&str; 22] = [
    "un",
    "une",
    "du",
    "ce",
    "cet",
    "cette",
    "ces",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "notre",
    "nos",
    "votre",
    "vos",
    "aucun",
    "aucune",
    "chaque",
    "plusieurs",
    "au",
    "aux",
];

/// Whether word `i` may be a verb here: a known verb form not read as a noun
/// after a determiner.
pub(crate) fn verb_at(text: &Text, lex: &Lexicon, i: usize) -> bool {
    let w = text.low(i);
    if lex.verb(w).is_empty() {
        return false;
    }
    // the tagger decides between readings the lexicon finds ambiguous: a
    // participle used as an adjective or noun, a form that is also an event
    // noun (visite, critiques), a function word
    if text.tagged_function(i)
        || text.tagged_not_verb(i)
            && (lex.noun_heads.contains_key(w)
                || lex.verb(w).iter().all(|f| f.form == Form::Participle))
    {
        return false;
    }
    let prev = i.checked_sub(1).map_or("", |p| text.low(p));
    let determiner = |d: &str| {
        NOUN_DETERMINERS.contains(&d)
            || (lex.words.determiners.contains(d) && !matches!(d, "le" | "la" | "les" | "l'" | "«"))
    };
    if determiner(prev) || prev == "«" && i >= 2 && determiner(text.low(i - 2)) {
        return false;
    }
    // after de, a verb is an infinitive: "la demande d'aide" is a noun
    if lex.words.de_forms.contains(prev) && !lex.verb(w).iter().any(|f| f.form == Form::Infinitive)
    {
        return false;
    }
    if matches!(prev, "le" | "la" | "les" | "l'") {
        // after a preposition these are determiners: "à la presse"; but a
        // clitic before an event verb's infinitive ("pour le féliciter",
        // "de les soutenir")
        let before = i.checked_sub(2).map_or("", |p| text.low(p));
        if lex.words.prepositions.contains(before) || lex.words.de_forms.contains(before) {
            return !lex.noun_heads.contains_key(w)
                && lex
                    .verb(w)
                    .iter()
                    .all(|f| f.form == Form::Infinitive && !lex.lemmas[f.lemma].frames.is_empty());
        }
        // a clitic before a finite verb, a determiner before a noun or a participle
        let nounish = lex.noun_heads.contains_key(w)
            || lex
                .verb(w)
                .iter()
                .all(|f| matches!(f.form, Form::Participle | Form::Infinitive));
        return !nounish;
    }
    true
}

/// Whether word `i` may be skipped inside a verb group: an adverb, a clitic
/// of an inverted subject, a quotation mark, a time expression.
fn skippable(text: &Text, lex: &Lexicon, i: usize) -> bool {
    let w = text.low(i);
    (w == "par" && text.low(i + 1) == "ailleurs")
        || (w == "ailleurs" && i > 0 && text.low(i - 1) == "par")
        || lex.words.group_adverbs.contains(w)
        || (w.ends_with("ment") && w.len() > 6 && lex.verb(w).is_empty())
        || w == "«"
        || w == "»"
        || text.times.iter().any(|t| t.words.contains(&i))
}

/// The index past a skippable stretch from `i`, including one incise of the
/// shape ", selon …," or ", d'après …,".
fn skip(text: &Text, lex: &Lexicon, mut i: usize, end: usize) -> usize {
    loop {
        while i < end && skippable(text, lex, i) {
            i += 1;
        }
        if let Some(next) = aux_incise_end(text, lex, i, end) {
            i = next;
            continue;
        }
        // an adverbial phrase: "a pour sa part appelé", "a de nouveau condamné"
        if let Some(ph) = lex
            .words
            .adverbials
            .iter()
            .find(|ph| i + ph.len() <= end && text.matches(i, ph))
        {
            i += ph.len();
            continue;
        }
        if i + 1 < end
            && text.low(i) == ","
            && matches!(text.low(i + 1), "selon" | "d'après")
            && let Some(close) = (i + 2..end.min(i + 14)).find(|&k| text.low(k) == ",")
        {
            i = close + 1;
            continue;
        }
        return i;
    }
}

/// The word after an incise set between an auxiliary and its participle
/// ("a, elle aussi, regretté", "a, lundi soir, condamné"), when the comma
/// at `i` opens one: a few words with no verb, closed by a comma that a
/// participle follows.
pub(crate) fn aux_incise_end(text: &Text, lex: &Lexicon, i: usize, end: usize) -> Option<usize> {
    if i == 0 || text.low(i) != "," || !lex.verb(text.low(i - 1)).iter().any(|f| is_aux(lex, f)) {
        return None;
    }
    let close = (i + 2..end.min(i + 8)).find(|&k| text.is_punct(k))?;
    // adverbs may stand between the incise and the participle ("n'avait,
    // lui, toujours pas salué")
    let mut next = close + 1;
    while next < end && skippable(text, lex, next) {
        next += 1;
    }
    let participle = next < end
        && text.low(close) == ","
        && lex
            .verb(text.low(next))
            .iter()
            .any(|f| f.form == Form::Participle);
    let verbless = (i + 1..close).all(|k| !verb_at(text, lex, k));
    (participle && verbless).then_some(close + 1)
}

/// Whether the object after a verb group ending before `i` is a negative
/// one that its `ne` goes with ("n'a conclu aucun accord", "ne recevra
/// personne").
fn no_one_after(text: &Text, lex: &Lexicon, i: usize, end: usize) -> bool {
    let k = skip(text, lex, i, end);
    k < end && lex.words.negative_subjects.contains(text.low(k))
}

fn forms_where(lex: &Lexicon, w: &str, pred: impl Fn(&VerbForm) -> bool) -> Vec<VerbForm> {
    lex.verb(w).iter().copied().filter(|f| pred(f)).collect()
}

fn is_aux(lex: &Lexicon, f: &VerbForm) -> bool {
    let r = lex.lemmas[f.lemma].roles;
    (r.avoir || r.etre) && f.form != Form::Participle
}

/// Every verb group of the words `from..to`, left to right.
pub(crate) fn groups(text: &Text, lex: &Lexicon, from: usize, to: usize) -> Vec<Group> {
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        if !verb_at(text, lex, i) {
            i += 1;
            continue;
        }
        let g = group_at(text, lex, i, from, to);
        i = g.end.max(i + 1);
        out.push(g);
    }
    out
}

/// The group whose first verb word is `i`, inside `from..to`.
fn group_at(text: &Text, lex: &Lexicon, i: usize, from: usize, to: usize) -> Group {
    let w = text.low(i).to_string();
    let all = lex.verb(&w).to_vec();
    // left: clitics and ne
    let mut first = i;
    while first > from && CLITICS.contains(&text.low(first - 1)) {
        // "nous" / "vous" after a pause or a conjunction is the subject
        let w = text.low(first - 1);
        if matches!(w, "nous" | "vous") {
            let before = first.checked_sub(2).map_or("", |b| text.low(b));
            let subject = first - 1 == from
                || first < 2
                || text.is_punct(first - 2)
                || matches!(
                    before,
                    "et" | "mais" | "que" | "qu'" | "si" | "quand" | "car" | "ou"
                );
            if subject {
                break;
            }
        }
        first -= 1;
    }
    let reflexive = (first..i).any(|k| REFLEXIVE.contains(&text.low(k)))
        || (first + 1 < i && text.low(first) == "nous" && text.low(first + 1) == "nous");
    let ne = (first..i).any(|k| matches!(text.low(k), "ne" | "n'"));
    // an infinitive is negated before it: "pour ne pas avoir dénoncé",
    // "de ne jamais reconnaître"
    let infinitive = all.iter().any(|f| f.form == Form::Infinitive);
    let before_negated = infinitive
        && first >= from + 2
        && lex.words.negators.contains(text.low(first - 1))
        && matches!(text.low(first - 2), "ne" | "n'");
    if before_negated {
        first -= 2;
    }
    // "sans mettre en cause X": the infinitive is negated
    let without = infinitive
        && lex
            .words
            .negating_preps
            .contains(text.low(first.wrapping_sub(1)));
    let before_negated = before_negated || without;

    let aux: Vec<VerbForm> = all.iter().copied().filter(|f| is_aux(lex, f)).collect();
    let lead: Vec<VerbForm> = all
        .iter()
        .copied()
        .filter(|f| {
            let r = lex.lemmas[f.lemma].roles;
            (r.aller || r.modal) && f.form != Form::Participle && f.form != Form::Infinitive
        })
        .collect();
    let mut negated = false;
    let after = skip(text, lex, i + 1, to);
    let neg_between = |a: usize, b: usize| {
        (a..b).any(|k| {
            lex.words.negators.contains(text.low(k)) || matches!(text.low(k), "aucun" | "aucune")
        })
    };

    // auxiliary + participle (+ été + participle)
    if let Some(a) = aux.first() {
        let part = |k: usize| forms_where(lex, text.low(k), |f| f.form == Form::Participle);
        let p1 = part(after);
        if after < to && !p1.is_empty() {
            negated = before_negated || ne && neg_between(i + 1, after);
            let etre_participle = p1.iter().any(|f| lex.lemmas[f.lemma].roles.etre);
            let (head, forms, passive_aux) = if etre_participle {
                let after2 = skip(text, lex, after + 1, to);
                let p2 = part(after2);
                if after2 < to && !p2.is_empty() {
                    (after2, p2, true)
                } else {
                    (after, p1, false)
                }
            } else {
                let etre_aux = lex.lemmas[a.lemma].roles.etre;
                (after, p1, etre_aux)
            };
            let etre_verb = forms.iter().any(|f| {
                lex.lemmas[f.lemma]
                    .frames
                    .iter()
                    .any(|&fr| lex.frames[fr].etre)
                    || lex.lemmas[f.lemma].roles.eruption
            });
            let passive = passive_aux && !reflexive && !etre_verb;
            // "n'a signé aucun accord": ne … aucun after the participle
            negated |= ne && no_one_after(text, lex, head + 1, to);
            let tense = match (passive, etre_participle, a.form) {
                (true, false, Form::Present) => Tense::Present,
                (true, false, Form::Imperfect) => Tense::Imperfect,
                (_, _, Form::Present | Form::Subjunctive) => Tense::Perfect,
                (_, _, Form::Imperfect | Form::SimplePast) => Tense::Pluperfect,
                (_, _, Form::Future) => Tense::Future,
                (_, _, Form::Conditional) => Tense::Conditional,
                (_, _, Form::Infinitive) => Tense::Infinitive,
                (_, _, Form::Gerund) => Tense::Gerund,
                _ => Tense::Perfect,
            };
            return Group {
                first,
                head,
                end: head + 1,
                forms,
                tense,
                voice: if passive {
                    Voice::Passive
                } else {
                    Voice::Active
                },
                reflexive,
                negated,
            };
        }
    }
    // aller / devoir / pouvoir + infinitive
    if let Some(l) = lead.first() {
        let inf = forms_where(lex, text.low(after), |f| f.form == Form::Infinitive);
        if after < to && !inf.is_empty() {
            negated = ne && (neg_between(i + 1, after) || no_one_after(text, lex, after + 1, to));
            let tense = match l.form {
                Form::Present | Form::Future => Tense::Future,
                Form::Imperfect | Form::Conditional => Tense::Conditional,
                _ => Tense::Future,
            };
            // a reflexive infinitive: "doit s'entretenir"
            let inf_reflexive = (i + 1..after).any(|k| REFLEXIVE.contains(&text.low(k)));
            return Group {
                first,
                head: after,
                end: after + 1,
                forms: inf,
                tense,
                voice: Voice::Active,
                reflexive: reflexive || inf_reflexive,
                negated,
            };
        }
    }
    // a simple form
    let forms: Vec<VerbForm> = all.clone();
    let tense = simple_tense(&forms);
    if ne {
        let stop = skip(text, lex, i + 1, to);
        negated = neg_between(i + 1, (stop + 1).min(to));
    }
    negated |= before_negated;
    // a participle with no auxiliary and its agent: "interpellée à son
    // domicile par des agents", "une initiative dénoncée par X"
    // domicile par des agents"); "les armateurs accusés de …" is passive too,
    // unless the verb takes être in the active (les troupes arrivées)
    let mut voice = Voice::Active;
    if tense == Tense::Participle {
        let etre_verb = forms.iter().any(|f| {
            lex.lemmas[f.lemma]
                .frames
                .iter()
                .any(|&fr| lex.frames[fr].etre)
                || lex.lemmas[f.lemma].roles.eruption
        });
        let par =
            (i + 1..to.min(i + 8)).any(|k| text.low(k) == "par" && text.low(k + 1) != "ailleurs");
        let coordinated = i > from && matches!(text.low(i - 1), "et" | "ou" | "ni");
        // "n'a ni soutenu X ni reconnu Y": the second is negated too
        negated |= i > from && text.low(i - 1) == "ni";
        if coordinated && (!par || text.low(i - 1) == "ni") {
            // "Ankara a parlé … et appelé X": the auxiliary before is shared
            return Group {
                first,
                head: i,
                end: i + 1,
                forms,
                tense: Tense::Perfect,
                voice: Voice::Active,
                reflexive,
                negated,
            };
        }
        if !etre_verb && !reflexive {
            voice = Voice::Passive;
        }
    }
    Group {
        first,
        head: i,
        end: i + 1,
        forms,
        tense,
        voice,
        reflexive,
        negated,
    }
}

/// The tense of a verb form standing alone; a finite reading wins over a
/// participle, a participle over an infinitive.
fn simple_tense(forms: &[VerbForm]) -> Tense {
    let has = |f: Form| forms.iter().any(|x| x.form == f);
    if has(Form::Present) || has(Form::Subjunctive) {
        Tense::Present
    } else if has(Form::Future) {
        Tense::Future
    } else if has(Form::Conditional) {
        Tense::Conditional
    } else if has(Form::Imperfect) {
        Tense::Imperfect
    } else if has(Form::SimplePast) {
        Tense::SimplePast
    } else if has(Form::Participle) {
        Tense::Participle
    } else if has(Form::Gerund) {
        Tense::Gerund
    } else {
        Tense::Infinitive
    }
}
