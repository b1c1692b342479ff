//! The record of `design/output.md`: one JSON object per document.
//!
//! Field names and meanings are the contract with the store, the API, the web
//! page, exports and the scorer. A field without a value is `null` or `[]`,
//! never left out.

use serde::{Deserialize, Serialize};

/// Precision of a date value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// `2019`
    Year,
    /// `2019-03`
    Month,
    /// `2019-03-12`
    Day,
    /// `2019-03-12T08:30`
    Minute,
}

impl Precision {
    /// The precision an ISO 8601 value is written at, or `None` when the value
    /// is not one of `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM…`.
    pub fn of_iso(value: &str) -> Option<Precision> {
        let b = value.as_bytes();
        let digits =
            |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
        if !digits(0..4) {
            return None;
        }
        match b.len() {
            4 => Some(Precision::Year),
            7 if b[4] == b'-' && digits(5..7) => Some(Precision::Month),
            10 if b[4] == b'-' && b[7] == b'-' && digits(5..7) && digits(8..10) => {
                Some(Precision::Day)
            }
            n if n >= 16
                && b[4] == b'-'
                && b[7] == b'-'
                && (b[10] == b'T' || b[10] == b' ')
                && digits(5..7)
                && digits(8..10)
                && digits(11..13)
                && b[13] == b':'
                && digits(14..16) =>
            {
                Some(Precision::Minute)
            }
            _ => None,
        }
    }
}

/// Where a publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Given by the caller (feed field, `<meta>`, `--published`).
    Metadata,
    /// Found in the article text.
    Text,
}

/// The publication date of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    /// ISO 8601 at its precision: `2019`, `2019-03`, `2019-03-12`, `2019-03-12T08:30`.
    pub value: String,
    /// The precision of `value`.
    pub precision: Precision,
    /// Where it came from.
    pub origin: Origin,
}

/// Why cleaning removed a piece of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RemovalReason {
    /// Inline metadata (`date 2019-03`, `SOURCE: …`).
    Metadata,
    /// Share buttons, menus, lone logo words.
    Navigation,
    /// Photo captions and image alt lines.
    Caption,
    /// Photo or agency credits (`©Reuters`, `@BelgaImage`).
    Credit,
    /// "Sur le même sujet", "Plus d'actualité" and what follows.
    RelatedLinks,
    /// `(Nur-Sultan)` at the head of the article.
    Dateline,
    /// The headline, moved to `title`.
    Title,
}

/// A piece of the input that cleaning took out of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    /// The text removed.
    pub text: String,
    /// Why.
    pub reason: RemovalReason,
}

/// One occurrence of an entity in the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The text as written.
    pub text: String,
    /// Byte offset of its start in the body.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
}

/// One distinct real-world entity named in the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Knowledge-base id (Wikidata QID where known).
    pub id: Option<String>,
    /// Canonical name.
    pub name: String,
    /// PER, ORG, LOC or MISC.
    #[serde(rename = "type")]
    pub kind: String,
    /// ISO 3166-1 alpha-3 code of the country it belongs to.
    pub country: Option<String>,
    /// Every mention in the body.
    pub mentions: Vec<Mention>,
}

/// A speaker, or the source, target or place of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Canonical name.
    pub name: String,
    /// Index into the record's entities.
    pub entity: Option<usize>,
    /// ISO 3166-1 alpha-3 code.
    pub country: Option<String>,
}

/// A quotation with its speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// direct, partial or indirect.
    pub kind: String,
    /// Who said it, when the text names them.
    pub speaker: Option<Actor>,
    /// The reporting verb, or `selon`.
    pub cue: Option<String>,
    /// Byte offset of its start in the body.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
}

/// A normalised date with the words it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateValue {
    /// ISO 8601 at its precision.
    pub value: String,
    /// Its precision.
    pub precision: Precision,
    /// The words of the text it comes from.
    pub text: Option<String>,
}

/// A PLOVER event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// PLOVER event type.
    #[serde(rename = "type")]
    pub kind: String,
    /// PLOVER mode, where known.
    pub mode: Option<String>,
    /// Who acts.
    pub source: Option<Actor>,
    /// Who the act is aimed at.
    pub target: Option<Actor>,
    /// When it happened.
    pub date: Option<DateValue>,
    /// Where it happened.
    pub location: Option<Actor>,
    /// Whether the text says it did not happen.
    pub negated: bool,
    /// Index into the record's quotes, when the event is a statement's content.
    pub quote: Option<usize>,
    /// The sentence it was coded from.
    pub sentence: String,
    /// Byte offset of its start in the body.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
}

/// A time expression, normalised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// The words as written.
    pub text: String,
    /// ISO 8601 value, or `None` when it cannot be resolved.
    pub value: Option<String>,
    /// Precision of `value`.
    pub precision: Option<Precision>,
    /// Byte offset of its start in the body.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
}

/// A passage this document shares with an earlier one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Duplicate {
    /// The id of the other document.
    pub document: String,
    /// Byte offset of the passage's start in this body.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// Estimated similarity, 0 to 1.
    pub similarity: f64,
}

/// One document's record: what `extract` prints, one per line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Given id, else the file's stem.
    pub id: String,
    /// Where it was read from, if a file.
    pub path: Option<String>,
    /// Hex sha256 of the raw input bytes.
    pub sha256: String,
    /// ISO 639-1 code.
    pub language: Option<String>,
    /// Publication date, or `null` when unknown.
    pub published: Option<Published>,
    /// Headline, or `null` when the text has none.
    pub title: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// Place named at the head of the article.
    pub dateline: Option<String>,
    /// Address of the article, when given.
    pub url: Option<String>,
    /// The cleaned article text: paragraphs joined by `\n`.
    pub body: String,
    /// What cleaning took out, and why.
    pub removed: Vec<Removal>,
    /// Entities named in the body.
    pub entities: Vec<Entity>,
    /// Quotes with their speakers.
    pub quotes: Vec<Quote>,
    /// PLOVER events.
    pub events: Vec<Event>,
    /// Time expressions, normalised.
    pub times: Vec<TimeExpr>,
    /// Passages shared with earlier documents.
    pub duplicates: Vec<Duplicate>,
    /// Things a reader should know about this document.
    pub warnings: Vec<String>,
}

impl Record {
    /// Checks what a record read from elsewhere must hold before it is
    /// stored: an id, a sha256, and offsets that cut their text out of the
    /// body (mentions and time expressions their very text; quotes, events
    /// and duplicates a slice on character boundaries). Says what is wrong,
    /// first fault only.
    pub fn check(&self) -> Result<(), String> {
        if self.id.trim().is_empty() {
            return Err("the record has no id".into());
        }
        if self.sha256.trim().is_empty() {
            return Err("the record has no sha256".into());
        }
        let body = self.body.as_str();
        let slice = |what: &str, start: usize, end: usize| -> Result<&str, String> {
            body.get(start..end).ok_or_else(|| {
                format!(
                    "{what} {start}..{end} is not a slice of the body ({} bytes)",
                    body.len()
                )
            })
        };
        let exact = |what: &str, start: usize, end: usize, text: &str| -> Result<(), String> {
            let piece = slice(what, start, end)?;
            if piece == text {
                Ok(())
            } else {
                Err(format!(
                    "{what} {start}..{end} cuts {piece:?} out of the body, not {text:?}"
                ))
            }
        };
        for (i, e) in self.entities.iter().enumerate() {
            for m in &e.mentions {
                exact(&format!("entity {i} mention"), m.start, m.end, &m.text)?;
            }
        }
        for (i, t) in self.times.iter().enumerate() {
            exact(&format!("time {i}"), t.start, t.end, &t.text)?;
        }
        for (i, q) in self.quotes.iter().enumerate() {
            slice(&format!("quote {i}"), q.start, q.end)?;
        }
        for (i, e) in self.events.iter().enumerate() {
            slice(&format!("event {i}"), e.start, e.end)?;
            if let Some(q) = e.quote
                && q >= self.quotes.len()
            {
                return Err(format!(
                    "event {i} points at quote {q}, which does not exist"
                ));
            }
        }
        for (i, d) in self.duplicates.iter().enumerate() {
            slice(&format!("duplicate {i}"), d.start, d.end)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(body: &str) -> Record {
        Record {
            id: "a".into(),
            path: None,
            sha256: "00".into(),
            language: Some("fr".into()),
            published: None,
            title: None,
            source: None,
            dateline: None,
            url: None,
            body: body.into(),
            removed: Vec::new(),
            entities: Vec::new(),
            quotes: Vec::new(),
            events: Vec::new(),
            times: Vec::new(),
            duplicates: Vec::new(),
            warnings: Vec::new(),
        }
    }

    #[test]
    fn check_finds_offsets_that_do_not_cut_their_text() {
        let mut r = record("Pékin répond.");
        assert_eq!(r.check(), Ok(()));
        r.times.push(TimeExpr {
            text: "Pékin".into(),
            value: None,
            precision: None,
            start: 0,
            end: 6,
        });
        assert_eq!(r.check(), Ok(()));
        r.times[0].end = 2; // inside "é"
        assert!(r.check().unwrap_err().contains("not a slice"));
        r.times[0].end = 5;
        assert!(r.check().unwrap_err().contains("not \"Pékin\""));
        r.times.clear();
        r.duplicates.push(Duplicate {
            document: "b".into(),
            start: 0,
            end: 99,
            similarity: 1.0,
        });
        assert!(r.check().unwrap_err().starts_with("duplicate 0"));
        r.duplicates.clear();
        r.sha256.clear();
        assert!(r.check().unwrap_err().contains("sha256"));
    }

    #[test]
    fn precision_of_iso_values() {
        assert_eq!(Precision::of_iso("2019"), Some(Precision::Year));
        assert_eq!(Precision::of_iso("2019-03"), Some(Precision::Month));
        assert_eq!(Precision::of_iso("2019-03-12"), Some(Precision::Day));
        assert_eq!(
            Precision::of_iso("2019-03-12T08:30:00Z"),
            Some(Precision::Minute)
        );
        assert_eq!(Precision::of_iso("12/03/2019"), None);
        assert_eq!(Precision::of_iso("2019-3"), None);
    }

    #[test]
    fn empty_fields_are_null_or_empty_lists() {
        let r = crate::Document::default().record();
        let v = serde_json::to_value(&r).expect("a record serialises");
        for key in [
            "published",
            "title",
            "source",
            "dateline",
            "language",
            "path",
        ] {
            assert!(v[key].is_null(), "{key} should be null");
        }
        for key in [
            "removed",
            "entities",
            "quotes",
            "events",
            "times",
            "duplicates",
        ] {
            assert_eq!(v[key], serde_json::json!([]), "{key} should be []");
        }
    }

    #[test]
    fn removal_reasons_are_kebab_case() {
        let r = Removal {
            text: "x".into(),
            reason: RemovalReason::RelatedLinks,
        };
        let s = serde_json::to_string(&r).expect("serialises");
        assert!(s.contains("\"related-links\""), "{s}");
    }
}
