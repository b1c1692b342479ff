//! JSON Lines: one article per line, read as a stream so a file of any size
//! goes through in constant memory.

use std::io::{self, BufRead, BufReader};

use chronicle_model::Given;
use serde_json::{Map, Value};

use crate::decode::{Utf16ToUtf8, decode_line, normalise_newlines, utf16_bom};
use crate::error::{ReadError, Reason};
use crate::format::Format;
use crate::html;
use crate::input::{Input, Origin, ReadOptions, sha256_hex};

/// The articles of a JSON Lines stream, one per non-blank line. A line that
/// fails gives a [`ReadError`] named `name:LINE` and the next line goes on; a
/// read failure of the stream itself ends it after one error.
pub(crate) struct Lines<'a> {
    reader: Box<dyn BufRead + Send + 'a>,
    origin: Origin,
    opts: ReadOptions,
    line: usize,
    started: bool,
    seen: bool,
    done: bool,
    buf: Vec<u8>,
}

impl<'a> Lines<'a> {
    /// Lines of `reader`, which holds the stream from its first byte.
    pub(crate) fn new(
        reader: Box<dyn BufRead + Send + 'a>,
        origin: Origin,
        opts: ReadOptions,
    ) -> Self {
        Lines {
            reader,
            origin,
            opts,
            line: 0,
            started: false,
            seen: false,
            done: false,
            buf: Vec::new(),
        }
    }

    /// Looks at the head of the stream once: drops a UTF-8 byte-order mark, and
    /// puts a transcoder in front of a UTF-16 stream.
    fn start(&mut self) -> io::Result<()> {
        self.started = true;
        let head = self.reader.fill_buf()?;
        if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
            self.reader.consume(3);
        } else if let Some(enc) = utf16_bom(head) {
            self.reader.consume(2);
            let inner = std::mem::replace(&mut self.reader, Box::new(io::empty()));
            self.reader = Box::new(BufReader::new(Utf16ToUtf8::new(inner, enc)));
        }
        Ok(())
    }

    fn line_name(&self) -> String {
        format!("{}:{}", self.origin.name, self.line)
    }
}

impl Iterator for Lines<'_> {
    type Item = Result<Input, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            if !self.started
                && let Err(e) = self.start()
            {
                self.done = true;
                return Some(Err(ReadError::new(self.origin.name.clone(), e.into())));
            }
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.done = true;
                    if !self.seen {
                        return Some(Err(ReadError::new(self.origin.name.clone(), Reason::Empty)));
                    }
                    return None;
                }
                Ok(_) => self.line += 1,
                Err(e) => {
                    self.done = true;
                    self.line += 1;
                    return Some(Err(ReadError::new(self.line_name(), e.into())));
                }
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.seen = true;
            let name = self.line_name();
            let fallback = format!("{}-{}", self.origin.stem, self.line);
            // A byte-order mark inside the stream: files joined with `cat`.
            let line = self
                .buf
                .strip_prefix(&[0xEF, 0xBB, 0xBF])
                .unwrap_or(&self.buf);
            let result = decode_line(line).and_then(|(json, note)| {
                let mut input = object_to_input(
                    &json,
                    &fallback,
                    self.origin.path.as_deref(),
                    &name,
                    &self.opts,
                )?;
                input.warnings.extend(note);
                Ok(input)
            });
            return Some(result.map_err(|reason| ReadError::new(name, reason)));
        }
    }
}

/// The article of one JSON object: `text` (required, a non-blank string), and
/// optional `id`, `published`, `title`, `source`, `url`, `language` or `lang`.
/// A field of the wrong type is ignored with a warning; `id` and `published` may
/// also be numbers. The hash is of the UTF-8 bytes of `text` as given.
pub(crate) fn object_to_input(
    json: &str,
    fallback_id: &str,
    path: Option<&str>,
    name: &str,
    opts: &ReadOptions,
) -> Result<Input, Reason> {
    let value: Value = serde_json::from_str(json).map_err(Reason::Json)?;
    let Value::Object(map) = value else {
        return Err(Reason::NotObject);
    };
    let text = match map.get("text") {
        Some(Value::String(s)) => s,
        _ => return Err(Reason::NoText),
    };
    if text.trim().is_empty() {
        return Err(Reason::EmptyText);
    }
    let mut warnings = Vec::new();
    let mut field = |key: &str, numbers: bool| string_field(&map, key, numbers, &mut warnings);
    let id = field("id", true);
    let published = field("published", true);
    let title = field("title", false);
    let source = field("source", false);
    let url = field("url", false);
    let language = field("language", false).or_else(|| field("lang", false));
    let mut input = Input {
        id: id.unwrap_or_else(|| fallback_id.to_owned()),
        path: path.map(str::to_owned),
        name: name.to_owned(),
        sha256: sha256_hex(text.as_bytes()),
        text: normalise_newlines(text.clone()),
        given: Given {
            published,
            title,
            source,
            url,
            language,
        },
        removed: Vec::new(),
        format: Format::Jsonl,
        warnings,
    };
    if looks_like_html(text) {
        read_html_text(&mut input, text);
    }
    if input.given.published.is_none() {
        input.given.published = opts.published.clone();
    }
    Ok(input)
}

/// Whether a feed entry's `text` is HTML markup rather than plain text: a whole
/// page (`<!doctype html`, `<html`), or a fragment that opens with a tag and
/// closes block elements (`<p>…</p>`, `<div>…</div>`), as feeds' `content`
/// fields often are.
fn looks_like_html(text: &str) -> bool {
    if Format::sniff_page(text.as_bytes()) {
        return true;
    }
    let head = text.trim_start_matches('\u{feff}').trim_start();
    if !head.starts_with('<') {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    [
        "</p>",
        "</div>",
        "</article>",
        "</body>",
        "</h1>",
        "</h2>",
        "</section>",
    ]
    .iter()
    .any(|tag| lower.contains(tag))
}

/// Reads a feed entry's HTML `text` as a page: its main text replaces the
/// markup, the extractor's removals are kept, and the page's metadata fill
/// only what the feed's own fields leave empty (the feed speaks first). A page
/// with no main text stays as it was, with a warning.
fn read_html_text(input: &mut Input, text: &str) {
    let page = match html::read_page(text.as_bytes()) {
        Ok(page) => page,
        Err(reason) => {
            input.warnings.push(format!(
                "\"text\" looks like HTML but was kept as text: {reason}"
            ));
            return;
        }
    };
    input.text = page.text;
    input.removed = page.removed;
    input.warnings.extend(page.warnings);
    let given = &mut input.given;
    let from_page = page.given;
    given.published = given.published.take().or(from_page.published);
    given.title = given.title.take().or(from_page.title);
    given.source = given.source.take().or(from_page.source);
    given.url = given.url.take().or(from_page.url);
    given.language = given.language.take().or(from_page.language);
}

/// A trimmed, non-empty string field (or a number, when `numbers`); `null` and
/// absence are `None`; any other type is `None` with a warning.
fn string_field(
    map: &Map<String, Value>,
    key: &str,
    numbers: bool,
    warnings: &mut Vec<String>,
) -> Option<String> {
    match map.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Some(Value::Number(n)) if numbers => Some(n.to_string()),
        Some(other) => {
            let kind = match other {
                Value::Bool(_) => "a boolean",
                Value::Number(_) => "a number",
                Value::Array(_) => "an array",
                _ => "an object",
            };
            warnings.push(format!("ignored \"{key}\": {kind}, not a string"));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(data: &str) -> Vec<Result<Input, ReadError>> {
        Lines::new(
            Box::new(data.as_bytes()),
            Origin::memory("flux.jsonl"),
            ReadOptions::default(),
        )
        .collect()
    }

    #[test]
    fn good_bad_and_blank_lines() {
        let data = "{\"id\": \"a\", \"text\": \"Premier article.\", \"published\": \"2022-01-10\"}\n\
                    \n\
                    pas du json\n\
                    {\"title\": \"Sans texte\"}\n\
                    {\"text\": \"   \"}\n\
                    [1, 2]\n\
                    {\"text\": \"Dernier article.\\r\\nFin.\", \"published\": null, \"lang\": \"fr\"}\n";
        let got = lines(data);
        assert_eq!(got.len(), 6);
        let first = got[0].as_ref().unwrap();
        assert_eq!(first.id, "a");
        assert_eq!(first.name, "flux.jsonl:1");
        assert_eq!(first.given.published.as_deref(), Some("2022-01-10"));
        let errors: Vec<String> = got[1..5]
            .iter()
            .map(|r| r.as_ref().unwrap_err().to_string())
            .collect();
        assert!(
            errors[0].starts_with("flux.jsonl:3: not JSON:"),
            "{}",
            errors[0]
        );
        assert_eq!(errors[1], "flux.jsonl:4: no string \"text\" field");
        assert_eq!(errors[2], "flux.jsonl:5: empty text");
        assert_eq!(errors[3], "flux.jsonl:6: not a JSON object");
        let last = got[5].as_ref().unwrap();
        assert_eq!(last.id, "flux-7");
        assert_eq!(last.text, "Dernier article.\nFin.");
        assert_eq!(last.given.published, None);
        assert_eq!(last.given.language.as_deref(), Some("fr"));
        assert_eq!(
            last.sha256,
            sha256_hex("Dernier article.\r\nFin.".as_bytes())
        );
    }

    #[test]
    fn wrong_types_warn_and_numbers_pass() {
        let got =
            lines("{\"id\": 42, \"text\": \"Texte.\", \"title\": [\"x\"], \"published\": 2019}");
        let input = got[0].as_ref().unwrap();
        assert_eq!(input.id, "42");
        assert_eq!(input.given.published.as_deref(), Some("2019"));
        assert_eq!(input.given.title, None);
        assert_eq!(
            input.warnings,
            vec!["ignored \"title\": an array, not a string"]
        );
    }

    #[test]
    fn last_line_without_newline_and_crlf() {
        let got = lines("{\"text\": \"Un.\"}\r\n\u{feff}{\"text\": \"Deux.\"}");
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].as_ref().unwrap().text, "Deux.");
    }

    #[test]
    fn latin1_line_is_transcoded() {
        let mut data =
            b"{\"text\": \"Le pr\xe9sident a d\xe9clar\xe9 qu\x92il viendrait.\"}\n".to_vec();
        data.extend_from_slice(b"{\"text\": \"Ok.\"}\n");
        let got: Vec<_> = Lines::new(
            Box::new(&data[..]),
            Origin::memory("x.jsonl"),
            ReadOptions::default(),
        )
        .collect();
        assert_eq!(
            got[0].as_ref().unwrap().text,
            "Le président a déclaré qu’il viendrait."
        );
    }

    #[test]
    fn html_text_is_read_as_a_page_and_the_feed_speaks_first() {
        let page = "<!DOCTYPE html><html><head><title>Grève | Le Journal</title>\
            <meta property='og:title' content='Grève des cheminots'>\
            <meta property='article:published_time' content='2021-05-03T08:00:00Z'>\
            </head><body><nav><a href='/'>Accueil</a></nav><article><h1>Grève des cheminots</h1>\
            <p>Les trains restent &agrave; quai ce lundi dans tout le pays, ont annoncé les syndicats.</p>\
            </article><aside><h3>À lire aussi</h3><ul><li><a href='/x'>Un autre sujet</a></li></ul></aside>\
            </body></html>";
        let line = serde_json::json!({
            "id": "g1", "published": "2021-05-04", "source": "Le Flux", "text": page
        })
        .to_string();
        let got = lines(&line);
        let input = got[0].as_ref().unwrap();
        assert_eq!(input.id, "g1");
        assert!(
            input.text.starts_with("Les trains restent à quai"),
            "{}",
            input.text
        );
        assert!(!input.text.contains('<'), "{}", input.text);
        assert!(!input.text.contains("Un autre sujet"), "{}", input.text);
        // the feed's fields first, the page's where the feed says nothing
        assert_eq!(input.given.published.as_deref(), Some("2021-05-04"));
        assert_eq!(input.given.source.as_deref(), Some("Le Flux"));
        assert_eq!(input.given.title.as_deref(), Some("Grève des cheminots"));
        assert!(!input.removed.is_empty());
        assert_eq!(input.sha256, sha256_hex(page.as_bytes()));
    }

    #[test]
    fn html_fragments_are_pages_and_angle_brackets_in_prose_are_not() {
        assert!(looks_like_html("<p>Un paragraphe.</p><p>Un autre.</p>"));
        assert!(looks_like_html("  <!doctype html><html></html>"));
        assert!(!looks_like_html("Le cours est passé de 3 <5 à 7 > 2."));
        assert!(!looks_like_html("<Paris> est une ville"));
        let got = lines("{\"text\": \"<p>Le Sénat a voté la loi mardi.</p>\"}");
        assert_eq!(
            got[0].as_ref().unwrap().text,
            "Le Sénat a voté la loi mardi."
        );
    }

    #[test]
    fn empty_stream_is_one_error() {
        for data in ["", "\n  \n"] {
            let got = lines(data);
            assert_eq!(got.len(), 1);
            assert_eq!(
                got[0].as_ref().unwrap_err().to_string(),
                "flux.jsonl: empty"
            );
        }
    }
}
