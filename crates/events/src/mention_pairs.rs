//! Mention rows reduced to (event id, source name) pairs: per pair, the
//! number of rows and the highest `Confidence` (see [`crate::mentions`]).
//!
//! Each parsing thread keeps a [`Run`]: its own source-name table and a
//! vector of pairs it sorts and merges in place now and then. Sorting a
//! vector that is written in order, rather than probing a hash map with
//! millions of entries, keeps the parsing threads out of cache misses, and
//! each thread sorts its own run when its input ends, so the sort runs on
//! every core. [`merge`] then walks the sorted runs together, event by
//! event, and hands out the pairs ordered by event id and source name.

use foldhash::HashMap;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The source index of a row that names no source (NULL, not "").
pub(crate) const NO_SOURCE: u32 = u32::MAX;

/// A run is compacted (sorted and merged) when it holds this many pairs,
/// and then at twice what the last compaction left: memory stays within
/// about twice the distinct pairs, and each row is sorted a few times at
/// most.
const COMPACT: usize = 1 << 20;

/// One (event, source) pair of a run; `source` indexes the run's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pair {
    pub event: i64,
    pub rows: u64,
    pub source: u32,
    pub confidence: u8,
}

/// The pairs one thread read, with the source names they index.
#[derive(Debug, Default)]
pub(crate) struct Run {
    names: Vec<String>,
    index: HashMap<String, u32>,
    /// The name last looked up: rows of one article repeat it, and one
    /// comparison is cheaper than hashing the name again.
    last: u32,
    pairs: Vec<Pair>,
    /// Pairs left by the last compaction.
    compacted: usize,
}

impl Run {
    /// Adds one mention row.
    pub fn add(&mut self, event: i64, source: Option<&str>, confidence: u8) {
        let source = source.map_or(NO_SOURCE, |name| self.intern(name));
        // The sentences of one article come as consecutive rows of the
        // same pair: merged here, before any sort.
        if let Some(p) = self.pairs.last_mut() {
            if p.event == event && p.source == source {
                p.rows += 1;
                p.confidence = p.confidence.max(confidence);
                return;
            }
        }
        self.pairs.push(Pair {
            event,
            rows: 1,
            source,
            confidence,
        });
        if self.pairs.len() >= COMPACT.max(2 * self.compacted) {
            self.compact();
        }
    }

    fn intern(&mut self, name: &str) -> u32 {
        if self
            .names
            .get(self.last as usize)
            .is_some_and(|n| n == name)
        {
            return self.last;
        }
        self.last = match self.index.get(name) {
            Some(i) => *i,
            None => {
                let i = self.names.len() as u32;
                self.names.push(name.to_string());
                self.index.insert(name.to_string(), i);
                i
            }
        };
        self.last
    }

    /// Sorts the pairs by (event, source index) and merges equal ones.
    pub fn compact(&mut self) {
        // Rows come mostly in event order (a block's rows, a compacted
        // prefix): the stable sort finds those ascending runs and merges
        // them, where sorting on (event, source) would find none, the
        // sources of an event being in no order. The sources are then
        // sorted within each event, a few pairs at a time.
        self.pairs.sort_by_key(|p| p.event);
        for event in self.pairs.chunk_by_mut(|a, b| a.event == b.event) {
            event.sort_unstable_by_key(|p| p.source);
        }
        self.pairs.dedup_by(|p, kept| {
            let same = p.event == kept.event && p.source == kept.source;
            if same {
                kept.rows += p.rows;
                kept.confidence = kept.confidence.max(p.confidence);
            }
            same
        });
        self.compacted = self.pairs.len();
    }

    /// The mention rows in the run.
    pub fn rows(&self) -> u64 {
        self.pairs.iter().map(|p| p.rows).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

/// One merged pair as written: event, source name (`None`: no source),
/// rows, highest confidence.
pub(crate) type Merged<'a> = (i64, Option<&'a str>, u64, u8);

/// Walks compacted runs together and calls `emit` with every pair of all
/// runs merged, ordered by event id and then source name (no source
/// first), so the output is the same whatever order rows and files came
/// in. Gives the pairs and the distinct events.
pub(crate) fn merge<E>(
    runs: &[Run],
    mut emit: impl FnMut(Merged<'_>) -> Result<(), E>,
) -> Result<(u64, u64), E> {
    // Every name once, sorted; each run's indices mapped to a rank in it
    // (0 is no source), so a group sorts on integers.
    // Runs (threads times files) repeat the same few thousand names: they
    // are made distinct before the sort.
    let distinct: std::collections::HashSet<&str> = runs
        .iter()
        .flat_map(|r| r.names.iter().map(String::as_str))
        .collect();
    let mut names: Vec<&str> = distinct.into_iter().collect();
    names.sort_unstable();
    let rank: HashMap<&str, u32> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (*n, i as u32 + 1))
        .collect();
    let ranks: Vec<Vec<u32>> = runs
        .iter()
        .map(|r| r.names.iter().map(|n| rank[n.as_str()]).collect())
        .collect();
    let mut at = vec![0usize; runs.len()];
    // The next event of each run, smallest first.
    let mut heads: BinaryHeap<Reverse<(i64, usize)>> = runs
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.pairs.first().map(|p| Reverse((p.event, i))))
        .collect();
    let (mut pairs, mut events) = (0u64, 0u64);
    let mut group: Vec<(u32, u64, u8)> = Vec::new();
    while let Some(Reverse((event, _))) = heads.peek().copied() {
        group.clear();
        while let Some(Reverse((e, i))) = heads.peek().copied() {
            if e != event {
                break;
            }
            heads.pop();
            let run = &runs[i].pairs;
            while let Some(p) = run.get(at[i]).filter(|p| p.event == event) {
                let r = if p.source == NO_SOURCE {
                    0
                } else {
                    ranks[i][p.source as usize]
                };
                group.push((r, p.rows, p.confidence));
                at[i] += 1;
            }
            if let Some(p) = run.get(at[i]) {
                heads.push(Reverse((p.event, i)));
            }
        }
        group.sort_unstable_by_key(|g| g.0);
        events += 1;
        for same in group.chunk_by(|a, b| a.0 == b.0) {
            let rows = same.iter().map(|g| g.1).sum();
            let confidence = same.iter().map(|g| g.2).max().unwrap_or(0);
            let name = (same[0].0 > 0).then(|| names[same[0].0 as usize - 1]);
            emit((event, name, rows, confidence))?;
            pairs += 1;
        }
    }
    Ok((pairs, events))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    type Reference = BTreeMap<(i64, Option<String>), (u64, u8)>;
    /// Merged pairs with owned names, as a test compares them.
    type Owned = Vec<(i64, Option<String>, u64, u8)>;

    /// The reduction written directly from its definition.
    fn reference(rows: &[(i64, Option<&str>, u8)]) -> Reference {
        let mut out = BTreeMap::new();
        for (e, s, c) in rows {
            let v = out.entry((*e, s.map(str::to_string))).or_insert((0, 0));
            v.0 += 1;
            v.1 = v.1.max(*c);
        }
        out
    }

    fn merged(runs: &[Run]) -> (Owned, u64, u64) {
        let mut out = Vec::new();
        let (pairs, events) = merge::<()>(runs, |(e, s, n, c)| {
            out.push((e, s.map(str::to_string), n, c));
            Ok(())
        })
        .unwrap();
        (out, pairs, events)
    }

    #[test]
    fn runs_merge_rows_and_keep_the_highest_confidence() {
        let rows: [(i64, Option<&str>, u8); 7] = [
            (1, Some("x"), 20),
            (1, Some("x"), 90),
            (1, Some("y"), 10),
            (2, Some("x"), 50),
            (1, Some("y"), 70),
            (3, None, 100),
            (1, None, 5),
        ];
        let (mut a, mut b) = (Run::default(), Run::default());
        // b sees "y" before "x": the runs' indices differ
        for (k, (e, s, c)) in rows.iter().enumerate() {
            if k < 4 { &mut a } else { &mut b }.add(*e, *s, *c);
        }
        b.add(2, Some("x"), 60);
        a.compact();
        b.compact();
        let (out, pairs, events) = merged(&[a, b]);
        let want: Owned = vec![
            (1, None, 1, 5),
            (1, Some("x".into()), 2, 90),
            (1, Some("y".into()), 2, 70),
            (2, Some("x".into()), 2, 60),
            (3, None, 1, 100),
        ];
        assert_eq!((out, pairs, events), (want, 5, 3));
    }

    /// Many rows over compactions and runs equal the reduction written from
    /// its definition, in (event, name) order.
    #[test]
    fn compactions_and_runs_equal_the_reference() {
        let names = ["b.example", "a.example", "c.example", "bbc"];
        let mut rows = Vec::new();
        let mut x = 12345u64;
        for _ in 0..(3 * COMPACT) {
            // xorshift: a fixed, reproducible sequence
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let source = match x % 9 {
                8 => None,
                k => Some(names[(k % 4) as usize]),
            };
            rows.push((
                (x >> 8) as i64 % 50_000 + 1,
                source,
                ((x >> 30) % 101) as u8,
            ));
        }
        let mut runs: Vec<Run> = (0..3).map(|_| Run::default()).collect();
        for (k, (e, s, c)) in rows.iter().enumerate() {
            runs[k % 3].add(*e, *s, *c);
        }
        runs.iter_mut().for_each(Run::compact);
        assert_eq!(runs.iter().map(Run::rows).sum::<u64>(), rows.len() as u64);
        let (out, pairs, events) = merged(&runs);
        let want = reference(&rows);
        let got: Reference = out
            .iter()
            .map(|(e, s, n, c)| ((*e, s.clone()), (*n, *c)))
            .collect();
        assert_eq!(got, want);
        assert_eq!(pairs as usize, want.len());
        let distinct: std::collections::BTreeSet<i64> = want.keys().map(|k| k.0).collect();
        assert_eq!(events as usize, distinct.len());
        // emitted in the reference's order: event, then NULL before names
        let keys: Vec<(i64, Option<String>)> = out.into_iter().map(|(e, s, _, _)| (e, s)).collect();
        assert_eq!(keys, want.into_keys().collect::<Vec<_>>());
    }
}
