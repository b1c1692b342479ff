//! The publication date, read from the text where it says enough: a date the
//! text introduces as its own ("Publié le 10 janvier 2022", a dateline
//! "PARIS, 10 janvier 2022"), or a weekday with a day and month ("lundi 10
//! janvier") that fits exactly one of the years the text names. Never a guess.

use chrono::Datelike;

use chronicle_model::{Origin, Precision, Published};

use crate::calendar::{iso, weekday0, ymd};
use crate::expr::{Expr, MonthRef, YearRef};
use crate::grammar::{Cand, Kind};
use crate::lexicon::Lexicon;
use crate::resolve::{Ctx, resolve};
use crate::tense::Tense;
use crate::tokens::Tok;

fn alone<'a>(lex: &'a Lexicon) -> Ctx<'a> {
    Ctx {
        reference: None,
        tense: Tense::Unknown,
        anchor: crate::resolve::Narrative::Unset,
        lex,
    }
}

/// Whether the words before token `start` introduce a publication date.
fn cued(toks: &[Tok], start: usize, lex: &Lexicon) -> bool {
    let line_start =
        |s: usize| s == 0 || toks[s - 1].is_punct('\n') || !toks[..s].iter().any(|t| t.is_word());
    let mut j = start;
    loop {
        if lex.publication.cues.before(toks, j).is_some_and(line_start) {
            return true;
        }
        if j > 0 && (toks[j - 1].is_punct(':') || toks[j - 1].norm == "le") {
            j -= 1;
        } else {
            return false;
        }
    }
}

/// Whether the expression at `start..end` is an agency dateline opening the
/// text: capitalised place words and a comma before it, a dash or a bracket
/// after it ("PARIS, 10 janvier 2022 (AFP) -").
fn dateline(toks: &[Tok], start: usize, end: usize) -> bool {
    let head = &toks[..start];
    let place = head.len() >= 2
        && head.len() <= 6
        && head[head.len() - 1].is_punct(',')
        && head[..head.len() - 1]
            .iter()
            .all(|t| t.is_word() && t.upper || t.is_punct('-'));
    let tail = toks
        .get(end)
        .is_none_or(|t| t.is_punct('(') || t.is_punct('-') || t.is_punct('\n'));
    place && tail
}

fn full_day(e: &Expr) -> bool {
    match e {
        Expr::Day {
            month:
                MonthRef::Given {
                    year: YearRef::Given(_),
                    ..
                },
            ..
        } => true,
        Expr::Clock { day: Some(d), .. } | Expr::WithPart { of: d, .. } => full_day(d),
        _ => false,
    }
}

fn years_named(e: &Expr, out: &mut Vec<i32>) {
    let mut year = |y: &YearRef| {
        if let YearRef::Given(y) = y {
            out.push(*y);
        }
    };
    match e {
        Expr::Day {
            month: MonthRef::Given { year: y, .. },
            ..
        }
        | Expr::Month(MonthRef::Given { year: y, .. })
        | Expr::NthWeekday {
            month: MonthRef::Given { year: y, .. },
            ..
        }
        | Expr::Year(y)
        | Expr::Quarter { year: y, .. }
        | Expr::Season { year: y, .. } => year(y),
        Expr::Part { of, .. } | Expr::WithPart { of, .. } | Expr::MonthOf(of) => {
            years_named(of, out)
        }
        Expr::Week(crate::expr::WeekRef::Nth { of, .. }) => years_named(of, out),
        Expr::Clock { day: Some(d), .. } => years_named(d, out),
        Expr::Range(a, b) => {
            years_named(a, out);
            years_named(b, out);
        }
        _ => {}
    }
}

/// Years written alone, where nothing after them makes them a count: "la
/// loi de finances 2024." (not "2000 manifestants").
fn bare_years(toks: &[Tok]) -> impl Iterator<Item = i32> + '_ {
    toks.iter().enumerate().filter_map(|(i, t)| {
        if !t.is_number() || t.norm.len() != 4 {
            return None;
        }
        let y: i32 = t.norm.parse().ok()?;
        let before = i.checked_sub(1).map(|j| &toks[j]);
        let after = toks.get(i + 1);
        let count = after.is_some_and(|a| {
            a.is_word() && !a.upper && (a.norm.ends_with('s') || a.norm.ends_with('x'))
        });
        let decimal = after.is_some_and(|a| a.glued && (a.is_punct(',') || a.is_punct('.')))
            && toks.get(i + 2).is_some_and(|n| n.glued && n.is_number());
        let loose = before
            .is_none_or(|b| !b.is_number() && !(t.glued && (b.is_punct(',') || b.is_punct('.'))))
            && after.is_none_or(|a| !(a.is_number() || a.glued && a.is_word()))
            && !count
            && !decimal;
        ((1900..=2099).contains(&y) && loose).then_some(y)
    })
}

/// A weekday with a day and month but no year: (weekday, month, day).
fn weekday_date(e: &Expr) -> Option<(u32, u32, u32)> {
    match e {
        Expr::Day {
            day,
            month:
                MonthRef::Given {
                    month,
                    year: YearRef::Open,
                },
            weekday: Some(wd),
        } => Some((*wd, *month, *day)),
        Expr::Clock { day: Some(d), .. } | Expr::WithPart { of: d, .. } => weekday_date(d),
        _ => None,
    }
}

/// The publication date the text gives, if it gives one.
pub(crate) fn infer(toks: &[Tok], cands: &[Cand], lex: &Lexicon) -> Option<Published> {
    let cx = alone(lex);
    for c in cands {
        if !matches!(c.kind, Kind::Date | Kind::Period | Kind::Time) {
            continue;
        }
        let meta = cued(toks, c.start, lex) || full_day(&c.expr) && dateline(toks, c.start, c.end);
        if !meta {
            continue;
        }
        if let Some((value, precision)) = resolve(&c.expr, &cx).and_then(|r| r.value()) {
            return Some(Published {
                value,
                precision,
                origin: Origin::Text,
            });
        }
    }
    let mut years = Vec::new();
    for c in cands {
        years_named(&c.expr, &mut years);
    }
    years.extend(bare_years(toks));
    years.sort_unstable();
    years.dedup();
    let mut dates = Vec::new();
    let mut same_day = false;
    for c in cands {
        let Some((wd, m, d)) = weekday_date(&c.expr) else {
            continue;
        };
        let fits: Vec<_> = years
            .iter()
            .filter_map(|&y| ymd(y, m, d))
            .filter(|day| weekday0(*day) == wd)
            .collect();
        if let [day] = fits.as_slice() {
            dates.push(*day);
            same_day |= lex.publication.same_day.before(toks, c.start).is_some()
                || lex.publication.same_day.at(toks, c.start).is_some();
        }
    }
    let first = *dates.first()?;
    let (value, precision) = if dates.iter().all(|d| *d == first) && same_day {
        (iso(first, Precision::Day), Precision::Day)
    } else if dates
        .iter()
        .all(|d| d.year() == first.year() && d.month() == first.month())
    {
        (iso(first, Precision::Month), Precision::Month)
    } else if dates.iter().all(|d| d.year() == first.year()) {
        (iso(first, Precision::Year), Precision::Year)
    } else {
        return None;
    };
    Some(Published {
        value,
        precision,
        origin: Origin::Text,
    })
}
