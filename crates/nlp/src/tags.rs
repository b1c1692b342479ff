//! The label sets: Universal POS tags, the morphological features the
//! tagger predicts, and named-entity types.

/// A Universal Dependencies part of speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Upos {
    /// Adjective.
    Adj,
    /// Adposition (`à`, `de`).
    Adp,
    /// Adverb.
    Adv,
    /// Auxiliary (`être`, `avoir` as auxiliaries and copula).
    Aux,
    /// Coordinating conjunction.
    Cconj,
    /// Determiner.
    Det,
    /// Interjection.
    Intj,
    /// Common noun.
    Noun,
    /// Numeral.
    Num,
    /// Particle.
    Part,
    /// Pronoun.
    Pron,
    /// Proper noun.
    Propn,
    /// Punctuation.
    Punct,
    /// Subordinating conjunction.
    Sconj,
    /// Symbol.
    Sym,
    /// Verb.
    Verb,
    /// Other.
    X,
}

/// Every tag, in index order.
pub const UPOS: [Upos; 17] = [
    Upos::Adj,
    Upos::Adp,
    Upos::Adv,
    Upos::Aux,
    Upos::Cconj,
    Upos::Det,
    Upos::Intj,
    Upos::Noun,
    Upos::Num,
    Upos::Part,
    Upos::Pron,
    Upos::Propn,
    Upos::Punct,
    Upos::Sconj,
    Upos::Sym,
    Upos::Verb,
    Upos::X,
];

impl Upos {
    /// The UD name (`NOUN`).
    pub fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    /// The tag named `s`.
    pub fn parse(s: &str) -> Option<Upos> {
        UPOS.iter().copied().find(|u| u.as_str() == s)
    }

    /// Index in [`UPOS`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for Upos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The morphological features predicted, each with its values; class 0 of
/// each is "absent".
pub const MORPH: [(&str, &[&str]); 6] = [
    ("Gender", &["Masc", "Fem"]),
    ("Number", &["Sing", "Plur"]),
    ("Person", &["1", "2", "3"]),
    ("VerbForm", &["Fin", "Inf", "Part", "Ger"]),
    ("Mood", &["Ind", "Sub", "Cnd", "Imp"]),
    ("Tense", &["Pres", "Past", "Fut", "Imp"]),
];

/// The class of each [`MORPH`] feature in a `Feat=Val|…` string (0 = absent).
pub(crate) fn morph_classes(feats: &str) -> [u8; 6] {
    let mut out = [0u8; 6];
    for kv in feats.split('|') {
        let Some((k, v)) = kv.split_once('=') else {
            continue;
        };
        for (i, (name, vals)) in MORPH.iter().enumerate() {
            if *name == k
                && let Some(j) = vals.iter().position(|x| *x == v)
            {
                out[i] = (j + 1) as u8;
            }
        }
    }
    out
}

/// The `Feat=Val|…` string of predicted classes (`_` when none), in UD's
/// alphabetical order.
pub(crate) fn morph_string(classes: &[u8; 6]) -> String {
    let mut parts: Vec<(&str, &str)> = Vec::new();
    for (i, (name, vals)) in MORPH.iter().enumerate() {
        let c = classes[i] as usize;
        if c > 0 && c <= vals.len() {
            parts.push((name, vals[c - 1]));
        }
    }
    if parts.is_empty() {
        return "_".into();
    }
    parts.sort_by_key(|(k, _)| *k);
    parts
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("|")
}

/// A named-entity type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    /// Person.
    Per,
    /// Organisation.
    Org,
    /// Place.
    Loc,
    /// Other names (events, works, nationalities used as names…).
    Misc,
}

/// Every entity type, in index order.
pub const ENTITY_KINDS: [EntityKind; 4] = [
    EntityKind::Per,
    EntityKind::Org,
    EntityKind::Loc,
    EntityKind::Misc,
];

impl EntityKind {
    /// `PER`, `ORG`, `LOC` or `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Per => "PER",
            EntityKind::Org => "ORG",
            EntityKind::Loc => "LOC",
            EntityKind::Misc => "MISC",
        }
    }

    /// The type named `s`, with the spellings of the training sets
    /// (`PERS`, `HumanProd` → MISC).
    pub fn parse(s: &str) -> Option<EntityKind> {
        match s {
            "PER" | "PERS" | "pers" => Some(EntityKind::Per),
            "ORG" | "org" => Some(EntityKind::Org),
            "LOC" | "loc" | "GPE" => Some(EntityKind::Loc),
            "MISC" | "HumanProd" | "prod" => Some(EntityKind::Misc),
            _ => None,
        }
    }

    /// Index in [`ENTITY_KINDS`].
    pub fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for u in UPOS {
            assert_eq!(Upos::parse(u.as_str()), Some(u));
            assert_eq!(UPOS[u.index()], u);
        }
        let c = morph_classes("Gender=Fem|Number=Plur|Definite=Def|VerbForm=Part|Tense=Past");
        assert_eq!(
            morph_string(&c),
            "Gender=Fem|Number=Plur|Tense=Past|VerbForm=Part"
        );
        assert_eq!(morph_string(&[0; 6]), "_");
        assert_eq!(EntityKind::parse("HumanProd"), Some(EntityKind::Misc));
    }
}
