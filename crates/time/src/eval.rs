//! Measuring the tagger on the French cases of Microsoft Recognizers-Text
//! (`DateExtractor.json`, `DateParser.json`, `DatePeriodExtractor.json`,
//! `DatePeriodParser.json`, and the date cases of `MergedExtractor.json`; MIT):
//! the pass rate per file.
//!
//! How cases are compared, and why:
//!
//! - **Scope.** A case is in scope when its expected spans are the expected
//!   texts at the expected offsets (a few are not), and every expected result is a `date` or
//!   a `daterange` (times of day and sets come later), the empty cases
//!   included: they test that nothing is found. For the parser files, a case
//!   is also out of scope when its expected values depend on a reference date
//!   the file does not give: many cases have no `Context`, and the gold was
//!   made against whatever day the authors ran it (2016, 2017, 2018…). Such a
//!   case stays in scope when each expected value is judgeable without a
//!   reference: its `Timex` leaves the unknown open (`XXXX-WXX-5`) or names a
//!   year that the expected text writes in figures.
//! - **Spans.** The files disagree with themselves on where a span starts
//!   ("pour le 27", "le 27" and "27" for the same input shape): spans are
//!   compared after taking white space, closing punctuation and leading
//!   function words (`le`, `la`, `l'`, `pour`, `du`, `de`, `en`, `sur`,
//!   `dans`, `entre`, `depuis`, `à`…) off both sides. An extractor case passes
//!   when the set of spans found, restricted to the file's kinds (dates for
//!   `Date*`, periods and ranges for `DatePeriod*`), equals the expected set.
//! - **Values.** A parser case passes when its spans pass and each expected
//!   result's value matches the expression found on that span. With a
//!   reference date, the value matches when the days found equal the
//!   `FutureResolution` or the `PastResolution` (the gold gives both and
//!   leaves the choice to the reader; the tagger makes one choice, from the
//!   tense). Periods compare their first day and their end, taken as the gold
//!   takes it: the day after the last for a calendar unit ("février" ends on
//!   `03-01`), the first day of the second end for a range ("du 4 au 22"
//!   ends on the 22nd, "2014-2018" on `2018-01-01`). Seasons, which the gold
//!   leaves unresolved, compare their TIMEX3 code and year. Without a
//!   reference, the value is the tagger's TIMEX3 value of the words alone,
//!   compared with the gold `Timex` (whose intervals `(A,B,P…)` are read as
//!   `A/B`, decades and quarters as their TIMEX3 forms), or, for a `Timex`
//!   naming its year, the days found.

use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

use serde_json::Value;

use crate::found::{Found, Kind};
use crate::reference::Reference;
use crate::tagger::TimeTagger;

/// The files measured, with whether they test values and the kinds they cover.
const FILES: &[(&str, bool, &[Kind])] = &[
    ("DateExtractor", false, &[Kind::Date]),
    ("DateParser", true, &[Kind::Date]),
    ("DatePeriodExtractor", false, &[Kind::Period, Kind::Range]),
    ("DatePeriodParser", true, &[Kind::Period, Kind::Range]),
    (
        "MergedExtractor",
        false,
        &[Kind::Date, Kind::Period, Kind::Range],
    ),
];

/// The evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A file is not the JSON list of cases expected.
    #[error("{path}: {message}")]
    Format {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The tagger's data could not be loaded.
    #[error(transparent)]
    Tagger(#[from] crate::TimeError),
}

/// The score of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileScore {
    /// File name without `.json`.
    pub file: String,
    /// Cases in the file.
    pub cases: usize,
    /// Cases in scope (see the module documentation).
    pub in_scope: usize,
    /// Cases in scope that pass.
    pub passed: usize,
}

impl FileScore {
    /// Passed over in scope (0 when none is in scope).
    pub fn rate(&self) -> f64 {
        if self.in_scope == 0 {
            0.0
        } else {
            self.passed as f64 / self.in_scope as f64
        }
    }
}

/// One case in scope that did not pass, to look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// File name without `.json`.
    pub file: String,
    /// The case's input text.
    pub input: String,
    /// What the gold expects, in short.
    pub expected: String,
    /// What the tagger found, in short.
    pub found: String,
}

/// Scores of every file measured, and the failures.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// One row per file.
    pub rows: Vec<FileScore>,
    /// Cases in scope that failed.
    pub failures: Vec<Failure>,
}

impl Report {
    /// The pass rate of a file, if measured.
    pub fn rate(&self, file: &str) -> Option<f64> {
        self.rows
            .iter()
            .find(|r| r.file == file)
            .map(FileScore::rate)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<22} {:>6} {:>9} {:>7} {:>7}",
            "file", "cases", "in scope", "passed", "rate"
        )?;
        for r in &self.rows {
            writeln!(
                f,
                "{:<22} {:>6} {:>9} {:>7} {:>6.1}%",
                r.file,
                r.cases,
                r.in_scope,
                r.passed,
                100.0 * r.rate()
            )?;
        }
        Ok(())
    }
}

/// Runs the French tagger on the Recognizers-Text files in `dir`.
pub fn run_dates_eval(dir: &Path) -> Result<Report, EvalError> {
    run_dates_eval_with(&TimeTagger::french()?, dir)
}

/// Runs `tagger` on the Recognizers-Text files in `dir`.
pub fn run_dates_eval_with(tagger: &TimeTagger, dir: &Path) -> Result<Report, EvalError> {
    let mut report = Report::default();
    for &(name, parser, kinds) in FILES {
        let path = dir.join(format!("{name}.json"));
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(&path).map_err(|source| EvalError::Io {
            path: shown.clone(),
            source,
        })?;
        let text = text.trim_start_matches('\u{feff}');
        let cases: Vec<Value> = serde_json::from_str(text).map_err(|e| EvalError::Format {
            path: shown.clone(),
            message: e.to_string(),
        })?;
        let mut row = FileScore {
            file: name.to_string(),
            cases: cases.len(),
            in_scope: 0,
            passed: 0,
        };
        for case in &cases {
            let Some(c) = Case::read(case) else {
                return Err(EvalError::Format {
                    path: shown,
                    message: "a case without Input or Results".to_string(),
                });
            };
            if !c.in_scope(parser) {
                continue;
            }
            row.in_scope += 1;
            let found: Vec<Found> = tagger
                .find(&c.input, c.reference.as_ref())
                .into_iter()
                .filter(|f| kinds.contains(&f.kind))
                .collect();
            match c.check(&found, parser) {
                Ok(()) => row.passed += 1,
                Err(expected) => report.failures.push(Failure {
                    file: name.to_string(),
                    input: c.input.clone(),
                    expected,
                    found: found
                        .iter()
                        .map(|f| {
                            format!(
                                "{:?} {} {}..{}",
                                f.text,
                                f.timex,
                                f.first_day.as_deref().unwrap_or("-"),
                                f.last_day.as_deref().unwrap_or("-")
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("; "),
                }),
            }
        }
        report.rows.push(row);
    }
    Ok(report)
}

/// One expected result.
struct Expected {
    text: String,
    start: usize,
    end: usize,
    kind: String,
    timex: Option<String>,
    /// (first day, end) of the future and past resolutions.
    future: Option<(String, Option<String>)>,
    past: Option<(String, Option<String>)>,
}

struct Case {
    /// Whether every expected span fits the input (a few gold offsets do not).
    sound: bool,
    input: String,
    reference: Option<Reference>,
    expected: Vec<Expected>,
}

/// Byte offsets of the `len` characters from character `start`.
fn byte_span(text: &str, start: usize, len: usize) -> Option<(usize, usize)> {
    let mut idx = text.char_indices().map(|(b, _)| b).chain([text.len()]);
    let s = idx.nth(start)?;
    let e = if len == 0 { s } else { idx.nth(len - 1)? };
    Some((s, e))
}

fn resolution(v: &Value) -> Option<(String, Option<String>)> {
    let obj = v.as_object()?;
    if let Some(d) = obj.get("date").and_then(Value::as_str) {
        return Some((d.to_string(), None));
    }
    let s = obj.get("startDate").and_then(Value::as_str)?;
    let e = obj.get("endDate").and_then(Value::as_str);
    Some((s.to_string(), e.map(str::to_string)))
}

impl Case {
    fn read(v: &Value) -> Option<Case> {
        let input = v.get("Input")?.as_str()?.to_string();
        let reference = v
            .get("Context")
            .and_then(|c| c.get("ReferenceDateTime"))
            .and_then(Value::as_str)
            .and_then(|s| Reference::parse(s.get(..10)?));
        let mut expected = Vec::new();
        let mut sound = true;
        for r in v.get("Results")?.as_array()? {
            let start = usize::try_from(r.get("Start")?.as_u64()?).ok()?;
            let len = usize::try_from(r.get("Length")?.as_u64()?).ok()?;
            let text = r.get("Text")?.as_str()?;
            let (start, end) = match byte_span(&input, start, len) {
                Some((s, e)) if input[s..e].trim() == text.trim() => (s, e),
                _ => {
                    sound = false;
                    (0, 0)
                }
            };
            let value = r.get("Value");
            expected.push(Expected {
                text: r.get("Text")?.as_str()?.to_string(),
                start,
                end,
                kind: r.get("Type")?.as_str()?.to_string(),
                timex: value
                    .and_then(|v| v.get("Timex"))
                    .and_then(Value::as_str)
                    .map(str::to_string),
                future: value
                    .and_then(|v| v.get("FutureResolution"))
                    .and_then(resolution),
                past: value
                    .and_then(|v| v.get("PastResolution"))
                    .and_then(resolution),
            });
        }
        Some(Case {
            sound,
            input,
            reference,
            expected,
        })
    }

    fn in_scope(&self, parser: bool) -> bool {
        if !self.sound {
            return false;
        }
        if !self
            .expected
            .iter()
            .all(|e| e.kind == "date" || e.kind == "daterange")
        {
            return false;
        }
        if !parser || self.reference.is_some() {
            return true;
        }
        self.expected.iter().all(|e| {
            let Some(t) = &e.timex else { return false };
            timex_parts(t)
                .iter()
                .all(|p| p.contains('X') || year_written(p, &e.text))
        })
    }

    fn spans(&self) -> BTreeSet<(usize, usize)> {
        self.expected
            .iter()
            .map(|e| trim_span(&self.input, e.start, e.end))
            .collect()
    }

    /// `Ok` when the case passes, else what was expected.
    fn check(&self, found: &[Found], parser: bool) -> Result<(), String> {
        let want = self.spans();
        let got: BTreeSet<(usize, usize)> = found
            .iter()
            .map(|f| trim_span(&self.input, f.span.start, f.span.end))
            .collect();
        let show = || {
            self.expected
                .iter()
                .map(|e| {
                    format!(
                        "{:?} {} {:?}|{:?}",
                        e.text,
                        e.timex.as_deref().unwrap_or("-"),
                        e.future,
                        e.past
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        if want != got {
            return Err(show());
        }
        if !parser {
            return Ok(());
        }
        for e in &self.expected {
            let span = trim_span(&self.input, e.start, e.end);
            let f = found
                .iter()
                .find(|f| trim_span(&self.input, f.span.start, f.span.end) == span)
                .ok_or_else(show)?;
            if !self.value_matches(e, f) {
                return Err(show());
            }
        }
        Ok(())
    }

    fn value_matches(&self, e: &Expected, f: &Found) -> bool {
        let Some(timex) = &e.timex else { return false };
        if self.reference.is_none() && timex.contains('X') {
            return normalise_timex(timex) == f.timex;
        }
        if e.future.is_none() && e.past.is_none() {
            // Seasons: the gold gives only a TIMEX3 value.
            let code = timex.rsplit('-').next().unwrap_or("");
            let ours = f.timex.rsplit('-').next().unwrap_or("");
            if code != ours {
                return false;
            }
            return match timex.split_once('-') {
                Some((y, _)) => f.first_day.as_deref().is_some_and(|d| d.starts_with(y)),
                None => true,
            };
        }
        let Some(first) = f.first_day.as_deref() else {
            return false;
        };
        let end = match (f.kind, f.last_day.as_deref()) {
            (Kind::Range, _) => f.range_end_first.clone(),
            (_, Some(last)) => day_after(last),
            _ => None,
        };
        [&e.future, &e.past].into_iter().flatten().any(|(s, en)| {
            s == first
                && match en {
                    None => f.first_day == f.last_day || f.kind == Kind::Date,
                    Some(en) => end.as_deref() == Some(en.as_str()),
                }
        })
    }
}

fn day_after(iso: &str) -> Option<String> {
    let d = chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok()?;
    Some(d.succ_opt()?.format("%Y-%m-%d").to_string())
}

/// The dates inside a gold Timex: both ends of an interval `(A,B,P…)`.
fn timex_parts(t: &str) -> Vec<String> {
    match t.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        Some(inner) => inner.split(',').take(2).map(str::to_string).collect(),
        None => vec![t.to_string()],
    }
}

/// Whether the year of a gold Timex part is written in figures in the text.
fn year_written(part: &str, text: &str) -> bool {
    let Some(year) = part
        .get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
    else {
        return false;
    };
    let numbers: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    if numbers.iter().any(|n| n.len() == 4) {
        return numbers.contains(&year);
    }
    // A two-digit year ("05/05/71", "août 99") is the last number.
    numbers
        .last()
        .is_some_and(|n| n.len() == 2 && year.ends_with(n))
}

/// A gold Timex in the TIMEX3 form the tagger writes.
fn normalise_timex(t: &str) -> String {
    let Some(inner) = t.strip_prefix('(').and_then(|s| s.strip_suffix(')')) else {
        if t.len() == 2 && t.bytes().all(|b| b.is_ascii_uppercase()) {
            return format!("XXXX-{t}");
        }
        return t.to_string();
    };
    let parts: Vec<&str> = inner.split(',').collect();
    let (a, b, d) = match parts.as_slice() {
        [a, b, d] => (*a, *b, *d),
        _ => return t.to_string(),
    };
    if d == "P10Y" && a.ends_with("0-01-01") {
        return a[..3].to_string();
    }
    if (d == "P3M" || d == "P6M") && a.ends_with("-01") {
        let month: u32 = a.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(0);
        let (letter, len) = if d == "P3M" { ('Q', 3) } else { ('H', 6) };
        if month >= 1 && (month - 1).is_multiple_of(len) {
            return format!("{}-{letter}{}", &a[..4], (month - 1) / len + 1);
        }
    }
    format!("{a}/{b}")
}

/// Leading words the gold includes in spans or leaves out, inconsistently.
const LEADING: &[&str] = &[
    "pour", "le", "la", "les", "l'", "l’", "du", "de", "d'", "d’", "des", "au", "aux", "en", "sur",
    "dans", "entre", "depuis", "à", "a",
];

/// `start..end` of `text` without white space, closing punctuation and leading
/// function words.
fn trim_span(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let s = |a: usize, b: usize| text.get(a..b).unwrap_or("");
    loop {
        let cur = s(start, end);
        let trimmed = cur.trim_start();
        start += cur.len() - trimmed.len();
        let lower = trimmed.to_lowercase();
        let word = LEADING.iter().find(|w| {
            lower.starts_with(*w)
                && lower[w.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_whitespace() || w.ends_with(['\'', '’']))
        });
        match word {
            Some(w) if lower.len() > w.len() => start += w.len(),
            _ => break,
        }
    }
    loop {
        let cur = s(start, end);
        let trimmed = cur.trim_end_matches(|c: char| c.is_whitespace() || ".,!?;:".contains(c));
        if trimmed.len() == cur.len() {
            break;
        }
        end = start + trimmed.len();
    }
    (start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_function_words_and_punctuation() {
        let t = "Je suis retourne pour le 27 .";
        let (s, e) = trim_span(t, 17, 29);
        assert_eq!(&t[s..e], "27");
        let t = "la semaine de l'année";
        let (s, e) = trim_span(t, 14, t.len());
        assert_eq!(&t[s..e], "année");
    }

    #[test]
    fn reads_gold_timex_as_timex3() {
        assert_eq!(
            normalise_timex("(XXXX-09-03,XXXX-09-12,P9D)"),
            "XXXX-09-03/XXXX-09-12"
        );
        assert_eq!(normalise_timex("(XX70-01-01,XX80-01-01,P10Y)"), "XX7");
        assert_eq!(normalise_timex("(XXXX-07-01,XXXX-10-01,P3M)"), "XXXX-Q3");
        assert_eq!(normalise_timex("SU"), "XXXX-SU");
        assert!(year_written("2016-11-16", "16 novembre 2016"));
        assert!(year_written("1971-05-05", "05/05/71"));
        assert!(!year_written("2016-11-08", "demain"));
        assert!(!year_written("2016-04-21", "16 avril 2021"));
    }
}
