//! A block of parsed events in columns: what every reader produces and what
//! the aggregator, the Parquet writer and the store scan all consume, so a
//! series computed over raw files and over the store goes through the same
//! code.

use crate::code::Code;

/// Sentinel for a missing Goldstein value (tenths).
pub const NO_GOLD: i32 = i32::MIN;
/// Sentinel for a missing count (mentions, sources, articles).
pub const NO_COUNT: i32 = -1;

/// Parsed events of one input file, in columns.
#[derive(Debug, Default, Clone)]
pub struct Chunk {
    /// Source family: 0 GDELT, 1 ICEWS, 2 generic CSV (see [`crate::Family`]).
    pub family: Vec<u8>,
    pub id: Vec<i64>,
    /// Event date as days since 1970-01-01.
    pub day: Vec<i32>,
    pub actor1_code: Vec<Code>,
    pub actor2_code: Vec<Code>,
    /// Resolved COW codes; 0 where the actor is not a state.
    pub actor1: Vec<u16>,
    pub actor2: Vec<u16>,
    pub event_code: Vec<Code>,
    /// CAMEO root (1..=20), the first two digits of the event code.
    pub root: Vec<u8>,
    /// QuadClass as the source carries it; 0 when it has none.
    pub quad: Vec<u8>,
    /// Goldstein value as the source carries it, in tenths (exact sums).
    pub gold10: Vec<i32>,
    /// 1 root event, 0 not, 2 unknown.
    pub is_root: Vec<u8>,
    pub mentions: Vec<i32>,
    pub sources: Vec<i32>,
    pub articles: Vec<i32>,
    /// Source URL as byte range into `text`; (0, 0) when absent.
    pub url: Vec<(u32, u32)>,
    /// Line of the row in its file (1-based, header counted).
    pub line: Vec<u64>,
    /// Index of the row's file in the run's file list (set by ingest).
    pub file: Vec<u32>,
    /// Bytes of URLs and of codes longer than a [`Code`] holds.
    pub text: Vec<u8>,
    /// Codes longer than 7 ASCII bytes (ICEWS country names), by index.
    pub long_codes: Vec<String>,
    /// The documented repairs each row needed, as a bitmask of
    /// [`crate::parse::Rule::bit`]s; empty while no row of the chunk needed
    /// one, then one mask per row. Not stored in Parquet: the ingest counts
    /// them per file and rule. [`Chunk::push_from`] does not copy them.
    pub repairs: Vec<u8>,
    /// Whether each side is a state actor (government, military, police,
    /// judiciary, legislature, intelligence, or the bare country), by the
    /// source's rule (docs/events.md, "State actors"): two bits per side,
    /// bits 0–1 actor 1 and 2–3 actor 2, each [`STATE_UNKNOWN`],
    /// [`STATE`] or [`NOT_STATE`]. Empty while no row of the chunk carries
    /// the information (a CSV without actor types), then one value per row.
    pub actor_state: Vec<u8>,
}

/// One parsed event as every reader hands it to [`Chunk::push_event`]:
/// the readers differ in how they find these values, not in how a row is
/// stored.
#[derive(Debug, Clone, Copy)]
pub struct Event<'a> {
    pub family: u8,
    pub id: i64,
    pub day: i32,
    /// Actor codes as the source wrote them (empty: none).
    pub actor1_code: &'a [u8],
    pub actor2_code: &'a [u8],
    /// Resolved COW states (0: none).
    pub actor1: u16,
    pub actor2: u16,
    pub event_code: Code,
    pub root: u8,
    pub quad: u8,
    pub gold10: i32,
    pub is_root: u8,
    pub mentions: i32,
    pub sources: i32,
    pub articles: i32,
    pub url: Option<&'a [u8]>,
    pub line: u64,
    /// Repairs the row needed (bits of [`crate::parse::Rule`]).
    pub repairs: u8,
    /// Each side's kind ([`STATE`], [`NOT_STATE`], [`STATE_UNKNOWN`]).
    pub state: (u8, u8),
}

/// The source does not say what kind of actor a side is.
pub const STATE_UNKNOWN: u8 = 0;
/// A state actor.
pub const STATE: u8 = 1;
/// Another actor (business, media, civilians, rebels, …).
pub const NOT_STATE: u8 = 2;

impl Chunk {
    pub fn len(&self) -> usize {
        self.id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.id.is_empty()
    }

    /// The text of a code of this chunk.
    pub fn code_str(&self, code: Code) -> std::borrow::Cow<'_, str> {
        match code.long_index() {
            Some(i) => std::borrow::Cow::Borrowed(self.long_codes[i].as_str()),
            None => std::borrow::Cow::Owned(code.to_string()),
        }
    }

    /// A code for `bytes`, interning long ones in this chunk.
    pub fn code(&mut self, bytes: &[u8]) -> Code {
        if let Some(code) = Code::pack(bytes) {
            return code;
        }
        let text = String::from_utf8_lossy(bytes).into_owned();
        if let Some(i) = self.long_codes.iter().position(|c| *c == text) {
            return Code::long(i);
        }
        self.long_codes.push(text);
        Code::long(self.long_codes.len() - 1)
    }

    /// Whether each side of row `i` is a state actor ([`STATE`], …).
    pub fn state_of(&self, i: usize) -> (u8, u8) {
        let v = self.actor_state.get(i).copied().unwrap_or(0);
        (v & 3, (v >> 2) & 3)
    }

    /// Appends one event.
    pub fn push_event(&mut self, e: &Event<'_>) {
        let url = match e.url {
            Some(u) if !u.is_empty() => {
                let start = self.text.len() as u32;
                self.text.extend_from_slice(u);
                (start, self.text.len() as u32)
            }
            _ => (0, 0),
        };
        let (c1, c2) = (self.code(e.actor1_code), self.code(e.actor2_code));
        self.family.push(e.family);
        self.id.push(e.id);
        self.day.push(e.day);
        self.actor1_code.push(c1);
        self.actor2_code.push(c2);
        self.actor1.push(e.actor1);
        self.actor2.push(e.actor2);
        self.event_code.push(e.event_code);
        self.root.push(e.root);
        self.quad.push(e.quad);
        self.gold10.push(e.gold10);
        self.is_root.push(e.is_root);
        self.mentions.push(e.mentions);
        self.sources.push(e.sources);
        self.articles.push(e.articles);
        self.url.push(url);
        self.line.push(e.line);
        self.record_repairs(e.repairs);
        self.record_state(e.state.0, e.state.1);
    }

    /// Records the repairs of the row just pushed: [`Chunk::repairs`] stays
    /// empty until a row needs one, then holds one mask per row.
    pub fn record_repairs(&mut self, mask: u8) {
        if mask == 0 && self.repairs.is_empty() {
            return;
        }
        self.repairs.resize(self.len() - 1, 0);
        self.repairs.push(mask);
    }

    /// Records the state flags of the row just pushed: the column stays
    /// empty until a row carries them.
    pub fn record_state(&mut self, side1: u8, side2: u8) {
        let v = side1 | (side2 << 2);
        if v == 0 && self.actor_state.is_empty() {
            return;
        }
        self.actor_state.resize(self.len() - 1, 0);
        self.actor_state.push(v);
    }

    /// The repairs row `i` needed (0: none).
    pub fn repairs_of(&self, i: usize) -> u8 {
        self.repairs.get(i).copied().unwrap_or(0)
    }

    pub fn url_str(&self, i: usize) -> Option<&str> {
        let (start, end) = self.url[i];
        (end > start)
            .then(|| std::str::from_utf8(&self.text[start as usize..end as usize]).unwrap_or(""))
    }

    /// Keeps only the rows whose flag is true, in order.
    pub fn retain(&mut self, keep: &[bool]) {
        fn filter<T: Copy>(v: &mut Vec<T>, keep: &[bool]) {
            let mut k = keep.iter();
            v.retain(|_| *k.next().unwrap_or(&false));
        }
        filter(&mut self.family, keep);
        filter(&mut self.id, keep);
        filter(&mut self.day, keep);
        filter(&mut self.actor1_code, keep);
        filter(&mut self.actor2_code, keep);
        filter(&mut self.actor1, keep);
        filter(&mut self.actor2, keep);
        filter(&mut self.event_code, keep);
        filter(&mut self.root, keep);
        filter(&mut self.quad, keep);
        filter(&mut self.gold10, keep);
        filter(&mut self.is_root, keep);
        filter(&mut self.mentions, keep);
        filter(&mut self.sources, keep);
        filter(&mut self.articles, keep);
        filter(&mut self.url, keep);
        filter(&mut self.line, keep);
        if !self.file.is_empty() {
            filter(&mut self.file, keep);
        }
        if !self.repairs.is_empty() {
            filter(&mut self.repairs, keep);
        }
        if !self.actor_state.is_empty() {
            filter(&mut self.actor_state, keep);
        }
    }

    /// Appends every row of `other`, as [`Chunk::push_from`] of each row
    /// would, column by column (the ingest's store side copies each stored
    /// row once, so this copy is on its one sequential path).
    pub fn append(&mut self, other: &Chunk) {
        if !other.long_codes.is_empty() {
            for i in 0..other.len() {
                self.push_from(other, i);
            }
            return;
        }
        let (old, shift) = (self.len(), self.text.len() as u32);
        self.text.extend_from_slice(&other.text);
        self.url.extend(other.url.iter().map(|&(start, end)| {
            if end > start {
                (start + shift, end + shift)
            } else {
                (0, 0)
            }
        }));
        self.family.extend_from_slice(&other.family);
        self.id.extend_from_slice(&other.id);
        self.day.extend_from_slice(&other.day);
        self.actor1_code.extend_from_slice(&other.actor1_code);
        self.actor2_code.extend_from_slice(&other.actor2_code);
        self.actor1.extend_from_slice(&other.actor1);
        self.actor2.extend_from_slice(&other.actor2);
        self.event_code.extend_from_slice(&other.event_code);
        self.root.extend_from_slice(&other.root);
        self.quad.extend_from_slice(&other.quad);
        self.gold10.extend_from_slice(&other.gold10);
        self.is_root.extend_from_slice(&other.is_root);
        self.mentions.extend_from_slice(&other.mentions);
        self.sources.extend_from_slice(&other.sources);
        self.articles.extend_from_slice(&other.articles);
        self.line.extend_from_slice(&other.line);
        let new = self.len();
        if !self.actor_state.is_empty() || !other.actor_state.is_empty() {
            self.actor_state.resize(old, 0);
            self.actor_state.extend_from_slice(&other.actor_state);
            self.actor_state.resize(new, 0);
        }
        self.file.resize(old, 0);
        self.file
            .extend((0..other.len()).map(|i| other.file.get(i).copied().unwrap_or(0)));
    }

    /// Appends rows `rows` of `other` in that order, as [`Chunk::push_from`]
    /// of each would, column by column.
    pub fn append_rows(&mut self, other: &Chunk, rows: &[usize]) {
        if !other.long_codes.is_empty() {
            for &i in rows {
                self.push_from(other, i);
            }
            return;
        }
        fn take<T: Copy>(to: &mut Vec<T>, from: &[T], rows: &[usize]) {
            to.extend(rows.iter().map(|&i| from[i]));
        }
        let old = self.len();
        for &i in rows {
            let url = self.copy_url(other, i);
            self.url.push(url);
        }
        take(&mut self.family, &other.family, rows);
        take(&mut self.id, &other.id, rows);
        take(&mut self.day, &other.day, rows);
        take(&mut self.actor1_code, &other.actor1_code, rows);
        take(&mut self.actor2_code, &other.actor2_code, rows);
        take(&mut self.actor1, &other.actor1, rows);
        take(&mut self.actor2, &other.actor2, rows);
        take(&mut self.event_code, &other.event_code, rows);
        take(&mut self.root, &other.root, rows);
        take(&mut self.quad, &other.quad, rows);
        take(&mut self.gold10, &other.gold10, rows);
        take(&mut self.is_root, &other.is_root, rows);
        take(&mut self.mentions, &other.mentions, rows);
        take(&mut self.sources, &other.sources, rows);
        take(&mut self.articles, &other.articles, rows);
        take(&mut self.line, &other.line, rows);
        let new = self.len();
        // as record_state keeps it: empty until a row carries flags
        let state = |i: usize| other.actor_state.get(i).copied().unwrap_or(0);
        if !self.actor_state.is_empty() || rows.iter().any(|&i| state(i) != 0) {
            self.actor_state.resize(old, 0);
            self.actor_state.extend(rows.iter().map(|&i| state(i)));
        }
        debug_assert_eq!(self.url.len(), new);
        self.file.resize(old, 0);
        self.file.extend(
            rows.iter()
                .map(|&i| other.file.get(i).copied().unwrap_or(0)),
        );
    }

    /// Copies the URL of row `i` of `other` into this chunk's text: its
    /// range here, (0, 0) when it has none.
    fn copy_url(&mut self, other: &Chunk, i: usize) -> (u32, u32) {
        let Some(u) = other.url_str(i) else {
            return (0, 0);
        };
        let start = self.text.len() as u32;
        self.text.extend_from_slice(u.as_bytes());
        (start, self.text.len() as u32)
    }

    /// Appends row `i` of `other`, re-interning its long codes and copying
    /// its URL bytes.
    pub fn push_from(&mut self, other: &Chunk, i: usize) {
        let recode = |me: &mut Chunk, c: Code| match c.long_index() {
            Some(j) => me.code(other.long_codes[j].as_bytes()),
            None => c,
        };
        let c1 = recode(self, other.actor1_code[i]);
        let c2 = recode(self, other.actor2_code[i]);
        let url = self.copy_url(other, i);
        self.family.push(other.family[i]);
        self.id.push(other.id[i]);
        self.day.push(other.day[i]);
        self.actor1_code.push(c1);
        self.actor2_code.push(c2);
        self.actor1.push(other.actor1[i]);
        self.actor2.push(other.actor2[i]);
        self.event_code.push(other.event_code[i]);
        self.root.push(other.root[i]);
        self.quad.push(other.quad[i]);
        self.gold10.push(other.gold10[i]);
        self.is_root.push(other.is_root[i]);
        self.mentions.push(other.mentions[i]);
        self.sources.push(other.sources[i]);
        self.articles.push(other.articles[i]);
        self.url.push(url);
        self.line.push(other.line[i]);
        let (s1, s2) = other.state_of(i);
        self.record_state(s1, s2);
        self.file.push(other.file.get(i).copied().unwrap_or(0));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event<'a>(id: i64, url: Option<&'a [u8]>, state: (u8, u8)) -> Event<'a> {
        Event {
            family: 0,
            id,
            day: 15_000 + id as i32,
            actor1_code: b"RUS",
            actor2_code: b"GEO",
            actor1: 365,
            actor2: 372,
            event_code: Code::pack(b"190").unwrap(),
            root: 19,
            quad: 4,
            gold10: -100,
            is_root: 1,
            mentions: id as i32,
            sources: NO_COUNT,
            articles: 2,
            url,
            line: 10 + id as u64,
            repairs: 0,
            state,
        }
    }

    /// `append` gives the chunk row-by-row `push_from` gives: URLs moved,
    /// state flags padded where one side has none.
    #[test]
    fn append_is_push_from_of_every_row() {
        let mut base = Chunk::default();
        base.push_event(&event(1, Some(b"https://a.example/1"), (0, 0)));
        base.file = vec![0]; // the ingest sets every row's file
        let mut other = Chunk::default();
        other.push_event(&event(2, None, (0, 0)));
        other.push_event(&event(3, Some(b"https://b.example/3"), (STATE, NOT_STATE)));
        other.file = vec![4, 4];
        let mut by_row = base.clone();
        for i in 0..other.len() {
            by_row.push_from(&other, i);
        }
        let mut bulk = base.clone();
        bulk.append(&other);
        assert_eq!(format!("{bulk:?}"), format!("{by_row:?}"));
        assert_eq!(bulk.url_str(2), Some("https://b.example/3"));
        assert_eq!(bulk.state_of(2), (STATE, NOT_STATE));
        assert_eq!(bulk.file, [0, 4, 4]);
        // and the other way round: flags in the base, none appended
        let mut flagged = other.clone();
        let mut by_row = flagged.clone();
        by_row.push_from(&base, 0);
        flagged.append(&base);
        assert_eq!(format!("{flagged:?}"), format!("{by_row:?}"));
    }

    /// `append_rows` gives what `push_from` of the same rows, in the same
    /// order, gives: skipped rows, reordered rows, URLs and flags.
    #[test]
    fn append_rows_is_push_from_of_those_rows() {
        let mut other = Chunk::default();
        other.push_event(&event(1, Some(b"https://a.example/1"), (0, 0)));
        other.push_event(&event(2, None, (0, 0)));
        other.push_event(&event(3, Some(b"https://b.example/3"), (STATE, NOT_STATE)));
        other.push_event(&event(4, Some(b"https://c.example/4"), (0, 0)));
        other.file = vec![1, 1, 2, 2];
        let mut base = Chunk::default();
        base.push_event(&event(9, Some(b"https://z.example/9"), (0, 0)));
        base.file = vec![0];
        for rows in [vec![3, 1], vec![2, 0], vec![0, 1, 2, 3], vec![]] {
            let mut by_row = base.clone();
            for &i in &rows {
                by_row.push_from(&other, i);
            }
            let mut bulk = base.clone();
            bulk.append_rows(&other, &rows);
            assert_eq!(format!("{bulk:?}"), format!("{by_row:?}"), "{rows:?}");
        }
        let mut bulk = base.clone();
        bulk.append_rows(&other, &[3, 2]);
        assert_eq!(bulk.url_str(1), Some("https://c.example/4"));
        assert_eq!(bulk.url_str(2), Some("https://b.example/3"));
        assert_eq!(bulk.state_of(2), (STATE, NOT_STATE));
        assert_eq!(bulk.id, [9, 4, 3]);
        assert_eq!(bulk.file, [0, 2, 2]);
    }
}
