//! The charset a page declares in its `<meta>` tags, found by a byte prescan of
//! its head as browsers do before parsing.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How far into the page to look for the declaration.
const PRESCAN: usize = 4096;

/// The encoding named by `<meta charset=…>` or `<meta http-equiv="Content-Type"
/// content="…; charset=…">` in the first bytes of the page, if any. A UTF-16
/// label means UTF-8 (the page could not have been parsed this far otherwise),
/// `x-user-defined` means Windows-1252, as in the HTML standard.
pub(crate) fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes[..bytes.len().min(PRESCAN)].to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = find(&head[from..], b"<meta") {
        let start = from + i;
        let end = find(&head[start..], b">").map_or(head.len(), |e| start + e);
        if let Some(enc) = charset_in(&head[start..end]) {
            return Some(enc);
        }
        from = end;
    }
    None
}

/// The encoding of the first `charset=` of one `<meta …` tag.
fn charset_in(tag: &[u8]) -> Option<&'static Encoding> {
    let at = find(tag, b"charset")?;
    let mut rest = &tag[at + b"charset".len()..];
    rest = trim_start(rest);
    rest = rest.strip_prefix(b"=")?;
    rest = trim_start(rest);
    while let Some(r) = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")) {
        rest = trim_start(r);
    }
    let len = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    let enc = Encoding::for_label(&rest[..len])?;
    Some(if enc == UTF_16LE || enc == UTF_16BE {
        UTF_8
    } else if enc.name() == "x-user-defined" {
        WINDOWS_1252
    } else {
        enc
    })
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{ISO_8859_2, WINDOWS_1252};

    #[test]
    fn meta_charset_forms() {
        assert_eq!(
            declared(b"<html><head><meta charset=\"UTF-8\">"),
            Some(UTF_8)
        );
        assert_eq!(
            declared(b"<meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>"),
            Some(WINDOWS_1252)
        );
        assert_eq!(declared(b"<META CHARSET = latin2 />"), Some(ISO_8859_2));
        assert_eq!(declared(b"<meta charset=\"utf-16\">"), Some(UTF_8));
        assert_eq!(
            declared(b"<meta name=\"description\" content=\"x\"><p>charset=koi8-r"),
            None
        );
        assert_eq!(declared(b"<meta charset=\"nonsense\">"), None);
    }
}
