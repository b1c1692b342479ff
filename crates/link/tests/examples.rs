//! The invented articles of `examples/` with the invented actors of
//! `examples/actors.tsv` added to the base: the actors they name are linked.

mod common;

use std::sync::OnceLock;

use chronicle_link::Linker;
use chronicle_model::{Document, Entity};

fn docs() -> &'static [Document] {
    static DOCS: OnceLock<Vec<Document>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let examples = common::repo().join("examples");
        let mut linker = Linker::builtin().unwrap_or_else(|e| panic!("{e}"));
        linker
            .add_kb_file(&examples.join("actors.tsv"))
            .unwrap_or_else(|e| panic!("{e}"));
        let docs = common::run(
            &[examples.join("articles"), examples.join("feed.jsonl")],
            &linker,
        );
        common::show(&docs);
        docs
    })
}

fn doc(id: &str) -> &'static Document {
    docs()
        .iter()
        .find(|d| d.id == id)
        .unwrap_or_else(|| panic!("no document {id}"))
}

fn entity<'a>(d: &'a Document, id: &str) -> &'a Entity {
    d.entities
        .iter()
        .find(|e| e.id.as_deref() == Some(id))
        .unwrap_or_else(|| panic!("{}: {id} not linked", d.id))
}

/// Whether the entity of `id` in `doc` has a mention written `text`.
fn has(doc_id: &str, id: &str, text: &str) {
    let d = doc(doc_id);
    let e = entity(d, id);
    assert!(
        e.mentions.iter().any(|m| m.text == text),
        "{doc_id}: {id} has no mention {text:?}: {:?}",
        e.mentions
    );
}

#[test]
fn every_example_is_linked_and_offsets_cut() {
    assert_eq!(docs().len(), 10);
    common::check_offsets(docs());
    for d in docs() {
        assert!(!d.entities.is_empty(), "{}: no entity", d.id);
    }
}

#[test]
fn the_invented_people_are_linked() {
    has("01_valdorie_etat_urgence", "X-P-KESSEL", "Arvid Kessel");
    has("02_valdorie_troupes_ostriennes", "X-P-BRELL", "Tomas Brell");
    has(
        "03_ostrie_renforts_ostriatoday",
        "X-P-STAVEK",
        "Miron Stavek",
    );
    has(
        "06_sarmance_morvanie_peche-cp1252",
        "X-P-BRASSAC",
        "Odile Brassac",
    );
    has("07_stavek_visite_lorvane", "X-P-STAVEK", "M. Stavek");
}

#[test]
fn the_invented_states_are_linked_by_name_metonym_and_body() {
    has(
        "01_valdorie_etat_urgence",
        "X-R-THARN",
        "la province de Tharn",
    );
    has("02_valdorie_troupes_ostriennes", "X-VAL", "Lorvane");
    has("02_valdorie_troupes_ostriennes", "X-C-LORVANE", "Lorvane");
    has("04_valdorie_remercie_ostrie", "X-VAL", "Lorvane");
    has(
        "ot-2024-04-12-retrait-troupes-valdorie",
        "X-OST",
        "le Belvédère",
    );
    has("02_valdorie_troupes_ostriennes", "X-O-OSCM", "OSCM");
}

#[test]
fn role_phrases_go_to_the_invented_office_holders() {
    // the Sarmancian foreign minister on 11 March 2024
    has(
        "05_sarmance_menace_sanctions",
        "X-P-FERRAND",
        "chef de la diplomatie sarmancienne",
    );
    // "Le chef de l'État" after "Le président valdorien Arvid Kessel"
    has("01_valdorie_etat_urgence", "X-P-KESSEL", "chef de l’État");
    // "son homologue ostrienne Katarina Hollm": the name, not the phrase
    let d = doc("04_valdorie_remercie_ostrie");
    assert_eq!(entity(d, "X-P-HOLLM").mentions.len(), 1);
}
