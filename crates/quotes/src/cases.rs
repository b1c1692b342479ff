//! The cases of issue 5, one test each, on invented French sentences.

use chronicle_model::{Document, Entity, Mention, Quote};

use crate::QuoteFinder;

/// The segmenter and the finder, built once for all tests.
fn tools() -> &'static (chronicle_text::Segmenter, QuoteFinder) {
    static TOOLS: std::sync::OnceLock<(chronicle_text::Segmenter, QuoteFinder)> =
        std::sync::OnceLock::new();
    TOOLS.get_or_init(|| {
        (
            chronicle_text::Segmenter::french().expect("segmenter"),
            QuoteFinder::french()
                .expect("finder")
                .with_knowledge_base(&chronicle_kb::KnowledgeBase::builtin().expect("kb")),
        )
    })
}

/// Runs the finder on `body` (tokens and sentences by `chronicle-text`).
fn find_in(body: &str, entities: Vec<Entity>) -> Vec<Quote> {
    let (seg, finder) = tools();
    let mut doc = Document {
        body: body.to_string(),
        entities,
        ..Document::default()
    };
    seg.analyse(&mut doc);
    finder.find(&mut doc);
    for q in &doc.quotes {
        assert_eq!(&doc.body[q.start..q.end], q.text, "offsets of {q:?}");
    }
    doc.quotes
}

fn find(body: &str) -> Vec<Quote> {
    find_in(body, Vec::new())
}

/// The records of kind `kind`, as (text, speaker name, cue).
fn of_kind(quotes: &[Quote], kind: &str) -> Vec<(String, String, String)> {
    quotes
        .iter()
        .filter(|q| q.kind == kind)
        .map(|q| {
            (
                q.text.clone(),
                q.speaker.as_ref().map_or(String::new(), |s| s.name.clone()),
                q.cue.clone().unwrap_or_default(),
            )
        })
        .collect()
}

fn speaker_of(quotes: &[Quote], text_start: &str) -> Option<String> {
    quotes
        .iter()
        .find(|q| q.text.starts_with(text_start))
        .and_then(|q| q.speaker.as_ref().map(|s| s.name.clone()))
}

#[test]
fn direct_quote_with_speaker_after() {
    let q = find(
        "« Nous ne céderons à aucune pression », a indiqué M. Orlan Vesk, ministre des Finances.",
    );
    assert_eq!(
        of_kind(&q, "direct"),
        vec![(
            "Nous ne céderons à aucune pression".to_string(),
            "Orlan Vesk".to_string(),
            "a indiqué".to_string()
        )]
    );
}

#[test]
fn direct_quote_in_every_kind_of_marks() {
    for body in [
        "“Le pont sera rouvert lundi”, a précisé la maire Alix Brun.",
        "\"Le pont sera rouvert lundi\", a précisé la maire Alix Brun.",
        "‹ Le pont sera rouvert lundi ›, a précisé la maire Alix Brun.",
        "«\u{a0}Le pont sera rouvert lundi\u{a0}», a précisé la maire Alix Brun.",
    ] {
        let q = find(body);
        assert_eq!(q.len(), 1, "{body}: {q:?}");
        assert_eq!(q[0].text, "Le pont sera rouvert lundi", "{body}");
        assert_eq!(q[0].kind, "direct");
        assert_eq!(
            speaker_of(&q, "Le pont").as_deref(),
            Some("Alix Brun"),
            "{body}"
        );
    }
}

#[test]
fn speaker_before_a_colon() {
    let q = find(
        "Le ministre Paul Terrin a écrit sur son compte : « Nous tiendrons. La loi sera votée. »",
    );
    let d = of_kind(&q, "direct");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].0, "Nous tiendrons. La loi sera votée.");
    assert_eq!(d[0].1, "Paul Terrin");
    assert_eq!(d[0].2, "a écrit");
}

#[test]
fn quotation_over_two_paragraphs_with_an_incise() {
    let body = "« Nous avons tenu bon, a répondu Mme Lina Sorel. Le plus dur est passé.\n\
                « Il reste à reconstruire », a-t-elle ajouté.";
    let q = find(body);
    let d = of_kind(&q, "direct");
    let texts: Vec<&str> = d.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "Nous avons tenu bon",
            "Le plus dur est passé.",
            "Il reste à reconstruire"
        ]
    );
    assert!(d.iter().all(|x| x.1 == "Lina Sorel"), "{d:?}");
}

#[test]
fn incise_inside_a_quotation_splits_it() {
    let q = find(
        "La préfète Anne Murat a été ferme. « Les fauteurs de troubles seront punis, a-t-elle prévenu, et sans délai. »",
    );
    let d = of_kind(&q, "direct");
    assert_eq!(d.len(), 2, "{d:?}");
    assert_eq!(d[0].0, "Les fauteurs de troubles seront punis");
    assert_eq!(d[1].0, "et sans délai.");
    assert!(
        d.iter().all(|x| x.1 == "Anne Murat" && x.2 == "a prévenu"),
        "{d:?}"
    );
}

#[test]
fn brackets_and_cuts_stay_in_the_text() {
    let q = find(
        "« [Le gouvernement] doit partir. […] Nous le dirons dans la rue », a lancé le syndicaliste Marc Olier.",
    );
    let d = of_kind(&q, "direct");
    assert_eq!(
        d[0].0,
        "[Le gouvernement] doit partir. […] Nous le dirons dans la rue"
    );
    assert_eq!(d[0].1, "Marc Olier");
}

#[test]
fn partial_quote_after_a_reporting_verb() {
    let q = find(
        "La présidente Ida Kern a promis de « reconstruire chaque école détruite » avant l'hiver.",
    );
    assert_eq!(
        of_kind(&q, "partial"),
        vec![(
            "reconstruire chaque école détruite".to_string(),
            "Ida Kern".to_string(),
            "a promis".to_string()
        )]
    );
}

#[test]
fn names_and_scare_quotes_are_not_quotations() {
    let q = find(
        "Le pays participe aux nouvelles « Routes du Nord », un programme géant. \
         Le plan « Horizon vert » a été voté. Le régime dénonce des « traîtres ».",
    );
    assert!(q.iter().all(|x| x.kind == "indirect"), "{q:?}");
}

#[test]
fn a_subheading_in_quotes_is_not_a_quotation() {
    let q = find("Le port a rouvert.\n« Une page se tourne »\nLes dockers ont repris le travail.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn indirect_speech_after_que() {
    let q = find("Le ministre Hugo Dalmas a déclaré mardi que les prix baisseraient en juin.");
    assert_eq!(
        of_kind(&q, "indirect"),
        vec![(
            "les prix baisseraient en juin".to_string(),
            "Hugo Dalmas".to_string(),
            "a déclaré".to_string()
        )]
    );
}

#[test]
fn indirect_speech_with_selon_and_d_apres() {
    let q = find(
        "Selon la ministre Clara Jost, la réforme entrera en vigueur en mai. \
         Le texte sera amendé, d'après le rapporteur Yves Pic.",
    );
    let i = of_kind(&q, "indirect");
    assert_eq!(i.len(), 2, "{i:?}");
    assert_eq!(i[0].0, "la réforme entrera en vigueur en mai");
    assert_eq!(i[0].1, "Clara Jost");
    assert_eq!(i[0].2, "selon");
    assert_eq!(i[1].0, "Le texte sera amendé");
    assert_eq!(i[1].1, "Yves Pic");
}

#[test]
fn indirect_speech_with_estime_que() {
    let q = find("Brennland estime que ces sanctions sont illégales.");
    let i = of_kind(&q, "indirect");
    assert_eq!(i[0].0, "ces sanctions sont illégales");
    assert_eq!(i[0].1, "Brennland");
    assert_eq!(i[0].2, "estime");
}

#[test]
fn statement_of_a_body_and_its_continuation() {
    let q = find(
        "La frontière restera fermée, indique le ministère brennois de l'Intérieur dans un communiqué. \
         « Aucune dérogation ne sera accordée », a poursuivi le communiqué.",
    );
    let i = of_kind(&q, "indirect");
    assert_eq!(i[0].0, "La frontière restera fermée");
    assert_eq!(i[0].1, "ministère brennois de l'Intérieur");
    let d = of_kind(&q, "direct");
    assert_eq!(d[0].1, "ministère brennois de l'Intérieur");
    assert_eq!(d[0].2, "a poursuivi");
}

#[test]
fn pronoun_speakers_resolve_to_the_last_fitting_speaker() {
    let q = find(
        "« Le calme revient », a affirmé Mme Nora Vial. Le général Igor Stahl a démenti. \
         « Il n'y a plus de danger », a-t-elle ajouté. Il s'est réjoui d'une « issue rapide et heureuse ».",
    );
    assert_eq!(
        speaker_of(&q, "Il n'y a plus").as_deref(),
        Some("Nora Vial")
    );
    assert_eq!(
        speaker_of(&q, "issue rapide").as_deref(),
        Some("Igor Stahl")
    );
}

#[test]
fn apposition_names_the_speaker() {
    let q = find("« Le dossier est clos », a déclaré le porte-parole, Tim Anders, à la presse.");
    assert_eq!(speaker_of(&q, "Le dossier").as_deref(), Some("Tim Anders"));
    let q =
        find("Le porte-parole du gouvernement, Tim Anders, a assuré que le dossier était clos.");
    assert_eq!(speaker_of(&q, "le dossier").as_deref(), Some("Tim Anders"));
}

#[test]
fn a_role_resolves_to_the_person_named_in_it() {
    let q = find(
        "Le président brennois Aldo Verhoef est arrivé lundi. \
         Le dirigeant brennois a promis de « rester vigilant » face aux menaces.",
    );
    assert_eq!(
        speaker_of(&q, "rester vigilant").as_deref(),
        Some("Aldo Verhoef")
    );
}

#[test]
fn a_title_gives_the_full_name_of_the_person() {
    let q = find(
        "La sénatrice Eva Morland a pris la parole. « Ce texte est dangereux », a martelé Mme Morland.",
    );
    assert_eq!(speaker_of(&q, "Ce texte").as_deref(), Some("Eva Morland"));
}

#[test]
fn a_spokesperson_of_a_body_speaks_for_it() {
    let q = find(
        "« Nous suivons la situation », a déclaré un porte-parole du ministère brennois de la Défense.",
    );
    assert_eq!(
        speaker_of(&q, "Nous suivons").as_deref(),
        Some("ministère brennois de la Défense")
    );
}

#[test]
fn reported_call_and_infinitive_complements() {
    let q = find(
        "Le maire Léo Garnier a appelé les habitants à rester chez eux. \
         Il a annoncé fermer les écoles jusqu'à lundi.",
    );
    let i = of_kind(&q, "indirect");
    assert_eq!(i[0].0, "les habitants à rester chez eux");
    assert_eq!(i[0].1, "Léo Garnier");
    assert_eq!(i[1].0, "fermer les écoles jusqu'à lundi");
    assert_eq!(i[1].1, "Léo Garnier");
}

#[test]
fn a_closing_incise_reports_the_clause_before_it() {
    let q = find("Les négociations reprendront jeudi, a ajouté le médiateur Jan Rossi.");
    let i = of_kind(&q, "indirect");
    assert_eq!(i[0].0, "Les négociations reprendront jeudi");
    assert_eq!(i[0].1, "Jan Rossi");
}

#[test]
fn participle_clause_keeps_the_speaker_of_its_sentence() {
    let q = find(
        "« Le pays est sûr », a déclaré M. Karl Dorn, ajoutant que les touristes étaient « les bienvenus cet été ».",
    );
    assert_eq!(
        speaker_of(&q, "les touristes").as_deref(),
        Some("Karl Dorn")
    );
    assert_eq!(
        speaker_of(&q, "les bienvenus").as_deref(),
        Some("Karl Dorn")
    );
}

#[test]
fn passive_reports_give_the_agent() {
    let q = find("La Brennie est accusée par plusieurs ONG de cacher des prisonniers.");
    let i = of_kind(&q, "indirect");
    assert_eq!(i.len(), 1, "{i:?}");
    assert_eq!(i[0].1, "ONG");
}

#[test]
fn restrictive_ne_que_is_not_reported_speech() {
    let q = find("Pétrovie affirme n'avoir vendu que des « véhicules civils ».");
    let i = of_kind(&q, "indirect");
    assert_eq!(i[0].0, "n'avoir vendu que des « véhicules civils »");
}

#[test]
fn dialogue_lines_opened_by_a_dash() {
    let q =
        find("Elle demanda :\n— Vous venez ce soir ?\n— Oui, répondit Paul, si la pluie cesse.");
    let d = of_kind(&q, "direct");
    let texts: Vec<&str> = d.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        texts,
        vec!["Vous venez ce soir ?", "Oui", "si la pluie cesse."]
    );
    assert_eq!(d[1].1, "Paul");
}

#[test]
fn a_speaker_covered_by_an_entity_takes_its_name_and_country() {
    let body = "« Nous voulons la paix », a déclaré le chef de l'État, Aldo Verhoef.";
    let start = body.find("Aldo").expect("name");
    let entities = vec![Entity {
        id: Some("X-1".into()),
        name: "Aldo Verhoef".into(),
        kind: "PER".into(),
        country: Some("XBR".into()),
        mentions: vec![Mention {
            text: "Aldo Verhoef".into(),
            start,
            end: start + "Aldo Verhoef".len(),
        }],
    }];
    let q = find_in(body, entities);
    let s = q[0].speaker.as_ref().expect("speaker");
    assert_eq!(s.entity, Some(0));
    assert_eq!(s.country.as_deref(), Some("XBR"));
}

#[test]
fn a_document_without_tokens_gets_no_quotes() {
    let finder = QuoteFinder::french().expect("finder");
    let mut doc = Document {
        body: "« Rien », a-t-il dit.".into(),
        ..Document::default()
    };
    finder.find(&mut doc);
    assert!(doc.quotes.is_empty());
}

#[test]
fn odd_inputs_do_not_panic() {
    for body in [
        "«",
        "»",
        "« »",
        "\"",
        "— ",
        "a-t-il",
        "« « « a » » »",
        "Selon",
        "Selon lui,",
        ", a déclaré",
        "qui a dit que",
        "« Oui », a dit",
    ] {
        let _ = find(body);
    }
}

#[test]
fn every_cut_of_an_article_keeps_offsets_and_does_not_panic() {
    let text = "« Nous resterons, a-t-il dit. Rien ne changera.\n« Jamais », a ajouté M. Pol Ardent, \
                ministre. Selon lui, la crise « est finie ». Le porte-parole, Ida Vok, a déclaré que \
                les « Routes du Sud » avanceraient.\n— Vraiment ? demanda-t-elle.\n— Oui, dit-il : \
                \"tout ira bien\". Il a appelé les élus à voter, indique le ministère dans un communiqué.";
    let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(3).collect();
    for &a in cuts.iter().take(40) {
        for &b in cuts.iter().rev().take(40) {
            if a < b {
                let _ = find(&text[a..b]);
            }
        }
    }
}

#[test]
fn the_finder_is_shared_between_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<QuoteFinder>();
}

#[test]
fn speaker_after_a_complement_with_an_agency() {
    let q = find(
        "« Nous voulons seulement savoir où ils sont », a confié auprès de l'AFP Marta Olenko, 61 ans.",
    );
    assert_eq!(
        speaker_of(&q, "Nous voulons").as_deref(),
        Some("Marta Olenko")
    );
    let q = find("« Les frontières bougent lentement », résume Paul Verdier, historien.");
    assert_eq!(
        speaker_of(&q, "Les frontières").as_deref(),
        Some("Paul Verdier")
    );
}

#[test]
fn partial_quote_after_selon_and_pour() {
    let q = find(
        "La Ligue a salué un accord qui, selon son secrétaire Ivo Marek, « change la donne ».",
    );
    assert_eq!(
        speaker_of(&q, "change la donne").as_deref(),
        Some("Ivo Marek")
    );
    let q = find("Pour Lise Armand, chercheuse à Lyon, ce plan reste « très fragile ».");
    assert_eq!(
        speaker_of(&q, "très fragile").as_deref(),
        Some("Lise Armand")
    );
}

#[test]
fn partial_quote_before_a_later_incise() {
    let q = find(
        "Le pays « rejette fermement » cette décision, a répondu jeudi le porte-parole Omar Tidjani.",
    );
    assert_eq!(of_kind(&q, "partial").len(), 1, "{q:?}");
    assert_eq!(
        speaker_of(&q, "rejette fermement").as_deref(),
        Some("Omar Tidjani")
    );
}

#[test]
fn partial_quote_after_a_verb_of_describing() {
    let q =
        find("Le ministre Rémi Lotte a imputé les troubles à des « agitateurs venus d'ailleurs ».");
    assert_eq!(speaker_of(&q, "agitateurs").as_deref(), Some("Rémi Lotte"));
    let q = find(
        "Le ministère Vardan Sako avait assuré que le dossier faisait l'objet d'un « examen attentif » avec ses voisins.",
    );
    assert_ne!(
        speaker_of(&q, "examen attentif").as_deref(),
        Some("ses voisins")
    );
}

#[test]
fn indirect_speech_in_a_relative_an_infinitive_and_two_que_clauses() {
    let q = find(
        "Il a été reçu par le maire Hugo Lenoir, qui a appelé à accélérer les travaux du pont.",
    );
    let i = of_kind(&q, "indirect");
    assert!(
        i.iter()
            .any(|x| x.0.contains("accélérer les travaux") && x.1 == "Hugo Lenoir"),
        "{i:?}"
    );
    let q = find("Les autorités locales assurent toutefois n'avoir reçu aucune plainte.");
    let i = of_kind(&q, "indirect");
    assert!(
        i.iter().any(|x| x.0.contains("avoir reçu aucune plainte")),
        "{i:?}"
    );
    let q = find(
        "Le préfet Marc Aubry a répété que la route était sûre et que les habitants pouvaient circuler.",
    );
    let i = of_kind(&q, "indirect");
    assert!(
        i.iter()
            .any(|x| x.0 == "les habitants pouvaient circuler" && x.1 == "Marc Aubry"),
        "{i:?}"
    );
}

#[test]
fn common_noun_speakers_refer_back() {
    let q = find(
        "La délégation a été reçue par la maire, Hélène Marchal, et des élus. « Nous voulons avancer », estime Hélène Marchal. Selon l'élue, la région a promis d'aider le projet.",
    );
    assert!(
        of_kind(&q, "indirect")
            .iter()
            .any(|x| x.0.starts_with("la région a promis") && x.1 == "Hélène Marchal"),
        "{q:?}"
    );
    let q = find(
        "Le Fonds mondial a publié le rapport. Attendu depuis un an, le document de 30 pages évoque de « graves manquements » dans la région. Il estime que la situation « pourrait s'aggraver ».",
    );
    assert_eq!(speaker_of(&q, "graves").as_deref(), Some("Fonds mondial"));
    assert_eq!(speaker_of(&q, "pourrait").as_deref(), Some("Fonds mondial"));
    let q = find(
        "Pour Rahima Tursun, une chercheuse installée à Lyon, le texte arrive « trop tard pour beaucoup ». « Mon oncle a disparu. Un rapport ne me le rendra pas », confie-t-elle.",
    );
    assert_eq!(
        speaker_of(&q, "Mon oncle").as_deref(),
        Some("Rahima Tursun")
    );
}

#[test]
fn a_voice_a_place_and_a_source_are_not_the_speaker() {
    let q = find(
        "L'opposition, par la voix de Paul Drouet, a demandé « plus de clarté » sur les coûts. « Je ne suis pas contre, mais il faut savoir », a-t-il déclaré.",
    );
    assert_eq!(speaker_of(&q, "plus de").as_deref(), Some("Paul Drouet"));
    assert_eq!(speaker_of(&q, "Je ne suis").as_deref(), Some("Paul Drouet"));
    let q = find(
        "Dans sa réponse, la mission valdorienne auprès de l'ONU à Vienne affirme que les camps étaient fermés.",
    );
    // the body keeps its seat in its name; the place is not the speaker
    assert_eq!(
        speaker_of(&q, "les camps").as_deref(),
        Some("mission valdorienne auprès de l'ONU à Vienne")
    );
    let q = find(
        "M. Orlan Vesk a pour sa part assuré que son pays soutenait le projet, selon la même source.",
    );
    let i = of_kind(&q, "indirect");
    assert!(i.iter().all(|x| x.1 == "Orlan Vesk"), "{i:?}");
    let q = find(
        "« Nous avançons », a déclaré M. Vesk, selon le compte rendu diffusé par la présidence. Il a aussi remercié Lyon pour son « soutien constant » sur ces questions.",
    );
    assert_eq!(speaker_of(&q, "soutien").as_deref(), Some("Vesk"));
}

#[test]
fn a_body_named_by_its_kind_is_the_last_organisation_named() {
    let body = "La Ligue balte des droits a publié lundi un rapport sur la région. \
                « Les détentions continuent », affirme l'organisation dans un communiqué.";
    let start = body.find("Ligue").expect("name");
    let name = "Ligue balte des droits";
    let league = Entity {
        id: None,
        name: name.into(),
        kind: "ORG".into(),
        country: None,
        mentions: vec![Mention {
            text: name.into(),
            start,
            end: start + name.len(),
        }],
    };
    let q = find_in(body, vec![league]);
    assert_eq!(
        speaker_of(&q, "Les détentions").as_deref(),
        Some("Ligue balte des droits")
    );
    // With no organisation named before, the phrase stays as it is.
    let q = find("« Les détentions continuent », affirme l'organisation dans un communiqué.");
    assert_ne!(
        speaker_of(&q, "Les détentions").as_deref(),
        Some("Ligue balte des droits")
    );
}

/// Runs the finder on `body` with `entities` and returns the whole document.
fn find_doc(body: &str, entities: Vec<Entity>) -> Document {
    let (seg, finder) = tools();
    let mut doc = Document {
        body: body.to_string(),
        entities,
        ..Document::default()
    };
    seg.analyse(&mut doc);
    finder.find(&mut doc);
    doc
}

fn country_of(quotes: &[Quote], text_start: &str) -> Option<String> {
    quotes
        .iter()
        .find(|q| q.text.starts_with(text_start))
        .and_then(|q| q.speaker.as_ref().and_then(|s| s.country.clone()))
}

#[test]
fn a_demonym_in_an_unnamed_speaker_gives_its_country() {
    let q = find(
        "Des responsables kazakhs ont indiqué que le poste de Khorgos resterait fermé jusqu'à lundi.",
    );
    assert_eq!(country_of(&q, "le poste"), Some("KAZ".to_string()), "{q:?}");
    assert_eq!(
        speaker_of(&q, "le poste"),
        Some("responsables kazakhs".to_string())
    );

    let q = find(
        "« Nous n'avons reçu aucune plainte », a affirmé un diplomate chinois en poste à Bichkek.",
    );
    assert_eq!(
        country_of(&q, "Nous n'avons"),
        Some("CHN".to_string()),
        "{q:?}"
    );

    let q = find(
        "Dans sa réponse, la mission chinoise auprès de l'ONU affirme que les centres de formation étaient fermés.",
    );
    assert_eq!(
        country_of(&q, "les centres"),
        Some("CHN".to_string()),
        "{q:?}"
    );

    let q = find("Les autorités ouzbèkes ont annoncé que le pont serait rouvert au printemps.");
    assert_eq!(country_of(&q, "le pont"), Some("UZB".to_string()), "{q:?}");
}

#[test]
fn a_speaker_without_a_demonym_has_no_country() {
    let q = find("« La porte reste ouverte », a affirmé un diplomate occidental.");
    assert_eq!(
        speaker_of(&q, "La porte"),
        Some("diplomate occidental".to_string())
    );
    assert_eq!(country_of(&q, "La porte"), None, "{q:?}");
}

#[test]
fn a_named_speaker_no_entity_covers_becomes_a_local_person() {
    let body = "Le cortège a traversé le centre d'Almaty. « Nous voulons seulement savoir où ils sont », a témoigné auprès de l'AFP Gulnar Tokhtarova, 54 ans. Selon Tokhtarova, la police n'a rien répondu.";
    let at = body.find("Almaty").unwrap_or(0);
    let almaty = Entity {
        id: Some("Q35493".to_string()),
        name: "Almaty".to_string(),
        kind: "LOC".to_string(),
        country: Some("KAZ".to_string()),
        mentions: vec![Mention {
            text: "Almaty".to_string(),
            start: at,
            end: at + "Almaty".len(),
        }],
    };
    let doc = find_doc(body, vec![almaty.clone()]);
    // the entities already there keep their indexes
    assert_eq!(doc.entities.first(), Some(&almaty));
    let k = doc
        .entities
        .iter()
        .position(|e| e.name == "Gulnar Tokhtarova")
        .unwrap_or_else(|| panic!("no local person: {:?}", doc.entities));
    let person = &doc.entities[k];
    assert_eq!(person.kind, "PER");
    assert_eq!(person.id, None);
    let texts: Vec<&str> = person.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["Gulnar Tokhtarova", "Tokhtarova"]);
    for m in &person.mentions {
        assert_eq!(&doc.body[m.start..m.end], m.text);
    }
    let direct = doc
        .quotes
        .iter()
        .find(|q| q.kind == "direct")
        .and_then(|q| q.speaker.clone());
    assert_eq!(
        direct.map(|s| (s.name, s.entity)),
        Some(("Gulnar Tokhtarova".to_string(), Some(k)))
    );
    for q in &doc.quotes {
        if let Some(e) = q.speaker.as_ref().and_then(|s| s.entity) {
            assert!(e < doc.entities.len(), "{q:?}");
        }
    }
}

#[test]
fn a_body_named_as_speaker_is_no_person() {
    let doc = find_doc(
        "« Les négociations avancent », a indiqué le ministère ouzbek des Transports.",
        Vec::new(),
    );
    assert!(doc.entities.is_empty(), "{:?}", doc.entities);
    assert_eq!(
        country_of(&doc.quotes, "Les négociations"),
        Some("UZB".to_string())
    );
}

fn entity(body: &str, name: &str, text: &str, kind: &str, country: &str) -> Entity {
    let mentions = body
        .match_indices(text)
        .map(|(at, t)| Mention {
            text: t.to_string(),
            start: at,
            end: at + t.len(),
        })
        .collect();
    Entity {
        id: None,
        name: name.to_string(),
        kind: kind.to_string(),
        country: Some(country.to_string()),
        mentions,
    }
}

#[test]
fn verbs_of_commenting_are_incises() {
    let q = find("« Le marché restera tendu tout l'hiver », observe Lidia Varga, économiste.");
    assert_eq!(speaker_of(&q, "Le marché").as_deref(), Some("Lidia Varga"));
    let q = find("« Rien n'est encore joué », analyse Pavel Orsik, chercheur à Riga.");
    assert_eq!(speaker_of(&q, "Rien n'est").as_deref(), Some("Pavel Orsik"));
    let q = find("« Il faut attendre les chiffres », a tempéré la ministre Ana Roussel.");
    assert_eq!(speaker_of(&q, "Il faut").as_deref(), Some("Ana Roussel"));
}

#[test]
fn time_words_and_an_addressee_stand_before_an_inverted_subject() {
    let q = find(
        "« Nous resterons vigilants », a réagi mardi soir la mission danoise auprès de l'OSCE.",
    );
    assert_eq!(
        speaker_of(&q, "Nous resterons").as_deref(),
        Some("mission danoise auprès de l'OSCE")
    );
    let q = find(
        "« La digue a cédé d'un coup », a raconté lundi matin à notre journal Ilse Brandt, une riveraine.",
    );
    assert_eq!(speaker_of(&q, "La digue").as_deref(), Some("Ilse Brandt"));
    let q = find(
        "Le porte-parole Jonas Lind a répété la semaine dernière que le traité ne serait pas renégocié.",
    );
    assert_eq!(
        speaker_of(&q, "le traité").as_deref(),
        Some("Jonas Lind"),
        "{q:?}"
    );
}

#[test]
fn a_role_with_a_complement_then_its_holder_in_apposition() {
    let body = "Le délégué Hugo Marsh a parlé le premier. « Aucune règle ne sera contournée », a affirmé la représentante suédoise auprès de l'Agence, Karin Sjö, en assurant que les inspections reprendraient.";
    let q = find(body);
    assert_eq!(
        speaker_of(&q, "Aucune règle").as_deref(),
        Some("Karin Sjö"),
        "{q:?}"
    );
    assert_eq!(
        speaker_of(&q, "les inspections").as_deref(),
        Some("Karin Sjö"),
        "{q:?}"
    );
}

#[test]
fn a_pronoun_after_selon_inside_a_sentence_is_the_subject() {
    let body = "Le maire Paul Ostrom a été réélu. La ministre Eva Lund a dénoncé jeudi des « pressions » exercées, selon elle, pour bloquer une réforme « attendue depuis longtemps ».";
    let q = find(body);
    assert_eq!(
        speaker_of(&q, "attendue depuis").as_deref(),
        Some("Eva Lund"),
        "{q:?}"
    );
}

#[test]
fn an_adjective_is_not_the_head_of_a_body() {
    let q =
        find("Le parquet général a dénoncé des « réseaux mafieux bien installés » dans le port.");
    assert_eq!(
        speaker_of(&q, "réseaux mafieux").as_deref(),
        Some("parquet général"),
        "{q:?}"
    );
}

#[test]
fn an_adjective_with_its_complement_ends_an_unnamed_speaker() {
    let q = find(
        "Selon un syndicaliste présent à la réunion, la direction envisage de fermer l'usine.",
    );
    assert_eq!(
        speaker_of(&q, "la direction").as_deref(),
        Some("syndicaliste"),
        "{q:?}"
    );
    let q =
        find("Selon des pêcheurs joints par radio, les garde-côtes auraient saisi trois bateaux.");
    assert_eq!(
        speaker_of(&q, "les garde-côtes").as_deref(),
        Some("pêcheurs")
    );
    let q = find(
        "Selon le Conseil d'Etat pour la protection civile, deux digues ont cédé dans la nuit.",
    );
    assert_eq!(
        speaker_of(&q, "deux digues").as_deref(),
        Some("Conseil d'Etat pour la protection civile"),
        "{q:?}"
    );
}

#[test]
fn a_pronoun_after_pour_x_refers_to_x() {
    let body = "Pour le géographe Tomas Rilke, interrogé par notre journal, la crue était prévisible. « Les digues datent de 1950. Personne ne les a renforcées », ajoute-t-il.";
    let q = find(body);
    assert_eq!(
        speaker_of(&q, "Les digues").as_deref(),
        Some("Tomas Rilke"),
        "{q:?}"
    );
}

#[test]
fn indirect_speech_after_an_object_a_pronoun_and_a_quoted_word() {
    let body = "Le procureur Marc Olin a parlé à la presse. Il a annoncé jeudi l'ouverture d'une enquête pour fraude.";
    let q = find(body);
    assert_eq!(
        speaker_of(&q, "l'ouverture").as_deref(),
        Some("Marc Olin"),
        "{q:?}"
    );
    let q = find(
        "Trois ponts ont été fermés dans la vallée après des crues qualifiées d'« exceptionnelles », a annoncé la préfecture.",
    );
    assert_eq!(
        speaker_of(&q, "Trois ponts").as_deref(),
        Some("préfecture"),
        "{q:?}"
    );
    // "…, a annoncé le ministère": the phrase after the verb is its subject.
    let q = find("La route sera rouverte demain, a annoncé le ministère des Transports.");
    assert_eq!(
        speaker_of(&q, "La route").as_deref(),
        Some("ministère des Transports"),
        "{q:?}"
    );
}

#[test]
fn a_participle_hangs_on_the_subject_of_its_sentence() {
    let body = "La présidente estonienne Kaja Laan a, de son côté, salué son hôte d'avoir fait le voyage, soulignant que Tallinn restait un « allié fidèle ».";
    let q = find(body);
    assert_eq!(
        speaker_of(&q, "allié fidèle").as_deref(),
        Some("Kaja Laan"),
        "{q:?}"
    );
}

#[test]
fn a_national_role_is_the_person_of_that_country() {
    let body = "Le Lituanien Gitanas Norvaiš et la Lettone Ieva Ozola ont signé l'accord. « Nous bâtissons un corridor durable », a déclaré la présidente lettone.";
    let ents = vec![
        entity(body, "Gitanas Norvaiš", "Gitanas Norvaiš", "PER", "LTU"),
        entity(body, "Ieva Ozola", "Ieva Ozola", "PER", "LVA"),
    ];
    let q = find_in(body, ents);
    assert_eq!(
        speaker_of(&q, "Nous bâtissons").as_deref(),
        Some("Ieva Ozola"),
        "{q:?}"
    );
}

#[test]
fn a_body_keeps_its_seat_in_its_name() {
    let q = find(
        "La délégation de l'Union africaine à Nairobi a exprimé sa « vive inquiétude » après le scrutin.",
    );
    assert_eq!(
        speaker_of(&q, "vive inquiétude").as_deref(),
        Some("délégation de l'Union africaine à Nairobi"),
        "{q:?}"
    );
}

#[test]
fn a_role_written_without_its_accent_is_the_same_role() {
    let body = "Il a été reçu par le chef de l'Etat moldave, Ion Sandu. Le président moldave a, pour sa part, salué son hôte d'avoir fait le voyage, soulignant que Chisinau restait un « partenaire fiable ».";
    let q = find(body);
    assert_eq!(
        speaker_of(&q, "partenaire fiable").as_deref(),
        Some("Ion Sandu"),
        "{q:?}"
    );
}

#[test]
fn an_adverbial_phrase_inside_the_verb_group() {
    let q = find(
        "Le ministère valdorien de l'Intérieur a en outre annoncé jeudi la fermeture de trois postes-frontières.",
    );
    let i = of_kind(&q, "indirect");
    assert!(
        i.iter()
            .any(|x| x.0.starts_with("la fermeture de trois") && x.2 == "a annoncé"),
        "{i:?}"
    );
}

#[test]
fn speech_after_a_verb_of_limitation() {
    let q = find(
        "Le consulat de Norvège n'a en revanche pas commenté la sentence, se contentant de rappeler le soutien d'Oslo aux médias indépendants.",
    );
    let i = of_kind(&q, "indirect");
    assert!(
        i.iter().any(|x| x.0.starts_with("le soutien d'Oslo")
            && x.1.starts_with("consulat de Norvège")),
        "{i:?}"
    );
}

#[test]
fn an_impersonal_passive_speaks_for_the_body_of_the_paragraph() {
    let q = find(
        "Lundi soir, le ministère lusitanien des Transports a reçu les syndicats. Les deux parties ont discuté des salaires. Il a été souligné que les trains circuleraient normalement.",
    );
    let i = of_kind(&q, "indirect");
    assert!(
        i.iter().any(|x| x.0.starts_with("les trains circuleraient")
            && x.1.starts_with("ministère lusitanien")),
        "{i:?}"
    );
    // No body named: no speaker.
    let q = find("Il a été souligné que les trains circuleraient normalement.");
    let i = of_kind(&q, "indirect");
    assert!(
        i.iter()
            .any(|x| x.0.starts_with("les trains") && x.1.is_empty()),
        "{i:?}"
    );
}

#[test]
fn a_part_of_a_body_named_before_speaks_for_it() {
    let body = "Le Réseau baltique des ports (RBP) a publié ses chiffres. \
                Selon l'exploitant du réseau, deux navires ont été retenus mardi au large. \
                « Les contrôles se durcissent », a déploré le bureau Nord et Baltique centrale de l'organisation.";
    let rbp = entity(
        body,
        "Réseau baltique des ports",
        "Réseau baltique des ports",
        "ORG",
        "LVA",
    );
    let rbp2 = Entity {
        mentions: rbp
            .mentions
            .iter()
            .cloned()
            .chain(body.match_indices("RBP").map(|(at, t)| Mention {
                text: t.to_string(),
                start: at,
                end: at + t.len(),
            }))
            .collect(),
        ..rbp
    };
    let q = find_in(body, vec![rbp2]);
    assert_eq!(
        speaker_of(&q, "deux navires").as_deref(),
        Some("Réseau baltique des ports")
    );
    assert_eq!(
        speaker_of(&q, "Les contrôles").as_deref(),
        Some("Réseau baltique des ports")
    );
}

#[test]
fn a_document_speaks_for_the_agent_that_published_it() {
    let body = "Le vote portait sur le rapport publié lundi par la Commission lusitanienne des droits. \
                Ce document décrivait des « détentions arbitraires et massives » dans le nord.";
    let com = entity(
        body,
        "Commission lusitanienne des droits",
        "Commission lusitanienne des droits",
        "ORG",
        "PRT",
    );
    let q = find_in(body, vec![com]);
    assert_eq!(
        speaker_of(&q, "détentions").as_deref(),
        Some("Commission lusitanienne des droits")
    );
}

#[test]
fn quoted_words_after_reprocher_a_x_et_a_y() {
    let q = find(
        "Son porte-parole, Arvid Kessel, a reproché à la Valdorie et à la Lusitanie, deux voisins proches, d'avoir « fermé les yeux » sur la répression.",
    );
    assert_eq!(
        speaker_of(&q, "fermé les yeux").as_deref(),
        Some("Arvid Kessel")
    );
}

#[test]
fn relative_clause_before_the_verb_is_no_incise() {
    let q = find(
        "La ministre valdorienne Hélène Marrast, dont le parti dirige la coalition, avait annoncé dans la soirée l'arrivée de « renforts civils » pour une « durée courte ».",
    );
    assert_eq!(
        speaker_of(&q, "renforts civils").as_deref(),
        Some("Hélène Marrast")
    );
}

#[test]
fn a_role_noun_stands_for_a_person_not_a_country() {
    let q = find(
        "Hier, la politologue valdorienne Irina Voskaya a reçu des étudiants. La Valdorie n'a pas signé le traité. Pour Irina Voskaya, ce refus était prévisible. « Nous dépendons de nos voisins pour tout », tempère la chercheuse.",
    );
    assert_eq!(
        speaker_of(&q, "Nous dépendons").as_deref(),
        Some("Irina Voskaya")
    );
}

#[test]
fn a_pronoun_incise_after_a_subject_behind_an_adverbial() {
    let q = find(
        "Jeudi, dans la cuisine de sa maison de Lyon, Marta Oresk montre une lettre. « Mon père ne répond plus depuis un an », dit-elle.",
    );
    assert_eq!(speaker_of(&q, "Mon père").as_deref(), Some("Marta Oresk"));
}

#[test]
fn a_capitalised_role_is_the_person_named_in_it() {
    let q = find(
        "Le Président du Valdor Arvid Kessel a reçu le Ministre de l'Industrie de la Sarmancie Piotr Ulan. Le Ministre a transmis les vœux du Président de la Sarmancie Oleg Brun. Le Président Arvid Kessel a remercié son hôte. « Nous sommes des partenaires fiables », a déclaré le Président.",
    );
    assert_eq!(
        speaker_of(&q, "Nous sommes").as_deref(),
        Some("Arvid Kessel")
    );
}

#[test]
fn quoted_words_in_a_que_clause_are_the_reporters() {
    let q = find(
        "Le ministre valdorien, Piotr Ulan, a estimé que la rencontre montrait « une amitié solide » entre les deux pays.",
    );
    assert_eq!(
        speaker_of(&q, "une amitié solide").as_deref(),
        Some("Piotr Ulan")
    );
}

#[test]
fn selon_names_the_speaker_of_a_clause_about_others() {
    let q = find(
        "Selon le conseiller du président, Oleg Brun, les deux hommes évoqueront « la coopération régionale » lors de leur entretien.",
    );
    assert_eq!(
        speaker_of(&q, "la coopération régionale").as_deref(),
        Some("Oleg Brun")
    );
}

#[test]
fn a_role_right_after_a_speaker_is_that_speaker() {
    let q = find(
        "« Toute attaque contre nos installations est inacceptable », a déclaré le porte-parole de la diplomatie valdorienne. Le diplomate n'a pas accusé la Sarmancie, se contentant d'appeler « les deux camps » au calme.",
    );
    assert_eq!(
        speaker_of(&q, "les deux camps"),
        speaker_of(&q, "Toute attaque")
    );
}

#[test]
fn a_body_subject_keeps_its_words_after_selon() {
    let q = find(
        "Selon Marta Oresk, le consulat valdorien lui a seulement conseillé « de rester calme et patiente ».",
    );
    assert_eq!(
        speaker_of(&q, "de rester calme").as_deref(),
        Some("consulat valdorien")
    );
}

#[test]
fn a_fronted_participle_is_not_the_speaker() {
    let q = find(
        "Marta Oresk a écrit à l'ambassade du Valdor à Paris. Interrogée mardi par notre journal, l'ambassade a rejeté des « allégations mensongères » et assuré que ces camps avaient fermé.",
    );
    let s = speaker_of(&q, "allégations mensongères");
    assert!(
        s.as_deref().is_some_and(|s| s.contains("ambassade")),
        "{s:?}"
    );
    assert_eq!(speaker_of(&q, "ces camps"), s);
}

#[test]
fn a_weak_verb_in_a_relative_clause_does_not_govern() {
    let q = find(
        "La porte-parole Irina Voskaya a remercié les délégations qui ont rejeté le texte d'avoir « tenu bon face aux pressions ».",
    );
    assert_eq!(speaker_of(&q, "tenu bon").as_deref(), Some("Irina Voskaya"));
}

#[test]
fn a_gerund_after_a_verb_with_an_object_pronoun() {
    let q = find(
        "Le Valdor n'a pas reconnu ces territoires : Arvid Kessel l'a dit devant Oleg Brun, à Minsk, en mai, en les qualifiant de « créations artificielles ».",
    );
    assert_eq!(
        speaker_of(&q, "créations artificielles").as_deref(),
        Some("Arvid Kessel")
    );
}

#[test]
fn pour_inside_quoted_words_is_the_speaker_s() {
    let q = find(
        "« Pour Minsk, le Valdor est un couloir. Pour Riga, c'est un client », analyse la chercheuse Ilse Varga. Elle estime toutefois que les deux capitales ont évité le sujet des réfugiés.",
    );
    assert_eq!(
        speaker_of(&q, "les deux capitales").as_deref(),
        Some("Ilse Varga")
    );
    assert!(q.iter().all(|x| x.cue.as_deref() != Some("pour")), "{q:?}");
}

#[test]
fn a_subject_set_off_by_a_stressed_pronoun() {
    let q = find(
        "« Je n'ai plus de nouvelles », dit Marta Oresk. Marta, elle, continue d'écrire à son père chaque semaine. « Il ne répond jamais », confie-t-elle.",
    );
    assert_eq!(
        speaker_of(&q, "Il ne répond").as_deref(),
        Some("Marta Oresk")
    );
    assert!(
        q.iter()
            .all(|x| x.speaker.as_ref().is_none_or(|s| !s.name.contains("père"))),
        "{q:?}"
    );
}

#[test]
fn adverbs_in_commas_between_auxiliary_and_participle() {
    let q = find(
        "Le ministère valdorien a dénoncé la décision. La Commission européenne a, elle aussi, regretté que le Valdor n'ait pas tenu parole.",
    );
    assert_eq!(
        speaker_of(&q, "le Valdor n'ait").as_deref(),
        Some("Commission européenne")
    );
}

#[test]
fn a_verb_after_a_name_is_not_part_of_it() {
    let q = find(
        "Le ministre valdorien de l'Energie Piotr Lanz a reçu le ministre chinois du Commerce Li Wen. Le Valdor livre chaque année à la Chine du gaz. Le ministre chinois a assuré que la Chine était prête à acheter davantage.",
    );
    let s = speaker_of(&q, "la Chine était");
    assert!(s.as_deref().is_none_or(|s| !s.contains("livre")), "{s:?}");
}

#[test]
fn selon_a_noun_phrase_before_the_subject_of_the_clause() {
    let q = find("Selon sa défense, M. Orlan Vesk aurait été frappé pendant sa garde à vue.");
    assert_eq!(speaker_of(&q, "M. Orlan Vesk").as_deref(), Some("défense"));
}

#[test]
fn people_of_an_organisation_speak_for_it() {
    let body = "Dans leur communiqué final, les membres de l'ALBA n'ont pas condamné le blocus, se bornant à appeler à une solution « par la voie du dialogue ».";
    let q = find_in(
        body,
        vec![entity(body, "Bolivarian Alliance", "ALBA", "ORG", "")],
    );
    let s = q
        .iter()
        .find(|x| x.text.starts_with("par la voie"))
        .and_then(|x| x.speaker.clone())
        .expect("speaker");
    assert_eq!(s.entity, Some(0), "{s:?}");
}

#[test]
fn words_of_time_before_an_infinitive_complement() {
    let q =
        find("Le groupe Valgaz avait annoncé la veille avoir dépassé son record d'exportations.");
    assert!(
        of_kind(&q, "indirect")
            .iter()
            .any(|(t, s, _)| t.starts_with("avoir dépassé") && s == "Valgaz"),
        "{q:?}"
    );
}

#[test]
fn an_adverb_with_an_elided_de_between_auxiliary_and_participle() {
    let q = find(
        "Le ministère valdorien de l'Industrie a d'ailleurs rappelé la semaine dernière que le pays n'était tenu par aucun embargo.",
    );
    assert!(
        speaker_of(&q, "le pays n'était").is_some_and(|s| s.contains("ministère")),
        "{q:?}"
    );
}

#[test]
fn a_relative_named_by_a_family_noun_is_the_person_who_spoke() {
    let q = find(
        "Marta Oresk montre une photo. « C'est mon père », dit-elle. Piotr Oresk, ouvrier de 60 ans, vivait à Lviv. Selon sa fille, il aurait été arrêté en mars.",
    );
    assert_eq!(
        speaker_of(&q, "il aurait été").as_deref(),
        Some("Marta Oresk")
    );
}

#[test]
fn a_relative_with_no_one_who_spoke_keeps_its_words() {
    let q = find("Selon sa sœur, il aurait été arrêté en mars.");
    assert_eq!(speaker_of(&q, "il aurait été").as_deref(), Some("sœur"));
}

#[test]
fn a_demonstrative_person_noun_stands_for_the_person_brought_in_before() {
    let q = find(
        "Marta a recueilli le récit d'un ancien soldat blessé en 2020. Cet homme, installé à Riga, affirme avoir vu les camps.",
    );
    assert_eq!(speaker_of(&q, "avoir vu").as_deref(), Some("ancien soldat"));
}

#[test]
fn an_incise_with_its_pronoun_inside_the_sentence_reports_both_sides() {
    let q = find(
        "Le ministre Orlan Vesk s'est rendu à Riga. Il en est rentré, m'a-t-il raconté, avec l'impression que ses hôtes voulaient avancer.",
    );
    let ind = of_kind(&q, "indirect");
    assert!(
        ind.iter()
            .any(|(t, s, _)| t.starts_with("avec l'impression") && s == "Orlan Vesk"),
        "{ind:?}"
    );
    assert!(
        ind.iter().any(|(t, _, _)| t == "Il en est rentré"),
        "{ind:?}"
    );
}

#[test]
fn an_infinitive_after_a_negation_or_an_adjective_of_stance() {
    let q = find(
        "La journaliste Irina Volk a quitté le pays. Elle dit ne plus vouloir rentrer à Lorvane.",
    );
    let i = of_kind(&q, "indirect");
    assert!(
        i.iter()
            .any(|x| x.0 == "ne plus vouloir rentrer à Lorvane" && x.1 == "Irina Volk"),
        "{i:?}"
    );
    let q = find(
        "Le ministre Paul Arnaud s'est dit prêt à rouvrir la ligne ferroviaire dès l'automne.",
    );
    let i = of_kind(&q, "indirect");
    assert!(
        i.iter().any(
            |x| x.0 == "prêt à rouvrir la ligne ferroviaire dès l'automne" && x.1 == "Paul Arnaud"
        ),
        "{i:?}"
    );
}

#[test]
fn a_request_told_by_its_noun_object() {
    let q = find("Le député Jonas Berg a demandé mardi la fermeture provisoire du port.");
    let i = of_kind(&q, "indirect");
    assert!(
        i.iter()
            .any(|x| x.0 == "la fermeture provisoire du port" && x.1 == "Jonas Berg"),
        "{i:?}"
    );
}

#[test]
fn a_source_with_a_relative_clause_after_its_acronym() {
    let q = find(
        "Près de 600 migrants ont débarqué sur l'île en une semaine, selon l'Office des migrations (OMV), qui dit les avoir hébergés « dans des conditions dignes ».",
    );
    let i = of_kind(&q, "indirect");
    assert!(
        i.iter()
            .any(|x| x.0.starts_with("Près de 600 migrants ont débarqué")
                && x.1 == "Office des migrations"),
        "{i:?}"
    );
    assert_eq!(
        speaker_of(&q, "dans des conditions").as_deref(),
        Some("Office des migrations"),
        "{q:?}"
    );
}

#[test]
fn an_object_relative_reports_no_infinitive() {
    let q = find("Le procès porte sur deux lettres, que son avocat affirme ne pas avoir lues.");
    assert!(of_kind(&q, "indirect").is_empty(), "{q:?}");
}

#[test]
fn a_call_whose_addressee_is_a_pronoun_before_the_verb() {
    let q = find(
        "Les douanes ont saisi leurs camions. Le préfet Yann Morel les accuse d'avoir « contourné l'embargo » pendant des mois.",
    );
    assert_eq!(
        speaker_of(&q, "contourné l'embargo").as_deref(),
        Some("Yann Morel"),
        "{q:?}"
    );
    let q = find(
        "La journaliste Irina Volk a quitté le pays. Elle dit ne pas savoir si elle pourra rentrer.",
    );
    let i = of_kind(&q, "indirect");
    assert!(
        i.iter()
            .any(|x| x.0 == "ne pas savoir si elle pourra rentrer" && x.1 == "Irina Volk"),
        "{i:?}"
    );
}

#[test]
fn a_quotation_after_a_colon_is_the_clause_subject_s() {
    let q = find(
        "Les loyers ont doublé en un an. Mais la sociologue Lina Park y voit surtout un signe : « Les jeunes restent parce qu'ils trouvent du travail ici. »",
    );
    assert_eq!(
        speaker_of(&q, "Les jeunes restent").as_deref(),
        Some("Lina Park"),
        "{q:?}"
    );
}

#[test]
fn a_pledge_is_reported_and_its_quoted_words_are_its_subject_s() {
    let q = find(
        "Selon un conseiller, le ministre Paul Arnaud s'est engagé à « tout tenter » pour rouvrir la ligne.",
    );
    assert_eq!(
        speaker_of(&q, "tout tenter").as_deref(),
        Some("Paul Arnaud"),
        "{q:?}"
    );
    let q = find("Le maire Hugo Lenoir s'est engagé à rouvrir l'école avant la rentrée.");
    let i = of_kind(&q, "indirect");
    assert!(
        i.iter()
            .any(|x| x.0 == "rouvrir l'école avant la rentrée" && x.1 == "Hugo Lenoir"),
        "{i:?}"
    );
}

#[test]
fn a_source_published_by_someone_is_theirs() {
    let q = find(
        "Le taux de chômage a reculé à 6 %, selon les chiffres publiés mardi par l'Office national de la statistique.",
    );
    let i = of_kind(&q, "indirect");
    assert!(
        i.iter()
            .any(|x| x.0.starts_with("Le taux de chômage a reculé")
                && x.1 == "Office national de la statistique"),
        "{i:?}"
    );
}

#[test]
fn an_indefinite_apposition_describes_the_subject_before_it() {
    let q = find(
        "Le chauffeur, un Géorgien, a affirmé avoir perdu le contrôle du camion sur le verglas.",
    );
    let i = of_kind(&q, "indirect");
    assert!(
        i.iter()
            .any(|x| x.0.starts_with("avoir perdu le contrôle") && x.1 == "chauffeur"),
        "{i:?}"
    );
}

#[test]
fn an_outlet_named_by_its_kind_is_the_last_outlet_named() {
    let body = "À Lorvane, le Matin de Valdorie, quotidien proche du Parti agrarien, salue \
                l'accord. « La paix a un prix, et il est raisonnable », écrit le journal. \
                L'hebdomadaire lorvanien Ostra Tydzien regrette le silence du gouvernement. \
                Il juge que le texte a été négocié trop vite, ajoute le journal.";
    let entities = vec![
        entity(body, "Matin de Valdorie", "Matin de Valdorie", "ORG", "VLD"),
        entity(body, "Agrarian Party", "Parti agrarien", "ORG", "VLD"),
        entity(body, "Ostra Tydzien", "Ostra Tydzien", "ORG", "VLD"),
    ];
    let q = find_in(body, entities);
    assert_eq!(
        speaker_of(&q, "La paix a un prix").as_deref(),
        Some("Matin de Valdorie")
    );
}

#[test]
fn reporting_verbs_with_a_noun_object() {
    let q = find(
        "Le ministre Orlan Vesk a promis une aide de dix millions aux éleveurs. \
         Sa collègue, Lidia Varga, a plaidé pour un retrait rapide des troupes de Valdorie. \
         La présidence a insisté sur le caractère « provisoire » de la mesure. \
         Le maire a proposé la création d'un fonds régional.",
    );
    let ind = of_kind(&q, "indirect");
    let texts: Vec<&str> = ind.iter().map(|(t, _, _)| t.as_str()).collect();
    assert!(
        texts.contains(&"une aide de dix millions aux éleveurs"),
        "{ind:?}"
    );
    assert!(
        texts.contains(&"un retrait rapide des troupes de Valdorie"),
        "{ind:?}"
    );
    assert!(
        texts.contains(&"le caractère « provisoire » de la mesure"),
        "{ind:?}"
    );
    assert!(
        texts.contains(&"la création d'un fonds régional"),
        "{ind:?}"
    );
    assert_eq!(
        speaker_of(&q, "un retrait rapide").as_deref(),
        Some("Lidia Varga")
    );
    // After a clause with its own verb, the comma opens an inverted subject.
    let q = find("La production baissera cet hiver, a annoncé la direction de l'usine.");
    assert!(
        !of_kind(&q, "indirect")
            .iter()
            .any(|(t, _, _)| t.starts_with("la direction")),
        "{q:?}"
    );
}

#[test]
fn warning_that_with_words_between() {
    let q = find(
        "Pavel Orsik avait prévenu devant les élus qu'il ne voterait aucun budget sans débat.",
    );
    assert_eq!(
        speaker_of(&q, "il ne voterait").as_deref(),
        Some("Pavel Orsik")
    );
    let q = find("Lidia Varga a plaidé pour que la commune rachète le terrain.");
    assert_eq!(
        speaker_of(&q, "que la commune")
            .or_else(|| speaker_of(&q, "la commune"))
            .as_deref(),
        Some("Lidia Varga")
    );
}

#[test]
fn a_pronoun_after_a_role_subject_is_that_person_not_a_name_read_before() {
    let q = find(
        "Arvid Kessel, le président valdorien, a reçu longuement M. Pavel Orsik avant le \
         sommet. Le président valdorien a ensuite admis des désaccords. « Rien ne nous \
         sépare vraiment », a-t-il assuré devant la presse.",
    );
    assert_eq!(
        speaker_of(&q, "Rien ne nous").as_deref(),
        Some("Arvid Kessel")
    );
}

#[test]
fn according_to_him_after_a_colon_opens_the_reported_clause() {
    let q = find(
        "« Nous signerons », a déclaré Arvid Kessel. Pour l'économiste valdorien Pavel \
         Orsik, joint à Lorvane, la crise est pourtant profonde : selon lui, une majorité \
         des éleveurs pense que la réforme arrive trop tard.",
    );
    let hit = q
        .iter()
        .find(|x| x.kind == "indirect" && x.text.starts_with("une majorité des éleveurs"));
    assert_eq!(
        hit.and_then(|x| x.speaker.as_ref().map(|s| s.name.clone()))
            .as_deref(),
        Some("Pavel Orsik"),
        "{q:?}"
    );
}

#[test]
fn periphrases_of_saying() {
    let q = find(
        "Des éleveurs joints par la radio locale font remarquer, non sans amertume, que la \
         sécheresse a doublé le prix du fourrage.",
    );
    let i = of_kind(&q, "indirect");
    assert!(
        i.iter()
            .any(|x| x.0.starts_with("la sécheresse a doublé") && x.1.contains("éleveurs")),
        "{i:?}"
    );
    let q = find("Le maire Pavel Orsik fait valoir que la digue protège tout le quartier.");
    assert_eq!(
        speaker_of(&q, "la digue protège").as_deref(),
        Some("Pavel Orsik")
    );
    // "faire valoir" before a noun asserts a right; it reports nothing.
    let q = find("Le syndicat des dockers fait valoir ses droits devant le tribunal.");
    assert!(of_kind(&q, "indirect").is_empty(), "{q:?}");
    let q = find(
        "L'hebdomadaire lorvanien Ostra Tydzien met en avant la volonté du gouvernement de \
         rouvrir la frontière.",
    );
    assert!(
        of_kind(&q, "indirect")
            .iter()
            .any(|x| x.0 == "la volonté du gouvernement de rouvrir la frontière"),
        "{q:?}"
    );
}

#[test]
fn what_a_thing_is_described_as_in_an_object_relative_clause() {
    let q = find(
        "Les deux pays ont signé mardi un accord sur le partage de l'eau, que le \
         gouvernement valdorien présente comme une percée pour toute la vallée.",
    );
    let i = of_kind(&q, "indirect");
    assert!(
        i.iter()
            .any(|x| x.0 == "une percée pour toute la vallée" && x.1.contains("gouvernement")),
        "{i:?}"
    );
    // Not a relative clause: the verb has its own object.
    let q = find("Le ministre présente comme chaque année le budget devant les élus.");
    assert!(of_kind(&q, "indirect").is_empty(), "{q:?}");
}

#[test]
fn a_pronoun_after_an_outlet_opening_the_sentence_before_is_that_outlet() {
    let body = "Le président Arvid Kessel a déclaré mardi que la coopération avançait. \
                À Lorvane, l'agence officielle Valpress met l'accent sur les routes. Elle \
                indique que les deux pays ont signé des accords sur le transport.";
    let entities = vec![
        entity(body, "Arvid Kessel", "Arvid Kessel", "PER", "VLD"),
        entity(body, "Valpress", "Valpress", "ORG", "VLD"),
    ];
    let q = find_in(body, entities);
    assert_eq!(
        speaker_of(&q, "les deux pays").as_deref(),
        Some("Valpress"),
        "{q:?}"
    );
}
