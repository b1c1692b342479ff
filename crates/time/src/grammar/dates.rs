//! Dates: "le 21 août 2021", "lundi 10 janvier", "Oct. 2", "22/04",
//! "13.5.2015", "le 12".

use super::Cx;
use super::names::{
    day_number, in_decimal, month_name, month_shift, pivot, weekday_name, year_after, year2,
};
use crate::expr::{Expr, MonthRef, YearRef};

/// A weekday that may open a date: "lundi", "Mer,", "samedi le", "ce vendredi";
/// its weekday and where the date goes on. Without one, `(None, i)`.
pub(super) fn weekday_head(cx: &Cx, i: usize) -> (Option<u32>, usize) {
    let j = cx.at(&cx.lex.words.this, i).unwrap_or(i);
    let Some(d) = weekday_name(cx, j).filter(|d| !d.plural) else {
        return (None, i);
    };
    let mut k = d.end;
    if cx.punct(k, ',') {
        k += 1;
    }
    if cx.is(k, "le") {
        k += 1;
    }
    (Some(d.weekday), k)
}

/// "21 août 2021", "lundi 10 janvier", "1er avril 78", "le 20 du mois prochain".
pub(super) fn day_month_year(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let (weekday, j) = weekday_head(cx, i);
    let (day, j, _) = day_number(cx, j)?;
    let joined = cx.punct(j, '-') && cx.glued(j) && cx.glued(j + 1);
    let k = if joined || cx.is(j, "de") || cx.is(j, "d") {
        j + 1
    } else {
        j
    };
    if let Some(m) = month_name(cx, k) {
        let w = &cx.lex.words;
        let (year, end) = match year_after(cx, m.end) {
            Some((y, e)) => (y, e),
            None => match year2(cx, m.end) {
                Some((y, e)) => (YearRef::Given(y), e),
                // "le 24 février dernier", "le 3 mars prochain"
                None => match (cx.at(&w.last, m.end), cx.at(&w.next, m.end)) {
                    (Some(e), _) => (YearRef::Before, e),
                    (None, Some(e)) => (YearRef::After, e),
                    _ => (YearRef::Open, m.end),
                },
            },
        };
        let month = MonthRef::Given {
            month: m.month,
            year,
        };
        return Some((
            Expr::Day {
                day,
                month,
                weekday,
            },
            end,
        ));
    }
    let k = cx.at(&cx.lex.words.of, j).unwrap_or(j);
    let (shift, e) = month_shift(cx, k)?;
    Some((
        Expr::Day {
            day,
            month: MonthRef::Shift(shift),
            weekday,
        },
        e,
    ))
}

/// The month before the day: "Oct. 2", "Jan-1", "mai vingt et un", "janvier 21 2018".
pub(super) fn month_day(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let (weekday, j) = weekday_head(cx, i);
    let m = month_name(cx, j)?;
    let mut k = m.end;
    if m.full && cx.punct(k, '.') {
        k += 1;
    }
    if cx.glued(k) && (cx.punct(k, '-') || cx.punct(k, '/')) && cx.glued(k + 1) {
        k += 1;
    }
    let (day, e, digits) = day_number(cx, k)?;
    if !digits && !cx.stop_at(e) {
        return None;
    }
    let (year, end) = match year_after(cx, e) {
        Some((y, e2)) => (y, e2),
        None => {
            if !cx.free_after(e, &cx.lex.words.after_bare_day) {
                return None;
            }
            (YearRef::Open, e)
        }
    };
    Some((
        Expr::Day {
            day,
            month: MonthRef::Given {
                month: m.month,
                year,
            },
            weekday,
        },
        end,
    ))
}

fn num(cx: &Cx, i: usize) -> Option<(u32, usize)> {
    let t = cx.tok(i)?;
    if !t.is_number() || t.norm.len() > 4 {
        return None;
    }
    Some((t.norm.parse().ok()?, t.norm.len()))
}

/// Dates in figures: "22/02/2016", "2015/08/12", "13.5.2015", "11/12,2016",
/// "22/04", "4-22".
pub(super) fn numeric_date(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let (weekday, j) = weekday_head(cx, i);
    if let Some(wd) = weekday {
        // "vendredi 06/07", "dimanche 21/01/2018", "ce vendredi (15/06)".
        let paren = cx.punct(j, '(');
        let k = if paren { j + 1 } else { j };
        let (e, end) = numeric_date(cx, k).or_else(|| day_month_year(cx, k).filter(|_| paren))?;
        let end = if paren {
            if !cx.punct(end, ')') {
                return None;
            }
            end + 1
        } else {
            end
        };
        return match e {
            Expr::Day { day, month, .. } => Some((
                Expr::Day {
                    day,
                    month,
                    weekday: Some(wd),
                },
                end,
            )),
            _ => None,
        };
    }
    let (a, alen) = num(cx, i)?;
    if in_decimal(cx, i) {
        return None;
    }
    if i > 0 {
        let p = &cx.toks[i - 1];
        if (p.glued || cx.glued(i)) && (p.is_punct('/') || p.is_punct('-') || p.is_punct('.')) {
            return None;
        }
        if p.is_number() {
            return None;
        }
    }
    let sep = cx.tok(i + 1).filter(|t| t.glued)?;
    let sep_c = ['/', '-', '.'].into_iter().find(|&c| sep.is_punct(c))?;
    if !cx.glued(i + 2) {
        return None;
    }
    let (b, blen) = num(cx, i + 2)?;
    // Three parts.
    let third = ((cx.punct(i + 3, sep_c) && cx.glued(i + 4) || cx.punct(i + 3, ','))
        && cx.glued(i + 3))
    .then_some(i + 4);
    if let Some(ci) = third
        && let Some((c, clen)) = num(cx, ci)
    {
        let (y, m, d) = if alen == 4 {
            (a as i32, b, c)
        } else {
            let y = match clen {
                4 => c as i32,
                2 => pivot(c as i32),
                _ => return None,
            };
            if b > 12 && a <= 12 {
                (y, a, b)
            } else {
                (y, b, a)
            }
        };
        if alen > 2 && alen != 4 || blen > 2 {
            return None;
        }
        crate::calendar::ymd(y, m, d)?;
        if cx
            .tok(ci + 1)
            .is_some_and(|t| t.glued && (t.is_number() || t.is_word()))
        {
            return None;
        }
        return Some((
            Expr::Day {
                day: d,
                month: MonthRef::Given {
                    month: m,
                    year: YearRef::Given(y),
                },
                weekday: None,
            },
            ci + 1,
        ));
    }
    // Two parts: a day and a month.
    if alen > 2 || blen > 2 || (alen < 2 && blen < 2) {
        return None;
    }
    let after = cx.tok(i + 3);
    if after.is_some_and(|t| {
        t.glued && (t.is_number() || t.is_word() || t.is_punct('%') || t.is_punct('/'))
    }) || (after
        .is_some_and(|t| t.glued && (t.is_punct('-') || t.is_punct('.') || t.is_punct(',')))
        && cx.tok(i + 4).is_some_and(|t| t.glued && t.is_number()))
    {
        return None;
    }
    if sep_c == '.' || sep_c == '-' {
        let w = &cx.lex.words;
        let cue = cx.before(&w.bare_day_before, i).is_some()
            || i > 0 && (cx.is(i - 1, "sur") || weekday_name(cx, i - 1).is_some());
        if !cue {
            return None;
        }
    }
    let (m, d) = if a <= 12 && b > 12 { (a, b) } else { (b, a) };
    crate::calendar::ymd(2000, m, d)?;
    Some((
        Expr::Day {
            day: d,
            month: MonthRef::Given {
                month: m,
                year: YearRef::Open,
            },
            weekday: None,
        },
        i + 3,
    ))
}

/// A day without its month: "vendredi 22", "samedi le 2", "le 27", "le vingt-deux".
pub(super) fn bare_day(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let w = &cx.lex.words;
    let ok_after = |e: usize, digits: bool| {
        if digits {
            cx.free_after(e, &w.after_bare_day)
                && cx.lex.units.at(cx.toks, e).is_none()
                && month_name(cx, e).is_none()
        } else {
            cx.stop_at(e)
        }
    };
    if let (Some(weekday), j) = weekday_head(cx, i) {
        let (day, e, digits) = day_number(cx, j)?;
        if !ok_after(e, digits) {
            return None;
        }
        return Some((
            Expr::Day {
                day,
                month: MonthRef::Open,
                weekday: Some(weekday),
            },
            e,
        ));
    }
    let cue = cx.before(&w.bare_day_before, i).is_some();
    let en = i > 0 && cx.is(i - 1, "en");
    if !cue && !en {
        return None;
    }
    let (day, e, digits) = day_number(cx, i)?;
    if en && !(digits && cx.stop_at(e) && cx.tok(e).is_none_or(|t| !t.is_punct('-'))) {
        return None;
    }
    if !ok_after(e, digits) {
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
