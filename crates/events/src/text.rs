//! The document as the coder reads it: its tokens as lower-case words, its
//! sentences as word ranges, and where the actor mentions, time expressions
//! and quotations fall on those words.

use std::ops::Range;

use chronicle_model::{Document, TokenKind};

use crate::actors::{Cast, Mention, Strength, Who};
use crate::fold::low;
use crate::lexicon::Lexicon;

/// A token as the patterns see it.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    /// Byte offset of its start in the body.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// Lower case, apostrophes straight.
    pub low: String,
    /// Punctuation.
    pub punct: bool,
    /// Starts with a capital letter.
    pub cap: bool,
}

/// A time expression of the document on words.
#[derive(Debug, Clone)]
pub(crate) struct TimeSpan {
    /// Index into `Document::times`.
    pub index: usize,
    /// Its words.
    pub words: Range<usize>,
}

/// The words of a document with its annotations laid on them.
#[derive(Debug)]
pub(crate) struct Text<'d> {
    /// The document.
    pub doc: &'d Document,
    /// One per token.
    pub words: Vec<Word>,
    /// Word ranges of the sentences.
    pub sentences: Vec<Range<usize>>,
    /// Actor mentions, by first word.
    pub mentions: Vec<Mention>,
    /// For each word, the mention covering it.
    pub cover: Vec<Option<usize>>,
    /// Time expressions with a place on the words.
    pub times: Vec<TimeSpan>,
    /// For each word, the quotation it is inside.
    pub quote_at: Vec<Option<usize>>,
    /// For each word, the part of speech the analyse stage's tagger gave its
    /// first syntactic word, when the models ran.
    pub upos: Vec<Option<String>>,
    /// For each word, the word its first syntactic word hangs on in the
    /// analyse stage's dependency tree and the relation, when the parser ran.
    pub tree: Vec<Option<(usize, String)>>,
}

impl<'d> Text<'d> {
    /// Reads `doc`'s tokens, sentences, entity mentions, times and quotes,
    /// and finds the mentions the link stage leaves to events: collective
    /// actors of the lexicon and nationality adjectives after a noun.
    pub fn new(doc: &'d Document, lex: &Lexicon, cast: &Cast) -> Text<'d> {
        let words: Vec<Word> = doc
            .tokens
            .iter()
            .map(|t| {
                let text = doc.text(t.span);
                Word {
                    start: t.span.start,
                    end: t.span.end,
                    low: low(text),
                    punct: matches!(t.kind, TokenKind::Punct | TokenKind::Symbol),
                    cap: text.chars().next().is_some_and(char::is_uppercase),
                }
            })
            .collect();
        let sentences = doc
            .sentences
            .iter()
            .map(|s| s.first_token.min(words.len())..s.end_token.min(words.len()))
            .filter(|r| !r.is_empty())
            .collect();
        let mut upos = vec![None; words.len()];
        for w in &doc.words {
            if let Some(slot) = upos.get_mut(w.token) {
                slot.get_or_insert_with(|| w.upos.clone());
            }
        }
        let mut tree: Vec<Option<(usize, String)>> = vec![None; words.len()];
        let mut seen = vec![false; words.len()];
        for w in &doc.words {
            if w.token >= tree.len() || seen[w.token] {
                continue;
            }
            seen[w.token] = true;
            let head = w.head.and_then(|h| doc.words.get(h)).map(|h| h.token);
            if let Some(h) = head.filter(|&h| h != w.token) {
                tree[w.token] = Some((h, w.deprel.clone()));
            }
        }
        let mut text = Text {
            doc,
            tree,
            cover: vec![None; words.len()],
            quote_at: vec![None; words.len()],
            upos,
            words,
            sentences,
            mentions: Vec::new(),
            times: Vec::new(),
        };
        text.add_entity_mentions(cast);
        text.add_collectives(lex, cast);
        text.mentions.sort_by_key(|m| (m.words.start, m.words.end));
        for (i, m) in text.mentions.iter().enumerate() {
            for w in m.words.clone() {
                text.cover[w] = Some(i);
            }
        }
        text.times = doc
            .times
            .iter()
            .enumerate()
            .filter_map(|(index, t)| {
                text.span_words(t.start, t.end)
                    .map(|words| TimeSpan { index, words })
            })
            .collect();
        for (q, quote) in doc.quotes.iter().enumerate() {
            if let Some(r) = text.span_words(quote.start, quote.end) {
                for w in r {
                    text.quote_at[w].get_or_insert(q);
                }
            }
        }
        text
    }

    /// The words a byte span covers, or `None` when it covers none.
    pub fn span_words(&self, start: usize, end: usize) -> Option<Range<usize>> {
        let first = self.words.partition_point(|w| w.end <= start);
        let last = self.words.partition_point(|w| w.start < end);
        (first < last).then_some(first..last)
    }

    fn add_entity_mentions(&mut self, cast: &Cast) {
        for (e, entity) in self.doc.entities.iter().enumerate() {
            // a pipeline or a canal acts and suffers nothing
            if cast.sort(e) == crate::actors::Sort::Thing {
                continue;
            }
            for m in &entity.mentions {
                let Some(words) = self.span_words(m.start, m.end) else {
                    continue;
                };
                if self.mentions.iter().any(|x| overlaps(&x.words, &words)) {
                    continue;
                }
                self.mentions.push(Mention {
                    words,
                    who: Who::Entity(e),
                    strength: cast.strength(e),
                });
            }
        }
    }

    /// Whether any of `words` is inside a mention found so far.
    fn taken(&self, words: &Range<usize>) -> bool {
        self.mentions.iter().any(|m| overlaps(&m.words, words))
    }

    fn add_collectives(&mut self, lex: &Lexicon, cast: &Cast) {
        let n = self.words.len();
        let mut i = 0;
        while i < n {
            let mut found = None;
            for (c, col) in lex.collectives.iter().enumerate() {
                for p in &col.phrases {
                    if self.matches(i, p) {
                        found = Some((c, i..i + p.len()));
                        break;
                    }
                }
                if found.is_some() {
                    break;
                }
                if i > 0 && col.adjectives.contains(&self.words[i].low) && self.after_noun(lex, i) {
                    found = Some((c, i..i + 1));
                    break;
                }
            }
            if let Some((c, words)) = found
                && !self.taken(&words)
            {
                i = words.end;
                self.mentions.push(Mention {
                    words,
                    who: Who::Collective(c),
                    strength: Strength::Weak,
                });
                continue;
            }
            // a bloc's adjective after a noun: "des sanctions occidentales"
            let w = &self.words[i];
            if !w.punct
                && !w.cap
                && i > 0
                && self.after_noun(lex, i)
                && let Some(who) = cast.bloc_who(&w.low)
            {
                let words = i..i + 1;
                if !self.taken(&words) {
                    self.mentions.push(Mention {
                        words,
                        who,
                        strength: Strength::Weak,
                    });
                }
                i += 1;
                continue;
            }
            // a nationality adjective after a noun: "les troupes russes"
            if !w.punct
                && !w.cap
                && i > 0
                && self.after_noun(lex, i)
                && let Some(code) = cast.demonym(&w.low)
            {
                let words = i..i + 1;
                if !self.taken(&words) {
                    self.mentions.push(Mention {
                        words,
                        who: cast.country_who(code),
                        strength: Strength::Weak,
                    });
                }
            }
            i += 1;
        }
    }

    /// Whether the word before `i` is a word that can be a noun (not
    /// punctuation, a determiner or a preposition).
    fn after_noun(&self, lex: &Lexicon, i: usize) -> bool {
        let Some(prev) = i.checked_sub(1).and_then(|p| self.words.get(p)) else {
            return false;
        };
        !prev.punct
            && !lex.words.determiners.contains(&prev.low)
            && !lex.words.prepositions.contains(&prev.low)
            && !lex.words.de_forms.contains(&prev.low)
    }

    /// Whether the words from `i` are `phrase`.
    pub fn matches(&self, i: usize, phrase: &[String]) -> bool {
        !phrase.is_empty()
            && phrase
                .iter()
                .enumerate()
                .all(|(k, p)| self.words.get(i + k).is_some_and(|w| &w.low == p))
    }

    /// The first of `phrases` starting at a word of `from`: (its first word,
    /// the word after it).
    pub fn find_phrase(
        &self,
        from: std::ops::Range<usize>,
        phrases: &[Vec<String>],
    ) -> Option<(usize, usize)> {
        from.into_iter().find_map(|k| {
            phrases
                .iter()
                .find(|ph| self.matches(k, ph))
                .map(|ph| (k, k + ph.len()))
        })
    }

    /// The mention covering word `i`, if any (none past the end).
    pub fn covered(&self, i: usize) -> Option<usize> {
        self.cover.get(i).copied().flatten()
    }

    /// Whether word `i` is punctuation (true past the end).
    pub fn is_punct(&self, i: usize) -> bool {
        self.words.get(i).is_none_or(|w| w.punct)
    }

    /// Whether word `i` starts with a capital letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(|w| w.cap)
    }

    /// Whether the tagger read word `i` as a noun, an adjective or a name;
    /// false when no tagger ran.
    pub fn tagged_not_verb(&self, i: usize) -> bool {
        self.upos
            .get(i)
            .and_then(Option::as_deref)
            .is_some_and(|u| matches!(u, "NOUN" | "ADJ" | "PROPN"))
    }

    /// Whether the tagger read word `i` as a verb or an auxiliary.
    pub fn tagged_verb(&self, i: usize) -> bool {
        self.upos
            .get(i)
            .and_then(Option::as_deref)
            .is_some_and(|u| matches!(u, "VERB" | "AUX"))
    }

    /// Whether the tagger read word `i` as a function word (determiner,
    /// preposition, pronoun, number, conjunction).
    pub fn tagged_function(&self, i: usize) -> bool {
        self.upos
            .get(i)
            .and_then(Option::as_deref)
            .is_some_and(|u| matches!(u, "DET" | "ADP" | "PRON" | "NUM" | "CCONJ" | "SCONJ"))
    }

    /// The word that word `i` hangs on in the dependency tree, with the
    /// relation, when the parser ran.
    pub fn governor(&self, i: usize) -> Option<(usize, &str)> {
        self.tree
            .get(i)
            .and_then(|t| t.as_ref())
            .map(|(h, rel)| (*h, rel.as_str()))
    }

    /// The lower-case word at `i`, or "" past the end.
    pub fn low(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w.low.as_str())
    }

    /// The text of the body from word `a` to word `b` (exclusive).
    pub fn slice(&self, words: Range<usize>) -> &'d str {
        match (
            self.words.get(words.start),
            words.end.checked_sub(1).and_then(|l| self.words.get(l)),
        ) {
            (Some(a), Some(b)) if a.start <= b.end => {
                self.doc.body.get(a.start..b.end).unwrap_or("")
            }
            _ => "",
        }
    }

    /// The sentence holding word `w`.
    pub fn sentence_of(&self, w: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= w);
        self.sentences.get(i).filter(|s| s.contains(&w)).map(|_| i)
    }
}

/// Whether two word ranges share a word.
pub(crate) fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}
