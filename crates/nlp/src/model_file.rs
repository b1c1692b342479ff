//! The binary container of every model file: a magic number, the kind of
//! model and a format version, then little-endian fields written and read in
//! the same order. Every read is bounds-checked, so a truncated or corrupt
//! file gives an [`NlpError::Model`] naming the file, never a panic.

use crate::error::NlpError;

const MAGIC: &[u8; 8] = b"CHRNLP\0\x01";

/// Appends fields to a model file.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    /// A new file of `kind` at format `version`.
    pub(crate) fn new(kind: &str, version: u32) -> Self {
        let mut w = Writer { buf: Vec::new() };
        w.buf.extend_from_slice(MAGIC);
        w.str(kind);
        w.u32(version);
        w
    }

    pub(crate) fn u8(&mut self, x: u8) {
        self.buf.push(x);
    }

    pub(crate) fn u32(&mut self, x: u32) {
        self.buf.extend_from_slice(&x.to_le_bytes());
    }

    pub(crate) fn usize(&mut self, x: usize) {
        self.buf.extend_from_slice(&(x as u64).to_le_bytes());
    }

    pub(crate) fn str(&mut self, s: &str) {
        self.usize(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }

    pub(crate) fn strs(&mut self, xs: &[String]) {
        self.usize(xs.len());
        for s in xs {
            self.str(s);
        }
    }

    pub(crate) fn u32s(&mut self, xs: &[u32]) {
        self.usize(xs.len());
        for &x in xs {
            self.u32(x);
        }
    }

    pub(crate) fn i16s(&mut self, xs: &[i16]) {
        self.usize(xs.len());
        self.buf.reserve(xs.len() * 2);
        for &x in xs {
            self.buf.extend_from_slice(&x.to_le_bytes());
        }
    }

    pub(crate) fn bytes(&mut self, xs: &[u8]) {
        self.usize(xs.len());
        self.buf.extend_from_slice(xs);
    }

    /// The finished file.
    pub(crate) fn finish(self) -> Vec<u8> {
        self.buf
    }
}

/// Reads fields back, in the order they were written.
#[derive(Debug)]
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    name: String,
}

impl<'a> Reader<'a> {
    /// Opens `data` as a file of `kind` whose version must be `version`.
    pub(crate) fn open(
        data: &'a [u8],
        name: &str,
        kind: &str,
        version: u32,
    ) -> Result<Self, NlpError> {
        let mut r = Reader {
            data,
            pos: 0,
            name: name.to_string(),
        };
        if data.len() < MAGIC.len() || &data[..MAGIC.len()] != MAGIC {
            return Err(r.err("not a chronicle model file (bad magic number; empty or corrupt?)"));
        }
        r.pos = MAGIC.len();
        let k = r.str()?;
        if k != kind {
            return Err(r.err(format!("is a {k:?} model, expected {kind:?}")));
        }
        let v = r.u32()?;
        if v != version {
            return Err(r.err(format!("format version {v}, this build reads {version}")));
        }
        Ok(r)
    }

    /// An error about this file.
    pub(crate) fn err(&self, message: impl Into<String>) -> NlpError {
        NlpError::model(&self.name, message)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], NlpError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.data.len())
            .ok_or_else(|| self.err(format!("truncated at byte {}", self.pos)))?;
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn arr<const N: usize>(&mut self) -> Result<[u8; N], NlpError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    pub(crate) fn u8(&mut self) -> Result<u8, NlpError> {
        Ok(self.take(1)?[0])
    }

    pub(crate) fn u32(&mut self) -> Result<u32, NlpError> {
        Ok(u32::from_le_bytes(self.arr()?))
    }

    pub(crate) fn usize(&mut self) -> Result<usize, NlpError> {
        let x = u64::from_le_bytes(self.arr()?);
        usize::try_from(x)
            .ok()
            .filter(|&n| n <= self.data.len().saturating_mul(8) + 1024)
            .ok_or_else(|| self.err(format!("implausible size {x} at byte {}", self.pos)))
    }

    pub(crate) fn str(&mut self) -> Result<String, NlpError> {
        let n = self.usize()?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| self.err("a string is not UTF-8"))
    }

    pub(crate) fn strs(&mut self) -> Result<Vec<String>, NlpError> {
        let n = self.usize()?;
        (0..n).map(|_| self.str()).collect()
    }

    pub(crate) fn u32s(&mut self) -> Result<Vec<u32>, NlpError> {
        let n = self.usize()?;
        let b = self.take(n.checked_mul(4).ok_or_else(|| self.err("size overflow"))?)?;
        Ok(b.chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }

    pub(crate) fn i16s(&mut self) -> Result<Vec<i16>, NlpError> {
        let n = self.usize()?;
        let b = self.take(n.checked_mul(2).ok_or_else(|| self.err("size overflow"))?)?;
        Ok(b.chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect())
    }

    pub(crate) fn bytes(&mut self) -> Result<Vec<u8>, NlpError> {
        let n = self.usize()?;
        Ok(self.take(n)?.to_vec())
    }

    /// Fails unless every byte was read.
    pub(crate) fn done(&self) -> Result<(), NlpError> {
        if self.pos == self.data.len() {
            Ok(())
        } else {
            Err(self.err(format!(
                "{} unexpected bytes at the end",
                self.data.len() - self.pos
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_corruption() {
        let mut w = Writer::new("test", 3);
        w.u32(7);
        w.str("héllo");
        w.i16s(&[1, -2, 300]);
        w.u32s(&[9, 8]);
        let data = w.finish();
        let mut r = Reader::open(&data, "t", "test", 3).expect("opens");
        assert_eq!(r.u32().expect("u32"), 7);
        assert_eq!(r.str().expect("str"), "héllo");
        assert_eq!(r.i16s().expect("i16s"), vec![1, -2, 300]);
        assert_eq!(r.u32s().expect("u32s"), vec![9, 8]);
        r.done().expect("done");
        assert!(Reader::open(&data, "t", "other", 3).is_err());
        assert!(Reader::open(&data, "t", "test", 4).is_err());
        assert!(Reader::open(b"", "t", "test", 3).is_err());
        let cut = &data[..data.len() - 3];
        let mut r = Reader::open(cut, "t", "test", 3).expect("header intact");
        r.u32().expect("u32");
        r.str().expect("str");
        r.i16s().expect("i16s");
        assert!(r.u32s().is_err());
    }
}
