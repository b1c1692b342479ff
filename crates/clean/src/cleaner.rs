//! The cleaning pass over one document's lines.

use chronicle_model::{Document, Origin, Published, Removal, RemovalReason, Span};

use crate::dates::{self, NormalDate};
use crate::fold::{fold, trim};
use crate::language;
use crate::rules::Rules;

/// A short line that matches a byline pattern is a byline anywhere in the head
/// of the article (between a standfirst and the first paragraph of text, say);
/// a longer one only before the first paragraph or after the last.
const MAX_BYLINE_WORDS_IN_HEAD: usize = 6;
/// A byline that goes on with the writer's role after a comma ("Par Claire
/// Vasseur, envoyée spéciale à Lorvane") may be this long in the head.
const MAX_BYLINE_WITH_ROLE_WORDS: usize = 16;
/// A closing note on the author is at most this many words long.
const MAX_AUTHOR_NOTE_WORDS: usize = 45;
/// A kicker in capitals ("ASIE CENTRALE") before a headline has at most this
/// many words.
const MAX_KICKER_WORDS: usize = 6;
/// A line longer than this many words is article text, never furniture.
const MAX_FURNITURE_WORDS: usize = 25;
/// A caption, credit included, is at most this many words long.
const MAX_CAPTION_WORDS: usize = 80;
/// A headline has at least this many words ("TV" is a logo, not a title).
const MIN_TITLE_WORDS: usize = 3;
/// A headline has at most this many words.
const MAX_TITLE_WORDS: usize = 30;
/// A line of at most this many words sitting in a block with a caption is the
/// image's alt text or a second caption line.
const MAX_ALT_WORDS: usize = 15;
/// Lines this long or longer are checked for being in another language.
const MIN_FOREIGN_WORDS: usize = 6;
/// A line whose words are at least this share of the article language's
/// function words is in that language.
const NATIVE_STOPWORD_SHARE: f64 = 0.12;

#[derive(Debug, Clone, Copy, PartialEq)]
enum State {
    Content,
    Removed(RemovalReason),
}

#[derive(Debug)]
struct Line<'a> {
    text: &'a str,
    block: usize,
    state: State,
}

impl Line<'_> {
    fn is_content(&self) -> bool {
        self.state == State::Content
    }
}

fn word_count(s: &str) -> usize {
    s.split(|c: char| crate::fold::is_space(c))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Whether a line ends as a sentence does.
fn ends_sentence(s: &str) -> bool {
    let s = trim(s).trim_end_matches(['»', '"', '”', '’', ')', ' ', '\u{a0}', '\u{202f}']);
    s.ends_with(['.', '!', '?', '…'])
}

/// Whether a line reads as a paragraph of article text rather than a link title.
fn is_paragraph_like(s: &str) -> bool {
    let n = word_count(s);
    n > MAX_FURNITURE_WORDS || (n >= 8 && ends_sentence(s))
}

/// What the lines of a text say beside the body.
#[derive(Default)]
struct Found {
    published: Option<NormalDate>,
    /// The date of a "Mis à jour le …" line: the publication date only when
    /// no line gives that.
    updated: Option<NormalDate>,
    source: Option<String>,
    /// The writer a byline names ("Par Claire Vasseur, envoyée spéciale"):
    /// a last paragraph that presents them is a note on the author.
    author: Option<String>,
}

/// Splits `raw` into trimmed lines, numbering blocks of consecutive non-blank lines.
fn lines(raw: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut block = 0;
    let mut blank = true;
    for l in raw.split('\n') {
        let t = trim(l);
        if t.is_empty() {
            if !blank {
                block += 1;
            }
            blank = true;
            continue;
        }
        blank = false;
        out.push(Line {
            text: t,
            block,
            state: State::Content,
        });
    }
    out
}

/// Cleans `doc.raw` into `doc.body`, filling title, dateline, source,
/// published, language and what was removed.
pub(crate) fn clean(rules: &Rules, doc: &mut Document) {
    let raw = std::mem::take(&mut doc.raw);
    let mut ls = lines(&raw);
    let mut removed: Vec<Removal> = std::mem::take(&mut doc.removed);
    let mut found = Found::default();

    head_metadata(rules, &mut ls, &mut removed, &mut found);
    furniture(rules, &mut ls, &mut found);
    author_note(&mut ls, found.author.as_deref());
    source_note(rules, &mut ls);
    // The headline before alt lines are guessed: a headline right above a
    // photo caption is still the headline.
    let title = title(rules, &mut ls, doc.given.title.as_deref());
    captions_by_block(&mut ls);
    let language = detect_document_language(rules, &ls);
    if let Some(lang) = language.as_deref() {
        foreign_captions(rules, lang, &mut ls);
    }
    let dateline = dateline(rules, &mut ls, &mut removed, &mut found);
    outlet_signature(&mut ls, found.source.as_deref());

    // Removals in the order of the text, after the ones reading already made.
    for l in &ls {
        if let State::Removed(reason) = l.state {
            removed.push(Removal {
                text: l.text.to_string(),
                reason,
            });
        }
    }
    let (body, paragraphs) = body(&ls);
    doc.body = body;
    doc.paragraphs = paragraphs;
    doc.removed = removed;
    doc.title = doc
        .given
        .title
        .as_deref()
        .map(|t| trim(t).to_string())
        .filter(|t| !t.is_empty())
        .or(title);
    doc.dateline = dateline;
    doc.source = doc
        .given
        .source
        .clone()
        .filter(|s| !trim(s).is_empty())
        .or(found.source);
    doc.published = published(rules, doc, found.published.or(found.updated));
    doc.language = final_language(doc, language);
    doc.raw = raw;
}

/// `date 2019-03 La Chine…`: metadata glued to the head of the first line.
fn head_metadata(
    rules: &Rules,
    ls: &mut [Line<'_>],
    removed: &mut Vec<Removal>,
    found: &mut Found,
) {
    let Some(first) = ls.first_mut() else { return };
    for re in &rules.head_metadata {
        let Some(caps) = re.captures(first.text) else {
            continue;
        };
        let Some(whole) = caps.get(0) else { continue };
        if let Some(d) = caps.name("date").and_then(|m| dates::parse_iso(m.as_str())) {
            found.published.get_or_insert(d);
        }
        removed.push(Removal {
            text: trim(whole.as_str()).to_string(),
            reason: RemovalReason::Metadata,
        });
        first.text = trim(&first.text[whole.end()..]);
        if first.text.is_empty() {
            first.state = State::Removed(RemovalReason::Metadata);
        }
        return;
    }
}

/// What may follow a date on a date line: a time, an update, a byline.
const AFTER_DATE: &[&str] = &[" à ", " at ", " - ", " – ", " — ", ",", "·", "|", "•"];

/// The date a line gives with one of `patterns` (group `date`), if any. Where
/// the group runs on past the date ("10/01/2022 · mis à jour …"), the date is
/// read up to the first separator.
fn line_date(rules: &Rules, patterns: &[regex::Regex], line: &str) -> Option<NormalDate> {
    patterns.iter().find_map(|re| {
        let text = trim(re.captures(line)?.name("date")?.as_str());
        dates::parse_any(text, &rules.calendars).or_else(|| {
            let cut = AFTER_DATE.iter().filter_map(|sep| text.find(sep)).min()?;
            dates::parse_any(trim(&text[..cut]), &rules.calendars)
        })
    })
}

/// Navigation, share buttons, related-link blocks, metadata lines, bylines,
/// captions and credits, and the tail of a dispatch, line by line.
fn furniture(rules: &Rules, ls: &mut [Line<'_>], found: &mut Found) {
    let mut in_related = false;
    let n = ls.len();
    let first_paragraph = ls
        .iter()
        .position(|l| is_paragraph_like(l.text))
        .unwrap_or(n);
    // The head: up to the second paragraph (a standfirst, then the text).
    let head_end = ls
        .iter()
        .enumerate()
        .filter(|(_, l)| is_paragraph_like(l.text))
        .nth(1)
        .map_or(n, |(i, _)| i);
    // Without a paragraph there is no tail to speak of.
    let last_paragraph = ls
        .iter()
        .rposition(|l| is_paragraph_like(l.text))
        .unwrap_or(n);
    for (i, l) in ls.iter_mut().enumerate() {
        if !l.is_content() {
            continue;
        }
        let words = word_count(l.text);
        let folded = fold(l.text);
        if in_related {
            if is_paragraph_like(l.text) {
                in_related = false;
            } else {
                l.state = State::Removed(RemovalReason::RelatedLinks);
                continue;
            }
        }
        if words <= MAX_FURNITURE_WORDS {
            if rules.navigation.contains(&folded)
                || rules.is_navigation_line(l.text)
                || rules
                    .url_line
                    .as_ref()
                    .is_some_and(|re| re.is_match(l.text))
            {
                l.state = State::Removed(RemovalReason::Navigation);
                continue;
            }
            if rules.related_headings.contains(&folded) {
                l.state = State::Removed(RemovalReason::RelatedLinks);
                in_related = true;
                continue;
            }
            if rules.is_related_link_line(&folded) {
                l.state = State::Removed(RemovalReason::RelatedLinks);
                continue;
            }
            if let Some(caps) = rules.metadata_lines.iter().find_map(|re| {
                if re.is_match(l.text) {
                    re.captures(l.text)
                } else {
                    None
                }
            }) {
                if let Some(s) = caps.name("source") {
                    found
                        .source
                        .get_or_insert_with(|| trim(s.as_str()).to_string());
                }
                if let Some(d) = caps
                    .name("date")
                    .and_then(|m| dates::parse_any(m.as_str(), &rules.calendars))
                {
                    found.published.get_or_insert(d);
                }
                l.state = State::Removed(RemovalReason::Metadata);
                continue;
            }
            if let Some(d) = line_date(rules, &rules.published_lines, l.text) {
                found.published.get_or_insert(d);
                l.state = State::Removed(RemovalReason::Metadata);
                continue;
            }
            if i < head_end
                && let Some(d) = line_date(rules, &rules.head_dates, l.text)
            {
                found.published.get_or_insert(d);
                l.state = State::Removed(RemovalReason::Metadata);
                continue;
            }
            if let Some(d) = line_date(rules, &rules.updated_lines, l.text) {
                found.updated.get_or_insert(d);
                l.state = State::Removed(RemovalReason::Metadata);
                continue;
            }
            let at_edge = i < first_paragraph || (last_paragraph < n && i > last_paragraph);
            let in_head = i < head_end
                && (words <= MAX_BYLINE_WORDS_IN_HEAD
                    || (words <= MAX_BYLINE_WITH_ROLE_WORDS
                        && (names_a_role(l.text) || l.text.contains(", "))));
            if (at_edge || in_head) && !ends_sentence(l.text) && rules.is_byline(l.text) {
                if found.author.is_none() {
                    found.author = byline_author(l.text);
                }
                l.state = State::Removed(RemovalReason::Metadata);
                continue;
            }
            if last_paragraph < n && i > last_paragraph && rules.is_tail(l.text) {
                l.state = State::Removed(RemovalReason::Credit);
                continue;
            }
        }
        if words <= MAX_CAPTION_WORDS && rules.has_credit(l.text) {
            let only = rules.is_credit_only(l.text);
            l.state = State::Removed(if only {
                RemovalReason::Credit
            } else {
                RemovalReason::Caption
            });
        }
    }
}

/// A byline whose name a comma follows with what the writer is, in lower
/// case ("Par Claire Vasseur, envoyée spéciale à Lorvane").
fn names_a_role(line: &str) -> bool {
    line.split_once(", ")
        .is_some_and(|(_, role)| role.chars().next().is_some_and(char::is_lowercase))
}

/// The writer's name in a byline: the capitalised words after its first
/// word ("Par", "Texte par") up to a comma.
fn byline_author(line: &str) -> Option<String> {
    let head = line.split(',').next().unwrap_or(line);
    let words: Vec<&str> = head
        .split_whitespace()
        .skip_while(|w| {
            !w.chars().next().is_some_and(char::is_uppercase) || {
                let f = fold(w);
                f == "par" || f == "texte" || f == "propos"
            }
        })
        .collect();
    (words.len() >= 2).then(|| words.join(" "))
}

/// The last line of the text, when it presents the writer the byline names
/// ("Claire Vasseur est chercheuse à …"), is a note on the author, not the
/// article.
fn author_note(ls: &mut [Line<'_>], author: Option<&str>) {
    let Some(author) = author else { return };
    let Some(last) = ls.iter_mut().rev().find(|l| l.is_content()) else {
        return;
    };
    let Some(rest) = last.text.strip_prefix(author) else {
        return;
    };
    let rest = rest.trim_start();
    let presents = ["est ", "a été ", "enseigne ", "dirige ", "travaille ", ", "]
        .iter()
        .any(|p| rest.starts_with(p));
    if presents && word_count(last.text) <= MAX_AUTHOR_NOTE_WORDS {
        last.state = State::Removed(RemovalReason::Credit);
    }
}

/// The last line of the text, when it says where the text comes from ("Extraits
/// traduits à partir des éditions en ligne des titres cités."), is a credit,
/// even shaped as a paragraph.
fn source_note(rules: &Rules, ls: &mut [Line<'_>]) {
    let Some(last) = ls.iter_mut().rev().find(|l| l.is_content()) else {
        return;
    };
    if word_count(last.text) <= MAX_AUTHOR_NOTE_WORDS && rules.is_source_note(last.text) {
        last.state = State::Removed(RemovalReason::Credit);
    }
}

/// The outlet's name alone on the last line ("UzA"), once a dateline or a
/// metadata line has named it, signs the dispatch.
fn outlet_signature(ls: &mut [Line<'_>], source: Option<&str>) {
    let Some(source) = source.map(fold).filter(|s| !s.is_empty()) else {
        return;
    };
    if let Some(last) = ls.iter_mut().rev().find(|l| l.is_content())
        && fold(last.text) == source
    {
        last.state = State::Removed(RemovalReason::Credit);
    }
}

/// The short unpunctuated lines right beside a caption, in its block, are the
/// image's alt text or more caption. Only the neighbours: a page pasted
/// without blank lines is one block, and its headline, kicker and
/// subheadings are not captions.
fn captions_by_block(ls: &mut [Line<'_>]) {
    let captions: Vec<usize> = (0..ls.len())
        .filter(|&i| {
            matches!(
                ls[i].state,
                State::Removed(RemovalReason::Caption | RemovalReason::Credit)
            )
        })
        .collect();
    for i in captions {
        let block = ls[i].block;
        for j in [i.checked_sub(1), Some(i + 1)].into_iter().flatten() {
            let Some(l) = ls.get_mut(j) else { continue };
            if l.block == block
                && l.is_content()
                && word_count(l.text) <= MAX_ALT_WORDS
                && !ends_sentence(l.text)
            {
                l.state = State::Removed(RemovalReason::Caption);
            }
        }
    }
}

/// Whether a line is shaped like a headline: a few words, not ending as a
/// sentence or a clause does.
fn title_shaped(t: &str) -> bool {
    (MIN_TITLE_WORDS..=MAX_TITLE_WORDS).contains(&word_count(t))
        && !t
            .trim_end_matches(['»', '"', '”', ' '])
            .ends_with(['.', ',', ';', ':'])
}

/// A kicker in capitals before a headline: "ASIE CENTRALE", or one that
/// goes on with a section after a bar: "EN BREF | Asie centrale".
fn is_capital_kicker(t: &str) -> bool {
    let head = t.split(['|', '•', '·']).next().unwrap_or(t);
    word_count(t) <= MAX_KICKER_WORDS
        && head.chars().any(char::is_uppercase)
        && !head.chars().any(char::is_lowercase)
        && !ends_sentence(t)
}

/// Detects the article's language once, on its content lines (captions and
/// furniture already set aside), up to a few kilobytes.
fn detect_document_language(rules: &Rules, ls: &[Line<'_>]) -> Option<String> {
    let mut sample = String::new();
    for l in ls.iter().filter(|l| l.is_content()) {
        if sample.len() > 4096 {
            break;
        }
        sample.push_str(l.text);
        sample.push('\n');
    }
    language::detect(rules, &sample)
        .filter(|d| d.reliable || d.confidence >= 0.5)
        .map(|d| d.code)
}

/// Lines in another language than the article's, outside quotation marks,
/// are captions of pictures from elsewhere.
fn foreign_captions(rules: &Rules, language: &str, ls: &mut [Line<'_>]) {
    if !rules.stopwords.contains_key(language) {
        return;
    }
    for l in ls.iter_mut() {
        if !l.is_content()
            || word_count(l.text) < MIN_FOREIGN_WORDS
            || l.text.contains(['«', '»', '“', '”'])
        {
            continue;
        }
        if language::stopword_share(rules, language, l.text) >= NATIVE_STOPWORD_SHARE {
            continue;
        }
        if let Some(d) = language::detect(rules, l.text)
            && d.reliable
            && d.code != language
        {
            l.state = State::Removed(RemovalReason::Caption);
        }
    }
}

/// Finds the headline: the given one where the text repeats it, else a first
/// line shaped like a headline. Fragments before it are navigation.
fn title(rules: &Rules, ls: &mut [Line<'_>], given: Option<&str>) -> Option<String> {
    let content: Vec<usize> = (0..ls.len()).filter(|&i| ls[i].is_content()).collect();
    if let Some(given) = given {
        let g = fold(given);
        for &i in content.iter().take(3) {
            if fold(ls[i].text) == g {
                ls[i].state = State::Removed(RemovalReason::Title);
                return None;
            }
        }
        return None;
    }
    let mut k = 0;
    // Logo words and section names before the headline; a longer kicker in
    // capitals only where a headline follows it.
    while k + 1 < content.len() {
        let t = ls[content[k]].text;
        let logo = word_count(t) < MIN_TITLE_WORDS && t.chars().count() <= 24 && !ends_sentence(t);
        let kicker = is_capital_kicker(t) && title_shaped(ls[content[k + 1]].text);
        if logo || kicker {
            k += 1;
        } else {
            break;
        }
    }
    let &i = content.get(k)?;
    let t = ls[i].text;
    let starts_with_dateline = rules.datelines.iter().any(|re| re.is_match(t));
    // A first line that runs on into the next one is a wrapped paragraph.
    let runs_on = content.get(k + 1).is_some_and(|&j| {
        ls[j].block == ls[i].block && ls[j].text.chars().next().is_some_and(char::is_lowercase)
    });
    let shaped = title_shaped(t) && !starts_with_dateline && !runs_on && k + 1 < content.len();
    if !shaped {
        return None;
    }
    for &j in &content[..k] {
        ls[j].state = State::Removed(RemovalReason::Navigation);
    }
    ls[i].state = State::Removed(RemovalReason::Title);
    Some(t.to_string())
}

/// `(Nur-Sultan) Le président…`: the place at the head of the first
/// paragraph, or of the one after a standfirst.
fn dateline(
    rules: &Rules,
    ls: &mut [Line<'_>],
    removed: &mut Vec<Removal>,
    found: &mut Found,
) -> Option<String> {
    // The first paragraph, or the one after a standfirst.
    let content: Vec<usize> = (0..ls.len()).filter(|&i| ls[i].is_content()).collect();
    let &first_i = content.first()?;
    let candidates = match content.get(1) {
        Some(&second) if is_paragraph_like(ls[first_i].text) => vec![first_i, second],
        _ => vec![first_i],
    };
    let (first_i, caps_re) = candidates.iter().find_map(|&i| {
        rules
            .datelines
            .iter()
            .find(|re| {
                re.captures(ls[i].text).is_some_and(|c| {
                    let rest = trim(&ls[i].text[c.get(0).map_or(0, |m| m.end())..]);
                    word_count(rest) >= 3
                        && rest
                            .chars()
                            .next()
                            .is_some_and(|ch| ch.is_uppercase() || "«\"“".contains(ch))
                })
            })
            .map(|re| (i, re))
    })?;
    let first = &mut ls[first_i];
    let caps = caps_re.captures(first.text)?;
    let (whole, place) = (caps.get(0)?, caps.name("place")?);
    let rest = trim(&first.text[whole.end()..]);
    if let Some(s) = caps.name("source") {
        found
            .source
            .get_or_insert_with(|| trim(s.as_str()).to_string());
    }
    removed.push(Removal {
        text: trim(whole.as_str())
            .trim_end_matches(['-', '–', '—', ' '])
            .to_string(),
        reason: RemovalReason::Dateline,
    });
    let place = trim(place.as_str())
        .trim_end_matches([',', ' '])
        .to_string();
    first.text = rest;
    Some(place)
}

/// Joins the remaining lines into paragraphs: a line that stops mid-sentence
/// and a next line that goes on in lower case are one paragraph wrapped.
fn body(ls: &[Line<'_>]) -> (String, Vec<Span>) {
    let mut body = String::new();
    let mut spans = Vec::new();
    let mut prev: Option<&Line<'_>> = None;
    let mut start = 0;
    for l in ls.iter().filter(|l| l.is_content()) {
        let continues = prev.is_some_and(|p| {
            p.block == l.block
                && !ends_sentence(p.text)
                && !p.text.ends_with(':')
                && l.text.chars().next().is_some_and(|c| c.is_lowercase())
        });
        if prev.is_some() {
            if continues {
                body.push(' ');
            } else {
                spans.push(Span::new(start, body.len()));
                body.push('\n');
                start = body.len();
            }
        }
        body.push_str(l.text);
        prev = Some(l);
    }
    if prev.is_some() {
        spans.push(Span::new(start, body.len()));
    }
    (body, spans)
}

fn published(
    rules: &Rules,
    doc: &mut Document,
    from_text: Option<NormalDate>,
) -> Option<Published> {
    if let Some(given) = doc
        .given
        .published
        .as_deref()
        .map(trim)
        .filter(|g| !g.is_empty())
    {
        match dates::parse_any(given, &rules.calendars) {
            Some(d) => {
                return Some(Published {
                    value: d.value,
                    precision: d.precision,
                    origin: Origin::Metadata,
                });
            }
            None => doc.warnings.push(format!(
                "the given publication date {given:?} is not a date chronicle reads; ignored"
            )),
        }
    }
    from_text.map(|d| Published {
        value: d.value,
        precision: d.precision,
        origin: Origin::Text,
    })
}

fn normalise_language_code(code: &str) -> String {
    let c = code.trim().to_ascii_lowercase();
    c.split(['-', '_']).next().unwrap_or(&c).to_string()
}

/// The language of the record: the detected one, else the one the input
/// gives; a disagreement or another language than French is worth a warning.
fn final_language(doc: &mut Document, detected: Option<String>) -> Option<String> {
    let given = doc.given.language.as_deref().map(normalise_language_code);
    let lang = match (given, detected) {
        (Some(g), Some(d)) if g != d => {
            doc.warnings.push(format!(
                "the input says its language is {g:?}; the text reads as {d:?}; kept {d:?}"
            ));
            Some(d)
        }
        (g, d) => d.or(g),
    };
    match lang.as_deref() {
        None if !doc.body.is_empty() => doc.warnings.push("language not detected: too little text".to_string()),
        Some(l) if l != "fr" => doc.warnings.push(format!(
            "language is {l:?}: chronicle's extraction is written for French; this record is cleaned but may miss entities, quotes and events"
        )),
        _ => {}
    }
    lang
}

#[cfg(test)]
mod tests {
    use chronicle_model::{Document, Given, Origin, Precision, Removal, RemovalReason};

    use crate::Cleaner;

    fn clean(raw: &str, given: Given) -> Document {
        let cleaner = Cleaner::builtin().expect("rules load");
        let mut doc = Document {
            raw: raw.to_string(),
            given,
            ..Document::default()
        };
        cleaner.clean(&mut doc);
        doc
    }

    fn reasons(doc: &Document) -> Vec<(RemovalReason, &str)> {
        doc.removed
            .iter()
            .map(|r| (r.reason, r.text.as_str()))
            .collect()
    }

    const PARA1: &str = "Le président valdorien Arvid Kessel a reçu mardi son homologue ostrakien pour un entretien consacré à la sécurité de la frontière commune.";
    const PARA2: &str = "Les deux dirigeants ont promis de renforcer la coopération entre leurs services de police, selon un communiqué publié à l’issue de la rencontre.";

    #[test]
    fn title_logo_word_and_dateline() {
        let raw = format!(
            "INFO\n\nValdorie et Ostrakie scellent un accord de sécurité\n\n(Lorvane) {PARA1}\n\n{PARA2}\n"
        );
        let doc = clean(&raw, Given::default());
        assert_eq!(
            doc.title.as_deref(),
            Some("Valdorie et Ostrakie scellent un accord de sécurité")
        );
        assert_eq!(doc.dateline.as_deref(), Some("Lorvane"));
        assert!(
            doc.body.starts_with("Le président valdorien"),
            "{}",
            doc.body
        );
        assert_eq!(
            reasons(&doc),
            vec![
                (RemovalReason::Dateline, "(Lorvane)"),
                (RemovalReason::Navigation, "INFO"),
                (
                    RemovalReason::Title,
                    "Valdorie et Ostrakie scellent un accord de sécurité"
                ),
            ]
        );
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.text(doc.paragraphs[1]), PARA2);
    }

    #[test]
    fn radio_byline_date_line_and_related_link_with_a_stop() {
        let raw = format!(
            "Un titre qui annonce la nouvelle du jour\n{PARA1}\nAvec notre correspondant en Asie centrale, Anne Roux\n5 septembre 2024\n{PARA2}\nLire aussi. Lorvane : la saison des pluies commence\n{PARA1}"
        );
        let doc = clean(&raw, Given::default());
        assert!(!doc.body.contains("correspondant"), "{}", doc.body);
        assert!(!doc.body.contains("5 septembre"), "{}", doc.body);
        assert!(!doc.body.contains("Lire aussi"), "{}", doc.body);
        let p = doc.published.as_ref().map(|p| p.value.clone());
        assert_eq!(p.as_deref(), Some("2024-09-05"));
    }

    #[test]
    fn byline_with_role_and_closing_author_note() {
        let raw = format!(
            "ANALYSE\nLa Valdorie face à ses voisins du nord\n{PARA1}\nPar Claire Vasseur, chercheuse associée à l’Institut des steppes\n{PARA2}\nClaire Vasseur est chercheuse associée à l’Institut des steppes et spécialiste de la Valdorie."
        );
        let doc = clean(&raw, Given::default());
        assert!(!doc.body.contains("Par Claire"), "{}", doc.body);
        assert!(
            !doc.body.contains("spécialiste de la Valdorie"),
            "{}",
            doc.body
        );
        assert!(doc.body.contains(PARA2.trim()), "{}", doc.body);
    }

    #[test]
    fn outlet_name_alone_on_the_last_line() {
        let raw = format!("LORVANE, 3 mars (Valpress) -- {PARA1}\n\n{PARA2}\n\nValpress");
        let doc = clean(&raw, Given::default());
        assert_eq!(doc.source.as_deref(), Some("Valpress"));
        assert!(!doc.body.ends_with("Valpress"), "{}", doc.body);
    }

    #[test]
    fn mixed_case_dateline_after_a_standfirst() {
        let raw = format!("Un titre qui annonce la nouvelle du jour\n{PARA1}\nLorvane – {PARA2}");
        let doc = clean(&raw, Given::default());
        assert_eq!(doc.dateline.as_deref(), Some("Lorvane"));
        assert!(!doc.body.contains("Lorvane –"), "{}", doc.body);
        // A hyphen is not a dateline's dash.
        let raw = format!("Un titre qui annonce la nouvelle du jour\n{PARA1}\nLorvane - {PARA2}");
        assert_eq!(clean(&raw, Given::default()).dateline, None);
    }

    #[test]
    fn date_and_section_metadata_lines() {
        let raw = format!(
            "Source : La Gazette de Lorvane\nDate : 14/06/2024\nRubrique : Economie\nUn titre qui annonce la nouvelle du jour\n{PARA1}\nAjouter à vos sélections\n{PARA2}"
        );
        let doc = clean(&raw, Given::default());
        let p = doc.published.as_ref().map(|p| p.value.clone());
        assert_eq!(p.as_deref(), Some("2024-06-14"));

        assert!(!doc.body.contains("Rubrique"), "{}", doc.body);
        assert!(!doc.body.contains("sélections"), "{}", doc.body);
    }

    #[test]
    fn breadcrumb_before_the_headline_and_a_tags_line_at_the_foot() {
        let raw = format!(
            "International › Europe de l’Est\nValdorie et Ostrakie scellent un accord de sécurité\n{PARA1}\n{PARA2}\nTags : Valdorie, Ostrakie, frontière, police"
        );
        let doc = clean(&raw, Given::default());
        assert_eq!(
            doc.title.as_deref(),
            Some("Valdorie et Ostrakie scellent un accord de sécurité")
        );
        assert_eq!(doc.body, format!("{PARA1}\n{PARA2}"));
        assert_eq!(
            reasons(&doc)[0],
            (RemovalReason::Navigation, "International › Europe de l’Est")
        );
    }

    #[test]
    fn agency_dateline_gives_place_and_source() {
        let raw = format!("LORVANE (AFP) - {PARA1}\n\n{PARA2}");
        let doc = clean(&raw, Given::default());
        assert_eq!(doc.dateline.as_deref(), Some("LORVANE"));
        assert_eq!(doc.source.as_deref(), Some("AFP"));
        assert!(doc.body.starts_with("Le président"), "{}", doc.body);
    }

    #[test]
    fn given_title_repeated_in_text_is_removed_once() {
        let given = Given {
            title: Some("Accord de sécurité à Lorvane".into()),
            ..Given::default()
        };
        let doc = clean(
            &format!("Accord de sécurité à Lorvane\n\n{PARA1}\n\n{PARA2}"),
            given,
        );
        assert_eq!(doc.title.as_deref(), Some("Accord de sécurité à Lorvane"));
        assert!(doc.body.starts_with("Le président"));
    }

    #[test]
    fn related_block_ends_at_the_next_paragraph() {
        let raw = format!(
            "{PARA1}\n\nÀ lire aussi\nValdorie : le sommet de Lorvane reporté\nQui est Arvid Kessel ?\n\n{PARA2}\n\nÀ lire aussi : la frontière sous tension"
        );
        let doc = clean(&raw, Given::default());
        assert_eq!(doc.body, format!("{PARA1}\n{PARA2}"));
        assert_eq!(
            doc.removed
                .iter()
                .filter(|r| r.reason == RemovalReason::RelatedLinks)
                .count(),
            4
        );
    }

    #[test]
    fn captions_alt_lines_and_credits() {
        let raw = format!(
            "{PARA1}\n\nArvid Kessel et Mira Ostrova\nArvid Kessel et Mira Ostrova à Lorvane, le 3 mai 2023 © Agence Valdo\n\n© AFP\n\n{PARA2}"
        );
        let doc = clean(&raw, Given::default());
        assert_eq!(doc.body, format!("{PARA1}\n{PARA2}"));
        assert_eq!(
            reasons(&doc),
            vec![
                (RemovalReason::Caption, "Arvid Kessel et Mira Ostrova"),
                (
                    RemovalReason::Caption,
                    "Arvid Kessel et Mira Ostrova à Lorvane, le 3 mai 2023 © Agence Valdo"
                ),
                (RemovalReason::Credit, "© AFP"),
            ]
        );
    }

    #[test]
    fn a_caption_in_another_language_goes() {
        let caption = "President Arvid Kessel speaks to reporters during a press conference in the capital on Tuesday";
        let doc = clean(
            &format!("{PARA1}\n\n{caption}\n\n{PARA2}"),
            Given::default(),
        );
        assert_eq!(doc.body, format!("{PARA1}\n{PARA2}"));
        assert_eq!(reasons(&doc), vec![(RemovalReason::Caption, caption)]);
        assert_eq!(doc.language.as_deref(), Some("fr"));
    }

    #[test]
    fn subheadings_stay() {
        let doc = clean(
            &format!("{PARA1}\n\nUne frontière sous tension\n\n{PARA2}"),
            Given::default(),
        );
        assert_eq!(
            doc.body,
            format!("{PARA1}\nUne frontière sous tension\n{PARA2}")
        );
    }

    #[test]
    fn metadata_lines_bylines_and_share_buttons() {
        let raw = format!(
            "Par Lina Varga, envoyée spéciale à Lorvane\nPublié le lundi 10 janvier 2022 à 14h32\n\n{PARA1}\n\nPartager sur Facebook\nTweeter\n\n{PARA2}\n\nSOURCE: AGENCE VALDO"
        );
        let doc = clean(&raw, Given::default());
        assert_eq!(doc.body, format!("{PARA1}\n{PARA2}"));
        assert_eq!(doc.source.as_deref(), Some("AGENCE VALDO"));
        let p = doc.published.expect("published from the text");
        assert_eq!(
            (p.value.as_str(), p.precision, p.origin),
            ("2022-01-10", Precision::Day, Origin::Text)
        );
    }

    #[test]
    fn inline_head_metadata() {
        let doc = clean(
            &format!(" date 2023-04 {PARA1}\n\n{PARA2}"),
            Given::default(),
        );
        assert!(doc.body.starts_with("Le président"));
        let p = doc.published.clone().expect("published");
        assert_eq!((p.value.as_str(), p.origin), ("2023-04", Origin::Text));
        assert_eq!(
            reasons(&doc),
            vec![(RemovalReason::Metadata, "date 2023-04")]
        );
    }

    #[test]
    fn given_dates_win_and_bad_ones_warn() {
        let given = Given {
            published: Some("2022-01-10T08:30:00+01:00".into()),
            ..Given::default()
        };
        let doc = clean(&format!(" date 2019-03 {PARA1}"), given);
        let p = doc.published.expect("published");
        assert_eq!(
            (p.value.as_str(), p.precision, p.origin),
            ("2022-01-10T08:30", Precision::Minute, Origin::Metadata)
        );

        let given = Given {
            published: Some("la semaine dernière".into()),
            ..Given::default()
        };
        let doc = clean(PARA1, given);
        assert!(doc.published.is_none());
        assert!(
            doc.warnings
                .iter()
                .any(|w| w.contains("la semaine dernière")),
            "{:?}",
            doc.warnings
        );
    }

    #[test]
    fn wrapped_lines_are_joined() {
        let raw = "Le président valdorien Arvid Kessel a reçu mardi son homologue\nostrakien pour un entretien consacré à la sécurité de la frontière.\nLes deux dirigeants ont promis de coopérer.";
        let doc = clean(raw, Given::default());
        assert_eq!(doc.paragraphs.len(), 2, "{}", doc.body);
        assert!(doc.body.contains("homologue ostrakien"));
    }

    #[test]
    fn another_language_is_kept_with_a_warning() {
        let raw = "The Valdorian president met his Ostrakian counterpart on Tuesday to discuss border security.\n\nBoth leaders pledged closer police cooperation, a statement said after the meeting.";
        let doc = clean(raw, Given::default());
        assert_eq!(doc.language.as_deref(), Some("en"));
        assert!(doc.body.contains("Both leaders"));
        assert!(
            doc.warnings.iter().any(|w| w.contains("\"en\"")),
            "{:?}",
            doc.warnings
        );
    }

    #[test]
    fn a_page_pasted_without_blank_lines_keeps_its_kicker_headline_and_subheading_apart() {
        // One block: section kicker, headline, date line, caption with its
        // credit, body, subheading, body. Only the caption is a caption.
        let raw = format!(
            "Monde\nValdorie : Arvid Kessel reçoit son homologue ostrakien\nPublié le : 03/05/2023 - 10:15\nArvid Kessel à Lorvane, le 3 mai. © Agence Valdo\n{PARA1}\nUne coopération policière\n{PARA2}"
        );
        let doc = clean(&raw, Given::default());
        assert_eq!(
            doc.title.as_deref(),
            Some("Valdorie : Arvid Kessel reçoit son homologue ostrakien")
        );
        assert_eq!(
            doc.body,
            format!("{PARA1}\nUne coopération policière\n{PARA2}")
        );
        assert_eq!(
            reasons(&doc),
            vec![
                (RemovalReason::Navigation, "Monde"),
                (
                    RemovalReason::Title,
                    "Valdorie : Arvid Kessel reçoit son homologue ostrakien"
                ),
                (RemovalReason::Metadata, "Publié le : 03/05/2023 - 10:15"),
                (
                    RemovalReason::Caption,
                    "Arvid Kessel à Lorvane, le 3 mai. © Agence Valdo"
                ),
            ]
        );
        let p = doc.published.expect("published from the text");
        assert_eq!((p.value.as_str(), p.origin), ("2023-05-03", Origin::Text));
    }

    #[test]
    fn a_headline_right_above_a_caption_stays_the_headline() {
        let raw = format!(
            "Valdorie et Ostrakie scellent un accord de sécurité\nArvid Kessel à Lorvane, le 3 mai. © Agence Valdo\n{PARA1}\n{PARA2}"
        );
        let doc = clean(&raw, Given::default());
        assert_eq!(
            doc.title.as_deref(),
            Some("Valdorie et Ostrakie scellent un accord de sécurité")
        );
        assert_eq!(doc.body, format!("{PARA1}\n{PARA2}"));
    }

    #[test]
    fn a_kicker_in_capitals_goes_before_the_headline() {
        let raw = format!(
            "EUROPE DE L'EST\nLa Valdorie et l'Ostrakie rouvrent leur frontière\n\n{PARA1}\n\n{PARA2}"
        );
        let doc = clean(&raw, Given::default());
        assert_eq!(
            doc.title.as_deref(),
            Some("La Valdorie et l'Ostrakie rouvrent leur frontière")
        );
        assert_eq!(doc.removed[0].text, "EUROPE DE L'EST");
        // A headline in capitals with no headline after it stays the headline.
        let raw = format!("LA VALDORIE ROUVRE SA FRONTIÈRE\n\n{PARA1}\n\n{PARA2}");
        let doc = clean(&raw, Given::default());
        assert_eq!(
            doc.title.as_deref(),
            Some("LA VALDORIE ROUVRE SA FRONTIÈRE")
        );
    }

    #[test]
    fn dispatch_tails_go_as_credits() {
        for tail in [
            "mk/jl",
            "bur-avk/pz",
            "xy/ab/cd",
            "Fin",
            "M. O.",
            "Lina Varga",
            "(Reportage de la rédaction de Lorvane ; version française Mira Ostrova, édité par Jan Kovar)",
        ] {
            let doc = clean(&format!("{PARA1}\n\n{PARA2}\n\n{tail}\n"), Given::default());
            assert_eq!(doc.body, format!("{PARA1}\n{PARA2}"), "{tail}");
            assert_eq!(reasons(&doc), vec![(RemovalReason::Credit, tail)]);
        }
        // The same shapes inside the article are text.
        let doc = clean(
            &format!("{PARA1}\n\nLina Varga\n\n{PARA2}"),
            Given::default(),
        );
        assert!(doc.body.contains("\nLina Varga\n"), "{}", doc.body);
    }

    #[test]
    fn double_dash_agency_dateline() {
        let raw = format!("LORVANE, 3 mai (Agence Valdo) -- {PARA1}\n\n{PARA2}");
        let doc = clean(&raw, Given::default());
        assert_eq!(doc.dateline.as_deref(), Some("LORVANE"));
        assert_eq!(doc.source.as_deref(), Some("Agence Valdo"));
        assert!(doc.body.starts_with("Le président"), "{}", doc.body);
        // "3 mai" has no year: no publication date is made up from it.
        assert!(doc.published.is_none());
    }

    #[test]
    fn site_furniture_by_shape_and_credits_without_a_copyright_sign() {
        let raw = format!(
            "Le sommet de Lorvane s'ouvre sous tension\nTexte par : Lina Varga\nAvec agences\nLecture 3 min.\nÉcouter - 03:12\nAbonnés\nLes deux délégations arrivent au palais. Photo Le Journal de Lorvane / Jan Kovar\n{PARA1}\n{PARA2}"
        );
        let doc = clean(&raw, Given::default());
        assert_eq!(doc.body, format!("{PARA1}\n{PARA2}"));
        let got = reasons(&doc);
        assert_eq!(got[1], (RemovalReason::Metadata, "Texte par : Lina Varga"));
        assert_eq!(got[2], (RemovalReason::Metadata, "Avec agences"));
        assert_eq!(got[3].0, RemovalReason::Navigation);
        assert_eq!(got[4].0, RemovalReason::Navigation);
        assert_eq!(got[5].0, RemovalReason::Navigation);
        assert_eq!(got[6].0, RemovalReason::Caption);
    }

    #[test]
    fn the_publication_date_wins_over_the_update() {
        let raw = format!(
            "Mis à jour le 12/05/2023 à 09:00\nPublié le 10 mai 2023 à 18h02, modifié le 11 mai 2023 à 08h00\n\n{PARA1}\n\n{PARA2}"
        );
        let doc = clean(&raw, Given::default());
        assert_eq!(
            doc.published.map(|p| p.value).as_deref(),
            Some("2023-05-10")
        );
        assert_eq!(doc.body, format!("{PARA1}\n{PARA2}"));
        // Separators the patterns do not list, and no "le".
        let raw = format!("Publié 10/05/2023 · mis à jour 11/05/2023\n\n{PARA1}\n\n{PARA2}");
        let doc = clean(&raw, Given::default());
        assert_eq!(
            doc.published.map(|p| p.value).as_deref(),
            Some("2023-05-10")
        );
        assert_eq!(doc.body, format!("{PARA1}\n{PARA2}"));
        // With only the update, the update.
        let raw = format!("Mis à jour le 12/05/2023 à 09:00\n\n{PARA1}\n\n{PARA2}");
        let doc = clean(&raw, Given::default());
        assert_eq!(
            doc.published.map(|p| p.value).as_deref(),
            Some("2023-05-12")
        );
    }

    #[test]
    fn a_byline_after_the_standfirst() {
        let standfirst = "Les deux voisins ont promis de rouvrir leur frontière commune avant la fin de l'année.";
        let raw = format!(
            "Valdorie et Ostrakie rouvrent leur frontière\n{standfirst}\nPar Lina Varga\n{PARA1}\nPar Moscou et Pékin\n{PARA2}"
        );
        let doc = clean(&raw, Given::default());
        assert_eq!(
            doc.body,
            format!("{standfirst}\n{PARA1}\nPar Moscou et Pékin\n{PARA2}")
        );
        assert_eq!(
            doc.removed[1],
            Removal {
                text: "Par Lina Varga".into(),
                reason: RemovalReason::Metadata
            }
        );
    }

    #[test]
    fn related_link_lines_with_a_bar() {
        let raw =
            format!("{PARA1}\n\nLire aussi | Valdorie : le sommet de Lorvane reporté\n\n{PARA2}");
        let doc = clean(&raw, Given::default());
        assert_eq!(doc.body, format!("{PARA1}\n{PARA2}"));
        assert_eq!(doc.removed[0].reason, RemovalReason::RelatedLinks);
    }

    #[test]
    fn no_title_when_the_first_line_is_a_sentence() {
        let doc = clean(&format!("{PARA1}\n\n{PARA2}"), Given::default());
        assert_eq!(doc.title, None);
        assert!(doc.removed.is_empty());
    }

    #[test]
    fn a_kicker_with_a_section_after_a_bar_and_a_date_line_with_its_time() {
        let raw = format!(
            "À LA UNE | Europe de l'Est\nLa Valdorie et l'Ostrakie rouvrent leur frontière\n\
             Le mardi 4 février 2025 à 9h15\n\n{PARA1}\n\n{PARA2}"
        );
        let doc = clean(&raw, Given::default());
        assert_eq!(
            doc.title.as_deref(),
            Some("La Valdorie et l'Ostrakie rouvrent leur frontière")
        );
        assert_eq!(doc.body, format!("{PARA1}\n{PARA2}"));
        assert_eq!(
            doc.published.as_ref().map(|p| p.value.as_str()),
            Some("2025-02-04")
        );
        // A section name in lower case before a bar is no kicker.
        let raw = format!("Europe de l'Est | Valdorie\nLa Valdorie rouvre sa frontière\n\n{PARA1}");
        let doc = clean(&raw, Given::default());
        assert_ne!(
            doc.title.as_deref(),
            Some("La Valdorie rouvre sa frontière")
        );
    }

    #[test]
    fn a_closing_note_on_where_the_text_comes_from_is_a_credit() {
        for note in [
            "Passages traduits à partir des sites des journaux mentionnés.",
            "Traduit du russe par la rédaction.",
            "Revue de presse réalisée à partir des quotidiens du jour.",
            "Cet article a été publié initialement dans l'hebdomadaire Lorvane Matin.",
        ] {
            let doc = clean(&format!("{PARA1}\n\n{PARA2}\n\n{note}\n"), Given::default());
            assert_eq!(doc.body, format!("{PARA1}\n{PARA2}"), "{note}");
            assert_eq!(reasons(&doc), vec![(RemovalReason::Credit, note)]);
        }
        // Inside the article, the same words are text.
        let mid = "Traduit du russe par la rédaction, le texte circule depuis lundi à Lorvane.";
        let doc = clean(&format!("{PARA1}\n\n{mid}\n\n{PARA2}"), Given::default());
        assert!(doc.body.contains(mid), "{}", doc.body);
    }
}
