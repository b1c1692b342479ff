//! The segmenter: a language's lexicon behind an `Arc`, with the entry points
//! that cut a text into tokens and sentences.

use std::path::Path;
use std::sync::Arc;

use chronicle_model::{Document, Sentence, Token};

use crate::lexicon::{Lexicon, LexiconError};
use crate::sentences;
use crate::tokens::Scanner;

/// Cuts text into surface tokens and sentences by the rules of one language.
/// Built once, immutable, `Send + Sync`; cloning shares the lexicon.
#[derive(Debug, Clone)]
pub struct Segmenter {
    lexicon: Arc<Lexicon>,
}

/// The name the design notes use for the same thing.
pub type Tokenizer = Segmenter;

impl Segmenter {
    /// A segmenter for the language whose lists are in `lexicon`.
    pub fn new(lexicon: Lexicon) -> Segmenter {
        Segmenter {
            lexicon: Arc::new(lexicon),
        }
    }

    /// The French segmenter, from the lists embedded in the binary.
    pub fn french() -> Segmenter {
        Segmenter::new(Lexicon::french())
    }

    /// A segmenter from the lists of a language folder (`data/lang/fr`).
    pub fn from_dir(dir: &Path) -> Result<Segmenter, LexiconError> {
        Ok(Segmenter::new(Lexicon::from_dir(dir)?))
    }

    /// The lists this segmenter applies.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The surface tokens of `text`, in order, as byte spans into it.
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::with_capacity(text.len() / 5 + 1);
        self.tokenize_into(text, &mut out);
        out
    }

    /// Appends the surface tokens of `text` to `out` (reusing its allocation).
    pub fn tokenize_into(&self, text: &str, out: &mut Vec<Token>) {
        Scanner::new(text, &self.lexicon, out).run();
    }

    /// The sentences of `text`, given its `tokens` from [`Segmenter::tokenize`]:
    /// spans of `text` and ranges of `tokens`.
    pub fn sentences(&self, text: &str, tokens: &[Token]) -> Vec<Sentence> {
        let mut out = Vec::with_capacity(tokens.len() / 16 + 1);
        self.sentences_into(text, tokens, &mut out);
        out
    }

    /// Appends the sentences of `text` to `out` (reusing its allocation).
    pub fn sentences_into(&self, text: &str, tokens: &[Token], out: &mut Vec<Sentence>) {
        sentences::split(&self.lexicon, text, tokens, out);
    }

    /// Fills `doc.tokens` and `doc.sentences` from `doc.body`, replacing what
    /// they held.
    pub fn analyse(&self, doc: &mut Document) {
        doc.tokens.clear();
        doc.sentences.clear();
        self.tokenize_into(&doc.body, &mut doc.tokens);
        self.sentences_into(&doc.body, &doc.tokens, &mut doc.sentences);
    }
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::french()
    }
}
