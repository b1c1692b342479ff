//! Coding one document: each trigger of each sentence with its frame's
//! arguments resolved to actors, its negation, date, place and quotation.

use chronicle_model::{Actor, DateValue, Document, Event, Precision};

use crate::groups::Tense;

use crate::actors::{Cast, Strength, Who};
use crate::arguments::Refers;
use crate::arguments::{Arg, Arguments};
use crate::dates::{Origin, date};
use crate::discourse::{Memory, resolve};
use crate::lexicon::{Lexicon, Slot};
use crate::patterns::Patterns;
use crate::reading::{border_target, phrase_end, read, reported};
use crate::text::Text;
use crate::triggers::{Context, Trigger, triggers};

/// Types whose source and target may be the same country (a government and
/// its own people).
const DOMESTIC: [&str; 5] = ["PROTEST", "COERCE", "ASSAULT", "MOBILIZE", "REQUEST"];

/// Types whose missing target is the country where the act happened, else
/// the source's own.
const HOME_TARGET: [&str; 4] = ["PROTEST", "COERCE", "ASSAULT", "MOBILIZE"];

/// Types whose object naming the source's own stands for a measure against
/// it, aimed at by the one who took it.
const SELF_AIMED: [&str; 2] = ["ACCUSE", "REJECT"];

/// Types whose missing target may be the one a message is addressed to.
const ADDRESSED: [&str; 4] = ["AGREE", "SUPPORT", "REQUEST", "CONSULT"];

/// Types whose missing target is the one the source last met or was asked
/// by, a few sentences back.
const ANSWERS: [&str; 2] = ["AGREE", "SUPPORT"];

/// Types whose missing target is the one the source's act before it in the
/// sentence was aimed at.
const WARNINGS: [&str; 1] = ["THREATEN"];

/// An event with what the document-level pass needs to know of it.
#[derive(Debug, Clone)]
pub(crate) struct Coded {
    /// The event.
    pub event: Event,
    /// Its trigger's head word.
    pub at: usize,
    /// Its sentence.
    pub sentence: usize,
    /// Its frame's lemma.
    pub lemma: String,
    /// Where its date came from.
    pub origin: Option<Origin>,
    /// The key of its source.
    pub source_key: String,
    /// The key of its target.
    pub target_key: String,
    /// Told in the perfect or the simple past.
    pub past: bool,
}

/// Codes the events of `doc`.
pub(crate) fn code(doc: &Document, lex: &Lexicon, kb: &chronicle_kb::KnowledgeBase) -> Vec<Coded> {
    let cast = Cast::new(doc, kb, lex);
    let text = Text::new(doc, lex, &cast);
    let mut memory = Memory::default();
    let mut out = Vec::new();
    for (s, range) in text.sentences.iter().enumerate() {
        let p = Patterns::new(&text, lex, &cast, range.clone());
        for t in triggers(&p) {
            out.extend(code_trigger(&p, &t, s, &mut memory));
        }
        // what the sentence is about, for "il" / "elle" in the next one
        let main = p
            .clauses
            .iter()
            .position(|c| c.kind == crate::clauses::Kind::Main);
        if let Some(k) = main {
            let subject = p.subject(k, usize::MAX);
            if let Some(who) = resolve_all(&p, &memory, &subject.args, None)
                .into_iter()
                .next()
            {
                memory.subject(s, who);
            }
        }
    }
    out
}

/// Resolves arguments to actors. References that need the source (le pays,
/// la population) take `source`.
fn resolve_all(p: &Patterns, memory: &Memory, args: &[Arg], source: Option<&Who>) -> Vec<Who> {
    let mut out: Vec<Who> = Vec::new();
    for a in args {
        let found = match a {
            Arg::Actor { who, .. } => vec![who.clone()],
            Arg::Pronoun { kind, word } => resolve(p.text, p.cast, memory, *kind, *word, source),
        };
        for w in found {
            if !out.contains(&w) {
                out.push(w);
            }
        }
    }
    out
}

/// The actor a message in the sentence is addressed to ("dans un article
/// destiné à la presse ouzbèke", "s'adressant à son homologue").
fn addressee(p: &Patterns, sentence: std::ops::Range<usize>) -> Vec<Arg> {
    for i in sentence.clone() {
        if let Some(ph) = p
            .lex
            .words
            .addressees
            .iter()
            .find(|ph| p.text.matches(i, ph))
        {
            let start = i + ph.len();
            let end = p.np_end(start, sentence.end);
            let found: Vec<Arg> = (start..end)
                .filter_map(|k| p.text.covered(k))
                .map(|m| &p.text.mentions[m])
                .filter(|x| !p.cast.is_place(&x.who))
                .map(|x| Arg::Actor {
                    who: x.who.clone(),
                    words: x.words.clone(),
                    strength: x.strength,
                })
                .take(1)
                .collect();
            if !found.is_empty() {
                return found;
            }
        }
    }
    Vec::new()
}

/// Whether the act whose verb is at `verb` is told as what others say or
/// as unreal: in a compound tense on a conditional auxiliary ("X aurait
/// livré des armes", "des frappes qui auraient tué"), or after a phrase of
/// hearsay in its sentence ("les informations selon lesquelles X a livré").
fn hearsay(p: &Patterns, sentence: std::ops::Range<usize>, verb: usize) -> bool {
    let w = &p.lex.words;
    let conditional = (verb.saturating_sub(4).max(sentence.start)..verb)
        .rev()
        .take_while(|&k| !matches!(p.text.low(k), "," | ";" | ":"))
        .any(|k| w.hearsay_auxiliaries.contains(p.text.low(k)));
    let reported = (sentence.start..verb).any(|i| {
        w.hearsay_openers.iter().any(|ph| p.text.matches(i, ph))
            && (i..verb).all(|k| !matches!(p.text.low(k), ";" | ":"))
    });
    conditional || reported
}

/// Whether a verb of denial comes before the act's verb at `verb` in its
/// clause ("a démenti avoir livré", "nie toute livraison d'armes").
fn denied(p: &Patterns, clause: usize, verb: usize) -> bool {
    p.words(clause)
        .filter(|&k| k < verb)
        .any(|k| p.lex.words.denials.contains(p.text.low(k)))
}

/// The day a document that is the subject of the clause before `verb`
/// ("Le rapport appelle") came out, where the text tells it earlier: the
/// same noun, then a participle of publication, then a time ("le rapport du
/// HCDH …, publié la veille au soir").
fn document_date(p: &Patterns, c: usize, verb: usize) -> Option<(DateValue, Origin)> {
    let w = &p.lex.words;
    let start = p.words(c).start;
    let noun = (start.max(1)..verb).find(|&k| {
        w.documents.contains(p.text.low(k))
            && matches!(p.text.low(k - 1), "le" | "la" | "l'" | "ce" | "cette")
    })?;
    let doc = p.text.doc;
    p.text
        .times
        .iter()
        .filter(|t| t.words.start < noun.saturating_sub(1))
        .filter(|t| {
            (t.words.start.saturating_sub(4)..t.words.start).any(|k| {
                w.publications.iter().any(|ph| {
                    p.text.matches(k, ph)
                        && k + ph.len() <= t.words.start
                        && (k.saturating_sub(15)..k).any(|j| p.text.low(j) == p.text.low(noun))
                })
            })
        })
        .filter_map(|t| {
            let x = doc.times.get(t.index)?;
            let value = x.value.clone()?;
            let precision = x.precision.or_else(|| Precision::of_iso(&value))?;
            Some((
                DateValue {
                    value,
                    precision,
                    text: Some(x.text.clone()),
                },
                Origin::Text,
            ))
        })
        .next_back()
}

/// Whether the subject of clause `c`, before the verb at `verb`, is an
/// organ of a state that names no state ("le parquet", "un tribunal").
fn state_body_subject(p: &Patterns, c: usize, verb: usize) -> bool {
    let start = p.words(c).start;
    (start..verb).any(|k| {
        p.lex
            .words
            .state_bodies
            .iter()
            .any(|ph| p.text.matches(k, ph) && k + ph.len() <= verb)
    })
}

/// The events of one trigger.
fn code_trigger(p: &Patterns, t: &Trigger, sentence: usize, memory: &mut Memory) -> Vec<Coded> {
    let Some(mut r) = read(p, t, memory) else {
        return Vec::new();
    };
    let frame = &p.lex.frames[r.frame];
    let c = t.clause;
    let range = p.text.sentences.get(sentence).cloned().unwrap_or(0..0);
    let verb = match &t.context {
        Context::Light(g) | Context::Eruption(g, _) => g.head,
        _ => t.head,
    };
    // an act told as hearsay is not coded as a fact
    if hearsay(p, range.clone(), verb) {
        return Vec::new();
    }
    let mut negated = r.negated;
    // "X a démenti avoir livré des armes": the act is denied
    if denied(p, c, verb) {
        negated = !negated;
    }
    // "aucun pays n'a condamné …, à l'exception de la Turquie"
    if r.negative_subject {
        negated = true;
        if r.sources.is_empty() {
            let words = p.words(c);
            let exception = p
                .text
                .find_phrase(t.end..words.end, &p.lex.words.exceptions);
            if let Some((_, k)) = exception {
                r.sources = p.object(c, k);
                negated = false;
            }
        }
    }
    let mut sources = resolve_all(p, memory, &r.sources, None);
    // "entre les deux pays": the pair is source and target
    let both_pair = matches!(
        (r.sources.first(), r.targets.first()),
        (Some(Arg::Pronoun { word: a, .. }), Some(Arg::Pronoun { word: b, .. })) if a == b
    );
    if both_pair && sources.len() == 2 {
        let second = sources.remove(1);
        r.targets = vec![Arg::Actor {
            who: second,
            words: t.head..t.head,
            strength: Strength::Strong,
        }];
    }
    // a mutual act of a pair: one of them is the source, the other the target
    let pair_subject =
        r.pair || both_pair || frame.symmetric && r.targets.is_empty() && sources.len() == 2;
    if frame.symmetric && r.targets.is_empty() && sources.len() == 2 {
        let second = sources.remove(1);
        r.targets = vec![Arg::Actor {
            who: second,
            words: t.head..t.head,
            strength: Strength::Strong,
        }];
    }
    let location = p.location(c).and_then(|a| match a {
        Arg::Actor { who, .. } => Some(who),
        Arg::Pronoun { .. } => None,
    });
    let location_country = location.as_ref().and_then(|w| p.cast.country(w));
    let mut targets = resolve_all(p, memory, &r.targets, sources.first());
    // an arrest falls on people, not on a place ("le chemin de fer d'Oulan-
    // Bator, détenu à parts égales" is owned, not detained)
    if frame.person && !targets.is_empty() && targets.iter().all(|w| p.cast.is_place(w)) {
        return Vec::new();
    }
    // recognising is of one named: no actor told before stands in
    if frame.named && targets.is_empty() {
        return Vec::new();
    }
    if targets.is_empty() && ADDRESSED.contains(&r.kind.as_str()) && frame.target != Slot::None {
        targets = resolve_all(p, memory, &addressee(p, range.clone()), sources.first());
    }
    // an agreement on one's joining ("un mémorandum sur son adhésion à
    // l'organisation"): with the body joined
    if targets.is_empty() && r.kind == "AGREE" {
        let words = p.words(c);
        let joined = p
            .text
            .find_phrase(t.end..words.end, &p.lex.words.accessions)
            .map(|(_, k)| p.np_args(k, words.end));
        if let Some(args) = joined {
            targets = resolve_all(p, memory, &args, sources.first());
        }
    }
    // a joint act with no partner named ("lors d'une conférence de presse
    // commune"): the other actor spoken of last
    if targets.is_empty() && frame.partner {
        targets = resolve(
            p.text,
            p.cast,
            memory,
            Refers::Other,
            t.head,
            sources.first(),
        );
        // none named near: the one the source last met or dealt with
        // (the treaty both signed a few sentences before)
        if targets.is_empty()
            && let Some(s) = sources.first()
            && let Some(w) = memory.last_partner(&p.cast.key(s), p.cast)
        {
            targets.push(w);
        }
    }
    // "l'inclusion d'entreprises chinoises dans le paquet de sanctions":
    // the ones included are sanctioned too
    if r.kind == "SANCTION" && matches!(t.context, Context::Own) {
        let start = p.words(c).start.max(t.head.saturating_sub(12));
        let included = (start..t.head).find_map(|k| {
            (p.lex.words.inclusions.contains(p.text.low(k))
                && p.lex.words.de_forms.contains(p.text.low(k + 1)))
            .then(|| p.np_args(k + 2, t.head))
        });
        if let Some(args) = included {
            for w in resolve_all(p, memory, &args, sources.first()) {
                if !targets.contains(&w) {
                    targets.insert(0, w);
                }
            }
        }
    }
    // a condemnation of a measure aimed at the source's own ("a dénoncé
    // l'inclusion d'entreprises chinoises dans les sanctions adoptées par
    // X"): the one after it in the object who is not the source
    if SELF_AIMED.contains(&r.kind.as_str())
        && frame.target == Slot::Object
        && let Some(s) = sources.first()
        && !targets.is_empty()
        && targets
            .iter()
            .all(|w| p.cast.country(w).is_some() && p.cast.country(w) == p.cast.country(s))
    {
        let other = (t.end..p.words(c).end)
            .filter_map(|k| p.text.covered(k))
            .map(|m| &p.text.mentions[m].who)
            .find(|w| {
                (!p.cast.is_place(w) || p.cast.is_metonym(w))
                    && p.cast.country(w) != p.cast.country(s)
            });
        if let Some(w) = other {
            targets = vec![w.clone()];
        }
    }
    let content = matches!(p.text.low(t.end), "que" | "qu'")
        || p.text.quote_at.get(t.head).copied().flatten().is_some();
    // a condemnation of a thing that names no one ("ont dénoncé une
    // ingérence dans les affaires afghanes") answers who last acted on the
    // source
    // (or names only the source's own: "dans les affaires afghanes")
    if SELF_AIMED.contains(&r.kind.as_str())
        && frame.target == Slot::Object
        && matches!(t.context, Context::Verb(_))
        && !content
        && let Some(s) = sources.first()
        && targets.iter().all(|w| {
            p.cast.key(w) == p.cast.key(s)
                || p.cast.country(w).is_some() && p.cast.country(w) == p.cast.country(s)
        })
        && let Some(w) = memory.last_actor_on(sentence, &p.cast.key(s))
        && p.cast.key(&w) != p.cast.key(s)
    {
        targets = vec![w];
    }
    // a warning with no addressee, told after another act of its source in
    // the sentence ("a condamné X et a averti que …"), is for that act's target
    if targets.is_empty()
        && WARNINGS.contains(&r.kind.as_str())
        && let Some(s) = sources.first()
        && let Some(w) = memory.last_target(sentence, &p.cast.key(s))
    {
        targets.push(w);
    }
    // a promise with no addressee, told just after a meeting of its source or
    // a request made of it, is to the one it met or who asked
    // (praise or thanks only where they are the writer's telling: not
    // inside a quotation, not a clause of content, "a reconnu que …")
    // (a deal told before answers a promise only: "X n'a signé aucun
    // contrat avec Y, mais Y s'est dit prêt à …")
    if targets.is_empty()
        && ANSWERS.contains(&r.kind.as_str())
        && frame.target != Slot::None
        && !(r.kind == "SUPPORT" && content)
        && let Some(s) = sources.first()
        && let Some(w) = memory.counterpart(sentence, &p.cast.key(s), p.cast, r.kind == "AGREE")
    {
        targets.push(w);
    }
    // a mutual act of three or more ("les trois pays ont signé"): one event
    // for each pair, in the order they were named
    let mut pairs: Vec<(Who, Who)> = Vec::new();
    if frame.symmetric && targets.is_empty() && sources.len() >= 3 {
        for (i, a) in sources.iter().enumerate().take(4) {
            for b in sources.iter().skip(i + 1).take(4) {
                pairs.push((a.clone(), b.clone()));
            }
        }
        targets = sources[1..].to_vec();
    }
    // missing sources: a protest is its country's people; an arrest, detention
    // or repression with no agent is the state of the one it falls on
    if sources.is_empty() {
        let fallback = match r.kind.as_str() {
            "PROTEST" => location_country
                .clone()
                .or_else(|| targets.first().and_then(|w| p.cast.country(w))),
            "COERCE" => targets
                .first()
                .and_then(|w| p.cast.country(w))
                .or_else(|| location_country.clone()),
            // "le parquet l'accusait", "un tribunal a condamné X": an organ
            // of the state acts for the state of the one it acts on
            _ if state_body_subject(p, c, verb) => targets
                .first()
                .and_then(|w| p.cast.country(w))
                .or_else(|| location_country.clone()),
            _ => None,
        };
        if let Some(code) = fallback {
            sources.push(p.cast.country_who(&code));
        }
    }
    if sources.is_empty() {
        return Vec::new();
    }
    // "ont manifesté devant l'ambassade de Chine": a protest at a state's
    // mission is aimed at that state
    if targets.is_empty()
        && r.kind == "PROTEST"
        && let Some(w) = mission_target(p, c, t.end)
        && sources.iter().all(|s| p.cast.key(s) != p.cast.key(&w))
    {
        targets.push(w);
    }
    // "ont échangé des tirs avec un groupe armé": a counterpart the text
    // names but no actor stands for is someone else, not the home country
    let unresolved = match &frame.target {
        Slot::Prep(preps) => {
            preps.iter().all(|ph| ph.len() == 1 && ph[0] == "avec")
                && (t.end..p.words(c).end).any(|k| p.text.low(k) == "avec")
        }
        _ => false,
    };
    // troops sent to one's own ground by a border ("dans la province du
    // Badakhchan, frontalière du Tadjikistan") face the neighbour
    let mut facing = false;
    if frame.domestic.as_deref() == Some("MOBILIZE")
        && let Some(s) = sources.first()
        && !targets.is_empty()
        && targets
            .iter()
            .all(|w| p.cast.country(w).is_some() && p.cast.country(w) == p.cast.country(s))
        && let Some(Arg::Actor { who, .. }) = border_target(p, c, t.head).into_iter().next()
        && p.cast.country(&who) != p.cast.country(s)
    {
        targets = vec![who];
        facing = true;
    }
    // a mobilisation facing no border and no war is no event ("a décrété
    // la mobilisation générale" is no act on anyone)
    if targets.is_empty()
        && !unresolved
        && frame.target != Slot::Border
        && (HOME_TARGET.contains(&r.kind.as_str()) || frame.target == Slot::None)
    {
        let home = location_country
            .clone()
            .or_else(|| sources.first().and_then(|s| p.cast.country(s)));
        if let Some(code) = home {
            targets.push(p.cast.country_who(&code));
        }
    }
    if targets.is_empty() {
        return Vec::new();
    }
    // a noun's own time: inside its phrase ("l'invasion de X par Y le 21 août 2021")
    // a noun whose target is the clause's subject ("à la demande de X") is
    // dated with its clause
    let of_clause = frame.target == Slot::Subject;
    let window = match t.context {
        _ if of_clause => None,
        Context::Adjunct => {
            Some(t.head.saturating_sub(4)..p.np_end(t.end, p.words(c).end).max(t.end))
        }
        // "les affrontements qui ont opposé depuis mercredi X et Y": the
        // relative of opposition is the noun's own
        Context::Own => Some(
            t.head
                ..p.opposition(t.end)
                    .map_or_else(|| phrase_end(p, c, t.end), |(_, end)| end),
        ),
        _ => None,
    };
    let anchor = match &t.context {
        Context::Light(g) | Context::Eruption(g, _) => g.head,
        _ => t.end.saturating_sub(1).max(t.head),
    };
    // background acts told by a noun are dated only where the text dates them
    let tense = if matches!(t.context, Context::Own) && !of_clause {
        None
    } else {
        reported(p, c, r.tense)
    };
    let past = matches!(tense, Some(Tense::Perfect | Tense::SimplePast));
    // the clause that dates it: a relative of opposition's, where the noun has one
    let date_clause = match t.context {
        Context::Own if !of_clause => p
            .opposition(t.end)
            .and_then(|(k, _)| p.clauses.iter().position(|cl| cl.words.contains(&k)))
            .unwrap_or(c),
        _ => c,
    };
    let mut dated = date(p, date_clause, r.extra, anchor, tense, window.clone());
    // a light verb's noun may stand between it and its time ("a présenté
    // ses condoléances à X dès le lendemain")
    if let Context::Light(g) = &t.context
        && g.head < t.head
        && !matches!(dated, Some((_, Origin::Text)))
        && let Some(d) = date(
            p,
            c,
            r.extra,
            t.end.saturating_sub(1),
            tense,
            window.clone(),
        )
        .filter(|d| d.1 == Origin::Text)
    {
        dated = Some(d);
    }
    // "se trouvaient jeudi à Samarcande pour le sommet": an act the clause
    // is there for is of the time the clause gives
    if matches!(t.context, Context::Adjunct)
        && !matches!(dated, Some((_, Origin::Text)))
        && concurrent(p, t.head)
        && let Some(d) = date(p, c, None, anchor, None, None)
    {
        dated = Some(d);
    }
    // what a document says, told in the present ("Le rapport appelle X
    // à …"), is of the day the text says the document came out
    if matches!(dated, Some((_, Origin::Tense))) && tense == Some(Tense::Present) {
        dated = document_date(p, c, verb).or(dated);
    }
    let quote = p.text.quote_at.get(t.head).copied().flatten();
    let sentence_text = p.text.slice(range.clone()).to_string();
    // the evidence: the trigger and the arguments named in this sentence
    let evidence_words = |args: &[Arg]| -> Vec<usize> {
        args.iter()
            .filter_map(|a| match a {
                Arg::Actor { words, .. } if !words.is_empty() && range.contains(&words.start) => {
                    Some(vec![words.start, words.end - 1])
                }
                Arg::Pronoun { word, .. } if range.contains(word) => Some(vec![*word]),
                _ => None,
            })
            .flatten()
            .collect()
    };
    let mut ws = vec![t.head, t.end.saturating_sub(1).max(t.head)];
    ws.extend(evidence_words(&r.sources));
    ws.extend(evidence_words(&r.targets));
    let first = ws.iter().copied().min().unwrap_or(t.head);
    let last = ws.iter().copied().max().unwrap_or(t.head);
    let (start, end) = match (p.text.words.get(first), p.text.words.get(last)) {
        (Some(a), Some(b)) => (a.start, b.end),
        _ => (0, 0),
    };
    let place = location.as_ref().map(|w| p.cast.place(w));
    let phone = p
        .words(c)
        .any(|k| p.lex.words.phone.iter().any(|ph| p.text.matches(k, ph)));

    if pairs.is_empty() {
        for s in sources.iter().take(4) {
            for tg in targets.iter().take(6) {
                pairs.push((s.clone(), tg.clone()));
            }
        }
        // a pair that signs together: each one's act towards the other
        if frame.both_ways && pair_subject {
            let reverse: Vec<(Who, Who)> =
                pairs.iter().map(|(a, b)| (b.clone(), a.clone())).collect();
            pairs.extend(reverse);
        }
    }
    let mut out = Vec::new();
    for (s, tg) in &pairs {
        {
            // a person acted on by their own state ("le parquet accuse le
            // journaliste X") is an actor of their own, not their country
            let own_person = p.cast.is_private_person(tg)
                && p.cast.key(s) == p.cast.key(tg)
                && p.cast.own_key(s) != p.cast.own_key(tg);
            let person = frame.person && p.cast.is_person(tg)
                || frame.place && p.cast.is_place(tg)
                || own_person;
            let source_key = p.cast.key(s);
            let target_key = if person {
                p.cast.own_key(tg)
            } else {
                p.cast.key(tg)
            };
            let mut kind = r.kind.clone();
            let mut mode = r.mode.clone();
            if kind == "CONSULT" && phone {
                mode = Some("phone".to_string());
            }
            let same_country =
                p.cast.country(s).is_some() && p.cast.country(s) == p.cast.country(tg);
            if let (Some(d), true) = (&frame.domestic, same_country || facing) {
                kind = d.clone();
                mode = (kind == "MOBILIZE").then(|| "troops".to_string());
            }
            if source_key == target_key && (!DOMESTIC.contains(&kind.as_str()) || r.loose) {
                continue;
            }
            // a news outlet's comment ("le site X regrette que …", "l'agence
            // Y se félicite de …") is no act of a political actor
            if p.cast.is_outlet(s) {
                continue;
            }
            let source: Actor = p.cast.actor(s, false);
            let target: Actor = p.cast.actor(tg, person);
            // a background act ("depuis l'invasion de X") is no step of the
            // story that later references hang on
            if !crate::triggers::background(p, t) {
                memory.note(sentence, &kind, negated, s, &target_key, (&source_key, tg));
            }
            out.push(Coded {
                event: Event {
                    kind,
                    mode,
                    source: Some(source),
                    target: Some(target),
                    date: dated.as_ref().map(|d| d.0.clone()),
                    location: place.clone(),
                    negated,
                    quote,
                    sentence: sentence_text.clone(),
                    start,
                    end,
                },
                at: t.head,
                sentence,
                lemma: frame.lemma.clone(),
                origin: dated.as_ref().map(|d| d.1),
                source_key,
                target_key,
                past,
            });
        }
    }
    out
}

/// The state whose mission (embassy, consulate) the clause of the trigger
/// ending at `end` names after a word of place ("devant l'ambassade de
/// Chine", "aux abords du consulat russe").
fn mission_target(p: &Patterns, c: usize, end: usize) -> Option<Who> {
    let w = &p.lex.words;
    let limit = p.words(c).end;
    (end..limit).find_map(|k| {
        let site = w.sites.iter().find(|ph| p.text.matches(k, ph))?;
        let mut m = k + site.len();
        while m < limit && w.determiners.contains(p.text.low(m)) {
            m += 1;
        }
        let mission = w.missions.iter().find(|ph| p.text.matches(m, ph))?;
        let start = m + mission.len();
        let stop = p.np_end(start, limit).min(start + 4);
        (start..stop)
            .filter_map(|g| p.text.covered(g))
            .map(|x| &p.text.mentions[x].who)
            .find_map(|who| p.cast.country(who))
            .map(|code| p.cast.country_who(&code))
    })
}

/// Whether a preposition of the time of its clause (pour, lors de) ends
/// within a few words before the noun at `head`, with no pause between.
fn concurrent(p: &Patterns, head: usize) -> bool {
    (head.saturating_sub(4)..head).any(|k| {
        p.lex.words.concurrent_preps.iter().any(|ph| {
            k + ph.len() <= head
                && p.text.matches(k, ph)
                && (k + ph.len()..head).all(|g| !p.text.is_punct(g))
        })
    })
}
