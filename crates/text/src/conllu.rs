//! A reader for the CoNLL-U files of Universal Dependencies, keeping what the
//! evaluation needs: each sentence's text, its surface tokens and where
//! documents and paragraphs start.

/// One sentence of a treebank.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct UdSentence {
    /// The `# text` line (or the forms joined by their `SpaceAfter`).
    pub text: String,
    /// Surface forms: a multi-word token (`au` on a `1-2` line) is one form and
    /// its syntactic words are left out.
    pub forms: Vec<String>,
    /// Whether a `# newdoc` comment precedes it.
    pub newdoc: bool,
    /// Whether a `# newpar` comment precedes it.
    pub newpar: bool,
}

/// A line of a CoNLL-U file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FormatError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Reads every sentence of a CoNLL-U text.
pub(crate) fn parse(input: &str) -> Result<Vec<UdSentence>, FormatError> {
    let mut out = Vec::new();
    let mut cur = UdSentence::default();
    let mut text: Option<String> = None;
    let mut rebuilt = String::new();
    let mut skip_to = 0usize;
    let mut open = false;
    for (n, line) in input.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if open {
                cur.text = text
                    .take()
                    .unwrap_or_else(|| rebuilt.trim_end().to_string());
                out.push(std::mem::take(&mut cur));
            }
            rebuilt.clear();
            skip_to = 0;
            open = false;
            continue;
        }
        open = true;
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim_start();
            if let Some(t) = comment.strip_prefix("text =") {
                text = Some(t.trim().to_string());
            } else if comment.starts_with("newdoc") {
                cur.newdoc = true;
            } else if comment.starts_with("newpar") {
                cur.newpar = true;
            }
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(id), Some(form)) = (cols.next(), cols.next()) else {
            return Err(FormatError {
                line: n + 1,
                message: "a token line needs an ID and a FORM column".into(),
            });
        };
        let misc = cols.nth(7).unwrap_or("_");
        let bad = |what: &str| FormatError {
            line: n + 1,
            message: format!("bad ID {what:?}"),
        };
        if id.contains('.') {
            continue;
        }
        if let Some((_, to)) = id.split_once('-') {
            skip_to = to.parse().map_err(|_| bad(id))?;
        } else {
            let i: usize = id.parse().map_err(|_| bad(id))?;
            if i <= skip_to {
                continue;
            }
        }
        cur.forms.push(form.to_string());
        rebuilt.push_str(form);
        if !misc.split('|').any(|m| m == "SpaceAfter=No") {
            rebuilt.push(' ');
        }
    }
    if open {
        cur.text = text
            .take()
            .unwrap_or_else(|| rebuilt.trim_end().to_string());
        out.push(cur);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# text = Il va au marché.\n\
1\tIl\til\tPRON\t_\t_\t2\tnsubj\t_\t_\n\
2\tva\taller\tVERB\t_\t_\t0\troot\t_\t_\n\
3-4\tau\t_\t_\t_\t_\t_\t_\t_\t_\n\
3\tà\tà\tADP\t_\t_\t5\tcase\t_\t_\n\
4\tle\tle\tDET\t_\t_\t5\tdet\t_\t_\n\
5\tmarché\tmarché\tNOUN\t_\t_\t2\tobl\t_\tSpaceAfter=No\n\
6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n\
1\tOui\toui\tINTJ\t_\t_\t0\troot\t_\tSpaceAfter=No\n\
2\t!\t!\tPUNCT\t_\t_\t1\tpunct\t_\t_\n";

    #[test]
    fn multiword_tokens_count_once() {
        let s = parse(SAMPLE).expect("parses");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].forms, ["Il", "va", "au", "marché", "."]);
        assert!(s[0].newdoc && !s[1].newdoc);
        assert_eq!(s[0].text, "Il va au marché.");
        assert_eq!(s[1].text, "Oui!");
    }

    #[test]
    fn bad_ids_are_reported() {
        let e = parse("# text = x\nx\tx\n").unwrap_err();
        assert_eq!(e.line, 2);
    }
}
