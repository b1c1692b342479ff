//! What [`crate::Models::analyse`] returns.

use chronicle_model::Span;

use crate::tags::{EntityKind, Upos};

/// One syntactic word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Index of the surface token it comes from (in the document's tokens).
    pub token: usize,
    /// Index of its sentence.
    pub sentence: usize,
    /// Its form: the token's text, or a word of a contraction (`à`, `le` for `au`).
    pub form: String,
    /// Universal part of speech.
    pub upos: Upos,
    /// Predicted morphological features (`Gender`, `Number`, `Person`,
    /// `VerbForm`, `Mood`, `Tense`), UD style (`Gender=Fem|Number=Sing`), `_` when none.
    pub feats: String,
    /// Lemma.
    pub lemma: String,
    /// Index of its head in [`Analysis::words`]; `None` for a sentence's root
    /// (and for every word when no parser is loaded).
    pub head: Option<usize>,
    /// UD relation to the head (`nsubj`, `obl:arg`, `root`); empty without a parser.
    pub deprel: String,
}

/// A named-entity mention over surface tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityMention {
    /// Index of its first token.
    pub first_token: usize,
    /// One past the index of its last token.
    pub end_token: usize,
    /// Its type.
    pub kind: EntityKind,
    /// Its bytes in the body.
    pub span: Span,
}

/// The annotations of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Every syntactic word, in order; sentences follow each other.
    pub words: Vec<Word>,
    /// Entity mentions, in order.
    pub entities: Vec<EntityMention>,
}

impl Analysis {
    /// The words of surface token `token` (one, or two or more for a contraction).
    pub fn words_of_token(&self, token: usize) -> &[Word] {
        let a = self.words.partition_point(|w| w.token < token);
        let b = self.words.partition_point(|w| w.token <= token);
        &self.words[a..b]
    }
}
