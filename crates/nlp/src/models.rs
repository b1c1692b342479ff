//! The loaded models and the analysis of a document.

use std::path::Path;

use chronicle_model::{Sentence, Span, Token};

use crate::analysis::{Analysis, EntityMention, Word};
use crate::error::NlpError;
use crate::features::Ctx;
use crate::lexicon::Lexicon;
use crate::ner::Ner;
use crate::parser::{PWord, Parser};
use crate::tagger::{Tagger, feats_string};
use crate::tags::{EntityKind, Upos};

/// File names of the models in `data/models/`.
pub(crate) const LEXICON_FILE: &str = "fr-lexicon.bin";
pub(crate) const TAGGER_FILE: &str = "fr-tagger.bin";
pub(crate) const NER_FILE: &str = "fr-ner.bin";
pub(crate) const PARSER_FILE: &str = "fr-parser.bin";

static BUILTIN_LEXICON: &[u8] = include_bytes!("../../../data/models/fr-lexicon.bin");
static BUILTIN_TAGGER: &[u8] = include_bytes!("../../../data/models/fr-tagger.bin");
static BUILTIN_NER: &[u8] = include_bytes!("../../../data/models/fr-ner.bin");
static BUILTIN_PARSER: &[u8] = include_bytes!("../../../data/models/fr-parser.bin");

/// Every model of the French analysis, loaded once and shared by all threads.
#[derive(Debug, Clone)]
pub struct Models {
    pub(crate) lexicon: Lexicon,
    pub(crate) tagger: Tagger,
    pub(crate) ner: Option<Ner>,
    pub(crate) parser: Option<Parser>,
}

/// A word of [`SentenceOut`]: token index in the sentence, form, UPOS,
/// feats, lemma, head (sentence word index), relation.
pub(crate) type WordOut = (usize, String, Upos, String, String, Option<usize>, String);

/// One sentence's analysis at the level of surface tokens and words,
/// without document offsets (what the evaluation needs).
#[derive(Debug, Clone, Default)]
pub(crate) struct SentenceOut {
    /// Per word: token index in the sentence, form, UPOS, feats, lemma, head (sentence word index), relation.
    pub words: Vec<WordOut>,
    /// Entities over the sentence's tokens.
    pub entities: Vec<(usize, usize, crate::tags::EntityKind)>,
}

impl Models {
    /// The models compiled into the binary (`data/models/*.bin`). An empty
    /// entity or parser file means that model is not shipped yet.
    pub fn load_builtin() -> Result<Models, NlpError> {
        Models::from_bytes(
            BUILTIN_LEXICON,
            BUILTIN_TAGGER,
            (!BUILTIN_NER.is_empty()).then_some(BUILTIN_NER),
            (!BUILTIN_PARSER.is_empty()).then_some(BUILTIN_PARSER),
        )
    }

    /// The models in `dir` (`fr-lexicon.bin`, `fr-tagger.bin`, and
    /// `fr-ner.bin`, `fr-parser.bin` when present and not empty).
    pub fn load_dir(dir: &Path) -> Result<Models, NlpError> {
        let read = |f: &str| std::fs::read(dir.join(f)).map_err(|e| NlpError::io(dir.join(f), e));
        let opt = |f: &str| -> Result<Option<Vec<u8>>, NlpError> {
            match std::fs::read(dir.join(f)) {
                Ok(b) if b.is_empty() => Ok(None),
                Ok(b) => Ok(Some(b)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(NlpError::io(dir.join(f), e)),
            }
        };
        let (lx, tg) = (read(LEXICON_FILE)?, read(TAGGER_FILE)?);
        let (ner, parser) = (opt(NER_FILE)?, opt(PARSER_FILE)?);
        Models::from_bytes(&lx, &tg, ner.as_deref(), parser.as_deref())
    }

    /// Models from the bytes of their files.
    pub fn from_bytes(
        lexicon: &[u8],
        tagger: &[u8],
        ner: Option<&[u8]>,
        parser: Option<&[u8]>,
    ) -> Result<Models, NlpError> {
        Ok(Models {
            lexicon: Lexicon::from_bytes(lexicon, LEXICON_FILE)?,
            tagger: Tagger::from_bytes(tagger, TAGGER_FILE)?,
            ner: ner.map(|b| Ner::from_bytes(b, NER_FILE)).transpose()?,
            parser: parser
                .map(|b| Parser::from_bytes(b, PARSER_FILE))
                .transpose()?,
        })
    }

    /// Whether an entity recogniser is loaded.
    pub fn has_ner(&self) -> bool {
        self.ner.is_some()
    }

    /// Whether a parser is loaded.
    pub fn has_parser(&self) -> bool {
        self.parser.is_some()
    }

    /// Analyses the sentences of a document. Tokens outside every sentence
    /// are not analysed; spans out of the body's bounds read as empty text.
    pub fn analyse(&self, body: &str, tokens: &[Token], sentences: &[Sentence]) -> Analysis {
        let mut out = Analysis::default();
        let mut forms: Vec<&str> = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            let end = s.end_token.min(tokens.len());
            if s.first_token >= end {
                continue;
            }
            let toks = &tokens[s.first_token..end];
            forms.clear();
            forms.extend(toks.iter().map(|t| t.span.cut(body).unwrap_or("")));
            let so = self.analyse_forms(&forms);
            let base = out.words.len();
            for (ti, form, upos, feats, lemma, head, deprel) in so.words {
                out.words.push(Word {
                    token: s.first_token + ti,
                    sentence: si,
                    form,
                    upos,
                    feats,
                    lemma,
                    head: head.map(|h| base + h),
                    deprel,
                });
            }
            for (a, b, kind) in so.entities {
                out.entities.push(EntityMention {
                    first_token: s.first_token + a,
                    end_token: s.first_token + b,
                    kind,
                    span: Span {
                        start: toks[a].span.start,
                        end: toks[b - 1].span.end,
                    },
                });
            }
        }
        out
    }

    /// Sets how much the entity perceptron's scores count beside the entity
    /// network's (0: the network alone); no effect on a model without one.
    pub fn set_ner_mix(&mut self, mix: f32) {
        if let Some(n) = &mut self.ner {
            n.set_mix(mix);
        }
    }

    /// The entity mentions of one sentence given as surface forms:
    /// (first token, end token, type).
    pub fn entities_of_forms(&self, forms: &[&str]) -> Vec<(usize, usize, EntityKind)> {
        self.analyse_forms(forms).entities
    }

    /// Analyses one sentence given as surface forms.
    pub(crate) fn analyse_forms(&self, forms: &[&str]) -> SentenceOut {
        let ctx = Ctx::new(forms, &self.lexicon);
        let tags = self.tagger.tag(&ctx);
        let mut out = SentenceOut::default();
        for (ti, (form, t)) in forms.iter().zip(&tags).enumerate() {
            let ups = self.tagger.class_upos(t.class);
            if ups.len() > 1
                && let Some(exp) = self.tagger.expand(form, t.class)
            {
                for w in exp {
                    out.words.push((
                        ti,
                        w.form.clone(),
                        w.upos,
                        w.feats.clone(),
                        w.lemma.clone(),
                        None,
                        String::new(),
                    ));
                }
                continue;
            }
            let upos = ups.first().copied().unwrap_or(Upos::X);
            let lemma = self.tagger.lemmas.lemma(form, upos, &self.lexicon);
            out.words.push((
                ti,
                form.to_string(),
                upos,
                feats_string(&t.morph),
                lemma,
                None,
                String::new(),
            ));
        }
        if let Some(p) = &self.parser {
            let ws: Vec<PWord> = out.words.iter().map(|w| PWord::new(&w.1, w.2)).collect();
            for (w, (h, l)) in out.words.iter_mut().zip(p.parse(&ws)) {
                w.5 = h;
                w.6 = l.to_string();
            }
        }
        if let Some(ner) = &self.ner {
            let classes: Vec<u32> = tags.iter().map(|t| t.class).collect();
            out.entities = ner.recognise(&ctx, forms, &classes);
            // a lone capitalised pronoun, determiner or adverb opening a
            // sentence or a quotation (`Personne n'a…`, `Aucun`, `Ailleurs`)
            // is no name: the tagger says so, or the lexicon knows its lower
            // case as such and never as a proper noun
            let function = [
                Upos::Pron,
                Upos::Det,
                Upos::Adv,
                Upos::Cconj,
                Upos::Sconj,
                Upos::Adp,
            ];
            let is_function = |i: usize| {
                let tagged = self
                    .tagger
                    .class_upos(classes[i])
                    .first()
                    .is_some_and(|u| function.contains(u));
                let bits = self.lexicon.classes(&crate::features::lower(forms[i]));
                let bit = |u: Upos| bits & (1 << u.index()) != 0;
                tagged || (!bit(Upos::Propn) && function.iter().any(|&u| bit(u)))
            };
            let opens = |a: usize| {
                a == 0
                    || forms.get(a - 1).is_some_and(|f| {
                        matches!(*f, "." | "!" | "?" | "«" | ":" | ";" | "—" | "…" | "\"")
                    })
            };
            out.entities
                .retain(|&(a, b, _)| !(b == a + 1 && opens(a) && is_function(a)));
            // an adjective in lower case before a name is not part of it:
            // `le journaliste karakalpak Daouletmourat Tajimouratov` (a
            // demonym the tagger does not know comes out as X; particles
            // such as `al`, `bin`, `von` are shorter)
            let lower_adj = |i: usize| {
                let upos = self.tagger.class_upos(classes[i]).first().copied();
                forms[i].chars().next().is_some_and(char::is_lowercase)
                    && forms[i].chars().all(char::is_alphabetic)
                    && (upos == Some(Upos::Adj)
                        || (upos == Some(Upos::X) && forms[i].chars().count() >= 5))
            };
            let capital = |i: usize| {
                forms
                    .get(i)
                    .and_then(|f| f.chars().next())
                    .is_some_and(char::is_uppercase)
            };
            for e in out.entities.iter_mut() {
                while e.1 - e.0 > 1 && lower_adj(e.0) && capital(e.0 + 1) {
                    e.0 += 1;
                }
            }
        }
        out
    }
}
