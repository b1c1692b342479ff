//! The actors a document names: its entities when the link stage ran, else
//! the names the knowledge base finds in its body.

use std::collections::HashMap;

use chronicle_kb::{Candidate, KnowledgeBase};
use chronicle_model::Document;
use chronicle_store::StoryActor;

/// The actors of a document with their mention counts, most mentioned first.
pub(crate) fn of(doc: &Document, kb: Option<&KnowledgeBase>) -> Vec<StoryActor> {
    let mut counts: HashMap<(Option<String>, String), u64> = HashMap::new();
    if !doc.entities.is_empty() {
        for e in &doc.entities {
            let n = e.mentions.len().max(1) as u64;
            *counts.entry((e.id.clone(), e.name.clone())).or_insert(0) += n;
        }
    } else if let Some(kb) = kb {
        for m in kb.find(&doc.body) {
            let actor = m.candidates.iter().find_map(|c| match c {
                Candidate::Actor { actor, .. } => Some(*actor),
                Candidate::Role(_) => None,
            });
            if let Some(a) = actor {
                let name = a.name_fr().unwrap_or(a.name()).to_string();
                *counts.entry((Some(a.id().to_string()), name)).or_insert(0) += 1;
            }
        }
    }
    let mut out: Vec<StoryActor> = counts
        .into_iter()
        .map(|((id, name), mentions)| StoryActor { id, name, mentions })
        .collect();
    sort(&mut out);
    out
}

/// Most mentioned first, then by name.
pub(crate) fn sort(actors: &mut [StoryActor]) {
    actors.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.name.cmp(&b.name))
    });
}

/// Adds a document's actors to a story's, keeping the `keep` most mentioned.
pub(crate) fn merge(story: &mut Vec<StoryActor>, doc: &[StoryActor], keep: usize) {
    for a in doc {
        match story
            .iter_mut()
            .find(|s| s.id == a.id && (s.id.is_some() || s.name == a.name))
        {
            Some(s) => s.mentions += a.mentions,
            None => story.push(a.clone()),
        }
    }
    sort(story);
    story.truncate(keep);
}

/// The key of an actor in term vectors.
pub(crate) fn key(a: &StoryActor) -> &str {
    a.id.as_deref().unwrap_or(&a.name)
}
