//! Role phrases: the words that name an office ("président", "chef de la
//! diplomatie") and the role they stand for.

use crate::actor::Source;

/// A phrase that names a role, in one language, perhaps only for one country
/// ("président" is `head_of_government` in Iran, `head_of_state` elsewhere).
#[derive(Debug, Clone)]
pub struct RolePhrase {
    pub(crate) phrase: String,
    pub(crate) role: String,
    pub(crate) lang: String,
    pub(crate) country: Option<String>,
    pub(crate) holder: bool,
    pub(crate) source: Source,
}

impl RolePhrase {
    /// The phrase as written ("Premier ministre").
    pub fn phrase(&self) -> &str {
        &self.phrase
    }

    /// The role it names (`head_of_government`).
    pub fn role(&self) -> &str {
        &self.role
    }

    /// ISO 639-1 language of the phrase.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// The only country the phrase has this meaning for, if any.
    pub fn country(&self) -> Option<&str> {
        self.country.as_deref()
    }

    /// Whether the role is held by a person ("président"), rather than
    /// naming a body ("gouvernement", "diplomatie").
    pub fn names_a_person(&self) -> bool {
        self.holder
    }

    /// Where the phrase's row is.
    pub fn source(&self) -> &Source {
        &self.source
    }
}
