//! Role phrases and titles: "le président chinois", "le chef de la diplomatie
//! kazakhe", "son homologue kazakh", "M.", "le porte-parole": the window of
//! words they span, the country or organisation they name, and the name they
//! stand beside, if any.

use chronicle_kb::{Actor, ActorType};

use crate::run::{Found, How, Referent, Run};

/// What opens a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// A role phrase of the base ("président", "chef de la diplomatie").
    Role,
    /// "homologue": the role of another person, in another country.
    Counterpart,
    /// A noun naming what a person does, not an office ("l'opposant").
    Noun,
    /// A title before a name ("M.", "Mme", "le général").
    Title,
}

/// The article or possessive before a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Det {
    /// "le", "son": someone in particular.
    Definite,
    /// "un", "des": someone unnamed.
    Indefinite,
    /// No article ("Xi Jinping, président chinois").
    Bare,
}

/// A role phrase or title and what it says.
#[derive(Debug, Clone)]
pub(crate) struct Window<'kb> {
    /// Where the phrase starts (its cue, after any article).
    pub(crate) start: usize,
    /// Where it ends: its last role, country or demonym word.
    pub(crate) end: usize,
    pub(crate) cue: Cue,
    /// The role (`head_of_state`), for role phrases and counterparts.
    pub(crate) role: Option<String>,
    /// Whether the role is a person's (else a body's).
    pub(crate) person: bool,
    /// The country's ISO code the phrase names.
    pub(crate) country: Option<String>,
    /// The organisation the phrase names ("secrétaire général de l'ONU").
    pub(crate) org: Option<&'kb Actor>,
    pub(crate) det: Det,
    /// "l'ex-président", "l'ancien Premier ministre".
    pub(crate) former: bool,
    /// The person the phrase stands beside ("le président chinois Xi Jinping").
    pub(crate) named: Option<Referent<'kb>>,
    /// Spans of the mentions inside the phrase ("Kazakhstan" in "le
    /// président du Kazakhstan").
    pub(crate) inner: Vec<(usize, usize)>,
    /// The role is the chair of an organ named right after it ("le président
    /// de la Douma russe", "le président du Sénat"), not the country's: it is
    /// `org`'s, or nobody's the base knows when the organ is not one of its
    /// actors.
    pub(crate) organ: bool,
}

impl<'kb> Window<'kb> {
    /// Whom the role is of: the country's code or the organisation's id.
    pub(crate) fn of(&self) -> Option<String> {
        if self.organ {
            return self.org.map(|o| o.id().to_string());
        }
        self.country
            .clone()
            .or_else(|| self.org.map(|o| o.id().to_string()))
    }
}

/// Person roles that, said of an organ rather than a state, name its chair:
/// "président" is `head_of_state` of a country, the chair (`chair`) of the
/// Duma or of the Halk Maslahaty; "président du Conseil" (`head_of_government`
/// in Italy) before "européen" is the European Council's. Role ids of
/// `data/kb/roles.tsv`, with the role they become.
const ORGAN_CHAIRS: &[(&str, &str)] = &[
    ("head_of_state", "chair"),
    ("head_of_government", "chair"),
    ("vice_president", "vice_chair"),
];

/// At most this many tokens complete a role phrase after a name.
const MAX_COMPLEMENT_TOKENS: usize = 8;

/// Connectors between a role and the country or body it is of.
pub(crate) const CONNECTORS: &[&str] =
    &["de la ", "de l'", "de l’", "des ", "du ", "de ", "d'", "d’"];

impl<'kb> Run<'_, 'kb> {
    /// Finds every role phrase, counterpart word, role noun and title, with
    /// the words that complete it and the name beside it.
    pub(crate) fn windows(&mut self) -> Vec<Window<'kb>> {
        let mut cues: Vec<(usize, usize, Cue)> = self
            .hits
            .iter()
            .filter(|h| h.role)
            .map(|h| (h.start, h.end, Cue::Role))
            .collect();
        let mut t = 0;
        while t < self.tokens.len() {
            let span = self.tokens[t].span;
            if self.in_hit(span.start, span.end) || self.covered(span.start, span.end) {
                t += 1;
                continue;
            }
            let mut best: Option<(usize, Cue)> = None;
            for u in t..(t + 4).min(self.tokens.len()) {
                let end = self.tokens[u].span.end;
                if self.in_hit(span.start, end) {
                    break;
                }
                let phrase = chronicle_kb::fold::fold(self.text(span.start, end));
                let cue = if self.rules.counterpart.contains_folded(&phrase) {
                    Some(Cue::Counterpart)
                } else if self.rules.person_titles.contains_folded(&phrase) {
                    Some(Cue::Title)
                } else if self.rules.role_nouns.contains_folded(&phrase) {
                    Some(Cue::Noun)
                } else {
                    None
                };
                if let Some(c) = cue {
                    best = Some((u, c));
                }
            }
            match best {
                Some((u, cue)) => {
                    cues.push((span.start, self.tokens[u].span.end, cue));
                    t = u + 1;
                }
                None => t += 1,
            }
        }
        cues.sort_by_key(|c| c.0);
        let mut windows = Vec::new();
        for (start, end, cue) in cues {
            if let Some(w) = self.window(start, end, cue) {
                windows.push(w);
            }
        }
        windows
    }

    /// The window of one cue.
    fn window(&mut self, start: usize, cue_end: usize, cue: Cue) -> Option<Window<'kb>> {
        let sentence = self.sentence(self.sentence_of(start));
        let mut w = Window {
            start,
            end: cue_end,
            cue,
            role: None,
            person: true,
            country: None,
            org: None,
            det: Det::Bare,
            former: false,
            named: None,
            inner: Vec::new(),
            organ: false,
        };
        // a title such as "M." is followed by a name, or it is not one
        if cue == Cue::Title {
            let next = self.skip_space(cue_end);
            let t = self.token_from(next);
            if self.tokens.get(t).is_none_or(|tok| tok.span.start != next)
                || !self.name_word(self.token_text(t)) && self.found_at(next).is_none()
            {
                return None;
            }
        } else {
            self.extend(&mut w, sentence.end);
        }
        self.read_before(&mut w);
        if cue == Cue::Role {
            let phrase = self.text(w.start, w.end);
            let date = self.date.clone().unwrap_or_default();
            if let Some(title) = self.kb.title(phrase, &date) {
                w.role = Some(title.role.to_string());
                w.person = title.names_a_person;
                if w.country.is_none() {
                    w.country = title.country.map(str::to_string);
                }
                // a role phrase of an organisation's names it ("haut-commissaire
                // aux droits de l'homme" is the OHCHR's, even "de l'ONU")
                if let Some(org) = title.organisation.and_then(|o| self.kb.actor(o)) {
                    w.org = Some(org);
                }
            }
            if w.organ {
                let chair = w.role.as_deref().and_then(|r| {
                    ORGAN_CHAIRS
                        .iter()
                        .find(|(of_state, _)| *of_state == r)
                        .map(|(_, chair)| chair.to_string())
                });
                match chair {
                    Some(c) => w.role = Some(c),
                    // not a chair's role: the organ is the role's ("le
                    // porte-parole du Conseil") as before
                    None => w.organ = false,
                }
            }
        }
        Some(w)
    }

    /// Stretches a window over the demonyms, countries, organisations and
    /// role words that complete it: "ministre chinois des Affaires
    /// étrangères", "président du Kazakhstan", "secrétaire général de l'ONU".
    fn extend(&self, w: &mut Window<'kb>, limit: usize) {
        // the role phrase that opens the window, for the words that complete
        // it after a name ("Haut-Commissaire de l'ONU aux droits de l'homme")
        let cue_end = w.end;
        loop {
            let p = self.skip_space(w.end);
            if p >= limit {
                return;
            }
            if w.cue == Cue::Role
                && w.end > cue_end
                && let Some(end) = self.role_complement(w.start, cue_end, p, limit)
            {
                w.end = end;
                continue;
            }
            // the first words after the role: an organ's name makes the role
            // its chair's ("le président du Sénat", "de la Douma russe")
            let first = w.end == cue_end && w.cue == Cue::Role;
            if let Some(h) = self.hit_at(p) {
                let hit = &self.hits[h];
                if hit.end <= limit
                    && self.found_at(p).is_none()
                    && let Some(code) = &hit.demonym
                {
                    w.country.get_or_insert_with(|| code.clone());
                    w.end = hit.end;
                    continue;
                }
            }
            let rest = self.text(p, limit);
            let Some(conn) = CONNECTORS.iter().find(|c| {
                rest.get(..c.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(c))
            }) else {
                return;
            };
            let q = self.skip_space(p + conn.len());
            let Some(h) = self.hit_at(q) else {
                // a capitalised name the base does not know: an organ ("du
                // Sénat", "de l'Assemblée"), not the country's office; so is
                // an organisation's noun ("le président du parti")
                if first && (self.unknown_name_at(q, limit) || self.org_noun_at(q, limit)) {
                    w.organ = true;
                }
                return;
            };
            let hit = &self.hits[h];
            if hit.end > limit {
                return;
            }
            if hit.role && w.cue == Cue::Role {
                // "président du parlement kazakh": the chair of a body
                if first && self.names_a_body(hit) {
                    w.organ = true;
                }
                w.end = hit.end;
                continue;
            }
            let found = self.found_at(q).filter(|f| f.end == hit.end);
            match found.map(|f| f.who) {
                Some(Referent::Kb(actor)) if self.is_country(actor) => {
                    if w.country.is_none() {
                        w.country = actor.country().map(str::to_string);
                    }
                }
                Some(Referent::Kb(actor))
                    if actor.actor_type() == ActorType::Org && w.cue == Cue::Role =>
                {
                    if first {
                        w.organ = true;
                    }
                    w.org.get_or_insert(actor);
                }
                _ => {
                    // a country named as a government ("de Pékin") counts too
                    match self.country_named(hit) {
                        Some(actor) if found.is_some() => {
                            if w.country.is_none() {
                                w.country = actor.country().map(str::to_string);
                            }
                        }
                        _ => return,
                    }
                }
            }
            w.inner.push((hit.start, hit.end));
            w.end = hit.end;
        }
    }

    /// Where the words from `pos` end that, after the role phrase
    /// `start..cue_end`, make a longer role phrase of the base: "aux droits
    /// de l'homme" after "Haut-Commissaire" (and a name between them).
    fn role_complement(
        &self,
        start: usize,
        cue_end: usize,
        pos: usize,
        limit: usize,
    ) -> Option<usize> {
        let cue = self.text(start, cue_end);
        let first = self.token_from(pos);
        if self.tokens.get(first).is_none_or(|t| t.span.start != pos) {
            return None;
        }
        let mut best = None;
        for t in first..(first + MAX_COMPLEMENT_TOKENS).min(self.tokens.len()) {
            let end = self.tokens[t].span.end;
            if end > limit {
                break;
            }
            let phrase = format!("{cue} {}", self.text(pos, end));
            if self
                .kb
                .role_phrases(&phrase)
                .iter()
                .any(|r| r.names_a_person())
            {
                best = Some(end);
            }
        }
        best
    }

    /// Whether a capitalised word the base does not know starts at `pos`
    /// (not a name it knows, not the start of a sentence).
    fn unknown_name_at(&self, pos: usize, limit: usize) -> bool {
        let t = self.token_from(pos);
        let Some(tok) = self.tokens.get(t) else {
            return false;
        };
        tok.span.start == pos
            && tok.span.end <= limit
            && crate::words::capitalised(self.token_text(t))
            && !self.in_hit(tok.span.start, tok.span.end)
            && !self.covered(tok.span.start, tok.span.end)
    }

    /// Whether a noun of organisation of the rules ("parti", "banque")
    /// starts at `pos`.
    fn org_noun_at(&self, pos: usize, limit: usize) -> bool {
        let t = self.token_from(pos);
        self.tokens.get(t).is_some_and(|tok| {
            tok.span.start == pos
                && tok.span.end <= limit
                && self.rules.org_nouns.contains(self.token_text(t))
        })
    }

    /// Whether a role hit names a body only ("parlement", "gouvernement").
    fn names_a_body(&self, hit: &crate::run::Hit<'kb>) -> bool {
        let roles: Vec<&chronicle_kb::RolePhrase> = hit
            .candidates
            .iter()
            .filter_map(|c| match c {
                chronicle_kb::Candidate::Role(r) => Some(*r),
                chronicle_kb::Candidate::Actor { .. } => None,
            })
            .collect();
        !roles.is_empty() && roles.iter().all(|r| !r.names_a_person())
    }

    /// Reads the article and the "ex-", "ancien" before a window.
    fn read_before(&self, w: &mut Window<'kb>) {
        let before = self.before(w.start);
        let mut words = Run::words(before);
        if words
            .last()
            .is_some_and(|last| self.rules.former.contains(last))
        {
            w.former = true;
            words.pop();
        }
        w.det = match words.last() {
            Some(d) if self.rules.indefinite.contains(d) => Det::Indefinite,
            Some(d) if self.rules.definite.contains(d) => Det::Definite,
            _ => Det::Bare,
        };
    }

    /// Finds the name beside each window: after it ("le président chinois Xi
    /// Jinping", "le porte-parole, Aidos Ukibay,") or before it ("Kassym-Jomart
    /// Tokaïev, le président kazakh,"). Names the base does not know become
    /// local persons with the window's country.
    pub(crate) fn names_beside(&mut self, windows: &mut [Window<'kb>]) {
        for w in windows.iter_mut() {
            if w.det == Det::Indefinite && w.cue != Cue::Title {
                // "un porte-parole, X, a dit": still a name, but nobody's role
                w.named = self.name_after(w, true);
                continue;
            }
            w.named = self.name_after(w, false).or_else(|| self.name_before(w));
        }
    }

    /// The person named right after a window, a comma between allowed except
    /// after a title.
    fn name_after(&mut self, w: &Window<'kb>, only_new: bool) -> Option<Referent<'kb>> {
        let sentence_end = self.sentence(self.sentence_of(w.start)).end;
        let mut p = self.skip_space(w.end);
        // a short complement of the role, then the name after a comma:
        // "l'ambassadrice américaine auprès du Conseil, Joan Miller"
        if w.cue != Cue::Title
            && let Some(after) = self.role_complement_end(p, sentence_end)
        {
            p = after;
        }
        let comma = w.cue != Cue::Title && self.text(p, p + 1) == ",";
        if comma {
            p = self.skip_space(p + 1);
        }
        if let Some(f) = self.found_at(p) {
            let who = f.who;
            // a person of the document the window gives a country
            if let Referent::Local(i) = who
                && w.cue != Cue::Title
                && let Some(l) = self.locals.get_mut(i)
                && l.kind == ActorType::Per
                && l.country.is_none()
            {
                l.country.clone_from(&w.country);
            }
            return (!only_new && self.is_person(who)).then_some(who);
        }
        let words = self.name_words(p, sentence_end);
        let (first, last) = (words.first().copied()?, words.last().copied()?);
        if comma && words.len() < 2 {
            return None;
        }
        // a single capitalised word after a role noun is too weak a sign
        if words.len() < 2 && w.cue == Cue::Noun {
            return None;
        }
        let start = self.tokens[first].span.start;
        let end = self.tokens[last].span.end;
        let name = self.text(start, end).to_string();
        let country = if w.cue == Cue::Title {
            None
        } else {
            w.country.clone()
        };
        let i = self.local(&name, ActorType::Per, country);
        self.found.push(Found {
            start,
            end,
            who: Referent::Local(i),
            how: How::Local,
        });
        Some(Referent::Local(i))
    }

    /// Where a role's complement that starts at `pos` ends, at the comma
    /// before a name ("auprès du Conseil, …", "chargée des Affaires
    /// étrangères, …"); `None` when no such complement starts there.
    fn role_complement_end(&self, pos: usize, sentence_end: usize) -> Option<usize> {
        let rest = self.text(
            pos,
            self.boundary_before(sentence_end.min(pos + crate::ner::MAX_ROLE_COMPLEMENT_BYTES)),
        );
        let comma = rest.find(',')?;
        let inner = &rest[..comma];
        let words = Run::words(inner);
        let opens = words.first().is_some_and(|w| {
            matches!(
                w.as_str(),
                "auprès" | "chargé" | "chargée" | "chargés" | "chargées"
            )
        });
        (opens && words.len() <= 6 && !inner.contains(['.', ';', ':', '«', '»']))
            .then_some(pos + comma)
    }

    /// The person named right before a window in apposition: "X, le président
    /// kazakh," or "X, ancien Premier ministre,".
    fn name_before(&mut self, w: &Window<'kb>) -> Option<Referent<'kb>> {
        if w.cue == Cue::Title {
            return None;
        }
        // the window closes the apposition
        let after = self.skip_space(w.end);
        let sentence_end = self.sentence(self.sentence_of(w.start)).end;
        let closes = after >= sentence_end
            || matches!(self.text(after, after + 1), "," | "." | ";" | ")" | ":");
        if !closes {
            return None;
        }
        let before = self.before(w.start);
        let comma = before.rfind(',')?;
        let between = Run::words(before.get(comma + 1..).unwrap_or(""));
        if between.len() > 3
            || !between
                .iter()
                .all(|x| self.rules.definite.contains(x) || self.rules.former.contains(x))
        {
            return None;
        }
        let sentence_start = self.sentence(self.sentence_of(w.start)).start;
        let name_end = sentence_start + before.get(..comma).unwrap_or("").trim_end().len();
        if let Some(f) = self.found_ending(name_end) {
            return self.is_person(f.who).then_some(f.who);
        }
        // a name the base does not know: two capitalised words at least
        let mut first = None;
        let mut t = self.token_ending(name_end)?;
        let mut n = 0;
        loop {
            let tok = self.tokens[t];
            if !self.name_word(self.token_text(t)) || self.in_hit(tok.span.start, tok.span.end) {
                break;
            }
            first = Some(t);
            n += 1;
            if n >= self.rules.max_words || t == 0 {
                break;
            }
            let prev = self.tokens[t - 1];
            if self.text(prev.span.end, tok.span.start).trim().is_empty()
                && prev.span.end < tok.span.start
            {
                t -= 1;
            } else {
                break;
            }
        }
        let first = first?;
        if n < 2 {
            return None;
        }
        let start = self.tokens[first].span.start;
        let name = self.text(start, name_end).to_string();
        let i = self.local(&name, ActorType::Per, w.country.clone());
        self.found.push(Found {
            start,
            end: name_end,
            who: Referent::Local(i),
            how: How::Local,
        });
        Some(Referent::Local(i))
    }

    /// The tokens of a name the base does not know starting at `pos`:
    /// capitalised words, with particles between them ("Charles de Gaulle").
    pub(crate) fn name_words(&self, pos: usize, limit: usize) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let mut t = self.token_from(pos);
        let mut pending: Vec<usize> = Vec::new();
        while let Some(tok) = self.tokens.get(t) {
            if tok.span.end > limit || out.len() >= self.rules.max_words {
                break;
            }
            if let Some(&prev) = pending.last().or(out.last()) {
                let gap = self.text(self.tokens[prev].span.end, tok.span.start);
                if gap.chars().any(|c| !c.is_whitespace()) || gap.contains('\n') {
                    break;
                }
            } else if tok.span.start != pos {
                break;
            }
            let word = self.token_text(t);
            if self.in_hit(tok.span.start, tok.span.end)
                || self.covered(tok.span.start, tok.span.end)
            {
                break;
            }
            if self.name_word(word) {
                out.append(&mut pending);
                out.push(t);
            } else if !out.is_empty() && self.rules.particles.contains(word) && pending.len() < 2 {
                pending.push(t);
            } else {
                break;
            }
            t += 1;
        }
        out
    }

    /// The country or organisation actor a role phrase of a body stands for
    /// ("le gouvernement chinois" → China).
    pub(crate) fn body_actor(&self, w: &Window<'kb>) -> Option<&'kb Actor> {
        let role = w.role.as_deref()?;
        let code = w.country.as_deref()?;
        let country = self.kb.country(code)?;
        let names = self.rules.bodies.get(role)?;
        names.iter().find_map(|n| {
            if n == "country" {
                return Some(country);
            }
            let name = n.replace("{country}", country.name());
            self.kb
                .lookup(&name)
                .into_iter()
                .find(|a| a.country() == Some(code) && a.actor_type() == ActorType::Org)
        })
    }
}
