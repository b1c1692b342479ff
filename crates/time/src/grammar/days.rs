//! Days: "le 21 août 2021", "lundi 10 janvier", "22/04", "le 12", weekdays,
//! "aujourd'hui", "la veille", parts of days.

use super::Cx;
use super::periods::unit_shift;
use crate::expr::{Anchor, Expr, MonthRef, WeekdayHow, YearRef};
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
fn in_decimal(cx: &Cx, i: usize) -> bool {
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

/// A weekday that may open a date: "lundi", "Mer,", "samedi le", "ce vendredi";
/// its weekday and where the date goes on. Without one, `(None, i)`.
fn weekday_head(cx: &Cx, i: usize) -> (Option<u32>, usize) {
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
    if sep_c == '.' {
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
