//! The seed articles against the gold: clean → analyse → link on
//! `../shared/corpus/seeds/*.txt` (dates as the text gives them) and on
//! `../shared/corpus/seeds.jsonl` (dates given as metadata), scored by
//! `../shared/eval/score.py`.

mod common;

use std::sync::OnceLock;

use chronicle_link::Linker;

fn linker() -> &'static Linker {
    static L: OnceLock<Linker> = OnceLock::new();
    L.get_or_init(|| Linker::builtin().unwrap_or_else(|e| panic!("{e}")))
}

fn check(name: &str, path: std::path::PathBuf, dated: bool) {
    let docs = common::run(&[path], linker());
    assert_eq!(docs.len(), 5, "five seed articles");
    common::check_offsets(&docs);
    common::show(&docs);
    let records = common::write_records(&docs, name);
    let (table, figures) = common::score(&records, dated);
    println!("{table}");
    let _ = std::fs::remove_file(&records);
    let f1 = common::figure(&figures, "entity_f1");
    let types = common::figure(&figures, "entity_type_accuracy");
    let forbidden = common::figure(&figures, "entity_forbidden_found");
    assert!(f1 >= 0.95, "{name}: entity_f1 {f1:.3} < 0.95");
    assert!(
        types >= 0.95,
        "{name}: entity_type_accuracy {types:.3} < 0.95"
    );
    assert_eq!(forbidden, 0.0, "{name}: forbidden entities reported");
}

#[test]
fn seeds_as_text_reach_the_bars() {
    check("seeds", common::shared().join("corpus/seeds"), false);
}

#[test]
fn seeds_with_dates_reach_the_bars() {
    check(
        "seeds-dated",
        common::shared().join("corpus/seeds.jsonl"),
        true,
    );
}
