//! Relations between two actors over time: counts of events by type and quad
//! class per day, week or month, the data behind timelines and the actor
//! graph (`chronicle relations CHN KAZ --by month`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use super::days::{day_range, iso_week};
use crate::Store;
use crate::error::StoreError;

/// The length of the periods events are counted over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// `2022-01-10`
    Day,
    /// ISO weeks: `2022-W02`
    Week,
    /// `2022-01`
    Month,
}

impl FromStr for Period {
    type Err = String;

    fn from_str(s: &str) -> Result<Period, String> {
        match s.to_ascii_lowercase().as_str() {
            "day" | "jour" => Ok(Period::Day),
            "week" | "semaine" => Ok(Period::Week),
            "month" | "mois" => Ok(Period::Month),
            other => Err(format!("unknown period {other:?}: use day, week or month")),
        }
    }
}

impl Period {
    /// The period a date falls in. A date coarser than the period stays at
    /// its own precision (`2022-01` by day is `2022-01`); no date is
    /// `undated`.
    pub fn of(self, date: Option<&str>) -> String {
        let Some(date) = date else {
            return "undated".into();
        };
        let day = date.get(..10).filter(|d| day_range(d).is_some());
        match (self, day) {
            (Period::Day, Some(d)) => d.to_string(),
            (Period::Week, Some(d)) => {
                let (year, week) = day_range(d).map_or((0, 0), |(n, _)| iso_week(n));
                format!("{year:04}-W{week:02}")
            }
            _ => date.get(..7).unwrap_or(date).to_string(),
        }
    }
}

/// The PLOVER quad class of an event type (`design/events.md`).
pub fn quad_class(kind: &str) -> Option<&'static str> {
    match kind.to_ascii_uppercase().as_str() {
        "AGREE" | "CONSULT" | "SUPPORT" | "CONCEDE" => Some("verbal cooperation"),
        "COOPERATE" | "AID" | "RETREAT" => Some("material cooperation"),
        "REQUEST" | "ACCUSE" | "REJECT" | "THREATEN" => Some("verbal conflict"),
        "PROTEST" | "SANCTION" | "MOBILIZE" | "COERCE" | "ASSAULT" => Some("material conflict"),
        _ => None,
    }
}

/// What one actor did to another in one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Relation {
    /// The period (`2022-01`, `2022-W02`, `2022-01-10`, or `undated`).
    pub period: String,
    /// Who acted (as asked for).
    pub source: String,
    /// Who the acts were aimed at (as asked for).
    pub target: String,
    /// Reports: event rows, one per document that told it.
    pub reports: u64,
    /// Distinct events: reports of the same type on the same date count once.
    pub events: u64,
    /// Distinct events per quad class, in the order verbal cooperation,
    /// material cooperation, verbal conflict, material conflict.
    pub quad: [u64; 4],
    /// Distinct events per PLOVER type.
    pub types: BTreeMap<String, u64>,
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}  {} → {}  {} event{} ({} report{})  vcoop {} mcoop {} vconf {} mconf {}",
            self.period,
            self.source,
            self.target,
            self.events,
            if self.events == 1 { "" } else { "s" },
            self.reports,
            if self.reports == 1 { "" } else { "s" },
            self.quad[0],
            self.quad[1],
            self.quad[2],
            self.quad[3]
        )?;
        for (kind, n) in &self.types {
            write!(f, "  {kind} {n}")?;
        }
        Ok(())
    }
}

const QUADS: [&str; 4] = [
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
];

impl Store {
    /// Events between two actors, both ways, counted per period; an actor is
    /// a country code (`CHN`) or a name, case folded. Negated events are left
    /// out; an event without a date counts at its document's publication
    /// date. Rows come in period order, `a → b` before `b → a`.
    pub fn relations(&self, a: &str, b: &str, by: Period) -> Result<Vec<Relation>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.type, coalesce(e.date_value, d.published),
                    (e.source_country = upper(?1) OR lower(e.source_name) = lower(?1))
             FROM events e JOIN documents d ON d.rowid = e.doc
             WHERE e.negated = 0 AND (
                 ((e.source_country = upper(?1) OR lower(e.source_name) = lower(?1))
                  AND (e.target_country = upper(?2) OR lower(e.target_name) = lower(?2)))
              OR ((e.source_country = upper(?2) OR lower(e.source_name) = lower(?2))
                  AND (e.target_country = upper(?1) OR lower(e.target_name) = lower(?1))))",
        )?;
        let rows = stmt.query_map([a, b], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, bool>(2)?,
            ))
        })?;
        // (period, b→a?) → (reports, distinct (type, date))
        type Cell = (u64, BTreeSet<(String, String)>);
        let mut cells: BTreeMap<(String, bool), Cell> = BTreeMap::new();
        for row in rows {
            let (kind, date, forward) = row?;
            let period = by.of(date.as_deref());
            let cell = cells.entry((period, !forward)).or_default();
            cell.0 += 1;
            cell.1
                .insert((kind.to_ascii_uppercase(), date.unwrap_or_default()));
        }
        Ok(cells
            .into_iter()
            .map(|((period, backward), (reports, distinct))| {
                let (source, target) = if backward { (b, a) } else { (a, b) };
                let mut quad = [0u64; 4];
                let mut types = BTreeMap::new();
                for (kind, _) in &distinct {
                    if let Some(q) =
                        quad_class(kind).and_then(|q| QUADS.iter().position(|x| *x == q))
                    {
                        quad[q] += 1;
                    }
                    *types.entry(kind.clone()).or_insert(0) += 1;
                }
                Relation {
                    period,
                    source: source.to_string(),
                    target: target.to_string(),
                    reports,
                    events: distinct.len() as u64,
                    quad,
                    types,
                }
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{rich_record, sha};

    #[test]
    fn periods_and_quad_classes() {
        assert_eq!(Period::Day.of(Some("2022-01-10")), "2022-01-10");
        assert_eq!(Period::Day.of(Some("2022-01")), "2022-01");
        assert_eq!(Period::Week.of(Some("2022-01-10T08:00")), "2022-W02");
        assert_eq!(Period::Month.of(Some("2022-01-10")), "2022-01");
        assert_eq!(Period::Month.of(Some("2022")), "2022");
        assert_eq!(Period::Month.of(None), "undated");
        assert_eq!("Mois".parse::<Period>(), Ok(Period::Month));
        assert!("year".parse::<Period>().is_err());
        assert_eq!(quad_class("accuse"), Some("verbal conflict"));
        assert_eq!(quad_class("AID"), Some("material cooperation"));
        assert_eq!(quad_class("OTHER"), None);
    }

    #[test]
    fn one_event_told_twice_is_two_reports_of_one_event() {
        let mut store = Store::open_in_memory().expect("store");
        store
            .put_batch(&[rich_record("a", &sha(1)), rich_record("b", &sha(2))])
            .expect("put");
        let rows = store
            .relations("chn", "Kazakhstan", Period::Month)
            .expect("relations");
        assert_eq!(rows.len(), 1, "{rows:?}");
        let r = &rows[0];
        assert_eq!(
            (r.period.as_str(), r.source.as_str(), r.target.as_str()),
            ("2022-01", "chn", "Kazakhstan")
        );
        assert_eq!((r.reports, r.events, r.quad), (2, 1, [1, 0, 0, 0]));
        assert_eq!(r.types.get("SUPPORT"), Some(&1));
        assert!(r.to_string().contains("SUPPORT 1"), "{r}");
        // The other way round: the same row with the sides swapped.
        let back = store
            .relations("KAZ", "CHN", Period::Day)
            .expect("relations");
        assert_eq!(
            (back[0].source.as_str(), back[0].target.as_str()),
            ("CHN", "KAZ")
        );
        assert_eq!(back[0].period, "2022-01-11");
        assert!(
            store
                .relations("CHN", "RUS", Period::Day)
                .expect("none")
                .is_empty()
        );
    }
}
