//! Calendar arithmetic on `chrono` dates: months, weeks, weekdays, periods.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use chronicle_model::Precision;

/// A day from its parts, if it exists.
pub(crate) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The last day of a month.
pub(crate) fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1)?.pred_opt()
}

/// `d` moved by `n` days.
pub(crate) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// `d` moved by `n` months, the day clamped to the month's length.
pub(crate) fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n.unsigned_abs()))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

/// The month `n` months after (`y`, `m`).
pub(crate) fn shift_month(y: i32, m: u32, n: i32) -> (i32, u32) {
    let k = y * 12 + m as i32 - 1 + n;
    (k.div_euclid(12), k.rem_euclid(12) as u32 + 1)
}

/// Weekday number, 0 for Monday.
pub(crate) fn weekday0(d: NaiveDate) -> u32 {
    d.weekday().num_days_from_monday()
}

/// The Monday of `d`'s week.
pub(crate) fn monday(d: NaiveDate) -> Option<NaiveDate> {
    add_days(d, -i64::from(weekday0(d)))
}

/// The day of weekday `wd` (0 Monday) in the week of `d` moved by `weeks`.
pub(crate) fn weekday_in_week(d: NaiveDate, wd: u32, weeks: i64) -> Option<NaiveDate> {
    add_days(monday(d)?, weeks * 7 + i64::from(wd))
}

/// The `n`-th (1-based) weekday `wd` of a month, or its last when `n` is `None`.
pub(crate) fn nth_weekday(y: i32, m: u32, wd: u32, n: Option<u32>) -> Option<NaiveDate> {
    match n {
        Some(n) => {
            let first = ymd(y, m, 1)?;
            let offset = (7 + wd - weekday0(first)) % 7;
            let d = add_days(first, i64::from(offset + (n.checked_sub(1)?) * 7))?;
            (d.month() == m).then_some(d)
        }
        None => {
            let last = month_end(y, m)?;
            let back = (7 + weekday0(last) - wd) % 7;
            add_days(last, -i64::from(back))
        }
    }
}

/// The Monday of ISO week `w` of year `y`.
pub(crate) fn iso_week(y: i32, w: u32) -> Option<NaiveDate> {
    NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)
}

/// `d` cut to a precision, as a comparable key.
pub(crate) fn key(d: NaiveDate, p: Precision) -> (i32, u32, u32) {
    match p {
        Precision::Year => (d.year(), 0, 0),
        Precision::Month => (d.year(), d.month(), 0),
        Precision::Day | Precision::Minute => (d.year(), d.month(), d.day()),
    }
}

/// `d` written at a precision: `2019`, `2019-03`, `2019-03-12`.
pub(crate) fn iso(d: NaiveDate, p: Precision) -> String {
    match p {
        Precision::Year => format!("{:04}", d.year()),
        Precision::Month => format!("{:04}-{:02}", d.year(), d.month()),
        Precision::Day | Precision::Minute => d.format("%Y-%m-%d").to_string(),
    }
}

/// How fine a precision is: a year 0, a month 1, a day 2, a minute 3.
pub(crate) fn fineness(p: Precision) -> u8 {
    match p {
        Precision::Year => 0,
        Precision::Month => 1,
        Precision::Day => 2,
        Precision::Minute => 3,
    }
}

/// The finest of year, month and day at which `first` and `last` fall in one unit.
pub(crate) fn enclosing(first: NaiveDate, last: NaiveDate) -> Option<Precision> {
    if first == last {
        Some(Precision::Day)
    } else if first.year() == last.year() && first.month() == last.month() {
        Some(Precision::Month)
    } else if first.year() == last.year() {
        Some(Precision::Year)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_and_weeks() {
        let d = ymd(2016, 11, 7).expect("day");
        assert_eq!(weekday0(d), 0);
        assert_eq!(weekday_in_week(d, 4, 1), ymd(2016, 11, 18));
        assert_eq!(nth_weekday(2016, 7, 4, Some(1)), ymd(2016, 7, 1));
        assert_eq!(nth_weekday(2018, 4, 0, None), ymd(2018, 4, 30));
        assert_eq!(nth_weekday(2017, 9, 6, Some(5)), None);
        assert_eq!(iso_week(2027, 3), ymd(2027, 1, 18));
        assert_eq!(shift_month(2016, 11, 3), (2017, 2));
        assert_eq!(shift_month(2016, 1, -1), (2015, 12));
    }
}
