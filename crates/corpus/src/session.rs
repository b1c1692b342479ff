//! A batch of documents going through the corpus stage: each compared with
//! the stored documents and with the batch's earlier ones, and the rows to
//! store with them gathered.

use std::collections::{HashMap, HashSet};

use chronicle_model::{Document, Duplicate};
use chronicle_store::{CorpusDocumentRow, CorpusRows, PassageRow, day_range};

use crate::corpus::Corpus;
use crate::error::CorpusError;
use crate::hash;
use crate::index::CorpusIndex;
use crate::memory::{Layered, MemoryIndex};
use crate::passages;
use crate::stories::{self, Evidence};
use crate::terms;
use crate::units::{self, Unit};
use crate::{actors, words};

/// One batch through the corpus stage. Annotate its documents in input
/// order with [`Session::annotate`], then take the rows to store with
/// [`Session::finish`] and write them with the records
/// ([`chronicle_store::Store::put_batch_with_corpus`]).
pub struct Session<'a> {
    corpus: &'a Corpus,
    index: Layered<'a>,
    rows: Vec<CorpusDocumentRow>,
}

/// The hash of a body's folded words in order (0 for a body without words).
fn fingerprint(body: &str) -> i64 {
    let mut h = 0u64;
    let mut any = false;
    words::each(body, |w, _| {
        any = true;
        h = hash::combine(h, hash::bytes(w.as_bytes()));
    });
    if any { h as i64 } else { 0 }
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

impl<'a> Session<'a> {
    pub(crate) fn new(corpus: &'a Corpus, base: &'a dyn CorpusIndex) -> Session<'a> {
        Session {
            corpus,
            index: Layered {
                base,
                top: MemoryIndex::numbered(-1, -1),
            },
            rows: Vec::new(),
        }
    }

    /// Fills `doc.duplicates` with the passages it shares with documents
    /// indexed before it (stored ones and earlier ones of this session), one
    /// per paragraph and other document, or a single whole-body duplicate when
    /// it is a copy of another document; and chooses its story. Reads the
    /// body, paragraphs, sentences (when the pipeline found them), title,
    /// publication date, entities and events. Fails only when the index does.
    pub fn annotate(&mut self, doc: &mut Document) -> Result<(), CorpusError> {
        let corpus = self.corpus;
        let config = corpus.config();
        let key = if doc.sha256.is_empty() {
            doc.id.clone()
        } else {
            doc.sha256.clone()
        };
        let units = units::of_document(doc, config);
        let fingerprint = fingerprint(&doc.body);
        let bands: Vec<Vec<i64>> = units
            .iter()
            .map(|u| {
                corpus
                    .hasher()
                    .band_keys(&corpus.hasher().signature(&u.shingles))
            })
            .collect();

        let candidates = self.candidates(&bands, fingerprint)?;
        let exact = candidates.1;
        let mut duplicates = Vec::new();
        let mut shared: HashMap<i64, Vec<(usize, usize)>> = HashMap::new();
        let mut joins: Vec<Option<(f64, i64)>> = vec![None; units.len()];
        for other_doc in candidates.0 {
            let Some(other) = self.index.document(other_doc)? else {
                continue;
            };
            let theirs = units::of_stored(&other, config);
            let matches = passages::align(&units, &theirs, config);
            for m in &matches {
                let cluster = theirs.get(m.j).and_then(|u| u.cluster);
                if let Some(c) = cluster
                    && m.similarity >= config.join_similarity
                    && joins[m.i].is_none_or(|(s, _)| m.similarity > s)
                {
                    joins[m.i] = Some((m.similarity, c));
                }
            }
            let is_exact = exact == Some(other_doc);
            if matches.is_empty() && !is_exact {
                continue;
            }
            let mut mine: Vec<(usize, usize)> =
                matches.iter().map(|m| (m.i, units[m.i].len())).collect();
            if is_exact {
                mine = units
                    .iter()
                    .enumerate()
                    .map(|(i, u)| (i, u.len()))
                    .collect();
            }
            shared.insert(other_doc, mine);
            // Whole bodies, not just their compared sentences, must be
            // covered: a short article made of one copied paragraph and a
            // few lines of its own is not a copy.
            let share = |bytes: usize, body: &str| bytes as f64 / body.trim().len().max(1) as f64;
            let whole = is_exact
                || (share(passages::covered(&units, &matches, true), &doc.body)
                    >= config.whole_document
                    && share(passages::covered(&theirs, &matches, false), &other.body)
                        >= config.whole_document);
            if whole {
                let weight: usize = matches.iter().map(|m| units[m.i].len()).sum();
                let similarity = if is_exact || weight == 0 {
                    1.0
                } else {
                    matches
                        .iter()
                        .map(|m| m.similarity * units[m.i].len() as f64)
                        .sum::<f64>()
                        / weight as f64
                };
                duplicates.push(Duplicate {
                    document: other.id.clone(),
                    start: 0,
                    end: doc.body.len(),
                    similarity: round(similarity),
                });
            } else {
                for run in passages::runs(&units, &matches, config) {
                    duplicates.push(Duplicate {
                        document: other.id.clone(),
                        start: run.start,
                        end: run.end,
                        similarity: round(run.similarity),
                    });
                }
            }
        }
        duplicates.sort_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then(b.similarity.total_cmp(&a.similarity))
                .then_with(|| a.document.cmp(&b.document))
        });
        duplicates.truncate(config.max_duplicates);
        doc.duplicates = duplicates;

        let passages = units
            .iter()
            .zip(bands)
            .zip(&joins)
            .map(|((u, bands), join)| {
                let id = hash::timed_id("passage", &format!("{key}:{}:{}", u.start, u.end));
                match join {
                    Some((similarity, cluster)) => PassageRow {
                        id,
                        start: u.start,
                        end: u.end,
                        cluster: *cluster,
                        similarity: round(*similarity),
                        bands: Vec::new(),
                    },
                    None => PassageRow {
                        id,
                        start: u.start,
                        end: u.end,
                        cluster: id,
                        similarity: 1.0,
                        bands,
                    },
                }
            })
            .collect();

        // The story.
        let actors = actors::of(doc, corpus.knowledge_base());
        let terms = terms::of(doc, &actors, corpus.stopwords(), config);
        let ids: Vec<i64> = terms.iter().map(|t| t.id).collect();
        let (n, dfs) = self.index.frequencies(&ids)?;
        let known: HashSet<i64> = ids
            .iter()
            .zip(&dfs)
            .filter(|(_, df)| **df > 0)
            .map(|(id, _)| *id)
            .collect();
        let dfs: Vec<u64> = dfs.iter().map(|d| d + 1).collect();
        let vector = terms::weigh(&terms, n + 1, &dfs);
        let stored = terms::top(&vector, config.stored_terms);
        let days = doc.published.as_ref().and_then(|p| day_range(&p.value));
        let evidence = Evidence {
            vector: &vector,
            stored: &stored,
            known: vector
                .iter()
                .map(|(id, _)| *id)
                .filter(|id| known.contains(id))
                .collect(),
            shared: &shared,
            unit_bytes: units.iter().map(Unit::len).sum(),
            days,
            actors: &actors,
            new_story: hash::id("story", &key),
        };
        let story = stories::assign(&self.index, &evidence, config)?;

        let row = CorpusDocumentRow {
            sha256: doc.sha256.clone(),
            story: story.id,
            days,
            fingerprint,
            terms: terms::encode(&stored),
            vocabulary: ids,
            postings: vector
                .iter()
                .take(config.posting_terms)
                .map(|(id, _)| *id)
                .collect(),
            passages,
        };
        self.index.top.add(&doc.id, &doc.body, &row);
        self.index.top.put_story(story);
        self.rows.push(row);
        Ok(())
    }

    /// The documents worth aligning with: those sharing band keys with most
    /// of the new document's sentences (through the clusters the keys lead
    /// to), and the one with the same fingerprint, returned apart.
    fn candidates(
        &self,
        bands: &[Vec<i64>],
        fingerprint: i64,
    ) -> Result<(Vec<i64>, Option<i64>), CorpusError> {
        let config = self.corpus.config();
        let mut units_of_band: HashMap<i64, Vec<usize>> = HashMap::new();
        for (i, keys) in bands.iter().enumerate() {
            for &k in keys {
                units_of_band.entry(k).or_default().push(i);
            }
        }
        let mut all: Vec<i64> = units_of_band.keys().copied().collect();
        all.sort_unstable();
        // For each cluster, the new document's sentences that hit it, with
        // how many band keys each shares with it.
        let mut units_of_cluster: HashMap<i64, HashMap<usize, usize>> = HashMap::new();
        for (band, passage) in self.index.band_hits(&all, config.per_band)? {
            if let Some(us) = units_of_band.get(&band) {
                let hits = units_of_cluster.entry(passage).or_default();
                for &u in us {
                    *hits.entry(u).or_insert(0) += 1;
                }
            }
        }
        let mut clusters: Vec<(i64, HashMap<usize, usize>)> =
            units_of_cluster.into_iter().collect();
        clusters.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        clusters.truncate(config.max_clusters);
        // For each document, the sentences it may share and the band keys
        // behind them.
        let mut units_of_doc: HashMap<i64, (HashSet<usize>, usize)> = HashMap::new();
        for (cluster, us) in &clusters {
            for m in self
                .index
                .cluster_members(*cluster, config.members_per_cluster)?
            {
                let entry = units_of_doc.entry(m.doc).or_default();
                entry.0.extend(us.keys());
                entry.1 += us.values().sum::<usize>();
            }
        }
        let exact = if fingerprint == 0 {
            None
        } else {
            self.index.fingerprint(fingerprint)?
        };
        // One band key in common is often chance (a stock phrase); two are
        // rarely.
        let mut docs: Vec<(i64, HashSet<usize>)> = units_of_doc
            .into_iter()
            .filter(|(d, (_, bands))| Some(*d) != exact && *bands >= config.min_band_hits)
            .map(|(d, (us, _))| (d, us))
            .collect();
        // Most shared first, then most recent (pending documents are the
        // most recent of all), so that the choice below is deterministic.
        docs.sort_by(|a, b| {
            b.1.len()
                .cmp(&a.1.len())
                .then((a.0 < 0).cmp(&(b.0 < 0)).reverse())
                .then(b.0.abs().cmp(&a.0.abs()))
        });
        // A greedy cover: each next document is the one sharing most
        // sentences not yet covered, so that every sentence with a hit is
        // aligned with a document of its cluster (and joins it) before the
        // limit; then the most shared of the rest.
        let limit = config.max_candidates.max(1);
        let mut out: Vec<i64> = exact.into_iter().collect();
        let mut covered: HashSet<usize> = HashSet::new();
        while out.len() < limit && !docs.is_empty() {
            let best = docs
                .iter()
                .enumerate()
                .max_by(|(i, a), (j, b)| {
                    let gain = |us: &HashSet<usize>| us.difference(&covered).count();
                    gain(&a.1).cmp(&gain(&b.1)).then(j.cmp(i))
                })
                .map(|(i, _)| i);
            let Some(i) = best else { break };
            let (doc, us) = docs.remove(i);
            covered.extend(us);
            out.push(doc);
        }
        Ok((out, exact))
    }

    /// The rows of the documents annotated so far, in order.
    pub fn rows(&self) -> &[CorpusDocumentRow] {
        &self.rows
    }

    /// The rows to write with the batch's records: one per annotated
    /// document, and the new state of every story the batch touched.
    pub fn finish(self) -> CorpusRows {
        let mut stories: Vec<_> = self.index.top.story_rows().cloned().collect();
        stories.sort_by_key(|s| s.id);
        CorpusRows {
            documents: self.rows,
            stories,
        }
    }
}
