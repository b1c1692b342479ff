//! The corpus stage's resources: settings, hash functions, function words
//! and, optionally, the knowledge base.

use std::collections::HashSet;
use std::sync::Arc;

use chronicle_kb::KnowledgeBase;
use chronicle_model::Document;
use chronicle_store::CorpusRows;

use crate::config::CorpusConfig;
use crate::error::CorpusError;
use crate::index::CorpusIndex;
use crate::minhash::MinHasher;
use crate::session::Session;
use crate::words;

/// French function words, left out of term vectors.
const STOPWORDS: &str = include_str!("../../../data/lang/fr/stopwords.txt");

/// The corpus stage: built once, shared read-only, used through a
/// [`Session`] per batch.
#[derive(Debug, Clone)]
pub struct Corpus {
    config: CorpusConfig,
    hasher: MinHasher,
    stopwords: HashSet<String>,
    kb: Option<Arc<KnowledgeBase>>,
}

impl Default for Corpus {
    fn default() -> Corpus {
        Corpus::new(CorpusConfig::default())
    }
}

impl Corpus {
    /// The stage with these settings, without a knowledge base: actors come
    /// from the documents' entities only.
    pub fn new(config: CorpusConfig) -> Corpus {
        let mut stopwords = HashSet::new();
        for line in STOPWORDS.lines() {
            let line = line.trim();
            if !line.is_empty() && !line.starts_with('#') {
                words::each(line, |w, _| {
                    stopwords.insert(w.to_string());
                });
            }
        }
        Corpus {
            hasher: MinHasher::new(config.bands, config.rows),
            config,
            stopwords,
            kb: None,
        }
    }

    /// The stage with its default settings and the built-in knowledge base,
    /// which names the actors of documents that have no entities.
    pub fn builtin() -> Result<Corpus, CorpusError> {
        Ok(Corpus::default().with_knowledge_base(Arc::new(KnowledgeBase::builtin()?)))
    }

    /// Uses a knowledge base to find the actors of documents without
    /// entities (the link stage's entities win when there are some).
    pub fn with_knowledge_base(mut self, kb: Arc<KnowledgeBase>) -> Corpus {
        self.kb = Some(kb);
        self
    }

    /// Its settings.
    pub fn config(&self) -> &CorpusConfig {
        &self.config
    }

    pub(crate) fn hasher(&self) -> &MinHasher {
        &self.hasher
    }

    pub(crate) fn stopwords(&self) -> &HashSet<String> {
        &self.stopwords
    }

    pub(crate) fn knowledge_base(&self) -> Option<&KnowledgeBase> {
        self.kb.as_deref()
    }

    /// A session for one batch over `index` (the store, or a
    /// [`crate::MemoryIndex`]).
    pub fn session<'a>(&'a self, index: &'a dyn CorpusIndex) -> Session<'a> {
        Session::new(self, index)
    }

    /// Annotates a single document and returns the rows to store with it: a
    /// session of one.
    pub fn annotate(
        &self,
        doc: &mut Document,
        index: &dyn CorpusIndex,
    ) -> Result<CorpusRows, CorpusError> {
        let mut session = self.session(index);
        session.annotate(doc)?;
        Ok(session.finish())
    }
}
