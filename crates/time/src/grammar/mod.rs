//! The French grammar of time expressions over tokens: each rule tries to read
//! an expression at a token and says what it means; the longest readings that
//! do not overlap are kept.
//!
//! The rules know the shapes of expressions (a day before its month, a range's
//! two ends); the words come from the language's lexicon.

mod amounts;
mod clock;
mod dates;
mod divisions;
mod names;
mod periods;
mod ranges;
mod relative;
mod weekdays;

use crate::expr::Expr;
use crate::lexicon::{Lexicon, Phrases};
use crate::tokens::Tok;

/// What kind of time an expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A day: "le 21 août 2021", "mardi", "la veille", "il y a deux jours".
    Date,
    /// A calendar period or span: "janvier 2020", "début 2022", "cette semaine".
    Period,
    /// From one time to another: "du 4 au 22 novembre".
    Range,
    /// A time of day, on a day when one is said: "mardi à 14h".
    Time,
    /// An amount of time: "pendant deux semaines".
    Duration,
    /// A repeated time: "chaque lundi".
    Set,
}

/// An expression read at some tokens.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    /// Index of its first token.
    pub start: usize,
    /// One past the index of its last token.
    pub end: usize,
    pub expr: Expr,
    pub kind: Kind,
}

/// The tokens and words a rule reads.
#[derive(Clone, Copy)]
pub(crate) struct Cx<'a> {
    pub toks: &'a [Tok],
    pub lex: &'a Lexicon,
}

impl<'a> Cx<'a> {
    pub fn tok(&self, i: usize) -> Option<&'a Tok> {
        self.toks.get(i)
    }

    /// The folded word at `i`, if a word.
    pub fn word(&self, i: usize) -> Option<&'a str> {
        self.toks
            .get(i)
            .filter(|t| t.is_word())
            .map(|t| t.norm.as_str())
    }

    /// Whether token `i` folds to `s`.
    pub fn is(&self, i: usize, s: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.norm == s)
    }

    /// Whether token `i` is the punctuation `c`.
    pub fn punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// Whether token `i` is glued to the one before it.
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }

    /// The end of the longest entry of `p` at `i`.
    pub fn at(&self, p: &Phrases, i: usize) -> Option<usize> {
        p.at(self.toks, i)
    }

    /// The start of an entry of `p` that ends right before `i`.
    pub fn before(&self, p: &Phrases, i: usize) -> Option<usize> {
        p.before(self.toks, i)
    }

    /// Whether nothing that could extend a number follows at `i`: the end, a
    /// punctuation mark other than a hyphen or slash, or a word of `ok`.
    pub fn free_after(&self, i: usize, ok: &Phrases) -> bool {
        match self.toks.get(i) {
            None => true,
            Some(t) if t.is_word() => self.at(ok, i).is_some(),
            Some(t) if t.is_number() => false,
            Some(t) => !(t.glued && (t.is_punct('%') || t.is_punct('/'))),
        }
    }

    /// Whether the text ends or a punctuation mark stands at `i`.
    pub fn stop_at(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_none_or(|t| !t.is_word() && !t.is_number() && !t.is_punct('-') && !t.is_punct('/'))
    }
}

type Rule = fn(&Cx, usize) -> Option<(Expr, usize)>;

const RULES: &[Rule] = &[
    dates::day_month_year,
    dates::month_day,
    dates::numeric_date,
    dates::bare_day,
    weekdays::weekday_expr,
    weekdays::nth_weekday,
    relative::deictic_day,
    relative::anaphoric_day,
    relative::part_of_day_of,
    periods::month_period,
    periods::numeric_month,
    periods::year_period,
    periods::unit_relative,
    divisions::quarter,
    divisions::season,
    divisions::decade,
    divisions::century,
    divisions::week,
    periods::month_of,
    periods::partial,
    amounts::shift,
    amounts::span,
    amounts::set,
    ranges::range,
    clock::clock,
];

/// The kind of what an expression means.
pub(crate) fn kind_of(e: &Expr) -> Kind {
    match e {
        Expr::Day { .. }
        | Expr::Weekday { .. }
        | Expr::NthWeekday { .. }
        | Expr::DayShift { .. }
        | Expr::Shift { .. } => Kind::Date,
        Expr::WithPart { of, .. } => kind_of(of),
        Expr::Range(..) => Kind::Range,
        Expr::Clock { .. } => Kind::Time,
        Expr::Duration(_) => Kind::Duration,
        Expr::Set => Kind::Set,
        Expr::Unresolved { unit: None } => Kind::Date,
        _ => Kind::Period,
    }
}

/// Every expression of the tokens, the longest kept where readings overlap,
/// in text order.
pub(crate) fn read(toks: &[Tok], lex: &Lexicon) -> Vec<Cand> {
    let cx = Cx { toks, lex };
    let mut all = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        if tok.is_punct('\n') {
            continue;
        }
        for rule in RULES {
            if let Some((expr, end)) = rule(&cx, i)
                && end > i
            {
                let kind = kind_of(&expr);
                all.push(Cand {
                    start: i,
                    end,
                    expr,
                    kind,
                });
            }
        }
    }
    let bytes = |c: &Cand| toks[c.end - 1].end - toks[c.start].start;
    all.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(bytes(b).cmp(&bytes(a)))
            .then(a.start.cmp(&b.start))
    });
    let mut taken = vec![false; toks.len()];
    let mut kept: Vec<Cand> = Vec::new();
    for c in all {
        if taken[c.start..c.end].iter().any(|&t| t) {
            continue;
        }
        taken[c.start..c.end].iter_mut().for_each(|t| *t = true);
        kept.push(c);
    }
    kept.sort_by_key(|c| c.start);
    attach_parts(&cx, &mut kept);
    clock::attach_clocks(&cx, kept)
}

/// Extends a day by the part of day right after it: "lundi 10 janvier au
/// soir", "le 3 mars dans la matinée".
fn attach_parts(cx: &Cx, kept: &mut [Cand]) {
    for k in 0..kept.len() {
        let c = &kept[k];
        if c.kind != Kind::Date || matches!(c.expr, Expr::WithPart { .. }) {
            continue;
        }
        let Some((part, e)) = cx.lex.parts_of_day.at(cx.toks, c.end) else {
            continue;
        };
        if kept.get(k + 1).is_some_and(|n| n.start < e) {
            continue;
        }
        let c = &mut kept[k];
        let of = std::mem::replace(&mut c.expr, Expr::Set);
        c.expr = Expr::WithPart {
            of: Box::new(of),
            part,
        };
        c.end = e;
    }
}
