//! `chronicle`: French news articles in, a structured and searchable record of
//! who did what to whom, who said what, when and where, out.
//!
//! A thin binary over the library crates: `chronicle-read` (inputs),
//! `chronicle-engine` (the stages), `chronicle-store` (the database).

mod batch;
mod cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Turns news articles into a structured, searchable record.
#[derive(Parser)]
#[command(name = "chronicle", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Options shared by the commands that read articles.
#[derive(clap::Args, Clone)]
pub struct ReadArgs {
    /// Files, folders (read recursively) and `.jsonl` feeds; `-` reads standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Publication date of plain-text and HTML inputs that do not state one (`2022-01-10`).
    #[arg(long)]
    pub published: Option<String>,
    /// Format of standard input: text, html or jsonl (sniffed when not given).
    #[arg(long)]
    pub stdin_format: Option<String>,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Extra actor tables (TSV, as examples/actors.tsv) added to the knowledge base; repeatable.
    #[arg(long = "kb")]
    pub kb: Vec<PathBuf>,
    /// Skip the trained models (tagger, parser, entity recogniser): faster, fewer names found.
    #[arg(long)]
    pub no_models: bool,
    /// Use the model files of this folder in place of the built-in ones (e.g.
    /// models retrained by `chronicle train --out DIR`).
    #[arg(long, value_name = "DIR")]
    pub models: Option<PathBuf>,
    /// Skip the comparison across documents: no shared passages, no stories.
    #[arg(long)]
    pub no_corpus: bool,
}

/// Where the database is.
#[derive(clap::Args, Clone)]
pub struct DbArgs {
    /// The SQLite file of the store.
    #[arg(long, env = "CHRONICLE_DB", default_value = "chronicle.db")]
    pub db: PathBuf,
}

#[derive(Subcommand)]
enum Command {
    /// Print one JSON record per document (JSON Lines), in input order.
    Extract {
        #[command(flatten)]
        read: ReadArgs,
        /// Indent the JSON (one record over several lines).
        #[arg(long)]
        pretty: bool,
    },
    /// Extract and write the records into the store; the same input twice is one document.
    Ingest {
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        db: DbArgs,
        /// Documents per transaction.
        #[arg(long, default_value_t = 64)]
        batch: usize,
        /// No progress bar, even on a terminal.
        #[arg(long, short = 'q')]
        quiet: bool,
    },
    /// Store records written by `extract` (elsewhere: a cluster's workers), running the corpus stage over them in order.
    Load {
        /// JSON Lines files of records, folders of `.jsonl` files, `-` for standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        db: DbArgs,
        /// Records per transaction.
        #[arg(long, default_value_t = 64)]
        batch: usize,
        /// No progress bar, even on a terminal.
        #[arg(long, short = 'q')]
        quiet: bool,
        /// Extra actor tables, the same as given to `extract`; repeatable.
        #[arg(long = "kb")]
        kb: Vec<PathBuf>,
        /// Skip the comparison across documents: no shared passages, no stories.
        #[arg(long)]
        no_corpus: bool,
    },
    /// Full-text search over titles and bodies (case and accents folded).
    Search {
        /// Words to look for; "a phrase" in quotes; a trailing * for a prefix.
        #[arg(required = true)]
        query: Vec<String>,
        #[command(flatten)]
        db: DbArgs,
        /// How many hits.
        #[arg(long, short = 'n', default_value_t = 10)]
        limit: usize,
        /// Hits as JSON Lines.
        #[arg(long)]
        json: bool,
    },
    /// Print the stored record of a document, by id or sha256 (or a prefix of 8+ hex digits).
    Show {
        /// The document's id or sha256.
        key: String,
        #[command(flatten)]
        db: DbArgs,
        /// Indent the JSON.
        #[arg(long)]
        pretty: bool,
    },
    /// Counts of what the store holds.
    Stats {
        #[command(flatten)]
        db: DbArgs,
    },
    /// List stored events by actor, type and date (`~` marks a publication date standing in).
    Events {
        /// Who acts: a country code (CHN) or a name.
        #[arg(long)]
        source: Option<String>,
        /// Who the act is aimed at: a country code or a name.
        #[arg(long)]
        target: Option<String>,
        /// PLOVER type (ACCUSE, SUPPORT…).
        #[arg(long = "type")]
        kind: Option<String>,
        /// First date, inclusive (2022, 2022-01, 2022-01-10).
        #[arg(long)]
        from: Option<String>,
        /// Last date, inclusive.
        #[arg(long)]
        to: Option<String>,
        /// Each event once with every document and outlet that reports it,
        /// most reported first (one actor at most: --source or --target).
        #[arg(long)]
        grouped: bool,
        /// With --grouped: only events reported by at least this many documents.
        #[arg(long, default_value_t = 1, requires = "grouped")]
        min_reports: usize,
        /// At most this many events.
        #[arg(long, short = 'n', default_value_t = 100)]
        limit: usize,
        /// Events as JSON Lines.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Each quotation once, with every document and outlet that reports it, most reported first.
    Quotes {
        /// The speaker: a country code (KAZ) or a name.
        #[arg(long)]
        speaker: Option<String>,
        /// First publication date, inclusive.
        #[arg(long)]
        from: Option<String>,
        /// Last publication date, inclusive.
        #[arg(long)]
        to: Option<String>,
        /// Only quotes reported by at least this many documents.
        #[arg(long, default_value_t = 1)]
        min_reports: usize,
        /// At most this many quotes.
        #[arg(long, short = 'n', default_value_t = 100)]
        limit: usize,
        /// Quotes as JSON Lines.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Stories (documents about one happening, grouped at ingest), most recent first.
    Stories {
        /// Stories with a document on or after this date.
        #[arg(long)]
        from: Option<String>,
        /// Stories with a document on or before this date.
        #[arg(long)]
        to: Option<String>,
        /// Only stories of at least this many documents.
        #[arg(long, default_value_t = 1)]
        min_documents: usize,
        /// At most this many stories.
        #[arg(long, short = 'n', default_value_t = 50)]
        limit: usize,
        /// Stories as JSON Lines.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Events between two actors, both ways, counted per period by type and quad class.
    Relations {
        /// One actor: a country code (CHN) or a name.
        a: String,
        /// The other actor.
        b: String,
        /// The period: day, week or month.
        #[arg(long, default_value = "month")]
        by: String,
        /// Rows as JSON Lines.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        db: DbArgs,
    },
    /// What the knowledge base knows of a name, alias, id or role phrase.
    Actors {
        /// A name ("Tokaïev"), an id (Q148, CHN), a demonym or a role phrase ("le président kazakh").
        #[arg(required = true)]
        name: Vec<String>,
        /// The date at which roles are read (2022-01-10).
        #[arg(long)]
        date: Option<String>,
        /// Extra actor tables added to the base; repeatable.
        #[arg(long = "kb")]
        kb: Vec<PathBuf>,
    },
    /// Serve the HTTP API and the web page over the store (read-only).
    Serve {
        #[command(flatten)]
        db: DbArgs,
        /// Address to listen on (port 0 picks a free one).
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        /// Extra actor tables for what the knowledge base knows of an actor; repeatable.
        #[arg(long = "kb")]
        kb: Vec<PathBuf>,
        /// Worker threads (default: one per core, 2 to 8).
        #[arg(long, short = 'j', default_value_t = 0)]
        threads: usize,
    },
    /// Train the tagger, parser and entity recogniser from ../shared/data.
    Train(cmd::train::TrainArgs),
    /// Measure a part of the engine against reference data.
    Eval {
        #[command(subcommand)]
        what: cmd::eval::EvalCommand,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract { read, pretty } => cmd::extract::run(&read, pretty),
        Command::Ingest {
            read,
            db,
            batch,
            quiet,
        } => cmd::ingest::run(&read, &db, batch, quiet),
        Command::Load {
            paths,
            db,
            batch,
            quiet,
            kb,
            no_corpus,
        } => cmd::load::run(&cmd::load::LoadArgs {
            paths: &paths,
            db: &db.db,
            batch,
            quiet,
            kb: &kb,
            no_corpus,
        }),
        Command::Search {
            query,
            db,
            limit,
            json,
        } => cmd::search::run(&query.join(" "), &db, limit, json),
        Command::Show { key, db, pretty } => cmd::show::run(&key, &db, pretty),
        Command::Stats { db } => cmd::stats::run(&db),
        Command::Events {
            source,
            target,
            kind,
            from,
            to,
            grouped,
            min_reports,
            limit,
            json,
            db,
        } => {
            if grouped {
                cmd::corpus::grouped_events(source, target, kind, from, to, min_reports, limit)
                    .and_then(|filter| cmd::corpus::event_reports(&filter, &db, json))
            } else {
                let filter = chronicle_store::EventFilter {
                    source,
                    target,
                    kind,
                    from,
                    to,
                    limit,
                };
                cmd::events::run(&filter, &db, json)
            }
        }
        Command::Quotes {
            speaker,
            from,
            to,
            min_reports,
            limit,
            json,
            db,
        } => {
            let filter = chronicle_store::ReportFilter {
                actor: speaker,
                from,
                to,
                min_reports,
                limit,
            };
            cmd::corpus::quotes(&filter, &db, json)
        }
        Command::Stories {
            from,
            to,
            min_documents,
            limit,
            json,
            db,
        } => {
            let filter = chronicle_store::StoryFilter {
                from,
                to,
                min_documents,
                limit,
            };
            cmd::corpus::stories(&filter, &db, json)
        }
        Command::Relations { a, b, by, json, db } => cmd::corpus::relations(&a, &b, &by, &db, json),
        Command::Actors { name, date, kb } => {
            cmd::actors::run(&name.join(" "), date.as_deref(), &kb)
        }
        Command::Serve {
            db,
            addr,
            kb,
            threads,
        } => cmd::serve::run(&db, &addr, &kb, threads),
        Command::Train(args) => cmd::train::run(&args),
        Command::Eval { what } => cmd::eval::run(what),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("chronicle: {e}");
            ExitCode::from(2)
        }
    }
}
