//! Reading an expression against a reference date: which days it names.
//!
//! An expression needs the reference only as finely as what it leaves open:
//! "12 mars" needs the year, "le 12" the month, "mardi" and "hier" the day. A
//! reference known less finely leaves it unresolved rather than guessed.
//! Open choices (a month without its year, a bare weekday) follow the tense of
//! the clause: the last one before the reference for the past, the first one
//! after it for the future (the reference's own day counting for both); with
//! no tense cue, weekdays and bare days take the past, as news mostly
//! reports it, and months and dates with a month take the nearest.

use chrono::{Datelike, NaiveDate};

use chronicle_model::Precision;

use crate::calendar::{
    add_days, add_months, enclosing, fineness, iso, iso_week, key, monday, month_end, nth_weekday,
    shift_month, weekday_in_week, weekday0, ymd,
};
use crate::expr::{Amount, Anchor, Expr, MonthRef, Part, WeekRef, WeekdayHow, YearRef};
use crate::lexicon::{Lexicon, Unit};
use crate::reference::Reference;
use crate::tense::Tense;

/// What resolution reads besides the expression.
pub(crate) struct Ctx<'a> {
    pub reference: Option<Reference>,
    pub tense: Tense,
    /// The time the text last named, for "la veille", "deux jours plus tard".
    pub anchor: Narrative,
    pub lex: &'a Lexicon,
}

/// The time the text last named, that anaphoric expressions count from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Narrative {
    /// None yet: they count from the reference.
    Unset,
    /// A day.
    Day(NaiveDate),
    /// Something that is not one day ("mi-septembre", "mardi" unresolved):
    /// "le lendemain" after it is not dated.
    Vague,
}

impl Narrative {
    /// The day to count from, falling back on the reference when the text named none.
    fn day(self, cx: &Ctx) -> Option<NaiveDate> {
        match self {
            Narrative::Unset => cx.need(Precision::Day).map(|r| r.date()),
            Narrative::Day(d) => Some(d),
            Narrative::Vague => None,
        }
    }
}

/// The days an expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// The finest precision the value may be given at ("il y a deux ans" is a year).
    pub cap: Precision,
    /// A clock time on `first`.
    pub clock: Option<(u32, u32)>,
    /// For a range, the first day of its second end.
    pub to_first: Option<NaiveDate>,
}

impl Resolved {
    fn span((first, last): (NaiveDate, NaiveDate)) -> Resolved {
        Resolved {
            first,
            last,
            cap: Precision::Day,
            clock: None,
            to_first: None,
        }
    }

    fn day(d: NaiveDate) -> Resolved {
        Resolved::span((d, d))
    }

    /// The ISO value and its precision: the finest unit holding every day
    /// named, no finer than the cap; `None` when they span several years.
    pub fn value(&self) -> Option<(String, Precision)> {
        if let Some((h, m)) = self.clock {
            let day = iso(self.first, Precision::Day);
            return Some((format!("{day}T{h:02}:{m:02}"), Precision::Minute));
        }
        let enc = enclosing(self.first, self.last)?;
        let p = if fineness(enc) <= fineness(self.cap) {
            enc
        } else {
            self.cap
        };
        Some((iso(self.first, p), p))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pick {
    Past,
    Future,
    Nearest,
    After,
    Before,
}

type Days = (NaiveDate, NaiveDate);

impl Ctx<'_> {
    /// The reference, if known at least as finely as `p`.
    fn need(&self, p: Precision) -> Option<Reference> {
        self.reference.filter(|r| r.knows(p))
    }

    fn policy(&self, default: Pick) -> Pick {
        match self.tense {
            Tense::Past => Pick::Past,
            Tense::Future => Pick::Future,
            Tense::Unknown => default,
        }
    }
}

/// The candidate the choice `how` takes around `r`, comparing at `r`'s precision.
fn pick(cands: impl IntoIterator<Item = Days>, r: &Reference, how: Pick) -> Option<Days> {
    let p = r.precision();
    let rk = key(r.date(), p);
    let mut cands: Vec<Days> = cands.into_iter().collect();
    cands.sort();
    match how {
        Pick::Past => cands.into_iter().rev().find(|(f, _)| key(*f, p) <= rk),
        Pick::Future => cands.into_iter().find(|(_, l)| key(*l, p) >= rk),
        Pick::After => cands.into_iter().find(|(f, _)| key(*f, p) > rk),
        Pick::Before => cands.into_iter().rev().find(|(_, l)| key(*l, p) < rk),
        Pick::Nearest => cands.into_iter().min_by_key(|(f, l)| {
            if key(*f, p) <= rk && rk <= key(*l, p) {
                0
            } else {
                let d = r.date();
                (*f - d).num_days().abs().min((*l - d).num_days().abs())
            }
        }),
    }
}

/// The days of `f(year)` for the year `yr` says, choosing by `default` when open.
fn by_year(yr: YearRef, cx: &Ctx, f: impl Fn(i32) -> Option<Days>, default: Pick) -> Option<Days> {
    match yr {
        YearRef::Given(y) => f(y),
        YearRef::Shift(k) => f(cx.need(Precision::Year)?.year() + k),
        YearRef::Open | YearRef::After | YearRef::Before => {
            let r = cx.need(Precision::Year)?;
            let how = match yr {
                YearRef::After => Pick::After,
                YearRef::Before => Pick::Before,
                _ => cx.policy(default),
            };
            pick((r.year() - 1..=r.year() + 1).filter_map(f), &r, how)
        }
    }
}

/// The one candidate on `weekday`, the weekday being firmer evidence than
/// the tense ("lundi 12 septembre" is the 12 September that is a Monday);
/// when none or several are, the choice by tense.
fn by_weekday(
    cands: &[Days],
    r: &Reference,
    weekday: u32,
    cx: &Ctx,
    default: Pick,
) -> Option<Days> {
    let fitting: Vec<Days> = cands
        .iter()
        .copied()
        .filter(|(f, _)| weekday0(*f) == weekday)
        .collect();
    if let [one] = fitting.as_slice() {
        return Some(*one);
    }
    pick(cands.iter().copied(), r, cx.policy(default))
}

fn day_of(day: u32, month: MonthRef, weekday: Option<u32>, cx: &Ctx) -> Option<NaiveDate> {
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

fn anchor_day(anchor: &Anchor, cx: &Ctx) -> Option<NaiveDate> {
    match anchor {
        Anchor::Reference => Some(cx.need(Precision::Day)?.date()),
        Anchor::Narrative => cx.anchor.day(cx),
        Anchor::Date(e) => {
            let r = resolve(e, cx)?;
            (r.first == r.last).then_some(r.first)
        }
    }
}

fn weekday_of(wd: u32, how: WeekdayHow, cx: &Ctx) -> Option<NaiveDate> {
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

fn finest_unit(a: &Amount) -> Precision {
    if a.days != 0 || a.weeks != 0 || a.business_days != 0 || a.half_days {
        Precision::Day
    } else if a.months != 0 {
        Precision::Month
    } else {
        Precision::Year
    }
}

fn move_by(d: NaiveDate, a: &Amount, sign: i32) -> Option<NaiveDate> {
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

fn base_for(anchor: &Anchor, p: Precision, cx: &Ctx) -> Option<NaiveDate> {
    match anchor {
        Anchor::Reference => Some(cx.need(p)?.date()),
        Anchor::Narrative => match cx.anchor {
            Narrative::Unset => cx.need(p).map(|r| r.date()),
            other => other.day(cx),
        },
        Anchor::Date(_) => anchor_day(anchor, cx),
    }
}

fn unit_days(unit: Unit, shift: i32, anchor: &Anchor, cx: &Ctx) -> Option<Days> {
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

fn season_days(index: usize, y: i32, cx: &Ctx) -> Option<Days> {
    let s = cx.lex.seasons.get(index)?;
    let first = ymd(y, s.first.0, s.first.1)?;
    let ly = if s.last < s.first { y + 1 } else { y };
    Some((first, ymd(ly, s.last.0, s.last.1)?))
}

fn part_of(part: Part, (f, l): Days) -> Option<Days> {
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

fn range(a: &Expr, b: &Expr, cx: &Ctx) -> Option<Resolved> {
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

/// The days `e` names, if the reference and context say enough.
pub(crate) fn resolve(e: &Expr, cx: &Ctx) -> Option<Resolved> {
    match e {
        Expr::Day {
            day,
            month,
            weekday,
        } => day_of(*day, *month, *weekday, cx).map(Resolved::day),
        Expr::Weekday { weekday, how } => weekday_of(*weekday, *how, cx).map(Resolved::day),
        Expr::NthWeekday {
            rank,
            weekday,
            month,
        } => {
            let f = |y: i32, m: u32| nth_weekday(y, m, *weekday, *rank).map(|d| (d, d));
            let days = match *month {
                MonthRef::Given { month: m, year } => {
                    by_year(year, cx, |y| f(y, m), Pick::Nearest)?
                }
                MonthRef::Shift(k) => {
                    let r = cx.need(Precision::Month)?;
                    let (y, m) = shift_month(r.year(), r.month(), k);
                    f(y, m)?
                }
                MonthRef::Open => {
                    let r = cx.need(Precision::Month)?;
                    f(r.year(), r.month())?
                }
            };
            Some(Resolved::span(days))
        }
        Expr::DayShift { days, anchor } => {
            let base = anchor_day(anchor, cx)?;
            add_days(base, i64::from(*days)).map(Resolved::day)
        }
        Expr::Shift {
            amount,
            sign,
            anchor,
        } => {
            if amount.vague {
                return None;
            }
            let p = finest_unit(amount);
            let d = move_by(base_for(anchor, p, cx)?, amount, *sign)?;
            let cap = if amount.about && p == Precision::Day {
                Precision::Month
            } else {
                p
            };
            Some(Resolved {
                cap,
                ..Resolved::day(d)
            })
        }
        Expr::Month(MonthRef::Given { month, year }) => {
            let f = |y| Some((ymd(y, *month, 1)?, month_end(y, *month)?));
            by_year(*year, cx, f, Pick::Nearest).map(Resolved::span)
        }
        Expr::Month(MonthRef::Shift(k)) => {
            unit_days(Unit::Month, *k, &Anchor::Reference, cx).map(Resolved::span)
        }
        Expr::Month(MonthRef::Open) => None,
        Expr::Year(yr) => match *yr {
            YearRef::Given(y) => Some(Resolved::span((ymd(y, 1, 1)?, ymd(y, 12, 31)?))),
            YearRef::Shift(k) => {
                let y = cx.need(Precision::Year)?.year() + k;
                Some(Resolved::span((ymd(y, 1, 1)?, ymd(y, 12, 31)?)))
            }
            _ => None,
        },
        Expr::Unit {
            unit,
            shift,
            anchor,
        } => unit_days(*unit, *shift, anchor, cx).map(Resolved::span),
        Expr::OpenWeekend => {
            let r = cx.need(Precision::Day)?;
            let cands: Vec<Days> = (-1..=1)
                .filter_map(|k| {
                    let sat = weekday_in_week(r.date(), 5, k)?;
                    Some((sat, add_days(sat, 1)?))
                })
                .collect();
            pick(cands, &r, cx.policy(Pick::Nearest)).map(Resolved::span)
        }
        Expr::Quarter { n, months, year } => {
            let f = |y: i32| {
                let first = (n - 1) * months + 1;
                Some((ymd(y, first, 1)?, month_end(y, n * months)?))
            };
            by_year(*year, cx, f, Pick::Nearest).map(Resolved::span)
        }
        Expr::Season { index, year } => {
            let f = |y| season_days(*index, y, cx);
            if let YearRef::Shift(0) = year {
                let r = cx.need(Precision::Year)?;
                let p = r.precision();
                let rk = key(r.date(), p);
                let holding = [r.year() - 1, r.year()]
                    .into_iter()
                    .filter_map(f)
                    .find(|(a, b)| key(*a, p) <= rk && rk <= key(*b, p));
                return holding.or_else(|| f(r.year())).map(Resolved::span);
            }
            by_year(*year, cx, f, Pick::Nearest).map(Resolved::span)
        }
        Expr::Decade { first, century } => {
            let span = |d0: i32| Some((ymd(d0, 1, 1)?, ymd(d0 + 9, 12, 31)?));
            if *century {
                return span(*first).map(Resolved::span);
            }
            let r = cx.need(Precision::Year)?;
            let c = r.year().div_euclid(100) * 100;
            let cands = [c - 100, c].into_iter().filter_map(|c| span(c + first));
            pick(cands, &r, cx.policy(Pick::Past)).map(Resolved::span)
        }
        Expr::Century(n) => {
            let c0 = (n - 1) * 100;
            Some(Resolved::span((ymd(c0, 1, 1)?, ymd(c0 + 99, 12, 31)?)))
        }
        Expr::MonthOf(d) => {
            let rd = resolve(d, cx)?;
            let (y, m) = (rd.first.year(), rd.first.month());
            Some(Resolved::span((ymd(y, m, 1)?, month_end(y, m)?)))
        }
        Expr::Week(w) => {
            let m0 = match w {
                WeekRef::Nth { rank, of } => {
                    let ro = resolve(of, cx)?;
                    let year_like = matches!(
                        **of,
                        Expr::Year(_)
                            | Expr::Unit {
                                unit: Unit::Year,
                                ..
                            }
                    );
                    let (y, m) = (ro.first.year(), ro.first.month());
                    if year_like {
                        match rank {
                            Some(n) => iso_week(y, *n)?,
                            None => iso_week(y, 53).or_else(|| iso_week(y, 52))?,
                        }
                    } else {
                        nth_weekday(y, m, 0, *rank)?
                    }
                }
                WeekRef::Number { n, year } => {
                    let y = match year {
                        YearRef::Given(y) => *y,
                        YearRef::Shift(k) => cx.need(Precision::Year)?.year() + k,
                        _ => return None,
                    };
                    iso_week(y, *n)?
                }
                WeekRef::Containing(d) => {
                    let rd = resolve(d, cx)?;
                    monday(rd.first)?
                }
            };
            Some(Resolved::span((m0, add_days(m0, 6)?)))
        }
        Expr::Part {
            part: Part::Rest,
            of,
        } => {
            let today = cx.need(Precision::Day)?.date();
            let ro = resolve(of, cx)?;
            (ro.last >= today).then_some(Resolved::span((ro.first.max(today), ro.last)))
        }
        Expr::Part { part, of } => {
            let ro = resolve(of, cx)?;
            part_of(*part, (ro.first, ro.last)).map(Resolved::span)
        }
        Expr::Range(a, b) => range(a, b, cx),
        Expr::Span {
            amount,
            sign,
            with_today,
        } => {
            if amount.vague {
                return None;
            }
            let base = cx.need(finest_unit(amount))?.date();
            let moved = move_by(base, amount, *sign)?;
            let days = if *sign < 0 {
                let last = if *with_today {
                    base
                } else {
                    add_days(base, -1)?
                };
                (moved, last)
            } else {
                (add_days(base, 1)?, moved)
            };
            Some(Resolved::span(days))
        }
        Expr::WithPart { of, .. } => resolve(of, cx),
        Expr::Clock { day, hour, minute } => {
            let rd = resolve(day.as_deref()?, cx)?;
            (rd.first == rd.last).then_some(Resolved {
                clock: Some((*hour, *minute)),
                ..Resolved::day(rd.first)
            })
        }
        Expr::Duration(_) | Expr::Set | Expr::Unresolved { .. } => None,
    }
}
