//! Who holds a role: what the document says ("le président kazakh
//! Kassym-Jomart Tokaïev"), else what the base says for the article's date,
//! else the one person the document names who held it. Counterparts take the
//! role of the person just named.

use chronicle_kb::{Actor, ActorType};

use crate::run::{Found, How, Referent, Run};
use crate::titles::{Cue, Det, Window};

/// The roles the document gives people, by apposition.
#[derive(Debug, Default)]
struct Book<'kb> {
    /// (role, whom it is of, holder, where the text says it).
    held: Vec<(String, String, Referent<'kb>, usize)>,
    /// Roles the document says people held before ("l'ex-président").
    former: Vec<(String, String, Referent<'kb>)>,
}

impl<'kb> Book<'kb> {
    fn holders(&self, role: &str, of: &str) -> Vec<(Referent<'kb>, usize)> {
        let mut out: Vec<(Referent<'kb>, usize)> = Vec::new();
        for (r, o, who, at) in &self.held {
            if r == role && o == of && !out.iter().any(|(w, _)| w == who) {
                out.push((*who, *at));
            }
        }
        out
    }

    /// The holder of `role`, of any country, the text spoke of last before
    /// `at`.
    fn last_before(&self, role: &str, at: usize) -> Option<Referent<'kb>> {
        self.held
            .iter()
            .filter(|(r, _, _, p)| r == role && *p < at)
            .max_by_key(|(_, _, _, p)| *p)
            .map(|(_, _, w, _)| *w)
    }

    fn role_of(&self, who: Referent<'kb>) -> Option<(String, String)> {
        self.held
            .iter()
            .find(|(_, _, w, _)| *w == who)
            .map(|(r, o, _, _)| (r.clone(), o.clone()))
    }
}

/// One place where the text points to a person who may hold a role.
struct Pointer<'kb> {
    at: usize,
    role: Option<String>,
    who: Option<Referent<'kb>>,
    country: Option<String>,
}

impl<'kb> Run<'_, 'kb> {
    /// Links role phrases to their holders and bodies to their actors, and
    /// records the roles the document gives.
    pub(crate) fn link_roles(&mut self, windows: &mut [Window<'kb>]) {
        let mut book = Book::default();
        for w in windows.iter() {
            let (Some(role), Some(who)) = (&w.role, w.named) else {
                continue;
            };
            // a role of no country named ("le porte-parole, X,") is kept
            // under "" for the bare role phrases that follow
            let of = w.of().unwrap_or_default();
            if w.cue != Cue::Role || !w.person || w.det == Det::Indefinite {
                continue;
            }
            if w.former {
                book.former.push((role.clone(), of, who));
            } else {
                book.held.push((role.clone(), of, who, w.start));
            }
        }
        for i in 0..windows.len() {
            if windows[i].cue != Cue::Counterpart || windows[i].country.is_none() {
                continue;
            }
            let Some(role) = self.anchor_role(windows, i, &book) else {
                continue;
            };
            let w = &mut windows[i];
            w.role = Some(role.clone());
            w.person = true;
            if let (Some(who), Some(of)) = (w.named, w.of()) {
                book.held.push((role, of, who, w.start));
            }
        }
        for w in windows.iter() {
            if w.named.is_some()
                || w.former
                || w.det == Det::Indefinite
                || matches!(w.cue, Cue::Noun | Cue::Title)
            {
                continue;
            }
            let (who, how) = if w.person {
                let Some(role) = w.role.as_deref() else {
                    continue;
                };
                let how = if w.cue == Cue::Counterpart {
                    How::Counterpart
                } else {
                    How::Title
                };
                let who = match w.of() {
                    Some(of) => self.holder(role, &of, &book, w.start),
                    // "le chef de l'État": the last one the text gave that role
                    None if w.cue == Cue::Role && w.det == Det::Definite => {
                        book.last_before(role, w.start)
                    }
                    None => None,
                };
                if let Some(who) = who {
                    book.held
                        .push((role.to_string(), w.of().unwrap_or_default(), who, w.start));
                }
                (who, how)
            } else {
                (self.body_actor(w).map(Referent::Kb), How::Body)
            };
            let Some(who) = who else {
                continue;
            };
            // an international organisation named inside the phrase ("le
            // secrétaire général de l'ONU") is still named: it stays, nested
            self.found
                .retain(|f| !(f.start >= w.start && f.end <= w.end) || Run::nests_in_titles(f.who));
            self.found.push(Found {
                start: w.start,
                end: w.end,
                who,
                how,
            });
        }
        self.found
            .sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    }

    /// The role of the person a counterpart is the counterpart of: the
    /// nearest person with a role in the same sentence (before it, else
    /// after it), else the last one before.
    fn anchor_role(&self, windows: &[Window<'kb>], i: usize, book: &Book<'kb>) -> Option<String> {
        let w = &windows[i];
        let here = self.sentence_of(w.start);
        let mut pointers: Vec<Pointer<'kb>> = windows
            .iter()
            .enumerate()
            .filter(|(j, v)| {
                *j != i && v.cue == Cue::Role && v.person && v.role.is_some() && !v.former
            })
            .map(|(_, v)| Pointer {
                at: v.start,
                role: v.role.clone(),
                who: v.named,
                country: v.of(),
            })
            .collect();
        for f in &self.found {
            if self.kind_of(f.who) == ActorType::Per {
                pointers.push(Pointer {
                    at: f.start,
                    role: None,
                    who: Some(f.who),
                    country: self.country_of(f.who),
                });
            }
        }
        let same = |p: &Pointer<'kb>| self.sentence_of(p.at) == here;
        let mut order: Vec<&Pointer<'kb>> = Vec::new();
        let mut before: Vec<&Pointer<'kb>> = pointers
            .iter()
            .filter(|p| p.at < w.start && same(p))
            .collect();
        before.sort_by_key(|p| std::cmp::Reverse(p.at));
        let mut after: Vec<&Pointer<'kb>> = pointers
            .iter()
            .filter(|p| p.at > w.end && same(p))
            .collect();
        after.sort_by_key(|p| p.at);
        let mut earlier: Vec<&Pointer<'kb>> = pointers
            .iter()
            .filter(|p| p.at < w.start && !same(p))
            .collect();
        earlier.sort_by_key(|p| std::cmp::Reverse(p.at));
        order.extend(before);
        order.extend(after);
        order.extend(earlier);
        for p in order {
            if p.country.is_some() && p.country == w.country {
                continue;
            }
            let role = p
                .role
                .clone()
                .or_else(|| p.who.and_then(|who| self.role_of(who, book)));
            if role.is_some() {
                return role;
            }
        }
        None
    }

    /// The role a person holds on the article's date: the one the document
    /// gives, else the first of the rules' role order the base knows for them
    /// (on the date, when there is one).
    fn role_of(&self, who: Referent<'kb>, book: &Book<'kb>) -> Option<String> {
        if let Some((role, _)) = book.role_of(who) {
            return Some(role);
        }
        let Referent::Kb(actor) = who else {
            return None;
        };
        let offices = self.kb.roles_of(actor.id());
        self.rules.role_order.iter().find_map(|role| {
            offices
                .iter()
                .find(|o| o.role() == role && self.date.as_deref().is_none_or(|d| o.covers(d)))
                .map(|o| o.role().to_string())
        })
    }

    /// Who held `role` of `of` where the text at `at` speaks of it.
    fn holder(&self, role: &str, of: &str, book: &Book<'kb>, at: usize) -> Option<Referent<'kb>> {
        let said = book.holders(role, of);
        match said.as_slice() {
            [] => {}
            [(who, _)] => return Some(*who),
            _ => {
                // the nearest before, else the first after
                return said
                    .iter()
                    .filter(|(_, p)| *p < at)
                    .max_by_key(|(_, p)| *p)
                    .or_else(|| said.first())
                    .map(|(w, _)| *w);
            }
        }
        if let Some(date) = &self.date {
            let holders = self.kb.holder(role, of, date);
            return match holders.as_slice() {
                [one] => Some(Referent::Kb(one)),
                [] => None,
                many => {
                    let named: Vec<&&Actor> = many.iter().filter(|a| self.mentioned(a)).collect();
                    match named.as_slice() {
                        [one] => Some(Referent::Kb(one)),
                        _ => None,
                    }
                }
            };
        }
        // no date: the one person the document names who held the role
        let mut named: Vec<&'kb Actor> = Vec::new();
        for f in &self.found {
            let Referent::Kb(a) = f.who else { continue };
            if a.actor_type() != ActorType::Per || named.iter().any(|n| n.id() == a.id()) {
                continue;
            }
            let held = self
                .kb
                .roles_of(a.id())
                .iter()
                .any(|o| o.role() == role && o.of() == Some(of));
            let former = book
                .former
                .iter()
                .any(|(r, o, w)| r == role && o == of && *w == Referent::Kb(a));
            if held && !former {
                named.push(a);
            }
        }
        match named.as_slice() {
            [one] => Some(Referent::Kb(one)),
            _ => None,
        }
    }
}
