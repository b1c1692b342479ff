//! Surface tokens: one pass over the bytes of a text, with the French rules
//! (elisions, clitics, abbreviations, grouped numbers) driven by the lexicon.

use chronicle_model::{Span, Token, TokenKind};

use crate::chars::{
    self, apostrophe_len, char_at, group_space_len, is_mark, is_punct, is_space, is_word,
};
use crate::lexicon::Lexicon;

/// At most this many pronoun clitics are split off one word (`dis-le-moi`).
const MAX_CLITICS: usize = 4;

/// One tokenisation: the text, the lexicon, where tokens go, and a buffer for
/// case-folded lookups so that no token allocates.
pub(crate) struct Scanner<'a> {
    text: &'a str,
    b: &'a [u8],
    lex: &'a Lexicon,
    out: &'a mut Vec<Token>,
    buf: String,
}

impl<'a> Scanner<'a> {
    /// A scanner that appends the tokens of `text` to `out`.
    pub(crate) fn new(text: &'a str, lex: &'a Lexicon, out: &'a mut Vec<Token>) -> Self {
        Scanner {
            text,
            b: text.as_bytes(),
            lex,
            out,
            buf: String::with_capacity(64),
        }
    }

    /// Tokenises the whole text.
    pub(crate) fn run(mut self) {
        let n = self.b.len();
        let mut i = 0;
        while i < n {
            let c = self.b[i];
            if c < 0x80 {
                i = match chars::ASCII[c as usize] {
                    chars::SPACE => i + 1,
                    chars::LETTER => self.word(i),
                    chars::DIGIT => self.number(i, i),
                    _ => self.punct(i, c as char, 1),
                };
            } else {
                let (ch, len) = char_at(self.text, i);
                i = if is_space(ch) {
                    i + len
                } else if is_word(ch) {
                    self.word(i)
                } else {
                    self.punct(i, ch, len)
                };
            }
        }
    }

    #[inline]
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        self.out.push(Token {
            span: Span::new(start, end),
            kind,
        });
    }

    #[inline]
    fn word_at(&self, i: usize) -> bool {
        match self.b.get(i) {
            None => false,
            Some(&c) if c < 0x80 => {
                chars::ASCII[c as usize] == chars::LETTER
                    || chars::ASCII[c as usize] == chars::DIGIT
            }
            Some(_) => is_word(char_at(self.text, i).0),
        }
    }

    #[inline]
    fn digit_at(&self, i: usize) -> bool {
        self.b.get(i).is_some_and(u8::is_ascii_digit)
    }

    /// End of the run of word characters starting at `i`.
    #[inline]
    fn word_end(&self, mut i: usize) -> usize {
        let n = self.b.len();
        while i < n {
            let c = self.b[i];
            if c < 0x80 {
                let k = chars::ASCII[c as usize];
                if k != chars::LETTER && k != chars::DIGIT {
                    break;
                }
                i += 1;
            } else {
                let (ch, len) = char_at(self.text, i);
                if !is_word(ch) {
                    break;
                }
                i += len;
            }
        }
        i
    }

    #[inline]
    fn digits_end(&self, mut i: usize) -> usize {
        while self.digit_at(i) {
            i += 1;
        }
        i
    }

    /// A token starting with a letter: URL, abbreviation, initials, e-mail, or
    /// a word or compound that may split into elisions, a head and clitics.
    fn word(&mut self, s: usize) -> usize {
        if let Some(e) = self.url(s) {
            self.push(s, e, TokenKind::Symbol);
            return e;
        }
        let run = self.word_end(s);
        match self.b.get(run) {
            Some(b'.') => {
                if let Some(e) = self.abbreviation(s) {
                    self.push(s, e, TokenKind::Word);
                    return e;
                }
                if let Some(e) = self.email(s) {
                    self.push(s, e, TokenKind::Symbol);
                    return e;
                }
                if let Some(e) = self.dotted_name(run) {
                    self.push(s, e, TokenKind::Word);
                    return e;
                }
            }
            Some(b'@') => {
                if let Some(e) = self.email(s) {
                    self.push(s, e, TokenKind::Symbol);
                    return e;
                }
            }
            // `n°`, `nº`
            Some(0xC2)
                if matches!(self.b.get(run + 1), Some(0xB0 | 0xBA)) && self.listed(s, run + 2) =>
            {
                self.push(s, run + 2, TokenKind::Word);
                return run + 2;
            }
            _ => {}
        }
        let (e, joined) = self.compound_end(run);
        let alen = apostrophe_len(self.b, run);
        if alen > 0 && self.lex.is_elision(&self.text[s..run], &mut self.buf) {
            // `l’Ukraine`, `qu’aujourd’hui`, `l’« affaire »`: the elided word
            // alone, unless the whole compound is listed (`c’est-à-dire`).
            if !(joined && self.lex.is_unsplit(&self.text[s..e], &mut self.buf)) {
                self.push(s, run + alen, TokenKind::Word);
                return run + alen;
            }
        }
        if self.b.get(e) == Some(&b'.') && e > run && self.listed(s, e + 1) {
            // `c-à-d.`
            self.push(s, e + 1, TokenKind::Word);
            return e + 1;
        }
        if joined {
            self.split_compound(s, e);
        } else {
            self.push(s, e, TokenKind::Word);
        }
        e
    }

    /// Whether `text[s..e]` is a listed abbreviation.
    fn listed(&self, s: usize, e: usize) -> bool {
        self.text
            .get(s..e)
            .and_then(|w| self.lex.abbreviation(w))
            .is_some()
    }

    /// A name with inner dots and no space (`lemonde.fr`, `rec.arts.movies`)
    /// whose first run ends at `run`: each dot must be followed by a lowercase
    /// letter or a digit.
    fn dotted_name(&self, run: usize) -> Option<usize> {
        let mut j = run;
        while self.b.get(j) == Some(&b'.') {
            let next = char_at(self.text, j + 1).0;
            if !(next.is_lowercase() || next.is_ascii_digit()) {
                break;
            }
            j = self.word_end(j + 1);
        }
        (j > run).then_some(j)
    }

    /// End of a compound whose first run ends at `run`: runs joined by a
    /// hyphen, an apostrophe or `&`, and optional endings in brackets
    /// (`traité(e)`, `MISE(S)`); and whether a hyphen or apostrophe joined.
    fn compound_end(&self, run: usize) -> (usize, bool) {
        let mut j = run;
        let mut joined = false;
        loop {
            let (len, splits) = match self.b.get(j) {
                Some(b'-') => (1, true),
                Some(b'&') => (1, false),
                Some(b'(') => match self.bracketed_ending(j) {
                    0 => break,
                    n => {
                        j += n;
                        continue;
                    }
                },
                _ => match apostrophe_len(self.b, j) {
                    0 => break,
                    n => (n, true),
                },
            };
            if !self.word_at(j + len) {
                break;
            }
            joined |= splits;
            j = self.word_end(j + len);
        }
        (j, joined)
    }

    /// Length of an inclusive or optional ending in brackets at `j`: `(e)`,
    /// `(s)`, `(es)`, `(ne)`, `(x)` in either case; or 0.
    fn bracketed_ending(&self, j: usize) -> usize {
        let b = self.b;
        let mut k = j + 1;
        while k < b.len() && k - j <= 3 && matches!(b[k] | 0x20, b'e' | b's' | b'n' | b'x') {
            k += 1;
        }
        if k == j + 1 || b.get(k) != Some(&b')') {
            return 0;
        }
        k += 1;
        if b.get(k) == Some(&b'(') || (k < b.len() && !self.word_at(k) && b[k] == b'-') {
            return 0;
        }
        k - j
    }

    /// Splits a compound into the word and trailing clitics (`a-t-il`,
    /// `dit-elle`, `ce jour-là`), unless the lexicon keeps it whole.
    fn split_compound(&mut self, s: usize, e: usize) {
        let text = self.text;
        if self.lex.is_unsplit(&text[s..e], &mut self.buf) {
            self.push(s, e, TokenKind::Word);
            return;
        }
        let mut clitics = [(0usize, 0usize); MAX_CLITICS];
        let mut depth = 0;
        let mut end = e;
        while depth < MAX_CLITICS {
            let Some(h) = text[s..end].rfind('-').map(|h| s + h) else {
                break;
            };
            let start = if h >= s + 3
                && &self.b[h - 2..h] == b"-t"
                && self.lex.is_clitic(&text[h - 2..end], &mut self.buf)
            {
                h - 2
            } else if h > s && self.lex.is_clitic(&text[h..end], &mut self.buf) {
                h
            } else {
                break;
            };
            clitics[depth] = (start, end);
            depth += 1;
            end = start;
            if self.lex.is_unsplit(&text[s..end], &mut self.buf) {
                break;
            }
        }
        self.push(s, end, TokenKind::Word);
        for &(a, b) in clitics[..depth].iter().rev() {
            self.push(a, b, TokenKind::Word);
        }
    }

    /// A listed abbreviation or initials starting at `s` (`M.`, `J.-C.`,
    /// `c.-à-d.`, `U.S.A.`, `J.`): the end of the longest one, with its period.
    fn abbreviation(&mut self, s: usize) -> Option<usize> {
        const WINDOW: usize = 24;
        let mut dots = [0usize; 8];
        let mut ndots = 0;
        let mut j = s;
        while j < self.b.len() && j - s < WINDOW && ndots < dots.len() {
            match self.b[j] {
                b'.' => {
                    dots[ndots] = j;
                    ndots += 1;
                    j += 1;
                }
                b'-' => j += 1,
                _ => {
                    let (ch, len) = char_at(self.text, j);
                    if !is_word(ch) {
                        break;
                    }
                    j += len;
                }
            }
        }
        for &d in dots[..ndots].iter().rev() {
            let cand = self.text.get(s..=d)?;
            if self.lex.abbreviation(cand).is_some() {
                return Some(d + 1);
            }
            match initials(cand) {
                0 => {}
                1 if !self.initial_stands(s, d + 1) => {}
                _ => return Some(d + 1),
            }
        }
        None
    }

    /// Whether a single capital with its period (`J.`) at `s..e` reads as an
    /// initial: it follows a blank or an opening mark, and more text follows
    /// on the same line (`Dagobert I.` at the end is a letter and a period).
    fn initial_stands(&self, s: usize, e: usize) -> bool {
        let before_ok = s == 0 || {
            let p = self.b[s - 1];
            matches!(p, b' ' | b'\t' | b'\n' | b'(' | b'[' | b'"' | b'\'' | b'-')
                || (p >= 0x80
                    && self.text[..s]
                        .chars()
                        .next_back()
                        .is_some_and(|c| is_space(c) || matches!(c, '«' | '“' | '‘' | '’')))
        };
        if !before_ok {
            return false;
        }
        let mut j = e;
        while j < self.b.len() {
            let (ch, len) = char_at(self.text, j);
            if ch == '\n' || ch == '\r' {
                return false;
            }
            if !is_space(ch) {
                return ch.is_alphanumeric() || ch == '-';
            }
            j += len;
        }
        false
    }

    /// An e-mail address starting at `s`, or `None`.
    fn email(&self, s: usize) -> Option<usize> {
        let b = self.b;
        let local =
            |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-');
        let mut j = s;
        while j < b.len() && local(b[j]) {
            j += 1;
        }
        if b.get(j) != Some(&b'@') || j == s {
            return None;
        }
        let d = j + 1;
        let mut k = d;
        while k < b.len() && (b[k].is_ascii_alphanumeric() || b[k] == b'.' || b[k] == b'-') {
            k += 1;
        }
        while k > d && matches!(b[k - 1], b'.' | b'-') {
            k -= 1;
        }
        let domain = &b[d..k];
        let dot = domain.iter().rposition(|&c| c == b'.')?;
        (dot > 0 && dot + 1 < domain.len()).then_some(k)
    }

    /// A URL starting at `s` (`http://`, `https://`, `ftp://`, `www.`), or `None`.
    fn url(&self, s: usize) -> Option<usize> {
        let b = self.b;
        let head = |p: &[u8]| b.len() >= s + p.len() && b[s..s + p.len()].eq_ignore_ascii_case(p);
        let first = b[s] | 0x20;
        if !(first == b'h' || first == b'w' || first == b'f') {
            return None;
        }
        if !(head(b"http://") || head(b"https://") || head(b"www.") || head(b"ftp://")) {
            return None;
        }
        let mut j = s;
        while j < b.len() {
            let c = b[j];
            if c < 0x80 {
                if c.is_ascii_whitespace() || matches!(c, b'"' | b'<' | b'>') {
                    break;
                }
                j += 1;
            } else {
                let (ch, len) = char_at(self.text, j);
                if is_space(ch) || matches!(ch, '«' | '»' | '“' | '”' | '’' | '‘' | '…')
                {
                    break;
                }
                j += len;
            }
        }
        while j > s {
            match b[j - 1] {
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' => j -= 1,
                b')' if count(&b[s..j], b'(') < count(&b[s..j], b')') => j -= 1,
                _ => break,
            }
        }
        (j > s + 4).then_some(j)
    }

    /// A token starting with a digit at `d` (`s` is its start, before a minus
    /// sign): digits grouped by spaces in threes, decimals, ranges, dates,
    /// times, fractions, ordinals (`1er`, `XXe` start with a letter).
    fn number(&mut self, s: usize, d: usize) -> usize {
        let mut j = self.digits_end(d);
        let mut grouping = j - d <= 3;
        let mut letters = false;
        loop {
            match self.b.get(j) {
                Some(b',' | b'.' | b':' | b'/') if self.digit_at(j + 1) => {
                    j = self.digits_end(j + 1);
                    grouping = false;
                }
                Some(b'-') if self.word_at(j + 1) => {
                    j = self.word_end(j + 1);
                    grouping = false;
                    letters = true;
                }
                Some(_) if self.word_at(j) => {
                    // `1er`, `XXe` stay whole; `20h30` and `160km` split.
                    let k = self.letters_end(j);
                    let suffix = &self.text[j..k];
                    let whole = k == j
                        || self.lex.is_ordinal(suffix, &mut self.buf)
                        || !suffix.chars().all(char::is_lowercase) && suffix != "H";
                    if !whole {
                        self.push(s, j, TokenKind::Number);
                        if suffix == "h" || suffix == "H" {
                            // `20h30` → `20` `h` `30`
                            self.push(j, k, TokenKind::Word);
                            return k;
                        }
                        return j;
                    }
                    j = self.word_end(j);
                    grouping = false;
                    letters = true;
                }
                Some(_) if grouping => match self.digit_group(j) {
                    Some(g) => j = g,
                    None => break,
                },
                _ => break,
            }
        }
        let kind = if letters && self.text[s..j].chars().any(char::is_alphabetic) {
            TokenKind::Word
        } else {
            TokenKind::Number
        };
        self.push(s, j, kind);
        j
    }

    /// End of the group of three digits after a space or apostrophe at `j`
    /// (`20 000`, `20\u{202F}000`, `10'000`), or `None`.
    fn digit_group(&self, j: usize) -> Option<usize> {
        let sp = match group_space_len(self.b, j) {
            0 => apostrophe_len(self.b, j),
            n => n,
        };
        let g = j + sp;
        (sp > 0
            && self.digit_at(g)
            && self.digit_at(g + 1)
            && self.digit_at(g + 2)
            && !self.word_at(g + 3))
        .then_some(g + 3)
    }

    /// End of the run of letters (no digits) starting at `i`.
    fn letters_end(&self, mut i: usize) -> usize {
        while i < self.b.len() {
            let (c, len) = char_at(self.text, i);
            if !(c.is_alphabetic() || is_mark(c)) {
                break;
            }
            i += len;
        }
        i
    }

    /// Punctuation and symbols starting at `s`: runs of dots (`...`), of `!?`,
    /// of hyphens (`--`), of `…`; a minus sign before digits; hashtags; single
    /// marks, and symbols with their modifiers (emoji sequences).
    fn punct(&mut self, s: usize, ch: char, len: usize) -> usize {
        let b = self.b;
        let run = |set: &[u8]| {
            let mut j = s;
            while j < b.len() && set.contains(&b[j]) {
                j += 1;
            }
            j
        };
        let e = match ch {
            '.' => run(b"."),
            '!' | '?' => run(b"!?"),
            '-' | '+' if self.digit_at(s + 1) && self.stands_alone(s) => {
                return self.number(s, s + 1);
            }
            '-' => run(b"-"),
            '°' | 'º'
                if matches!(self.b.get(s + len), Some(b'C' | b'F'))
                    && !self.word_at(s + len + 1) =>
            {
                // `°C`, `°F`
                self.push(s, s + len + 1, TokenKind::Symbol);
                return s + len + 1;
            }
            '…' => {
                let mut j = s + len;
                while self.text.get(j..).is_some_and(|t| t.starts_with('…')) {
                    j += len;
                }
                j
            }
            '#' | '@' if self.word_at(s + 1) && self.stands_alone(s) => {
                let e = self.word_end(s + 1);
                self.push(s, e, TokenKind::Symbol);
                return e;
            }
            _ => self.modifiers_end(s + len),
        };
        let kind = if is_punct(ch) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        self.push(s, e, kind);
        e
    }

    /// Whether a sign at `s` starts a token of its own (a minus sign, a `#`):
    /// it is first, or follows a blank or an opening bracket.
    fn stands_alone(&self, s: usize) -> bool {
        s == 0
            || matches!(
                self.b[s - 1],
                b' ' | b'\t' | b'\n' | b'(' | b'[' | 0xA0 | 0xAF
            )
    }

    /// End of the modifiers (variation selectors, skin tones, zero-width
    /// joiner sequences, combining marks) after a symbol ending at `j`.
    fn modifiers_end(&self, mut j: usize) -> usize {
        while j < self.b.len() {
            let (c, len) = char_at(self.text, j);
            if c == '\u{200D}' {
                let (next, nlen) = char_at(self.text, j + len);
                if nlen == 0 || is_space(next) {
                    break;
                }
                j += len + nlen;
            } else if is_mark(c) {
                j += len;
            } else {
                break;
            }
        }
        j
    }
}

/// How many initials `cand` holds when it is a run of capital letters, each
/// followed by a period and maybe a hyphen (`J.`, `J.-C.`, `U.S.A.`); else 0.
fn initials(cand: &str) -> usize {
    let mut n = 0;
    let mut chars = cand.chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_uppercase() || chars.next() != Some('.') {
            return 0;
        }
        n += 1;
        if chars.peek() == Some(&'-') {
            chars.next();
            if chars.peek().is_none() {
                return 0;
            }
        }
    }
    n
}

fn count(b: &[u8], c: u8) -> usize {
    b.iter().filter(|&&x| x == c).count()
}

#[cfg(test)]
mod tests {
    use crate::Segmenter;
    use chronicle_model::TokenKind;

    fn seg() -> Segmenter {
        Segmenter::french().expect("French lists load")
    }

    fn toks(text: &str) -> Vec<&str> {
        seg()
            .tokenize(text)
            .iter()
            .map(|t| &text[t.span.start..t.span.end])
            .collect()
    }

    fn kinds(text: &str) -> Vec<TokenKind> {
        seg().tokenize(text).iter().map(|t| t.kind).collect()
    }

    #[test]
    fn elisions_split_with_either_apostrophe() {
        assert_eq!(toks("l’Ukraine"), ["l’", "Ukraine"]);
        assert_eq!(toks("l'Ukraine"), ["l'", "Ukraine"]);
        assert_eq!(toks("L’Élysée"), ["L’", "Élysée"]);
        assert_eq!(
            toks("qu’il d'Asie j'ai n’est s'il c’est m'a t'as"),
            [
                "qu’", "il", "d'", "Asie", "j'", "ai", "n’", "est", "s'", "il", "c’", "est", "m'",
                "a", "t'", "as"
            ]
        );
        assert_eq!(
            toks("jusqu’à lorsqu'on puisqu’elle quoiqu'il QU'IL"),
            [
                "jusqu’",
                "à",
                "lorsqu'",
                "on",
                "puisqu’",
                "elle",
                "quoiqu'",
                "il",
                "QU'",
                "IL"
            ]
        );
        assert_eq!(toks("l’« affaire »"), ["l’", "«", "affaire", "»"]);
    }

    #[test]
    fn lexical_apostrophes_stay_whole() {
        assert_eq!(toks("aujourd’hui"), ["aujourd’hui"]);
        assert_eq!(toks("les prud'hommes"), ["les", "prud'hommes"]);
        assert_eq!(toks("quelqu’un"), ["quelqu’un"]);
        assert_eq!(toks("jusqu'aujourd'hui"), ["jusqu'", "aujourd'hui"]);
        assert_eq!(toks("c'est-à-dire"), ["c'est-à-dire"]);
        assert_eq!(toks("O'Brien"), ["O'Brien"]);
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(toks("M. Macron"), ["M.", "Macron"]);
        assert_eq!(
            toks("MM. Dupont et Durand"),
            ["MM.", "Dupont", "et", "Durand"]
        );
        assert_eq!(
            toks("Mme Borne et Mme. Dati"),
            ["Mme", "Borne", "et", "Mme.", "Dati"]
        );
        assert_eq!(toks("le Dr Martin"), ["le", "Dr", "Martin"]);
        assert_eq!(toks("52 av. J.-C."), ["52", "av.", "J.-C."]);
        assert_eq!(toks("cf. p. 12, etc."), ["cf.", "p.", "12", ",", "etc."]);
        assert_eq!(toks("le n° 5"), ["le", "n°", "5"]);
        assert_eq!(toks("J. Chirac"), ["J.", "Chirac"]);
        assert_eq!(toks("aux U.S.A."), ["aux", "U.S.A."]);
        assert_eq!(toks("c.-à-d. que"), ["c.-à-d.", "que"]);
        assert_eq!(toks("à Paris."), ["à", "Paris", "."]);
        assert_eq!(toks("Dagobert I."), ["Dagobert", "I", "."]);
    }

    #[test]
    fn numbers_with_spaces_and_decimals() {
        assert_eq!(toks("1 770 morts"), ["1 770", "morts"]);
        assert_eq!(toks("20 000 soldats"), ["20 000", "soldats"]);
        assert_eq!(toks("20\u{A0}000 soldats"), ["20\u{A0}000", "soldats"]);
        assert_eq!(
            toks("1\u{202F}000\u{202F}000 €"),
            ["1\u{202F}000\u{202F}000", "€"]
        );
        assert_eq!(toks("3,5 %"), ["3,5", "%"]);
        assert_eq!(
            toks("en 2019 100 personnes"),
            ["en", "2019", "100", "personnes"]
        );
        assert_eq!(toks("le 12 mai"), ["le", "12", "mai"]);
        assert_eq!(toks("2019-03"), ["2019-03"]);
        assert_eq!(toks("de -1,5 à +2"), ["de", "-1,5", "à", "+2"]);
        assert_eq!(
            kinds("1 770 3,5 %"),
            [TokenKind::Number, TokenKind::Number, TokenKind::Symbol]
        );
    }

    #[test]
    fn ordinals_hours_and_units() {
        assert_eq!(toks("le 1er et le XXIe"), ["le", "1er", "et", "le", "XXIe"]);
        assert_eq!(toks("21e siècle"), ["21e", "siècle"]);
        assert_eq!(toks("à 20h30"), ["à", "20", "h", "30"]);
        assert_eq!(toks("160km"), ["160", "km"]);
        assert_eq!(toks("25 °C"), ["25", "°C"]);
    }

    #[test]
    fn guillemets_with_non_breaking_spaces() {
        assert_eq!(toks("«\u{A0}Bonjour\u{A0}»"), ["«", "Bonjour", "»"]);
        assert_eq!(
            toks("«\u{202F}Oui\u{202F}!\u{202F}»"),
            ["«", "Oui", "!", "»"]
        );
        assert_eq!(kinds("« »"), [TokenKind::Punct, TokenKind::Punct]);
    }

    #[test]
    fn hyphenated_compounds_stay_whole() {
        assert_eq!(toks("Kassym-Jomart Tokaïev"), ["Kassym-Jomart", "Tokaïev"]);
        assert_eq!(toks("l'ex-république"), ["l'", "ex-république"]);
        assert_eq!(toks("au nord-ouest"), ["au", "nord-ouest"]);
        assert_eq!(toks("peut-être"), ["peut-être"]);
        assert_eq!(toks("celui-ci"), ["celui-ci"]);
        assert_eq!(toks("un rendez-vous"), ["un", "rendez-vous"]);
    }

    #[test]
    fn inversions_split_like_ud() {
        assert_eq!(toks("a-t-il"), ["a", "-t-il"]);
        assert_eq!(toks("dit-elle"), ["dit", "-elle"]);
        assert_eq!(toks("Pensez-vous"), ["Pensez", "-vous"]);
        assert_eq!(toks("qu'est-ce"), ["qu'", "est", "-ce"]);
        assert_eq!(toks("ce jour-là"), ["ce", "jour", "-là"]);
        assert_eq!(toks("dis-le-moi"), ["dis", "-le", "-moi"]);
        assert_eq!(toks("s'est-il"), ["s'", "est", "-il"]);
    }

    #[test]
    fn urls_emails_and_ellipses() {
        assert_eq!(
            toks("(voir https://www.lemonde.fr/a/b.html?x=1)."),
            ["(", "voir", "https://www.lemonde.fr/a/b.html?x=1", ")", "."]
        );
        assert_eq!(toks("sur www.elysee.fr."), ["sur", "www.elysee.fr", "."]);
        assert_eq!(
            toks("écrire à jean.dupont@exemple.fr."),
            ["écrire", "à", "jean.dupont@exemple.fr", "."]
        );
        assert_eq!(toks("Mais… oui... non"), ["Mais", "…", "oui", "...", "non"]);
        assert_eq!(toks("Quoi ?!"), ["Quoi", "?!"]);
    }

    #[test]
    fn symbols_and_emoji() {
        assert_eq!(toks("50 € ou 3$"), ["50", "€", "ou", "3", "$"]);
        assert_eq!(toks("bravo 👍🏽 !"), ["bravo", "👍🏽", "!"]);
        assert_eq!(kinds("👍"), [TokenKind::Symbol]);
    }
}
