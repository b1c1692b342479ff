//! One module per subcommand.

pub mod actors;
pub mod corpus;
pub mod eval;
pub mod events;
pub mod extract;
pub mod ingest;
pub mod load;
pub mod search;
pub mod serve;
pub mod show;
pub mod stats;
pub mod train;

/// A command's failure to run at all (as opposed to one input failing).
pub type CmdResult = Result<std::process::ExitCode, String>;

/// Opens the store for reading; a database that does not exist yet is an
/// error rather than a new empty file.
pub fn open_existing(db: &crate::DbArgs) -> Result<chronicle_store::Store, String> {
    if !db.db.exists() {
        return Err(format!(
            "{}: no such database (run `chronicle ingest` first, or give --db)",
            db.db.display()
        ));
    }
    chronicle_store::Store::open(&db.db).map_err(|e| e.to_string())
}

/// Writes one line to standard output. When the reader has gone away
/// (`chronicle … | head`), the process ends quietly with success instead of
/// panicking on the broken pipe.
pub fn out(line: impl std::fmt::Display) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = writeln!(stdout, "{line}") {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("chronicle: cannot write to standard output: {e}");
        std::process::exit(2);
    }
}
