//! Reading the seeds and examples through the front of the pipeline (clean,
//! analyse, time), for the corpus stage's tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chronicle_clean::Cleaner;
use chronicle_model::Document;
use chronicle_text::Segmenter;
use chronicle_time::TimeTagger;

/// The shared folder next to the repository.
pub fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A hex digest standing in for the sha256 of the input (distinct inputs,
/// distinct digests; the corpus stage only needs them to differ).
fn digest(bytes: &[u8]) -> String {
    let mut parts = [0xcbf2_9ce4_8422_2325u64, 0x8422_2325_cbf2_9ce4, 7, 11];
    for (k, part) in parts.iter_mut().enumerate() {
        for &b in bytes {
            *part ^= u64::from(b);
            *part = part.wrapping_mul(0x0000_0100_0000_01b3 + 2 * k as u64);
        }
    }
    parts.iter().map(|p| format!("{p:016x}")).collect()
}

/// The front of the pipeline, loaded once.
pub struct Front {
    cleaner: Cleaner,
    segmenter: Segmenter,
    time: TimeTagger,
}

impl Front {
    pub fn new() -> Front {
        Front {
            cleaner: Cleaner::builtin().expect("cleaning rules"),
            segmenter: Segmenter::french().expect("French lexicon"),
            time: TimeTagger::french().expect("French time words"),
        }
    }

    /// A document from a text file, cleaned, tokenised and dated.
    pub fn read(&self, path: &Path) -> Document {
        let bytes =
            std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let raw = String::from_utf8_lossy(&bytes).into_owned();
        let mut doc = Document {
            id: path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            path: Some(path.display().to_string()),
            sha256: digest(&bytes),
            raw,
            ..Document::default()
        };
        self.run(&mut doc);
        doc
    }

    /// Runs clean, analyse and time over a document read by the caller.
    pub fn run(&self, doc: &mut Document) {
        self.cleaner.clean(doc);
        self.segmenter.analyse(doc);
        self.time.annotate(doc);
    }
}

/// The `.txt` files of a folder, sorted; fails clearly when it is missing.
pub fn texts(dir: &Path) -> Vec<PathBuf> {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| {
        panic!(
            "the test data folder {} is missing ({e}); the seeds live in the shared folder next to the repository",
            dir.display()
        )
    });
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}
