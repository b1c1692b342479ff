//! Numbers written in digits or in words, cardinal and ordinal, and Roman
//! numerals for centuries.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use crate::fold::fold;
use crate::tokens::Tok;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NumbersFile {
    units: HashMap<String, u32>,
    tens: HashMap<String, u32>,
    multiplied_tens: Vec<String>,
    hundreds: Vec<String>,
    thousands: Vec<String>,
    joiners: Vec<String>,
    ordinals: HashMap<String, u32>,
    last_ordinals: Vec<String>,
    ordinal_suffixes: Vec<String>,
    vague: Vec<String>,
    half: Vec<String>,
}

/// Number words of a language.
#[derive(Debug, Clone)]
pub(crate) struct Numbers {
    units: HashMap<String, u32>,
    tens: HashMap<String, u32>,
    multiplied_tens: HashSet<String>,
    hundreds: HashSet<String>,
    thousands: HashSet<String>,
    joiners: HashSet<String>,
    ordinals: HashMap<String, u32>,
    last_ordinals: HashSet<String>,
    ordinal_suffixes: HashSet<String>,
    vague: HashSet<String>,
    pub half: crate::lexicon::Phrases,
}

fn folded(v: &[String]) -> HashSet<String> {
    v.iter().map(|s| fold(s)).collect()
}

fn folded_map(m: &HashMap<String, u32>) -> HashMap<String, u32> {
    m.iter().map(|(k, v)| (fold(k), *v)).collect()
}

/// An ordinal: a rank, or "the last".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rank {
    Nth(u32),
    Last,
}

impl Numbers {
    pub fn new(f: &NumbersFile) -> Numbers {
        Numbers {
            units: folded_map(&f.units),
            tens: folded_map(&f.tens),
            multiplied_tens: folded(&f.multiplied_tens),
            hundreds: folded(&f.hundreds),
            thousands: folded(&f.thousands),
            joiners: folded(&f.joiners),
            ordinals: folded_map(&f.ordinals),
            last_ordinals: folded(&f.last_ordinals),
            ordinal_suffixes: folded(&f.ordinal_suffixes),
            vague: folded(&f.vague),
            half: crate::lexicon::Phrases::new(&f.half),
        }
    }

    fn word<'a>(&self, toks: &'a [Tok], i: usize) -> Option<&'a str> {
        toks.get(i).filter(|t| t.is_word()).map(|t| t.norm.as_str())
    }

    /// A whole number in words from token `i` ("vingt et un", "quatre-vingt-dix",
    /// "deux mille dix-huit"): its value and the index after it.
    pub fn words(&self, toks: &[Tok], i: usize) -> Option<(u32, usize)> {
        let (v, end, _) = self.words_then(toks, i, false)?;
        Some((v, end))
    }

    /// Number words, optionally closed by an ordinal word; the flag says
    /// whether it was an ordinal.
    fn words_then(&self, toks: &[Tok], i: usize, ordinal: bool) -> Option<(u32, usize, bool)> {
        let mut total: u32 = 0;
        let mut current: u32 = 0;
        let mut last_unit: Option<u32> = None;
        let mut last_was_ten = false;
        let mut j = i;
        let mut any = false;
        while let Some(w) = self.word(toks, j) {
            if let Some(&u) = self.units.get(w) {
                current = current.checked_add(u)?;
                last_unit = Some(u);
                last_was_ten = false;
            } else if let Some(&t) = self.tens.get(w) {
                match last_unit {
                    Some(u) if self.multiplied_tens.contains(w) && (2..=9).contains(&u) => {
                        current = current - u + u * t;
                    }
                    _ => current = current.checked_add(t)?,
                }
                last_unit = None;
                last_was_ten = true;
            } else if self.hundreds.contains(w) {
                current = current.max(1).checked_mul(100)?;
                last_unit = None;
                last_was_ten = false;
            } else if self.thousands.contains(w) {
                total = total.checked_add(current.max(1).checked_mul(1000)?)?;
                current = 0;
                last_unit = None;
                last_was_ten = false;
            } else if self.joiners.contains(w) && last_was_ten {
                // "vingt et un", "soixante et onze", "vingt et unième".
                let next = self.word(toks, j + 1)?;
                let joins = matches!(self.units.get(next), Some(1) | Some(11))
                    || (ordinal && matches!(self.ordinals.get(next), Some(1) | Some(11)));
                if !joins {
                    break;
                }
                last_was_ten = false;
            } else if let Some(&o) = self.ordinals.get(w).filter(|_| ordinal) {
                if any && o >= 100 {
                    break;
                }
                return Some((total + current + o, j + 1, true));
            } else {
                break;
            }
            any = true;
            j += 1;
        }
        any.then_some((total + current, j, false))
    }

    /// A cardinal in digits (up to nine) or words; the flag says it was in digits.
    pub fn cardinal(&self, toks: &[Tok], i: usize) -> Option<(u32, usize, bool)> {
        let t = toks.get(i)?;
        if t.is_number() {
            if t.norm.len() > 9 {
                return None;
            }
            return t.norm.parse().ok().map(|v| (v, i + 1, true));
        }
        self.words(toks, i).map(|(v, e)| (v, e, false))
    }

    /// Whether token `i` is a vague amount ("quelques", "plusieurs").
    pub fn is_vague(&self, toks: &[Tok], i: usize) -> bool {
        self.word(toks, i).is_some_and(|w| self.vague.contains(w))
    }

    /// An ordinal from token `i`: "1er", "21e", "premier", "vingt-deuxième",
    /// "dernier"; its rank and the index after it.
    pub fn ordinal(&self, toks: &[Tok], i: usize) -> Option<(Rank, usize)> {
        let t = toks.get(i)?;
        if t.is_number() {
            let s = toks.get(i + 1)?;
            if s.is_word() && s.glued && self.ordinal_suffixes.contains(&s.norm) {
                let v: u32 = t.norm.parse().ok()?;
                return Some((Rank::Nth(v), i + 2));
            }
            return None;
        }
        if self.last_ordinals.contains(t.norm.as_str()) {
            return Some((Rank::Last, i + 1));
        }
        match self.words_then(toks, i, true)? {
            (v, end, true) => Some((Rank::Nth(v), end)),
            _ => None,
        }
    }

    /// A Roman numeral with an optional ordinal suffix ("xxe", "xixe", "xxi"):
    /// its value.
    pub fn roman(&self, norm: &str) -> Option<u32> {
        let digits: String = norm
            .chars()
            .take_while(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c'))
            .collect();
        let rest = &norm[digits.len()..];
        if digits.is_empty() || !(rest.is_empty() || self.ordinal_suffixes.contains(rest)) {
            return None;
        }
        let val = |c: char| match c {
            'i' => 1,
            'v' => 5,
            'x' => 10,
            'l' => 50,
            _ => 100,
        };
        let vals: Vec<u32> = digits.chars().map(val).collect();
        let mut total = 0u32;
        for (k, &v) in vals.iter().enumerate() {
            if vals.get(k + 1).is_some_and(|&n| n > v) {
                total = total.checked_sub(v)?;
            } else {
                total = total.checked_add(v)?;
            }
        }
        Some(total)
    }
}

#[cfg(test)]
mod tests {
    use crate::tagger::TimeTagger;
    use crate::tokens::tokenize;

    use super::Rank;

    fn words(s: &str) -> Option<u32> {
        let t = TimeTagger::french().expect("french");
        t.lexicon().numbers.words(&tokenize(s), 0).map(|(v, _)| v)
    }

    fn ordinal(s: &str) -> Option<Rank> {
        let t = TimeTagger::french().expect("french");
        t.lexicon().numbers.ordinal(&tokenize(s), 0).map(|(v, _)| v)
    }

    #[test]
    fn reads_french_number_words() {
        assert_eq!(words("vingt-deux"), Some(22));
        assert_eq!(words("trente et un"), Some(31));
        assert_eq!(words("quatre-vingt-dix-neuf"), Some(99));
        assert_eq!(words("soixante et onze"), Some(71));
        assert_eq!(words("deux mille dix-huit"), Some(2018));
        assert_eq!(words("mille sept cent quatre-vingt-neuf"), Some(1789));
        assert_eq!(words("deux cent soixante-sept"), Some(267));
        assert_eq!(words("vingt et deux"), Some(20));
        assert_eq!(words("maison"), None);
    }

    #[test]
    fn reads_ordinals() {
        assert_eq!(ordinal("1er"), Some(Rank::Nth(1)));
        assert_eq!(ordinal("22ème"), Some(Rank::Nth(22)));
        assert_eq!(ordinal("premier"), Some(Rank::Nth(1)));
        assert_eq!(ordinal("vingt-deuxième"), Some(Rank::Nth(22)));
        assert_eq!(ordinal("vingt et unième"), Some(Rank::Nth(21)));
        assert_eq!(ordinal("dernière"), Some(Rank::Last));
        assert_eq!(ordinal("22"), None);
    }

    #[test]
    fn reads_roman_numerals() {
        let t = TimeTagger::french().expect("french");
        let n = &t.lexicon().numbers;
        assert_eq!(n.roman("xxe"), Some(20));
        assert_eq!(n.roman("xixe"), Some(19));
        assert_eq!(n.roman("xxie"), Some(21));
        assert_eq!(n.roman("ve"), Some(5));
        assert_eq!(n.roman("vrai"), None);
    }
}
