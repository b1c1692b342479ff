//! Offices: who held which role for which country or organisation, when.

use crate::actor::Source;
use crate::date::Date;

/// One term of office: a person in a role for a country or organisation,
/// from a date to a date (either may be open).
#[derive(Debug, Clone)]
pub struct Office {
    pub(crate) person: String,
    pub(crate) role: String,
    pub(crate) of: Option<String>,
    pub(crate) from: Option<Date>,
    pub(crate) to: Option<Date>,
    pub(crate) note: Option<String>,
    pub(crate) source: Source,
}

impl Office {
    /// The person's actor id.
    pub fn person(&self) -> &str {
        &self.person
    }

    /// The role: `head_of_state`, `head_of_government`, `foreign_minister`,
    /// `defence_minister`, `secretary_general`… (see `data/kb/roles.tsv`; user
    /// tables may add their own).
    pub fn role(&self) -> &str {
        &self.role
    }

    /// Whom the role serves: an ISO 3166-1 alpha-3 code (`KAZ`) or an
    /// organisation's actor id (`O-UN`); `None` for a role of no one's (a
    /// lawyer).
    pub fn of(&self) -> Option<&str> {
        self.of.as_deref()
    }

    /// The first date in office, at the precision the table knows it.
    pub fn from(&self) -> Option<String> {
        self.from.map(|d| d.to_string())
    }

    /// The last date in office; `None` while in office.
    pub fn to(&self) -> Option<String> {
        self.to.map(|d| d.to_string())
    }

    /// A remark from the table ("acting", "dates to the month").
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    /// Where the office's row is.
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// Whether the term overlaps the days `first..=last` (`YYYYMMDD`).
    pub(crate) fn overlaps(&self, first: u32, last: u32) -> bool {
        let starts = self.from.map_or(0, |d| d.first_day());
        let ends = self.to.map_or(u32::MAX, |d| d.last_day());
        starts <= last && first <= ends
    }

    /// Whether the term covers `date` (ISO, any precision) at least in part.
    pub fn covers(&self, date: &str) -> bool {
        Date::parse(date).is_some_and(|d| self.overlaps(d.first_day(), d.last_day()))
    }
}
