//! The index built once over the facts: an Aho-Corasick automaton over every
//! folded alias and role phrase, and maps for look-ups by id, name, demonym,
//! person and role.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::actor::AliasKind;
use crate::error::KbError;
use crate::fold::{Folded, Spellings, fold};

/// The spelling rules built into the binary.
const SPELLINGS: &str = include_str!("../../../data/kb/spellings.tsv");

/// Names shorter than this many letters in skeleton are found only as written.
const MIN_SKELETON_LETTERS: usize = 6;
use crate::load::Facts;

/// What an alias leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// An actor, by index.
    Actor(usize),
    /// A role phrase, by index.
    Role(usize),
}

/// How the original text's case must look for an alias to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CaseRule {
    /// Any case.
    Any,
    /// First letter a capital: surnames ("Borne", "Hollande", "Xi").
    Capitalised,
    /// The letters that are capitals in the acronym are capitals in the text
    /// ("UE" but not "ue"; "DoD" and "DOD" but not "dod"): bit `i` set for
    /// the `i`-th letter.
    Capitals(u64),
}

impl CaseRule {
    fn of(kind: AliasKind, alias: &str) -> CaseRule {
        let acronym = kind == AliasKind::Acronym
            || (kind == AliasKind::Name && crate::load::looks_like_acronym(alias));
        match kind {
            _ if acronym => CaseRule::Capitals(
                alias
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .take(64)
                    .enumerate()
                    .filter(|(_, c)| c.is_uppercase())
                    .fold(0, |mask, (i, _)| mask | (1 << i)),
            ),
            AliasKind::Surname => CaseRule::Capitalised,
            // a proper name written with a capital must be found with one:
            // "Réunion" but not "réunion", "Bénin" but not "bénin"
            AliasKind::Name | AliasKind::Alias | AliasKind::Metonym
                if alias.chars().next().is_some_and(char::is_uppercase) =>
            {
                CaseRule::Capitalised
            }
            _ => CaseRule::Any,
        }
    }

    fn accepts(&self, original: &str) -> bool {
        let mut letters = original.chars().filter(|c| c.is_alphabetic());
        match self {
            CaseRule::Any => true,
            CaseRule::Capitalised => letters.next().is_some_and(char::is_uppercase),
            CaseRule::Capitals(mask) => letters
                .take(64)
                .enumerate()
                .all(|(i, c)| mask & (1 << i) == 0 || c.is_uppercase()),
        }
    }
}

/// One thing a folded alias leads to, with the kind of name it is there.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Posting {
    pub(crate) target: Target,
    pub(crate) kind: AliasKind,
    case: CaseRule,
}

/// A match of the automaton on word boundaries, before choosing among
/// overlapping ones.
#[derive(Debug, Clone)]
pub(crate) struct RawMatch {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) postings: Vec<Posting>,
}

/// The built index.
#[derive(Debug, Clone)]
pub(crate) struct Index {
    automaton: AhoCorasick,
    /// The skeletons of capitalised names (see `data/kb/spellings.tsv`), for
    /// finding them under other spellings.
    spellings: Spellings,
    sound_automaton: AhoCorasick,
    /// Postings by skeleton pattern id.
    sound_patterns: Vec<Vec<Posting>>,
    sound_by_key: HashMap<String, usize>,
    /// Postings by pattern id (one pattern per distinct folded alias).
    patterns: Vec<Vec<Posting>>,
    by_folded: HashMap<String, usize>,
    /// Folded demonym to the country actor it names.
    pub(crate) demonyms: HashMap<String, usize>,
    /// ISO alpha-3 code to its country actor.
    pub(crate) countries: HashMap<String, usize>,
    /// Person id to office indices.
    pub(crate) offices_by_person: HashMap<String, Vec<usize>>,
    /// (role, code or organisation id) to office indices, by start date.
    pub(crate) offices_by_role: HashMap<(String, String), Vec<usize>>,
    pub(crate) alias_count: usize,
}

/// Whether an actor is a country or territory (its `country` is its code).
pub(crate) fn is_country(facts: &Facts, i: usize) -> bool {
    let a = &facts.actors[i];
    a.kind_type == crate::ActorType::Loc
        && a.country.is_some()
        && matches!(
            a.kind.as_deref(),
            Some("state" | "territory" | "former_state")
        )
}

impl Index {
    /// Builds the index over `facts`.
    pub(crate) fn build(facts: &Facts) -> Result<Index, KbError> {
        let mut by_folded: HashMap<String, usize> = HashMap::new();
        let mut keys: Vec<String> = Vec::new();
        let mut patterns: Vec<Vec<Posting>> = Vec::new();
        let mut alias_count = 0;
        let mut post = |text: &str, posting: Posting| {
            let key = fold(text);
            if key.is_empty() {
                return;
            }
            let id = *by_folded.entry(key.clone()).or_insert_with(|| {
                keys.push(key);
                patterns.push(Vec::new());
                patterns.len() - 1
            });
            let list = &mut patterns[id];
            // one posting per actor and name: the first kind given wins
            // (a name that is also listed among the aliases stays a name);
            // a spelling given in lower case as well as capitalised
            // ("Royaume de Sarmance", "royaume de Sarmance") matches both
            match list.iter_mut().find(|p| p.target == posting.target) {
                Some(p) => {
                    if p.case == CaseRule::Capitalised && posting.case == CaseRule::Any {
                        p.case = CaseRule::Any;
                    }
                }
                None => list.push(posting),
            }
        };
        let mut countries = HashMap::new();
        for (i, actor) in facts.actors.iter().enumerate() {
            for alias in &actor.aliases {
                alias_count += 1;
                post(
                    &alias.text,
                    Posting {
                        target: Target::Actor(i),
                        kind: alias.kind,
                        case: CaseRule::of(alias.kind, &alias.text),
                    },
                );
            }
            match &actor.country {
                Some(code) if is_country(facts, i) => {
                    countries.entry(code.clone()).or_insert(i);
                }
                _ => {}
            }
        }
        for (i, role) in facts.roles.iter().enumerate() {
            post(
                &role.phrase,
                Posting {
                    target: Target::Role(i),
                    kind: AliasKind::Role,
                    case: CaseRule::Any,
                },
            );
        }
        // the same role named by a French and an English phrase that fold
        // alike ("président", "president") is one candidate, not two
        for list in &mut patterns {
            let mut seen: Vec<(&str, Option<&str>)> = Vec::new();
            list.retain(|p| match p.target {
                Target::Role(r) => {
                    let role = &facts.roles[r];
                    let key = (role.role.as_str(), role.country.as_deref());
                    let new = !seen.contains(&key);
                    seen.push(key);
                    new
                }
                Target::Actor(_) => true,
            });
        }
        let mut demonyms = HashMap::new();
        for (i, actor) in facts.actors.iter().enumerate() {
            if !is_country(facts, i) {
                continue;
            }
            // a state's demonym wins over a territory's ("américain" is the
            // United States', not the Northern Mariana Islands')
            let state = actor.kind.as_deref() == Some("state");
            for d in actor.aliases_of(AliasKind::Demonym) {
                let held = demonyms.entry(fold(d)).or_insert(i);
                if state && facts.actors[*held].kind.as_deref() != Some("state") {
                    *held = i;
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&keys)
            .map_err(|e| KbError::Index(e.to_string()))?;
        // capitalised names again, by skeleton: other spellings of them
        let spellings = Spellings::parse("data/kb/spellings.tsv", SPELLINGS)?;
        let mut sound_by_key: HashMap<String, usize> = HashMap::new();
        let mut sound_keys: Vec<String> = Vec::new();
        let mut sound_patterns: Vec<Vec<Posting>> = Vec::new();
        for (key, list) in keys.iter().zip(&patterns) {
            let names: Vec<Posting> = list
                .iter()
                .filter(|p| {
                    p.case == CaseRule::Capitalised
                        && matches!(p.target, Target::Actor(i) if facts.actors[i]
                            .country
                            .as_deref()
                            .is_some_and(|c| spellings.transliterated(c)))
                        && matches!(
                            p.kind,
                            AliasKind::Name | AliasKind::Alias | AliasKind::Surname
                        )
                })
                .copied()
                .collect();
            if names.is_empty() {
                continue;
            }
            let skeleton = spellings.skeleton(key).text;
            if skeleton.chars().filter(|c| c.is_alphabetic()).count() < MIN_SKELETON_LETTERS {
                continue;
            }
            let id = *sound_by_key.entry(skeleton.clone()).or_insert_with(|| {
                sound_keys.push(skeleton);
                sound_patterns.push(Vec::new());
                sound_patterns.len() - 1
            });
            for p in names {
                if !sound_patterns[id].iter().any(|q| q.target == p.target) {
                    sound_patterns[id].push(p);
                }
            }
        }
        let sound_automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&sound_keys)
            .map_err(|e| KbError::Index(e.to_string()))?;

        let code_of = |of: &str| -> String {
            match facts.by_id.get(of) {
                Some(&i) if is_country(facts, i) => facts.actors[i]
                    .country
                    .clone()
                    .unwrap_or_else(|| of.to_string()),
                _ => of.to_string(),
            }
        };
        let mut offices_by_person: HashMap<String, Vec<usize>> = HashMap::new();
        let mut offices_by_role: HashMap<(String, String), Vec<usize>> = HashMap::new();
        for (i, o) in facts.offices.iter().enumerate() {
            offices_by_person
                .entry(o.person.clone())
                .or_default()
                .push(i);
            if let Some(of) = &o.of {
                offices_by_role
                    .entry((o.role.clone(), code_of(of)))
                    .or_default()
                    .push(i);
            }
        }
        let start = |i: &usize| facts.offices[*i].from.map_or(0, |d| d.first_day());
        for list in offices_by_person.values_mut() {
            list.sort_by_key(start);
        }
        for list in offices_by_role.values_mut() {
            list.sort_by_key(start);
        }
        Ok(Index {
            automaton,
            spellings,
            sound_automaton,
            sound_patterns,
            sound_by_key,
            patterns,
            by_folded,
            demonyms,
            countries,
            offices_by_person,
            offices_by_role,
            alias_count,
        })
    }

    /// The number of distinct folded names and phrases in the automaton.
    pub(crate) fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// What a folded name leads to, whatever its case; failing that, what it
    /// leads to without a leading French article ("la Chine" as "Chine").
    pub(crate) fn postings(&self, name: &str) -> &[Posting] {
        let key = fold(name);
        let get = |k: &str| {
            self.by_folded
                .get(k)
                .and_then(|&i| self.patterns.get(i))
                .map_or(&[][..], Vec::as_slice)
        };
        let found = get(&key);
        if !found.is_empty() {
            return found;
        }
        let found = ["le ", "la ", "les ", "l'"]
            .iter()
            .find_map(|a| key.strip_prefix(a))
            .map_or(&[][..], get);
        if !found.is_empty() || !name.chars().next().is_some_and(char::is_uppercase) {
            return found;
        }
        // a capitalised name under another spelling
        self.sound_by_key
            .get(&self.spellings.skeleton(&key).text)
            .and_then(|&i| self.sound_patterns.get(i))
            .map_or(&[][..], Vec::as_slice)
    }

    /// Every alias match in `text` on word boundaries whose case fits,
    /// leftmost first, longest where they overlap; spans are bytes of `text`.
    pub(crate) fn find(&self, text: &str) -> Vec<RawMatch> {
        let folded = Folded::new(text);
        let mut found: Vec<RawMatch> = Vec::new();
        // one match of an automaton, at a folded span, with its postings
        // (a skeleton match where a name was found as written is left out)
        let keep = |found: &mut Vec<RawMatch>,
                    (fs, fe): (usize, usize),
                    list: Option<&Vec<Posting>>,
                    sound: bool| {
            if !folded.on_word_boundaries(fs, fe) {
                return;
            }
            let (start, end) = folded.original_span(fs, fe);
            if sound && found.iter().any(|f| f.start == start && f.end == end) {
                return;
            }
            let original = text.get(start..end).unwrap_or("");
            let postings: Vec<Posting> = list
                .map(|list| {
                    list.iter()
                        .filter(|p| p.case.accepts(original))
                        .copied()
                        .collect()
                })
                .unwrap_or_default();
            if !postings.is_empty() {
                found.push(RawMatch {
                    start,
                    end,
                    postings,
                });
            }
        };
        for m in self.automaton.find_overlapping_iter(folded.as_str()) {
            keep(
                &mut found,
                (m.start(), m.end()),
                self.patterns.get(m.pattern().as_usize()),
                false,
            );
        }
        // the same names under other spellings, where no name is found as
        // written at that span
        let skeleton = self.spellings.skeleton(folded.as_str());
        for m in self
            .sound_automaton
            .find_overlapping_iter(skeleton.text.as_str())
        {
            keep(
                &mut found,
                skeleton.folded_span(m.start(), m.end()),
                self.sound_patterns.get(m.pattern().as_usize()),
                true,
            );
        }
        found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut chosen: Vec<RawMatch> = Vec::new();
        let mut reached = 0;
        for m in found {
            if m.start >= reached {
                reached = m.end;
                chosen.push(m);
            }
        }
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_rules() {
        let otsc = CaseRule::of(AliasKind::Acronym, "OTSC");
        assert!(otsc.accepts("OTSC"));
        assert!(!otsc.accepts("Otsc"));
        assert!(CaseRule::of(AliasKind::Acronym, "U.E.").accepts("U.E."));
        assert!(!CaseRule::of(AliasKind::Acronym, "UA").accepts("Ua"));
        let dod = CaseRule::of(AliasKind::Acronym, "DoD");
        assert!(dod.accepts("DoD") && dod.accepts("DOD") && !dod.accepts("dod"));
        assert!(CaseRule::Capitalised.accepts("Borne"));
        assert!(!CaseRule::Capitalised.accepts("borne"));
        assert!(CaseRule::Any.accepts("au"));
        let reunion = CaseRule::of(AliasKind::Name, "Réunion");
        assert!(reunion.accepts("Réunion") && !reunion.accepts("réunion"));
        assert_eq!(CaseRule::of(AliasKind::Demonym, "chinois"), CaseRule::Any);
    }

    #[test]
    fn a_name_given_in_both_cases_matches_both() {
        let table = "id\tname\ttype\taliases\nX\tRoyaume de Sarmance\tLOC\troyaume de Sarmance\n";
        let kb = crate::KnowledgeBase::from_tables(&[("t.tsv", table)]);
        let kb = match kb {
            Ok(kb) => kb,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(kb.find("le royaume de Sarmance").len(), 1);
        assert_eq!(kb.find("Le Royaume de Sarmance").len(), 1);
        let only_capital = "id\tname\ttype\nR\tRéunion\tLOC\n";
        let kb = crate::KnowledgeBase::from_tables(&[("t.tsv", only_capital)]);
        assert!(kb.is_ok_and(|kb| kb.find("une réunion").is_empty()));
    }

    #[test]
    fn transliterated_names_are_found_under_other_spellings() {
        let sp = match Spellings::parse("spellings.tsv", SPELLINGS) {
            Ok(sp) => sp,
            Err(e) => panic!("{e}"),
        };
        for group in [
            ["Berdimoukhamedov", "Berdymukhamedov", "Berdimuhamedow"],
            ["Tokaïev", "Tokayev", "Tokaev"],
            ["Mirzioïev", "Mirziyoyev", "Mirziioev"],
            ["Chavkat", "Shavkat", "Schavkat"],
            ["Djaparov", "Japarov", "Zhaparov"],
        ] {
            let skeletons: Vec<String> = group.iter().map(|n| sp.reduce(n)).collect();
            assert!(
                skeletons.iter().all(|s| *s == skeletons[0]),
                "{group:?}: {skeletons:?}"
            );
        }
        // Roman numerals keep their letters: Charles II is not Charles III
        assert_ne!(sp.reduce("Charles II"), sp.reduce("Charles III"));
        let kb = match crate::KnowledgeBase::builtin() {
            Ok(kb) => kb,
            Err(e) => panic!("{e}"),
        };
        let found = |text: &str| -> Vec<String> {
            kb.find(text)
                .iter()
                .flat_map(|m| &m.candidates)
                .filter_map(|c| match c {
                    crate::Candidate::Actor { actor, .. } => Some(actor.name().to_string()),
                    crate::Candidate::Role(_) => None,
                })
                .collect()
        };
        let text = "Le président Serdar Berdimoukhamedov a reçu Emomali Rakhmon.";
        let names = found(text);
        assert!(
            names.contains(&"Serdar Berdimuhamedow".to_string()),
            "{names:?}"
        );
        assert!(names.contains(&"Emomali Rahmon".to_string()), "{names:?}");
        // a name from a country written in the Latin alphabet is found only as written
        let t = "Le pasteur Barak Obama";
        assert!(
            kb.find(t)
                .iter()
                .all(|m| &t[m.start..m.end] != "Barak Obama")
        );
        // the way back from a skeleton match gives the text as written
        let spans: Vec<&str> = kb
            .find(text)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect();
        assert!(spans.contains(&"Serdar Berdimoukhamedov"), "{spans:?}");
        assert!(spans.contains(&"Emomali Rakhmon"), "{spans:?}");
    }
}
