//! Bytes to text: byte-order marks, UTF-8, declared charsets, detection, and the
//! checks that refuse binary and empty inputs.

use std::borrow::Cow;
use std::io::{self, Read};

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding, UTF_8, UTF_16BE, UTF_16LE};

use crate::error::Reason;

/// Decodes a whole input. In order: a byte-order mark (UTF-8, UTF-16 LE/BE)
/// decides; NUL bytes mean binary; valid UTF-8 is UTF-8; then the `declared`
/// charset (from an HTML `<meta>`), then detection. The text keeps everything but
/// the byte-order mark and `\r\n`/`\r` line ends, which become `\n`.
pub(crate) fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<String, Reason> {
    if bytes.is_empty() {
        return Err(Reason::Empty);
    }
    let text = match Encoding::for_bom(bytes) {
        Some((enc, bom)) if enc == UTF_8 => match std::str::from_utf8(&bytes[bom..]) {
            Ok(s) => s.to_owned(),
            Err(e) => {
                return Err(Reason::Decode(format!(
                    "invalid UTF-8 after a UTF-8 byte-order mark (byte {})",
                    bom + e.valid_up_to()
                )));
            }
        },
        Some((enc, bom)) => enc
            .decode_without_bom_handling_and_without_replacement(&bytes[bom..])
            .map(Cow::into_owned)
            .ok_or_else(|| {
                Reason::Decode(format!("invalid {} after its byte-order mark", enc.name()))
            })?,
        None => {
            if bytes.contains(&0) {
                return Err(Reason::Binary);
            }
            match std::str::from_utf8(bytes) {
                Ok(s) => s.to_owned(),
                Err(_) => decode_legacy(bytes, declared)?,
            }
        }
    };
    check_text(&text)?;
    Ok(normalise_newlines(text))
}

/// Decodes one JSON Lines line: UTF-8 when valid, else a detected legacy charset.
pub(crate) fn decode_line(bytes: &[u8]) -> Result<Cow<'_, str>, Reason> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(_) => decode_legacy(bytes, None).map(Cow::Owned),
    }
}

/// Decodes bytes that are not UTF-8: with the declared charset when it fits,
/// else with the one `chardetng` guesses. A guess whose result does not read
/// like text (too few letters among the non-ASCII characters) is refused.
fn decode_legacy(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<String, Reason> {
    if let Some(enc) = declared.filter(|e| *e != UTF_8)
        && let Some(s) = enc.decode_without_bom_handling_and_without_replacement(bytes)
    {
        return Ok(s.into_owned());
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
    Ok(text.into_owned())
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
        assert_eq!(decode("Élysée\r\n".as_bytes(), None).unwrap(), "Élysée\n");
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("Pékin".as_bytes());
        assert_eq!(decode(&b, None).unwrap(), "Pékin");
    }

    #[test]
    fn windows_1252_is_detected() {
        // « Le député a déclaré qu’il était prêt » in Windows-1252.
        let b = b"\xab Le d\xe9put\xe9 a d\xe9clar\xe9 qu\x92il \xe9tait pr\xeat \xbb";
        assert_eq!(
            decode(b, None).unwrap(),
            "« Le député a déclaré qu’il était prêt »"
        );
    }

    #[test]
    fn declared_charset_is_used_before_detection() {
        let b = b"caf\xe9";
        let t = decode(b, Some(encoding_rs::WINDOWS_1252)).unwrap();
        assert_eq!(t, "café");
    }

    #[test]
    fn utf16_both_orders() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "Kazakhstan – été".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le, None).unwrap(), "Kazakhstan – été");
        assert_eq!(decode(&be, None).unwrap(), "Kazakhstan – été");
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
