//! The `time` stage on short French texts: what it finds, how it reads it
//! against the publication date, and when it infers that date.

use chronicle_model::{Document, Origin, Precision, Published};
use chronicle_time::{Kind, Reference, TimeTagger};

fn tagger() -> TimeTagger {
    TimeTagger::french().expect("french")
}

/// (text, value) of every expression of `text` read against `reference`.
fn values(text: &str, reference: Option<&str>) -> Vec<(String, Option<String>)> {
    let r = reference.map(|r| Reference::parse(r).expect("reference"));
    tagger()
        .find(text, r.as_ref())
        .into_iter()
        .map(|f| (f.text, f.value))
        .collect()
}

fn value(text: &str, reference: Option<&str>, expr: &str) -> Option<String> {
    values(text, reference)
        .into_iter()
        .find(|(t, _)| t == expr)
        .unwrap_or_else(|| panic!("{expr:?} not found in {:?}", values(text, reference)))
        .1
}

#[test]
fn absolute_dates_need_no_reference() {
    assert_eq!(
        value(
            "Il est arrivé le 21 août 2021 à Moscou.",
            None,
            "21 août 2021"
        )
        .as_deref(),
        Some("2021-08-21")
    );
    assert_eq!(
        value(
            "Il s'est rendu en Birmanie en janvier 2020.",
            None,
            "janvier 2020"
        )
        .as_deref(),
        Some("2020-01")
    );
    assert_eq!(
        value(
            "Début 2022, des manifestations ont éclaté.",
            None,
            "Début 2022"
        )
        .as_deref(),
        Some("2022")
    );
    assert_eq!(
        value(
            "Le sommet s'est tenu le 1er mars 2019.",
            None,
            "1er mars 2019"
        )
        .as_deref(),
        Some("2019-03-01")
    );
}

#[test]
fn relative_expressions_stay_open_without_a_reference() {
    let text = "Il a déclaré mardi que la veille, il y a deux jours, cette semaine et aujourd'hui comptaient.";
    for (t, v) in values(text, None) {
        assert_eq!(v, None, "{t} resolved without a reference");
    }
}

#[test]
fn weekdays_follow_the_tense_of_their_verb() {
    // 2022-09-14 is a Wednesday.
    let r = Some("2022-09-14");
    let text = "Le président a déclaré mardi qu'il se rendra jeudi à Samarcande.";
    assert_eq!(value(text, r, "mardi").as_deref(), Some("2022-09-13"));
    assert_eq!(value(text, r, "jeudi").as_deref(), Some("2022-09-15"));
    let text = "Xi Jinping a affiché mercredi son soutien.";
    assert_eq!(value(text, r, "mercredi").as_deref(), Some("2022-09-14"));
    let text = "Il va participer lundi au sommet.";
    assert_eq!(value(text, r, "lundi").as_deref(), Some("2022-09-19"));
    // No verb near: the past, as news mostly reports it.
    assert_eq!(
        value("Vendredi : réunion.", r, "Vendredi").as_deref(),
        Some("2022-09-09")
    );
    assert_eq!(
        value("Les troupes sont arrivées jeudi.", r, "jeudi").as_deref(),
        Some("2022-09-08")
    );
    // "un" after a weekday is the article of what follows, not the first
    // of a month.
    let text = "L'opposition avait dénoncé dès lundi un « scrutin joué d'avance ».";
    assert_eq!(value(text, r, "lundi").as_deref(), Some("2022-09-12"));
    let text = "Le traité sera signé mardi une fois les derniers points réglés.";
    assert_eq!(value(text, r, "mardi").as_deref(), Some("2022-09-20"));
}

#[test]
fn relative_days_and_weeks_count_from_the_reference() {
    let r = Some("2022-01-10");
    let text = "Il l'a dit aujourd'hui, comme hier et avant-hier, il y a deux jours, et le redira demain, cette semaine.";
    assert_eq!(value(text, r, "aujourd'hui").as_deref(), Some("2022-01-10"));
    assert_eq!(value(text, r, "hier").as_deref(), Some("2022-01-09"));
    assert_eq!(value(text, r, "avant-hier").as_deref(), Some("2022-01-08"));
    assert_eq!(
        value(text, r, "il y a deux jours").as_deref(),
        Some("2022-01-08")
    );
    assert_eq!(value(text, r, "demain").as_deref(), Some("2022-01-11"));
    assert_eq!(value(text, r, "cette semaine").as_deref(), Some("2022-01"));
}

#[test]
fn la_veille_and_le_lendemain_count_from_the_day_last_named() {
    let r = Some("2022-01-12");
    let text = "Le ministre a parlé lundi. La veille, il avait reçu son homologue. Le lendemain, il est parti.";
    assert_eq!(value(text, r, "La veille").as_deref(), Some("2022-01-09"));
    assert_eq!(
        value(text, r, "Le lendemain").as_deref(),
        Some("2022-01-11")
    );
    // After a time that is not one day, "le lendemain" is not dated.
    let text = "Les marins ont été arrêtés mi-janvier ; onze ont été relâchés le lendemain.";
    assert_eq!(value(text, r, "le lendemain"), None);
    // "la veille de" something that is not a date: found, not dated.
    let text = "À la veille de ce déplacement, il avait promis son aide.";
    assert_eq!(value(text, r, "la veille"), None);
    // A year told in passing, or a day counted from an undated act, leaves
    // the day last named in place.
    let text = "Le comité s'est réuni mardi, au lendemain d'un vote. Son budget baisse depuis 2019 et a encore reculé l'an dernier. La veille, le président avait démissionné.";
    assert_eq!(value(text, r, "La veille").as_deref(), Some("2022-01-10"));
    let text =
        "Le comité s'est réuni mardi ; son plan 2023-2024 reste flou. Le lendemain, il a voté.";
    assert_eq!(
        value(text, r, "Le lendemain").as_deref(),
        Some("2022-01-12")
    );
    // A month still hides the day.
    let text = "Le comité s'est réuni mardi, puis en mars. Le lendemain, il a voté.";
    assert_eq!(value(text, r, "Le lendemain"), None);
}

#[test]
fn parts_of_days_and_periods() {
    let r = Some("2019-03-14");
    let text =
        "Le ministère a publié mardi soir un communiqué, avant la mi-septembre et fin janvier.";
    assert_eq!(value(text, r, "mardi soir").as_deref(), Some("2019-03-12"));
    assert_eq!(value(text, r, "mi-septembre").as_deref(), Some("2018-09"));
    assert_eq!(value(text, r, "fin janvier").as_deref(), Some("2019-01"));
    let text = "Le ministre a déclaré lundi 10 janvier que le sommet aurait lieu le 12.";
    assert_eq!(
        value(text, Some("2022-01-11"), "lundi 10 janvier").as_deref(),
        Some("2022-01-10")
    );
}

#[test]
fn a_reference_known_to_the_month_resolves_only_what_needs_no_day() {
    let r = Some("2019-03");
    let text = "Ankara a parlé en février. Le communiqué a été publié mardi.";
    assert_eq!(value(text, r, "février").as_deref(), Some("2019-02"));
    assert_eq!(value(text, r, "mardi"), None);
}

#[test]
fn ranges_and_periods() {
    let found = tagger().find("Il sera absent du 4 au 22 novembre 2016.", None);
    let f = found.first().expect("a range");
    assert_eq!(f.kind, Kind::Range);
    assert_eq!(f.text, "du 4 au 22 novembre 2016");
    assert_eq!(f.value.as_deref(), Some("2016-11"));
    assert_eq!(f.first_day.as_deref(), Some("2016-11-04"));
    assert_eq!(f.last_day.as_deref(), Some("2016-11-22"));
    let found = tagger().find(
        "Les élections auront lieu au troisième trimestre 2016.",
        None,
    );
    assert_eq!(found[0].first_day.as_deref(), Some("2016-07-01"));
    assert_eq!(found[0].last_day.as_deref(), Some("2016-09-30"));
    // A range of a few days is one occasion, valued as its first day; its
    // last day is still told.
    let found = tagger().find(
        "Le congrès s'est tenu les 3 et 4 mars 2019 à Lorvane.",
        None,
    );
    let f = found.first().expect("a range");
    assert_eq!(f.value.as_deref(), Some("2019-03-03"));
    assert_eq!(f.last_day.as_deref(), Some("2019-03-04"));
    let found = tagger().find("Le festival aura lieu du 12 au 15 juin 2026.", None);
    assert_eq!(found[0].value.as_deref(), Some("2026-06-12"));
    let found = tagger().find("Le salon aura lieu du 12 au 16 juin 2026.", None);
    assert_eq!(found[0].value.as_deref(), Some("2026-06"));
}

#[test]
fn numbers_that_are_not_dates_are_left_alone() {
    for text in [
        "Le premier prix a été remis au 27ème étage.",
        "La valeur nominale de ses 6 1/4% a baissé.",
        "6 107,31 euros ont été versés.",
        "Les trois quarts des 2000 manifestants étaient jeunes.",
        "Il a été élu, elle avait été battue.",
        "Les Jeux olympiques d'Hiver ont commencé.",
        "La planète Mars est visible.",
        "Il a fallu sept jours.",
    ] {
        let found = tagger().find(text, None);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

fn doc(body: &str) -> Document {
    Document {
        body: body.to_string(),
        language: Some("fr".into()),
        ..Document::default()
    }
}

#[test]
fn publication_date_from_a_weekday_fitting_one_named_year() {
    let t = tagger();
    let mut d =
        doc("Le ministre a déclaré lundi 10 janvier que la crise, née en 2021, était finie.");
    t.annotate(&mut d);
    // 10 January 2021 was a Sunday: no year fits.
    assert_eq!(d.published, None);
    let mut d = doc("Le ministre a déclaré lundi 10 janvier que la crise de 2022 était finie.");
    t.annotate(&mut d);
    let p = d.published.clone().expect("2022 fits");
    assert_eq!(
        (p.value.as_str(), p.precision),
        ("2022-01", Precision::Month)
    );
    // 10 January was a Monday in 2011 and in 2022: two years fit, none is chosen.
    let mut d = doc("Lundi 10 janvier, il a comparé 2011 et 2022.");
    t.annotate(&mut d);
    assert_eq!(d.published, None);
    // "ce lundi 10 janvier": the article's own day.
    let mut d = doc("Le ministre a déclaré ce lundi 10 janvier que la crise de 2022 était finie.");
    t.annotate(&mut d);
    let p = d.published.clone().expect("the day itself");
    assert_eq!(
        (p.value.as_str(), p.precision),
        ("2022-01-10", Precision::Day)
    );
}

#[test]
fn publication_date_from_inline_metadata_and_datelines() {
    let t = tagger();
    let mut d = doc("Publié le 3 mars 2020 à 10h12\nLe gouvernement a annoncé mardi des mesures.");
    t.annotate(&mut d);
    let p = d.published.clone().expect("Publié le");
    assert_eq!(p.value, "2020-03-03T10:12");
    assert_eq!(p.precision, Precision::Minute);
    assert_eq!(p.origin, Origin::Text);
    let tuesday = d.times.iter().find(|x| x.text == "mardi").expect("mardi");
    assert_eq!(tuesday.value.as_deref(), Some("2020-03-03"));
    let mut d = doc("PARIS, 10 janvier 2022 (AFP) - Le ministre a parlé vendredi.");
    t.annotate(&mut d);
    assert_eq!(
        d.published.as_ref().map(|p| p.value.as_str()),
        Some("2022-01-10")
    );
    // A date elsewhere in the text, even at its start, is not the publication date.
    for text in [
        "Le traité signé le 3 mars 2020 a été dénoncé.",
        "Le 12 janvier 2021, le texte a été voté.",
        "À Paris, le 12 janvier 2021, il a parlé.",
    ] {
        let mut d = doc(text);
        t.annotate(&mut d);
        assert_eq!(d.published, None, "{text}");
    }
}

#[test]
fn a_given_publication_date_is_kept_and_used() {
    let mut d = doc("Il a déclaré mardi que le 12 mars 2019 était loin.");
    d.published = Some(Published {
        value: "2022-09-14".into(),
        precision: Precision::Day,
        origin: Origin::Metadata,
    });
    tagger().annotate(&mut d);
    assert_eq!(
        d.published.as_ref().map(|p| p.origin),
        Some(Origin::Metadata)
    );
    assert_eq!(d.times[0].value.as_deref(), Some("2022-09-13"));
}

#[test]
fn another_language_is_left_alone() {
    let mut d = doc("He said on Tuesday, 10 January 2022.");
    d.language = Some("en".into());
    tagger().annotate(&mut d);
    assert!(d.times.is_empty() && d.published.is_none());
}

#[test]
fn durations_and_sets_are_found_but_not_recorded() {
    let text = "Il a parlé pendant deux semaines, chaque lundi.";
    let kinds: Vec<Kind> = tagger().find(text, None).iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [Kind::Duration, Kind::Set]);
    let mut d = doc(text);
    tagger().annotate(&mut d);
    assert!(d.times.is_empty());
}
