//! An index held in memory: for tests and small runs, and for the documents
//! of a batch that are annotated but not yet stored.

use std::collections::HashMap;

use chronicle_model::Record;
use chronicle_store::{CorpusDocumentRow, CorpusRows, StoredDocument, StoredPassage, StoryRow};

use crate::error::CorpusError;
use crate::index::CorpusIndex;

/// A document as the memory index keeps it.
#[derive(Debug, Clone)]
struct Entry {
    id: String,
    body: String,
    story: i64,
    days: Option<(i64, i64)>,
    passages: Vec<i64>,
}

/// A [`CorpusIndex`] in memory, filled with [`MemoryIndex::apply`] from the
/// same rows the store writes. Documents are numbered 1, 2, 3… in the order
/// they come.
#[derive(Debug, Clone)]
pub struct MemoryIndex {
    docs: HashMap<i64, Entry>,
    shas: HashMap<String, i64>,
    order: Vec<i64>,
    passages: HashMap<i64, StoredPassage>,
    clusters: HashMap<i64, Vec<i64>>,
    bands: HashMap<i64, Vec<i64>>,
    fingerprints: HashMap<i64, i64>,
    df: HashMap<i64, u64>,
    postings: HashMap<i64, Vec<i64>>,
    stories: HashMap<i64, StoryRow>,
    /// The number of the next document, and the step to the one after.
    next: i64,
    step: i64,
}

impl Default for MemoryIndex {
    fn default() -> MemoryIndex {
        MemoryIndex::numbered(1, 1)
    }
}

impl MemoryIndex {
    /// An empty index.
    pub fn new() -> MemoryIndex {
        MemoryIndex::default()
    }

    /// An empty index numbering its documents from `first` by `step`.
    pub(crate) fn numbered(first: i64, step: i64) -> MemoryIndex {
        MemoryIndex {
            docs: HashMap::new(),
            shas: HashMap::new(),
            order: Vec::new(),
            passages: HashMap::new(),
            clusters: HashMap::new(),
            bands: HashMap::new(),
            fingerprints: HashMap::new(),
            df: HashMap::new(),
            postings: HashMap::new(),
            stories: HashMap::new(),
            next: first,
            step,
        }
    }

    /// How many documents it holds.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether it holds no document.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Takes in a batch as [`chronicle_store::Store::put_batch_with_corpus`]
    /// would: each record not yet held, with its corpus rows, and the
    /// stories' new state.
    pub fn apply(&mut self, records: &[Record], rows: &CorpusRows) {
        for row in &rows.documents {
            if self.shas.contains_key(&row.sha256) {
                continue;
            }
            if let Some(r) = records.iter().find(|r| r.sha256 == row.sha256) {
                self.add(&r.id, &r.body, row);
            }
        }
        for s in &rows.stories {
            self.put_story(s.clone());
        }
    }

    /// Adds one document with its rows; returns its number.
    pub(crate) fn add(&mut self, id: &str, body: &str, row: &CorpusDocumentRow) -> i64 {
        let doc = self.next;
        self.next += self.step;
        self.order.push(doc);
        self.shas.insert(row.sha256.clone(), doc);
        for p in &row.passages {
            self.passages.insert(
                p.id,
                StoredPassage {
                    id: p.id,
                    doc,
                    start: p.start,
                    end: p.end,
                    cluster: p.cluster,
                },
            );
            self.clusters.entry(p.cluster).or_default().push(p.id);
            for &b in &p.bands {
                self.bands.entry(b).or_default().push(p.id);
            }
        }
        self.fingerprints.insert(row.fingerprint, doc);
        for &t in &row.vocabulary {
            *self.df.entry(t).or_insert(0) += 1;
        }
        for &t in &row.postings {
            self.postings.entry(t).or_default().push(doc);
        }
        self.docs.insert(
            doc,
            Entry {
                id: id.to_string(),
                body: body.to_string(),
                story: row.story,
                days: row.days,
                passages: row.passages.iter().map(|p| p.id).collect(),
            },
        );
        doc
    }

    /// Sets a story's state.
    pub(crate) fn put_story(&mut self, story: StoryRow) {
        self.stories.insert(story.id, story);
    }

    /// Every story it holds, in no order.
    pub(crate) fn story_rows(&self) -> impl Iterator<Item = &StoryRow> {
        self.stories.values()
    }

    /// The position of a document in arrival order (for "most recent first").
    fn rank(&self, doc: i64) -> i64 {
        (doc - self.order.first().copied().unwrap_or(doc)) * self.step
    }
}

impl CorpusIndex for MemoryIndex {
    fn band_hits(&self, bands: &[i64], per_band: usize) -> Result<Vec<(i64, i64)>, CorpusError> {
        let mut out = Vec::new();
        for &b in bands {
            if let Some(ids) = self.bands.get(&b) {
                out.extend(ids.iter().rev().take(per_band).map(|&p| (b, p)));
            }
        }
        Ok(out)
    }

    fn cluster_members(
        &self,
        cluster: i64,
        limit: usize,
    ) -> Result<Vec<StoredPassage>, CorpusError> {
        let mut members: Vec<StoredPassage> = self
            .clusters
            .get(&cluster)
            .map(|ids| {
                ids.iter()
                    .filter_map(|id| self.passages.get(id).cloned())
                    .collect()
            })
            .unwrap_or_default();
        members.sort_by_key(|p| std::cmp::Reverse(self.rank(p.doc)));
        members.truncate(limit);
        Ok(members)
    }

    fn document(&self, doc: i64) -> Result<Option<StoredDocument>, CorpusError> {
        Ok(self.docs.get(&doc).map(|e| {
            let mut passages: Vec<StoredPassage> = e
                .passages
                .iter()
                .filter_map(|id| self.passages.get(id).cloned())
                .collect();
            passages.sort_by_key(|p| p.start);
            StoredDocument {
                doc,
                id: e.id.clone(),
                body: e.body.clone(),
                story: Some(e.story),
                days: e.days,
                passages,
            }
        }))
    }

    fn fingerprint(&self, fingerprint: i64) -> Result<Option<i64>, CorpusError> {
        Ok(self.fingerprints.get(&fingerprint).copied())
    }

    fn frequencies(&self, terms: &[i64]) -> Result<(u64, Vec<u64>), CorpusError> {
        Ok((
            self.order.len() as u64,
            terms
                .iter()
                .map(|t| self.df.get(t).copied().unwrap_or(0))
                .collect(),
        ))
    }

    fn postings(&self, term: i64, limit: usize) -> Result<Vec<i64>, CorpusError> {
        Ok(self
            .postings
            .get(&term)
            .map(|docs| docs.iter().rev().take(limit).copied().collect())
            .unwrap_or_default())
    }

    fn stories_of(&self, docs: &[i64]) -> Result<Vec<(i64, i64)>, CorpusError> {
        Ok(docs
            .iter()
            .filter_map(|d| self.docs.get(d).map(|e| (*d, e.story)))
            .collect())
    }

    fn stories(&self, ids: &[i64]) -> Result<Vec<StoryRow>, CorpusError> {
        Ok(ids
            .iter()
            .filter_map(|id| self.stories.get(id).cloned())
            .collect())
    }
}

/// The documents of a batch annotated so far, over the index of those stored
/// before: what a new document is compared with.
pub(crate) struct Layered<'a> {
    pub(crate) base: &'a dyn CorpusIndex,
    pub(crate) top: MemoryIndex,
}

impl CorpusIndex for Layered<'_> {
    fn band_hits(&self, bands: &[i64], per_band: usize) -> Result<Vec<(i64, i64)>, CorpusError> {
        let mut hits = self.top.band_hits(bands, per_band)?;
        hits.extend(self.base.band_hits(bands, per_band)?);
        Ok(hits)
    }

    fn cluster_members(
        &self,
        cluster: i64,
        limit: usize,
    ) -> Result<Vec<StoredPassage>, CorpusError> {
        let mut members = self.top.cluster_members(cluster, limit)?;
        if members.len() < limit {
            members.extend(self.base.cluster_members(cluster, limit - members.len())?);
        }
        Ok(members)
    }

    fn document(&self, doc: i64) -> Result<Option<StoredDocument>, CorpusError> {
        if doc < 0 {
            self.top.document(doc)
        } else {
            self.base.document(doc)
        }
    }

    fn fingerprint(&self, fingerprint: i64) -> Result<Option<i64>, CorpusError> {
        match self.top.fingerprint(fingerprint)? {
            Some(d) => Ok(Some(d)),
            None => self.base.fingerprint(fingerprint),
        }
    }

    fn frequencies(&self, terms: &[i64]) -> Result<(u64, Vec<u64>), CorpusError> {
        let (n, mut dfs) = self.base.frequencies(terms)?;
        let (m, more) = self.top.frequencies(terms)?;
        for (d, x) in dfs.iter_mut().zip(more) {
            *d += x;
        }
        Ok((n + m, dfs))
    }

    fn postings(&self, term: i64, limit: usize) -> Result<Vec<i64>, CorpusError> {
        let mut docs = self.top.postings(term, limit)?;
        if docs.len() < limit {
            docs.extend(self.base.postings(term, limit - docs.len())?);
        }
        Ok(docs)
    }

    fn stories_of(&self, docs: &[i64]) -> Result<Vec<(i64, i64)>, CorpusError> {
        let (top, base): (Vec<i64>, Vec<i64>) = docs.iter().partition(|&&d| d < 0);
        let mut out = self.top.stories_of(&top)?;
        if !base.is_empty() {
            out.extend(self.base.stories_of(&base)?);
        }
        Ok(out)
    }

    fn stories(&self, ids: &[i64]) -> Result<Vec<StoryRow>, CorpusError> {
        let mut found = self.top.stories(ids)?;
        let rest: Vec<i64> = ids
            .iter()
            .copied()
            .filter(|id| !found.iter().any(|s| s.id == *id))
            .collect();
        if !rest.is_empty() {
            found.extend(self.base.stories(&rest)?);
        }
        Ok(found)
    }
}
