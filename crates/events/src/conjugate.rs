//! French conjugation, enough to recognise a verb in any simple tense and as a
//! participle: first-group (-er) verbs with their spelling changes,
//! second-group (-ir) verbs and regular -dre verbs by rule, every other verb
//! by a model paradigm of the lexicon whose forms it takes behind its own
//! prefix (soutenir = sou + tenir).

use std::collections::BTreeMap;

/// What a form of a verb is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Form {
    /// `promettre`
    Infinitive,
    /// `promet`, `promettent`
    Present,
    /// `promettait`
    Imperfect,
    /// `promit`
    SimplePast,
    /// `promettra`
    Future,
    /// `promettrait`
    Conditional,
    /// `promette` (also read as a present where the two agree)
    Subjunctive,
    /// `promis`, `promise`, `promis`, `promises`
    Participle,
    /// `promettant`
    Gerund,
}

/// The paradigm of a model verb, as the lexicon gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Model {
    /// The model's infinitive (`tenir`).
    pub lemma: String,
    /// The six persons of the present.
    pub present: Vec<String>,
    /// The imperfect stem (`ten`: tenais, tenait…).
    pub imperfect: String,
    /// The future stem (`tiendr`: tiendra, tiendrait…).
    pub future: String,
    /// Simple past, third singular and plural.
    pub simple_past: Vec<String>,
    /// Present subjunctive, third singular and plural.
    pub subjunctive: Vec<String>,
    /// Past participle, masculine singular.
    pub participle: String,
    /// Present participle.
    pub gerund: String,
}

const IMPERFECT: [&str; 5] = ["ais", "ait", "ions", "iez", "aient"];
/// Future endings; the second person singular is left out everywhere: news
/// hardly says "tu", and its forms are nouns and adjectives too (critiques,
/// internes, menaces).
const FUTURE: [&str; 5] = ["ai", "a", "ons", "ez", "ont"];
const CONDITIONAL: [&str; 5] = ["ais", "ait", "ions", "iez", "aient"];
const PARTICIPLE_ENDINGS: [&str; 4] = ["", "e", "s", "es"];

impl Model {
    /// Every form of the model with what it is.
    fn forms(&self) -> Vec<(String, Form)> {
        let mut out = vec![(self.lemma.clone(), Form::Infinitive)];
        out.extend(
            self.present
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != 1)
                .map(|(_, f)| (f.clone(), Form::Present)),
        );
        out.extend(
            IMPERFECT
                .iter()
                .map(|e| (format!("{}{e}", self.imperfect), Form::Imperfect)),
        );
        out.extend(
            FUTURE
                .iter()
                .map(|e| (format!("{}{e}", self.future), Form::Future)),
        );
        out.extend(
            CONDITIONAL
                .iter()
                .map(|e| (format!("{}{e}", self.future), Form::Conditional)),
        );
        out.extend(
            self.simple_past
                .iter()
                .map(|f| (f.clone(), Form::SimplePast)),
        );
        out.extend(
            self.subjunctive
                .iter()
                .map(|f| (f.clone(), Form::Subjunctive)),
        );
        out.extend(participles(&self.participle));
        out.push((self.gerund.clone(), Form::Gerund));
        out
    }
}

/// The four written forms of a past participle. A participle already ending
/// in `s` (`mis`) takes no second `s`.
fn participles(masculine: &str) -> Vec<(String, Form)> {
    PARTICIPLE_ENDINGS
        .iter()
        .filter_map(|e| {
            let f = if masculine.ends_with('s') && e.starts_with('s') {
                format!("{masculine}{}", &e[1..])
            } else {
                format!("{masculine}{e}")
            };
            (!f.is_empty()).then_some((f, Form::Participle))
        })
        .collect()
}

/// Why a verb could not be conjugated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ConjugateError {
    /// The model named for it is not in the lexicon.
    UnknownModel(String),
    /// Its ending says no group and no model's lemma ends it.
    NoModel(String),
}

/// The conjugator: rules for the regular groups and the lexicon's models.
#[derive(Debug, Clone, Default)]
pub(crate) struct Conjugator {
    models: BTreeMap<String, Model>,
}

impl Conjugator {
    /// A conjugator with these model paradigms.
    pub fn new(models: Vec<Model>) -> Conjugator {
        Conjugator {
            models: models.into_iter().map(|m| (m.lemma.clone(), m)).collect(),
        }
    }

    /// Every form of `lemma` (an infinitive, without `se`), deduplicated, with
    /// what each is. `model` names the paradigm to follow where the ending
    /// does not say it.
    pub fn forms(
        &self,
        lemma: &str,
        model: Option<&str>,
    ) -> Result<Vec<(String, Form)>, ConjugateError> {
        let mut out = match model {
            Some(name) => {
                let m = self
                    .models
                    .get(name)
                    .ok_or_else(|| ConjugateError::UnknownModel(name.to_string()))?;
                derive(lemma, m)
            }
            None => match self.model_ending(lemma) {
                Some(m) => derive(lemma, m),
                None if lemma.ends_with("er") => first_group(lemma),
                None if lemma.ends_with("ir") => second_group(lemma),
                None if lemma.ends_with("dre") && !lemma.ends_with("indre") => dre_group(lemma),
                None => return Err(ConjugateError::NoModel(lemma.to_string())),
            },
        };
        out.sort();
        out.dedup();
        Ok(out)
    }

    /// The model whose lemma ends `lemma`, the longest first.
    fn model_ending(&self, lemma: &str) -> Option<&Model> {
        self.models
            .values()
            .filter(|m| lemma.ends_with(m.lemma.as_str()))
            .max_by_key(|m| m.lemma.len())
    }
}

/// The forms of `lemma` after `model`: the part of the lemma before the
/// ending they share replaces the model's own beginning in each form.
fn derive(lemma: &str, model: &Model) -> Vec<(String, Form)> {
    let shared = common_suffix(lemma, &model.lemma);
    let own = &lemma[..lemma.len() - shared];
    let theirs = &model.lemma[..model.lemma.len() - shared];
    model
        .forms()
        .into_iter()
        .filter_map(|(f, kind)| {
            f.strip_prefix(theirs)
                .map(|rest| (format!("{own}{rest}"), kind))
        })
        .collect()
}

/// The length in bytes of the longest common ending of `a` and `b`, on
/// character boundaries.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum()
}

/// First group: `-er`, with the spelling changes of -cer, -ger, -yer, e/é
/// before a consonant and a mute ending (mène, préfère), and the doubled
/// consonant of appeler / jeter (both spellings are produced: matching only
/// needs the right one among them).
fn first_group(lemma: &str) -> Vec<(String, Form)> {
    let stem = &lemma[..lemma.len() - 2];
    // the stem before a mute ending (e, es, ent, and the future)
    let mut mute: Vec<String> = vec![stem.to_string()];
    if let Some(base) = stem.strip_suffix('y') {
        mute = vec![format!("{base}i")];
        if base.ends_with('a') {
            mute.push(stem.to_string());
        }
    } else if let Some((before, last)) = split_last_consonant(stem) {
        if let Some(b) = before.strip_suffix('é') {
            mute = vec![format!("{b}è{last}")];
        } else if let Some(b) = before.strip_suffix('e') {
            mute = vec![format!("{b}è{last}")];
            if last == "l" || last == "t" {
                mute.push(format!("{before}{last}{last}"));
            }
        }
    }
    // the stem before a, o (ça, geons)
    let hard = if let Some(b) = stem.strip_suffix('c') {
        format!("{b}ç")
    } else if stem.ends_with('g') {
        format!("{stem}e")
    } else {
        stem.to_string()
    };
    let mut out = vec![(lemma.to_string(), Form::Infinitive)];
    for m in &mute {
        for e in ["e", "ent"] {
            out.push((format!("{m}{e}"), Form::Present));
        }
        for e in ["e", "ent"] {
            out.push((format!("{m}{e}"), Form::Subjunctive));
        }
    }
    // the future on the infinitive (libérera, appuyera) and on the mute stem
    // (appellera, mènera, appuiera)
    let futures = std::iter::once(lemma.to_string()).chain(mute.iter().map(|m| format!("{m}er")));
    for fut in futures {
        for e in FUTURE {
            out.push((format!("{fut}{e}"), Form::Future));
        }
        for e in CONDITIONAL {
            out.push((format!("{fut}{e}"), Form::Conditional));
        }
    }
    out.push((format!("{hard}ons"), Form::Present));
    out.push((format!("{stem}ez"), Form::Present));
    for e in IMPERFECT {
        let s = if e.starts_with('i') {
            stem
        } else {
            hard.as_str()
        };
        out.push((format!("{s}{e}"), Form::Imperfect));
    }
    out.push((format!("{hard}a"), Form::SimplePast));
    out.push((format!("{stem}èrent"), Form::SimplePast));
    out.extend(participles(&format!("{stem}é")));
    out.push((format!("{hard}ant"), Form::Gerund));
    out
}

/// The last consonant of a stem, when the letter before it is a vowel
/// (`men` → `me` + `n`; `appel` → `appe` + `l`).
fn split_last_consonant(stem: &str) -> Option<(&str, &str)> {
    let (i, c) = stem.char_indices().last()?;
    if "bcdfghjklmnpqrstvwxz".contains(c) {
        let before = &stem[..i];
        if before.ends_with(['e', 'é']) {
            return Some((before, &stem[i..]));
        }
    }
    None
}

/// Second group: `-ir` with `-issons` (finir, envahir, fournir).
fn second_group(lemma: &str) -> Vec<(String, Form)> {
    let stem = &lemma[..lemma.len() - 2];
    let mut out = vec![(lemma.to_string(), Form::Infinitive)];
    for e in ["is", "it", "issons", "issez", "issent"] {
        out.push((format!("{stem}{e}"), Form::Present));
    }
    for e in IMPERFECT {
        out.push((format!("{stem}iss{e}"), Form::Imperfect));
    }
    for e in FUTURE {
        out.push((format!("{lemma}{e}"), Form::Future));
    }
    for e in CONDITIONAL {
        out.push((format!("{lemma}{e}"), Form::Conditional));
    }
    out.push((format!("{stem}it"), Form::SimplePast));
    out.push((format!("{stem}irent"), Form::SimplePast));
    out.push((format!("{stem}isse"), Form::Subjunctive));
    out.push((format!("{stem}issent"), Form::Subjunctive));
    out.extend(participles(&format!("{stem}i")));
    out.push((format!("{stem}issant"), Form::Gerund));
    out
}

/// Regular `-dre` verbs (défendre, répondre, suspendre).
fn dre_group(lemma: &str) -> Vec<(String, Form)> {
    let stem = &lemma[..lemma.len() - 2];
    let fut = &lemma[..lemma.len() - 1];
    let mut out = vec![(lemma.to_string(), Form::Infinitive)];
    for e in ["s", "", "ons", "ez", "ent"] {
        out.push((format!("{stem}{e}"), Form::Present));
    }
    for e in IMPERFECT {
        out.push((format!("{stem}{e}"), Form::Imperfect));
    }
    for e in FUTURE {
        out.push((format!("{fut}{e}"), Form::Future));
    }
    for e in CONDITIONAL {
        out.push((format!("{fut}{e}"), Form::Conditional));
    }
    out.push((format!("{stem}it"), Form::SimplePast));
    out.push((format!("{stem}irent"), Form::SimplePast));
    out.push((format!("{stem}e"), Form::Subjunctive));
    out.push((format!("{stem}ent"), Form::Subjunctive));
    out.extend(participles(&format!("{stem}u")));
    out.push((format!("{stem}ant"), Form::Gerund));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(forms: &[(String, Form)], f: &str, kind: Form) -> bool {
        forms.iter().any(|(x, k)| x == f && *k == kind)
    }

    fn tenir() -> Model {
        Model {
            lemma: "tenir".into(),
            present: "tiens tiens tient tenons tenez tiennent"
                .split(' ')
                .map(String::from)
                .collect(),
            imperfect: "ten".into(),
            future: "tiendr".into(),
            simple_past: vec!["tint".into(), "tinrent".into()],
            subjunctive: vec!["tienne".into(), "tiennent".into()],
            participle: "tenu".into(),
            gerund: "tenant".into(),
        }
    }

    #[test]
    fn first_group_with_spelling_changes() {
        let c = Conjugator::default();
        let f = c.forms("dénoncer", None).unwrap();
        assert!(has(&f, "dénonce", Form::Present));
        assert!(has(&f, "dénonçons", Form::Present));
        assert!(has(&f, "dénonçait", Form::Imperfect));
        assert!(has(&f, "dénoncées", Form::Participle));
        let f = c.forms("appeler", None).unwrap();
        assert!(has(&f, "appelle", Form::Present));
        assert!(has(&f, "appelons", Form::Present));
        assert!(has(&f, "appellera", Form::Future));
        assert!(has(&f, "appelé", Form::Participle));
        let f = c.forms("rejeter", None).unwrap();
        assert!(has(&f, "rejette", Form::Present));
        let f = c.forms("libérer", None).unwrap();
        assert!(has(&f, "libère", Form::Present));
        assert!(has(&f, "libérera", Form::Future));
        let f = c.forms("appuyer", None).unwrap();
        assert!(has(&f, "appuie", Form::Present));
        assert!(has(&f, "appuyons", Form::Present));
        let f = c.forms("exiger", None).unwrap();
        assert!(has(&f, "exigeons", Form::Present));
        assert!(has(&f, "exigeait", Form::Imperfect));
        assert!(has(&f, "exigeant", Form::Gerund));
    }

    #[test]
    fn second_group_and_dre() {
        let c = Conjugator::default();
        let f = c.forms("envahir", None).unwrap();
        assert!(has(&f, "envahit", Form::Present));
        assert!(has(&f, "envahissent", Form::Present));
        assert!(has(&f, "envahie", Form::Participle));
        let f = c.forms("défendre", None).unwrap();
        assert!(has(&f, "défend", Form::Present));
        assert!(has(&f, "défendu", Form::Participle));
        assert!(has(&f, "défendra", Form::Future));
    }

    #[test]
    fn models_give_prefixed_verbs() {
        let c = Conjugator::new(vec![tenir()]);
        let f = c.forms("soutenir", None).unwrap();
        assert!(has(&f, "soutient", Form::Present));
        assert!(has(&f, "soutiendra", Form::Future));
        assert!(has(&f, "soutenue", Form::Participle));
        assert!(has(&f, "soutenant", Form::Gerund));
        let f = c.forms("entretenir", None).unwrap();
        assert!(has(&f, "entretiendra", Form::Future));
        assert!(has(&f, "entretenus", Form::Participle));
    }

    #[test]
    fn unknown_models_are_errors() {
        let c = Conjugator::default();
        assert_eq!(
            c.forms("offrir", Some("ouvrir")),
            Err(ConjugateError::UnknownModel("ouvrir".into()))
        );
        assert_eq!(
            c.forms("connaître", None),
            Err(ConjugateError::NoModel("connaître".into()))
        );
    }

    #[test]
    fn participles_ending_in_s() {
        let p: Vec<String> = participles("mis").into_iter().map(|(f, _)| f).collect();
        assert_eq!(p, vec!["mis", "mise", "mis", "mises"]);
    }
}
