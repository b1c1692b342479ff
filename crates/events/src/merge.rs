//! The document-level pass over the coded events: text order, one event per
//! act told twice in a sentence, one direction per meeting, and the date of
//! an act restated later with its day.

use crate::coder::Coded;
use crate::dates::Origin;

/// The document's events in text order, merged.
pub(crate) fn merge(mut coded: Vec<Coded>) -> Vec<Coded> {
    coded.sort_by_key(|c| c.at);
    // the same act found twice in one sentence (by a verb and its noun)
    let mut out: Vec<Coded> = Vec::with_capacity(coded.len());
    for c in coded {
        let twice = out.iter().any(|o| {
            o.sentence == c.sentence
                && o.event.kind == c.event.kind
                && o.source_key == c.source_key
                && o.target_key == c.target_key
                && o.event.negated == c.event.negated
        });
        if !twice {
            out.push(c);
        }
    }
    // a meeting is mutual: keep the direction the document first gave it
    for i in 0..out.len() {
        if out[i].event.kind != "CONSULT" {
            continue;
        }
        let reversed = out[..i].iter().any(|o| {
            o.event.kind == "CONSULT"
                && o.source_key == out[i].target_key
                && o.target_key == out[i].source_key
        });
        if reversed {
            let c = &mut out[i];
            std::mem::swap(&mut c.event.source, &mut c.event.target);
            std::mem::swap(&mut c.source_key, &mut c.target_key);
        }
    }
    // an act told first with no date (as a noun) takes the date of its
    // restatement
    for i in 0..out.len() {
        if out[i].event.date.is_some() {
            continue;
        }
        let later = out[i + 1..].iter().find(|o| {
            o.event.date.is_some()
                && o.event.kind == out[i].event.kind
                && o.source_key == out[i].source_key
                && o.target_key == out[i].target_key
                && o.event.negated == out[i].event.negated
        });
        if let Some(o) = later {
            let (date, origin) = (o.event.date.clone(), o.origin);
            out[i].event.date = date;
            out[i].origin = origin;
        }
    }
    // an act dated by its tense and told again with its day takes that day
    for i in 0..out.len() {
        if out[i].origin != Some(Origin::Tense) {
            continue;
        }
        let later = out[i + 1..].iter().find(|o| {
            o.origin == Some(Origin::Text)
                && o.lemma == out[i].lemma
                && o.event.kind == out[i].event.kind
                && o.source_key == out[i].source_key
                && o.target_key == out[i].target_key
                && o.event.negated == out[i].event.negated
        });
        if let Some(date) = later.and_then(|o| o.event.date.clone()) {
            out[i].event.date = Some(date);
            out[i].origin = Some(Origin::Text);
        }
    }
    // an act in the past dated only by the publication, between the two
    // sides of an earlier meeting in person the text gave a day ("X a reçu
    // mardi Y … X a demandé à Y de …"), is of that meeting; another
    // meeting, or a call, may be a new one
    for i in 0..out.len() {
        if out[i].origin != Some(Origin::Tense)
            || !out[i].past
            || out[i].event.kind == "CONSULT"
            || out[i].source_key == out[i].target_key
        {
            continue;
        }
        let pair = |o: &Coded| {
            (o.source_key == out[i].source_key && o.target_key == out[i].target_key)
                || (o.source_key == out[i].target_key && o.target_key == out[i].source_key)
        };
        let before = out[..i].iter().rev().find(|o| {
            pair(o)
                && o.event.kind == "CONSULT"
                && o.event.mode.as_deref() != Some("phone")
                && o.origin == Some(Origin::Text)
                && o.event
                    .date
                    .as_ref()
                    .is_some_and(|d| d.precision == chronicle_model::Precision::Day)
        });
        if let Some(date) = before.and_then(|o| o.event.date.clone()) {
            out[i].event.date = Some(date);
            out[i].origin = Some(Origin::Text);
        }
    }
    out
}
