//! Reading an expression against a reference date: which days it names.
//!
//! An expression needs the reference only as finely as what it leaves open:
//! "12 mars" needs the year, "le 12" the month, "mardi" and "hier" the day. A
//! reference known less finely leaves it unresolved rather than guessed.
//! Open choices (a month without its year, a bare weekday) follow the tense of
//! the clause: the last one before the reference for the past, the first one
//! after it for the future (the reference's own day counting for both); with
//! no tense cue, weekdays and bare days take the past, as news mostly
//! reports it, and months and dates with a month take the nearest. A date
//! that names its weekday ("lundi 10 janvier") takes the year or month where
//! that weekday fits, when exactly one candidate does, whatever the tense.

mod choose;
mod days;
mod periods;

use chrono::{Datelike, NaiveDate};

use chronicle_model::Precision;

use crate::calendar::{
    add_days, enclosing, fineness, iso, iso_week, key, monday, month_end, nth_weekday, shift_month,
    weekday_in_week, ymd,
};
use crate::expr::{Anchor, Expr, MonthRef, Part, WeekRef, YearRef};
use crate::lexicon::{Lexicon, Unit};
use crate::reference::Reference;
use crate::tense::Tense;

use choose::{Days, Pick, by_year, pick};
use days::{anchor_day, base_for, day_of, finest_unit, move_by, weekday_of};
use periods::{part_of, range, season_days, unit_days};

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

/// The most days a range may cover and still be valued as its first day.
const OCCASION_DAYS: i64 = 4;

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
        // "les 1er et 2 juillet", "du 22 au 24 octobre": a range of a few
        // days names one occasion (a meeting, a summit, a protest), given by
        // its first day; its last day stays in `last`.
        if self.to_first.is_some()
            && self.cap == Precision::Day
            && (self.last - self.first).num_days() < OCCASION_DAYS
        {
            return Some((iso(self.first, Precision::Day), Precision::Day));
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
