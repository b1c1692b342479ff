//! Reading the TSV tables: comments, the header, rows with their line numbers,
//! and the five kinds of table the header announces.
//!
//! A table is UTF-8 text. Lines starting with `#` are comments, blank lines
//! are skipped, the first other line is the header: tab-separated column
//! names. What the header holds says which kind of table it is:
//!
//! - `person` … : offices (`person role of from to note`);
//! - `phrase` … : role phrases (`phrase role lang country holder note`);
//! - `id` and `name` … : actors (the columns of `examples/actors.tsv` and more);
//! - `id` without `name`: names and facts added to actors loaded before;
//! - `reason` (with `of`, `role`, `from`, `to`, `source`): vacancies, spans
//!   when an office had no holder.

use crate::error::KbError;

/// Which kind of table a header announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TableKind {
    /// One actor per row.
    Actors,
    /// More names and facts for actors already loaded.
    Extension,
    /// One term of office per row.
    Offices,
    /// One role phrase per row.
    Roles,
    /// One span of an office per row that no term explains: vacant (no
    /// holder, not even an acting one) or, with `status` `unsettled`, a span
    /// the sources found leave open.
    Vacancies,
}

/// The columns each kind of table may have (the first ones are required).
const ACTOR_COLUMNS: &[&str] = &[
    "id",
    "name",
    "type",
    "qid",
    "name_fr",
    "country",
    "kind",
    "aliases",
    "acronyms",
    "demonyms",
    "metonyms",
    "surname",
    "flags",
    "role",
    "role_country",
    "from",
    "to",
    "notes",
    "source",
];
const ACTOR_REQUIRED: usize = 3;
const EXTENSION_COLUMNS: &[&str] = &[
    "id", "qid", "name_fr", "aliases", "acronyms", "demonyms", "metonyms", "surname", "flags",
    "notes", "source",
];
const EXTENSION_REQUIRED: usize = 1;
const OFFICE_COLUMNS: &[&str] = &["person", "role", "of", "from", "to", "note", "source"];
const OFFICE_REQUIRED: usize = 3;
const ROLE_COLUMNS: &[&str] = &["phrase", "role", "lang", "country", "holder", "note"];
const ROLE_REQUIRED: usize = 3;
const VACANCY_COLUMNS: &[&str] = &["of", "role", "from", "to", "reason", "source", "status"];
const VACANCY_REQUIRED: usize = 6;

/// A table read into rows of fields, not yet understood.
#[derive(Debug)]
pub(crate) struct Table<'a> {
    pub(crate) file: String,
    pub(crate) kind: TableKind,
    columns: Vec<&'a str>,
    rows: Vec<(usize, Vec<&'a str>)>,
}

/// One row of a table, with its line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row<'t, 'a> {
    table: &'t Table<'a>,
    pub(crate) line: usize,
    fields: &'t [&'a str],
}

impl<'a> Table<'a> {
    /// Splits `text` into header and rows; checks the header's columns and
    /// every row's width.
    pub(crate) fn parse(file: &str, text: &'a str) -> Result<Table<'a>, KbError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut lines = text
            .split('\n')
            .enumerate()
            .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
        let err = |line: usize, message: String| KbError::Row {
            file: file.to_string(),
            line,
            message,
        };
        let Some((header_line, header)) = lines.next() else {
            return Err(err(1, "empty table: no header line".to_string()));
        };
        let columns: Vec<&str> = header.split('\t').map(str::trim).collect();
        let has = |c: &str| columns.contains(&c);
        let (kind, allowed, required) = if has("person") {
            (TableKind::Offices, OFFICE_COLUMNS, OFFICE_REQUIRED)
        } else if has("phrase") {
            (TableKind::Roles, ROLE_COLUMNS, ROLE_REQUIRED)
        } else if has("id") && has("name") {
            (TableKind::Actors, ACTOR_COLUMNS, ACTOR_REQUIRED)
        } else if has("id") {
            (TableKind::Extension, EXTENSION_COLUMNS, EXTENSION_REQUIRED)
        } else if has("reason") {
            (TableKind::Vacancies, VACANCY_COLUMNS, VACANCY_REQUIRED)
        } else {
            return Err(err(
                header_line,
                "header names none of `id`, `person`, `phrase`, `reason`: not a knowledge-base \
                 table"
                    .to_string(),
            ));
        };
        for (i, c) in columns.iter().enumerate() {
            if !allowed.contains(c) {
                return Err(err(
                    header_line,
                    format!(
                        "unknown column {c:?}; this table may have: {}",
                        allowed.join(", ")
                    ),
                ));
            }
            if columns[..i].contains(c) {
                return Err(err(header_line, format!("column {c:?} twice")));
            }
        }
        for c in &allowed[..required] {
            if !has(c) {
                return Err(err(header_line, format!("missing column {c:?}")));
            }
        }
        let mut rows = Vec::new();
        for (line, l) in lines {
            let fields: Vec<&str> = l.split('\t').map(str::trim).collect();
            if fields.len() > columns.len() {
                return Err(err(
                    line,
                    format!(
                        "{} fields for {} columns (a tab inside a value?)",
                        fields.len(),
                        columns.len()
                    ),
                ));
            }
            rows.push((line, fields));
        }
        Ok(Table {
            file: file.to_string(),
            kind,
            columns,
            rows,
        })
    }

    /// The rows, in file order.
    pub(crate) fn rows(&self) -> impl Iterator<Item = Row<'_, 'a>> {
        self.rows.iter().map(move |(line, fields)| Row {
            table: self,
            line: *line,
            fields,
        })
    }
}

impl<'a> Row<'_, 'a> {
    /// The field of `column`, empty when the column is absent or the row short.
    pub(crate) fn get(&self, column: &str) -> &'a str {
        self.table
            .columns
            .iter()
            .position(|c| *c == column)
            .and_then(|i| self.fields.get(i).copied())
            .unwrap_or("")
    }

    /// The field of `column`, `None` when empty.
    pub(crate) fn opt(&self, column: &str) -> Option<&'a str> {
        Some(self.get(column)).filter(|s| !s.is_empty())
    }

    /// The `|`-separated values of `column`, trimmed, empty ones dropped.
    pub(crate) fn list(&self, column: &str) -> impl Iterator<Item = &'a str> {
        split_list(self.get(column))
    }

    /// An error about this row.
    pub(crate) fn error(&self, message: impl Into<String>) -> KbError {
        KbError::Row {
            file: self.table.file.clone(),
            line: self.line,
            message: message.into(),
        }
    }
}

/// The `|`-separated values of a field, trimmed, empty ones dropped.
pub(crate) fn split_list(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|v| !v.is_empty())
}

/// The `key=value` pairs of a `notes` field, `;`-separated.
pub(crate) fn split_notes(s: &str) -> impl Iterator<Item = Result<(&str, &str), &str>> {
    s.split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) if !k.trim().is_empty() => Ok((k.trim(), v.trim())),
            _ => Err(p),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_header_comments_and_rows() {
        let text = "# source: test\n\nid\tname\ttype\taliases\n# a comment\nA\tAlpha\tLOC\tA1|A2\r\nB\tBeta\tORG\n";
        let t = Table::parse("t.tsv", text);
        let t = t.as_ref().map_err(|e| e.to_string());
        let t = match t {
            Ok(t) => t,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(t.kind, TableKind::Actors);
        let rows: Vec<_> = t.rows().collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 5);
        assert_eq!(rows[0].list("aliases").collect::<Vec<_>>(), ["A1", "A2"]);
        assert_eq!(rows[1].get("aliases"), "");
        assert_eq!(rows[1].line, 6);
    }

    #[test]
    fn tells_table_kinds_apart() {
        let kind = |h: &str| Table::parse("t", h).map(|t| t.kind).ok();
        assert_eq!(kind("person\trole\tof\n"), Some(TableKind::Offices));
        assert_eq!(kind("phrase\trole\tlang\n"), Some(TableKind::Roles));
        assert_eq!(kind("id\taliases\n"), Some(TableKind::Extension));
        assert_eq!(
            kind("of\trole\tfrom\tto\treason\tsource\n"),
            Some(TableKind::Vacancies)
        );
        assert_eq!(kind("of\trole\treason\n"), None);
        assert_eq!(kind("name\taliases\n"), None);
    }

    #[test]
    fn refuses_unknown_columns_and_wide_rows() {
        let e = Table::parse("t.tsv", "# c\nid\tname\ttype\tcolour\n").err();
        assert!(e.is_some_and(|e| e.to_string().starts_with("t.tsv:2: unknown column")));
        let e = Table::parse("t.tsv", "id\tname\ttype\nA\tB\tLOC\tx\n").err();
        assert!(e.is_some_and(|e| e.to_string().starts_with("t.tsv:2: 4 fields")));
    }

    #[test]
    fn splits_notes() {
        let n: Vec<_> = split_notes("kind=city; capital_of=X-VAL;;desc=a, b").collect();
        assert_eq!(
            n,
            [
                Ok(("kind", "city")),
                Ok(("capital_of", "X-VAL")),
                Ok(("desc", "a, b"))
            ]
        );
        assert_eq!(split_notes("oops").next(), Some(Err("oops")));
    }
}
