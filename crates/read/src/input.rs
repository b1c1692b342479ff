//! An input as the read stage hands it on, the options of reading, and building
//! inputs from bytes in memory.

use std::path::Path;

use chronicle_model::{Document, Given, Removal};
use sha2::{Digest, Sha256};

use crate::decode::decode;
use crate::error::{ReadError, Reason};
use crate::format::Format;
use crate::html;
use crate::jsonl;

/// One article read from a file, a JSON Lines line, or stdin: its decoded text
/// and what the input said about it, before any cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The given id (JSON Lines `id`), else the file's stem; a JSON Lines line
    /// without an id gets `<stem>-<line number>`.
    pub id: String,
    /// The file it came from: the path as given, joined with the path inside a
    /// folder. `None` for stdin and memory.
    pub path: Option<String>,
    /// How errors and progress name it: the path, `path:LINE`, or `<stdin>`.
    pub name: String,
    /// Hex sha256 of the raw bytes; for a JSON Lines line, of the UTF-8 bytes of
    /// its `text`, so the same article fed twice is one document.
    pub sha256: String,
    /// The decoded text with `\n` line ends; for HTML the extracted main text,
    /// paragraphs (headings included) separated by a blank line.
    pub text: String,
    /// What the input states apart from the text: date, title, outlet, URL, language.
    pub given: Given,
    /// For HTML, the boilerplate the extractor dropped (menus, share bars,
    /// related links, captions, credits, the headline), each with its reason.
    pub removed: Vec<Removal>,
    /// The format it was read as.
    pub format: Format,
    /// Things worth telling about the input that did not stop it (a JSON field
    /// of the wrong type that was ignored).
    pub warnings: Vec<String>,
}

impl Input {
    /// The pipeline's document for this input: id, path, hash, the text as `raw`,
    /// what was given, what was removed, and the warnings.
    pub fn into_document(self) -> Document {
        Document {
            id: self.id,
            path: self.path,
            sha256: self.sha256,
            raw: self.text,
            given: self.given,
            removed: self.removed,
            warnings: self.warnings,
            ..Document::default()
        }
    }
}

/// How to read: what the command line says about inputs that do not say it
/// themselves.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Publication date for inputs that state none (CLI `--published`): plain
    /// files, and pages or JSON lines without a date of their own.
    pub published: Option<String>,
    /// The format of stdin; `None` sniffs it from the first byte that is not
    /// white space (`{` JSON Lines, `<` HTML, else text).
    pub stdin_format: Option<Format>,
}

/// Hex sha256 of `bytes`.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 0x0f)] as char);
    }
    out
}

/// The file stem of a name used as an id: `corpus/003_12a4.txt` → `003_12a4`.
pub(crate) fn stem_of(name: &str) -> String {
    Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| name.to_owned())
}

/// Where an input comes from, for naming what is built from its bytes.
#[derive(Debug, Clone)]
pub(crate) struct Origin {
    /// The id it gets when it gives none (a file's stem, `stdin`).
    pub(crate) stem: String,
    /// The file, if any.
    pub(crate) path: Option<String>,
    /// Its name in messages.
    pub(crate) name: String,
}

impl Origin {
    /// A file at `path`.
    pub(crate) fn file(path: &Path) -> Origin {
        let shown = path.to_string_lossy().into_owned();
        Origin {
            stem: stem_of(&shown),
            path: Some(shown.clone()),
            name: shown,
        }
    }

    /// Standard input.
    pub(crate) fn stdin() -> Origin {
        Origin {
            stem: "stdin".to_owned(),
            path: None,
            name: "<stdin>".to_owned(),
        }
    }

    /// Bytes in memory called `name`.
    pub(crate) fn memory(name: &str) -> Origin {
        Origin {
            stem: stem_of(name),
            path: None,
            name: name.to_owned(),
        }
    }
}

/// One article from bytes in memory. `name` names it in errors and gives its id
/// (its file stem: `"001.txt"` → `001`). `Text` and `Html` are read as a file
/// would be; with `Jsonl` the bytes are one JSON object (it may span lines).
pub fn input_from_bytes(
    name: &str,
    bytes: &[u8],
    format: Format,
    opts: &ReadOptions,
) -> Result<Input, ReadError> {
    let origin = Origin::memory(name);
    match format {
        Format::Jsonl => {
            let decoded = decode(bytes, None).map_err(|r| ReadError::new(name, r))?;
            let mut input = jsonl::object_to_input(&decoded.text, &origin.stem, None, name, opts)
                .map_err(|r| ReadError::new(name, r))?;
            input.warnings.extend(decoded.note);
            Ok(input)
        }
        _ => document(&origin, bytes, format, opts),
    }
}

/// Every article in bytes in memory: one for `Text` and `Html`, one per
/// non-blank line for `Jsonl` (errors name `name:LINE`).
pub fn inputs_from_bytes(
    name: &str,
    bytes: &[u8],
    format: Format,
    opts: &ReadOptions,
) -> Vec<Result<Input, ReadError>> {
    let origin = Origin::memory(name);
    match format {
        Format::Jsonl => jsonl::Lines::new(Box::new(bytes), origin, opts.clone()).collect(),
        _ => vec![document(&origin, bytes, format, opts)],
    }
}

/// A whole-file article (plain text or HTML) from its raw bytes.
pub(crate) fn document(
    origin: &Origin,
    bytes: &[u8],
    format: Format,
    opts: &ReadOptions,
) -> Result<Input, ReadError> {
    let fail = |reason: Reason| ReadError::new(origin.name.clone(), reason);
    let sha256 = sha256_hex(bytes);
    let mut input = match format {
        Format::Html => html::read_page(bytes).map_err(fail)?.into_input(),
        _ => {
            let decoded = decode(bytes, None).map_err(fail)?;
            Input {
                id: String::new(),
                path: None,
                name: String::new(),
                sha256: String::new(),
                text: decoded.text,
                given: Given::default(),
                removed: Vec::new(),
                format: Format::Text,
                warnings: decoded.note.into_iter().collect(),
            }
        }
    };
    input.id = origin.stem.clone();
    input.path = origin.path.clone();
    input.name = origin.name.clone();
    input.sha256 = sha256;
    if input.given.published.is_none() {
        input.given.published = opts.published.clone();
    }
    Ok(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_bytes() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn text_from_memory() {
        let opts = ReadOptions {
            published: Some("2022-01-10".into()),
            ..ReadOptions::default()
        };
        let input = input_from_bytes(
            "dossier/001.txt",
            "Le Sénat a voté.\r\n".as_bytes(),
            Format::Text,
            &opts,
        )
        .unwrap();
        assert_eq!(input.id, "001");
        assert_eq!(input.name, "dossier/001.txt");
        assert_eq!(input.path, None);
        assert_eq!(input.text, "Le Sénat a voté.\n");
        assert_eq!(input.given.published.as_deref(), Some("2022-01-10"));
        assert_eq!(input.sha256, sha256_hex("Le Sénat a voté.\r\n".as_bytes()));
        let doc = input.into_document();
        assert_eq!(doc.raw, "Le Sénat a voté.\n");
        assert_eq!(doc.id, "001");
    }

    #[test]
    fn one_json_object_from_memory() {
        let bytes = "{\n  \"id\": \"a1\",\n  \"text\": \"La Chine a salué l’accord.\",\n  \"lang\": \"fr\"\n}";
        let input = input_from_bytes(
            "x.json",
            bytes.as_bytes(),
            Format::Jsonl,
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(input.id, "a1");
        assert_eq!(input.given.language.as_deref(), Some("fr"));
        assert_eq!(
            input.sha256,
            sha256_hex("La Chine a salué l’accord.".as_bytes())
        );
    }

    #[test]
    fn empty_text_is_refused_with_its_name() {
        let e = input_from_bytes("vide.txt", b"  \n ", Format::Text, &ReadOptions::default())
            .unwrap_err();
        assert_eq!(e.to_string(), "vide.txt: empty");
    }
}
