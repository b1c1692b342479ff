//! The date of an event: a time expression of its own clause, else one of
//! the clauses its sentence hangs on (not a relative or subordinate clause
//! about something else), else the publication date where the tense puts
//! the event on the day of publication (present, perfect) or near it
//! (imperfect, pluperfect, future, conditional: the month of publication).

use chronicle_model::{DateValue, Precision};

use crate::clauses::Kind;
use crate::groups::Tense;
use crate::patterns::Patterns;

/// Where a date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// A time expression of the text.
    Text,
    /// The publication date, read through the tense.
    Tense,
}

/// The date of an event whose verb ends at word `word` of clause `clause` (and of `extra`,
/// a relative clause telling when a noun's event broke out), with the tense
/// of its verb. With `window`, only a time expression inside those words
/// dates it ("après sa visite du 12 mars, il se rendra jeudi …": the visit
/// is not Thursday's).
pub(crate) fn date(
    p: &Patterns,
    clause: usize,
    extra: Option<usize>,
    word: usize,
    tense: Option<Tense>,
    window: Option<std::ops::Range<usize>>,
) -> Option<(DateValue, Origin)> {
    let doc = p.text.doc;
    let in_clauses = |cs: &[usize], strict: bool| {
        let found: Vec<_> = p
            .text
            .times
            .iter()
            .filter(|t| {
                cs.iter().any(|&c| p.words(c).contains(&t.words.start))
                    && window.as_ref().is_none_or(|w| w.contains(&t.words.start))
                    && (!strict || window.is_some() || adverbial(p, word, t.words.start))
                    // in a clause this one hangs on, not a time of a
                    // participle qualifying its object ("a dénoncé lundi les
                    // sanctions adoptées vendredi …, et a averti")
                    && (strict
                        || !cs
                            .iter()
                            .find(|&&c| p.words(c).contains(&t.words.start))
                            .and_then(|&c| p.groups.get(c))
                            .is_some_and(|gs| {
                                gs.iter().any(|g| {
                                    g.tense == Tense::Participle
                                        && g.head < t.words.start
                                        && g.head + 4 > t.words.start
                                })
                            }))
                    && !bound(p, t.words.start)
            })
            .filter_map(|t| {
                let x = doc.times.get(t.index)?;
                let value = x.value.clone()?;
                let precision = x.precision.or_else(|| Precision::of_iso(&value))?;
                Some((
                    t.words.start.abs_diff(word),
                    value,
                    precision,
                    x.text.clone(),
                    t.words.clone(),
                ))
            })
            .collect();
        let mut best = found.iter().min_by_key(|c| c.0)?;
        // a series of times for one act ("en avril 2021, puis en septembre
        // 2022, les tensions avaient dégénéré"): the act is dated with the
        // first of them
        while let Some(before) = found.iter().find(|c| {
            c.4.end <= best.4.start
                && c.4.end + 4 > best.4.start
                && (c.4.end..best.4.start).all(|k| p.lex.words.date_series.contains(p.text.low(k)))
        }) {
            best = before;
        }
        let (d, value, precision, text, _) = best.clone();
        Some((d, value, precision, text))
    };
    let extra: Vec<usize> = extra.into_iter().collect();
    // the clauses this one hangs on: the main clause before it (for a
    // dependent clause), and the reporting incises of the sentence
    let mut governing: Vec<usize> = Vec::new();
    if window.is_none() {
        let own_kind = p.clauses.get(clause).map(|c| c.kind);
        if !matches!(own_kind, Some(Kind::Main))
            && let Some(m) = (0..clause)
                .rev()
                .find(|&k| matches!(p.clauses[k].kind, Kind::Main | Kind::Resumed))
        {
            governing.push(m);
        }
        governing.extend(
            (0..p.clauses.len()).filter(|&k| k != clause && p.clauses[k].kind == Kind::Incise),
        );
    }
    // a day or month with no year in a clause told in the future or the
    // conditional ("qu'il se rendrait à Pékin le 4 février", written in
    // December) is the next one, not the last
    let ahead = |found: Option<(usize, String, Precision, String)>| {
        let (d, value, precision, words) = found?;
        let future = extra.iter().any(|&k| {
            p.finite(k)
                .is_some_and(|g| matches!(g.tense, Tense::Future | Tense::Conditional))
        });
        let year_named = words.chars().filter(char::is_ascii_digit).count() >= 4;
        let published = doc.published.as_ref().map(|x| x.value.as_str());
        let value = match (
            published,
            value.get(..4).and_then(|y| y.parse::<i32>().ok()),
        ) {
            (Some(pubd), Some(year))
                if future
                    && !year_named
                    && matches!(precision, Precision::Day | Precision::Month)
                    && value.as_str() < pubd.get(..value.len()).unwrap_or(pubd) =>
            {
                format!("{}{}", year + 1, &value[4..])
            }
            _ => value,
        };
        Some((d, value, precision, words))
    };
    let found = in_clauses(&[clause], true)
        .or_else(|| ahead(in_clauses(&extra, false)))
        .or_else(|| in_clauses(&governing, false))
        .or_else(|| {
            if window.is_none() {
                then_time(p, clause)
            } else {
                None
            }
        });
    if let Some((_, value, precision, words)) = found {
        let (value, precision) = narrow(&value, precision, tense, doc.published.as_ref());
        return Some((
            DateValue {
                value,
                precision,
                text: Some(words),
            },
            Origin::Text,
        ));
    }
    let published = doc.published.as_ref()?;
    let tense = tense?;
    let (value, precision) = match tense {
        Tense::Present | Tense::Perfect | Tense::SimplePast => {
            day(&published.value, published.precision)
        }
        Tense::Imperfect | Tense::Future | Tense::Conditional => {
            month(&published.value, published.precision)
        }
        // before some time the text gave: no telling when
        Tense::Pluperfect => return None,
        Tense::Infinitive | Tense::Gerund | Tense::Participle => return None,
    };
    Some((
        DateValue {
            value,
            precision,
            text: None,
        },
        Origin::Tense,
    ))
}

/// The time an adverb of "at that time" in clause `clause` points back to
/// ("Bakou avait alors accusé Téhéran"): the last time expression with a
/// value in its sentence before it, else in the sentence before.
fn then_time(p: &Patterns, clause: usize) -> Option<(usize, String, Precision, String)> {
    let words = p.words(clause);
    // (not the y of "il y a", "il n'y a")
    let impersonal = |k: usize| {
        p.text.low(k) == "y"
            && k > 0
            && (p.text.low(k - 1) == "il"
                || p.text.low(k - 1) == "n'" && k > 1 && p.text.low(k - 2) == "il")
    };
    let then = words.clone().any(|k| {
        p.lex
            .words
            .then_words
            .iter()
            .any(|ph| p.text.matches(k, ph))
            && !impersonal(k)
    });
    if !then {
        return None;
    }
    let s = p
        .text
        .sentences
        .iter()
        .position(|r| r.contains(&words.start))?;
    let from = p.text.sentences[s.saturating_sub(1)].start;
    let doc = p.text.doc;
    p.text
        .times
        .iter()
        .filter(|t| t.words.start >= from && t.words.end <= words.start)
        .filter_map(|t| {
            let x = doc.times.get(t.index)?;
            let value = x.value.clone()?;
            let precision = x.precision.or_else(|| Precision::of_iso(&value))?;
            Some((0, value, precision, x.text.clone()))
        })
        .next_back()
}

/// Whether a time expression at word `time` dates the verb at word `word`:
/// before it in the clause, or right after it with only adverbs, commas
/// and clitics between ("a promis mardi", "a déclaré, lundi 10 janvier,");
/// not one inside its object ("l'a remercié pour l'envoi de soldats en mars").
fn adverbial(p: &Patterns, word: usize, time: usize) -> bool {
    if time <= word {
        // not one of an apposition before the verb ("Basile Ferrand, nommé
        // en juillet, a proposé mardi …")
        // (within the sentence: not back into the one before)
        let floor = p.clauses.first().map_or(0, |c| c.words.start);
        let opening = (floor..time)
            .rev()
            .take_while(|&k| p.text.low(k) != ",")
            .last()
            .unwrap_or(time);
        let first = p.text.low(opening);
        let known = p.lex.verb(first);
        let participle = if known.is_empty() {
            // a verb the lexicon does not know: a first-group participle
            ["é", "ée", "és", "ées"].iter().any(|e| first.ends_with(e))
        } else {
            known.iter().all(|f| {
                matches!(
                    f.form,
                    crate::conjugate::Form::Participle | crate::conjugate::Form::Gerund
                )
            })
        };
        return !(participle && opening > floor && p.text.low(opening - 1) == ",");
    }
    // the verb's named argument may come first: "a téléphoné à M. X dès
    // lundi", "n'avait pas félicité le Kazakhstan mardi"
    let named = |k: usize| p.text.covered(k).is_some() && p.text.covered(time).is_none();
    let titled = |k: usize| {
        (matches!(
            p.text.low(k),
            "à" | "au" | "aux" | "avec" | "m." | "mme" | "m" | "le" | "la" | "l'" | "les"
        ) || p.text.low(k) == "." && k > 0 && p.text.low(k - 1) == "m")
            && (k + 1..time).any(|j| p.text.covered(j).is_some())
    };
    // or a prepositional argument naming an actor: "a présenté ses
    // condoléances au peuple iranien dès le lendemain"
    let argument = (word + 1..time)
        .find(|&k| matches!(p.text.low(k), "à" | "au" | "aux" | "avec"))
        .filter(|&a| {
            time - a <= 7
                && p.text.covered(time).is_none()
                && (a..time).any(|j| p.text.covered(j).is_some())
                && (a..time).all(|j| !p.text.is_punct(j) || p.text.low(j) == ".")
        });
    // or a phrase of the occasion the time belongs to: "n'a pas critiqué
    // X lors de sa rencontre avec Y en juillet"
    let occasion = (word + 1..time).find(|&k| {
        p.lex
            .words
            .concurrent_preps
            .iter()
            .any(|ph| ph.first().is_some_and(|f| f != "pour") && p.text.matches(k, ph))
            && time - k <= 10
            && (k..time)
                .all(|j| !p.text.is_punct(j) && !p.lex.words.relatives.contains(p.text.low(j)))
    });
    // the verb's object may come before the occasion ("n'a pas critiqué la
    // politique chinoise lors de …"), with no pause and no other verb
    let object_first = occasion.is_some_and(|o| {
        o - word <= 10
            && (word + 1..o)
                .all(|j| !p.text.is_punct(j) && !crate::groups::verb_at(p.text, p.lex, j))
    });
    (word + 1..time).all(|k| {
        let w = p.text.low(k);
        if named(k)
            || titled(k)
            || argument.is_some_and(|a| k >= a)
            || occasion.is_some_and(|o| k >= o || object_first)
        {
            return true;
        }
        // the preposition of the time itself: "a déployé en janvier 2022"
        (k + 1 == time && matches!(w, "en" | "le" | "depuis" | "dès" | "début" | "fin"))
            || matches!(w, "," | "«" | "»" | "ne" | "n'" | "pas" | "plus" | "jamais")
            || w.starts_with('-')
            || p.lex.words.group_adverbs.contains(w)
                && !p.lex.words.de_forms.contains(w)
                && !matches!(w, "le" | "la" | "les" | "l'" | "en" | "y" | "lui" | "leur")
            || (w.ends_with("ment") && w.len() > 6)
            || !p.lex.verb(w).is_empty()
                && p.lex
                    .verb(w)
                    .iter()
                    .any(|f| f.form == crate::conjugate::Form::Participle)
    })
}

/// Whether a time expression is the end of a period ("jusqu'au 19 mars"),
/// not when something happened.
fn bound(p: &Patterns, time: usize) -> bool {
    (time.saturating_sub(2)..time)
        .any(|k| matches!(p.text.low(k), "jusqu'" | "jusqu'au" | "jusqu'à"))
}

/// A date cut to its day: a publication time is not the time of the act.
fn day(value: &str, precision: Precision) -> (String, Precision) {
    match precision {
        Precision::Minute => (value.get(..10).unwrap_or(value).to_string(), Precision::Day),
        p => (value.to_string(), p),
    }
}

/// A date cut to its month, where it is finer.
fn month(value: &str, precision: Precision) -> (String, Precision) {
    match precision {
        Precision::Day | Precision::Minute => (
            value.get(..7).unwrap_or(value).to_string(),
            Precision::Month,
        ),
        p => (value.to_string(), p),
    }
}

/// A year told in the past that the publication date closes: "début 2022"
/// in an article of 10 January 2022 is January 2022, the only month between
/// the start of the year and the day of publication.
fn narrow(
    value: &str,
    precision: Precision,
    tense: Option<Tense>,
    published: Option<&chronicle_model::Published>,
) -> (String, Precision) {
    let past = matches!(
        tense,
        Some(Tense::Perfect | Tense::SimplePast | Tense::Pluperfect | Tense::Imperfect)
    );
    if let (Precision::Year, true, Some(p)) = (precision, past, published)
        && p.value.get(..4) == Some(value)
        && p.value.get(4..8) == Some("-01-")
    {
        return (format!("{value}-01"), Precision::Month);
    }
    (value.to_string(), precision)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_model::{Origin as PubOrigin, Published};

    #[test]
    fn a_year_closed_by_publication_narrows_to_its_month() {
        let p = Published {
            value: "2022-01-10".into(),
            precision: Precision::Day,
            origin: PubOrigin::Metadata,
        };
        assert_eq!(
            narrow("2022", Precision::Year, Some(Tense::Perfect), Some(&p)),
            ("2022-01".to_string(), Precision::Month)
        );
        assert_eq!(
            narrow("2022", Precision::Year, Some(Tense::Future), Some(&p)),
            ("2022".to_string(), Precision::Year)
        );
        let june = Published {
            value: "2022-06-10".into(),
            ..p
        };
        assert_eq!(
            narrow("2022", Precision::Year, Some(Tense::Perfect), Some(&june)),
            ("2022".to_string(), Precision::Year)
        );
    }

    #[test]
    fn months_cut_days() {
        assert_eq!(
            month("2022-09-14", Precision::Day),
            ("2022-09".to_string(), Precision::Month)
        );
        assert_eq!(
            month("2019-03", Precision::Month),
            ("2019-03".to_string(), Precision::Month)
        );
    }
}
