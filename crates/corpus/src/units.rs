//! The units compared between documents: sentences long enough to tell a
//! copy from a stock phrase, each with the shingles of its folded words.

use chronicle_model::Document;
use chronicle_store::StoredDocument;

use crate::config::CorpusConfig;
use crate::words;

/// A sentence of a body with its shingles.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Unit {
    /// Byte offset of its start in the body.
    pub(crate) start: usize,
    /// Byte offset one past its end.
    pub(crate) end: usize,
    /// The number of its paragraph (paragraphs are separated by `\n`).
    pub(crate) paragraph: usize,
    /// Its sorted, distinct shingle hashes.
    pub(crate) shingles: Vec<u64>,
    /// The cluster it belongs to, for a stored sentence.
    pub(crate) cluster: Option<i64>,
}

impl Unit {
    /// Its length in bytes.
    pub(crate) fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
}

/// The units of spans of `body`, in order, keeping those with enough
/// shingles (and a cluster each, for stored ones).
fn build(
    body: &str,
    spans: impl Iterator<Item = (usize, usize, Option<i64>)>,
    config: &CorpusConfig,
) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut paragraph = 0;
    let mut counted = 0;
    for (start, end, cluster) in spans {
        let Some(text) = body.get(start..end) else {
            continue;
        };
        if start < counted {
            // Spans out of order: count from the beginning again.
            paragraph = 0;
            counted = 0;
        }
        paragraph += body
            .get(counted..start)
            .map_or(0, |s| s.bytes().filter(|&b| b == b'\n').count());
        counted = start;
        let shingles = words::shingles(text, config.shingle);
        if shingles.len() >= config.min_shingles {
            units.push(Unit {
                start,
                end,
                paragraph,
                shingles,
                cluster,
            });
        }
    }
    units
}

/// Sentence spans of a body without sentences from the pipeline: a stop
/// (`.`, `!`, `?`, `…`) followed by a space ends a sentence, and so does the
/// end of a paragraph.
fn fallback_sentences(body: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut offset = 0;
    for paragraph in body.split('\n') {
        let mut start = 0;
        let bytes = paragraph.as_bytes();
        for (i, c) in paragraph.char_indices() {
            let stop = matches!(c, '.' | '!' | '?' | '…');
            let next = i + c.len_utf8();
            if stop && bytes.get(next).is_none_or(|b| b.is_ascii_whitespace()) {
                spans.push((offset + start, offset + next));
                start = next;
            }
        }
        if !paragraph[start..].trim().is_empty() {
            spans.push((offset + start, offset + paragraph.len()));
        }
        offset += paragraph.len() + 1;
    }
    // Leading spaces out of each span.
    spans
        .into_iter()
        .filter_map(|(s, e)| {
            let text = body.get(s..e)?;
            let lead = text.len() - text.trim_start().len();
            let trail = text.len() - text.trim_end().len();
            (s + lead < e - trail).then_some((s + lead, e - trail))
        })
        .collect()
}

/// The units of a document being annotated: its sentences from the pipeline,
/// else sentences found by a simple rule.
pub(crate) fn of_document(doc: &Document, config: &CorpusConfig) -> Vec<Unit> {
    if doc.sentences.is_empty() {
        let spans = fallback_sentences(&doc.body);
        build(
            &doc.body,
            spans.into_iter().map(|(s, e)| (s, e, None)),
            config,
        )
    } else {
        build(
            &doc.body,
            doc.sentences
                .iter()
                .map(|s| (s.span.start, s.span.end, None)),
            config,
        )
    }
}

/// The units of a stored document: its passages.
pub(crate) fn of_stored(doc: &StoredDocument, config: &CorpusConfig) -> Vec<Unit> {
    build(
        &doc.body,
        doc.passages
            .iter()
            .map(|p| (p.start, p.end, Some(p.cluster))),
        config,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_sentences_end_at_stops_and_paragraphs() {
        let body =
            "Première phrase ici. Deuxième phrase !\nUn paragraphe sans point\n\n M. Dupont.";
        let spans = fallback_sentences(body);
        let texts: Vec<&str> = spans.iter().map(|&(s, e)| &body[s..e]).collect();
        assert_eq!(
            texts,
            [
                "Première phrase ici.",
                "Deuxième phrase !",
                "Un paragraphe sans point",
                "M.",
                "Dupont."
            ]
        );
    }

    #[test]
    fn short_sentences_are_not_units_and_paragraphs_are_counted() {
        let config = CorpusConfig::default();
        let long =
            "Le gouvernement chinois a déjà utilisé cette formule pour justifier la répression.";
        let body = format!("Court.\n{long} Encore court.\n{long}");
        let doc = Document {
            body,
            ..Document::default()
        };
        let units = of_document(&doc, &config);
        assert_eq!(units.len(), 2);
        assert_eq!((units[0].paragraph, units[1].paragraph), (1, 2));
        assert_eq!(&doc.body[units[1].start..units[1].end], long);
    }
}
