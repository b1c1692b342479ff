//! Which element of a page holds the article, and the text measures used to
//! choose it: characters outside links and outside boilerplate, so link lists
//! weigh nothing.

use std::collections::HashMap;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

use super::boilerplate::{SILENT, class_reason, hidden, is_article_body, tag_reason};

/// The `<body>`, or the document element when there is none.
pub(super) fn body_of(doc: &Html) -> ElementRef<'_> {
    let html = doc.root_element();
    html.child_elements()
        .find(|e| e.value().name() == "body")
        .unwrap_or(html)
}

/// Whether scoring ignores an element and what it holds: silent, hidden, or
/// boilerplate by tag or class.
fn pruned(e: &Element) -> bool {
    SILENT.contains(&e.name())
        || e.name() == "figure"
        || hidden(e)
        || (!is_article_body(e) && (tag_reason(e).is_some() || class_reason(e).is_some()))
}

/// Characters of an element's text that are not white space, not inside a link
/// and not inside a pruned element.
pub(super) fn content_len(el: ElementRef<'_>) -> usize {
    let mut n = 0;
    let mut links = 0usize;
    let mut skip: Option<NodeId> = None;
    for edge in el.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) if links == 0 => {
                        n += t.chars().filter(|c| !c.is_whitespace()).count();
                    }
                    Node::Element(e) if node.id() != el.id() => {
                        if pruned(e) {
                            skip = Some(node.id());
                        } else if e.name() == "a" {
                            links += 1;
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skip.is_some() {
                    if skip == Some(node.id()) {
                        skip = None;
                    }
                    continue;
                }
                if let Node::Element(e) = node.value()
                    && e.name() == "a"
                    && node.id() != el.id()
                {
                    links = links.saturating_sub(1);
                }
            }
        }
    }
    n
}

/// The element holding the article: the `[itemprop=articleBody]`, else the
/// largest `<article>`, else `<main>`, unless an element outside it holds more
/// than twice its text (a page whose `<article>` tags are teasers); with none of
/// them, the densest element; else the body.
pub(super) fn choose_root<'a>(body: ElementRef<'a>) -> ElementRef<'a> {
    let mut marked = Vec::new();
    let mut articles = Vec::new();
    let mut mains = Vec::new();
    for el in body.descendent_elements() {
        let e = el.value();
        if is_article_body(e) {
            marked.push(el);
        } else if e.name() == "article" {
            articles.push(el);
        } else if e.name() == "main" || e.attr("role").is_some_and(|r| r.trim() == "main") {
            mains.push(el);
        }
    }
    let largest = |v: Vec<ElementRef<'a>>| {
        v.into_iter()
            .map(|e| (content_len(e), e))
            .filter(|(n, _)| *n > 0)
            .max_by_key(|(n, _)| *n)
    };
    let semantic = largest(marked)
        .or_else(|| largest(articles))
        .or_else(|| largest(mains));
    let dense = densest(body);
    match (semantic, dense) {
        (Some((n, s)), Some(d)) => {
            if !within(d, s) && content_len(d) > 2 * n {
                d
            } else {
                s
            }
        }
        (Some((_, s)), None) => s,
        (None, Some(d)) => d,
        (None, None) => body,
    }
}

/// The element whose `<p>` children hold the most text (grandchildren count
/// half), as in text-density extractors.
fn densest(body: ElementRef<'_>) -> Option<ElementRef<'_>> {
    let mut index: HashMap<NodeId, usize> = HashMap::new();
    let mut scores: Vec<(usize, ElementRef<'_>)> = Vec::new();
    let mut skip: Option<NodeId> = None;
    for edge in body.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                let Some(el) = ElementRef::wrap(node) else {
                    continue;
                };
                if pruned(el.value()) {
                    skip = Some(node.id());
                    continue;
                }
                if el.value().name() != "p" {
                    continue;
                }
                let len = content_len(el);
                if len == 0 {
                    continue;
                }
                let mut up = el.parent().and_then(ElementRef::wrap);
                for weight in [2, 1] {
                    let Some(anc) = up else { break };
                    let i = *index.entry(anc.id()).or_insert_with(|| {
                        scores.push((0, anc));
                        scores.len() - 1
                    });
                    scores[i].0 += weight * len;
                    up = anc.parent().and_then(ElementRef::wrap);
                }
            }
            Edge::Close(node) => {
                if skip == Some(node.id()) {
                    skip = None;
                }
            }
        }
    }
    // The first of equal scores wins, so the choice does not depend on hashing.
    let mut best: Option<(usize, ElementRef<'_>)> = None;
    for (score, el) in scores {
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, el));
        }
    }
    best.map(|(_, el)| el)
}

/// Whether `inner` is `outer` or inside it.
fn within(inner: ElementRef<'_>, outer: ElementRef<'_>) -> bool {
    inner.id() == outer.id() || inner.ancestors().any(|a| a.id() == outer.id())
}

/// Whether a list is mostly links: two items or more, and at least 70% of its
/// text inside `<a>`.
pub(super) fn link_list(el: ElementRef<'_>) -> bool {
    let items = el
        .descendent_elements()
        .filter(|e| e.value().name() == "li")
        .count();
    if items < 2 {
        return false;
    }
    let mut total = 0usize;
    let mut linked = 0usize;
    for node in el.descendants() {
        if let Node::Text(t) = node.value() {
            let n = t.chars().filter(|c| !c.is_whitespace()).count();
            total += n;
            if node
                .ancestors()
                .take_while(|a| a.id() != el.id())
                .any(|a| a.value().as_element().is_some_and(|e| e.name() == "a"))
            {
                linked += n;
            }
        }
    }
    total > 0 && linked * 10 >= total * 7
}
