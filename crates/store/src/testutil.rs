//! Records and temporary folders for the tests. All text is invented.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use chronicle_model::{
    Actor, DateValue, Duplicate, Entity, Event, Mention, Origin, Precision, Published, Quote,
    Record, Removal, RemovalReason, TimeExpr,
};

/// A fake but well-formed sha256: 64 hex digits mixed from `n` (splitmix64),
/// so that different `n` differ from the first digit on.
pub(crate) fn sha(n: u64) -> String {
    let mut state = n;
    let mut next = || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    (0..4).map(|_| format!("{:016x}", next())).collect()
}

/// A bare record: id, sha256, title and body, nothing found in it.
pub(crate) fn record(id: &str, sha256: &str, title: Option<&str>, body: &str) -> Record {
    Record {
        id: id.into(),
        path: Some(format!("corpus/{id}.txt")),
        sha256: sha256.into(),
        language: Some("fr".into()),
        published: None,
        title: title.map(Into::into),
        source: None,
        dateline: None,
        url: None,
        body: body.into(),
        removed: Vec::new(),
        entities: Vec::new(),
        quotes: Vec::new(),
        events: Vec::new(),
        times: Vec::new(),
        duplicates: Vec::new(),
        warnings: Vec::new(),
    }
}

/// The byte span of the first `needle` in `body`.
fn find(body: &str, needle: &str) -> (usize, usize) {
    let start = body.find(needle).unwrap_or(0);
    (start, start + needle.len())
}

/// A record with something in every list: 2 entities (3 mentions), 1 quote,
/// 1 event pointing at both, 1 time, 2 removed pieces, 1 duplicate passage.
pub(crate) fn rich_record(id: &str, sha256: &str) -> Record {
    let body = "Le ministre de Pékin a salué mardi la coopération avec le Kazakhstan. \
                « Nous avançons ensemble », a déclaré le ministre à Nur-Sultan. \
                Pékin et le Kazakhstan signeront un accord sur les routes.";
    let mut r = record(id, sha256, Some("Pékin salue le Kazakhstan"), body);
    r.published = Some(Published {
        value: "2022-01-11".into(),
        precision: Precision::Day,
        origin: Origin::Metadata,
    });
    r.source = Some("Le Courrier inventé".into());
    let mention = |needle: &str| {
        let (start, end) = find(body, needle);
        Mention {
            text: needle.into(),
            start,
            end,
        }
    };
    let second_pekin = {
        let first = body.find("Pékin").unwrap_or(0) + 1;
        let start = body[first..].find("Pékin").map_or(0, |i| i + first);
        Mention {
            text: "Pékin".into(),
            start,
            end: start + "Pékin".len(),
        }
    };
    r.entities = vec![
        Entity {
            id: Some("Q148".into()),
            name: "China".into(),
            kind: "LOC".into(),
            country: Some("CHN".into()),
            mentions: vec![mention("Pékin"), second_pekin],
        },
        Entity {
            id: Some("Q232".into()),
            name: "Kazakhstan".into(),
            kind: "LOC".into(),
            country: Some("KAZ".into()),
            mentions: vec![mention("Kazakhstan")],
        },
    ];
    let (qs, qe) = find(body, "Nous avançons ensemble");
    r.quotes = vec![Quote {
        text: "Nous avançons ensemble".into(),
        kind: "direct".into(),
        speaker: Some(Actor {
            name: "China".into(),
            entity: Some(0),
            country: Some("CHN".into()),
        }),
        cue: Some("a déclaré".into()),
        start: qs,
        end: qe,
    }];
    let sentence = "Le ministre de Pékin a salué mardi la coopération avec le Kazakhstan.";
    let (es, ee) = find(body, sentence);
    r.events = vec![Event {
        kind: "SUPPORT".into(),
        mode: None,
        source: Some(Actor {
            name: "China".into(),
            entity: Some(0),
            country: Some("CHN".into()),
        }),
        target: Some(Actor {
            name: "Kazakhstan".into(),
            entity: Some(1),
            country: Some("KAZ".into()),
        }),
        date: Some(DateValue {
            value: "2022-01-11".into(),
            precision: Precision::Day,
            text: Some("mardi".into()),
        }),
        location: None,
        negated: false,
        quote: Some(0),
        sentence: sentence.into(),
        start: es,
        end: ee,
    }];
    let (ts, te) = find(body, "mardi");
    r.times = vec![TimeExpr {
        text: "mardi".into(),
        value: Some("2022-01-11".into()),
        precision: Some(Precision::Day),
        start: ts,
        end: te,
    }];
    r.removed = vec![
        Removal {
            text: "Partager cet article".into(),
            reason: RemovalReason::Navigation,
        },
        Removal {
            text: "Photo : archives inventées".into(),
            reason: RemovalReason::Caption,
        },
    ];
    r.duplicates = vec![Duplicate {
        document: "000_autre".into(),
        start: 0,
        end: 20,
        similarity: 0.9,
    }];
    r.warnings = vec!["texte inventé pour les tests".into()];
    r
}

/// A folder under the system's temporary folder, removed when dropped.
pub(crate) struct TempDir(PathBuf);

impl TempDir {
    /// A new, empty folder.
    pub(crate) fn new() -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::SeqCst);
        let dir =
            std::env::temp_dir().join(format!("chronicle-store-test-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temporary folder");
        TempDir(dir)
    }

    /// A path inside the folder.
    pub(crate) fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
