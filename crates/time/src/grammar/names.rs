//! The pieces dates are built of: month and weekday names, day numbers,
//! years, and the year or month that follows a day.

use super::Cx;
use super::periods::unit_shift;
use crate::expr::{MonthRef, YearRef};
use crate::lexicon::Unit;
use crate::numbers::Rank;

/// A month name read at some token.
#[derive(Debug, Clone, Copy)]
pub(super) struct MonthTok {
    pub month: u32,
    pub end: usize,
    pub full: bool,
    pub dotted: bool,
}

/// A month name at `i`; an abbreviation takes its full stop.
pub(super) fn month_name(cx: &Cx, i: usize) -> Option<MonthTok> {
    let w = cx.word(i)?;
    let &(month, full) = cx.lex.months.get(w)?;
    let dotted = !full && cx.punct(i + 1, '.') && cx.glued(i + 1);
    Some(MonthTok {
        month,
        end: if dotted { i + 2 } else { i + 1 },
        full,
        dotted,
    })
}

/// A weekday name read at some token.
#[derive(Debug, Clone, Copy)]
pub(super) struct DayTok {
    pub weekday: u32,
    pub end: usize,
    pub full: bool,
    pub dotted: bool,
    pub plural: bool,
}

/// A weekday name at `i` ("vendredi", "ven.", "vendredis").
pub(super) fn weekday_name(cx: &Cx, i: usize) -> Option<DayTok> {
    let w = cx.word(i)?;
    if let Some(&(weekday, full)) = cx.lex.weekdays.get(w) {
        let dotted = !full && cx.punct(i + 1, '.') && cx.glued(i + 1);
        return Some(DayTok {
            weekday,
            end: if dotted { i + 2 } else { i + 1 },
            full,
            dotted,
            plural: false,
        });
    }
    let stem = w.strip_suffix('s')?;
    match cx.lex.weekdays.get(stem) {
        Some(&(weekday, true)) => Some(DayTok {
            weekday,
            end: i + 1,
            full: true,
            dotted: false,
            plural: true,
        }),
        _ => None,
    }
}

/// Whether the number at `i` is the decimal part of a number ("107,31").
pub(super) fn in_decimal(cx: &Cx, i: usize) -> bool {
    i >= 2
        && cx.glued(i)
        && (cx.punct(i - 1, ',') || cx.punct(i - 1, '.'))
        && cx.glued(i - 1)
        && cx.tok(i - 2).is_some_and(|t| t.is_number())
}

/// A day of the month, 1 to 31, at `i`: "21", "1er", "premier", "vingt-deux".
/// The flag says it was written in digits.
pub(super) fn day_number(cx: &Cx, i: usize) -> Option<(u32, usize, bool)> {
    let t = cx.tok(i)?;
    let numbers = &cx.lex.numbers;
    if t.is_number() {
        if t.norm.len() > 2 || in_decimal(cx, i) {
            return None;
        }
        let v: u32 = t.norm.parse().ok()?;
        if !(1..=31).contains(&v) {
            return None;
        }
        if let Some((Rank::Nth(_), e)) = numbers.ordinal(cx.toks, i) {
            return Some((v, e, true));
        }
        let next = cx.tok(i + 1);
        if next.is_some_and(|u| u.glued && (u.is_word() || u.is_number())) {
            return None;
        }
        let decimal = next
            .is_some_and(|u| u.glued && (u.is_punct(',') || u.is_punct('.') || u.is_punct(':')))
            && cx
                .tok(i + 2)
                .is_some_and(|u| u.glued && u.is_number() && u.norm.len() <= 2);
        if decimal || next.is_some_and(|u| u.is_punct('%')) {
            return None;
        }
        return Some((v, i + 1, true));
    }
    if let Some((rank, e)) = numbers.ordinal(cx.toks, i) {
        return match rank {
            Rank::Nth(v) if (1..=31).contains(&v) => Some((v, e, false)),
            _ => None,
        };
    }
    let (v, e) = numbers.words(cx.toks, i)?;
    // a number word that is also a determiner ("lundi un « coup dur »") is
    // the article, not the day
    if e == i + 1 && cx.at(&cx.lex.words.determiners, i).is_some() {
        return None;
    }
    (1..=31).contains(&v).then_some((v, e, false))
}

/// A year in four digits (1000–2999) or in words at `i`.
pub(super) fn year4(cx: &Cx, i: usize) -> Option<(i32, usize)> {
    let t = cx.tok(i)?;
    if t.is_number() {
        if t.norm.len() != 4 || in_decimal(cx, i) {
            return None;
        }
        let v: i32 = t.norm.parse().ok()?;
        let next = cx.tok(i + 1);
        let glued_on = next.is_some_and(|u| u.glued && u.is_number())
            || (next.is_some_and(|u| u.glued && (u.is_punct(',') || u.is_punct('.')))
                && cx.tok(i + 2).is_some_and(|u| u.glued && u.is_number()));
        return ((1000..=2999).contains(&v) && !glued_on).then_some((v, i + 1));
    }
    let (v, e) = cx.lex.numbers.words(cx.toks, i)?;
    (1000..=2999).contains(&v).then_some((v as i32, e))
}

/// Whether a plural-looking word follows at `i`, making a number before it a
/// count ("2000 manifestants", "1500 euros") rather than a year.
pub(super) fn count_noun_at(cx: &Cx, i: usize) -> bool {
    cx.tok(i).is_some_and(|t| {
        t.is_word() && !t.upper && (t.norm.ends_with('s') || t.norm.ends_with('x'))
    }) && cx.at(&cx.lex.words.after_bare_day, i).is_none()
}

/// A year in two digits at `i`, with nothing after it that would make it a
/// count: "1er avril 78", "août 99".
pub(super) fn year2(cx: &Cx, i: usize) -> Option<(i32, usize)> {
    let t = cx.tok(i)?;
    if !t.is_number() || t.norm.len() != 2 || !cx.stop_at(i + 1) {
        return None;
    }
    let v: i32 = t.norm.parse().ok()?;
    Some((pivot(v), i + 1))
}

/// A two-digit year in full: 00–39 in this century, 40–99 in the last.
pub(super) fn pivot(v: i32) -> i32 {
    if v < 40 { 2000 + v } else { 1900 + v }
}

/// The year after a month or day: ", 2016", "2016", "de 2016", "de l'année
/// 2016", "de l'année prochaine".
pub(super) fn year_after(cx: &Cx, i: usize) -> Option<(YearRef, usize)> {
    let w = &cx.lex.words;
    if cx.punct(i, ',') {
        return year4(cx, i + 1).map(|(y, e)| (YearRef::Given(y), e));
    }
    if let Some((y, e)) = year4(cx, i) {
        return Some((YearRef::Given(y), e));
    }
    let k = cx.at(&w.of, i)?;
    if let Some((y, e)) = year4(cx, k) {
        return Some((YearRef::Given(y), e));
    }
    if let Some((Unit::Year, shift, false, e)) = unit_shift(cx, k) {
        return Some((YearRef::Shift(shift), e));
    }
    let a = cx.at(&w.articles, k).unwrap_or(k);
    let (unit, e) = cx.lex.units.at(cx.toks, a)?;
    if unit != Unit::Year {
        return None;
    }
    year4(cx, e).map(|(y, e)| (YearRef::Given(y), e))
}

/// A named month with its year if said ("mars 2015", "juin de l'année
/// prochaine", "mois de novembre 2016"), in a context that makes it a month.
pub(super) fn month_with_year(cx: &Cx, i: usize) -> Option<(MonthRef, usize)> {
    let w = &cx.lex.words;
    let mut j = i;
    if let Some(e) = cx.at(&w.month_word, j) {
        j = cx.at(&w.of, e)?;
    }
    let m = month_name(cx, j)?;
    let (year, end) = match year_after(cx, m.end) {
        Some((y, e)) => (y, e),
        None => (YearRef::Open, m.end),
    };
    Some((
        MonthRef::Given {
            month: m.month,
            year,
        },
        end,
    ))
}

/// "ce mois", "le mois prochain", "mois dernier": months from the reference's.
pub(super) fn month_shift(cx: &Cx, i: usize) -> Option<(i32, usize)> {
    match unit_shift(cx, i) {
        Some((Unit::Month, shift, false, e)) => Some((shift, e)),
        _ => None,
    }
}
