//! Unit tests of the coder on invented sentences, one per frame and
//! pattern, through the real stages before it.

use chronicle_model::{Document, Event, Given};

use crate::EventCoder;

struct Front {
    cleaner: chronicle_clean::Cleaner,
    segmenter: chronicle_text::Segmenter,
    models: chronicle_nlp::Models,
    linker: chronicle_link::Linker,
    tagger: chronicle_time::TimeTagger,
    quotes: chronicle_quotes::QuoteFinder,
    coder: EventCoder,
}

fn front() -> &'static Front {
    static FRONT: std::sync::OnceLock<Front> = std::sync::OnceLock::new();
    FRONT.get_or_init(|| {
        let linker = chronicle_link::Linker::builtin().expect("linker");
        let coder = EventCoder::new(linker.kb().clone()).expect("coder");
        Front {
            cleaner: chronicle_clean::Cleaner::builtin().expect("cleaner"),
            segmenter: chronicle_text::Segmenter::french().expect("segmenter"),
            models: chronicle_nlp::Models::load_builtin().expect("models"),
            linker,
            tagger: chronicle_time::TimeTagger::french().expect("tagger"),
            quotes: chronicle_quotes::QuoteFinder::french().expect("quotes"),
            coder,
        }
    })
}

/// The analyse stage's models: words with their part of speech and
/// dependencies, as the engine fills them (the links use no recogniser
/// names here: the knowledge base covers the test sentences).
fn tag(doc: &mut Document) {
    let analysis = front()
        .models
        .analyse(&doc.body, &doc.tokens, &doc.sentences);
    doc.words = analysis
        .words
        .into_iter()
        .map(|w| chronicle_model::Word {
            token: w.token,
            sentence: w.sentence,
            form: w.form,
            upos: w.upos.as_str().to_string(),
            feats: w.feats,
            lemma: w.lemma,
            head: w.head,
            deprel: w.deprel,
        })
        .collect();
}

/// The document after every stage up to quotes.
fn prepared(text: &str, published: &str) -> Document {
    let f = front();
    let mut doc = Document {
        id: "t".into(),
        raw: text.into(),
        given: Given {
            published: (!published.is_empty()).then(|| published.into()),
            ..Given::default()
        },
        ..Document::default()
    };
    f.cleaner.clean(&mut doc);
    f.segmenter.analyse(&mut doc);
    tag(&mut doc);
    f.linker.link(&mut doc, &[]);
    f.tagger.annotate(&mut doc);
    f.quotes.find(&mut doc);
    doc
}

fn events(text: &str) -> (Document, Vec<Event>) {
    let doc = prepared(text, "2022-01-10");
    let ev = front().coder.events(&doc);
    (doc, ev)
}

/// (type, source country or name, target country or name, negated)
fn brief(ev: &[Event]) -> Vec<(String, String, String, bool)> {
    let who = |a: &Option<chronicle_model::Actor>| {
        a.as_ref()
            .map(|a| a.country.clone().unwrap_or_else(|| a.name.clone()))
            .unwrap_or_default()
    };
    ev.iter()
        .map(|e| (e.kind.clone(), who(&e.source), who(&e.target), e.negated))
        .collect()
}

fn has(ev: &[Event], kind: &str, source: &str, target: &str, negated: bool) -> bool {
    brief(ev)
        .iter()
        .any(|(k, s, t, n)| k == kind && s == source && t == target && *n == negated)
}

// Verbs in the active: subject acts on object or prepositional argument.

#[test]
fn thanks_are_support_to_the_object() {
    let (_, ev) = events("La France a remercié le Japon pour son aide.");
    assert_eq!(
        brief(&ev),
        vec![("SUPPORT".into(), "FRA".into(), "JPN".into(), false)]
    );
}

#[test]
fn condemnation_targets_the_actor_of_the_object() {
    let (_, ev) = events("Le Japon a condamné mardi l’essai nucléaire de la Corée du Nord.");
    assert!(has(&ev, "ACCUSE", "JPN", "PRK", false), "{:?}", brief(&ev));
    assert_eq!(ev[0].mode.as_deref(), Some("disapprove"));
    assert_eq!(
        ev[0].date.as_ref().map(|d| d.value.as_str()),
        Some("2022-01-04")
    );
}

#[test]
fn a_call_on_two_actors_is_two_requests() {
    let (_, ev) = events("L’Allemagne a appelé la Russie et l’Inde à cesser les combats.");
    assert!(has(&ev, "REQUEST", "DEU", "RUS", false), "{:?}", brief(&ev));
    assert!(has(&ev, "REQUEST", "DEU", "IND", false), "{:?}", brief(&ev));
    // the call's content is not an event of its own
    assert_eq!(ev.len(), 2, "{:?}", brief(&ev));
}

#[test]
fn talks_with_someone_are_consult() {
    let (_, ev) = events("Le président français s’est entretenu avec son homologue italien.");
    assert_eq!(
        brief(&ev),
        vec![("CONSULT".into(), "FRA".into(), "ITA".into(), false)]
    );
}

#[test]
fn a_phone_call_between_two_named_leaders_is_consult_by_phone() {
    let (_, ev) = events(
        "Le président russe Vladimir Poutine et son homologue kazakh Kassym-Jomart Tokaïev ont eu une longue conversation téléphonique samedi.",
    );
    assert!(has(&ev, "CONSULT", "RUS", "KAZ", false), "{:?}", brief(&ev));
    assert_eq!(ev[0].mode.as_deref(), Some("phone"));
}

#[test]
fn an_accusation_with_its_content_is_one_accuse() {
    let (_, ev) = events("Les États-Unis accusent la Russie de vouloir envahir l’Ukraine.");
    assert_eq!(
        brief(&ev),
        vec![("ACCUSE".into(), "USA".into(), "RUS".into(), false)]
    );
}

#[test]
fn troops_sent_to_another_country_are_aid() {
    let (_, ev) = events("La France a envoyé des troupes au Mali pour soutenir le gouvernement.");
    assert!(has(&ev, "AID", "FRA", "MLI", false), "{:?}", brief(&ev));
}

#[test]
fn troops_arriving_are_aid_from_their_country() {
    let (_, ev) = events("Des soldats russes sont arrivés jeudi au Kazakhstan.");
    assert!(has(&ev, "AID", "RUS", "KAZ", false), "{:?}", brief(&ev));
}

#[test]
fn threats_and_rejections() {
    let (_, ev) = events("L’Iran a rejeté mardi la proposition des États-Unis.");
    assert!(has(&ev, "REJECT", "IRN", "USA", false), "{:?}", brief(&ev));
    let (_, ev) = events("La Russie a menacé l’Ukraine de représailles.");
    assert!(
        has(&ev, "THREATEN", "RUS", "UKR", false),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn an_object_pronoun_is_the_one_named_before() {
    let (_, ev) = events(
        "Xi Jinping a été accueilli par le président kazakh, qui l’a remercié pour son soutien.",
    );
    assert!(has(&ev, "SUPPORT", "KAZ", "CHN", false), "{:?}", brief(&ev));
}

#[test]
fn receiving_things_is_no_meeting() {
    let (_, ev) = events("L’Ukraine a reçu mardi des armes des États-Unis.");
    assert!(ev.iter().all(|e| e.kind != "CONSULT"), "{:?}", brief(&ev));
    let (_, ev) = events("Le président ukrainien a reçu mardi le secrétaire d’État américain.");
    assert!(
        has(&ev, "CONSULT", "UKR", "USA", false) || has(&ev, "CONSULT", "USA", "UKR", false),
        "{:?}",
        brief(&ev)
    );
}

// Passives.

#[test]
fn a_passive_takes_its_agent_as_source() {
    let (_, ev) = events("La Chine est accusée par le Japon de violer ses eaux territoriales.");
    assert_eq!(
        brief(&ev),
        vec![("ACCUSE".into(), "JPN".into(), "CHN".into(), false)]
    );
}

#[test]
fn an_arrest_with_no_agent_is_the_state_s_and_keeps_the_person() {
    let (doc, ev) = events("L’opposant Alexeï Navalny a été arrêté dimanche à Moscou.");
    let e = ev.iter().find(|e| e.kind == "COERCE").expect("an arrest");
    assert_eq!(
        e.source.as_ref().and_then(|a| a.country.as_deref()),
        Some("RUS")
    );
    let target = e.target.as_ref().expect("target");
    assert!(target.name.contains("Navalny"), "{target:?}");
    assert_eq!(e.mode.as_deref(), Some("arrest"));
    assert!(e.location.is_some(), "{e:?}");
    assert!(doc.body.get(e.start..e.end).is_some());
}

#[test]
fn a_carrier_passive_takes_its_agent_noun_s_event() {
    let (_, ev) =
        events("Moscou, frappé par des sanctions occidentales, cherche de nouveaux partenaires.");
    assert_eq!(
        brief(&ev),
        vec![("SANCTION".into(), "the West".into(), "RUS".into(), false)]
    );
}

#[test]
fn the_west_is_the_knowledge_base_s_bloc() {
    for text in [
        "Les pays occidentaux accusent la Chine de violer les droits de l'homme.",
        "L'Occident accuse la Chine de violer les droits de l'homme.",
        "Les Occidentaux accusent la Chine de violer les droits de l'homme.",
    ] {
        let (doc, ev) = events(text);
        let e = ev.iter().find(|e| e.kind == "ACCUSE");
        let source = e.and_then(|e| e.source.as_ref());
        assert_eq!(
            source.map(|s| s.name.as_str()),
            Some("the West"),
            "{text}: {ev:#?}"
        );
        let entity = source
            .and_then(|s| s.entity)
            .and_then(|i| doc.entities.get(i));
        assert_eq!(
            entity.and_then(|x| x.id.as_deref()),
            Some("O-WEST"),
            "{text}"
        );
        assert_eq!(source.and_then(|s| s.country.as_deref()), None, "{text}");
    }
    // a known actor in apposition wins over the bloc
    let (_, ev) = events(
        "Certains pays occidentaux, dont les États-Unis, ont accusé la Russie de s'ingérer.",
    );
    assert!(has(&ev, "ACCUSE", "USA", "RUS", false), "{ev:#?}");
}

// Nominalisations and nouns.

#[test]
fn an_invasion_of_x_by_y() {
    let (_, ev) = events("Depuis l’invasion de l’Ukraine par la Russie, les prix ont doublé.");
    assert_eq!(
        brief(&ev),
        vec![("ASSAULT".into(), "RUS".into(), "UKR".into(), false)]
    );
    let (_, ev) = events("L’invasion par la Russie de l’Ukraine a suscité l’inquiétude.");
    assert!(has(&ev, "ASSAULT", "RUS", "UKR", false), "{:?}", brief(&ev));
    // with no agent and no known invader, no event (the known invader of
    // Ukraine: an_invasion_with_no_agent_is_the_known_invader_s)
    let (_, ev) = events("Depuis l’invasion du Tchad, les prix ont doublé.");
    assert!(ev.is_empty(), "{:?}", brief(&ev));
}

#[test]
fn a_noun_after_a_light_verb_is_the_subject_s_act() {
    let (_, ev) =
        events("L’Union européenne a imposé de nouvelles sanctions contre la Biélorussie.");
    assert!(
        has(&ev, "SANCTION", "European Union", "BLR", false),
        "{:?}",
        brief(&ev)
    );
    let (_, ev) = events(
        "Le président chinois a affiché mercredi son soutien à la souveraineté du Kazakhstan.",
    );
    assert!(has(&ev, "SUPPORT", "CHN", "KAZ", false), "{:?}", brief(&ev));
}

#[test]
fn protests_breaking_out_are_their_country_s() {
    let (_, ev) = events("Des manifestations ont éclaté dimanche à Minsk.");
    assert!(has(&ev, "PROTEST", "BLR", "BLR", false), "{:?}", brief(&ev));
    assert_eq!(ev[0].mode.as_deref(), Some("demo"));
}

#[test]
fn a_meeting_after_a_preposition_is_the_subject_s() {
    let (_, ev) = events(
        "Le ministre indien s’exprimait après une rencontre à Pékin avec son homologue chinois.",
    );
    assert!(
        has(&ev, "CONSULT", "IND", "CHN", false) || has(&ev, "CONSULT", "CHN", "IND", false),
        "{:?}",
        brief(&ev)
    );
}

// Negation.

#[test]
fn negation_is_kept() {
    let (_, ev) = events("Pékin n’a pas condamné l’intervention de Moscou en Ukraine.");
    assert_eq!(
        brief(&ev),
        vec![("ACCUSE".into(), "CHN".into(), "RUS".into(), true)]
    );
    let (_, ev) = events("Le Brésil ne soutient plus le Venezuela.");
    assert!(has(&ev, "SUPPORT", "BRA", "VEN", true), "{:?}", brief(&ev));
}

#[test]
fn signing_an_agreement_is_agree_past_adjuncts_between_verb_and_object() {
    let (_, ev) =
        events("La France et le Japon ont signé, mardi 4 janvier, à Tokyo, un traité commercial.");
    assert!(has(&ev, "AGREE", "FRA", "JPN", false), "{:?}", brief(&ev));
    let (_, ev) = events("Le Pérou a signé une lettre d'intention avec le Chili.");
    assert!(has(&ev, "AGREE", "PER", "CHL", false), "{:?}", brief(&ev));
}

#[test]
fn troops_deployed_abroad_are_aid_and_the_request_is_the_host_s() {
    let (_, ev) = events("La France a déployé des soldats au Mali, à la demande du Mali.");
    assert!(has(&ev, "AID", "FRA", "MLI", false), "{:?}", brief(&ev));
    assert!(has(&ev, "REQUEST", "MLI", "FRA", false), "{:?}", brief(&ev));
    assert!(!ev.iter().any(|e| e.kind == "MOBILIZE"), "{:?}", brief(&ev));
}

#[test]
fn sanctions_imposed_on_a_capital_are_its_country_s() {
    let (_, ev) = events("Les sanctions américaines imposées à Téhéran ont été prolongées.");
    assert!(
        has(&ev, "SANCTION", "USA", "IRN", false),
        "{:?}",
        brief(&ev)
    );
    // a noun coordinated after the sanctions keeps its own complement
    let (_, ev) =
        events("Le Mexique a dénoncé les sanctions américaines et les ventes d'armes à Taipei.");
    assert!(
        !has(&ev, "SANCTION", "USA", "TWN", false),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn an_exchange_of_fire_between_a_pair_is_each_side_s() {
    let (_, ev) =
        events("Les armées indienne et pakistanaise ont échangé des tirs près de Poonch.");
    assert!(has(&ev, "ASSAULT", "IND", "PAK", false), "{:?}", brief(&ev));
    assert!(has(&ev, "ASSAULT", "PAK", "IND", false), "{:?}", brief(&ev));
    // never one side on itself, whatever country the place is in
    assert!(
        !ev.iter()
            .any(|e| e.source.as_ref().map(|a| &a.name) == e.target.as_ref().map(|a| &a.name)),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn an_adverb_inside_a_perfect_keeps_it_active() {
    // "a aussitôt demandé" is no passive: "par la mer Noire" is a way, not
    // an agent
    let (_, ev) = events(
        "Le président turc a aussitôt demandé à la Russie de rouvrir les routes d'exportation par la mer Noire.",
    );
    assert!(has(&ev, "REQUEST", "TUR", "RUS", false), "{:?}", brief(&ev));
    assert!(
        brief(&ev).iter().all(|(_, s, _, _)| s == "TUR"),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn a_news_outlet_comments_and_does_not_act() {
    let (_, ev) = events("L'agence Kabar se félicite de l'accord avec la Chine.");
    assert!(!ev.iter().any(|e| e.kind == "SUPPORT"), "{:?}", brief(&ev));
    // an outlet can be acted on
    let (_, ev) = events("Le gouvernement kirghiz a accusé l'agence Kabar de mensonges.");
    assert!(
        brief(&ev)
            .iter()
            .any(|(k, s, _, _)| k == "ACCUSE" && s == "KGZ"),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn two_leaders_speaking_to_each_other_is_consult() {
    let (_, ev) = events(
        "Vladimir Poutine a reçu Kassym-Jomart Tokaïev en mai. Les deux présidents se sont de nouveau parlé au téléphone en juillet.",
    );
    assert!(
        ev.iter()
            .any(|e| e.kind == "CONSULT" && e.mode.as_deref() == Some("phone")),
        "{:?}",
        brief(&ev)
    );
    // speaking of someone is no meeting
    let (_, ev) = events("Le président chilien a longuement parlé du Pérou devant les députés.");
    assert!(!ev.iter().any(|e| e.kind == "CONSULT"), "{:?}", brief(&ev));
}

#[test]
fn a_negation_holds_across_an_adverbial_phrase() {
    let (_, ev) = events("Le Japon n'a pas pour autant imposé la moindre sanction à la Chine.");
    assert!(has(&ev, "SANCTION", "JPN", "CHN", true), "{:?}", brief(&ev));
    assert!(
        !has(&ev, "SANCTION", "JPN", "CHN", false),
        "{:?}",
        brief(&ev)
    );
    let (_, ev) = events("Le Brésil n'a pour l'instant pas condamné la Turquie.");
    assert!(has(&ev, "ACCUSE", "BRA", "TUR", true), "{:?}", brief(&ev));
    // the phrase without a negation leaves the act as it is
    let (_, ev) = events("Le Chili a quant à lui condamné la Turquie.");
    assert!(has(&ev, "ACCUSE", "CHL", "TUR", false), "{:?}", brief(&ev));
}

#[test]
fn not_recognising_is_negated_support() {
    let (_, ev) = events("Le Brésil ne reconnaît pas le Kosovo.");
    assert!(has(&ev, "SUPPORT", "BRA", "XKX", true), "{:?}", brief(&ev));
    let (_, ev) = events("« Nous ne reconnaissons ni le Kosovo ni Taïwan », a déclaré le Brésil.");
    assert!(!ev.iter().any(|e| !e.negated), "{:?}", brief(&ev));
}

#[test]
fn recognising_is_of_one_named_in_the_object() {
    // an act recognised is its agent's
    let (_, ev) =
        events("La Serbie n'a jamais reconnu l'annexion de territoires géorgiens par la Russie.");
    assert!(has(&ev, "SUPPORT", "SRB", "RUS", true), "{:?}", brief(&ev));
    assert!(!has(&ev, "SUPPORT", "SRB", "GEO", true), "{:?}", brief(&ev));
    // no one named in the object: no one recognised, not an actor further on
    // nor the one met before
    let (_, ev) = events(
        "Le Chili n'a pas reconnu le nouveau régime et ne le fera pas tant que les Péruviens resteront exclus.",
    );
    assert!(!ev.iter().any(|e| e.kind == "SUPPORT"), "{:?}", brief(&ev));
    let (_, ev) = events(
        "Le président chilien s'est entretenu avec son homologue péruvien. Le président chilien a ensuite reconnu des difficultés.",
    );
    assert!(!ev.iter().any(|e| e.kind == "SUPPORT"), "{:?}", brief(&ev));
}

#[test]
fn a_denied_obligation_is_no_act() {
    let (_, ev) = events("Le Japon n'est pas tenu d'expulser les diplomates russes.");
    assert!(!ev.iter().any(|e| e.kind == "COERCE"), "{:?}", brief(&ev));
}

#[test]
fn a_negated_infinitive_is_negated() {
    let (_, ev) = events("Le Canada a été critiqué pour ne pas avoir condamné la Turquie.");
    assert!(has(&ev, "ACCUSE", "CAN", "TUR", true), "{:?}", brief(&ev));
    assert!(!has(&ev, "ACCUSE", "CAN", "TUR", false), "{:?}", brief(&ev));
}

#[test]
fn his_country_is_the_speaker_s() {
    let (_, ev) = events(
        "Le président français Emmanuel Macron s'est rendu à Kiev. Il a assuré que son pays soutenait l'Ukraine.",
    );
    assert!(has(&ev, "SUPPORT", "FRA", "UKR", false), "{:?}", brief(&ev));
}

#[test]
fn member_states_of_an_organisation_are_the_organisation() {
    let (_, ev) = events("L'Inde a appelé les États membres de l'OTAN à la retenue.");
    assert!(
        ev.iter().any(|e| e.kind == "REQUEST"
            && e.target
                .as_ref()
                .is_some_and(|t| t.name.contains("North Atlantic"))),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn a_negated_accusation_makes_no_accuser() {
    let (_, ev) =
        events("L'Allemagne n'a jamais critiqué la Chine. Pékin rejette ces accusations.");
    assert!(!ev.iter().any(|e| e.kind == "REJECT"), "{:?}", brief(&ev));
}

#[test]
fn an_offensive_in_a_country_and_clashes_between_two() {
    let (_, ev) = events("Le Ghana a condamné l'offensive russe en Ukraine.");
    assert!(has(&ev, "ASSAULT", "RUS", "UKR", false), "{:?}", brief(&ev));
    let (_, ev) = events("De violents affrontements entre l'Arménie et l'Azerbaïdjan ont éclaté.");
    assert!(has(&ev, "ASSAULT", "ARM", "AZE", false), "{:?}", brief(&ev));
}

#[test]
fn a_coordinated_verb_after_a_negated_one_is_not_negated() {
    let (_, ev) = events(
        "Pékin n’a pas condamné l’intervention de Moscou et a dénoncé les sanctions américaines.",
    );
    assert!(has(&ev, "ACCUSE", "CHN", "RUS", true), "{:?}", brief(&ev));
    assert!(has(&ev, "ACCUSE", "CHN", "USA", false), "{:?}", brief(&ev));
}

#[test]
fn no_one_but_the_exception() {
    let (_, ev) = events(
        "Aucun pays n’a condamné publiquement la campagne menée par Pékin, à l’exception de la Turquie.",
    );
    assert_eq!(
        brief(&ev),
        vec![("ACCUSE".into(), "TUR".into(), "CHN".into(), false)]
    );
}

// Infinitive complements.

#[test]
fn a_promise_is_agree_with_the_target_of_its_content() {
    let (_, ev) = events("Le président chinois Xi Jinping a promis mardi d’aider le Kazakhstan.");
    assert_eq!(
        brief(&ev),
        vec![("AGREE".into(), "CHN".into(), "KAZ".into(), false)]
    );
    let (_, ev) = events("Pékin était prêt à fournir une assistance militaire au Kazakhstan.");
    assert_eq!(
        brief(&ev),
        vec![("AGREE".into(), "CHN".into(), "KAZ".into(), false)]
    );
}

#[test]
fn an_authorised_act_is_the_authoriser_s() {
    let (_, ev) = events(
        "Le président kazakh a annoncé vendredi autoriser la police à ouvrir le feu sur les émeutiers.",
    );
    assert!(has(&ev, "ASSAULT", "KAZ", "KAZ", false), "{:?}", brief(&ev));
}

// People are coded as the state they serve; the entity stays the person.

#[test]
fn a_leader_is_coded_as_the_country_with_the_person_as_entity() {
    let (doc, ev) = events("Xi Jinping a rencontré Vladimir Poutine à Moscou.");
    let e = &ev[0];
    assert_eq!(e.kind, "CONSULT");
    let source = e.source.as_ref().expect("source");
    assert_eq!(source.country.as_deref(), Some("CHN"));
    assert_eq!(source.name, "China");
    let person = source
        .entity
        .and_then(|i| doc.entities.get(i))
        .expect("entity");
    assert_eq!(person.name, "Xi Jinping");
    assert_eq!(e.location.as_ref().map(|l| l.name.as_str()), Some("Moscow"));
}

// Quotes: a first person is the speaker.

#[test]
fn events_inside_quotes_are_the_speaker_s() {
    let (doc, ev) = events(
        "« Nous soutenons pleinement le Kazakhstan », a déclaré mardi le ministre chinois des Affaires étrangères Wang Yi.",
    );
    assert!(
        !doc.quotes.is_empty(),
        "the quotes stage found the quotation"
    );
    let e = ev.iter().find(|e| e.kind == "SUPPORT").expect("{ev:?}");
    assert_eq!(
        e.source.as_ref().and_then(|a| a.country.as_deref()),
        Some("CHN")
    );
    assert_eq!(
        e.target.as_ref().and_then(|a| a.country.as_deref()),
        Some("KAZ")
    );
    assert!(e.quote.is_some(), "{e:?}");
}

// Dates.

#[test]
fn a_reported_imperfect_is_the_day_of_the_report() {
    let (_, ev) =
        events("Le ministre chinois a déclaré que Pékin était prêt à aider le Kazakhstan.");
    let d = ev[0].date.as_ref().expect("a date");
    assert_eq!(d.value, "2022-01-10");
    assert_eq!(d.text, None);
}

#[test]
fn a_time_inside_the_object_does_not_date_the_act() {
    let (_, ev) =
        events("Le président kazakh a remercié la Russie pour l’envoi de soldats en décembre.");
    assert_eq!(
        ev[0].date.as_ref().map(|d| d.value.as_str()),
        Some("2022-01-10")
    );
}

#[test]
fn a_future_without_a_day_is_the_month() {
    let (_, ev) = events("Le président chinois rencontrera son homologue russe.");
    assert_eq!(
        ev[0].date.as_ref().map(|d| d.value.as_str()),
        Some("2022-01")
    );
}

// Spans.

#[test]
fn event_spans_cut_the_body() {
    let (doc, ev) = events(
        "La Chine a remercié le Kazakhstan. Pékin n’a pas condamné l’intervention de Moscou et a dénoncé les sanctions américaines.",
    );
    assert!(ev.len() >= 3);
    for e in &ev {
        let cut = doc.body.get(e.start..e.end).expect("on char boundaries");
        assert!(!cut.is_empty());
        assert!(e.sentence.contains(cut), "{cut} in {}", e.sentence);
    }
}

#[test]
fn the_coder_is_shared_between_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<EventCoder>();
}

#[test]
fn nothing_without_tokens() {
    let doc = Document {
        body: "La Chine a remercié le Kazakhstan.".into(),
        ..Document::default()
    };
    assert!(front().coder.events(&doc).is_empty());
}

#[test]
fn a_participle_after_an_incise_is_the_speaker_s() {
    let (_, ev) = events(
        "« Nos pays sont amis », a déclaré le président Kassym-Jomart Tokaïev devant la presse, remerciant Pékin pour son soutien.",
    );
    assert!(has(&ev, "SUPPORT", "KAZ", "CHN", false), "{:?}", brief(&ev));
}

#[test]
fn a_warning_after_a_condemnation_is_for_its_target() {
    let (_, ev) = events(
        "La France a condamné l'attaque de la Russie contre l'Ukraine et a averti qu'elle prendrait des mesures.",
    );
    assert!(
        has(&ev, "THREATEN", "FRA", "RUS", false),
        "{:?}",
        brief(&ev)
    );
    let (_, ev) = events("Le Japon a averti la Corée du Nord qu'il répondrait à tout essai.");
    assert!(
        has(&ev, "THREATEN", "JPN", "PRK", false),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn a_joint_press_conference_meets_the_other_party() {
    let (_, ev) = events(
        "Le président kazakh Kassym-Jomart Tokaïev a reçu mardi son homologue ouzbek Chavkat Mirzioïev. « Nous sommes amis », a déclaré M. Tokaïev lors d'une conférence de presse commune.",
    );
    let consult = ev
        .iter()
        .filter(|e| e.kind == "CONSULT" && e.sentence.contains("commune"))
        .count();
    assert_eq!(consult, 1, "{:?}", brief(&ev));
}

#[test]
fn three_countries_signing_agree_pairwise() {
    let (_, ev) = events(
        "Le Kazakhstan, la Mongolie et la Chine ont achevé leurs travaux. Les trois pays ont signé mardi un accord.",
    );
    let agree: Vec<_> = brief(&ev)
        .into_iter()
        .filter(|(k, ..)| k == "AGREE")
        .collect();
    assert_eq!(agree.len(), 3, "{agree:?}");
    for (a, b) in [("KAZ", "MNG"), ("KAZ", "CHN"), ("MNG", "CHN")] {
        assert!(
            agree
                .iter()
                .any(|(_, s, t, _)| s == a && t == b || s == b && t == a),
            "{a} {b} {agree:?}"
        );
    }
}

#[test]
fn a_call_with_no_addressee_takes_no_target_from_its_content() {
    let (_, ev) = events("Le président iranien a appelé à renforcer les échanges avec la Turquie.");
    assert!(!ev.iter().any(|e| e.kind == "REQUEST"), "{:?}", brief(&ev));
}

#[test]
fn a_participle_qualifying_a_thing_is_no_act() {
    let (_, ev) = events(
        "Le Turkménistan, qui revendique un statut de neutralité reconnu par l'ONU, reste à l'écart.",
    );
    assert!(!ev.iter().any(|e| e.kind == "SUPPORT"), "{:?}", brief(&ev));
}

#[test]
fn a_pair_skips_a_former_state() {
    let (_, ev) = events(
        "Le Kirghizstan et le Tadjikistan, anciennes républiques de l'Union soviétique, se disputent une frontière. En 2021, des affrontements armés entre les forces des deux pays ont fait cinquante morts.",
    );
    assert!(has(&ev, "ASSAULT", "KGZ", "TJK", false), "{:?}", brief(&ev));
    assert!(
        !brief(&ev)
            .iter()
            .any(|(_, s, t, _)| s == "SUN" || t == "SUN"),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn ces_entreprises_are_the_firms_named_before() {
    let (_, ev) = events(
        "L'Union européenne a sanctionné plusieurs entreprises chinoises. Bruxelles reproche à ces entreprises, établies en Chine et à Hong Kong, d'avoir aidé l'armée russe.",
    );
    let accuse: Vec<_> = brief(&ev)
        .into_iter()
        .filter(|(k, ..)| k == "ACCUSE")
        .collect();
    assert_eq!(accuse.len(), 1, "{accuse:?}");
    assert_eq!(accuse[0].2, "CHN", "{accuse:?}");
}

#[test]
fn a_call_s_content_gives_no_target() {
    let (_, ev) = events(
        "Le président français Emmanuel Macron a appelé les parties à faire de ce projet un symbole de l'amitié avec l'Allemagne.",
    );
    assert!(
        !brief(&ev)
            .iter()
            .any(|(k, _, t, _)| k == "REQUEST" && t == "DEU"),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn a_lone_surname_acts_for_its_namesakes_country() {
    let (_, ev) = events(
        "Le président kirghiz Almaz Toktogulov est arrivé à Pékin avec son père Bakyt Toktogulov. M. Toktogulov a remercié la Chine pour son aide.",
    );
    assert!(has(&ev, "SUPPORT", "KGZ", "CHN", false), "{:?}", brief(&ev));
    // namesakes of two countries: no country
    let (_, ev) = events(
        "Le ministre kirghiz Almaz Toktogulov a reçu le ministre kazakh Bakyt Toktogulov. M. Toktogulov a remercié la Chine pour son aide.",
    );
    assert!(
        !brief(&ev)
            .iter()
            .any(|(k, s, ..)| k == "SUPPORT" && (s == "KGZ" || s == "KAZ")),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn partners_at_a_summit_are_the_organisation() {
    let (_, ev) = events(
        "Les dirigeants de l'Organisation du traité de sécurité collective se sont réunis mardi à Minsk. Le président arménien a remercié ses partenaires pour leur aide.",
    );
    assert!(
        brief(&ev)
            .iter()
            .any(|(k, s, t, _)| k == "SUPPORT" && s == "ARM" && t.contains("Collective")),
        "{:?}",
        brief(&ev)
    );
    // "un de ses alliés, X," is X
    let (_, ev) = events(
        "L'Organisation du traité de sécurité collective s'est réunie. Un de ses alliés proches, le ministre russe Sergueï Lavrov, a été arrêté.",
    );
    assert!(
        !brief(&ev)
            .iter()
            .any(|(_, _, t, _)| t.contains("Collective")),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn a_meeting_of_an_organisation_s_council_after_a_call_is_consult() {
    let (_, ev) = events(
        "Le président russe Vladimir Poutine a exhorté les membres de l'Organisation du traité de sécurité collective à coopérer davantage, lors d'une réunion du Conseil des ministres des Affaires étrangères de l'organisation.",
    );
    assert!(
        brief(&ev)
            .iter()
            .any(|(k, s, t, _)| k == "CONSULT" && s == "RUS" && t.contains("Collective")),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn a_pair_after_an_adverbial_is_the_two_others() {
    let (_, ev) = events(
        "Le Kirghizstan et le Tadjikistan se disputent une frontière. La Russie avait appelé à plusieurs reprises les deux voisins à régler leur différend.",
    );
    assert!(has(&ev, "REQUEST", "RUS", "KGZ", false), "{:?}", brief(&ev));
    assert!(has(&ev, "REQUEST", "RUS", "TJK", false), "{:?}", brief(&ev));
    assert!(
        !has(&ev, "REQUEST", "RUS", "RUS", false),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn the_report_is_its_author_s() {
    let (_, ev) = events(
        "Le Japon a rejeté le rapport de l'Organisation mondiale de la santé. Le rapport appelle le gouvernement japonais à agir.",
    );
    assert!(
        brief(&ev)
            .iter()
            .any(|(k, s, t, _)| k == "REQUEST" && s.contains("Health") && t == "JPN"),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn what_tensions_turned_into_is_dated_with_the_verb() {
    let (_, ev) = events(
        "En avril 2021, les tensions ont dégénéré en affrontements armés entre le Kirghizstan et le Tadjikistan.",
    );
    let e = ev
        .iter()
        .find(|e| e.kind == "ASSAULT")
        .unwrap_or_else(|| panic!("{:?}", brief(&ev)));
    assert_eq!(e.date.as_ref().map(|d| d.value.as_str()), Some("2021-04"));
}

#[test]
fn what_a_qualification_says_is_the_act() {
    let (_, ev) = events(
        "La Russie a qualifié la décision de la Cour pénale internationale de « nulle et non avenue ».",
    );
    assert!(
        brief(&ev)
            .iter()
            .any(|(k, s, t, _)| k == "REJECT" && s == "RUS" && t.contains("Criminal")),
        "{:?}",
        brief(&ev)
    );
    let (_, ev) = events("Le Japon a qualifié l'essai de la Corée du Nord d'« inacceptable ».");
    assert!(has(&ev, "ACCUSE", "JPN", "PRK", false), "{:?}", brief(&ev));
    // a neutral qualification is no act
    let (_, ev) = events("Le Japon a qualifié l'essai de la Corée du Nord de « technique ».");
    assert!(ev.is_empty(), "{:?}", brief(&ev));
}

#[test]
fn taking_part_in_a_summit_is_consult_with_the_organisation() {
    let (_, ev) = events(
        "Le Premier ministre indien Narendra Modi participera au sommet de l'Organisation de coopération de Shanghai.",
    );
    assert!(
        brief(&ev)
            .iter()
            .any(|(k, s, t, _)| k == "CONSULT" && s == "IND" && t.contains("Shanghai")),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn said_ready_or_favourable() {
    let (_, ev) = events("La Chine s'est dite prête à aider le Pakistan.");
    assert!(has(&ev, "AGREE", "CHN", "PAK", false), "{:?}", brief(&ev));
    let (_, ev) = events("L'Allemagne s'est dite favorable à l'adhésion de l'Ukraine.");
    assert!(has(&ev, "SUPPORT", "DEU", "UKR", false), "{:?}", brief(&ev));
}

#[test]
fn a_place_between_the_verb_and_its_object_is_skipped() {
    let (_, ev) = events(
        "Le ministre des Affaires étrangères chinois Wang Yi a rencontré mardi à Pékin son homologue russe Sergueï Lavrov.",
    );
    assert!(has(&ev, "CONSULT", "CHN", "RUS", false), "{:?}", brief(&ev));
}

#[test]
fn an_adverbial_phrase_or_an_incise_inside_the_verb_group() {
    let (_, ev) =
        events("La France a pour sa part appelé l'Allemagne à respecter ses engagements.");
    assert!(has(&ev, "REQUEST", "FRA", "DEU", false), "{:?}", brief(&ev));
    let (_, ev) = events("Le Brésil n'avait, lui, toujours pas félicité l'Argentine.");
    assert!(has(&ev, "SUPPORT", "BRA", "ARG", true), "{:?}", brief(&ev));
}

#[test]
fn a_call_on_a_plural_takes_aux() {
    let (_, ev) = events("La Chine a demandé aux Philippines de retirer leur navire.");
    assert!(has(&ev, "REQUEST", "CHN", "PHL", false), "{:?}", brief(&ev));
}

#[test]
fn an_adjunct_between_commas_before_the_object_and_a_name_in_apposition() {
    let (_, ev) = events(
        "Le président brésilien a reçu mercredi à Brasilia, sur les bords du lac, \
         le chef de la diplomatie du Kremlin, Sergueï Lavrov, pour un dîner.",
    );
    assert!(has(&ev, "CONSULT", "BRA", "RUS", false), "{:?}", brief(&ev));
}

#[test]
fn no_object_after_the_participle_negates() {
    let (_, ev) = events("Le Japon n'a signé aucun traité avec la Corée du Sud.");
    assert!(has(&ev, "AGREE", "JPN", "KOR", true), "{:?}", brief(&ev));
    assert!(!has(&ev, "AGREE", "JPN", "KOR", false), "{:?}", brief(&ev));
}

#[test]
fn condolences_sent_are_support_of_their_day() {
    let (_, ev) =
        events("Le Premier ministre indien a adressé vendredi ses condoléances au Népal.");
    let e = ev.iter().find(|e| e.kind == "SUPPORT").expect("support");
    assert_eq!(brief(std::slice::from_ref(e))[0].2, "NPL");
    assert_eq!(
        e.date.as_ref().map(|d| d.value.as_str()),
        Some("2022-01-07")
    );
}

#[test]
fn opposing_reopening_and_supplying() {
    let (_, ev) = events("La Turquie s'oppose à l'adhésion de la Suède.");
    assert!(has(&ev, "REJECT", "TUR", "SWE", false), "{:?}", brief(&ev));
    let (_, ev) = events("Le Qatar a rouvert son ambassade à Damas.");
    assert!(
        has(&ev, "COOPERATE", "QAT", "SYR", false),
        "{:?}",
        brief(&ev)
    );
    let (_, ev) = events("L'Algérie a fourni du gaz à l'Espagne.");
    assert!(
        has(&ev, "COOPERATE", "DZA", "ESP", false),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn a_promise_after_a_request_is_to_the_one_who_asked() {
    let (_, ev) = events(
        "Le ministre japonais a demandé à la Chine de libérer les pêcheurs. \
         Pékin a promis que l'affaire serait réglée rapidement.",
    );
    assert!(has(&ev, "AGREE", "CHN", "JPN", false), "{:?}", brief(&ev));
}

#[test]
fn a_time_after_the_named_argument_dates_the_act() {
    let (_, ev) = events("Emmanuel Macron a téléphoné à M. Zelensky dès jeudi.");
    let e = ev.iter().find(|e| e.kind == "CONSULT").expect("consult");
    assert_eq!(
        e.date.as_ref().map(|d| d.value.as_str()),
        Some("2022-01-06")
    );
    let (_, ev) = events("Le Chili n'avait toujours pas félicité le Pérou samedi.");
    let e = ev.iter().find(|e| e.kind == "SUPPORT").expect("support");
    assert_eq!(
        e.date.as_ref().map(|d| d.value.as_str()),
        Some("2022-01-08")
    );
}

#[test]
fn receiving_the_holder_of_an_office_receives_whom_they_serve() {
    let (_, ev) = events(
        "Le président sénégalais a reçu jeudi au Palais Présidentiel le ministre des \
         Affaires étrangères du Maroc.",
    );
    assert!(has(&ev, "CONSULT", "SEN", "MAR", false), "{:?}", brief(&ev));
}

#[test]
fn acts_told_after_a_meeting_are_of_its_day_and_to_its_guest() {
    let doc = prepared(
        "Le président chilien a reçu mercredi son homologue péruvien à Santiago. \
         La rencontre a duré deux heures. \
         Le Chili a demandé au Pérou de rouvrir les négociations. \
         Le président chilien a aussi exprimé sa gratitude pour l'aide apportée après les incendies.",
        "2022-01-10",
    );
    let ev = front().coder.events(&doc);
    let request = ev.iter().find(|e| e.kind == "REQUEST").expect("request");
    assert_eq!(
        request.date.as_ref().map(|d| d.value.as_str()),
        Some("2022-01-05")
    );
    assert!(has(&ev, "SUPPORT", "CHL", "PER", false), "{:?}", brief(&ev));
}

#[test]
fn an_admission_of_content_is_addressed_to_no_one() {
    let (_, ev) = events(
        "Le Canada a demandé au Mexique de renforcer les contrôles. \
         Le Mexique a reconnu que les contrôles étaient insuffisants.",
    );
    assert!(
        !has(&ev, "SUPPORT", "MEX", "CAN", false),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn an_event_noun_subject_of_a_passive_light_verb() {
    let (_, ev) = events("Des messages de soutien ont été adressés à l'Ukraine par la Pologne.");
    assert!(has(&ev, "SUPPORT", "POL", "UKR", false), "{:?}", brief(&ev));
}

#[test]
fn a_clitic_before_an_infinitive_of_purpose() {
    let (_, ev) = events("Le président turc a téléphoné à Ilham Aliyev pour le féliciter.");
    assert!(has(&ev, "SUPPORT", "TUR", "AZE", false), "{:?}", brief(&ev));
}

#[test]
fn a_time_after_a_light_verb_s_noun_and_its_addressee() {
    let (_, ev) = events("Le Maroc avait présenté ses condoléances au peuple turc samedi.");
    let e = ev.iter().find(|e| e.kind == "SUPPORT").expect("support");
    assert_eq!(
        e.date.as_ref().map(|d| d.value.as_str()),
        Some("2022-01-08")
    );
}

#[test]
fn a_time_of_the_occasion_dates_the_act() {
    let (_, ev) = events(
        "Le Japon n'a pas critiqué la politique chinoise lors de sa rencontre avec la Chine en décembre.",
    );
    let e = ev.iter().find(|e| e.kind == "ACCUSE").expect("accuse");
    assert!(e.negated);
    assert_eq!(e.date.as_ref().map(|d| d.value.as_str()), Some("2021-12"));
}

#[test]
fn then_points_back_to_the_last_time_told() {
    let (_, ev) = events(
        "Le 3 janvier, des manifestants ont attaqué une ambassade à Bamako. \
         Paris avait alors accusé le Mali de négligence.",
    );
    let e = ev.iter().find(|e| e.kind == "ACCUSE").expect("accuse");
    assert_eq!(
        e.date.as_ref().map(|d| d.value.as_str()),
        Some("2022-01-03")
    );
}

#[test]
fn agents_listed_with_commas_each_act() {
    let (_, ev) = events(
        "Des messages de soutien ont été adressés à l'Ukraine par le président polonais, \
         le Premier ministre lituanien et la Lettonie.",
    );
    for c in ["POL", "LTU", "LVA"] {
        assert!(has(&ev, "SUPPORT", c, "UKR", false), "{c} {:?}", brief(&ev));
    }
}

#[test]
fn the_main_verb_after_a_subject_s_relative_clause() {
    let (_, ev) =
        events("Des étudiants qui appelaient à la grève ont été arrêtés à Minsk avant le scrutin.");
    assert!(has(&ev, "COERCE", "BLR", "BLR", false), "{:?}", brief(&ev));
}

#[test]
fn there_is_the_occasion_just_told() {
    let (_, ev) = events(
        "Le sommet de l'OTAN s'est ouvert mardi à Vilnius. \
         Le président turc y a rencontré le président suédois.",
    );
    let e = ev.iter().find(|e| e.kind == "CONSULT").expect("consult");
    assert_eq!(
        e.date.as_ref().map(|d| d.value.as_str()),
        Some("2022-01-04")
    );
    let (_, ev) = events(
        "Le sommet de l'OTAN s'est ouvert mardi à Vilnius. \
         Il y a eu des désaccords et le président turc a rencontré le président suédois.",
    );
    let e = ev.iter().find(|e| e.kind == "CONSULT").expect("consult");
    assert_eq!(
        e.date.as_ref().map(|d| d.value.as_str()),
        Some("2022-01-10")
    );
}

#[test]
fn a_fact_deplored_is_aimed_at_the_subject_of_its_clause() {
    let (_, ev) = events(
        "L'Union européenne a, elle aussi, regretté que la Serbie n'ait pas appliqué les sanctions.",
    );
    assert!(
        has(&ev, "ACCUSE", "European Union", "SRB", false),
        "{:?}",
        brief(&ev)
    );
    let (_, ev) = events("La Russie a reconnu que la Chine avait des questions.");
    assert!(
        !has(&ev, "SUPPORT", "RUS", "CHN", false),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn a_concessive_quel_que_does_not_open_a_relative() {
    let (_, ev) = events(
        "Quelle que soit l'issue des négociations, la France continuera à soutenir l'Ukraine.",
    );
    assert!(has(&ev, "SUPPORT", "FRA", "UKR", false), "{:?}", brief(&ev));
    // said on the day of its reporting verb
    let (_, ev) = events(
        "« Quelle que soit l'issue des négociations, la France continuera à soutenir \
         l'Ukraine », a déclaré Emmanuel Macron.",
    );
    let e = ev.iter().find(|e| e.kind == "SUPPORT").expect("support");
    assert_eq!(
        e.date.as_ref().map(|d| d.value.as_str()),
        Some("2022-01-10")
    );
}

#[test]
fn a_pipeline_is_no_actor() {
    let (doc, ev) = events("La Russie s'oppose au gazoduc TAPI.");
    assert!(
        doc.entities.iter().any(|e| e.name == "TAPI pipeline"),
        "{:?}",
        doc.entities
    );
    assert!(
        !brief(&ev).iter().any(|(_, _, t, _)| t.contains("TAPI")),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn a_decision_judged_is_aimed_at_who_took_it() {
    let (_, ev) = events(
        "Les États-Unis ont imposé des sanctions à la Serbie. \
         Jeudi, le gouvernement serbe a regretté une décision prise sans consultation.",
    );
    assert!(has(&ev, "ACCUSE", "SRB", "USA", false), "{:?}", brief(&ev));
    // a statement is no deed
    let (_, ev) =
        events("Amnesty International a dénoncé le procès. La France n'a pas condamné le verdict.");
    assert!(
        !brief(&ev)
            .iter()
            .any(|(k, s, _, _)| k == "ACCUSE" && s == "FRA"),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn a_capital_a_without_its_accent_opens_a_place_adjunct() {
    let (_, ev) =
        events("A Paris, le ministre russe des Affaires étrangères a appelé l'Ukraine à négocier.");
    assert!(has(&ev, "REQUEST", "RUS", "UKR", false), "{:?}", brief(&ev));
    assert!(
        !has(&ev, "REQUEST", "FRA", "UKR", false),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn a_sentence_in_a_before_the_convicted() {
    let (_, ev) = events(
        "Un tribunal de Moscou a condamné vendredi à dix-neuf ans de prison l'opposant Alexeï Navalny.",
    );
    assert!(
        ev.iter().any(|e| e.kind == "SANCTION"
            && e.target
                .as_ref()
                .is_some_and(|t| t.name.contains("Navalny"))),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn a_collection_of_measures_judged_is_aimed_at_who_took_them() {
    let (_, ev) = events(
        "L'Union européenne a adopté de nouvelles sanctions contre la Biélorussie. \
         Minsk a qualifié ce nouveau paquet de mesures d'« illégal ».",
    );
    assert!(
        has(&ev, "ACCUSE", "BLR", "European Union", false),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn an_assurance_of_a_future_act_is_a_pledge() {
    let (_, ev) = events(
        "Le président arménien s'est entretenu lundi avec Emmanuel Macron. \
         Paris a assuré qu'il honorera ses engagements.",
    );
    assert!(has(&ev, "AGREE", "FRA", "ARM", false), "{:?}", brief(&ev));
    // a statement of a present fact is no pledge
    let (_, ev) = events(
        "Le président arménien s'est entretenu lundi avec Emmanuel Macron. \
         Paris a assuré que la situation est calme.",
    );
    assert!(!has(&ev, "AGREE", "FRA", "ARM", false), "{:?}", brief(&ev));
}

#[test]
fn puis_repeats_the_preposition() {
    let (_, ev) = events(
        "Le président kazakh s'est entretenu mardi avec le Japon, puis avec la Corée du Sud.",
    );
    assert!(has(&ev, "CONSULT", "KAZ", "JPN", false), "{:?}", brief(&ev));
    assert!(has(&ev, "CONSULT", "KAZ", "KOR", false), "{:?}", brief(&ev));
}

#[test]
fn a_reporting_incise_with_a_time_before_its_speaker_is_no_target() {
    let (_, ev) = events(
        "Téhéran n'acceptera aucune modification, avait répété en juin le ministre des \
         Affaires étrangères de la Croatie.",
    );
    assert!(
        brief(&ev).iter().all(|(_, _, t, _)| t != "HRV"),
        "{:?}",
        brief(&ev)
    );
}

#[test]
#[ignore]
fn explain_seeds() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let feed = std::fs::read_to_string(shared.join("corpus/seeds.jsonl")).expect("seeds");
    let filter = std::env::var("EXPLAIN").unwrap_or_default();
    for line in feed.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let doc = prepared(
            v["text"].as_str().unwrap_or(""),
            v["published"].as_str().unwrap_or(""),
        );
        let f = front();
        eprint!(
            "{}",
            crate::explain::explain(&doc, f.coder.lexicon(), f.coder.kb(), &filter)
        );
    }
}

#[test]
#[ignore]
fn explain_examples() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut linker = chronicle_link::Linker::builtin().expect("linker");
    linker
        .add_kb_file(&root.join("examples/actors.tsv"))
        .expect("actors");
    let coder = EventCoder::new(linker.kb().clone()).expect("coder");
    let f = front();
    let filter = std::env::var("EXPLAIN").unwrap_or_default();
    let mut texts: Vec<String> = [
        "01_valdorie_etat_urgence.txt",
        "02_valdorie_troupes_ostriennes.txt",
        "03_ostrie_renforts_ostriatoday.txt",
        "04_valdorie_remercie_ostrie.txt",
        "07_stavek_visite_lorvane.txt",
    ]
    .iter()
    .map(|n| std::fs::read_to_string(root.join("examples/articles").join(n)).unwrap_or_default())
    .collect();
    for line in std::fs::read_to_string(root.join("examples/feed.jsonl"))
        .unwrap_or_default()
        .lines()
    {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        texts.push(v["text"].as_str().unwrap_or("").to_string());
    }
    for raw in texts {
        let mut doc = Document {
            raw,
            given: Given {
                published: Some("2024-03-07".into()),
                ..Given::default()
            },
            ..Document::default()
        };
        f.cleaner.clean(&mut doc);
        f.segmenter.analyse(&mut doc);
        tag(&mut doc);
        linker.link(&mut doc, &[]);
        f.tagger.annotate(&mut doc);
        f.quotes.find(&mut doc);
        eprint!(
            "{}",
            crate::explain::explain(&doc, coder.lexicon(), coder.kb(), &filter)
        );
    }
}

#[test]
#[ignore]
fn explain_text() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut linker = chronicle_link::Linker::builtin().expect("linker");
    linker
        .add_kb_file(&root.join("examples/actors.tsv"))
        .expect("actors");
    let coder = EventCoder::new(linker.kb().clone()).expect("coder");
    let f = front();
    let mut doc = Document {
        raw: std::env::var("SENTENCE").unwrap_or_default(),
        given: Given {
            published: Some("2024-03-07".into()),
            ..Given::default()
        },
        ..Document::default()
    };
    f.cleaner.clean(&mut doc);
    f.segmenter.analyse(&mut doc);
    tag(&mut doc);
    linker.link(&mut doc, &[]);
    f.tagger.annotate(&mut doc);
    f.quotes.find(&mut doc);
    for (i, e) in doc.entities.iter().enumerate() {
        eprintln!(
            "entity {i} {} {} {:?} {:?}",
            e.name, e.kind, e.id, e.country
        );
    }
    for t in &doc.times {
        eprintln!("time {} {:?}", t.text, t.value);
    }
    eprint!(
        "{}",
        crate::explain::explain(&doc, coder.lexicon(), coder.kb(), "")
    );
    for e in coder.events(&doc) {
        eprintln!("{e:?}");
    }
}

#[test]
fn hearsay_and_denied_acts_are_not_facts() {
    // an act reported by others and denied is not coded as done
    let (_, ev) = events(
        "Le Chili a démenti les informations selon lesquelles il aurait livré des armes au Pérou.",
    );
    assert!(!has(&ev, "AID", "CHL", "PER", false), "{:?}", brief(&ev));
    // the conditional of hearsay alone
    let (_, ev) =
        events("Selon la presse locale, la Bolivie aurait arrêté deux diplomates argentins.");
    assert!(!ev.iter().any(|e| e.kind == "COERCE"), "{:?}", brief(&ev));
    // what others say happened, even in the indicative
    let (_, ev) = events("Le Chili dément la rumeur selon laquelle le Pérou a attaqué la Bolivie.");
    assert!(!ev.iter().any(|e| e.kind == "ASSAULT"), "{:?}", brief(&ev));
    // a denied act is a negated one
    let (_, ev) = events("Le Chili a démenti avoir livré des armes au Pérou.");
    assert!(has(&ev, "AID", "CHL", "PER", true), "{:?}", brief(&ev));
    assert!(!has(&ev, "AID", "CHL", "PER", false), "{:?}", brief(&ev));
    // the plain fact is still coded
    let (_, ev) = events("Le Chili a livré des armes au Pérou.");
    assert!(has(&ev, "AID", "CHL", "PER", false), "{:?}", brief(&ev));
}

#[test]
fn an_act_told_for_a_series_of_times_takes_the_first() {
    let doc = prepared(
        "En mars 2019, puis en octobre 2020, de violents affrontements entre l'Arménie et l'Azerbaïdjan ont éclaté.",
        "2022-01-10",
    );
    let ev = front().coder.events(&doc);
    let clash = ev
        .iter()
        .find(|e| e.kind == "ASSAULT")
        .unwrap_or_else(|| panic!("{:?}", brief(&ev)));
    assert_eq!(
        clash.date.as_ref().map(|d| d.value.as_str()),
        Some("2019-03")
    );
}

#[test]
fn saying_oneself_confident_in_an_actor_is_support() {
    let (_, ev) =
        events("Le Brésil s'est dit confiant dans la capacité du Chili à rétablir l'ordre.");
    assert!(has(&ev, "SUPPORT", "BRA", "CHL", false), "{:?}", brief(&ev));
}

#[test]
fn a_noun_qualified_by_a_participle_and_agent_keeps_its_target_and_time() {
    let (_, ev) =
        events("Le Brésil a critiqué les sanctions décrétées par le Canada contre la Russie.");
    assert!(
        has(&ev, "SANCTION", "CAN", "RUS", false),
        "{:?}",
        brief(&ev)
    );
    let (_, ev) =
        events("Le Japon a dénoncé l'offensive lancée par Moscou en Ukraine en février 2019.");
    let assault = ev
        .iter()
        .find(|e| e.kind == "ASSAULT")
        .unwrap_or_else(|| panic!("{:?}", brief(&ev)));
    assert!(has(&ev, "ASSAULT", "RUS", "UKR", false), "{:?}", brief(&ev));
    assert_eq!(
        assault.date.as_ref().map(|d| d.value.as_str()),
        Some("2019-02")
    );
    // no target named: no sanction coded
    let (_, ev) = events("Le Brésil a critiqué les sanctions décrétées par le Canada.");
    assert!(!ev.iter().any(|e| e.kind == "SANCTION"), "{:?}", brief(&ev));
}

#[test]
fn what_a_document_says_is_of_the_day_it_came_out() {
    let (_, ev) = events(
        "Le Mali a rejeté le rapport de l'ONU sur les droits de l'homme, publié le 6 janvier. \
         Le rapport appelle le gouvernement malien à libérer les détenus.",
    );
    let call = ev
        .iter()
        .find(|e| e.kind == "REQUEST")
        .unwrap_or_else(|| panic!("{:?}", brief(&ev)));
    assert_eq!(
        call.date.as_ref().map(|d| d.value.as_str()),
        Some("2022-01-06"),
        "{:?}",
        brief(&ev)
    );
    // no publication told: the day of the article
    let (_, ev) = events(
        "Le Mali a rejeté le rapport de l'ONU sur les droits de l'homme. \
         Le rapport appelle le gouvernement malien à libérer les détenus.",
    );
    let call = ev
        .iter()
        .find(|e| e.kind == "REQUEST")
        .unwrap_or_else(|| panic!("{:?}", brief(&ev)));
    assert_eq!(
        call.date.as_ref().map(|d| d.value.as_str()),
        Some("2022-01-10")
    );
}

#[test]
fn a_pair_signing_together_agrees_each_way() {
    let (_, ev) =
        events("La France et le Japon ont signé, mardi 4 janvier, à Tokyo, un traité commercial.");
    assert!(has(&ev, "AGREE", "FRA", "JPN", false), "{:?}", brief(&ev));
    assert!(has(&ev, "AGREE", "JPN", "FRA", false), "{:?}", brief(&ev));
    // one signing with a partner named after avec stays one way
    let (_, ev) = events("Le Pérou a signé une lettre d'intention avec le Chili.");
    assert!(!has(&ev, "AGREE", "CHL", "PER", false), "{:?}", brief(&ev));
    // agreeing to do something together is not signing: one way, as the seeds have it
    let (_, ev) = events("La France et le Japon sont convenus de rester en contact.");
    assert!(!has(&ev, "AGREE", "JPN", "FRA", false), "{:?}", brief(&ev));
}

#[test]
fn an_offensive_with_no_target_is_on_the_country_of_the_war_named() {
    let (_, ev) = events(
        "Le Brésil n'a pas condamné l'offensive lancée par Moscou, qui a déclenché la guerre en Ukraine.",
    );
    assert!(has(&ev, "ASSAULT", "RUS", "UKR", false), "{:?}", brief(&ev));
    // no war named: no target made up
    let (_, ev) = events("Le Brésil n'a pas condamné l'offensive lancée par Moscou.");
    assert!(
        !has(&ev, "ASSAULT", "RUS", "UKR", false),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn an_offensive_of_the_war_s_own_side_takes_no_target_from_the_war() {
    let (_, ev) = events(
        "Le Brésil a salué l'offensive lancée par Kiev, qui a changé le cours de la guerre en Ukraine.",
    );
    assert!(
        !has(&ev, "ASSAULT", "UKR", "UKR", false),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn clashes_between_two_are_each_one_s_assault_on_the_other() {
    let (_, ev) = events("De violents affrontements entre l'Arménie et l'Azerbaïdjan ont éclaté.");
    assert!(has(&ev, "ASSAULT", "ARM", "AZE", false), "{:?}", brief(&ev));
    assert!(has(&ev, "ASSAULT", "AZE", "ARM", false), "{:?}", brief(&ev));
    // clashes with one side named stay one way
    let (_, ev) = events(
        "Des manifestants arméniens ont eu des affrontements avec la police azerbaïdjanaise.",
    );
    assert!(
        !has(&ev, "ASSAULT", "AZE", "ARM", false),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn condemning_a_measure_against_one_s_own_targets_who_took_it() {
    let (_, ev) = events(
        "Le Brésil a dénoncé l'inclusion de plusieurs entreprises brésiliennes dans les sanctions adoptées par le Canada.",
    );
    assert!(has(&ev, "ACCUSE", "BRA", "CAN", false), "{:?}", brief(&ev));
    // an object naming another stays its target
    let (_, ev) = events("Le Brésil a dénoncé l'arrestation de diplomates chiliens par le Canada.");
    assert!(!has(&ev, "ACCUSE", "BRA", "BRA", false), "{:?}", brief(&ev));
}

#[test]
fn a_coordinated_act_is_not_dated_by_a_participle_in_the_first_one_s_object() {
    let (_, ev) = events(
        "Le Brésil a dénoncé lundi les sanctions adoptées mercredi par le Canada contre la Russie, et a averti qu'il prendrait des mesures.",
    );
    let warning = ev
        .iter()
        .find(|e| e.kind == "THREATEN")
        .unwrap_or_else(|| panic!("{:?}", brief(&ev)));
    assert_eq!(
        warning.date.as_ref().map(|d| d.value.as_str()),
        Some("2022-01-10"),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn a_court_sentencing_someone_is_the_state_s_sanction_on_the_person() {
    let (_, ev) = events(
        "Un tribunal de Minsk a condamné jeudi l’opposant biélorusse Ales Bialiatski à dix ans de prison.",
    );
    assert!(
        brief(&ev)
            .iter()
            .any(|(k, s, _, n)| k == "SANCTION" && s == "BLR" && !n),
        "{:?}",
        brief(&ev)
    );
    assert!(!ev.iter().any(|e| e.kind == "ACCUSE"), "{:?}", brief(&ev));
    // condemning an act stays an accusation
    let (_, ev) = events("La France a condamné l’essai nucléaire de la Corée du Nord.");
    assert!(has(&ev, "ACCUSE", "FRA", "PRK", false), "{:?}", brief(&ev));
}

#[test]
fn a_party_named_by_role_and_nationality_beside_a_name_is_its_own() {
    let (_, ev) = events(
        "M. Macron et le chancelier allemand, Olaf Scholz, ont évoqué la crise lors d’un entretien téléphonique lundi.",
    );
    assert!(has(&ev, "CONSULT", "FRA", "DEU", false), "{:?}", brief(&ev));
    let (_, ev) =
        events("Le président turc a remercié ses homologues russe et iranien pour leur aide.");
    assert!(has(&ev, "SUPPORT", "TUR", "RUS", false), "{:?}", brief(&ev));
    assert!(has(&ev, "SUPPORT", "TUR", "IRN", false), "{:?}", brief(&ev));
}

#[test]
fn an_organ_of_the_state_acts_for_the_state_of_the_one_it_acts_on() {
    let (_, ev) = events(
        "L’opposant russe Alexeï Navalny a été arrêté à Moscou. Le parquet l’accuse d’avoir organisé des rassemblements.",
    );
    assert!(
        brief(&ev)
            .iter()
            .any(|(k, s, _, n)| k == "ACCUSE" && s == "RUS" && !n),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn a_role_noun_alone_as_subject_is_the_person_spoken_of() {
    let (_, ev) = events(
        "Le chef de la diplomatie turque, Mevlüt Çavuşoğlu, s’est exprimé mardi. Le ministre n’a pas critiqué la Russie.",
    );
    assert!(has(&ev, "ACCUSE", "TUR", "RUS", true), "{:?}", brief(&ev));
}

#[test]
fn gatherings_regrets_exercises_and_deliveries() {
    let (_, ev) = events("Des centaines d’étudiants se sont rassemblés lundi à Tbilissi.");
    assert!(has(&ev, "PROTEST", "GEO", "GEO", false), "{:?}", brief(&ev));
    let (_, ev) = events("Le Japon a regretté la décision de la Chine.");
    assert!(has(&ev, "ACCUSE", "JPN", "CHN", false), "{:?}", brief(&ev));
    let (_, ev) = events("La Russie et la Biélorussie ont lancé lundi des manœuvres conjointes.");
    assert!(
        has(&ev, "COOPERATE", "RUS", "BLR", false),
        "{:?}",
        brief(&ev)
    );
    assert!(
        has(&ev, "COOPERATE", "BLR", "RUS", false),
        "{:?}",
        brief(&ev)
    );
    let (_, ev) =
        events("La Turquie a annoncé la livraison à l’armée ukrainienne de drones armés.");
    assert!(has(&ev, "AID", "TUR", "UKR", false), "{:?}", brief(&ev));
    // gas deliveries are no aid
    let (_, ev) = events("La Russie a annoncé la livraison de gaz à la Chine.");
    assert!(!ev.iter().any(|e| e.kind == "AID"), "{:?}", brief(&ev));
}

#[test]
fn fire_exchanged_with_no_known_actor_is_not_on_the_home_country() {
    let (_, ev) = events("Des soldats arméniens ont échangé des tirs avec des inconnus lundi.");
    assert!(!ev.iter().any(|e| e.kind == "ASSAULT"), "{:?}", brief(&ev));
    let (_, ev) =
        events("Des soldats arméniens ont échangé des tirs avec l’armée azerbaïdjanaise.");
    assert!(has(&ev, "ASSAULT", "ARM", "AZE", false), "{:?}", brief(&ev));
}

#[test]
fn a_negation_split_by_an_adverbial_phrase_is_kept() {
    let (_, ev) = events("La France n’a en revanche pas condamné la Russie.");
    assert!(has(&ev, "ACCUSE", "FRA", "RUS", true), "{:?}", brief(&ev));
}

#[test]
fn a_preposition_repeated_after_et_names_each_target() {
    let (_, ev) = events("Le Japon a reproché à la Chine et à la Corée du Nord de ne pas agir.");
    assert!(has(&ev, "ACCUSE", "JPN", "CHN", false), "{:?}", brief(&ev));
    assert!(has(&ev, "ACCUSE", "JPN", "PRK", false), "{:?}", brief(&ev));
}

// Subjects after their verb, absolute participles, possessive agents.

#[test]
fn a_subject_after_its_verb_in_a_comme_clause_acts_on_the_main_subject() {
    let (_, ev) = events(
        "Pyongyang a toujours nié avoir livré des obus à la Russie, comme l'en accusent régulièrement le Japon et la France.",
    );
    assert!(has(&ev, "ACCUSE", "JPN", "PRK", false), "{:?}", brief(&ev));
    assert!(has(&ev, "ACCUSE", "FRA", "PRK", false), "{:?}", brief(&ev));
    assert!(has(&ev, "AID", "PRK", "RUS", true), "{:?}", brief(&ev));
    assert!(!has(&ev, "ACCUSE", "PRK", "JPN", false), "{:?}", brief(&ev));
}

#[test]
fn an_absolute_participle_has_its_own_subject() {
    let (_, ev) = events(
        "Les deux ministres ne se sont pas vus à Genève, Tokyo reprochant à Pékin de soutenir Moscou.",
    );
    assert!(has(&ev, "ACCUSE", "JPN", "CHN", false), "{:?}", brief(&ev));
}

#[test]
fn a_possessive_before_an_act_noun_is_the_clause_subject() {
    let (_, ev) = events(
        "Le Japon craint des représailles depuis que Pyongyang a reconnu ses tirs de roquettes contre la Corée du Sud.",
    );
    assert!(has(&ev, "ASSAULT", "PRK", "KOR", false), "{:?}", brief(&ev));
}

#[test]
fn leaders_taking_part_together_in_a_ceremony_meet() {
    let (_, ev) = events(
        "Emmanuel Macron et Olaf Scholz ont pris part jeudi, par visioconférence, à la cérémonie d'ouverture du salon.",
    );
    assert!(has(&ev, "CONSULT", "FRA", "DEU", false), "{:?}", brief(&ev));
    let (_, ev) = events("Des soldats japonais ont pris part aux combats.");
    assert!(ev.iter().all(|e| e.kind != "CONSULT"), "{:?}", brief(&ev));
}

#[test]
fn a_subject_list_cut_by_commas_names_each_party() {
    let (_, ev) = events(
        "Le Président de la République française Emmanuel Macron, le chancelier allemand Olaf Scholz et le Premier ministre japonais ont pris part à un sommet à Rome.",
    );
    assert!(has(&ev, "CONSULT", "FRA", "DEU", false), "{:?}", brief(&ev));
    assert!(has(&ev, "CONSULT", "FRA", "JPN", false), "{:?}", brief(&ev));
}

#[test]
fn an_incise_between_auxiliary_and_participle_keeps_the_group() {
    let (_, ev) = events("Le Japon a, lui aussi, condamné l’essai nucléaire de la Corée du Nord.");
    assert!(has(&ev, "ACCUSE", "JPN", "PRK", false), "{:?}", brief(&ev));
}

#[test]
fn ni_negates_each_coordinated_participle() {
    let (_, ev) = events(
        "Le Brésil n’a ni condamné l’essai nucléaire de la Corée du Nord ni soutenu les sanctions du Japon.",
    );
    assert!(has(&ev, "ACCUSE", "BRA", "PRK", true), "{:?}", brief(&ev));
    assert!(has(&ev, "SUPPORT", "BRA", "JPN", true), "{:?}", brief(&ev));
    assert!(!has(&ev, "ACCUSE", "BRA", "PRK", false), "{:?}", brief(&ev));
}

#[test]
fn a_visit_to_several_capitals_consults_each() {
    let (_, ev) =
        events("Le ministre français s’est rendu à Rome et à Madrid la semaine dernière.");
    assert!(has(&ev, "CONSULT", "FRA", "ITA", false), "{:?}", brief(&ev));
    assert!(has(&ev, "CONSULT", "FRA", "ESP", false), "{:?}", brief(&ev));
}

#[test]
fn the_two_countries_are_states_not_an_organisation_named_between() {
    let (_, ev) = events(
        "Le président du Chili s’est rendu au Pérou. L’Union européenne a salué cette visite. Les deux pays ont signé plusieurs accords.",
    );
    assert!(has(&ev, "AGREE", "CHL", "PER", false), "{:?}", brief(&ev));
    assert!(
        brief(&ev).iter().all(|(k, s, t, _)| k != "AGREE"
            || !(s.contains("European") || t.contains("European"))),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn energy_deliveries_are_cooperation() {
    let (_, ev) = events("La Norvège livre chaque hiver à l’Allemagne du gaz naturel.");
    assert!(
        has(&ev, "COOPERATE", "NOR", "DEU", false),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn an_undated_official_of_an_organisation_the_text_names_acts_for_it() {
    let text = "La haute-commissaire Michelle Bachelet a critiqué la Chine. Le Haut-Commissariat des Nations unies aux droits de l'homme publiera un rapport.";
    let doc = prepared(text, "");
    let ev = front().coder.events(&doc);
    assert!(
        brief(&ev)
            .iter()
            .any(|(k, s, t, _)| k == "ACCUSE" && s != "CHL" && t == "CHN"),
        "{:?}",
        brief(&ev)
    );
    assert!(
        !brief(&ev).iter().any(|(_, s, _, _)| s == "CHL"),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn a_pair_named_only_in_the_headline_is_the_headline_countries() {
    let mut doc = prepared(
        "L’Arménie et l’Azerbaïdjan se disputent une région montagneuse. \
         Des combats ont eu lieu dans la nuit. Les habitants ont fui vers la ville. \
         Les secours sont arrivés au matin. \
         Le Kremlin a appelé les deux capitales à la retenue.",
        "2022-01-10",
    );
    doc.title = Some("Arménie-Azerbaïdjan : la trêve rompue".into());
    let ev = front().coder.events(&doc);
    assert!(has(&ev, "REQUEST", "RUS", "ARM", false), "{:?}", brief(&ev));
    assert!(has(&ev, "REQUEST", "RUS", "AZE", false), "{:?}", brief(&ev));
}

#[test]
fn a_protest_noun_past_an_incise_erupts_with_its_verb() {
    let (_, ev) = events(
        "La contestation, partie samedi de la ville de Brest, s'est étendue en deux jours à toute la Biélorussie.",
    );
    assert!(has(&ev, "PROTEST", "BLR", "BLR", false), "{:?}", brief(&ev));
    assert_eq!(
        ev[0].date.as_ref().map(|d| d.value.as_str()),
        Some("2022-01-08")
    );
}

#[test]
fn a_summit_a_leader_is_somewhere_for_is_of_the_clause_s_time() {
    let (_, ev) = events(
        "Le président kazakh se trouvait jeudi à Douchanbé, au Tadjikistan, pour le sommet de l'Organisation de coopération de Shanghai.",
    );
    let consult: Vec<_> = ev.iter().filter(|e| e.kind == "CONSULT").collect();
    assert!(!consult.is_empty(), "{:?}", brief(&ev));
    assert!(
        consult
            .iter()
            .all(|e| e.date.as_ref().map(|d| d.value.as_str()) == Some("2022-01-06")),
        "{:?}",
        consult.iter().map(|e| e.date.clone()).collect::<Vec<_>>()
    );
}

#[test]
fn each_of_them_is_the_pair_named_before() {
    let (_, ev) = events(
        "Le président arménien et le président azerbaïdjanais se trouvaient à Prague. \
         Les deux dirigeants ont quitté la ville mardi. \
         Emmanuel Macron s’est entretenu séparément avec chacun d’eux.",
    );
    assert!(has(&ev, "CONSULT", "FRA", "ARM", false), "{:?}", brief(&ev));
    assert!(has(&ev, "CONSULT", "FRA", "AZE", false), "{:?}", brief(&ev));
}

#[test]
fn blaming_none_of_the_parties_is_a_negated_accusation_of_each() {
    let (_, ev) = events(
        "L’Arménie et l’Azerbaïdjan se disputent une région. \
         Le Kremlin a appelé les deux capitales au calme, sans mettre en cause aucune des parties.",
    );
    assert!(has(&ev, "ACCUSE", "RUS", "ARM", true), "{:?}", brief(&ev));
    assert!(has(&ev, "ACCUSE", "RUS", "AZE", true), "{:?}", brief(&ev));
    assert!(!has(&ev, "ACCUSE", "RUS", "ARM", false), "{:?}", brief(&ev));
}

#[test]
fn an_infinitive_after_sans_is_negated() {
    let (_, ev) = events("La Chine a reçu le ministre russe sans condamner la Russie.");
    assert!(has(&ev, "ACCUSE", "CHN", "RUS", true), "{:?}", brief(&ev));
}

#[test]
fn an_act_set_off_by_sans_after_a_call_is_the_caller_s() {
    let (_, ev) = events(
        "L’Arménie et l’Azerbaïdjan se disputent une région. \
         Le Kremlin a appelé les deux capitales à « tout faire » pour éviter une nouvelle escalade, sans mettre en cause aucune des parties.",
    );
    assert!(has(&ev, "REQUEST", "RUS", "ARM", false), "{:?}", brief(&ev));
    assert!(has(&ev, "ACCUSE", "RUS", "ARM", true), "{:?}", brief(&ev));
    assert!(has(&ev, "ACCUSE", "RUS", "AZE", true), "{:?}", brief(&ev));
}

#[test]
fn asking_for_the_help_of_one_s_allies_asks_the_alliance_named() {
    let (_, ev) = events(
        "Des soldats de l’Organisation du traité de sécurité collective sont arrivés au Kazakhstan. \
         La veille, le président kazakh avait demandé l’aide de ses alliés.",
    );
    assert!(
        ev.iter().any(|e| e.kind == "REQUEST"
            && e.source.as_ref().and_then(|a| a.country.as_deref()) == Some("KAZ")
            && e.target
                .as_ref()
                .is_some_and(|a| a.name.contains("Collective Security"))),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn a_second_relative_on_qui_shares_the_antecedent() {
    let (_, ev) = events(
        "La Turquie, qui entretient des liens avec les deux pays et qui a exhorté l'Arménie à négocier, n'a pas réagi.",
    );
    assert!(has(&ev, "REQUEST", "TUR", "ARM", false), "{:?}", brief(&ev));
    // a relative on qui that is not coordinated keeps its own antecedent
    let (_, ev) = events("Le Japon a salué la Turquie, qui a exhorté l'Arménie à négocier.");
    assert!(
        !has(&ev, "REQUEST", "JPN", "ARM", false),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn a_verdict_judged_far_from_its_conviction_is_aimed_at_the_court_s_state() {
    let text = "Un tribunal de Minsk a condamné lundi à dix ans de prison l'opposant Alexeï Navalny. \
                Ses avocats ont annoncé un appel. L'audience s'était tenue à huis clos. \
                Plusieurs diplomates étaient présents. Le procès avait duré trois semaines. \
                La presse n'a pas été admise. Amnesty International a dénoncé mardi soir un verdict « inique ».";
    let (_, ev) = events(text);
    assert!(
        has(&ev, "ACCUSE", "Amnesty International", "BLR", false),
        "{:?}",
        brief(&ev)
    );
    // a decision that is no conviction stays with the last act near it
    let (_, ev) = events("Amnesty International a dénoncé mardi soir un verdict « inique ».");
    assert!(!ev.iter().any(|e| e.kind == "ACCUSE"), "{:?}", brief(&ev));
}

#[test]
fn an_invasion_with_no_agent_is_the_known_invader_s() {
    let (_, ev) = events("Les prix du blé ont flambé depuis l'invasion de l'Ukraine.");
    assert!(has(&ev, "ASSAULT", "RUS", "UKR", false), "{:?}", brief(&ev));
    // a war named by its place is no act of anyone, and other invasions
    // with no agent name no invader
    let (_, ev) =
        events("La guerre en Ukraine a fait flamber les prix. L'invasion du Koweït avait choqué.");
    assert!(!ev.iter().any(|e| e.kind == "ASSAULT"), "{:?}", brief(&ev));
}

#[test]
fn a_protest_at_a_state_s_mission_is_aimed_at_that_state() {
    let (_, ev) = events(
        "Des centaines d'Arméniens ont manifesté samedi devant l'ambassade de Turquie à Paris.",
    );
    assert!(has(&ev, "PROTEST", "ARM", "TUR", false), "{:?}", brief(&ev));
    let (_, ev) = events(
        "Des étudiants géorgiens se sont rassemblés aux abords du consulat russe à Batoumi.",
    );
    assert!(has(&ev, "PROTEST", "GEO", "RUS", false), "{:?}", brief(&ev));
    // a protest before a building of no other state stays at home; a feeling
    // shown before someone is no protest
    let (_, ev) = events("Des milliers de Serbes ont manifesté devant le Parlement à Belgrade.");
    assert!(has(&ev, "PROTEST", "SRB", "SRB", false), "{:?}", brief(&ev));
    let (_, ev) = events("Le ministre serbe a manifesté son agacement devant les députés.");
    assert!(!ev.iter().any(|e| e.kind == "PROTEST"), "{:?}", brief(&ev));
}

#[test]
fn fighting_that_opposed_two_sides_is_each_one_s_assault() {
    let (_, ev) = events(
        "Les affrontements qui ont opposé jeudi les forces arméniennes et azerbaïdjanaises ont fait douze morts.",
    );
    assert!(has(&ev, "ASSAULT", "ARM", "AZE", false), "{:?}", brief(&ev));
    assert!(has(&ev, "ASSAULT", "AZE", "ARM", false), "{:?}", brief(&ev));
    // dated by the relative's time
    assert!(
        ev.iter().any(|e| e
            .date
            .as_ref()
            .is_some_and(|d| d.text.as_deref() == Some("jeudi"))),
        "{ev:?}"
    );
    let (_, ev) = events("Des heurts entre soldats éthiopiens et érythréens ont repris lundi.");
    assert!(has(&ev, "ASSAULT", "ETH", "ERI", false), "{:?}", brief(&ev));
    // one side only is no pair
    let (_, ev) = events("Les combats entre les forces soudanaises ont cessé.");
    assert!(!ev.iter().any(|e| e.kind == "ASSAULT"), "{:?}", brief(&ev));
}

#[test]
fn deliveries_of_energy_are_cooperation_from_the_demonym_s_country() {
    let (_, ev) = events("Les livraisons de pétrole kazakh vers l'Allemagne ont repris lundi.");
    assert!(
        has(&ev, "COOPERATE", "KAZ", "DEU", false),
        "{:?}",
        brief(&ev)
    );
    let (_, ev) = events("Le Qatar a célébré les premières livraisons de gaz qatari au Pakistan.");
    assert!(
        has(&ev, "COOPERATE", "QAT", "PAK", false),
        "{:?}",
        brief(&ev)
    );
    // arms stay aid; deliveries with no receiver name no cooperation
    let (_, ev) = events("Les livraisons d'armes américaines à Israël ont repris.");
    assert!(has(&ev, "AID", "USA", "ISR", false), "{:?}", brief(&ev));
    assert!(
        !ev.iter().any(|e| e.kind == "COOPERATE"),
        "{:?}",
        brief(&ev)
    );
    // a way after par is no agent: its state takes part beside the source
    let (_, ev) = events(
        "Ils ont célébré les livraisons de pétrole azerbaïdjanais à l'Italie par le territoire géorgien.",
    );
    assert!(
        has(&ev, "COOPERATE", "AZE", "ITA", false),
        "{:?}",
        brief(&ev)
    );
    assert!(
        has(&ev, "COOPERATE", "GEO", "ITA", false),
        "{:?}",
        brief(&ev)
    );
    let (_, ev) = events("Les livraisons de gaz russe ont baissé.");
    assert!(
        !ev.iter().any(|e| e.kind == "COOPERATE"),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn a_promise_after_a_deal_is_to_the_other_party() {
    let (_, ev) = events(
        "La Pologne n'a encore signé aucun contrat avec la Corée du Sud, mais Séoul s'est dit prêt à livrer les chars dès l'an prochain.",
    );
    assert!(has(&ev, "AGREE", "KOR", "POL", false), "{:?}", brief(&ev));
    // a deal gives no target to praise or recognition
    let (_, ev) = events(
        "Le Brésil a signé un accord avec l'Inde. Le Brésil ne reconnaît pas le gouvernement installé à Niamey.",
    );
    assert!(!has(&ev, "SUPPORT", "BRA", "IND", true), "{:?}", brief(&ev));
}

#[test]
fn rejecting_these_calls_is_aimed_at_who_made_them() {
    let (_, ev) = events(
        "L'Union européenne a appelé Minsk à libérer les prisonniers. Interrogé jeudi, un porte-parole du ministère biélorusse des Affaires étrangères a rejeté ces appels.",
    );
    assert!(
        has(&ev, "REJECT", "BLR", "European Union", false),
        "{:?}",
        brief(&ev)
    );
    // no one asked: no target
    let (_, ev) = events("Le Brésil a rejeté ces demandes.");
    assert!(!ev.iter().any(|e| e.kind == "REJECT"), "{:?}", brief(&ev));
}

#[test]
fn an_agreement_signed_in_the_passive() {
    // the parties in the noun's own entre X et Y
    let (_, ev) = events("L'accord entre le Pérou et la Bolivie a été signé mardi.");
    assert!(has(&ev, "AGREE", "PER", "BOL", false), "{:?}", brief(&ev));
    // "aucun contrat n'a été signé" is a negated agreement
    let (_, ev) = events("Aucun contrat n'a été signé mercredi entre le Pérou et la Bolivie.");
    assert!(has(&ev, "AGREE", "PER", "BOL", true), "{:?}", brief(&ev));
    assert!(!has(&ev, "AGREE", "PER", "BOL", false), "{:?}", brief(&ev));
}

#[test]
fn an_accusation_by_clitic_is_aimed_at_the_clitic_not_its_content() {
    let (_, ev) = events(
        "Les États-Unis ont sanctionné la Géorgie, l'accusant d'avoir aidé des entreprises russes.",
    );
    assert!(has(&ev, "ACCUSE", "USA", "GEO", false), "{:?}", brief(&ev));
    assert!(!has(&ev, "ACCUSE", "USA", "RUS", false), "{:?}", brief(&ev));
}

#[test]
fn a_condemnation_naming_no_one_answers_who_last_acted_on_the_source() {
    let (_, ev) = events(
        "La Pologne a expulsé mardi trois diplomates biélorusses. Minsk a dénoncé une provocation dans les affaires biélorusses.",
    );
    assert!(has(&ev, "ACCUSE", "BLR", "POL", false), "{:?}", brief(&ev));
    // no one acted on the source before: no target
    let (_, ev) = events("Minsk a dénoncé une provocation.");
    assert!(!ev.iter().any(|e| e.kind == "ACCUSE"), "{:?}", brief(&ev));
}

#[test]
fn an_arrest_does_not_fall_on_a_place() {
    let (_, ev) = events(
        "Les deux pays ont signé un accord sur la modernisation du port de Tachkent, détenu à parts égales.",
    );
    assert!(!ev.iter().any(|e| e.kind == "COERCE"), "{:?}", brief(&ev));
    let (_, ev) = events(
        "Le Pérou et la Bolivie ont signé un accord sur le chemin de fer, détenu à parts égales par les deux pays.",
    );
    assert!(!ev.iter().any(|e| e.kind == "COERCE"), "{:?}", brief(&ev));
    let (_, ev) =
        events("La police ouzbèke a arrêté mardi le journaliste Alexeï Navalny à Tachkent.");
    assert!(ev.iter().any(|e| e.kind == "COERCE"), "{:?}", brief(&ev));
}

#[test]
fn a_verb_coordinated_inside_a_relative_on_qui_keeps_its_antecedent() {
    let (_, ev) = events(
        "Des responsables turcs ont critiqué la Géorgie, qui n'a ni soutenu l'Arménie ni reconnu le Kosovo.",
    );
    assert!(has(&ev, "SUPPORT", "GEO", "XKX", true), "{:?}", brief(&ev));
    assert!(!has(&ev, "SUPPORT", "TUR", "XKX", true), "{:?}", brief(&ev));
}

#[test]
fn a_mobilisation_faces_a_border_or_a_war() {
    let (_, ev) = events(
        "Le président arménien a ordonné mardi la mobilisation de 10 000 réservistes pour renforcer la frontière avec l'Azerbaïdjan.",
    );
    assert!(
        has(&ev, "MOBILIZE", "ARM", "AZE", false),
        "{:?}",
        brief(&ev)
    );
    let (_, ev) = events(
        "L'Ouzbékistan a dépêché des centaines de soldats à Termez, ville frontalière de l'Afghanistan.",
    );
    assert!(
        has(&ev, "MOBILIZE", "UZB", "AFG", false),
        "{:?}",
        brief(&ev)
    );
    let (_, ev) = events("Le Tadjikistan a dépêché des soldats à Khorog.");
    assert!(
        has(&ev, "MOBILIZE", "TJK", "TJK", false),
        "{:?}",
        brief(&ev)
    );
    // facing nothing: no event, not a mobilisation against oneself
    let (_, ev) = events("Le Mali a décrété la mobilisation générale.");
    assert!(!ev.iter().any(|e| e.kind == "MOBILIZE"), "{:?}", brief(&ev));
}

#[test]
fn a_trade_war_is_no_assault_and_sanctions_carried_by_viser_are_sanctions() {
    let (_, ev) = events(
        "Les prix ont flambé en pleine guerre commerciale entre le Japon et la Corée du Sud.",
    );
    assert!(!ev.iter().any(|e| e.kind == "ASSAULT"), "{:?}", brief(&ev));
    let (_, ev) = events(
        "L'Iran est visé depuis 2018 par des sanctions américaines liées à son programme nucléaire.",
    );
    assert!(
        has(&ev, "SANCTION", "USA", "IRN", false),
        "{:?}",
        brief(&ev)
    );
    // viser with an actor as agent names no act
    let (_, ev) = events("L'Iran est visé par la Turquie.");
    assert!(ev.is_empty(), "{:?}", brief(&ev));
}

#[test]
fn a_pair_of_states_may_be_named_by_an_adjective() {
    let (_, ev) = events(
        "Le président arménien Nikol Pachinian a salué l'accord. Selon le ministère azerbaïdjanais des Affaires étrangères, le texte sera ratifié. Moscou, qui avait appelé les deux voisins à négocier, n'a pas réagi.",
    );
    assert!(has(&ev, "REQUEST", "RUS", "ARM", false), "{:?}", brief(&ev));
    assert!(has(&ev, "REQUEST", "RUS", "AZE", false), "{:?}", brief(&ev));
}

#[test]
fn a_pair_of_states_may_be_the_headline_s_by_their_knowledge_base_names() {
    let (doc, ev) = events(
        "L'Arménie et l'Azerbaïdjan signent un traité frontalier\nErevan et Bakou ont paraphé mardi un texte sur leur frontière. Le texte doit encore être ratifié. Les travaux commenceront en mai. Les habitants sont inquiets. Washington, qui avait appelé les deux voisins à négocier, n'a pas réagi.",
    );
    assert!(doc.title.is_some(), "{:?}", doc.title);
    assert!(has(&ev, "REQUEST", "USA", "ARM", false), "{:?}", brief(&ev));
    assert!(has(&ev, "REQUEST", "USA", "AZE", false), "{:?}", brief(&ev));
}

#[test]
fn a_pledge_told_as_a_statement_is_of_its_content_s_time() {
    let (_, ev) = events(
        "Le président turc et le président russe se sont entretenus lundi. Le président turc a confirmé qu'il se rendrait à Moscou le 4 décembre.",
    );
    let pledge = ev
        .iter()
        .find(|e| e.kind == "AGREE")
        .unwrap_or_else(|| panic!("{:?}", brief(&ev)));
    // written on 2022-01-10: the next 4 December, not the last
    assert_eq!(
        pledge.date.as_ref().map(|d| d.value.as_str()),
        Some("2022-12-04"),
        "{pledge:?}"
    );
    // a confirmation of a fact is no pledge
    let (_, ev) = events("Le ministère turc a confirmé que trois soldats avaient été blessés.");
    assert!(!ev.iter().any(|e| e.kind == "AGREE"), "{:?}", brief(&ev));
}

#[test]
fn an_agreement_on_joining_is_with_the_body_joined() {
    let (_, ev) = events(
        "Les ministres de l'Organisation du traité de l'Atlantique Nord se sont réunis. La Suède a signé mardi un protocole d'accord sur son adhésion à l'organisation.",
    );
    assert!(
        ev.iter().any(|e| e.kind == "AGREE"
            && e.target
                .as_ref()
                .is_some_and(|t| t.name.contains("North Atlantic"))),
        "{:?}",
        brief(&ev)
    );
    // no joining named: no partner
    let (_, ev) = events("La Suède a signé mardi un protocole d'accord.");
    assert!(!ev.iter().any(|e| e.kind == "AGREE"), "{:?}", brief(&ev));
}

#[test]
fn a_background_act_inside_an_accusation_is_coded_too() {
    let (_, ev) = events(
        "Le Japon a accusé la Chine d'avoir contourné les sanctions imposées après l'invasion de l'Ukraine par la Russie.",
    );
    assert!(has(&ev, "ACCUSE", "JPN", "CHN", false), "{:?}", brief(&ev));
    assert!(has(&ev, "ASSAULT", "RUS", "UKR", false), "{:?}", brief(&ev));
    // the content itself stays uncoded
    let (_, ev) = events("Le Japon a accusé la Chine d'avoir livré des armes à la Russie.");
    assert!(!ev.iter().any(|e| e.kind == "AID"), "{:?}", brief(&ev));
}

#[test]
fn a_joint_press_conference_far_from_the_signing_is_with_the_cosignatory() {
    let (_, ev) = events(
        "Le Pérou et la Bolivie ont signé lundi un traité sur leur frontière. Le tracé datait de l'époque coloniale. Des rixes opposaient souvent les villageois. Les tensions avaient fait des morts. « C'est une page nouvelle », a déclaré le président péruvien lors d'une conférence de presse commune.",
    );
    assert!(
        has(&ev, "CONSULT", "PER", "BOL", false) || has(&ev, "CONSULT", "BOL", "PER", false),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn leaders_inaugurating_together_meet() {
    let (_, ev) = events(
        "Le président géorgien et son homologue arménien ont inauguré ensemble un pont sur la frontière.",
    );
    assert!(
        has(&ev, "CONSULT", "GEO", "ARM", false) || has(&ev, "CONSULT", "ARM", "GEO", false),
        "{:?}",
        brief(&ev)
    );
    // alone: no meeting
    let (_, ev) =
        events("Le président géorgien a inauguré un pont sur la frontière avec l'Arménie.");
    assert!(!ev.iter().any(|e| e.kind == "CONSULT"), "{:?}", brief(&ev));
}

#[test]
fn a_time_opening_a_sentence_dates_its_act_whatever_the_sentence_before() {
    // the sentence before ends on a participle after a comma
    let (_, ev) = events(
        "Le ministre turc a parlé lundi, cité par l'agence Anadolu. Le 19 mai, la Turquie et l'Iran avaient signé un accord sur le gaz.",
    );
    let agree = ev
        .iter()
        .find(|e| e.kind == "AGREE")
        .unwrap_or_else(|| panic!("{:?}", brief(&ev)));
    assert_eq!(
        agree.date.as_ref().and_then(|d| d.text.as_deref()),
        Some("19 mai"),
        "{agree:?}"
    );
}

#[test]
fn inviting_someone_to_do_something_is_a_call_and_to_somewhere_an_invitation() {
    let (_, ev) = events("Le Japon a invité la Corée du Sud à renforcer la coopération militaire.");
    assert!(has(&ev, "REQUEST", "JPN", "KOR", false), "{:?}", brief(&ev));
    let (_, ev) = events("Le Japon a invité la Corée du Sud à Tokyo.");
    assert!(has(&ev, "AGREE", "JPN", "KOR", false), "{:?}", brief(&ev));
    assert!(!ev.iter().any(|e| e.kind == "REQUEST"), "{:?}", brief(&ev));
}

#[test]
fn a_possessive_state_body_is_the_state_spoken_of() {
    let (_, ev) = events(
        "La Turquie a fourni l'essentiel des troupes. Son ministère de la Défense a annoncé mercredi la livraison à l'armée azerbaïdjanaise de drones armés.",
    );
    assert!(has(&ev, "AID", "TUR", "AZE", false), "{:?}", brief(&ev));
}

#[test]
fn a_package_of_measures_judged_far_away_is_the_last_sanctions() {
    let text = "L'Union européenne a adopté vendredi de nouvelles sanctions contre la Biélorussie. \
                Le texte vise une vingtaine d'entreprises. Plusieurs banques sont concernées. \
                Les exportations de potasse sont aussi visées. Les négociations ont duré un mois. \
                La Hongrie avait hésité. Minsk a qualifié ce nouveau train de mesures d'« illégal ».";
    let (_, ev) = events(text);
    assert!(
        has(&ev, "ACCUSE", "BLR", "European Union", false),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn the_ones_included_in_a_package_of_sanctions_are_sanctioned() {
    let (_, ev) = events(
        "L'Inde a dénoncé l'inclusion de plusieurs banques indiennes dans le paquet de sanctions adopté vendredi par les États-Unis contre l'Iran.",
    );
    assert!(
        has(&ev, "SANCTION", "USA", "IND", false),
        "{:?}",
        brief(&ev)
    );
    assert!(
        has(&ev, "SANCTION", "USA", "IRN", false),
        "{:?}",
        brief(&ev)
    );
    // no inclusion named: the package's own target only
    let (_, ev) =
        events("Les États-Unis ont adopté vendredi un paquet de sanctions contre l'Iran.");
    assert!(
        !has(&ev, "SANCTION", "USA", "IND", false),
        "{:?}",
        brief(&ev)
    );
}

#[test]
fn counterparts_of_a_list_of_countries_are_each_met() {
    let (_, ev) = events(
        "Le président français a reçu mardi à Paris ses homologues d'Allemagne, d'Italie, d'Espagne, du Portugal et de la Grèce.",
    );
    for target in ["DEU", "ITA", "ESP", "PRT", "GRC"] {
        assert!(
            has(&ev, "CONSULT", "FRA", target, false),
            "{target} {:?}",
            brief(&ev)
        );
    }
    // an apposition after the comma is no list of complements
    let (_, ev) =
        events("Le président français a reçu mardi son homologue d'Allemagne, de passage à Paris.");
    assert_eq!(
        brief(&ev),
        vec![("CONSULT".into(), "FRA".into(), "DEU".into(), false)]
    );
}

#[test]
fn an_act_judged_with_its_agent_is_aimed_at_the_agent() {
    let (_, ev) = events("Le Japon a condamné mercredi la saisie de navires coréens par la Chine.");
    assert!(has(&ev, "ACCUSE", "JPN", "CHN", false), "{:?}", brief(&ev));
    assert!(!has(&ev, "ACCUSE", "JPN", "KOR", false), "{:?}", brief(&ev));
    let (_, ev) = events("Le Canada a sanctionné jeudi les achats de gaz iranien par la Turquie.");
    assert!(
        has(&ev, "SANCTION", "CAN", "TUR", false),
        "{:?}",
        brief(&ev)
    );
}
