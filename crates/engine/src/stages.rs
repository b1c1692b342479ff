//! The stages chronicle ships, each a thin wrapper over its crate.

use chronicle_clean::Cleaner;
use chronicle_events::EventCoder;
use chronicle_link::{Linker, NerLabel, NerSpan};
use chronicle_model::{Document, NamedSpan, Word};
use chronicle_nlp::Models;
use chronicle_quotes::QuoteFinder;
use chronicle_text::Tokenizer;
use chronicle_time::TimeTagger;

use crate::stage::{Stage, StageError};

/// `clean`: reads `raw` and `given`; sets body, paragraphs, removed, title,
/// dateline, source, published and language.
pub struct CleanStage(pub Cleaner);

impl Stage for CleanStage {
    fn name(&self) -> &'static str {
        "clean"
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        self.0.clean(doc);
        Ok(())
    }
}

/// `analyse`: reads `body`; sets tokens and sentences, then, with the trained
/// models, words (part of speech, features, lemma, dependency) and the names
/// the entity recogniser finds.
pub struct AnalyseStage {
    /// Tokens and sentences.
    pub tokenizer: Tokenizer,
    /// Tagger, lemmatiser, parser and entity recogniser; `None` runs tokens and sentences only.
    pub models: Option<Models>,
}

impl Stage for AnalyseStage {
    fn name(&self) -> &'static str {
        "analyse"
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        self.tokenizer.analyse(doc);
        let Some(models) = &self.models else {
            return Ok(());
        };
        if doc.language.as_deref().is_some_and(|l| l != "fr") {
            return Ok(());
        }
        let analysis = models.analyse(&doc.body, &doc.tokens, &doc.sentences);
        doc.words = analysis
            .words
            .into_iter()
            .map(|w| Word {
                token: w.token,
                sentence: w.sentence,
                form: w.form,
                upos: w.upos.as_str().to_string(),
                feats: w.feats,
                lemma: w.lemma,
                head: w.head,
                deprel: w.deprel,
            })
            .collect();
        doc.names = analysis
            .entities
            .into_iter()
            .map(|e| NamedSpan {
                span: e.span,
                first_token: e.first_token,
                end_token: e.end_token,
                kind: e.kind.as_str(),
            })
            .collect();
        Ok(())
    }
}

/// `time`: reads `body` and `published`; sets `times`, and `published` (origin
/// text) when the document had none and the text says enough.
pub struct TimeStage(pub TimeTagger);

impl Stage for TimeStage {
    fn name(&self) -> &'static str {
        "time"
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        self.0.annotate(doc);
        Ok(())
    }
}

/// `link`: reads `body`, `sentences` and `published`; sets `entities`, each
/// mention tied to one actor of the knowledge base or to an actor local to
/// the document.
pub struct LinkStage(pub Linker);

impl Stage for LinkStage {
    fn name(&self) -> &'static str {
        "link"
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        let names: Vec<NerSpan> = doc
            .names
            .iter()
            .filter(|n| names_a_proper_noun(doc, n))
            .filter_map(|n| {
                Some(NerSpan {
                    start: n.span.start,
                    end: n.span.end,
                    label: NerLabel::parse(n.kind)?,
                })
            })
            .collect();
        self.0.link(doc, &names);
        Ok(())
    }
}

/// `quotes`: reads `body`, `tokens`, `sentences` and `entities`; sets
/// `quotes`, direct, partial and indirect, each with its speaker.
pub struct QuotesStage(pub QuoteFinder);

impl Stage for QuotesStage {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        self.0.find(doc);
        Ok(())
    }
}

/// Whether a recogniser's span holds a word the tagger reads as a proper noun.
/// Spans of common words only ("Affaires étrangères" inside a ministry's
/// title, "Premier ministre", a capitalised subheading) are the recogniser's
/// commonest false alarms and are left to the knowledge base and the rules.
fn names_a_proper_noun(doc: &Document, name: &NamedSpan) -> bool {
    doc.words
        .iter()
        .filter(|w| (name.first_token..name.end_token).contains(&w.token))
        .any(|w| w.upos == "PROPN" || w.upos == "X")
}

/// `events`: reads sentences, words, entities, quotes and times; sets
/// `events`, PLOVER-coded, with source, target, date, place and negation.
pub struct EventsStage(pub EventCoder);

impl Stage for EventsStage {
    fn name(&self) -> &'static str {
        "events"
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        self.0.code(doc);
        Ok(())
    }
}
