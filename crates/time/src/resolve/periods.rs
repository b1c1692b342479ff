//! Calendar units, seasons, parts of periods and ranges.

use chrono::Datelike;

use chronicle_model::Precision;

use super::choose::Days;
use super::days::base_for;
use super::{Ctx, Resolved, resolve};
use crate::calendar::{add_days, monday, month_end, shift_month, weekday_in_week, weekday0, ymd};
use crate::expr::{Anchor, Expr, MonthRef, Part, YearRef};
use crate::lexicon::Unit;

pub(super) fn unit_days(unit: Unit, shift: i32, anchor: &Anchor, cx: &Ctx) -> Option<Days> {
    let p = match unit {
        Unit::Day | Unit::BusinessDay | Unit::Week | Unit::Weekend => Precision::Day,
        Unit::Month | Unit::Quarter | Unit::Semester => Precision::Month,
        Unit::Year | Unit::Decade | Unit::Century => Precision::Year,
    };
    let base = base_for(anchor, p, cx)?;
    let (y, m) = (base.year(), base.month());
    let months = |first: (i32, u32), n: i32| -> Option<Days> {
        let (ly, lm) = shift_month(first.0, first.1, n - 1);
        Some((ymd(first.0, first.1, 1)?, month_end(ly, lm)?))
    };
    match unit {
        Unit::Day | Unit::BusinessDay => add_days(base, i64::from(shift)).map(|d| (d, d)),
        Unit::Week => {
            let m0 = add_days(monday(base)?, 7 * i64::from(shift))?;
            Some((m0, add_days(m0, 6)?))
        }
        Unit::Weekend => {
            let sat = weekday_in_week(base, 5, 0)?;
            let sat = match shift {
                0 => sat,
                s if s > 0 => {
                    let first = if weekday0(base) >= 5 {
                        add_days(sat, 7)?
                    } else {
                        sat
                    };
                    add_days(first, 7 * i64::from(s - 1))?
                }
                s => add_days(sat, 7 * i64::from(s))?,
            };
            Some((sat, add_days(sat, 1)?))
        }
        Unit::Month => months(shift_month(y, m, shift), 1),
        Unit::Quarter | Unit::Semester => {
            let len = if unit == Unit::Quarter { 3 } else { 6 };
            let per_year = 12 / len;
            let k = y * per_year + (m as i32 - 1) / len + shift;
            let (qy, q) = (k.div_euclid(per_year), k.rem_euclid(per_year));
            months((qy, (q * len + 1) as u32), len)
        }
        Unit::Year => {
            let y = y + shift;
            Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
        }
        Unit::Decade => {
            let d0 = y.div_euclid(10) * 10 + 10 * shift;
            Some((ymd(d0, 1, 1)?, ymd(d0 + 9, 12, 31)?))
        }
        Unit::Century => {
            let c0 = y.div_euclid(100) * 100 + 100 * shift;
            Some((ymd(c0, 1, 1)?, ymd(c0 + 99, 12, 31)?))
        }
    }
}

pub(super) fn season_days(index: usize, y: i32, cx: &Ctx) -> Option<Days> {
    let s = cx.lex.seasons.get(index)?;
    let first = ymd(y, s.first.0, s.first.1)?;
    let ly = if s.last < s.first { y + 1 } else { y };
    Some((first, ymd(ly, s.last.0, s.last.1)?))
}

pub(super) fn part_of(part: Part, (f, l): Days) -> Option<Days> {
    let year_like =
        f.month() == 1 && f.day() == 1 && l.month() == 12 && l.day() == 31 && f.year() == l.year();
    let month_like = f.day() == 1 && Some(l) == month_end(f.year(), f.month());
    let week_like = weekday0(f) == 0 && (l - f).num_days() == 6;
    let y = f.year();
    match (part, year_like, month_like, week_like) {
        (Part::Early, true, _, _) => Some((f, ymd(y, 4, 30)?)),
        (Part::Middle, true, _, _) => Some((ymd(y, 5, 1)?, ymd(y, 8, 31)?)),
        (Part::Late, true, _, _) => Some((ymd(y, 9, 1)?, l)),
        (Part::Early, _, true, _) => Some((f, add_days(f, 9)?)),
        (Part::Middle, _, true, _) => Some((add_days(f, 10)?, add_days(f, 19)?)),
        (Part::Late, _, true, _) => Some((add_days(f, 20)?, l)),
        (Part::Early, _, _, true) => Some((f, add_days(f, 2)?)),
        (Part::Middle, _, _, true) => Some((add_days(f, 1)?, add_days(f, 3)?)),
        (Part::Late, _, _, true) => Some((add_days(f, 3)?, l)),
        _ => {
            let n = (l - f).num_days() + 1;
            let third = (n / 3).max(1);
            match part {
                Part::Early => Some((f, add_days(f, third - 1)?)),
                Part::Middle => Some((add_days(f, third)?, add_days(f, 2 * third - 1)?)),
                Part::Late => Some((add_days(f, 2 * third)?, l)),
                Part::Rest => Some((f, l)),
            }
        }
    }
}

/// Whether an expression leaves its year open.
fn open_year(e: &Expr) -> bool {
    match e {
        Expr::Day {
            month: MonthRef::Given { year, .. },
            ..
        }
        | Expr::Month(MonthRef::Given { year, .. }) => *year == YearRef::Open,
        Expr::WithPart { of, .. } => open_year(of),
        _ => false,
    }
}

/// The expression with its open year set to `y`.
fn with_year(e: &Expr, y: i32) -> Expr {
    let set = |m: &MonthRef| match *m {
        MonthRef::Given {
            month,
            year: YearRef::Open,
        } => MonthRef::Given {
            month,
            year: YearRef::Given(y),
        },
        other => other,
    };
    match e {
        Expr::Day {
            day,
            month,
            weekday,
        } => Expr::Day {
            day: *day,
            month: set(month),
            weekday: *weekday,
        },
        Expr::Month(m) => Expr::Month(set(m)),
        Expr::WithPart { of, part } => Expr::WithPart {
            of: Box::new(with_year(of, y)),
            part: *part,
        },
        other => other.clone(),
    }
}

pub(super) fn range(a: &Expr, b: &Expr, cx: &Ctx) -> Option<Resolved> {
    let (ra, rb) = if open_year(a) {
        let rb = resolve(b, cx)?;
        let y = rb.first.year();
        let mut ra = resolve(&with_year(a, y), cx)?;
        if ra.first > rb.first {
            ra = resolve(&with_year(a, y - 1), cx)?;
        }
        (ra, rb)
    } else if open_year(b) {
        let ra = resolve(a, cx)?;
        let y = ra.first.year();
        let mut rb = resolve(&with_year(b, y), cx)?;
        if rb.first < ra.first {
            rb = resolve(&with_year(b, y + 1), cx)?;
        }
        (ra, rb)
    } else {
        let mut ra = resolve(a, cx)?;
        let mut rb = resolve(b, cx)?;
        if rb.first < ra.first {
            if matches!(b, Expr::Weekday { .. }) {
                rb.first = add_days(rb.first, 7)?;
                rb.last = add_days(rb.last, 7)?;
            } else if matches!(a, Expr::Weekday { .. }) {
                ra.first = add_days(ra.first, -7)?;
                ra.last = add_days(ra.last, -7)?;
            } else {
                return None;
            }
        }
        (ra, rb)
    };
    Some(Resolved {
        first: ra.first,
        last: rb.last.max(ra.last),
        cap: Precision::Day,
        clock: None,
        to_first: Some(rb.first),
    })
}
