//! The three input formats, and how a file's extension or its first bytes say
//! which one it is.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use crate::decode::utf16_bom;

/// How an input's bytes hold articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One article as plain text.
    Text,
    /// One article as an HTML page; its main text is extracted.
    Html,
    /// JSON Lines: one article per line, an object with `text` and optional fields.
    Jsonl,
}

/// Extensions of files that are read in folders: everything else with one of
/// these is read, and so is a file without an extension.
const TEXT_EXTENSIONS: &[&str] = &["txt", "text"];
const HTML_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "shtml"];
const JSONL_EXTENSIONS: &[&str] = &["jsonl", "ndjson"];

/// Extensions that are clearly not articles: inside a folder, such files are
/// skipped without an error. Named on the command line, a file is read whatever
/// its extension.
pub const SKIPPED_EXTENSIONS: &[&str] = &[
    // images
    "png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "svg", "ico", "heic", "avif",
    // audio and video
    "mp3", "mp4", "m4a", "wav", "ogg", "oga", "flac", "webm", "avi", "mov", "mkv",
    // archives and compressed files
    "zip", "gz", "tgz", "bz2", "xz", "zst", "7z", "rar", "tar", "lz4",
    // documents in formats we do not read
    "pdf", "doc", "docx", "odt", "rtf", "epub", "xls", "xlsx", "ods", "ppt", "pptx", "odp",
    // data, tables and configuration
    "csv", "tsv", "json", "xml", "yaml", "yml", "toml", "ini", "cfg", "parquet", "sqlite",
    "sqlite3", "db", "pickle", "pkl", "npy", "bin", "dat", "lock", "log",
    // notes and documentation
    "md", "markdown", "rst", "adoc", "org", // code and styles
    "css", "js", "mjs", "ts", "py", "rs", "sh", "c", "h", "go", "java", "rb", "pl",
    // executables, libraries, fonts
    "exe", "dll", "so", "dylib", "o", "a", "wasm", "class", "jar", "woff", "woff2", "ttf", "otf",
    "eot",
];

/// Names of files without an extension that are skipped inside a folder
/// (compared without case): project notes, not articles.
pub const SKIPPED_NAMES: &[&str] = &[
    "readme",
    "license",
    "licence",
    "copying",
    "notice",
    "authors",
    "changelog",
    "makefile",
    "dockerfile",
];

impl Format {
    /// The format an extension stands for (case-insensitive), or `None` when it
    /// is not one of `txt`, `text`, `html`, `htm`, `xhtml`, `shtml`, `jsonl`, `ndjson`.
    pub fn from_extension(ext: &str) -> Option<Format> {
        let ext = ext.to_ascii_lowercase();
        if TEXT_EXTENSIONS.contains(&ext.as_str()) {
            Some(Format::Text)
        } else if HTML_EXTENSIONS.contains(&ext.as_str()) {
            Some(Format::Html)
        } else if JSONL_EXTENSIONS.contains(&ext.as_str()) {
            Some(Format::Jsonl)
        } else {
            None
        }
    }

    /// The format of a file named on the command line: by its extension, else
    /// plain text (a page without an extension is seen by its bytes: see
    /// [`Format::sniff_page`]).
    pub fn of_path(path: &Path) -> Format {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(Format::from_extension)
            .unwrap_or(Format::Text)
    }

    /// Guesses from the first character that is not white space (after any
    /// byte-order mark): `{` is JSON Lines, `<` is HTML, anything else text.
    pub fn sniff(bytes: &[u8]) -> Format {
        match first_char(bytes) {
            Some('{') => Format::Jsonl,
            Some('<') => Format::Html,
            _ => Format::Text,
        }
    }

    /// Whether bytes read as plain text are in fact an HTML page: they open with
    /// `<!doctype html` or `<html` (case-insensitive), which no article does.
    pub fn sniff_page(bytes: &[u8]) -> bool {
        let start = match std::str::from_utf8(&bytes[..bytes.len().min(64)]) {
            Ok(s) => s.to_owned(),
            Err(e) => String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned(),
        };
        let head = start
            .trim_start_matches('\u{feff}')
            .trim_start()
            .to_ascii_lowercase();
        head.starts_with("<!doctype html") || head.starts_with("<html")
    }

    /// Its name, as [`FromStr`] reads it: `text`, `html` or `jsonl`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
        }
    }

    /// Whether a file with this extension is skipped inside a folder.
    pub(crate) fn skipped_extension(ext: &str) -> bool {
        SKIPPED_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str())
    }

    /// Whether a file with this name and no extension is skipped inside a folder.
    pub(crate) fn skipped_name(name: &str) -> bool {
        SKIPPED_NAMES.contains(&name.to_ascii_lowercase().as_str())
    }
}

/// The first character of the input that is not white space, looking through
/// a byte-order mark (UTF-16 included).
fn first_char(bytes: &[u8]) -> Option<char> {
    if let Some(enc) = utf16_bom(bytes) {
        let head = &bytes[2..bytes.len().min(2 + 256)];
        let (text, _) = enc.decode_without_bom_handling(head);
        return text.chars().find(|c| !c.is_whitespace());
    }
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    body.iter()
        .find(|b| !b.is_ascii_whitespace())
        .map(|&b| b as char)
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is not a format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown input format {0:?} (expected text, html or jsonl)")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    /// Reads `text`/`txt`, `html`/`htm`, `jsonl`/`ndjson` (case-insensitive).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Ok(Format::Text),
            "html" | "htm" => Ok(Format::Html),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            _ => Err(UnknownFormat(s.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert_eq!(Format::of_path(Path::new("a/b.HTM")), Format::Html);
        assert_eq!(Format::of_path(Path::new("a/b.ndjson")), Format::Jsonl);
        assert_eq!(Format::of_path(Path::new("a/003_12a4")), Format::Text);
        assert_eq!(Format::of_path(Path::new("a/notes.md")), Format::Text);
        assert!(Format::skipped_extension("PNG"));
        assert!(!Format::skipped_extension("txt"));
    }

    #[test]
    fn sniffing() {
        assert_eq!(Format::sniff(b"  \n{\"text\": \"x\"}"), Format::Jsonl);
        assert_eq!(Format::sniff(b"\xEF\xBB\xBF<!doctype html>"), Format::Html);
        assert_eq!(Format::sniff(b"Le gouvernement"), Format::Text);
        assert_eq!(Format::sniff(&[0xFF, 0xFE, b'<', 0]), Format::Html);
        assert!(Format::sniff_page(b"\n<!DOCTYPE html><html>"));
        assert!(!Format::sniff_page(b"<Paris> est une ville"));
    }

    #[test]
    fn names() {
        assert_eq!("JSONL".parse::<Format>(), Ok(Format::Jsonl));
        assert!("pdf".parse::<Format>().is_err());
        assert_eq!(Format::Html.to_string(), "html");
    }
}
