//! The event lexicon: `data/lang/fr/events.toml` read into frames and the
//! indexes the coder looks words up in.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::Deserialize;

use crate::conjugate::{ConjugateError, Conjugator, Form, Model};
use crate::error::EventError;
use crate::fold::{low, phrase_words};

/// The French lexicon built into the binary.
const FRENCH: &str = include_str!("../../../data/lang/fr/events.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSpec {
    models: Vec<ModelSpec>,
    words: WordsSpec,
    collectives: Vec<CollectiveSpec>,
    #[serde(default)]
    aggressors: Vec<AggressorSpec>,
    verbs: Vec<VerbSpec>,
    nouns: Vec<NounSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ModelSpec {
    lemma: String,
    present: String,
    imperfect: String,
    future: String,
    simple_past: String,
    subjunctive: String,
    participle: String,
    gerund: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsSpec {
    negators: Vec<String>,
    #[serde(default)]
    negating_preps: Vec<String>,
    #[serde(default)]
    pair_recalls: Vec<String>,
    #[serde(default)]
    pair_people: Vec<String>,
    #[serde(default)]
    pair_states: Vec<String>,
    #[serde(default)]
    partitives: Vec<String>,
    negative_subjects: Vec<String>,
    exceptions: Vec<String>,
    group_adverbs: Vec<String>,
    prepositions: Vec<String>,
    de_forms: Vec<String>,
    determiners: Vec<String>,
    relatives: Vec<String>,
    subordinators: Vec<String>,
    first_person: Vec<String>,
    third_person: Vec<String>,
    latter: Vec<String>,
    the_country: Vec<String>,
    population: Vec<String>,
    act_anaphors: Vec<String>,
    #[serde(default)]
    verdicts: Vec<String>,
    #[serde(default)]
    aggressions: Vec<String>,
    #[serde(default)]
    opposing: Vec<String>,
    #[serde(default)]
    routes: Vec<String>,
    #[serde(default)]
    borders: Vec<String>,
    #[serde(default)]
    accessions: Vec<String>,
    #[serde(default)]
    background_preps: Vec<String>,
    #[serde(default)]
    inclusions: Vec<String>,
    #[serde(default)]
    sites: Vec<String>,
    #[serde(default)]
    missions: Vec<String>,
    recalled: Vec<String>,
    documents: Vec<String>,
    adverbials: Vec<String>,
    partners: Vec<String>,
    troops: Vec<String>,
    modifiers: Vec<String>,
    pairs: Vec<String>,
    organisations: Vec<String>,
    quantifiers: Vec<String>,
    phone: Vec<String>,
    addressees: Vec<String>,
    adjunct_preps: Vec<String>,
    #[serde(default)]
    concurrent_preps: Vec<String>,
    locatives: Vec<String>,
    #[serde(default)]
    obligations: Vec<String>,
    #[serde(default)]
    own_country: Vec<String>,
    #[serde(default)]
    members: Vec<String>,
    #[serde(default)]
    hearsay_auxiliaries: Vec<String>,
    #[serde(default)]
    hearsay_openers: Vec<String>,
    #[serde(default)]
    denials: Vec<String>,
    #[serde(default)]
    date_series: Vec<String>,
    #[serde(default)]
    publications: Vec<String>,
    #[serde(default)]
    wars: Vec<String>,
    #[serde(default)]
    role_anaphors: Vec<String>,
    #[serde(default)]
    offices: Vec<String>,
    #[serde(default)]
    then_words: Vec<String>,
    #[serde(default)]
    things: Vec<String>,
    #[serde(default)]
    collections: Vec<String>,
    #[serde(default)]
    future_endings: Vec<String>,
    #[serde(default)]
    state_bodies: Vec<String>,
    #[serde(default)]
    inverting: Vec<String>,
    #[serde(default)]
    possessives: Vec<String>,
    light_verbs: Vec<String>,
    eruptions: Vec<String>,
    reporting: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AggressorSpec {
    target: String,
    source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CollectiveSpec {
    name: String,
    phrases: Vec<String>,
    adjectives: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VerbSpec {
    lemma: String,
    #[serde(rename = "type")]
    kind: String,
    mode: Option<String>,
    target: String,
    needs: Option<String>,
    #[serde(default)]
    opaque: bool,
    #[serde(default)]
    symmetric: bool,
    #[serde(default)]
    both_ways: bool,
    #[serde(default)]
    named: bool,
    subject: Option<String>,
    #[serde(default)]
    etre: bool,
    #[serde(default)]
    carrier: bool,
    domestic: Option<String>,
    #[serde(default)]
    person: bool,
    #[serde(default)]
    place: bool,
    #[serde(default)]
    intransitive: bool,
    unless: Option<String>,
    model: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NounSpec {
    forms: Vec<String>,
    #[serde(rename = "type")]
    kind: String,
    mode: Option<String>,
    target: String,
    of: String,
    #[serde(default)]
    adjunct: bool,
    #[serde(default)]
    symmetric: bool,
    #[serde(default)]
    both_ways: bool,
    #[serde(default)]
    partner: bool,
    #[serde(default)]
    person: bool,
    needs: Option<String>,
    unless: Option<String>,
    #[serde(default)]
    light: bool,
}

/// The PLOVER event types.
pub(crate) const TYPES: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// Where a frame's target is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Slot {
    /// The direct object, else the first actor after the trigger.
    Object,
    /// The direct object only.
    Direct,
    /// The argument introduced by one of these prepositions (each as words).
    Prep(Vec<Vec<String>>),
    /// The first actor after the trigger in its clause.
    Any,
    /// The place after à / au / aux / en; a city gives its country.
    Destination,
    /// Who last accused the subject.
    Accuser,
    /// Who last asked something of the subject ("a rejeté ces appels").
    Requester,
    /// The country after a border phrase in the clause, else the one a war
    /// named in the sentence is waged on (a mobilisation).
    Border,
    /// Not in the text: the place's country, else the source's own.
    None,
    /// The subject of the clause the noun stands in ("à la demande de X":
    /// X asks the one who acts).
    Subject,
}

/// A condition a frame puts on its clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Need {
    /// These words after the trigger in its clause.
    Words(Vec<String>),
    /// An infinitive right after the verb (with de / à or without).
    Infinitive,
    /// "à" then an infinitive somewhere after the verb in its clause
    /// ("a invité les pays membres à intensifier").
    AInfinitive,
    /// A word of the troops class in the clause.
    Troops,
    /// A que clause right after the verb told in the future or the
    /// conditional ("a assuré qu'il remplira ses obligations": a pledge).
    Future,
}

/// Verb or noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pos {
    /// A verb or a verbal phrase.
    Verb,
    /// A noun or a nominal phrase.
    Noun,
}

/// One entry of the lexicon: what the trigger names and where its arguments are.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    /// Verb or noun.
    pub pos: Pos,
    /// The lemma as written (verbs) or the first form (nouns).
    pub lemma: String,
    /// PLOVER type.
    pub kind: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// Words that must follow the head word (`le feu` of `ouvrir le feu`).
    pub tail: Vec<String>,
    /// Where the target is.
    pub target: Slot,
    /// A condition on the clause.
    pub needs: Option<Need>,
    /// The complement is the content of the act, not coded apart.
    pub opaque: bool,
    /// A mutual act.
    pub symmetric: bool,
    /// A mutual act of a pair named together is each one's act towards
    /// the other ("les deux pays ont signé un traité": X AGREE Y, Y AGREE X).
    pub both_ways: bool,
    /// The target must be named after the trigger, in its own clause: no
    /// actor told before stands in (recognising a state: "a reconnu des
    /// difficultés" recognises no one).
    pub named: bool,
    /// A joint act ("une conférence de presse commune"): with no partner
    /// named, the other actor spoken of last is the target.
    pub partner: bool,
    /// The subject must name troops.
    pub troops_subject: bool,
    /// Verbs: counts only with no direct object ("ont manifesté devant X",
    /// not "a manifesté son agacement").
    pub intransitive: bool,
    /// Words that, within three words after the verb (two after the noun),
    /// tell another sense ("détenu à parts égales": owned, not detained;
    /// "guerre commerciale").
    pub unless: Vec<String>,
    /// Compound tenses with être.
    pub etre: bool,
    /// A passive with an event-noun agent takes that noun's event.
    pub carrier: bool,
    /// The type when the target is the source's own country.
    pub domestic: Option<String>,
    /// The target is the person, not the state they serve.
    pub person: bool,
    /// A place target is coded as itself, not as its country (recognising
    /// a breakaway region).
    pub place: bool,
    /// Nouns: a `de X` complement is the source (else the target).
    pub of_source: bool,
    /// Nouns: counts after a preposition of time or purpose.
    pub adjunct: bool,
    /// Nouns: counts only after a light verb (signer un accord).
    pub light_only: bool,
}

/// What a known verb lemma does for the patterns, beside naming events.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Roles {
    /// avoir (auxiliary and light verb).
    pub avoir: bool,
    /// être.
    pub etre: bool,
    /// aller + infinitive (near future).
    pub aller: bool,
    /// devoir, pouvoir + infinitive.
    pub modal: bool,
    /// A light verb: an event noun in its object names the subject's act.
    pub light: bool,
    /// A reporting verb.
    pub reporting: bool,
    /// An event noun as its subject erupts (des manifestations ont éclaté).
    pub eruption: bool,
}

/// A verb lemma the lexicon knows.
#[derive(Debug, Clone)]
pub(crate) struct Lemma {
    /// The infinitive, without the reflexive pronoun (for tests and debugging).
    #[cfg_attr(not(test), allow(dead_code))]
    pub text: String,
    /// Written with se / s'.
    pub reflexive: bool,
    /// Its roles for the patterns.
    pub roles: Roles,
    /// The event frames of its verbal uses.
    pub frames: Vec<usize>,
}

/// One known form of a verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct VerbForm {
    /// Index into [`Lexicon::lemmas`].
    pub lemma: usize,
    /// What form it is.
    pub form: Form,
}

/// A collective actor the knowledge base lacks.
#[derive(Debug, Clone)]
pub(crate) struct Collective {
    /// Canonical name.
    pub name: String,
    /// Noun phrases naming it, as words.
    pub phrases: Vec<Vec<String>>,
    /// Adjectives naming it after a noun.
    pub adjectives: HashSet<String>,
}

/// The function-word lists of the lexicon, lower case.
#[derive(Debug, Clone, Default)]
pub(crate) struct Words {
    /// Country code of the one invaded → country code of the invader: an
    /// invasion of it that names no agent is the invader's.
    pub aggressors: HashMap<String, String>,
    /// Nouns of an invasion that may leave their agent unsaid ("depuis
    /// l'invasion de l'Ukraine").
    pub aggressions: HashSet<String>,
    /// Phrases of a relative of opposition after a fighting noun ("qui ont
    /// opposé"): the actors after them are the two sides.
    pub opposing: Vec<Vec<String>>,
    /// Nouns of a way after par ("par le territoire kazakh", "par le
    /// gazoduc"): no agent; a state named there takes part too.
    pub routes: HashSet<String>,
    /// Phrases after which a country is the one a border faces ("la
    /// frontière avec", "frontalière du").
    pub borders: Vec<Vec<String>>,
    /// Phrases of joining a body ("adhésion à"): an agreement on it with
    /// no partner is with that body.
    pub accessions: Vec<Vec<String>>,
    /// Prepositions of time before an act noun that set it as background
    /// ("après l'invasion de X"): coded even inside an opaque complement.
    pub background_preps: HashSet<String>,
    /// Nouns of putting someone on a list ("l'inclusion de X dans le paquet
    /// de sanctions"): X is a target of the sanctions.
    pub inclusions: HashSet<String>,
    /// Words of place before a building ("devant", "aux abords de").
    pub sites: Vec<Vec<String>>,
    /// A state's missions abroad ("ambassade", "consulat général"): a
    /// protest at one is aimed at its state.
    pub missions: Vec<Vec<String>>,
    pub negators: HashSet<String>,
    /// Prepositions that negate the infinitive after them ("sans mettre en
    /// cause").
    pub negating_preps: HashSet<String>,
    /// First words of phrases that recall the pair phrase named last
    /// ("chacun d'eux", "aucune des parties").
    pub pair_recalls: HashSet<String>,
    /// Nouns that make a pair phrase people ("les deux dirigeants").
    pub pair_people: HashSet<String>,
    /// Nouns that make a pair phrase states, not organisations ("les deux
    /// pays", "les deux capitales").
    pub pair_states: HashSet<String>,
    /// Words that take one or some out of a group after de ("un de ses
    /// alliés, X,": X is the one named).
    pub partitives: HashSet<String>,
    pub negative_subjects: HashSet<String>,
    pub exceptions: Vec<Vec<String>>,
    pub group_adverbs: HashSet<String>,
    pub prepositions: HashSet<String>,
    pub de_forms: HashSet<String>,
    pub determiners: HashSet<String>,
    pub relatives: HashSet<String>,
    pub subordinators: Vec<Vec<String>>,
    pub first_person: HashSet<String>,
    pub third_person: HashSet<String>,
    pub latter: Vec<Vec<String>>,
    pub the_country: Vec<Vec<String>>,
    pub population: Vec<Vec<String>>,
    pub act_anaphors: HashSet<String>,
    /// Act nouns that stand for a conviction ("le verdict"): the last one
    /// told, however far back.
    pub verdicts: HashSet<String>,
    /// Nouns that, after "ces", stand for the actor of an earlier phrase of
    /// the same noun ("plusieurs entreprises chinoises … ces entreprises").
    pub recalled: HashSet<String>,
    /// Nouns of documents that, after a definite article, stand for the
    /// actor of an earlier phrase of the same noun ("le rapport du HCDH …
    /// Le rapport appelle").
    pub documents: HashSet<String>,
    /// Adverbial phrases skipped between a verb and its object ("a appelé
    /// à plusieurs reprises les deux voisins à").
    pub adverbials: Vec<Vec<String>>,
    /// Phrases that stand for the organisation the subject belongs to
    /// ("a remercié ses partenaires" at a summit of an alliance).
    pub partners: Vec<Vec<String>>,
    pub troops: HashSet<String>,
    pub modifiers: Vec<Vec<String>>,
    pub pairs: Vec<Vec<String>>,
    pub organisations: Vec<Vec<String>>,
    pub quantifiers: Vec<Vec<String>>,
    pub phone: Vec<Vec<String>>,
    pub addressees: Vec<Vec<String>>,
    pub adjunct_preps: Vec<Vec<String>>,
    /// Adjunct prepositions whose act is of the time of its clause ("se
    /// trouvaient jeudi à Samarcande pour le sommet"), unlike après/avant.
    pub concurrent_preps: Vec<Vec<String>>,
    pub locatives: Vec<Vec<String>>,
    /// Participles of obligation: a negated one before `de` + infinitive
    /// denies the act ("n'est pas tenu d'arrêter").
    pub obligations: HashSet<String>,
    /// Phrases that stand for the country of the person spoken of ("son pays").
    pub own_country: Vec<Vec<String>>,
    /// Phrases before `de X` that stand for the organisation X ("les États
    /// membres de l'OCS").
    pub members: Vec<Vec<String>>,
    /// Auxiliaries in the conditional: a compound tense built on one tells
    /// an act as hearsay or as unreal ("aurait livré", "auraient tué").
    pub hearsay_auxiliaries: HashSet<String>,
    /// Phrases after which a clause tells what others say happened ("les
    /// informations selon lesquelles").
    pub hearsay_openers: Vec<Vec<String>>,
    /// Forms of verbs of denial: an act in their complement is denied
    /// ("a démenti avoir livré").
    pub denials: HashSet<String>,
    /// Words that may join two time expressions of one series ("en avril
    /// 2021, puis en septembre 2022").
    pub date_series: HashSet<String>,
    /// Participles that tell when a document came out ("le rapport, publié
    /// la veille au soir"): what the document says later is of that day.
    pub publications: Vec<Vec<String>>,
    /// Phrases naming a war by the country it is waged on ("la guerre en
    /// Ukraine"): an offensive of the sentence with no target of its own
    /// is on that country.
    pub wars: Vec<Vec<String>>,
    /// Definite role nouns that, standing alone as a subject, are the person
    /// spoken of ("Le journaliste, âgé de 38 ans, a été arrêté").
    pub role_anaphors: Vec<Vec<String>>,
    /// Nouns of an office whose `de` complement is the one its holder acts
    /// for ("le chef de la diplomatie des talibans", "la secrétaire générale
    /// adjointe de l'ONU").
    pub offices: std::collections::HashSet<String>,
    /// Adverbs of "at that time": an act they qualify is of the time the
    /// text gave last ("avait alors accusé").
    pub then_words: Vec<Vec<String>>,
    /// Kinds of the knowledge base's entities that are things, not actors
    /// (pipelines, canals, corridors): never a source or a target.
    pub things: std::collections::HashSet<String>,
    /// Nouns of a collection whose de complement is what they hold ("un
    /// train de mesures", "un paquet de sanctions").
    pub collections: std::collections::HashSet<String>,
    /// Endings of the future and the conditional (third persons), for verbs
    /// the lexicon does not conjugate.
    pub future_endings: Vec<String>,
    /// Organs of a state that act for it without naming it ("le parquet",
    /// "un tribunal", "la police"): the state of the one they act on.
    pub state_bodies: Vec<Vec<String>>,
    /// Words opening a clause whose subject may follow its verb ("comme
    /// l'en accusent X", "les sanctions que réclame X").
    pub inverting: HashSet<String>,
    /// Possessive determiners: before an act's noun with no agent of its
    /// own, the clause's subject is who acts ("après ses tirs contre X").
    pub possessives: HashSet<String>,
}

/// The event lexicon of one language: frames, verb forms, noun forms and
/// word lists. Built once, read-only after that.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub(crate) frames: Vec<Frame>,
    pub(crate) lemmas: Vec<Lemma>,
    pub(crate) verb_forms: HashMap<String, Vec<VerbForm>>,
    /// First word of a noun form → (frame, the following words).
    pub(crate) noun_heads: HashMap<String, Vec<(usize, Vec<String>)>>,
    pub(crate) words: Words,
    pub(crate) collectives: Vec<Collective>,
}

impl Lexicon {
    /// The French lexicon built into the binary.
    pub fn french() -> Result<Lexicon, EventError> {
        Lexicon::parse(FRENCH, "data/lang/fr/events.toml")
    }

    /// The lexicon of `<dir>/<language>/events.toml` (`dir` is a `data/lang`
    /// folder).
    pub fn from_dir(dir: &Path, language: &str) -> Result<Lexicon, EventError> {
        let path = dir.join(language).join("events.toml");
        let text = std::fs::read_to_string(&path).map_err(|source| EventError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Lexicon::parse(&text, &path.display().to_string())
    }

    /// A lexicon from the text of an `events.toml`; `path` names it in errors.
    pub fn parse(text: &str, path: &str) -> Result<Lexicon, EventError> {
        let spec: FileSpec = toml::from_str(text).map_err(|e| EventError::Parse {
            path: path.to_string(),
            message: e.to_string(),
        })?;
        Builder::new(path, &spec)?.build(spec)
    }

    /// Number of frames (verbs and nouns).
    pub fn frame_count(&self) -> usize {
        self.frames.len()
    }

    /// Number of distinct verb forms recognised.
    pub fn verb_form_count(&self) -> usize {
        self.verb_forms.len()
    }

    /// The verb forms of a lower-case word.
    pub(crate) fn verb(&self, word: &str) -> &[VerbForm] {
        self.verb_forms.get(word).map(Vec::as_slice).unwrap_or(&[])
    }
}

struct Builder {
    path: String,
    conjugator: Conjugator,
    lemmas: Vec<Lemma>,
    lemma_index: HashMap<(String, bool), usize>,
    verb_forms: HashMap<String, Vec<VerbForm>>,
}

impl Builder {
    fn new(path: &str, spec: &FileSpec) -> Result<Builder, EventError> {
        let models = spec
            .models
            .iter()
            .map(|m| Model {
                lemma: m.lemma.clone(),
                present: split(&m.present),
                imperfect: m.imperfect.clone(),
                future: m.future.clone(),
                simple_past: split(&m.simple_past),
                subjunctive: split(&m.subjunctive),
                participle: m.participle.clone(),
                gerund: m.gerund.clone(),
            })
            .collect::<Vec<_>>();
        for m in &models {
            if m.present.len() != 6 || m.simple_past.len() != 2 || m.subjunctive.len() != 2 {
                return Err(EventError::Entry {
                    path: path.to_string(),
                    entry: m.lemma.clone(),
                    message: "a model needs 6 present, 2 simple past and 2 subjunctive forms"
                        .into(),
                });
            }
        }
        Ok(Builder {
            path: path.to_string(),
            conjugator: Conjugator::new(models),
            lemmas: Vec::new(),
            lemma_index: HashMap::new(),
            verb_forms: HashMap::new(),
        })
    }

    fn error(&self, entry: &str, message: impl Into<String>) -> EventError {
        EventError::Entry {
            path: self.path.clone(),
            entry: entry.to_string(),
            message: message.into(),
        }
    }

    /// The lemma index of a verb written `word` or `word/model`, with `se` /
    /// `s'` for a reflexive one; conjugated on first sight.
    fn lemma(&mut self, written: &str, model: Option<&str>) -> Result<usize, EventError> {
        let (written, model) = match written.split_once('/') {
            Some((w, m)) => (w, Some(m)),
            None => (written, model),
        };
        let words = phrase_words(written);
        let (reflexive, verb) = match words.as_slice() {
            [se, v, ..] if se == "se" || se == "s'" => (true, v.clone()),
            [v, ..] => (false, v.clone()),
            [] => return Err(self.error(written, "an empty lemma")),
        };
        if let Some(&i) = self.lemma_index.get(&(verb.clone(), reflexive)) {
            return Ok(i);
        }
        let forms = self.conjugator.forms(&verb, model).map_err(|e| match e {
            ConjugateError::UnknownModel(m) => {
                self.error(written, format!("no conjugation model `{m}`"))
            }
            ConjugateError::NoModel(v) => self.error(
                written,
                format!("cannot conjugate `{v}`: give a model (`{v}/model` in a list)"),
            ),
        })?;
        let i = self.lemmas.len();
        self.lemmas.push(Lemma {
            text: verb.clone(),
            reflexive,
            roles: Roles::default(),
            frames: Vec::new(),
        });
        self.lemma_index.insert((verb, reflexive), i);
        for (f, form) in forms {
            self.verb_forms
                .entry(f)
                .or_default()
                .push(VerbForm { lemma: i, form });
        }
        Ok(i)
    }

    fn role(&mut self, list: &[String], set: fn(&mut Roles)) -> Result<(), EventError> {
        for w in list {
            let i = self.lemma(w, None)?;
            set(&mut self.lemmas[i].roles);
        }
        Ok(())
    }

    fn check_type(&self, entry: &str, kind: &str) -> Result<(), EventError> {
        if TYPES.contains(&kind) {
            Ok(())
        } else {
            Err(self.error(entry, format!("`{kind}` is not a PLOVER event type")))
        }
    }

    fn slot(&self, entry: &str, target: &str) -> Result<Slot, EventError> {
        // "contre|en": the argument of any of these prepositions
        if target.contains('|') {
            let mut preps = Vec::new();
            for part in target.split('|') {
                match self.slot(entry, part.trim())? {
                    Slot::Prep(ps) => preps.extend(ps),
                    _ => {
                        return Err(self.error(entry, "only prepositions join with `|`"));
                    }
                }
            }
            return Ok(Slot::Prep(preps));
        }
        Ok(match target {
            "subject" => Slot::Subject,
            "en" | "entre" | "pour" | "vers" => Slot::Prep(vec![phrase_words(target)]),
            "object" => Slot::Object,
            "direct" => Slot::Direct,
            "any" => Slot::Any,
            "destination" => Slot::Destination,
            "accuser" => Slot::Accuser,
            "requester" => Slot::Requester,
            "border" => Slot::Border,
            "none" => Slot::None,
            "à" => Slot::Prep(vec![
                vec!["à".into()],
                vec!["au".into()],
                vec!["aux".into()],
            ]),
            "de" => Slot::Prep(vec![
                vec!["de".into()],
                vec!["d'".into()],
                vec!["du".into()],
                vec!["des".into()],
            ]),
            "avec" | "contre" | "sur" | "chez" | "envers" | "auprès de" | "à l'encontre de" => {
                let mut preps = vec![phrase_words(target)];
                if target == "auprès de" {
                    preps.push(phrase_words("auprès du"));
                    preps.push(phrase_words("auprès des"));
                }
                if target == "à l'encontre de" {
                    preps.push(phrase_words("à l'encontre du"));
                    preps.push(phrase_words("à l'encontre des"));
                    preps.push(phrase_words("contre"));
                }
                Slot::Prep(preps)
            }
            other => return Err(self.error(entry, format!("unknown target `{other}`"))),
        })
    }

    fn need(&self, needs: Option<&str>) -> Option<Need> {
        match needs {
            None => None,
            Some("infinitive") => Some(Need::Infinitive),
            Some("à+infinitive") => Some(Need::AInfinitive),
            Some("future") => Some(Need::Future),
            Some("troops") => Some(Need::Troops),
            Some(w) => Some(Need::Words(phrase_words(w))),
        }
    }

    fn build(mut self, spec: FileSpec) -> Result<Lexicon, EventError> {
        // function verbs
        self.lemma("avoir", None)?;
        self.role(&["avoir".into()], |r| {
            r.avoir = true;
            r.light = true
        })?;
        self.role(&["être".into()], |r| r.etre = true)?;
        self.role(&["aller".into()], |r| r.aller = true)?;
        self.role(&["devoir".into(), "pouvoir".into()], |r| r.modal = true)?;
        self.role(&spec.words.light_verbs, |r| r.light = true)?;
        self.role(&spec.words.reporting, |r| r.reporting = true)?;
        self.role(&spec.words.eruptions, |r| r.eruption = true)?;

        let mut frames = Vec::new();
        for v in &spec.verbs {
            self.check_type(&v.lemma, &v.kind)?;
            if let Some(d) = &v.domestic {
                self.check_type(&v.lemma, d)?;
            }
            if v.subject.as_deref().is_some_and(|s| s != "troops") {
                return Err(self.error(&v.lemma, "the only subject class is `troops`"));
            }
            let words = phrase_words(&v.lemma);
            let skip = usize::from(words.first().is_some_and(|w| w == "se" || w == "s'"));
            let tail = words
                .get(skip + 1..)
                .map(<[String]>::to_vec)
                .unwrap_or_default();
            let lemma = self.lemma(&v.lemma, v.model.as_deref())?;
            let frame = Frame {
                pos: Pos::Verb,
                lemma: v.lemma.clone(),
                kind: v.kind.clone(),
                mode: v.mode.clone(),
                tail,
                target: self.slot(&v.lemma, &v.target)?,
                needs: self.need(v.needs.as_deref()),
                opaque: v.opaque,
                symmetric: v.symmetric,
                both_ways: v.both_ways,
                named: v.named,
                partner: false,
                troops_subject: v.subject.is_some(),
                intransitive: v.intransitive,
                unless: v
                    .unless
                    .as_deref()
                    .map(|u| u.split('|').map(low).collect())
                    .unwrap_or_default(),
                etre: v.etre,
                carrier: v.carrier,
                domestic: v.domestic.clone(),
                person: v.person,
                place: v.place,
                of_source: false,
                adjunct: false,
                light_only: false,
            };
            self.lemmas[lemma].frames.push(frames.len());
            frames.push(frame);
        }

        let mut noun_heads: HashMap<String, Vec<(usize, Vec<String>)>> = HashMap::new();
        for n in &spec.nouns {
            let name = n.forms.first().cloned().unwrap_or_default();
            self.check_type(&name, &n.kind)?;
            let of_source = match n.of.as_str() {
                "source" => true,
                "target" => false,
                other => {
                    return Err(
                        self.error(&name, format!("`of` is source or target, not `{other}`"))
                    );
                }
            };
            let index = frames.len();
            frames.push(Frame {
                pos: Pos::Noun,
                lemma: name.clone(),
                kind: n.kind.clone(),
                mode: n.mode.clone(),
                tail: Vec::new(),
                target: self.slot(&name, &n.target)?,
                needs: self.need(n.needs.as_deref()),
                opaque: false,
                symmetric: n.symmetric,
                both_ways: n.both_ways,
                named: false,
                partner: n.partner,
                troops_subject: false,
                intransitive: false,
                unless: n
                    .unless
                    .as_deref()
                    .map(|u| u.split('|').map(low).collect())
                    .unwrap_or_default(),
                etre: false,
                carrier: false,
                domestic: None,
                person: n.person,
                place: false,
                of_source,
                adjunct: n.adjunct,
                light_only: n.light,
            });
            for f in &n.forms {
                let words = phrase_words(f);
                if let Some((head, rest)) = words.split_first() {
                    noun_heads
                        .entry(head.clone())
                        .or_default()
                        .push((index, rest.to_vec()));
                }
            }
        }
        // the longest nouns first, so that "entretien téléphonique" wins over "entretien"
        for list in noun_heads.values_mut() {
            list.sort_by_key(|(_, rest)| std::cmp::Reverse(rest.len()));
        }

        let collectives = spec
            .collectives
            .iter()
            .map(|c| Collective {
                name: c.name.clone(),
                phrases: c.phrases.iter().map(|p| phrase_words(p)).collect(),
                adjectives: c.adjectives.iter().map(|a| low(a)).collect(),
            })
            .collect();

        let w = &spec.words;
        let set = |v: &[String]| v.iter().map(|s| low(s)).collect::<HashSet<_>>();
        let phrases = |v: &[String]| {
            let mut p: Vec<Vec<String>> = v.iter().map(|s| phrase_words(s)).collect();
            p.sort_by_key(|x| std::cmp::Reverse(x.len()));
            p
        };
        let words = Words {
            aggressors: spec
                .aggressors
                .iter()
                .map(|a| (a.target.clone(), a.source.clone()))
                .collect(),
            aggressions: set(&w.aggressions),
            opposing: phrases(&w.opposing),
            routes: set(&w.routes),
            borders: phrases(&w.borders),
            accessions: phrases(&w.accessions),
            background_preps: set(&w.background_preps),
            inclusions: set(&w.inclusions),
            sites: phrases(&w.sites),
            missions: phrases(&w.missions),
            negators: set(&w.negators),
            negating_preps: set(&w.negating_preps),
            pair_recalls: set(&w.pair_recalls),
            pair_people: set(&w.pair_people),
            pair_states: set(&w.pair_states),
            partitives: set(&w.partitives),
            negative_subjects: set(&w.negative_subjects),
            exceptions: phrases(&w.exceptions),
            group_adverbs: set(&w.group_adverbs),
            prepositions: set(&w.prepositions),
            de_forms: set(&w.de_forms),
            determiners: set(&w.determiners),
            relatives: set(&w.relatives),
            subordinators: phrases(&w.subordinators),
            first_person: set(&w.first_person),
            third_person: set(&w.third_person),
            latter: phrases(&w.latter),
            the_country: phrases(&w.the_country),
            population: phrases(&w.population),
            act_anaphors: set(&w.act_anaphors),
            verdicts: set(&w.verdicts),
            recalled: set(&w.recalled),
            documents: set(&w.documents),
            adverbials: phrases(&w.adverbials),
            partners: phrases(&w.partners),
            troops: set(&w.troops),
            modifiers: phrases(&w.modifiers),
            pairs: phrases(&w.pairs),
            organisations: phrases(&w.organisations),
            quantifiers: phrases(&w.quantifiers),
            phone: phrases(&w.phone),
            addressees: phrases(&w.addressees),
            adjunct_preps: phrases(&w.adjunct_preps),
            concurrent_preps: phrases(&w.concurrent_preps),
            locatives: phrases(&w.locatives),
            obligations: set(&w.obligations),
            own_country: phrases(&w.own_country),
            members: phrases(&w.members),
            hearsay_auxiliaries: set(&w.hearsay_auxiliaries),
            hearsay_openers: phrases(&w.hearsay_openers),
            denials: set(&w.denials),
            date_series: set(&w.date_series),
            publications: phrases(&w.publications),
            wars: phrases(&w.wars),
            role_anaphors: phrases(&w.role_anaphors),
            offices: set(&w.offices),
            then_words: phrases(&w.then_words),
            things: set(&w.things),
            collections: set(&w.collections),
            future_endings: w.future_endings.clone(),
            state_bodies: phrases(&w.state_bodies),
            inverting: set(&w.inverting),
            possessives: set(&w.possessives),
        };
        Ok(Lexicon {
            frames,
            lemmas: self.lemmas,
            verb_forms: self.verb_forms,
            noun_heads,
            words,
            collectives,
        })
    }
}

fn split(s: &str) -> Vec<String> {
    s.split_whitespace().map(String::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_french_lexicon_loads() {
        let lex = Lexicon::french().expect("the built-in lexicon parses");
        assert!(lex.frame_count() > 80, "{}", lex.frame_count());
        let forms = lex.verb("remercié");
        assert!(
            forms
                .iter()
                .any(|f| lex.lemmas[f.lemma].text == "remercier" && f.form == Form::Participle)
        );
        assert!(!lex.verb("s'entretiendra").is_empty() || !lex.verb("entretiendra").is_empty());
        assert!(!lex.verb("promis").is_empty());
        assert!(!lex.verb("a").is_empty());
        assert!(lex.noun_heads.contains_key("invasion"));
        assert!(lex.words.negators.contains("pas"));
    }

    #[test]
    fn bad_entries_are_errors_with_the_entry() {
        let text = FRENCH.replace("type = \"SUPPORT\"", "type = \"SUPORT\"");
        let err = Lexicon::parse(&text, "x.toml").unwrap_err().to_string();
        assert!(err.contains("SUPORT"), "{err}");
        let err = Lexicon::parse("models = 3", "x.toml")
            .unwrap_err()
            .to_string();
        assert!(err.contains("x.toml"), "{err}");
    }
}
