//! The stream of inputs for a list of paths: files, folders and stdin, one
//! after the other, read lazily.

use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use crate::error::ReadError;
use crate::format::Format;
use crate::input::{Input, Origin, ReadOptions, document};
use crate::jsonl::Lines;
use crate::walk::Walk;

/// Buffer size for streaming JSON Lines files.
const JSONL_BUFFER: usize = 256 * 1024;

/// Reads `paths` in order: a file (whatever its extension), every article file
/// below a folder, or stdin for `-`. Nothing is read until the stream is
/// pulled; JSON Lines files are streamed line by line.
pub fn read(paths: &[PathBuf], opts: &ReadOptions) -> Inputs {
    Inputs {
        opts: opts.clone(),
        roots: Vec::from(paths).into_iter(),
        walk: None,
        lines: None,
    }
}

/// The inputs of [`read`], in order: each an [`Input`] or the [`ReadError`] of
/// the input that could not be read.
pub struct Inputs {
    opts: ReadOptions,
    roots: std::vec::IntoIter<PathBuf>,
    walk: Option<Walk>,
    lines: Option<Lines<'static>>,
}

impl Iterator for Inputs {
    type Item = Result<Input, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(lines) = self.lines.as_mut() {
                match lines.next() {
                    Some(item) => return Some(item),
                    None => self.lines = None,
                }
            }
            if let Some(walk) = self.walk.as_mut() {
                match walk.next() {
                    Some(Ok(found)) => {
                        if let Some(item) = self.open_file(&found.path, found.format, found.sniff) {
                            return Some(item);
                        }
                    }
                    Some(Err(e)) => return Some(Err(e)),
                    None => self.walk = None,
                }
                continue;
            }
            let root = self.roots.next()?;
            if root.as_os_str() == "-" {
                if let Some(item) = self.open_stdin() {
                    return Some(item);
                }
                continue;
            }
            match fs::metadata(&root) {
                Err(e) => return Some(Err(ReadError::new(root.to_string_lossy(), e.into()))),
                Ok(m) if m.is_dir() => self.walk = Some(Walk::new(root)),
                Ok(_) => {
                    let known = known_format(&root);
                    let format = known.unwrap_or(Format::Text);
                    if let Some(item) = self.open_file(&root, format, known.is_none()) {
                        return Some(item);
                    }
                }
            }
        }
    }
}

/// The format an extension names, if it names one of ours.
fn known_format(path: &Path) -> Option<Format> {
    path.extension()
        .and_then(|e| e.to_str())
        .and_then(Format::from_extension)
}

impl Inputs {
    /// Reads a whole-file article, or starts streaming a JSON Lines file (then
    /// `None`: its lines come on the next pulls). `sniff`: the extension said
    /// nothing, so a file that opens like a page is read as HTML.
    fn open_file(
        &mut self,
        path: &Path,
        format: Format,
        sniff: bool,
    ) -> Option<Result<Input, ReadError>> {
        let origin = Origin::file(path);
        if format == Format::Jsonl {
            return match File::open(path) {
                Ok(file) => {
                    let reader = BufReader::with_capacity(JSONL_BUFFER, file);
                    self.lines = Some(Lines::new(Box::new(reader), origin, self.opts.clone()));
                    None
                }
                Err(e) => Some(Err(ReadError::new(origin.name, e.into()))),
            };
        }
        let bytes = match fs::read(path) {
            Ok(b) => b,
            Err(e) => return Some(Err(ReadError::new(origin.name, e.into()))),
        };
        let format = if sniff && format == Format::Text && Format::sniff_page(&bytes) {
            Format::Html
        } else {
            format
        };
        Some(document(&origin, &bytes, format, &self.opts))
    }

    /// Reads stdin: its format from the options, else from its first bytes.
    /// JSON Lines is streamed; text and HTML are read whole.
    fn open_stdin(&mut self) -> Option<Result<Input, ReadError>> {
        let origin = Origin::stdin();
        let mut stdin = io::stdin();
        let mut head = Vec::new();
        let format = match self.opts.stdin_format {
            Some(f) => f,
            None => {
                if let Err(e) = read_head(&mut stdin, &mut head) {
                    return Some(Err(ReadError::new(origin.name, e.into())));
                }
                Format::sniff(&head)
            }
        };
        if format == Format::Jsonl {
            let reader = BufReader::with_capacity(JSONL_BUFFER, Cursor::new(head).chain(stdin));
            self.lines = Some(Lines::new(Box::new(reader), origin, self.opts.clone()));
            return None;
        }
        if let Err(e) = stdin.read_to_end(&mut head) {
            return Some(Err(ReadError::new(origin.name, e.into())));
        }
        Some(document(&origin, &head, format, &self.opts))
    }
}

/// Reads from `reader` into `head` until it holds a printable ASCII byte (enough
/// to sniff the format) or 64 bytes, or the input ends.
fn read_head(reader: &mut impl Read, head: &mut Vec<u8>) -> io::Result<()> {
    let mut chunk = [0u8; 4096];
    while head.len() < 64 && !head.iter().any(u8::is_ascii_graphic) {
        let n = match reader.read(&mut chunk) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            break;
        }
        head.extend_from_slice(&chunk[..n]);
    }
    Ok(())
}

/// How many items [`read`] will give for `paths`, for a progress bar: one per
/// file, one per non-blank line of a JSON Lines file (which is scanned for it),
/// one per path that cannot be read. `None` when stdin is among the paths.
pub fn count(paths: &[PathBuf]) -> Option<usize> {
    let mut n = 0;
    for path in paths {
        if path.as_os_str() == "-" {
            return None;
        }
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                for found in Walk::new(path.clone()) {
                    n += match found {
                        Ok(f) if f.format == Format::Jsonl => count_lines(&f.path),
                        _ => 1,
                    };
                }
            }
            Ok(_) if known_format(path) == Some(Format::Jsonl) => n += count_lines(path),
            _ => n += 1,
        }
    }
    Some(n)
}

/// Non-blank lines of a file (at least 1: an empty or unreadable file gives one
/// error).
fn count_lines(path: &Path) -> usize {
    let Ok(file) = File::open(path) else {
        return 1;
    };
    let mut reader = BufReader::with_capacity(JSONL_BUFFER, file);
    let mut lines = 0usize;
    let mut blank = true;
    loop {
        let buf = match reader.fill_buf() {
            Ok([]) => break,
            Ok(b) => b,
            Err(_) => break,
        };
        for &b in buf {
            if b == b'\n' {
                if !blank {
                    lines += 1;
                }
                blank = true;
            } else if !b.is_ascii_whitespace() {
                blank = false;
            }
        }
        let len = buf.len();
        reader.consume(len);
    }
    if !blank {
        lines += 1;
    }
    lines.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_can_move_to_another_thread() {
        fn send<T: Send>() {}
        send::<Inputs>();
        send::<Input>();
        send::<ReadError>();
    }

    #[test]
    fn head_stops_at_the_first_printable_byte() {
        let mut head = Vec::new();
        read_head(&mut &b"   \n{\"text\": 1}"[..], &mut head).unwrap();
        assert_eq!(Format::sniff(&head), Format::Jsonl);
    }
}
