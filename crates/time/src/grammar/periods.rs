//! Periods: months, years, calendar units counted from now ("la semaine
//! prochaine"), and parts of periods ("début 2022", "mi-septembre").

use super::Cx;
use super::divisions::{decade, season};
use super::names::{month_name, month_with_year, year_after, year4};
use crate::expr::{Anchor, Expr, MonthRef, Part, YearRef};
use crate::lexicon::Unit;

/// A calendar unit counted from the reference or from the day last named:
/// "cette semaine" (week, 0), "l'année prochaine" (year, 1), "la semaine
/// suivante" (week, 1, from the day last named): the unit, the count, whether
/// it counts from the day last named, and the end.
pub(super) fn unit_shift(cx: &Cx, i: usize) -> Option<(Unit, i32, bool, usize)> {
    let w = &cx.lex.words;
    let units = &cx.lex.units;
    if let Some(a) = cx.at(&w.this, i) {
        let (u, mut e) = units.at(cx.toks, a)?;
        if u == Unit::Day {
            return None;
        }
        if cx.glued(e) && cx.at(&w.here, e).is_some() {
            e += 1;
        }
        return Some((u, 0, false, e));
    }
    let j = match cx.at(&w.articles, i) {
        Some(_) if cx.is(i, "les") => return None,
        Some(j) => j,
        None => i,
    };
    if let Some(a) = cx.at(&w.next, j) {
        let (u, e) = units.at(cx.toks, a)?;
        return (u != Unit::Day).then_some((u, 1, false, e));
    }
    let (u, e) = units.at(cx.toks, j)?;
    if u == Unit::Day {
        return None;
    }
    let modifiers: [(&crate::lexicon::Phrases, i32, bool); 5] = [
        (&w.next, 1, false),
        (&w.last, -1, false),
        (&w.following, 1, true),
        (&w.preceding, -1, true),
        (&w.current, 0, false),
    ];
    modifiers
        .into_iter()
        .find_map(|(p, shift, narrative)| cx.at(p, e).map(|e2| (u, shift, narrative, e2)))
}

/// "février", "en février" (the month only), "mois de mars", "juin 2016",
/// "cette septembre", "juin prochain", "septembre de l'année dernière".
pub(super) fn month_period(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let w = &cx.lex.words;
    let mut j = i;
    let mut head = false;
    if let Some(e) = cx.at(&w.month_word, j) {
        j = cx.at(&w.of, e)?;
        head = true;
    }
    let mut year = YearRef::Open;
    let mut marked = head;
    if !head {
        if let Some(e) = cx.at(&w.this, j) {
            year = YearRef::Shift(0);
            j = e;
            marked = true;
        } else if let Some(e) = cx.at(&w.next, j) {
            year = YearRef::After;
            j = e;
            marked = true;
        }
    }
    let m = month_name(cx, j)?;
    let mut end = m.end;
    if m.full && cx.punct(end, '.') && cx.glued(end) && year4(cx, end + 1).is_some() {
        end += 1;
    }
    if let Some((y, e)) = year_after(cx, end) {
        year = y;
        end = e;
        marked = true;
    } else if !marked {
        if let Some(e) = cx.at(&w.next, end) {
            year = YearRef::After;
            end = e;
            marked = true;
        } else if let Some(e) = cx.at(&w.last, end) {
            year = YearRef::Before;
            end = e;
            marked = true;
        } else if let Some((y, e)) = super::names::year2(cx, end)
            && (cx.before(&w.of, i).is_some() || m.dotted)
        {
            year = YearRef::Given(y);
            end = e;
            marked = true;
        }
    }
    if !marked {
        let cue = cx.before(&w.month_cues, i).is_some();
        if !(m.full || m.dotted || cue && cx.stop_at(end)) {
            return None;
        }
        let upper = cx.tok(j).is_some_and(|t| t.upper);
        if m.full && upper && !cue && cx.lex.ambiguous_months.contains(&m.month) {
            return None;
        }
    }
    Some((
        Expr::Month(MonthRef::Given {
            month: m.month,
            year,
        }),
        end,
    ))
}

/// Months in figures with their year: "11/2016", "2016-11", "2015.3",
/// "11 / 2016", and "2016, nov", "2016-nov.".
pub(super) fn numeric_month(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let t = cx.tok(i)?;
    if !t.is_number() || i > 0 && cx.toks[i - 1].is_number() {
        return None;
    }
    if i > 0 && cx.glued(i) {
        let p = &cx.toks[i - 1];
        if p.is_punct('/') || p.is_punct('-') || p.is_punct('.') || p.is_punct(',') {
            return None;
        }
    }
    let sep = cx.tok(i + 1)?;
    let is_sep = sep.is_punct('/') || sep.is_punct('-') || sep.is_punct('.');
    // "2016, nov", "2016-nov."
    if t.norm.len() == 4
        && (is_sep || sep.is_punct(','))
        && let Some((y, _)) = year4(cx, i)
        && let Some(m) = month_name(cx, i + 2)
    {
        return Some((
            Expr::Month(MonthRef::Given {
                month: m.month,
                year: YearRef::Given(y),
            }),
            m.end,
        ));
    }
    if !is_sep {
        return None;
    }
    let u = cx.tok(i + 2).filter(|u| u.is_number())?;
    let (month, year) = match (t.norm.len(), u.norm.len()) {
        (1 | 2, 4) => (t.norm.parse::<u32>().ok()?, u.norm.parse::<i32>().ok()?),
        (4, 1 | 2) => (u.norm.parse::<u32>().ok()?, t.norm.parse::<i32>().ok()?),
        _ => return None,
    };
    if !(1..=12).contains(&month) || !(1000..=2999).contains(&year) {
        return None;
    }
    let spaced = !sep.glued || !u.glued;
    if spaced && sep.is_punct('.') {
        return None;
    }
    let after = cx.tok(i + 3);
    if after.is_some_and(|a| a.glued && (a.is_number() || a.is_word()))
        || after.is_some_and(|a| a.glued && (a.is_punct('/') || a.is_punct('-') || a.is_punct('.')))
            && cx.tok(i + 4).is_some_and(|b| b.is_number())
        || spaced && !cx.stop_at(i + 3)
    {
        return None;
    }
    Some((
        Expr::Month(MonthRef::Given {
            month,
            year: YearRef::Given(year),
        }),
        i + 3,
    ))
}

/// "l'année 2016", "l'an 2000", and a year after a word that makes it one:
/// "en 2019", "depuis 2015".
pub(super) fn year_period(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let w = &cx.lex.words;
    let j = cx.at(&w.articles, i).unwrap_or(i);
    if cx.at(&cx.lex.decade_of_years, j).is_some() {
        return None;
    }
    if let Some((Unit::Year, e)) = cx.lex.units.at(cx.toks, j) {
        let (v, e2, digits) = cx.lex.numbers.cardinal(cx.toks, e)?;
        let ok = if digits {
            (1..=2999).contains(&v) && !cx.glued(e2)
        } else {
            (100..=2999).contains(&v)
        };
        return ok.then_some((Expr::Year(YearRef::Given(v as i32)), e2));
    }
    if j != i || cx.before(&w.year_cues, i).is_none() {
        return None;
    }
    let (y, e) = year4(cx, i)?;
    if cx.lex.units.at(cx.toks, e).is_some()
        || cx.punct(e, '%')
        || super::names::count_noun_at(cx, e)
    {
        return None;
    }
    Some((Expr::Year(YearRef::Given(y)), e))
}

/// "cette semaine", "le mois dernier", "l'an prochain", "la semaine
/// suivante", "ce week-end", "le week-end", "cette année-là", "le même mois".
pub(super) fn unit_relative(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let w = &cx.lex.words;
    if let Some(a) = cx.at(&w.articles, i)
        && let Some(s) = cx.at(&w.same, a)
        && let Some((u, e)) = cx.lex.units.at(cx.toks, s)
    {
        return Some((
            Expr::Unresolved {
                unit: (u != Unit::Day).then_some(u),
            },
            e,
        ));
    }
    if let Some((unit, shift, narrative, e)) = unit_shift(cx, i) {
        if cx.at(&w.this, i).is_some() && cx.glued(e) && cx.at(&w.there, e).is_some() {
            return Some((Expr::Unresolved { unit: Some(unit) }, e + 1));
        }
        let anchor = if narrative {
            Anchor::Narrative
        } else {
            Anchor::Reference
        };
        return Some((
            Expr::Unit {
                unit,
                shift,
                anchor,
            },
            e,
        ));
    }
    let j = cx.at(&w.articles, i)?;
    if cx.is(i, "les") {
        return None;
    }
    match cx.lex.units.at(cx.toks, j) {
        Some((Unit::Weekend, e)) => {
            if cx.glued(e) && cx.at(&w.there, e).is_some() {
                Some((
                    Expr::Unresolved {
                        unit: Some(Unit::Weekend),
                    },
                    e + 1,
                ))
            } else {
                Some((Expr::OpenWeekend, e))
            }
        }
        _ => None,
    }
}

/// "le mois du 16 septembre": the month that holds a day.
pub(super) fn month_of(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let w = &cx.lex.words;
    let j = cx.at(&w.articles, i).unwrap_or(i);
    let k = cx.at(&w.month_word, j)?;
    let k2 = cx.at(&w.week_of, k)?;
    let (d, e) = super::relative::day_at(cx, k2)?;
    match d {
        Expr::Day {
            month: MonthRef::Given { .. },
            ..
        } => Some((Expr::MonthOf(Box::new(d)), e)),
        _ => None,
    }
}

/// A period that a part word may cut: a month, a year, a calendar unit, a season.
fn period_at(cx: &Cx, k: usize) -> Option<(Expr, usize)> {
    if let Some((mr, e)) = month_with_year(cx, k) {
        return Some((Expr::Month(mr), e));
    }
    if let Some((y, e)) = year4(cx, k) {
        return Some((Expr::Year(YearRef::Given(y)), e));
    }
    if let Some(r) = unit_relative(cx, k)
        && !matches!(r.0, Expr::Unresolved { .. } | Expr::OpenWeekend)
    {
        return Some(r);
    }
    let a = cx.at(&cx.lex.words.articles, k).unwrap_or(k);
    if let Some(r) = season(cx, k)
        .or_else(|| season(cx, a))
        .or_else(|| decade(cx, k))
    {
        return Some(r);
    }
    match cx.lex.units.at(cx.toks, a) {
        Some((u @ (Unit::Year | Unit::Month | Unit::Week), e)) => Some((
            Expr::Unit {
                unit: u,
                shift: 0,
                anchor: Anchor::Reference,
            },
            e,
        )),
        _ => None,
    }
}

/// "début 2022", "mi-septembre", "fin de l'année dernière", "au début de la
/// semaine prochaine", "courant mars".
pub(super) fn partial(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let w = &cx.lex.words;
    let (part, j) = if let Some(e) = cx.at(&w.early, i) {
        (Some(Part::Early), e)
    } else if let Some(e) = cx.at(&w.middle, i) {
        (Some(Part::Middle), e)
    } else if let Some(e) = cx.at(&w.late, i) {
        (Some(Part::Late), e)
    } else if let Some(e) = cx.at(&w.during_period, i) {
        (None, e)
    } else if let Some(e) = cx.at(&w.rest, i) {
        (Some(Part::Rest), e)
    } else {
        return None;
    };
    let with_of = cx.at(&w.of, j);
    let (of, e) = with_of
        .and_then(|k| period_at(cx, k))
        .or_else(|| period_at(cx, j))?;
    Some(match part {
        Some(part) => (
            Expr::Part {
                part,
                of: Box::new(of),
            },
            e,
        ),
        None => (of, e),
    })
}
