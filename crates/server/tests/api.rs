//! The API and the page over the bundled examples: ingested once (the full
//! pipeline with examples/actors.tsv, then the corpus stage, as `chronicle
//! ingest` does) into a temporary store, served on a free port, and asked
//! over real HTTP.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use chronicle_corpus::Corpus;
use chronicle_engine::{Options, Pipeline};
use chronicle_read::ReadOptions;
use chronicle_server::{Config, ENDPOINTS, Server};
use chronicle_store::Store;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

struct Fixture {
    addr: SocketAddr,
    _dir: tempfile::TempDir,
}

/// Ingests the examples once and starts one server for every test.
fn server() -> SocketAddr {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("tempdir");
            let db = dir.path().join("examples.db");
            let kb = root().join("examples/actors.tsv");
            let pipeline = Pipeline::standard(&Options {
                kb_files: vec![kb.clone()],
                // The knowledge base finds the examples' actors; the trained
                // models would only slow a debug build down here.
                no_models: true,
                ..Options::default()
            })
            .expect("pipeline");
            let mut corpus = Corpus::builtin().expect("corpus");
            if let Some(kb) = pipeline.knowledge_base() {
                corpus = corpus.with_knowledge_base(Arc::clone(&kb));
            }
            let mut store = Store::open(&db).expect("store");
            let inputs: Vec<_> =
                chronicle_read::read(&[root().join("examples")], &ReadOptions::default()).collect();
            for outcome in pipeline.process_batch(inputs) {
                let mut doc = outcome.expect("every example goes through");
                let rows = corpus.annotate(&mut doc, &store).expect("corpus");
                store
                    .put_batch_with_corpus(&[doc.record()], &rows)
                    .expect("stored");
            }
            drop(store);
            let config = Config {
                kb_files: vec![kb],
                threads: 3,
                ..Config::new(&db, "127.0.0.1:0")
            };
            let server = Server::start(&config).expect("server starts");
            let addr = server.addr();
            // Serves for the rest of the test process.
            std::thread::spawn(move || server.wait());
            Fixture { addr, _dir: dir }
        })
        .addr
}

/// One HTTP/1.1 exchange: status, headers (lower-cased names), body.
fn request(method: &str, path: &str) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let addr = server();
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("end of headers");
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let body = raw[split + 4..].to_vec();
    let mut lines = head.lines();
    let status: u16 = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status line");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    (status, headers, body)
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> &'a str {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

/// GET as JSON, with the status it came with.
fn get(path: &str) -> (u16, Value) {
    let (status, headers, body) = request("GET", path);
    assert!(
        header(&headers, "content-type").starts_with("application/json"),
        "{path}: {headers:?}"
    );
    let v = serde_json::from_slice(&body)
        .unwrap_or_else(|e| panic!("{path}: not JSON ({e}): {}", String::from_utf8_lossy(&body)));
    (status, v)
}

/// GET that must succeed.
fn ok(path: &str) -> Value {
    let (status, v) = get(path);
    assert_eq!(status, 200, "{path}: {v}");
    v
}

/// GET that must fail with `status` and a JSON error saying so.
fn err(path: &str, status: u16) -> String {
    let (got, v) = get(path);
    assert_eq!(got, status, "{path}: {v}");
    assert_eq!(v["error"]["status"], status, "{path}: {v}");
    let message = v["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(!message.is_empty(), "{path}: {v}");
    message
}

fn items(v: &Value) -> &Vec<Value> {
    v["items"].as_array().expect("items")
}

fn strs<'a>(v: &'a Value, key: &str) -> Vec<&'a str> {
    items(v).iter().filter_map(|x| x[key].as_str()).collect()
}

#[test]
fn index_lists_every_endpoint() {
    let v = ok("/api");
    let paths: Vec<&str> = v["endpoints"]
        .as_array()
        .expect("endpoints")
        .iter()
        .filter_map(|e| e["path"].as_str())
        .collect();
    for ep in ENDPOINTS {
        assert!(paths.contains(&ep.path), "{} missing", ep.path);
    }
}

#[test]
fn stats_count_the_examples() {
    let v = ok("/api/stats");
    assert_eq!(v["documents"], 10);
    assert!(v["events"].as_u64().unwrap_or(0) >= 10, "{v}");
    assert!(v["quotes"].as_u64().unwrap_or(0) >= 10, "{v}");
    assert_eq!(v["knowledge_base"], true);
    let months: Vec<&str> = v["months"]
        .as_array()
        .expect("months")
        .iter()
        .filter_map(|m| m["key"].as_str())
        .collect();
    assert!(months.contains(&"2024-03"), "{months:?}");
}

#[test]
fn documents_are_listed_newest_first_and_paged() {
    let all = ok("/api/documents?limit=50");
    assert_eq!(items(&all).len(), 10);
    assert_eq!(all["more"], false);
    let dates: Vec<&str> = strs(&all, "published");
    assert!(
        dates[0].starts_with("2024-04"),
        "April's are the newest: {dates:?}"
    );
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    let first = ok("/api/documents?limit=3");
    assert_eq!(items(&first).len(), 3);
    assert_eq!(first["more"], true);
    let last = ok("/api/documents?limit=3&offset=9");
    assert_eq!(items(&last).len(), 1);
    assert_eq!(last["more"], false);
    let march = ok("/api/documents?from=2024-03&to=2024-03");
    assert!(
        strs(&march, "published")
            .iter()
            .all(|d| d.starts_with("2024-03"))
    );
    assert_eq!(items(&march).len(), 6, "03 has no date: {march}");
    let one = ok("/api/documents?source=ostria%20today");
    assert_eq!(
        strs(&one, "id"),
        [
            "ot-2024-04-12-retrait-troupes-valdorie",
            "03_ostrie_renforts_ostriatoday"
        ],
        "newest first, undated last"
    );
}

#[test]
fn search_folds_accents_and_marks_matches() {
    let v = ok("/api/search?q=etat+urgence");
    assert_eq!(
        strs(&v, "id").first().copied(),
        Some("01_valdorie_etat_urgence")
    );
    let parts = items(&v)[0]["parts"].as_array().expect("parts");
    let marked: Vec<&str> = parts
        .iter()
        .filter(|p| p["mark"] == true)
        .filter_map(|p| p["text"].as_str())
        .collect();
    assert!(
        marked.iter().any(|m| m.to_lowercase().starts_with("état")),
        "{marked:?}"
    );
    let none = ok("/api/search?q=zzzyx");
    assert!(items(&none).is_empty());
    assert!(err("/api/search", 400).contains("q"));
    err("/api/search?q=%20%20", 400);
}

/// Cuts `s` the way JavaScript's `slice` does: in UTF-16 units.
fn js_slice(s: &str, a: u64, b: u64) -> String {
    let units: Vec<u16> = s.encode_utf16().collect();
    String::from_utf16(&units[a as usize..b as usize]).expect("whole characters")
}

#[test]
fn a_document_comes_with_utf16_offsets_that_cut_the_same_text() {
    let v = ok("/api/documents/01_valdorie_etat_urgence");
    let r = &v["record"];
    assert_eq!(r["dateline"], "Lorvane");
    assert_eq!(v["bad_offsets"], 0);
    let body = r["body"].as_str().expect("body");
    assert!(body.len() > body.encode_utf16().count(), "accented text");
    let mut checked = 0;
    let mut after_accent = false;
    let mut check = |span: &Value, text: Option<&str>| {
        let (s, e) = (
            span["start"].as_u64().expect("start"),
            span["end"].as_u64().expect("end"),
        );
        let (s16, e16) = (
            span["start16"].as_u64().expect("start16"),
            span["end16"].as_u64().expect("end16"),
        );
        let by_bytes = &body[s as usize..e as usize];
        assert_eq!(js_slice(body, s16, e16), by_bytes);
        if let Some(t) = text {
            assert_eq!(by_bytes, t);
        }
        after_accent |= s16 < s;
        checked += 1;
    };
    for e in r["entities"].as_array().expect("entities") {
        for m in e["mentions"].as_array().expect("mentions") {
            check(m, m["text"].as_str());
        }
    }
    for list in ["quotes", "events", "times"] {
        for x in r[list].as_array().expect(list) {
            check(x, None);
        }
    }
    assert!(checked > 20, "{checked}");
    assert!(after_accent, "some span lies after a non-ASCII character");
    // By sha256 prefix too, and the same story as 02/03 is told.
    let sha = r["sha256"].as_str().expect("sha");
    let again = ok(&format!("/api/documents/{}", &sha[..12]));
    assert_eq!(again["record"]["id"], "01_valdorie_etat_urgence");
    assert!(v["story"].is_string(), "{}", v["story"]);
    // Unknown ids are JSON 404s.
    err("/api/documents/no-such-document", 404);
    err("/api/documents/%C3%A9t%C3%A9", 404);
    err("/api/documents/01_valdorie_etat_urgence?pretty=1", 400);
}

#[test]
fn actors_with_counts_and_one_actor_in_full() {
    let v = ok("/api/actors?limit=200");
    let valdorie = items(&v)
        .iter()
        .find(|a| a["key"] == "X-VAL")
        .unwrap_or_else(|| panic!("Valdorie listed: {v}"));
    assert_eq!(valdorie["country"], "XVA");
    assert!(
        valdorie["documents"].as_u64().unwrap_or(0) >= 5,
        "{valdorie}"
    );
    // Most mentioned first.
    let mentions: Vec<u64> = items(&v)
        .iter()
        .filter_map(|a| a["mentions"].as_u64())
        .collect();
    assert!(mentions.windows(2).all(|w| w[0] >= w[1]));
    let found = ok("/api/actors?q=valdor");
    assert!(strs(&found, "key").contains(&"X-VAL"));
    let people = ok("/api/actors?type=per");
    assert!(strs(&people, "type").iter().all(|t| *t == "PER"));
    err("/api/actors?type=ANIMAL", 400);

    let a = ok("/api/actors/X-VAL?limit=500");
    assert_eq!(a["actor"]["name"], valdorie["name"]);
    assert_eq!(
        a["mentions"].as_array().map(Vec::len),
        valdorie["mentions"].as_u64().map(|n| n as usize)
    );
    assert!(!a["events"].as_array().expect("events").is_empty());
    let kb = &a["knowledge_base"];
    assert_eq!(kb["actors"][0]["id"], "X-VAL", "{kb}");
    assert!(
        kb["text"].as_str().unwrap_or("").contains("Valdorie"),
        "{kb}"
    );
    let partners: Vec<&str> = a["partners"]
        .as_array()
        .expect("partners")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert!(!partners.is_empty(), "{a}");
    err("/api/actors/nobody-at-all", 404);
    err("/api/actors/X-VAL?date=hier", 400);
}

#[test]
fn events_filter_as_the_cli_does() {
    let v = ok("/api/events?target=XVA&from=2024-03-01&limit=500");
    assert!(!items(&v).is_empty(), "events aimed at Valdorie");
    for e in items(&v) {
        assert_eq!(e["target_country"], "XVA");
        assert!(e["date"].as_str().unwrap_or("") >= "2024-03-01", "{e}");
    }
    let coerce = ok("/api/events?type=coerce");
    assert!(!items(&coerce).is_empty());
    assert!(strs(&coerce, "type").iter().all(|t| *t == "COERCE"));
    let paged = ok("/api/events?limit=2&offset=1");
    let all = ok("/api/events?limit=3");
    assert_eq!(items(&paged)[0], items(&all)[1]);
    assert!(err("/api/events?type=HUG", 400).contains("PLOVER"));
    err("/api/events?from=2024-13", 400);
    err("/api/events?from=2024-04&to=2024-03", 400);
    err("/api/events?limit=0", 400);
    err("/api/events?limit=5000", 400);
    err("/api/events?sourec=XVA", 400);
    err("/api/events?source=XVA&source=XOS", 400);
    let reports = ok("/api/event-reports?actor=XVA");
    assert!(!items(&reports).is_empty());
}

#[test]
fn quotes_are_grouped_with_their_outlets() {
    let v = ok("/api/quotes?limit=200");
    assert!(!items(&v).is_empty());
    // 02 and 03 share agency copy: a quote told by both.
    let shared = ok("/api/quotes?min_reports=2");
    assert!(!items(&shared).is_empty(), "{v}");
    for q in items(&shared) {
        assert!(q["documents"].as_array().map_or(0, Vec::len) >= 2, "{q}");
    }
    let by = ok("/api/quotes?speaker=XOS");
    assert!(!items(&by).is_empty(), "Ostrie speaks in the examples");
    err("/api/quotes?min_reports=zero", 400);
}

#[test]
fn stories_put_02_and_03_together() {
    let v = ok("/api/stories?limit=100");
    let story = items(&v)
        .iter()
        .find(|s| {
            let ids: Vec<&str> = s["documents"]
                .as_array()
                .map(|d| d.iter().filter_map(|x| x["id"].as_str()).collect())
                .unwrap_or_default();
            ids.iter().any(|i| i.starts_with("02_")) && ids.iter().any(|i| i.starts_with("03_"))
        })
        .unwrap_or_else(|| panic!("02 and 03 in one story: {v}"));
    let id = story["id"].as_str().expect("id");
    let one = ok(&format!("/api/stories/{id}"));
    assert_eq!(&one, story);
    err("/api/stories/0000000000000000", 404);
    err("/api/stories/xyz", 400);
}

#[test]
fn relations_graph_and_timelines() {
    let r = ok("/api/relations?a=XVA&b=XOS&by=month");
    assert!(
        !items(&r).is_empty(),
        "Valdorie and Ostrie deal with each other"
    );
    for row in items(&r) {
        let quad: u64 = row["quad"]
            .as_array()
            .expect("quad")
            .iter()
            .filter_map(Value::as_u64)
            .sum();
        assert!(quad <= row["events"].as_u64().unwrap_or(0));
    }
    err("/api/relations?a=XVA", 400);
    err("/api/relations?a=XVA&b=XOS&by=year", 400);

    let g = ok("/api/graph");
    let nodes: Vec<&str> = g["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter_map(|n| n["id"].as_str())
        .collect();
    let edges = g["edges"].as_array().expect("edges");
    assert!(!edges.is_empty());
    for e in edges {
        assert!(nodes.contains(&e["source"].as_str().unwrap_or("")), "{e}");
        assert!(nodes.contains(&e["target"].as_str().unwrap_or("")), "{e}");
    }
    let conflict = ok("/api/graph?quad=material-conflict");
    for e in conflict["edges"].as_array().expect("edges") {
        assert_eq!(e["quad"][0], 0, "{e}");
        assert_eq!(e["quad"][1], 0, "{e}");
    }
    let strong = ok("/api/graph?min=2&limit=1");
    assert!(strong["edges"].as_array().map_or(0, Vec::len) <= 1);
    err("/api/graph?type=HUG", 400);
    err("/api/graph?quad=friendly", 400);

    let t = ok("/api/timeline?actor=XVA&by=week");
    let periods = t["periods"].as_array().expect("periods");
    assert!(
        periods
            .iter()
            .any(|p| p["period"].as_str().unwrap_or("").starts_with("2024-W")),
        "{t}"
    );
    assert!(t["events_total"].as_u64().unwrap_or(0) > 0);
    let pair = ok("/api/timeline?actor=XVA&other=XOS");
    for e in pair["events"].as_array().expect("events") {
        let (s, t) = (e["source_country"].as_str(), e["target_country"].as_str());
        assert!(
            matches!(
                (s, t),
                (Some("XVA"), Some("XOS")) | (Some("XOS"), Some("XVA"))
            ),
            "{e}"
        );
    }
    // A person's acts are coded for their country: found through the entity.
    let kessel = ok("/api/timeline?actor=Arvid%20Kessel");
    assert_eq!(kessel["mode"], "entity", "{kessel}");
    assert_eq!(kessel["key"], "X-P-KESSEL");
    assert!(kessel["events_total"].as_u64().unwrap_or(0) > 0, "{kessel}");
    assert!(!kessel["quotes"].as_array().expect("quotes").is_empty());
    err("/api/timeline", 400);
    err("/api/timeline?actor=XVA&by=fortnight", 400);
}

#[test]
fn errors_are_json_with_their_status() {
    assert!(err("/api/nothing-here", 404).contains("/api"));
    err("/nothing", 404);
    let (status, headers, body) = request("POST", "/api/documents");
    assert_eq!(status, 405);
    assert_eq!(header(&headers, "allow"), "GET, HEAD");
    let v: Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(v["error"]["status"], 405);
    let (status, _, _) = request("DELETE", "/api/documents/01_valdorie_etat_urgence");
    assert_eq!(status, 405);
    err("/api/stats?x=1", 400);
}

#[test]
fn the_page_is_served_and_calls_only_endpoints_that_exist() {
    let (status, headers, body) = request("GET", "/");
    assert_eq!(status, 200);
    assert!(header(&headers, "content-type").starts_with("text/html"));
    assert!(header(&headers, "content-security-policy").contains("default-src 'self'"));
    let html = String::from_utf8(body).expect("utf-8");
    assert!(html.contains("/app.js") && html.contains("/app.css"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "nothing from elsewhere"
    );

    let (status, headers, js) = request("GET", "/app.js");
    assert_eq!(status, 200);
    assert!(header(&headers, "content-type").starts_with("text/javascript"));
    let js = String::from_utf8(js).expect("utf-8");
    let (status, _, css) = request("GET", "/app.css");
    assert_eq!(status, 200);
    assert!(!css.is_empty());
    // Every `api("name"…)` call of the page names an endpoint.
    let mut calls = 0;
    for piece in js.split("api(\"").skip(1) {
        let name = piece.split('"').next().unwrap_or_default();
        let path = format!("/api/{}", name.trim_end_matches('/'));
        let with_arg = name.ends_with('/');
        let exists = ENDPOINTS.iter().any(|e| {
            if with_arg {
                e.path.starts_with(&format!("{path}/{{"))
            } else {
                e.path == path
            }
        });
        assert!(exists, "the page calls {path} (argument: {with_arg})");
        calls += 1;
    }
    assert!(calls >= 10, "{calls} calls found");
    // The only URL in the script is the SVG namespace, which loads nothing.
    let js_urls = js.replace("\"http://www.w3.org/2000/svg\"", "");
    for url in ["https://", "http://", "//cdn"] {
        assert!(!js_urls.contains(url), "the script names {url}");
    }
    // HEAD answers without a body.
    let (status, _, body) = request("HEAD", "/api/stats");
    assert_eq!(status, 200);
    assert!(body.is_empty());
}
