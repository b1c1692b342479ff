//! What the base knows about a name, for `chronicle actors NAME`.

use std::fmt::Write as _;

use chronicle_kb::{Actor, AliasKind, KnowledgeBase, Vacancy};

/// The roles shown for a country on a date.
const COUNTRY_ROLES: &[&str] = &[
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
];

/// A plain-text account of what the base knows about `name`: an id (`KAZ`,
/// `Q148`), a name or any of its aliases, demonyms, metonyms and surnames, or
/// a role phrase ("le président kazakh"). For each actor: ids, type, kind,
/// country, every name by kind, flags, notes, offices with their dates and
/// where its row is. With `date` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`): the
/// offices held on that date, for a country its main office holders then, and
/// for a role phrase who held the role then, or that the office was vacant
/// (a recorded vacancy, with its reason and source); without it, every holder
/// and vacancy over time. Says so when the base knows nothing.
pub fn describe(kb: &KnowledgeBase, name: &str, date: Option<&str>) -> String {
    let name = name.trim();
    let mut actors: Vec<&Actor> = Vec::new();
    fn push<'a>(a: &'a Actor, list: &mut Vec<&'a Actor>) {
        if !list.iter().any(|b| b.id() == a.id()) {
            list.push(a);
        }
    }
    if let Some(a) = kb.actor(name) {
        push(a, &mut actors);
    }
    for a in kb.lookup(name) {
        push(a, &mut actors);
    }
    let title = kb.title(name, date.unwrap_or(""));
    if actors.is_empty() && title.is_none() {
        for m in kb.find(name) {
            for c in &m.candidates {
                if let Some(a) = c.actor() {
                    push(a, &mut actors);
                }
            }
        }
    }
    let mut out = String::new();
    if actors.is_empty() && title.is_none() {
        let _ = writeln!(out, "The knowledge base knows nothing named {name:?}.");
        return out;
    }
    for (n, a) in actors.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        actor_block(kb, a, date, &mut out);
    }
    if let Some(t) = title {
        if !actors.is_empty() {
            out.push('\n');
        }
        let of = t
            .country
            .map(|c| format!("{c} ({})", kb.country(c).map_or(c, |a| a.name())))
            .unwrap_or_else(|| "no country named".to_string());
        let what = if t.names_a_person {
            "a person's role"
        } else {
            "a body"
        };
        let _ = writeln!(out, "{name:?}: role {} ({what}), of {of}", t.role);
        match (t.country, date) {
            (Some(c), Some(d)) if t.names_a_person => {
                let holders: Vec<String> = t
                    .holders
                    .iter()
                    .map(|h| format!("{} [{}]", h.name(), h.id()))
                    .collect();
                if holders.is_empty() {
                    match (kb.vacant(t.role, c, d), kb.unsettled(t.role, c, d)) {
                        (Some(v), _) => {
                            let _ = writeln!(out, "  held on {d}: nobody, {}", vacancy(v));
                        }
                        (None, Some(u)) => {
                            let _ = writeln!(out, "  held on {d}: {}", unsettled(u));
                        }
                        (None, None) => {
                            let _ = writeln!(out, "  held on {d}: nobody the base knows");
                        }
                    }
                } else {
                    let _ = writeln!(out, "  held on {d}: {}", holders.join(", "));
                }
            }
            (Some(c), None) if t.names_a_person => {
                let _ = writeln!(out, "  holders:");
                let mut any = false;
                for o in kb
                    .offices()
                    .filter(|o| o.role() == t.role && o.of() == Some(c))
                {
                    any = true;
                    let who = kb.actor(o.person()).map_or(o.person(), |a| a.name());
                    let _ = writeln!(out, "    {who}: {}", term(o.from(), o.to(), o.note()));
                }
                for v in kb.vacancies().filter(|v| v.role() == t.role && v.of() == c) {
                    any = true;
                    let _ = writeln!(out, "    nobody: {}", vacancy(v));
                }
                for u in kb
                    .unsettled_spans()
                    .filter(|u| u.role() == t.role && u.of() == c)
                {
                    any = true;
                    let _ = writeln!(out, "    {}", unsettled(u));
                }
                if !any {
                    let _ = writeln!(out, "    none known");
                }
            }
            _ => {}
        }
    }
    out
}

/// A vacancy in a line: its span, why, and the reports that say so.
fn vacancy(v: &Vacancy) -> String {
    span_line("vacant", v)
}

/// An unsettled span in a line: its span, what the sources say, and which.
fn unsettled(v: &Vacancy) -> String {
    span_line("not established,", v)
}

fn span_line(what: &str, v: &Vacancy) -> String {
    format!(
        "{what} {} to {} ({}) [{}]",
        v.from(),
        v.to(),
        v.reason(),
        v.reported_by()
    )
}

fn term(from: Option<String>, to: Option<String>, note: Option<&str>) -> String {
    let mut s = format!(
        "{} to {}",
        from.unwrap_or_else(|| "?".to_string()),
        to.unwrap_or_else(|| "now".to_string())
    );
    if let Some(n) = note {
        let _ = write!(s, " ({n})");
    }
    s
}

fn actor_block(kb: &KnowledgeBase, a: &Actor, date: Option<&str>, out: &mut String) {
    let _ = write!(
        out,
        "{} [{}] id {}",
        a.name(),
        a.actor_type().as_str(),
        a.id()
    );
    if let Some(q) = a.qid() {
        let _ = write!(out, ", Wikidata {q}");
    }
    out.push('\n');
    if let Some(fr) = a.name_fr() {
        let _ = writeln!(out, "  French name: {fr}");
    }
    if let Some(k) = a.kind() {
        let _ = writeln!(out, "  kind: {k}");
    }
    if let Some(c) = a.country() {
        let country = kb.country(c).map_or("", |x| x.name());
        let _ = writeln!(out, "  country: {c} {country}");
    }
    for kind in [
        AliasKind::Name,
        AliasKind::Alias,
        AliasKind::Acronym,
        AliasKind::Demonym,
        AliasKind::Metonym,
        AliasKind::Surname,
    ] {
        let names: Vec<&str> = a.aliases_of(kind).collect();
        if !names.is_empty() {
            let _ = writeln!(out, "  {}: {}", label(kind), names.join(" | "));
        }
    }
    if !a.flags().is_empty() {
        let _ = writeln!(out, "  flags: {}", a.flags().join(", "));
    }
    for (k, v) in a.notes() {
        let _ = writeln!(out, "  {k}: {v}");
    }
    let offices = kb.roles_of(a.id());
    if !offices.is_empty() {
        let _ = writeln!(out, "  offices:");
        for o in &offices {
            let of = o.of().unwrap_or("-");
            let mark = match date {
                Some(d) if o.covers(d) => format!("  <- on {d}"),
                _ => String::new(),
            };
            let _ = writeln!(
                out,
                "    {} of {of}: {}{mark}",
                o.role(),
                term(o.from(), o.to(), o.note())
            );
        }
    }
    if let (Some(d), Some(code)) = (date, a.country()) {
        let is_country = kb.country(code).is_some_and(|c| c.id() == a.id());
        if is_country {
            for role in COUNTRY_ROLES {
                let holders: Vec<&str> =
                    kb.holder(role, code, d).iter().map(|h| h.name()).collect();
                if !holders.is_empty() {
                    let _ = writeln!(out, "  {role} on {d}: {}", holders.join(", "));
                } else if let Some(v) = kb.vacant(role, code, d) {
                    let _ = writeln!(out, "  {role} on {d}: nobody, {}", vacancy(v));
                } else if let Some(u) = kb.unsettled(role, code, d) {
                    let _ = writeln!(out, "  {role} on {d}: {}", unsettled(u));
                }
            }
        }
    }
    let _ = writeln!(out, "  source: {}", a.source());
}

fn label(kind: AliasKind) -> &'static str {
    match kind {
        AliasKind::Name => "names",
        AliasKind::Alias => "aliases",
        AliasKind::Acronym => "acronyms",
        AliasKind::Demonym => "demonyms",
        AliasKind::Metonym => "metonyms",
        AliasKind::Surname => "surnames",
        AliasKind::Role => "role phrases",
    }
}
