//! Weekdays placed by what surrounds them: "mardi", "ce vendredi", "dimanche
//! prochain", "vendredi de la semaine prochaine", "le premier vendredi de juillet".

use super::Cx;
use super::names::{month_shift, month_with_year, weekday_name};
use super::periods::unit_shift;
use crate::expr::{Expr, MonthRef, WeekdayHow};
use crate::lexicon::Unit;
use crate::numbers::Rank;

/// A weekday, placed by what surrounds it: "mardi", "ce vendredi", "dimanche
/// prochain", "vendredi de la semaine prochaine", "mardi soir".
pub(super) fn weekday_expr(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let w = &cx.lex.words;
    let mut j = i;
    let mut how = WeekdayHow::Open;
    if let Some(e) = cx.at(&w.this, i) {
        how = WeekdayHow::This;
        j = e;
    }
    let d = weekday_name(cx, j)?;
    if d.plural || (!d.full && !d.dotted) {
        return None;
    }
    j = d.end;
    if let Some(e) = cx.at(&w.next, j) {
        how = WeekdayHow::Next;
        j = e;
    } else if let Some(e) = cx.at(&w.last, j) {
        how = WeekdayHow::Last;
        j = e;
    } else if let Some(e) = cx.at(&w.following, j) {
        how = WeekdayHow::Following;
        j = e;
    } else if let Some(e) = cx.at(&w.preceding, j) {
        how = WeekdayHow::Preceding;
        j = e;
    } else {
        for k in [cx.at(&w.week_link, j), Some(j)].into_iter().flatten() {
            if let Some((Unit::Week, shift, false, e)) = unit_shift(cx, k) {
                how = WeekdayHow::Week(shift);
                j = e;
                break;
            }
        }
    }
    let mut expr = Expr::Weekday {
        weekday: d.weekday,
        how,
    };
    if let Some((part, e)) = cx.lex.parts_of_day.at(cx.toks, j) {
        expr = Expr::WithPart {
            of: Box::new(expr),
            part,
        };
        j = e;
    }
    Some((expr, j))
}

/// "le premier vendredi de juillet", "deuxième lundi du mois prochain",
/// "dernier lundi d'avril".
pub(super) fn nth_weekday(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let w = &cx.lex.words;
    let (rank, j) = cx.lex.numbers.ordinal(cx.toks, i)?;
    let d = weekday_name(cx, j)?;
    if d.plural || !d.full {
        return None;
    }
    let rank = match rank {
        Rank::Nth(n) if (1..=5).contains(&n) => Some(n),
        Rank::Last => None,
        _ => return None,
    };
    let k = cx.at(&w.of, d.end).unwrap_or(d.end);
    let month = if let Some((mr, e)) = month_with_year(cx, k) {
        Some((mr, e))
    } else {
        month_shift(cx, k).map(|(s, e)| (MonthRef::Shift(s), e))
    };
    match (month, rank) {
        (Some((month, e)), rank) => Some((
            Expr::NthWeekday {
                rank,
                weekday: d.weekday,
                month,
            },
            e,
        )),
        (None, None) => Some((
            Expr::Weekday {
                weekday: d.weekday,
                how: WeekdayHow::Last,
            },
            d.end,
        )),
        (None, rank) => Some((
            Expr::NthWeekday {
                rank,
                weekday: d.weekday,
                month: MonthRef::Open,
            },
            d.end,
        )),
    }
}
