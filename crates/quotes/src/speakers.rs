//! Who a speaking noun phrase is: a name made whole ("M. Tokaïev" →
//! "Kassym-Jomart Tokaïev"), a role resolved to the person the article names
//! in that role ("le président chinois" → "Xi Jinping"), a body named in short
//! resolved to its full name ("le ministère"), a statement resolved to its
//! issuer ("le communiqué"), a pronoun resolved to the last fitting speaker.

use std::cell::RefCell;
use std::collections::HashMap;

use chronicle_kb::fold::fold;
use chronicle_model::{Actor, Entity};

use crate::lexicon::{Agreement, Lexicon};
use crate::phrases::{
    Np, NpKind, RoleKey, analyse, chain_end, fronted_end, np_ending_at, np_starting_at,
};
use crate::view::View;

/// A speaker as the text names it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Speaker {
    /// The name to report.
    pub name: String,
    /// Tokens where that name is written, for entity lookup.
    pub at: Option<(usize, usize)>,
    /// Gender and number, where known.
    pub agr: Agreement,
    /// Whether `name` is a proper name (else a role, a body or a group named
    /// by a common noun, whose head is its first word).
    pub proper: bool,
}

/// A role the article attaches to a name.
struct RoleName {
    key: RoleKey,
    speaker: Speaker,
    at: usize,
}

/// A body named in full.
struct OrgName {
    head: String,
    speaker: Speaker,
    at: usize,
}

/// Resolves speaking phrases of one document, keeping who spoke last.
pub(crate) struct Resolver<'v, 'a> {
    view: &'v View<'a>,
    lex: &'v Lexicon,
    roles: Vec<RoleName>,
    orgs: Vec<OrgName>,
    persons: Vec<(Vec<String>, usize, usize)>,
    genders: HashMap<String, Agreement>,
    issuers: Vec<(usize, Speaker)>,
    history: Vec<(usize, Speaker)>,
    mentions: Vec<(usize, Speaker)>,
    /// People named as speakers that no entity covers, in order.
    unlinked: RefCell<Vec<String>>,
}

impl<'v, 'a> Resolver<'v, 'a> {
    /// Reads the names, roles and bodies of the document.
    pub fn new(view: &'v View<'a>, lex: &'v Lexicon) -> Resolver<'v, 'a> {
        let mut r = Resolver {
            view,
            lex,
            roles: Vec::new(),
            orgs: Vec::new(),
            persons: Vec::new(),
            genders: HashMap::new(),
            issuers: Vec::new(),
            history: Vec::new(),
            mentions: Vec::new(),
            unlinked: RefCell::new(Vec::new()),
        };
        r.read_names();
        r.read_orgs();
        r.read_subjects();
        r.mentions.sort_by_key(|m| m.0);
        r
    }

    /// Names that open a sentence, as its subject: a pronoun in a later
    /// sentence may stand for them ("Son successeur, Basile Ferrand, … Selon
    /// lui, …").
    fn read_subjects(&mut self) {
        let (view, lex) = (self.view, self.lex);
        // Words written with a capital inside a sentence somewhere.
        let mut inner_caps: HashMap<&str, usize> = HashMap::new();
        for u in &view.units {
            for x in u.first + 1..u.end {
                if view.toks.get(x).is_some_and(|t| t.cap) {
                    *inner_caps.entry(view.low(x)).or_default() += 1;
                }
            }
        }
        for u in &view.units {
            let mut k = u.first;
            while k < u.end && view.punct(k) {
                k += 1;
            }
            if view.inside.get(k).copied().flatten().is_some() {
                continue;
            }
            k = fronted_end(view, lex, k, u.end);
            let Some(np) = np_starting_at(view, lex, k, u.end) else {
                continue;
            };
            // "Le président russe a ensuite reconnu …": a role opening a
            // sentence, for the person the text names with it, is who a
            // pronoun after it stands for rather than a name read before.
            if let NpKind::Role { .. } = &np.kind {
                if np.definite
                    && let Some(s) = self.resolve(&np, k)
                    && s.proper
                {
                    self.mentions.push((k, s));
                }
                continue;
            }
            // A capitalised word opening a sentence is a name only if the
            // text names it elsewhere too ("Interrogé jeudi, il …" is not).
            let NpKind::Name {
                first,
                last,
                titled,
                role,
            } = &np.kind
            else {
                continue;
            };
            // "l'agence officielle Valpress": a body's noun before the name
            // in its phrase says it is one, and its gender
            let body = (np.first..*first).find_map(|x| lex.organisations.get(view.low(x)).copied());
            let named_elsewhere = first != last
                || *titled
                || role.is_some()
                || body.is_some()
                || inner_caps
                    .get(view.low(*first))
                    .is_some_and(|n| *n > usize::from(*first > u.first));
            if named_elsewhere && let Some(mut s) = self.resolve(&np, k) {
                if let Some(agr) = body {
                    s.agr = s.agr.or(agr);
                }
                self.mentions.push((k, s));
            }
        }
    }

    /// Names with a role or a title before them, or a role in apposition.
    fn read_names(&mut self) {
        let (view, lex) = (self.view, self.lex);
        let n = view.len();
        let mut i = 0;
        while i < n {
            let outside = view.inside.get(i).copied().flatten().is_none();
            let starts =
                outside && view.is_name_word(lex, i) && (i == 0 || !view.is_name_word(lex, i - 1));
            if !starts {
                i += 1;
                continue;
            }
            let Some(e) = chain_end(view, lex, i, n) else {
                i += 1;
                continue;
            };
            let floor = view.unit_of(i).map_or(0, |u| u.first);
            let words: Vec<String> = (i..=e)
                .filter(|&k| view.is_name_word(lex, k))
                .map(|k| view.low(k).to_string())
                .collect();
            let after_prep =
                i > 0 && (lex.is("prep", view.low(i - 1)) || lex.is("of", view.low(i - 1)));
            if words.len() >= 2 && words.len() == e - i + 1 && !after_prep {
                self.persons.push((words.clone(), i, e));
            }
            let speaker = Speaker {
                name: view.span_text(i, e),
                at: Some((i, e)),
                agr: Agreement::default(),
                proper: true,
            };
            if let Some(np) = np_ending_at(view, lex, e, floor)
                && let NpKind::Name {
                    first,
                    titled,
                    role,
                    ..
                } = &np.kind
                && *first == i
            {
                if *titled || role.is_some() {
                    self.note_gender(&words, np.agr);
                    self.mentions.push((
                        i,
                        Speaker {
                            agr: np.agr,
                            ..speaker.clone()
                        },
                    ));
                }
                if *titled && words.len() == 1 {
                    self.persons.push((words.clone(), i, e));
                }
                if let Some(key) = role {
                    self.roles.push(RoleName {
                        key: key.clone(),
                        speaker: Speaker {
                            agr: np.agr,
                            ..speaker.clone()
                        },
                        at: i,
                    });
                }
            }
            // "le porte-parole, Aidos Ukibay": a role in apposition before.
            if i > floor + 1
                && view.is_punct(i - 1, ",")
                && let Some(np) = np_ending_at(view, lex, i - 2, floor)
                && let NpKind::Role { key, .. } = &np.kind
            {
                self.note_gender(&words, np.agr);
                let named = Speaker {
                    agr: np.agr,
                    ..speaker.clone()
                };
                self.mentions.push((i, named.clone()));
                self.roles.push(RoleName {
                    key: key.clone(),
                    speaker: named,
                    at: i,
                });
            }
            // "Rahima Tursun, une chercheuse ouïghoure": the gender only.
            if view.is_punct(e + 1, ",")
                && let Some(np) = np_starting_at(view, lex, e + 2, n)
                && matches!(np.kind, NpKind::Role { .. })
                && !np.definite
                && np.agr.gender.is_some()
            {
                self.note_gender(&words, np.agr);
                self.mentions.push((
                    i,
                    Speaker {
                        agr: np.agr,
                        ..speaker.clone()
                    },
                ));
            }
            // "Arvid Kessel, le président valdorien,": a role in apposition after.
            if view.is_punct(e + 1, ",")
                && let Some(np) = np_starting_at(view, lex, e + 2, n)
                && let NpKind::Role { key, .. } = &np.kind
                && np.definite
            {
                self.note_gender(&words, np.agr);
                let named = Speaker {
                    agr: np.agr,
                    ..speaker
                };
                self.mentions.push((i, named.clone()));
                self.roles.push(RoleName {
                    key: key.clone(),
                    speaker: named,
                    at: i,
                });
            }
            i = e + 1;
        }
    }

    fn note_gender(&mut self, words: &[String], agr: Agreement) {
        if let Some(last) = words.last()
            && agr.gender.is_some()
        {
            self.genders.insert(last.clone(), agr);
        }
    }

    /// Bodies named in full ("le ministère kazakh des Affaires étrangères"),
    /// and statements with their issuer ("un communiqué de la présidence").
    fn read_orgs(&mut self) {
        let (view, lex) = (self.view, self.lex);
        for i in 0..view.len() {
            if view.inside.get(i).copied().flatten().is_some()
                || !crate::phrases::is_det(view, lex, i)
            {
                continue;
            }
            let Some(np) = np_starting_at(view, lex, i, view.len()) else {
                continue;
            };
            match &np.kind {
                NpKind::Org { head, quals } if !quals.is_empty() => {
                    self.orgs.push(OrgName {
                        head: head.clone(),
                        speaker: Speaker {
                            name: view.span_text(np.head, np.last),
                            at: Some((np.head, np.last)),
                            agr: np.agr,
                            proper: false,
                        },
                        at: i,
                    });
                }
                NpKind::Statement {
                    complement: Some((a, b)),
                } => {
                    if let Some(c) = analyse(view, lex, *a, *b)
                        && let Some(s) = self.resolve(&c, i)
                    {
                        self.issuers.push((i, s));
                    }
                }
                // "le rapport publié le 31 août par le Haut-Commissariat":
                // the agent of the participle issued it.
                NpKind::Statement { complement: None } => {
                    if let Some(s) = self.statement_agent(np.last + 1) {
                        self.issuers.push((i, s));
                    }
                }
                _ => {}
            }
        }
    }

    /// The agent of a past participle at token `p` after a statement
    /// ("publié le 31 août par le Haut-Commissariat"): the phrase after `par`
    /// within the clause, words of time allowed between.
    fn statement_agent(&self, p: usize) -> Option<Speaker> {
        let (view, lex) = (self.view, self.lex);
        let t = view.toks.get(p)?;
        let participle = t.word
            && !t.cap
            && ["é", "ée", "és", "ées", "is", "ise", "it", "ite", "u", "ue"]
                .iter()
                .any(|e| t.low.ends_with(e));
        if !participle {
            return None;
        }
        let par = (p + 1..(p + 8).min(view.len()))
            .take_while(|&k| !view.punct(k) && view.inside.get(k).copied().flatten().is_none())
            .find(|&k| view.low(k) == "par")?;
        let timely = |k: usize| {
            view.is_time(lex, k)
                || crate::phrases::is_det(view, lex, k)
                || lex.is("not_name", view.low(k))
                || view.low(k).chars().all(|c| c.is_ascii_digit())
        };
        if !(p + 1..par).all(timely) {
            return None;
        }
        let np = np_starting_at(view, lex, par + 1, view.len())?;
        matches!(
            np.kind,
            NpKind::Name { .. } | NpKind::Org { .. } | NpKind::Role { .. }
        )
        .then(|| self.resolve(&np, par))
        .flatten()
    }

    /// Records that `speaker` issued a statement at token `at`.
    pub fn add_issuer(&mut self, at: usize, speaker: Speaker) {
        self.issuers.push((at, speaker));
    }

    /// Records that `speaker` spoke at token `at`, for later pronouns.
    pub fn spoke(&mut self, at: usize, speaker: Speaker) {
        self.history.push((at, speaker));
    }

    /// The last speaker before token `at`, and where it spoke.
    pub fn last_speaker(&self, at: usize) -> Option<(usize, Speaker)> {
        self.history.iter().rev().find(|(p, _)| *p < at).cloned()
    }

    /// The organisation a body named by its kind stands for ("du
    /// consortium", "de l'organisation"): the last organisation entity named
    /// before token `before`, one whose name holds that word first.
    fn body_before(&self, head: &str, before: usize) -> Option<Speaker> {
        let view = self.view;
        let limit = view.toks.get(before)?.start;
        let word = fold(head);
        let mut best: Option<(bool, usize, usize, usize)> = None;
        for ent in view.entities.iter().filter(|e| e.kind == "ORG") {
            let named = fold(&ent.name)
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == word);
            for m in ent.mentions.iter().filter(|m| m.end <= limit) {
                let key = (named, m.end, m.start, m.end);
                if best.is_none_or(|b| (key.0, key.1) > (b.0, b.1)) {
                    best = Some(key);
                }
            }
        }
        let (_, _, s, e) = best?;
        let a = view.token_at(s);
        let b = view.token_at(e).checked_sub(1)?;
        Some(Speaker {
            name: view.span_text(a, b),
            at: Some((a, b)),
            agr: Agreement::default(),
            proper: true,
        })
    }

    /// Who the phrase `np` at token `at` names, if the text says.
    pub fn resolve(&self, np: &Np, at: usize) -> Option<Speaker> {
        let (view, lex) = (self.view, self.lex);
        // "l'opérateur du consortium", "le bureau Europe … de
        // l'organisation": a part of a body named before speaks for it.
        if !matches!(
            np.kind,
            NpKind::Pronoun | NpKind::Name { .. } | NpKind::Statement { .. }
        ) && np.last > np.head + 1
            && lex.is("anaphoric_bodies", view.low(np.last))
            && (lex.is("of", view.low(np.last - 1))
                || (crate::phrases::is_det(view, lex, np.last - 1)
                    && lex.is("of", view.low(np.last - 2))))
            && let Some(s) = self.body_before(view.low(np.last), np.first.min(at))
        {
            return Some(s);
        }
        match &np.kind {
            NpKind::Pronoun => self.pronoun(np, at),
            NpKind::Name {
                first,
                last,
                titled,
                ..
            } => {
                let words: Vec<String> = (*first..=*last)
                    .filter(|&k| view.is_name_word(lex, k))
                    .map(|k| view.low(k).to_string())
                    .collect();
                let mut agr = np.agr;
                if let Some(g) = words.last().and_then(|w| self.genders.get(w)) {
                    agr = agr.or(*g);
                }
                let full = (*titled || first == last)
                    .then(|| self.full_name(&words))
                    .flatten();
                Some(match full {
                    Some((a, b)) => Speaker {
                        name: view.span_text(a, b),
                        at: Some((*first, *last)),
                        agr,
                        proper: true,
                    },
                    None => Speaker {
                        name: view.span_text(*first, *last),
                        at: Some((*first, *last)),
                        agr,
                        proper: true,
                    },
                })
            }
            NpKind::Role { key, complement } => {
                if np.definite
                    && let Some(s) = self.role_name(key, at)
                {
                    return Some(s);
                }
                // "Selon sa sœur, il aurait …": a relative no one is named
                // as is the last person who spoke in the units before, when
                // the gender agrees; else the role's words.
                if lex.is("family_role", &key.group) {
                    let unit = |p: usize| self.view.units.partition_point(|u| u.first <= p);
                    let near = self.history.iter().rev().find(|(p, s)| {
                        *p < at
                            && unit(*p) + 4 >= unit(at)
                            && s.proper
                            && np.agr.fits(s.agr)
                            && s.agr.plural != Some(true)
                    });
                    return Some(match near {
                        Some((_, s)) => s.clone(),
                        None => Speaker {
                            name: view.span_text(np.head, np.last),
                            at: Some((np.head, np.last)),
                            agr: np.agr,
                            proper: false,
                        },
                    });
                }
                // "le président kirghiz": the person of that country the
                // article names, when no one holds the role by name.
                let country = self.country_of_role(np);
                if np.definite
                    && np.agr.plural != Some(true)
                    && complement.is_none()
                    && lex.is("national_role", &key.group)
                    && let Some(c) = &country
                    && let Some(s) = self.person_of(c, key, at)
                {
                    return Some(s);
                }
                // "« … », a déclaré le porte-parole du ministère. Le
                // diplomate n'a pas …": a definite role no one holds by name
                // right after a speaker (same or previous sentence) is that
                // speaker, when their gender agrees or the speaker is a body.
                let unit = |p: usize| self.view.units.partition_point(|u| u.first <= p);
                if np.definite
                    && complement.is_none()
                    && np.agr.plural != Some(true)
                    && let Some((p, s)) = self.last_speaker(at)
                    && unit(p) + 1 >= unit(at)
                    && (!s.proper || np.agr.fits(s.agr))
                    && s.agr.plural != Some(true)
                    && country.as_ref().is_none_or(|c| {
                        s.at.and_then(|(a, b)| view.entity_over(a, b))
                            .and_then(|e| e.country.as_ref())
                            .is_none_or(|x| x == c)
                    })
                {
                    return Some(s);
                }
                // "l'élue", "le diplomate": a definite role no one holds by
                // name stands for the last person (or body, never a place)
                // named before it whose gender it shares (and country, when
                // the role tells one).
                if np.definite
                    && complement.is_none()
                    && np.agr.gender.is_some()
                    && np.agr.plural != Some(true)
                    && let Some((_, m)) = self.mentions.iter().rev().find(|(p, m)| {
                        *p < at
                            && m.proper
                            && m.at
                                .and_then(|(a, b)| view.entity_over(a, b))
                                .is_none_or(|e| e.kind != "LOC")
                            && m.agr.gender == np.agr.gender
                            && m.agr.plural != Some(true)
                            && country.as_ref().is_none_or(|c| {
                                m.at.and_then(|(a, b)| view.entity_over(a, b))
                                    .and_then(|e| e.country.as_ref())
                                    .is_none_or(|x| x == c)
                            })
                    })
                {
                    return Some(m.clone());
                }
                // "un porte-parole du ministère": the body speaks through its
                // spokesperson; "le président du Kazakhstan" is not Kazakhstan.
                // "les dirigeants de l'OCS": people named by a role of an
                // organisation, together, speak for it.
                let org_entity = |c: &Np| match c.kind {
                    NpKind::Name { first, last, .. } => view
                        .entity_over(first, last)
                        .is_some_and(|e| e.kind == "ORG"),
                    _ => false,
                };
                if let Some((a, b)) = complement
                    && let Some(c) = analyse(view, lex, *a, *b)
                    && (matches!(c.kind, NpKind::Org { .. })
                        || (key.group == "spokesperson" && matches!(c.kind, NpKind::Name { .. }))
                        || (np.agr.plural == Some(true) && org_entity(&c)))
                    && let Some(s) = self.resolve(&c, at)
                {
                    return Some(s);
                }
                Some(Speaker {
                    name: view.span_text(np.head, np.last),
                    at: Some((np.head, np.last)),
                    agr: np.agr,
                    proper: false,
                })
            }
            NpKind::Org { head, quals } => {
                if quals.is_empty()
                    && np.definite
                    && let Some(o) = self
                        .orgs
                        .iter()
                        .rev()
                        .find(|o| o.at < at && &o.head == head)
                {
                    return Some(o.speaker.clone());
                }
                Some(Speaker {
                    name: view.span_text(np.head, np.last),
                    at: Some((np.head, np.last)),
                    agr: np.agr,
                    proper: false,
                })
            }
            NpKind::Statement { complement } => {
                // "le rapport du Haut-Commissariat" names its issuer; "le
                // document de 46 pages" does not.
                if let Some((a, b)) = complement
                    && let Some(c) = analyse(view, lex, *a, *b)
                    && matches!(
                        c.kind,
                        NpKind::Name { .. } | NpKind::Org { .. } | NpKind::Role { .. }
                    )
                {
                    return self.resolve(&c, at);
                }
                if np.definite
                    && let Some((_, s)) = self.issuers.iter().rev().find(|(p, _)| *p < at)
                {
                    return Some(s.clone());
                }
                // A statement whose issuer the text does not give speaks for
                // itself ("précise le décret présidentiel").
                Some(Speaker {
                    name: view.span_text(np.head, np.last),
                    at: Some((np.head, np.last)),
                    agr: np.agr,
                    proper: false,
                })
            }
            // "les dirigeants de l'OCS", "les membres de l'Alliance":
            // people of an organisation, together, speak for it.
            NpKind::Generic
                if np.agr.plural == Some(true)
                    && let Some((a, b)) =
                        crate::phrases::complement(view, lex, np.head, np.last)
                    && let Some(c) = analyse(view, lex, a, b)
                    && let NpKind::Name { first, last, .. } = c.kind
                    && view
                        .entity_over(first, last)
                        .is_some_and(|e| e.kind == "ORG") =>
            {
                self.resolve(&c, at)
            }
            // "un ancien détenu … Cet homme affirme …": a person noun after a
            // demonstrative stands for the person an indefinite phrase
            // brought in just before.
            NpKind::Generic
                if np.head > np.first
                    && lex.is("demonstrative", view.low(np.first))
                    && lex.is("person_noun", view.low(np.head))
                    && let Some(s) = self.introduced_before(np) =>
            {
                Some(s)
            }
            NpKind::Generic => Some(Speaker {
                name: view.span_text(np.head, np.last),
                at: Some((np.head, np.last)),
                agr: np.agr,
                proper: false,
            }),
        }
    }

    /// The person an indefinite phrase ("un ancien détenu libéré en 2019")
    /// brought in within the 40 tokens before the demonstrative phrase `np`
    /// ("Cet homme"), the nearest whose gender agrees: its words after the
    /// determiner.
    fn introduced_before(&self, np: &Np) -> Option<Speaker> {
        let (view, lex) = (self.view, self.lex);
        (np.first.saturating_sub(40)..np.first).rev().find_map(|k| {
            if !lex.is("indef", view.low(k)) || view.inside.get(k).copied().flatten().is_some() {
                return None;
            }
            let found = np_starting_at(view, lex, k, np.first)?;
            let person = matches!(found.kind, NpKind::Generic | NpKind::Role { .. })
                && !lex.is("person_noun", view.low(found.head))
                && found.last > k
                && np.agr.fits(found.agr)
                && found.agr.fits(np.agr);
            person.then(|| Speaker {
                name: view.span_text(k + 1, found.last),
                at: Some((k + 1, found.last)),
                agr: found.agr,
                proper: false,
            })
        })
    }

    /// What a pronoun at token `at` stands for: the last speaker that fits,
    /// unless a person named with a title or a role since the sentence before
    /// it fits and came later ("… sous le commandement du général Pavel
    /// Roudine. Interrogé …, il a affirmé …").
    fn pronoun(&self, np: &Np, at: usize) -> Option<Speaker> {
        let fits = |(p, s): &&(usize, Speaker)| *p < at && np.agr.fits(s.agr);
        let spoke = self.history.iter().rev().find(fits);
        let named = self.mentions.iter().rev().find(fits);
        let unit = |p: usize| self.view.units.partition_point(|u| u.first <= p);
        match (spoke, named) {
            // a name read after the last speaker, two sentences back or in
            // the pronoun's own sentence ("Pour le chercheur X, … : selon
            // lui, …")
            (Some(s), Some(m))
                if m.0 > s.0 && (unit(s.0) + 1 < unit(at) || unit(m.0) == unit(at)) =>
            {
                Some(m.1.clone())
            }
            (Some(s), _) => Some(s.1.clone()),
            (None, Some(m)) => Some(m.1.clone()),
            (None, None) => None,
        }
    }

    /// The country a demonym among the words of role phrase `np` names
    /// ("le président kirghiz" → `KGZ`).
    fn country_of_role(&self, np: &Np) -> Option<String> {
        (np.head..=np.last)
            .map(|k| self.view.text(k))
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .find_map(|w| self.lex.demonym(w))
            .map(str::to_string)
    }

    /// The person of country `country` (by the entity the link stage gave
    /// the name) named nearest before token `at`, else first after it, who
    /// holds no role of another group than `key`'s.
    fn person_of(&self, country: &str, key: &RoleKey, at: usize) -> Option<Speaker> {
        let view = self.view;
        // The entity may cover the end of the name only: "le Kirghiz Sadyr
        // Japarov" is a chain of three capitalised words.
        let person = |a: usize, b: usize| {
            (a..=b).find(|&x| {
                view.entity_over(x, b)
                    .is_some_and(|e| e.kind == "PER" && e.country.as_deref() == Some(country))
            })
        };
        let fits = |&&(_, a, b): &&(Vec<String>, usize, usize)| {
            person(a, b).is_some()
                && !self
                    .roles
                    .iter()
                    .any(|r| r.speaker.at == Some((a, b)) && r.key.group != key.group)
        };
        let found = self
            .persons
            .iter()
            .rev()
            .filter(|p| p.1 < at)
            .find(fits)
            .or_else(|| self.persons.iter().filter(|p| p.1 > at).find(fits))?;
        let &(_, a, b) = found;
        let a = person(a, b)?;
        Some(Speaker {
            name: view.span_text(a, b),
            at: Some((a, b)),
            agr: Agreement::default(),
            proper: true,
        })
    }

    /// The person named with role `key` nearest before token `at`, else the
    /// first after it. A role without qualifiers matches any of its group.
    fn role_name(&self, key: &RoleKey, at: usize) -> Option<Speaker> {
        let fits = |r: &&RoleName| {
            r.key.group == key.group && (key.quals.is_empty() || r.key.quals == key.quals)
        };
        self.roles
            .iter()
            .rev()
            .filter(|r| r.at <= at)
            .find(fits)
            .or_else(|| self.roles.iter().filter(|r| r.at > at).find(fits))
            .map(|r| r.speaker.clone())
    }

    /// The longest person name of the document holding every word of `words`.
    fn full_name(&self, words: &[String]) -> Option<(usize, usize)> {
        self.persons
            .iter()
            .filter(|(p, _, _)| p.len() > words.len() && words.iter().all(|w| p.contains(w)))
            .max_by_key(|(p, _, _)| p.len())
            .map(|&(_, a, b)| (a, b))
    }

    /// Whether `speaker` is a person's name as a speaker ("Gulnar
    /// Tokhtarova"): a proper name of two to four capitalised words in lower
    /// case after their capital, none the head noun of a body.
    fn personal_name(&self, speaker: &Speaker) -> bool {
        let Some((a, b)) = speaker.at else {
            return false;
        };
        let words: Vec<&str> = speaker.name.split_whitespace().collect();
        speaker.proper
            && (2..=4).contains(&words.len())
            && words.iter().all(|w| {
                let mut cs = w.chars();
                cs.next().is_some_and(char::is_uppercase)
                    && cs.clone().any(char::is_lowercase)
                    && cs.all(|c| c.is_lowercase() || matches!(c, '-' | '\'' | '’'))
            })
            && (a..=b).all(|k| !self.lex.organisations.contains_key(self.view.low(k)))
    }

    /// The names of people who spoke and whom no entity covers, in order of
    /// their first record.
    pub fn unlinked(&self) -> Vec<String> {
        self.unlinked.borrow().clone()
    }

    /// The country of the first demonym written in lower case among the
    /// words of `speaker` ("un diplomate chinois" → `CHN`).
    fn demonym_in(&self, speaker: &Speaker) -> Option<String> {
        let (a, b) = speaker.at?;
        (a..=b)
            .map(|k| self.view.text(k))
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .find_map(|w| self.lex.demonym(w))
            .map(str::to_string)
    }

    /// The last organisation named before byte `limit` as a news outlet: an
    /// outlet noun among the three words before its mention ("le quotidien
    /// moscovite Kommersant") or right after it in apposition ("le Global
    /// Times, quotidien proche de …").
    fn outlet_before(&self, limit: usize, entities: &[Entity]) -> Option<usize> {
        let body = self.view.body;
        let is_outlet = |w: &str| self.lex.is("outlet_nouns", &w.to_lowercase());
        let words = |t: &str| -> Vec<String> {
            t.split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        };
        let mut best: Option<(usize, usize)> = None;
        for (k, ent) in entities.iter().enumerate() {
            if ent.kind != "ORG" {
                continue;
            }
            for m in ent.mentions.iter().filter(|m| m.end <= limit) {
                let before = body.get(..m.start).unwrap_or("");
                let mut cut = before.len().saturating_sub(60);
                while !before.is_char_boundary(cut) {
                    cut += 1;
                }
                let before = before
                    .get(cut..)
                    .unwrap_or("")
                    .rsplit(['.', '!', '?', ';'])
                    .next()
                    .unwrap_or("");
                // the noun, then adjectives only ("quotidien proche du
                // Parti …" names the party, not an outlet)
                let ws = words(before);
                let tail = &ws[ws.len().saturating_sub(3)..];
                let named_so = tail.iter().rposition(|w| is_outlet(w)).is_some_and(|p| {
                    tail[p + 1..].iter().all(|w| {
                        let w = w.to_lowercase();
                        !self.lex.is("of", &w) && !self.lex.is("prep", &w)
                    })
                });
                let after = body.get(m.end..).unwrap_or("");
                let apposed = after
                    .strip_prefix(',')
                    .map(|a| words(a).into_iter().next().is_some_and(|w| is_outlet(&w)))
                    .unwrap_or(false);
                if (named_so || apposed) && best.is_none_or(|b| m.end > b.1) {
                    best = Some((k, m.end));
                }
            }
        }
        best.map(|b| b.0)
    }

    /// The record's actor for `speaker`: the entity whose mention covers the
    /// name, if the link stage found one.
    pub fn actor(&self, speaker: &Speaker, entities: &[Entity]) -> Actor {
        let span = speaker
            .at
            .and_then(|(a, b)| Some((self.view.toks.get(a)?.start, self.view.toks.get(b)?.end)));
        if let Some((s, e)) = span {
            let mut best: Option<(usize, usize)> = None;
            for (k, ent) in entities.iter().enumerate() {
                for m in &ent.mentions {
                    let overlap = e.min(m.end).saturating_sub(s.max(m.start));
                    // The mention must cover the head: the end of a proper
                    // name, the first word of a role or a body.
                    let head = if speaker.proper {
                        m.end >= e && m.start < e
                    } else {
                        m.start <= s && m.end > s
                    };
                    if overlap > 0 && head && best.is_none_or(|b| overlap > b.1) {
                        best = Some((k, overlap));
                    }
                }
            }
            if let Some((k, _)) = best
                && let Some(ent) = entities.get(k)
            {
                return Actor {
                    name: ent.name.clone(),
                    entity: Some(k),
                    country: ent.country.clone(),
                };
            }
            // "résume le journal": an outlet named by its kind alone is the
            // last outlet named before it.
            if !speaker.proper
                && self.lex.is("outlet_nouns", &speaker.name.to_lowercase())
                && let Some(k) = self.outlet_before(s, entities)
                && let Some(ent) = entities.get(k)
            {
                return Actor {
                    name: ent.name.clone(),
                    entity: Some(k),
                    country: ent.country.clone(),
                };
            }
            // "l'organisation", "l'ONG": a body named by its kind alone stands
            // for the last organisation named before it.
            if !speaker.proper
                && self
                    .lex
                    .is("anaphoric_bodies", &speaker.name.to_lowercase())
                && let Some((k, ent)) = entities
                    .iter()
                    .enumerate()
                    .filter(|(_, ent)| ent.kind == "ORG")
                    .filter_map(|(k, ent)| {
                        let m = ent
                            .mentions
                            .iter()
                            .filter(|m| m.end <= s)
                            .map(|m| m.end)
                            .max()?;
                        Some((m, k, ent))
                    })
                    .max_by_key(|x| x.0)
                    .map(|(_, k, ent)| (k, ent))
            {
                return Actor {
                    name: ent.name.clone(),
                    entity: Some(k),
                    country: ent.country.clone(),
                };
            }
            if self.personal_name(speaker) {
                let mut unlinked = self.unlinked.borrow_mut();
                if !unlinked.contains(&speaker.name) {
                    unlinked.push(speaker.name.clone());
                }
            }
            // "des responsables kazakhs", "la mission chinoise": a demonym
            // qualifying the phrase gives its country; else a role or body
            // whose words name a country keeps it (the first named: "la
            // mission chinoise auprès de l'ONU à Vienne" is China's).
            let country = self.demonym_in(speaker).or_else(|| {
                entities
                    .iter()
                    .filter_map(|ent| {
                        let m = ent.mentions.iter().find(|m| m.start >= s && m.end <= e)?;
                        Some((m.start, ent.country.clone()?))
                    })
                    .min_by_key(|x| x.0)
                    .map(|x| x.1)
            });
            return Actor {
                name: speaker.name.clone(),
                entity: None,
                country,
            };
        }
        Actor {
            name: speaker.name.clone(),
            entity: None,
            country: None,
        }
    }
}
