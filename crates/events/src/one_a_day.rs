//! One-a-day filtering: repeated reports of one event inflate counts, so
//! the Phoenix pipeline keeps one record per (story date, source, target,
//! event code) and merges the rest into it (openeventdata/phoenix_pipeline,
//! `oneaday_filter.py`). ordo stores the actors' country codes as the
//! source wrote them, not the full actor strings Phoenix compares (`USAGOV`
//! and `USAMIL` are both `USA` here), so its key — day, actor 1 code,
//! actor 2 code, full event code, directed — is that rule at the level of
//! the dyad, which is the level ordo's series are built at.
//!
//! The filter keeps the first copy it sees of each key; the callers decide
//! what "first" means (store order, or file order for raw files) so the
//! unweighted counts do not depend on it.

use crate::chunk::Chunk;
use crate::code::Code;
use foldhash::HashSet;

/// A code as a key that is the same in every chunk: packed codes as they
/// are, codes longer than a [`Code`] holds (ICEWS country names) by text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Side {
    Packed(u64),
    Long(Box<str>),
}

fn side(chunk: &Chunk, code: Code) -> Side {
    match code.long_index() {
        Some(i) => Side::Long(chunk.long_codes[i].as_str().into()),
        None => Side::Packed(code.0),
    }
}

/// The keys seen so far and how many rows repeated one.
#[derive(Debug, Default)]
pub struct OneADay {
    seen: HashSet<(i32, Side, Side, u64)>,
    /// Rows whose key was already seen.
    pub removed: u64,
}

impl OneADay {
    /// Per row of `chunk`: false for a repeat of a key seen before. Rows
    /// `counted` says a series leaves out anyway (not root events, outside
    /// the dates) are kept and their keys not recorded, so a left-out copy
    /// never hides a counted one.
    pub fn first_copies(&mut self, chunk: &Chunk, counted: &dyn Fn(usize) -> bool) -> Vec<bool> {
        (0..chunk.len())
            .map(|i| {
                if !counted(i) {
                    return true;
                }
                let key = (
                    chunk.day[i],
                    side(chunk, chunk.actor1_code[i]),
                    side(chunk, chunk.actor2_code[i]),
                    chunk.event_code[i].0,
                );
                let first = self.seen.insert(key);
                if !first {
                    self.removed += 1;
                }
                first
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(rows: &[(i32, &str, &str, &str)]) -> Chunk {
        let mut c = Chunk::default();
        for (day, a1, a2, code) in rows {
            c.id.push(c.id.len() as i64);
            c.day.push(*day);
            let (x, y) = (c.code(a1.as_bytes()), c.code(a2.as_bytes()));
            c.actor1_code.push(x);
            c.actor2_code.push(y);
            c.event_code.push(Code::pack(code.as_bytes()).unwrap());
        }
        c
    }

    #[test]
    fn same_day_direction_and_code_is_one_event() {
        let mut f = OneADay::default();
        let c = chunk(&[
            (100, "RUS", "GEO", "190"),
            (100, "RUS", "GEO", "190"), // repeat
            (100, "GEO", "RUS", "190"), // other direction
            (100, "RUS", "GEO", "193"), // other code
            (101, "RUS", "GEO", "190"), // other day
            (100, "Russian Federation", "Georgia", "190"),
        ]);
        assert_eq!(
            f.first_copies(&c, &|_| true),
            [true, false, true, true, true, true]
        );
        // keys hold across chunks, long codes by their text
        let d = chunk(&[
            (100, "Russian Federation", "Georgia", "190"),
            (100, "RUS", "GEO", "190"),
        ]);
        assert_eq!(f.first_copies(&d, &|_| true), [false, false]);
        assert_eq!(f.removed, 3);
        // a row the series leaves out neither counts nor blocks
        let e = chunk(&[(200, "RUS", "GEO", "190"), (200, "RUS", "GEO", "190")]);
        assert_eq!(f.first_copies(&e, &|i| i == 1), [true, true]);
        assert_eq!(f.removed, 3);
    }
}
