//! Turning table rows into actors, offices and role phrases, checking every
//! field on the way.

use std::collections::HashMap;

use crate::actor::{Actor, ActorType, AliasKind, Source};
use crate::date::Date;
use crate::error::KbError;
use crate::office::Office;
use crate::role::RolePhrase;
use crate::table::{Row, Table, TableKind, split_list, split_notes};
use crate::vacancy::Vacancy;

/// Everything the tables say, before indexing.
#[derive(Debug, Clone, Default)]
pub(crate) struct Facts {
    pub(crate) actors: Vec<Actor>,
    pub(crate) by_id: HashMap<String, usize>,
    pub(crate) offices: Vec<Office>,
    pub(crate) roles: Vec<RolePhrase>,
    pub(crate) vacancies: Vec<Vacancy>,
    /// Spans whose holder the sources found leave open (`status`
    /// `unsettled` in a vacancy table).
    pub(crate) unsettled: Vec<Vacancy>,
    pub(crate) files: Vec<(String, usize)>,
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

fn is_code(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_qid(s: &str) -> bool {
    s.len() > 1 && s.starts_with('Q') && s[1..].bytes().all(|b| b.is_ascii_digit())
}

fn is_role(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Whether an alias written among names is an acronym: no lower-case letter,
/// two capitals at least, no space ("OTSC", "OSCM", not "l’OSCM").
pub(crate) fn looks_like_acronym(s: &str) -> bool {
    !s.chars().any(char::is_lowercase)
        && s.chars().filter(|c| c.is_uppercase()).count() >= 2
        && !s.chars().any(char::is_whitespace)
}

fn alias_text_ok(row: &Row<'_, '_>, column: &str, s: &str) -> Result<(), KbError> {
    if crate::fold::fold(s).chars().any(char::is_alphanumeric) {
        Ok(())
    } else {
        Err(row.error(format!("{column}: {s:?} has no letter or digit")))
    }
}

fn date(row: &Row<'_, '_>, column: &str) -> Result<Option<Date>, KbError> {
    match row.opt(column) {
        None => Ok(None),
        Some(s) => Date::parse(s).map(Some).ok_or_else(|| {
            row.error(format!(
                "{column}: {s:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
            ))
        }),
    }
}

/// Whether `s` names a year (four digits, 19xx or 20xx, not inside a longer
/// number): a source without its date is no source for a vacancy.
fn names_a_year(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(4).enumerate().any(|(i, w)| {
        w.iter().all(u8::is_ascii_digit)
            && (w.starts_with(b"19") || w.starts_with(b"20"))
            && !(i > 0 && b[i - 1].is_ascii_digit())
            && !b.get(i + 4).is_some_and(u8::is_ascii_digit)
    })
}

fn dates(row: &Row<'_, '_>) -> Result<(Option<Date>, Option<Date>), KbError> {
    let from = date(row, "from")?;
    let to = date(row, "to")?;
    match (from, to) {
        (Some(f), Some(t)) if f.first_day() > t.last_day() => {
            return Err(row.error(format!("from {f} is after to {t}")));
        }
        _ => {}
    }
    Ok((from, to))
}

impl Facts {
    /// Reads one table into the facts. On error the facts may hold part of
    /// the table: callers load into a copy.
    pub(crate) fn load(&mut self, file: &str, text: &str) -> Result<usize, KbError> {
        let table = Table::parse(file, text)?;
        let mut n = 0;
        for row in table.rows() {
            let source = Source {
                file: file.to_string(),
                line: row.line,
            };
            match table.kind {
                TableKind::Actors => self.actor_row(&row, source)?,
                TableKind::Extension => self.extension_row(&row)?,
                TableKind::Offices => self.office_row(&row, source)?,
                TableKind::Roles => self.role_row(&row, source)?,
                TableKind::Vacancies => self.vacancy_row(&row, source)?,
            }
            n += 1;
        }
        self.files.push((file.to_string(), n));
        Ok(n)
    }

    fn actor_row(&mut self, row: &Row<'_, '_>, source: Source) -> Result<(), KbError> {
        let id = row.get("id");
        if !is_id(id) {
            return Err(row.error(format!("id {id:?}: use letters, digits, '-', '_' or '.'")));
        }
        if let Some(&i) = self.by_id.get(id) {
            return Err(row.error(format!(
                "id {id} already defined at {}",
                self.actors[i].source
            )));
        }
        let name = row.get("name");
        if name.is_empty() {
            return Err(row.error("empty name"));
        }
        let kind_type = ActorType::parse(row.get("type")).ok_or_else(|| {
            row.error(format!(
                "type {:?}: must be PER, ORG, LOC or MISC",
                row.get("type")
            ))
        })?;
        let country = row.opt("country");
        if let Some(c) = country.filter(|c| !is_code(c)) {
            return Err(row.error(format!("country {c:?}: must be an ISO 3166-1 alpha-3 code")));
        }
        let mut actor = Actor {
            id: id.to_string(),
            qid: None,
            name: name.to_string(),
            name_fr: None,
            kind_type,
            kind: row.opt("kind").map(str::to_string),
            country: country.map(str::to_string),
            aliases: Vec::new(),
            flags: Vec::new(),
            notes: Default::default(),
            source: source.clone(),
        };
        actor.push_alias(name, AliasKind::Name);
        extend(&mut actor, row)?;
        if let Some(role) = row.opt("role") {
            if !is_role(role) {
                return Err(row.error(format!("role {role:?}: use snake_case")));
            }
            let of = row.opt("role_country");
            if let Some(of) = of.filter(|of| !is_id(of)) {
                return Err(row.error(format!("role_country {of:?}: not a code or an id")));
            }
            let (from, to) = dates(row)?;
            self.offices.push(Office {
                person: id.to_string(),
                role: role.to_string(),
                of: of.map(str::to_string),
                from,
                to,
                note: None,
                source,
            });
        } else if row.opt("from").is_some() || row.opt("to").is_some() {
            return Err(row.error("from/to without a role"));
        }
        self.by_id.insert(id.to_string(), self.actors.len());
        self.actors.push(actor);
        Ok(())
    }

    fn extension_row(&mut self, row: &Row<'_, '_>) -> Result<(), KbError> {
        let id = row.get("id");
        let Some(&i) = self.by_id.get(id) else {
            return Err(row.error(format!(
                "id {id:?} is not an actor loaded before this table"
            )));
        };
        extend(&mut self.actors[i], row)
    }

    fn office_row(&mut self, row: &Row<'_, '_>, source: Source) -> Result<(), KbError> {
        let person = row.get("person");
        if !is_id(person) {
            return Err(row.error(format!("person {person:?}: not an id")));
        }
        let role = row.get("role");
        if !is_role(role) {
            return Err(row.error(format!("role {role:?}: use snake_case")));
        }
        let of = row.get("of");
        if !is_id(of) {
            return Err(row.error(format!(
                "of {of:?}: an ISO 3166-1 alpha-3 code or an organisation's id"
            )));
        }
        let (from, to) = dates(row)?;
        self.offices.push(Office {
            person: person.to_string(),
            role: role.to_string(),
            of: Some(of.to_string()),
            from,
            to,
            note: row.opt("note").map(str::to_string),
            source,
        });
        Ok(())
    }

    fn role_row(&mut self, row: &Row<'_, '_>, source: Source) -> Result<(), KbError> {
        let phrase = row.get("phrase");
        alias_text_ok(row, "phrase", phrase)?;
        let role = row.get("role");
        if !is_role(role) {
            return Err(row.error(format!("role {role:?}: use snake_case")));
        }
        let lang = row.get("lang");
        if lang.len() != 2 || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(row.error(format!("lang {lang:?}: an ISO 639-1 code")));
        }
        // a country's code, or the id of the organisation the phrase names a
        // role of ("directeur général de l'AIEA": `O-IAEA`)
        let country = row.opt("country");
        if let Some(c) = country.filter(|c| !is_code(c) && !is_id(c)) {
            return Err(row.error(format!(
                "country {c:?}: an ISO 3166-1 alpha-3 code or an organisation's id"
            )));
        }
        let holder = match row.opt("holder").unwrap_or("person") {
            "person" => true,
            "body" => false,
            other => {
                return Err(row.error(format!("holder {other:?}: person or body")));
            }
        };
        self.roles.push(RolePhrase {
            phrase: phrase.to_string(),
            role: role.to_string(),
            lang: lang.to_string(),
            country: country.map(str::to_string),
            holder,
            source,
        });
        Ok(())
    }

    fn vacancy_row(&mut self, row: &Row<'_, '_>, source: Source) -> Result<(), KbError> {
        let of = row.get("of");
        if !is_id(of) {
            return Err(row.error(format!(
                "of {of:?}: an ISO 3166-1 alpha-3 code or an organisation's id"
            )));
        }
        let role = row.get("role");
        if !is_role(role) {
            return Err(row.error(format!("role {role:?}: use snake_case")));
        }
        let (Some(from), Some(to)) = dates(row)? else {
            return Err(row.error("a vacancy needs both from and to"));
        };
        let Some(reason) = row.opt("reason") else {
            return Err(row.error("a vacancy needs its reason"));
        };
        let reported = row.get("source");
        if !names_a_year(reported) {
            return Err(row.error(format!(
                "source {reported:?}: a vacancy needs the dated report it comes from"
            )));
        }
        let unsettled = match row.opt("status") {
            None | Some("vacant") => false,
            Some("unsettled") => true,
            Some(other) => {
                return Err(row.error(format!(
                    "status {other:?}: `vacant` (the default) or `unsettled`"
                )));
            }
        };
        let span = Vacancy {
            of: of.to_string(),
            role: role.to_string(),
            from,
            to,
            reason: reason.to_string(),
            reported: reported.to_string(),
            source,
        };
        if unsettled {
            self.unsettled.push(span);
        } else {
            self.vacancies.push(span);
        }
        Ok(())
    }

    /// Checks what only the whole base can tell: every office's person is an
    /// actor, and whom an office or a vacancy serves is a code or an actor.
    pub(crate) fn check_references(&self) -> Result<(), KbError> {
        for v in self.vacancies.iter().chain(&self.unsettled) {
            if !is_code(&v.of) && !self.by_id.contains_key(&v.of) {
                return Err(KbError::Row {
                    file: v.source.file.clone(),
                    line: v.source.line,
                    message: format!(
                        "{} is neither an ISO 3166-1 alpha-3 code nor an actor",
                        v.of
                    ),
                });
            }
        }
        for r in &self.roles {
            if let Some(of) = r
                .country
                .as_ref()
                .filter(|of| !is_code(of) && !self.by_id.contains_key(*of))
            {
                return Err(KbError::Row {
                    file: r.source.file.clone(),
                    line: r.source.line,
                    message: format!("{of} is neither an ISO 3166-1 alpha-3 code nor an actor"),
                });
            }
        }
        for o in &self.offices {
            let err = |message: String| KbError::Row {
                file: o.source.file.clone(),
                line: o.source.line,
                message,
            };
            if !self.by_id.contains_key(&o.person) {
                return Err(err(format!("person {} is not an actor", o.person)));
            }
            if let Some(of) =
                o.of.as_ref()
                    .filter(|of| !is_code(of) && !self.by_id.contains_key(*of))
            {
                return Err(err(format!(
                    "{of} is neither an ISO 3166-1 alpha-3 code nor an actor"
                )));
            }
        }
        Ok(())
    }
}

/// Adds the name columns, flags, Wikidata id and notes of `row` to `actor`.
fn extend(actor: &mut Actor, row: &Row<'_, '_>) -> Result<(), KbError> {
    if let Some(q) = row.opt("qid") {
        if !is_qid(q) {
            return Err(row.error(format!("qid {q:?}: must look like Q148")));
        }
        match &actor.qid {
            Some(old) if old != q => {
                return Err(row.error(format!(
                    "qid {q} contradicts {old} given at {}",
                    actor.source
                )));
            }
            _ => actor.qid = Some(q.to_string()),
        }
    }
    if let Some(fr) = row.opt("name_fr") {
        alias_text_ok(row, "name_fr", fr)?;
        if let Some(old) = actor.name_fr.replace(fr.to_string()) {
            actor.push_alias(&old, AliasKind::Alias);
        }
        actor.push_alias(fr, AliasKind::Name);
    }
    let mut lists: Vec<(&str, AliasKind, String)> = Vec::new();
    for (column, kind) in [
        ("aliases", AliasKind::Alias),
        ("acronyms", AliasKind::Acronym),
        ("demonyms", AliasKind::Demonym),
        ("metonyms", AliasKind::Metonym),
        ("surname", AliasKind::Surname),
    ] {
        lists.push((column, kind, row.get(column).to_string()));
    }
    for flag in row.list("flags") {
        if !is_role(flag) {
            return Err(row.error(format!("flag {flag:?}: use snake_case")));
        }
        if !actor.flags.iter().any(|f| f == flag) {
            actor.flags.push(flag.to_string());
        }
    }
    for note in split_notes(row.get("notes")) {
        let (key, value) = note.map_err(|p| row.error(format!("notes: {p:?} is not key=value")))?;
        match key {
            "aliases" => lists.push(("notes", AliasKind::Alias, value.to_string())),
            "acronyms" => lists.push(("notes", AliasKind::Acronym, value.to_string())),
            "demonyms" => lists.push(("notes", AliasKind::Demonym, value.to_string())),
            "metonyms" => lists.push(("notes", AliasKind::Metonym, value.to_string())),
            "surname" => lists.push(("notes", AliasKind::Surname, value.to_string())),
            "kind" if actor.kind.is_none() => actor.kind = Some(value.to_string()),
            "flags" => {
                for f in split_list(value) {
                    if !actor.flags.iter().any(|g| g == f) {
                        actor.flags.push(f.to_string());
                    }
                }
            }
            _ => {
                actor.notes.insert(key.to_string(), value.to_string());
            }
        }
    }
    for (column, kind, values) in &lists {
        for v in split_list(values) {
            alias_text_ok(row, column, v)?;
            let kind = if *kind == AliasKind::Alias && looks_like_acronym(v) {
                AliasKind::Acronym
            } else {
                *kind
            };
            actor.push_alias(v, kind);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Facts, String> {
        let mut f = Facts::default();
        f.load("t.tsv", text).map_err(|e| e.to_string())?;
        f.check_references().map_err(|e| e.to_string())?;
        Ok(f)
    }

    #[test]
    fn classifies_names() {
        let f = load(
            "id\tname\ttype\taliases\tnotes\nO\tOrg\tORG\tOTSC|l’OSCM|Org Two\tdemonyms=orgien|orgienne;members=A|B\n",
        );
        let f = match f {
            Ok(f) => f,
            Err(e) => panic!("{e}"),
        };
        let a = &f.actors[0];
        assert_eq!(
            a.aliases_of(AliasKind::Acronym).collect::<Vec<_>>(),
            ["OTSC"]
        );
        assert_eq!(
            a.aliases_of(AliasKind::Alias).collect::<Vec<_>>(),
            ["l’OSCM", "Org Two"]
        );
        assert_eq!(a.aliases_of(AliasKind::Demonym).count(), 2);
        assert_eq!(a.note("members"), Some("A|B"));
    }

    #[test]
    fn reads_vacancies() {
        let f = load(
            "# c\nof\trole\tfrom\tto\treason\tsource\nCHN\tdefence_minister\t2023-10-25\t2023-12-28\tremoved, not replaced\tTASS 2023-10-24\n",
        );
        let f = match f {
            Ok(f) => f,
            Err(e) => panic!("{e}"),
        };
        let v = &f.vacancies[0];
        assert_eq!((v.of(), v.role()), ("CHN", "defence_minister"));
        assert_eq!(
            (v.from(), v.to()),
            ("2023-10-25".into(), "2023-12-28".into())
        );
        assert_eq!(v.reported_by(), "TASS 2023-10-24");
        assert_eq!(v.source().to_string(), "t.tsv:3");
        assert!(v.covers("2023-11") && v.covers("2023-12-28") && !v.covers("2023-12-29"));
        assert!(names_a_year("Dawn 2017-08-04 (dawn.com/news/1349562)"));
        assert!(!names_a_year("dawn.com/news/1349562") && !names_a_year("no date"));
    }

    #[test]
    fn reports_bad_rows_with_file_and_line() {
        let cases = [
            ("id\tname\ttype\nA\tAlpha\tPLACE\n", "t.tsv:2: type"),
            (
                "# c\nid\tname\ttype\tcountry\nA\tAlpha\tLOC\tKZ\n",
                "t.tsv:3: country",
            ),
            (
                "id\tname\ttype\nA\tAlpha\tLOC\nA\tAgain\tLOC\n",
                "t.tsv:3: id A already defined at t.tsv:2",
            ),
            (
                "id\tname\ttype\trole\tfrom\nA\tAlpha\tPER\thead_of_state\t2019-13\n",
                "t.tsv:2: from",
            ),
            (
                "id\tname\ttype\trole\tfrom\tto\nA\tAlpha\tPER\tx\t2020\t2019\n",
                "t.tsv:2: from 2020 is after to 2019",
            ),
            ("id\taliases\nZ\tZed\n", "t.tsv:2: id \"Z\" is not an actor"),
            (
                "person\trole\tof\nP\thead_of_state\tKAZ\n",
                "t.tsv:2: person P is not an actor",
            ),
            (
                "id\tname\ttype\tnotes\nA\tAlpha\tLOC\tkind\n",
                "t.tsv:2: notes",
            ),
            (
                "of\trole\tfrom\tto\treason\tsource\nKAZ\tdefence_minister\t2020-01-02\t\tx\tR 2020-01-03\n",
                "t.tsv:2: a vacancy needs both from and to",
            ),
            (
                "of\trole\tfrom\tto\treason\tsource\nKAZ\tdefence_minister\t2020-01-02\t2020-01-03\t\tR 2020-01-03\n",
                "t.tsv:2: a vacancy needs its reason",
            ),
            (
                "of\trole\tfrom\tto\treason\tsource\nKAZ\tdefence_minister\t2020-01-02\t2020-01-03\tx\tsome report\n",
                "t.tsv:2: source",
            ),
            (
                "of\trole\tfrom\tto\treason\tsource\nkaz\tdefence_minister\t2020-01-02\t2020-01-03\tx\tR 2020\n",
                "t.tsv:2: kaz is neither",
            ),
        ];
        for (text, start) in cases {
            match load(text) {
                Ok(_) => panic!("no error for {text:?}"),
                Err(e) => assert!(e.starts_with(start), "{e:?} for {text:?}"),
            }
        }
    }
}
