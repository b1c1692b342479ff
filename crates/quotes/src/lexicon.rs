//! The words the quote finder knows: reporting verbs (`speech_verbs.txt`) and
//! cue patterns, pronouns, titles, roles and bodies (`quotes.toml`), loaded
//! once and shared.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use chronicle_kb::fold::fold;

use serde::Deserialize;

use crate::error::LexiconError;

const SPEECH_VERBS: &str = include_str!("../../../data/lang/fr/speech_verbs.txt");
const QUOTES_TOML: &str = include_str!("../../../data/lang/fr/quotes.toml");

/// Grammatical gender and number a word tells, where it tells one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Agreement {
    /// `Some('m')`, `Some('f')` or `None` when unknown.
    pub gender: Option<char>,
    /// `Some(true)` plural, `Some(false)` singular, `None` unknown.
    pub plural: Option<bool>,
}

impl Agreement {
    /// Reads `m`, `f`, `mp`, `fp`, `p` or an empty string.
    fn parse(code: &str) -> Agreement {
        let gender = code.chars().find(|c| *c == 'm' || *c == 'f');
        let plural = if code.contains('p') {
            Some(true)
        } else if gender.is_some() {
            Some(false)
        } else {
            None
        };
        Agreement { gender, plural }
    }

    /// Fills what `self` leaves unknown from `other`.
    pub fn or(self, other: Agreement) -> Agreement {
        Agreement {
            gender: self.gender.or(other.gender),
            plural: self.plural.or(other.plural),
        }
    }

    /// Whether a pronoun of agreement `self` may stand for `other`.
    pub fn fits(self, other: Agreement) -> bool {
        let g = match (self.gender, other.gender) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let n = match (self.plural, other.plural) {
            (Some(a), Some(b)) => a == b,
            (Some(true), None) => false,
            _ => true,
        };
        g && n
    }
}

/// A reporting verb.
#[derive(Debug, Clone)]
pub(crate) struct Lemma {
    /// Its infinitive, words joined by `_` (`dire`, `faire_état`).
    pub name: String,
    /// Reporting only right before `que` (see `speech_verbs.txt`).
    pub weak: bool,
    /// Reporting only as an incise, its subject after it (`fit-il`).
    pub incise_only: bool,
    /// A verb of opinion or feeling.
    pub mental: bool,
    /// Its infinitive complement is what was said.
    pub infinitive: bool,
    /// It asks someone to do something.
    pub call: bool,
    /// It issues a statement.
    pub publish: bool,
    /// Its noun object is what was said ("a annoncé l'ouverture d'une enquête").
    pub object: bool,
    /// Its object may be indefinite ("a promis une aide de …").
    pub object_indefinite: bool,
    /// The preposition before its object, if it takes one ("a plaidé pour un
    /// lancement rapide", "a insisté sur le caractère …").
    pub object_preposition: Option<String>,
    /// The word before the attribute it gives a thing, in an object relative
    /// clause ("que X présente comme …", "qu'il a qualifiées de …").
    pub attribute_word: Option<String>,
}

/// One inflected form: its words after the first, and its lemma.
#[derive(Debug, Clone)]
struct Form {
    rest: Vec<String>,
    lemma: usize,
    infinitive: bool,
}

/// A role phrase: its words, group, gender and the qualifiers it implies.
#[derive(Debug, Clone)]
pub(crate) struct Role {
    pub words: Vec<String>,
    /// `words` folded (no accents): "chef de l'Etat" matches "chef de l'état".
    pub folded: Vec<String>,
    pub group: String,
    pub agreement: Agreement,
    pub implied: Vec<String>,
}

/// The quotation marks of a language.
#[derive(Debug, Clone)]
pub(crate) struct Marks {
    pub pairs: Vec<(char, char)>,
    pub straight: Vec<char>,
    pub dashes: Vec<char>,
}

/// Thresholds telling quotations from names and scare quotes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct KindLimits {
    pub name_max_words: usize,
    pub heading_max_words: usize,
    pub unattributed_min_words: usize,
}

/// Every word list the quote finder uses, read from the data files.
#[derive(Debug, Clone)]
pub struct Lexicon {
    forms: HashMap<String, Vec<Form>>,
    pub(crate) lemmas: Vec<Lemma>,
    pub(crate) marks: Marks,
    pub(crate) limits: KindLimits,
    pub(crate) far_que: usize,
    pub(crate) near_que: usize,
    sets: HashMap<&'static str, HashSet<String>>,
    pub(crate) pronouns: HashMap<String, Agreement>,
    pub(crate) titles: HashMap<String, Agreement>,
    pub(crate) determiners: HashMap<String, Agreement>,
    pub(crate) organisations: HashMap<String, Agreement>,
    pub(crate) roles: Vec<Role>,
    /// Adverbial phrases of several words ("en outre", "par ailleurs"),
    /// longest first, as the tokenizer splits them.
    pub(crate) adverbial_phrases: Vec<Vec<String>>,
    /// Forms of the reflexive verbs of limitation ("se bornant à rappeler").
    pub(crate) limitation: HashSet<String>,
    /// Folded demonym ("kazakhs", "chinoise") to its country, from the
    /// knowledge base (`data/kb`).
    pub(crate) demonyms: Arc<HashMap<String, String>>,
}

#[derive(Deserialize)]
struct FileToml {
    marks: MarksToml,
    kinds: KindsToml,
    verbs: VerbsToml,
    cues: CuesToml,
    speakers: SpeakersToml,
    words: WordsToml,
}

#[derive(Deserialize)]
struct MarksToml {
    pairs: Vec<[String; 2]>,
    straight: Vec<String>,
    dialogue_dashes: Vec<String>,
}

#[derive(Deserialize)]
struct KindsToml {
    name_max_words: usize,
    heading_max_words: usize,
    unattributed_min_words: usize,
}

#[derive(Deserialize)]
struct VerbsToml {
    auxiliaries: Vec<String>,
    passive_auxiliaries: Vec<String>,
    infinitive_auxiliaries: Vec<String>,
    participle_auxiliaries: Vec<String>,
    negation: Vec<String>,
    reflexive: Vec<String>,
    object_clitics: Vec<String>,
    #[serde(default)]
    preverbal_objects: Vec<String>,
    inverted_clitics: Vec<String>,
    adverbs: Vec<String>,
    #[serde(default)]
    adverbial_phrases: Vec<String>,
    #[serde(default)]
    limitation: Vec<String>,
    #[serde(default)]
    passive_participles: Vec<String>,
    #[serde(default)]
    impersonal: Vec<String>,
    mental: Vec<String>,
    infinitive: Vec<String>,
    call: Vec<String>,
    publish: Vec<String>,
    #[serde(default)]
    object: Vec<String>,
    #[serde(default)]
    object_indefinite: Vec<String>,
    #[serde(default)]
    object_prepositions: HashMap<String, String>,
    #[serde(default)]
    attribute_words: HashMap<String, String>,
    #[serde(default)]
    stance_adjectives: Vec<String>,
    complementizers: Vec<String>,
    not_complementizer: Vec<String>,
    far_que: usize,
    near_que: usize,
}

#[derive(Deserialize)]
struct CuesToml {
    according_to: Vec<String>,
    not_sources: Vec<String>,
    for_speaker: Vec<String>,
    statement_in: Vec<String>,
    statements: Vec<String>,
    speech_nouns: Vec<String>,
}

#[derive(Deserialize)]
struct SpeakersToml {
    pronouns: BTreeMap<String, String>,
    relative: Vec<String>,
    titles: BTreeMap<String, String>,
    roles: BTreeMap<String, String>,
    organisations: BTreeMap<String, String>,
    prenominal: Vec<String>,
    former: Vec<String>,
    name_particles: Vec<String>,
    #[serde(default)]
    national_roles: Vec<String>,
    #[serde(default)]
    family_roles: Vec<String>,
}

#[derive(Deserialize)]
struct WordsToml {
    determiners: BTreeMap<String, String>,
    indefinite: Vec<String>,
    of: Vec<String>,
    prepositions: Vec<String>,
    conjunctions: Vec<String>,
    subordinators: Vec<String>,
    examples: Vec<String>,
    #[serde(default)]
    voice_of: Vec<String>,
    #[serde(default)]
    anaphoric_bodies: Vec<String>,
    #[serde(default)]
    outlet_nouns: Vec<String>,
    #[serde(default)]
    name_joiners: Vec<String>,
    subject_pronouns: Vec<String>,
    not_names: Vec<String>,
    #[serde(default)]
    time_words: Vec<String>,
    #[serde(default)]
    complement_adjectives: Vec<String>,
    #[serde(default)]
    relative_openers: Vec<String>,
    #[serde(default)]
    set_off_pronouns: Vec<String>,
    #[serde(default)]
    demonstrative: Vec<String>,
    #[serde(default)]
    person_nouns: Vec<String>,
}

/// Lower case with the typographic apostrophes read as `'`: how every word is
/// compared.
pub(crate) fn norm(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '’' | '‘' | 'ʼ' | '`' => '\'',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// One character, for a mark given as a string.
impl Lexicon {
    /// Takes the demonyms of `kb` (the one the link stage uses, the user's
    /// tables included), folded, each with the country (ISO alpha-3) the base
    /// gives it: unnamed speakers ("des responsables kazakhs") get their
    /// country from them. Without a base, no demonym is known.
    pub fn with_knowledge_base(mut self, kb: &chronicle_kb::KnowledgeBase) -> Lexicon {
        let table: HashMap<String, String> = kb
            .actors()
            .flat_map(|a| a.aliases_of(chronicle_kb::AliasKind::Demonym))
            .filter_map(|d| Some((fold(d), kb.demonym(d)?.to_string())))
            .collect();
        self.demonyms = Arc::new(table);
        self
    }

    /// The country (ISO alpha-3) a demonym names, in any gender and number
    /// ("ouzbèkes" → `UZB`), as the knowledge base knows it.
    pub(crate) fn demonym(&self, word: &str) -> Option<&str> {
        self.demonyms.get(&fold(word)).map(String::as_str)
    }
}

fn one_char(s: &str, what: &str) -> Result<char, LexiconError> {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(LexiconError::Invalid(format!(
            "{what}: {s:?} is not one character"
        ))),
    }
}

impl Lexicon {
    /// The French lexicon embedded in the binary.
    pub fn french() -> Result<Lexicon, LexiconError> {
        Lexicon::parse(SPEECH_VERBS, QUOTES_TOML)
    }

    /// The lexicon of a language folder holding `speech_verbs.txt` and
    /// `quotes.toml` (`data/lang/fr`).
    pub fn from_dir(dir: &Path) -> Result<Lexicon, LexiconError> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read_to_string(&path).map_err(|e| LexiconError::Read {
                path: path.display().to_string(),
                message: e.to_string(),
            })
        };
        Lexicon::parse(&read("speech_verbs.txt")?, &read("quotes.toml")?)
    }

    /// A lexicon from the text of `speech_verbs.txt` and `quotes.toml`.
    pub fn parse(speech_verbs: &str, quotes_toml: &str) -> Result<Lexicon, LexiconError> {
        let file: FileToml =
            toml::from_str(quotes_toml).map_err(|e| LexiconError::Toml(e.to_string()))?;
        let to_set = |v: &[String]| v.iter().map(|w| norm(w)).collect::<HashSet<String>>();
        let agreements = |m: &BTreeMap<String, String>| {
            m.iter()
                .map(|(k, v)| (norm(k), Agreement::parse(v)))
                .collect::<HashMap<String, Agreement>>()
        };
        let mental = to_set(&file.verbs.mental);
        let infinitive = to_set(&file.verbs.infinitive);
        let call = to_set(&file.verbs.call);
        let publish = to_set(&file.verbs.publish);
        let object = to_set(&file.verbs.object);
        let object_indefinite = to_set(&file.verbs.object_indefinite);
        let object_prepositions = &file.verbs.object_prepositions;
        let attribute_words = &file.verbs.attribute_words;

        let mut lemmas = Vec::new();
        let mut forms: HashMap<String, Vec<Form>> = HashMap::new();
        for (n, line) in speech_verbs.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((head, rest)) = line.split_once(':') else {
                return Err(LexiconError::Invalid(format!(
                    "speech_verbs.txt line {}: no `:`",
                    n + 1
                )));
            };
            let mut head = head.split_whitespace();
            let Some(name) = head.next() else {
                return Err(LexiconError::Invalid(format!(
                    "speech_verbs.txt line {}: no lemma",
                    n + 1
                )));
            };
            let name = norm(name);
            let flags: Vec<&str> = head.collect();
            let weak = flags.contains(&"weak");
            let incise_only = flags.contains(&"incise");
            let plain = name.replace('_', " ");
            let lemma = lemmas.len();
            lemmas.push(Lemma {
                weak,
                incise_only,
                mental: mental.contains(&plain),
                infinitive: infinitive.contains(&plain),
                call: call.contains(&plain),
                publish: publish.contains(&plain),
                object: object.contains(&plain),
                object_indefinite: object_indefinite.contains(&plain),
                object_preposition: object_prepositions.get(&plain).map(|p| p.to_lowercase()),
                attribute_word: attribute_words.get(&plain).map(|p| p.to_lowercase()),
                name: name.clone(),
            });
            for form in rest.split_whitespace() {
                let form = norm(form);
                let mut words = form.split('_').map(str::to_string);
                let Some(first) = words.next() else { continue };
                forms.entry(first).or_default().push(Form {
                    rest: words.collect(),
                    lemma,
                    infinitive: form == name,
                });
            }
        }
        if lemmas.is_empty() {
            return Err(LexiconError::Invalid("speech_verbs.txt: no verb".into()));
        }

        let mut marks = Marks {
            pairs: Vec::new(),
            straight: Vec::new(),
            dashes: Vec::new(),
        };
        for [open, close] in &file.marks.pairs {
            marks.pairs.push((
                one_char(open, "marks.pairs")?,
                one_char(close, "marks.pairs")?,
            ));
        }
        for s in &file.marks.straight {
            marks.straight.push(one_char(s, "marks.straight")?);
        }
        for s in &file.marks.dialogue_dashes {
            marks.dashes.push(one_char(s, "marks.dialogue_dashes")?);
        }

        let mut roles = Vec::new();
        for (phrase, code) in &file.speakers.roles {
            let mut it = code.split_whitespace();
            let group = it.next().unwrap_or("role").to_string();
            let agreement = Agreement::parse(it.next().unwrap_or("").trim_matches('-'));
            let implied = it.map(norm).collect();
            // Split as the tokenizer does: "chef de l'état" → chef, de, l', état.
            let words: Vec<String> = norm(phrase)
                .replace('\'', "' ")
                .split_whitespace()
                .map(str::to_string)
                .collect();
            let folded = words.iter().map(|w| fold(w)).collect();
            roles.push(Role {
                words,
                folded,
                group,
                agreement,
                implied,
            });
        }
        // Longest phrases first, so "vice-premier ministre" wins over "ministre".
        roles.sort_by_key(|r| std::cmp::Reverse(r.words.len()));
        let one_word_roles: Vec<String> = roles
            .iter()
            .filter(|r| r.words.len() == 1)
            .flat_map(|r| r.words.iter().cloned())
            .collect();

        // Split as the tokenizer does: "d'ailleurs" → d', ailleurs.
        let split = |phrase: &str| -> Vec<String> {
            norm(phrase)
                .replace('\'', "' ")
                .split_whitespace()
                .map(str::to_string)
                .collect()
        };
        let mut adverbial_phrases: Vec<Vec<String>> = file
            .verbs
            .adverbial_phrases
            .iter()
            .map(|p| split(p))
            .filter(|w| !w.is_empty())
            .collect();
        adverbial_phrases.sort_by_key(|w| std::cmp::Reverse(w.len()));

        let mut sets = HashMap::new();
        let v = &file.verbs;
        let c = &file.cues;
        let s = &file.speakers;
        let w = &file.words;
        for (key, list) in [
            ("aux", &v.auxiliaries),
            ("aux_passive", &v.passive_auxiliaries),
            ("aux_inf", &v.infinitive_auxiliaries),
            ("aux_part", &v.participle_auxiliaries),
            ("neg", &v.negation),
            ("stance_adj", &v.stance_adjectives),
            ("refl", &v.reflexive),
            ("obj", &v.object_clitics),
            ("preverbal_obj", &v.preverbal_objects),
            ("inv", &v.inverted_clitics),
            ("adv", &v.adverbs),
            ("passive_part", &v.passive_participles),
            ("impersonal", &v.impersonal),
            ("que", &v.complementizers),
            ("not_que", &v.not_complementizer),
            ("selon", &c.according_to),
            ("not_source", &c.not_sources),
            ("pour", &c.for_speaker),
            ("stmt_in", &c.statement_in),
            ("stmt", &c.statements),
            ("speech_noun", &c.speech_nouns),
            ("rel", &s.relative),
            ("particle", &s.name_particles),
            ("prenominal", &s.prenominal),
            ("former", &s.former),
            ("indef", &w.indefinite),
            ("of", &w.of),
            ("prep", &w.prepositions),
            ("conj", &w.conjunctions),
            ("sub", &w.subordinators),
            ("example", &w.examples),
            ("voice_of", &w.voice_of),
            ("anaphoric_bodies", &w.anaphoric_bodies),
            ("outlet_nouns", &w.outlet_nouns),
            ("name_joiner", &w.name_joiners),
            ("subj", &w.subject_pronouns),
            ("not_name", &w.not_names),
            ("national_role", &s.national_roles),
            ("family_role", &s.family_roles),
            ("time", &w.time_words),
            ("compl_adj", &w.complement_adjectives),
            ("rel_open", &w.relative_openers),
            ("set_off", &w.set_off_pronouns),
            ("demonstrative", &w.demonstrative),
            ("person_noun", &w.person_nouns),
            ("role1", &one_word_roles),
        ] {
            sets.insert(key, to_set(list));
        }
        Ok(Lexicon {
            forms,
            lemmas,
            marks,
            limits: KindLimits {
                name_max_words: file.kinds.name_max_words,
                heading_max_words: file.kinds.heading_max_words,
                unattributed_min_words: file.kinds.unattributed_min_words,
            },
            far_que: v.far_que,
            near_que: v.near_que,
            sets,
            pronouns: agreements(&s.pronouns),
            titles: agreements(&s.titles),
            determiners: agreements(&w.determiners),
            organisations: agreements(&s.organisations),
            roles,
            adverbial_phrases,
            limitation: to_set(&file.verbs.limitation),
            demonyms: Arc::default(),
        })
    }

    /// How many tokens from `words` (lower case) an adverb or an adverbial
    /// phrase takes: 0 when none starts there.
    pub(crate) fn adverb_len<'w>(&self, mut words: impl Iterator<Item = &'w str>) -> usize {
        let Some(first) = words.next() else {
            return 0;
        };
        let rest: Vec<&str> = words.take(5).collect();
        for p in &self.adverbial_phrases {
            let Some((p0, prest)) = p.split_first() else {
                continue;
            };
            if p0 == first
                && prest.len() <= rest.len()
                && prest.iter().zip(&rest).all(|(a, b)| a == b)
            {
                return p.len();
            }
        }
        usize::from(self.is("adv", first))
    }

    /// Whether `word` (normalised) is in the list named `set`.
    pub(crate) fn is(&self, set: &str, word: &str) -> bool {
        self.sets.get(set).is_some_and(|s| s.contains(word))
    }

    /// The reporting verbs whose forms start with `first`: for each, the words
    /// that must follow, its lemma and whether it is the infinitive.
    pub(crate) fn forms_starting(
        &self,
        first: &str,
    ) -> impl Iterator<Item = (&[String], usize, bool)> {
        self.forms
            .get(first)
            .into_iter()
            .flatten()
            .map(|f| (f.rest.as_slice(), f.lemma, f.infinitive))
    }

    /// How many reporting verbs the lexicon holds.
    pub fn verb_count(&self) -> usize {
        self.lemmas.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_lexicon_loads() {
        let lex = Lexicon::french().expect("the embedded lexicon loads");
        assert!(lex.verb_count() > 100);
        for w in [
            "déclaré",
            "réjoui",
            "félicité",
            "martelé",
            "poursuivi",
            "fait",
        ] {
            assert!(lex.forms_starting(w).next().is_some(), "{w}");
        }
        assert!(lex.is("selon", "d'après"));
        assert!(lex.is("aux", "a"));
        assert!(lex.titles.contains_key("m."));
    }

    #[test]
    fn agreement_fits() {
        let il = Agreement::parse("m");
        let elle = Agreement::parse("f");
        let unknown = Agreement::default();
        assert!(il.fits(unknown));
        assert!(!il.fits(elle));
        assert!(!Agreement::parse("mp").fits(unknown));
    }

    #[test]
    fn bad_data_is_an_error() {
        assert!(Lexicon::parse("dire dit", QUOTES_TOML).is_err());
        assert!(Lexicon::parse("dire: dit", "[marks]").is_err());
    }

    #[test]
    fn loads_from_the_data_folder() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lang/fr");
        let lex = Lexicon::from_dir(&dir).expect("data/lang/fr loads");
        assert_eq!(
            lex.verb_count(),
            Lexicon::french().expect("loads").verb_count()
        );
    }
}
