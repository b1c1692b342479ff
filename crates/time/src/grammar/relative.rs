//! Days counted from another: "aujourd'hui", "hier soir", "la veille", "le
//! lendemain du 14 juillet", and parts of named days ("dans la nuit de mardi à
//! mercredi").

use super::Cx;
use super::dates::{bare_day, day_month_year, month_day, numeric_date};
use super::names::day_number;
use super::weekdays::weekday_expr;
use crate::expr::{Anchor, Expr, MonthRef};

/// "aujourd'hui", "hier soir", "avant-hier", "demain", "ce matin", "ce jour".
pub(super) fn deictic_day(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let w = &cx.lex.words;
    let this = cx.at(&w.this, i);
    if let Some(a) = this
        && let Some((part, e)) = cx.lex.parts_of_day.at(cx.toks, a)
    {
        let today = Expr::DayShift {
            days: 0,
            anchor: Anchor::Reference,
        };
        return Some((
            Expr::WithPart {
                of: Box::new(today),
                part,
            },
            e,
        ));
    }
    let (days, e) = cx.lex.deictic.at(cx.toks, i)?;
    if this.is_some() {
        if cx.before(&cx.lex.not_deictic_before, i).is_some() {
            return None;
        }
        if cx.glued(e) && cx.at(&w.there, e).is_some() {
            return Some((Expr::Unresolved { unit: None }, e + 1));
        }
    }
    let mut expr = Expr::DayShift {
        days,
        anchor: Anchor::Reference,
    };
    let mut end = e;
    if let Some((part, e2)) = cx.lex.parts_of_day.at(cx.toks, end) {
        expr = Expr::WithPart {
            of: Box::new(expr),
            part,
        };
        end = e2;
    }
    Some((expr, end))
}

/// A day that can anchor another: a full or partial date, a weekday, "aujourd'hui".
pub(super) fn day_at(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let rules: [super::Rule; 6] = [
        day_month_year,
        month_day,
        numeric_date,
        weekday_expr,
        deictic_day,
        bare_day,
    ];
    let best = rules
        .iter()
        .filter_map(|r| r(cx, i))
        .max_by_key(|(_, e)| *e);
    if best.is_some() {
        return best;
    }
    let (day, e, digits) = day_number(cx, i)?;
    if !(digits && cx.stop_at(e)) {
        return None;
    }
    Some((
        Expr::Day {
            day,
            month: MonthRef::Open,
            weekday: None,
        },
        e,
    ))
}

/// "la veille", "le lendemain", "la veille au soir", "la veille du 14 juillet",
/// "le lendemain de son arrivée" (found, not dated).
pub(super) fn anaphoric_day(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let (days, e) = cx.lex.anaphoric.at(cx.toks, i)?;
    if let Some((part, e2)) = cx.lex.parts_of_day.at(cx.toks, e) {
        let day = Expr::DayShift {
            days,
            anchor: Anchor::Narrative,
        };
        return Some((
            Expr::WithPart {
                of: Box::new(day),
                part,
            },
            e2,
        ));
    }
    if let Some(k) = cx.at(&cx.lex.words.of, e) {
        if let Some((d, e2)) = day_at(cx, k) {
            return Some((
                Expr::DayShift {
                    days,
                    anchor: Anchor::Date(Box::new(d)),
                },
                e2,
            ));
        }
        return Some((Expr::Unresolved { unit: None }, e));
    }
    Some((
        Expr::DayShift {
            days,
            anchor: Anchor::Narrative,
        },
        e,
    ))
}

/// A part of a named day: "dans la nuit de mardi à mercredi", "la soirée du 12".
pub(super) fn part_of_day_of(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let w = &cx.lex.words;
    let j = cx.at(&w.articles, i).unwrap_or(i);
    let (part, j) = cx.lex.parts_of_day.at(cx.toks, j)?;
    let k = cx.at(&w.of, j)?;
    let (mut day, mut end) = day_at(cx, k)?;
    if let Some(k2) = cx.at(&w.range_to, end)
        && let Some((second, e2)) = day_at(cx, k2)
    {
        if let (
            Expr::Day {
                month: MonthRef::Open,
                day: d,
                weekday,
            },
            Expr::Day { month, .. },
        ) = (&day, &second)
        {
            day = Expr::Day {
                day: *d,
                month: *month,
                weekday: *weekday,
            };
        }
        end = e2;
    }
    Some((
        Expr::WithPart {
            of: Box::new(day),
            part,
        },
        end,
    ))
}
