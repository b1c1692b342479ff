//! HTML pages: the charset, the metadata of the `<head>` (and JSON-LD), and the
//! main text, extracted by our own block walker on `scraper`'s DOM.

mod boilerplate;
mod charset;
mod main_text;
mod meta;
mod root;

use chronicle_model::{Given, Removal};
use scraper::Html;

use crate::decode::decode;
use crate::error::Reason;
use crate::format::Format;
use crate::input::Input;

/// What a page gives: its main text, its metadata, and the boilerplate dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Page {
    /// Paragraphs of the main text, headings included, joined by a blank line.
    pub(crate) text: String,
    /// Title, date, outlet, URL and language from the page's tags.
    pub(crate) given: Given,
    /// What the extractor dropped inside the article, with reasons.
    pub(crate) removed: Vec<Removal>,
    /// How the page was decoded, when it was not plain UTF-8.
    pub(crate) warnings: Vec<String>,
}

impl Page {
    /// An [`Input`] with the page's text, metadata and removals; the caller sets
    /// its id, path, name and hash.
    pub(crate) fn into_input(self) -> Input {
        Input {
            id: String::new(),
            path: None,
            name: String::new(),
            sha256: String::new(),
            text: self.text,
            given: self.given,
            removed: self.removed,
            format: Format::Html,
            warnings: self.warnings,
        }
    }
}

/// Reads a page from its raw bytes: decodes them (byte-order mark, then valid
/// UTF-8, then the `<meta>` charset, then detection), parses, and extracts.
pub(crate) fn read_page(bytes: &[u8]) -> Result<Page, Reason> {
    let declared = charset::declared(bytes);
    let decoded = decode(bytes, declared)?;
    let doc = Html::parse_document(&decoded.text);
    let extracted = main_text::extract(&doc);
    if extracted.paragraphs.is_empty() {
        return Err(Reason::NoMainText);
    }
    let given = meta::given(&doc, extracted.root, extracted.headline.as_deref());
    Ok(Page {
        text: extracted.paragraphs.join("\n\n"),
        given,
        removed: extracted.removed,
        warnings: decoded.note.into_iter().collect(),
    })
}
