//! Hand-checked events of the invented articles of `examples/` (their actors
//! in `examples/actors.tsv`, added to the knowledge base as a user table).

mod common;

use chronicle_model::{Document, Event};
use common::{Front, root};

fn front() -> &'static Front {
    static FRONT: std::sync::OnceLock<Front> = std::sync::OnceLock::new();
    FRONT.get_or_init(|| Front::new(Some(root().join("examples/actors.tsv"))))
}

fn article(name: &str, published: &str) -> Document {
    let path = root().join("examples/articles").join(name);
    let raw = std::fs::read_to_string(&path).expect("example article");
    front().run(name, &raw, Some(published))
}

fn feed(line: usize) -> Document {
    let text = std::fs::read_to_string(root().join("examples/feed.jsonl")).expect("feed");
    let v: serde_json::Value =
        serde_json::from_str(text.lines().nth(line).expect("line")).expect("json");
    front().run(
        v["id"].as_str().unwrap_or("feed"),
        v["text"].as_str().unwrap_or(""),
        v["published"].as_str(),
    )
}

fn show(doc: &Document) {
    if std::env::var_os("EVENTS_DEBUG").is_none() {
        return;
    }
    eprintln!("=== {}", doc.id);
    for e in &doc.events {
        eprintln!(
            "{:9} {:>3} {:26} -> {:26} {:10} {:?} | {}",
            e.kind,
            if e.negated { "NOT" } else { "" },
            who(&e.source),
            who(&e.target),
            e.date.as_ref().map_or("-".into(), |d| d.value.clone()),
            e.quote,
            doc.body.get(e.start..e.end).unwrap_or("")
        );
    }
}

fn who(a: &Option<chronicle_model::Actor>) -> String {
    a.as_ref()
        .map(|a| a.country.clone().unwrap_or_else(|| a.name.clone()))
        .unwrap_or_default()
}

#[test]
#[ignore]
fn show_all() {
    for (name, date) in [
        ("01_valdorie_etat_urgence.txt", "2024-03-05"),
        ("02_valdorie_troupes_ostriennes.txt", "2024-03-07"),
        ("03_ostrie_renforts_ostriatoday.txt", "2024-03-07"),
        ("04_valdorie_remercie_ostrie.txt", "2024-03-13"),
        ("07_stavek_visite_lorvane.txt", "2024-04-17"),
    ] {
        show(&article(name, date));
    }
    for line in 0..3 {
        show(&feed(line));
    }
    for name in [
        "05_sarmance_menace_sanctions.html",
        "06_sarmance_morvanie_peche-cp1252.txt",
    ] {
        show(&front().file(&root().join("examples/articles").join(name)));
    }
}

fn find<'d>(doc: &'d Document, kind: &str, source: &str, target: &str) -> Option<&'d Event> {
    doc.events
        .iter()
        .find(|e| e.kind == kind && who(&e.source) == source && who(&e.target) == target)
}

/// Every event is well formed: a known type, both actors, a span that cuts
/// the body inside its sentence, and a source other than its target unless
/// the act is a state's on its own people.
fn check(doc: &Document) {
    for e in &doc.events {
        let cut = doc
            .body
            .get(e.start..e.end)
            .expect("span on char boundaries");
        assert!(
            !cut.is_empty() && e.sentence.contains(cut),
            "{}: {cut:?}",
            doc.id
        );
        let (s, t) = (who(&e.source), who(&e.target));
        assert!(!s.is_empty() && !t.is_empty(), "{}: {e:?}", doc.id);
        if s == t {
            assert!(
                ["PROTEST", "COERCE", "ASSAULT", "MOBILIZE", "REQUEST"].contains(&e.kind.as_str()),
                "{}: {e:?}",
                doc.id
            );
        }
    }
}

fn date(e: &Event) -> &str {
    e.date.as_ref().map_or("", |d| d.value.as_str())
}

#[test]
fn state_of_emergency_protests_and_a_call_for_help() {
    let doc = article("01_valdorie_etat_urgence.txt", "2024-03-05");
    show(&doc);
    check(&doc);
    // "Le président valdorien Arvid Kessel a décrété mardi 5 mars l'état d'urgence …"
    let e = find(&doc, "COERCE", "XVA", "XVA").expect("the state of emergency");
    assert_eq!(e.mode.as_deref(), Some("curfew"));
    assert_eq!(date(e), "2024-03-05");
    // "… avoir demandé l'aide de l'Organisation de sécurité collective des Marches (OSCM)"
    let e = doc
        .events
        .iter()
        .find(|e| e.kind == "REQUEST")
        .expect("the call for help");
    assert_eq!(who(&e.source), "XVA");
    assert!(who(&e.target).contains("Marches"), "{e:?}");
    // "la contestation née dimanche …" (3 March)
    let e = find(&doc, "PROTEST", "XVA", "XVA").expect("the protests");
    assert_eq!(date(e), "2024-03-03");
}

#[test]
fn troops_arrive_and_the_guard_fires() {
    let doc = article("02_valdorie_troupes_ostriennes.txt", "2024-03-07");
    show(&doc);
    check(&doc);
    // "Les premiers soldats ostriens … sont arrivés jeudi 7 mars en Valdorie"
    let e = find(&doc, "AID", "XOS", "XVA").expect("troops arriving");
    assert_eq!(date(e), "2024-03-07");
    // "la Garde civique avait ouvert le feu sur des manifestants": the state on its people
    let e = find(&doc, "ASSAULT", "XVA", "XVA").expect("the shooting");
    assert_eq!(e.mode.as_deref(), Some("firearms"));
    let guard = e
        .source
        .as_ref()
        .and_then(|a| a.entity)
        .and_then(|i| doc.entities.get(i));
    assert_eq!(guard.map(|g| g.name.as_str()), Some("Garde civique"));
}

#[test]
fn thanks_and_a_meeting_between_ministers() {
    let doc = article("04_valdorie_remercie_ostrie.txt", "2024-03-13");
    show(&doc);
    check(&doc);
    // "La Valdorie a remercié l'Ostrie pour son « aide décisive »"
    assert!(find(&doc, "SUPPORT", "XVA", "XOS").is_some());
    // "à l'issue d'une rencontre à Kravany entre le ministre valdorien … et son homologue ostrienne"
    let e = find(&doc, "CONSULT", "XVA", "XOS").expect("the meeting");
    assert_eq!(
        e.location.as_ref().map(|l| l.name.as_str()),
        Some("Kravany")
    );
}

#[test]
fn a_visit_promises_thanks_and_a_passive_accusation() {
    let doc = article("07_stavek_visite_lorvane.txt", "2024-04-17");
    show(&doc);
    check(&doc);
    // "Le président ostrien Miron Stavek a promis mercredi 17 avril de « défendre ensemble » …"
    let e = find(&doc, "AGREE", "XOS", "XVA").expect("the promise");
    assert_eq!(date(e), "2024-04-17");
    // "M. Stavek a été accueilli par le président valdorien Arvid Kessel": a visit, either way
    assert!(
        find(&doc, "CONSULT", "XVA", "XOS").is_some()
            || find(&doc, "CONSULT", "XOS", "XVA").is_some()
    );
    // "…, qui l'a remercié pour l'envoi de soldats ostriens en mars": thanked on the day
    let e = find(&doc, "SUPPORT", "XVA", "XOS").expect("the thanks");
    assert_eq!(date(e), "2024-04-17");
    // "L'Ostrie est accusée par la Sarmance …" then "Kravany dément"
    assert!(find(&doc, "ACCUSE", "XSA", "XOS").is_some());
    assert!(find(&doc, "REJECT", "XOS", "XSA").is_some());
    // "M. Stavek se rendra jeudi à Brask": Thursday after publication
    let visit = doc
        .events
        .iter()
        .find(|e| e.kind == "CONSULT" && date(e) == "2024-04-18")
        .expect("the visit to Brask");
    assert_eq!(visit.mode.as_deref(), Some("visit"));
}

#[test]
fn a_phone_call_and_the_two_leaders() {
    let doc = feed(0);
    show(&doc);
    check(&doc);
    // "Arvid Kessel s'est entretenu samedi par téléphone avec son homologue ostrien Miron Stavek"
    let e = find(&doc, "CONSULT", "XVA", "XOS").expect("the call");
    assert_eq!(e.mode.as_deref(), Some("phone"));
    assert_eq!(date(e), "2024-03-09");
    // "Les deux dirigeants ont également dénoncé … une allusion aux critiques du royaume de Sarmance"
    assert!(find(&doc, "ACCUSE", "XVA", "XSA").is_some());
    assert!(find(&doc, "ACCUSE", "XOS", "XSA").is_some());
}

#[test]
fn arrests_of_a_minority_and_an_ngo_s_call() {
    let doc = feed(1);
    show(&doc);
    check(&doc);
    // "Au moins neuf militants de la minorité kerrane ont été arrêtés …"
    let e = doc
        .events
        .iter()
        .find(|e| e.kind == "COERCE" && who(&e.target) == "Kerrans")
        .expect("the arrests");
    assert_eq!(who(&e.source), "XVA");
    // "L'ONG appelle Lorvane à libérer « sans délai » les militants détenus"
    let e = find(&doc, "REQUEST", "Vigie des libertés", "XVA").expect("the NGO's call");
    assert!(!e.negated);
}

#[test]
fn troops_leave_and_a_threat_told_before() {
    let doc = feed(2);
    show(&doc);
    check(&doc);
    // "Les soldats ostriens … ont commencé il y a deux jours à quitter la Valdorie"
    let e = find(&doc, "RETREAT", "XOS", "XVA").expect("the withdrawal");
    assert_eq!(date(e), "2024-04-10");
    // "le royaume de Sarmance, qui avait menacé Kravany de nouvelles sanctions"
    assert!(find(&doc, "THREATEN", "XSA", "XOS").is_some());
}
