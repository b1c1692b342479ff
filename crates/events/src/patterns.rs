//! The pattern reader: the arguments of a sentence's predicates read from
//! its clauses, verb groups and actor mentions, with no parser (the
//! implementation of [`Arguments`] the coder uses today).

use std::ops::Range;

use crate::actors::{Cast, Strength};
use crate::arguments::{Arg, Arguments, Refers, Subject};
use crate::clauses::{Clause, Kind};
use crate::groups::{Group, groups};
use crate::lexicon::Lexicon;
use crate::text::Text;

/// The pattern reader of one sentence.
pub(crate) struct Patterns<'a> {
    pub text: &'a Text<'a>,
    pub lex: &'a Lexicon,
    pub cast: &'a Cast<'a>,
    /// The sentence's clauses.
    pub clauses: Vec<Clause>,
    /// The verb groups of each clause.
    pub groups: Vec<Vec<Group>>,
}

impl<'a> Patterns<'a> {
    /// The arguments of the noun phrase at `start` that can act: no place
    /// unless it stands for its government.
    fn actor_args(&self, start: usize, limit: usize) -> Vec<Arg> {
        self.np_args(start, limit)
            .into_iter()
            .filter(|a| match a {
                Arg::Actor { who, .. } => !self.cast.is_place(who) || self.cast.is_metonym(who),
                Arg::Pronoun { .. } => true,
            })
            .collect()
    }

    /// Reads the sentence `range`.
    pub fn new(
        text: &'a Text<'a>,
        lex: &'a Lexicon,
        cast: &'a Cast<'a>,
        range: Range<usize>,
    ) -> Patterns<'a> {
        let clauses = crate::clauses::clauses(text, lex, range);
        let groups = clauses
            .iter()
            .map(|c| groups(text, lex, c.words.start, c.words.end))
            .collect();
        Patterns {
            text,
            lex,
            cast,
            clauses,
            groups,
        }
    }

    /// The words of clause `c`.
    pub fn words(&self, c: usize) -> Range<usize> {
        self.clauses.get(c).map_or(0..0, |x| x.words.clone())
    }

    /// The first group of clause `c` with a tense of its own.
    pub fn finite(&self, c: usize) -> Option<&Group> {
        self.groups.get(c)?.iter().find(|g| g.tense.finite())
    }

    /// The places coordinated after a destination ("à Astana et à Bichkek",
    /// "à Paris, Berlin et Rome"), each a destination of its own; one per
    /// country.
    fn more_destinations(&self, mut end: usize, limit: usize, out: &mut Vec<Arg>) {
        let mut keys: Vec<String> = out
            .iter()
            .filter_map(|a| match a {
                Arg::Actor { who, .. } => Some(self.cast.key(who)),
                _ => None,
            })
            .collect();
        while end < limit && matches!(self.text.low(end), "et" | ",") {
            let Some(&m) = self.mentions_in(end + 1..limit).first() else {
                return;
            };
            let x = &self.text.mentions[m];
            let place = self.cast.is_place(&x.who) || self.cast.is_country(&x.who);
            let next = x.words.start == end + 1
                || x.words.start <= end + 3 && self.locative_before(x.words.start);
            if !place || !next {
                return;
            }
            let key = self.cast.key(&x.who);
            if !keys.contains(&key) {
                keys.push(key);
                out.push(Arg::Actor {
                    who: x.who.clone(),
                    words: x.words.clone(),
                    strength: x.strength,
                });
            }
            end = x.words.end;
        }
    }

    /// Whether a locative preposition (`à`, `au`, `en`, `dans`, `près de`)
    /// governs the mention starting at word `i`: right before it, or before
    /// the few words of a noun phrase it ends ("dans les villes de X", "dans
    /// l'ouest du X").
    pub fn locative_before(&self, i: usize) -> bool {
        let w = &self.lex.words;
        let ends_locative = |k: usize| {
            w.locatives
                .iter()
                .any(|p| k >= p.len() && self.text.matches(k - p.len(), p))
        };
        let mut k = i;
        for _ in 0..5 {
            if ends_locative(k) {
                return true;
            }
            let Some(prev) = k.checked_sub(1) else {
                return false;
            };
            let low = self.text.low(prev);
            if self.text.is_punct(prev)
                || self.text.is_cap(prev)
                || self.text.covered(prev).is_some()
                || (w.prepositions.contains(low)
                    && !w.locatives.iter().any(|p| p.len() == 1 && p[0] == low))
                || !self.lex.verb(low).is_empty() && !w.determiners.contains(low)
            {
                return false;
            }
            k = prev;
        }
        false
    }

    /// The mentions starting inside `words`, in order.
    fn mentions_in(&self, words: Range<usize>) -> Vec<usize> {
        let mut out = Vec::new();
        let mut i = words.start;
        while i < words.end {
            // "les États membres de l'OCS" stand for the organisation
            if let Some(ph) = self
                .lex
                .words
                .members
                .iter()
                .find(|p| self.text.matches(i, p))
            {
                i += ph.len();
                continue;
            }
            match self.text.covered(i) {
                Some(m) if self.text.mentions[m].words.start == i || i == words.start => {
                    out.push(m);
                    i = self.text.mentions[m].words.end.max(i + 1);
                }
                _ => i += 1,
            }
        }
        out
    }

    /// Whether the words between two mentions only join them ("et", ",",
    /// "ainsi que", determiners, prepositions repeated).
    fn joined(&self, gap: Range<usize>) -> bool {
        let mut saw_conj = false;
        let mut nouns = 0;
        for i in gap {
            let w = self.text.low(i);
            match w {
                "," | "et" | "ou" | "ni" | "ainsi" => saw_conj = true,
                "que" | "à" | "au" | "aux" | "avec" | "contre" | "par" | "(" | ")" => {}
                _ if self.lex.words.determiners.contains(w)
                    || self.lex.words.de_forms.contains(w) => {}
                // a role noun before a name: "et son homologue kazakh X"
                _ if saw_conj
                    && !self.text.is_punct(i)
                    && self.lex.verb(w).is_empty()
                    && nouns < 2 =>
                {
                    nouns += 1
                }
                _ => return false,
            }
        }
        saw_conj
    }

    /// The coordinated actors of a list of mentions: the first (a strong one
    /// where there is one) and those joined to it; weak ones dropped when a
    /// strong one stands beside them.
    fn coordinated(&self, mentions: &[usize]) -> Vec<Arg> {
        let ms = &self.text.mentions;
        // an adjective right before a name is the same actor: "le président
        // russe Vladimir Poutine", "son homologue kazakh Kassym-Jomart Tokaïev"
        let mentions: Vec<usize> = mentions
            .iter()
            .enumerate()
            .filter(|&(k, &m)| {
                let next = mentions.get(k + 1).map(|&n| &ms[n]);
                !(ms[m].strength == Strength::Weak
                    && next.is_some_and(|n| {
                        n.strength == Strength::Strong
                            && n.words.start >= ms[m].words.end
                            && n.words.start - ms[m].words.end <= 1
                            && (ms[m].words.end..n.words.start).all(|g| !self.text.is_punct(g))
                    }))
            })
            .map(|(_, &m)| m)
            .collect();
        let mentions = mentions.as_slice();
        if mentions.is_empty() {
            return Vec::new();
        }
        let first = 0;
        let mut chosen = vec![mentions[first]];
        for &m in &mentions[first + 1..] {
            let Some(&last) = chosen.last() else { break };
            if ms[m].who == ms[last].who {
                continue;
            }
            // "le Président de la République d'Ouzbékistan Chavkat
            // Mirzioïev": a name right after its title's country is that one
            if ms[m].words.start == ms[last].words.end
                && self.cast.country(&ms[m].who).is_some()
                && self.cast.country(&ms[m].who) == self.cast.country(&ms[last].who)
            {
                chosen.pop();
                chosen.push(m);
                continue;
            }
            if self.joined(ms[last].words.end..ms[m].words.start) {
                chosen.push(m);
            } else {
                break;
            }
        }
        // a weak one beside a strong one of its country is that one ("le
        // président russe, Vladimir Poutine"); of another country, it is a
        // party of its own ("M. Poutine et le président kazakh")
        let strong: Vec<Option<String>> = chosen
            .iter()
            .filter(|&&m| ms[m].strength == Strength::Strong)
            .map(|&m| self.cast.country(&ms[m].who))
            .collect();
        let mut out: Vec<Arg> = Vec::new();
        for m in chosen {
            let x = &ms[m];
            if x.strength == Strength::Weak && !strong.is_empty() {
                let country = self.cast.country(&x.who);
                if country.is_none() || strong.contains(&country) {
                    continue;
                }
            }
            if out
                .iter()
                .any(|a| matches!(a, Arg::Actor { who, .. } if *who == x.who))
            {
                continue;
            }
            out.push(Arg::Actor {
                who: x.who.clone(),
                words: x.words.clone(),
                strength: x.strength,
            });
        }
        out
    }

    /// The anaphoric phrases starting inside `words`: cette dernière, le pays,
    /// la population, an act noun.
    fn anaphors_in(&self, words: Range<usize>, acts: bool) -> Vec<Arg> {
        let w = &self.lex.words;
        let mut out = Vec::new();
        for i in words {
            let kind = if w.pairs.iter().any(|p| self.text.matches(i, p)) {
                Some(Refers::Pair)
            } else if w.organisations.iter().any(|p| self.text.matches(i, p)) {
                Some(Refers::Org)
            } else if w.latter.iter().any(|p| self.text.matches(i, p)) {
                Some(Refers::Latter)
            } else if w.own_country.iter().any(|p| self.text.matches(i, p)) {
                Some(Refers::OwnCountry)
            } else if w.the_country.iter().any(|p| self.text.matches(i, p)) {
                Some(Refers::Country)
            } else if w.population.iter().any(|p| self.text.matches(i, p)) {
                Some(Refers::Population)
            } else if let Some(ph) = w.partners.iter().find(|p| self.text.matches(i, p))
                // not "un de ses alliés, X," where X is named
                && !(matches!(self.text.low(i.wrapping_sub(1)), "de" | "d'")
                    && w.partitives.contains(self.text.low(i.wrapping_sub(2))))
                && !matches!(self.text.low(i + ph.len()), "," | "proches" | "proche")
            {
                Some(Refers::Partners)
            } else if self.text.low(i) == "ces" && w.recalled.contains(self.text.low(i + 1))
                || matches!(self.text.low(i), "le" | "la" | "l'")
                    && w.documents.contains(self.text.low(i + 1))
                    && !self.lex.words.de_forms.contains(self.text.low(i + 2))
            {
                Some(Refers::Recalled)
            } else if acts && w.act_anaphors.contains(self.text.low(i)) {
                Some(Refers::Act)
            } else {
                None
            };
            if let Some(kind) = kind {
                out.push(Arg::Pronoun { kind, word: i });
                break;
            }
        }
        out
    }

    /// Where the noun phrase starting at `start` ends: at punctuation (other
    /// than quotation marks and brackets), a preposition other than de, a
    /// relative pronoun, que, or a verb.
    pub fn np_end(&self, start: usize, limit: usize) -> usize {
        let w = &self.lex.words;
        let mut i = start;
        let mut depth = 0usize;
        while i < limit {
            let low = self.text.low(i);
            match low {
                "(" | "[" => depth += 1,
                ")" | "]" => depth = depth.saturating_sub(1),
                "«" | "»" | "\"" | "“" | "”" => {}
                _ if depth > 0 => {}
                "," | ";" | ":" | "." | "!" | "?" | "…" | "—" | "–" => return i,
                "que" | "qu'" => return i,
                _ if i > start && w.prepositions.contains(low) => return i,
                // "d'avoir enfermé", "de tenter": a verb's complement, not the noun's
                _ if i > start
                    && w.de_forms.contains(low)
                    && self
                        .lex
                        .verb(self.text.low(i + 1))
                        .iter()
                        .any(|f| matches!(f.form, crate::conjugate::Form::Infinitive)) =>
                {
                    return i;
                }
                _ if w.relatives.contains(low) => return i,
                _ if i > start
                    && crate::groups::verb_at(self.text, self.lex, i)
                    && self.lex.verb(low).iter().any(|f| {
                        !matches!(
                            f.form,
                            crate::conjugate::Form::Participle
                                | crate::conjugate::Form::Infinitive
                                | crate::conjugate::Form::Gerund
                        )
                    }) =>
                {
                    return i;
                }
                _ => {}
            }
            i += 1;
        }
        limit
    }

    /// The argument of a noun introduced by one of `preps` and attached to
    /// it: after the noun only adjectives, `de` complements, appositions
    /// and places (`au Xinjiang`, `à Pékin`) may come before it ("la
    /// répression exercée au Xinjiang, …, à l'encontre de X", "une rencontre
    /// à Pékin avec X"; not "sanctions … à cause de la guerre contre X").
    pub fn attached(&self, clause: usize, after: usize, preps: &[Vec<String>]) -> Vec<Arg> {
        let limit = self.words(clause).end;
        let w = &self.lex.words;
        let mut i = after;
        let mut seen = 0;
        while i < limit && seen < 16 {
            if let Some(p) = preps.iter().find(|p| self.text.matches(i, p)) {
                let found = self.np_args(i + p.len(), limit);
                if !found.is_empty() {
                    return found;
                }
                i += p.len();
                seen += p.len();
                continue;
            }
            let low = self.text.low(i);
            if matches!(low, ";" | ":" | "." | "!" | "?") || w.relatives.contains(low) {
                break;
            }
            // another noun phrase coordinated: "les sanctions et les ventes d'armes à X"
            if low == "et"
                && w.determiners.contains(self.text.low(i + 1))
                && !w.de_forms.contains(self.text.low(i + 1))
            {
                break;
            }
            if w.prepositions.contains(low) && !w.de_forms.contains(low) {
                // a place after a locative is allowed; any other phrase ends the noun's
                let mut k = i + 1;
                while k < limit && w.determiners.contains(self.text.low(k)) {
                    k += 1;
                }
                let place = self.text.covered(k).is_some_and(|m| {
                    let x = &self.text.mentions[m];
                    self.cast.is_place(&x.who) || self.cast.is_country(&x.who)
                });
                if !(place && w.locatives.iter().any(|p| p.len() == 1 && p[0] == low)) {
                    break;
                }
            }
            if crate::groups::verb_at(self.text, self.lex, i)
                && self
                    .lex
                    .verb(low)
                    .iter()
                    .any(|f| !matches!(f.form, crate::conjugate::Form::Participle))
            {
                break;
            }
            seen += 1;
            i += 1;
        }
        Vec::new()
    }

    /// The noun phrase a participle at word `at` modifies: the nearest actor
    /// before it in its clause that is not inside a prepositional phrase
    /// ("Dana Orsk, figure de la communauté kerrane, interpellée par …";
    /// "Moscou, frappé par des sanctions"; "des armateurs morvaniens,
    /// accusés de …").
    pub fn modified(&self, clause: usize, at: usize) -> Vec<Arg> {
        let start = self.words(clause).start;
        self.mentions_in(start..at)
            .into_iter()
            .rev()
            .find(|&m| !self.in_phrase(self.text.mentions[m].words.start, true))
            .map(|m| {
                let x = &self.text.mentions[m];
                vec![Arg::Actor {
                    who: x.who.clone(),
                    words: x.words.clone(),
                    strength: x.strength,
                }]
            })
            .unwrap_or_default()
    }

    /// Whether the mention at word `i` sits inside a prepositional phrase
    /// ("figure de la communauté kerrane"): a preposition or `de` (only `de`
    /// with `de_only`) within the three lower-case words before it.
    pub fn in_phrase(&self, i: usize, de_only: bool) -> bool {
        let w = &self.lex.words;
        let mut k = i;
        for _ in 0..3 {
            let Some(prev) = k.checked_sub(1) else {
                return false;
            };
            let low = self.text.low(prev);
            if self.text.is_punct(prev)
                || self.text.is_cap(prev)
                || !self.lex.verb(low).is_empty() && !w.determiners.contains(low)
            {
                return false;
            }
            if w.de_forms.contains(low) || !de_only && w.prepositions.contains(low) {
                return true;
            }
            k = prev;
        }
        false
    }

    /// A relative of opposition right after a noun ending at `after` ("qui
    /// ont opposé", "opposant"): the last word of its phrase and the end of
    /// the clause it opens.
    pub fn opposition(&self, after: usize) -> Option<(usize, usize)> {
        let (k, past) = self
            .text
            .find_phrase(after..after + 2, &self.lex.words.opposing)?;
        // the relative is a clause of its own
        let end = self
            .clauses
            .iter()
            .find(|c| c.words.contains(&k))
            .map_or(past, |c| c.words.end);
        Some((past - 1, end))
    }

    /// The two sides of "entre X et Y" attached to a noun ending at `after`,
    /// or of a relative of opposition right after it ("les affrontements
    /// qui ont opposé les forces X et Y", "les combats opposant X à Y").
    pub fn between(&self, clause: usize, after: usize) -> Option<(Arg, Arg)> {
        let limit = self.words(clause).end;
        let entre = (after..limit.min(after + 8)).find(|&k| self.text.low(k) == "entre");
        let (entre, limit, opposed) = match entre {
            Some(k) => (k, limit, false),
            None => {
                let (last, end) = self.opposition(after)?;
                (last, end, true)
            }
        };
        let mut found: Vec<Arg> = Vec::new();
        for m in self.mentions_in(entre + 1..limit) {
            let x = &self.text.mentions[m];
            // a nationality adjective first is a side only in an opposition
            // or with a bare noun ("entre soldats kirghiz et tadjiks")
            let bare = !self
                .lex
                .words
                .determiners
                .contains(self.text.low(entre + 1));
            if x.strength == Strength::Weak && found.is_empty() && !opposed && !bare {
                continue;
            }
            let key = self.cast.key(&x.who);
            if found
                .iter()
                .any(|a| matches!(a, Arg::Actor { who, .. } if self.cast.key(who) == key))
            {
                continue;
            }
            found.push(Arg::Actor {
                who: x.who.clone(),
                words: x.words.clone(),
                strength: x.strength,
            });
            if found.len() == 2 {
                break;
            }
        }
        if found.len() < 2 {
            let pair = self.anaphors_in(entre + 1..limit.min(entre + 6), false);
            return pair.into_iter().next().map(|a| (a.clone(), a));
        }
        let second = found.pop()?;
        let first = found.pop()?;
        Some((first, second))
    }

    /// The first word at or after `i` that is not an adverb, a quotation
    /// mark or a time expression.
    fn skip(&self, mut i: usize, limit: usize) -> usize {
        while i < limit {
            let w = self.text.low(i);
            let adverb = (self.lex.words.group_adverbs.contains(w)
                && !self.lex.words.de_forms.contains(w)
                && !matches!(w, "les" | "la" | "le" | "l'" | "en" | "par" | "y"))
                || (w.ends_with("ment") && w.len() > 6 && self.lex.verb(w).is_empty());
            let time = self.text.times.iter().any(|t| t.words.contains(&i));
            if let Some(ph) = self
                .lex
                .words
                .adverbials
                .iter()
                .find(|ph| self.text.matches(i, ph))
            {
                i += ph.len();
            } else if adverb || time || matches!(w, "«" | "»") {
                i += 1;
            } else {
                break;
            }
        }
        i
    }

    /// The word after an adjunct set between commas at `i` (", sur la rive
    /// nord du fleuve,"): a preposition opening it, no verb inside, a comma
    /// closing it within a dozen words.
    fn comma_adjunct_end(&self, i: usize, limit: usize) -> Option<usize> {
        if i + 2 >= limit || self.text.low(i) != "," {
            return None;
        }
        let open = self.text.low(i + 1);
        if !self.lex.words.prepositions.contains(open) || self.lex.words.de_forms.contains(open) {
            return None;
        }
        let close = (i + 2..limit.min(i + 14)).find(|&k| self.text.is_punct(k))?;
        if self.text.low(close) != ","
            || (i + 2..close).any(|k| crate::groups::verb_at(self.text, self.lex, k))
        {
            return None;
        }
        Some(close + 1)
    }

    /// The subject after the verb of a subordinate or relative clause opened
    /// by a word after which French may put it there ("comme l'en accusent
    /// les États-Unis", "les armes que livre la Russie"): the actors of the
    /// noun phrase right after the clause's first verb group. Empty when
    /// the clause is of another kind or a preposition follows the verb.
    pub fn inverted_subject(&self, clause: usize) -> Vec<Arg> {
        let Some(cl) = self.clauses.get(clause) else {
            return Vec::new();
        };
        if !matches!(cl.kind, Kind::Subordinate | Kind::Relative)
            || !self
                .lex
                .words
                .inverting
                .contains(self.text.low(cl.words.start))
        {
            return Vec::new();
        }
        let Some(g) = self.groups.get(clause).and_then(|gs| gs.first()) else {
            return Vec::new();
        };
        let limit = cl.words.end;
        let start = self.skip(g.end, limit);
        if start >= limit || self.lex.words.prepositions.contains(self.text.low(start)) {
            return Vec::new();
        }
        self.coordinated(&self.mentions_in(start..self.np_end(start, limit)))
    }

    /// The actors and anaphors of the noun phrase starting at `start`.
    pub(crate) fn np_args(&self, start: usize, limit: usize) -> Vec<Arg> {
        let end = self.np_end(start, limit);
        let end = self.de_list_end(end, limit).unwrap_or(end);
        let found = self.coordinated(&self.mentions_in(start..end));
        if found.is_empty() {
            self.anaphors_in(start..end, false)
        } else {
            found
        }
    }

    /// Where a list of `de` complements that a noun phrase ending at the
    /// comma `end` goes on with ends: segments that each are de (du, des,
    /// d'), maybe a determiner, and one actor, the last one opened by et
    /// ("ses homologues du Kazakhstan, du Kirghizstan et de l'Ouzbékistan").
    /// None where the words after the comma are no such list.
    fn de_list_end(&self, end: usize, limit: usize) -> Option<usize> {
        let w = &self.lex.words;
        let mut i = end;
        while i < limit && matches!(self.text.low(i), "," | "et") {
            let last = self.text.low(i) == "et";
            let mut k = i + 1;
            if !w.de_forms.contains(self.text.low(k)) {
                return None;
            }
            k += 1;
            if matches!(self.text.low(k), "la" | "l'" | "les") {
                k += 1;
            }
            let m = self.text.covered(k)?;
            let x = &self.text.mentions[m];
            if x.words.start != k || x.words.end > limit {
                return None;
            }
            if last {
                return Some(x.words.end);
            }
            i = x.words.end;
        }
        None
    }

    /// Whether the words `from..to` after a subject's first comma go on a
    /// list of actors up to the verb: segments that each open on a
    /// determiner or a name and name an actor, the last one joined by et
    /// ("…, le président russe et le président kazakh ont …").
    fn comma_list(&self, from: usize, to: usize) -> bool {
        if from >= to || self.text.low(from) != "," {
            return false;
        }
        let mut segments: Vec<Range<usize>> = Vec::new();
        let mut s = from + 1;
        for i in from + 1..to {
            if self.text.low(i) == "," {
                segments.push(s..i);
                s = i + 1;
            }
        }
        segments.push(s..to);
        let opens = |seg: &Range<usize>| {
            seg.start < seg.end
                && (self
                    .lex
                    .words
                    .determiners
                    .contains(self.text.low(seg.start))
                    || self.text.is_cap(seg.start))
                && !self.mentions_in(seg.clone()).is_empty()
        };
        segments.iter().all(opens)
            && segments
                .last()
                .is_some_and(|seg| seg.clone().any(|k| self.text.low(k) == "et"))
    }

    /// The clause's own subject read in `region`, comma segment by segment.
    fn own_subject(&self, region: Range<usize>) -> Subject {
        let w = &self.lex.words;
        // the word or phrase opening the clause: que, et, mais, alors que…
        let mut start = region.start;
        if let Some(p) = w.subordinators.iter().find(|p| self.text.matches(start, p)) {
            start += p.len();
        } else if matches!(self.text.low(start), "que" | "qu'" | "et" | "ou" | "où") {
            start += 1;
        }
        let region = start.min(region.end)..region.end;
        let mut segments: Vec<Range<usize>> = Vec::new();
        let mut s = region.start;
        for i in region.clone() {
            if matches!(self.text.low(i), "," | "(" | ")") {
                if s < i {
                    segments.push(s..i);
                }
                s = i + 1;
            }
        }
        if s < region.end {
            segments.push(s..region.end);
        }
        let mut subject = Subject::default();
        let mut alternates: Vec<Arg> = Vec::new();
        let mut after_adjunct = false;
        for seg in segments {
            let mut k = seg.start;
            while k < seg.end && matches!(self.text.low(k), "«" | "»") {
                k += 1;
            }
            if k >= seg.end {
                continue;
            }
            // "Selon la ministre, Irène Sokal, …": a name alone after an adjunct is its apposition
            if after_adjunct && seg.end < region.end {
                let mut j = k;
                while j < seg.end && w.determiners.contains(self.text.low(j)) {
                    j += 1;
                }
                let whole = self
                    .text
                    .covered(j)
                    .is_some_and(|m| self.text.mentions[m].words.end >= seg.end);
                if whole {
                    continue;
                }
            }
            // "au moins neuf militants": the quantity is not a preposition
            if let Some(q) = w.quantifiers.iter().find(|q| self.text.matches(k, q)) {
                k = (k + q.len()).min(seg.end - 1);
            }
            let first = self.text.low(k);
            if matches!(first, "dont" | "notamment" | "parmi") {
                alternates.extend(self.coordinated(&self.mentions_in(seg.clone())));
                continue;
            }
            let time = self.text.times.iter().any(|t| t.words.start == k);
            let participle = !self.lex.verb(first).is_empty()
                && self.lex.verb(first).iter().all(|f| {
                    matches!(
                        f.form,
                        crate::conjugate::Form::Participle | crate::conjugate::Form::Gerund
                    )
                });
            // "A Genève, …": à written without its accent as a capital
            let capital_a = first == "a"
                && self.text.is_cap(k)
                && (self.text.is_cap(k + 1) || w.determiners.contains(self.text.low(k + 1)));
            let adjunct = time
                || participle
                || capital_a
                || w.prepositions.contains(first)
                || w.adjunct_preps.iter().any(|p| self.text.matches(k, p))
                || matches!(
                    first,
                    "selon" | "d'après" | "si" | "comme" | "ainsi" | "c'" | "ce"
                )
                || (first.ends_with("ment") && first.len() > 6);
            after_adjunct = adjunct;
            if adjunct {
                continue;
            }
            if w.negative_subjects.contains(first) {
                subject.negative = true;
            }
            // pronouns
            for i in k..seg.end {
                let low = self.text.low(i);
                if w.first_person.contains(low) {
                    subject.args.push(Arg::Pronoun {
                        kind: Refers::Speaker,
                        word: i,
                    });
                    break;
                }
                if w.third_person.contains(low) {
                    subject.args.push(Arg::Pronoun {
                        kind: Refers::Person,
                        word: i,
                    });
                    break;
                }
            }
            if !subject.args.is_empty() {
                break;
            }
            // "Le journaliste, âgé de 38 ans, …": a role noun alone is the
            // person spoken of
            if let Some(ph) = w.role_anaphors.iter().find(|ph| self.text.matches(k, ph))
                && k + ph.len() == seg.end
            {
                subject.args.push(Arg::Pronoun {
                    kind: Refers::Person,
                    word: k,
                });
                break;
            }
            let mentions: Vec<usize> = self
                .mentions_in(k..seg.end)
                .into_iter()
                .filter(|&m| !self.locative_before(self.text.mentions[m].words.start))
                .collect();
            let mut found = self.coordinated(&mentions);
            // "A, B et C ont …": a list whose commas cut the subject
            if !found.is_empty() && self.comma_list(seg.end, region.end) {
                let all: Vec<usize> = self
                    .mentions_in(k..region.end)
                    .into_iter()
                    .filter(|&m| !self.locative_before(self.text.mentions[m].words.start))
                    .collect();
                let listed = self.coordinated(&all);
                // a longer list (a summit's six leaders) is a group, not
                // pairs of parties
                if listed.len() <= 3 {
                    found = listed;
                }
            }
            if !found.is_empty() {
                subject.args = found;
                continue_alternates(&mut subject, &mut alternates, self, region.clone(), seg.end);
                break;
            }
            let anaphors = self.anaphors_in(k..seg.end, true);
            if !anaphors.is_empty() {
                subject.args = anaphors;
                break;
            }
            if subject.negative {
                break;
            }
        }
        if subject.args.is_empty() {
            subject.args = alternates;
        }
        subject
    }
}

/// When the subject found is weak (an adjective, a collective phrase) and a
/// later apposition names a known actor ("certains pays occidentaux, dont
/// les États-Unis,"), the known one is the subject.
fn continue_alternates(
    subject: &mut Subject,
    alternates: &mut Vec<Arg>,
    p: &Patterns,
    region: Range<usize>,
    from: usize,
) {
    let weak = subject.args.iter().all(|a| {
        matches!(
            a,
            Arg::Actor {
                strength: Strength::Weak,
                ..
            }
        )
    });
    if !weak {
        return;
    }
    // appositions after the subject, up to the verb
    let mut i = from;
    while i < region.end {
        if matches!(p.text.low(i), "dont" | "notamment") {
            let end = (i + 1..region.end)
                .find(|&k| p.text.low(k) == ",")
                .unwrap_or(region.end);
            let found = p.coordinated(&p.mentions_in(i + 1..end));
            if found.iter().any(|a| {
                matches!(
                    a,
                    Arg::Actor {
                        strength: Strength::Strong,
                        ..
                    }
                )
            }) {
                *alternates = found;
                subject.args = std::mem::take(alternates);
                return;
            }
            i = end;
        }
        i += 1;
    }
}

impl Arguments for Patterns<'_> {
    fn subject(&self, clause: usize, before: usize) -> Subject {
        let mut c = clause;
        let mut before = before;
        for _ in 0..6 {
            let Some(cl) = self.clauses.get(c) else {
                return Subject::default();
            };
            // a relative clause on qui: the antecedent
            if cl.kind == Kind::Relative && self.text.low(cl.words.start) == "qui" {
                if let Some(a) = cl.antecedent
                    && let Some(m) = self.text.covered(a)
                {
                    let x = &self.text.mentions[m];
                    return Subject {
                        args: vec![Arg::Actor {
                            who: x.who.clone(),
                            words: x.words.clone(),
                            strength: x.strength,
                        }],
                        negative: false,
                    };
                }
                return Subject::default();
            }
            let verb = self
                .finite(c)
                .or_else(|| self.groups.get(c).and_then(|gs| gs.first()))
                .map(|g| g.first)
                .unwrap_or(cl.words.end)
                .min(before.max(cl.words.start));
            let region = cl.words.start..verb;
            let s = if cl.kind == Kind::Incise {
                // inverted: the subject follows the verb
                let g = self.groups[c].first().map_or(cl.words.start, |g| g.end);
                Subject {
                    args: self.coordinated(&self.mentions_in(g..cl.words.end)),
                    negative: false,
                }
            } else {
                self.own_subject(region)
            };
            if !s.args.is_empty() || s.negative {
                return s;
            }
            match cl.inherit {
                Some(next) if next != c => {
                    c = next;
                    before = usize::MAX;
                }
                _ => return s,
            }
        }
        Subject::default()
    }

    fn object(&self, clause: usize, after: usize) -> Vec<Arg> {
        let limit = self.words(clause).end;
        let mut start = self.skip(after, limit);
        // a place adjunct before the object: "a rencontré mardi à Pékin son
        // homologue"; an adjunct set between commas: "a reçu, dans sa
        // résidence, son homologue"
        for _ in 0..3 {
            if let Some(next) = self.comma_adjunct_end(start, limit) {
                start = self.skip(next, limit);
                continue;
            }
            let locative = matches!(self.text.low(start), "à" | "en" | "au");
            let place = self
                .text
                .covered(start + 1)
                .map(|m| &self.text.mentions[m])
                .filter(|x| {
                    x.words.start == start + 1
                        && (self.cast.is_place(&x.who) || self.cast.is_country(&x.who))
                });
            // a named place the base does not hold: "a reçu au Palais Oguzkhan la …"
            let unknown =
                locative && self.text.covered(start + 1).is_none() && self.text.is_cap(start + 1);
            if unknown {
                let mut k = start + 1;
                while k < limit
                    && k < start + 5
                    && self.text.is_cap(k)
                    && self.text.covered(k).is_none()
                {
                    k += 1;
                }
                if self.lex.words.determiners.contains(self.text.low(k))
                    && !self.lex.words.de_forms.contains(self.text.low(k))
                {
                    start = self.skip(k, limit);
                    continue;
                }
            }
            match place {
                Some(x)
                    if locative
                        && (self
                            .lex
                            .words
                            .determiners
                            .contains(self.text.low(x.words.end))
                            || self.comma_adjunct_end(x.words.end, limit).is_some()
                            || matches!(
                                self.text.low(x.words.end),
                                "son" | "sa" | "ses" | "leur" | "leurs"
                            )) =>
                {
                    start = self.skip(x.words.end, limit);
                }
                _ => break,
            }
        }
        // a preposition: no direct object here
        if start < limit && self.lex.words.prepositions.contains(self.text.low(start)) {
            return Vec::new();
        }
        let found = self.np_args(start, limit);
        // a person named in apposition to the object: "le chef de la
        // diplomatie des talibans, Amir Khan Muttaqi"
        let end = self.np_end(start, limit);
        if end > start && end + 1 < limit && self.text.low(end) == "," {
            let apposed = self
                .text
                .covered(end + 1)
                .map(|m| &self.text.mentions[m])
                .filter(|x| {
                    x.words.start == end + 1
                        && x.strength == Strength::Strong
                        && self.cast.is_person(&x.who)
                        && (x.words.end >= limit
                            || self.text.is_punct(x.words.end)
                            || self
                                .lex
                                .words
                                .prepositions
                                .contains(self.text.low(x.words.end)))
                });
            if let Some(x) = apposed {
                let named_in_np = found.iter().any(
                    |a| !matches!(a, Arg::Actor { words, .. } if self.in_phrase(words.start, true)),
                );
                if !named_in_np {
                    return vec![Arg::Actor {
                        who: x.who.clone(),
                        words: x.words.clone(),
                        strength: x.strength,
                    }];
                }
            }
        }
        found
    }

    fn prep(&self, clause: usize, after: usize, preps: &[Vec<String>]) -> Vec<Arg> {
        let limit = self.words(clause).end;
        let mut i = after;
        while i < limit {
            if let Some(p) = preps.iter().find(|p| self.text.matches(i, p)) {
                let start = i + p.len();
                let found: Vec<Arg> = self.actor_args(start, limit);
                if !found.is_empty() {
                    let mut found = found;
                    // "à la Chine et à la Corée du Nord": the preposition
                    // repeated after et names one more
                    let np_et = |start: usize| {
                        let e = self.np_end(start, limit);
                        if e > start && self.text.low(e - 1) == "et" {
                            e - 1
                        } else {
                            e
                        }
                    };
                    let mut end = np_et(start);
                    // "et", "puis", ", puis" before the repeated preposition
                    let joiner = |e: usize| match self.text.low(e) {
                        "et" | "puis" => Some(e + 1),
                        "," if self.text.low(e + 1) == "puis" => Some(e + 2),
                        _ => None,
                    };
                    while end + 1 < limit
                        && let Some(next) = joiner(end)
                    {
                        let again =
                            preps
                                .iter()
                                .find(|p| self.text.matches(next, p))
                                .or_else(|| {
                                    preps.iter().find(|p| {
                                        p.len() == 1
                                            && p[0] == "à"
                                            && matches!(self.text.low(next), "au" | "aux")
                                    })
                                });
                        let Some(p) = again else { break };
                        let start = next + p.len();
                        let more: Vec<Arg> = self.actor_args(start, limit);
                        if more.is_empty() {
                            break;
                        }
                        found.extend(more);
                        end = np_et(start);
                    }
                    return found;
                }
                i = start;
                continue;
            }
            i += 1;
        }
        Vec::new()
    }

    fn agent(&self, clause: usize, after: usize) -> Vec<Arg> {
        let limit = self.words(clause).end;
        for i in after..limit {
            let w = self.text.low(i);
            if w == "par" && self.text.low(i + 1) != "ailleurs" {
                let mut found = self.np_args(i + 1, limit);
                // a list of agents set apart by commas: "par le président
                // russe, le président chinois et le président turc"
                let mut end = self.np_end(i + 1, limit);
                while !found.is_empty()
                    && found.len() < 6
                    && end + 1 < limit
                    && self.text.low(end) == ","
                    && self.lex.words.determiners.contains(self.text.low(end + 1))
                {
                    let more = self.np_args(end + 1, limit);
                    if more.is_empty() || more.iter().any(|a| matches!(a, Arg::Pronoun { .. })) {
                        break;
                    }
                    found.extend(more);
                    end = self.np_end(end + 1, limit);
                }
                return found;
            }
            // another participle or verb, or a new phrase: its agent, not ours
            if matches!(w, "," | ";" | ":")
                || (i > after && crate::groups::verb_at(self.text, self.lex, i))
            {
                break;
            }
        }
        Vec::new()
    }

    fn after(&self, clause: usize, after: usize) -> Vec<Arg> {
        let limit = self.words(clause).end;
        let mentions: Vec<usize> = self
            .mentions_in(after..limit)
            .into_iter()
            .filter(|&m| {
                let x = &self.text.mentions[m];
                !(self.cast.is_place(&x.who) && self.locative_before(x.words.start))
            })
            .collect();
        // an anaphor before the first actor wins ("au pays")
        let first_actor = mentions
            .first()
            .map_or(limit, |&m| self.text.mentions[m].words.start);
        let anaphors = self.anaphors_in(after..first_actor, false);
        if !anaphors.is_empty() {
            return anaphors;
        }
        self.coordinated(&mentions)
    }

    fn destination(&self, clause: usize, after: usize) -> Vec<Arg> {
        let limit = self.words(clause).end;
        for m in self.mentions_in(after..limit) {
            let x = &self.text.mentions[m];
            let place = self.cast.is_place(&x.who) || self.cast.is_country(&x.who);
            if place && self.locative_before(x.words.start) {
                let mut out = vec![Arg::Actor {
                    who: x.who.clone(),
                    words: x.words.clone(),
                    strength: x.strength,
                }];
                self.more_destinations(x.words.end, limit, &mut out);
                return out;
            }
        }
        Vec::new()
    }

    fn location(&self, clause: usize) -> Option<Arg> {
        let words = self.words(clause);
        self.mentions_in(words).into_iter().find_map(|m| {
            let x = &self.text.mentions[m];
            let place = self.cast.is_place(&x.who) || self.cast.is_country(&x.who);
            (place && self.locative_before(x.words.start)).then(|| Arg::Actor {
                who: x.who.clone(),
                words: x.words.clone(),
                strength: x.strength,
            })
        })
    }
}
