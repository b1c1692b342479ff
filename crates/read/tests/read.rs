//! The read stage end to end, on fixtures written to a temporary folder. All
//! fixture text is invented for these tests.

use std::fs;
use std::path::{Path, PathBuf};

use chronicle_model::RemovalReason;
use chronicle_read::{Format, Input, ReadError, ReadOptions, Reason, count, read};

fn write(dir: &Path, rel: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, bytes).unwrap();
    path
}

fn read_all(paths: &[PathBuf]) -> Vec<Result<Input, ReadError>> {
    read(paths, &ReadOptions::default()).collect()
}

fn ok(item: &Result<Input, ReadError>) -> &Input {
    match item {
        Ok(i) => i,
        Err(e) => panic!("expected an input, got the error {e}"),
    }
}

fn err(item: &Result<Input, ReadError>) -> &ReadError {
    match item {
        Ok(i) => panic!("expected an error, got the input {}", i.name),
        Err(e) => e,
    }
}

fn shown(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

#[test]
fn folders_are_walked_in_path_order_skipping_hidden_and_non_articles() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    write(&root, "b.txt", "Deuxième dépêche.".as_bytes());
    write(&root, "a.txt", "Première dépêche.".as_bytes());
    write(&root, "a/z.txt", "Dans le sous-dossier a.".as_bytes());
    write(
        &root,
        "c/d/page.html",
        b"<html><body><p>Une page.</p></body></html>",
    );
    write(
        &root,
        "c/flux.ndjson",
        b"{\"text\": \"Ligne un.\"}\n{\"text\": \"Ligne deux.\"}\n",
    );
    write(&root, "003_12a453b6", "Sans extension.".as_bytes());
    write(&root, "Z.text", "Majuscule avant minuscule.".as_bytes());
    write(&root, ".cache/x.txt", b"cache");
    write(&root, ".brouillon.txt", b"brouillon");
    write(&root, "photo.png", &[0x89, b'P', b'N', b'G', 0, 0, 0]);
    write(&root, "LISEZMOI.md", b"# notes");
    write(&root, "tableau.tsv", b"a\tb");
    write(&root, "doc.PDF", b"%PDF-1.4");
    write(&root, "README", b"Notes du projet.");

    let items = read_all(std::slice::from_ref(&root));
    let names: Vec<String> = items.iter().map(|i| ok(i).name.clone()).collect();
    let p = |rel: &str| shown(&root.join(rel));
    assert_eq!(
        names,
        vec![
            p("003_12a453b6"),
            p("Z.text"),
            p("a/z.txt"),
            p("a.txt"),
            p("b.txt"),
            p("c/d/page.html"),
            format!("{}:1", p("c/flux.ndjson")),
            format!("{}:2", p("c/flux.ndjson")),
        ]
    );
    let ids: Vec<&str> = items.iter().map(|i| ok(i).id.as_str()).collect();
    assert_eq!(
        ids,
        vec![
            "003_12a453b6",
            "Z",
            "z",
            "a",
            "b",
            "page",
            "flux-1",
            "flux-2"
        ]
    );
    let first = ok(&items[0]);
    assert_eq!(first.path.as_deref(), Some(p("003_12a453b6").as_str()));
    assert_eq!(first.format, Format::Text);
    assert_eq!(ok(&items[5]).format, Format::Html);
    assert_eq!(ok(&items[6]).format, Format::Jsonl);
    assert_eq!(
        ok(&items[6]).path.as_deref(),
        Some(p("c/flux.ndjson").as_str())
    );
    assert_eq!(count(std::slice::from_ref(&root)), Some(items.len()));
}

#[test]
fn files_named_on_the_command_line_are_read_whatever_their_extension() {
    let tmp = tempfile::tempdir().unwrap();
    let md = write(tmp.path(), "note.md", "Un article rangé en .md.".as_bytes());
    let hidden = write(tmp.path(), ".cache.txt", "Caché mais demandé.".as_bytes());
    let page = write(
        tmp.path(),
        "page_sans_extension",
        b"<!DOCTYPE html><html><body><article><p>Vue par ses octets.</p></article></body></html>",
    );
    let items = read_all(&[md, hidden, page]);
    assert_eq!(ok(&items[0]).text, "Un article rangé en .md.");
    assert_eq!(ok(&items[1]).id, ".cache");
    assert_eq!(ok(&items[2]).format, Format::Html);
    assert_eq!(ok(&items[2]).text, "Vue par ses octets.");
}

#[test]
fn json_lines_errors_name_the_line_and_the_rest_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let feed = write(
        tmp.path(),
        "flux.jsonl",
        concat!(
            "{\"id\": \"kz-1\", \"text\": \"Le président a limogé le gouvernement.\", \"published\": \"2022-01-05\", ",
            "\"title\": \"Remaniement\", \"source\": \"Agence Fictive\", \"url\": \"https://exemple.test/kz-1\", \"language\": \"fr\"}\n",
            "\n",
            "{\"id\": \"kz-2\", \"text\": \"Pas fermé\"\n",
            "{\"id\": \"kz-3\", \"title\": \"Sans texte\"}\n",
            "{\"id\": \"kz-4\", \"text\": 12}\n",
            "{\"id\": \"kz-5\", \"text\": \"\"}\n",
            "   \n",
            "{\"text\": \"Un article sans identifiant.\", \"published\": null, \"lang\": \"fr\"}\n",
        )
        .as_bytes(),
    );
    let after = write(tmp.path(), "apres.txt", "Lu après le flux.".as_bytes());
    let items = read_all(&[feed.clone(), after]);
    let name = shown(&feed);
    assert_eq!(items.len(), 7);

    let first = ok(&items[0]);
    assert_eq!(first.id, "kz-1");
    assert_eq!(first.name, format!("{name}:1"));
    assert_eq!(first.given.published.as_deref(), Some("2022-01-05"));
    assert_eq!(first.given.title.as_deref(), Some("Remaniement"));
    assert_eq!(first.given.source.as_deref(), Some("Agence Fictive"));
    assert_eq!(
        first.given.url.as_deref(),
        Some("https://exemple.test/kz-1")
    );
    assert_eq!(first.given.language.as_deref(), Some("fr"));

    let e = err(&items[1]);
    assert_eq!(e.name, format!("{name}:3"));
    assert!(matches!(e.reason, Reason::Json(_)));
    assert!(e.to_string().starts_with(&format!("{name}:3: not JSON")));
    assert_eq!(
        err(&items[2]).to_string(),
        format!("{name}:4: no string \"text\" field")
    );
    assert_eq!(
        err(&items[3]).to_string(),
        format!("{name}:5: no string \"text\" field")
    );
    assert_eq!(err(&items[4]).to_string(), format!("{name}:6: empty text"));

    let last = ok(&items[5]);
    assert_eq!(last.id, "flux-8");
    assert_eq!(last.given.published, None);
    assert_eq!(last.given.language.as_deref(), Some("fr"));
    assert_eq!(ok(&items[6]).text, "Lu après le flux.");
}

#[test]
fn the_same_article_in_a_feed_and_a_file_has_one_hash() {
    let tmp = tempfile::tempdir().unwrap();
    let text = "Les négociations reprendront à Genève mardi.";
    let file = write(tmp.path(), "geneve.txt", text.as_bytes());
    let feed = write(
        tmp.path(),
        "geneve.jsonl",
        format!("{{\"text\": \"{text}\"}}\n").as_bytes(),
    );
    let items = read_all(&[file, feed]);
    assert_eq!(ok(&items[0]).sha256, ok(&items[1]).sha256);
    assert_eq!(ok(&items[0]).sha256.len(), 64);
}

#[test]
fn windows_1252_is_transcoded() {
    let tmp = tempfile::tempdir().unwrap();
    // « Le député a répondu qu’il n’était pas au courant. » in Windows-1252, CRLF.
    let bytes =
        b"\xab Le d\xe9put\xe9 a r\xe9pondu qu\x92il n\x92\xe9tait pas au courant. \xbb\r\n\
                  La s\xe9ance a \xe9t\xe9 lev\xe9e \xe0 midi.\r\n";
    let path = write(tmp.path(), "cp1252.txt", bytes);
    let items = read_all(&[path]);
    assert_eq!(
        ok(&items[0]).text,
        "« Le député a répondu qu’il n’était pas au courant. »\n\
         La séance a été levée à midi.\n"
    );
    assert_eq!(
        ok(&items[0]).warnings,
        vec!["not UTF-8: read as windows-1252 (detected)"]
    );
}

#[test]
fn utf8_byte_order_mark_is_stripped() {
    let tmp = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice("Élection partielle dans l’Ain.".as_bytes());
    let path = write(tmp.path(), "bom.txt", &bytes);
    let items = read_all(&[path]);
    let input = ok(&items[0]);
    assert_eq!(input.text, "Élection partielle dans l’Ain.");
    assert_ne!(
        input.sha256,
        chronicle_read::input_from_bytes(
            "x.txt",
            "Élection partielle dans l’Ain.".as_bytes(),
            Format::Text,
            &ReadOptions::default()
        )
        .unwrap()
        .sha256,
        "the hash is of the raw bytes, mark included"
    );
}

#[test]
fn utf16_le_with_a_mark_is_decoded() {
    let tmp = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "Grève à la SNCF : « trafic très perturbé ».\r\n".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let path = write(tmp.path(), "utf16.txt", &bytes);
    let items = read_all(&[path]);
    assert_eq!(
        ok(&items[0]).text,
        "Grève à la SNCF : « trafic très perturbé ».\n"
    );
}

#[test]
fn utf16_json_lines_are_streamed() {
    let tmp = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "{\"text\": \"Noël à Lyon.\"}\n{\"text\": \"Été sec.\"}\n".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let path = write(tmp.path(), "utf16.jsonl", &bytes);
    let items = read_all(&[path]);
    assert_eq!(ok(&items[0]).text, "Noël à Lyon.");
    assert_eq!(ok(&items[1]).text, "Été sec.");
}

#[test]
fn binary_empty_and_missing_inputs_are_refused_and_the_rest_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let binary = write(
        tmp.path(),
        "image.txt",
        b"GIF89a\x01\x00\x01\x00\x00\xff\x00,\x00\x00\x00\x00",
    );
    let empty = write(tmp.path(), "vide.txt", b"");
    let blank = write(tmp.path(), "blanc.txt", b" \r\n\t\n");
    let missing = tmp.path().join("absent.txt");
    let good = write(tmp.path(), "bon.txt", "Un texte lisible.".as_bytes());
    let items = read_all(&[binary.clone(), empty.clone(), blank, missing.clone(), good]);
    assert_eq!(items.len(), 5);
    assert_eq!(
        err(&items[0]).to_string(),
        format!("{}: binary file, not text", shown(&binary))
    );
    assert_eq!(
        err(&items[1]).to_string(),
        format!("{}: empty", shown(&empty))
    );
    assert!(matches!(err(&items[2]).reason, Reason::Empty));
    let e = err(&items[3]);
    assert_eq!(e.name, shown(&missing));
    match &e.reason {
        Reason::Io(io) => assert_eq!(io.kind(), std::io::ErrorKind::NotFound),
        other => panic!("expected an OS error, got {other}"),
    }
    assert!(!e.to_string().contains('\n'));
    assert_eq!(ok(&items[4]).text, "Un texte lisible.");
}

#[test]
fn published_option_dates_plain_files() {
    let tmp = tempfile::tempdir().unwrap();
    let path = write(tmp.path(), "a.txt", "Texte.".as_bytes());
    let feed = write(
        tmp.path(),
        "b.jsonl",
        b"{\"text\": \"Avec date.\", \"published\": \"2020-02-02\"}\n{\"text\": \"Sans date.\"}\n",
    );
    let opts = ReadOptions {
        published: Some("2022-01-10".into()),
        ..ReadOptions::default()
    };
    let items: Vec<_> = read(&[path, feed], &opts).collect();
    assert_eq!(ok(&items[0]).given.published.as_deref(), Some("2022-01-10"));
    assert_eq!(ok(&items[1]).given.published.as_deref(), Some("2020-02-02"));
    assert_eq!(ok(&items[2]).given.published.as_deref(), Some("2022-01-10"));
}

const PAGE: &str = r##"<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Les maraîchers de la Drôme face à la sécheresse | Le Courrier du Rhône</title>
<meta property="og:site_name" content="Le Courrier du Rhône">
<meta property="og:title" content="Les maraîchers de la Drôme face à la sécheresse">
<meta property="og:url" content="https://courrier-rhone.example/economie/maraichers-secheresse?utm=x">
<meta property="article:published_time" content="2022-07-18T06:45:00+02:00">
<meta name="description" content="Résumé pour les moteurs de recherche.">
<link rel="canonical" href="https://courrier-rhone.example/economie/maraichers-secheresse">
<script>window.dataLayer = [{"page": "article"}];</script>
<style>.share-bar { display: flex; }</style>
</head>
<body>
<header class="site-header">
  <a href="/">Le Courrier du Rhône</a>
  <nav><ul><li><a href="/politique">Politique</a></li><li><a href="/economie">Économie</a></li></ul></nav>
</header>
<main>
<article>
  <header>
    <p class="kicker">Agriculture</p>
    <h1>Les maraîchers de la Drôme face à la sécheresse</h1>
    <p class="byline">Par Camille Ferrand</p>
    <time datetime="2022-07-18T06:45:00+02:00">18 juillet 2022</time>
  </header>
  <nav class="breadcrumb"><a href="/">Accueil</a> &gt; <a href="/economie">Économie</a></nav>
  <div class="share-bar"><a href="#">Partager sur Facebook</a><a href="#">Partager sur Twitter</a><button>Copier le lien</button></div>
  <figure>
    <img src="serres.jpg" alt="Des serres">
    <figcaption>Des serres près de Valence, le 12 juillet.</figcaption>
    <span class="credit">Photo Léa Bonnet</span>
  </figure>
  <p>À Étoile-sur-Rhône, les puits sont presque à sec. «&nbsp;Nous n&#8217;avons jamais vu ça&nbsp;»,
     confie Marc Aubert, maraîcher depuis vingt ans.</p>
  <h2>Des restrictions renforcées</h2>
  <p>La préfecture a placé lundi le département en alerte renforcée. L&rsquo;arrosage est
     interdit entre 9&nbsp;heures et 20&nbsp;heures.<br>Les contrôles seront quotidiens.</p>
  <blockquote><p>Il faudra revoir nos cultures d’ici à 2030.</p></blockquote>
  <ul>
    <li>Tomates&nbsp;: récolte réduite de moitié.</li>
    <li>Courgettes&nbsp;: calibres plus petits.</li>
  </ul>
  <aside class="related">
    <h3>Sur le même sujet</h3>
    <ul><li><a href="/a">La nappe phréatique au plus bas</a></li><li><a href="/b">Les éleveurs inquiets</a></li></ul>
  </aside>
  <div class="newsletter">Recevez notre lettre quotidienne <form><input type="email"><button>S’inscrire</button></form></div>
</article>
</main>
<footer>© Le Courrier du Rhône 2022 – Mentions légales</footer>
</body>
</html>
"##;

#[test]
fn html_page_gives_metadata_and_a_main_text_free_of_boilerplate() {
    let tmp = tempfile::tempdir().unwrap();
    let path = write(tmp.path(), "maraichers.html", PAGE.as_bytes());
    let items = read_all(std::slice::from_ref(&path));
    let input = ok(&items[0]);

    assert_eq!(input.id, "maraichers");
    assert_eq!(input.format, Format::Html);
    assert_eq!(
        input.given.title.as_deref(),
        Some("Les maraîchers de la Drôme face à la sécheresse")
    );
    assert_eq!(
        input.given.published.as_deref(),
        Some("2022-07-18T06:45:00+02:00")
    );
    assert_eq!(input.given.source.as_deref(), Some("Le Courrier du Rhône"));
    assert_eq!(
        input.given.url.as_deref(),
        Some("https://courrier-rhone.example/economie/maraichers-secheresse")
    );
    assert_eq!(input.given.language.as_deref(), Some("fr"));

    assert_eq!(
        input.text,
        "À Étoile-sur-Rhône, les puits sont presque à sec. «\u{a0}Nous n’avons jamais vu ça\u{a0}», \
         confie Marc Aubert, maraîcher depuis vingt ans.\n\n\
         Des restrictions renforcées\n\n\
         La préfecture a placé lundi le département en alerte renforcée. L’arrosage est interdit \
         entre 9\u{a0}heures et 20\u{a0}heures. Les contrôles seront quotidiens.\n\n\
         Il faudra revoir nos cultures d’ici à 2030.\n\n\
         Tomates\u{a0}: récolte réduite de moitié.\n\n\
         Courgettes\u{a0}: calibres plus petits."
    );
    for boilerplate in [
        "Partager",
        "Accueil",
        "Politique",
        "Sur le même sujet",
        "Recevez",
        "Mentions",
        "Photo Léa Bonnet",
        "Des serres",
        "dataLayer",
        "Camille Ferrand",
    ] {
        assert!(
            !input.text.contains(boilerplate),
            "{boilerplate} left in the text"
        );
    }

    let removed = |reason: RemovalReason| -> Vec<&str> {
        input
            .removed
            .iter()
            .filter(|r| r.reason == reason)
            .map(|r| r.text.as_str())
            .collect()
    };
    assert_eq!(
        removed(RemovalReason::Title),
        vec!["Les maraîchers de la Drôme face à la sécheresse"]
    );
    assert_eq!(
        removed(RemovalReason::Metadata),
        vec!["Agriculture", "Par Camille Ferrand", "18 juillet 2022"]
    );
    assert_eq!(
        removed(RemovalReason::Navigation),
        vec![
            "Accueil > Économie",
            "Partager sur Facebook Partager sur Twitter Copier le lien",
            "Recevez notre lettre quotidienne\nS’inscrire",
        ]
    );
    assert_eq!(
        removed(RemovalReason::Caption),
        vec!["Des serres près de Valence, le 12 juillet."]
    );
    assert_eq!(removed(RemovalReason::Credit), vec!["Photo Léa Bonnet"]);
    assert_eq!(
        removed(RemovalReason::RelatedLinks),
        vec!["Sur le même sujet\nLa nappe phréatique au plus bas\nLes éleveurs inquiets"]
    );
}

#[test]
fn html_in_latin1_follows_its_meta_charset() {
    let tmp = tempfile::tempdir().unwrap();
    let mut bytes = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\
        <title>D\xe9p\xeache</title></head><body><article><p>Le minist\xe8re a confirm\xe9 l'accord \xe0 \
        l'issue d'une r\xe9union tenue \xe0 huis clos.</p></article></body></html>"
        .to_vec();
    bytes.extend_from_slice(b"\n");
    let path = write(tmp.path(), "latin1.htm", &bytes);
    let items = read_all(&[path]);
    let input = ok(&items[0]);
    assert_eq!(input.given.title.as_deref(), Some("Dépêche"));
    assert_eq!(
        input.text,
        "Le ministère a confirmé l'accord à l'issue d'une réunion tenue à huis clos."
    );
}

#[test]
fn a_page_without_text_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let path = write(
        tmp.path(),
        "vide.html",
        b"<html><head><title>Rien</title></head><body><nav><a href=/>Accueil</a></nav></body></html>",
    );
    let items = read_all(std::slice::from_ref(&path));
    assert_eq!(
        err(&items[0]).to_string(),
        format!("{}: no article text found in the page", shown(&path))
    );
}

#[test]
fn memory_inputs_for_other_crates() {
    let opts = ReadOptions::default();
    let all = chronicle_read::inputs_from_bytes(
        "essai.jsonl",
        b"{\"text\": \"Un.\"}\nfaux\n{\"text\": \"Trois.\"}",
        Format::Jsonl,
        &opts,
    );
    assert_eq!(all.len(), 3);
    assert_eq!(ok(&all[0]).id, "essai-1");
    assert!(
        err(&all[1])
            .to_string()
            .starts_with("essai.jsonl:2: not JSON")
    );
    assert_eq!(ok(&all[2]).id, "essai-3");
    let page = chronicle_read::input_from_bytes("page.html", PAGE.as_bytes(), Format::Html, &opts)
        .unwrap();
    assert_eq!(page.id, "page");
    assert_eq!(page.path, None);
    assert!(page.text.starts_with("À Étoile-sur-Rhône"));
}

#[cfg(unix)]
#[test]
fn broken_links_are_errors_and_linked_folders_are_not_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    write(&root, "a.txt", "Premier.".as_bytes());
    write(&root, "z.txt", "Dernier.".as_bytes());
    std::os::unix::fs::symlink(root.join("absent.txt"), root.join("m.txt")).unwrap();
    std::os::unix::fs::symlink(&root, root.join("boucle")).unwrap();
    let items = read_all(std::slice::from_ref(&root));
    assert_eq!(items.len(), 3);
    assert_eq!(ok(&items[0]).text, "Premier.");
    let e = err(&items[1]);
    assert_eq!(e.name, shown(&root.join("m.txt")));
    assert!(matches!(&e.reason, Reason::Io(io) if io.kind() == std::io::ErrorKind::NotFound));
    assert_eq!(ok(&items[2]).text, "Dernier.");
}
