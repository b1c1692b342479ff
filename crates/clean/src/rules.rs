//! The cleaning rules, loaded from data files: `lang/common/clean.toml` for what
//! holds in any language, `lang/<code>/clean.toml`, `calendar.toml` and
//! `stopwords.txt` for each language, and `lang/iso639.tsv`.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use regex::Regex;
use serde::Deserialize;

use crate::error::RulesError;
use crate::fold::fold;

/// The languages whose data ship inside the binary.
pub const BUILTIN_LANGUAGES: &[&str] = &["fr", "en"];

/// Data files compiled into the binary, by path relative to `data/`.
const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "lang/common/clean.toml",
        include_str!("../../../data/lang/common/clean.toml"),
    ),
    (
        "lang/fr/clean.toml",
        include_str!("../../../data/lang/fr/clean.toml"),
    ),
    (
        "lang/fr/calendar.toml",
        include_str!("../../../data/lang/fr/calendar.toml"),
    ),
    (
        "lang/fr/stopwords.txt",
        include_str!("../../../data/lang/fr/stopwords.txt"),
    ),
    (
        "lang/en/clean.toml",
        include_str!("../../../data/lang/en/clean.toml"),
    ),
    (
        "lang/en/calendar.toml",
        include_str!("../../../data/lang/en/calendar.toml"),
    ),
    (
        "lang/en/stopwords.txt",
        include_str!("../../../data/lang/en/stopwords.txt"),
    ),
    (
        "lang/iso639.tsv",
        include_str!("../../../data/lang/iso639.tsv"),
    ),
];

/// Where rule files are read from: the copies built into the binary, or a
/// `data/` directory on disk (to try new rules without rebuilding).
#[derive(Debug, Clone)]
pub enum DataSource<'a> {
    /// The files compiled into the binary.
    Builtin,
    /// A directory laid out like the repository's `data/`.
    Dir(&'a Path),
}

impl DataSource<'_> {
    fn read(&self, rel: &str) -> Result<String, RulesError> {
        match self {
            DataSource::Builtin => BUILTIN_FILES
                .iter()
                .find(|(p, _)| *p == rel)
                .map(|(_, text)| (*text).to_string())
                .ok_or_else(|| RulesError::Io {
                    path: rel.to_string(),
                    source: std::io::Error::new(std::io::ErrorKind::NotFound, "not built in"),
                }),
            DataSource::Dir(dir) => {
                let path = dir.join(rel);
                std::fs::read_to_string(&path).map_err(|source| RulesError::Io {
                    path: path.display().to_string(),
                    source,
                })
            }
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CommonFile {
    #[serde(default)]
    credit_patterns: Vec<String>,
    #[serde(default)]
    credit_only_patterns: Vec<String>,
    #[serde(default)]
    dateline_patterns: Vec<String>,
    #[serde(default)]
    head_metadata_patterns: Vec<String>,
    #[serde(default)]
    tail_patterns: Vec<String>,
    #[serde(default)]
    metadata_line_patterns: Vec<String>,
    #[serde(default)]
    url_line_pattern: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct LanguageFile {
    #[serde(default)]
    navigation: Vec<String>,
    #[serde(default)]
    navigation_patterns: Vec<String>,
    #[serde(default)]
    tail_patterns: Vec<String>,
    #[serde(default)]
    related_headings: Vec<String>,
    #[serde(default)]
    related_prefixes: Vec<String>,
    #[serde(default)]
    published_line_patterns: Vec<String>,
    #[serde(default)]
    updated_line_patterns: Vec<String>,
    #[serde(default)]
    head_date_patterns: Vec<String>,
    #[serde(default)]
    byline_patterns: Vec<String>,
    #[serde(default)]
    source_note_patterns: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CalendarFile {
    months: Vec<Vec<String>>,
    weekdays: Vec<Vec<String>>,
    #[serde(default)]
    ordinal_suffixes: Vec<String>,
    #[serde(default)]
    filler: Vec<String>,
}

/// Month and weekday names of one language, folded.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    /// Folded month name or abbreviation → month number (1–12).
    pub months: HashMap<String, u32>,
    /// Folded weekday name or abbreviation → day number (0 = Monday).
    pub weekdays: HashMap<String, u32>,
    /// Suffixes of ordinal day numbers (`1er`, `2nd`).
    pub ordinal_suffixes: Vec<String>,
    /// Words that may stand between the parts of a date (`le`, `of`).
    pub filler: HashSet<String>,
}

/// Every rule the cleaner applies, compiled.
#[derive(Debug)]
pub struct Rules {
    pub(crate) credit: Option<Regex>,
    pub(crate) credit_only: Option<Regex>,
    pub(crate) datelines: Vec<Regex>,
    pub(crate) head_metadata: Vec<Regex>,
    pub(crate) metadata_lines: Vec<Regex>,
    pub(crate) published_lines: Vec<Regex>,
    pub(crate) updated_lines: Vec<Regex>,
    pub(crate) head_dates: Vec<Regex>,
    pub(crate) navigation_lines: Option<Regex>,
    pub(crate) tail: Option<Regex>,
    pub(crate) source_notes: Option<Regex>,
    pub(crate) bylines: Option<Regex>,
    pub(crate) url_line: Option<Regex>,
    pub(crate) navigation: HashSet<String>,
    pub(crate) related_headings: HashSet<String>,
    pub(crate) related_prefixes: Vec<String>,
    pub(crate) calendars: Vec<Calendar>,
    pub(crate) stopwords: HashMap<String, HashSet<String>>,
    pub(crate) iso639: HashMap<String, String>,
}

fn compile(path: &str, patterns: &[String]) -> Result<Vec<Regex>, RulesError> {
    patterns
        .iter()
        .map(|p| {
            Regex::new(p).map_err(|e| RulesError::Pattern {
                path: path.to_string(),
                pattern: p.clone(),
                message: e.to_string(),
            })
        })
        .collect()
}

/// One regex matching where any of `patterns` matches: a single automaton
/// searches a line far faster than a set that reports every pattern.
fn compile_any(path: &str, patterns: &[String]) -> Result<Option<Regex>, RulesError> {
    compile(path, patterns)?; // for an error that names the bad pattern
    if patterns.is_empty() {
        return Ok(None);
    }
    let joined = patterns
        .iter()
        .map(|p| format!("(?:{p})"))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&joined)
        .map(Some)
        .map_err(|e| RulesError::Format {
            path: path.to_string(),
            message: e.to_string(),
        })
}

fn parse_toml<T: for<'de> Deserialize<'de>>(path: &str, text: &str) -> Result<T, RulesError> {
    toml::from_str(text).map_err(|e| RulesError::Format {
        path: path.to_string(),
        message: e.to_string(),
    })
}

impl Rules {
    /// Loads the rules of `languages` (ISO 639-1 codes) from `source`.
    pub fn load(source: &DataSource<'_>, languages: &[&str]) -> Result<Rules, RulesError> {
        let common_path = "lang/common/clean.toml";
        let common: CommonFile = parse_toml(common_path, &source.read(common_path)?)?;
        let mut credit_only = common.credit_only_patterns.clone();
        credit_only.retain(|p| !p.is_empty());
        let mut rules = Rules {
            credit: compile_any(common_path, &common.credit_patterns)?,
            credit_only: compile_any(common_path, &credit_only)?,
            datelines: compile(common_path, &common.dateline_patterns)?,
            head_metadata: compile(common_path, &common.head_metadata_patterns)?,
            metadata_lines: compile(common_path, &common.metadata_line_patterns)?,
            published_lines: Vec::new(),
            updated_lines: Vec::new(),
            head_dates: Vec::new(),
            navigation_lines: None,
            tail: None,
            source_notes: None,
            bylines: None,
            url_line: match &common.url_line_pattern {
                Some(p) => compile(common_path, std::slice::from_ref(p))?.pop(),
                None => None,
            },
            navigation: HashSet::new(),
            related_headings: HashSet::new(),
            related_prefixes: Vec::new(),
            calendars: Vec::new(),
            stopwords: HashMap::new(),
            iso639: HashMap::new(),
        };
        let mut bylines = Vec::new();
        let mut navigation_lines = Vec::new();
        let mut tail = common.tail_patterns.clone();
        let mut source_notes = Vec::new();
        for lang in languages {
            let path = format!("lang/{lang}/clean.toml");
            let file: LanguageFile = parse_toml(&path, &source.read(&path)?)?;
            rules
                .navigation
                .extend(file.navigation.iter().map(|s| fold(s)));
            rules
                .related_headings
                .extend(file.related_headings.iter().map(|s| fold(s)));
            rules
                .related_prefixes
                .extend(file.related_prefixes.iter().map(|s| fold(s)));
            rules
                .published_lines
                .extend(compile(&path, &file.published_line_patterns)?);
            rules
                .updated_lines
                .extend(compile(&path, &file.updated_line_patterns)?);
            rules
                .head_dates
                .extend(compile(&path, &file.head_date_patterns)?);
            compile(&path, &file.navigation_patterns)?;
            compile(&path, &file.tail_patterns)?;
            bylines.extend(file.byline_patterns);
            navigation_lines.extend(file.navigation_patterns);
            tail.extend(file.tail_patterns);
            compile(&path, &file.source_note_patterns)?;
            source_notes.extend(file.source_note_patterns);

            let path = format!("lang/{lang}/calendar.toml");
            let cal: CalendarFile = parse_toml(&path, &source.read(&path)?)?;
            let mut calendar = Calendar::default();
            for (i, names) in cal.months.iter().enumerate() {
                for n in names {
                    calendar.months.insert(fold(n), i as u32 + 1);
                }
            }
            for (i, names) in cal.weekdays.iter().enumerate() {
                for n in names {
                    calendar.weekdays.insert(fold(n), i as u32);
                }
            }
            calendar.ordinal_suffixes = cal.ordinal_suffixes;
            calendar.filler = cal.filler.iter().map(|s| fold(s)).collect();
            rules.calendars.push(calendar);

            let path = format!("lang/{lang}/stopwords.txt");
            let words = source
                .read(&path)?
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(fold)
                .collect();
            rules.stopwords.insert((*lang).to_string(), words);
        }
        rules.bylines = compile_any("lang/*/clean.toml (byline_patterns)", &bylines)?;
        rules.navigation_lines =
            compile_any("lang/*/clean.toml (navigation_patterns)", &navigation_lines)?;
        rules.tail = compile_any("lang/*/clean.toml (tail_patterns)", &tail)?;
        rules.source_notes =
            compile_any("lang/*/clean.toml (source_note_patterns)", &source_notes)?;
        for line in source.read("lang/iso639.tsv")?.lines() {
            if line.starts_with('#') {
                continue;
            }
            if let Some((three, two)) = line.split_once('\t') {
                rules
                    .iso639
                    .insert(three.trim().to_string(), two.trim().to_string());
            }
        }
        Ok(rules)
    }

    /// Whether a line ends with a photo caption's credit. Credits sit at the
    /// end of a line, so only its last 120 bytes are searched.
    pub(crate) fn has_credit(&self, line: &str) -> bool {
        let mut start = line.len().saturating_sub(120);
        while !line.is_char_boundary(start) {
            start += 1;
        }
        self.credit
            .as_ref()
            .is_some_and(|re| re.is_match(&line[start..]))
    }

    /// Whether a line is nothing but a credit.
    pub(crate) fn is_credit_only(&self, line: &str) -> bool {
        self.credit_only
            .as_ref()
            .is_some_and(|re| re.is_match(line))
    }

    /// Whether a line is a byline ("Par Lina Varga").
    pub(crate) fn is_byline(&self, line: &str) -> bool {
        self.bylines.as_ref().is_some_and(|re| re.is_match(line))
    }

    /// Whether a line is site furniture by its shape ("Lecture 4 min.").
    pub(crate) fn is_navigation_line(&self, line: &str) -> bool {
        self.navigation_lines
            .as_ref()
            .is_some_and(|re| re.is_match(line))
    }

    /// Whether a line, after the article's last paragraph, closes a dispatch
    /// (agency signature, initials, "Fin", a credits line).
    pub(crate) fn is_tail(&self, line: &str) -> bool {
        self.tail.as_ref().is_some_and(|re| re.is_match(line))
    }

    /// Whether a line is a note on where the text comes from: how it was
    /// translated or put together ("Extraits traduits à partir de …").
    pub(crate) fn is_source_note(&self, line: &str) -> bool {
        self.source_notes
            .as_ref()
            .is_some_and(|re| re.is_match(line))
    }

    /// Whether a folded line is a link to another article ("à lire aussi : …",
    /// "Lire aussi | …").
    pub(crate) fn is_related_link_line(&self, folded: &str) -> bool {
        self.related_prefixes.iter().any(|p| {
            folded
                .strip_prefix(p.as_str())
                .is_some_and(|rest| rest.trim_start().starts_with([':', '|', '.', '–', '—']))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_load() {
        let rules = Rules::load(&DataSource::Builtin, BUILTIN_LANGUAGES).expect("rules load");
        assert!(rules.navigation.contains("partager cet article"));
        assert!(rules.related_headings.contains("plus d'actualite"));
        assert_eq!(rules.calendars[0].months.get("aout"), Some(&8));
        assert_eq!(rules.iso639.get("fra").map(String::as_str), Some("fr"));
        assert!(rules.is_related_link_line("a lire aussi : le sommet de lorvane"));
        assert!(!rules.is_related_link_line("a lire aussi le sommet"));
        assert!(rules.is_related_link_line("lire aussi | le sommet de lorvane"));
    }

    #[test]
    fn furniture_shapes_and_dispatch_tails() {
        let rules = Rules::load(&DataSource::Builtin, BUILTIN_LANGUAGES).expect("rules load");
        for line in [
            "Lecture 3 min.",
            "Temps de lecture : 12 minutes",
            "Écouter - 04:10",
        ] {
            assert!(rules.is_navigation_line(line), "{line}");
        }
        assert!(!rules.is_navigation_line("Lecture du verdict mardi"));
        for line in [
            "ber/kav",
            "pop-ehl/mr",
            "ab/cd/ef",
            "K. M.",
            "J.-P. L.",
            "Fin",
            "Lina Varga",
            "Anne-Sophie Le Bihan",
            "(Reportage de la rédaction de Lorvane ; version française Mira Ostrova)",
        ] {
            assert!(rules.is_tail(line), "{line}");
        }
        for line in [
            "Une convention pour 2026",
            "Les deux pays ont signé l'accord.",
            "Finalement",
            "(Lorvane)",
        ] {
            assert!(!rules.is_tail(line), "{line}");
        }
    }

    #[test]
    fn a_bad_pattern_is_named() {
        let err = compile("x.toml", &["(unclosed".to_string()]).expect_err("does not compile");
        assert!(err.to_string().contains("(unclosed"), "{err}");
    }
}
