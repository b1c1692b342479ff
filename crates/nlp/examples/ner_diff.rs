use chronicle_nlp::Models;
fn main() {
    let m = Models::load_dir(std::path::Path::new("/tmp/m16")).unwrap();
    let seg = chronicle_text::Segmenter::french().unwrap();
    for f in std::fs::read_dir("/work/shared/corpus/seeds").unwrap() {
        let p = f.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        let mut doc = chronicle_model::Document { body: text, ..Default::default() };
        seg.analyse(&mut doc);
        let a = m.analyse(&doc.body, &doc.tokens, &doc.sentences);
        let mut ents: Vec<String> = a.entities.iter().map(|e| format!("{}:{}", doc.text(e.span), e.kind.as_str())).collect();
        ents.sort(); ents.dedup();
        println!("{}: {}", p.display(), ents.join(" | "));
    }
}
