//! Calendar days as integers (days since 1970-01-01, proleptic Gregorian), so
//! that "within three days" is a subtraction and a range an index scan.

/// The day number of a civil date.
fn from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number.
fn to_civil(day: i64) -> (i64, i64, i64) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    let next = if month == 12 {
        from_civil(year + 1, 1, 1)
    } else {
        from_civil(year, month + 1, 1)
    };
    next - from_civil(year, month, 1)
}

/// The first and last day an ISO date covers at its precision: `2022-01-10`
/// one day, `2022-01` the month, `2022` the year; a time of day is ignored.
/// `None` for anything else.
pub fn day_range(iso: &str) -> Option<(i64, i64)> {
    let part = |r: std::ops::Range<usize>| -> Option<i64> {
        let s = iso.get(r)?;
        if s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    let year = part(0..4)?;
    let dash = |i: usize| iso.as_bytes().get(i) == Some(&b'-');
    if iso.len() == 4 {
        return Some((from_civil(year, 1, 1), from_civil(year, 12, 31)));
    }
    let month = part(5..7).filter(|m| (1..=12).contains(m) && dash(4))?;
    if iso.len() == 7 {
        let first = from_civil(year, month, 1);
        return Some((first, first + days_in_month(year, month) - 1));
    }
    let day = part(8..10).filter(|d| *d >= 1 && *d <= days_in_month(year, month) && dash(7))?;
    if iso.len() == 10 || matches!(iso.as_bytes().get(10), Some(b'T' | b' ')) {
        let n = from_civil(year, month, day);
        return Some((n, n));
    }
    None
}

/// The day number of an ISO date's first day (see [`day_range`]).
pub fn day_number(iso: &str) -> Option<i64> {
    day_range(iso).map(|(first, _)| first)
}

/// The ISO week of a day number, as (ISO year, week 1 to 53).
pub(crate) fn iso_week(day: i64) -> (i64, i64) {
    // 1970-01-01 was a Thursday; Monday is 0.
    let weekday = (day + 3).rem_euclid(7);
    let thursday = day - weekday + 3;
    let (year, _, _) = to_civil(thursday);
    (year, (thursday - from_civil(year, 1, 1)) / 7 + 1)
}

/// The ISO date (`2022-01-10`) of a day number.
pub fn day_iso(day: i64) -> String {
    let (y, m, d) = to_civil(day);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_and_ranges_follow_precision() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2022-01-10"), Some(19_002));
        for day in [-1000, 0, 59, 11_016, 19_002, 20_000] {
            assert_eq!(day_number(&day_iso(day)), Some(day));
        }
        assert_eq!(
            day_range("2024-02"),
            Some((
                day_number("2024-02-01").unwrap_or(0),
                day_number("2024-02-29").unwrap_or(0)
            ))
        );
        let (a, b) = day_range("2019").unwrap_or((0, 0));
        assert_eq!(b - a, 364);
        assert_eq!(day_range("2022-01-10T08:30:00Z"), day_range("2022-01-10"));
        assert_eq!(day_range("2022-02-30"), None);
        assert_eq!(day_range("10/01/2022"), None);
        assert_eq!(day_range("2022-13"), None);
        let week = |iso: &str| iso_week(day_number(iso).unwrap_or(0));
        assert_eq!(week("2022-01-10"), (2022, 2));
        assert_eq!(week("2022-01-02"), (2021, 52));
        assert_eq!(week("2020-12-31"), (2020, 53));
        assert_eq!(week("2019-12-30"), (2020, 1));
    }
}
