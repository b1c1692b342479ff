//! The date time expressions are read against: the publication date, at
//! whatever precision it is known.

use chrono::{Datelike, NaiveDate};

use chronicle_model::{Precision, Published};

use crate::calendar::{fineness, ymd};

/// A reference date: its first day and how precisely it is known. A reference
/// known to the month (`2019-03`) resolves "en février" but not "mardi".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    date: NaiveDate,
    precision: Precision,
}

impl Reference {
    /// A reference known to the day.
    pub fn day(date: NaiveDate) -> Reference {
        Reference {
            date,
            precision: Precision::Day,
        }
    }

    /// Reads an ISO 8601 value (`2019`, `2019-03`, `2019-03-12`,
    /// `2019-03-12T08:30…`); a time of day is dropped.
    pub fn parse(value: &str) -> Option<Reference> {
        let precision = Precision::of_iso(value)?;
        let num = |r: std::ops::Range<usize>| value.get(r)?.parse::<u32>().ok();
        let y = i32::try_from(num(0..4)?).ok()?;
        let (date, precision) = match precision {
            Precision::Year => (ymd(y, 1, 1)?, Precision::Year),
            Precision::Month => (ymd(y, num(5..7)?, 1)?, Precision::Month),
            Precision::Day | Precision::Minute => {
                (ymd(y, num(5..7)?, num(8..10)?)?, Precision::Day)
            }
        };
        Some(Reference { date, precision })
    }

    /// The reference a document's publication date gives.
    pub fn from_published(p: &Published) -> Option<Reference> {
        Reference::parse(&p.value)
    }

    /// Its first day.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// How precisely it is known (never finer than a day).
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// Whether it is known at least as finely as `p`.
    pub(crate) fn knows(&self, p: Precision) -> bool {
        fineness(self.precision) >= fineness(p)
    }

    /// Its year.
    pub(crate) fn year(&self) -> i32 {
        self.date.year()
    }

    /// Its month.
    pub(crate) fn month(&self) -> u32 {
        self.date.month()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_values_at_their_precision() {
        let r = Reference::parse("2019-03").expect("month");
        assert_eq!(r.precision(), Precision::Month);
        assert!(r.knows(Precision::Year));
        assert!(!r.knows(Precision::Day));
        let r = Reference::parse("2022-01-10T08:30:00+01:00").expect("minute");
        assert_eq!(r.precision(), Precision::Day);
        assert_eq!(r.date(), ymd(2022, 1, 10).expect("day"));
        assert!(Reference::parse("hier").is_none());
    }
}
