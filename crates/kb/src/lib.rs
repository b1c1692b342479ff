//! The knowledge base: who the actors are and every name they go by.
//!
//! Analysts ask about actors, not strings: "everything China said about
//! Kazakhstan" must find *Pékin*, *la Chine*, *le gouvernement chinois*, *Xi
//! Jinping* and *le ministre chinois des Affaires étrangères*. This crate holds
//! the facts that make that possible — countries and territories with their
//! French and English names, demonyms and capitals, international
//! organisations, state bodies and media, ethnic and religious groups, and the
//! people who held office, with dates — and an index to find them in text.
//!
//! It is a read-only resource of the `link` stage (after `analyse`, before
//! `time`): [`KnowledgeBase::find`] gives the alias matches in a sentence with
//! their candidate actors, and [`KnowledgeBase::holder`] and
//! [`KnowledgeBase::title`] say who "le président kazakh" was on the article's
//! date, or [`KnowledgeBase::vacant`] that the office was empty then.
//! Choosing one candidate per mention is the linker's job, not this
//! crate's. The `chronicle actors NAME` command shows what the base knows.
//!
//! The facts are data, not code: the TSV tables of `data/kb/` (their columns in
//! `data/kb/README.md`, their sources and licences in `data/kb/NOTICE`), built
//! into the binary, or read from a directory, plus any user tables in the same
//! format (`examples/actors.tsv`). The base is built once and shared by every
//! thread.

mod actor;
mod builtin;
mod date;
mod error;
pub mod fold;
mod index;
mod load;
mod office;
mod role;
mod table;
mod vacancy;

use std::collections::HashSet;
use std::path::Path;

pub use actor::{Actor, ActorType, Alias, AliasKind, Source};
pub use builtin::TABLES;
pub use error::KbError;
pub use office::Office;
pub use role::RolePhrase;
pub use vacancy::Vacancy;

use date::Date;
use index::{Index, Target};
use load::Facts;

/// The knowledge base: the facts of the tables and the index over them.
/// Built once, read-only after that, shared by every thread.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    facts: Facts,
    index: Index,
}

/// A name found in a text, on word boundaries, with everything it may stand
/// for. Spans are byte offsets into the text given to [`KnowledgeBase::find`].
#[derive(Debug, Clone)]
pub struct AliasMatch<'kb> {
    /// Where the name starts.
    pub start: usize,
    /// Where the name ends (exclusive).
    pub end: usize,
    /// What it may stand for: actors (with the kind of name it is for each)
    /// and role phrases.
    pub candidates: Vec<Candidate<'kb>>,
}

/// One thing a matched name may stand for.
#[derive(Debug, Clone, Copy)]
pub enum Candidate<'kb> {
    /// An actor, and the kind of name the match is for it (`Pékin` is a
    /// [`AliasKind::Name`] of the city and a [`AliasKind::Metonym`] of China).
    Actor {
        /// The actor.
        actor: &'kb Actor,
        /// The kind of name.
        kind: AliasKind,
    },
    /// A phrase naming a role ("chef de la diplomatie").
    Role(&'kb RolePhrase),
}

impl<'kb> Candidate<'kb> {
    /// The actor, if the candidate is one.
    pub fn actor(&self) -> Option<&'kb Actor> {
        match self {
            Candidate::Actor { actor, .. } => Some(actor),
            Candidate::Role(_) => None,
        }
    }

    /// The kind of name the match is ([`AliasKind::Role`] for a role phrase).
    pub fn kind(&self) -> AliasKind {
        match self {
            Candidate::Actor { kind, .. } => *kind,
            Candidate::Role(_) => AliasKind::Role,
        }
    }
}

impl AliasMatch<'_> {
    /// The matched text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// What a title such as "le président kazakh" or "le ministre chinois des
/// Affaires étrangères" says: a role, the country, and who held it on a date.
#[derive(Debug, Clone)]
pub struct Title<'kb> {
    /// The role (`head_of_state`).
    pub role: &'kb str,
    /// The country's ISO alpha-3 code, when the title names one.
    pub country: Option<&'kb str>,
    /// The organisation's id, when the role is one of an organisation's
    /// ("le directeur général de l'AIEA", "le Haut-Commissaire aux droits de
    /// l'homme": a role phrase of `roles.tsv` whose country is an id).
    pub organisation: Option<&'kb str>,
    /// Whether the role is a person's (else the title names a body, such as
    /// "le gouvernement chinois").
    pub names_a_person: bool,
    /// Who held the role for the country on the date (more than one where
    /// the date is coarse or terms overlap); empty for a body or when unknown.
    pub holders: Vec<&'kb Actor>,
}

/// Sizes of the loaded base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    /// Actors.
    pub actors: usize,
    /// Names of actors, all kinds.
    pub aliases: usize,
    /// Distinct folded names and role phrases in the automaton.
    pub patterns: usize,
    /// Terms of office.
    pub offices: usize,
    /// Role phrases.
    pub role_phrases: usize,
    /// Vacancies: spans when an office had no holder.
    pub vacancies: usize,
    /// Unsettled spans: when the sources found do not establish who, if
    /// anyone, held an office.
    pub unsettled: usize,
    /// Tables loaded, with their row counts, in load order.
    pub tables: Vec<(String, usize)>,
}

impl KnowledgeBase {
    /// The base built from the tables compiled into the binary.
    pub fn builtin() -> Result<KnowledgeBase, KbError> {
        let mut facts = Facts::default();
        for (name, text) in builtin::BUILTIN {
            facts.load(&format!("data/kb/{name}"), text)?;
        }
        KnowledgeBase::build(facts)
    }

    /// The base built from the tables of a `data/kb/` directory; every name of
    /// [`TABLES`] must be there.
    pub fn from_dir(dir: &Path) -> Result<KnowledgeBase, KbError> {
        let mut facts = Facts::default();
        for name in TABLES {
            let path = dir.join(name);
            let text = std::fs::read_to_string(&path).map_err(|source| KbError::Io {
                path: path.display().to_string(),
                source,
            })?;
            facts.load(&path.display().to_string(), &text)?;
        }
        KnowledgeBase::build(facts)
    }

    /// Builds a base from tables given as `(name, text)`, in order; for tests
    /// and for callers that hold their tables in memory.
    pub fn from_tables(tables: &[(&str, &str)]) -> Result<KnowledgeBase, KbError> {
        let mut facts = Facts::default();
        for (name, text) in tables {
            facts.load(name, text)?;
        }
        KnowledgeBase::build(facts)
    }

    fn build(facts: Facts) -> Result<KnowledgeBase, KbError> {
        facts.check_references()?;
        let index = Index::build(&facts)?;
        Ok(KnowledgeBase { facts, index })
    }

    /// Adds a user table (`--kb extra.tsv`): actors in the format of
    /// `examples/actors.tsv`, or any other kind of table of `data/kb/`.
    /// Returns the number of rows read. On error the base is unchanged.
    pub fn add_file(&mut self, path: &Path) -> Result<usize, KbError> {
        let text = std::fs::read_to_string(path).map_err(|source| KbError::Io {
            path: path.display().to_string(),
            source,
        })?;
        self.add_table(&path.display().to_string(), &text)
    }

    /// Adds a table held in memory, named `name` in errors and sources.
    /// Returns the number of rows read. On error the base is unchanged.
    pub fn add_table(&mut self, name: &str, text: &str) -> Result<usize, KbError> {
        let mut facts = self.facts.clone();
        let n = facts.load(name, text)?;
        *self = KnowledgeBase::build(facts)?;
        Ok(n)
    }

    /// Every alias match in `text`: on word boundaries ("Inde" is not found in
    /// "indépendance"), folded (case, accents, apostrophes, hyphens), leftmost
    /// first and longest where matches overlap ("Corée du Nord" over
    /// "Corée"). Acronyms match only in capitals, surnames only capitalised.
    pub fn find(&self, text: &str) -> Vec<AliasMatch<'_>> {
        self.index
            .find(text)
            .into_iter()
            .map(|m| AliasMatch {
                start: m.start,
                end: m.end,
                candidates: m
                    .postings
                    .iter()
                    .filter_map(|p| self.candidate(p.target, p.kind))
                    .collect(),
            })
            .collect()
    }

    fn candidate(&self, target: Target, kind: AliasKind) -> Option<Candidate<'_>> {
        match target {
            Target::Actor(i) => self
                .facts
                .actors
                .get(i)
                .map(|actor| Candidate::Actor { actor, kind }),
            Target::Role(i) => self.facts.roles.get(i).map(Candidate::Role),
        }
    }

    /// The actor of a base id (`KAZ`, `P-XI-JINPING`) or a Wikidata id (`Q148`).
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        if let Some(&i) = self.facts.by_id.get(id) {
            return self.facts.actors.get(i);
        }
        self.facts
            .actors
            .iter()
            .find(|a| a.qid.as_deref() == Some(id))
    }

    /// The country or territory of an ISO alpha-3 code.
    pub fn country(&self, code: &str) -> Option<&Actor> {
        self.index
            .countries
            .get(code)
            .and_then(|&i| self.facts.actors.get(i))
    }

    /// Every actor one of whose names folds to the same as `name`, whatever
    /// the kind of name ("Pékin" gives the city and China).
    pub fn lookup(&self, name: &str) -> Vec<&Actor> {
        let mut seen = HashSet::new();
        self.index
            .postings(name)
            .iter()
            .filter_map(|p| match p.target {
                Target::Actor(i) if seen.insert(i) => self.facts.actors.get(i),
                _ => None,
            })
            .collect()
    }

    /// The role phrases that fold to the same as `phrase`.
    pub fn role_phrases(&self, phrase: &str) -> Vec<&RolePhrase> {
        self.index
            .postings(phrase)
            .iter()
            .filter_map(|p| match p.target {
                Target::Role(i) => self.facts.roles.get(i),
                Target::Actor(_) => None,
            })
            .collect()
    }

    /// Who held `role` for `country` (an ISO alpha-3 code, a country's id, or
    /// an organisation's id such as `O-UN`) on `date` (ISO 8601 at any
    /// precision: a year or month gives everyone in office during it), by start
    /// of term. Empty for an unknown role or country or a malformed date.
    pub fn holder(&self, role: &str, country: &str, date: &str) -> Vec<&Actor> {
        let Some(d) = Date::parse(date) else {
            return Vec::new();
        };
        let of = self.office_of(country);
        let Some(list) = self
            .index
            .offices_by_role
            .get(&(role.to_string(), of.to_string()))
        else {
            return Vec::new();
        };
        let mut seen = HashSet::new();
        list.iter()
            .filter_map(|&i| self.facts.offices.get(i))
            .filter(|o| o.overlaps(d.first_day(), d.last_day()))
            .filter(|o| seen.insert(o.person.as_str()))
            .filter_map(|o| self.actor(&o.person))
            .collect()
    }

    /// Whom an office serves, for a country's id or code or an
    /// organisation's id: the ISO alpha-3 code for a country.
    fn office_of<'a>(&'a self, country: &'a str) -> &'a str {
        match self.facts.by_id.get(country) {
            Some(&i) if index::is_country(&self.facts, i) => {
                self.facts.actors[i].country.as_deref().unwrap_or(country)
            }
            _ => country,
        }
    }

    /// The vacancy of `role` for `country` (as for [`KnowledgeBase::holder`])
    /// on `date`: a recorded span when the office had no holder, not even an
    /// acting one, that covers at least part of `date` (a year or a month
    /// gives the first vacancy within it). `None` when no vacancy is recorded
    /// then, which does not mean the office was held: see
    /// [`KnowledgeBase::holder`].
    pub fn vacant(&self, role: &str, country: &str, date: &str) -> Option<&Vacancy> {
        self.span_on(&self.facts.vacancies, role, country, date)
    }

    /// The span of `spans` for `role` of `country` that covers at least part
    /// of `date`.
    fn span_on<'a>(
        &self,
        spans: &'a [Vacancy],
        role: &str,
        country: &str,
        date: &str,
    ) -> Option<&'a Vacancy> {
        let d = Date::parse(date)?;
        let of = self.office_of(country);
        spans
            .iter()
            .filter(|v| v.role == role && v.of == of)
            .find(|v| v.overlaps(d.first_day(), d.last_day()))
    }

    /// Every vacancy, in load order.
    pub fn vacancies(&self) -> impl Iterator<Item = &Vacancy> {
        self.facts.vacancies.iter()
    }

    /// The unsettled span of `role` for `country` on `date` (as for
    /// [`KnowledgeBase::vacant`]): a recorded span when the sources found do
    /// not establish who, if anyone, held the office (a row with `status`
    /// `unsettled`; its reason says what they do establish). The base then
    /// names no holder, on purpose. `None` when no such span is recorded.
    pub fn unsettled(&self, role: &str, country: &str, date: &str) -> Option<&Vacancy> {
        self.span_on(&self.facts.unsettled, role, country, date)
    }

    /// Every unsettled span, in load order.
    pub fn unsettled_spans(&self) -> impl Iterator<Item = &Vacancy> {
        self.facts.unsettled.iter()
    }

    /// The terms of office of a person (by id), by start date.
    pub fn roles_of(&self, person: &str) -> Vec<&Office> {
        self.index
            .offices_by_person
            .get(person)
            .map(|list| {
                list.iter()
                    .filter_map(|&i| self.facts.offices.get(i))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The country (ISO alpha-3) a demonym or nationality adjective names, in
    /// any gender and number: "chinoise" → `CHN`, "Kazakh" → `KAZ`.
    pub fn demonym(&self, word: &str) -> Option<&str> {
        self.index
            .demonyms
            .get(&fold::fold(word))
            .and_then(|&i| self.facts.actors.get(i))
            .and_then(|a| a.country.as_deref())
    }

    /// Reads a title — a role phrase with a country's demonym or name, in
    /// either order, even split ("le ministre chinois des Affaires
    /// étrangères") — and says who held the role on `date`. `None` when the
    /// phrase names no role.
    pub fn title(&self, phrase: &str, date: &str) -> Option<Title<'_>> {
        let matches = self.find(phrase);
        let country = matches.iter().find_map(|m| {
            m.candidates.iter().find_map(|c| match c {
                Candidate::Actor { actor, kind }
                    if *kind != AliasKind::Surname
                        && self
                            .facts
                            .by_id
                            .get(&actor.id)
                            .is_some_and(|&i| index::is_country(&self.facts, i)) =>
                {
                    actor.country.as_deref()
                }
                _ => None,
            })
        });
        // an organisation the phrase names ("de l'AIEA"; not by a demonym:
        // "européen" in "président du Conseil européen" is no role's)
        let organisation = matches.iter().find_map(|m| {
            m.candidates.iter().find_map(|c| match c {
                Candidate::Actor { actor, kind }
                    if !matches!(kind, AliasKind::Surname | AliasKind::Demonym)
                        && actor.actor_type() == ActorType::Org
                        && actor.country.is_none() =>
                {
                    Some(actor.id.as_str())
                }
                _ => None,
            })
        });
        let mut roles = roles_in(&matches);
        // a split title: take the country's words out, with the connector
        // before them ("Haut-Commissaire de l'ONU aux droits de l'homme"),
        // and read again
        let mut rest = String::new();
        let mut at = 0;
        for m in &matches {
            if m.candidates.iter().all(|c| c.kind() != AliasKind::Role) {
                let before = phrase.get(at..m.start).unwrap_or("");
                rest.push_str(strip_connector(before));
                rest.push(' ');
                at = m.end;
            }
        }
        rest.push_str(phrase.get(at..).unwrap_or(""));
        let rest_matches = self.find(&rest);
        let longer = roles_in(&rest_matches);
        if longer.iter().map(|r| r.phrase.len()).max().unwrap_or(0)
            > roles.iter().map(|r| r.phrase.len()).max().unwrap_or(0)
        {
            roles = longer;
        }
        let role = roles
            .iter()
            .find(|r| r.country.is_some() && r.country.as_deref() == country)
            .or_else(|| {
                roles
                    .iter()
                    .find(|r| r.country.is_some() && r.country.as_deref() == organisation)
            })
            .or_else(|| roles.iter().find(|r| r.country.is_none()))
            // a phrase that names its country itself ("porte-parole du Kremlin")
            .or_else(|| {
                roles
                    .iter()
                    .find(|r| country.is_none() && r.country.is_some())
            })?;
        // a role phrase of an organisation's ("haut-commissaire aux droits de
        // l'homme") names it: the holder is the organisation's
        let own = role.country.as_deref().filter(|c| !is_code(c));
        let country = country.or(role.country.as_deref().filter(|c| is_code(c)));
        let organisation = own.or(organisation);
        let holders = match own.or(country).or(organisation) {
            Some(c) if role.holder => self.holder(&role.role, c, date),
            _ => Vec::new(),
        };
        Some(Title {
            role: &role.role,
            country: if own.is_some() { None } else { country },
            organisation,
            names_a_person: role.holder,
            holders,
        })
    }

    /// Every actor, in load order.
    pub fn actors(&self) -> impl Iterator<Item = &Actor> {
        self.facts.actors.iter()
    }

    /// Every term of office, in load order.
    pub fn offices(&self) -> impl Iterator<Item = &Office> {
        self.facts.offices.iter()
    }

    /// Sizes of the base and the tables it was loaded from.
    pub fn stats(&self) -> Stats {
        Stats {
            actors: self.facts.actors.len(),
            aliases: self.index.alias_count,
            patterns: self.index.pattern_count(),
            offices: self.facts.offices.len(),
            role_phrases: self.facts.roles.len(),
            vacancies: self.facts.vacancies.len(),
            unsettled: self.facts.unsettled.len(),
            tables: self.facts.files.clone(),
        }
    }
}

/// Whether `s` is an ISO 3166-1 alpha-3 code (`KAZ`), not an actor's id.
fn is_code(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// `text` without the connector that ends it ("président de l'" →
/// "président"), so that the words around a name taken out join up.
fn strip_connector(text: &str) -> &str {
    let t = text.trim_end();
    for c in [
        "de la",
        "de l'",
        "de l\u{2019}",
        "des",
        "du",
        "de",
        "d'",
        "d\u{2019}",
    ] {
        if let Some(head) = t.strip_suffix(c) {
            // a whole word: a space or the start before it
            if head.is_empty() || head.ends_with(char::is_whitespace) {
                return head;
            }
        }
    }
    text
}

/// The role phrases among the candidates of `matches`.
fn roles_in<'kb>(matches: &[AliasMatch<'kb>]) -> Vec<&'kb RolePhrase> {
    matches
        .iter()
        .flat_map(|m| m.candidates.iter())
        .filter_map(|c| match c {
            Candidate::Role(r) => Some(*r),
            Candidate::Actor { .. } => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vacant_finds_recorded_vacancies_only() {
        let kb = KnowledgeBase::from_tables(&[
            (
                "c.tsv",
                "id\tname\ttype\tcountry\tkind\nX-VAL\tValdorie\tLOC\tXVL\tstate\n\
                 P-A\tAnn Ash\tPER\tXVL\t\n",
            ),
            (
                "o.tsv",
                "person\trole\tof\tfrom\tto\nP-A\tdefence_minister\tXVL\t2020-01-01\t2023-10-24\n",
            ),
            (
                "v.tsv",
                "of\trole\tfrom\tto\treason\tsource\n\
                 XVL\tdefence_minister\t2023-10-25\t2023-12-28\tremoved, not replaced\tReport 2023-10-24\n",
            ),
        ]);
        let kb = match kb {
            Ok(kb) => kb,
            Err(e) => panic!("{e}"),
        };
        let v = kb.vacant("defence_minister", "XVL", "2023-11-15");
        assert_eq!(v.map(Vacancy::reason), Some("removed, not replaced"));
        // by the country's id, and at month precision
        assert!(kb.vacant("defence_minister", "X-VAL", "2023-12").is_some());
        // held, or nothing recorded: no vacancy
        assert!(kb.vacant("defence_minister", "XVL", "2023-10-24").is_none());
        assert!(kb.vacant("defence_minister", "XVL", "2023-12-29").is_none());
        assert!(kb.vacant("foreign_minister", "XVL", "2023-11-15").is_none());
        assert!(kb.vacant("defence_minister", "XVL", "not a date").is_none());
        assert!(
            kb.holder("defence_minister", "XVL", "2023-11-15")
                .is_empty()
        );
        assert_eq!(kb.vacancies().count(), 1);
        assert_eq!(kb.stats().vacancies, 1);
    }

    #[test]
    fn unsettled_spans_are_not_vacancies() {
        let tables = [
            (
                "c.tsv",
                "id\tname\ttype\tcountry\tkind\nX-VAL\tValdorie\tLOC\tXVL\tstate\n",
            ),
            (
                "u.tsv",
                "of\trole\tfrom\tto\treason\tsource\tstatus\n\
                 XVL\thead_of_government\t2019-03-02\t2019-03-04\treports disagree\tDaily 2019-03-05\tunsettled\n\
                 XVL\thead_of_government\t2019-05-01\t2019-05-09\tno one named\tDaily 2019-05-10\tvacant\n",
            ),
        ];
        let kb = match KnowledgeBase::from_tables(&tables) {
            Ok(kb) => kb,
            Err(e) => panic!("{e}"),
        };
        let u = kb.unsettled("head_of_government", "XVL", "2019-03-03");
        assert_eq!(u.map(Vacancy::reason), Some("reports disagree"));
        assert!(
            kb.vacant("head_of_government", "XVL", "2019-03-03")
                .is_none()
        );
        assert!(
            kb.unsettled("head_of_government", "XVL", "2019-05-03")
                .is_none()
        );
        assert!(
            kb.vacant("head_of_government", "XVL", "2019-05-03")
                .is_some()
        );
        assert_eq!((kb.stats().vacancies, kb.stats().unsettled), (1, 1));
        // any other status is refused, naming the row
        let bad = [(
            "u.tsv",
            "of\trole\tfrom\tto\treason\tsource\tstatus\n\
             XVL\thead_of_government\t2019-03-02\t2019-03-04\twhy\tDaily 2019-03-05\tmaybe\n",
        )];
        match KnowledgeBase::from_tables(&bad) {
            Ok(_) => panic!("status maybe loaded"),
            Err(e) => assert!(e.to_string().contains("status"), "{e}"),
        }
    }

    #[test]
    fn a_role_phrase_of_an_organisation_names_its_holder() {
        let kb = KnowledgeBase::from_tables(&[
            (
                "a.tsv",
                "id\tname\ttype\tcountry\tkind\taliases\tacronyms\n\
                 X-VAL\tValdorie\tLOC\tXVL\tstate\t\t\n\
                 O-LEAGUE\tLeague of Towns\tORG\t\tigo\tLigue des villes\tLDV\n\
                 O-LEAGUE-WATER\tLeague Water Office\tORG\t\tigo_body\t\t\n\
                 P-A\tAnn Ash\tPER\tXVL\t\t\t\n\
                 P-B\tBo Birch\tPER\tXVL\t\t\t\n",
            ),
            (
                "o.tsv",
                "person\trole\tof\tfrom\tto\n\
                 P-A\tdirector_general\tO-LEAGUE\t2020-01-01\t\n\
                 P-B\tcommissioner\tO-LEAGUE-WATER\t2021-05-01\t\n",
            ),
            (
                "r.tsv",
                "phrase\trole\tlang\tcountry\tholder\n\
                 directeur général\tdirector_general\tfr\t\tperson\n\
                 commissaire\tcommissioner\tfr\t\tperson\n\
                 commissaire aux eaux\tcommissioner\tfr\tO-LEAGUE-WATER\tperson\n",
            ),
        ]);
        let kb = match kb {
            Ok(kb) => kb,
            Err(e) => panic!("{e}"),
        };
        fn names(t: Option<Title<'_>>) -> Vec<String> {
            t.map(|t| t.holders.iter().map(|a| a.name().to_string()).collect())
                .unwrap_or_default()
        }
        // a generic phrase and the organisation named after it
        let t = kb.title("le directeur général de la LDV", "2023-06-01");
        assert_eq!(t.as_ref().and_then(|t| t.organisation), Some("O-LEAGUE"));
        assert_eq!(names(t), ["Ann Ash"]);
        // a phrase that names its organisation, even split by the parent's name
        for phrase in [
            "le commissaire aux eaux",
            "le commissaire de la Ligue des villes aux eaux",
        ] {
            let t = kb.title(phrase, "2023-06-01");
            assert_eq!(
                t.as_ref().map(|t| (t.organisation, t.country)),
                Some((Some("O-LEAGUE-WATER"), None)),
                "{phrase}"
            );
            assert_eq!(names(t), ["Bo Birch"], "{phrase}");
        }
        // an organisation's id that is no actor does not load
        let bad = KnowledgeBase::from_tables(&[(
            "r.tsv",
            "phrase\trole\tlang\tcountry\tholder\nx\tx_role\tfr\tO-NOWHERE\tperson\n",
        )]);
        assert!(bad.is_err());
    }

    #[test]
    fn strip_connector_keeps_whole_words() {
        assert_eq!(strip_connector("président de l'"), "président ");
        assert_eq!(strip_connector("président de la "), "président ");
        assert_eq!(strip_connector("ministre "), "ministre ");
        assert_eq!(strip_connector("Grandes"), "Grandes");
    }

    #[test]
    fn is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<KnowledgeBase>();
    }
}
