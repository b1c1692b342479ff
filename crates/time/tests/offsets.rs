//! Every time expression cuts out of the text it was found in, whatever the
//! text: `&body[start..end] == text`.

use chronicle_model::Document;
use chronicle_time::{Reference, TimeTagger};

const TEXTS: &[&str] = &[
    "Le président a déclaré mardi\u{a0}soir, le 21\u{202f}août 2021, qu’il viendrait le lendemain.",
    "« Aujourd’hui », a-t-il dit — le 1er janvier — et l’été 2016, «\u{a0}la veille\u{a0}».",
    "Œuvre d’été : du 4 au 22 novembre, 19-20 novembre, 22/04, 13.5.2015, 2016-11, T3 2016.",
    "Ça s’est passé il y a deux ans, un mois et vingt-et-un jours ; dans trois semaines, ou mi-mars.",
    "ÉTÉ 2020 — ÉLECTIONS du 12 au 14 juin ; à 14h30, vers 8 h du matin, à midi.",
    "Les années 1970, le XXe siècle, la troisième semaine de 2027, début 2022, fin de l’année.",
    "",
    "-",
    "12",
    "le",
    "du 4 au",
    "mardi à",
    "Ünïcödé 𝔘 2021 ☃ le 3 mars 😀 mardi",
];

#[test]
fn every_expression_cuts_the_text() {
    let t = TimeTagger::french().expect("french");
    let r = Reference::parse("2022-01-10");
    for text in TEXTS {
        for reference in [None, r.as_ref()] {
            for f in t.find(text, reference) {
                assert_eq!(
                    text.get(f.span.start..f.span.end),
                    Some(f.text.as_str()),
                    "{text}"
                );
            }
        }
        let mut doc = Document {
            body: text.to_string(),
            ..Document::default()
        };
        t.annotate(&mut doc);
        for x in &doc.times {
            assert_eq!(
                doc.body.get(x.start..x.end),
                Some(x.text.as_str()),
                "{text}"
            );
        }
    }
}

#[test]
fn every_prefix_of_a_text_is_read_without_panic() {
    let t = TimeTagger::french().expect("french");
    let r = Reference::parse("2022-01-10");
    for text in TEXTS {
        for (i, _) in text.char_indices() {
            let part = &text[..i];
            for f in t.find(part, r.as_ref()) {
                assert_eq!(&part[f.span.start..f.span.end], f.text);
            }
        }
    }
}
