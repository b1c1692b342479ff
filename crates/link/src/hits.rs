//! Reading the knowledge base's matches: which actor a name stands for, a
//! capital as a place or as its government, a demonym as a people or as an
//! adjective, and surnames to the person the document is about.

use chronicle_kb::{Actor, ActorType, AliasKind, Candidate};

use crate::run::{Found, How, Referent, Run};
use crate::words::has_capital;

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
    }

    /// The strongest candidate: the kind of name first, then an actor the
    /// document already names, then a state over a territory, then load order.
    fn best(&self, candidates: &[(&'kb Actor, AliasKind)]) -> Option<&'kb Actor> {
        candidates
            .iter()
            .enumerate()
            .min_by_key(|(n, (a, k))| (rank(*k), !self.mentioned(a), a.kind() != Some("state"), *n))
            .map(|(_, (a, _))| *a)
    }

    /// Whether the words before `pos` make a capital there a place: "à
    /// Pékin", "près de Moscou", "la ville de Wuhan".
    pub(crate) fn place_context(&self, pos: usize) -> bool {
        let before = self.before(pos);
        if self.rules.place_prepositions.ending(before).is_some() {
            return true;
        }
        let words = Run::words(before);
        match words.as_slice() {
            [.., noun, de] if matches!(de.as_str(), "de" | "d'" | "du") => {
                self.rules.place_nouns.contains(noun)
            }
            _ => false,
        }
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
            let who = match (named.as_slice(), in_office.as_slice(), people.as_slice()) {
                ([one], _, _) | ([], [one], _) | ([], [], [one]) => Some(*one),
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
