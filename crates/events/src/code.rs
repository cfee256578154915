//! Short text codes (CAMEO country and event codes) packed into a `u64`.
//!
//! Hand-written because the hot loop of event aggregation keys hash maps by
//! actor codes millions of times per second: a packed integer hashes and
//! compares in one instruction where a `String` would allocate per row.

use std::fmt;

/// Up to 7 ASCII bytes packed with their length, or an index into a table of
/// longer codes (bit 63 set). `Code::NONE` is the empty code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Code(pub u64);

const LONG: u64 = 1 << 63;

impl Code {
    pub const NONE: Code = Code(0);

    /// Packs `bytes` when they are 1..=7 ASCII bytes; `Some(NONE)` for empty.
    pub fn pack(bytes: &[u8]) -> Option<Code> {
        if bytes.len() > 7 || !bytes.is_ascii() {
            return None;
        }
        let mut v = bytes.len() as u64;
        for (i, b) in bytes.iter().enumerate() {
            v |= (*b as u64) << (8 * (i + 1));
        }
        Some(Code(if bytes.is_empty() { 0 } else { v }))
    }

    pub fn long(index: usize) -> Code {
        Code(LONG | index as u64)
    }

    pub fn long_index(self) -> Option<usize> {
        (self.0 & LONG != 0).then_some((self.0 & !LONG) as usize)
    }

    pub fn is_none(self) -> bool {
        self.0 == 0
    }

    /// The packed bytes (empty for long codes).
    pub fn bytes(self) -> ([u8; 7], usize) {
        let mut out = [0u8; 7];
        if self.long_index().is_some() {
            return (out, 0);
        }
        let len = (self.0 & 0xff) as usize;
        for (i, b) in out.iter_mut().enumerate().take(len) {
            *b = (self.0 >> (8 * (i + 1))) as u8;
        }
        (out, len)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (bytes, len) = self.bytes();
        f.write_str(std::str::from_utf8(&bytes[..len]).unwrap_or("?"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_and_prints_codes_with_leading_zeros() {
        let c = Code::pack(b"0841").unwrap();
        assert_eq!(c.to_string(), "0841");
        assert_ne!(c, Code::pack(b"841").unwrap());
        assert_eq!(Code::pack(b"").unwrap(), Code::NONE);
        assert!(Code::pack(b"Russian Federation").is_none());
        assert_eq!(Code::long(3).long_index(), Some(3));
        assert_eq!(Code::pack(b"ITA").unwrap().long_index(), None);
    }
}
