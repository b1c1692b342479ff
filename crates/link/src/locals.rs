//! People the base does not know: one actor per person in the document, found
//! again by surname ("Aidos Ukibay", then "M. Ukibay" and "Ukibay").

use chronicle_kb::ActorType;
use chronicle_kb::fold::fold;
use chronicle_model::{Document, Entity, Mention};

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
                        && (fold(surname(&self.locals[i].name)) == key
                            || (self.locals[i].kind == ActorType::Org
                                && self.short_form(&self.locals[i].name).as_deref()
                                    == Some(key.as_str())))
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
    /// An organisation's name without the words that say what it is, when
    /// one word is left, folded: "Keremet Bank" is "keremet".
    fn short_form(&self, name: &str) -> Option<String> {
        let mut rest = name
            .split_whitespace()
            .filter(|w| !self.rules.org_name_words.contains(w));
        let one = rest.next()?;
        rest.next().is_none().then(|| fold(one))
    }

    /// Institutions the base does not know, named by a head noun,
    /// adjectives in lower case and "de" + a place: "l'université agraire de
    /// Samarcande", "l'Université nationale de Mongolie", "l'Université de
    /// Lorvane". Each becomes an organisation of the document; "l'université
    /// d'Almaty", in lower case with no adjective, only says where.
    pub(crate) fn institutions(&mut self) {
        let mut t = 0;
        while t < self.tokens.len() {
            let word = self.token_text(t);
            let start = self.tokens[t].span.start;
            t += 1;
            // "un institut indépendant d'Almaty" describes, it names nothing
            let described = t >= 2 && self.rules.indefinite.contains(self.token_text(t - 2));
            if !self.rules.institution_heads.contains(word)
                || described
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
            // "l'université d'Almaty": a head in lower case with no adjective
            // says where, it names no institution; the place is named
            if k == t && word.starts_with(char::is_lowercase) {
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

/// Whether bytes `start..end` of `body` stand alone as a word or words: no
/// letter or digit touches them on either side.
fn word_bounded(body: &str, start: usize, end: usize) -> bool {
    let before = body.get(..start).and_then(|s| s.chars().next_back());
    let after = body.get(end..).and_then(|s| s.chars().next());
    !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
        && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
}

/// Every word-bounded occurrence of `needle` in `body`, as byte offsets.
fn occurrences(body: &str, needle: &str) -> Vec<(usize, usize)> {
    if needle.is_empty() {
        return Vec::new();
    }
    body.match_indices(needle)
        .map(|(s, m)| (s, s + m.len()))
        .filter(|&(s, e)| word_bounded(body, s, e))
        .collect()
}

/// Adds to `doc.entities` a person the base does not know, found by a later
/// stage (a speaker the quotes stage named: "a témoigné auprès de l'AFP
/// Gulnar Tokhtarova"), the way the link stage makes its own local people:
/// no id, type PER, every mention of the full name and of the surname alone
/// that no other entity holds. Returns the index of the entity — an existing
/// local person of that name if there is one — or `None` when the body never
/// writes the name. Entities already there keep their indexes.
pub fn add_local_person(doc: &mut Document, name: &str, country: Option<&str>) -> Option<usize> {
    let name = name.trim();
    if let Some(k) = doc
        .entities
        .iter()
        .position(|e| e.id.is_none() && e.kind == ActorType::Per.as_str() && e.name == name)
    {
        return Some(k);
    }
    let taken = |doc: &Document, s: usize, e: usize| {
        doc.entities
            .iter()
            .flat_map(|ent| &ent.mentions)
            .any(|m| m.start < e && s < m.end)
    };
    let full = occurrences(&doc.body, name);
    let mut spans: Vec<(usize, usize)> = full
        .iter()
        .copied()
        .filter(|&(s, e)| !taken(doc, s, e))
        .collect();
    if spans.is_empty() {
        return None;
    }
    let last = surname(name);
    if last != name && last.chars().next().is_some_and(char::is_uppercase) {
        let lone: Vec<(usize, usize)> = occurrences(&doc.body, last)
            .into_iter()
            .filter(|&(s, e)| !taken(doc, s, e) && !full.iter().any(|&(a, b)| a < e && s < b))
            .collect();
        spans.extend(lone);
    }
    spans.sort_unstable();
    let mentions = spans
        .into_iter()
        .filter_map(|(s, e)| {
            Some(Mention {
                text: doc.body.get(s..e)?.to_string(),
                start: s,
                end: e,
            })
        })
        .collect();
    doc.entities.push(Entity {
        id: None,
        name: name.to_string(),
        kind: ActorType::Per.as_str().to_string(),
        country: country.map(str::to_string),
        mentions,
    });
    Some(doc.entities.len() - 1)
}
