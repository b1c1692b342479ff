//! The invented articles of `examples/` (see `examples/README.md`) through
//! clean → analyse → quotes, against quotations written down by hand.

use std::path::{Path, PathBuf};

use chronicle_model::{Document, Quote};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn run(raw: String, title: Option<String>) -> Document {
    let cleaner = chronicle_clean::Cleaner::builtin().expect("cleaning rules");
    let segmenter = chronicle_text::Segmenter::french().expect("segmenter");
    let finder = chronicle_quotes::QuoteFinder::french().expect("quote finder");
    let mut doc = Document {
        raw,
        ..Document::default()
    };
    doc.given.title = title;
    cleaner.clean(&mut doc);
    segmenter.analyse(&mut doc);
    finder.find(&mut doc);
    for q in &doc.quotes {
        assert_eq!(&doc.body[q.start..q.end], q.text, "offsets of {q:?}");
        if q.kind != "indirect" {
            assert!(
                q.text.split_whitespace().count() > 1,
                "a lone word quoted: {q:?}"
            );
        }
    }
    doc
}

fn article(name: &str) -> Document {
    let raw = std::fs::read_to_string(examples().join("articles").join(name)).expect("article");
    run(raw, None)
}

fn feed(line: usize) -> Document {
    let text = std::fs::read_to_string(examples().join("feed.jsonl")).expect("feed");
    let l = text.lines().nth(line).expect("feed line");
    let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
    run(
        v["text"].as_str().unwrap_or("").to_string(),
        v["title"].as_str().map(str::to_string),
    )
}

/// Checks that `quotes` hold each (kind, start of text, speaker).
fn expect(name: &str, quotes: &[Quote], wanted: &[(&str, &str, &str)]) {
    for &(kind, start, speaker) in wanted {
        let hit = quotes
            .iter()
            .find(|q| q.kind == kind && q.text.starts_with(start));
        let Some(q) = hit else {
            panic!("{name}: no {kind} quote starting {start:?} in {quotes:#?}");
        };
        let got = q.speaker.as_ref().map_or("", |s| s.name.as_str());
        assert_eq!(got, speaker, "{name}: speaker of {start:?}");
    }
}

#[test]
fn state_of_emergency() {
    let d = article("01_valdorie_etat_urgence.txt");
    expect(
        "01",
        &d.quotes,
        &[
            (
                "direct",
                "Nous ne laisserons pas une poignée",
                "Arvid Kessel",
            ),
            ("partial", "l’ordre sera rétabli", "Arvid Kessel"),
            (
                "partial",
                "sécuriser les infrastructures stratégiques",
                "Arvid Kessel",
            ),
            (
                "indirect",
                "312\u{a0}personnes ont été interpellées",
                "Irène Sokal",
            ),
            ("direct", "Ceux qui ont pillé", "Irène Sokal"),
            ("direct", "et aucun d’entre eux", "Irène Sokal"),
            ("partial", "revenir immédiatement", "opposition"),
            ("partial", "ne réglera rien", "Lukas Fenner"),
            ("partial", "criminaliser la colère sociale", "Lukas Fenner"),
        ],
    );
}

#[test]
fn troops_arrive() {
    let d = article("02_valdorie_troupes_ostriennes.txt");
    expect(
        "02",
        &d.quotes,
        &[
            ("direct", "Les soldats de nos alliés", "Tomas Brell"),
            ("partial", "le temps nécessaire", "Tomas Brell"),
            ("direct", "Ils viennent nous protéger", "Ana"),
            (
                "partial",
                "rétablir l’ordre constitutionnel",
                "Arvid Kessel",
            ),
            ("partial", "opération antiterroriste", "Lorvane"),
        ],
    );
}

#[test]
fn ministry_statement() {
    let d = article("04_valdorie_remercie_ostrie.txt");
    let ministry = "ministère valdorien des Affaires étrangères";
    expect(
        "04",
        &d.quotes,
        &[
            ("direct", "Le gouvernement valdorien exprime", ministry),
            ("direct", "Sans la solidarité de nos alliés", ministry),
            ("partial", "qui était à ses côtés", "Mathis Corvel"),
            ("partial", "toutes les parties", "Morvanie"),
            ("indirect", "ces critiques relèvent", "Lorvane"),
        ],
    );
}

#[test]
fn visit_with_a_quotation_over_two_paragraphs() {
    let d = article("07_stavek_visite_lorvane.txt");
    expect(
        "07",
        &d.quotes,
        &[
            ("partial", "défendre ensemble", "Miron Stavek"),
            ("direct", "L’Ostrie a été là", "Arvid Kessel"),
            ("partial", "plus solide que jamais", "Arvid Kessel"),
            ("direct", "Ceux qui ont voulu déstabiliser", "Miron Stavek"),
            ("direct", "L’OSCM a montré", "Miron Stavek"),
            ("partial", "équipements de protection", "Kravany"),
        ],
    );
    assert!(
        !d.quotes
            .iter()
            .any(|q| q.kind != "indirect" && q.text.contains("Routes de l’ambre")),
        "a programme's name is not a quotation"
    );
}

#[test]
fn feed_articles() {
    expect(
        "feed 1",
        &feed(0).quotes,
        &[
            (
                "direct",
                "Les présidents ont fait le point",
                "présidence valdorienne",
            ),
            ("partial", "n’acceptera aucune leçon", "Tomas Brell"),
            ("partial", "n’ont jamais connu le terrorisme", "Tomas Brell"),
        ],
    );
    expect(
        "feed 2",
        &feed(1).quotes,
        &[
            (
                "direct",
                "Aucun motif ne nous a été communiqué",
                "Filip Haskel",
            ),
            (
                "partial",
                "se servent de l’état d’urgence",
                "Vigie des libertés",
            ),
        ],
    );
    expect(
        "feed 3",
        &feed(2).quotes,
        &[
            ("direct", "La mission est accomplie", "Pavel Roudine"),
            ("partial", "une opération exemplaire", "Jonas Aalberg"),
        ],
    );
}
