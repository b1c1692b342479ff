//! The lemmatiser: a (form, UPOS) → lemma table learnt from the treebanks,
//! then the Lefff lexicon, then suffix rules (`UPOS` + the longest known
//! ending of the form → an edit such as "strip 3, add `er`") learnt from the
//! treebanks and the lexicon. Proper nouns, numbers and punctuation keep
//! their form, as UD French does.

use std::collections::HashMap;

use crate::error::NlpError;
use crate::features::lower;
use crate::lexicon::Lexicon;
use crate::model_file::{Reader, Writer};
use crate::strtable::StrTable;
use crate::tags::Upos;

/// Turns a form into a lemma: strip some characters, append a suffix.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Edit {
    strip: u32,
    add: String,
}

impl Edit {
    /// The edit that turns `form` into `lemma`.
    pub(crate) fn between(form: &str, lemma: &str) -> Edit {
        let common = form
            .chars()
            .zip(lemma.chars())
            .take_while(|(a, b)| a == b)
            .count();
        Edit {
            strip: (form.chars().count() - common) as u32,
            add: lemma.chars().skip(common).collect(),
        }
    }

    /// Applies the edit (an edit longer than the form keeps the form).
    pub(crate) fn apply(&self, form: &str) -> String {
        let n = form.chars().count();
        let strip = self.strip as usize;
        if strip > n {
            return form.to_string();
        }
        let mut s: String = form.chars().take(n - strip).collect();
        s.push_str(&self.add);
        s
    }
}

/// Interned edits.
#[derive(Debug, Clone, Default)]
pub(crate) struct EditTable {
    edits: Vec<Edit>,
    index: HashMap<Edit, u32>,
}

impl EditTable {
    /// The id of `e`, adding it when new.
    pub(crate) fn intern(&mut self, e: Edit) -> u32 {
        if let Some(&i) = self.index.get(&e) {
            return i;
        }
        let i = self.edits.len() as u32;
        self.index.insert(e.clone(), i);
        self.edits.push(e);
        i
    }

    /// The edit `id`.
    pub(crate) fn get(&self, id: u32) -> Option<&Edit> {
        self.edits.get(id as usize)
    }

    /// Number of edits.
    pub(crate) fn len(&self) -> usize {
        self.edits.len()
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.u32s(&self.edits.iter().map(|e| e.strip).collect::<Vec<_>>());
        w.strs(&self.edits.iter().map(|e| e.add.clone()).collect::<Vec<_>>());
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Self, NlpError> {
        let strips = r.u32s()?;
        let adds = r.strs()?;
        if strips.len() != adds.len() {
            return Err(r.err("edit table columns differ in length"));
        }
        let mut t = EditTable::default();
        for (strip, add) in strips.into_iter().zip(adds) {
            t.intern(Edit { strip, add });
        }
        Ok(t)
    }
}

/// Longest ending used by the suffix rules, in characters.
const MAX_SUFFIX: usize = 7;

/// The lemmatiser's tables.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lemmatizer {
    /// `form \x1f UPOS` → edit id.
    table: StrTable,
    /// `UPOS \x1f ending` → edit id.
    rules: StrTable,
    edits: EditTable,
}

fn key(form: &str, upos: Upos) -> String {
    format!("{form}\x1f{}", upos.as_str())
}

/// Counts of (key → edit) while learning.
#[derive(Debug, Default)]
pub(crate) struct LemmaCounts {
    table: HashMap<String, HashMap<Edit, u32>>,
    rules: HashMap<String, HashMap<Edit, u32>>,
}

impl LemmaCounts {
    /// One treebank word: goes to the table and the rules.
    pub(crate) fn add_word(&mut self, form: &str, upos: Upos, lemma: &str) {
        if lemma == "_" || form.is_empty() {
            return;
        }
        let low = lower(form);
        let base = if upos == Upos::Propn {
            form
        } else {
            low.as_str()
        };
        let e = Edit::between(base, lemma);
        *self
            .table
            .entry(key(form, upos))
            .or_default()
            .entry(e.clone())
            .or_default() += 1;
        self.add_rule(&low, upos, lemma, 3);
    }

    /// One (lower-cased form, tag, lemma) example for the suffix rules, of `weight`.
    pub(crate) fn add_rule(&mut self, low: &str, upos: Upos, lemma: &str, weight: u32) {
        if matches!(
            upos,
            Upos::Propn | Upos::Num | Upos::Punct | Upos::Sym | Upos::X
        ) {
            return;
        }
        let e = Edit::between(low, &lower(lemma));
        let chars: Vec<usize> = low.char_indices().map(|(i, _)| i).collect();
        for k in 1..=MAX_SUFFIX.min(chars.len()) {
            let end = &low[chars[chars.len() - k]..];
            *self
                .rules
                .entry(format!("{}\x1f{end}", upos.as_str()))
                .or_default()
                .entry(e.clone())
                .or_default() += weight;
        }
    }

    /// The tables: most frequent edit per key; a rule is kept only where it
    /// differs from the rule of its one-shorter ending.
    pub(crate) fn finish(self) -> Lemmatizer {
        let mut edits = EditTable::default();
        let best = |m: &HashMap<Edit, u32>| {
            m.iter()
                .max_by(|a, b| {
                    a.1.cmp(b.1)
                        .then_with(|| b.0.add.cmp(&a.0.add))
                        .then_with(|| b.0.strip.cmp(&a.0.strip))
                })
                .map(|(e, _)| e.clone())
        };
        let mut table: Vec<(String, u32)> = Vec::new();
        let mut keys: Vec<&String> = self.table.keys().collect();
        keys.sort();
        for k in keys {
            if let Some(e) = best(&self.table[k]) {
                table.push((k.clone(), edits.intern(e)));
            }
        }
        let mut rule_best: HashMap<&str, Edit> = HashMap::new();
        for (k, m) in &self.rules {
            if let Some(e) = best(m) {
                rule_best.insert(k.as_str(), e);
            }
        }
        let mut rules: Vec<(String, u32)> = Vec::new();
        let mut rkeys: Vec<&&str> = rule_best.keys().collect();
        rkeys.sort();
        for k in rkeys {
            let e = &rule_best[*k];
            let (tag, end) = k.split_once('\x1f').unwrap_or(("", k));
            let shorter = end.char_indices().nth(1).map(|(i, _)| &end[i..]);
            let parent = shorter.and_then(|s| rule_best.get(format!("{tag}\x1f{s}").as_str()));
            let total: u32 = self.rules[*k].values().sum();
            if parent == Some(e) || (total < 2 && shorter.is_some()) {
                continue;
            }
            rules.push((k.to_string(), edits.intern(e.clone())));
        }
        Lemmatizer {
            table: StrTable::build(table),
            rules: StrTable::build(rules),
            edits,
        }
    }
}

impl Lemmatizer {
    /// The lemma of `form` tagged `upos`.
    pub(crate) fn lemma(&self, form: &str, upos: Upos, lex: &Lexicon) -> String {
        if matches!(upos, Upos::Propn | Upos::Num | Upos::Punct | Upos::Sym) {
            if let Some(id) = self.table.get(&key(form, upos))
                && let Some(e) = self.edits.get(id)
            {
                return e.apply(form);
            }
            return form.to_string();
        }
        let low = lower(form);
        for k in [form, low.as_str()] {
            if let Some(id) = self.table.get(&key(k, upos))
                && let Some(e) = self.edits.get(id)
            {
                return e.apply(&low);
            }
        }
        if let Some(l) = lex.lemma(form, upos) {
            return l;
        }
        self.by_rule(&low, upos)
    }

    /// The lemma the suffix rules give.
    pub(crate) fn by_rule(&self, low: &str, upos: Upos) -> String {
        let chars: Vec<usize> = low.char_indices().map(|(i, _)| i).collect();
        for k in (1..=MAX_SUFFIX.min(chars.len())).rev() {
            let end = &low[chars[chars.len() - k]..];
            if let Some(id) = self.rules.get(&format!("{}\x1f{end}", upos.as_str()))
                && let Some(e) = self.edits.get(id)
            {
                return e.apply(low);
            }
        }
        low.to_string()
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        self.table.write(w);
        self.rules.write(w);
        self.edits.write(w);
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Self, NlpError> {
        let l = Lemmatizer {
            table: StrTable::read(r)?,
            rules: StrTable::read(r)?,
            edits: EditTable::read(r)?,
        };
        let n = l.edits.len() as u32;
        if l.table.iter().chain(l.rules.iter()).any(|(_, v)| v >= n) {
            return Err(r.err("a lemma rule names a missing edit"));
        }
        Ok(l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits() {
        let e = Edit::between("mangeaient", "manger");
        assert_eq!(e.apply("rangeaient"), "ranger");
        assert_eq!(Edit::between("est", "être").apply("est"), "être");
    }

    #[test]
    fn table_then_rules() {
        let mut c = LemmaCounts::default();
        c.add_word("chantaient", Upos::Verb, "chanter");
        c.add_word("parlaient", Upos::Verb, "parler");
        c.add_word("est", Upos::Aux, "être");
        c.add_word("Paris", Upos::Propn, "Paris");
        let l = c.finish();
        let lx = Lexicon::default();
        assert_eq!(l.lemma("Est", Upos::Aux, &lx), "être");
        assert_eq!(l.lemma("dansaient", Upos::Verb, &lx), "danser");
        assert_eq!(l.lemma("Lyon", Upos::Propn, &lx), "Lyon");
    }
}
