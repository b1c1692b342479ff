//! The routes: which path answers what, with which parameters, and the
//! turning of a handler's result into an HTTP response.

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use chronicle_kb::KnowledgeBase;
use chronicle_store::Store;
use serde_json::Value;
use tiny_http::{Header, Method, Request, Response};

use crate::Shared;
use crate::api;
use crate::error::ApiError;
use crate::page;
use crate::params::Params;

/// What a handler reads.
pub(crate) struct Ctx<'a> {
    /// The worker's connection to the store.
    pub store: &'a Store,
    /// The knowledge base, when loaded.
    pub kb: Option<&'a KnowledgeBase>,
}

/// A handler: the context, the parameters, the `{…}` parts of the path.
pub(crate) type Handler = fn(&Ctx, &Params, &[String]) -> Result<Value, ApiError>;

/// One route of the API.
pub struct Endpoint {
    /// The path, with `{name}` for a part taken from it.
    pub path: &'static str,
    /// The query parameters it takes; any other is a 400.
    pub params: &'static [&'static str],
    /// What it answers.
    pub about: &'static str,
    handler: Handler,
}

/// Every route of the API, in the order `GET /api` lists them.
pub const ENDPOINTS: &[Endpoint] = &[
    Endpoint {
        path: "/api",
        params: &[],
        about: "this list",
        handler: api::index,
    },
    Endpoint {
        path: "/api/stats",
        params: &[],
        about: "what the store holds: documents by language and month, counts of entities, mentions, quotes, events, times",
        handler: api::stats,
    },
    Endpoint {
        path: "/api/documents",
        params: &["source", "from", "to", "limit", "offset"],
        about: "documents newest first, with counts of entities, quotes and events; by outlet and publication date",
        handler: api::documents,
    },
    Endpoint {
        path: "/api/documents/{id}",
        params: &[],
        about: "one document's record (output.md) by id or sha256 prefix, with UTF-16 offsets start16/end16 beside the byte offsets, its story and other versions",
        handler: api::document,
    },
    Endpoint {
        path: "/api/search",
        params: &["q", "limit", "offset"],
        about: "full-text search over titles and bodies (case and accents folded; \"a phrase\", prefix*, a OR b, -word, title:word); snippets as marked parts",
        handler: api::search,
    },
    Endpoint {
        path: "/api/actors",
        params: &["q", "type", "country", "limit", "offset"],
        about: "actors of the store (knowledge-base id, else name) with counts of documents, mentions, quotes and events, most mentioned first",
        handler: api::actors,
    },
    Endpoint {
        path: "/api/actors/{key}",
        params: &["limit", "date"],
        about: "one actor: counts, mentions, quotes, events it takes part in, its partners, and what the knowledge base knows (roles read at date)",
        handler: api::actor,
    },
    Endpoint {
        path: "/api/events",
        params: &["source", "target", "type", "from", "to", "limit", "offset"],
        about: "events by source, target (country code or name), PLOVER type and date, oldest first, as `chronicle events`",
        handler: api::events,
    },
    Endpoint {
        path: "/api/event-reports",
        params: &["actor", "from", "to", "min_reports", "limit", "offset"],
        about: "events grouped across documents: one fact with every document and outlet that reports it",
        handler: api::event_reports,
    },
    Endpoint {
        path: "/api/quotes",
        params: &["speaker", "from", "to", "min_reports", "limit", "offset"],
        about: "quotations grouped across documents by speaker, with every document and outlet that reports them, most reported first",
        handler: api::quotes,
    },
    Endpoint {
        path: "/api/stories",
        params: &["from", "to", "min_documents", "limit", "offset"],
        about: "stories (documents about one happening in the same days), most recent first, with their actors and documents",
        handler: api::stories,
    },
    Endpoint {
        path: "/api/stories/{id}",
        params: &[],
        about: "one story by its 16-hex-digit id",
        handler: api::story,
    },
    Endpoint {
        path: "/api/relations",
        params: &["a", "b", "by"],
        about: "what a did to b and b to a per day, week or month: distinct events by type and quad class, and reports",
        handler: api::relations,
    },
    Endpoint {
        path: "/api/graph",
        params: &["from", "to", "type", "quad", "negated", "min", "limit"],
        about: "the actor graph: nodes (actors) and directed edges (distinct events between them, by type and quad class)",
        handler: api::graph,
    },
    Endpoint {
        path: "/api/timeline",
        params: &["actor", "other", "by", "from", "to", "limit"],
        about: "events (by quad class) and quotes per period for one actor, or events between a pair (actor and other), with the events themselves; actor is a country code or name as events give them, else a stored actor (KB id or entity name: a person's acts coded for their country)",
        handler: api::timeline,
    },
];

/// Matches `path` (already split and decoded) against a pattern.
fn matches(pattern: &str, parts: &[String]) -> Option<Vec<String>> {
    let pat: Vec<&str> = pattern.split('/').filter(|s| !s.is_empty()).collect();
    if pat.len() != parts.len() {
        return None;
    }
    let mut args = Vec::new();
    for (p, s) in pat.iter().zip(parts) {
        if p.starts_with('{') {
            if s.is_empty() {
                return None;
            }
            args.push(s.clone());
        } else if p != s {
            return None;
        }
    }
    Some(args)
}

/// Splits a URL path into decoded segments; a segment that is not UTF-8
/// once decoded is a 400.
fn segments(path: &str) -> Result<Vec<String>, ApiError> {
    path.split('/')
        .filter(|s| !s.is_empty())
        .map(|s| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8()
                .map(|c| c.into_owned())
                .map_err(|_| ApiError::bad_request(format!("path segment {s:?} is not UTF-8")))
        })
        .collect()
}

/// What a request gets.
enum Reply {
    Json(u16, Value),
    Asset(&'static page::Asset),
}

/// Works out the reply to a GET of `url`.
fn reply(url: &str, ctx: &Ctx) -> Reply {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    if let Some(asset) = page::asset(path) {
        return Reply::Asset(asset);
    }
    let result = segments(path).and_then(|parts| {
        for ep in ENDPOINTS {
            if let Some(args) = matches(ep.path, &parts) {
                let params = Params::parse(query)?;
                params.allow(ep.params)?;
                return (ep.handler)(ctx, &params, &args);
            }
        }
        Err(ApiError::not_found(format!(
            "no such path {path:?}: GET /api lists the endpoints"
        )))
    });
    match result {
        Ok(v) => Reply::Json(200, v),
        Err(e) => Reply::Json(e.status, e.body()),
    }
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

/// Answers one request; a handler that panics gets a 500, and the worker
/// goes on.
pub(crate) fn answer(request: Request, store: &Store, shared: &Shared) {
    let ctx = Ctx {
        store,
        kb: shared.kb.as_ref(),
    };
    let reply = match request.method() {
        Method::Get | Method::Head => {
            let url = request.url().to_string();
            catch_unwind(AssertUnwindSafe(|| reply(&url, &ctx))).unwrap_or_else(|_| {
                let e = ApiError::internal("internal error while answering");
                Reply::Json(e.status, e.body())
            })
        }
        other => {
            let e = ApiError::method_not_allowed(other.as_str());
            Reply::Json(e.status, e.body())
        }
    };
    let (status, body, kind, extra) = match reply {
        Reply::Json(status, v) => (
            status,
            serde_json::to_vec(&v).unwrap_or_else(|_| b"{}".to_vec()),
            "application/json; charset=utf-8",
            None,
        ),
        Reply::Asset(a) => (
            200,
            a.body.as_bytes().to_vec(),
            a.content_type,
            // The page loads nothing from elsewhere.
            Some((
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'",
            )),
        ),
    };
    let len = body.len();
    let mut response = Response::new(
        status.into(),
        Vec::new(),
        Cursor::new(body),
        Some(len),
        None,
    )
    .with_chunked_threshold(usize::MAX);
    let mut headers = vec![
        header("Content-Type", kind),
        header("Cache-Control", "no-store"),
        header("X-Content-Type-Options", "nosniff"),
    ];
    if status == 405 {
        headers.push(header("Allow", "GET, HEAD"));
    }
    if let Some((k, v)) = extra {
        headers.push(header(k, v));
    }
    for h in headers.into_iter().flatten() {
        response.add_header(h);
    }
    // The client may have gone: nothing to do about it.
    let _ = request.respond(response);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_take_their_parts() {
        let parts = segments("/api/documents/01%20%C3%A9t%C3%A9").expect("utf-8");
        assert_eq!(
            matches("/api/documents/{id}", &parts),
            Some(vec!["01 été".to_string()])
        );
        assert_eq!(matches("/api/documents", &parts), None);
        assert!(segments("/api/documents/%FF").is_err());
        assert_eq!(
            matches("/api", &segments("/api/").expect("ok")),
            Some(vec![])
        );
    }

    #[test]
    fn every_endpoint_is_under_api_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for ep in ENDPOINTS {
            assert!(ep.path.starts_with("/api"), "{}", ep.path);
            assert!(seen.insert(ep.path), "{} twice", ep.path);
            assert!(!ep.about.is_empty());
        }
    }
}
