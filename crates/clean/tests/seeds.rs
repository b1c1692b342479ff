//! Gold test: cleaning the five seed articles of `../shared` against the hand
//! annotations of `../shared/gold/seeds.json` (titles, boilerplate, every line kept).

use std::path::PathBuf;

use chronicle_clean::Cleaner;
use chronicle_clean::fold::fold;
use chronicle_model::Document;

fn shared() -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    assert!(
        p.join("gold/seeds.json").exists(),
        "../shared is missing: gold tests need {}",
        p.display()
    );
    p
}

fn fold_ws(s: &str) -> String {
    fold(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn seeds_are_cleaned_as_the_gold_says() {
    let shared = shared();
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(shared.join("gold/seeds.json")).expect("gold readable"),
    )
    .expect("gold is JSON");
    let cleaner = Cleaner::builtin().expect("rules load");
    let mut failures = Vec::new();
    for g in gold["documents"].as_array().expect("documents") {
        let file = g["file"].as_str().expect("file");
        let raw =
            std::fs::read_to_string(shared.join("corpus/seeds").join(file)).expect("seed readable");
        let mut doc = Document {
            raw,
            ..Document::default()
        };
        cleaner.clean(&mut doc);
        let body_lines: Vec<String> = doc.body.lines().map(fold_ws).collect();
        let title = g["title"].as_str();
        if doc.title.as_deref().map(fold_ws) != title.map(fold_ws) {
            failures.push(format!("{file}: title {:?}, gold {:?}", doc.title, title));
        }
        for b in g["boilerplate"].as_array().expect("boilerplate") {
            let b = fold_ws(b.as_str().unwrap_or(""));
            if body_lines
                .iter()
                .any(|l| *l == b || l.starts_with(&format!("{b} ")))
            {
                failures.push(format!("{file}: boilerplate kept: {b}"));
            }
        }
        let body = fold_ws(&doc.body);
        for l in g["lines"].as_array().expect("lines") {
            let mut l = fold_ws(l.as_str().unwrap_or(""));
            for b in g["boilerplate"].as_array().expect("boilerplate") {
                let b = fold_ws(b.as_str().unwrap_or(""));
                if let Some(rest) = l.strip_prefix(&format!("{b} ")) {
                    l = rest.to_string();
                }
                if l == b {
                    l.clear();
                }
            }
            if l.is_empty() || title.is_some_and(|t| fold_ws(t) == l) {
                continue;
            }
            if !body.contains(&l) {
                failures.push(format!("{file}: line lost: {l}"));
            }
        }
        if doc.language.as_deref() != Some("fr") {
            failures.push(format!("{file}: language {:?}", doc.language));
        }
        let published = doc.published.as_ref().map(|p| p.value.clone());
        let expected = g["published"].as_str().unwrap_or("");
        if let Some(p) = &published
            && !expected.starts_with(p.as_str())
        {
            failures.push(format!("{file}: published {p}, gold {expected} (invented)"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
