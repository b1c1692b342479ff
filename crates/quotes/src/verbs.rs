//! Reporting-verb groups: a reporting verb with what is glued to it —
//! negation, reflexive or object pronoun, auxiliary, adverbs between auxiliary
//! and participle, an inverted subject pronoun (`a-t-il ajouté`,
//! `s'est félicité`, `n'a pas démenti`, `lui dit-elle`, `fait cependant état`).

use crate::lexicon::Lexicon;
use crate::view::View;

/// Which form the verb of a group has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerbForm {
    /// A finite verb or a compound tense (`déclare`, `a déclaré`).
    Finite,
    /// A past participle without auxiliary (`et appelé`).
    Participle,
    /// A present participle (`affirmant`, `ayant déclaré`).
    Present,
    /// An infinitive (`dire`, `avoir demandé`).
    Infinitive,
}

/// A reporting verb as it stands in the text.
#[derive(Debug, Clone)]
pub(crate) struct VerbGroup {
    /// Its first token (negation, pronoun or auxiliary included).
    pub first: usize,
    /// Its last token, an inverted subject pronoun included.
    pub last: usize,
    /// Index of its lemma in the lexicon.
    pub lemma: usize,
    /// Its form.
    pub form: VerbForm,
    /// The inverted subject pronoun (`-t-il`), if any.
    pub clitic: Option<usize>,
    /// Negated (`n'a pas démenti`).
    pub negated: bool,
    /// Passive (`est accusée`): its subject is spoken of, not speaking.
    pub passive: bool,
    /// The words of the verb as written, without adverbs or inverted pronoun
    /// (`a ajouté`, `s’est félicité`).
    pub cue: String,
}

/// Whether `form` of the verb `lemma` can only be a past participle
/// (`déclaré`, `promis`, `prévenu`, `réjoui`); `indique`, `nie`, `dit` can be
/// finite.
fn participle_only(form: &str, lemma: &str) -> bool {
    if ["é", "ée", "és", "ées"].iter().any(|e| form.ends_with(e)) {
        return true;
    }
    if lemma.ends_with("er") {
        return false;
    }
    ["u", "ue", "us", "ues", "i", "ie", "is", "ies"]
        .iter()
        .any(|e| form.ends_with(e))
}

/// The reporting verb starting at token `j`: its lemma, one past its last
/// token, and whether it is the infinitive. Words of a multiword verb may have
/// adverbs between them (`fait cependant état`).
fn verb_form(view: &View, lex: &Lexicon, j: usize) -> Option<(usize, usize, bool)> {
    let t = view.toks.get(j)?;
    if !t.word {
        return None;
    }
    let mut best: Option<(usize, usize, bool)> = None;
    for (rest, lemma, inf) in lex.forms_starting(&t.low) {
        let mut k = j + 1;
        let mut ok = true;
        for w in rest {
            let mut skipped = 0;
            while view.low(k) != w && skipped < 2 {
                let n = view.adverb_len(lex, k);
                if n == 0 {
                    break;
                }
                k += n;
                skipped += 1;
            }
            if view.low(k) == w {
                k += 1;
            } else {
                ok = false;
                break;
            }
        }
        if ok && best.is_none_or(|b| k > b.1) {
            best = Some((lemma, k, inf));
        }
    }
    best
}

/// The cue of a group: its tokens `first..=last` without adverbs and the
/// inverted pronoun, joined as the body spaces them.
fn cue_text(view: &View, lex: &Lexicon, first: usize, last: usize, keep: &[usize]) -> String {
    let mut out = String::new();
    let mut prev_end: Option<usize> = None;
    for i in first..=last {
        let Some(t) = view.toks.get(i) else { break };
        if !keep.contains(&i) {
            continue;
        }
        if let Some(pe) = prev_end
            && (pe < t.start || lex.is("adv", &t.low))
        {
            out.push(' ');
        }
        out.push_str(view.text(i));
        prev_end = Some(t.end);
    }
    out
}

/// The reporting-verb group starting at token `i`, if one does.
pub(crate) fn group_at(view: &View, lex: &Lexicon, i: usize) -> Option<VerbGroup> {
    let mut keep = Vec::new();
    let mut j = i;
    let mut negated = false;
    let mut reflexive = false;
    let mut passive = false;
    if lex.is("obj", view.low(j)) && j + 1 < view.len() {
        j += 1;
    }
    if lex.is("neg", view.low(j)) {
        keep.push(j);
        negated = true;
        j += 1;
    }
    if lex.is("refl", view.low(j)) {
        keep.push(j);
        reflexive = true;
        j += 1;
    }
    let mut clitic = None;
    let (form, lemma, verb, end);
    let low = view.low(j);
    let aux_kind = if lex.is("aux", low) {
        Some(VerbForm::Finite)
    } else if lex.is("aux_inf", low) {
        Some(VerbForm::Infinitive)
    } else if lex.is("aux_part", low) {
        Some(VerbForm::Present)
    } else {
        None
    };
    if let Some(kind) = aux_kind {
        passive = !reflexive && lex.is("aux_passive", low);
        keep.push(j);
        j += 1;
        if lex.is("inv", view.low(j)) {
            clitic = Some(j);
            j += 1;
        }
        let mut skipped = 0;
        let mut adverbs = |j: &mut usize, keep: &mut Vec<usize>| {
            while skipped < 4 && verb_form(view, lex, *j).is_none() {
                let n = view.adverb_len(lex, *j);
                if n == 0 {
                    break;
                }
                if n == 1 && ["pas", "plus", "jamais", "point", "guère"].contains(&view.low(*j)) {
                    keep.push(*j);
                }
                *j += n;
                skipped += 1;
            }
        };
        adverbs(&mut j, &mut keep);
        // "a, elle aussi, regretté", "a, pour sa part, exprimé": adverbs
        // in commas between the auxiliary and its participle.
        if view.is_punct(j, ",")
            && let Some(c) = (j + 1..(j + 6).min(view.len())).find(|&x| view.punct(x))
            && c > j + 1
            && view.is_punct(c, ",")
        {
            let mut x = j + 1;
            while x < c {
                let n = view.adverb_len(lex, x);
                if n == 0 {
                    break;
                }
                x += n;
            }
            if x == c && verb_form(view, lex, c + 1).is_some() {
                j = c + 1;
            }
        }
        // "il a été souligné", "ont été invités": a passive compound tense.
        if lex.is("passive_part", view.low(j)) && lex.is("aux", low) {
            passive = true;
            keep.push(j);
            j += 1;
            adverbs(&mut j, &mut keep);
        }
        let (l, e, _) = verb_form(view, lex, j)?;
        form = kind;
        lemma = l;
        verb = j;
        end = e;
    } else {
        let (l, mut e, inf) = verb_form(view, lex, j)?;
        form = if inf {
            VerbForm::Infinitive
        } else if view.low(j).ends_with("ant") {
            VerbForm::Present
        } else if participle_only(
            view.low(j),
            lex.lemmas.get(l).map_or("", |x| x.name.as_str()),
        ) {
            VerbForm::Participle
        } else {
            VerbForm::Finite
        };
        if lex.is("inv", view.low(e)) {
            clitic = Some(e);
            e += 1;
        }
        lemma = l;
        verb = j;
        end = e;
        // "la demande", "l'annonce", "le dit": a determiner before a verb
        // without auxiliary makes it a noun or an adjective.
        // But "les" before a form no plural noun has ("les accuse"), or
        // "le", "la" before a plural verb ("la démentent"), is an object
        // pronoun.
        if i == verb && i > 0 && lex.determiners.contains_key(view.low(i - 1)) {
            let w = view.low(i);
            let pronoun = match view.low(i - 1) {
                "les" => !w.ends_with(['s', 'x']),
                "le" | "la" | "l'" | "l’" => w.ends_with("ent") || w.ends_with("ont"),
                _ => false,
            };
            if !pronoun {
                return None;
            }
        }
    }
    for k in verb..end {
        if clitic != Some(k) && !lex.is("adv", view.low(k)) || k == verb {
            keep.push(k);
        }
    }
    let last = end.checked_sub(1)?;
    let cue = cue_text(view, lex, i, last, &keep);
    Some(VerbGroup {
        first: i,
        last,
        lemma,
        form,
        clitic,
        negated,
        passive,
        cue,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks;
    use chronicle_model::Document;

    fn view_of(text: &str) -> (Document, Lexicon) {
        let seg = chronicle_text::Segmenter::french().expect("segmenter");
        let mut doc = Document {
            body: text.to_string(),
            ..Document::default()
        };
        seg.analyse(&mut doc);
        (doc, Lexicon::french().expect("lexicon"))
    }

    fn groups(text: &str) -> Vec<(String, VerbForm, bool)> {
        let (doc, lex) = view_of(text);
        let m = marks::find(&doc.body, &lex.marks);
        let view = View::new(&doc, &m);
        let mut out = Vec::new();
        let mut i = 0;
        while i < view.len() {
            if let Some(g) = group_at(&view, &lex, i) {
                out.push((g.cue.clone(), g.form, g.clitic.is_some()));
                i = g.last + 1;
            } else {
                i += 1;
            }
        }
        out
    }

    #[test]
    fn compound_and_inverted_groups() {
        let g =
            groups("Il a ainsi assuré, a-t-il ajouté, qu’elle s’est réjouie et n’a pas démenti.");
        assert_eq!(
            g,
            vec![
                ("a assuré".to_string(), VerbForm::Finite, false),
                ("a ajouté".to_string(), VerbForm::Finite, true),
                ("s’est réjouie".to_string(), VerbForm::Finite, false),
                ("n’a pas démenti".to_string(), VerbForm::Finite, false),
            ]
        );
    }

    #[test]
    fn multiword_present_and_infinitive() {
        let g = groups("Il fait cependant état de tensions, affirmant vouloir dire la vérité.");
        assert_eq!(g[0].0, "fait état");
        assert_eq!(g[1].1, VerbForm::Present);
        assert_eq!(g[2].1, VerbForm::Infinitive);
    }

    #[test]
    fn nouns_are_not_verbs() {
        let g = groups("La demande de la Chine et l’annonce du gouvernement.");
        assert!(g.is_empty(), "{g:?}");
    }
}
