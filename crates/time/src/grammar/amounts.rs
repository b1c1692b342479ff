//! Amounts of time and what is counted with them: "il y a deux jours", "dans
//! trois semaines", "deux jours plus tard", "les trois derniers jours",
//! "depuis un mois", "pendant deux semaines", "chaque lundi".

use super::Cx;
use super::names::weekday_name;
use super::relative::day_at;
use crate::expr::{Amount, Anchor, Expr};
use crate::lexicon::Unit;

/// The largest count of a unit read as an amount of time; more is a number
/// of something else.
const MAX_AMOUNT: u32 = 10_000;

/// One amount and unit at `i` ("deux jours", "un mois", "quelques semaines").
fn piece(cx: &Cx, i: usize) -> Option<(u32, bool, Unit, usize)> {
    let numbers = &cx.lex.numbers;
    let i = cx.at(&cx.lex.words.about, i).unwrap_or(i);
    let (qty, vague, k) = if numbers.is_vague(cx.toks, i) {
        (1, true, i + 1)
    } else {
        let (v, e, _) = numbers.cardinal(cx.toks, i)?;
        (v, false, e)
    };
    if qty > MAX_AMOUNT {
        return None;
    }
    let (unit, e) = cx.lex.units.at(cx.toks, k)?;
    (unit != Unit::Weekend).then_some((qty, vague, unit, e))
}

/// An amount of time at `i`: "deux ans, un mois et vingt et un jours",
/// "deux jours et demi".
pub(super) fn amount(cx: &Cx, i: usize) -> Option<(Amount, usize)> {
    let mut a = Amount::default();
    let mut j = i;
    let mut any = false;
    if cx.at(&cx.lex.words.about, i).is_some() {
        a.about = true;
    }
    while let Some((qty, vague, unit, e)) = piece(cx, j) {
        let q = i32::try_from(qty).ok()?;
        let (field, times) = match unit {
            Unit::Day => (&mut a.days, 1),
            Unit::BusinessDay => (&mut a.business_days, 1),
            Unit::Week => (&mut a.weeks, 1),
            Unit::Month => (&mut a.months, 1),
            Unit::Quarter => (&mut a.months, 3),
            Unit::Semester => (&mut a.months, 6),
            Unit::Year => (&mut a.years, 1),
            Unit::Decade => (&mut a.decades, 1),
            Unit::Century => (&mut a.years, 100),
            Unit::Weekend => return None,
        };
        *field = field.saturating_add(q.saturating_mul(times));
        a.vague |= vague;
        any = true;
        j = e;
        if let Some(e2) = cx.lex.numbers.half.at(cx.toks, j) {
            a.half_days = true;
            j = e2;
        }
        let next = if cx.punct(j, ',') || cx.is(j, "et") {
            j + 1
        } else {
            break;
        };
        if piece(cx, next).is_none() {
            break;
        }
        j = next;
    }
    any.then_some((a, j))
}

/// A date that an amount counts from: "demain", "aujourd'hui", "maintenant",
/// "le 12 mars".
fn anchor_date(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    if let Some(e) = cx.at(&cx.lex.words.now, i) {
        return Some((
            Expr::DayShift {
                days: 0,
                anchor: Anchor::Reference,
            },
            e,
        ));
    }
    if let Some(r) = super::relative::anaphoric_day(cx, i)
        && !matches!(r.0, Expr::Unresolved { .. })
    {
        return Some(r);
    }
    day_at(cx, i)
}

/// "il y a deux jours", "dans trois ans", "deux semaines plus tard", "deux
/// mois auparavant", "trois semaines à partir de demain".
pub(super) fn shift(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let w = &cx.lex.words;
    if let Some(j) = cx.at(&w.ago, i) {
        let (amount, e) = amount(cx, j)?;
        return Some((
            Expr::Shift {
                amount,
                sign: -1,
                anchor: Anchor::Reference,
            },
            e,
        ));
    }
    if let Some(j) = cx.at(&w.within, i) {
        if cx.at(&w.these, j).is_some() {
            return None;
        }
        let (amount, e) = amount(cx, j)?;
        return Some((
            Expr::Shift {
                amount,
                sign: 1,
                anchor: Anchor::Reference,
            },
            e,
        ));
    }
    let (amount, j) = amount(cx, i)?;
    for (phrases, sign) in [(&w.after_date, 1), (&w.before_date, -1)] {
        if let Some(k) = cx.at(phrases, j)
            && let Some((d, e)) = anchor_date(cx, k)
        {
            return Some((
                Expr::Shift {
                    amount,
                    sign,
                    anchor: Anchor::Date(Box::new(d)),
                },
                e,
            ));
        }
    }
    for (phrases, sign) in [(&w.later, 1), (&w.earlier, -1)] {
        if let Some(k) = cx.at(phrases, j) {
            if cx.at(&w.determiners, k).is_some() {
                return Some((Expr::Unresolved { unit: None }, k));
            }
            return Some((
                Expr::Shift {
                    amount,
                    sign,
                    anchor: Anchor::Narrative,
                },
                k,
            ));
        }
    }
    None
}

/// "les trois derniers jours", "ces derniers jours", "les 2 prochains jours",
/// "les 3 semaines passées", "dans les 5 jours", "depuis trois semaines",
/// "pendant deux semaines".
pub(super) fn span(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let w = &cx.lex.words;
    if let Some(j) = cx.at(&w.since, i) {
        let (amount, e) = amount(cx, j)?;
        return Some((
            Expr::Span {
                amount,
                sign: -1,
                with_today: true,
            },
            e,
        ));
    }
    if let Some(j) = cx.at(&w.during, i) {
        let (amount, e) = amount(cx, j)?;
        return Some((Expr::Duration(amount), e));
    }
    let (within, j) = match cx.at(&w.within, i) {
        Some(j) => (true, j),
        None => (false, i),
    };
    let (article, j) = match cx.at(&w.these, j) {
        Some(j) => (true, j),
        None if !within => (false, j),
        None => return None,
    };
    let direction = |k: usize| -> Option<(i32, usize)> {
        if let Some(e) = cx.at(&w.next, k) {
            return Some((1, e));
        }
        cx.at(&w.last, k)
            .or_else(|| cx.at(&w.preceding, k))
            .map(|e| (-1, e))
    };
    // "dernières 3 semaines"
    let (lead, j) = match direction(j) {
        Some((d, e)) => (Some(d), e),
        None => (None, j),
    };
    let (qty, k) = match cx.lex.numbers.cardinal(cx.toks, j) {
        Some((v, e, _)) => (Some(v), e),
        None => (None, j),
    };
    let (dir, k) = match (lead, direction(k)) {
        (Some(d), _) => (Some(d), k),
        (None, Some((d, e))) => (Some(d), e),
        (None, None) => (None, k),
    };
    let (unit, e) = cx.lex.units.at(cx.toks, k)?;
    let (dir, e) = match dir {
        Some(d) => (d, e),
        None => match direction(e) {
            Some((d, e2)) => (d, e2),
            None if within && qty.is_some() => (1, e),
            None => return None,
        },
    };
    if qty.is_none() && !article {
        return None;
    }
    let q = i32::try_from(qty.unwrap_or(1))
        .ok()
        .filter(|q| *q <= MAX_AMOUNT as i32)?;
    let mut amount = Amount {
        vague: qty.is_none(),
        ..Amount::default()
    };
    match unit {
        Unit::Day => amount.days = q,
        Unit::BusinessDay => amount.business_days = q,
        Unit::Week => amount.weeks = q,
        Unit::Month => amount.months = q,
        Unit::Quarter => amount.months = 3 * q,
        Unit::Semester => amount.months = 6 * q,
        Unit::Year => amount.years = q,
        Unit::Decade => amount.decades = q,
        Unit::Century => amount.years = 100 * q,
        Unit::Weekend => return None,
    }
    Some((
        Expr::Span {
            amount,
            sign: dir,
            with_today: false,
        },
        e,
    ))
}

/// "chaque lundi", "tous les ans", "les vendredis".
pub(super) fn set(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let w = &cx.lex.words;
    if let Some(j) = cx.at(&w.each, i) {
        if let Some(d) = weekday_name(cx, j) {
            return Some((Expr::Set, d.end));
        }
        let (_, e) = cx.lex.units.at(cx.toks, j)?;
        return Some((Expr::Set, e));
    }
    if cx.is(i, "les") {
        let d = weekday_name(cx, i + 1).filter(|d| d.plural)?;
        return Some((Expr::Set, d.end));
    }
    None
}
