//! Publication dates: the ISO forms, RFC 2822 and numeric forms feeds give,
//! and dates in words ("lundi 10 janvier 2022") read with a language's calendar.

use chronicle_model::Precision;

use crate::fold::fold;
use crate::rules::Calendar;

/// A date normalised to ISO 8601 at its precision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormalDate {
    /// `2019`, `2019-03`, `2019-03-12` or `2019-03-12T08:30`.
    pub value: String,
    /// The precision of `value`.
    pub precision: Precision,
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

fn plausible_year(year: i32) -> bool {
    (1800..=2200).contains(&year)
}

fn ymd(year: i32, month: Option<u32>, day: Option<u32>) -> Option<NormalDate> {
    if !plausible_year(year) {
        return None;
    }
    match (month, day) {
        (None, _) => Some(NormalDate {
            value: format!("{year:04}"),
            precision: Precision::Year,
        }),
        (Some(m), None) if (1..=12).contains(&m) => Some(NormalDate {
            value: format!("{year:04}-{m:02}"),
            precision: Precision::Month,
        }),
        (Some(m), Some(d)) if (1..=12).contains(&m) && d >= 1 && d <= days_in_month(year, m) => {
            Some(NormalDate {
                value: format!("{year:04}-{m:02}-{d:02}"),
                precision: Precision::Day,
            })
        }
        _ => None,
    }
}

fn num<T: std::str::FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Reads an ISO 8601 date or date-time (`2022-01-10T08:30:00+01:00` gives
/// `2022-01-10T08:30` at minute precision, in the time zone as written).
pub fn parse_iso(s: &str) -> Option<NormalDate> {
    let s = s.trim();
    let (date, time) = match s.find(['T', ' ']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    let day = match parts.as_slice() {
        [y] if y.len() == 4 => return ymd(num(y)?, None, None),
        [y, m] if y.len() == 4 && m.len() == 2 => return ymd(num(y)?, Some(num(m)?), None),
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            ymd(num(y)?, Some(num(m)?), Some(num(d)?))?
        }
        _ => return None,
    };
    let Some(time) = time else { return Some(day) };
    let hm = time.get(..5)?;
    let (h, m) = hm.split_once(':')?;
    let (h, m): (u32, u32) = (num(h)?, num(m)?);
    if h > 23 || m > 59 {
        return Some(day);
    }
    Some(NormalDate {
        value: format!("{}T{h:02}:{m:02}", day.value),
        precision: Precision::Minute,
    })
}

/// Reads a numeric date as French and most feeds write it: `10/01/2022`,
/// `10.01.2022`, `2022/01/10`.
pub fn parse_numeric(s: &str) -> Option<NormalDate> {
    let s = s.trim();
    let parts: Vec<&str> = s.split(['/', '.']).collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => ymd(num(y)?, Some(num(m)?), Some(num(d)?)),
        [d, m, y] if y.len() == 4 && d.len() <= 2 && m.len() <= 2 => {
            ymd(num(y)?, Some(num(m)?), Some(num(d)?))
        }
        _ => None,
    }
}

/// Reads an RFC 2822 date, as RSS feeds give (`Mon, 10 Jan 2022 08:30:00 +0100`).
pub fn parse_rfc2822(s: &str) -> Option<NormalDate> {
    let dt = chrono::DateTime::parse_from_rfc2822(s.trim()).ok()?;
    Some(NormalDate {
        value: dt.format("%Y-%m-%dT%H:%M").to_string(),
        precision: Precision::Minute,
    })
}

/// Reads a date in words with one of `calendars`: `lundi 10 janvier 2022`,
/// `1er février 2021`, `janvier 2020`, `January 10, 2022`. A weekday, when
/// named, must agree with the date.
pub fn parse_words(s: &str, calendars: &[Calendar]) -> Option<NormalDate> {
    let folded = fold(s);
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for cal in calendars {
        let (mut year, mut month, mut day, mut weekday) = (None, None, None, None);
        let mut ok = true;
        for w in &words {
            let w = w.trim_end_matches('.');
            if let Some(m) = cal.months.get(w) {
                month = Some(*m);
            } else if let Some(d) = cal.weekdays.get(w) {
                weekday = Some(*d);
            } else if let Some(n) = num::<i32>(w) {
                if w.len() == 4 {
                    year = Some(n);
                } else if w.len() <= 2 && day.is_none() {
                    day = Some(n as u32);
                } else {
                    ok = false;
                }
            } else if let Some(n) = cal
                .ordinal_suffixes
                .iter()
                .find_map(|suf| w.strip_suffix(suf.as_str()).and_then(num::<u32>))
            {
                day = Some(n);
            } else if !cal.filler.contains(w) {
                ok = false;
            }
        }
        if !ok || month.is_none() || year.is_none() {
            continue;
        }
        let date = ymd(year?, month, day)?;
        if let (Some(wd), Some(d)) = (weekday, day) {
            let real = chrono::NaiveDate::from_ymd_opt(year?, month?, d)?;
            if chrono::Datelike::weekday(&real).num_days_from_monday() != wd {
                return None;
            }
        }
        return Some(date);
    }
    None
}

/// Reads a date given by a caller or found in a metadata line, in any of the
/// forms above.
pub fn parse_any(s: &str, calendars: &[Calendar]) -> Option<NormalDate> {
    parse_iso(s)
        .or_else(|| parse_numeric(s))
        .or_else(|| parse_rfc2822(s))
        .or_else(|| parse_words(s, calendars))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{BUILTIN_LANGUAGES, DataSource, Rules};

    fn calendars() -> Vec<Calendar> {
        Rules::load(&DataSource::Builtin, BUILTIN_LANGUAGES)
            .expect("rules")
            .calendars
    }

    #[test]
    fn iso_forms() {
        assert_eq!(parse_iso("2019").map(|d| d.value), Some("2019".into()));
        assert_eq!(
            parse_iso("2019-03").map(|d| d.precision),
            Some(Precision::Month)
        );
        assert_eq!(
            parse_iso("2022-01-10T08:30:00+01:00").map(|d| d.value),
            Some("2022-01-10T08:30".into())
        );
        assert_eq!(parse_iso("2022-02-30"), None);
        assert_eq!(parse_iso("hier"), None);
    }

    #[test]
    fn numeric_and_rfc_forms() {
        assert_eq!(
            parse_numeric("10/01/2022").map(|d| d.value),
            Some("2022-01-10".into())
        );
        assert_eq!(
            parse_rfc2822("Mon, 10 Jan 2022 08:30:00 +0100").map(|d| d.value),
            Some("2022-01-10T08:30".into())
        );
    }

    #[test]
    fn words_in_french_and_english() {
        let cals = calendars();
        assert_eq!(
            parse_words("lundi 10 janvier 2022", &cals).map(|d| d.value),
            Some("2022-01-10".into())
        );
        assert_eq!(
            parse_words("1er février 2021", &cals).map(|d| d.value),
            Some("2021-02-01".into())
        );
        assert_eq!(
            parse_words("janvier 2020", &cals).map(|d| d.value),
            Some("2020-01".into())
        );
        assert_eq!(
            parse_words("January 10, 2022", &cals).map(|d| d.value),
            Some("2022-01-10".into())
        );
        // the weekday does not fit the date
        assert_eq!(parse_words("mardi 10 janvier 2022", &cals), None);
        assert_eq!(parse_words("10 janvier", &cals), None);
    }
}
