//! People the base does not know: one actor per person in the document, found
//! again by surname ("Aidos Ukibay", then "M. Ukibay" and "Ukibay").

use chronicle_kb::ActorType;
use chronicle_kb::fold::fold;

use crate::run::{Found, How, Referent, Run};

/// The last word of a name: its surname, as far as the rules can tell.
fn surname(name: &str) -> &str {
    name.split_whitespace().last().unwrap_or(name)
}

impl Run<'_, '_> {
    /// Merges a one-word local into the only longer local it is the surname
    /// of, then links every capitalised surname of a local person that no
    /// rule took yet.
    pub(crate) fn local_surnames(&mut self) {
        self.surnames_to_locals();
        for j in 0..self.locals.len() {
            if self.locals[j].name.split_whitespace().count() != 1 {
                continue;
            }
            let key = fold(&self.locals[j].name);
            let longer: Vec<usize> = (0..self.locals.len())
                .filter(|&i| {
                    i != j
                        && self.locals[i].same_as.is_none()
                        && self.locals[i].name.split_whitespace().count() > 1
                        && fold(surname(&self.locals[i].name)) == key
                })
                .collect();
            if let [i] = longer.as_slice() {
                let country = self.locals[j].country.take();
                self.locals[j].same_as = Some(*i);
                if self.locals[*i].country.is_none() {
                    self.locals[*i].country = country;
                }
            }
        }
        let people: Vec<(usize, String)> = self
            .locals
            .iter()
            .enumerate()
            .filter(|(_, l)| l.same_as.is_none() && l.kind == ActorType::Per)
            .map(|(i, l)| (i, fold(surname(&l.name))))
            .collect();
        if people.is_empty() {
            return;
        }
        for t in 0..self.tokens.len() {
            let span = self.tokens[t].span;
            let word = self.token_text(t);
            if !self.name_word(word) || self.covered(span.start, span.end) {
                continue;
            }
            let key = fold(word);
            let matching: Vec<usize> = people
                .iter()
                .filter(|(_, s)| *s == key)
                .map(|(i, _)| *i)
                .collect();
            if let [i] = matching.as_slice() {
                self.found.push(Found {
                    start: span.start,
                    end: span.end,
                    who: Referent::Local(*i),
                    how: How::Local,
                });
            }
        }
        self.found
            .sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    }
}

impl Run<'_, '_> {
    /// Institutions the base does not know, named by a head noun in lower
    /// case, adjectives and "de" + a place: "l'université agraire de
    /// Samarcande". Each becomes an organisation of the document.
    pub(crate) fn institutions(&mut self) {
        let mut t = 0;
        while t < self.tokens.len() {
            let word = self.token_text(t);
            let start = self.tokens[t].span.start;
            t += 1;
            if !word.chars().next().is_some_and(char::is_lowercase)
                || !self.rules.institution_heads.contains(word)
                || self.covered(start, start + word.len())
            {
                continue;
            }
            // adjectives, then "de"
            let mut k = t;
            while k < self.tokens.len() && k - t < 3 {
                let w = self.token_text(k);
                let lower = crate::words::lower(w);
                if matches!(lower.as_str(), "de" | "d'" | "du") {
                    break;
                }
                if !w.chars().all(|c| c.is_alphabetic() || c == '-')
                    || !w.chars().next().is_some_and(char::is_lowercase)
                    || self.rules.definite.contains(w)
                    || self.rules.indefinite.contains(w)
                {
                    k = usize::MAX;
                    break;
                }
                k += 1;
            }
            if k >= self.tokens.len() {
                continue;
            }
            let de = crate::words::lower(self.token_text(k));
            if !matches!(de.as_str(), "de" | "d'" | "du") {
                continue;
            }
            let name_at = k + 1;
            let Some(tok) = self.tokens.get(name_at) else {
                continue;
            };
            if !crate::words::capitalised(self.token_text(name_at)) {
                continue;
            }
            let end = match self.hit_at(tok.span.start) {
                Some(h) => self.hits[h].end,
                None => tok.span.end,
            };
            let name = self.text(start, end).to_string();
            let i = self.local(&name, chronicle_kb::ActorType::Org, None);
            self.found.push(Found {
                start,
                end,
                who: Referent::Local(i),
                how: How::Local,
            });
            t = name_at + 1;
        }
        self.found
            .sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    }
}
