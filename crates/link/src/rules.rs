//! The word lists of the link stage, read from `data/lang/fr/link.toml`: what
//! titles, role nouns, counterparts, place prepositions, group nouns and
//! body roles look like, and which capitalised words are not names.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::LinkError;
use crate::words::{Compare, PhraseList};

/// The French lists, built into the binary.
const FRENCH: &str = include_str!("../../../data/lang/fr/link.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    language: String,
    titles: Titles,
    places: Places,
    organisations: Organisations,
    groups: Groups,
    bodies: HashMap<String, Vec<String>>,
    people: People,
    names: Names,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Titles {
    person: Vec<String>,
    role_nouns: Vec<String>,
    counterpart: Vec<String>,
    former: Vec<String>,
    indefinite: Vec<String>,
    definite: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Places {
    prepositions: Vec<String>,
    nouns_before_de: Vec<String>,
    street_nouns: Vec<String>,
    #[serde(default)]
    host_kinds: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Organisations {
    name_words: Vec<String>,
    nouns_before: Vec<String>,
    adjectives: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Groups {
    nouns: Vec<String>,
    ethnic_kinds: Vec<String>,
    need_capital_kinds: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct People {
    role_order: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Names {
    particles: Vec<String>,
    capital_particles: Vec<String>,
    not_names: Vec<String>,
    institution_heads: Vec<String>,
    max_words: usize,
}

/// The rules of one language, ready to use.
#[derive(Debug, Clone)]
pub struct Rules {
    language: String,
    pub(crate) person_titles: PhraseList,
    pub(crate) role_nouns: PhraseList,
    pub(crate) counterpart: PhraseList,
    pub(crate) former: PhraseList,
    pub(crate) indefinite: PhraseList,
    pub(crate) definite: PhraseList,
    pub(crate) place_prepositions: PhraseList,
    pub(crate) place_nouns: PhraseList,
    pub(crate) street_nouns: PhraseList,
    pub(crate) host_kinds: Vec<String>,
    pub(crate) org_name_words: PhraseList,
    pub(crate) org_nouns: PhraseList,
    pub(crate) org_adjectives: PhraseList,
    pub(crate) group_nouns: PhraseList,
    pub(crate) ethnic_kinds: Vec<String>,
    pub(crate) need_capital_kinds: Vec<String>,
    pub(crate) bodies: HashMap<String, Vec<String>>,
    pub(crate) role_order: Vec<String>,
    pub(crate) particles: PhraseList,
    pub(crate) capital_particles: PhraseList,
    pub(crate) not_names: PhraseList,
    pub(crate) institution_heads: PhraseList,
    pub(crate) max_words: usize,
}

impl Rules {
    /// The French rules built into the binary.
    pub fn french() -> Result<Rules, LinkError> {
        Rules::from_toml("data/lang/fr/link.toml", FRENCH)
    }

    /// Rules read from a file in the format of `data/lang/fr/link.toml`.
    pub fn from_file(path: &Path) -> Result<Rules, LinkError> {
        let text = std::fs::read_to_string(path).map_err(|source| LinkError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Rules::from_toml(&path.display().to_string(), &text)
    }

    /// Rules from TOML text; `name` names it in errors.
    pub fn from_toml(name: &str, text: &str) -> Result<Rules, LinkError> {
        let f: File = toml::from_str(text).map_err(|e| LinkError::Format {
            path: name.to_string(),
            message: e.to_string(),
        })?;
        if f.names.max_words == 0 {
            return Err(LinkError::Format {
                path: name.to_string(),
                message: "names.max_words must be at least 1".to_string(),
            });
        }
        let folded = |v: &[String]| PhraseList::new(v, Compare::Folded);
        Ok(Rules {
            language: f.language,
            person_titles: folded(&f.titles.person),
            role_nouns: folded(&f.titles.role_nouns),
            counterpart: folded(&f.titles.counterpart),
            former: folded(&f.titles.former),
            indefinite: folded(&f.titles.indefinite),
            definite: folded(&f.titles.definite),
            place_prepositions: PhraseList::new(&f.places.prepositions, Compare::Lower),
            place_nouns: folded(&f.places.nouns_before_de),
            street_nouns: folded(&f.places.street_nouns),
            host_kinds: f.places.host_kinds,
            org_name_words: folded(&f.organisations.name_words),
            org_nouns: folded(&f.organisations.nouns_before),
            org_adjectives: folded(&f.organisations.adjectives),
            group_nouns: folded(&f.groups.nouns),
            ethnic_kinds: f.groups.ethnic_kinds,
            need_capital_kinds: f.groups.need_capital_kinds,
            bodies: f.bodies,
            role_order: f.people.role_order,
            particles: folded(&f.names.particles),
            capital_particles: folded(&f.names.capital_particles),
            not_names: folded(&f.names.not_names),
            institution_heads: folded(&f.names.institution_heads),
            max_words: f.names.max_words,
        })
    }

    /// The ISO 639-1 code of the language the rules are for.
    pub fn language(&self) -> &str {
        &self.language
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_rules_load() {
        let r = match Rules::french() {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(r.language(), "fr");
        assert!(r.person_titles.contains("M."));
        assert!(r.counterpart.contains("homologue"));
        assert!(r.place_prepositions.contains("à"));
        assert!(!r.place_prepositions.contains("a"));
        assert!(r.not_names.contains("Mardi"));
        assert_eq!(
            r.bodies.get("government").map(Vec::as_slice),
            Some(&["country".to_string()][..])
        );
    }

    #[test]
    fn bad_files_say_where() {
        let e = Rules::from_toml("x.toml", "language = 3").err();
        assert!(e.is_some_and(|e| e.to_string().starts_with("x.toml: ")));
    }
}
