//! The pipeline up to events, as the engine runs it, for the integration tests.

#![allow(dead_code)]

use std::path::PathBuf;

use chronicle_link::{NerLabel, NerSpan};
use chronicle_model::{Document, Given, NamedSpan, Word};

/// The stages before events, built once.
pub struct Front {
    pub cleaner: chronicle_clean::Cleaner,
    pub segmenter: chronicle_text::Segmenter,
    pub models: chronicle_nlp::Models,
    pub linker: chronicle_link::Linker,
    pub tagger: chronicle_time::TimeTagger,
    pub quotes: chronicle_quotes::QuoteFinder,
    pub coder: chronicle_events::EventCoder,
}

impl Front {
    /// The built-in stages; `extra` adds a user table to the knowledge base.
    pub fn new(extra: Option<PathBuf>) -> Front {
        let mut linker = chronicle_link::Linker::builtin().expect("linker");
        if let Some(path) = extra {
            linker.add_kb_file(&path).expect("user table loads");
        }
        let coder = chronicle_events::EventCoder::new(linker.kb().clone()).expect("coder");
        Front {
            cleaner: chronicle_clean::Cleaner::builtin().expect("cleaner"),
            segmenter: chronicle_text::Segmenter::french().expect("segmenter"),
            models: chronicle_nlp::Models::load_builtin().expect("the shipped models"),
            linker,
            tagger: chronicle_time::TimeTagger::french().expect("time tagger"),
            quotes: chronicle_quotes::QuoteFinder::french().expect("quote finder"),
            coder,
        }
    }

    /// Runs clean → analyse (tokens, then the trained models, as the engine
    /// does) → link (with the recogniser's proper names) → time → quotes →
    /// events on a raw text.
    pub fn run(&self, id: &str, raw: &str, published: Option<&str>) -> Document {
        let doc = Document {
            id: id.to_string(),
            raw: raw.to_string(),
            given: Given {
                published: published.map(String::from),
                ..Given::default()
            },
            ..Document::default()
        };
        self.stages(doc)
    }

    /// Reads a file as the read stage does (HTML, any encoding), then runs
    /// the stages up to events.
    pub fn file(&self, path: &std::path::Path) -> Document {
        let bytes = std::fs::read(path).expect("file");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("input");
        let format = if name.ends_with(".html") {
            chronicle_read::Format::Html
        } else {
            chronicle_read::Format::Text
        };
        let input = chronicle_read::input_from_bytes(
            name,
            &bytes,
            format,
            &chronicle_read::ReadOptions::default(),
        )
        .expect("the read stage reads it");
        self.stages(input.into_document())
    }

    fn stages(&self, mut doc: Document) -> Document {
        self.cleaner.clean(&mut doc);
        self.segmenter.analyse(&mut doc);
        let analysis = self.models.analyse(&doc.body, &doc.tokens, &doc.sentences);
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
        // the engine's link stage: the recogniser's names that hold a proper noun
        let names: Vec<NerSpan> = doc
            .names
            .iter()
            .filter(|n| {
                doc.words
                    .iter()
                    .filter(|w| (n.first_token..n.end_token).contains(&w.token))
                    .any(|w| w.upos == "PROPN" || w.upos == "X")
            })
            .filter_map(|n| {
                Some(NerSpan {
                    start: n.span.start,
                    end: n.span.end,
                    label: NerLabel::parse(n.kind)?,
                })
            })
            .collect();
        self.linker.link(&mut doc, &names);
        self.tagger.annotate(&mut doc);
        self.quotes.find(&mut doc);
        self.coder.code(&mut doc);
        doc
    }
}

/// `../shared` beside the repository, or a clear failure.
pub fn shared() -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    assert!(
        p.join("corpus/seeds.jsonl").is_file(),
        "the shared folder with corpus/seeds.jsonl is missing at {}",
        p.display()
    );
    p
}

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}
