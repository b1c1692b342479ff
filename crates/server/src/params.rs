//! Query-string parameters, read strictly: an unknown or repeated parameter,
//! a number out of range or a malformed date is a 400 that says which, never
//! a silent default (a typo like `?sourec=XVA` would otherwise list
//! everything).

use std::collections::BTreeMap;

use chronicle_store::Period;

use crate::error::ApiError;

/// Default page size of lists.
pub const DEFAULT_LIMIT: usize = 50;
/// Largest page size a request may ask for.
pub const MAX_LIMIT: usize = 1000;

/// The decoded parameters of one request.
#[derive(Debug, Clone, Default)]
pub struct Params {
    values: BTreeMap<String, String>,
}

impl Params {
    /// Decodes a query string (`a=1&b=caf%C3%A9`, `+` for a space). A
    /// parameter given twice is an error.
    pub fn parse(query: &str) -> Result<Params, ApiError> {
        let mut values = BTreeMap::new();
        for (k, v) in form_urlencoded::parse(query.as_bytes()) {
            if k.is_empty() {
                continue;
            }
            if values.insert(k.to_string(), v.to_string()).is_some() {
                return Err(ApiError::bad_request(format!(
                    "parameter {k:?} is given more than once"
                )));
            }
        }
        Ok(Params { values })
    }

    /// Refuses any parameter not in `allowed`, naming the ones that are.
    pub fn allow(&self, allowed: &[&str]) -> Result<(), ApiError> {
        for k in self.values.keys() {
            if !allowed.contains(&k.as_str()) {
                let known = if allowed.is_empty() {
                    "this endpoint takes none".to_string()
                } else {
                    format!("known: {}", allowed.join(", "))
                };
                return Err(ApiError::bad_request(format!(
                    "unknown parameter {k:?} ({known})"
                )));
            }
        }
        Ok(())
    }

    /// A text parameter, trimmed; blank counts as absent.
    pub fn text(&self, key: &str) -> Option<String> {
        self.values
            .get(key)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    }

    /// A text parameter that must be there.
    pub fn required(&self, key: &str) -> Result<String, ApiError> {
        self.text(key)
            .ok_or_else(|| ApiError::bad_request(format!("parameter {key:?} is required")))
    }

    /// A whole number in `min..=max`, or `default` when absent.
    pub fn number(
        &self,
        key: &str,
        default: usize,
        min: usize,
        max: usize,
    ) -> Result<usize, ApiError> {
        let Some(v) = self.text(key) else {
            return Ok(default);
        };
        match v.parse::<usize>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(ApiError::bad_request(format!(
                "parameter {key:?} must be a whole number from {min} to {max}, not {v:?}"
            ))),
        }
    }

    /// `limit` (1 to [`MAX_LIMIT`], default [`DEFAULT_LIMIT`]) and `offset`.
    pub fn page(&self) -> Result<Page, ApiError> {
        Ok(Page {
            limit: self.number("limit", DEFAULT_LIMIT, 1, MAX_LIMIT)?,
            offset: self.number("offset", 0, 0, usize::MAX / 2)?,
        })
    }

    /// A yes/no flag: `true`, `1`, `yes` or `false`, `0`, `no`.
    pub fn flag(&self, key: &str) -> Result<bool, ApiError> {
        match self.text(key).map(|v| v.to_ascii_lowercase()).as_deref() {
            None | Some("false" | "0" | "no") => Ok(false),
            Some("true" | "1" | "yes") => Ok(true),
            Some(other) => Err(ApiError::bad_request(format!(
                "parameter {key:?} must be true or false, not {other:?}"
            ))),
        }
    }

    /// An ISO date at any precision: `2024`, `2024-03`, `2024-03-05`.
    pub fn date(&self, key: &str) -> Result<Option<String>, ApiError> {
        let Some(v) = self.text(key) else {
            return Ok(None);
        };
        if iso_date(&v) {
            Ok(Some(v))
        } else {
            Err(ApiError::bad_request(format!(
                "parameter {key:?} must be a date like 2024, 2024-03 or 2024-03-05, not {v:?}"
            )))
        }
    }

    /// `from` and `to`, checked to run forwards.
    pub fn dates(&self) -> Result<(Option<String>, Option<String>), ApiError> {
        let from = self.date("from")?;
        let to = self.date("to")?;
        if let (Some(a), Some(b)) = (&from, &to) {
            // `to` is a prefix bound: 2024-03 ends with March.
            let a_cut = &a[..a.len().min(b.len())];
            if a_cut > b.as_str() {
                return Err(ApiError::bad_request(format!(
                    "\"from\" ({a}) is after \"to\" ({b})"
                )));
            }
        }
        Ok((from, to))
    }

    /// A PLOVER event type, upper-cased; unknown types are refused.
    pub fn event_type(&self, key: &str) -> Result<Option<String>, ApiError> {
        let Some(v) = self.text(key) else {
            return Ok(None);
        };
        let upper = v.to_ascii_uppercase();
        if chronicle_store::quad_class(&upper).is_some() {
            Ok(Some(upper))
        } else {
            Err(ApiError::bad_request(format!(
                "unknown event type {v:?}: use a PLOVER type ({})",
                EVENT_TYPES.join(", ")
            )))
        }
    }

    /// A quad class: `verbal cooperation`, `material conflict`… (or
    /// `verbal-cooperation`).
    pub fn quad(&self, key: &str) -> Result<Option<String>, ApiError> {
        let Some(v) = self.text(key) else {
            return Ok(None);
        };
        let norm = v.to_ascii_lowercase().replace(['-', '_'], " ");
        if chronicle_store::QUAD_CLASSES.contains(&norm.as_str()) {
            Ok(Some(norm))
        } else {
            Err(ApiError::bad_request(format!(
                "unknown quad class {v:?}: use {}",
                chronicle_store::QUAD_CLASSES.join(", ")
            )))
        }
    }

    /// The period to count by: day, week or month (default month).
    pub fn period(&self, key: &str) -> Result<Period, ApiError> {
        match self.text(key) {
            None => Ok(Period::Month),
            Some(v) => v.parse::<Period>().map_err(ApiError::bad_request),
        }
    }

    /// An entity type: PER, ORG, LOC or MISC.
    pub fn entity_type(&self, key: &str) -> Result<Option<String>, ApiError> {
        let Some(v) = self.text(key) else {
            return Ok(None);
        };
        let upper = v.to_ascii_uppercase();
        if ["PER", "ORG", "LOC", "MISC"].contains(&upper.as_str()) {
            Ok(Some(upper))
        } else {
            Err(ApiError::bad_request(format!(
                "unknown entity type {v:?}: use PER, ORG, LOC or MISC"
            )))
        }
    }
}

/// A page of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// At most this many items.
    pub limit: usize,
    /// After skipping this many.
    pub offset: usize,
}

/// The PLOVER types, in quad-class order.
pub const EVENT_TYPES: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// Whether `s` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a real month and day.
fn iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let num = |p: &str| p.parse::<u32>().unwrap_or(0);
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && (1..=12).contains(&num(m)),
        [y, m, d] => {
            digits(y, 4)
                && digits(m, 2)
                && digits(d, 2)
                && (1..=12).contains(&num(m))
                && (1..=31).contains(&num(d))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_and_strictness() {
        let p = Params::parse("q=%C3%A9tat+d%27urgence&limit=5").expect("parse");
        assert_eq!(p.text("q").as_deref(), Some("état d'urgence"));
        assert!(p.allow(&["q", "limit"]).is_ok());
        let err = p.allow(&["q"]).expect_err("limit unknown");
        assert_eq!(err.status, 400);
        assert!(err.message.contains("limit"), "{}", err.message);
        assert!(Params::parse("a=1&a=2").is_err());
    }

    #[test]
    fn numbers_dates_and_types() {
        let p = Params::parse("limit=0&from=2024-13&type=accuse&by=week&to=2024").expect("parse");
        assert!(p.page().is_err());
        assert!(p.date("from").is_err());
        assert_eq!(p.date("to").expect("ok").as_deref(), Some("2024"));
        assert_eq!(p.event_type("type").expect("ok").as_deref(), Some("ACCUSE"));
        assert_eq!(p.period("by").expect("ok"), Period::Week);
        let bad = Params::parse("type=HUG&by=year&from=2024-05&to=2024-03").expect("parse");
        assert!(bad.event_type("type").is_err());
        assert!(bad.period("by").is_err());
        assert!(bad.dates().is_err());
        let ok = Params::parse("from=2024-03-05&to=2024-03").expect("parse");
        assert!(ok.dates().is_ok());
        assert!(iso_date("2024-02-29"));
        assert!(!iso_date("24-02"));
        assert!(!iso_date("2024-1"));
    }

    #[test]
    fn quad_classes_and_flags() {
        let p = Params::parse("q=material-conflict&f=yes&g=peut-etre").expect("parse");
        assert_eq!(
            p.quad("q").expect("ok").as_deref(),
            Some("material conflict")
        );
        assert!(p.flag("f").expect("ok"));
        assert!(!p.flag("absent").expect("ok"));
        assert!(p.flag("g").is_err());
    }
}
