//! What an expression says by itself, as a TIMEX3 value with `X` for what
//! the words leave open: "mardi" is `XXXX-WXX-2`, "2 octobre" `XXXX-10-02`,
//! "du 3 au 12 septembre" `XXXX-09-03/XXXX-09-12`.

use crate::expr::{Amount, Expr, MonthRef, WeekRef, YearRef};
use crate::lexicon::{Lexicon, Unit};

fn year(y: YearRef) -> String {
    match y {
        YearRef::Given(y) => format!("{y:04}"),
        _ => "XXXX".to_string(),
    }
}

fn year_month(m: MonthRef) -> (String, String) {
    match m {
        MonthRef::Given { month, year: y } => (year(y), format!("{month:02}")),
        _ => ("XXXX".to_string(), "XX".to_string()),
    }
}

fn duration(a: &Amount) -> String {
    let mut s = String::from("P");
    let years = a.years + 10 * a.decades;
    for (n, u) in [(years, 'Y'), (a.months, 'M'), (a.weeks, 'W')] {
        if n != 0 {
            s.push_str(&format!("{n}{u}"));
        }
    }
    let days = a.days + a.business_days;
    if days != 0 || a.half_days {
        if a.half_days {
            s.push_str(&format!("{days}.5D"));
        } else {
            s.push_str(&format!("{days}D"));
        }
    }
    if a.vague {
        return "PXX".to_string();
    }
    s
}

/// The TIMEX3 value of `e` without a reference date.
pub(crate) fn timex(e: &Expr, lex: &Lexicon) -> String {
    const OPEN_DAY: &str = "XXXX-XX-XX";
    match e {
        Expr::Day { day, month, .. } => {
            let (y, m) = year_month(*month);
            format!("{y}-{m}-{day:02}")
        }
        Expr::Weekday { weekday, .. } => format!("XXXX-WXX-{}", weekday + 1),
        Expr::NthWeekday {
            rank,
            weekday,
            month,
        } => {
            let (y, m) = year_month(*month);
            let r = rank.map_or_else(|| "L".to_string(), |n| n.to_string());
            format!("{y}-{m}-WXX-{}-#{r}", weekday + 1)
        }
        Expr::DayShift { .. } | Expr::Shift { .. } | Expr::Unresolved { unit: None } => {
            OPEN_DAY.to_string()
        }
        Expr::Month(m) => {
            let (y, m) = year_month(*m);
            format!("{y}-{m}")
        }
        Expr::Year(y) => year(*y),
        Expr::Unit { unit, .. }
        | Expr::Unresolved {
            unit: Some(unit), ..
        } => match unit {
            Unit::Day | Unit::BusinessDay => OPEN_DAY,
            Unit::Week => "XXXX-WXX",
            Unit::Weekend => "XXXX-WXX-WE",
            Unit::Month => "XXXX-XX",
            Unit::Quarter => "XXXX-QX",
            Unit::Semester => "XXXX-HX",
            Unit::Year => "XXXX",
            Unit::Decade => "XXX",
            Unit::Century => "XX",
        }
        .to_string(),
        Expr::OpenWeekend => "XXXX-WXX-WE".to_string(),
        Expr::Quarter { n, months, year: y } => {
            let letter = if *months == 3 { 'Q' } else { 'H' };
            format!("{}-{letter}{n}", year(*y))
        }
        Expr::Season { index, year: y } => {
            let code = lex.seasons.get(*index).map_or("XX", |s| s.code.as_str());
            format!("{}-{code}", year(*y))
        }
        Expr::Decade { first, century } => {
            if *century {
                format!("{:03}", first / 10)
            } else {
                format!("XX{}", first / 10)
            }
        }
        Expr::Century(n) => format!("{:02}", n - 1),
        Expr::Week(w) => match w {
            WeekRef::Nth { rank, of } => {
                let r = rank.map_or_else(|| "WL".to_string(), |n| format!("W{n:02}"));
                format!("{}-{r}", timex(of, lex))
            }
            WeekRef::Number { n, year: y } => format!("{}-W{n:02}", year(*y)),
            WeekRef::Containing(d) => timex(d, lex),
        },
        Expr::Part { of, .. } | Expr::MonthOf(of) => timex(of, lex),
        Expr::Range(a, b) => format!("{}/{}", timex(a, lex), timex(b, lex)),
        Expr::Span { amount, .. } | Expr::Duration(amount) => duration(amount),
        Expr::WithPart { of, part } => format!("{}T{}", timex(of, lex), part.code()),
        Expr::Clock { day, hour, minute } => {
            let d = day
                .as_deref()
                .map_or_else(|| OPEN_DAY.to_string(), |d| timex(d, lex));
            format!("{d}T{hour:02}:{minute:02}")
        }
        Expr::Set => "XXXX-XX-XX".to_string(),
    }
}
