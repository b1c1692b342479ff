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
