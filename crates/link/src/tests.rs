//! The rules on invented sentences.

use std::sync::OnceLock;

use chronicle_model::{Document, Entity, Origin, Precision, Published};

use super::*;

fn linker() -> &'static Linker {
    static L: OnceLock<Linker> = OnceLock::new();
    L.get_or_init(|| match Linker::builtin() {
        Ok(l) => l,
        Err(e) => panic!("the built-in linker does not load: {e}"),
    })
}

fn doc(text: &str, date: Option<&str>) -> Document {
    let mut doc = Document {
        body: text.to_string(),
        published: date.map(|d| Published {
            value: d.to_string(),
            precision: Precision::of_iso(d).unwrap_or(Precision::Day),
            origin: Origin::Metadata,
        }),
        ..Document::default()
    };
    match chronicle_text::Segmenter::french() {
        Ok(s) => s.analyse(&mut doc),
        Err(e) => panic!("{e}"),
    }
    doc
}

fn link_with(text: &str, date: Option<&str>, ner: &[NerSpan]) -> Vec<Entity> {
    let mut d = doc(text, date);
    linker().link(&mut d, ner);
    for e in &d.entities {
        for m in &e.mentions {
            assert_eq!(d.body.get(m.start..m.end), Some(m.text.as_str()), "{e:?}");
        }
    }
    d.entities
}

fn link(text: &str, date: Option<&str>) -> Vec<Entity> {
    link_with(text, date, &[])
}

/// (name, mention texts) of every entity.
fn summary(entities: &[Entity]) -> Vec<(String, Vec<String>)> {
    entities
        .iter()
        .map(|e| {
            (
                e.name.clone(),
                e.mentions.iter().map(|m| m.text.clone()).collect(),
            )
        })
        .collect()
}

fn named<'a>(entities: &'a [Entity], name: &str) -> Option<&'a Entity> {
    entities.iter().find(|e| e.name == name)
}

fn mentions(entities: &[Entity], name: &str) -> Vec<String> {
    named(entities, name)
        .map(|e| e.mentions.iter().map(|m| m.text.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn a_capital_acting_is_its_government_and_after_a_preposition_the_city() {
    let e = link(
        "Pékin rejette ces accusations. Le ministre s'est rendu à Pékin, puis dans la ville de Moscou, alliée de Pékin.",
        None,
    );
    assert_eq!(
        mentions(&e, "China"),
        ["Pékin", "Pékin"],
        "{:?}",
        summary(&e)
    );
    assert_eq!(mentions(&e, "Beijing"), ["Pékin"]);
    assert_eq!(mentions(&e, "Moscow"), ["Moscou"]);
    let china = named(&e, "China");
    assert_eq!(
        china.map(|c| (c.kind.as_str(), c.country.as_deref())),
        Some(("LOC", Some("CHN")))
    );
    let city = named(&e, "Beijing");
    assert_eq!(city.and_then(|c| c.country.as_deref()), Some("CHN"));
}

#[test]
fn a_seat_of_power_acting_is_the_state() {
    let e = link("Le Kremlin a démenti. Moscou a protesté.", None);
    assert_eq!(
        summary(&e),
        [(
            "Russia".to_string(),
            vec!["Kremlin".to_string(), "Moscou".to_string()]
        )]
    );
}

#[test]
fn demonym_adjectives_are_no_entities() {
    let e = link(
        "La télévision publique chinoise a diffusé un reportage sur la presse kazakhe.",
        None,
    );
    assert!(e.is_empty(), "{:?}", summary(&e));
}

#[test]
fn demonyms_name_peoples_as_nouns_and_after_group_nouns() {
    let e = link(
        "Des membres de l'ethnie ouïghoure, de souche kazakhe ou des Kazakhs vivent là. La population musulmane ouïghoure aussi.",
        None,
    );
    assert_eq!(
        mentions(&e, "Uyghurs"),
        ["ouïghoure", "ouïghoure"],
        "{:?}",
        summary(&e)
    );
    assert_eq!(mentions(&e, "Kazakhs"), ["kazakhe", "Kazakhs"]);
    assert!(e.iter().all(|x| x.kind == "MISC"));
    assert!(named(&e, "Muslims").is_none(), "a common noun is no name");
}

#[test]
fn a_role_phrase_is_the_holder_on_the_date() {
    let text = "Le président kazakh a parlé devant les députés.";
    let e = link(text, Some("2022-01-10"));
    assert_eq!(mentions(&e, "Kassym-Jomart Tokayev"), ["président kazakh"]);
    let e = link(text, Some("2015-06-01"));
    assert_eq!(mentions(&e, "Nursultan Nazarbayev"), ["président kazakh"]);
    // March 2019 saw both: the phrase is left alone rather than guessed
    let e = link(text, Some("2019-03"));
    assert!(e.is_empty(), "{:?}", summary(&e));
    let e = link(text, None);
    assert!(e.is_empty(), "no date, nobody named: {:?}", summary(&e));
}

#[test]
fn without_a_date_the_role_goes_to_the_person_the_text_gives_it() {
    let e = link(
        "Le président kazakh Kassym-Jomart Tokaïev a reçu des journalistes. Le président kazakh a ensuite quitté la salle, et le chef de l'État a pris l'avion.",
        None,
    );
    assert_eq!(
        mentions(&e, "Kassym-Jomart Tokayev"),
        [
            "Kassym-Jomart Tokaïev",
            "président kazakh",
            "chef de l'État"
        ]
    );
    // a role of no country before any holder is named: nobody
    let e = link(
        "Le chef de l'État a parlé. Le président kazakh Kassym-Jomart Tokaïev a reçu.",
        None,
    );
    assert_eq!(
        mentions(&e, "Kassym-Jomart Tokayev"),
        ["Kassym-Jomart Tokaïev"]
    );
    let e = link(
        "Le président du Kazakhstan a appelé la Russie à l'aide. Kassym-Jomart Tokaïev, le président kazakh, a parlé.",
        None,
    );
    assert_eq!(
        mentions(&e, "Kassym-Jomart Tokayev"),
        ["président du Kazakhstan", "Kassym-Jomart Tokaïev"],
        "{:?}",
        summary(&e)
    );
}

#[test]
fn a_split_title_and_a_country_after_de() {
    let e = link(
        "Le ministre chinois des Affaires étrangères a rencontré le chef de la diplomatie kazakhe. Le président du Kazakhstan a salué la rencontre.",
        Some("2022-01-10"),
    );
    assert_eq!(
        mentions(&e, "Wang Yi"),
        ["ministre chinois des Affaires étrangères"],
        "{:?}",
        summary(&e)
    );
    assert_eq!(
        mentions(&e, "Mukhtar Tileuberdi"),
        ["chef de la diplomatie kazakhe"]
    );
    assert_eq!(
        mentions(&e, "Kassym-Jomart Tokayev"),
        ["président du Kazakhstan"]
    );
    assert!(
        named(&e, "Kazakhstan").is_none(),
        "Kazakhstan is inside the title"
    );
}

#[test]
fn a_counterpart_holds_the_same_role_in_the_other_country() {
    let e = link(
        "Le ministre chinois des Affaires étrangères Wang Yi a reçu son homologue kazakh à Pékin.",
        Some("2019-03-20"),
    );
    assert_eq!(
        mentions(&e, "Beibut Atamkulov"),
        ["homologue kazakh"],
        "{:?}",
        summary(&e)
    );
    // the person may come after, in the same sentence
    let e = link(
        "S'adressant à son homologue kazakh, le ministre chinois des Affaires étrangères a déclaré que la Chine l'aiderait.",
        Some("2022-01-10"),
    );
    assert_eq!(
        mentions(&e, "Mukhtar Tileuberdi"),
        ["homologue kazakh"],
        "{:?}",
        summary(&e)
    );
    assert_eq!(
        mentions(&e, "Wang Yi"),
        ["ministre chinois des Affaires étrangères"]
    );
}

#[test]
fn a_counterpart_named_beside_is_that_person_and_gives_the_role() {
    let e = link(
        "Le président russe Vladimir Poutine et son homologue kazakh Kassym-Jomart Tokaïev ont parlé. Le président kazakh a remercié Moscou.",
        None,
    );
    assert_eq!(
        mentions(&e, "Kassym-Jomart Tokayev"),
        ["Kassym-Jomart Tokaïev", "président kazakh"],
        "{:?}",
        summary(&e)
    );
}

#[test]
fn people_the_base_does_not_know_are_local_with_the_country_the_text_gives() {
    let e = link(
        "« Nous restons calmes », a déclaré le porte-parole kazakh Aidos Ukibay. M. Ukibay a ajouté que Ukibay partirait.",
        None,
    );
    let u = named(&e, "Aidos Ukibay");
    assert_eq!(
        u.map(|u| (
            u.id.is_none(),
            u.kind.as_str(),
            u.country.as_deref(),
            u.mentions.len()
        )),
        Some((true, "PER", Some("KAZ"), 3)),
        "{:?}",
        summary(&e)
    );
    let e = link(
        "M. Nazarbaïev appelle au calme, a écrit le porte-parole, Aidos Ukibay, sur Twitter.",
        None,
    );
    assert!(named(&e, "Aidos Ukibay").is_some(), "{:?}", summary(&e));
    let e = link(
        "Le porte-parole de la diplomatie américaine Ned Price a répondu.",
        None,
    );
    assert_eq!(
        named(&e, "Ned Price").map(|n| n.country.as_deref()),
        Some(Some("USA")),
        "{:?}",
        summary(&e)
    );
    let e = link("Selon l'opposant Lukas Fenner, Mme Sokal a menti.", None);
    assert!(named(&e, "Lukas Fenner").is_some(), "{:?}", summary(&e));
    assert!(named(&e, "Sokal").is_some(), "{:?}", summary(&e));
}

#[test]
fn an_apposition_before_the_role_names_the_person() {
    let e = link(
        "Un proche, Daniyar Kemelbekov Serikov, ancien ministre kazakh, a été arrêté.",
        None,
    );
    assert_eq!(
        named(&e, "Daniyar Kemelbekov Serikov").map(|x| x.country.as_deref()),
        Some(Some("KAZ")),
        "{:?}",
        summary(&e)
    );
}

#[test]
fn surnames_go_to_the_full_name_met_before() {
    let e = link(
        "Xi Jinping est arrivé mardi. M. Xi a salué son hôte, et Xi a souri.",
        None,
    );
    assert_eq!(
        summary(&e),
        [(
            "Xi Jinping".to_string(),
            vec!["Xi Jinping".to_string(), "Xi".to_string(), "Xi".to_string()]
        )]
    );
}

#[test]
fn a_surname_takes_the_first_names_written_before_it() {
    let e = link(
        "Un de ses alliés, Karim Kajymkanouli Massimov, ancien Premier ministre, a été arrêté.",
        Some("2022-01-08"),
    );
    assert_eq!(
        summary(&e),
        [(
            "Karim Massimov".to_string(),
            vec!["Karim Kajymkanouli Massimov".to_string()]
        )],
        "a former Prime Minister is not the one in office"
    );
}

#[test]
fn a_former_holder_is_not_the_holder() {
    let e = link(
        "L'ex-président kazakh Noursoultan Nazarbaïev a appelé au calme. L'ex-président a parlé.",
        Some("2022-01-08"),
    );
    assert_eq!(
        summary(&e),
        [(
            "Nursultan Nazarbayev".to_string(),
            vec!["Noursoultan Nazarbaïev".to_string()]
        )]
    );
}

#[test]
fn bodies_of_a_state_are_the_state() {
    let e = link(
        "Le gouvernement chinois soutient les autorités kazakhes, selon le gouvernement du Kazakhstan.",
        None,
    );
    assert_eq!(
        summary(&e),
        [
            (
                "China".to_string(),
                vec!["gouvernement chinois".to_string()]
            ),
            (
                "Kazakhstan".to_string(),
                vec![
                    "autorités kazakhes".to_string(),
                    "gouvernement du Kazakhstan".to_string()
                ]
            )
        ]
    );
    let e = link("Les autorités ont démenti.", None);
    assert!(e.is_empty());
}

#[test]
fn someone_unnamed_is_nobody() {
    let e = link(
        "Un porte-parole du ministère des Affaires étrangères à Pékin a répondu.",
        Some("2022-01-08"),
    );
    assert_eq!(
        summary(&e),
        [("Beijing".to_string(), vec!["Pékin".to_string()])]
    );
}

#[test]
fn entities_come_in_order_of_first_mention_with_ids_types_and_countries() {
    let e = link(
        "L'OTSC a envoyé des troupes au Kazakhstan, selon l'ONU. Le Kazakhstan remercie l'OTSC.",
        None,
    );
    let names: Vec<&str> = e.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Collective Security Treaty Organization",
            "Kazakhstan",
            "United Nations"
        ]
    );
    let kaz = named(&e, "Kazakhstan");
    assert_eq!(
        kaz.map(|k| (k.id.as_deref(), k.kind.as_str(), k.country.as_deref())),
        Some((Some("Q232"), "LOC", Some("KAZ")))
    );
    assert_eq!(
        named(&e, "United Nations").and_then(|u| u.id.as_deref()),
        Some("Q1065")
    );
}

#[test]
fn places_of_the_region_are_known() {
    let e = link(
        "Des émeutes ont éclaté à Almaty, à Zhanaozen et à Aktau, dans l'ouest. Au Xinjiang et à Samarcande, en Asie centrale, rien.",
        None,
    );
    for (name, country) in [
        ("Almaty", Some("KAZ")),
        ("Zhanaozen", Some("KAZ")),
        ("Aktau", Some("KAZ")),
        ("Xinjiang", Some("CHN")),
        ("Samarkand", Some("UZB")),
        ("Central Asia", None),
    ] {
        let x = named(&e, name);
        assert!(x.is_some(), "{name}: {:?}", summary(&e));
        assert_eq!(x.and_then(|x| x.country.as_deref()), country, "{name}");
        assert_eq!(x.map(|x| x.kind.as_str()), Some("LOC"));
    }
}

#[test]
fn recogniser_spans_add_what_the_rules_miss() {
    let text =
        "Le journaliste Bolat Nurlanov a écrit que Karim Kajymkanouli Massimov était arrêté.";
    let at = |s: &str| text.find(s).map_or((0, 0), |i| (i, i + s.len()));
    let (s1, e1) = at("Bolat Nurlanov");
    let (s2, e2) = at("Karim Kajymkanouli Massimov");
    let spans = [
        NerSpan {
            start: s1,
            end: e1,
            label: NerLabel::Per,
        },
        NerSpan {
            start: s2,
            end: e2,
            label: NerLabel::Per,
        },
        NerSpan {
            start: 3,
            end: 1000,
            label: NerLabel::Org,
        },
    ];
    let e = link_with(text, None, &spans);
    let b = named(&e, "Bolat Nurlanov");
    assert_eq!(
        b.map(|b| (b.id.is_none(), b.kind.as_str())),
        Some((true, "PER")),
        "{:?}",
        summary(&e)
    );
    assert_eq!(
        mentions(&e, "Karim Massimov"),
        ["Karim Kajymkanouli Massimov"]
    );
}

#[test]
fn a_document_without_tokens_still_links() {
    let mut d = Document {
        body: "Pékin et Moscou ont parlé à Astana.".to_string(),
        ..Document::default()
    };
    linker().link(&mut d, &[]);
    let names: Vec<&str> = d.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["China", "Russia", "Astana"]);
}

#[test]
fn a_user_table_adds_actors() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/actors.tsv");
    let mut l = linker().clone();
    match l.add_kb_file(&path) {
        Ok(n) => assert!(n > 10),
        Err(e) => panic!("{e}"),
    }
    let mut d = doc(
        "Le président valdorien a accusé Kravany. M. Kessel a parlé à Lorvane.",
        Some("2024-03-05"),
    );
    l.link(&mut d, &[]);
    let e = &d.entities;
    assert_eq!(
        mentions(e, "Arvid Kessel"),
        ["président valdorien", "M. Kessel"],
        "{:?}",
        summary(e)
    );
    assert_eq!(mentions(e, "Ostrie"), ["Kravany"]);
    assert_eq!(mentions(e, "Lorvane"), ["Lorvane"]);
}

#[test]
fn describe_says_what_the_base_knows() {
    let kb = linker().kb();
    let t = describe(kb, "Tokaïev", Some("2022-01-10"));
    assert!(
        t.contains("Kassym-Jomart Tokayev [PER] id P-KASSYM-JOMART-TOKAYEV"),
        "{t}"
    );
    assert!(
        t.contains("head_of_state of KAZ: 2019-03-20 to now  <- on 2022-01-10"),
        "{t}"
    );
    let t = describe(kb, "le président kazakh", Some("2022-01-10"));
    assert!(t.contains("role head_of_state"), "{t}");
    assert!(
        t.contains("held on 2022-01-10: Kassym-Jomart Tokayev"),
        "{t}"
    );
    let t = describe(kb, "président kazakh", None);
    assert!(
        t.contains("Nursultan Nazarbayev: 1990-04-24 to 2019-03-19"),
        "{t}"
    );
    let t = describe(kb, "KAZ", Some("2022-01-10"));
    assert!(
        t.contains("head_of_state on 2022-01-10: Kassym-Jomart Tokayev"),
        "{t}"
    );
    let t = describe(kb, "Pékin", None);
    assert!(
        t.contains("China [LOC]") && t.contains("Beijing [LOC]"),
        "{t}"
    );
    let t = describe(kb, "Zzyzx", None);
    assert!(t.contains("knows nothing"), "{t}");
}

#[test]
fn describe_shows_a_recorded_vacancy() {
    let kb = linker().kb();
    let t = describe(kb, "CHN", Some("2023-11-15"));
    assert!(
        t.contains("defence_minister on 2023-11-15: nobody, vacant 2023-10-25 to 2023-12-28"),
        "{t}"
    );
    assert!(t.contains("head_of_state on 2023-11-15: Xi Jinping"), "{t}");
    let t = describe(kb, "le ministre chinois de la Défense", Some("2023-11-15"));
    assert!(
        t.contains("held on 2023-11-15: nobody, vacant 2023-10-25 to 2023-12-28 (Li Shangfu"),
        "{t}"
    );
    assert!(t.contains("[TASS 2023-10-24"), "{t}");
    let t = describe(kb, "le ministre chinois de la Défense", None);
    assert!(t.contains("Dong Jun: 2023-12-29 to now"), "{t}");
    assert!(t.contains("nobody: vacant 2023-10-25 to 2023-12-28"), "{t}");
    // a span the sources leave open is not a vacancy: it says so, with why
    let t = describe(kb, "le ministre russe de la Défense", Some("2024-05-13"));
    assert!(
        t.contains("held on 2024-05-13: not established, 2024-05-13 to 2024-05-13 (Sergei Shoigu"),
        "{t}"
    );
    assert!(t.contains("[TASS 2024-05-13"), "{t}");
    let t = describe(kb, "AZE", Some("2003-11-02"));
    assert!(
        t.contains("head_of_government on 2003-11-02: not established"),
        "{t}"
    );
    // a date nothing covers (before the first term the base has)
    let t = describe(kb, "le ministre russe de la Défense", Some("1950-01-01"));
    assert!(
        t.contains("held on 1950-01-01: nobody the base knows"),
        "{t}"
    );
}

#[test]
fn odd_inputs_do_not_panic_and_offsets_always_cut() {
    let text = "L’ex-président kazakh Noursoultan Nazarbaïev, M. Xi, « Pékin » à Nur-Sultan;\nle porte-parole, Aidos Ukibay, a dit à son homologue kazakh que le président du Kazakhstan… ÉTATS-UNIS, Mme , M. et l'ethnie ouïghoure.";
    for date in [None, Some("2022-01-10"), Some("2019"), Some("not a date")] {
        for (i, _) in text.char_indices().step_by(3) {
            let _ = link(&text[..i], date);
            let _ = link(&text[i..], date);
        }
    }
    let spans = [
        NerSpan {
            start: 0,
            end: 2,
            label: NerLabel::Per,
        },
        NerSpan {
            start: 5,
            end: 3,
            label: NerLabel::Loc,
        },
        NerSpan {
            start: 1,
            end: 4,
            label: NerLabel::Misc,
        },
    ];
    for body in ["", " ", "\n\n", "M.", "le président", "É"] {
        let e = link_with(body, Some("2022-01-10"), &spans);
        assert!(e.iter().all(|x| !x.mentions.is_empty()));
    }
}

#[test]
fn linker_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Linker>();
}

fn span_of(text: &str, s: &str, label: NerLabel) -> NerSpan {
    let start = text.find(s).unwrap_or(0);
    NerSpan {
        start,
        end: start + s.len(),
        label,
    }
}

#[test]
fn another_given_name_blocks_a_known_surname() {
    let text = "L'agronome Daniyar Massimov a visité la ferme. M. Massimov a souri.";
    for ner in [
        vec![],
        vec![span_of(text, "Daniyar Massimov", NerLabel::Per)],
    ] {
        let e = link_with(text, Some("2022-06-01"), &ner);
        assert!(named(&e, "Karim Massimov").is_none(), "{:?}", summary(&e));
        let d = named(&e, "Daniyar Massimov");
        assert_eq!(
            d.map(|d| (d.id.is_none(), d.kind.as_str())),
            Some((true, "PER"))
        );
        assert_eq!(
            mentions(&e, "Daniyar Massimov").len(),
            2,
            "{:?}",
            summary(&e)
        );
    }
    // the known person's own given name, or a spelling of it, still links
    let e = link("Karim Kajymkanouli Massimov a été arrêté.", None);
    assert!(named(&e, "Karim Massimov").is_some(), "{:?}", summary(&e));
}

#[test]
fn a_people_written_in_lower_case_is_an_adjective() {
    let e = link(
        "Le président kirghiz a reçu des gardes-frontières tadjiks et des responsables kazakhs.",
        None,
    );
    for people in ["Kyrgyz", "Tajiks", "Kazakhs"] {
        assert!(named(&e, people).is_none(), "{people}: {:?}", summary(&e));
    }
    let e = link("Des Kirghiz vivent en Chine.", None);
    assert!(named(&e, "Kyrgyz").is_some(), "{:?}", summary(&e));
}

#[test]
fn a_city_inside_a_named_thing_is_neither_place_nor_state() {
    let e = link("Le pays n'a pas ratifié le Statut de Rome.", None);
    assert!(named(&e, "Italy").is_none(), "{:?}", summary(&e));
    let e = link("Le pays a obtenu le soutien de Rome.", None);
    assert!(named(&e, "Italy").is_some(), "{:?}", summary(&e));
}

#[test]
fn a_name_after_a_place_noun_is_a_place() {
    let text = "Il a visité la base aérienne russe de Kant.";
    let e = link_with(text, None, &[span_of(text, "Kant", NerLabel::Per)]);
    assert_eq!(named(&e, "Kant").map(|k| k.kind.as_str()), Some("LOC"));
}

#[test]
fn a_surname_with_a_capitalised_particle_is_whole() {
    let text = "La maire, Anne-Sophie Le Bihan, a reçu la délégation.";
    let e = link_with(text, None, &[span_of(text, "Anne-Sophie", NerLabel::Per)]);
    assert!(
        named(&e, "Anne-Sophie Le Bihan").is_some(),
        "{:?}",
        summary(&e)
    );
}

#[test]
fn common_words_with_a_capital_are_no_names() {
    let text = "Long de 970 kilomètres, le tracé suit la vallée. Il parle de l'Organisation.";
    let spans = [
        span_of(text, "Long", NerLabel::Loc),
        span_of(text, "Organisation", NerLabel::Org),
    ];
    let e = link_with(text, None, &spans);
    assert!(e.is_empty(), "{:?}", summary(&e));
}

#[test]
fn an_institution_named_by_its_place() {
    let e = link(
        "Des enseignants de l'université agraire de Samarcande sont venus.",
        None,
    );
    let u = named(&e, "université agraire de Samarcande");
    assert_eq!(u.map(|u| u.kind.as_str()), Some("ORG"), "{:?}", summary(&e));
}

#[test]
fn a_later_stage_adds_a_local_person_with_every_free_mention() {
    let mut d = doc(
        "Gulnar Tokhtarova a défilé à Almaty. Selon Tokhtarova, la police se tait. Gulnar Tokhtarova attend.",
        None,
    );
    let at = d.body.find("Almaty").unwrap_or(0);
    // an entity the link stage gave, and one that holds the last full name
    let last = d.body.rfind("Gulnar").unwrap_or(0);
    d.entities = vec![
        Entity {
            id: Some("Q35493".to_string()),
            name: "Almaty".to_string(),
            kind: "LOC".to_string(),
            country: Some("KAZ".to_string()),
            mentions: vec![chronicle_model::Mention {
                text: "Almaty".to_string(),
                start: at,
                end: at + "Almaty".len(),
            }],
        },
        Entity {
            id: None,
            name: "Gulnar".to_string(),
            kind: "MISC".to_string(),
            country: None,
            mentions: vec![chronicle_model::Mention {
                text: "Gulnar".to_string(),
                start: last,
                end: last + "Gulnar".len(),
            }],
        },
    ];
    let before = d.entities.clone();
    let k = crate::add_local_person(&mut d, "Gulnar Tokhtarova", Some("KAZ"));
    assert_eq!(k, Some(2), "{:?}", d.entities);
    assert_eq!(d.entities.get(..2), Some(before.as_slice()));
    let e = &d.entities[2];
    assert_eq!(e.country.as_deref(), Some("KAZ"));
    assert_eq!((e.kind.as_str(), e.id.as_deref()), ("PER", None));
    let texts: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
    // where another entity holds part of the full name, neither it nor its
    // surname is hers
    assert_eq!(texts, ["Gulnar Tokhtarova", "Tokhtarova"]);
    for m in &e.mentions {
        assert_eq!(d.body.get(m.start..m.end), Some(m.text.as_str()));
    }
    // asked again, the same entity
    assert_eq!(
        crate::add_local_person(&mut d, "Gulnar Tokhtarova", None),
        Some(2)
    );
    assert_eq!(d.entities.len(), 3);
    // a name the body never writes gives nothing
    assert_eq!(crate::add_local_person(&mut d, "Aset Nurlan", None), None);
    assert_eq!(d.entities.len(), 3);
}

#[test]
fn a_local_person_takes_no_mention_another_entity_holds() {
    let mut d = doc("Le ministre Orlan Vesk a parlé. Vesk a conclu.", None);
    linker().link(&mut d, &[]);
    let n = d.entities.len();
    let k = crate::add_local_person(&mut d, "Orlan Vesk", None);
    if d.entities.len() > n {
        // new only when the linker had not taken the name
        assert_eq!(k, Some(n));
    } else {
        assert!(k.is_none() || k.is_some_and(|k| k < n));
    }
    let mut spans: Vec<(usize, usize)> = d
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end)))
        .collect();
    spans.sort_unstable();
    assert!(
        spans.windows(2).all(|w| w[0].1 <= w[1].0),
        "{:?}",
        d.entities
    );
}

#[test]
fn a_known_surname_before_another_name_is_a_given_name() {
    // "Aziz" is the surname of a Pakistani prime minister in the base; here it
    // is the given name of someone the base does not know
    let e = link(
        "Pour l'économiste Aziz Abdyraimov, la banque doit se plier aux règles.",
        Some("2024-06-14"),
    );
    assert!(named(&e, "Shaukat Aziz").is_none(), "{:?}", summary(&e));
    // alone, the surname still names him
    let e = link(
        "Shaukat Aziz a démissionné. M. Aziz a quitté Islamabad.",
        None,
    );
    assert_eq!(mentions(&e, "Shaukat Aziz").len(), 2, "{:?}", summary(&e));
}

#[test]
fn a_people_before_a_person_is_the_persons_nationality() {
    let e = link(
        "Le Kazakh Kassym-Jomart Tokaïev et le Tadjik Emomali Rahmon ont signé. Des milliers de Kazakhs vivent en Chine.",
        Some("2025-06-19"),
    );
    assert!(named(&e, "Tajiks").is_none(), "{:?}", summary(&e));
    assert_eq!(mentions(&e, "Kazakhs"), ["Kazakhs"], "{:?}", summary(&e));
    assert!(named(&e, "Emomali Rahmon").is_some(), "{:?}", summary(&e));
}

#[test]
fn organisations_by_their_words_and_the_noun_before_them() {
    let text = "La banque kirghize Keremet Bank travaille avec la compagnie nationale Ozonneft.";
    let ner = [
        span_of(text, "Keremet Bank", NerLabel::Per),
        span_of(text, "Ozonneft", NerLabel::Per),
    ];
    let e = link_with(text, None, &ner);
    for name in ["Keremet Bank", "Ozonneft"] {
        assert_eq!(
            named(&e, name).map(|x| x.kind.as_str()),
            Some("ORG"),
            "{name}: {:?}",
            summary(&e)
        );
    }
    // a verb between the noun and the name breaks the link
    let text = "Le groupe a rencontré Ozonneft.";
    let e = link_with(text, None, &[span_of(text, "Ozonneft", NerLabel::Per)]);
    assert_eq!(
        named(&e, "Ozonneft").map(|x| x.kind.as_str()),
        Some("PER"),
        "{:?}",
        summary(&e)
    );
}

#[test]
fn a_surname_two_named_people_share_is_the_one_named_last() {
    let e = link(
        "Le président Serdar Berdimoukhamedov a été reçu à Pékin. Berdimoukhamedov a assuré que son pays soutenait le projet. Il a succédé à son père Gourbangouly Berdimoukhamedov.",
        Some("2023-01-06"),
    );
    assert_eq!(
        mentions(&e, "Serdar Berdimuhamedow"),
        ["Serdar Berdimoukhamedov", "Berdimoukhamedov"],
        "{:?}",
        summary(&e)
    );
    assert_eq!(
        mentions(&e, "Gurbanguly Berdimuhamedow"),
        ["Gourbangouly Berdimoukhamedov"],
        "{:?}",
        summary(&e)
    );
}

#[test]
fn a_namesake_body_is_the_one_of_the_country_the_text_is_about() {
    let text = "Des gardes-frontières tadjiks ont été attaqués, selon le Comité d'État pour la sécurité nationale. Le Tadjikistan dément.";
    let e = link(text, None);
    assert!(
        named(&e, "State Committee for National Security of Tajikistan").is_some(),
        "{:?}",
        summary(&e)
    );
    let text = "Le Kirghizistan a arrêté un député, a annoncé le Comité d'État pour la sécurité nationale.";
    let e = link(text, None);
    assert!(
        named(&e, "State Committee for National Security of Kyrgyzstan").is_some(),
        "{:?}",
        summary(&e)
    );
}

#[test]
fn a_person_unknown_to_the_base_takes_the_country_of_the_apposition() {
    let text = "« Rien ne change », dit Aïna Bekova, une enseignante de Karaganda dont le fils est parti en Russie. L'ambassadrice américaine auprès du Conseil, Joan Miller, a protesté.";
    let ner = [
        span_of(text, "Aïna Bekova", NerLabel::Per),
        span_of(text, "Joan Miller", NerLabel::Per),
    ];
    let e = link_with(text, None, &ner);
    let country = |name: &str| named(&e, name).and_then(|x| x.country.clone());
    assert_eq!(
        country("Aïna Bekova").as_deref(),
        Some("KAZ"),
        "{:?}",
        summary(&e)
    );
    assert_eq!(
        country("Joan Miller").as_deref(),
        Some("USA"),
        "{:?}",
        summary(&e)
    );
}

#[test]
fn a_role_word_inside_a_recognised_name_and_a_square_named_after_someone() {
    let text = "Le Ministre Wang Wentao a été reçu. La foule s'est réunie sur la place Sükhbaatar.";
    let ner = [
        span_of(text, "Ministre Wang Wentao", NerLabel::Org),
        span_of(text, "Sükhbaatar", NerLabel::Per),
    ];
    let e = link_with(text, None, &ner);
    assert_eq!(
        named(&e, "Wang Wentao").map(|x| x.kind.as_str()),
        Some("PER"),
        "{:?}",
        summary(&e)
    );
    assert_eq!(
        named(&e, "Sükhbaatar").map(|x| x.kind.as_str()),
        Some("LOC"),
        "{:?}",
        summary(&e)
    );
}

#[test]
fn an_indefinite_apposition_gives_an_unknown_name_its_type() {
    let text = "« Nous partons », explique Milena, une étudiante jointe par téléphone.";
    let e = link_with(text, None, &[span_of(text, "Milena", NerLabel::Loc)]);
    assert_eq!(named(&e, "Milena").map(|k| k.kind.as_str()), Some("PER"));
    let text = "La police a perquisitionné les locaux de Vesnik, un site d'information régional.";
    let e = link_with(text, None, &[span_of(text, "Vesnik", NerLabel::Loc)]);
    assert_eq!(named(&e, "Vesnik").map(|k| k.kind.as_str()), Some("ORG"));
}

#[test]
fn a_name_after_a_bridge_or_a_plain_is_a_place() {
    let text = "Les camions passent par le pont de Korvane depuis mars.";
    let e = link_with(text, None, &[span_of(text, "Korvane", NerLabel::Per)]);
    assert_eq!(named(&e, "Korvane").map(|k| k.kind.as_str()), Some("LOC"));
    let text = "Le blé pousse dans les plaines de Moravka et de Tolvine.";
    let spans = [
        span_of(text, "Moravka", NerLabel::Per),
        span_of(text, "Tolvine", NerLabel::Per),
    ];
    let e = link_with(text, None, &spans);
    assert_eq!(named(&e, "Tolvine").map(|k| k.kind.as_str()), Some("LOC"));
}

#[test]
fn a_role_phrase_yields_its_last_words_to_a_longer_name() {
    let e = link(
        "Le président de la République islamique d'Iran a reçu son homologue.",
        Some("2022-01-10"),
    );
    // the role is read with the whole name of the country after it
    assert_eq!(
        mentions(&e, "Ebrahim Raisi"),
        ["président de la République islamique d'Iran"],
        "{:?}",
        summary(&e)
    );
}

#[test]
fn the_president_named_by_his_seat() {
    let e = link(
        "Le maître du Kremlin a promis de répondre aux sanctions.",
        Some("2022-03-01"),
    );
    assert_eq!(
        mentions(&e, "Vladimir Putin"),
        ["maître du Kremlin"],
        "{:?}",
        summary(&e)
    );
}

#[test]
fn an_institution_headed_by_its_noun_with_a_capital_or_before_a_name() {
    let e = link(
        "Elle enseigne à l'Université technique de Lorvane depuis 2015.",
        None,
    );
    let u = named(&e, "Université technique de Lorvane");
    assert_eq!(u.map(|u| u.kind.as_str()), Some("ORG"), "{:?}", summary(&e));
    let e = link("Il dirige un institut indépendant de Lorvane.", None);
    assert!(e.is_empty(), "{:?}", summary(&e));
    let text = "Un chercheur de l'université Koruna a publié l'étude.";
    let e = link_with(
        text,
        None,
        &[span_of(text, "université Koruna", NerLabel::Loc)],
    );
    let u = named(&e, "université Koruna");
    assert_eq!(u.map(|u| u.kind.as_str()), Some("ORG"), "{:?}", summary(&e));
}

#[test]
fn a_role_phrase_yields_a_capitalised_body_after_it() {
    let e = link(
        "Il a été reçu par le président du Conseil du peuple, qui a salué la visite.",
        Some("2023-05-10"),
    );
    assert!(named(&e, "Halk Maslahaty").is_some(), "{:?}", summary(&e));
}

#[test]
fn an_organisation_named_again_without_its_kind() {
    let text = "Les autorités ont gelé les avoirs de Vardal Bank mardi. Vardal a dénoncé une décision injuste.";
    let spans = [
        span_of(text, "Vardal Bank", NerLabel::Org),
        span_of(text, "Vardal a", NerLabel::Per),
    ];
    let spans = [
        spans[0],
        NerSpan {
            end: spans[1].start + "Vardal".len(),
            ..spans[1]
        },
    ];
    let e = link_with(text, None, &spans);
    assert_eq!(
        mentions(&e, "Vardal Bank"),
        ["Vardal Bank", "Vardal"],
        "{:?}",
        summary(&e)
    );
}

#[test]
fn a_role_of_an_organisation_goes_to_its_holder_and_the_organisation_stays() {
    let e = link(
        "Le directeur général de l'AIEA est arrivé lundi à Kiev pour visiter la centrale.",
        Some("2022-04-25"),
    );
    assert_eq!(
        mentions(&e, "Rafael Grossi"),
        ["directeur général de l'AIEA"],
        "{:?}",
        summary(&e)
    );
    assert_eq!(mentions(&e, "International Atomic Energy Agency"), ["AIEA"]);
    // a phrase that names its body, the parent organisation written inside it
    for text in [
        "Le Haut-Commissaire de l'ONU aux droits de l'homme s'est dit inquiet des arrestations.",
        "Le haut-commissaire aux droits de l'homme de l'ONU s'est dit inquiet des arrestations.",
    ] {
        let e = link(text, Some("2023-05-10"));
        assert!(
            named(&e, "Volker Türk").is_some(),
            "{text}: {:?}",
            summary(&e)
        );
        assert!(
            named(&e, "United Nations").is_some(),
            "{text}: {:?}",
            summary(&e)
        );
    }
    let e = link(
        "La veille, le secrétaire général de l'OSCE avait appelé les parties au calme.",
        Some("2021-06-01"),
    );
    assert!(named(&e, "Helga Schmid").is_some(), "{:?}", summary(&e));
}

#[test]
fn spokespeople_of_the_base_link_with_their_country() {
    let e = link(
        "Le porte-parole de la diplomatie chinoise Guo Jiakun a déclaré mardi que Pékin s'opposait à toute ingérence.",
        Some("2025-03-04"),
    );
    let guo = named(&e, "Guo Jiakun");
    assert_eq!(
        guo.map(|g| (g.id.as_deref(), g.country.as_deref())),
        Some((Some("P-GUO-JIAKUN"), Some("CHN"))),
        "{:?}",
        summary(&e)
    );
    // the Kremlin in the role phrase is no part of the name a recogniser gives
    let text = "Le porte-parole du Kremlin Dmitri Peskov a démenti ces informations.";
    let e = link_with(
        text,
        Some("2022-03-02"),
        &[span_of(text, "Kremlin Dmitri Peskov", NerLabel::Per)],
    );
    assert_eq!(
        mentions(&e, "Dmitry Peskov"),
        ["Dmitri Peskov"],
        "{:?}",
        summary(&e)
    );
}

#[test]
fn the_president_of_an_organ_is_its_chair_not_the_head_of_state() {
    for text in [
        "Le président de la Douma russe a salué l'accord signé la veille.",
        "Le Président du Halk Maslahaty du Turkménistan a reçu l'ambassadeur japonais.",
        "Le président du parlement kazakh a reçu la délégation.",
    ] {
        let e = link(text, Some("2023-06-15"));
        assert!(
            e.iter().all(|x| x.kind != "PER"),
            "{text}: {:?}",
            summary(&e)
        );
    }
    // an organ the base does not know: not the president named before
    let e = link(
        "Le président kazakh est arrivé mardi. Le président du Sénat l'a accueilli à l'aéroport.",
        Some("2023-06-15"),
    );
    assert_eq!(
        mentions(&e, "Kassym-Jomart Tokayev"),
        ["président kazakh"],
        "{:?}",
        summary(&e)
    );
    // nor is the president of a party
    let e = link(
        "Le président kazakh est arrivé mardi. Le président du parti a salué sa venue.",
        Some("2023-06-15"),
    );
    assert_eq!(
        mentions(&e, "Kassym-Jomart Tokayev"),
        ["président kazakh"],
        "{:?}",
        summary(&e)
    );
    // the country's president still is
    let e = link(
        "Le président du Kazakhstan a reçu la délégation.",
        Some("2023-06-15"),
    );
    assert!(
        named(&e, "Kassym-Jomart Tokayev").is_some(),
        "{:?}",
        summary(&e)
    );
}

#[test]
fn the_second_term_of_a_dashed_name_is_no_place() {
    let text = "Le gaz transite par l'oléoduc Sibérie - Nord depuis dix ans.";
    let e = link_with(
        text,
        Some("2023-06-15"),
        &[span_of(text, "Nord", NerLabel::Loc)],
    );
    assert!(named(&e, "Nord").is_none(), "{:?}", summary(&e));
    // a place the base does not know stays one
    let text = "La route Bichkek - Kotchkor a été rouverte.";
    let e = link_with(
        text,
        Some("2023-06-15"),
        &[span_of(text, "Kotchkor", NerLabel::Loc)],
    );
    let k = named(&e, "Kotchkor");
    assert_eq!(k.map(|k| k.kind.as_str()), Some("LOC"), "{:?}", summary(&e));
    let text = "Le gaz passe par le gazoduc Asie centrale - Centre, inversé cette année.";
    let e = link_with(
        text,
        Some("2023-06-15"),
        &[span_of(text, "Centre", NerLabel::Loc)],
    );
    assert!(named(&e, "Centre").is_none(), "{:?}", summary(&e));
    assert!(
        named(&e, "Central Asia–Center gas pipeline").is_some(),
        "{:?}",
        summary(&e)
    );
}

#[test]
fn state_media_are_organisations_of_their_state() {
    let e = link(
        "Selon l'agence Chine nouvelle, le président a parlé. La télévision d'État CCTV a diffusé les images. Bruxelles a condamné la répression.",
        Some("2023-06-15"),
    );
    for (name, kind, country) in [("Xinhua", "ORG", Some("CHN")), ("CCTV", "ORG", Some("CHN"))] {
        let m = named(&e, name);
        assert_eq!(
            m.map(|m| (m.kind.as_str(), m.country.as_deref())),
            Some((kind, country)),
            "{name}: {:?}",
            summary(&e)
        );
    }
    assert!(named(&e, "China").is_none(), "{:?}", summary(&e));
    assert!(named(&e, "European Union").is_some(), "{:?}", summary(&e));
}

#[test]
fn a_university_in_lower_case_with_no_adjective_only_says_where() {
    let e = link(
        "Pour une chercheuse de l'université d'Almaty, la visite montre un changement de ton.",
        None,
    );
    assert!(named(&e, "Almaty").is_some(), "{:?}", summary(&e));
    assert!(e.iter().all(|x| x.kind != "ORG"), "{:?}", summary(&e));
}

#[test]
fn a_name_written_after_a_title_elsewhere_is_a_person_whatever_the_recogniser_says() {
    let text = "Le tribunal a condamné Rouslan Kadyrbekov à cinq ans. Selon ses avocats, M. Kadyrbekov fera appel.";
    let e = link_with(
        text,
        Some("2023-02-01"),
        &[span_of(text, "Rouslan Kadyrbekov", NerLabel::Misc)],
    );
    let p = named(&e, "Rouslan Kadyrbekov");
    assert_eq!(
        p.map(|p| (p.kind.as_str(), p.mentions.len())),
        Some(("PER", 2)),
        "{:?}",
        summary(&e)
    );
}

#[test]
fn the_presidency_of_an_organisation_is_the_state_in_the_chair() {
    let e = link(
        "Pékin a salué la présidence kazakhe de l'OCS. Selon un communiqué de la présidence kazakhe, un accord a été signé.",
        Some("2024-07-04"),
    );
    assert_eq!(
        mentions(&e, "Kazakhstan"),
        ["présidence kazakhe"],
        "{:?}",
        summary(&e)
    );
    assert_eq!(
        mentions(&e, "Presidential Administration of Kazakhstan"),
        ["présidence kazakhe"],
        "{:?}",
        summary(&e)
    );
}

#[test]
fn treaties_central_banks_and_training_grounds_are_known() {
    let e = link(
        "Cette clause figurait déjà dans la convention d'Aktaou, signée en 2018.",
        Some("2024-08-12"),
    );
    let c = named(&e, "Convention on the Legal Status of the Caspian Sea");
    assert_eq!(
        c.map(|c| c.kind.as_str()),
        Some("MISC"),
        "{:?}",
        summary(&e)
    );
    let e = link(
        "À Bichkek, la Banque nationale a indiqué que les dépôts restaient garantis.",
        Some("2024-08-12"),
    );
    let b = named(&e, "National Bank of the Kyrgyz Republic");
    assert_eq!(
        b.map(|b| (b.kind.as_str(), b.country.as_deref())),
        Some(("ORG", Some("KGZ"))),
        "{:?}",
        summary(&e)
    );
    let e = link(
        "Les blindés manœuvrent sur le polygone de Harb-Maïdon, dans le sud du Tadjikistan.",
        Some("2021-10-21"),
    );
    let p = named(&e, "Harb-Maidon training ground");
    assert_eq!(p.map(|p| p.kind.as_str()), Some("LOC"), "{:?}", summary(&e));
}

#[test]
fn the_european_union_s_offices_go_to_their_holders() {
    let e = link(
        "Le président du Conseil européen a appelé le président kazakh. Le chef de la diplomatie européenne était à Astana, et la présidente de la Commission européenne à Bruxelles.",
        Some("2023-05-10"),
    );
    for (name, said) in [
        ("Charles Michel", "président du Conseil européen"),
        ("Josep Borrell", "chef de la diplomatie européenne"),
        (
            "Ursula von der Leyen",
            "présidente de la Commission européenne",
        ),
    ] {
        assert_eq!(mentions(&e, name), [said], "{name}: {:?}", summary(&e));
    }
    assert!(named(&e, "European Council").is_some(), "{:?}", summary(&e));
    // the holder of the date
    let e = link(
        "Le haut représentant de l'UE pour les affaires étrangères a condamné l'attaque.",
        Some("2025-02-03"),
    );
    assert!(named(&e, "Kaja Kallas").is_some(), "{:?}", summary(&e));
}

#[test]
fn a_recognised_span_over_a_body_its_adjective_and_a_name_is_two_names() {
    let text = "Le président du Sénat kazakh Maoulen Achimbaïev a salué le vote.";
    let e = link_with(
        text,
        Some("2024-03-12"),
        &[span_of(
            text,
            "Sénat kazakh Maoulen Achimbaïev",
            NerLabel::Org,
        )],
    );
    let p = named(&e, "Maoulen Achimbaïev");
    assert_eq!(
        p.map(|p| (p.kind.as_str(), p.country.as_deref())),
        Some(("PER", Some("KAZ"))),
        "{:?}",
        summary(&e)
    );
    let o = named(&e, "Sénat kazakh");
    assert_eq!(o.map(|o| o.kind.as_str()), Some("ORG"), "{:?}", summary(&e));
    // the people's adjective before a name the recogniser found gives it its country
    let text = "Selon l'hydrologue ouzbek Dilchod Rakhimov, le canal menace la région.";
    let e = link_with(
        text,
        Some("2024-03-12"),
        &[span_of(text, "Dilchod Rakhimov", NerLabel::Per)],
    );
    let p = named(&e, "Dilchod Rakhimov");
    assert_eq!(
        p.and_then(|p| p.country.as_deref()),
        Some("UZB"),
        "{:?}",
        summary(&e)
    );
}

#[test]
fn a_forum_named_after_its_city_is_a_mention_of_the_city_a_pipeline_is_not() {
    let e = summary(&link(
        "Le ministre s'est exprimé au Forum économique international de Saint-Pétersbourg, \
         puis a évoqué l'oléoduc Bakou-Tbilissi-Ceyhan.",
        None,
    ));
    let names: Vec<&str> = e.iter().map(|(n, _)| n.as_str()).collect();
    assert!(
        names.contains(&"St. Petersburg International Economic Forum"),
        "{e:?}"
    );
    assert!(names.contains(&"Saint Petersburg"), "{e:?}");
    assert!(names.contains(&"Baku–Tbilisi–Ceyhan pipeline"), "{e:?}");
    assert!(!names.contains(&"Georgia"), "{e:?}");
}

#[test]
fn courts_wars_and_rivers_are_known() {
    let e = summary(&link(
        "La Cour suprême russe a rendu sa décision. Le village, sur la rivière Isfara, \
         avait été bombardé pendant la Seconde Guerre mondiale, rappelle le Front national \
         de résistance depuis Mazar-i-Charif.",
        None,
    ));
    let names: Vec<&str> = e.iter().map(|(n, _)| n.as_str()).collect();
    for want in [
        "Supreme Court of Russia",
        "Isfara River",
        "Second World War",
        "National Resistance Front of Afghanistan",
        "Mazar-i-Sharif",
    ] {
        assert!(names.contains(&want), "{want}: {e:?}");
    }
}
