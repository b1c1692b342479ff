//! The word lists a language's segmenter is built from: abbreviations, elided
//! words, words kept whole and pronoun clitics, read from `data/lang/<code>/`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The French lists, embedded so that one binary works anywhere.
const FRENCH: [(&str, &str); 5] = [
    (
        ABBREVIATIONS,
        include_str!("../../../data/lang/fr/abbreviations.txt"),
    ),
    (ELISIONS, include_str!("../../../data/lang/fr/elisions.txt")),
    (UNSPLIT, include_str!("../../../data/lang/fr/unsplit.txt")),
    (CLITICS, include_str!("../../../data/lang/fr/clitics.txt")),
    (ORDINALS, include_str!("../../../data/lang/fr/ordinals.txt")),
];

const ABBREVIATIONS: &str = "abbreviations.txt";
const ELISIONS: &str = "elisions.txt";
const UNSPLIT: &str = "unsplit.txt";
const CLITICS: &str = "clitics.txt";
const ORDINALS: &str = "ordinals.txt";

/// Whether an abbreviation may close a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AbbreviationKind {
    /// Never ends a sentence (`M.`, `cf.`, `p.`).
    Inner,
    /// Ends a sentence when a capitalised word follows (`etc.`, `J.-C.`).
    MayEnd,
}

/// Why a language's lists could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A list file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A line of a list is not in the expected shape.
    #[error("{file}:{line}: {message}")]
    Format {
        /// The list's file name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// The word lists of one language, immutable once built.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    abbreviations: HashMap<Box<str>, AbbreviationKind>,
    elisions: HashSet<Box<str>>,
    unsplit: HashSet<Box<str>>,
    clitics: HashSet<Box<str>>,
    ordinals: HashSet<Box<str>>,
    longest_elision: usize,
    longest_unsplit: usize,
}

impl Lexicon {
    /// The French lists embedded in the binary from `data/lang/fr/`. They are
    /// checked like a folder's lists; a unit test keeps them well formed.
    pub fn french() -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();
        for (name, text) in FRENCH {
            lex.add(name, text)?;
        }
        Ok(lex)
    }

    /// Reads `abbreviations.txt`, `elisions.txt`, `unsplit.txt`, `clitics.txt`
    /// and `ordinals.txt` from a language folder such as `data/lang/fr`.
    pub fn from_dir(dir: &Path) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();
        for name in [ABBREVIATIONS, ELISIONS, UNSPLIT, CLITICS, ORDINALS] {
            let path = dir.join(name);
            let text = std::fs::read_to_string(&path)
                .map_err(|source| LexiconError::Io { path, source })?;
            lex.add(name, &text)?;
        }
        Ok(lex)
    }

    /// Adds the entries of one list file.
    fn add(&mut self, name: &str, text: &str) -> Result<(), LexiconError> {
        for (n, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let mut cols = line.split_whitespace();
            let word = cols.next().unwrap_or("");
            let flag = cols.next();
            let bad = |message: &str| LexiconError::Format {
                file: name.to_string(),
                line: n + 1,
                message: format!("{message}: {raw:?}"),
            };
            if name == ABBREVIATIONS {
                let kind = match flag {
                    None => AbbreviationKind::Inner,
                    Some("end") => AbbreviationKind::MayEnd,
                    Some(_) => return Err(bad("the second column can only be `end`")),
                };
                if !(word.ends_with('.') || word.ends_with('°') || word.ends_with('º')) {
                    return Err(bad("an abbreviation ends with `.` or `°`"));
                }
                self.abbreviations.insert(word.into(), kind);
                continue;
            }
            if flag.is_some() {
                return Err(bad("one word per line"));
            }
            let folded = fold(word);
            match name {
                ELISIONS => {
                    let Some(stem) = folded.strip_suffix('\'') else {
                        return Err(bad("an elided word ends with an apostrophe"));
                    };
                    self.longest_elision = self.longest_elision.max(stem.len());
                    self.elisions.insert(stem.into());
                }
                CLITICS => {
                    if !folded.starts_with('-') {
                        return Err(bad("a clitic starts with a hyphen"));
                    }
                    self.clitics.insert(folded.into());
                }
                ORDINALS => {
                    self.ordinals.insert(folded.into());
                }
                _ => {
                    self.longest_unsplit = self.longest_unsplit.max(folded.len());
                    self.unsplit.insert(folded.into());
                }
            }
        }
        Ok(())
    }

    /// The kind of `word` (with its final `.`) when it is a listed abbreviation.
    /// A capitalised form of a lowercase entry matches too, as
    /// [`AbbreviationKind::MayEnd`] (`Cf.` opens a sentence, `Art.` may end one).
    pub fn abbreviation(&self, word: &str) -> Option<AbbreviationKind> {
        if let Some(k) = self.abbreviations.get(word) {
            return Some(*k);
        }
        let mut chars = word.chars();
        let first = chars.next()?;
        if !first.is_uppercase() {
            return None;
        }
        let mut buf = [0u8; 32];
        let rest = chars.as_str();
        let mut lower = first.to_lowercase();
        let (Some(l), None) = (lower.next(), lower.next()) else {
            return None;
        };
        let n = l.len_utf8();
        if n + rest.len() > buf.len() {
            return None;
        }
        l.encode_utf8(&mut buf[..n]);
        buf[n..n + rest.len()].copy_from_slice(rest.as_bytes());
        let key = std::str::from_utf8(&buf[..n + rest.len()]).ok()?;
        self.abbreviations
            .get(key)
            .map(|_| AbbreviationKind::MayEnd)
    }

    /// Whether `stem` (the letters before the apostrophe, any case) is an
    /// elided word such as `l`, `qu`, `jusqu`.
    pub(crate) fn is_elision(&self, stem: &str, buf: &mut String) -> bool {
        stem.len() <= self.longest_elision + 2 && self.elisions.contains(fold_into(stem, buf))
    }

    /// Whether `word` (any case, any apostrophe) is listed as kept whole.
    pub(crate) fn is_unsplit(&self, word: &str, buf: &mut String) -> bool {
        word.len() <= self.longest_unsplit + 8 && self.unsplit.contains(fold_into(word, buf))
    }

    /// Whether `suffix` (`er`, `e`, `ème`, any case) is the ending of an
    /// ordinal written with digits (`1er`, `21e`), kept with them.
    pub(crate) fn is_ordinal(&self, suffix: &str, buf: &mut String) -> bool {
        suffix.len() <= 8 && self.ordinals.contains(fold_into(suffix, buf))
    }

    /// Whether `suffix` (`-t-il`, `-elle`, any case) is a pronoun clitic to split off.
    pub(crate) fn is_clitic(&self, suffix: &str, buf: &mut String) -> bool {
        suffix.len() <= 16 && self.clitics.contains(fold_into(suffix, buf))
    }
}

/// Lowercase with typographic apostrophes made straight.
fn fold(s: &str) -> String {
    let mut buf = String::new();
    fold_into(s, &mut buf);
    buf
}

/// [`fold`] into a reused buffer, returning the folded text.
pub(crate) fn fold_into<'a>(s: &str, buf: &'a mut String) -> &'a str {
    buf.clear();
    for c in s.chars() {
        match c {
            '’' | 'ʼ' | '‘' => buf.push('\''),
            c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
            c => buf.extend(c.to_lowercase()),
        }
    }
    buf.as_str()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_lists_load() {
        let lex = Lexicon::french().expect("embedded lists are well formed");
        let mut buf = String::new();
        assert_eq!(lex.abbreviation("M."), Some(AbbreviationKind::Inner));
        assert_eq!(lex.abbreviation("etc."), Some(AbbreviationKind::MayEnd));
        assert_eq!(lex.abbreviation("Cf."), Some(AbbreviationKind::MayEnd));
        assert_eq!(lex.abbreviation("Paris."), None);
        assert!(lex.is_elision("L", &mut buf));
        assert!(lex.is_elision("jusqu", &mut buf));
        assert!(!lex.is_elision("aujourd", &mut buf));
        assert!(lex.is_unsplit("Aujourd’hui", &mut buf));
        assert!(lex.is_clitic("-T-IL", &mut buf));
    }

    #[test]
    fn lists_load_from_a_folder() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lang/fr");
        let lex = Lexicon::from_dir(&dir).expect("data/lang/fr reads");
        assert_eq!(lex.abbreviation("MM."), Some(AbbreviationKind::Inner));
        let missing = Lexicon::from_dir(Path::new("/nonexistent"));
        assert!(matches!(missing, Err(LexiconError::Io { .. })));
    }

    #[test]
    fn malformed_lines_are_reported() {
        let mut lex = Lexicon::default();
        let err = lex.add(ABBREVIATIONS, "M.\nfoo\n").unwrap_err();
        assert!(err.to_string().contains(":2:"), "{err}");
    }
}
