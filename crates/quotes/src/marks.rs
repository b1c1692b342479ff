//! Quotation marks: where each quotation of the body opens and closes.
//!
//! Paired marks (« », “ ”, ‹ ›) nest: only the outermost pair makes a
//! quotation; inner pairs are part of its text. A quotation left open at the
//! end of a paragraph goes on when the next paragraph opens with the same mark
//! (the French press reopens « at each paragraph of a long quotation); else it
//! ends with its paragraph. Straight double quotes are paired inside one
//! paragraph by position: an opening one follows a space or the paragraph
//! start and comes before a letter, a closing one follows a letter or a stop.
//! A paragraph opening with a dash and a space is a line of dialogue.

use crate::lexicon::Marks;
use crate::view::paragraphs;

/// How a quotation is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// Distinct opening and closing marks: « », “ ”, ‹ ›.
    Paired,
    /// Straight double quotes.
    Straight,
    /// A line of dialogue opened by a dash.
    Dash,
}

/// One quotation as the marks show it.
#[derive(Debug, Clone)]
pub(crate) struct Marked {
    /// Byte offset of the opening mark (or dash).
    pub open: usize,
    /// Byte offset one past the closing mark, or the end of the last paragraph.
    pub close: usize,
    /// The quoted text, one span per paragraph it runs over, without marks and
    /// surrounding white space.
    pub pieces: Vec<(usize, usize)>,
    /// How it is marked.
    pub style: Style,
    /// Whether a closing mark ends it (dialogue lines end with their paragraph).
    pub closed: bool,
    /// For a dialogue line: whether the lines around it are dialogue too, or
    /// the paragraph before ends with a colon.
    pub in_dialogue: bool,
}

/// The span `s..e` of `body` without white space at its ends.
pub(crate) fn trim(body: &str, s: usize, e: usize) -> (usize, usize) {
    let text = body.get(s..e).unwrap_or("");
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    if lead + trail >= text.len() {
        return (s, s);
    }
    (s + lead, e - trail)
}

/// Where a paragraph's text starts after white space, and its first character.
fn first_char(body: &str, s: usize, e: usize) -> Option<(usize, char)> {
    let text = body.get(s..e)?;
    let off = text.len() - text.trim_start().len();
    text.get(off..)?.chars().next().map(|c| (s + off, c))
}

/// A quotation still open while paragraphs are read.
struct Open {
    open: usize,
    piece_start: usize,
    pieces: Vec<(usize, usize)>,
    closer: char,
    opener: char,
}

/// Every quotation of `body`, in order of their opening marks.
pub(crate) fn find(body: &str, marks: &Marks) -> Vec<Marked> {
    let paras = paragraphs(body);
    let dash_para: Vec<bool> = paras
        .iter()
        .map(|&(s, e)| dash_line(body, s, e, marks).is_some())
        .collect();
    let mut out = Vec::new();
    let mut carried: Option<Open> = None;
    for (pi, &(ps, pe)) in paras.iter().enumerate() {
        let mut scan_from = ps;
        let mut stack: Vec<char> = Vec::new();
        let mut top: Option<Open> = None;
        if let Some(mut c) = carried.take() {
            match first_char(body, ps, pe) {
                Some((at, ch)) if ch == c.opener || ch == c.closer => {
                    let start = at + ch.len_utf8();
                    c.piece_start = start;
                    scan_from = start;
                    stack.push(c.closer);
                    top = Some(c);
                }
                _ => out.push(finish(body, c, None)),
            }
        }
        let mut scan_end = pe;
        if top.is_none() {
            let turns = dash_turns(body, ps, pe, marks);
            let blank = |k: &usize| {
                paras
                    .get(*k)
                    .and_then(|&(s, e)| body.get(s..e))
                    .is_none_or(|t| t.trim().is_empty())
            };
            let prev = (0..pi).rev().find(|k| !blank(k));
            let next = (pi + 1..paras.len()).find(|k| !blank(k));
            let before_colon = prev
                .and_then(|k| paras.get(k))
                .and_then(|&(s, e)| body.get(s..e))
                .is_some_and(|t| t.trim_end().ends_with(':'));
            let run = prev.is_some_and(|k| dash_para.get(k) == Some(&true))
                || next.is_some_and(|k| dash_para.get(k) == Some(&true));
            let opens_para = first_char(body, ps, pe).map(|(at, _)| at);
            for (n, &t) in turns.iter().enumerate() {
                let end = turns.get(n + 1).copied().unwrap_or(pe);
                let dash_len = body
                    .get(t..)
                    .and_then(|r| r.chars().next())
                    .map_or(1, char::len_utf8);
                let (s, e) = trim(body, t + dash_len, end);
                if s < e {
                    let first_line = n == 0 && opens_para == Some(t);
                    out.push(Marked {
                        open: t,
                        close: e,
                        pieces: vec![(s, e)],
                        style: Style::Dash,
                        closed: false,
                        in_dialogue: !first_line || run || before_colon,
                    });
                }
            }
            if let Some(&t) = turns.first() {
                // Narration before the first turn may hold quotations of its own.
                scan_end = t;
            }
        }
        let Some(text) = body.get(scan_from..scan_end.max(scan_from)) else {
            continue;
        };
        let mut tops: Vec<(usize, usize)> = Vec::new();
        for (off, ch) in text.char_indices() {
            let at = scan_from + off;
            if stack.last() == Some(&ch) {
                stack.pop();
                if stack.is_empty()
                    && let Some(mut o) = top.take()
                {
                    o.pieces.push((o.piece_start, at));
                    let close = at + ch.len_utf8();
                    tops.push((o.open, close));
                    out.push(finish(body, o, Some(close)));
                }
                continue;
            }
            if let Some(&(opener, closer)) = marks.pairs.iter().find(|(o, _)| *o == ch) {
                if stack.is_empty() {
                    top = Some(Open {
                        open: at,
                        piece_start: at + ch.len_utf8(),
                        pieces: Vec::new(),
                        closer,
                        opener,
                    });
                }
                stack.push(closer);
            }
        }
        if let Some(mut o) = top.take() {
            o.pieces.push((o.piece_start, scan_end));
            if scan_end == pe {
                carried = Some(o);
            } else {
                out.push(finish(body, o, None));
            }
        }
        straight(body, ps, scan_end, marks, &tops, &mut out);
    }
    if let Some(c) = carried.take() {
        out.push(finish(body, c, None));
    }
    out.sort_by_key(|m| m.open);
    out
}

/// Closes an open quotation: at `close` after its closing mark, or unclosed at
/// the end of its last piece.
fn finish(body: &str, o: Open, close: Option<usize>) -> Marked {
    let end = close.unwrap_or_else(|| o.pieces.last().map_or(o.piece_start, |p| p.1));
    let pieces = o
        .pieces
        .iter()
        .map(|&(s, e)| trim(body, s, e))
        .filter(|(s, e)| s < e)
        .collect();
    Marked {
        open: o.open,
        close: end,
        pieces,
        style: Style::Paired,
        closed: close.is_some(),
        in_dialogue: false,
    }
}

/// Where the speech of a dialogue line starts, when paragraph `ps..pe` opens
/// with a dash and a space.
fn dash_line(body: &str, ps: usize, pe: usize, marks: &Marks) -> Option<usize> {
    let (at, ch) = first_char(body, ps, pe)?;
    if !marks.dashes.contains(&ch) {
        return None;
    }
    let after = at + ch.len_utf8();
    let next = body.get(after..pe)?.chars().next()?;
    next.is_whitespace().then_some(after)
}

/// Where the turns of dialogue of paragraph `ps..pe` open: a dash followed by
/// a space at the start of the paragraph, after a colon, or after a stop when
/// a capital letter follows ("Il dit en riant : – À votre père. – À mon père ?").
fn dash_turns(body: &str, ps: usize, pe: usize, marks: &Marks) -> Vec<usize> {
    let Some(text) = body.get(ps..pe) else {
        return Vec::new();
    };
    let chars: Vec<(usize, char)> = text.char_indices().map(|(o, c)| (ps + o, c)).collect();
    let mut out = Vec::new();
    for (k, &(at, ch)) in chars.iter().enumerate() {
        if !marks.dashes.contains(&ch) {
            continue;
        }
        let space_after = chars.get(k + 1).is_some_and(|c| c.1.is_whitespace());
        let space_before = k == 0 || chars.get(k - 1).is_some_and(|c| c.1.is_whitespace());
        if !space_after || !space_before {
            continue;
        }
        let prev = chars
            .get(..k)
            .and_then(|b| b.iter().rev().find(|c| !c.1.is_whitespace()));
        let next = chars
            .get(k + 1..)
            .and_then(|a| a.iter().find(|c| !c.1.is_whitespace()));
        let capital = next.is_some_and(|c| c.1.is_uppercase() || "«“\"…".contains(c.1));
        let turn = match prev {
            None => true,
            Some(&(_, ':')) => true,
            Some(&(_, p)) => ".!?…»".contains(p) && capital,
        };
        if turn {
            out.push(at);
        }
    }
    out
}

/// Pairs the straight quotes of paragraph `ps..pe` that no paired quotation
/// (`tops`) encloses.
fn straight(
    body: &str,
    ps: usize,
    pe: usize,
    marks: &Marks,
    tops: &[(usize, usize)],
    out: &mut Vec<Marked>,
) {
    let Some(text) = body.get(ps..pe) else { return };
    let chars: Vec<(usize, char)> = text.char_indices().map(|(o, c)| (ps + o, c)).collect();
    let mut pending: Option<usize> = None;
    for (k, &(at, ch)) in chars.iter().enumerate() {
        if !marks.straight.contains(&ch) || tops.iter().any(|&(s, e)| at > s && at < e) {
            continue;
        }
        let prev = k.checked_sub(1).and_then(|j| chars.get(j)).map(|p| p.1);
        let next = chars.get(k + 1).map(|p| p.1);
        let opens = prev.is_none_or(|p| p.is_whitespace() || "([«—–/'’".contains(p))
            && next.is_some_and(|n| !n.is_whitespace());
        let closes = prev.is_some_and(|p| !p.is_whitespace())
            && next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]»…".contains(n));
        match pending {
            Some(o) if closes => {
                let (s, e) = trim(body, o + ch.len_utf8(), at);
                if s < e {
                    out.push(Marked {
                        open: o,
                        close: at + ch.len_utf8(),
                        pieces: vec![(s, e)],
                        style: Style::Straight,
                        closed: true,
                        in_dialogue: false,
                    });
                }
                pending = None;
            }
            _ if opens => pending = Some(at),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn texts(body: &str) -> Vec<Vec<String>> {
        let lex = Lexicon::french().expect("lexicon");
        find(body, &lex.marks)
            .iter()
            .map(|m| {
                m.pieces
                    .iter()
                    .map(|&(s, e)| body[s..e].to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn guillemets_with_nested_marks() {
        let body = "« Il a parlé de “fin de partie”, dit-il. » Puis « rien ».";
        assert_eq!(
            texts(body),
            vec![
                vec!["Il a parlé de “fin de partie”, dit-il.".to_string()],
                vec!["rien".to_string()]
            ]
        );
    }

    #[test]
    fn quotation_reopened_at_the_next_paragraph() {
        let body = "« Nous resterons.\n« Nous ne partirons pas », a-t-il dit.\nFin.";
        let found = texts(body);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0], vec!["Nous resterons.", "Nous ne partirons pas"]);
    }

    #[test]
    fn unclosed_quotation_ends_with_its_paragraph() {
        let body = "Il a dit : « Nous resterons.\nUn autre paragraphe.";
        let lex = Lexicon::french().expect("lexicon");
        let m = find(body, &lex.marks);
        assert_eq!(m.len(), 1);
        assert!(!m[0].closed);
        assert_eq!(&body[m[0].pieces[0].0..m[0].pieces[0].1], "Nous resterons.");
    }

    #[test]
    fn straight_quotes_pair_by_position() {
        let body = "Il veut contrer les \"forces étrangères\". Le projet \"Une ceinture, une route\" avance; 12\" d'écran.";
        assert_eq!(
            texts(body),
            vec![
                vec!["forces étrangères".to_string()],
                vec!["Une ceinture, une route".to_string()]
            ]
        );
    }

    #[test]
    fn dialogue_dashes_open_a_line() {
        let body = "Elle demanda :\n— Vous venez ?\n— Oui, dit-il.\nLe mot — rare — resta.";
        let lex = Lexicon::french().expect("lexicon");
        let m = find(body, &lex.marks);
        assert_eq!(m.len(), 2);
        assert!(m.iter().all(|q| q.style == Style::Dash && q.in_dialogue));
    }

    #[test]
    fn curly_and_single_guillemets() {
        assert_eq!(
            texts("Il a dit “non” et ‹ peut-être ›."),
            vec![vec!["non".to_string()], vec!["peut-être".to_string()]]
        );
    }
}
