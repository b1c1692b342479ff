//! The word lists load from the built-in copy and from a data folder alike,
//! and a broken file is named in the error.

use std::path::Path;

use chronicle_time::{TimeError, TimeTagger};

#[test]
fn the_data_folder_gives_the_built_in_tagger() {
    let data = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"));
    let from_dir = TimeTagger::from_dir(data, "fr").expect("data/lang/fr/time.toml");
    let built_in = TimeTagger::french().expect("built in");
    assert_eq!(from_dir.language(), "fr");
    let text = "Le ministre a déclaré lundi 10 janvier 2022 qu'il partirait mi-mars.";
    assert_eq!(from_dir.find(text, None), built_in.find(text, None));
}

#[test]
fn a_missing_or_broken_file_is_named() {
    match TimeTagger::from_dir(Path::new("/nonexistent"), "xx") {
        Err(TimeError::Io { path, .. }) => assert!(path.ends_with("time.toml"), "{path}"),
        other => panic!("{other:?}"),
    }
    match TimeTagger::from_toml("language = 'xx'", "bad.toml") {
        Err(TimeError::Format { path, .. }) => assert_eq!(path, "bad.toml"),
        other => panic!("{other:?}"),
    }
    let text =
        include_str!("../../../data/lang/fr/time.toml").replacen("\"mai\"", "\"mai\"], [\"x\"", 1);
    match TimeTagger::from_toml(&text, "thirteen.toml") {
        Err(TimeError::Invalid { message, .. }) => {
            assert!(message.contains("13 months"), "{message}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_tagger_is_shared_across_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<TimeTagger>();
    let t = std::sync::Arc::new(TimeTagger::french().expect("french"));
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let t = std::sync::Arc::clone(&t);
            std::thread::spawn(move || t.find("Il est parti le 21 août 2021.", None).len())
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().expect("thread"), 1);
    }
}
