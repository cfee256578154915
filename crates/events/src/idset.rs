//! The set of event keys seen, for de-duplication, in bounded memory.
//!
//! GDELT event ids are integers handed out in sequence (about 1.2 billion
//! over GDELT 1.0 and 2.0), so a paged bitmap holds any number of them in
//! at most ~150 MB — one bit per possible id, pages of 2^20 ids allocated
//! when first touched — where a hash set would need ~16 bytes per event and
//! grow with the input. ICEWS and CSV keys (id and date) are few enough for
//! a hash set. Hand-written because the one well-kept compressed-bitmap
//! crate (roaring) is 32-bit or needs its 64-bit tree variant for what is
//! here fifty lines.

use foldhash::{HashMap, HashSet};

const PAGE_BITS: u32 = 20;
const WORDS: usize = 1 << (PAGE_BITS - 6);

/// Keys seen so far: `(family, id, day)`, with `day` 0 for GDELT.
#[derive(Default)]
pub struct IdSet {
    pages: HashMap<i64, Box<[u64]>>,
    other: HashSet<(u8, i64, i32)>,
}

impl IdSet {
    /// Adds a key; `true` when it was not there before.
    #[inline]
    pub fn insert(&mut self, family: u8, id: i64, day: i32) -> bool {
        if family != 0 || id < 0 {
            return self.other.insert((family, id, day));
        }
        let page = self
            .pages
            .entry(id >> PAGE_BITS)
            .or_insert_with(|| vec![0u64; WORDS].into_boxed_slice());
        let bit = (id & ((1 << PAGE_BITS) - 1)) as usize;
        let (word, mask) = (bit / 64, 1u64 << (bit % 64));
        let new = page[word] & mask == 0;
        page[word] |= mask;
        new
    }

    /// The key a family de-duplicates by: GDELT ids are unique over the
    /// archive; ICEWS and CSV ids are made unique with the event date.
    pub fn key_day(family: u8, day: i32) -> i32 {
        if family == 0 {
            0
        } else {
            day
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_ids_across_pages_and_families() {
        let mut s = IdSet::default();
        for id in [0i64, 1, 63, 64, (1 << 20) - 1, 1 << 20, 1_234_567_890, -5] {
            assert!(s.insert(0, id, 0), "{id}");
            assert!(!s.insert(0, id, 0), "{id}");
        }
        assert!(s.insert(1, 5, 100));
        assert!(s.insert(1, 5, 101));
        assert!(!s.insert(1, 5, 100));
        assert!(s.insert(0, 5, 0));
    }
}
