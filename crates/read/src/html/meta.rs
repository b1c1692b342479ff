//! What a page says about itself: title, publication date, outlet, address and
//! language, from `<meta>`, `<link>`, `<html lang>`, `<title>`, JSON-LD and
//! `<time>`. Values are kept as written (white space collapsed): the cleaner
//! normalises dates.

use chronicle_model::Given;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};
use serde_json::Value;

/// Meta keys of the publication date, in order of trust.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
];

/// The metadata of a page. `root` is the element the article was read from and
/// `headline` its first `<h1>`.
pub(crate) fn given(doc: &Html, root: ElementRef<'_>, headline: Option<&str>) -> Given {
    let page = Tags::collect(doc);
    let ld = LdArticle::find(&page.ld_json);

    let source = page
        .meta(&["og:site_name"])
        .or_else(|| {
            page.meta(&["publisher", "article:publisher"])
                .filter(|p| !is_url(p))
        })
        .or_else(|| ld.publisher.clone())
        .or_else(|| page.meta(&["application-name"]));

    let title = page
        .meta(&["og:title", "twitter:title"])
        .or_else(|| headline.map(collapse))
        .or_else(|| page.first_h1_in_article.clone())
        .or_else(|| ld.headline.clone())
        .or_else(|| page.title.clone())
        .or_else(|| page.first_h1.clone())
        .map(|t| strip_site(&t, source.as_deref()))
        .filter(|t| !t.is_empty());

    let published = page
        .meta(PUBLISHED_KEYS)
        .or_else(|| page.item_published.clone())
        .or_else(|| ld.published.clone())
        .or_else(|| time_in(root))
        .or_else(|| {
            // A `<time>` in a header beside the text block the extractor chose.
            root.parent()
                .and_then(ElementRef::wrap)
                .filter(|p| !matches!(p.value().name(), "body" | "html"))
                .and_then(time_in)
        });

    let url = page
        .canonical
        .clone()
        .filter(|u| is_url(u))
        .or_else(|| page.meta(&["og:url", "twitter:url"]))
        .or_else(|| page.canonical.clone());

    let language = page
        .lang
        .clone()
        .or_else(|| page.meta(&["content-language", "dc.language", "language"]))
        .or_else(|| page.meta(&["og:locale"]).map(|l| l.replace('_', "-")))
        .or_else(|| ld.language.clone());

    Given {
        published,
        title,
        source,
        url,
        language,
    }
}

/// The tags of a page that carry metadata, gathered in one pass.
#[derive(Default)]
struct Tags {
    /// `(key, content)` of each `<meta>`, the key lower-cased from `property`,
    /// `name`, `itemprop` or `http-equiv`.
    metas: Vec<(String, String)>,
    canonical: Option<String>,
    lang: Option<String>,
    title: Option<String>,
    first_h1: Option<String>,
    first_h1_in_article: Option<String>,
    item_published: Option<String>,
    ld_json: Vec<String>,
}

impl Tags {
    fn collect(doc: &Html) -> Tags {
        let mut tags = Tags::default();
        let html = doc.root_element();
        tags.lang = html
            .attr("lang")
            .or_else(|| html.attr("xml:lang"))
            .map(collapse)
            .filter(|l| !l.is_empty());
        for el in html.descendent_elements() {
            let e = el.value();
            match e.name() {
                "meta" => {
                    let Some(content) = e.attr("content") else {
                        continue;
                    };
                    for attr in ["property", "name", "itemprop", "http-equiv"] {
                        if let Some(key) = e.attr(attr) {
                            tags.metas
                                .push((key.trim().to_ascii_lowercase(), content.to_owned()));
                        }
                    }
                }
                "link" => {
                    let canonical = e.attr("rel").is_some_and(|r| {
                        r.split_ascii_whitespace()
                            .any(|t| t.eq_ignore_ascii_case("canonical"))
                    });
                    if canonical && tags.canonical.is_none() {
                        tags.canonical = e.attr("href").map(collapse).filter(|h| !h.is_empty());
                    }
                }
                "title" if tags.title.is_none() => {
                    tags.title =
                        Some(collapse(&el.text().collect::<String>())).filter(|t| !t.is_empty());
                }
                "h1" => {
                    let text = collapse(&el.text().collect::<String>());
                    if text.is_empty() {
                        continue;
                    }
                    let in_article = el.ancestors().any(|a| {
                        a.value()
                            .as_element()
                            .is_some_and(|p| matches!(p.name(), "article" | "main"))
                    });
                    if in_article && tags.first_h1_in_article.is_none() {
                        tags.first_h1_in_article = Some(text.clone());
                    }
                    if tags.first_h1.is_none() {
                        tags.first_h1 = Some(text);
                    }
                }
                "script"
                    if e.attr("type")
                        .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) =>
                {
                    tags.ld_json.push(el.text().collect());
                }
                _ => {}
            }
            if tags.item_published.is_none()
                && e.name() != "meta"
                && e.attr("itemprop").is_some_and(|p| {
                    p.split_ascii_whitespace()
                        .any(|t| t.eq_ignore_ascii_case("datepublished"))
                })
            {
                tags.item_published = e
                    .attr("datetime")
                    .or_else(|| e.attr("content"))
                    .map(collapse)
                    .filter(|d| !d.is_empty());
            }
        }
        tags
    }

    /// The first non-empty content of a `<meta>` with one of `keys`, trying the
    /// keys in order.
    fn meta(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            self.metas
                .iter()
                .filter(|(key, _)| key == k)
                .map(|(_, v)| collapse(v))
                .find(|v| !v.is_empty())
        })
    }
}

/// The `datetime` of the first `<time pubdate>`, else of the first `<time>`,
/// inside the article.
fn time_in(root: ElementRef<'_>) -> Option<String> {
    let mut first = None;
    for edge in root.traverse() {
        let Edge::Open(node) = edge else { continue };
        let Node::Element(e) = node.value() else {
            continue;
        };
        if e.name() != "time" {
            continue;
        }
        let Some(dt) = e.attr("datetime").map(collapse).filter(|d| !d.is_empty()) else {
            continue;
        };
        if e.attr("pubdate").is_some() {
            return Some(dt);
        }
        first.get_or_insert(dt);
    }
    first
}

/// What the JSON-LD of a page says about its article.
#[derive(Default)]
struct LdArticle {
    published: Option<String>,
    headline: Option<String>,
    publisher: Option<String>,
    language: Option<String>,
}

impl LdArticle {
    /// The first article object (`NewsArticle`, `Article`, `ReportageNews`,
    /// `BlogPosting`…) among the JSON-LD blocks; blocks that do not parse are
    /// ignored.
    fn find(blocks: &[String]) -> LdArticle {
        for block in blocks {
            let Ok(value) = serde_json::from_str::<Value>(block.trim()) else {
                continue;
            };
            if let Some(obj) = find_article(&value, 0) {
                return LdArticle {
                    published: ld_string(obj.get("datePublished")),
                    headline: ld_string(obj.get("headline")),
                    publisher: ld_name(obj.get("publisher"))
                        .or_else(|| obj.get("author").and_then(organisation_name)),
                    language: ld_string(obj.get("inLanguage")),
                };
            }
        }
        LdArticle::default()
    }
}

fn find_article(value: &Value, depth: usize) -> Option<&serde_json::Map<String, Value>> {
    if depth > 4 {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| find_article(v, depth + 1)),
        Value::Object(obj) => {
            if types(obj).iter().any(|t| is_article_type(t)) {
                Some(obj)
            } else {
                obj.get("@graph").and_then(|g| find_article(g, depth + 1))
            }
        }
        _ => None,
    }
}

fn types(obj: &serde_json::Map<String, Value>) -> Vec<&str> {
    match obj.get("@type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn is_article_type(t: &str) -> bool {
    t.ends_with("Article")
        || matches!(
            t,
            "ReportageNews" | "BlogPosting" | "LiveBlogPosting" | "Report"
        )
}

fn ld_string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(collapse(s)).filter(|s| !s.is_empty()),
        Value::Array(items) => items.iter().find_map(|i| ld_string(Some(i))),
        _ => None,
    }
}

/// The `name` of an object (or the first of a list), or a plain string.
fn ld_name(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(collapse(s)).filter(|s| !s.is_empty() && !is_url(s)),
        Value::Object(o) => ld_string(o.get("name")),
        Value::Array(items) => items.iter().find_map(|i| ld_name(Some(i))),
        _ => None,
    }
}

/// The name of an author that is an organisation.
fn organisation_name(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) if types(o).contains(&"Organization") => ld_string(o.get("name")),
        Value::Array(items) => items.iter().find_map(organisation_name),
        _ => None,
    }
}

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

/// Collapses runs of ASCII white space to one space and trims (a no-break space
/// inside is kept).
pub(crate) fn collapse(s: &str) -> String {
    s.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// A title without the site name its page adds before or after it
/// (`Titre | Le Journal`, `Le Journal - Titre`).
fn strip_site(title: &str, site: Option<&str>) -> String {
    let title = collapse(title);
    let Some(site) = site.map(collapse).filter(|s| !s.is_empty()) else {
        return title;
    };
    let site = site.to_lowercase();
    for sep in [" | ", " - ", " – ", " — ", " · ", " : ", " / ", " :: "] {
        let suffix = format!("{sep}{site}");
        if title.len() > suffix.len() {
            let cut = title.len() - suffix.len();
            if title.is_char_boundary(cut) && title[cut..].to_lowercase() == suffix {
                return title[..cut].trim().to_owned();
            }
        }
        let prefix = format!("{site}{sep}");
        if title.len() > prefix.len()
            && title.is_char_boundary(prefix.len())
            && title[..prefix.len()].to_lowercase() == prefix
        {
            return title[prefix.len()..].trim().to_owned();
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    fn given_of(html: &str) -> Given {
        let doc = Html::parse_document(html);
        let root = doc.root_element();
        given(&doc, root, None)
    }

    #[test]
    fn og_tags_and_article_time() {
        let g = given_of(
            "<html lang=\"fr-FR\"><head><title>Un titre | La Gazette</title>\
             <meta property=\"og:site_name\" content=\"La Gazette\">\
             <meta property=\"article:published_time\" content=\"2022-01-10T08:30:00+01:00\">\
             <link rel=\"canonical\" href=\"https://gazette.example/a/1\"></head><body></body></html>",
        );
        assert_eq!(g.title.as_deref(), Some("Un titre"));
        assert_eq!(g.source.as_deref(), Some("La Gazette"));
        assert_eq!(g.published.as_deref(), Some("2022-01-10T08:30:00+01:00"));
        assert_eq!(g.url.as_deref(), Some("https://gazette.example/a/1"));
        assert_eq!(g.language.as_deref(), Some("fr-FR"));
    }

    #[test]
    fn json_ld_and_fallbacks() {
        let g = given_of(
            "<html><head><title>La Gazette - Autre titre</title>\
             <script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[\
             {\"@type\":\"WebSite\",\"name\":\"x\"},\
             {\"@type\":\"NewsArticle\",\"datePublished\":\"2019-03-12\",\
              \"publisher\":{\"@type\":\"Organization\",\"name\":\"La Gazette\"}}]}</script>\
             <meta property=\"og:url\" content=\"https://gazette.example/b\"></head>\
             <body><time datetime=\"2001-01-01\">1er janvier</time></body></html>",
        );
        assert_eq!(g.published.as_deref(), Some("2019-03-12"));
        assert_eq!(g.source.as_deref(), Some("La Gazette"));
        assert_eq!(g.title.as_deref(), Some("Autre titre"));
        assert_eq!(g.url.as_deref(), Some("https://gazette.example/b"));
        assert_eq!(g.language, None);
    }

    #[test]
    fn dates_from_names_and_time() {
        let g = given_of("<head><meta name=\"DC.date.issued\" content=\"2020-05-04\"></head>");
        assert_eq!(g.published.as_deref(), Some("2020-05-04"));
        let g = given_of(
            "<body><span itemprop=\"datePublished\" content=\"2018-02-03\"></span></body>",
        );
        assert_eq!(g.published.as_deref(), Some("2018-02-03"));
        let g = given_of(
            "<body><time datetime=\"2017-01-01\"></time><time pubdate datetime=\"2016-06-06\"></time></body>",
        );
        assert_eq!(g.published.as_deref(), Some("2016-06-06"));
    }

    #[test]
    fn site_names_are_stripped() {
        assert_eq!(
            strip_site("Titre – Le Journal", Some("le journal")),
            "Titre"
        );
        assert_eq!(
            strip_site("Le Journal : Titre", Some("Le Journal")),
            "Titre"
        );
        assert_eq!(
            strip_site("Titre - Autre", Some("Le Journal")),
            "Titre - Autre"
        );
        assert_eq!(strip_site("Le Journal", Some("Le Journal")), "Le Journal");
    }
}
