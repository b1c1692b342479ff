//! Full-text search over titles and bodies, ranked by bm25.

use serde::Serialize;

use crate::Store;
use crate::error::StoreError;
use crate::query;

/// How much a match in the title counts against one in the body.
const TITLE_WEIGHT: f64 = 5.0;

/// How to mark the matches in a [`Hit`]'s snippet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOptions {
    /// Written before each matched word (`"["`, `"\x1b[1m"`, `"<mark>"`).
    pub before: String,
    /// Written after each matched word (`"]"`, `"\x1b[0m"`, `"</mark>"`).
    pub after: String,
    /// Written where the snippet cuts the body.
    pub ellipsis: String,
    /// About how many words the snippet holds (1 to 64).
    pub snippet_words: usize,
}

impl SearchOptions {
    /// Options that mark matches with `before` and `after`, other settings default.
    pub fn markers(before: impl Into<String>, after: impl Into<String>) -> SearchOptions {
        SearchOptions {
            before: before.into(),
            after: after.into(),
            ..SearchOptions::default()
        }
    }
}

impl Default for SearchOptions {
    /// Matches in `[` `]`, `…` where the body is cut, snippets of 16 words.
    fn default() -> Self {
        SearchOptions {
            before: "[".into(),
            after: "]".into(),
            ellipsis: "…".into(),
            snippet_words: 16,
        }
    }
}

/// One document found by [`Store::search`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The document's id.
    pub id: String,
    /// The document's sha256, its unique key.
    pub sha256: String,
    /// Its headline, if it has one.
    pub title: Option<String>,
    /// Its publication date (ISO 8601 at its precision), if known.
    pub published: Option<String>,
    /// Its outlet, if known.
    pub source: Option<String>,
    /// A piece of the body around the matches, with the matches marked.
    pub snippet: String,
    /// How well it matches: higher is better (bm25, sign turned).
    pub score: f64,
}

impl Store {
    /// Searches titles and bodies for `query`, words typed by a person (see
    /// [`Store::search_with`]), with matches marked in `[` `]`.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, StoreError> {
        self.search_with(query, limit, &SearchOptions::default())
    }

    /// Searches titles and bodies, best match first, at most `limit` hits.
    /// Case and accents are folded (`pekin` finds *Pékin*); `"a phrase"`,
    /// `prefix*`, `a OR b`, `-word` and `title:word` are understood, and any
    /// other punctuation is searched as text, so ordinary input never fails.
    /// A blank query is [`StoreError::EmptyQuery`]; one with nothing searchable
    /// in it (`*`, `"`) finds nothing.
    pub fn search_with(
        &self,
        query: &str,
        limit: usize,
        options: &SearchOptions,
    ) -> Result<Vec<Hit>, StoreError> {
        if query.trim().is_empty() {
            return Err(StoreError::EmptyQuery);
        }
        let Some(fts) = query::fts_query(query) else {
            return Ok(Vec::new());
        };
        if limit == 0 {
            return Ok(Vec::new());
        }
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let words = options.snippet_words.clamp(1, 64);
        let sql = format!(
            "SELECT d.id, d.sha256, d.title, d.published, d.source,
                    snippet(documents_fts, 1, ?2, ?3, ?4, ?5),
                    bm25(documents_fts, {TITLE_WEIGHT:.1}, 1.0) AS score
             FROM documents_fts
             JOIN documents AS d ON d.rowid = documents_fts.rowid
             WHERE documents_fts MATCH ?1
             ORDER BY score, d.rowid DESC
             LIMIT ?6"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            rusqlite::params![
                fts,
                options.before,
                options.after,
                options.ellipsis,
                words,
                limit
            ],
            |row| {
                Ok(Hit {
                    id: row.get(0)?,
                    sha256: row.get(1)?,
                    title: row.get(2)?,
                    published: row.get(3)?,
                    source: row.get(4)?,
                    snippet: row.get(5)?,
                    score: -row.get::<_, f64>(6)?,
                })
            },
        )?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{record, sha};

    /// Three documents: Kazakhstan in one title, in one body, in neither.
    fn store() -> Store {
        let mut store = Store::open_in_memory().expect("open");
        let records = [
            record(
                "corps",
                &sha(1),
                Some("Les routes de la soie"),
                "Un long article sur les échanges commerciaux de la région. \
                 Les marchands de Pékin passent par le Kazakhstan depuis des siècles, \
                 et les caravanes traversaient les steppes chaque printemps.",
            ),
            record(
                "titre",
                &sha(2),
                Some("Tension au Kazakhstan"),
                "Des manifestations ont eu lieu dans plusieurs villes du pays. \
                 Le gouvernement a démissionné mercredi.",
            ),
            record(
                "autre",
                &sha(3),
                Some("La météo de la semaine"),
                "Il fera beau sur la côte, avec un vent d'ouest. Un ciel \"voilé\" (parfois) : \
                 rien de grave.",
            ),
        ];
        store.put_batch(&records).expect("put");
        store
    }

    fn ids(hits: &[Hit]) -> Vec<&str> {
        hits.iter().map(|h| h.id.as_str()).collect()
    }

    #[test]
    fn case_and_accents_are_folded() {
        let store = store();
        for q in ["pekin", "Pekin", "PÉKIN", "pékin"] {
            assert_eq!(ids(&store.search(q, 10).expect("search")), ["corps"], "{q}");
        }
        assert_eq!(
            ids(&store
                .search("gouvernement DEMISSIONNE", 10)
                .expect("search")),
            ["titre"]
        );
    }

    #[test]
    fn a_title_match_ranks_first() {
        let store = store();
        let hits = store.search("Kazakhstan", 10).expect("search");
        assert_eq!(ids(&hits), ["titre", "corps"]);
        assert!(hits[0].score > hits[1].score, "{hits:?}");
        assert_eq!(hits[0].title.as_deref(), Some("Tension au Kazakhstan"));
        assert_eq!(hits[0].sha256, sha(2));
        assert_eq!(store.search("Kazakhstan", 1).expect("search").len(), 1);
        assert!(store.search("Kazakhstan", 0).expect("search").is_empty());
    }

    #[test]
    fn snippets_mark_the_matches() {
        let store = store();
        let hits = store
            .search_with(
                "marchands pekin",
                10,
                &SearchOptions::markers("\x1b[1m", "\x1b[0m"),
            )
            .expect("search");
        assert_eq!(hits.len(), 1);
        let snippet = &hits[0].snippet;
        assert!(snippet.contains("\x1b[1mmarchands\x1b[0m"), "{snippet}");
        assert!(snippet.contains("\x1b[1mPékin\x1b[0m"), "{snippet}");

        let plain = store.search("caravanes", 10).expect("search");
        assert!(
            plain[0].snippet.contains("[caravanes]"),
            "{}",
            plain[0].snippet
        );
        assert!(plain[0].snippet.contains('…'), "{}", plain[0].snippet);
    }

    #[test]
    fn phrases_prefixes_or_and_exclusion() {
        let store = store();
        let q = |s: &str| {
            let mut v = ids(&store.search(s, 10).expect("search"))
                .into_iter()
                .map(String::from)
                .collect::<Vec<_>>();
            v.sort();
            v
        };
        assert_eq!(q("\"passent par le Kazakhstan\""), ["corps"]);
        assert!(q("\"Kazakhstan par le\"").is_empty());
        assert_eq!(q("caravan*"), ["corps"]);
        assert_eq!(q("\"les cara\"*"), ["corps"]);
        assert_eq!(q("météo OR manifestations"), ["autre", "titre"]);
        assert_eq!(q("Kazakhstan -steppes"), ["titre"]);
        assert_eq!(q("title:Kazakhstan"), ["titre"]);
        assert_eq!(q("body:Kazakhstan"), ["corps"]);
    }

    #[test]
    fn fts_syntax_in_user_queries_never_fails() {
        let store = store();
        let nasty = [
            "\"",
            "\"\"",
            "\"Kazakhstan",
            "Kazakhstan\"",
            ":",
            "title:",
            "Kazakhstan:",
            "a:b",
            "-",
            "--",
            "- Kazakhstan",
            "(",
            ")",
            "(Kazakhstan",
            "Kazakhstan)",
            "NEAR",
            "NEAR(Kazakhstan pekin)",
            "NEAR/3",
            "*",
            "**",
            "* Kazakhstan",
            "Kazakhstan *",
            "^Kazakhstan",
            "Kazakhstan AND",
            "AND OR NOT",
            "OR OR",
            "NOT Kazakhstan",
            "{title body}: x",
            "'",
            "l'Ukraine d’Asie",
            "voilé\" (parfois) :",
            "+",
            "a + b",
            "\u{0}",
            "🙂",
            "Nur-Sultan",
            "2022-01-10",
            "20 000",
        ];
        for q in nasty {
            let result = store.search(q, 10);
            assert!(result.is_ok(), "{q:?}: {result:?}");
        }
        assert_eq!(ids(&store.search("(Kazakhstan", 10).expect("ok")).len(), 2);
        assert_eq!(
            ids(&store.search("voilé\" (parfois) :", 10).expect("ok")),
            ["autre"]
        );
    }

    #[test]
    fn an_empty_query_is_a_clear_error() {
        let store = store();
        for q in ["", "   ", "\n\t"] {
            let err = store.search(q, 10).expect_err("empty");
            assert!(matches!(err, StoreError::EmptyQuery), "{err:?}");
            assert!(err.to_string().contains("empty"), "{err}");
        }
    }
}
