//! The set of event keys seen, for de-duplication, in bounded memory.
//!
//! Every family de-duplicates by event id **and** date. ICEWS re-uses ids
//! on different dates (andybega/icews issue #21), and so does GDELT: six
//! `GLOBALEVENTID`s of the 2013 back-files occur in two monthly files with
//! different dates, actors and codes (docs/notes/event-sources.md §5), so
//! an id-only key would drop genuine events.
//!
//! GDELT ids are integers handed out in sequence (about 1.2 billion over
//! GDELT 1.0 and 2.0), so the first date of each id is kept in pages of
//! 4,096 ids: a page starts as a sorted list of (id, date) pairs (extracts
//! such as the Georgia files touch few ids per page) and becomes a dense
//! array of two-byte dates when a quarter full — two bytes per possible id
//! of a dense range (8 MB for the 3.8 M ids of the 1 GB benchmark), where a
//! hash set would need ~20 bytes per event. ICEWS and CSV keys are few
//! enough for a hash map. A second date for an id (the rare reuse) and
//! dates outside 1900–2079 go to a small exact set. Hand-written because
//! no maintained crate maps dense 64-bit ids to small values this way.

use foldhash::{HashMap, HashSet};

const PAGE_BITS: u32 = 12;
const SLOTS: usize = 1 << PAGE_BITS;
/// A sparse page turns dense when it holds this many ids (then the dense
/// array, 8 kB, is no larger than the list).
const SPARSE_MAX: usize = SLOTS / 4;
/// Day 1 of the two-byte date code: 1900-01-01 (days since 1970).
const BASE_DAY: i32 = -25_567;
/// Code of a first date that is not held in the page (in `extra`).
const ELSEWHERE: u16 = u16::MAX;

/// What inserting a key found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// The id was not seen before.
    New,
    /// The id was seen, but only with other dates: a different event.
    NewDate,
    /// The same id and date were seen: a duplicate.
    Again,
}

enum Page {
    /// (offset in page, date code), sorted by offset.
    Sparse(Vec<(u16, u16)>),
    /// Date code per offset; 0 = id not seen.
    Dense(Box<[u16]>),
}

impl Page {
    fn get(&self, offset: u16) -> u16 {
        match self {
            Page::Sparse(v) => v
                .binary_search_by_key(&offset, |e| e.0)
                .map_or(0, |i| v[i].1),
            Page::Dense(d) => d[usize::from(offset)],
        }
    }

    fn set(&mut self, offset: u16, code: u16) {
        match self {
            Page::Sparse(v) => {
                if let Err(i) = v.binary_search_by_key(&offset, |e| e.0) {
                    v.insert(i, (offset, code));
                }
                if v.len() > SPARSE_MAX {
                    let mut dense = vec![0u16; SLOTS].into_boxed_slice();
                    for &(o, c) in v.iter() {
                        dense[usize::from(o)] = c;
                    }
                    *self = Page::Dense(dense);
                }
            }
            Page::Dense(d) => d[usize::from(offset)] = code,
        }
    }
}

/// Two-byte code of a day (1..=65534), or `ELSEWHERE` when out of range.
fn day_code(day: i32) -> u16 {
    let c = i64::from(day) - i64::from(BASE_DAY) + 1;
    if (1..i64::from(ELSEWHERE)).contains(&c) {
        c as u16
    } else {
        ELSEWHERE
    }
}

/// Keys seen so far: `(family, id, day)`.
#[derive(Default)]
pub struct IdSet {
    /// GDELT (family 0) ids ≥ 0: the first date of each id.
    pages: HashMap<i64, Page>,
    /// Other families: the first date of each id.
    first: HashMap<(u8, i64), i32>,
    /// Every further key of an id (another date), and GDELT keys whose
    /// date has no two-byte code.
    extra: HashSet<(u8, i64, i32)>,
}

impl IdSet {
    /// Adds a key; `true` when it was not there before.
    #[inline]
    pub fn insert(&mut self, family: u8, id: i64, day: i32) -> bool {
        self.insert_key(family, id, day) != Seen::Again
    }

    /// Adds a key and says whether its id was new, seen only with other
    /// dates, or seen with this date.
    #[inline]
    pub fn insert_key(&mut self, family: u8, id: i64, day: i32) -> Seen {
        if family != 0 || id < 0 {
            return match self.first.entry((family, id)) {
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(day);
                    Seen::New
                }
                std::collections::hash_map::Entry::Occupied(e) if *e.get() == day => Seen::Again,
                std::collections::hash_map::Entry::Occupied(_) => self.further(family, id, day),
            };
        }
        let page = self
            .pages
            .entry(id >> PAGE_BITS)
            .or_insert_with(|| Page::Sparse(Vec::new()));
        let offset = (id & ((1 << PAGE_BITS) - 1)) as u16;
        let code = day_code(day);
        match page.get(offset) {
            0 => {
                page.set(offset, code);
                if code == ELSEWHERE {
                    self.extra.insert((family, id, day));
                }
                Seen::New
            }
            c if c == code && c != ELSEWHERE => Seen::Again,
            ELSEWHERE if self.extra.contains(&(family, id, day)) => Seen::Again,
            _ => self.further(family, id, day),
        }
    }

    /// A key whose id was seen with another first date.
    fn further(&mut self, family: u8, id: i64, day: i32) -> Seen {
        if self.extra.insert((family, id, day)) {
            Seen::NewDate
        } else {
            Seen::Again
        }
    }

    /// The date part of a family's key: the event date, for every family
    /// (GDELT too since ids were found reused in its back-files). Kept so
    /// callers name the key the same way everywhere.
    pub fn key_day(_family: u8, day: i32) -> i32 {
        day
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

    /// A reused GDELT id (233596613: 2011-07-08 in july2011, 2011-11-10 in
    /// nov2011) is two events; each date again is a duplicate.
    #[test]
    fn gdelt_ids_are_keyed_by_id_and_date() {
        let mut s = IdSet::default();
        let (jul, nov) = (15_163, 15_288);
        assert_eq!(s.insert_key(0, 233_596_613, jul), Seen::New);
        assert_eq!(s.insert_key(0, 233_596_613, nov), Seen::NewDate);
        assert_eq!(s.insert_key(0, 233_596_613, jul), Seen::Again);
        assert_eq!(s.insert_key(0, 233_596_613, nov), Seen::Again);
        // Dates outside 1900-2079 are held exactly too.
        for day in [BASE_DAY - 1, -1_000_000, 40_000, 1_000_000] {
            assert_eq!(
                s.insert_key(0, 7, day),
                if day == BASE_DAY - 1 {
                    Seen::New
                } else {
                    Seen::NewDate
                }
            );
            assert_eq!(s.insert_key(0, 7, day), Seen::Again);
        }
        assert_eq!(s.insert_key(0, 7, 0), Seen::NewDate);
        assert_eq!(s.insert_key(2, 7, 0), Seen::New);
    }

    /// Sparse pages turn dense without losing a key, in any insert order.
    #[test]
    fn dense_and_sparse_pages_agree_with_a_hash_set() {
        let mut s = IdSet::default();
        let mut truth: HashSet<(i64, i32)> = HashSet::default();
        let mut x = 12_345u64;
        for _ in 0..60_000 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let id = ((x >> 33) % 20_000) as i64;
            let day = ((x >> 20) % 3) as i32 * 400;
            assert_eq!(s.insert(0, id, day), truth.insert((id, day)), "{id} {day}");
        }
    }
}
