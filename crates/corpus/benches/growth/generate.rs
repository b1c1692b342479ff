//! Documents for the growth benchmark, made by recombining real paragraphs:
//! the Assemblée nationale debates of January 2013 and the seed articles,
//! some paragraphs with a word changed, as agency copy is reprinted and
//! lightly edited. Deterministic: the same seed gives the same documents.
//!
//! Two ways to draw paragraphs:
//! - [`Mode::Window`] (the default), like news: most paragraphs of a document
//!   come from the copy of the last few days (a window of the paragraphs
//!   sliding once over all of them during the run), a few from anywhere
//!   (background paragraphs resurfacing). How many earlier copies a new
//!   document has is then the same at 1k as at 100k documents: what grows
//!   is only the store.
//! - [`Mode::Uniform`]: every paragraph from anywhere, so the more documents
//!   stored, the more copies of each paragraph a new one finds (from about 2
//!   per document at 1k to the stage's limits well before 100k): the worst
//!   case, where the work per document grows with the duplicates found.

use std::path::Path;

use chronicle_model::{Document, Origin, Precision, Published, Span};

/// How paragraphs are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Mostly from a window sliding over the paragraphs.
    Window,
    /// From anywhere.
    Uniform,
}

/// Paragraphs to draw from, and words to edit them with.
pub struct Generator {
    paragraphs: Vec<String>,
    words: Vec<String>,
    state: u64,
    mode: Mode,
    total: usize,
}

/// Paragraphs in the sliding window.
const WINDOW: usize = 60;

/// Documents published per day (their dates spread the stories).
const PER_DAY: usize = 50;

impl Generator {
    /// Reads the paragraphs of at least 20 words of the debates and the
    /// seeds under `shared` (`data/text/assemblee-nationale-2013/*.txt`,
    /// `corpus/seeds/*.txt`).
    /// `total` documents will be drawn (the window slides over all the
    /// paragraphs in that many).
    pub fn load(shared: &Path, mode: Mode, total: usize) -> Result<Generator, String> {
        let mut paragraphs = Vec::new();
        for dir in ["data/text/assemblee-nationale-2013", "corpus/seeds"] {
            let dir = shared.join(dir);
            let mut files: Vec<_> = std::fs::read_dir(&dir)
                .map_err(|e| format!("{}: {e}", dir.display()))?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            files.sort();
            for f in files {
                let text =
                    std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
                for line in text.lines() {
                    let line = line.trim();
                    if line.split_whitespace().count() >= 20 {
                        paragraphs.push(line.to_string());
                    }
                }
            }
        }
        paragraphs.sort();
        paragraphs.dedup();
        if paragraphs.is_empty() {
            return Err(format!("no paragraphs under {}", shared.display()));
        }
        let mut words: Vec<String> = paragraphs
            .iter()
            .flat_map(|p| p.split_whitespace())
            .filter(|w| w.len() >= 6 && w.chars().all(char::is_alphabetic))
            .map(str::to_string)
            .collect();
        words.sort();
        words.dedup();
        // Shuffle, so that the window does not follow the debates' order.
        let mut g = Generator {
            paragraphs,
            words,
            state: 0x00c0_ffee,
            mode,
            total: total.max(1),
        };
        for i in (1..g.paragraphs.len()).rev() {
            let j = g.below(i + 1);
            g.paragraphs.swap(i, j);
        }
        Ok(g)
    }

    /// How many distinct paragraphs it draws from.
    pub fn pool(&self) -> usize {
        self.paragraphs.len()
    }

    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// Document number `n`: 3 to 9 paragraphs, a quarter of them with one
    /// word replaced, published on day `n / 50` after 2013-01-01 (months of
    /// 28 days).
    pub fn document(&mut self, n: usize) -> Document {
        let count = 3 + self.below(7);
        let mut body = String::new();
        let mut spans = Vec::with_capacity(count);
        let len = self.paragraphs.len();
        let at = n * len.saturating_sub(WINDOW) / self.total;
        for _ in 0..count {
            let recent = self.mode == Mode::Window && self.below(20) != 0;
            let i = if recent {
                (at + self.below(WINDOW)) % len
            } else {
                self.below(len)
            };
            let mut p = self.paragraphs[i].clone();
            if self.below(4) == 0 {
                let words: Vec<&str> = p.split(' ').collect();
                let at = self.below(words.len());
                let with = self.below(self.words.len());
                let mut edited: Vec<String> = words.iter().map(|w| w.to_string()).collect();
                edited[at] = self.words[with].clone();
                p = edited.join(" ");
            }
            if !body.is_empty() {
                body.push('\n');
            }
            let start = body.len();
            body.push_str(&p);
            spans.push(Span::new(start, body.len()));
        }
        let day = n / PER_DAY;
        let (month, dom) = ((day / 28) % 12 + 1, day % 28 + 1);
        let year = 2013 + day / (28 * 12);
        Document {
            id: format!("gen-{n:06}"),
            sha256: format!("{:016x}{:048x}", n, self.next()),
            published: Some(Published {
                value: format!("{year:04}-{month:02}-{dom:02}"),
                precision: Precision::Day,
                origin: Origin::Metadata,
            }),
            body,
            paragraphs: spans,
            language: Some("fr".into()),
            ..Document::default()
        }
    }
}
