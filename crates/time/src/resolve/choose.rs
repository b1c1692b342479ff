//! Choosing among the candidates an open expression leaves: by tense, by
//! nearness, by weekday.

use chrono::NaiveDate;

use chronicle_model::Precision;

use super::Ctx;
use crate::calendar::{key, weekday0};
use crate::expr::YearRef;
use crate::reference::Reference;

/// How an open choice is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pick {
    Past,
    Future,
    Nearest,
    After,
    Before,
}

/// First and last day.
pub(super) type Days = (NaiveDate, NaiveDate);

/// The candidate the choice `how` takes around `r`, comparing at `r`'s precision.
pub(super) fn pick(
    cands: impl IntoIterator<Item = Days>,
    r: &Reference,
    how: Pick,
) -> Option<Days> {
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
pub(super) fn by_year(
    yr: YearRef,
    cx: &Ctx,
    f: impl Fn(i32) -> Option<Days>,
    default: Pick,
) -> Option<Days> {
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
pub(super) fn by_weekday(
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
