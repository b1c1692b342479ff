//! Reading the knowledge base's matches: which actor a name stands for, a
//! capital as a place or as its government, a demonym as a people or as an
//! adjective, and surnames to the person the document is about.

use chronicle_kb::{Actor, ActorType, AliasKind, Candidate};

use crate::run::{Found, How, Referent, Run};
use crate::words::has_capital;

/// Whether `word` may be the given name of `actor`: one of the words of its
/// names and aliases, or a spelling of one ("Chavkat" for "Shavkat").
pub(crate) fn given_name_fits(actor: &Actor, word: &str) -> bool {
    let w = chronicle_kb::fold::fold(word);
    if w.is_empty() {
        return true;
    }
    let names = std::iter::once(actor.name())
        .chain(actor.name_fr())
        .chain(actor.aliases().iter().map(|a| a.text()));
    names.into_iter().any(|name| {
        let name = chronicle_kb::fold::fold(name);
        let padded = format!(" {name} ");
        padded.contains(&format!(" {w} "))
            || name
                .split_whitespace()
                .any(|n| spelling_of(n, w.split_whitespace().next().unwrap_or("")))
    })
}

/// Whether two folded words are spellings of one name: an edit distance of at
/// most a third of the longer (two at least).
fn spelling_of(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() < 3 || b.len() < 3 {
        return a == b;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == cb {
                prev
            } else {
                1 + prev.min(row[j]).min(row[j + 1])
            };
            prev = cur;
        }
    }
    row[b.len()] <= (a.len().max(b.len()) / 3).max(2)
}

/// How strongly a kind of name points to its actor: lower is stronger.
fn rank(kind: AliasKind) -> u8 {
    match kind {
        AliasKind::Name => 0,
        AliasKind::Alias => 1,
        AliasKind::Acronym => 2,
        AliasKind::Metonym => 3,
        AliasKind::Surname => 4,
        AliasKind::Demonym => 5,
        AliasKind::Role => 6,
    }
}

impl<'kb> Run<'_, 'kb> {
    /// Turns every match of the base into a mention, a demonym, a role cue
    /// or nothing; surnames are read once every full name is known.
    pub(crate) fn read_hits(&mut self) {
        let mut surnames: Vec<(usize, Vec<&'kb Actor>)> = Vec::new();
        for i in 0..self.hits.len() {
            let (start, end) = (self.hits[i].start, self.hits[i].end);
            let text = self.text(start, end);
            let capital = has_capital(text);
            let actors: Vec<(&'kb Actor, AliasKind)> = self.hits[i]
                .candidates
                .iter()
                .filter_map(|c| match c {
                    Candidate::Actor { actor, kind } => Some((*actor, *kind)),
                    Candidate::Role(_) => None,
                })
                .filter(|(a, _)| {
                    capital
                        || !a
                            .kind()
                            .is_some_and(|k| self.rules.need_capital_kinds.iter().any(|n| n == k))
                })
                // a people's name written in lower case is its demonym, an
                // adjective ("le président kirghiz", "des gardes tadjiks")
                .map(|(a, k)| {
                    if !capital && !text.contains(char::is_whitespace) && self.is_ethnic(a) {
                        (a, AliasKind::Demonym)
                    } else {
                        (a, k)
                    }
                })
                .collect();
            let has_role = self.hits[i]
                .candidates
                .iter()
                .any(|c| matches!(c, Candidate::Role(_)));
            if actors.is_empty() {
                self.hits[i].role = has_role;
                continue;
            }
            if actors.iter().all(|(_, k)| *k == AliasKind::Demonym) {
                self.read_demonym(i, &actors);
                continue;
            }
            let names: Vec<(&'kb Actor, AliasKind)> = actors
                .into_iter()
                .filter(|(_, k)| *k != AliasKind::Demonym)
                .collect();
            if names.iter().all(|(_, k)| *k == AliasKind::Surname) {
                surnames.push((i, names.into_iter().map(|(a, _)| a).collect()));
                continue;
            }
            let names: Vec<(&'kb Actor, AliasKind)> = names
                .into_iter()
                .filter(|(_, k)| *k != AliasKind::Surname)
                .collect();
            let (metonyms, others): (Vec<_>, Vec<_>) = names
                .into_iter()
                .partition(|(_, k)| *k == AliasKind::Metonym);
            let city = !metonyms.is_empty()
                || others
                    .iter()
                    .all(|(a, _)| a.actor_type() == ActorType::Loc && !self.is_country(a));
            if city && self.inside_proper_phrase(start) && !self.place_context(start) {
                continue;
            }
            let chosen = if metonyms.is_empty() {
                self.best(&others).map(|a| (a, How::Name))
            } else if self.place_context(start) {
                let places: Vec<_> = others
                    .iter()
                    .copied()
                    .filter(|(a, _)| a.actor_type() == ActorType::Loc && !self.is_country(a))
                    .collect();
                self.best(&places)
                    .map(|a| (a, How::Place))
                    .or_else(|| self.best(&others).map(|a| (a, How::Name)))
                    .or_else(|| self.best(&metonyms).map(|a| (a, How::Metonym)))
            } else {
                self.best(&metonyms).map(|a| (a, How::Metonym))
            };
            if let Some((actor, how)) = chosen {
                self.found.push(Found {
                    start,
                    end,
                    who: Referent::Kb(actor),
                    how,
                });
            }
        }
        self.read_surnames(surnames);
        self.chairmanships();
        self.hosts();
    }

    /// "Le Forum économique international de Saint-Pétersbourg": the place a
    /// forum's name ends on is where it is held, a mention of the place too
    /// (nested in the forum's; `host_kinds` in link.toml).
    fn hosts(&mut self) {
        let mut places = Vec::new();
        for f in &self.found {
            let Referent::Kb(actor) = f.who else { continue };
            if !actor
                .kind()
                .is_some_and(|k| self.rules.host_kinds.iter().any(|h| h == k))
            {
                continue;
            }
            let text = self.text(f.start, f.end);
            // the name matched whole: look again after each "de" in it
            // ("… de Saint-Pétersbourg", "… d'Astana")
            let starts = text
                .match_indices(" de ")
                .map(|(i, _)| i + 4)
                .chain(text.match_indices(" d'").map(|(i, _)| i + 3))
                .chain(text.match_indices(" d’").map(|(i, _)| i + " d’".len()));
            for from in starts {
                let Some(tail) = text.get(from..) else {
                    continue;
                };
                let Some(m) = self.kb.find(tail).into_iter().find(|m| m.start == 0) else {
                    continue;
                };
                let place = m.candidates.iter().find_map(|c| match c {
                    Candidate::Actor { actor: a, .. }
                        if a.id() != actor.id()
                            && a.actor_type() == ActorType::Loc
                            && has_capital(m.text(tail)) =>
                    {
                        Some(*a)
                    }
                    _ => None,
                });
                if let Some(place) = place {
                    places.push(Found {
                        start: f.start + from,
                        end: f.start + from + m.end,
                        who: Referent::Kb(place),
                        how: How::Place,
                    });
                    break;
                }
            }
        }
        self.found.extend(places);
    }

    /// "La présidence kazakhe de l'OCS", "la présidence française de l'UE":
    /// a seat of a state's presidency named as presiding an international
    /// organisation is the state holding the rotating chair, not its
    /// presidential administration.
    fn chairmanships(&mut self) {
        for n in 0..self.found.len() {
            let f = &self.found[n];
            let Referent::Kb(actor) = f.who else {
                continue;
            };
            if actor.kind() != Some("presidency") || f.how != How::Name {
                continue;
            }
            let p = self.skip_space(f.end);
            let rest = self.text(p, self.body.len());
            let Some(conn) = crate::titles::CONNECTORS.iter().find(|c| {
                rest.get(..c.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(c))
            }) else {
                continue;
            };
            let q = self.skip_space(p + conn.len());
            let presides_igo = self.hit_at(q).is_some_and(|h| {
                self.hits[h].candidates.iter().any(|c| {
                    matches!(c, Candidate::Actor { actor, .. }
                        if actor.actor_type() == ActorType::Org && actor.country().is_none())
                })
            });
            let state = actor.country().and_then(|c| self.kb.country(c));
            if let (true, Some(state)) = (presides_igo, state) {
                self.found[n].who = Referent::Kb(state);
            }
        }
    }

    /// The strongest candidate: the kind of name first, then an actor the
    /// document already names, then a state over a territory, then load order.
    fn best(&self, candidates: &[(&'kb Actor, AliasKind)]) -> Option<&'kb Actor> {
        candidates
            .iter()
            .enumerate()
            .min_by_key(|(n, (a, k))| {
                (
                    rank(*k),
                    !self.mentioned(a),
                    std::cmp::Reverse(self.country_mentions(a.country())),
                    a.kind() != Some("state"),
                    *n,
                )
            })
            .map(|(_, (a, _))| *a)
    }

    /// How often the text names the state `code` (its names, capital and
    /// demonyms): among namesakes of several countries ("le Comité d'État
    /// pour la sécurité nationale"), the one of the country the text is about.
    fn country_mentions(&self, code: Option<&str>) -> usize {
        let Some(code) = code else { return 0 };
        let counts = self.country_counts.get_or_init(|| {
            let mut counts = std::collections::HashMap::new();
            for h in &self.hits {
                let mut codes: Vec<&str> = h
                    .candidates
                    .iter()
                    .filter_map(|c| match c {
                        Candidate::Actor { actor, .. } if self.is_country(actor) => actor.country(),
                        _ => None,
                    })
                    .collect();
                codes.sort_unstable();
                codes.dedup();
                for c in codes {
                    *counts.entry(c.to_string()).or_insert(0) += 1;
                }
            }
            counts
        });
        counts.get(code).copied().unwrap_or(0)
    }

    /// Whether the words before `pos` make a capital there a place: "à
    /// Pékin", "près de Moscou", "la ville de Wuhan".
    pub(crate) fn place_context(&self, pos: usize) -> bool {
        let before = self.before(pos);
        if self.rules.place_prepositions.ending(before).is_some() {
            return true;
        }
        let words = Run::words(before);
        let Some((de, head)) = words.split_last() else {
            return false;
        };
        if !matches!(de.as_str(), "de" | "d'" | "du") {
            return false;
        }
        // "les plaines de Balkh et de Jowzjan": a one-word name joined by
        // "et" to the one after the noun
        let mut head = head;
        while let [rest @ .., of, _, and] = head
            && and == "et"
            && matches!(of.as_str(), "de" | "d'" | "du")
        {
            head = rest;
        }
        // the noun, or the noun and up to two adjectives after it: "la base
        // aérienne russe de Kant"
        for word in head.iter().rev().take(3) {
            if self.rules.place_nouns.contains(word) {
                return true;
            }
            if self.rules.definite.contains(word)
                || self.rules.indefinite.contains(word)
                || matches!(
                    word.as_str(),
                    "de" | "d'" | "du" | "des" | "à" | "au" | "aux" | "et"
                )
            {
                return false;
            }
        }
        false
    }

    /// Whether a name holds a word only organisations' names hold ("Bank").
    pub(crate) fn organisation_name(&self, text: &str) -> bool {
        Run::words(text)
            .iter()
            .skip(1)
            .any(|w| self.rules.org_name_words.contains(w))
    }

    /// Whether the name at `pos` follows a noun of organisation and at most
    /// two adjectives of nationality or kind: "la compagnie nationale
    /// KazMunayGas", "la banque russe Promsvyazbank".
    pub(crate) fn organisation_context(&self, pos: usize) -> bool {
        let words = self.last_words(pos, 3);
        for word in words.iter().rev() {
            if self.rules.org_nouns.contains(word) {
                return true;
            }
            // an adjective of the list, or a people's adjective the base knows
            if !(self.rules.org_adjectives.contains(word) || self.kb.demonym(word).is_some()) {
                return false;
            }
        }
        false
    }

    /// Whether the name at `pos` ends a longer proper-noun phrase: a
    /// capitalised word (not the sentence's first) and "de" before it, as in
    /// "le Statut de Rome", "le Club de Paris": the phrase names a thing,
    /// and the city in it stands for neither the place nor its government.
    pub(crate) fn inside_proper_phrase(&self, pos: usize) -> bool {
        let before = self.before(pos);
        let trimmed = before.trim_end();
        let Some(head) = trimmed
            .strip_suffix(" de")
            .or_else(|| trimmed.strip_suffix(" du"))
            .or_else(|| trimmed.strip_suffix(" des"))
            .or_else(|| trimmed.strip_suffix(" d'"))
            .or_else(|| trimmed.strip_suffix(" d\u{2019}"))
        else {
            return false;
        };
        let head = head.trim_end();
        let word_start = head
            .rfind(|c: char| c.is_whitespace() || c == '\'' || c == '\u{2019}')
            .map_or(0, |i| i + 1);
        let word = head.get(word_start..).unwrap_or("");
        // `head` begins where `before`, the sentence up to `pos`, begins
        let at = pos - before.len() + word_start;
        crate::words::capitalised(word)
            && !self.starts_sentence(at)
            && !self.in_hit(at, at + word.len())
    }

    /// A demonym alone: a people when written as a noun ("des Kazakhs") or
    /// after a group noun ("l'ethnie ouïghoure"), else an adjective that only
    /// gives a country to the phrase it qualifies.
    fn read_demonym(&mut self, i: usize, actors: &[(&'kb Actor, AliasKind)]) {
        let (start, end) = (self.hits[i].start, self.hits[i].end);
        let text = self.text(start, end);
        let noun = text.chars().next().is_some_and(char::is_uppercase);
        let group = actors
            .iter()
            .map(|(a, _)| *a)
            .find(|a| self.is_ethnic(a))
            .or_else(|| self.kb.lookup(text).into_iter().find(|a| self.is_ethnic(a)));
        if noun {
            let who = group.or_else(|| self.kb.demonym(text).and_then(|c| self.kb.country(c)));
            if let Some(actor) = who {
                self.found.push(Found {
                    start,
                    end,
                    who: Referent::Kb(actor),
                    how: How::People,
                });
            }
            return;
        }
        if let Some(actor) = group.filter(|_| self.after_group_noun(start)) {
            self.found.push(Found {
                start,
                end,
                who: Referent::Kb(actor),
                how: How::People,
            });
            return;
        }
        self.hits[i].demonym = self.kb.demonym(text).map(str::to_string);
    }

    /// A people's name written before a person's ("le Tadjik Emomali
    /// Rahmon", "l'Ouzbek Chavkat Mirzioïev") says the person's nationality:
    /// it is an adjective there, not a mention of the people.
    pub(crate) fn nationality_before_person(&mut self) {
        let person_at = |run: &Self, pos: usize| {
            run.found.iter().any(|f| {
                f.start == pos
                    && match f.who {
                        Referent::Kb(a) => a.actor_type() == ActorType::Per,
                        Referent::Local(i) => {
                            run.locals.get(i).is_some_and(|l| l.kind == ActorType::Per)
                        }
                    }
            })
        };
        let drop: Vec<usize> = (0..self.found.len())
            .filter(|&n| {
                let f = &self.found[n];
                matches!(f.who, Referent::Kb(a) if self.is_ethnic(a))
                    && self.text(f.end, f.end + 1) == " "
                    && person_at(self, f.end + 1)
            })
            .collect();
        for n in drop.into_iter().rev() {
            self.found.remove(n);
        }
    }

    fn is_ethnic(&self, actor: &Actor) -> bool {
        actor
            .kind()
            .is_some_and(|k| self.rules.ethnic_kinds.iter().any(|e| e == k))
    }

    /// Whether a group noun comes just before `pos`, or one word before it:
    /// "l'ethnie ouïghoure", "de souche kazakhe", "la population musulmane
    /// ouïghoure".
    fn after_group_noun(&self, pos: usize) -> bool {
        let before = self.before(pos);
        if self.rules.group_nouns.ending(before).is_some() {
            return true;
        }
        let trimmed = before.trim_end();
        let cut = trimmed
            .rfind(|c: char| c.is_whitespace() || c == '\'' || c == '\u{2019}')
            .map_or(0, |i| i);
        let last = trimmed.get(cut..).unwrap_or("").trim();
        !has_capital(last)
            && !last.is_empty()
            && self
                .rules
                .group_nouns
                .ending(trimmed.get(..cut).unwrap_or(""))
                .is_some()
    }

    /// Surnames alone: to the person the document names in full, else to the
    /// one in office on the article's date, else to the only one of that
    /// name. Left out when still ambiguous.
    fn read_surnames(&mut self, surnames: Vec<(usize, Vec<&'kb Actor>)>) {
        for (i, people) in surnames {
            let (start, end) = (self.hits[i].start, self.hits[i].end);
            // a known surname right before another capitalised name is
            // someone else's given name ("Aziz Abdyraimov" is not Shaukat Aziz)
            if self.capitalised_word_at(end) {
                continue;
            }
            let named: Vec<&'kb Actor> = people
                .iter()
                .copied()
                .filter(|p| {
                    self.found.iter().any(|f| {
                        matches!(f.who, Referent::Kb(a) if a.id() == p.id())
                            && f.how != How::Surname
                    })
                })
                .collect();
            let in_office: Vec<&'kb Actor> = match &self.date {
                Some(d) => people
                    .iter()
                    .copied()
                    .filter(|p| self.kb.roles_of(p.id()).iter().any(|o| o.covers(d)))
                    .collect(),
                None => Vec::new(),
            };
            // several of that name named in full: the one named last before
            // ("le président Serdar Berdimoukhamedov …, M. Berdimoukhamedov"),
            // else the one of them in office
            let latest = || {
                self.found
                    .iter()
                    .filter(|f| f.how != How::Surname && f.end <= start)
                    .filter_map(|f| match f.who {
                        Referent::Kb(a) if named.iter().any(|p| p.id() == a.id()) => Some(a),
                        _ => None,
                    })
                    .next_back()
            };
            let named_in_office: Vec<&'kb Actor> = named
                .iter()
                .copied()
                .filter(|p| in_office.iter().any(|o| o.id() == p.id()))
                .collect();
            let who = match (named.as_slice(), in_office.as_slice(), people.as_slice()) {
                ([one], _, _) | ([], [one], _) | ([], [], [one]) => Some(*one),
                ([_, _, ..], _, _) => latest().or(match named_in_office.as_slice() {
                    [one] => Some(*one),
                    _ => None,
                }),
                _ => None,
            };
            if let Some(actor) = who {
                self.found.push(Found {
                    start,
                    end,
                    who: Referent::Kb(actor),
                    how: How::Surname,
                });
            }
        }
        self.found
            .sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    }

    /// Whether a capitalised word follows byte `pos` after one space.
    fn capitalised_word_at(&self, pos: usize) -> bool {
        self.text(pos, self.body.len())
            .strip_prefix(' ')
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// Stretches a surname over the first names written before it that the
    /// base does not know: "Karim Kajymkanouli Massimov" for Massimov.
    pub(crate) fn stretch_surnames(&mut self) {
        for n in 0..self.found.len() {
            let f = &self.found[n];
            if f.how != How::Surname {
                continue;
            }
            let mut start = f.start;
            let mut words = 0;
            while let Some(t) = self.token_ending(self.gap_start(start)) {
                let tok = self.tokens[t];
                let word = self.token_text(t);
                if !self.name_word(word)
                    || self.in_hit(tok.span.start, tok.span.end)
                    || self
                        .text(tok.span.end, start)
                        .chars()
                        .any(|c| !c.is_whitespace())
                    || words + 1 >= self.rules.max_words
                {
                    break;
                }
                start = tok.span.start;
                words += 1;
            }
            // a capitalised first word of a sentence may be any word: take it
            // only with another first name after it
            if words == 1 && self.starts_sentence(start) {
                continue;
            }
            if words > 0 {
                self.found[n].start = start;
                let given = self.text(start, self.found[n].end);
                self.block_other_given_name(n, given);
            }
        }
    }

    /// Unlinks mention `n`, a known person's surname written after a given
    /// name, when that given name is not the person's ("Sardor Yuldashev" is
    /// not Nigmatilla Yuldashev): it becomes a person of the document named
    /// `full`. Whether it was.
    pub(crate) fn block_other_given_name(&mut self, n: usize, full: &str) -> bool {
        let Referent::Kb(actor) = self.found[n].who else {
            return false;
        };
        if actor.actor_type() != ActorType::Per {
            return false;
        }
        let Some(first) = full.split_whitespace().next() else {
            return false;
        };
        if full.split_whitespace().count() < 2 || given_name_fits(actor, first) {
            return false;
        }
        let i = self.local(full, ActorType::Per, None);
        self.found[n].who = Referent::Local(i);
        self.found[n].how = How::Local;
        true
    }

    /// A lone surname linked to a known person goes to the person of the
    /// document of that surname instead, when the text names the latter in
    /// full and never the known one ("Sardor Yuldashev …, M. Yuldashev").
    pub(crate) fn surnames_to_locals(&mut self) {
        for n in 0..self.found.len() {
            let f = &self.found[n];
            let Referent::Kb(actor) = f.who else {
                continue;
            };
            if f.how != How::Surname {
                continue;
            }
            let word = crate::words::lower(self.text(f.start, f.end));
            let key = chronicle_kb::fold::fold(&word);
            let in_full = self.found.iter().any(|g| {
                matches!(g.who, Referent::Kb(a) if a.id() == actor.id()) && g.how != How::Surname
            });
            if in_full {
                continue;
            }
            let locals: Vec<usize> = (0..self.locals.len())
                .filter(|&i| {
                    let l = &self.locals[i];
                    l.same_as.is_none()
                        && l.kind == ActorType::Per
                        && l.name.split_whitespace().count() > 1
                        && l.name
                            .split_whitespace()
                            .last()
                            .is_some_and(|w| chronicle_kb::fold::fold(w) == key)
                })
                .collect();
            if let [i] = locals.as_slice() {
                self.found[n].who = Referent::Local(*i);
                self.found[n].how = How::Local;
            }
        }
    }

    /// `pos` with the single spaces before it skipped back.
    fn gap_start(&self, pos: usize) -> usize {
        let head = self.body.get(..pos).unwrap_or("");
        let trimmed = head.trim_end_matches([' ', '\u{a0}', '\u{202f}']);
        if head.len() - trimmed.len() == 1 || head.ends_with('\u{a0}') {
            trimmed.len()
        } else {
            pos
        }
    }

    /// Whether a word may be part of a person's name: capitalised, not a
    /// title, not a word the rules say is no name.
    pub(crate) fn name_word(&self, word: &str) -> bool {
        crate::words::capitalised(word)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}')
            && !self.rules.not_names.contains(word)
            && !self.rules.person_titles.contains(word)
            && !self.rules.role_nouns.contains(word)
    }
}
