//! Prints the time expressions of a text: `cargo run -p chronicle-time
//! --example tag -- [REFERENCE] TEXT` (REFERENCE an ISO date such as
//! 2016-11-07; TEXT `-` to read standard input).

use std::io::Read;

use chronicle_time::{Reference, TimeTagger};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (reference, text) = match args.as_slice() {
        [r, t] => (Reference::parse(r), t.clone()),
        [t] => (None, t.clone()),
        _ => return Err("usage: tag [REFERENCE] TEXT".into()),
    };
    let text = if text == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        s
    } else {
        text
    };
    let tagger = TimeTagger::french()?;
    let reference = reference.or_else(|| {
        let p = tagger.infer_published(&text);
        println!("published: {p:?}");
        p.as_ref().and_then(Reference::from_published)
    });
    for f in tagger.find(&text, reference.as_ref()) {
        println!(
            "{:>5}..{:<5} {:<8} {:<40} {:<12} {} {}..{}",
            f.span.start,
            f.span.end,
            format!("{:?}", f.kind),
            format!("{:?}", f.text),
            f.value.as_deref().unwrap_or("-"),
            f.timex,
            f.first_day.as_deref().unwrap_or(""),
            f.last_day.as_deref().unwrap_or(""),
        );
    }
    Ok(())
}
