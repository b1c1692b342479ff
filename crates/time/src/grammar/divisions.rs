//! Divisions of time larger or stranger than a month: quarters and half
//! years, seasons, weeks by rank or number, decades, centuries.

use super::Cx;
use super::names::{month_with_year, year_after, year4};
use super::periods::unit_shift;
use crate::expr::{Anchor, Expr, WeekRef, YearRef};
use crate::lexicon::Unit;
use crate::numbers::Rank;

/// The year of a quarter, half year or week: "2016", "de 2016", "de l'année
/// prochaine", "cette année".
fn year_spec(cx: &Cx, i: usize) -> Option<(YearRef, usize)> {
    if let Some(r) = year_after(cx, i) {
        return Some(r);
    }
    let k = cx.at(&cx.lex.words.of, i).unwrap_or(i);
    match unit_shift(cx, k) {
        Some((Unit::Year, shift, false, e)) => Some((YearRef::Shift(shift), e)),
        _ => None,
    }
}

/// "le troisième trimestre 2016", "3ème trimestre cette année", "T3 2016",
/// "Q1 2016", "2016 Q3", "H1 2016", "2016 le troisième trimestre".
pub(super) fn quarter(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let w = &cx.lex.words;
    // "2016 le troisième trimestre"
    let (lead_year, i2) = match year4(cx, i) {
        Some((y, e)) if cx.tok(i).is_some_and(|t| t.is_number()) => (Some(y), e),
        _ => (None, i),
    };
    let j = cx.at(&w.articles, i2).unwrap_or(i2);
    if let Some((Rank::Nth(n), k)) = cx.lex.numbers.ordinal(cx.toks, j)
        && let Some((unit, e)) = cx.lex.units.at(cx.toks, k)
        && matches!(unit, Unit::Quarter | Unit::Semester)
    {
        let months = if unit == Unit::Quarter { 3 } else { 6 };
        if n == 0 || n > 12 / months {
            return None;
        }
        let (year, end) = match lead_year {
            Some(y) => (YearRef::Given(y), e),
            None => match year_spec(cx, e) {
                Some(r) => r,
                None => {
                    let loose = cx
                        .word(k)
                        .is_some_and(|s| cx.lex.quarter_needs_year.contains(s));
                    if loose {
                        return None;
                    }
                    (YearRef::Open, e)
                }
            },
        };
        return Some((Expr::Quarter { n, months, year }, end));
    }
    // "T3", "Q1", "H2", possibly glued to the year: "2016H2".
    let letter_at = |k: usize| -> Option<(u32, u32, usize)> {
        let l = cx.word(k)?;
        let months = if cx.lex.quarter_letters.contains(l) {
            3
        } else if cx.lex.semester_letters.contains(l) {
            6
        } else {
            return None;
        };
        let d = cx.tok(k + 1).filter(|t| t.is_number() && t.glued)?;
        let n: u32 = d.norm.parse().ok()?;
        ((1..=12 / months).contains(&n) && !cx.glued(k + 2) || cx.stop_at(k + 2)).then_some(())?;
        (1..=12 / months).contains(&n).then_some((n, months, k + 2))
    };
    if let Some(y) = lead_year {
        let (n, months, e) = letter_at(i2)?;
        return Some((
            Expr::Quarter {
                n,
                months,
                year: YearRef::Given(y),
            },
            e,
        ));
    }
    let (n, months, e) = letter_at(i)?;
    let (y, e2) = year4(cx, e)?;
    Some((
        Expr::Quarter {
            n,
            months,
            year: YearRef::Given(y),
        },
        e2,
    ))
}

/// "l'été 2016", "cet été", "au printemps prochain", "l'hiver dernier".
pub(super) fn season(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let w = &cx.lex.words;
    let mut j = i;
    let mut year = YearRef::Open;
    let mut marked = false;
    if let Some(e) = cx.at(&w.this, i) {
        year = YearRef::Shift(0);
        j = e;
        marked = true;
    } else if let Some(e) = cx.at(&w.next, i) {
        year = YearRef::After;
        j = e;
        marked = true;
    } else if let Some(e) = cx.at(&w.last, i) {
        year = YearRef::Before;
        j = e;
        marked = true;
    }
    let &index = cx.lex.season_names.get(cx.word(j)?)?;
    let mut end = j + 1;
    if let Some((y, e)) = year_after(cx, end) {
        year = y;
        end = e;
        marked = true;
    } else if let Some(e) = cx.at(&w.next, end) {
        year = YearRef::After;
        end = e;
        marked = true;
    } else if let Some(e) = cx.at(&w.last, end) {
        year = YearRef::Before;
        end = e;
        marked = true;
    }
    if !marked && cx.before(&w.season_cues, i).is_none() {
        return None;
    }
    Some((Expr::Season { index, year }, end))
}

/// "les années 1970", "les années 70", "les années soixante-dix".
pub(super) fn decade(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let j = cx.at(&cx.lex.words.articles, i).unwrap_or(i);
    let k = cx.at(&cx.lex.decade_of_years, j)?;
    let (v, e, digits) = cx.lex.numbers.cardinal(cx.toks, k)?;
    if v % 10 != 0 {
        return None;
    }
    let len = cx.tok(k).map_or(0, |t| t.norm.len());
    let century = if digits { len == 4 } else { v >= 1000 };
    if digits && len != 2 && len != 4 || !century && v >= 100 {
        return None;
    }
    Some((
        Expr::Decade {
            first: v as i32,
            century,
        },
        e,
    ))
}

/// "le XXe siècle", "15ème siècle".
pub(super) fn century(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let t = cx.tok(i)?;
    let (n, e) = if t.is_word() && t.upper {
        (cx.lex.numbers.roman(&t.norm)?, i + 1)
    } else {
        match cx.lex.numbers.ordinal(cx.toks, i)? {
            (Rank::Nth(n), e) => (n, e),
            _ => return None,
        }
    };
    match cx.lex.units.at(cx.toks, e) {
        Some((Unit::Century, e2)) if (1..=30).contains(&n) => Some((Expr::Century(n as i32), e2)),
        _ => None,
    }
}

/// "la troisième semaine de 2027", "la première semaine d'octobre", "la
/// semaine 31", "la semaine du 15 septembre".
pub(super) fn week(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let w = &cx.lex.words;
    let j = cx.at(&w.articles, i).unwrap_or(i);
    if let Some((rank, k)) = cx.lex.numbers.ordinal(cx.toks, j) {
        let (Unit::Week, e) = cx.lex.units.at(cx.toks, k)? else {
            return None;
        };
        let rank = match rank {
            Rank::Nth(n) if (1..=53).contains(&n) => Some(n),
            Rank::Last => None,
            _ => return None,
        };
        let of_at = |k2: usize| -> Option<(Expr, usize)> {
            if let Some((mr, e2)) = month_with_year(cx, k2) {
                return Some((Expr::Month(mr), e2));
            }
            if let Some((y, e2)) = year4(cx, k2) {
                return Some((Expr::Year(YearRef::Given(y)), e2));
            }
            if let Some((u, shift, false, e2)) = unit_shift(cx, k2)
                && matches!(u, Unit::Year | Unit::Month)
            {
                return Some((
                    Expr::Unit {
                        unit: u,
                        shift,
                        anchor: Anchor::Reference,
                    },
                    e2,
                ));
            }
            let a = cx.at(&w.articles, k2).unwrap_or(k2);
            if let Some((Unit::Year, e2)) = cx.lex.units.at(cx.toks, a) {
                return match year4(cx, e2) {
                    Some((y, e3)) => Some((Expr::Year(YearRef::Given(y)), e3)),
                    None => Some((Expr::Year(YearRef::Shift(0)), e2)),
                };
            }
            None
        };
        let found = cx.at(&w.of, e).and_then(of_at).or_else(|| {
            unit_shift(cx, e).and_then(|(u, shift, narrative, e2)| {
                (u == Unit::Year && !narrative).then_some((Expr::Year(YearRef::Shift(shift)), e2))
            })
        });
        if let Some((of, e2)) = found {
            return Some((
                Expr::Week(WeekRef::Nth {
                    rank,
                    of: Box::new(of),
                }),
                e2,
            ));
        }
        if j > i && rank.is_some() {
            return Some((
                Expr::Week(WeekRef::Nth {
                    rank,
                    of: Box::new(Expr::Year(YearRef::Shift(0))),
                }),
                e,
            ));
        }
        return None;
    }
    let (Unit::Week, k) = cx.lex.units.at(cx.toks, j)? else {
        return None;
    };
    if let Some(t) = cx.tok(k).filter(|t| t.is_number() && t.norm.len() <= 2)
        && let Ok(n) = t.norm.parse::<u32>()
        && (1..=53).contains(&n)
        && !cx.glued(k + 1)
        && cx.tok(k + 1).is_none_or(|t| !t.is_number())
        && cx.lex.units.at(cx.toks, k + 1).is_none()
    {
        return Some((
            Expr::Week(WeekRef::Number {
                n,
                year: YearRef::Shift(0),
            }),
            k + 1,
        ));
    }
    let k2 = cx.at(&w.week_of, k)?;
    let (d, e) = super::relative::day_at(cx, k2)?;
    if !matches!(d, Expr::Day { .. }) {
        return None;
    }
    Some((Expr::Week(WeekRef::Containing(Box::new(d))), e))
}
