//! Where a predicate's arguments are: its subject, object, prepositional
//! arguments, agent, destination and place.
//!
//! [`Arguments`] is what the coder asks; the pattern reader
//! (`patterns.rs`) answers from the clauses, verb groups and actor mentions
//! of a sentence, with no parser. Now that the analyse stage gives
//! dependency trees (`Document::words`), a tree-reading implementation
//! (nsubj, obj, obl:agent, obl with its case, acl for participles) can take
//! its place without touching the frames or the coder.

use std::ops::Range;

use crate::actors::{Strength, Who};

/// What stands in an argument slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Arg {
    /// An actor mention.
    Actor {
        /// Whom it names.
        who: Who,
        /// Its words.
        words: Range<usize>,
        /// How sure it is.
        strength: Strength,
    },
    /// A word that stands for an actor named elsewhere.
    Pronoun {
        /// What kind of reference.
        kind: Refers,
        /// Its first word.
        word: usize,
    },
}

impl Arg {
    /// The first word of the argument.
    pub fn word(&self) -> usize {
        match self {
            Arg::Actor { words, .. } => words.start,
            Arg::Pronoun { word, .. } => *word,
        }
    }
}

/// What a pronoun or an anaphoric phrase refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refers {
    /// je, nous, on: the speaker of the quotation.
    Speaker,
    /// il, elle: a person named before.
    Person,
    /// cette dernière: the actor named just before.
    Latter,
    /// le pays: the country spoken of.
    Country,
    /// son pays: the country of the person spoken of.
    OwnCountry,
    /// la population: the source's own people.
    Population,
    /// une initiative: the act of the sentence before.
    Act,
    /// (the object of a judgement) "a regretté une décision": the one who
    /// did the last deed (a material act) told before.
    Deed,
    /// les deux dirigeants: the two actors spoken of.
    Pair,
    /// ces entreprises: the actor of an earlier phrase of the same noun.
    Recalled,
    /// ses partenaires: the organisation spoken of in the document.
    Partners,
    /// l'ONG: the organisation named before.
    Org,
    /// le, la, lui (an object pronoun): the actor named last who is not the source.
    Other,
}

/// A subject as the patterns read it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Subject {
    /// The actors or pronouns of the subject, coordinated ones included.
    pub args: Vec<Arg>,
    /// The subject negates the clause ("aucun pays").
    pub negative: bool,
}

/// The questions the coder asks about a predicate's arguments.
pub(crate) trait Arguments {
    /// The subject of clause `clause`, read before word `before` (the
    /// predicate), taken from the clause it depends on when it has none.
    fn subject(&self, clause: usize, before: usize) -> Subject;
    /// The direct object after word `after`, in the clause.
    fn object(&self, clause: usize, after: usize) -> Vec<Arg>;
    /// The argument introduced by one of `preps` after word `after`.
    fn prep(&self, clause: usize, after: usize, preps: &[Vec<String>]) -> Vec<Arg>;
    /// The agent of a passive (`par X`) after word `after`.
    fn agent(&self, clause: usize, after: usize) -> Vec<Arg>;
    /// The first actor after word `after` in the clause.
    fn after(&self, clause: usize, after: usize) -> Vec<Arg>;
    /// The place gone to (`à X`, `au X`, `en X`) after word `after`.
    fn destination(&self, clause: usize, after: usize) -> Vec<Arg>;
    /// The place an act happened at, in the clause.
    fn location(&self, clause: usize) -> Option<Arg>;
}
