//! Who said what in French news: the `quotes` stage of chronicle.
//!
//! It runs after `link` (entities) and `time`, before `events` (an event may
//! point at the quotation whose content it is), on the body that `clean` left
//! and the tokens and sentences of `analyse` (`chronicle-text`). A
//! [`QuoteFinder`], built once from data (`data/lang/fr/speech_verbs.txt`,
//! `data/lang/fr/quotes.toml`), fills [`chronicle_model::Document::quotes`]:
//!
//! - **direct** quotations: a clause in « », “ ”, ‹ › or straight quotes that
//!   opens its sentence or follows a colon, over several sentences or
//!   paragraphs (a quotation reopened with « at the next paragraph goes on),
//!   and lines of dialogue opened by a dash;
//! - **partial** quotations: quoted words inside the writer's sentence that a
//!   reporting verb, an incise or `selon` attributes ("a promis de « … »").
//!   Names of things and scare quotes ("les « Routes de la soie »", a single
//!   quoted word, a short quoted subheading) give no record;
//! - **indirect** speech: "X a déclaré que …", "a annoncé autoriser …", "a
//!   appelé la population à …", "…, a ajouté X", "selon X, …", "d'après X",
//!   "Pour X, …".
//!
//! Speakers come after the quotation ("», a indiqué M. Atamkulov"), before it
//! ("Xi Jinping a écrit : « … »"), as a pronoun ("a-t-il ajouté") resolved to
//! the last speaker that fits its gender and number, as a statement ("a
//! poursuivi le communiqué") resolved to the body that issued it, as a role
//! ("le président chinois") resolved to the person the article names in it,
//! or in apposition ("le porte-parole, Aidos Ukibay"). A speaker whose name an
//! entity mention covers takes that entity's name, index and country; an
//! unnamed one qualified by a demonym ("des responsables kazakhs", "la
//! mission chinoise") keeps its words and takes the country the knowledge base
//! (`chronicle-kb`) gives the demonym; a person named as speaker whom no
//! entity covers becomes a local person of the document
//! (`chronicle_link::add_local_person`) and the speaker points at it.
//!
//! **Incises.** A quotation cut by an incise ("« …, a prévenu la ministre,
//! et … »") gives one record per piece, with the same speaker and cue, so
//! that every record's text is exactly `&body[start..end]`. A quotation that
//! runs over several paragraphs likewise gives one record per paragraph.

#![warn(missing_docs)]

mod attribute;
#[cfg(test)]
mod cases;
mod error;
mod finder;
mod indirect;
mod lexicon;
mod marks;
mod phrases;
mod said;
mod speakers;
mod verbs;
mod view;

pub use error::LexiconError;
pub use finder::QuoteFinder;
pub use lexicon::Lexicon;
