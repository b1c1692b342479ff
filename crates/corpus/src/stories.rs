//! Stories: documents about the same happening in the same days, built as
//! documents arrive. A new document joins the story it is closest to, if
//! close enough, else starts its own.
//!
//! Candidate stories come from index look-ups only: the stories of the
//! documents it shares passages with, and of the most recent documents filed
//! under its most distinctive known terms. Each candidate is judged on the
//! cosine of the document's vector with the story's centroid (the sum of its
//! documents' vectors) and on the share of the document found in passages
//! of the story's documents; a story whose days are more than a few days away
//! from the document's is not the same happening. When the document or the
//! story has no date the words must agree more.

use std::collections::{HashMap, HashSet};

use chronicle_store::{StoryActor, StoryRow};

use crate::actors;
use crate::config::CorpusConfig;
use crate::error::CorpusError;
use crate::index::CorpusIndex;
use crate::terms;

/// What a new document brings to the choice of its story.
pub(crate) struct Evidence<'a> {
    /// Its full vector, unit length, heaviest first.
    pub(crate) vector: &'a [(i64, f64)],
    /// The part of it that is stored.
    pub(crate) stored: &'a [(i64, f64)],
    /// Its terms known to the index before it, heaviest first.
    pub(crate) known: Vec<i64>,
    /// For each document it shares passages with, the bytes of its own units
    /// in those passages, by unit.
    pub(crate) shared: &'a HashMap<i64, Vec<(usize, usize)>>,
    /// The bytes of all its units.
    pub(crate) unit_bytes: usize,
    /// Its publication days.
    pub(crate) days: Option<(i64, i64)>,
    /// Its actors.
    pub(crate) actors: &'a [StoryActor],
    /// The id of the story it starts if it joins none.
    pub(crate) new_story: i64,
}

/// How many actors a story keeps.
const STORY_ACTORS: usize = 20;

/// Whether two day ranges are within `window` days of each other (unknown
/// days are compatible with anything).
fn compatible(a: Option<(i64, i64)>, b: Option<(i64, i64)>, window: i64) -> bool {
    match (a, b) {
        (Some((a0, a1)), Some((b0, b1))) => b0 <= a1 + window && a0 <= b1 + window,
        _ => true,
    }
}

fn union(a: Option<(i64, i64)>, b: Option<(i64, i64)>) -> Option<(i64, i64)> {
    match (a, b) {
        (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
        (x, None) | (None, x) => x,
    }
}

/// The story a document belongs to, as it is once the document is in it.
pub(crate) fn assign(
    index: &dyn CorpusIndex,
    ev: &Evidence<'_>,
    config: &CorpusConfig,
) -> Result<StoryRow, CorpusError> {
    // Documents that may be in the same story: those it shares passages
    // with, and those filed under its distinctive terms.
    let mut votes: HashMap<i64, usize> = HashMap::new();
    for &term in ev.known.iter().take(config.query_terms) {
        for doc in index.postings(term, config.per_term)? {
            *votes.entry(doc).or_insert(0) += 1;
        }
    }
    let mut by_votes: Vec<(i64, usize)> = votes.into_iter().collect();
    by_votes.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.abs().cmp(&a.0.abs())));
    let mut docs: Vec<i64> = ev.shared.keys().copied().collect();
    docs.sort_unstable();
    for (doc, _) in by_votes.into_iter().take(config.max_candidates) {
        if !docs.contains(&doc) {
            docs.push(doc);
        }
    }
    let story_of = index.stories_of(&docs)?;

    // The share of the document in passages shared with each story.
    let mut units_by_story: HashMap<i64, HashSet<(usize, usize)>> = HashMap::new();
    let mut order: Vec<i64> = Vec::new();
    for &(doc, story) in &story_of {
        if !order.contains(&story) {
            order.push(story);
        }
        let units = units_by_story.entry(story).or_default();
        if let Some(shared) = ev.shared.get(&doc) {
            units.extend(shared.iter().copied());
        }
    }
    let coverage = |story: i64| -> f64 {
        if ev.unit_bytes == 0 {
            return 0.0;
        }
        let bytes: usize = units_by_story
            .get(&story)
            .map_or(0, |u| u.iter().map(|&(_, len)| len).sum());
        bytes as f64 / ev.unit_bytes as f64
    };
    order.sort_by(|a, b| coverage(*b).total_cmp(&coverage(*a)));
    order.truncate(config.max_stories);

    let unit: HashMap<i64, f64> = ev.vector.iter().copied().collect();
    let mut best: Option<(f64, StoryRow)> = None;
    for story in index.stories(&order)? {
        if !compatible(story.days, ev.days, config.window_days) {
            continue;
        }
        let centroid = terms::decode(&story.centroid);
        let cosine = terms::cosine(&unit, &centroid);
        let cover = coverage(story.id);
        let threshold = if story.days.is_some() && ev.days.is_some() {
            config.join_dated
        } else {
            config.join_undated
        };
        let score = cosine + cover;
        if cosine < threshold && cover < config.join_coverage {
            continue;
        }
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, story));
        }
    }
    Ok(match best {
        Some((_, mut story)) => {
            let centroid = terms::decode(&story.centroid);
            story.centroid =
                terms::encode(&terms::add(&centroid, ev.stored, config.centroid_terms));
            story.size += 1;
            story.days = union(story.days, ev.days);
            actors::merge(&mut story.actors, ev.actors, STORY_ACTORS);
            story
        }
        None => {
            let mut actors = ev.actors.to_vec();
            actors.truncate(STORY_ACTORS);
            StoryRow {
                id: ev.new_story,
                days: ev.days,
                size: 1,
                centroid: terms::encode(ev.stored),
                actors,
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_ranges_meet_within_the_window() {
        assert!(compatible(Some((10, 10)), Some((13, 13)), 3));
        assert!(!compatible(Some((10, 10)), Some((14, 20)), 3));
        assert!(compatible(Some((10, 40)), Some((20, 20)), 0));
        assert!(compatible(None, Some((20, 20)), 0));
        assert_eq!(union(Some((5, 9)), Some((1, 6))), Some((1, 9)));
        assert_eq!(union(None, Some((1, 6))), Some((1, 6)));
    }
}
