//! Candidate spans from a statistical recogniser: linked to the base when
//! they name one of its actors, to a person of the document by surname, else
//! kept as actors local to the document.

use chronicle_kb::fold::fold;
use chronicle_kb::{Actor, ActorType, Candidate};

use crate::run::{Found, How, Referent, Run};
use crate::titles::Window;
use crate::words::has_capital;

/// The type a recogniser gives a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NerLabel {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A place.
    Loc,
    /// Anything else with a name.
    Misc,
}

impl NerLabel {
    /// Reads `PER`, `ORG`, `LOC` or `MISC`, in any case; `B-`/`I-` prefixes
    /// and `PERSON`, `GPE`, `LOCATION`, `ORGANIZATION` are accepted too.
    pub fn parse(s: &str) -> Option<NerLabel> {
        let s = s.trim();
        let s = s
            .strip_prefix("B-")
            .or_else(|| s.strip_prefix("I-"))
            .unwrap_or(s);
        match s.to_ascii_uppercase().as_str() {
            "PER" | "PERSON" => Some(NerLabel::Per),
            "ORG" | "ORGANIZATION" | "ORGANISATION" => Some(NerLabel::Org),
            "LOC" | "LOCATION" | "GPE" => Some(NerLabel::Loc),
            "MISC" => Some(NerLabel::Misc),
            _ => None,
        }
    }

    /// The record's entity type.
    pub fn actor_type(self) -> ActorType {
        match self {
            NerLabel::Per => ActorType::Per,
            NerLabel::Org => ActorType::Org,
            NerLabel::Loc => ActorType::Loc,
            NerLabel::Misc => ActorType::Misc,
        }
    }
}

/// A span a recogniser marked as a name, in byte offsets of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NerSpan {
    /// Where it starts.
    pub start: usize,
    /// One past where it ends.
    pub end: usize,
    /// Its type.
    pub label: NerLabel,
}

impl<'kb> Run<'_, 'kb> {
    /// Adds what the recogniser found and the rules did not.
    pub(crate) fn read_ner(&mut self, spans: &[NerSpan], windows: &[Window<'kb>]) {
        let spans: Vec<NerSpan> = spans
            .iter()
            .copied()
            .filter(|s| s.start < s.end && self.body.get(s.start..s.end).is_some())
            .collect();
        // "le président du Sénat kazakh Maoulen Achimbaïev": one span over a
        // body, its people's adjective and a person's name is two names
        let mut split = Vec::with_capacity(spans.len());
        for s in spans {
            match self.demonym_inside(s) {
                Some((head_end, tail_start)) => {
                    split.push(NerSpan { end: head_end, ..s });
                    split.push(NerSpan {
                        start: tail_start,
                        end: s.end,
                        label: NerLabel::Per,
                    });
                }
                None => split.push(s),
            }
        }
        let mut spans = split;
        for s in &mut spans {
            if s.label == NerLabel::Per {
                s.end = self.particle_surname(s.end);
            }
            // "le Ministre Wang Wentao": a capitalised role word is not part
            // of the name after it
            if let Some(after) = self.role_word_before_name(*s) {
                s.start = after;
                s.label = NerLabel::Per;
            }
            // "la place Sükhbaatar", "la rue Pouchkine": a place
            if s.label != NerLabel::Loc
                && self
                    .last_words(s.start, 1)
                    .first()
                    .is_some_and(|w| self.rules.street_nouns.contains(w))
            {
                s.label = NerLabel::Loc;
            }
        }
        spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        for s in spans {
            if self.covered(s.start, s.end) {
                self.widen(s);
                continue;
            }
            let text = self.text(s.start, s.end);
            if self.common_word(s) || self.after_dash_of_name(s) {
                continue;
            }
            let mut want = s.label.actor_type();
            // "le journaliste karakalpak Daouletmourat Tajimouratov … M.
            // Tajimouratov": a name whose last word the text writes after a
            // person's title is a person's, whatever the recogniser says
            if s.label != NerLabel::Per && self.titled_elsewhere(s) {
                want = ActorType::Per;
            }
            // "la base aérienne de Kant", "l'aéroport de Manas": a place
            if s.label == NerLabel::Per && self.place_context(s.start) {
                want = ActorType::Loc;
            }
            // "Keremet Bank", "la compagnie nationale KazMunayGas": an organisation
            // "université Bilgi": a name headed by an institution's noun
            let institution = text
                .split_whitespace()
                .next()
                .is_some_and(|w| self.rules.institution_heads.contains(w));
            if institution || self.organisation_name(text) || self.organisation_context(s.start) {
                want = ActorType::Org;
            }
            // "Parvina, une enseignante …", "Taldoo, un site d'enquête …": the
            // apposition says what the name is
            if let Some(t) = self.apposition_type(s.end) {
                want = t;
            }
            let of_type: Vec<&'kb Actor> = self
                .kb
                .lookup(text)
                .into_iter()
                .filter(|a| a.actor_type() == want)
                .collect();
            let who = match of_type.as_slice() {
                [one, ..] => Some(Referent::Kb(one)),
                [] if want == ActorType::Per => self.person_by_surname(text),
                [] => None,
            };
            let who = who.unwrap_or_else(|| {
                let country = self.country_near(s, windows);
                Referent::Local(self.local(text, want, country))
            });
            // a person of the document met by surname only ("M. Tajimouratov")
            // is named by the full name
            if let Referent::Local(i) = self.resolve(who)
                && let Some(l) = self.locals.get_mut(i)
                && l.kind == ActorType::Per
                && text.len() > l.name.len()
                && text.ends_with(&format!(" {}", l.name))
            {
                l.name = text.to_string();
            }
            self.found.push(Found {
                start: s.start,
                end: s.end,
                who,
                how: How::Ner,
            });
        }
        self.found
            .sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    }

    /// Where a person's name ending at `end` ends once a surname written
    /// with a capitalised particle is taken in: "Anne-Sophie" + " Le Bihan".
    fn particle_surname(&self, end: usize) -> usize {
        let t = self.token_from(end);
        let (Some(p), Some(n)) = (self.tokens.get(t), self.tokens.get(t + 1)) else {
            return end;
        };
        let particle = self.token_text(t);
        let next = self.token_text(t + 1);
        let gap = |a: usize, b: usize| self.text(a, b) == " ";
        if gap(end, p.span.start)
            && gap(p.span.end, n.span.start)
            && particle.chars().next().is_some_and(char::is_uppercase)
            && self.rules.capital_particles.contains(particle)
            && self.name_word(next)
            && !self.in_hit(n.span.start, n.span.end)
        {
            n.span.end
        } else {
            end
        }
    }

    /// Whether a span is one common word written with a capital: a word the
    /// rules say is no name ("Organisation", "Transports"), or the first
    /// word of a sentence, before a preposition, that the text never
    /// capitalises elsewhere and the base does not know ("Long de 970
    /// kilomètres, …", "Fort de ce soutien, …").
    /// Where the name starts in a span that opens with a capitalised word
    /// that never begins a name ("Ministre", "Président") followed by at
    /// least two capitalised words.
    fn role_word_before_name(&self, s: NerSpan) -> Option<usize> {
        let text = self.text(s.start, s.end);
        let (first, rest) = text.split_once(' ')?;
        if !self.rules.not_names.contains(first) || !first.starts_with(char::is_uppercase) {
            return None;
        }
        let words: Vec<&str> = rest.split_whitespace().collect();
        (words.len() >= 2 && words.iter().all(|w| w.starts_with(char::is_uppercase)))
            .then(|| s.end - rest.len())
    }

    /// Where a span over capitalised words, a people's adjective in lower
    /// case and two capitalised words at least splits: the end of the
    /// adjective and the start of the name after it ("Sénat kazakh" |
    /// "Maoulen Achimbaïev").
    fn demonym_inside(&self, s: NerSpan) -> Option<(usize, usize)> {
        let first = self.token_from(s.start);
        let toks: Vec<usize> = (first..self.tokens.len())
            .take_while(|&t| self.tokens[t].span.end <= s.end)
            .filter(|&t| self.token_text(t).chars().any(char::is_alphabetic))
            .collect();
        let i = toks.iter().position(|&t| {
            let w = self.token_text(t);
            w.starts_with(char::is_lowercase) && self.kb.demonym(w).is_some()
        })?;
        let (head, tail) = (&toks[..i], &toks[i + 1..]);
        let capitalised = |ts: &[usize]| {
            ts.iter()
                .all(|&t| crate::words::capitalised(self.token_text(t)))
        };
        let tail_start = self.tokens.get(*tail.first()?)?.span.start;
        (!head.is_empty() && tail.len() >= 2 && capitalised(head) && capitalised(tail))
            .then(|| (self.tokens[toks[i]].span.end, tail_start))
    }

    /// Whether a one-word span ends a compound name after a dash: "Centre"
    /// in "le gazoduc Asie centrale - Centre", a common noun written with a
    /// capital as the second term of a name the base knows the first of.
    /// Such a word names no actor of its own.
    fn after_dash_of_name(&self, s: NerSpan) -> bool {
        let text = self.text(s.start, s.end);
        if text.split_whitespace().count() != 1 {
            return false;
        }
        let head = self.body.get(..s.start).unwrap_or("");
        let Some(before) = head
            .trim_end()
            .strip_suffix(['-', '\u{2013}', '\u{2014}'])
            .map(str::trim_end)
        else {
            return false;
        };
        // the name before the dash is one the base knows, and the word is not:
        // a common noun of the rules' lists ("centre", "nord"), not a place
        // the base does not know ("Bichkek - Kotchkor")
        let end = before.len();
        let common = [
            &self.rules.place_nouns,
            &self.rules.street_nouns,
            &self.rules.org_nouns,
            &self.rules.not_names,
        ]
        .iter()
        .any(|list| list.contains(text));
        common && self.hits.iter().any(|h| h.end == end) && !self.in_hit(s.start, s.end)
    }

    /// Whether a span of two or more capitalised words ends with a word the
    /// text writes elsewhere right after a person's title ("M. Tajimouratov").
    fn titled_elsewhere(&self, s: NerSpan) -> bool {
        let words: Vec<&str> = self.text(s.start, s.end).split_whitespace().collect();
        let (Some(last), true) = (words.last(), words.len() >= 2) else {
            return false;
        };
        if !words.iter().all(|w| crate::words::capitalised(w)) {
            return false;
        }
        (1..self.tokens.len()).any(|t| {
            let tok = self.tokens[t];
            (tok.span.start < s.start || tok.span.start >= s.end)
                && self.token_text(t) == *last
                && self.rules.person_titles.contains(self.token_text(t - 1))
                && self.text(self.tokens[t - 1].span.end, tok.span.start) == " "
        })
    }

    fn common_word(&self, s: NerSpan) -> bool {
        let text = self.text(s.start, s.end);
        if text.split_whitespace().count() != 1 {
            return false;
        }
        if self.rules.not_names.contains(text) {
            return true;
        }
        if !self.starts_sentence(s.start) || !self.kb.lookup(text).is_empty() {
            return false;
        }
        let t = self.token_from(s.end);
        let next = self.token_text(t);
        if !matches!(
            crate::words::lower(next).as_str(),
            "de" | "d'"
                | "du"
                | "des"
                | "à"
                | "au"
                | "aux"
                | "en"
                | "par"
                | "pour"
                | "sur"
                | "avec"
        ) {
            return false;
        }
        let elsewhere = self.tokens.iter().any(|t| {
            t.span.start != s.start
                && self.text(t.span.start, t.span.end) == text
                && !self.starts_sentence(t.span.start)
        });
        !elsewhere && self.person_by_surname(text).is_none()
    }

    /// A person's span that holds a surname the rules linked grows to the
    /// span: "Karim Kajymkanouli Massimov" for "Massimov".
    fn widen(&mut self, s: NerSpan) {
        if s.label != NerLabel::Per {
            return;
        }
        let inside: Vec<usize> = (0..self.found.len())
            .filter(|&i| {
                let f = &self.found[i];
                f.start < s.end && s.start < f.end
            })
            .collect();
        let [i] = inside.as_slice() else {
            return;
        };
        let f = &self.found[*i];
        if f.start < s.start || f.end > s.end || !self.is_person(f.who) {
            return;
        }
        let extra = format!(
            "{} {}",
            self.text(s.start, f.start),
            self.text(f.end, s.end)
        );
        // words the base reads as something else are no part of the name:
        // "le porte-parole du Kremlin Dmitri Peskov" is not "Kremlin Dmitri"
        let outside = |a: usize, b: usize| a >= b || !self.in_hit(a, b);
        if extra
            .split_whitespace()
            .all(|w| self.name_word(w) || self.rules.particles.contains(w))
            && outside(s.start, f.start)
            && outside(f.end, s.end)
        {
            let i = *i;
            self.found[i].start = s.start;
            self.found[i].end = s.end;
            if self.found[i].how == How::Surname {
                let full = self.text(s.start, s.end);
                self.block_other_given_name(i, full);
            }
        }
    }

    /// The person of the document whose surname ends `text`.
    fn person_by_surname(&self, text: &str) -> Option<Referent<'kb>> {
        let last = fold(text.split_whitespace().last()?);
        let mut out: Option<Referent<'kb>> = None;
        // each person once, however often the text names them
        let mut seen: Vec<Referent<'kb>> = Vec::new();
        for f in &self.found {
            if seen.contains(&f.who) || !self.is_person(f.who) {
                continue;
            }
            seen.push(f.who);
            let hit = match self.resolve(f.who) {
                Referent::Kb(a) => a
                    .aliases_of(chronicle_kb::AliasKind::Surname)
                    .any(|s| fold(s) == last),
                Referent::Local(i) => self.locals.get(i).is_some_and(|l| {
                    l.name
                        .split_whitespace()
                        .last()
                        .is_some_and(|w| fold(w) == last)
                }),
            };
            if hit {
                match out {
                    Some(o) if o != f.who => return None,
                    _ => out = Some(f.who),
                }
            }
        }
        out
    }

    /// The country a role phrase just before the span gives ("le journaliste
    /// kazakh X"), or a demonym just after it.
    fn country_near(&self, s: NerSpan, windows: &[Window<'kb>]) -> Option<String> {
        let before = windows
            .iter()
            .find(|w| w.end <= s.start && self.leads_to_name(w.end, s.start))
            .and_then(|w| w.country.clone());
        before
            .or_else(|| {
                let p = self.skip_space(s.end);
                self.hit_at(p).and_then(|h| self.hits[h].demonym.clone())
            })
            // a people's adjective right before the name ("le Sénat kazakh
            // Maoulen Achimbaïev") or ending it ("Sénat kazakh")
            .or_else(|| {
                self.hits
                    .iter()
                    .filter(|h| h.demonym.is_some())
                    .find(|h| {
                        h.end == s.end || (h.end < s.start && self.text(h.end, s.start) == " ")
                    })
                    .and_then(|h| h.demonym.clone())
            })
            .or_else(|| {
                (s.label == NerLabel::Per)
                    .then(|| self.apposition_country(s.end))
                    .flatten()
            })
    }

    /// Whether the text between a role phrase ending at `end` and a name at
    /// `name` joins them: spaces and a comma, or a short complement of the
    /// role before the comma ("l'ambassadrice américaine auprès du Conseil,
    /// Michèle Taylor").
    fn leads_to_name(&self, end: usize, name: usize) -> bool {
        let between = self.text(end, name);
        if between.chars().all(|c| c.is_whitespace() || c == ',') {
            return true;
        }
        if between.len() > MAX_ROLE_COMPLEMENT_BYTES {
            return false;
        }
        let Some(inner) = between.trim_end().strip_suffix(',') else {
            return false;
        };
        let words = Run::words(inner);
        words.len() <= MAX_ROLE_COMPLEMENT_WORDS
            && words.first().is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "auprès"
                        | "à"
                        | "au"
                        | "aux"
                        | "de"
                        | "du"
                        | "des"
                        | "en"
                        | "chargé"
                        | "chargée"
                )
            })
            && !inner.contains(['.', ';', ':', '«', '»'])
    }

    /// The type an indefinite apposition right after a name gives it: a
    /// person's noun ("X, une enseignante") or an organisation's ("X, un
    /// site d'information"), with at most one adjective before the noun.
    fn apposition_type(&self, end: usize) -> Option<ActorType> {
        let p = self.skip_space(end);
        let rest = self.text(p, self.body.len());
        let rest = rest.strip_prefix(',')?;
        let cut = rest
            .char_indices()
            .nth(MAX_APPOSITION_TYPE_CHARS)
            .map_or(rest.len(), |(i, _)| i);
        let words = Run::words(&rest[..cut]);
        let (first, nouns) = words.split_first()?;
        if !self.rules.indefinite.contains(first) {
            return None;
        }
        nouns.iter().take(2).find_map(|w| {
            if self.rules.role_nouns.contains(w) {
                Some(ActorType::Per)
            } else if self.rules.org_nouns.contains(w) {
                Some(ActorType::Org)
            } else {
                None
            }
        })
    }

    /// The country of the first place or state named in the apposition after
    /// a person's name, up to the next comma, stop or relative pronoun:
    /// "Aïgerim Sadykova, une habitante d'Almaty dont…", "Dilfuza Aminova,
    /// chercheuse indépendante à Douchanbé".
    fn apposition_country(&self, end: usize) -> Option<String> {
        let rest = self.text(end, self.boundary_before(end + MAX_APPOSITION_BYTES));
        let inner = rest.strip_prefix(',')?;
        let stop = inner
            .find([',', '.', ';', ':', '(', '«', '\n'])
            .unwrap_or(inner.len());
        let mut phrase_end = end + 1 + stop;
        for rel in [" dont ", " qui ", " que ", " qu'", " qu’", " où "] {
            if let Some(i) = inner[..stop].find(rel) {
                phrase_end = phrase_end.min(end + 1 + i);
            }
        }
        if Run::words(self.text(end + 1, phrase_end)).len() > MAX_APPOSITION_WORDS {
            return None;
        }
        // the matches are in text order: start at the first after the name
        let first = self.hits.partition_point(|h| h.start <= end);
        self.hits[first..]
            .iter()
            .take_while(|h| h.start < phrase_end)
            .filter(|h| h.end <= phrase_end)
            .find_map(|h| {
                h.candidates.iter().find_map(|c| match c {
                    Candidate::Actor { actor, .. }
                        if actor.actor_type() == ActorType::Loc
                            && has_capital(self.text(h.start, h.end)) =>
                    {
                        actor.country().map(str::to_string)
                    }
                    _ => None,
                })
            })
    }
}

/// At most this many words of complement between a role and the name after it.
const MAX_ROLE_COMPLEMENT_WORDS: usize = 6;
/// … and at most this many bytes.
pub(crate) const MAX_ROLE_COMPLEMENT_BYTES: usize = 80;
/// How far after a name an apposition is read for its type, in characters.
const MAX_APPOSITION_TYPE_CHARS: usize = 40;
/// How far after a name its apposition is read, in bytes.
const MAX_APPOSITION_BYTES: usize = 200;
/// An apposition that gives a person a country is at most this many words.
const MAX_APPOSITION_WORDS: usize = 14;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(NerLabel::parse("B-PER"), Some(NerLabel::Per));
        assert_eq!(NerLabel::parse("gpe"), Some(NerLabel::Loc));
        assert_eq!(NerLabel::parse("DATE"), None);
        assert_eq!(NerLabel::Org.actor_type(), ActorType::Org);
    }
}
