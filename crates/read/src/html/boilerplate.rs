//! What marks a block of a page as boilerplate: its tag, its class, id or
//! role, or the words it opens with.

use chronicle_model::RemovalReason;
use scraper::node::Element;

/// Elements never read and never listed as removed: code, media, form fields,
/// the head.
pub(crate) const SILENT: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "picture", "img", "source", "track", "map", "area", "head",
    "title", "meta", "link", "input", "select", "textarea", "option", "datalist", "dialog",
    "label",
];

/// Elements that start and end a paragraph.
pub(crate) const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "caption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "address",
    "details",
    "summary",
    "center",
    "hgroup",
    "fieldset",
    "header",
    "footer",
    "nav",
    "aside",
    "figure",
    "figcaption",
    "form",
    "body",
    "html",
    "legend",
];

/// Headings kept as paragraphs of their own.
pub(crate) const HEADINGS: &[&str] = &["h2", "h3", "h4", "h5", "h6"];

/// Class or id fragments (matched inside words) of related-link blocks.
const RELATED_PARTS: &[&str] = &[
    "related",
    "lire-aussi",
    "lireaussi",
    "lire_aussi",
    "read-more",
    "readmore",
    "voir-aussi",
    "more-stories",
    "outbrain",
    "taboola",
    "recommend",
    "also-read",
    "most-read",
    "mostread",
    "les-plus-lus",
    "popular",
    "meme-sujet",
    "same-topic",
];
/// Class or id fragments of share bars, menus, forms, ads and comments.
const NAVIGATION_PARTS: &[&str] = &[
    "share",
    "sharing",
    "partage",
    "social",
    "newsletter",
    "breadcrumb",
    "ariane",
    "comment",
    "advert",
    "subscribe",
    "abonnement",
    "paywall",
    "cookie",
    "popup",
    "modal",
    "toolbar",
    "sponsor",
    "follow-us",
    "suivez",
];
const CAPTION_PARTS: &[&str] = &["caption", "legende", "légende"];
const CREDIT_PARTS: &[&str] = &["credit", "copyright"];
/// Whole class or id words of menus, ads and tag lists.
const NAVIGATION_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "ad",
    "ads",
    "pub",
    "publicite",
    "banner",
    "promo",
    "tags",
    "tag",
    "keywords",
    "tools",
];
/// Whole class or id words of bylines and date lines.
const METADATA_WORDS: &[&str] = &[
    "byline",
    "author",
    "authors",
    "auteur",
    "auteurs",
    "signature",
    "published",
    "timestamp",
    "date",
    "dates",
    "meta",
    "rubrique",
    "kicker",
    "surtitre",
    "overline",
    "eyebrow",
    "category",
    "section-label",
];

/// Why an element's class, id or ARIA role marks it as boilerplate, if it does.
pub(crate) fn class_reason(el: &Element) -> Option<RemovalReason> {
    if let Some(role) = el.attr("role") {
        match role.trim().to_ascii_lowercase().as_str() {
            "navigation" | "menu" | "menubar" | "search" => {
                return Some(RemovalReason::Navigation);
            }
            "complementary" => return Some(RemovalReason::RelatedLinks),
            _ => {}
        }
    }
    let mut names = String::new();
    for part in [el.attr("class"), el.attr("id")].into_iter().flatten() {
        names.push_str(&part.to_lowercase());
        names.push(' ');
    }
    if names.trim().is_empty() {
        return None;
    }
    let has_part = |parts: &[&str]| parts.iter().any(|p| names.contains(p));
    let words: Vec<&str> = names
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has_word = |list: &[&str]| words.iter().any(|w| list.contains(w));
    if has_part(RELATED_PARTS) {
        Some(RemovalReason::RelatedLinks)
    } else if has_part(NAVIGATION_PARTS) || has_word(NAVIGATION_WORDS) {
        Some(RemovalReason::Navigation)
    } else if has_part(CAPTION_PARTS) {
        Some(RemovalReason::Caption)
    } else if has_part(CREDIT_PARTS) {
        Some(RemovalReason::Credit)
    } else if has_word(METADATA_WORDS) {
        Some(RemovalReason::Metadata)
    } else {
        None
    }
}

/// Why an element is dropped for its tag alone: `nav`, `aside`, `form`,
/// `button`, `footer`, `address`. An `aside` is related links unless its class
/// says it is a share bar or a menu.
pub(crate) fn tag_reason(el: &Element) -> Option<RemovalReason> {
    match el.name() {
        "nav" | "form" | "button" | "menu" => Some(RemovalReason::Navigation),
        "aside" => Some(match class_reason(el) {
            Some(RemovalReason::Navigation) => RemovalReason::Navigation,
            _ => RemovalReason::RelatedLinks,
        }),
        "footer" | "address" => Some(class_reason(el).unwrap_or(RemovalReason::Metadata)),
        _ => None,
    }
}

/// Whether an element is hidden from readers: `hidden`, `aria-hidden="true"`,
/// or an inline `display: none` / `visibility: hidden` style.
pub(crate) fn hidden(el: &Element) -> bool {
    if el.attr("hidden").is_some() {
        return true;
    }
    if el
        .attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    el.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Whether an element is marked as the article body (`itemprop="articleBody"`).
pub(crate) fn is_article_body(el: &Element) -> bool {
    el.attr("itemprop").is_some_and(|v| {
        v.split_ascii_whitespace()
            .any(|t| t.eq_ignore_ascii_case("articlebody"))
    })
}

/// Openings of related-link lines ("Lire aussi", "Sur le même sujet").
const RELATED_OPENINGS: &[&str] = &[
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "lire également",
    "à lire également",
    "voir aussi",
    "à voir aussi",
    "sur le même sujet",
    "sur le meme sujet",
    "plus d'actualité",
    "plus d’actualité",
    "les plus lus",
    "read more",
    "related",
];
/// Openings of share, follow and subscribe lines.
const NAVIGATION_OPENINGS: &[&str] = &[
    "partager",
    "partagez",
    "suivez-nous",
    "suivez nous",
    "abonnez-vous",
    "inscrivez-vous",
    "s'abonner",
    "s’abonner",
    "recevez notre newsletter",
    "newsletter",
];

/// Why a short paragraph is boilerplate by its opening words, if it is: related
/// links (under 300 characters) or, unless it is a heading, share and subscribe
/// lines (under 80) and a lone "Publicité".
pub(crate) fn phrase_reason(text: &str, heading: bool) -> Option<RemovalReason> {
    let chars = text.chars().count();
    let lower = text.trim_start().to_lowercase();
    let opens = |list: &[&str]| {
        list.iter().any(|o| {
            lower.starts_with(o)
                && lower[o.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
    };
    if chars < 300 && opens(RELATED_OPENINGS) {
        Some(RemovalReason::RelatedLinks)
    } else if !heading && chars < 80 && (opens(NAVIGATION_OPENINGS) || lower.trim() == "publicité")
    {
        Some(RemovalReason::Navigation)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn first_div(html: &str) -> Element {
        let doc = Html::parse_fragment(html);
        doc.root_element()
            .descendent_elements()
            .find(|e| e.value().name() == "div")
            .map(|e| e.value().clone())
            .unwrap()
    }

    #[test]
    fn classes() {
        let r = |h: &str| class_reason(&first_div(h));
        assert_eq!(
            r("<div class=\"share-bar\"></div>"),
            Some(RemovalReason::Navigation)
        );
        assert_eq!(
            r("<div class=\"bloc-lire-aussi\"></div>"),
            Some(RemovalReason::RelatedLinks)
        );
        assert_eq!(
            r("<div id=\"ad-slot-2\"></div>"),
            Some(RemovalReason::Navigation)
        );
        assert_eq!(r("<div class=\"shadow header\"></div>"), None);
        assert_eq!(
            r("<div class=\"photo-credit\"></div>"),
            Some(RemovalReason::Credit)
        );
        assert_eq!(
            r("<div class=\"article__byline\"></div>"),
            Some(RemovalReason::Metadata)
        );
        assert_eq!(r("<div class=\"update\"></div>"), None);
        assert_eq!(
            r("<div role=\"navigation\"></div>"),
            Some(RemovalReason::Navigation)
        );
        assert_eq!(r("<div class=\"article-body\"></div>"), None);
    }

    #[test]
    fn hidden_elements() {
        assert!(hidden(&first_div("<div style=\"display: none\"></div>")));
        assert!(hidden(&first_div("<div hidden></div>")));
        assert!(!hidden(&first_div("<div style=\"color: red\"></div>")));
    }

    #[test]
    fn phrases() {
        assert_eq!(
            phrase_reason("Lire aussi : Le Kazakhstan face à la crise", false),
            Some(RemovalReason::RelatedLinks)
        );
        assert_eq!(
            phrase_reason("Sur le même sujet", true),
            Some(RemovalReason::RelatedLinks)
        );
        assert_eq!(
            phrase_reason("Partager cet article", false),
            Some(RemovalReason::Navigation)
        );
        assert_eq!(phrase_reason("Partager les richesses", true), None);
        assert_eq!(
            phrase_reason("Publicité", false),
            Some(RemovalReason::Navigation)
        );
        assert_eq!(
            phrase_reason("Publicité mensongère : une amende", false),
            None
        );
        assert_eq!(phrase_reason("Partagerons-nous ce fardeau ?", false), None);
        assert_eq!(
            phrase_reason("Relatedness is not a word we use.", false),
            None
        );
        assert_eq!(
            phrase_reason("Le gouvernement a annoncé lundi", false),
            None
        );
    }
}
