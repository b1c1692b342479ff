//! The HTTP API and the web page of chronicle: the last exit of the pipeline
//! (read → … → record → store → **serve**), read-only over the store.
//!
//! [`Server::start`] opens the database, binds the address and answers with a
//! few worker threads, each holding its own connection to the store (SQLite
//! in WAL mode lets readers run beside an ingest that writes). Every route is
//! listed in [`ENDPOINTS`]; `GET /api` serves that list as JSON. Lists take
//! `limit` (1 to 1000, default 50) and `offset` and answer
//! `{"items": […], "limit", "offset", "more"}`. Errors are JSON,
//! `{"error": {"status", "message"}}`, with 400 for a bad or unknown
//! parameter, 404 for an unknown path or id, 405 for anything but GET/HEAD.
//!
//! The page (`web/` at the repository root: `index.html`, `app.css`,
//! `app.js`) is compiled into the binary with `include_str!`; it loads
//! nothing from elsewhere and works offline. Records give byte offsets into
//! the UTF-8 body; the document endpoint adds `start16`/`end16`, UTF-16
//! offsets for JavaScript strings ([`Utf16Index`]).
//!
//! **Why `tiny_http`.** The store is synchronous SQLite and the server is a
//! local tool for an analyst, so a synchronous HTTP/1.1 server with a small
//! pool of threads fits without an async runtime: `tiny_http` and its four
//! small dependencies build in a few seconds of CPU, against about 70 s for
//! axum, tokio and tower-http (`design/crates.md`), which matters on CI's two
//! cores. Query strings are decoded by `form_urlencoded`.

#![warn(missing_docs)]

mod api;
mod error;
mod offsets;
mod page;
mod params;
mod route;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;

use chronicle_kb::KnowledgeBase;
use chronicle_store::Store;

pub use error::ApiError;
pub use offsets::Utf16Index;
pub use params::{DEFAULT_LIMIT, MAX_LIMIT};
pub use route::{ENDPOINTS, Endpoint};

/// How to serve.
#[derive(Debug, Clone)]
pub struct Config {
    /// The database file; it must exist.
    pub db: PathBuf,
    /// Where to listen (`127.0.0.1:8080`; port 0 picks a free one).
    pub addr: String,
    /// Actor tables added to the built-in knowledge base (as `--kb`).
    pub kb_files: Vec<PathBuf>,
    /// Whether to load the knowledge base at all (what it knows of an actor).
    pub knowledge_base: bool,
    /// Worker threads (0: one per core, at least 2, at most 8).
    pub threads: usize,
}

impl Config {
    /// Serve `db` on `addr` with the built-in knowledge base.
    pub fn new(db: impl Into<PathBuf>, addr: impl Into<String>) -> Config {
        Config {
            db: db.into(),
            addr: addr.into(),
            kb_files: Vec::new(),
            knowledge_base: true,
            threads: 0,
        }
    }
}

/// A running server. Dropping it does not stop it: call [`Server::wait`] to
/// serve until the process ends, or [`Server::stop`].
pub struct Server {
    http: Arc<tiny_http::Server>,
    addr: SocketAddr,
    stopping: Arc<AtomicBool>,
    workers: Vec<JoinHandle<()>>,
}

/// What every worker shares.
pub(crate) struct Shared {
    pub(crate) db: PathBuf,
    pub(crate) kb: Option<KnowledgeBase>,
}

impl Server {
    /// Opens the database (which must exist), loads the knowledge base,
    /// binds `config.addr` and starts the workers.
    pub fn start(config: &Config) -> Result<Server, String> {
        check_db(&config.db)?;
        let kb = if config.knowledge_base {
            let mut kb = KnowledgeBase::builtin().map_err(|e| e.to_string())?;
            for path in &config.kb_files {
                kb.add_file(path).map_err(|e| e.to_string())?;
            }
            Some(kb)
        } else {
            None
        };
        let shared = Arc::new(Shared {
            db: config.db.clone(),
            kb,
        });
        let http = tiny_http::Server::http(&config.addr)
            .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
        let addr = match http.server_addr() {
            tiny_http::ListenAddr::IP(a) => a,
            #[allow(unreachable_patterns)]
            _ => return Err(format!("{} is not an IP address", config.addr)),
        };
        let http = Arc::new(http);
        let stopping = Arc::new(AtomicBool::new(false));
        let threads = match config.threads {
            0 => std::thread::available_parallelism()
                .map_or(2, |n| n.get())
                .clamp(2, 8),
            n => n,
        };
        let mut workers = Vec::with_capacity(threads);
        for i in 0..threads {
            // Each worker has its own connection: rusqlite's is not Sync.
            let store = Store::open(&shared.db).map_err(|e| e.to_string())?;
            let (http, stopping, shared) = (http.clone(), stopping.clone(), shared.clone());
            let worker = std::thread::Builder::new()
                .name(format!("chronicle-http-{i}"))
                .spawn(move || work(&http, &stopping, &store, &shared))
                .map_err(|e| format!("cannot start a worker thread: {e}"))?;
            workers.push(worker);
        }
        Ok(Server {
            http,
            addr,
            stopping,
            workers,
        })
    }

    /// The address it listens on (with the port chosen, if 0 was asked).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serves until the process ends.
    pub fn wait(self) {
        for w in self.workers {
            let _ = w.join();
        }
    }

    /// Stops the workers after the requests they are answering.
    pub fn stop(self) {
        self.stopping.store(true, Ordering::SeqCst);
        for _ in &self.workers {
            self.http.unblock();
        }
        for w in self.workers {
            let _ = w.join();
        }
    }
}

/// A database to serve must exist: serving must not create an empty one.
fn check_db(db: &Path) -> Result<(), String> {
    if !db.exists() {
        return Err(format!(
            "{}: no such database (run `chronicle ingest` first, or give --db)",
            db.display()
        ));
    }
    Store::open(db).map(|_| ()).map_err(|e| e.to_string())
}

/// One worker: answers requests until told to stop.
fn work(http: &tiny_http::Server, stopping: &AtomicBool, store: &Store, shared: &Shared) {
    loop {
        match http.recv() {
            Ok(request) => route::answer(request, store, shared),
            Err(_) if stopping.load(Ordering::SeqCst) => return,
            // A connection that failed before it was a request.
            Err(_) => continue,
        }
    }
}
