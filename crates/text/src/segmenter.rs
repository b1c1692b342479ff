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
    pub fn french() -> Result<Segmenter, LexiconError> {
        Ok(Segmenter::new(Lexicon::french()?))
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

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_model::TokenKind;

    const PARAGRAPHS: &[&str] = &[
        "Le président kazakh, Kassym-Jomart Tokaïev, a limogé mercredi le gouvernement. \
         « La situation est sous contrôle », a-t-il déclaré à la télévision, selon l’agence \
         Interfax. Les manifestations, parties de Janaozen, ont fait 1 770 blessés et au \
         moins 20\u{202F}000 personnes ont été interpellées.",
        "M. Macron et Mme Borne se sont entretenus jusqu’à 22h30 avec les syndicats… \
         Aujourd’hui, l’exécutif table sur une croissance de 3,5 % (cf. p. 12, etc.). \
         Pourquoi ? « Parce qu’il n’y a pas d’autre choix ! » a répondu M. Le Maire.",
        "En 52 av. J.-C., César assiège Alésia. Pensez-vous qu'il l'ignorait ? Ce jour-là, \
         dit-elle, tout a changé.\nUn titre sans point\nhttps://www.lemonde.fr/international/ \
         et contact@exemple.fr... Fin.",
        "«\u{A0}Nous ne céderons pas\u{A0}»,\u{A0}a dit le ministre. Les prud’hommes ont tranché ; \
         l’ex-république soviétique, au nord-ouest, compte 18,8 millions d’habitants.",
    ];

    fn check(seg: &Segmenter, text: &str) {
        let tokens = seg.tokenize(text);
        let mut prev_end = 0;
        for t in &tokens {
            assert!(t.span.start < t.span.end, "empty token in {text:?}");
            assert!(t.span.start >= prev_end, "overlap or disorder in {text:?}");
            let s = t.span.cut(text);
            assert!(s.is_some(), "token off char boundaries in {text:?}");
            let s = s.unwrap_or("");
            let inner_space = s.chars().any(char::is_whitespace);
            assert!(
                !inner_space || t.kind == TokenKind::Number,
                "white space inside {s:?}"
            );
            prev_end = t.span.end;
        }
        let sentences = seg.sentences(text, &tokens);
        let mut next = 0;
        for s in &sentences {
            assert_eq!(s.first_token, next, "sentences must cover every token");
            assert!(s.end_token > s.first_token);
            assert_eq!(s.span.start, tokens[s.first_token].span.start);
            assert_eq!(s.span.end, tokens[s.end_token - 1].span.end);
            next = s.end_token;
        }
        assert_eq!(next, tokens.len());
    }

    #[test]
    fn spans_are_sorted_disjoint_and_on_char_boundaries() {
        let seg = Segmenter::french().expect("French lists load");
        for p in PARAGRAPHS {
            check(&seg, p);
        }
        check(&seg, &PARAGRAPHS.join("\n"));
    }

    #[test]
    fn random_text_keeps_the_invariants() {
        let alphabet: Vec<char> =
            "aéZ1 0.,'’-«»\u{A0}\u{202F}\n…?!()\"/@#%€👍\u{1F3FD}\u{200D}hMtl:w"
                .chars()
                .collect();
        let seg = Segmenter::french().expect("French lists load");
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..2000 {
            let mut s = String::new();
            for _ in 0..(state % 40) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                s.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            check(&seg, &s);
        }
    }

    #[test]
    fn analyse_fills_tokens_and_sentences() {
        let seg = Segmenter::french().expect("French lists load");
        let mut doc = Document {
            body: "M. Dupont arrive.\nIl parle.".into(),
            ..Document::default()
        };
        seg.analyse(&mut doc);
        assert_eq!(doc.tokens.len(), 7);
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.text(doc.sentences[1].span), "Il parle.");
        seg.analyse(&mut doc);
        assert_eq!(doc.tokens.len(), 7, "a second run replaces, not appends");
    }

    #[test]
    fn shared_between_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Segmenter>();
        let seg = Segmenter::french().expect("French lists load");
        std::thread::scope(|s| {
            for _ in 0..2 {
                let seg = &seg;
                s.spawn(move || assert_eq!(seg.tokenize("l’Ukraine").len(), 2));
            }
        });
    }

    #[test]
    fn lists_load_from_a_folder() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lang/fr");
        let seg = Segmenter::from_dir(&dir).expect("data/lang/fr reads");
        assert_eq!(seg.tokenize("M. l'État").len(), 3);
    }
}
