//! A language's time words, read from `data/lang/<code>/time.toml` and compiled
//! into lookups over folded tokens.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;

use crate::error::TimeError;
use crate::numbers::{Numbers, NumbersFile};
use crate::tokens::{Tok, phrase};

/// Several word sequences of one role ("il y a", "voici").
#[derive(Debug, Clone, Default)]
pub(crate) struct Phrases(Vec<Vec<String>>);

impl Phrases {
    pub(crate) fn new(entries: &[String]) -> Phrases {
        let mut v: Vec<Vec<String>> = entries
            .iter()
            .map(|e| phrase(e))
            .filter(|p| !p.is_empty())
            .collect();
        v.sort_by_key(|p| std::cmp::Reverse(p.len()));
        Phrases(v)
    }

    /// The end of the longest entry that the tokens from `i` spell, if any.
    pub fn at(&self, toks: &[Tok], i: usize) -> Option<usize> {
        self.0
            .iter()
            .find(|p| spells(toks, i, p))
            .map(|p| i + p.len())
    }

    /// Whether one entry ends right before token `end` (exclusive), giving its start.
    pub fn before(&self, toks: &[Tok], end: usize) -> Option<usize> {
        self.0
            .iter()
            .filter(|p| p.len() <= end)
            .find(|p| spells(toks, end - p.len(), p))
            .map(|p| end - p.len())
    }
}

/// Word sequences each with a value ("hier" → -1).
#[derive(Debug, Clone)]
pub(crate) struct PhraseMap<T>(Vec<(Vec<String>, T)>);

impl<T: Copy> PhraseMap<T> {
    fn new(entries: impl IntoIterator<Item = (String, T)>) -> PhraseMap<T> {
        let mut v: Vec<(Vec<String>, T)> = entries
            .into_iter()
            .map(|(e, t)| (phrase(&e), t))
            .filter(|(p, _)| !p.is_empty())
            .collect();
        v.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        PhraseMap(v)
    }

    /// The value and end of the longest entry the tokens from `i` spell.
    pub fn at(&self, toks: &[Tok], i: usize) -> Option<(T, usize)> {
        self.0
            .iter()
            .find(|(p, _)| spells(toks, i, p))
            .map(|(p, t)| (*t, i + p.len()))
    }
}

fn spells(toks: &[Tok], i: usize, p: &[String]) -> bool {
    toks.get(i..i + p.len())
        .is_some_and(|w| w.iter().zip(p).all(|(t, s)| t.norm == *s))
}

/// Calendar units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Unit {
    Day,
    BusinessDay,
    Week,
    Weekend,
    Month,
    Quarter,
    Semester,
    Year,
    Decade,
    Century,
}

/// Parts of a day, with their TIMEX3 codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum PartOfDay {
    Morning,
    Midday,
    Afternoon,
    Evening,
    Night,
}

impl PartOfDay {
    fn from_code(code: &str) -> Option<PartOfDay> {
        Some(match code {
            "MO" => PartOfDay::Morning,
            "MI" => PartOfDay::Midday,
            "AF" => PartOfDay::Afternoon,
            "EV" => PartOfDay::Evening,
            "NI" => PartOfDay::Night,
            _ => return None,
        })
    }

    /// The TIMEX3 code.
    pub fn code(self) -> &'static str {
        match self {
            PartOfDay::Morning => "MO",
            PartOfDay::Midday => "MI",
            PartOfDay::Afternoon => "AF",
            PartOfDay::Evening => "EV",
            PartOfDay::Night => "NI",
        }
    }
}

/// A season: its TIMEX3 code and first and last (month, day).
#[derive(Debug, Clone)]
pub(crate) struct Season {
    pub code: String,
    pub first: (u32, u32),
    pub last: (u32, u32),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeasonFile {
    names: Vec<String>,
    code: String,
    first: [u32; 2],
    last: [u32; 2],
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarFile {
    months: Vec<Vec<String>>,
    ambiguous_months: Vec<String>,
    weekdays: Vec<Vec<String>>,
    seasons: Vec<SeasonFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DaysFile {
    deictic: BTreeMap<String, i32>,
    anaphoric: BTreeMap<String, i32>,
    not_deictic_before: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitsFile {
    day: Vec<String>,
    business_day: Vec<String>,
    week: Vec<String>,
    weekend: Vec<String>,
    month: Vec<String>,
    quarter: Vec<String>,
    semester: Vec<String>,
    year: Vec<String>,
    decade: Vec<String>,
    century: Vec<String>,
    decade_of_years: Vec<String>,
    quarter_letters: Vec<String>,
    semester_letters: Vec<String>,
    quarter_needs_year: Vec<String>,
}

macro_rules! word_roles {
    ($($name:ident),* $(,)?) => {
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        struct WordsFile { $($name: Vec<String>,)* }

        /// Words by the role they play in time expressions.
        #[derive(Debug, Clone)]
        pub(crate) struct Words { $(pub $name: Phrases,)* }

        impl Words {
            fn new(f: &WordsFile) -> Words {
                Words { $($name: Phrases::new(&f.$name),)* }
            }
        }
    };
}

word_roles!(
    this,
    here,
    there,
    same,
    articles,
    of,
    next,
    last,
    following,
    preceding,
    current,
    ago,
    within,
    later,
    earlier,
    after_date,
    before_date,
    since,
    during,
    each,
    range_open,
    range_to,
    early,
    middle,
    late,
    during_period,
    year_cues,
    month_cues,
    month_word,
    week_of,
    these,
    week_link,
    after_bare_day,
    bare_day_before,
    now,
    season_cues,
    determiners,
    rest,
    about,
);

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClockFile {
    hour_marks: Vec<String>,
    minute_marks: Vec<String>,
    noon: Vec<String>,
    midnight: Vec<String>,
    pm: Vec<String>,
    am: Vec<String>,
    at: Vec<String>,
}

/// Words of clock times.
#[derive(Debug, Clone)]
pub(crate) struct Clock {
    pub hour_marks: Phrases,
    pub minute_marks: Phrases,
    pub noon: Phrases,
    pub midnight: Phrases,
    pub pm: Phrases,
    pub am: Phrases,
    pub at: Phrases,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PublicationFile {
    cues: Vec<String>,
    same_day: Vec<String>,
}

/// Words around a publication date in the text.
#[derive(Debug, Clone)]
pub(crate) struct Publication {
    pub cues: Phrases,
    pub same_day: Phrases,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TenseFile {
    past_auxiliaries: Vec<String>,
    adverbs: Vec<String>,
    participle_endings: Vec<String>,
    imperfect_endings: Vec<String>,
    past_simple_endings: Vec<String>,
    future_endings: Vec<String>,
    conditional_endings: Vec<String>,
    not_verbs: Vec<String>,
    going_to: Vec<String>,
    infinitive_endings: Vec<String>,
    future_words: Vec<String>,
    past_words: Vec<String>,
    clause_breaks: Vec<String>,
}

/// Tense cues, compared in lower case with accents.
#[derive(Debug, Clone)]
pub(crate) struct TenseWords {
    pub past_auxiliaries: HashSet<String>,
    pub adverbs: HashSet<String>,
    pub participle_endings: Vec<String>,
    pub imperfect_endings: Vec<String>,
    pub past_simple_endings: Vec<String>,
    pub future_endings: Vec<String>,
    pub conditional_endings: Vec<String>,
    pub not_verbs: HashSet<String>,
    pub going_to: HashSet<String>,
    pub infinitive_endings: Vec<String>,
    pub future_words: HashSet<String>,
    pub past_words: HashSet<String>,
    pub clause_breaks: HashSet<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LangFile {
    language: String,
    calendar: CalendarFile,
    numbers: NumbersFile,
    days: DaysFile,
    units: UnitsFile,
    words: WordsFile,
    parts_of_day: BTreeMap<String, Vec<String>>,
    clock: ClockFile,
    publication: PublicationFile,
    tense: TenseFile,
}

/// Everything the tagger knows of one language.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    pub language: String,
    /// Folded month name → (month 1–12, whether it is the full name).
    pub months: HashMap<String, (u32, bool)>,
    /// Months whose full name is also a common name.
    pub ambiguous_months: HashSet<u32>,
    /// Folded weekday name → (0 for Monday … 6, whether it is the full name).
    pub weekdays: HashMap<String, (u32, bool)>,
    pub seasons: Vec<Season>,
    pub season_names: HashMap<String, usize>,
    pub numbers: Numbers,
    pub deictic: PhraseMap<i32>,
    pub anaphoric: PhraseMap<i32>,
    pub not_deictic_before: Phrases,
    pub units: PhraseMap<Unit>,
    pub decade_of_years: Phrases,
    pub quarter_letters: HashSet<String>,
    pub semester_letters: HashSet<String>,
    pub quarter_needs_year: HashSet<String>,
    pub words: Words,
    pub parts_of_day: PhraseMap<PartOfDay>,
    pub clock: Clock,
    pub publication: Publication,
    pub tense: TenseWords,
}

fn set(v: &[String]) -> HashSet<String> {
    v.iter().map(|s| s.to_lowercase()).collect()
}

fn folded_set(v: &[String]) -> HashSet<String> {
    v.iter().map(|s| crate::fold::fold(s)).collect()
}

impl Lexicon {
    /// Reads a `time.toml`; `path` names it in errors.
    pub fn parse(text: &str, path: &str) -> Result<Lexicon, TimeError> {
        let f: LangFile = toml::from_str(text).map_err(|e| TimeError::Format {
            path: path.to_string(),
            message: e.to_string(),
        })?;
        let invalid = |message: String| TimeError::Invalid {
            path: path.to_string(),
            message,
        };
        if f.calendar.months.len() != 12 {
            return Err(invalid(format!(
                "{} months where 12 were expected",
                f.calendar.months.len()
            )));
        }
        if f.calendar.weekdays.len() != 7 {
            return Err(invalid(format!(
                "{} weekdays where 7 were expected",
                f.calendar.weekdays.len()
            )));
        }
        let mut months = HashMap::new();
        for (m, names) in f.calendar.months.iter().enumerate() {
            for (k, n) in names.iter().enumerate() {
                months
                    .entry(crate::fold::fold(n))
                    .or_insert((m as u32 + 1, k == 0));
            }
        }
        let mut ambiguous_months = HashSet::new();
        for a in &f.calendar.ambiguous_months {
            match months.get(&crate::fold::fold(a)) {
                Some(&(m, _)) => {
                    ambiguous_months.insert(m);
                }
                None => return Err(invalid(format!("ambiguous month {a:?} is not a month"))),
            }
        }
        let mut weekdays = HashMap::new();
        for (d, names) in f.calendar.weekdays.iter().enumerate() {
            for (k, n) in names.iter().enumerate() {
                weekdays
                    .entry(crate::fold::fold(n))
                    .or_insert((d as u32, k == 0));
            }
        }
        let mut seasons = Vec::new();
        let mut season_names = HashMap::new();
        for s in &f.calendar.seasons {
            let ok = |(m, d): (u32, u32)| chrono::NaiveDate::from_ymd_opt(2001, m, d).is_some();
            let first = (s.first[0], s.first[1]);
            let last = (s.last[0], s.last[1]);
            if s.names.is_empty() || !ok(first) || !ok(last) {
                return Err(invalid(format!("season {:?} is not well formed", s.code)));
            }
            for n in &s.names {
                season_names.insert(crate::fold::fold(n), seasons.len());
            }
            seasons.push(Season {
                code: s.code.clone(),
                first,
                last,
            });
        }
        let mut parts = Vec::new();
        for (code, names) in &f.parts_of_day {
            let p = PartOfDay::from_code(code)
                .ok_or_else(|| invalid(format!("unknown part of day {code:?}")))?;
            parts.extend(names.iter().map(|n| (n.clone(), p)));
        }
        let u = &f.units;
        let mut units = Vec::new();
        for (list, unit) in [
            (&u.day, Unit::Day),
            (&u.business_day, Unit::BusinessDay),
            (&u.week, Unit::Week),
            (&u.weekend, Unit::Weekend),
            (&u.month, Unit::Month),
            (&u.quarter, Unit::Quarter),
            (&u.semester, Unit::Semester),
            (&u.year, Unit::Year),
            (&u.decade, Unit::Decade),
            (&u.century, Unit::Century),
        ] {
            units.extend(list.iter().map(|n| (n.clone(), unit)));
        }
        let t = &f.tense;
        Ok(Lexicon {
            language: f.language.clone(),
            months,
            ambiguous_months,
            weekdays,
            seasons,
            season_names,
            numbers: Numbers::new(&f.numbers),
            deictic: PhraseMap::new(f.days.deictic.clone()),
            anaphoric: PhraseMap::new(f.days.anaphoric.clone()),
            not_deictic_before: Phrases::new(&f.days.not_deictic_before),
            units: PhraseMap::new(units),
            decade_of_years: Phrases::new(&u.decade_of_years),
            quarter_letters: folded_set(&u.quarter_letters),
            semester_letters: folded_set(&u.semester_letters),
            quarter_needs_year: folded_set(&u.quarter_needs_year),
            words: Words::new(&f.words),
            parts_of_day: PhraseMap::new(parts),
            clock: Clock {
                hour_marks: Phrases::new(&f.clock.hour_marks),
                minute_marks: Phrases::new(&f.clock.minute_marks),
                noon: Phrases::new(&f.clock.noon),
                midnight: Phrases::new(&f.clock.midnight),
                pm: Phrases::new(&f.clock.pm),
                am: Phrases::new(&f.clock.am),
                at: Phrases::new(&f.clock.at),
            },
            publication: Publication {
                cues: Phrases::new(&f.publication.cues),
                same_day: Phrases::new(&f.publication.same_day),
            },
            tense: TenseWords {
                past_auxiliaries: set(&t.past_auxiliaries),
                adverbs: set(&t.adverbs),
                participle_endings: t.participle_endings.clone(),
                imperfect_endings: t.imperfect_endings.clone(),
                past_simple_endings: t.past_simple_endings.clone(),
                future_endings: t.future_endings.clone(),
                conditional_endings: t.conditional_endings.clone(),
                not_verbs: set(&t.not_verbs),
                going_to: set(&t.going_to),
                infinitive_endings: t.infinitive_endings.clone(),
                future_words: set(&t.future_words),
                past_words: set(&t.past_words),
                clause_breaks: t.clause_breaks.iter().cloned().collect(),
            },
        })
    }
}
