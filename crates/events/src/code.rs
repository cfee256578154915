//! Short text codes (CAMEO country and event codes, PLOVER event types)
//! packed into a `u64`.
//!
//! Hand-written because the hot loop of event aggregation keys hash maps by
//! actor codes millions of times per second: a packed integer hashes and
//! compares in one instruction where a `String` would allocate per row.
//! Codes of up to 7 ASCII bytes are packed byte by byte; upper-case words of
//! 8 to 11 letters (the PLOVER types `COOPERATE`, `THREATEN`, `SANCTION`,
//! `MOBILIZE`) five bits a letter, so every event type of every source is a
//! global code rather than an entry of one chunk's table.

use std::fmt;

/// Up to 7 ASCII bytes packed with their length, or an index into a table of
/// longer codes (bit 63 set). `Code::NONE` is the empty code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Code(pub u64);

const LONG: u64 = 1 << 63;
/// Low byte of a letter-packed code: this flag and the length.
const ALPHA: u64 = 0x80;

/// Upper-case words of 8..=11 letters, five bits a letter above the low byte.
fn pack_alpha(bytes: &[u8]) -> Option<Code> {
    if !(8..=11).contains(&bytes.len()) || !bytes.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    let mut v = ALPHA | bytes.len() as u64;
    for (i, b) in bytes.iter().enumerate() {
        v |= u64::from(b - b'A' + 1) << (8 + 5 * i);
    }
    Some(Code(v))
}

impl Code {
    pub const NONE: Code = Code(0);

    /// Packs `bytes` when they are 1..=7 ASCII bytes or an upper-case word
    /// of 8..=11 letters; `Some(NONE)` for empty.
    pub fn pack(bytes: &[u8]) -> Option<Code> {
        if bytes.len() > 7 {
            return pack_alpha(bytes);
        }
        if !bytes.is_ascii() {
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
    pub fn bytes(self) -> ([u8; 11], usize) {
        let mut out = [0u8; 11];
        if self.long_index().is_some() {
            return (out, 0);
        }
        let low = self.0 & 0xff;
        if low & ALPHA != 0 {
            let len = (low & 0x0f) as usize;
            for (i, b) in out.iter_mut().enumerate().take(len) {
                *b = b'A' - 1 + ((self.0 >> (8 + 5 * i)) & 0x1f) as u8;
            }
            return (out, len);
        }
        let len = low as usize;
        for (i, b) in out.iter_mut().enumerate().take(len) {
            *b = (self.0 >> (8 * (i + 1))) as u8;
        }
        (out, len)
    }
}

impl Code {
    /// Calls `f` with the text of a short code, unpacked on the stack (no
    /// `String`: the store writes millions of them).
    pub fn with_str<R>(self, f: impl FnOnce(&str) -> R) -> R {
        let (bytes, len) = self.bytes();
        f(std::str::from_utf8(&bytes[..len]).unwrap_or("?"))
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.with_str(|text| f.write_str(text))
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

    #[test]
    fn plover_types_pack_as_global_codes() {
        for t in [
            "COOPERATE",
            "THREATEN",
            "SANCTION",
            "MOBILIZE",
            "ASSAULT",
            "AID",
        ] {
            let c = Code::pack(t.as_bytes()).unwrap();
            assert_eq!(c.to_string(), t);
            assert_eq!(c.long_index(), None);
        }
        // distinct from every byte-packed code, and from each other
        assert_ne!(Code::pack(b"COOPERATE"), Code::pack(b"COOPERAT"));
        assert_ne!(Code::pack(b"MOBILIZE"), Code::pack(b"MOBILIZ"));
        // longer, lower-case or non-letter words stay out
        assert!(Code::pack(b"ABCDEFGHIJKL").is_none());
        assert!(Code::pack(b"Cooperate").is_none());
        assert!(Code::pack(b"COOPERATE1").is_none());
    }
}
