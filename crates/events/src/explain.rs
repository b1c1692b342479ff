//! For tests and debugging: what the patterns see in each sentence.

use std::fmt::Write;

use chronicle_model::Document;

use crate::actors::Cast;
use crate::lexicon::Lexicon;
use crate::patterns::Patterns;
use crate::text::Text;
use crate::triggers::{Context, triggers};

/// For tests: the clauses, verb groups and triggers of each sentence of
/// `doc`, one line each.
pub(crate) fn explain(
    doc: &Document,
    lex: &Lexicon,
    kb: &chronicle_kb::KnowledgeBase,
    filter: &str,
) -> String {
    let cast = Cast::new(doc, kb, lex);
    let text = Text::new(doc, lex, &cast);
    let mut out = String::new();
    for range in &text.sentences {
        let sentence = text.slice(range.clone());
        if !sentence.contains(filter) {
            continue;
        }
        let p = Patterns::new(&text, lex, &cast, range.clone());
        let _ = writeln!(out, "## {sentence}");
        if std::env::var("TREE").is_ok() {
            let tree: Vec<String> = range
                .clone()
                .map(|i| match text.governor(i) {
                    Some((h, rel)) => format!("{}<-{rel}-{}", text.low(i), text.low(h)),
                    None => format!("{}<-root", text.low(i)),
                })
                .collect();
            let _ = writeln!(out, "   tree {}", tree.join(" "));
        }
        for m in text
            .mentions
            .iter()
            .filter(|m| range.contains(&m.words.start))
        {
            let _ = writeln!(
                out,
                "   mention {:?} {:?} {}",
                m.who,
                m.strength,
                text.slice(m.words.clone())
            );
        }
        for (c, cl) in p.clauses.iter().enumerate() {
            let _ = writeln!(
                out,
                "  [{c}] {:?} inherit={:?}: {}",
                cl.kind,
                cl.inherit,
                text.slice(cl.words.clone())
            );
            for g in &p.groups[c] {
                let _ = writeln!(
                    out,
                    "      group {} {:?} {:?} neg={} refl={}",
                    text.slice(g.first..g.end),
                    g.tense,
                    g.voice,
                    g.negated,
                    g.reflexive
                );
            }
        }
        for t in triggers(&p) {
            let f = &lex.frames[t.frame];
            let ctx = match &t.context {
                Context::Verb(_) => "verb",
                Context::Light(_) => "light",
                Context::Eruption(..) => "eruption",
                Context::Adjunct => "adjunct",
                Context::Own => "own",
                Context::Carried => "carried",
            };
            let _ = writeln!(
                out,
                "   trigger {} [{}] {} {ctx}",
                text.slice(t.head..t.end),
                t.clause,
                f.kind
            );
        }
    }
    out
}
