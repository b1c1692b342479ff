//! Days: dates with open parts, weekdays, days counted from an anchor.

use chrono::NaiveDate;

use chronicle_model::Precision;

use super::choose::{Days, Pick, by_weekday, by_year, pick};
use super::{Ctx, Narrative, resolve};
use crate::calendar::{add_days, add_months, shift_month, weekday_in_week, weekday0, ymd};
use crate::expr::{Amount, Anchor, MonthRef, WeekdayHow, YearRef};
use crate::tense::Tense;

pub(super) fn day_of(
    day: u32,
    month: MonthRef,
    weekday: Option<u32>,
    cx: &Ctx,
) -> Option<NaiveDate> {
    let one = |d: NaiveDate| (d, d);
    let days = match month {
        MonthRef::Given { month: m, year } => {
            let f = |y| ymd(y, m, day).map(one);
            match (year, weekday) {
                (YearRef::Open, Some(wd)) => {
                    let r = cx.need(Precision::Year)?;
                    let cands: Vec<Days> = (r.year() - 1..=r.year() + 1).filter_map(f).collect();
                    by_weekday(&cands, &r, wd, cx, Pick::Nearest)?
                }
                _ => by_year(year, cx, f, Pick::Nearest)?,
            }
        }
        MonthRef::Shift(k) => {
            let r = cx.need(Precision::Month)?;
            let (y, m) = shift_month(r.year(), r.month(), k);
            one(ymd(y, m, day)?)
        }
        MonthRef::Open => {
            let r = cx.need(Precision::Month)?;
            let cands: Vec<Days> = (-1..=1)
                .filter_map(|k| {
                    let (y, m) = shift_month(r.year(), r.month(), k);
                    ymd(y, m, day).map(one)
                })
                .collect();
            match weekday {
                Some(wd) => by_weekday(&cands, &r, wd, cx, Pick::Past)?,
                None => pick(cands, &r, cx.policy(Pick::Past))?,
            }
        }
    };
    Some(days.0)
}

pub(super) fn anchor_day(anchor: &Anchor, cx: &Ctx) -> Option<NaiveDate> {
    match anchor {
        Anchor::Reference => Some(cx.need(Precision::Day)?.date()),
        Anchor::Narrative => cx.anchor.day(cx),
        Anchor::Date(e) => {
            let r = resolve(e, cx)?;
            (r.first == r.last).then_some(r.first)
        }
    }
}

pub(super) fn weekday_of(wd: u32, how: WeekdayHow, cx: &Ctx) -> Option<NaiveDate> {
    let after = |base: NaiveDate| {
        let off = (wd + 7 - weekday0(base)) % 7;
        add_days(base, i64::from(if off == 0 { 7 } else { off }))
    };
    let before = |base: NaiveDate| {
        let off = (weekday0(base) + 7 - wd) % 7;
        add_days(base, -i64::from(if off == 0 { 7 } else { off }))
    };
    if matches!(how, WeekdayHow::Following | WeekdayHow::Preceding) {
        let base = anchor_day(&Anchor::Narrative, cx)?;
        return if how == WeekdayHow::Following {
            after(base)
        } else {
            before(base)
        };
    }
    let r = cx.need(Precision::Day)?;
    let base = r.date();
    match how {
        WeekdayHow::Open => {
            let cands: Vec<Days> = (-1..=1)
                .filter_map(|k| weekday_in_week(base, wd, k).map(|d| (d, d)))
                .collect();
            pick(cands, &r, cx.policy(Pick::Past)).map(|(d, _)| d)
        }
        WeekdayHow::This => {
            let d = weekday_in_week(base, wd, 0)?;
            match cx.tense {
                Tense::Past if d > base => add_days(d, -7),
                Tense::Future if d < base => add_days(d, 7),
                _ => Some(d),
            }
        }
        WeekdayHow::Next => after(base),
        WeekdayHow::Last => before(base),
        WeekdayHow::Week(k) => weekday_in_week(base, wd, i64::from(k)),
        WeekdayHow::Following | WeekdayHow::Preceding => None,
    }
}

pub(super) fn finest_unit(a: &Amount) -> Precision {
    if a.days != 0 || a.weeks != 0 || a.business_days != 0 || a.half_days {
        Precision::Day
    } else if a.months != 0 {
        Precision::Month
    } else {
        Precision::Year
    }
}

pub(super) fn move_by(d: NaiveDate, a: &Amount, sign: i32) -> Option<NaiveDate> {
    let months = a
        .years
        .checked_mul(12)?
        .checked_add(a.decades.checked_mul(120)?)?
        .checked_add(a.months)?;
    let mut d = add_months(d, sign.checked_mul(months)?)?;
    let days = i64::from(a.weeks) * 7 + i64::from(a.days);
    d = add_days(d, i64::from(sign) * days)?;
    let mut left = a.business_days;
    while left > 0 {
        d = add_days(d, i64::from(sign))?;
        if weekday0(d) < 5 {
            left -= 1;
        }
    }
    Some(d)
}

pub(super) fn base_for(anchor: &Anchor, p: Precision, cx: &Ctx) -> Option<NaiveDate> {
    match anchor {
        Anchor::Reference => Some(cx.need(p)?.date()),
        Anchor::Narrative => match cx.anchor {
            Narrative::Unset => cx.need(p).map(|r| r.date()),
            other => other.day(cx),
        },
        Anchor::Date(_) => anchor_day(anchor, cx),
    }
}
