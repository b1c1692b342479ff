//! Vacancies: spans when an office had no holder, not even an acting one.
//!
//! A vacancy is a fact of its own, with its reason and a dated source: China
//! had no defence minister between Li Shangfu's removal and Dong Jun's
//! appointment. It is not the absence of a term in `offices.tsv`, which may
//! only mean that the base does not know.

use crate::actor::Source;
use crate::date::Date;

/// A span when an office (a role for a country or an organisation) had no
/// holder, with why and where that is reported.
#[derive(Debug, Clone)]
pub struct Vacancy {
    pub(crate) of: String,
    pub(crate) role: String,
    pub(crate) from: Date,
    pub(crate) to: Date,
    pub(crate) reason: String,
    pub(crate) reported: String,
    pub(crate) source: Source,
}

impl Vacancy {
    /// Whose office: an ISO 3166-1 alpha-3 code (`CHN`) or an organisation's
    /// actor id.
    pub fn of(&self) -> &str {
        &self.of
    }

    /// The role left without a holder (`defence_minister`).
    pub fn role(&self) -> &str {
        &self.role
    }

    /// The first day without a holder, at the precision the table gives.
    pub fn from(&self) -> String {
        self.from.to_string()
    }

    /// The last day without a holder, at the precision the table gives.
    pub fn to(&self) -> String {
        self.to.to_string()
    }

    /// Why the office was empty ("between Li Shangfu's removal and Dong Jun's
    /// appointment").
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// The dated reports the vacancy comes from (the table's `source` column).
    pub fn reported_by(&self) -> &str {
        &self.reported
    }

    /// Where the vacancy's row is.
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// Whether the vacancy overlaps the days `first..=last` (`YYYYMMDD`).
    pub(crate) fn overlaps(&self, first: u32, last: u32) -> bool {
        self.from.first_day() <= last && first <= self.to.last_day()
    }

    /// Whether the vacancy covers `date` (ISO, any precision) at least in part.
    pub fn covers(&self, date: &str) -> bool {
        Date::parse(date).is_some_and(|d| self.overlaps(d.first_day(), d.last_day()))
    }
}
