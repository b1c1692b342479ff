//! Who the actors of a document are for event coding: what each entity is
//! (a country, a place, a person, a state body, an organisation, a group),
//! whom a person or a state body acts for, and the [`Actor`] an event names.
//!
//! events.md codes a person with the country or organisation they act for at
//! the article's date (Xi Jinping → China), and a ministry with its country.
//! The event's actor then carries that country's or organisation's name and
//! code, and keeps in `entity` the mention the text gave (the person).

use std::collections::HashMap;
use std::ops::Range;

use chronicle_kb::{AliasKind, KnowledgeBase, fold};
use chronicle_model::{Actor, Document};

use crate::lexicon::Lexicon;

/// An actor a mention stands for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Who {
    /// An entity of the document.
    Entity(usize),
    /// A country the document names only by an adjective (ISO alpha-3).
    Country(String),
    /// A collective actor of the lexicon (the international community).
    Collective(usize),
    /// A bloc of the knowledge base (the West) the document names only by an
    /// adjective ("sanctions occidentales"): its actor id.
    Bloc(String),
}

/// How sure a mention is to name an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Strength {
    /// An adjective or a collective phrase.
    Weak,
    /// An entity the link stage found.
    Strong,
}

/// An actor mention on the words of the document.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// Its words.
    pub words: Range<usize>,
    /// Whom it names.
    pub who: Who,
    /// How sure.
    pub strength: Strength,
}

/// What an entity is, for coding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sort {
    /// A country or territory.
    Country,
    /// A city, region or other place.
    Place,
    /// A person.
    Person,
    /// A ministry, presidency, army or other body of a state.
    StateBody,
    /// An international, non-governmental or media organisation.
    Org,
    /// An ethnic or religious group, or anything else.
    Group,
    /// A thing the base names (a pipeline, a canal, a corridor): no actor.
    Thing,
}

/// Whom an entity acts for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Acting {
    /// A country (ISO alpha-3).
    Country(String),
    /// An organisation of the knowledge base: its name and id.
    Org { name: String, id: String },
}

/// The knowledge base's kind for a group of states that acts as one (the
/// West): an actor of its own, neither a place nor a state body.
const BLOC: &str = "bloc";

/// Kinds of organisations that do not act for their country.
/// The kinds of the knowledge base's news outlets.
const OUTLETS: [&str; 5] = [
    "news_agency",
    "broadcaster",
    "newspaper",
    "news_site",
    "media_group",
];

const NOT_STATE: [&str; 10] = [
    "news_agency",
    "broadcaster",
    "newspaper",
    "news_site",
    "media_group",
    "ngo",
    "party",
    "igo",
    "igo_body",
    "forum",
];

/// The actors of one document.
#[derive(Debug)]
pub(crate) struct Cast<'a> {
    kb: &'a KnowledgeBase,
    lex: &'a Lexicon,
    doc: &'a Document,
    sorts: Vec<Sort>,
    /// Entities that name a bloc (the West): weak, like a collective phrase.
    blocs: Vec<bool>,
    acting: Vec<Option<Acting>>,
    /// Persons who hold an office on the document's date.
    officials: Vec<bool>,
    countries: HashMap<String, usize>,
}

impl<'a> Cast<'a> {
    /// Sorts the entities of `doc` with what `kb` knows of them.
    pub fn new(doc: &'a Document, kb: &'a KnowledgeBase, lex: &'a Lexicon) -> Cast<'a> {
        let date = doc.published.as_ref().map(|p| p.value.clone());
        let mut sorts = Vec::with_capacity(doc.entities.len());
        let mut blocs = Vec::with_capacity(doc.entities.len());
        let mut acting = Vec::with_capacity(doc.entities.len());
        let mut officials = Vec::with_capacity(doc.entities.len());
        let mut countries = HashMap::new();
        for (i, e) in doc.entities.iter().enumerate() {
            let known = e.id.as_deref().and_then(|id| kb.actor(id));
            let bloc = known.and_then(|k| k.kind()) == Some(BLOC);
            blocs.push(bloc);
            let is_country = e.country.as_deref().is_some_and(|c| {
                kb.country(c).is_some_and(|k| {
                    Some(k.record_id()) == e.id.as_deref() || Some(k.id()) == e.id.as_deref()
                })
            });
            let thing = known
                .and_then(|k| k.kind())
                .is_some_and(|k| lex.words.things.contains(k));
            let sort = match e.kind.as_str() {
                _ if bloc => Sort::Group,
                _ if thing => Sort::Thing,
                "PER" => Sort::Person,
                "LOC" if is_country => Sort::Country,
                "LOC" => Sort::Place,
                "ORG" => {
                    let kind = known.and_then(|k| k.kind()).unwrap_or("");
                    if e.country.is_some() && !NOT_STATE.contains(&kind) {
                        Sort::StateBody
                    } else {
                        Sort::Org
                    }
                }
                _ => Sort::Group,
            };
            if sort == Sort::Country
                && let Some(c) = &e.country
            {
                countries.entry(c.clone()).or_insert(i);
            }
            let mut official = false;
            let act = match sort {
                Sort::Person => {
                    let office = known.and_then(|k| {
                        person_acts_for(kb, k.id(), date.as_deref())
                            .or_else(|| org_named_with(kb, doc, k.id(), date.as_deref()))
                    });
                    official = office.is_some();
                    office
                        .or_else(|| e.country.clone().map(Acting::Country))
                        .or_else(|| namesake_country(doc, i).map(Acting::Country))
                }
                Sort::StateBody | Sort::Place => e.country.clone().map(Acting::Country),
                _ => None,
            };
            sorts.push(sort);
            acting.push(act);
            officials.push(official);
        }
        Cast {
            kb,
            lex,
            doc,
            sorts,
            blocs,
            acting,
            officials,
            countries,
        }
    }

    /// The lexicon the document is read with.
    pub fn lexicon(&self) -> &'a Lexicon {
        self.lex
    }

    /// What entity `e` is.
    pub fn sort(&self, e: usize) -> Sort {
        self.sorts.get(e).copied().unwrap_or(Sort::Group)
    }

    /// How sure a mention of entity `e` is: a bloc ("certains pays
    /// occidentaux, dont les États-Unis") is weak, so that a known actor in
    /// apposition wins.
    pub fn strength(&self, e: usize) -> Strength {
        if self.blocs.get(e).copied().unwrap_or(false) {
            Strength::Weak
        } else {
            Strength::Strong
        }
    }

    /// The country a nationality adjective names.
    pub fn demonym(&self, word: &str) -> Option<&'a str> {
        self.kb.demonym(word)
    }

    /// The bloc of the knowledge base an adjective names ("occidentales" →
    /// the West): the document's entity for it when there is one.
    pub fn bloc_who(&self, word: &str) -> Option<Who> {
        let bloc = self.kb.lookup(word).into_iter().find(|a| {
            a.kind() == Some(BLOC)
                && a.aliases_of(AliasKind::Demonym)
                    .any(|d| fold::fold(d) == fold::fold(word))
        })?;
        let entity = self.doc.entities.iter().position(|e| {
            e.id.as_deref() == Some(bloc.record_id()) || e.id.as_deref() == Some(bloc.id())
        });
        Some(match entity {
            Some(e) => Who::Entity(e),
            None => Who::Bloc(bloc.id().to_string()),
        })
    }

    /// The document's entity for a country, else the bare code.
    pub fn country_who(&self, code: &str) -> Who {
        match self.countries.get(code) {
            Some(&e) => Who::Entity(e),
            None => Who::Country(code.to_string()),
        }
    }

    /// Whether `who` is a place that is not a country (a city, a region).
    pub fn is_place(&self, who: &Who) -> bool {
        matches!(who, Who::Entity(e) if self.sort(*e) == Sort::Place)
    }

    /// Whether `who` is a news outlet the knowledge base knows (an agency,
    /// a newspaper, a news site): it reports and comments, it does not act.
    pub fn is_outlet(&self, who: &Who) -> bool {
        let Who::Entity(e) = who else {
            return false;
        };
        self.doc
            .entities
            .get(*e)
            .and_then(|x| x.id.as_deref())
            .and_then(|id| self.kb.actor(id))
            .and_then(|k| k.kind())
            .is_some_and(|k| OUTLETS.contains(&k))
    }

    /// Whether `who` is a place that stands for its country's government
    /// (a capital: "imposées à Moscou", "Bruxelles reproche").
    pub fn is_metonym(&self, who: &Who) -> bool {
        let Who::Entity(e) = who else {
            return false;
        };
        let Some(entity) = self.doc.entities.get(*e) else {
            return false;
        };
        let Some(country) = entity.country.as_deref().and_then(|c| self.kb.country(c)) else {
            return false;
        };
        let names: Vec<String> = country
            .aliases_of(AliasKind::Metonym)
            .map(fold::fold)
            .collect();
        std::iter::once(entity.name.as_str())
            .chain(entity.mentions.iter().map(|m| m.text.as_str()))
            .any(|n| names.contains(&fold::fold(n)))
    }

    /// The names the knowledge base gives the country of `who` (its name
    /// and other names, not demonyms): "Kirghizstan" for an entity the
    /// text only named "Bichkek".
    pub fn country_names(&self, who: &Who) -> Vec<String> {
        let Some(code) = self.country(who) else {
            return Vec::new();
        };
        let Some(country) = self.kb.country(&code) else {
            return Vec::new();
        };
        country
            .aliases_of(AliasKind::Name)
            .chain(country.aliases_of(AliasKind::Alias))
            .map(str::to_string)
            .collect()
    }

    /// Whether `who` is a country.
    pub fn is_country(&self, who: &Who) -> bool {
        match who {
            Who::Entity(e) => self.sort(*e) == Sort::Country,
            Who::Country(_) => true,
            Who::Collective(_) | Who::Bloc(_) => false,
        }
    }

    /// Whether `who` is a person.
    pub fn is_person(&self, who: &Who) -> bool {
        matches!(who, Who::Entity(e) if self.sort(*e) == Sort::Person)
    }

    /// Whether `who` is a state that no longer exists (the Soviet Union).
    pub fn is_former_state(&self, who: &Who) -> bool {
        let known = match who {
            Who::Entity(e) => self
                .doc
                .entities
                .get(*e)
                .and_then(|x| x.id.as_deref())
                .and_then(|id| self.kb.actor(id)),
            Who::Country(c) => self.kb.country(c),
            Who::Collective(_) | Who::Bloc(_) => None,
        };
        known.and_then(|k| k.kind()) == Some("former_state")
    }

    /// The country `who` belongs to or acts for.
    pub fn country(&self, who: &Who) -> Option<String> {
        match who {
            Who::Entity(e) => match self.acting.get(*e).cloned().flatten() {
                Some(Acting::Country(c)) => Some(c),
                Some(Acting::Org { .. }) => None,
                None => self.doc.entities.get(*e).and_then(|x| x.country.clone()),
            },
            Who::Country(c) => Some(c.clone()),
            Who::Collective(_) | Who::Bloc(_) => None,
        }
    }

    /// A key that two mentions of the same coded actor share: the country
    /// code of a state actor, the id or name of anyone else.
    pub fn key(&self, who: &Who) -> String {
        match who {
            Who::Entity(e) => {
                let entity = self.doc.entities.get(*e);
                match (self.sort(*e), self.acting.get(*e).cloned().flatten()) {
                    (Sort::Country, _) => entity
                        .and_then(|x| x.country.clone())
                        .unwrap_or_else(|| format!("#{e}")),
                    (_, Some(Acting::Country(c))) => c,
                    (_, Some(Acting::Org { id, .. })) => id,
                    _ => entity
                        .and_then(|x| x.id.clone())
                        .unwrap_or_else(|| format!("#{e}")),
                }
            }
            Who::Country(c) => c.clone(),
            Who::Collective(i) => format!("@{i}"),
            Who::Bloc(id) => id.clone(),
        }
    }

    /// Whether `who` is a person acting for no state or organisation on the
    /// document's date (a journalist, an opponent).
    pub fn is_private_person(&self, who: &Who) -> bool {
        matches!(who, Who::Entity(e) if self.sort(*e) == Sort::Person
            && !self.officials.get(*e).copied().unwrap_or(false))
    }

    /// The key of `who` taken as itself, not as whom it acts for (the person
    /// arrested, not their state).
    pub fn own_key(&self, who: &Who) -> String {
        match who {
            Who::Entity(e) if self.sort(*e) == Sort::Person => self
                .doc
                .entities
                .get(*e)
                .and_then(|x| x.id.clone())
                .unwrap_or_else(|| format!("#{e}")),
            _ => self.key(who),
        }
    }

    /// The name of a country code: the document's entity, else the base's.
    fn country_name(&self, code: &str) -> String {
        if let Some(e) = self
            .countries
            .get(code)
            .and_then(|&e| self.doc.entities.get(e))
        {
            return e.name.clone();
        }
        self.kb
            .country(code)
            .map(|k| k.name().to_string())
            .unwrap_or_else(|| code.to_string())
    }

    /// The actor of an event for `who`. `as_itself` keeps a person as the
    /// person (the one arrested) rather than the state they serve.
    pub fn actor(&self, who: &Who, as_itself: bool) -> Actor {
        match who {
            Who::Entity(e) => {
                let entity = self.doc.entities.get(*e);
                let own = || Actor {
                    name: entity.map(|x| x.name.clone()).unwrap_or_default(),
                    entity: Some(*e),
                    country: entity.and_then(|x| x.country.clone()),
                };
                if as_itself {
                    return own();
                }
                match self.acting.get(*e).cloned().flatten() {
                    Some(Acting::Country(c)) => Actor {
                        name: self.country_name(&c),
                        entity: Some(*e),
                        country: Some(c),
                    },
                    Some(Acting::Org { name, id }) => {
                        let org = self
                            .doc
                            .entities
                            .iter()
                            .find(|x| x.id.as_deref() == Some(id.as_str()));
                        Actor {
                            name: org.map(|o| o.name.clone()).unwrap_or(name),
                            entity: Some(*e),
                            country: None,
                        }
                    }
                    None => own(),
                }
            }
            Who::Country(c) => Actor {
                name: self.country_name(c),
                entity: None,
                country: Some(c.clone()),
            },
            Who::Collective(i) => Actor {
                name: self
                    .lex
                    .collectives
                    .get(*i)
                    .map(|c| c.name.clone())
                    .unwrap_or_default(),
                entity: None,
                country: None,
            },
            Who::Bloc(id) => Actor {
                name: self
                    .kb
                    .actor(id)
                    .map(|a| a.name().to_string())
                    .unwrap_or_else(|| id.clone()),
                entity: None,
                country: None,
            },
        }
    }

    /// The place `who` names, as an event's location.
    pub fn place(&self, who: &Who) -> Actor {
        self.actor(who, true)
    }
}

/// The country of the people of the document a lone surname may stand for
/// ("M. Berdimoukhamedov" after "Serdar Berdimoukhamedov"), where every one
/// of them the text places has the same.
fn namesake_country(doc: &Document, e: usize) -> Option<String> {
    let entity = doc.entities.get(e)?;
    if entity.id.is_some() || entity.name.split_whitespace().count() != 1 {
        return None;
    }
    let surname = entity.name.to_lowercase();
    let mut found: Option<&str> = None;
    for (j, x) in doc.entities.iter().enumerate() {
        let same = j != e
            && x.kind == "PER"
            && x.name.split_whitespace().count() > 1
            && x.name
                .split_whitespace()
                .last()
                .is_some_and(|w| w.to_lowercase() == surname);
        let Some(c) = x.country.as_deref().filter(|_| same) else {
            continue;
        };
        match found {
            Some(f) if f != c => return None,
            _ => found = Some(c),
        }
    }
    found.map(str::to_string)
}

/// With no date to read offices at, an organisation the person served that
/// the document also names ("la haute-commissaire Michelle Bachelet … le
/// Haut-Commissariat"): whom the person most likely acts for here.
fn org_named_with(
    kb: &KnowledgeBase,
    doc: &Document,
    person: &str,
    date: Option<&str>,
) -> Option<Acting> {
    if date.is_some() {
        return None;
    }
    kb.roles_of(person).iter().find_map(|o| {
        let of = o.of()?;
        if kb.country(of).is_some() {
            return None;
        }
        let org = kb.actor(of)?;
        let named = doc
            .entities
            .iter()
            .any(|e| e.id.as_deref() == Some(org.record_id()) || e.id.as_deref() == Some(org.id()));
        named.then(|| Acting::Org {
            name: org.name().to_string(),
            id: org.record_id().to_string(),
        })
    })
}

/// Whom a person acts for on `date`: an organisation they serve, else the
/// country of an office they hold; `None` when the base knows no office then.
fn person_acts_for(kb: &KnowledgeBase, person: &str, date: Option<&str>) -> Option<Acting> {
    let offices = kb.roles_of(person);
    let current: Vec<_> = match date {
        Some(d) => offices.iter().filter(|o| o.covers(d)).collect(),
        None => offices.iter().filter(|o| o.to().is_none()).collect(),
    };
    let mut country = None;
    for o in current {
        let Some(of) = o.of() else { continue };
        if kb.country(of).is_some() {
            country.get_or_insert_with(|| of.to_string());
        } else if let Some(org) = kb.actor(of) {
            return Some(Acting::Org {
                name: org.name().to_string(),
                id: org.record_id().to_string(),
            });
        }
    }
    country.map(Acting::Country)
}
