//! Prints the quotations chronicle finds in French text files, one line each:
//! kind, speaker, cue and text.
//!
//!     cargo run -p chronicle-quotes --example show -- ARTICLE.txt…

use chronicle_model::Document;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cleaner = chronicle_clean::Cleaner::builtin()?;
    let segmenter = chronicle_text::Segmenter::french()?;
    let finder = chronicle_quotes::QuoteFinder::french()?;
    for path in std::env::args().skip(1) {
        let raw = std::fs::read_to_string(&path)?;
        let mut doc = Document {
            id: path.clone(),
            raw,
            ..Document::default()
        };
        cleaner.clean(&mut doc);
        segmenter.analyse(&mut doc);
        finder.find(&mut doc);
        println!("== {path}");
        for q in &doc.quotes {
            let speaker = q.speaker.as_ref().map_or("-", |s| s.name.as_str());
            let cue = q.cue.as_deref().unwrap_or("-");
            println!("{:8} [{speaker}] ({cue}) {}", q.kind, q.text);
        }
    }
    Ok(())
}
