//! Turning words typed by a person into an FTS5 query that cannot fail to parse.
//!
//! Every term is quoted, so FTS5 operators and punctuation typed by the user
//! (`:`, `(`, `NEAR`, `^`, a lone `"`) are searched as text or dropped. What is
//! understood:
//!
//! - `word`: documents containing the word (case and accents folded);
//! - `"a phrase"`: the words in that order (an unclosed quote runs to the end);
//! - `word*` or `"a phr"*`: a prefix of the last word;
//! - `a OR b` (upper case): either; OR binds tighter than the implicit AND;
//! - `-word`, `-"a phrase"` or `NOT word`: documents without it;
//! - `title:word`, `body:"a phrase"`: the term in that column only.

/// One searchable term of a user query.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    /// The words, as typed (quotes removed).
    text: String,
    /// Whether the last word is a prefix.
    prefix: bool,
    /// The column it is limited to, if any.
    column: Option<&'static str>,
    /// Whether documents must not contain it.
    negated: bool,
}

/// A piece of a user query, before grouping.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    /// A term to search.
    Term(Term),
    /// The `OR` operator.
    Or,
}

/// The columns of the full-text index a term may be limited to.
const COLUMNS: [&str; 2] = ["title", "body"];

/// The FTS5 expression for a user query, or `None` when it holds nothing to
/// search for (only punctuation, only excluded terms).
pub(crate) fn fts_query(input: &str) -> Option<String> {
    let pieces = lex(input);
    let mut groups: Vec<Vec<&Term>> = Vec::new();
    let mut excluded: Vec<&Term> = Vec::new();
    let mut after_or = false;
    for piece in &pieces {
        match piece {
            Piece::Or => after_or = true,
            Piece::Term(t) if t.negated => {
                excluded.push(t);
                after_or = false;
            }
            Piece::Term(t) => {
                match groups.last_mut() {
                    Some(group) if after_or => group.push(t),
                    _ => groups.push(vec![t]),
                }
                after_or = false;
            }
        }
    }
    if groups.is_empty() {
        return None;
    }
    let mut out = groups
        .iter()
        .map(|group| match group.as_slice() {
            [one] => render(one),
            many => format!(
                "({})",
                many.iter()
                    .map(|t| render(t))
                    .collect::<Vec<_>>()
                    .join(" OR ")
            ),
        })
        .collect::<Vec<_>>()
        .join(" AND ");
    if !excluded.is_empty() {
        let not = excluded
            .iter()
            .map(|t| render(t))
            .collect::<Vec<_>>()
            .join(" OR ");
        out = format!("({out}) NOT ({not})");
    }
    Some(out)
}

/// A term in FTS5 syntax: `title : "text" *`.
fn render(t: &Term) -> String {
    let mut s = String::new();
    if let Some(column) = t.column {
        s.push_str(column);
        s.push_str(" : ");
    }
    s.push('"');
    s.push_str(&t.text.replace('"', "\"\""));
    s.push('"');
    if t.prefix {
        s.push_str(" *");
    }
    s
}

/// Splits a user query into terms and `OR`s, dropping what cannot be searched.
fn lex(input: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut chars = input.chars().peekable();
    // A `NOT` or a lone `-` waiting for the term it negates.
    let mut pending_not = false;
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let Some(&first) = chars.peek() else { break };
        let mut negated = std::mem::take(&mut pending_not);
        let mut column = None;
        if first != '"' {
            let mut word = String::new();
            while let Some(c) = chars.next_if(|c| !c.is_whitespace() && *c != '"') {
                word.push(c);
            }
            match word.as_str() {
                "OR" => {
                    pieces.push(Piece::Or);
                    continue;
                }
                "AND" => continue,
                "NOT" => {
                    pending_not = true;
                    continue;
                }
                _ => {}
            }
            let mut rest = word.as_str();
            if let Some(r) = rest.strip_prefix('-') {
                negated = true;
                rest = r.trim_start_matches('-');
            }
            if let Some((name, r)) = rest.split_once(':')
                && let Some(c) = COLUMNS.iter().find(|c| c.eq_ignore_ascii_case(name))
            {
                column = Some(*c);
                rest = r;
            }
            // A bare `-`, `title:` or `-title:` directly before a quote applies to it.
            let quote_follows = chars.peek() == Some(&'"');
            if rest.is_empty() && quote_follows {
                if let Some(t) = phrase(&mut chars, negated, column) {
                    pieces.push(Piece::Term(t));
                }
                continue;
            }
            let text = rest.trim_end_matches('*');
            let prefix = text.len() < rest.len();
            if searchable(text) {
                pieces.push(Piece::Term(Term {
                    text: text.to_string(),
                    prefix,
                    column,
                    negated,
                }));
            }
        } else if let Some(t) = phrase(&mut chars, negated, column) {
            pieces.push(Piece::Term(t));
        }
    }
    pieces
}

/// Reads a quoted phrase starting at the opening quote, with a `*` right after
/// the closing quote making its last word a prefix.
fn phrase(
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
    negated: bool,
    column: Option<&'static str>,
) -> Option<Term> {
    chars.next_if_eq(&'"');
    let mut text = String::new();
    for c in chars.by_ref() {
        if c == '"' {
            break;
        }
        text.push(c);
    }
    let mut prefix = false;
    while chars.next_if_eq(&'*').is_some() {
        prefix = true;
    }
    // A `*` typed inside the quotes at the end means the same.
    let trimmed = text.trim_end().trim_end_matches('*');
    if trimmed.len() < text.trim_end().len() {
        prefix = true;
    }
    searchable(trimmed).then(|| Term {
        text: trimmed.to_string(),
        prefix,
        column,
        negated,
    })
}

/// Whether a term holds at least one letter or digit, the only characters the
/// index keeps.
fn searchable(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Option<String> {
        fts_query(s)
    }

    #[test]
    fn words_are_quoted_and_anded() {
        assert_eq!(
            q("Pékin Kazakhstan").as_deref(),
            Some(r#""Pékin" AND "Kazakhstan""#)
        );
    }

    #[test]
    fn phrases_and_prefixes() {
        assert_eq!(q(r#""le président""#).as_deref(), Some(r#""le président""#));
        assert_eq!(q("kazakh*").as_deref(), Some(r#""kazakh" *"#));
        assert_eq!(q(r#""le prés"*"#).as_deref(), Some(r#""le prés" *"#));
        assert_eq!(q(r#""le prés*""#).as_deref(), Some(r#""le prés" *"#));
        // An unclosed quote runs to the end.
        assert_eq!(
            q(r#"Chine "le prés"#).as_deref(),
            Some(r#""Chine" AND "le prés""#)
        );
    }

    #[test]
    fn or_binds_tighter_than_and() {
        assert_eq!(
            q("a b OR c d").as_deref(),
            Some(r#""a" AND ("b" OR "c") AND "d""#)
        );
        // Dangling ORs are dropped; lower-case `or` is a French word.
        assert_eq!(q("OR a OR").as_deref(), Some(r#""a""#));
        assert_eq!(q("or").as_deref(), Some(r#""or""#));
    }

    #[test]
    fn exclusions() {
        assert_eq!(
            q("Chine -Russie").as_deref(),
            Some(r#"("Chine") NOT ("Russie")"#)
        );
        assert_eq!(
            q(r#"Chine NOT Russie -"mer Noire""#).as_deref(),
            Some(r#"("Chine") NOT ("Russie" OR "mer Noire")"#)
        );
        // Inner hyphens are part of the word, which the index splits.
        assert_eq!(q("Nur-Sultan").as_deref(), Some(r#""Nur-Sultan""#));
        assert_eq!(q("-Russie"), None);
    }

    #[test]
    fn columns() {
        assert_eq!(q("title:Pékin").as_deref(), Some(r#"title : "Pékin""#));
        assert_eq!(
            q(r#"Body:"le président""#).as_deref(),
            Some(r#"body : "le président""#)
        );
        assert_eq!(q("-title:x").as_deref(), None);
        // An unknown column is just text.
        assert_eq!(q("source:Reuters").as_deref(), Some(r#""source:Reuters""#));
    }

    #[test]
    fn punctuation_alone_is_nothing_to_search() {
        for s in [
            "*", "\"", "\"\"", "-", ":", "(", ")", "* ( : -", "NOT", "OR", "AND",
        ] {
            assert_eq!(q(s), None, "{s:?}");
        }
    }

    #[test]
    fn quotes_in_text_are_doubled() {
        let t = Term {
            text: "a\"b".into(),
            prefix: false,
            column: None,
            negated: false,
        };
        assert_eq!(render(&t), r#""a""b""#);
    }
}
