//! The main text of a page: pick the element that holds the article, then walk
//! it block by block, keeping paragraphs, headings, quotes and list items, and
//! dropping (and listing) menus, share bars, related links, captions, credits
//! and bylines.
//!
//! The root is chosen in `root.rs`; a paragraph ends at every block boundary
//! and at a double `<br>`.

use chronicle_model::{Removal, RemovalReason};
use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

use super::boilerplate::{
    BLOCKS, HEADINGS, SILENT, class_reason, hidden, is_article_body, phrase_reason, tag_reason,
};
use super::root::{body_of, choose_root, content_len, link_list};

/// Blocks that hold running text: inline elements inside them are kept
/// whatever their class.
const TEXT_BLOCKS: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "dd",
    "td",
    "th",
    "pre",
];

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
    /// How many text blocks (`p`, headings, `li`…) the walk is inside.
    text_depth: usize,
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
            text_depth: 0,
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
                "header" if self.paragraphs.is_empty() => {
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
        if TEXT_BLOCKS.contains(&name) {
            self.text_depth += 1;
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
        if TEXT_BLOCKS.contains(&name) {
            self.text_depth = self.text_depth.saturating_sub(1);
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
        // Inside a paragraph an inline element is part of a sentence (a name
        // linked to a tag page), whatever its class says.
        let in_sentence = self.text_depth > 0 && !BLOCKS.contains(&e.name());
        if let Some(reason) = class_reason(e)
            && !in_sentence
            && small()
        {
            return Some(reason);
        }
        if matches!(e.name(), "ul" | "ol") && link_list(el) && small() {
            return Some(RemovalReason::RelatedLinks);
        }
        None
    }

    /// Drops an element, listing its text under `reason`. A block ends the
    /// paragraph; an inline element is cut out of it.
    fn drop(&mut self, el: ElementRef<'_>, reason: RemovalReason) {
        if BLOCKS.contains(&el.value().name()) {
            self.flush();
        }
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

    /// The `<header>` at the top of the article (before any paragraph; a later
    /// one is walked like a section): the headline is taken, a long paragraph
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
    fn inline_elements_in_sentences_are_kept_whatever_their_class() {
        let (p, removed, _) = paragraphs(
            "<body><article><p>Le président du <a class=\"tag\" href=\"/t/kz\">Kazakhstan</a> \
             a parlé avec <span class=\"author\">son homologue</span>.</p>\
             <div>Un texte libre dans un div, <span class=\"share\">Partager</span> puis la suite.</div>\
             </article></body>",
        );
        assert_eq!(
            p,
            vec![
                "Le président du Kazakhstan a parlé avec son homologue.",
                "Un texte libre dans un div, puis la suite."
            ]
        );
        assert_eq!(removed.len(), 1);
        assert_eq!(removed[0].text, "Partager");
    }

    #[test]
    fn a_later_section_header_is_walked_like_a_section() {
        let (p, _, _) = paragraphs(
            "<body><article><p>Premier paragraphe.</p><section><header><h2>Intertitre</h2></header>\
             <p>Deuxième paragraphe.</p></section></article></body>",
        );
        assert_eq!(
            p,
            vec!["Premier paragraphe.", "Intertitre", "Deuxième paragraphe."]
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
