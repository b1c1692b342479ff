//! The main text of a page: pick the element that holds the article, then walk
//! it block by block, keeping paragraphs, headings, quotes and list items, and
//! dropping (and listing) menus, share bars, related links, captions, credits
//! and bylines.
//!
//! The root is the `[itemprop=articleBody]`, else the largest `<article>`, else
//! `<main>`, unless some element outside it holds more than twice its text in
//! direct `<p>` children (a page whose `<article>` tags are teasers). Text is
//! measured as characters outside links, so link lists weigh nothing.

use std::collections::HashMap;

use chronicle_model::{Removal, RemovalReason};
use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

use super::boilerplate::{
    BLOCKS, HEADINGS, SILENT, class_reason, hidden, is_article_body, phrase_reason, tag_reason,
};

/// What the extractor found in a page.
pub(crate) struct Extracted<'a> {
    /// The paragraphs of the main text, in order.
    pub(crate) paragraphs: Vec<String>,
    /// What it dropped inside the article, with reasons.
    pub(crate) removed: Vec<Removal>,
    /// The first `<h1>` inside the article.
    pub(crate) headline: Option<String>,
    /// The element the article was read from.
    pub(crate) root: ElementRef<'a>,
}

/// Extracts the main text of a parsed page. When the chosen root gives no
/// paragraph, the whole `<body>` is walked instead.
pub(crate) fn extract(doc: &Html) -> Extracted<'_> {
    let body = body_of(doc);
    let root = choose_root(body);
    let found = run(root);
    if found.paragraphs.is_empty() && root.id() != body.id() {
        let whole = run(body);
        if !whole.paragraphs.is_empty() {
            return whole;
        }
    }
    found
}

fn run(root: ElementRef<'_>) -> Extracted<'_> {
    let mut walker = Walker::new(Mode::Article, content_len(root));
    walker.walk(root);
    Extracted {
        paragraphs: walker.paragraphs,
        removed: walker.removed,
        headline: walker.headline,
        root,
    }
}

/// The `<body>`, or the document element when there is none.
fn body_of(doc: &Html) -> ElementRef<'_> {
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
fn content_len(el: ElementRef<'_>) -> usize {
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

/// The element holding the article (see the module's documentation).
fn choose_root<'a>(body: ElementRef<'a>) -> ElementRef<'a> {
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
fn link_list(el: ElementRef<'_>) -> bool {
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

/// Whether the walker applies the boilerplate rules (`Article`) or takes all
/// the text of an element that was dropped (`Plain`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Article,
    Plain,
}

/// Walks a subtree in document order, building paragraphs from inline text and
/// closing one at every block boundary.
struct Walker {
    mode: Mode,
    root_len: usize,
    skip_tags: &'static [&'static str],
    /// Paragraphs shorter than this (in characters) are listed as metadata.
    min_chars: usize,
    paragraphs: Vec<String>,
    removed: Vec<Removal>,
    headline: Option<String>,
    cur: String,
    cur_link_chars: usize,
    cur_heading: bool,
    pending_space: bool,
    after_br: bool,
    link_depth: usize,
    heading_depth: usize,
    related_run: bool,
}

impl Walker {
    fn new(mode: Mode, root_len: usize) -> Self {
        Walker {
            mode,
            root_len,
            skip_tags: &[],
            min_chars: 0,
            paragraphs: Vec::new(),
            removed: Vec::new(),
            headline: None,
            cur: String::new(),
            cur_link_chars: 0,
            cur_heading: false,
            pending_space: false,
            after_br: false,
            link_depth: 0,
            heading_depth: 0,
            related_run: false,
        }
    }

    /// Walks what is inside `root` (its own tag is not looked at).
    fn walk(&mut self, root: ElementRef<'_>) {
        let mut skip: Option<NodeId> = None;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skip.is_some() || node.id() == root.id() {
                        continue;
                    }
                    match node.value() {
                        Node::Text(t) => self.text(t),
                        Node::Element(_) => {
                            if let Some(el) = ElementRef::wrap(node)
                                && !self.open(el)
                            {
                                skip = Some(node.id());
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
                    if node.id() == root.id() {
                        continue;
                    }
                    if let Node::Element(e) = node.value() {
                        self.close(e);
                    }
                }
            }
        }
        self.flush();
    }

    /// Enters an element; `false` means it was handled whole and its content is
    /// not to be walked.
    fn open(&mut self, el: ElementRef<'_>) -> bool {
        let e = el.value();
        let name = e.name();
        if SILENT.contains(&name) || hidden(e) || self.skip_tags.contains(&name) {
            return false;
        }
        if name == "br" {
            self.line_break();
            return false;
        }
        if self.mode == Mode::Article {
            if let Some(reason) = self.drop_reason(el) {
                self.drop(el, reason);
                return false;
            }
            match name {
                "h1" => {
                    self.flush();
                    let title = plain_text(el);
                    if !title.is_empty() {
                        if self.headline.is_none() {
                            self.headline = Some(title.clone());
                        }
                        self.removed.push(Removal {
                            text: title,
                            reason: RemovalReason::Title,
                        });
                    }
                    return false;
                }
                "figure" => {
                    self.flush();
                    self.figure(el);
                    return false;
                }
                "figcaption" => {
                    self.drop(el, RemovalReason::Caption);
                    return false;
                }
                "header" => {
                    self.flush();
                    self.header(el);
                    return false;
                }
                _ => {}
            }
        }
        if BLOCKS.contains(&name) {
            self.flush();
        }
        match name {
            "td" | "th" => self.pending_space = true,
            "a" | "button" if self.mode == Mode::Plain => self.pending_space = true,
            "a" => self.link_depth += 1,
            _ if HEADINGS.contains(&name) => self.heading_depth += 1,
            _ => {}
        }
        true
    }

    fn close(&mut self, e: &Element) {
        let name = e.name();
        match name {
            "td" | "th" => self.pending_space = true,
            "a" | "button" if self.mode == Mode::Plain => self.pending_space = true,
            "a" => self.link_depth = self.link_depth.saturating_sub(1),
            _ if HEADINGS.contains(&name) => {
                self.heading_depth = self.heading_depth.saturating_sub(1);
            }
            _ => {}
        }
        if BLOCKS.contains(&name) {
            self.flush();
        }
    }

    /// Why an element inside the article is dropped whole, if it is. Class-based
    /// and link-list rules spare an element holding over half the article.
    fn drop_reason(&self, el: ElementRef<'_>) -> Option<RemovalReason> {
        let e = el.value();
        if is_article_body(e) {
            return None;
        }
        if let Some(reason) = tag_reason(e) {
            return Some(reason);
        }
        let small = || content_len(el) * 2 <= self.root_len;
        if let Some(reason) = class_reason(e)
            && small()
        {
            return Some(reason);
        }
        if matches!(e.name(), "ul" | "ol") && link_list(el) && small() {
            return Some(RemovalReason::RelatedLinks);
        }
        None
    }

    /// Drops an element, listing its text under `reason`.
    fn drop(&mut self, el: ElementRef<'_>, reason: RemovalReason) {
        self.flush();
        let text = plain_text(el);
        if !text.is_empty() {
            self.removed.push(Removal { text, reason });
        }
    }

    /// A `<figure>`: its captions are listed as captions, any other text in it
    /// (photo credits, mostly) as credits when short, else as captions.
    fn figure(&mut self, el: ElementRef<'_>) {
        let mut other = Walker::new(Mode::Plain, 0);
        other.skip_tags = &["figcaption"];
        other.walk(el);
        for text in other.paragraphs {
            let reason = if text.chars().count() < 100 {
                RemovalReason::Credit
            } else {
                RemovalReason::Caption
            };
            self.removed.push(Removal { text, reason });
        }
        for cap in el
            .descendent_elements()
            .filter(|c| c.value().name() == "figcaption")
        {
            let text = plain_text(cap);
            if !text.is_empty() {
                self.removed.push(Removal {
                    text,
                    reason: RemovalReason::Caption,
                });
            }
        }
    }

    /// A `<header>` inside the article: the headline is taken, a long paragraph
    /// (100 characters or more: the standfirst) is kept, short lines (byline,
    /// date, kicker) are listed as metadata.
    fn header(&mut self, el: ElementRef<'_>) {
        let mut sub = Walker::new(Mode::Article, self.root_len);
        sub.min_chars = 100;
        sub.walk(el);
        if self.headline.is_none() {
            self.headline = sub.headline;
        }
        self.removed.append(&mut sub.removed);
        self.paragraphs.append(&mut sub.paragraphs);
    }

    fn line_break(&mut self) {
        if self.after_br {
            self.flush();
        } else {
            self.after_br = true;
            self.pending_space = true;
        }
    }

    /// Adds inline text, collapsing runs of ASCII white space to one space (a
    /// no-break space is kept as written).
    fn text(&mut self, t: &str) {
        for c in t.chars() {
            if c.is_ascii_whitespace() {
                self.pending_space = true;
                continue;
            }
            if self.pending_space && !self.cur.is_empty() {
                self.cur.push(' ');
            }
            self.pending_space = false;
            self.after_br = false;
            self.cur.push(c);
            if self.link_depth > 0 {
                self.cur_link_chars += 1;
            }
            if self.heading_depth > 0 {
                self.cur_heading = true;
            }
        }
    }

    /// Ends the current paragraph: keeps it, or in an article lists it as
    /// removed when its opening words or its links say it is boilerplate.
    fn flush(&mut self) {
        let raw = std::mem::take(&mut self.cur);
        let linked = std::mem::take(&mut self.cur_link_chars);
        let heading = std::mem::take(&mut self.cur_heading);
        self.pending_space = false;
        self.after_br = false;
        let text = raw.trim();
        if text.is_empty() {
            return;
        }
        let text = text.to_owned();
        if self.mode == Mode::Plain {
            self.paragraphs.push(text);
            return;
        }
        if let Some(reason) = phrase_reason(&text, heading) {
            self.related_run = reason == RemovalReason::RelatedLinks;
            self.removed.push(Removal { text, reason });
            return;
        }
        let chars = text.chars().count();
        if chars < self.min_chars {
            self.removed.push(Removal {
                text,
                reason: RemovalReason::Metadata,
            });
            return;
        }
        if !heading && chars < 80 && linked * 10 >= chars * 9 {
            let reason = if self.related_run {
                RemovalReason::RelatedLinks
            } else {
                RemovalReason::Navigation
            };
            self.removed.push(Removal { text, reason });
            return;
        }
        self.related_run = false;
        self.paragraphs.push(text);
    }
}

/// All the text of an element, its blocks joined by `\n`, with no rule applied.
fn plain_text(el: ElementRef<'_>) -> String {
    let mut w = Walker::new(Mode::Plain, 0);
    w.walk(el);
    w.paragraphs.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(html: &str) -> (Vec<String>, Vec<Removal>, Option<String>) {
        let doc = Html::parse_document(html);
        let x = extract(&doc);
        (x.paragraphs, x.removed, x.headline)
    }

    #[test]
    fn article_paragraphs_and_headings() {
        let (p, removed, headline) = paragraphs(
            "<html><body><nav><a href=/>Accueil</a></nav><article><h1>Le titre</h1>\
             <p>Premier  paragraphe,\n avec&nbsp;espace insécable et l&#8217;apostrophe.</p>\
             <h2>Un intertitre</h2><p>Second <b>paragraphe</b>.<br>Même paragraphe.</p>\
             <blockquote><p>« Une citation. »</p></blockquote><ul><li>Un point</li><li>Un autre point</li></ul>\
             </article></body></html>",
        );
        assert_eq!(
            p,
            vec![
                "Premier paragraphe, avec\u{a0}espace insécable et l’apostrophe.",
                "Un intertitre",
                "Second paragraphe. Même paragraphe.",
                "« Une citation. »",
                "Un point",
                "Un autre point",
            ]
        );
        assert_eq!(headline.as_deref(), Some("Le titre"));
        assert_eq!(removed.len(), 1);
        assert_eq!(removed[0].reason, RemovalReason::Title);
    }

    #[test]
    fn boilerplate_inside_the_article_is_listed() {
        let (p, removed, _) = paragraphs(
            "<body><article>\
             <div class=\"share-buttons\"><a href=#>Facebook</a> <a href=#>Twitter</a></div>\
             <p>Le texte de l’article, assez long pour compter comme un vrai paragraphe du corps.</p>\
             <figure><img src=a.jpg><span class=credit>Photo AFP</span><figcaption>Une légende.</figcaption></figure>\
             <p>Lire aussi : <a href=/x>Un autre article sans rapport</a></p>\
             <p>La suite du texte de l’article, elle aussi d’une longueur tout à fait honnête.</p>\
             <ul class=\"liste\"><li><a href=/a>Lien un</a></li><li><a href=/b>Lien deux</a></li></ul>\
             <aside><h3>Sur le même sujet</h3><a href=/y>Autre chose</a></aside>\
             </article></body>",
        );
        assert_eq!(p.len(), 2, "{p:?}");
        let reasons: Vec<(RemovalReason, &str)> = removed
            .iter()
            .map(|r| (r.reason, r.text.as_str()))
            .collect();
        assert_eq!(
            reasons,
            vec![
                (RemovalReason::Navigation, "Facebook Twitter"),
                (RemovalReason::Credit, "Photo AFP"),
                (RemovalReason::Caption, "Une légende."),
                (
                    RemovalReason::RelatedLinks,
                    "Lire aussi : Un autre article sans rapport"
                ),
                (RemovalReason::RelatedLinks, "Lien un\nLien deux"),
                (
                    RemovalReason::RelatedLinks,
                    "Sur le même sujet\nAutre chose"
                ),
            ]
        );
    }

    #[test]
    fn teaser_articles_lose_to_the_dense_block() {
        let long = "Un paragraphe du vrai texte, avec des mots et encore des mots pour peser. ";
        let html = format!(
            "<body><div class=story><p>{long}{long}</p><p>{long}{long}</p><p>{long}</p></div>\
             <article><p>Une brève en vitrine.</p></article></body>"
        );
        let (p, _, _) = paragraphs(&html);
        assert_eq!(p.len(), 3);
    }

    #[test]
    fn divs_with_double_breaks() {
        let (p, _, _) = paragraphs(
            "<body><div id=texte>Première ligne du texte qui est dans un div.<br><br>\
             Deuxième paragraphe séparé par deux sauts.</div></body>",
        );
        assert_eq!(
            p,
            vec![
                "Première ligne du texte qui est dans un div.",
                "Deuxième paragraphe séparé par deux sauts."
            ]
        );
    }

    #[test]
    fn standfirst_in_header_is_kept_byline_is_not() {
        let (p, removed, headline) = paragraphs(
            "<body><article><header><h1>Titre</h1>\
             <p class=chapo>Le chapô de l’article résume ce qui s’est passé en plus de cent caractères, pour que le lecteur sache.</p>\
             <p>Par Jeanne Martin</p></header><p>Le corps.</p></article></body>",
        );
        assert_eq!(headline.as_deref(), Some("Titre"));
        assert_eq!(p.len(), 2);
        assert!(p[0].starts_with("Le chapô"));
        assert!(
            removed
                .iter()
                .any(|r| r.reason == RemovalReason::Metadata && r.text == "Par Jeanne Martin")
        );
    }

    #[test]
    fn scripts_and_hidden_blocks_are_silent() {
        let (p, removed, _) = paragraphs(
            "<body><main><script>var x = 1;</script><style>p{}</style>\
             <div hidden>Caché</div><p>Visible.</p></main></body>",
        );
        assert_eq!(p, vec!["Visible."]);
        assert!(removed.is_empty());
    }
}
