//! Coverage of the offices issue 4 asks for: for each country of its list and
//! each of the four roles (head of state, head of government, foreign and
//! defence minister), plus the UN Secretary-General, the days from 2000-01-01
//! to 2026-11-23 that no term of `data/kb/offices.tsv` covers and no vacancy
//! of `data/kb/vacancies.tsv` explains (the office known to be empty then) and
//! no row of `data/kb/unsettled.tsv` marks as left open by the sources (with
//! what they say and which were consulted).
//!
//! Some spans have no such office at all (the United States has no head of
//! government); they are listed in `NO_OFFICE` with the reason and are not
//! gaps. There must be no gap: a term that ends or starts elsewhere than
//! before fails the test until the table is mended or the span is recorded,
//! with its sources, as vacant or unsettled. Run with `--nocapture` to see the
//! unsettled spans:
//!
//! ```sh
//! cargo test -p chronicle-kb --test coverage -- --nocapture
//! ```

use std::collections::BTreeMap;

use chronicle_kb::KnowledgeBase;

/// The first and last day checked.
const FIRST: &str = "2000-01-01";
const LAST: &str = "2026-11-23";

/// The countries of issue 4, by ISO 3166-1 alpha-3 code.
const COUNTRIES: &[&str] = &[
    "CHN", "RUS", "KAZ", "KGZ", "TJK", "TKM", "UZB", "USA", "TUR", "FRA", "DEU", "GBR", "IND",
    "PAK", "IRN", "UKR", "BLR", "ARM", "AZE", "MNG", "AFG",
];

const ROLES: &[&str] = &[
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
];

/// Spans where the office does not exist: (of, role, first day, last day, why).
const NO_OFFICE: &[(&str, &str, &str, &str, &str)] = &[
    (
        "USA",
        "head_of_government",
        FIRST,
        LAST,
        "presidential system: the president heads the government (head_of_state)",
    ),
    (
        "TKM",
        "head_of_government",
        FIRST,
        LAST,
        "the president chairs the Cabinet of Ministers (head_of_state)",
    ),
    (
        "AFG",
        "head_of_government",
        "2001-12-22",
        "2021-08-15",
        "Karzai chaired the interim and transitional administrations, then the 2004 \
         constitution has no prime minister: the president heads the government",
    ),
    (
        "AFG",
        "head_of_government",
        "2021-08-16",
        "2021-09-06",
        "no government between the fall of Kabul and the Taliban's cabinet of 2021-09-07",
    ),
    (
        "AFG",
        "foreign_minister",
        "2021-08-16",
        "2021-09-06",
        "no government between the fall of Kabul and the Taliban's cabinet of 2021-09-07",
    ),
    (
        "AFG",
        "defence_minister",
        "2021-08-16",
        "2021-09-06",
        "no government between the fall of Kabul and the Taliban's cabinet of 2021-09-07",
    ),
    (
        "AFG",
        "head_of_government",
        "2001-12-08",
        "2001-12-21",
        "neither government had one: Rabbani's Islamic State had had no prime minister since \
         1997-08-21 (post abolished, a.osmarks.net copy of the Wikipedia article) and the \
         Taliban's emirate ended with the surrender of Kandahar on 2001-12-07 (RFE/RL \
         2001-12-07; the Guardian 2001-12-08), before the interim administration of 2001-12-22",
    ),
    (
        "KGZ",
        "defence_minister",
        "2015-11-06",
        "2021-01-31",
        "no ministry of defence: on 2015-11-05, approving Sariev's new government, parliament \
         abolished the ministry and made it the State Committee for Defence Affairs (novator.az \
         2015-11-05; jebe.kg 2018-06-14), a member of the government beside the General Staff \
         under the president (24.kg, 2018); the ministry was re-formed from both by decree on \
         2021-02-01 (24.kg, vb.kg 2021-02-01). Later reports date the abolition to 2014, but \
         Kudaiberdiev was still minister until 2015-10-12 (vb.kg). The committee's chairmen \
         are not recorded as defence ministers (nor found)",
    ),
];

/// Days since 0000-03-01 for a proleptic Gregorian date (Hinnant's algorithm).
fn day_number(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe
}

/// The date of a day number, as `YYYY-MM-DD`.
fn iso(n: i64) -> String {
    let era = n.div_euclid(146_097);
    let doe = n - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

fn month_days(y: i64, m: i64) -> i64 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if leap(y) => 29,
        2 => 28,
        _ => 31,
    }
}

/// The first and last day a table date covers (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
fn span(date: &str) -> Option<(i64, i64)> {
    let parts: Vec<i64> = date
        .split('-')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    match parts.as_slice() {
        [y] => Some((day_number(*y, 1, 1), day_number(*y, 12, 31))),
        [y, m] => Some((
            day_number(*y, *m, 1),
            day_number(*y, *m, month_days(*y, *m)),
        )),
        [y, m, d] => Some((day_number(*y, *m, *d), day_number(*y, *m, *d))),
        _ => None,
    }
}

fn last_day(date: &str) -> i64 {
    match span(date) {
        Some((_, last)) => last,
        None => panic!("not a date: {date}"),
    }
}

fn day(date: &str) -> i64 {
    match span(date) {
        Some((first, _)) => first,
        None => panic!("not a date: {date}"),
    }
}

/// The base of the built-in tables; a table that does not load fails the test.
fn builtin() -> KnowledgeBase {
    match KnowledgeBase::builtin() {
        Ok(kb) => kb,
        Err(e) => panic!("built-in tables do not load: {e}"),
    }
}

/// The runs of days in `first..=last` that none of `covered` covers.
fn holes(mut covered: Vec<(i64, i64)>, first: i64, last: i64) -> Vec<(i64, i64)> {
    covered.sort();
    let mut out = Vec::new();
    let mut next = first;
    for (a, b) in covered {
        if a > next && next <= last {
            out.push((next, (a - 1).min(last)));
        }
        next = next.max(b.saturating_add(1));
    }
    if next <= last {
        out.push((next, last));
    }
    out
}

/// Every uncovered run, by (of, role), with the `NO_OFFICE` spans taken out.
fn gaps(kb: &KnowledgeBase) -> BTreeMap<(String, String), Vec<(i64, i64)>> {
    let (first, last) = (day(FIRST), day(LAST));
    let mut wanted: Vec<(&str, &str)> = COUNTRIES
        .iter()
        .flat_map(|c| ROLES.iter().map(move |r| (*c, *r)))
        .collect();
    wanted.push(("O-UN", "secretary_general"));
    let mut out = BTreeMap::new();
    for (of, role) in wanted {
        let mut covered: Vec<(i64, i64)> = kb
            .offices()
            .filter(|o| o.of() == Some(of) && o.role() == role)
            .map(|o| {
                let from = o.from().and_then(|f| span(&f)).map_or(i64::MIN, |s| s.0);
                let to = o.to().and_then(|t| span(&t)).map_or(i64::MAX, |s| s.1);
                (from, to)
            })
            .collect();
        covered.extend(
            kb.vacancies()
                .chain(kb.unsettled_spans())
                .filter(|v| v.of() == of && v.role() == role)
                .map(|v| (day(&v.from()), last_day(&v.to()))),
        );
        for (o, r, a, b, _) in NO_OFFICE {
            if *o == of && *r == role {
                covered.push((day(a), day(b)));
            }
        }
        let h = holes(covered, first, last);
        if !h.is_empty() {
            out.insert((of.to_string(), role.to_string()), h);
        }
    }
    out
}

#[test]
fn offices_cover_the_issue_list_since_2000() {
    let kb = builtin();
    let mut unsettled = 0;
    for u in kb.unsettled_spans() {
        let days = last_day(&u.to()) - day(&u.from()) + 1;
        unsettled += days;
        println!(
            "  unsettled\t{}\t{}\t{}\t{}\t{days} days\t{}",
            u.of(),
            u.role(),
            u.from(),
            u.to(),
            u.reason()
        );
    }
    println!("{unsettled} role-days unsettled, {FIRST} to {LAST}");
    let found = gaps(&kb);
    let lines: Vec<String> = found
        .iter()
        .flat_map(|((of, role), runs)| {
            runs.iter().map(move |(a, b)| {
                format!("{of}\t{role}\t{}\t{}\t{} days", iso(*a), iso(*b), b - a + 1)
            })
        })
        .collect();
    assert!(
        lines.is_empty(),
        "offices not covered by a term, a vacancy or an unsettled span: {lines:#?}"
    );
}

/// Asserts that the span `v` (a vacancy or an unsettled span, called `what`)
/// overlaps no term of the same office, at any precision (a term known to
/// the month covers the month), nor a span where the office does not exist.
fn assert_apart_from_terms(kb: &KnowledgeBase, what: &str, v: &chronicle_kb::Vacancy) {
    let (a, b) = (day(&v.from()), last_day(&v.to()));
    for o in kb
        .offices()
        .filter(|o| o.of() == Some(v.of()) && o.role() == v.role())
    {
        let from = o.from().and_then(|f| span(&f)).map_or(i64::MIN, |s| s.0);
        let to = o.to().and_then(|t| span(&t)).map_or(i64::MAX, |s| s.1);
        assert!(
            to < a || b < from,
            "{what} {} {} {}..{} ({}) overlaps the term of {} at {}",
            v.of(),
            v.role(),
            v.from(),
            v.to(),
            v.source(),
            o.person(),
            o.source()
        );
    }
    for (o, r, x, y, _) in NO_OFFICE {
        assert!(
            !(*o == v.of() && *r == v.role() && day(x) <= b && a <= day(y)),
            "{what} {} {} {}..{} is in a span with no such office",
            v.of(),
            v.role(),
            v.from(),
            v.to()
        );
    }
}

/// An unsettled span is where the sources leave an office open: it must not
/// overlap a term, a vacancy or a span where the office does not exist, and
/// it names the dated reports consulted.
#[test]
fn unsettled_spans_overlap_no_term_or_vacancy() {
    let kb = builtin();
    let mut n = 0;
    for u in kb.unsettled_spans() {
        n += 1;
        assert_apart_from_terms(&kb, "unsettled", u);
        let (a, b) = (day(&u.from()), last_day(&u.to()));
        for v in kb
            .vacancies()
            .filter(|v| v.of() == u.of() && v.role() == u.role())
        {
            assert!(
                last_day(&v.to()) < a || b < day(&v.from()),
                "unsettled {} {} {}..{} overlaps the vacancy at {}",
                u.of(),
                u.role(),
                u.from(),
                u.to(),
                v.source()
            );
        }
        assert!(
            kb.holder(u.role(), u.of(), &u.from()).is_empty()
                && kb.unsettled(u.role(), u.of(), &u.to()).is_some()
                && kb.vacant(u.role(), u.of(), &u.from()).is_none(),
            "{} {} {}",
            u.of(),
            u.role(),
            u.from()
        );
    }
    assert!(
        (1..=5).contains(&n),
        "{n} unsettled spans: the sources only settle more, a new one needs a review"
    );
}

/// A vacancy is a fact: the office had no holder. It must not overlap a term
/// of the same office, at any precision (a term known to the month covers the
/// month), nor a span where the office does not exist.
#[test]
fn vacancies_overlap_no_term() {
    let kb = builtin();
    let mut n = 0;
    for v in kb.vacancies() {
        n += 1;
        assert_apart_from_terms(&kb, "vacancy", v);
        assert!(
            kb.vacant(v.role(), v.of(), &v.from()).is_some()
                && kb.holder(v.role(), v.of(), &v.from()).is_empty(),
            "{} {} {}",
            v.of(),
            v.role(),
            v.from()
        );
    }
    assert!(n >= 10, "{n} vacancies");
    let china = kb.vacant("defence_minister", "CHN", "2023-11-15");
    assert!(
        china.is_some_and(|v| v.reason().contains("Li Shangfu")),
        "{china:?}"
    );
}

#[test]
fn day_arithmetic_round_trips() {
    for d in ["2000-01-01", "2000-02-29", "2021-12-31", "2026-11-23"] {
        assert_eq!(iso(day(d)), d);
    }
    assert_eq!(span("2020-02").map(|(a, b)| b - a), Some(28));
    assert_eq!(
        holes(vec![(5, 9), (12, 20)], 1, 25),
        vec![(1, 4), (10, 11), (21, 25)]
    );
}
