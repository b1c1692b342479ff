//! What a time expression says, before it is read against a reference date.

use crate::lexicon::{PartOfDay, Unit};

/// Which year a month or day is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearRef {
    /// Written out: "2016".
    Given(i32),
    /// Counted from the reference: "cette année" 0, "l'année prochaine" 1.
    Shift(i32),
    /// Not said: chosen by tense around the reference.
    Open,
    /// The first one after the reference: "juin prochain".
    After,
    /// The last one before the reference: "septembre dernier".
    Before,
}

/// Which month a day is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MonthRef {
    /// A named month.
    Given { month: u32, year: YearRef },
    /// Counted from the reference's month: "ce mois" 0, "le mois prochain" 1.
    Shift(i32),
    /// Not said: "le 12".
    Open,
}

/// What a relative expression counts from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Anchor {
    /// The reference (publication) date: "hier", "il y a deux jours".
    Reference,
    /// The day the text last named, else the reference: "la veille", "deux jours plus tard".
    Narrative,
    /// A date the expression names: "la veille du 14 juillet".
    Date(Box<Expr>),
}

/// How a weekday is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WeekdayHow {
    /// Bare: by tense, same day included.
    Open,
    /// "ce vendredi": in the reference's week, unless the tense says otherwise.
    This,
    /// "vendredi prochain": the first one after the reference.
    Next,
    /// "vendredi dernier": the last one before the reference.
    Last,
    /// "vendredi de la semaine prochaine": in the week so many weeks from the reference's.
    Week(i32),
    /// "le vendredi suivant": the first one after the day last named.
    Following,
    /// "le vendredi précédent": the last one before the day last named.
    Preceding,
}

/// An amount of time: "deux ans, un mois et vingt et un jours".
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Amount {
    pub years: i32,
    pub months: i32,
    pub weeks: i32,
    pub days: i32,
    pub business_days: i32,
    /// Half a unit more ("deux jours et demi"), in days.
    pub half_days: bool,
    /// "quelques jours": no exact value.
    pub vague: bool,
    /// "près de deux semaines": a value, no finer than a month.
    pub about: bool,
    /// The largest unit, for durations of decades and centuries.
    pub decades: i32,
}

/// Part of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Early,
    Middle,
    Late,
    /// From the reference to the end: "le reste de la semaine".
    Rest,
}

/// Which week.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum WeekRef {
    /// The `n`-th week (or the last) of a month or year.
    Nth { rank: Option<u32>, of: Box<Expr> },
    /// ISO week number `n` of a year.
    Number { n: u32, year: YearRef },
    /// The week that holds a day.
    Containing(Box<Expr>),
}

/// The meaning of a time expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    /// A day of a month: "21 août 2021", "lundi 10 janvier", "le 12".
    Day {
        day: u32,
        month: MonthRef,
        weekday: Option<u32>,
    },
    /// A weekday: "mardi", "vendredi prochain".
    Weekday { weekday: u32, how: WeekdayHow },
    /// The `n`-th (or last) weekday of a month: "le premier vendredi de juillet".
    NthWeekday {
        rank: Option<u32>,
        weekday: u32,
        month: MonthRef,
    },
    /// Days from an anchor: "hier", "la veille".
    DayShift { days: i32, anchor: Anchor },
    /// An amount from an anchor: "il y a deux jours", "dans trois ans".
    Shift {
        amount: Amount,
        sign: i32,
        anchor: Anchor,
    },
    /// A named month: "février", "juin 2016".
    Month(MonthRef),
    /// A year: "2019", "l'an dernier".
    Year(YearRef),
    /// A calendar unit around the reference or the day last named: "cette
    /// semaine", "le mois dernier", "la semaine suivante".
    Unit {
        unit: Unit,
        shift: i32,
        anchor: Anchor,
    },
    /// A weekend chosen by tense: "le week-end".
    OpenWeekend,
    /// A quarter or half year: "le troisième trimestre 2016".
    Quarter { n: u32, months: u32, year: YearRef },
    /// A season: "l'été 2016".
    Season { index: usize, year: YearRef },
    /// The years `first..first+9`, the century unknown when `century` is false.
    Decade { first: i32, century: bool },
    /// A century: "le XXe siècle".
    Century(i32),
    /// The month that holds a day: "le mois du 16 septembre".
    MonthOf(Box<Expr>),
    /// A week: "la troisième semaine de 2027".
    Week(WeekRef),
    /// Part of a period: "début 2022", "mi-septembre".
    Part { part: Part, of: Box<Expr> },
    /// From one time to another: "du 4 au 22 novembre".
    Range(Box<Expr>, Box<Expr>),
    /// Days before or after the reference: "les trois derniers jours",
    /// "depuis trois semaines".
    Span {
        amount: Amount,
        sign: i32,
        with_today: bool,
    },
    /// A part of a day: "mardi soir".
    WithPart { of: Box<Expr>, part: PartOfDay },
    /// A clock time, on a day if one is said: "mardi à 14h30".
    Clock {
        day: Option<Box<Expr>>,
        hour: u32,
        minute: u32,
    },
    /// An amount of time: "pendant deux semaines".
    Duration(Amount),
    /// A repeated time: "chaque lundi".
    Set,
    /// A time the text names without saying which: "cette année-là" (a year),
    /// "le même mois", "ce jour-là" (a day: no unit).
    Unresolved { unit: Option<Unit> },
}
