//! Reporting verbs in use: a verb group with its frame (what it introduces:
//! `que`, a colon, a quotation, an infinitive, an addressee and a task, a
//! statement) and its subject, before it or inverted after it, and incises
//! inside quotations ("« …, a-t-il ajouté, … »").

use crate::lexicon::Lexicon;
use crate::phrases::{Np, NpKind, analyse, chain_end, is_det, np_ending_at, np_starting_at};
use crate::speakers::Speaker;
use crate::verbs::{VerbForm, VerbGroup, group_at};
use crate::view::{Unit, View};

/// A reporting verb in use.
#[derive(Debug, Clone)]
pub(crate) struct Said {
    /// The verb group.
    pub group: VerbGroup,
    /// Its subject comes after it (`a indiqué M. X`, `a-t-il ajouté`).
    pub inverted: bool,
    /// Its subject.
    pub subject: Option<Np>,
    /// Who it names as speaker.
    pub speaker: Option<Speaker>,
    /// The `que` it introduces.
    pub que: Option<usize>,
    /// The colon after it.
    pub colon: Option<usize>,
    /// First token of its infinitive complement.
    pub infinitive: Option<usize>,
    /// It asks someone to do something ("appelle X à").
    pub call: bool,
    /// It issues a statement ("a publié un communiqué").
    pub publish: bool,
    /// First token of the noun object that is what was said ("a annoncé
    /// l'ouverture d'une enquête").
    pub object: Option<usize>,
    /// First token of the attribute that is what was said, for a verb of
    /// description heading an object relative clause ("un traité, que la
    /// diplomatie présente comme une première": "une première").
    pub attribute: Option<usize>,
    /// A quotation opens after it in its clause.
    pub quote_after: bool,
    /// The quotation it stands in, as an incise.
    pub in_quote: Option<usize>,
    /// For an incise: the token before it (`,`) and the token that ends it.
    pub incise: Option<(usize, usize)>,
}

impl Said {
    /// Whether the verb reports speech here, by what follows it or by its
    /// inverted subject.
    pub fn framed(&self) -> bool {
        self.inverted
            || self.que.is_some()
            || self.colon.is_some()
            || self.infinitive.is_some()
            || self.call
            || self.publish
            || self.object.is_some()
            || self.attribute.is_some()
            || self.quote_after
    }
}

/// Punctuation that ends a sentence or a clause for the finder.
pub(crate) fn is_stop(view: &View, i: usize) -> bool {
    [".", "!", "?", ";", "…"]
        .iter()
        .any(|p| view.is_punct(i, p))
}

/// Whether token `i` looks like an infinitive.
pub(crate) fn looks_infinitive(view: &View, lex: &Lexicon, i: usize) -> bool {
    infinitive_shaped(view, lex, i, false)
}

/// Whether token `i` looks like an infinitive where no noun can stand, after
/// "ne pas": "pouvoir", "savoir", "devoir" are verbs there.
fn looks_infinitive_after_negation(view: &View, lex: &Lexicon, i: usize) -> bool {
    infinitive_shaped(view, lex, i, true)
}

fn infinitive_shaped(view: &View, lex: &Lexicon, i: usize, after_negation: bool) -> bool {
    let Some(t) = view.toks.get(i) else {
        return false;
    };
    let w = t.low.as_str();
    if !t.word || t.cap || w.chars().count() < 4 {
        return false;
    }
    if matches!(w, "avoir" | "être") {
        return true;
    }
    // Infinitives end in -er, -ir, -oir or one of the -re endings of verbs
    // (dire, mettre, prendre, conduire, paraître, vivre, faire, croire…);
    // nouns such as "envergure", "mesure", "histoire" do not.
    const RE: &[&str] = &[
        "dre", "ttre", "ître", "oître", "uire", "crire", "dire", "lire", "rire", "vre", "ompre",
        "aincre", "clure", "faire", "plaire", "taire", "croire", "boire", "traire", "ondre",
    ];
    const NOUNS: &[&str] = &[
        "premier",
        "dernier",
        "entier",
        "hier",
        "janvier",
        "février",
        "avenir",
        "plaisir",
        "désir",
        "loisir",
        "souvenir",
        "danger",
        "dossier",
        "papier",
        "métier",
        "quartier",
        "chantier",
        "étranger",
        "hiver",
        "cancer",
        "leader",
        "manager",
        "ordre",
        "cadre",
        "désordre",
        "empire",
        "navire",
        "sourire",
        "délire",
        "centre",
        "lettre",
        "mètre",
        "kilomètre",
        "poudre",
        "foudre",
        "livre",
        "pouvoir",
        "devoir",
        "savoir",
        "espoir",
        "soir",
        "couloir",
        "territoire",
        "mémoire",
        "histoire",
        "victoire",
    ];
    let verb_ending = w.ends_with("er")
        || w.ends_with("ir")
        || w.ends_with("oir")
        || RE.iter().any(|e| w.ends_with(e));
    /// Nouns that are also infinitives.
    const VERB_NOUNS: &[&str] = &["pouvoir", "devoir", "savoir"];
    verb_ending
        && (!NOUNS.contains(&w) || (after_negation && VERB_NOUNS.contains(&w)))
        && !lex.is("adv", w)
        && !lex.is("not_name", w)
        && !lex.is("prep", w)
        && !lex.determiners.contains_key(w)
}

/// Whether token `i` is a word in capitals of two letters or more ("AFP").
fn is_acronym(view: &View, i: usize) -> bool {
    view.toks.get(i).is_some_and(|t| {
        let text = view.body.get(t.start..t.end).unwrap_or("");
        t.word
            && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !text.chars().any(char::is_lowercase)
    })
}

/// The token after `j` once adverbs are skipped.
fn skip_adverbs(view: &View, lex: &Lexicon, mut j: usize, end: usize) -> usize {
    while j < end && !looks_infinitive(view, lex, j) {
        let n = view.adverb_len(lex, j);
        if n == 0 {
            break;
        }
        j += n;
    }
    j
}

/// The subject after an inverted verb ending before token `j`: skips
/// adverbs, time words and prepositional phrases ("a indiqué dans un
/// communiqué publié mardi soir le ministre …"). `q` is the quotation the
/// words may stand in (for incises).
pub(crate) fn subject_after(
    view: &View,
    lex: &Lexicon,
    j: usize,
    limit: usize,
    q: Option<usize>,
) -> Option<Np> {
    let mut k = j;
    let mut in_pp = false;
    let mut steps = 0;
    while k < limit && steps < 14 {
        steps += 1;
        if view.inside.get(k).copied().flatten() != q {
            return None;
        }
        let w = view.low(k);
        if view.punct(k) || lex.is("que", w) || lex.is("sub", w) || lex.is("conj", w) {
            return None;
        }
        // "a réagi jeudi soir la mission …", "a dit la veille le ministre":
        // words of time stand between the verb and its subject.
        if timed(view, lex, k) {
            k += 1;
            continue;
        }
        let after_prep =
            k > 0 && (lex.is("prep", view.low(k - 1)) || lex.is("of", view.low(k - 1)));
        // "continue d'appeler sa mère": an infinitive after `de` or `à` has
        // its object after it, not the verb's subject.
        if in_pp && after_prep && looks_infinitive(view, lex, k) {
            return None;
        }
        if lex.is("prep", w) || lex.is("of", w) {
            in_pp = true;
            k += 1;
            continue;
        }
        if is_det(view, lex, k) {
            if in_pp && after_prep {
                k += 1;
                continue;
            }
            return np_starting_at(view, lex, k, limit);
        }
        if lex.titles.contains_key(w) {
            return np_starting_at(view, lex, k, limit);
        }
        if !in_pp
            && view.toks.get(k).is_some_and(|t| t.word && !t.cap)
            && view.is_name_word(lex, k + 1)
            && !lex.is("adv", w)
            && !lex.is("not_name", w)
        {
            // "dit mère Clarisse", "répondit maître Haskel".
            return np_starting_at(view, lex, k, limit);
        }
        if view.is_name_word(lex, k) {
            let prev_det_or_name =
                k > 0 && (is_det(view, lex, k - 1) || view.is_name_word(lex, k - 1));
            // an acronym ends its complement: "a témoigné auprès de l'AFP
            // Gulnar Tokhtarova"
            let after_acronym = in_pp && k > 0 && is_acronym(view, k - 1) && !is_acronym(view, k);
            if after_acronym {
                return np_starting_at(view, lex, k, limit);
            }
            if in_pp && (after_prep || prev_det_or_name) {
                k += 1;
                continue;
            }
            return np_starting_at(view, lex, k, limit);
        }
        let number = view
            .toks
            .get(k)
            .is_some_and(|t| t.low.chars().any(|c| c.is_ascii_digit()));
        if lex.is("adv", w) || lex.is("not_name", w) || number || in_pp {
            k += 1;
            continue;
        }
        return None;
    }
    None
}

/// Whether the determiner at token `k` opens a noun phrase that is not of
/// time ("la livraison" after "mercredi").
fn is_det_object(view: &View, lex: &Lexicon, k: usize) -> bool {
    is_det(view, lex, k) && !timed(view, lex, k + 1) && !view.is_time(lex, k + 1)
}

/// Whether token `k` is a word of time, or the determiner of one ("la
/// veille", "l'an dernier"), that is no name.
pub(crate) fn timed(view: &View, lex: &Lexicon, k: usize) -> bool {
    let time_word = |x: usize| view.is_time(lex, x) && !view.is_name_word(lex, x);
    time_word(k) || (is_det(view, lex, k) && time_word(k + 1))
}

/// The token before a bracketed aside of a few words that ends at `a` ("le
/// Comité d'État (GKNB)"), or `a` itself.
pub(crate) fn before_brackets(view: &View, a: usize, floor: usize) -> usize {
    if !view.is_punct(a, ")") {
        return a;
    }
    (a.saturating_sub(MAX_BRACKETED)..a)
        .rev()
        .take_while(|&k| k > floor && !view.is_punct(k, ")"))
        .find(|&k| view.is_punct(k, "("))
        .map_or(a, |k| k - 1)
}

/// The most tokens a bracketed aside after a name holds.
const MAX_BRACKETED: usize = 8;

/// The subject ending right before token `i` (a verb), not before `floor`:
/// a pronoun, the antecedent of `qui`, a phrase with its apposition.
pub(crate) fn subject_before(view: &View, lex: &Lexicon, i: usize, floor: usize) -> Option<Np> {
    if i <= floor {
        return None;
    }
    let mut e = i - 1;
    // "Tokaïev l'a dit", "le ministre le lui a répété": object pronouns
    // between the subject and its verb.
    for _ in 0..2 {
        if e > floor && lex.is("preverbal_obj", view.low(e)) && !view.punct(e - 1) {
            e -= 1;
        }
    }
    if view.inside.get(e).copied().flatten().is_some() {
        return None;
    }
    let w = view.low(e);
    if lex.is("rel", w) {
        if e <= floor {
            return None;
        }
        // The antecedent of "qui" stands right before it, an acronym in
        // brackets aside ("le Comité (GKNB), qui …").
        let a = if view.is_punct(e - 1, ",") {
            e.checked_sub(2)?
        } else {
            e - 1
        };
        return np_ending_at(view, lex, before_brackets(view, a, floor), floor);
    }
    if view.is_punct(e, ",") {
        return parenthetical(view, lex, e, floor);
    }
    let mut np = np_ending_at(view, lex, e, floor)?;
    // "la mission auprès de l'ONU à Genève affirme": a name after a
    // preposition is a complement; the subject is the phrase it completes.
    for _ in 0..3 {
        let mut k = np.first;
        while k > floor && (lex.is("prep", view.low(k - 1)) || lex.is("of", view.low(k - 1))) {
            k -= 1;
        }
        if k == np.first || k <= floor {
            break;
        }
        match np_ending_at(view, lex, k - 1, floor) {
            Some(up) if up.last + 1 == k => np = up,
            _ => break,
        }
    }
    // "la délégation de l'UE à Nairobi a exprimé": a body keeps its seat.
    if matches!(np.kind, NpKind::Org { .. })
        && let Some(full) = np_starting_at(view, lex, np.first, e + 1)
        && full.last == e
        && matches!(full.kind, NpKind::Org { .. })
    {
        np = full;
    }
    // A phrase that is only "de …" or a lone lowercase word is no subject.
    let starts_well = is_det(view, lex, np.first)
        || lex.titles.contains_key(view.low(np.first))
        || view.is_name_word(lex, np.first)
        || matches!(np.kind, NpKind::Pronoun)
        || np.first == floor;
    starts_well.then_some(np)
}

/// The subject before a comma at token `comma` that closes an apposition or
/// an aside: ", Kassym-Jomart Tokaïev," names the subject; ", réunie au sein
/// du Front," is skipped; ", dont les États-Unis," names it when the phrase
/// before names no one.
fn parenthetical(view: &View, lex: &Lexicon, comma: usize, floor: usize) -> Option<Np> {
    let mut k = comma;
    let mut boundary = None;
    while k > floor {
        k -= 1;
        let outside = view.inside.get(k).copied().flatten().is_none();
        if !outside || (view.punct(k) && !view.is_punct(k, "-")) {
            boundary = Some(k);
            break;
        }
    }
    let content = match boundary {
        Some(b) => b + 1,
        None => floor,
    };
    if content >= comma {
        return None;
    }
    let before_comma = boundary.is_some_and(|b| view.is_punct(b, ","));
    let main = || {
        boundary
            .filter(|_| before_comma)
            .and_then(|b| subject_before(view, lex, b, floor))
    };
    // "L'opposition, par la voix de Gérard Tanguy, a demandé …": the
    // person speaks.
    if lex.is("voice_of", view.low(content))
        && let Some(w) = (content + 1..comma.min(content + 4))
            .find(|&x| !lex.is("voice_of", view.low(x)))
            .filter(|&x| x > content + 1 && lex.is("of", view.low(x)))
            .map(|x| x + 1)
        && let Some(np) = np_starting_at(view, lex, w, comma)
        && np.last + 1 == comma
        && matches!(np.kind, NpKind::Name { .. })
    {
        return Some(np);
    }
    if lex.is("example", view.low(content)) {
        let alt = (content + 1..comma)
            .find(|&x| view.is_name_word(lex, x))
            .and_then(|x| {
                let e = chain_end(view, lex, x, comma)?;
                let s = if x > content && is_det(view, lex, x - 1) {
                    x - 1
                } else {
                    x
                };
                analyse(view, lex, s, e)
            });
        let m = main();
        return match m {
            Some(np) if matches!(np.kind, NpKind::Name { .. }) => Some(np),
            _ => alt.or(m),
        };
    }
    if let Some(np) = np_ending_at(view, lex, comma - 1, content)
        && np.first == content
    {
        // "Le tireur, un Iranien, a déclaré …": an indefinite apposition
        // describes the subject before it, a name or not.
        let described = lex.is("indef", view.low(content));
        if matches!(np.kind, NpKind::Name { .. }) && !described {
            return Some(np);
        }
        if described && let Some(m) = main() {
            return Some(m);
        }
        if let Some(m) = main()
            && matches!(m.kind, NpKind::Name { .. })
        {
            return Some(m);
        }
        return Some(np);
    }
    main()
}

/// The incises inside quotation `q` (tokens `a..b`): a reporting verb after a
/// comma (or `?`, `!`) with its subject inverted, up to the next stop.
pub(crate) fn incises(view: &View, lex: &Lexicon, q: usize, a: usize, b: usize) -> Vec<Said> {
    let mut out = Vec::new();
    let mut k = a + 1;
    while k < b {
        let before = k - 1;
        let after_stop = [",", "?", "!", "…"]
            .iter()
            .any(|p| view.is_punct(before, p));
        if !after_stop || view.inside.get(before).copied().flatten() != Some(q) {
            k += 1;
            continue;
        }
        let Some(g) = group_at(view, lex, k) else {
            k += 1;
            continue;
        };
        if g.last >= b || matches!(g.form, VerbForm::Infinitive | VerbForm::Present) {
            k += 1;
            continue;
        }
        let subject = if let Some(c) = g.clitic {
            clitic_subject(view, lex, c)
        } else {
            subject_after(view, lex, g.last + 1, b, Some(q))
        };
        let Some(subject) = subject else {
            k += 1;
            continue;
        };
        let stop = |x: usize, commas: bool| {
            [".", ";", "!", "?", "…"]
                .iter()
                .any(|p| view.is_punct(x, p))
                || (commas && view.is_punct(x, ","))
        };
        let after = subject.last.max(g.last) + 1;
        // "dit mère Clarisse qui ne savait pourquoi …, …": a relative clause
        // right after the subject runs to the end of the sentence.
        let relative = lex.is("rel", view.low(after)) || view.low(after) == "dont";
        let mut end = after;
        while end < b && !stop(end, !relative) {
            end += 1;
        }
        // "dit Mme Dubreuil à la laitière, qui tenait …, vous osez": an
        // appositive relative clause ends at the next comma.
        // "fit timidement le nouveau, promenant autour de lui …": a participle
        // after the incise is narration too.
        let participle = |x: usize| {
            let w = view.low(x);
            w.chars().count() > 4 && w.ends_with("ant") && !view.toks.get(x).is_some_and(|t| t.cap)
        };
        let narration = participle(end + 1) || (view.low(end + 1) == "en" && participle(end + 2));
        if view.is_punct(end, ",")
            && (narration || lex.is("rel", view.low(end + 1)) || view.low(end + 1) == "dont")
        {
            end += 1;
            while end < b && !stop(end, true) {
                end += 1;
            }
        }
        out.push(Said {
            group: g,
            inverted: true,
            subject: Some(subject),
            speaker: None,
            que: None,
            colon: None,
            infinitive: None,
            call: false,
            publish: false,
            object: None,
            attribute: None,
            quote_after: false,
            in_quote: Some(q),
            incise: Some((before, end)),
        });
        k = end + 1;
    }
    out
}

/// The pronoun of an inverted clitic (`-t-il` → il) as a phrase.
pub(crate) fn clitic_subject(view: &View, lex: &Lexicon, c: usize) -> Option<Np> {
    let w = view.low(c);
    let p = w.trim_start_matches("-t-").trim_start_matches('-');
    let agr = lex.pronouns.get(p).copied().unwrap_or_default();
    Some(Np {
        first: c,
        last: c,
        kind: NpKind::Pronoun,
        agr,
        definite: true,
        head: c,
    })
}

/// The reporting verbs of `unit` outside quotations, with their frames
/// (subjects are found later, in order).
pub(crate) fn outside(view: &View, lex: &Lexicon, unit: Unit, quote_opens: &[usize]) -> Vec<Said> {
    let mut out = Vec::new();
    let mut k = unit.first;
    while k < unit.end {
        if view.inside.get(k).copied().flatten().is_some() {
            k += 1;
            continue;
        }
        let Some(g) = group_at(view, lex, k) else {
            k += 1;
            continue;
        };
        let clear = g.last < unit.end
            && (g.first..=g.last).all(|x| view.inside.get(x).copied().flatten().is_none());
        let bare_ok =
            g.form != VerbForm::Participle || (k > unit.first && lex.is("conj", view.low(k - 1)));
        if !clear || !bare_ok {
            k += 1;
            continue;
        }
        let next = g.last + 1;
        let mut s = Said {
            group: g,
            inverted: false,
            subject: None,
            speaker: None,
            que: None,
            colon: None,
            infinitive: None,
            call: false,
            publish: false,
            object: None,
            attribute: None,
            quote_after: false,
            in_quote: None,
            incise: None,
        };
        frame(view, lex, unit, &mut s, quote_opens);
        out.push(s);
        k = next;
    }
    out
}

/// Fills the frame of `s`: what follows it in its clause.
fn frame(view: &View, lex: &Lexicon, unit: Unit, s: &mut Said, quote_opens: &[usize]) {
    let Some(lemma) = lex.lemmas.get(s.group.lemma) else {
        return;
    };
    if lemma.incise_only {
        return;
    }
    let g = &s.group;
    let start = g.last + 1;
    // que
    let max = if lemma.weak {
        lex.near_que
    } else {
        lex.far_que
    };
    let mut k = start;
    let mut n = 0;
    while k < unit.end && n <= max {
        if view.inside.get(k).copied().flatten().is_some()
            || is_stop(view, k)
            || view.is_punct(k, ":")
            || lex.is("neg", view.low(k))
        {
            // "n'avoir livré que": a restrictive "ne … que", not reported speech.
            break;
        }
        if lex.is("que", view.low(k)) {
            // "a plaidé pour que …": the verb's own preposition
            let own = k == start + 1
                && lemma
                    .object_preposition
                    .as_deref()
                    .is_some_and(|p| view.low(k - 1) == p);
            if own || !(k > 0 && lex.is("not_que", view.low(k - 1))) {
                s.que = Some(k);
            }
            break;
        }
        if k > start && group_at(view, lex, k).is_some() {
            break;
        }
        // "a répété la semaine dernière que …": time words do not count.
        if !timed(view, lex, k) {
            n += 1;
        }
        k += 1;
    }
    // colon
    let mut k = start;
    while k < unit.end && k < start + 10 {
        if view.is_punct(k, ":") {
            s.colon = Some(k);
            break;
        }
        if view.inside.get(k).copied().flatten().is_some()
            || is_stop(view, k)
            || lex.is("que", view.low(k))
            || (k > start && group_at(view, lex, k).is_some())
        {
            break;
        }
        k += 1;
    }
    // quotation in the clause after it
    for &o in quote_opens {
        if o > g.last && o < unit.end {
            let blocked = (start..o)
                .any(|x| view.inside.get(x).copied().flatten().is_none() && is_stop(view, x));
            if !blocked {
                s.quote_after = true;
            }
            break;
        }
    }
    // infinitive complement; not in an object relative clause, whose
    // infinitive lacks the object the clause is about ("des textes, que
    // son client affirme ne pas avoir écrits")
    if lemma.infinitive && s.que.is_none() && !object_relative(view, lex, unit, g.first) {
        let mut k = skip_adverbs(view, lex, start, unit.end);
        // "a annoncé la veille avoir battu …": words of time first.
        let t = k;
        while k < unit.end && k < t + 4 && timed(view, lex, k) {
            k += 1;
        }
        k = skip_adverbs(view, lex, k, unit.end);
        if view.is_punct(k, ",") {
            // ", selon la télévision, vouloir …": skip an aside.
            let mut x = k + 1;
            while x < unit.end && x < k + 14 && !view.is_punct(x, ",") && !is_stop(view, x) {
                x += 1;
            }
            if view.is_punct(x, ",") {
                k = skip_adverbs(view, lex, x + 1, unit.end);
            }
        }
        // "s'est dit prêt à signer": what was said runs from the adjective.
        let stance = (lex.is("stance_adj", view.low(k))
            && matches!(view.low(k + 1), "à" | "de" | "d'"))
        .then_some(k);
        if stance.is_some() {
            k += 1;
        }
        // "s'est engagé à verser …": a reflexive verb takes its infinitive
        // after "à".
        let reflexive = (g.first..=g.last).any(|x| lex.is("refl", view.low(x)));
        if matches!(view.low(k), "de" | "d'" | "à")
            && (stance.is_some() || reflexive || view.low(k) != "à")
        {
            k += 1;
        }
        // "dit ne pas savoir …": the negation and its adverb before the verb.
        let neg = lex.is("neg", view.low(k)).then_some(k);
        if neg.is_some() {
            k = skip_adverbs(view, lex, k + 1, unit.end);
        }
        if k < unit.end
            && view.inside.get(k).copied().flatten().is_none()
            && if neg.is_some() {
                looks_infinitive_after_negation(view, lex, k)
            } else {
                looks_infinitive(view, lex, k)
            }
        {
            s.infinitive = Some(stance.or(neg).unwrap_or(k));
        }
    }
    // an addressee and a task: "appelle X à …", "accuse X de …"
    if lemma.call && s.que.is_none() {
        // "les accuse d'avoir …": the addressee is a pronoun before the verb.
        let clitic = g.first > unit.first && lex.is("preverbal_obj", view.low(g.first - 1));
        let mut k = start;
        while k < unit.end && k < start + 20 {
            if is_stop(view, k) || view.is_punct(k, ":") {
                break;
            }
            if view.inside.get(k).copied().flatten().is_none()
                && matches!(view.low(k), "à" | "de" | "d'")
                // "a appelé à accélérer …" needs no addressee
                && (k > start || clitic || view.low(k) == "à")
                && (looks_infinitive(view, lex, k + 1)
                    || quote_opens.contains(&(k + 1))
                    || matches!(view.low(k + 1), "ne" | "n'"))
            {
                s.call = true;
                break;
            }
            k += 1;
        }
    }
    // what was announced: "a annoncé mercredi la livraison de …". Not after
    // a comma or a quotation, where the phrase is an inverted subject
    // ("…, a annoncé le ministère"); not a name, a role or a body.
    if (lemma.object || limited(view, lex, g.first))
        && s.que.is_none()
        && s.infinitive.is_none()
        && !s.call
        && s.colon.is_none()
        && g.first > unit.first
        && (!view.punct(g.first - 1) || after_apposition(view, lex, unit, g.first))
        && view.inside.get(g.first - 1).copied().flatten().is_none()
    {
        // adverbs, but not a determiner that is one only in a phrase ("une
        // nouvelle fois"): "a promis une aide"
        let mut k = start;
        while k < unit.end && !is_det(view, lex, k) {
            let n = view.adverb_len(lex, k);
            if n == 0 {
                break;
            }
            k += n;
        }
        if is_det(view, lex, k) && view.adverb_len(lex, k) > 1 {
            k += view.adverb_len(lex, k);
        }
        while k < unit.end && timed(view, lex, k) && !is_det_object(view, lex, k) {
            k += 1;
        }
        // "a plaidé pour un lancement rapide de …": the verb's preposition
        if let Some(p) = &lemma.object_preposition
            && k < unit.end
            && view.low(k) == p
        {
            k += 1;
        }
        if k < unit.end
            && is_det(view, lex, k)
            && (lemma.object_indefinite || !lex.is("indef", view.low(k)))
            && view.inside.get(k).copied().flatten().is_none()
            && let Some(np) = np_starting_at(view, lex, k, unit.end)
            && (matches!(np.kind, NpKind::Generic) || common_head(view, lex, &np, k))
            && np.last > k
        {
            s.object = Some(k);
        }
    }
    // what a thing is described as, in an object relative clause: "un
    // traité, que la diplomatie présente comme une première", "des mesures,
    // que le ministre a qualifiées de provisoires"
    if let Some(w) = &lemma.attribute_word
        && s.que.is_none()
        && s.infinitive.is_none()
        && object_relative(view, lex, unit, g.first)
    {
        let k = skip_adverbs(view, lex, start, unit.end);
        let elided = w == "de" && view.low(k) == "d'";
        if k + 1 < unit.end
            && (view.low(k) == w || elided)
            && view.inside.get(k).copied().flatten().is_none()
            && !view.punct(k + 1)
        {
            s.attribute = Some(k + 1);
        }
    }
    // a statement issued: "a publié mardi soir un communiqué"
    if lemma.publish {
        s.publish = (start..(start + 6).min(unit.end)).any(|k| lex.is("stmt", view.low(k)));
    }
}

/// Whether a phrase read as a name, starting with determiner `k`, is a
/// common noun whose complement holds the name ("un lancement rapide de la
/// voie ferrée Chine-Kirghizstan-Ouzbékistan"), not a person or a body ("le
/// président Xi", "le ministère").
fn common_head(view: &View, lex: &Lexicon, np: &Np, k: usize) -> bool {
    let head = k + 1;
    matches!(np.kind, NpKind::Name { first, role: None, .. } if first > head + 1)
        && view.toks.get(head).is_some_and(|t| !t.cap)
        && !lex.organisations.contains_key(view.low(head))
        && !lex.is("stmt", view.low(head))
}

/// Whether the comma before the verb at token `v` closes an apposition to
/// the subject ("Son homologue, Chavkat Mirzioïev, a plaidé pour …"): the
/// unit's words before it hold one comma more and no verb, so the verb's
/// subject stands before it, not inverted after it ("…, a annoncé le
/// ministère").
fn after_apposition(view: &View, lex: &Lexicon, unit: Unit, v: usize) -> bool {
    if v < unit.first + 4 || !view.is_punct(v - 1, ",") {
        return false;
    }
    let commas: Vec<usize> = (unit.first..v - 1)
        .filter(|&k| view.is_punct(k, ","))
        .collect();
    commas.len() == 1
        && commas[0] > unit.first
        && (unit.first..v - 1).all(|k| !view.punct(k) || view.is_punct(k, ","))
        && (unit.first..v - 1).all(|k| {
            view.inside.get(k).copied().flatten().is_none() && group_at(view, lex, k).is_none()
        })
}

/// Whether the verb at token `v` heads an object relative clause: its
/// subject follows a `que` that stands after a comma or a noun, not after a
/// verb ("les textes, que son client affirme …").
fn object_relative(view: &View, lex: &Lexicon, unit: Unit, v: usize) -> bool {
    if v <= unit.first {
        return false;
    }
    let Some(np) = np_ending_at(view, lex, v - 1, unit.first) else {
        return false;
    };
    let q = np.first;
    if q < unit.first + 2 || !lex.is("que", view.low(q - 1)) {
        return false;
    }
    let before = q - 2;
    view.is_punct(before, ",")
        || (!view.punct(before)
            && group_at(view, lex, before).is_none()
            && !lex.is("aux", view.low(before))
            && view.adverb_len(lex, before) == 0)
}

/// Whether the verb at token `v` is the infinitive after a reflexive verb of
/// limitation ("se bornant à rappeler", "s'est contenté de démentir").
fn limited(view: &View, lex: &Lexicon, v: usize) -> bool {
    if v < 3 || !matches!(view.low(v - 1), "à" | "de" | "d'") {
        return false;
    }
    let l = v - 2;
    lex.limitation.contains(view.low(l))
        && (l.saturating_sub(3)..l).any(|k| lex.is("refl", view.low(k)))
}

/// Whether `s`, not being an incise, has its subject inverted after it: it
/// follows a comma, a closing mark or a stop, and a subject follows it.
pub(crate) fn inverted_subject(view: &View, lex: &Lexicon, unit: Unit, s: &Said) -> Option<Np> {
    let g = &s.group;
    if let Some(c) = g.clitic {
        return clitic_subject(view, lex, c);
    }
    if matches!(
        g.form,
        VerbForm::Present | VerbForm::Infinitive | VerbForm::Participle
    ) {
        return None;
    }
    // An incise is neither negated nor passive, and introduces nothing:
    // ", a appelé le gouvernement à …" has its subject before the comma.
    if g.negated
        || g.passive
        || s.que.is_some()
        || s.infinitive.is_some()
        || s.call
        || s.colon.is_some()
    {
        return None;
    }
    if g.first <= unit.first
        || apposed(view, lex, g.first, unit.first)
        || closes_relative(view, lex, g.first, unit.first)
        || set_off(view, lex, g.first, unit.first)
    {
        return None;
    }
    let p = g.first - 1;
    let after_mark = view.inside.get(p).copied().flatten().is_some();
    let ok = after_mark || [",", "?", "!", "…"].iter().any(|x| view.is_punct(p, x));
    if !ok {
        return None;
    }
    subject_after(view, lex, g.last + 1, unit.end, None)
}

/// Whether the comma before token `v` closes a stressed pronoun in commas
/// that sets off the subject before it ("Aïgoul, elle, continue …", "Le
/// ministre, lui aussi, a …"): the verb's subject stands before the pronoun.
fn set_off(view: &View, lex: &Lexicon, v: usize, floor: usize) -> bool {
    if v < floor + 4 || !view.is_punct(v - 1, ",") {
        return false;
    }
    let Some(c0) = (v.saturating_sub(5).max(floor)..v - 1)
        .rev()
        .find(|&k| view.punct(k))
    else {
        return false;
    };
    c0 > floor
        && view.is_punct(c0, ",")
        && lex.is("set_off", view.low(c0 + 1))
        && (c0 + 2..v - 1).all(|k| lex.is("adv", view.low(k)))
}

/// Whether the comma before token `v` closes a relative clause in commas
/// ("Nikol Pachinian, dont le pays préside l'alliance, avait annoncé …"):
/// the verb's subject stands before the clause. Looks back a bounded span.
fn closes_relative(view: &View, lex: &Lexicon, v: usize, floor: usize) -> bool {
    if v < floor + 3 || !view.is_punct(v - 1, ",") {
        return false;
    }
    let c = v - 1;
    let Some(c0) = (floor..c).rev().take(30).find(|&k| view.punct(k)) else {
        return false;
    };
    c0 > floor
        && view.is_punct(c0, ",")
        && view.inside.get(c0).copied().flatten().is_none()
        && lex.is("rel_open", view.low(c0 + 1))
}

/// Whether the comma before token `v` closes an apposition that names the
/// subject: "La Première ministre, Hélène Marrast, a exigé …", "Arvid Kessel,
/// le président valdorien, a déclaré …".
fn apposed(view: &View, lex: &Lexicon, v: usize, floor: usize) -> bool {
    if v < floor + 3 || !view.is_punct(v - 1, ",") {
        return false;
    }
    let c = v - 1;
    let Some(c0) = (floor..c).rev().take(10).find(|&k| view.punct(k)) else {
        return false;
    };
    if !view.is_punct(c0, ",") || c0 == floor {
        return false;
    }
    let mut a = c0 + 1;
    if lex.titles.contains_key(view.low(a)) {
        a += 1;
    }
    let name_inside = chain_end(view, lex, a, c) == Some(c - 1);
    let before = np_ending_at(view, lex, c0 - 1, floor);
    if name_inside {
        return before
            .is_some_and(|np| matches!(np.kind, NpKind::Role { .. } | NpKind::Name { .. }));
    }
    let role_inside = np_starting_at(view, lex, c0 + 1, c)
        .is_some_and(|np| np.last == c - 1 && matches!(np.kind, NpKind::Role { .. }));
    role_inside && before.is_some_and(|np| matches!(np.kind, NpKind::Name { .. }))
}
