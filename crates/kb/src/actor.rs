//! Actors: the countries, places, organisations, people and groups the base
//! knows, with every name they go by.

use std::collections::BTreeMap;

/// The entity type of an actor, as the record's `entities[].type` says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorType {
    /// A person.
    Per,
    /// An organisation: state body, international organisation, media, party,
    /// armed group.
    Org,
    /// A place: country, territory, city, region, base.
    Loc,
    /// Anything else: ethnic and religious groups, programmes.
    Misc,
}

impl ActorType {
    /// Reads `PER`, `ORG`, `LOC` or `MISC`.
    pub fn parse(s: &str) -> Option<ActorType> {
        match s {
            "PER" => Some(ActorType::Per),
            "ORG" => Some(ActorType::Org),
            "LOC" => Some(ActorType::Loc),
            "MISC" => Some(ActorType::Misc),
            _ => None,
        }
    }

    /// `PER`, `ORG`, `LOC` or `MISC`.
    pub fn as_str(&self) -> &'static str {
        match self {
            ActorType::Per => "PER",
            ActorType::Org => "ORG",
            ActorType::Loc => "LOC",
            ActorType::Misc => "MISC",
        }
    }
}

/// What kind of name an alias is, which tells the linker how to read a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AliasKind {
    /// The canonical or the French name.
    Name,
    /// Another name or spelling: official name, former name, transliteration.
    Alias,
    /// An acronym ("OTSC", "CSTO"); matched only in capitals.
    Acronym,
    /// A demonym or nationality adjective ("chinoise", "Kazakh"): gives a
    /// country, or the group it names.
    Demonym,
    /// A name that stands for the actor: a capital or seat of power for its
    /// government ("Pékin", "le Kremlin").
    Metonym,
    /// A person's surname alone ("Tokaïev", "Xi"); matched only capitalised.
    Surname,
    /// A role phrase ("ministre des Affaires étrangères"): not an actor, see
    /// [`crate::RolePhrase`].
    Role,
}

impl AliasKind {
    /// A short lower-case label: `name`, `alias`, `acronym`, `demonym`,
    /// `metonym`, `surname`, `role`.
    pub fn as_str(&self) -> &'static str {
        match self {
            AliasKind::Name => "name",
            AliasKind::Alias => "alias",
            AliasKind::Acronym => "acronym",
            AliasKind::Demonym => "demonym",
            AliasKind::Metonym => "metonym",
            AliasKind::Surname => "surname",
            AliasKind::Role => "role",
        }
    }
}

/// One name of an actor, as written in its table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    pub(crate) text: String,
    pub(crate) kind: AliasKind,
}

impl Alias {
    /// The name as written in the table.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// What kind of name it is.
    pub fn kind(&self) -> AliasKind {
        self.kind
    }
}

/// Where a fact was read: the table's name and the line, counting from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub(crate) file: String,
    pub(crate) line: usize,
}

impl Source {
    /// The table, as it was named when loaded (`data/kb/people.tsv`, or the
    /// path given to [`crate::KnowledgeBase::add_file`]).
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The line, counting from 1.
    pub fn line(&self) -> usize {
        self.line
    }
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// An actor of the knowledge base.
#[derive(Debug, Clone)]
pub struct Actor {
    pub(crate) id: String,
    pub(crate) qid: Option<String>,
    pub(crate) name: String,
    pub(crate) name_fr: Option<String>,
    pub(crate) kind_type: ActorType,
    pub(crate) kind: Option<String>,
    pub(crate) country: Option<String>,
    pub(crate) aliases: Vec<Alias>,
    pub(crate) flags: Vec<String>,
    pub(crate) notes: BTreeMap<String, String>,
    pub(crate) source: Source,
}

impl Actor {
    /// The base's id: ISO 3166-1 alpha-3 for countries (`KAZ`), else a
    /// readable slug (`P-XI-JINPING`, `O-SCO`, `X-VAL` for the examples).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The Wikidata id (`Q148`), where the tables know it for sure.
    pub fn qid(&self) -> Option<&str> {
        self.qid.as_deref()
    }

    /// The id for the record's `entities[].id`: the Wikidata id where known,
    /// else the base's id.
    pub fn record_id(&self) -> &str {
        self.qid.as_deref().unwrap_or(&self.id)
    }

    /// The canonical name: English or the usual international form.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The French name, where it differs from or adds to the canonical one.
    pub fn name_fr(&self) -> Option<&str> {
        self.name_fr.as_deref()
    }

    /// PER, ORG, LOC or MISC.
    pub fn actor_type(&self) -> ActorType {
        self.kind_type
    }

    /// A finer kind, free text from the tables: `state`, `territory`, `city`,
    /// `igo`, `ministry`, `news_agency`, `ethnic_group`…
    pub fn kind(&self) -> Option<&str> {
        self.kind.as_deref()
    }

    /// The ISO 3166-1 alpha-3 code of the country the actor belongs to (its
    /// own code for a country).
    pub fn country(&self) -> Option<&str> {
        self.country.as_deref()
    }

    /// Every name, canonical and French names first.
    pub fn aliases(&self) -> &[Alias] {
        &self.aliases
    }

    /// The names of one kind.
    pub fn aliases_of(&self, kind: AliasKind) -> impl Iterator<Item = &str> {
        self.aliases
            .iter()
            .filter(move |a| a.kind == kind)
            .map(|a| a.text.as_str())
    }

    /// Flags such as `state_controlled`.
    pub fn flags(&self) -> &[String] {
        &self.flags
    }

    /// Whether the actor has `flag`.
    pub fn has_flag(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f == flag)
    }

    /// Whether the tables mark it as controlled by a state (state media).
    pub fn state_controlled(&self) -> bool {
        self.has_flag("state_controlled")
    }

    /// Other facts from the `notes` column, `key=value` pairs: `iso2`,
    /// `capital`, `capital_of`, `desc`, `members`…
    pub fn notes(&self) -> &BTreeMap<String, String> {
        &self.notes
    }

    /// One note by key.
    pub fn note(&self, key: &str) -> Option<&str> {
        self.notes.get(key).map(String::as_str)
    }

    /// Where the actor's row is.
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// Adds a name unless the actor has it already (same text, same kind).
    pub(crate) fn push_alias(&mut self, text: &str, kind: AliasKind) {
        let text = text.trim();
        if text.is_empty()
            || self
                .aliases
                .iter()
                .any(|a| a.text == text && a.kind == kind)
        {
            return;
        }
        self.aliases.push(Alias {
            text: text.to_string(),
            kind,
        });
    }
}
