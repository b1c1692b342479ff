//! What pronouns and anaphoric phrases stand for, and what the coder
//! remembers from one sentence to the next: who accused whom (for "rejette
//! ces accusations") and whose act the last sentence told (for "une
//! initiative dénoncée par").

use crate::actors::{Cast, Strength, Who};
use crate::arguments::Refers;
use crate::text::Text;

/// How many sentences back a pronoun may reach.
const REACH: usize = 2;

/// Types of material acts: what "une décision", "le verdict", "cette
/// mesure" stand for when they are judged.
const DEEDS: [&str; 8] = [
    "COOPERATE",
    "AID",
    "RETREAT",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "PROTEST",
];

/// What the coder remembers of the document so far.
#[derive(Debug, Default)]
pub(crate) struct Memory {
    /// (key of the accused, who accused), in text order.
    accusations: Vec<(String, Who)>,
    /// (key of the one asked, who asked), in text order.
    requests: Vec<(String, Who)>,
    /// The sentence and source of each event coded, in text order.
    acts: Vec<(usize, Who)>,
    /// The sentence, type and source of each material act coded (a deed,
    /// not a statement), in text order.
    deeds: Vec<(usize, String, Who)>,
    /// The subject of each sentence's main clause, where it names an actor.
    subjects: Vec<(usize, Who)>,
    /// (sentence, key of the source, target) of each event coded.
    targets: Vec<(usize, String, Who)>,
    /// (sentence, key of the target, source) of each event coded, not negated.
    aimed: Vec<(usize, String, Who)>,
    /// (sentence, key and actor of one side, key and actor of the other) of
    /// each exchange coded: a meeting (either way), a deal (either way,
    /// flagged) or a request (the one asked first).
    exchanges: Vec<(usize, String, Who, String, Who, bool)>,
}

impl Memory {
    /// Notes an event: its sentence, type, source and target key. A
    /// negated accusation ("n'a jamais critiqué") accuses no one.
    pub fn note(
        &mut self,
        sentence: usize,
        kind: &str,
        negated: bool,
        source: &Who,
        target_key: &str,
        target: (&str, &Who),
    ) {
        self.targets
            .push((sentence, target.0.to_string(), target.1.clone()));
        if !negated {
            self.aimed
                .push((sentence, target_key.to_string(), source.clone()));
        }
        if kind == "ACCUSE" && !negated {
            self.accusations
                .push((target_key.to_string(), source.clone()));
        }
        if kind == "REQUEST" && !negated {
            self.requests.push((target_key.to_string(), source.clone()));
        }
        self.acts.push((sentence, source.clone()));
        if !negated && DEEDS.contains(&kind) {
            self.deeds
                .push((sentence, kind.to_string(), source.clone()));
        }
        // a deal, made or not, is an exchange too ("X n'a signé aucun
        // contrat avec Y, mais Y s'est dit prêt à …": the offer is to X)
        if !negated || kind == "AGREE" {
            let deal = kind == "AGREE";
            match kind {
                "CONSULT" | "AGREE" => {
                    self.exchanges.push((
                        sentence,
                        target.0.to_string(),
                        source.clone(),
                        target_key.to_string(),
                        target.1.clone(),
                        deal,
                    ));
                    self.exchanges.push((
                        sentence,
                        target_key.to_string(),
                        target.1.clone(),
                        target.0.to_string(),
                        source.clone(),
                        deal,
                    ));
                }
                "REQUEST" => self.exchanges.push((
                    sentence,
                    target_key.to_string(),
                    target.1.clone(),
                    target.0.to_string(),
                    source.clone(),
                    false,
                )),
                _ => {}
            }
        }
    }

    /// The one the actor of key `source` last dealt with, in `sentence` or
    /// the few before it: its partner in a meeting, or who asked something
    /// of it ("X a demandé à Y de … Y a promis que …": the promise is to X).
    /// Only an actor with a country or an organisation counts.
    /// A deal (an agreement, made or refused) counts only where `deals`
    /// (for a promise).
    pub fn counterpart(
        &self,
        sentence: usize,
        source: &str,
        cast: &Cast,
        deals: bool,
    ) -> Option<Who> {
        self.exchanges
            .iter()
            .rev()
            .take_while(|(s, ..)| *s + REACH + 1 >= sentence)
            .find(|(_, k, _, other, w, deal)| {
                k == source && other != source && !cast.is_private_person(w) && (deals || !deal)
            })
            .map(|(_, _, _, _, w, _)| w.clone())
    }

    /// The one the actor of key `source` last met or dealt with, however
    /// far back (a joint press conference after a signing).
    pub fn last_partner(&self, source: &str, cast: &Cast) -> Option<Who> {
        self.exchanges
            .iter()
            .rev()
            .find(|(_, k, _, other, w, _)| {
                k == source && other != source && !cast.is_private_person(w)
            })
            .map(|(_, _, _, _, w, _)| w.clone())
    }

    /// Notes the actor the main clause of `sentence` is about.
    pub fn subject(&mut self, sentence: usize, who: Who) {
        self.subjects.push((sentence, who));
    }

    /// The subject of the main clause of `sentence`.
    fn subject_of(&self, sentence: usize) -> Option<Who> {
        self.subjects
            .iter()
            .find(|(s, _)| *s == sentence)
            .map(|(_, w)| w.clone())
    }

    /// Who last acted on the actor of key `key`, in `sentence` or the few
    /// before it ("X a refusé tout contact avec Y … Y a dénoncé une
    /// ingérence": aimed at X).
    pub fn last_actor_on(&self, sentence: usize, key: &str) -> Option<Who> {
        self.aimed
            .iter()
            .rev()
            .take_while(|(s, ..)| *s + REACH + 1 >= sentence)
            .find(|(_, k, _)| k == key)
            .map(|(_, _, w)| w.clone())
    }

    /// Who last asked something of the actor of key `asked`.
    pub fn requester(&self, asked: &str) -> Option<Who> {
        last_for(&self.requests, asked)
    }

    /// Who last accused the actor of key `accused`.
    pub fn accuser(&self, accused: &str) -> Option<Who> {
        last_for(&self.accusations, accused)
    }

    /// The target of the last act of the source of key `source` told in
    /// `sentence` ("a condamné X et a averti que …": the warning is for X).
    pub fn last_target(&self, sentence: usize, source: &str) -> Option<Who> {
        self.targets
            .iter()
            .rev()
            .find(|(s, k, _)| *s == sentence && k == source)
            .map(|(_, _, w)| w.clone())
    }

    /// The source of the last deed told in a sentence before `sentence`,
    /// a few sentences back at most.
    pub fn last_deed(&self, sentence: usize) -> Option<Who> {
        self.deeds
            .iter()
            .rev()
            .filter(|(s, _, _)| *s < sentence)
            .take_while(|(s, _, _)| *s + 2 * REACH + 1 >= sentence)
            .map(|(_, _, w)| w.clone())
            .next()
    }

    /// The source of the last deed of type `kind` told in a sentence
    /// before `sentence`, however far back ("le verdict": the court's
    /// conviction, told at the top of the article).
    pub fn last_deed_of(&self, sentence: usize, kind: &str) -> Option<Who> {
        self.deeds
            .iter()
            .rev()
            .find(|(s, k, _)| *s < sentence && k == kind)
            .map(|(_, _, w)| w.clone())
    }

    /// The source of the last act told in a sentence before `sentence`.
    pub fn last_act(&self, sentence: usize) -> Option<Who> {
        self.acts
            .iter()
            .rev()
            .find(|(s, _)| *s < sentence)
            .map(|(_, w)| w.clone())
    }
}

/// Resolves a reference at word `word` (two actors for "les deux
/// dirigeants", else at most one). `source` is the event's source, for "le
/// pays" (another country) and "la population" (the source's own people).
pub(crate) fn resolve(
    text: &Text,
    cast: &Cast,
    memory: &Memory,
    kind: Refers,
    word: usize,
    source: Option<&Who>,
) -> Vec<Who> {
    let Some(sentence) = text.sentence_of(word) else {
        return Vec::new();
    };
    if kind == Refers::Pair {
        return pair(text, cast, word, sentence, source);
    }
    resolve_one(text, cast, memory, kind, word, sentence, source)
        .into_iter()
        .collect()
}

/// The two actors spoken of last, of distinct keys, before `word` (three
/// for "les trois pays"). A state that no longer exists ("l'époque
/// soviétique") counts only where the text names too few others.
fn pair(text: &Text, cast: &Cast, word: usize, sentence: usize, source: Option<&Who>) -> Vec<Who> {
    // "Les deux présidents … Poutine s'est entretenu avec chacun d'eux":
    // the pair named last, in this sentence or the one before
    if cast.lexicon().words.pair_recalls.contains(text.low(word)) {
        let floor = text
            .sentences
            .get(sentence.saturating_sub(1))
            .map_or(0, |s| s.start);
        let recalled = (floor + 1..word)
            .rev()
            .find(|&k| {
                matches!(text.low(k), "deux" | "trois")
                    && matches!(text.low(k - 1), "les" | "des" | "nos" | "leurs" | "ses")
            })
            .and_then(|k| {
                let s = text.sentence_of(k)?;
                Some(pair(text, cast, k - 1, s, source))
            })
            .filter(|found| !found.is_empty());
        if let Some(found) = recalled {
            return found;
        }
    }
    let want = if (word..word + 3).any(|k| text.low(k) == "trois") {
        3
    } else {
        2
    };
    let found = group(text, cast, word, sentence, want, false, source);
    if !found.is_empty() {
        return found;
    }
    let found = group(text, cast, word, sentence, want, true, source);
    if !found.is_empty() {
        return found;
    }
    // "Kirghizstan-Tadjikistan : …" then, paragraphs later, "les deux
    // capitales": the countries the headline names
    headline_countries(text, cast, want, source)
}

/// The `want` countries of the document that its headline names, in the
/// headline's order, never the one of key `source`; none unless exactly
/// `want` are named.
fn headline_countries(text: &Text, cast: &Cast, want: usize, source: Option<&Who>) -> Vec<Who> {
    let Some(title) = text.doc.title.as_deref() else {
        return Vec::new();
    };
    let words = |s: &str| -> Vec<String> {
        chronicle_kb::fold::fold(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let head = words(title);
    let own = source.map(|s| cast.key(s));
    let mut found: Vec<(usize, String, Who)> = Vec::new();
    for (e, entity) in text.doc.entities.iter().enumerate() {
        let who = Who::Entity(e);
        if !cast.is_country(&who) {
            continue;
        }
        let names = cast.country_names(&who);
        let at = std::iter::once(entity.name.as_str())
            .chain(entity.mentions.iter().map(|m| m.text.as_str()))
            .chain(names.iter().map(String::as_str))
            .filter_map(|n| {
                let n = words(n);
                (!n.is_empty())
                    .then(|| head.windows(n.len()).position(|w| w == n.as_slice()))
                    .flatten()
            })
            .min();
        let key = cast.key(&who);
        if let Some(at) = at
            && Some(&key) != own.as_ref()
            && !found.iter().any(|(_, k, _)| *k == key)
        {
            found.push((at, key, who));
        }
    }
    if found.len() != want {
        return Vec::new();
    }
    found.sort_by_key(|(at, _, _)| *at);
    found.into_iter().map(|(_, _, w)| w).collect()
}

/// The `want` actors spoken of last before `word`, former states only where
/// `former`, never the one of key `source`.
fn group(
    text: &Text,
    cast: &Cast,
    word: usize,
    sentence: usize,
    want: usize,
    former: bool,
    source: Option<&Who>,
) -> Vec<Who> {
    // "la Russie a appelé les deux voisins": the pair is not the one who
    // calls; "les relations entre les deux pays" may hold the one who speaks
    let own = source
        .filter(|_| text.low(word.wrapping_sub(1)) != "entre")
        .map(|s| cast.key(s));
    let floor = text
        .sentences
        .get(sentence.saturating_sub(REACH + 1))
        .map_or(0, |s| s.start);
    // "les deux dirigeants" are people; "les deux pays", "les deux
    // capitales" are states, not organisations (events.toml)
    let words = &cast.lexicon().words;
    let people = (word..word + 5).any(|k| words.pair_people.contains(text.low(k)));
    let states = (word..word + 5).any(|k| words.pair_states.contains(text.low(k)));
    let group = |adjectives: bool| {
        group_of(
            text,
            cast,
            word,
            floor,
            want,
            former,
            own.as_ref(),
            people,
            states,
            adjectives,
        )
    };
    let found = group(false);
    // states named by an adjective count where names fall short ("M.
    // Rakhmon … le Comité d'Etat kirghiz … les deux voisins")
    if found.is_empty() && states {
        return group(true);
    }
    found
}

/// The `want` actors of distinct keys named last before `word`, from
/// `floor` on, of the kind a pair phrase asks for; adjectives (weak
/// mentions) only where `weak`.
#[allow(clippy::too_many_arguments)]
fn group_of(
    text: &Text,
    cast: &Cast,
    word: usize,
    floor: usize,
    want: usize,
    former: bool,
    own: Option<&String>,
    people: bool,
    states: bool,
    weak: bool,
) -> Vec<Who> {
    let mut out: Vec<Who> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for m in text.mentions.iter().rev().filter(|m| {
        m.words.end <= word && m.words.start >= floor && (weak || m.strength == Strength::Strong)
    }) {
        if cast.is_place(&m.who)
            || people && !cast.is_person(&m.who)
            || states && cast.country(&m.who).is_none()
            || !former && cast.is_former_state(&m.who)
        {
            continue;
        }
        let k = cast.key(&m.who);
        if Some(&k) == own {
            continue;
        }
        if !keys.contains(&k) {
            keys.push(k);
            out.push(m.who.clone());
        }
        if out.len() == want {
            out.reverse();
            return out;
        }
    }
    Vec::new()
}

fn resolve_one(
    text: &Text,
    cast: &Cast,
    memory: &Memory,
    kind: Refers,
    word: usize,
    sentence: usize,
    source: Option<&Who>,
) -> Option<Who> {
    let floor = text
        .sentences
        .get(sentence.saturating_sub(REACH))
        .map_or(0, |s| s.start);
    let mut before = text
        .mentions
        .iter()
        .filter(|m| m.words.end <= word && m.words.start >= floor);
    match kind {
        Refers::Speaker => {
            let q = text.quote_at.get(word).copied().flatten()?;
            let speaker = text.doc.quotes.get(q)?.speaker.as_ref()?;
            match (speaker.entity, &speaker.country) {
                (Some(e), _) if e < text.doc.entities.len() => Some(Who::Entity(e)),
                (_, Some(c)) => Some(cast.country_who(c)),
                _ => None,
            }
        }
        Refers::Person => {
            // a person named in this sentence or the one before, else what
            // the sentence before was about, else a person named earlier
            let near = text
                .sentences
                .get(sentence.saturating_sub(1))
                .map_or(0, |s| s.start);
            let persons: Vec<&Who> = before
                .filter(|m| cast.is_person(&m.who))
                .map(|m| &m.who)
                .collect();
            let recent = text
                .mentions
                .iter()
                .rfind(|m| m.words.end <= word && m.words.start >= near && cast.is_person(&m.who))
                .map(|m| m.who.clone());
            recent
                .or_else(|| sentence.checked_sub(1).and_then(|s| memory.subject_of(s)))
                .or_else(|| persons.last().map(|w| (*w).clone()))
        }
        Refers::Org => before
            .rfind(|m| matches!(m.who, Who::Entity(e) if cast.sort(e) == crate::actors::Sort::Org))
            .map(|m| m.who.clone()),
        Refers::Other => {
            let own = source.map(|s| cast.key(s));
            before
                .filter(|m| m.strength == Strength::Strong && !cast.is_place(&m.who))
                .filter(|m| Some(cast.key(&m.who)) != own)
                .map(|m| m.who.clone())
                .next_back()
        }
        Refers::Pair => None,
        Refers::Latter => before
            .rfind(|m| m.strength == Strength::Strong)
            .map(|m| m.who.clone()),
        Refers::Country => {
            let own = source.and_then(|s| cast.country(s));
            before
                .filter_map(|m| cast.country(&m.who))
                .rfind(|c| Some(c) != own.as_ref())
                .map(|c| cast.country_who(&c))
        }
        Refers::OwnCountry => {
            // the country of the person named last, else of what the
            // sentence before was about
            let near = text
                .sentences
                .get(sentence.saturating_sub(1))
                .map_or(0, |s| s.start);
            text.mentions
                .iter()
                .rfind(|m| m.words.end <= word && m.words.start >= near && cast.is_person(&m.who))
                .map(|m| m.who.clone())
                .or_else(|| sentence.checked_sub(1).and_then(|s| memory.subject_of(s)))
                .and_then(|w| cast.country(&w))
                .map(|c| cast.country_who(&c))
                // a person the base does not place: the country spoken of
                .or_else(|| {
                    resolve_one(text, cast, memory, Refers::Country, word, sentence, source)
                })
        }
        Refers::Population => source
            .and_then(|s| cast.country(s))
            .map(|c| cast.country_who(&c)),
        Refers::Act => memory.last_act(sentence),
        // "le verdict", "cette condamnation": the last conviction, however
        // far; "ce nouveau train de mesures": the last package of sanctions
        Refers::Deed
            if cast.lexicon().words.verdicts.contains(text.low(word))
                || word >= 2
                    && cast
                        .lexicon()
                        .words
                        .collections
                        .contains(text.low(word - 2))
                    && matches!(text.low(word - 1), "de" | "d'") =>
        {
            memory
                .last_deed_of(sentence, "SANCTION")
                .or_else(|| memory.last_deed(sentence))
        }
        Refers::Deed => memory.last_deed(sentence),
        Refers::Partners => text
            .mentions
            .iter()
            .rfind(|m| {
                m.words.end <= word
                    && matches!(m.who, Who::Entity(e) if cast.sort(e) == crate::actors::Sort::Org)
            })
            .map(|m| m.who.clone()),
        Refers::Recalled => {
            // "plusieurs entreprises chinoises … ces entreprises": the actor
            // qualifying an earlier phrase of the same noun
            let noun = text.low(word + 1);
            (0..word)
                .rev()
                .filter(|&k| text.low(k) == noun)
                .find_map(|k| {
                    text.mentions
                        .iter()
                        .find(|m| {
                            m.words.start > k
                                && m.words.start <= k + 3
                                && (k + 1..m.words.start).all(|g| !text.is_punct(g))
                        })
                        .map(|m| m.who.clone())
                })
        }
    }
}

/// The actor last recorded against `key` in a list of (key, actor).
fn last_for(list: &[(String, Who)], key: &str) -> Option<Who> {
    list.iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, w)| w.clone())
}
