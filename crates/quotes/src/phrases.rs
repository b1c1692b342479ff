//! Noun phrases that can speak: names, role phrases, bodies, statements,
//! pronouns, read before a verb (`le ministre chinois des Affaires étrangères
//! Wang Yi a déclaré`) or after an inverted one (`a poursuivi le communiqué`),
//! with apposition (`le porte-parole, Aidos Ukibay,`).

use chronicle_kb::fold::fold;

use crate::lexicon::{Agreement, Lexicon};
use crate::verbs::group_at;
use crate::view::View;

/// A role and the words that qualify it: two phrases with the same key name
/// the same person ("le président chinois", "le dirigeant chinois").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RoleKey {
    /// The group of the role noun (`leader`, `minister`).
    pub group: String,
    /// Qualifying words, folded (`chinois`, `affaire`, `etranger`).
    pub quals: Vec<String>,
}

/// What a noun phrase names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NpKind {
    /// A subject pronoun or a pronoun-like word (`il`, `celle-ci`, `ce dernier`).
    Pronoun,
    /// A name, written at tokens `first..=last`, maybe after a role phrase.
    Name {
        /// First token of the name.
        first: usize,
        /// Last token of the name.
        last: usize,
        /// Whether a title (`M.`, `Mme`) stands before it.
        titled: bool,
        /// The role phrase before it or in apposition, if any.
        role: Option<RoleKey>,
    },
    /// A role without a name (`le président du Kazakhstan`).
    Role {
        /// Its key.
        key: RoleKey,
        /// Tokens of its `de` complement (`du ministère …`), if any.
        complement: Option<(usize, usize)>,
    },
    /// A body named by a common noun (`le ministère russe des Affaires étrangères`).
    Org {
        /// Its head noun.
        head: String,
        /// Qualifying words, folded.
        quals: Vec<String>,
    },
    /// A statement (`le communiqué`, `un communiqué de la présidence`).
    Statement {
        /// Tokens of its `de` complement (the issuer), if any.
        complement: Option<(usize, usize)>,
    },
    /// Anything else (`les experts`, `plusieurs habitants`).
    Generic,
}

/// A noun phrase at tokens `first..=last`.
#[derive(Debug, Clone)]
pub(crate) struct Np {
    /// First token (determiner included).
    pub first: usize,
    /// Last token.
    pub last: usize,
    /// What it names.
    pub kind: NpKind,
    /// Gender and number it tells.
    pub agr: Agreement,
    /// Whether its determiner is not indefinite.
    pub definite: bool,
    /// First token after the determiner.
    pub head: usize,
}

/// Folds a qualifying word so that gender and number do not matter.
pub(crate) fn fold_qual(w: &str) -> String {
    let mut s: String = w
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'à' | 'â' | 'ä' => 'a',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            _ => c,
        })
        .collect();
    for end in ["s", "e", "s"] {
        if s.chars().count() > 3 && s.ends_with(end) {
            s.pop();
        }
    }
    if s.ends_with("nn") || s.ends_with("ll") {
        s.pop();
    }
    s
}

/// Whether token `i` is a lowercase word that can sit inside a noun phrase
/// read in quotation `home` (`None`: outside quotations).
fn np_word(view: &View, lex: &Lexicon, i: usize, home: Option<usize>) -> bool {
    let Some(t) = view.toks.get(i) else {
        return false;
    };
    if view.inside.get(i).copied().flatten() != home {
        return false;
    }
    if !(t.word || (!t.punct && t.low.chars().any(|c| c.is_ascii_digit()))) {
        return false;
    }
    let w = t.low.as_str();
    !(lex.is("conj", w)
        || lex.is("sub", w)
        || lex.is("subj", w)
        || lex.is("aux", w)
        || lex.is("aux_inf", w)
        || lex.is("aux_part", w)
        || lex.is("neg", w)
        || lex.is("refl", w)
        || lex.is("inv", w)
        || (lex.is("prep", w) && !lex.is("of", w))
        || lex.is("que", w)
        || lex.is("rel", w))
}

/// The first token after the phrases fronted before a sentence's subject,
/// from token `k` (the sentence's first word), not past `end`: phrases in
/// commas that open with a word of time, a preposition or a participle that
/// takes a complement ("Mardi, dans son appartement de Lyon, Marta Oresk
/// …", "Contactée jeudi par notre rédaction, l'ambassade …"). At most three,
/// each of at most 25 tokens.
pub(crate) fn fronted_end(view: &View, lex: &Lexicon, mut k: usize, end: usize) -> usize {
    for _ in 0..3 {
        let w = view.low(k);
        let fronted = (view.is_time(lex, k) || lex.is("prep", w) || lex.is("compl_adj", w))
            && !lex.is("selon", w)
            && !lex.is("pour", w);
        if !fronted
            || matches!(
                np_starting_at(view, lex, k, end).map(|np| np.kind),
                Some(NpKind::Name { .. })
            )
        {
            break;
        }
        let Some(c) = (k + 1..end.min(k + 25))
            .take_while(|&x| view.inside.get(x).copied().flatten().is_none())
            .find(|&x| view.punct(x))
            .filter(|&x| view.is_punct(x, ","))
        else {
            break;
        };
        k = c + 1;
    }
    k
}

/// Whether token `i` is a determiner.
pub(crate) fn is_det(view: &View, lex: &Lexicon, i: usize) -> bool {
    lex.determiners.contains_key(view.low(i))
}

/// The first token of the name chain ending at token `b` (name words, with
/// particles between them), not before `lo`.
fn chain_start(view: &View, lex: &Lexicon, lo: usize, b: usize) -> Option<usize> {
    if !view.is_name_word(lex, b) {
        return None;
    }
    let mut s = b;
    while s > lo {
        let p = s - 1;
        if view.is_name_word(lex, p) {
            s = p;
        } else if p > lo
            && lex.is("particle", view.low(p))
            && view.is_name_word(lex, p - 1)
            && !view.toks.get(p).is_some_and(|t| t.cap)
        {
            s = p - 1;
        } else {
            break;
        }
    }
    Some(s)
}

/// The last token of the name chain starting at token `a`, not past `hi`
/// (exclusive).
pub(crate) fn chain_end(view: &View, lex: &Lexicon, a: usize, hi: usize) -> Option<usize> {
    if a >= hi || !view.is_name_word(lex, a) {
        return None;
    }
    let mut e = a;
    while e + 1 < hi {
        if view.is_name_word(lex, e + 1) {
            e += 1;
        } else if e + 2 < hi && lex.is("particle", view.low(e + 1)) && view.is_name_word(lex, e + 2)
        {
            e += 2;
        } else {
            break;
        }
    }
    Some(e)
}

/// The role phrase starting at token `i` (an `ex-` prefix is read as `ex`):
/// its group, agreement, length in tokens and the qualifiers it implies.
fn role_at(
    view: &View,
    lex: &Lexicon,
    i: usize,
) -> Option<(String, Agreement, usize, Vec<String>)> {
    let first = view.low(i);
    let first = first.strip_prefix("ex-").unwrap_or(first);
    // "chef de l'Etat": capitals often drop their accent. Each token is
    // folded once, and only when a role's words are not there as written.
    let mut folded: Vec<Option<String>> = Vec::new();
    let mut same = |k: usize, word: &str, folded_word: &str| {
        let low = if k == 0 { first } else { view.low(i + k) };
        if low == word {
            return true;
        }
        if folded.len() <= k {
            folded.resize(k + 1, None);
        }
        folded[k].get_or_insert_with(|| fold(low)) == folded_word
    };
    for r in &lex.roles {
        let matches = r
            .words
            .iter()
            .zip(&r.folded)
            .enumerate()
            .all(|(k, (w, f))| same(k, w, f));
        if matches && !r.words.is_empty() {
            let implied = r.implied.iter().map(|w| fold_qual(w)).collect();
            return Some((r.group.clone(), r.agreement, r.words.len(), implied));
        }
    }
    None
}

/// Folded qualifying words of tokens `a..=b` (none when `a > b`) with the
/// qualifiers a role implies, sorted: no determiners, `de`, titles or
/// punctuation.
fn quals(
    view: &View,
    lex: &Lexicon,
    a: usize,
    b: usize,
    ex: bool,
    implied: &[String],
) -> Vec<String> {
    let mut out: Vec<String> = implied.to_vec();
    if ex {
        out.push("ex".to_string());
    }
    for i in a..=b {
        let Some(t) = view.toks.get(i) else { break };
        if t.punct
            || lex.is("of", &t.low)
            || lex.determiners.contains_key(&t.low)
            || lex.titles.contains_key(&t.low)
        {
            continue;
        }
        out.push(fold_qual(&t.low));
    }
    out.sort();
    out.dedup();
    out
}

/// The `de` complement of a head at token `h` in a phrase ending at `b`:
/// the tokens after `de` and its determiner.
pub(crate) fn complement(view: &View, lex: &Lexicon, h: usize, b: usize) -> Option<(usize, usize)> {
    let mut k = h + 1;
    while k <= b && !lex.is("of", view.low(k)) {
        k += 1;
    }
    if k > b {
        return None;
    }
    let s = k + 1;
    (s <= b).then_some((s, b))
}

/// Reads tokens `a..=b` as a noun phrase.
pub(crate) fn analyse(view: &View, lex: &Lexicon, a: usize, b: usize) -> Option<Np> {
    if a > b || b >= view.len() {
        return None;
    }
    let mut i = a;
    let mut agr = Agreement::default();
    let mut definite = true;
    if let Some(d) = lex.determiners.get(view.low(i)) {
        agr = *d;
        definite = !lex.is("indef", view.low(i));
        i += 1;
    }
    if i > b {
        return None;
    }
    // "l'ancienne ministre", "la même source": the noun comes after.
    let mut former = false;
    while i < b && lex.is("prenominal", view.low(i)) && role_at(view, lex, i).is_none() {
        former |= lex.is("former", view.low(i));
        i += 1;
    }
    let np = |kind: NpKind, agr: Agreement, head: usize| Np {
        first: a,
        last: b,
        kind,
        agr,
        definite,
        head,
    };
    if i == b
        && let Some(p) = lex.pronouns.get(view.low(i))
    {
        return Some(np(NpKind::Pronoun, p.or(agr), i));
    }
    // Apposition inside the phrase: "le porte-parole, Aidos Ukibay".
    if let Some(c) = (i..b).find(|&k| view.is_punct(k, ",")) {
        if c == i {
            return None;
        }
        let nb = if view.is_punct(b, ",") { b - 1 } else { b };
        let titled = lex.titles.contains_key(view.low(c + 1));
        let cs = if titled { c + 2 } else { c + 1 };
        if let Some(e) = chain_end(view, lex, cs, nb + 1)
            && e == nb
        {
            let role = role_at(view, lex, i).map(|(g, ra, n, imp)| {
                agr = ra.or(agr);
                RoleKey {
                    group: g,
                    quals: quals(
                        view,
                        lex,
                        i + n,
                        c - 1,
                        former || view.low(i).starts_with("ex-"),
                        &imp,
                    ),
                }
            });
            return Some(np(
                NpKind::Name {
                    first: cs,
                    last: e,
                    titled,
                    role,
                },
                agr,
                i,
            ));
        }
        return analyse(view, lex, a, c - 1);
    }
    let mut titled = false;
    if let Some(t) = lex.titles.get(view.low(i))
        && i < b
        && view.is_name_word(lex, i + 1)
    {
        agr = t.or(agr);
        titled = true;
        i += 1;
    }
    if let Some(cs) = chain_start(view, lex, i, b) {
        // "l'ONG", "le Parlement" alone: a body named in short.
        if cs == i && i == b && i > a && !titled && lex.organisations.contains_key(view.low(i)) {
            let g = lex
                .organisations
                .get(view.low(i))
                .copied()
                .unwrap_or_default();
            return Some(np(
                NpKind::Org {
                    head: view.low(i).to_string(),
                    quals: Vec::new(),
                },
                agr.or(g),
                i,
            ));
        }
        if cs == i {
            if let Some(g) = lex.organisations.get(view.low(i)) {
                agr = agr.or(*g);
            }
            return Some(np(
                NpKind::Name {
                    first: cs,
                    last: b,
                    titled,
                    role: None,
                },
                agr,
                i,
            ));
        }
        let before = cs - 1;
        let in_complement = lex.is("of", view.low(before))
            || lex.is("prep", view.low(before))
            || (is_det(view, lex, before) && before > i && lex.is("of", view.low(before - 1)));
        let role = role_at(view, lex, i);
        let split = in_complement && role.is_some() && b >= cs + 2;
        if !in_complement || split {
            let first = if split { b - 1 } else { cs };
            let key = role.map(|(g, ra, n, imp)| {
                agr = ra.or(agr);
                RoleKey {
                    group: g,
                    quals: quals(
                        view,
                        lex,
                        i + n,
                        first - 1,
                        former || view.low(i).starts_with("ex-"),
                        &imp,
                    ),
                }
            });
            return Some(np(
                NpKind::Name {
                    first,
                    last: b,
                    titled,
                    role: key,
                },
                agr,
                i,
            ));
        }
    }
    if let Some((group, ra, n, imp)) = role_at(view, lex, i) {
        let ex = former || view.low(i).starts_with("ex-");
        let key = RoleKey {
            group,
            quals: quals(view, lex, i + n, b, ex, &imp),
        };
        let comp = complement(view, lex, i + n - 1, b);
        return Some(np(
            NpKind::Role {
                key,
                complement: comp,
            },
            ra.or(agr),
            i,
        ));
    }
    if let Some(g) = lex.organisations.get(view.low(i)) {
        let q = quals(view, lex, i + 1, b, false, &[]);
        return Some(np(
            NpKind::Org {
                head: view.low(i).to_string(),
                quals: q,
            },
            agr.or(*g),
            i,
        ));
    }
    if lex.is("stmt", view.low(i)) {
        let comp = complement(view, lex, i, b);
        return Some(np(NpKind::Statement { complement: comp }, agr, i));
    }
    if view.is_name_word(lex, i) {
        return Some(np(
            NpKind::Name {
                first: i,
                last: b,
                titled,
                role: None,
            },
            agr,
            i,
        ));
    }
    if view.toks.get(i).is_some_and(|t| t.word) {
        return Some(np(NpKind::Generic, agr, i));
    }
    None
}

/// The noun phrase ending at token `end` (inclusive), not reaching before
/// `floor`.
pub(crate) fn np_ending_at(view: &View, lex: &Lexicon, end: usize, floor: usize) -> Option<Np> {
    if end < floor || end >= view.len() {
        return None;
    }
    if lex.pronouns.contains_key(view.low(end)) || lex.is("subj", view.low(end)) {
        let first = if end > floor && is_det(view, lex, end - 1) {
            end - 1
        } else {
            end
        };
        return analyse(view, lex, first, end).or_else(|| {
            Some(Np {
                first: end,
                last: end,
                kind: NpKind::Pronoun,
                agr: lex.pronouns.get(view.low(end)).copied().unwrap_or_default(),
                definite: true,
                head: end,
            })
        });
    }
    let home = view.inside.get(end).copied().flatten();
    let mut k = end;
    let start;
    loop {
        if view.inside.get(k).copied().flatten() != home {
            start = k + 1;
            break;
        }
        if is_det(view, lex, k) {
            // "de la …" inside a complement; "des", "du" after a noun join one.
            let joins = k > floor
                && (lex.is("of", view.low(k - 1))
                    || (lex.is("of", view.low(k))
                        && (np_word(view, lex, k - 1, home) || view.is_name_word(lex, k - 1))));
            if joins {
                k -= 1;
                continue;
            }
            start = k;
            break;
        }
        // "M. Xi" starts a phrase; "le parquet général" has an adjective
        // that is also a title.
        if lex.titles.contains_key(view.low(k)) && k < end && view.is_name_word(lex, k + 1) {
            start = k;
            break;
        }
        let inner =
            view.is_name_word(lex, k) || np_word(view, lex, k, home) || lex.is("of", view.low(k));
        if !inner
            || (k != end
                && k < end
                && group_at(view, lex, k).is_some()
                && !view.toks.get(k).is_some_and(|t| t.cap))
        {
            start = k + 1;
            break;
        }
        if k == floor {
            start = k;
            break;
        }
        k -= 1;
    }
    let mut s = start;
    while s <= end && lex.is("of", view.low(s)) {
        s += 1;
    }
    if s > end {
        return None;
    }
    analyse(view, lex, s, end)
}

/// The noun phrase starting at token `start`, not reaching `limit`
/// (exclusive). An apposition `, Name` after a role joins it.
pub(crate) fn np_starting_at(view: &View, lex: &Lexicon, start: usize, limit: usize) -> Option<Np> {
    let limit = limit.min(view.len());
    if start >= limit {
        return None;
    }
    if lex.pronouns.contains_key(view.low(start)) {
        return analyse(view, lex, start, start);
    }
    let mut k = start;
    if is_det(view, lex, k) {
        k += 1;
    }
    if lex.titles.contains_key(view.low(k)) && view.is_name_word(lex, k + 1) {
        k += 1;
    }
    let content = k;
    let home = view.inside.get(start).copied().flatten();
    // "le bureau Europe de l'Est et Asie centrale": two names of one word
    // each, joined inside the name of a body, an adjective after the second.
    let joins = |k: usize| {
        lex.is("name_joiner", view.low(k))
            && view.toks.get(content).is_some_and(|t| !t.cap)
            && lex.organisations.contains_key(view.low(content))
            && chain_end(view, lex, k + 1, limit) == Some(k + 1)
            && np_word(view, lex, k + 2, home)
            && !view.is_name_word(lex, k + 2)
            && !lex.is("of", view.low(k + 2))
            && group_at(view, lex, k + 2).is_none()
    };
    let mut last: Option<usize> = None;
    let mut steps = 0;
    let mut seen_name = false;
    while k < limit && steps < 16 {
        steps += 1;
        if view.inside.get(k).copied().flatten() != home {
            break;
        }
        if view.is_punct(k, ",") {
            let cs = if lex.titles.contains_key(view.low(k + 1)) {
                k + 2
            } else {
                k + 1
            };
            // A name in apposition closes with a comma or a stop, or
            // follows a role: "Selon sa défense, M. X aurait …" names the
            // defence, then the subject of the clause.
            if !seen_name
                && last.is_some()
                && let Some(e) = chain_end(view, lex, cs, limit)
                && (role_at(view, lex, content).is_some() || e + 1 >= limit || view.punct(e + 1))
            {
                last = Some(e);
            }
            break;
        }
        if view.punct(k) {
            break;
        }
        let w = view.low(k);
        if lex.is("of", w) {
            // "… des droits de l'homme de profiter …": an infinitive ends the phrase.
            let next_ok = k + 1 < limit
                && (is_det(view, lex, k + 1) || view.toks.get(k + 1).is_some_and(|t| t.word))
                && !crate::said::looks_infinitive(view, lex, k + 1);
            if next_ok && last.is_some() {
                k += 1;
                if is_det(view, lex, k) {
                    k += 1;
                }
                continue;
            }
            break;
        }
        if lex.is("prep", w)
            && !is_det(view, lex, k)
            && let Some(l) = last
        {
            // "le Comité d'Etat pour la sécurité nationale": a body's name
            // goes on with its purpose.
            if institution_purpose(view, lex, content, k) {
                k += 1;
                if is_det(view, lex, k) {
                    k += 1;
                }
                continue;
            }
            // "la délégation de l'UE à Douchanbé", "la mission chinoise
            // auprès des Nations unies": a body's seat is part of its name.
            if let Some(e) = body_seat(view, lex, content, k, limit) {
                last = Some(e);
                k = e + 1;
                continue;
            }
            // "l'ambassadrice auprès du Conseil, Michèle Taylor": a role,
            // its complement, then its holder in apposition.
            if !seen_name
                && role_at(view, lex, content).is_some()
                && let Some(e) = apposed_holder(view, lex, k, limit, home)
            {
                last = Some(e);
                break;
            }
            // "un diplomate présent à Bichkek", "des habitants joints par
            // téléphone": the adjective goes with its complement.
            if !seen_name && l > content && takes_complement(view, lex, l) {
                let mut p = l - 1;
                while p > content && (lex.is("of", view.low(p)) || is_det(view, lex, p)) {
                    p -= 1;
                }
                last = Some(p);
            }
            break;
        }
        if is_det(view, lex, k) || lex.is("prep", w) {
            break;
        }
        if let Some(e) = chain_end(view, lex, k, limit) {
            let bare = k == start;
            let in_complement = k > 0
                && (lex.is("of", view.low(k - 1))
                    || (k > 1 && is_det(view, lex, k - 1) && lex.is("of", view.low(k - 2))));
            let after_role = k > content;
            last = Some(e);
            k = e + 1;
            if !in_complement {
                seen_name = true;
                // "Pékin rejette …": a name without determiner ends the phrase;
                // so does a name after a role ("… Wang Yi à Pékin").
                if (after_role || bare) && !lex.is("of", view.low(k)) && !joins(k) {
                    // A name after a role ends the phrase ("… Wang Yi à Pékin").
                    break;
                }
            }
            continue;
        }
        if seen_name && joins(k) {
            last = Some(k + 1);
            k += 2;
            continue;
        }
        if !np_word(view, lex, k, home) || group_at(view, lex, k).is_some() {
            break;
        }
        // "Le Turkménistan livre chaque année …": a lowercase word after a
        // name, followed by a determiner or a number, is the verb.
        if seen_name && view.toks.get(k).is_some_and(|t| !t.cap) && verb_after_name(view, lex, k) {
            break;
        }
        last = Some(k);
        k += 1;
    }
    let last = last?;
    analyse(view, lex, start, last)
}

/// Whether the lowercase word at token `k`, after a name, is rather a verb
/// with its object: a determiner (not `de` and its forms) or a number comes
/// next ("Le Turkménistan livre chaque année", "Pékin dément les faits").
fn verb_after_name(view: &View, lex: &Lexicon, k: usize) -> bool {
    let n = k + 1;
    // "Le Parti socialiste l'a dit": an object pronoun before a verb.
    let object_pronoun = || {
        lex.is("preverbal_obj", view.low(n))
            && (lex.is("aux", view.low(n + 1)) || group_at(view, lex, n + 1).is_some())
    };
    (is_det(view, lex, n) && !lex.is("of", view.low(n)) && !object_pronoun())
        || view
            .toks
            .get(n)
            .is_some_and(|t| !t.punct && t.low.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether the name a phrase opens with at token `content` is a body's
/// ("Comité", "Conseil") and `pour` at token `k` gives its purpose in words
/// without capitals ("pour la sécurité nationale").
fn institution_purpose(view: &View, lex: &Lexicon, content: usize, k: usize) -> bool {
    if view.low(k) != "pour"
        || !view.is_name_word(lex, content)
        || !lex.organisations.contains_key(view.low(content))
    {
        return false;
    }
    let mut x = k + 1;
    if is_det(view, lex, x) {
        x += 1;
    }
    view.toks
        .get(x)
        .is_some_and(|t| t.word && !t.cap && !crate::said::looks_infinitive(view, lex, x))
}

/// The last token of the seat of a body named by a common noun at token
/// `content`, after the preposition at token `k`: `à Genève`, `en France`,
/// `auprès des Nations unies` (a place without determiner after `à` and
/// `en`, so that "à l'AFP" stays an addressee).
fn body_seat(view: &View, lex: &Lexicon, content: usize, k: usize, limit: usize) -> Option<usize> {
    if view.toks.get(content).is_none_or(|t| t.cap)
        || !lex.organisations.contains_key(view.low(content))
    {
        return None;
    }
    let mut x = k + 1;
    match view.low(k) {
        "à" | "en" => {}
        "auprès" => {
            if !lex.is("of", view.low(x)) {
                return None;
            }
            x += 1;
            if is_det(view, lex, x) {
                x += 1;
            }
        }
        _ => return None,
    }
    chain_end(view, lex, x, limit)
}

/// The last token of a name in apposition after the preposition at token
/// `p` that completes a role: `auprès du Conseil, Michèle Taylor`. The
/// complement holds no punctuation, verb or quotation; the name has two
/// words or a title and ends at a comma, a stop or `limit`.
fn apposed_holder(
    view: &View,
    lex: &Lexicon,
    p: usize,
    limit: usize,
    home: Option<usize>,
) -> Option<usize> {
    let comma = (p + 1..limit.min(p + 9)).find(|&x| view.punct(x))?;
    if !view.is_punct(comma, ",")
        || (p..comma).any(|x| {
            view.inside.get(x).copied().flatten() != home || group_at(view, lex, x).is_some()
        })
    {
        return None;
    }
    let titled = lex.titles.contains_key(view.low(comma + 1));
    let cs = if titled { comma + 2 } else { comma + 1 };
    let e = chain_end(view, lex, cs, limit)?;
    let ends = e + 1 >= limit || view.punct(e + 1);
    (ends && (titled || e > cs)).then_some(e)
}

/// Whether the word at token `l` is an adjective or a participle that takes
/// the complement after it ("présent à", "cité par", "chargé de"), not a
/// role or a body.
fn takes_complement(view: &View, lex: &Lexicon, l: usize) -> bool {
    let Some(t) = view.toks.get(l) else {
        return false;
    };
    let w = t.low.as_str();
    if !t.word || t.cap || role_at(view, lex, l).is_some() || lex.organisations.contains_key(w) {
        return false;
    }
    lex.is("compl_adj", w)
        || (w.chars().count() > 4 && ["é", "ée", "és", "ées"].iter().any(|e| w.ends_with(e)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks;
    use chronicle_model::Document;

    fn with_view<T>(text: &str, f: impl FnOnce(&View, &Lexicon) -> T) -> T {
        let seg = chronicle_text::Segmenter::french().expect("segmenter");
        let mut doc = Document {
            body: text.to_string(),
            ..Document::default()
        };
        seg.analyse(&mut doc);
        let lex = Lexicon::french().expect("lexicon");
        let m = marks::find(&doc.body, &lex.marks);
        let view = View::new(&doc, &m);
        f(&view, &lex)
    }

    fn before(text: &str, verb: &str) -> Option<(String, NpKind)> {
        with_view(text, |view, lex| {
            let v = (0..view.len()).find(|&i| view.low(i) == verb)?;
            let np = np_ending_at(view, lex, v - 1, 0)?;
            Some((view.span_text(np.first, np.last), np.kind))
        })
    }

    #[test]
    fn role_and_name_before_a_verb() {
        let (text, kind) = before(
            "Le ministre chinois des Affaires étrangères Wang Yi a déclaré.",
            "a",
        )
        .expect("np");
        assert_eq!(text, "Le ministre chinois des Affaires étrangères Wang Yi");
        let NpKind::Name {
            role: Some(key), ..
        } = kind
        else {
            panic!("{kind:?}")
        };
        assert_eq!(key.group, "minister");
        assert_eq!(key.quals, vec!["affair", "chinoi", "etranger"]);
    }

    #[test]
    fn a_country_in_a_complement_is_not_the_head() {
        let (_, kind) = before("Ensuite, le président du Kazakhstan a appelé.", "a").expect("np");
        assert!(matches!(kind, NpKind::Role { .. }), "{kind:?}");
    }

    #[test]
    fn bodies_and_statements() {
        let (_, kind) =
            before("Le ministère russe des Affaires étrangères a déclaré.", "a").expect("np");
        assert!(matches!(kind, NpKind::Org { .. }), "{kind:?}");
        with_view(
            "a poursuivi le communiqué de la présidence.",
            |view, lex| {
                let np = np_starting_at(view, lex, 2, view.len()).expect("np");
                assert!(matches!(
                    np.kind,
                    NpKind::Statement {
                        complement: Some(_)
                    }
                ));
            },
        );
    }

    #[test]
    fn apposition_after_a_role() {
        with_view(
            "a écrit le porte-parole, Aidos Ukibay, sur Twitter.",
            |view, lex| {
                let np = np_starting_at(view, lex, 2, view.len()).expect("np");
                let NpKind::Name { first, last, .. } = np.kind else {
                    panic!("{:?}", np.kind)
                };
                assert_eq!(view.span_text(first, last), "Aidos Ukibay");
            },
        );
    }

    #[test]
    fn a_verb_with_its_object_ends_a_name() {
        with_view("Le Valdor livre chaque année du gaz.", |view, lex| {
            let np = np_starting_at(view, lex, 0, view.len()).expect("np");
            assert_eq!(view.span_text(np.first, np.last), "Le Valdor");
        });
        with_view("Le Parti socialiste l'a dit.", |view, lex| {
            let np = np_starting_at(view, lex, 0, view.len()).expect("np");
            assert_eq!(view.span_text(np.first, np.last), "Le Parti socialiste");
        });
    }

    #[test]
    fn qualifiers_fold_gender_and_number() {
        assert_eq!(fold_qual("chinoise"), fold_qual("chinois"));
        assert_eq!(fold_qual("valdorienne"), fold_qual("valdorien"));
        assert_eq!(fold_qual("américaines"), fold_qual("américain"));
    }
}
