//! The built-in knowledge base: what the analysts' questions need it to know.

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Instant;

use chronicle_kb::{AliasKind, Candidate, KnowledgeBase};

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| match KnowledgeBase::builtin() {
        Ok(kb) => kb,
        Err(e) => panic!("built-in tables do not load: {e}"),
    })
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The ids of the actors a text's matches may stand for, match by match.
fn found(text: &str) -> Vec<(String, Vec<String>)> {
    kb().find(text)
        .iter()
        .map(|m| {
            let ids = m
                .candidates
                .iter()
                .filter_map(|c| c.actor().map(|a| a.id().to_string()))
                .collect();
            (m.text(text).to_string(), ids)
        })
        .collect()
}

fn reaches(text: &str, id: &str) -> bool {
    found(text)
        .iter()
        .any(|(_, ids)| ids.iter().any(|i| i == id))
}

#[test]
fn loads_fast_and_says_its_size() {
    let start = Instant::now();
    let kb = KnowledgeBase::builtin();
    let elapsed = start.elapsed();
    let kb = match kb {
        Ok(kb) => kb,
        Err(e) => panic!("{e}"),
    };
    let s = kb.stats();
    println!(
        "knowledge base: {} actors, {} names, {} patterns, {} offices, {} role phrases, built in {:.1} ms",
        s.actors,
        s.aliases,
        s.patterns,
        s.offices,
        s.role_phrases,
        elapsed.as_secs_f64() * 1000.0
    );
    for (table, rows) in &s.tables {
        println!("  {table}: {rows} rows");
    }
    assert!(s.actors > 1000 && s.offices > 400, "{s:?}");
    // a generous bound for a debug build on a shared machine; release is far under
    assert!(elapsed.as_secs_f64() < 5.0, "loading took {elapsed:?}");
}

#[test]
fn china_by_every_name() {
    for text in [
        "Pékin a protesté.",
        "Beijing said",
        "La Chine et le Kazakhstan",
        "la Chine",
    ] {
        assert!(reaches(text, "CHN"), "{text}: {:?}", found(text));
    }
    for w in ["chinois", "chinoise", "chinoises", "Chinois", "Chinese"] {
        assert_eq!(kb().demonym(w), Some("CHN"), "{w}");
        assert!(reaches(&format!("le gouvernement {w}"), "CHN"), "{w}");
    }
    let pekin: Vec<_> = kb()
        .lookup("Pékin")
        .iter()
        .map(|a| a.id().to_string())
        .collect();
    assert!(pekin.contains(&"CHN".to_string()) && pekin.contains(&"C-CHN-BEIJING".to_string()));
    assert!(kb().lookup("la Chine").iter().any(|a| a.id() == "CHN"));
    let china = kb().actor("CHN");
    assert_eq!(china.and_then(|a| a.qid()), Some("Q148"));
    assert_eq!(kb().actor("Q148").map(|a| a.id()), Some("CHN"));
    assert_eq!(china.and_then(|a| a.name_fr()), Some("Chine"));
}

#[test]
fn pekin_is_a_place_and_a_government() {
    let text = "Pékin a convoqué l'ambassadeur.";
    let m = kb().find(text);
    let kinds: Vec<_> = m[0]
        .candidates
        .iter()
        .filter_map(|c| c.actor().map(|a| (a.id().to_string(), c.kind())))
        .collect();
    assert!(
        kinds.contains(&("CHN".to_string(), AliasKind::Metonym)),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&("C-CHN-BEIJING".to_string(), AliasKind::Name)),
        "{kinds:?}"
    );
}

#[test]
fn kremlin_and_seats_of_power() {
    for (text, id) in [
        ("le Kremlin a démenti", "RUS"),
        ("selon la Maison Blanche", "USA"),
        ("l’Élysée a annoncé", "FRA"),
        ("Matignon dément", "FRA"),
        ("à Zhongnanhai", "CHN"),
        ("Astana et Moscou", "KAZ"),
        ("Nur-Sultan a répondu", "KAZ"),
    ] {
        assert!(reaches(text, id), "{text}: {:?}", found(text));
    }
}

#[test]
fn matches_only_whole_words() {
    assert!(!reaches("l'indépendance du pays", "IND"));
    assert!(reaches("l'Inde et le Pakistan", "IND"));
    assert!(reaches("l’Inde", "IND"));
    // "au" and "un" are words, not the African Union or the UN
    assert!(!reaches("au Kazakhstan, un homme", "O-AU"));
    assert!(reaches("l'UA et l'ONU", "O-AU"));
    assert!(reaches("l'UA et l'ONU", "O-UN"));
    // a proper name written with a capital is not found in a common word
    assert!(!reaches("une réunion au Bénin", "REU"));
    assert!(reaches("une réunion au Bénin", "BEN"));
    assert!(!reaches("un plat bénin", "BEN"));
}

#[test]
fn longest_match_wins() {
    let f = found("La Corée du Nord et la Corée du Sud");
    let texts: Vec<_> = f.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["Corée du Nord", "Corée du Sud"]);
    assert!(f[0].1.contains(&"PRK".to_string()));
    let f = found("l'Organisation de coopération de Shanghai");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].1, ["O-SCO"]);
}

#[test]
fn spans_are_bytes_of_the_text() {
    let text = "Le président kazakh Kassym-Jomart Tokaïev a reçu M. Xi à Astana.";
    for m in kb().find(text) {
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
    }
    let f = found(text);
    let texts: Vec<_> = f.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        [
            "président",
            "kazakh",
            "Kassym-Jomart Tokaïev",
            "Xi",
            "Astana"
        ]
    );
}

#[test]
fn tokayev_in_every_spelling() {
    for name in [
        "Tokaïev",
        "Tokayev",
        "Tokaev",
        "Kassym-Jomart Tokaïev",
        "Kassym-Jomart Tokayev",
        "Kassym Jomart Tokaev",
    ] {
        let ids: Vec<_> = kb()
            .lookup(name)
            .iter()
            .map(|a| a.id().to_string())
            .collect();
        assert_eq!(ids, ["P-KASSYM-JOMART-TOKAYEV"], "{name}");
        assert!(reaches(
            &format!("selon {name}, "),
            "P-KASSYM-JOMART-TOKAYEV"
        ));
    }
    for name in [
        "Noursoultan Nazarbaïev",
        "Nursultan Nazarbayev",
        "Nazarbaev",
    ] {
        assert!(reaches(name, "P-NURSULTAN-NAZARBAYEV"), "{name}");
    }
    for name in [
        "Mirziyoyev",
        "Mirzioïev",
        "Poutine",
        "Putin",
        "Choïgou",
        "Shoigu",
        "Lavrov",
    ] {
        assert!(!kb().lookup(name).is_empty(), "{name}");
    }
    // surnames count only capitalised: "borne" is a word, "Borne" a prime minister
    assert!(!reaches("la borne kilométrique", "P-ELISABETH-BORNE"));
    assert!(reaches("Mme Borne a dit", "P-ELISABETH-BORNE"));
}

#[test]
fn who_held_office_when() {
    let ids = |role: &str, c: &str, d: &str| -> Vec<String> {
        kb().holder(role, c, d)
            .iter()
            .map(|a| a.id().to_string())
            .collect()
    };
    assert_eq!(
        ids("head_of_state", "KAZ", "2018-06-01"),
        ["P-NURSULTAN-NAZARBAYEV"]
    );
    assert_eq!(
        ids("head_of_state", "KAZ", "2022-01-10"),
        ["P-KASSYM-JOMART-TOKAYEV"]
    );
    assert_eq!(
        ids("head_of_state", "KAZ", "2019-03-19"),
        ["P-NURSULTAN-NAZARBAYEV"]
    );
    assert_eq!(
        ids("head_of_state", "KAZ", "2019-03-20"),
        ["P-KASSYM-JOMART-TOKAYEV"]
    );
    assert_eq!(ids("head_of_state", "KAZ", "2019-03").len(), 2);
    assert_eq!(ids("foreign_minister", "CHN", "2023-03-01"), ["P-QIN-GANG"]);
    assert_eq!(ids("foreign_minister", "CHN", "2024-01-01"), ["P-WANG-YI"]);
    assert_eq!(ids("foreign_minister", "RUS", "2010"), ["P-SERGEY-LAVROV"]);
    assert_eq!(
        ids("defence_minister", "RUS", "2020-06-01"),
        ["P-SERGEY-SHOIGU"]
    );
    assert_eq!(
        ids("defence_minister", "RUS", "2024-06-01"),
        ["P-ANDREI-BELOUSOV"]
    );
    assert_eq!(
        ids("head_of_government", "KAZ", "2010-05-05"),
        ["P-KARIM-MASSIMOV"]
    );
    assert_eq!(
        ids("secretary_general", "O-UN", "2020"),
        ["P-ANTONIO-GUTERRES"]
    );
    assert!(ids("head_of_state", "KAZ", "not a date").is_empty());
    let roles = kb().roles_of("P-WANG-YI");
    assert!(
        roles
            .iter()
            .filter(|o| o.role() == "foreign_minister")
            .count()
            == 2
    );
}

#[test]
fn titles_at_a_date() {
    let t = kb().title("le président kazakh", "2018-06-01");
    let t = match t {
        Some(t) => t,
        None => panic!("no title"),
    };
    assert_eq!((t.role, t.country), ("head_of_state", Some("KAZ")));
    let ids: Vec<_> = t.holders.iter().map(|a| a.id()).collect();
    assert_eq!(ids, ["P-NURSULTAN-NAZARBAYEV"]);
    let held = |phrase: &str, date: &str| -> Vec<String> {
        kb().title(phrase, date)
            .map(|t| t.holders.iter().map(|a| a.id().to_string()).collect())
            .unwrap_or_default()
    };
    assert_eq!(
        held("le président kazakh", "2022-01-10"),
        ["P-KASSYM-JOMART-TOKAYEV"]
    );
    assert_eq!(
        held("le ministre chinois des Affaires étrangères", "2015-05-05"),
        ["P-WANG-YI"]
    );
    assert_eq!(
        held("le chef de la diplomatie russe", "2015-05-05"),
        ["P-SERGEY-LAVROV"]
    );
    assert_eq!(
        held("le président iranien", "2015-05-05"),
        ["P-HASSAN-ROUHANI"]
    );
    assert_eq!(
        held("le Premier ministre kazakh", "2023-06-01"),
        ["P-ALIKHAN-SMAILOV"]
    );
    let body = kb().title("le gouvernement chinois", "2015");
    assert!(body.is_some_and(|t| !t.names_a_person && t.country == Some("CHN")));
}

#[test]
fn acronyms_in_both_languages() {
    for (text, id) in [
        ("l'OTSC", "O-CSTO"),
        ("the CSTO", "O-CSTO"),
        ("l'OCS", "O-SCO"),
        ("the SCO", "O-SCO"),
        ("l'OTAN", "O-NATO"),
        ("la CEI", "O-CIS"),
        ("l'UE", "O-EU"),
        ("l'OSCE", "O-OSCE"),
        ("l'ASEAN", "O-ASEAN"),
        ("l'Union économique eurasiatique", "O-EAEU"),
    ] {
        assert!(reaches(text, id), "{text}: {:?}", found(text));
    }
    assert!(!reaches("les ocs", "O-SCO"));
}

#[test]
fn state_media_are_flagged() {
    for name in [
        "CCTV",
        "Xinhua",
        "TASS",
        "RIA Novosti",
        "RT",
        "Press TV",
        "Sputnik",
    ] {
        let actors = kb().lookup(name);
        assert!(
            actors.iter().any(|a| a.state_controlled()),
            "{name}: {:?}",
            actors.iter().map(|a| a.id()).collect::<Vec<_>>()
        );
    }
    assert!(kb().lookup("AFP").iter().all(|a| !a.state_controlled()));
}

#[test]
fn groups_and_demonyms() {
    assert!(reaches("les Ouïghours du Xinjiang", "G-UYGHURS"));
    assert!(reaches("la minorité ouïghoure", "G-UYGHURS"));
    assert_eq!(kb().demonym("kazakhe"), Some("KAZ"));
    assert_eq!(kb().demonym("ouzbèkes"), Some("UZB"));
    assert_eq!(kb().demonym("kirghiz"), Some("KGZ"));
    assert_eq!(kb().demonym("tadjike"), Some("TJK"));
    assert_eq!(kb().demonym("turkmènes"), Some("TKM"));
    assert_eq!(kb().demonym("américaines"), Some("USA"));
    assert_eq!(kb().demonym("ouïghour"), None);
}

#[test]
fn every_candidate_is_an_actor_or_a_role() {
    let text = "Le porte-parole de la diplomatie chinoise Wang Wenbin a critiqué l'OTAN.";
    let m = kb().find(text);
    assert!(m.iter().all(|m| !m.candidates.is_empty()));
    assert!(m.iter().any(|m| {
        m.candidates
            .iter()
            .any(|c| matches!(c, Candidate::Role(r) if r.role() == "foreign_ministry_spokesperson"))
    }));
}

#[test]
fn the_examples_actors_load() {
    let mut kb = kb().clone();
    let path = repo().join("examples/actors.tsv");
    let n = match kb.add_file(&path) {
        Ok(n) => n,
        Err(e) => panic!("{e}"),
    };
    assert!(n > 40, "{n} rows");
    let val = kb.actor("X-VAL");
    assert_eq!(val.map(|a| a.name()), Some("Valdorie"));
    assert_eq!(kb.demonym("valdoriennes"), Some("XVA"));
    let text = "Lorvane a répondu à l’OSCM ; M. Stavek et la diplomatie ostrienne ont réagi.";
    let f: Vec<_> = kb
        .find(text)
        .iter()
        .map(|m| {
            (
                m.text(text).to_string(),
                m.candidates
                    .iter()
                    .filter_map(|c| c.actor().map(|a| a.id().to_string()))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let has = |t: &str, id: &str| {
        f.iter()
            .any(|(x, ids)| x == t && ids.iter().any(|i| i == id))
    };
    assert!(has("Lorvane", "X-VAL"), "{f:?}");
    assert!(has("Lorvane", "X-C-LORVANE"), "{f:?}");
    assert!(has("l’OSCM", "X-O-OSCM"), "{f:?}");
    assert!(has("M. Stavek", "X-P-STAVEK"), "{f:?}");
    assert!(has("la diplomatie ostrienne", "X-O-MAE-OST"), "{f:?}");
    let holders: Vec<_> = kb
        .holder("head_of_state", "XVA", "2023-01-01")
        .iter()
        .map(|a| a.id().to_string())
        .collect();
    assert_eq!(holders, ["X-P-KESSEL"]);
    let holders: Vec<_> = kb
        .holder("secretary_general", "X-O-OSCM", "2023")
        .iter()
        .map(|a| a.id().to_string())
        .collect();
    assert_eq!(holders, ["X-P-AALBERG"]);
    assert_eq!(
        kb.title("le président valdorien", "2023-05-01").map(|t| t
            .holders
            .iter()
            .map(|a| a.id().to_string())
            .collect::<Vec<_>>()),
        Some(vec!["X-P-KESSEL".to_string()])
    );
}

#[test]
fn a_bad_user_row_is_reported_with_its_line_and_changes_nothing() {
    let mut kb = kb().clone();
    let before = kb.stats().actors;
    let table =
        "# my actors\nid\tname\ttype\tcountry\nX-A\tAlpha\tLOC\tXAA\nX-B\tBeta\tPLACE\tXBB\n";
    let e = kb
        .add_table("extra.tsv", table)
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        e.as_deref(),
        Some("extra.tsv:4: type \"PLACE\": must be PER, ORG, LOC or MISC")
    );
    assert_eq!(kb.stats().actors, before);
    assert!(kb.actor("X-A").is_none());
    let e = kb
        .add_table(
            "extra.tsv",
            "person\trole\tof\tfrom\nP-NOBODY\thead_of_state\tKAZ\t2020\n",
        )
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        e.as_deref(),
        Some("extra.tsv:2: person P-NOBODY is not an actor")
    );
    let e = kb
        .add_file(&repo().join("no/such/file.tsv"))
        .err()
        .map(|e| e.to_string());
    assert!(e.is_some_and(|e| e.contains("no/such/file.tsv")));
}

#[test]
fn loads_from_a_directory_as_well() {
    let dir = repo().join("data/kb");
    match KnowledgeBase::from_dir(&dir) {
        Ok(kb) => assert_eq!(kb.stats().actors, self::kb().stats().actors),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn a_phrase_that_names_its_country_itself() {
    let t = kb().title("le porte-parole du Kremlin", "2022-01-10");
    let t = match t {
        Some(t) => t,
        None => panic!("no title"),
    };
    assert_eq!(t.country, Some("RUS"));
    let ids: Vec<_> = t.holders.iter().map(|a| a.id().to_string()).collect();
    assert!(ids.iter().any(|i| i.contains("PESKOV")), "{ids:?}");
}

#[test]
fn the_west_is_a_bloc_with_a_code() {
    for text in [
        "l'Occident",
        "les Occidentaux",
        "les pays occidentaux",
        "les capitales occidentales",
        "the West",
    ] {
        assert!(reaches(text, "O-WEST"), "{text}: {:?}", found(text));
    }
    let west = kb().actor("O-WEST");
    assert_eq!(west.and_then(|a| a.kind()), Some("bloc"));
    assert_eq!(west.and_then(|a| a.note("code")), Some("WST"));
    assert_eq!(west.and_then(|a| a.country()), None);
    // an adjective is the bloc's, not a country's
    assert_eq!(kb().demonym("occidentales"), None);
    assert!(
        kb().lookup("occidentales")
            .iter()
            .any(|a| a.id() == "O-WEST")
    );
}
