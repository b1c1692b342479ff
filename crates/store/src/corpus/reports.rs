//! One fact, many reports: the same quotation from the same speaker, and the
//! same event (source, type, target, compatible date), told by several
//! documents, each counted once with all its sources.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;

use serde::Serialize;

use super::days::day_range;
use super::fold::{contains_words, key};
use crate::Store;
use crate::error::StoreError;

/// Which quotes or events to group. Actors are a country code or a name, case
/// folded; dates ISO at any precision.
#[derive(Debug, Clone, Default)]
pub struct ReportFilter {
    /// The speaker of a quote; the source or target of an event.
    pub actor: Option<String>,
    /// Earliest date, inclusive.
    pub from: Option<String>,
    /// Latest date, inclusive (a prefix: `2022-01` takes all of January).
    pub to: Option<String>,
    /// Only facts told by at least this many documents (0 or 1: all).
    pub min_reports: usize,
    /// At most this many (0 for no limit).
    pub limit: usize,
}

/// A quotation with every document that reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteReport {
    /// Who said it, when a report names them.
    pub speaker: Option<String>,
    /// The longest wording reported.
    pub text: String,
    /// The documents reporting it, first published first.
    pub documents: Vec<String>,
    /// Their outlets, each once.
    pub outlets: Vec<String>,
    /// The earliest publication date among them.
    pub first: Option<String>,
}

/// An event with every document that reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventReport {
    /// PLOVER type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Who acted.
    pub source: Option<String>,
    /// Who the act was aimed at.
    pub target: Option<String>,
    /// The most precise date reported (the publication date where the text
    /// gives none).
    pub date: Option<String>,
    /// Whether the reports say it did not happen.
    pub negated: bool,
    /// The documents reporting it.
    pub documents: Vec<String>,
    /// Their outlets, each once.
    pub outlets: Vec<String>,
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

impl fmt::Display for QuoteReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.documents.len();
        write!(
            f,
            "{}: « {} »  {n} report{}: {}",
            self.speaker.as_deref().unwrap_or("?"),
            self.text,
            plural(n),
            self.documents.join(", ")
        )?;
        if !self.outlets.is_empty() {
            write!(f, "  ({})", self.outlets.join(", "))?;
        }
        Ok(())
    }
}

impl fmt::Display for EventReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.documents.len();
        write!(
            f,
            "{}  {}{} {} → {}  {n} report{}: {}",
            self.date.as_deref().unwrap_or("undated"),
            if self.negated { "not " } else { "" },
            self.kind,
            self.source.as_deref().unwrap_or("?"),
            self.target.as_deref().unwrap_or("?"),
            plural(n),
            self.documents.join(", ")
        )?;
        if !self.outlets.is_empty() {
            write!(f, "  ({})", self.outlets.join(", "))?;
        }
        Ok(())
    }
}

/// Two dates closer than this many days may be one event.
const SAME_EVENT_DAYS: i64 = 1;

/// One report read from the store.
struct Report {
    document: String,
    outlet: Option<String>,
    published: Option<String>,
}

/// Reports grouped into one fact.
#[derive(Default)]
struct Group {
    documents: Vec<String>,
    seen: HashSet<String>,
    outlets: BTreeSet<String>,
}

impl Group {
    fn add(&mut self, r: Report) {
        if self.seen.insert(r.document.clone()) {
            self.documents.push(r.document);
        }
        if let Some(o) = r.outlet {
            self.outlets.insert(o);
        }
    }
}

fn limit_and_min<T>(mut v: Vec<T>, filter: &ReportFilter, count: impl Fn(&T) -> usize) -> Vec<T> {
    v.retain(|x| count(x) >= filter.min_reports.max(1));
    if filter.limit > 0 {
        v.truncate(filter.limit);
    }
    v
}

const ACTOR: &str = "(?1 IS NULL OR {c} = upper(?1) OR lower({n}) = lower(?1))";
const DATES: &str =
    "(?2 IS NULL OR {d} >= ?2) AND (?3 IS NULL OR substr({d}, 1, length(?3)) <= ?3)";

impl Store {
    /// Quotations grouped across documents: the same words (case, accents and
    /// punctuation folded, or a partial quote inside a longer one) from the
    /// same speaker are one quote with all the documents that report it. Most
    /// reported first.
    pub fn quote_reports(&self, filter: &ReportFilter) -> Result<Vec<QuoteReport>, StoreError> {
        let sql = format!(
            "SELECT q.text, q.speaker_name, coalesce(en.kb_id, q.speaker_country, lower(q.speaker_name)),
                    d.id, d.source, d.published
             FROM quotes q JOIN documents d ON d.rowid = q.doc
             LEFT JOIN entities en ON en.doc = q.doc AND en.idx = q.speaker_entity
             WHERE {} AND {}
             ORDER BY d.published IS NULL, d.published, d.rowid, q.idx",
            ACTOR.replace("{c}", "q.speaker_country").replace("{n}", "q.speaker_name"),
            DATES.replace("{d}", "d.published"),
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            rusqlite::params![filter.actor, filter.from, filter.to],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    Report {
                        document: r.get(3)?,
                        outlet: r.get(4)?,
                        published: r.get(5)?,
                    },
                ))
            },
        )?;
        // (speaker key, longest folded text, shown text, speaker, first date, group)
        type QuoteGroup = (
            Option<String>,
            String,
            String,
            Option<String>,
            Option<String>,
            Group,
        );
        let mut groups: Vec<QuoteGroup> = Vec::new();
        // Each word of a group's text → the groups holding it, in the order
        // they were made: a quote can only belong to a group that holds all
        // its words, so the postings of its rarest word are the candidates.
        let mut postings: HashMap<String, Vec<usize>> = HashMap::new();
        let mut all = Vec::new();
        for row in rows {
            let (text, speaker, speaker_key, report) = row?;
            let folded = key(&text);
            if !folded.is_empty() {
                all.push((folded, text, speaker, speaker_key, report));
            }
        }
        // Longest first, so partial quotes find the full one they belong to.
        all.sort_by_key(|(folded, ..)| std::cmp::Reverse(folded.len()));
        for (folded, text, speaker, speaker_key, report) in all {
            let rarest = folded
                .split(' ')
                .map(|w| postings.get(w).map_or(&[][..], Vec::as_slice))
                .min_by_key(|p| p.len())
                .unwrap_or(&[]);
            let found = rarest.iter().copied().find(|&i| {
                let (k, big, ..) = &groups[i];
                (k.is_none() || speaker_key.is_none() || *k == speaker_key)
                    && (*big == folded || contains_words(big, &folded))
            });
            match found {
                Some(i) => {
                    let g = &mut groups[i];
                    if g.0.is_none() {
                        g.0 = speaker_key;
                        g.3 = speaker;
                    }
                    if report.published.is_some() && (g.4.is_none() || report.published < g.4) {
                        g.4 = report.published.clone();
                    }
                    g.5.add(report);
                }
                None => {
                    let mut group = Group::default();
                    let first = report.published.clone();
                    group.add(report);
                    let id = groups.len();
                    let words: HashSet<&str> = folded.split(' ').collect();
                    for w in words {
                        postings.entry(w.to_string()).or_default().push(id);
                    }
                    groups.push((speaker_key, folded, text, speaker, first, group));
                }
            }
        }
        let mut out: Vec<QuoteReport> = groups
            .into_iter()
            .map(|(_, _, text, speaker, first, g)| QuoteReport {
                speaker,
                text,
                documents: g.documents,
                outlets: g.outlets.into_iter().collect(),
                first,
            })
            .collect();
        out.sort_by(|a, b| {
            b.documents
                .len()
                .cmp(&a.documents.len())
                .then_with(|| a.first.cmp(&b.first))
        });
        Ok(limit_and_min(out, filter, |q| q.documents.len()))
    }

    /// Events grouped across documents: the same type, source and target
    /// (country code, else name) and negation, on dates at most a day apart
    /// (a coarse date is compatible with the finer ones it contains), are one
    /// event with all the documents that report it. Most reported first.
    pub fn event_reports(&self, filter: &ReportFilter) -> Result<Vec<EventReport>, StoreError> {
        let actor = format!(
            "({} OR {})",
            ACTOR
                .replace("{c}", "e.source_country")
                .replace("{n}", "e.source_name"),
            ACTOR
                .replace("{c}", "e.target_country")
                .replace("{n}", "e.target_name"),
        );
        let sql = format!(
            "SELECT upper(e.type), coalesce(e.source_country, lower(e.source_name)),
                    coalesce(e.target_country, lower(e.target_name)), e.negated,
                    e.source_name, e.target_name, coalesce(e.date_value, d.published),
                    d.id, d.source, d.published
             FROM events e JOIN documents d ON d.rowid = e.doc
             WHERE {actor} AND {}
             ORDER BY 1, 2, 3, 4, 7",
            DATES.replace("{d}", "coalesce(e.date_value, d.published)"),
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            rusqlite::params![filter.actor, filter.from, filter.to],
            |r| {
                Ok((
                    (
                        r.get::<_, String>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, bool>(3)?,
                    ),
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    Report {
                        document: r.get(7)?,
                        outlet: r.get(8)?,
                        published: r.get(9)?,
                    },
                ))
            },
        )?;
        type EventKey = (String, Option<String>, Option<String>, bool);
        // key, days covered, best date, source, target, group
        type EventGroup = (
            EventKey,
            Option<(i64, i64)>,
            Option<String>,
            Option<String>,
            Option<String>,
            Group,
        );
        let mut groups: Vec<EventGroup> = Vec::new();
        for row in rows {
            let (k, source, target, date, report) = row?;
            let span = date.as_deref().and_then(day_range);
            // Rows come sorted by key then date: only the groups of this key
            // at the end of the list can take it.
            let found =
                groups
                    .iter_mut()
                    .rev()
                    .take_while(|g| g.0 == k)
                    .find(|g| match (g.1, span) {
                        (Some((a, b)), Some((c, d))) => {
                            c <= b + SAME_EVENT_DAYS && a <= d + SAME_EVENT_DAYS
                        }
                        (None, None) => true,
                        _ => false,
                    });
            match found {
                Some(g) => {
                    // Keep the narrower date: it is the more precise one.
                    if let (Some((a, b)), Some((c, d))) = (g.1, span)
                        && d - c < b - a
                    {
                        g.1 = span;
                        g.2 = date;
                    }
                    g.5.add(report);
                }
                None => {
                    let mut group = Group::default();
                    group.add(report);
                    groups.push((k, span, date, source, target, group));
                }
            }
        }
        let mut out: Vec<EventReport> = groups
            .into_iter()
            .map(|(k, _, date, source, target, g)| EventReport {
                kind: k.0,
                source: source.or(k.1),
                target: target.or(k.2),
                date,
                negated: k.3,
                documents: g.documents,
                outlets: g.outlets.into_iter().collect(),
            })
            .collect();
        out.sort_by(|a, b| {
            b.documents
                .len()
                .cmp(&a.documents.len())
                .then_with(|| a.date.cmp(&b.date))
        });
        Ok(limit_and_min(out, filter, |e| e.documents.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{rich_record, sha};

    #[test]
    fn the_same_quote_and_event_in_two_documents_are_one_with_two_sources() {
        let mut store = Store::open_in_memory().expect("store");
        let a = rich_record("a", &sha(1));
        let mut b = rich_record("b", &sha(2));
        b.source = Some("L'Autre Journal".into());
        // The second outlet quotes part of it, with other punctuation, and
        // dates the event a day later.
        b.quotes[0].text = "nous AVANÇONS".into();
        if let Some(d) = b.events[0].date.as_mut() {
            d.value = "2022-01-12".into();
        }
        let mut c = rich_record("c", &sha(3));
        if let Some(d) = c.events[0].date.as_mut() {
            d.value = "2022-03-01".into();
        }
        c.quotes[0].text = "Autre chose".into();
        store.put_batch(&[a, b, c]).expect("put");

        let quotes = store
            .quote_reports(&ReportFilter::default())
            .expect("quotes");
        assert_eq!(quotes.len(), 2, "{quotes:?}");
        assert_eq!(quotes[0].documents, ["a", "b"]);
        assert_eq!(quotes[0].text, "Nous avançons ensemble");
        assert_eq!(
            quotes[0].outlets,
            ["L'Autre Journal", "Le Courrier inventé"]
        );
        assert!(quotes[0].to_string().contains("2 reports"), "{}", quotes[0]);

        let events = store
            .event_reports(&ReportFilter {
                actor: Some("kaz".into()),
                ..ReportFilter::default()
            })
            .expect("events");
        assert_eq!(events.len(), 2, "{events:?}");
        assert_eq!(events[0].documents, ["a", "b"]);
        assert_eq!(events[0].date.as_deref(), Some("2022-01-11"));
        assert_eq!(events[1].documents, ["c"]);
        let only_shared = store
            .event_reports(&ReportFilter {
                min_reports: 2,
                ..ReportFilter::default()
            })
            .expect("events");
        assert_eq!(only_shared.len(), 1);
        assert!(
            store
                .event_reports(&ReportFilter {
                    actor: Some("RUS".into()),
                    ..ReportFilter::default()
                })
                .expect("none")
                .is_empty()
        );
    }
}
