//! Dates of office at any precision ("2019", "2019-03", "2019-03-20"), read
//! as the span of days they cover.

/// A calendar date at year, month or day precision, as the tables write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.rem_euclid(4) == 0
            && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0) =>
        {
            29
        }
        2 => 28,
        _ => 31,
    }
}

fn number<T: std::str::FromStr>(s: &str, digits: usize) -> Option<T> {
    if s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

impl Date {
    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` for anything else or an
    /// impossible date.
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.trim().split('-');
        let year: u16 = number(parts.next()?, 4)?;
        let month: Option<u8> = match parts.next() {
            Some(m) => Some(number(m, 2).filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let day: Option<u8> = match (parts.next(), month) {
            (Some(d), Some(m)) => {
                Some(number(d, 2).filter(|d| *d >= 1 && *d <= days_in_month(year, m))?)
            }
            (Some(_), None) => return None,
            (None, _) => None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The first day the date covers, as a sortable number `YYYYMMDD`.
    pub fn first_day(&self) -> u32 {
        let m = self.month.unwrap_or(1);
        let d = self.day.unwrap_or(1);
        u32::from(self.year) * 10_000 + u32::from(m) * 100 + u32::from(d)
    }

    /// The last day the date covers, as a sortable number `YYYYMMDD`.
    pub fn last_day(&self) -> u32 {
        let m = self.month.unwrap_or(12);
        let d = self.day.unwrap_or(days_in_month(self.year, m));
        u32::from(self.year) * 10_000 + u32::from(m) * 100 + u32::from(d)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_precision() {
        let y = Date::parse("2019");
        assert_eq!(
            y.map(|d| (d.first_day(), d.last_day())),
            Some((20190101, 20191231))
        );
        let m = Date::parse("2019-02");
        assert_eq!(
            m.map(|d| (d.first_day(), d.last_day())),
            Some((20190201, 20190228))
        );
        let d = Date::parse("2019-03-20");
        assert_eq!(
            d.map(|d| (d.first_day(), d.last_day())),
            Some((20190320, 20190320))
        );
        assert_eq!(Date::parse("2020-02").map(|d| d.last_day()), Some(20200229));
        assert_eq!(d.map(|d| d.to_string()), Some("2019-03-20".to_string()));
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for bad in [
            "",
            "19",
            "2019-13",
            "2019-02-30",
            "2019-3-1",
            "2019-03-01-01",
            "mars",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }
}
