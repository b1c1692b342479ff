//! Bytes to text: byte-order marks, UTF-8, declared charsets, detection, and the
//! checks that refuse binary and empty inputs.

use std::borrow::Cow;
use std::io::{self, Read};

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use crate::error::Reason;

/// Text decoded from bytes, with a note when it was not plain UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decoded {
    /// The text.
    pub(crate) text: String,
    /// How it was decoded, when that is worth telling (a detected charset,
    /// mixed encodings).
    pub(crate) note: Option<String>,
}

/// Decodes a whole input. In order: a byte-order mark (UTF-8, UTF-16 LE/BE)
/// decides; NUL bytes mean binary; valid UTF-8 is UTF-8; then the `declared`
/// charset (from an HTML `<meta>`), then detection. The text keeps everything but
/// the byte-order mark and `\r\n`/`\r` line ends, which become `\n`.
pub(crate) fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, Reason> {
    if bytes.is_empty() {
        return Err(Reason::Empty);
    }
    let decoded = match Encoding::for_bom(bytes) {
        Some((enc, bom)) if enc == UTF_8 => match std::str::from_utf8(&bytes[bom..]) {
            Ok(s) => plain(s.to_owned()),
            Err(e) => {
                return Err(Reason::Decode(format!(
                    "invalid UTF-8 after a UTF-8 byte-order mark (byte {})",
                    bom + e.valid_up_to()
                )));
            }
        },
        Some((enc, bom)) => enc
            .decode_without_bom_handling_and_without_replacement(&bytes[bom..])
            .map(|s| plain(s.into_owned()))
            .ok_or_else(|| {
                Reason::Decode(format!("invalid {} after its byte-order mark", enc.name()))
            })?,
        None => {
            if bytes.contains(&0) {
                return Err(Reason::Binary);
            }
            match std::str::from_utf8(bytes) {
                Ok(s) => plain(s.to_owned()),
                Err(_) => decode_legacy(bytes, declared)?,
            }
        }
    };
    check_text(&decoded.text)?;
    Ok(Decoded {
        text: normalise_newlines(decoded.text),
        note: decoded.note,
    })
}

fn plain(text: String) -> Decoded {
    Decoded { text, note: None }
}

/// Decodes one JSON Lines line: UTF-8 when valid, else as [`decode_legacy`] does.
pub(crate) fn decode_line(bytes: &[u8]) -> Result<(Cow<'_, str>, Option<String>), Reason> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((Cow::Borrowed(s), None)),
        Err(_) => decode_legacy(bytes, None).map(|d| (Cow::Owned(d.text), d.note)),
    }
}

/// Decodes bytes that are not UTF-8. Mostly-UTF-8 bytes with a few stray legacy
/// bytes (mixed encodings, common in scraped text) keep their UTF-8 and read the
/// strays as Windows-1252. Otherwise the declared charset is used when it fits,
/// else the one `chardetng` guesses; a guess whose result does not read like
/// text (too few letters among the non-ASCII characters) is refused.
fn decode_legacy(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, Reason> {
    if let Some((text, strays)) = repair_mixed(bytes) {
        return Ok(Decoded {
            text,
            note: Some(format!(
                "mixed encodings: {strays} byte(s) that are not UTF-8 read as windows-1252"
            )),
        });
    }
    if let Some(enc) = declared.filter(|e| *e != UTF_8)
        && let Some(s) = enc.decode_without_bom_handling_and_without_replacement(bytes)
    {
        return Ok(plain(s.into_owned()));
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, Utf8Detection::Deny);
    let text = enc
        .decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or_else(|| Reason::Decode(format!("not UTF-8, and not {} either", enc.name())))?;
    if !plausible(&text) {
        return Err(Reason::Decode(format!(
            "not UTF-8, and no confident guess ({} reads as noise)",
            enc.name()
        )));
    }
    Ok(Decoded {
        text: text.into_owned(),
        note: Some(format!("not UTF-8: read as {} (detected)", enc.name())),
    })
}

/// Reads bytes as UTF-8 with the invalid bytes taken one by one as
/// Windows-1252, when the valid multi-byte UTF-8 characters are at least as many
/// as the invalid bytes (so a legacy file is not taken for a mixed one). Gives the
/// text and the number of invalid bytes.
fn repair_mixed(bytes: &[u8]) -> Option<(String, usize)> {
    let mut out = String::with_capacity(bytes.len());
    let mut rest = bytes;
    let mut strays = 0usize;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                out.push_str(&String::from_utf8_lossy(valid));
                let n = e.error_len().unwrap_or(after.len());
                let (bad, tail) = after.split_at(n);
                out.push_str(&WINDOWS_1252.decode_without_bom_handling(bad).0);
                strays += n;
                rest = tail;
            }
        }
    }
    let non_ascii = out.chars().filter(|c| !c.is_ascii()).count();
    let utf8_chars = non_ascii.saturating_sub(strays);
    (strays > 0 && utf8_chars >= strays).then_some((out, strays))
}

/// Whether decoded text looks like writing: most of its non-ASCII characters are
/// letters, marks, spaces or the punctuation of running text.
fn plausible(text: &str) -> bool {
    let mut non_ascii = 0usize;
    let mut good = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        non_ascii += 1;
        if c.is_alphabetic()
            || c.is_whitespace()
            || matches!(
                c,
                '’' | '‘'
                    | '“'
                    | '”'
                    | '«'
                    | '»'
                    | '–'
                    | '—'
                    | '…'
                    | '•'
                    | '€'
                    | '°'
                    | '·'
                    | '©'
                    | '®'
                    | '™'
                    | '§'
                    | '£'
                    | '¿'
                    | '¡'
            )
        {
            good += 1;
        }
    }
    good * 10 >= non_ascii * 6
}

/// Refuses text that is only white space, or that has too many control characters
/// (other than tab, line feed, carriage return and form feed) to be writing.
fn check_text(text: &str) -> Result<(), Reason> {
    if text.trim().is_empty() {
        return Err(Reason::Empty);
    }
    let mut chars = 0usize;
    let mut controls = 0usize;
    for c in text.chars() {
        chars += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            controls += 1;
        }
    }
    if controls > 2 && controls * 50 > chars {
        return Err(Reason::Binary);
    }
    Ok(())
}

/// Turns `\r\n` and lone `\r` into `\n`, allocating only when there is one.
pub(crate) fn normalise_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// The UTF-16 encoding a byte-order mark at the head of `bytes` announces.
pub(crate) fn utf16_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    match Encoding::for_bom(bytes) {
        Some((enc, _)) if enc == UTF_16LE || enc == UTF_16BE => Some(enc),
        _ => None,
    }
}

/// A reader that turns a UTF-16 stream (its byte-order mark already consumed)
/// into UTF-8 as it goes, so a large UTF-16 JSON Lines file streams like any other.
pub(crate) struct Utf16ToUtf8<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    out: Vec<u8>,
    pos: usize,
    done: bool,
}

impl<R: Read> Utf16ToUtf8<R> {
    /// Wraps `inner`, which holds `enc` (UTF-16LE or UTF-16BE) after its mark.
    pub(crate) fn new(inner: R, enc: &'static Encoding) -> Self {
        Utf16ToUtf8 {
            inner,
            decoder: enc.new_decoder_without_bom_handling(),
            out: Vec::new(),
            pos: 0,
            done: false,
        }
    }

    fn refill(&mut self) -> io::Result<()> {
        let mut chunk = [0u8; 16 * 1024];
        let n = loop {
            match self.inner.read(&mut chunk) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        let last = n == 0;
        let cap = self
            .decoder
            .max_utf8_buffer_length_without_replacement(n)
            .unwrap_or(n * 3 + 16);
        self.out.clear();
        self.out.resize(cap, 0);
        self.pos = 0;
        let (result, _read, written) =
            self.decoder
                .decode_to_utf8_without_replacement(&chunk[..n], &mut self.out, last);
        self.out.truncate(written);
        if let DecoderResult::Malformed(..) = result {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "cannot decode: invalid UTF-16",
            ));
        }
        if last {
            self.done = true;
        }
        Ok(())
    }
}

impl<R: Read> Read for Utf16ToUtf8<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos >= self.out.len() {
            if self.done {
                return Ok(0);
            }
            self.refill()?;
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("Élysée\r\n".as_bytes(), None).unwrap().text,
            "Élysée\n"
        );
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("Pékin".as_bytes());
        assert_eq!(decode(&b, None).unwrap().text, "Pékin");
    }

    #[test]
    fn windows_1252_is_detected() {
        // « Le député a déclaré qu’il était prêt » in Windows-1252.
        let b = b"\xab Le d\xe9put\xe9 a d\xe9clar\xe9 qu\x92il \xe9tait pr\xeat \xbb";
        assert_eq!(
            decode(b, None).unwrap().text,
            "« Le député a déclaré qu’il était prêt »"
        );
    }

    #[test]
    fn declared_charset_is_used_before_detection() {
        let b = b"caf\xe9";
        let t = decode(b, Some(encoding_rs::WINDOWS_1252)).unwrap();
        assert_eq!(t.text, "café");
        assert_eq!(t.note, None);
        let t = decode(b"caf\xe9 cr\xe8me", None).unwrap();
        assert_eq!(t.text, "café crème");
        assert_eq!(
            t.note.as_deref(),
            Some("not UTF-8: read as windows-1252 (detected)")
        );
    }

    #[test]
    fn mixed_encodings_keep_their_utf8() {
        // UTF-8 "Élysée, préfecture" with one stray Windows-1252 "é" (0xE9).
        let mut b = "Élysée, préfecture, ".as_bytes().to_vec();
        b.extend_from_slice(b"march\xe9.");
        let t = decode(&b, None).unwrap();
        assert_eq!(t.text, "Élysée, préfecture, marché.");
        assert!(t.note.unwrap().starts_with("mixed encodings: 1 byte"));
    }

    #[test]
    fn utf16_both_orders() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "Kazakhstan – été".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le, None).unwrap().text, "Kazakhstan – été");
        assert_eq!(decode(&be, None).unwrap().text, "Kazakhstan – été");
    }

    #[test]
    fn refusals() {
        assert!(matches!(decode(b"", None), Err(Reason::Empty)));
        assert!(matches!(decode(b" \n\t\r\n", None), Err(Reason::Empty)));
        assert!(matches!(decode(b"ab\0cd", None), Err(Reason::Binary)));
        assert!(matches!(
            decode(b"\x01\x02\x03\x04text\x05\x06", None),
            Err(Reason::Binary)
        ));
        assert!(matches!(
            decode(&[0xEF, 0xBB, 0xBF, 0xC3, 0x28], None),
            Err(Reason::Decode(_))
        ));
        assert!(matches!(
            decode(&[0xFF, 0xFE, 0x41], None),
            Err(Reason::Decode(_))
        ));
    }

    #[test]
    fn newlines() {
        assert_eq!(normalise_newlines("a\r\nb\rc\n".into()), "a\nb\nc\n");
    }

    #[test]
    fn utf16_stream() {
        let mut le = Vec::new();
        for u in "{\"text\":\"Noël\"}\n{\"text\":\"Sécurité\"}\n".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let mut s = String::new();
        Utf16ToUtf8::new(&le[..], UTF_16LE)
            .read_to_string(&mut s)
            .unwrap();
        assert_eq!(s, "{\"text\":\"Noël\"}\n{\"text\":\"Sécurité\"}\n");
        let mut s = String::new();
        assert!(
            Utf16ToUtf8::new(&le[..5], UTF_16LE)
                .read_to_string(&mut s)
                .is_err()
        );
    }
}
