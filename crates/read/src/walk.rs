//! Folders: every file below, depth first, in a stable order, skipping hidden
//! entries and files that are clearly not articles.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::ReadError;
use crate::format::Format;

/// A file found in a folder, with the format to read it as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// The folder as given, joined with the path inside it.
    pub(crate) path: PathBuf,
    /// By extension; plain text when it has none we know.
    pub(crate) format: Format,
    /// Whether its extension says nothing, so its bytes may still show a page.
    pub(crate) sniff: bool,
}

enum Pending {
    Dir(PathBuf),
    File(PathBuf),
}

/// The files below a folder, lazily: one directory is listed at a time. Entries
/// are sorted by name, byte-wise, and folders are entered where their name
/// falls, so the order is that of the paths compared component by component
/// (`a/z.txt` before `a.txt`, as [`Path`]'s ordering has it). Names starting with
/// `.` are skipped, and so are symbolic links to folders (to stay clear of
/// loops); links to files are read. A folder that cannot be listed gives one
/// error and the walk goes on.
pub(crate) struct Walk {
    stack: Vec<Pending>,
}

impl Walk {
    /// The files below `dir`.
    pub(crate) fn new(dir: PathBuf) -> Self {
        Walk {
            stack: vec![Pending::Dir(dir)],
        }
    }

    /// Lists one folder onto the stack, smallest name on top.
    fn list(&mut self, dir: &Path) -> Result<(), ReadError> {
        let fail = |e: std::io::Error| ReadError::new(dir.to_string_lossy(), e.into());
        let mut entries = Vec::new();
        for entry in fs::read_dir(dir).map_err(fail)? {
            let entry = entry.map_err(fail)?;
            let name = entry.file_name();
            if name.as_encoded_bytes().first() == Some(&b'.') {
                continue;
            }
            let path = entry.path();
            let kind = entry.file_type().map_err(fail)?;
            let pending = if kind.is_dir() {
                Pending::Dir(path)
            } else if kind.is_symlink() {
                match fs::metadata(&path) {
                    Ok(target) if target.is_dir() => continue,
                    _ => Pending::File(path),
                }
            } else if kind.is_file() {
                Pending::File(path)
            } else {
                continue;
            };
            entries.push((name, pending));
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        self.stack.extend(entries.into_iter().rev().map(|(_, p)| p));
        Ok(())
    }
}

impl Iterator for Walk {
    type Item = Result<Found, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.stack.pop()? {
                Pending::Dir(dir) => {
                    if let Err(e) = self.list(&dir) {
                        return Some(Err(e));
                    }
                }
                Pending::File(path) => {
                    let ext = path.extension().map(|e| e.to_string_lossy().into_owned());
                    let skipped = match ext.as_deref() {
                        Some(ext) => Format::skipped_extension(ext),
                        None => path
                            .file_name()
                            .is_some_and(|n| Format::skipped_name(&n.to_string_lossy())),
                    };
                    if skipped {
                        continue;
                    }
                    let known = ext.as_deref().and_then(Format::from_extension);
                    return Some(Ok(Found {
                        format: known.unwrap_or(Format::Text),
                        sniff: known.is_none(),
                        path,
                    }));
                }
            }
        }
    }
}
