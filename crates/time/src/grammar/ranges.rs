//! Ranges: "du 4 au 22 novembre", "entre le 2 et le 7 février 2018", "de
//! 2014 à 2018", "19-20 novembre", "novembre 19 au 20", "les 4 et 5 mars",
//! "d'aujourd'hui à demain".

use super::Cx;
use super::dates::{bare_day, day_month_year, month_day, numeric_date};
use super::names::{day_number, month_name, month_shift, month_with_year, weekday_name, year4};
use super::periods::{month_period, unit_shift};
use super::relative::{anaphoric_day, deictic_day};
use super::weekdays::weekday_expr;
use crate::expr::{Anchor, Expr, MonthRef, WeekdayHow, YearRef};
use crate::lexicon::Unit;

/// One end of a range.
enum End {
    /// A time that stands alone.
    Full(Expr),
    /// A day number waiting for the month of the other end ("du 4 au 22 mars").
    Bare(u32),
    /// A year in figures ("de 2014 à 2018").
    Year(i32),
}

fn endpoint(cx: &Cx, i: usize) -> Option<(End, usize)> {
    let j = if cx.is(i, "le") { i + 1 } else { i };
    let rules: [super::Rule; 10] = [
        day_month_year,
        month_day,
        numeric_date,
        weekday_expr,
        deictic_day,
        month_period,
        bare_day,
        super::periods::numeric_month,
        anaphoric_day,
        super::divisions::week,
    ];
    let mut best: Option<(Expr, usize)> = None;
    for r in rules {
        if let Some((e, end)) = r(cx, j)
            && best.as_ref().is_none_or(|(_, b)| end > *b)
            && !matches!(
                e,
                Expr::Day {
                    month: MonthRef::Open,
                    weekday: None,
                    ..
                }
            )
        {
            best = Some((e, end));
        }
    }
    if let Some(e) = cx.at(&cx.lex.words.now, j)
        && best.as_ref().is_none_or(|(_, b)| e > *b)
    {
        let today = Expr::DayShift {
            days: 0,
            anchor: Anchor::Reference,
        };
        best = Some((today, e));
    }
    if let Some((y, e)) = year4(cx, j).filter(|_| cx.tok(j).is_some_and(|t| t.is_number()))
        && best.as_ref().is_none_or(|(_, b)| e > *b)
    {
        return Some((End::Year(y), e));
    }
    if let Some((e, end)) = best {
        return Some((End::Full(e), end));
    }
    let (d, e, _) = day_number(cx, j)?;
    Some((End::Bare(d), e))
}

/// The month after bare ends: "novembre", "de sept", "du mois de novembre",
/// "ce mois", "du mois prochain".
fn tail(cx: &Cx, k: usize) -> Option<(MonthRef, usize)> {
    let of = cx.at(&cx.lex.words.of, k);
    for k0 in [of, Some(k)].into_iter().flatten() {
        if let Some((mr, e)) = month_with_year(cx, k0) {
            return Some((mr, e));
        }
        if let Some((shift, e)) = month_shift(cx, k0) {
            return Some((MonthRef::Shift(shift), e));
        }
    }
    None
}

fn day(day: u32, month: MonthRef) -> Expr {
    Expr::Day {
        day,
        month,
        weekday: None,
    }
}

fn month_of(e: &Expr) -> Option<MonthRef> {
    match e {
        Expr::Day { month, .. } => Some(*month),
        Expr::WithPart { of, .. } => month_of(of),
        _ => None,
    }
}

/// Two day numbers and the month they share: "du 4 au 22 novembre", "les 4
/// et 5 mars", "19-20 novembre", "4 au 23 du mois prochain".
fn bare_pair(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let w = &cx.lex.words;
    let j = cx.at(&w.range_open, i).unwrap_or(i);
    let j = if cx.is(j, "le") { j + 1 } else { j };
    let (x, e, _) = day_number(cx, j)?;
    let k = cx.at(&w.range_to, e)?;
    let k = if cx.is(k, "le") { k + 1 } else { k };
    let (y, e2, _) = day_number(cx, k)?;
    let (month, end) = tail(cx, e2)?;
    Some((
        Expr::Range(Box::new(day(x, month)), Box::new(day(y, month))),
        end,
    ))
}

/// Days of a named week: "la semaine prochaine du mercredi au vendredi",
/// "cette semaine entre mardi et jeudi".
fn week_days(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let w = &cx.lex.words;
    let (Unit::Week, shift, false, e) = unit_shift(cx, i)? else {
        return None;
    };
    let j = cx.at(&w.range_open, e)?;
    let a = weekday_name(cx, j).filter(|d| d.full && !d.plural)?;
    let k = cx.at(&w.range_to, a.end)?;
    let b = weekday_name(cx, k).filter(|d| d.full && !d.plural)?;
    let day = |weekday| Expr::Weekday {
        weekday,
        how: WeekdayHow::Week(shift),
    };
    Some((
        Expr::Range(Box::new(day(a.weekday)), Box::new(day(b.weekday))),
        b.end,
    ))
}

/// A range at `i`.
pub(super) fn range(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    if let Some(r) = month_first(cx, i)
        .or_else(|| bare_pair(cx, i))
        .or_else(|| week_days(cx, i))
    {
        return Some(r);
    }
    let w = &cx.lex.words;
    let (opened, j) = match cx.at(&w.range_open, i) {
        Some(j) => (true, j),
        None => (false, i),
    };
    let (left, e) = endpoint(cx, j)?;
    let k = cx.at(&w.range_to, e)?;
    let and = cx.is(e, "et");
    let dash = cx.punct(e, '-');
    let pair = i > 0 && cx.is(i - 1, "les") && matches!(left, End::Bare(_));
    if and && !opened && !pair {
        return None;
    }
    let k = if cx.is(k, "le") { k + 1 } else { k };
    let (right, e2) = endpoint(cx, k)?;
    let (a, b, end) = match (left, right) {
        (End::Bare(x), End::Bare(y)) => {
            let (month, end) = tail(cx, e2)?;
            (day(x, month), day(y, month), end)
        }
        (End::Bare(x), End::Full(r)) => {
            let month = month_of(&r)?;
            (day(x, month), r, e2)
        }
        (End::Full(l), End::Bare(y)) => {
            let month = month_of(&l)?;
            if !opened && !cx.stop_at(e2) && tail(cx, e2).is_some() {
                return None;
            }
            (l, day(y, month), e2)
        }
        (End::Full(l), End::Full(r)) => {
            if !opened && (and || dash && cx.glued(e) != cx.glued(k)) {
                return None;
            }
            (l, r, e2)
        }
        (End::Year(x), End::Year(y)) => {
            let glued = dash && cx.glued(e) && cx.glued(k);
            if !(opened || glued) || y < x || !cx.free_after(e2, &w.after_bare_day) {
                return None;
            }
            (
                Expr::Year(YearRef::Given(x)),
                Expr::Year(YearRef::Given(y)),
                e2,
            )
        }
        (End::Year(x), End::Full(r)) if opened => (Expr::Year(YearRef::Given(x)), r, e2),
        (End::Full(l), End::Year(y)) if opened => (l, Expr::Year(YearRef::Given(y)), e2),
        _ => return None,
    };
    if dash && !opened && !cx.glued(e) && matches!((&a, &b), (Expr::Year(_), _)) {
        return None;
    }
    Some((Expr::Range(Box::new(a), Box::new(b)), end))
}

/// "novembre 19-20", "novembre 19 au 20", "novembre entre 19 et 20".
fn month_first(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let w = &cx.lex.words;
    let m = month_name(cx, i)?;
    let (opened, j) = match cx.at(&w.range_open, m.end) {
        Some(j) => (true, j),
        None => (false, m.end),
    };
    let (x, e, _) = day_number(cx, j)?;
    let k = cx.at(&w.range_to, e)?;
    if cx.is(e, "et") && !opened {
        return None;
    }
    let (y, e2, _) = day_number(cx, k)?;
    if !cx.free_after(e2, &w.after_bare_day) || month_name(cx, e2).is_some() {
        return None;
    }
    let month = MonthRef::Given {
        month: m.month,
        year: YearRef::Open,
    };
    Some((
        Expr::Range(Box::new(day(x, month)), Box::new(day(y, month))),
        e2,
    ))
}
