//! A reader for Universal Dependencies CoNLL-U files that keeps both levels:
//! surface tokens (a multi-word token such as `au` is one) and the syntactic
//! words they cover (`à` `le`), with lemma, UPOS, features, head and relation.

use std::path::Path;

use crate::error::{NlpError, read_text};

/// One syntactic word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UdWord {
    /// Its form.
    pub form: String,
    /// Its lemma.
    pub lemma: String,
    /// Universal part of speech.
    pub upos: String,
    /// Morphological features, `_` when none.
    pub feats: String,
    /// Head word, 1-based; 0 for the root.
    pub head: usize,
    /// Universal relation, subtype included (`obl:arg`).
    pub deprel: String,
}

/// One surface token and the words it covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UdToken {
    /// The surface form.
    pub form: String,
    /// Whether a space follows it in the text.
    pub space_after: bool,
    /// The range of its words in [`UdSentence::words`] (0-based).
    pub words: std::ops::Range<usize>,
}

/// One sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UdSentence {
    /// Surface tokens in order.
    pub tokens: Vec<UdToken>,
    /// Syntactic words in order.
    pub words: Vec<UdWord>,
}

impl UdSentence {
    /// The text rebuilt from the tokens and their `SpaceAfter`.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for t in &self.tokens {
            s.push_str(&t.form);
            if t.space_after {
                s.push(' ');
            }
        }
        s.truncate(s.trim_end().len());
        s
    }
}

/// Reads every sentence of a CoNLL-U file.
pub fn read_file(path: &Path) -> Result<Vec<UdSentence>, NlpError> {
    parse(&read_text(path)?, path)
}

/// Reads every sentence of CoNLL-U text; `path` names it in errors.
pub fn parse(text: &str, path: &Path) -> Result<Vec<UdSentence>, NlpError> {
    let mut out = Vec::new();
    let mut cur = UdSentence::default();
    let mut mwt_end = 0usize;
    let mut in_mwt = false;
    let bad = |line: usize, m: String| NlpError::Data {
        path: path.to_path_buf(),
        line,
        message: m,
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                check(&cur).map_err(|m| bad(n + 1, m))?;
                out.push(std::mem::take(&mut cur));
            }
            in_mwt = false;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 10 {
            return Err(bad(n + 1, format!("{} columns, CoNLL-U has 10", c.len())));
        }
        let id = c[0];
        if id.contains('.') {
            continue;
        }
        let space_after = !c[9].split('|').any(|m| m == "SpaceAfter=No");
        if let Some((a, b)) = id.split_once('-') {
            let (a, b): (usize, usize) = match (a.parse(), b.parse()) {
                (Ok(a), Ok(b)) if b >= a => (a, b),
                _ => return Err(bad(n + 1, format!("bad range {id:?}"))),
            };
            let start = cur.words.len();
            cur.tokens.push(UdToken {
                form: c[1].to_string(),
                space_after,
                words: start..start + (b - a + 1),
            });
            mwt_end = b;
            in_mwt = true;
            continue;
        }
        let i: usize = id
            .parse()
            .map_err(|_| bad(n + 1, format!("bad ID {id:?}")))?;
        if i != cur.words.len() + 1 {
            return Err(bad(n + 1, format!("word {i} out of order")));
        }
        let head: usize = c[6]
            .parse()
            .map_err(|_| bad(n + 1, format!("bad HEAD {:?}", c[6])))?;
        cur.words.push(UdWord {
            form: c[1].to_string(),
            lemma: c[2].to_string(),
            upos: c[3].to_string(),
            feats: c[5].to_string(),
            head,
            deprel: c[7].to_string(),
        });
        if in_mwt && i <= mwt_end {
            if i == mwt_end {
                in_mwt = false;
            }
        } else {
            in_mwt = false;
            let w = cur.words.len();
            cur.tokens.push(UdToken {
                form: c[1].to_string(),
                space_after,
                words: w - 1..w,
            });
        }
    }
    if !cur.words.is_empty() {
        check(&cur).map_err(|m| bad(text.lines().count(), m))?;
        out.push(cur);
    }
    Ok(out)
}

fn check(s: &UdSentence) -> Result<(), String> {
    let n = s.words.len();
    if s.words.iter().any(|w| w.head > n) {
        return Err("a HEAD points past the sentence".into());
    }
    if s.tokens.iter().any(|t| t.words.end > n) {
        return Err("a multi-word token covers missing words".into());
    }
    Ok(())
}

/// Reads several files, in order.
pub fn read_files(paths: &[std::path::PathBuf]) -> Result<Vec<UdSentence>, NlpError> {
    let mut all = Vec::new();
    for p in paths {
        all.extend(read_file(p)?);
    }
    Ok(all)
}

#[cfg(test)]
pub(crate) const SAMPLE: &str = "# text = Il va au marché.\n\
1\tIl\til\tPRON\t_\tNumber=Sing|Person=3\t2\tnsubj\t_\t_\n\
2\tva\taller\tVERB\t_\tMood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin\t0\troot\t_\t_\n\
3-4\tau\t_\t_\t_\t_\t_\t_\t_\t_\n\
3\tà\tà\tADP\t_\t_\t5\tcase\t_\t_\n\
4\tle\tle\tDET\t_\tDefinite=Def|Gender=Masc|Number=Sing|PronType=Art\t5\tdet\t_\t_\n\
5\tmarché\tmarché\tNOUN\t_\tGender=Masc|Number=Sing\t2\tobl\t_\tSpaceAfter=No\n\
6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_both_levels() {
        let s = parse(SAMPLE, Path::new("x")).expect("parses");
        assert_eq!(s.len(), 1);
        let s = &s[0];
        assert_eq!(s.tokens.len(), 5);
        assert_eq!(s.words.len(), 6);
        assert_eq!(s.tokens[2].form, "au");
        assert_eq!(s.tokens[2].words, 2..4);
        assert_eq!(s.words[3].upos, "DET");
        assert_eq!(s.text(), "Il va au marché.");
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse("1\tx\n", Path::new("f")).unwrap_err();
        assert!(e.to_string().contains("f:1"), "{e}");
    }
}
