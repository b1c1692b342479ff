//! Clock times: "14h30", "à 17 heures", "8h du matin", "à midi", and their
//! joining to the day before them ("mardi à 14h").

use super::{Cand, Cx, Kind};
use crate::expr::Expr;

/// A clock time at `i`.
pub(super) fn clock(cx: &Cx, i: usize) -> Option<(Expr, usize)> {
    let c = &cx.lex.clock;
    let at = cx.before(&c.at, i).is_some();
    if at {
        if let Some(e) = cx.at(&c.noon, i) {
            return Some((clock_at(12, 0), e));
        }
        if let Some(e) = cx.at(&c.midnight, i) {
            return Some((clock_at(0, 0), e));
        }
    }
    let t = cx.tok(i)?;
    if !t.is_number() || t.norm.len() > 2 {
        return None;
    }
    if i > 0 && cx.glued(i) && !cx.toks[i - 1].is_word() && !cx.toks[i - 1].is_punct('(') {
        return None;
    }
    let mut hour: u32 = t.norm.parse().ok()?;
    let mut minute = 0;
    let mut end;
    let two_digits = |k: usize| -> Option<u32> {
        cx.tok(k)
            .filter(|u| u.is_number() && u.norm.len() == 2)
            .and_then(|u| u.norm.parse().ok())
            .filter(|m| *m < 60)
    };
    if cx.punct(i + 1, ':') && cx.glued(i + 1) && cx.glued(i + 2) {
        minute = two_digits(i + 2)?;
        end = i + 3;
    } else if let Some(e) = cx.at(&c.hour_marks, i + 1) {
        let short = cx.glued(i + 1) && cx.word(i + 1).is_some_and(|w| w.len() == 1);
        end = e;
        if let Some(m) = two_digits(e) {
            minute = m;
            end = e + 1;
            if let Some(e2) = cx.at(&c.minute_marks, end) {
                end = e2;
            }
        } else if !(at || short) {
            return None;
        }
    } else {
        return None;
    }
    if hour > 24
        || cx
            .tok(end)
            .is_some_and(|u| u.glued && (u.is_number() || u.is_word()))
    {
        return None;
    }
    if let Some(e) = cx.at(&c.pm, end) {
        if hour < 12 {
            hour += 12;
        }
        end = e;
    } else if let Some(e) = cx.at(&c.am, end) {
        end = e;
    }
    Some((clock_at(hour % 24, minute), end))
}

fn clock_at(hour: u32, minute: u32) -> Expr {
    Expr::Clock {
        day: None,
        hour,
        minute,
    }
}

/// Joins a clock time to the day right before it ("mardi à 14h", "lundi 10
/// janvier, 9h30") into one expression.
pub(super) fn attach_clocks(cx: &Cx, kept: Vec<Cand>) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::with_capacity(kept.len());
    for c in kept {
        if let Expr::Clock {
            day: None,
            hour,
            minute,
        } = c.expr
            && let Some(prev) = out.last_mut()
            && prev.kind == Kind::Date
            && c.start >= prev.end
            && c.start - prev.end <= 2
            && (prev.end..c.start).all(|k| {
                cx.punct(k, ',') || cx.at(&cx.lex.clock.at, k).is_some_and(|e| e <= c.start)
            })
        {
            let day = std::mem::replace(&mut prev.expr, Expr::Set);
            prev.expr = Expr::Clock {
                day: Some(Box::new(day)),
                hour,
                minute,
            };
            prev.end = c.end;
            prev.kind = Kind::Time;
            continue;
        }
        out.push(c);
    }
    out
}
