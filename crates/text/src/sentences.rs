//! Sentence boundaries over the tokens of a text: final punctuation followed
//! by what can open a sentence, closing quotes kept with the sentence before,
//! abbreviations and short quotes that do not end one, and line breaks that
//! always do.

use chronicle_model::{Sentence, Span, Token, TokenKind};

use crate::chars::has_line_break;
use crate::lexicon::{AbbreviationKind, Lexicon};

/// A quotation whose closing mark comes within this many tokens, on the same
/// line, is kept inside its sentence (« Je pars. Adieu », a-t-il dit).
const SHORT_QUOTE: usize = 60;

/// How strongly a token closes a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Final {
    /// `.`: ends a sentence before a capital, a digit, an opening mark, or a
    /// lowercase word.
    Period,
    /// `!`, `?`, `…`, `...`: a lowercase word after them goes on the sentence
    /// (« Pourquoi ? » a-t-il demandé).
    Mark,
    /// An abbreviation that may close a sentence (`etc.`): ends one only
    /// before a capitalised word or an opening quote.
    Abbreviation,
}

/// The splitter over one text and its tokens.
struct Splitter<'a> {
    lex: &'a Lexicon,
    text: &'a str,
    tokens: &'a [Token],
}

/// Splits `tokens` of `text` into sentences, appending them to `out`.
pub(crate) fn split(lex: &Lexicon, text: &str, tokens: &[Token], out: &mut Vec<Sentence>) {
    Splitter { lex, text, tokens }.run(out);
}

impl<'a> Splitter<'a> {
    fn run(&self, out: &mut Vec<Sentence>) {
        let n = self.tokens.len();
        let mut first = 0;
        let mut quote_depth = 0usize;
        let mut i = 0;
        while i < n {
            let s = self.cut(i);
            match s {
                "«" | "“" => quote_depth += 1,
                "»" | "”" => quote_depth = quote_depth.saturating_sub(1),
                _ => {}
            }
            let mut last = None;
            if let Some(fin) = self.final_kind(i, s) {
                let k = self.closers_end(first, i + 1);
                let ends = k == n
                    || self.line_break(k - 1)
                    || (self.opens(k, fin)
                        && !(quote_depth > 0 && self.quote_closes_soon(i + 1, k)));
                if ends {
                    last = Some(k - 1);
                }
            }
            if last.is_none() && i + 1 < n && self.line_break(i) {
                last = Some(i);
            }
            match last {
                Some(l) => {
                    out.push(self.sentence(first, l + 1));
                    for j in i + 1..=l {
                        match self.cut(j) {
                            "«" | "“" => quote_depth += 1,
                            "»" | "”" => quote_depth = quote_depth.saturating_sub(1),
                            _ => {}
                        }
                    }
                    if self.line_break(l) {
                        quote_depth = 0;
                    }
                    first = l + 1;
                    i = l + 1;
                }
                None => i += 1,
            }
        }
        if first < n {
            out.push(self.sentence(first, n));
        }
    }

    fn sentence(&self, first: usize, end: usize) -> Sentence {
        Sentence {
            span: Span::new(self.tokens[first].span.start, self.tokens[end - 1].span.end),
            first_token: first,
            end_token: end,
        }
    }

    /// The text of token `i`.
    fn cut(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        self.text.get(t.span.start..t.span.end).unwrap_or("")
    }

    /// The bytes between token `i` and the next.
    fn gap(&self, i: usize) -> &'a [u8] {
        let (a, z) = (&self.tokens[i], self.tokens.get(i + 1));
        z.and_then(|z| self.text.as_bytes().get(a.span.end..z.span.start))
            .unwrap_or(&[])
    }

    /// Whether a line break separates token `i` from the next.
    fn line_break(&self, i: usize) -> bool {
        has_line_break(self.gap(i))
    }

    /// Whether token `i` (text `s`) can end a sentence, and how.
    fn final_kind(&self, i: usize, s: &str) -> Option<Final> {
        let t = &self.tokens[i];
        match t.kind {
            TokenKind::Punct => match s.as_bytes().first()? {
                b'.' if s.len() == 1 => {
                    // `1.` heading a numbered line is not an end.
                    let numbered =
                        i > 0 && self.tokens[i - 1].kind == TokenKind::Number && self.starts(i - 1);
                    (!numbered).then_some(Final::Period)
                }
                b'.' | 0xE2 if s.starts_with("..") || s.starts_with('…') => {
                    // `(…)` marks a cut in a quote, not an end.
                    let cut = i > 0 && matches!(self.cut(i - 1), "(" | "[");
                    (!cut).then_some(Final::Mark)
                }
                b'!' | b'?' => Some(Final::Mark),
                _ => None,
            },
            TokenKind::Word if s.len() > 1 && s.ends_with('.') => match self.lex.abbreviation(s) {
                Some(AbbreviationKind::MayEnd) => Some(Final::Abbreviation),
                // `(Gruau par ex.) Ainsi`
                Some(AbbreviationKind::Inner)
                    if i + 1 < self.tokens.len() && self.cut(i + 1) == ")" =>
                {
                    Some(Final::Abbreviation)
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether token `i` starts its line.
    fn starts(&self, i: usize) -> bool {
        i == 0 || self.line_break(i - 1)
    }

    /// One past the closing quotes, brackets and further final marks that
    /// follow a final mark, from token `k` on; they stay with its sentence.
    fn closers_end(&self, first: usize, mut k: usize) -> usize {
        let n = self.tokens.len();
        while k < n && !self.line_break(k - 1) {
            let s = self.cut(k);
            let closes = match s {
                "»" | "”" | "’" | ")" | "]" | "}" | "›" | "." | "!" | "?" | "…" => true,
                "\"" | "'" => {
                    let touches_before = self.gap(k - 1).is_empty();
                    let touches_after = k + 1 < n && self.gap(k).is_empty();
                    if touches_after && !touches_before {
                        false
                    } else {
                        touches_before || (first..k).filter(|&q| self.cut(q) == s).count() % 2 == 1
                    }
                }
                _ => s.starts_with("..") || s.bytes().all(|c| c == b'!' || c == b'?'),
            };
            if !closes {
                break;
            }
            k += 1;
        }
        k
    }

    /// Whether token `k` can open a sentence after a final mark of kind `fin`.
    fn opens(&self, k: usize, fin: Final) -> bool {
        let s = self.cut(k);
        let Some(c) = s.chars().next() else {
            return false;
        };
        if c.is_uppercase() {
            return true;
        }
        let opening = || match c {
            '(' | '[' => self.tokens.get(k + 1).is_some_and(|_| {
                let t = self.cut(k + 1);
                t.starts_with("..")
                    || t.starts_with('…')
                    || t.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            }),
            '«' | '“' | '"' | '‘' | '\'' | '¿' | '¡' | '—' | '–' | '-' | '•' => true,
            _ => false,
        };
        match fin {
            Final::Period => c.is_lowercase() || c.is_ascii_digit() || opening(),
            Final::Mark => opening(),
            Final::Abbreviation => matches!(c, '«' | '“'),
        }
    }

    /// Whether an open quotation closes within [`SHORT_QUOTE`] tokens of `from`
    /// on the same line, with a lowercase word or a comma after it (the
    /// sentence goes on past the quote). `k` is where the closers end.
    fn quote_closes_soon(&self, from: usize, k: usize) -> bool {
        if k > from && matches!(self.cut(k - 1), "»" | "”") {
            return false;
        }
        let n = self.tokens.len();
        let mut depth = 0usize;
        let mut j = from;
        while j < n && j < from + SHORT_QUOTE {
            match self.cut(j) {
                "«" | "“" => depth += 1,
                "»" | "”" if depth == 0 => {
                    let next = self.tokens.get(j + 1).map(|_| self.cut(j + 1));
                    return next.is_some_and(|t| {
                        t == "," || t.chars().next().is_some_and(char::is_lowercase)
                    });
                }
                "»" | "”" => depth -= 1,
                _ => {}
            }
            if self.line_break(j) {
                return false;
            }
            j += 1;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use crate::Segmenter;

    fn sents(text: &str) -> Vec<&str> {
        let seg = Segmenter::french().expect("French lists load");
        let tokens = seg.tokenize(text);
        seg.sentences(text, &tokens)
            .iter()
            .map(|s| &text[s.span.start..s.span.end])
            .collect()
    }

    #[test]
    fn splits_on_final_marks() {
        assert_eq!(
            sents("Il pleut. Elle part ! Pourquoi ? Parce que… Enfin bref."),
            [
                "Il pleut.",
                "Elle part !",
                "Pourquoi ?",
                "Parce que…",
                "Enfin bref."
            ]
        );
        assert_eq!(
            sents("Fin en 2019. 250 morts."),
            ["Fin en 2019.", "250 morts."]
        );
        assert_eq!(sents("Il a dit. « Non »."), ["Il a dit.", "« Non »."]);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sents("M. Dupont est venu. Il a parlé."),
            ["M. Dupont est venu.", "Il a parlé."]
        );
        assert_eq!(
            sents("Mme. Martin et MM. Durand sont là."),
            ["Mme. Martin et MM. Durand sont là."]
        );
        assert_eq!(
            sents("Voir cf. Dupont, p. 12."),
            ["Voir cf. Dupont, p. 12."]
        );
        assert_eq!(
            sents("J. Chirac et J.-P. Raffarin."),
            ["J. Chirac et J.-P. Raffarin."]
        );
        assert_eq!(
            sents("Des fruits, etc. Le reste."),
            ["Des fruits, etc.", "Le reste."]
        );
        assert_eq!(
            sents("Des fruits, etc., et le reste."),
            ["Des fruits, etc., et le reste."]
        );
    }

    #[test]
    fn closing_marks_stay_with_the_sentence_before() {
        assert_eq!(
            sents("« Je pars. » Il est parti."),
            ["« Je pars. »", "Il est parti."]
        );
        assert_eq!(
            sents("(Applaudissements.) La séance reprend."),
            ["(Applaudissements.)", "La séance reprend."]
        );
        assert_eq!(
            sents("“C’est fini.” Puis rien."),
            ["“C’est fini.”", "Puis rien."]
        );
        assert_eq!(
            sents("Il a dit \"non.\" Puis rien."),
            ["Il a dit \"non.\"", "Puis rien."]
        );
    }

    #[test]
    fn quotes_inside_a_sentence_do_not_end_it() {
        assert_eq!(
            sents("« Je pars ! » a-t-il dit."),
            ["« Je pars ! » a-t-il dit."]
        );
        assert_eq!(
            sents("« Je pars. », a-t-il dit."),
            ["« Je pars. », a-t-il dit."]
        );
        assert_eq!(
            sents("« Il est tard. Je pars », a-t-il dit. Puis il est parti."),
            [
                "« Il est tard. Je pars », a-t-il dit.",
                "Puis il est parti."
            ]
        );
        assert_eq!(
            sents("« Il est tard. Je pars. » Puis il est parti."),
            ["« Il est tard.", "Je pars. »", "Puis il est parti."]
        );
    }

    #[test]
    fn a_line_break_always_ends_a_sentence() {
        assert_eq!(
            sents("Un titre\nLe texte suit. Et finit"),
            ["Un titre", "Le texte suit.", "Et finit"]
        );
        assert_eq!(sents("selon M.\nDupont"), ["selon M.", "Dupont"]);
        assert_eq!(sents("« Ouvert\nFermé »"), ["« Ouvert", "Fermé »"]);
        assert!(sents("  \n ").is_empty());
    }

    #[test]
    fn a_number_heading_a_line_does_not_end_it() {
        assert_eq!(
            sents("1. Le début.\n2. La suite."),
            ["1. Le début.", "2. La suite."]
        );
    }
}
