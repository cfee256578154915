//! What the readers that are not plain CSV (POLECAT, Phoenix) share: the
//! line loop with its accounting — every non-empty line after the header is
//! read, stored or rejected with its reason — and the outcome the scanner
//! turns into quarantine rows and notes.

use crate::chunk::Chunk;
use crate::parse::RowContext;
use crate::EventsError;
use std::collections::BTreeMap;
use std::io::Read;

/// A row a reader did not store: line, reason, text.
pub type Rejected = (u64, String, Vec<u8>);

/// What a reader says of one row: `Some(reason)` to reject it.
pub type Verdict = Result<Option<String>, EventsError>;

/// What reading one file gave besides its chunks.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// The layout recognised, for the notes (`polecat`, `phoenix-cline`…).
    pub layout: &'static str,
    pub read: u64,
    pub rejected: Vec<Rejected>,
    /// Facts counted per row that are neither repairs nor rejections
    /// (e.g. compound actors), for the notes.
    pub counts: BTreeMap<&'static str, u64>,
}

/// A reader of one file format: rows into chunks (one per parsed block)
/// handed to `sink` in file order.
pub type OwnReader = fn(
    &mut dyn Read,
    &str,
    &RowContext<'_>,
    &mut dyn FnMut(Chunk) -> Result<(), EventsError>,
) -> Result<Outcome, EventsError>;

/// An error naming the file and line of a read that failed.
pub fn broken(name: &str, line: u64, e: std::io::Error) -> EventsError {
    EventsError::Data(format!(
        "{name}:{line}: unreadable (broken or truncated file?): {e}"
    ))
}

/// Bytes read at a time by [`blocks`] (blocks end at a line end, so one
/// may be a little shorter, or longer when a record is longer than this).
pub const BLOCK: usize = 4 << 20;

/// What parsing one block gave. Lines are numbered from 1 within the
/// block; [`blocks`] turns them into file lines.
#[derive(Debug, Default)]
pub struct Parsed {
    pub chunk: Chunk,
    pub read: u64,
    pub rejected: Vec<Rejected>,
    pub counts: BTreeMap<&'static str, u64>,
}

/// How [`blocks`] finds where a block may end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cut {
    /// At any line end (tab-separated files without quoting).
    Lines,
    /// At a line end outside a quoted field, with the quoting rules of the
    /// `csv` crate (a `"` opens a field only at its start, `""` inside one
    /// is a quote): a block is read exactly as it would be in one pass.
    Csv,
}

/// The number of lines in `bytes`: its line ends, and a last line without
/// one.
pub fn line_count(bytes: &[u8]) -> u64 {
    let n = count_newlines(bytes);
    n + u64::from(!bytes.is_empty() && !bytes.ends_with(b"\n"))
}

/// Newlines in `bytes`, counted in 32-byte lanes of u8 counters (the
/// compiler turns the inner loop into vector compares; a plain
/// `filter().count()` over a u64 does not vectorise as well).
pub(crate) fn count_newlines(bytes: &[u8]) -> u64 {
    let mut total = 0u64;
    for big in bytes.chunks(255 * 32) {
        let mut acc = [0u8; 32];
        let mut lanes = big.chunks_exact(32);
        for c in &mut lanes {
            for i in 0..32 {
                acc[i] += u8::from(c[i] == b'\n');
            }
        }
        total += acc.iter().map(|&v| u64::from(v)).sum::<u64>();
        total += lanes.remainder().iter().filter(|b| **b == b'\n').count() as u64;
    }
    total
}

/// The end (one past the line end) of the last complete record of
/// `bytes`, which starts at a record start; `None` when there is none.
pub fn last_cut(bytes: &[u8], cut: Cut) -> Option<usize> {
    match cut {
        Cut::Lines => memchr::memrchr(b'\n', bytes).map(|i| i + 1),
        Cut::Csv => csv_cut(bytes, false),
    }
}

/// The end (one past the line end) of the first record of `bytes`;
/// `None` when it does not end in `bytes`.
pub fn first_cut(bytes: &[u8], cut: Cut) -> Option<usize> {
    match cut {
        Cut::Lines => memchr::memchr(b'\n', bytes).map(|i| i + 1),
        Cut::Csv => csv_cut(bytes, true),
    }
}

/// Record ends of CSV text outside quoted fields: the first or the last.
fn csv_cut(bytes: &[u8], first: bool) -> Option<usize> {
    let mut last = None;
    let mut at = 0;
    while let Some(i) = memchr::memchr2(b'"', b'\n', &bytes[at..]) {
        let i = at + i;
        if bytes[i] == b'\n' {
            if first {
                return Some(i + 1);
            }
            last = Some(i + 1);
            at = i + 1;
            continue;
        }
        // A quote opens a quoted field only at the field's start.
        if i > 0 && !matches!(bytes[i - 1], b',' | b'\n' | b'\r') {
            at = i + 1;
            continue;
        }
        // Inside: `""` is a quote; a lone `"` closes the field.
        let mut j = i + 1;
        loop {
            match memchr::memchr(b'"', &bytes[j..]) {
                None => return last,
                Some(k) if j + k + 1 == bytes.len() => return last,
                Some(k) if bytes[j + k + 1] == b'"' => j += k + 2,
                Some(k) => {
                    j += k + 1;
                    break;
                }
            }
        }
        at = j;
    }
    last
}

/// The line a CSV record starts on, its first line being 1: the `csv`
/// crate's position, less the empty lines (and the `\n` of a `\r\n`) it
/// skipped before the record, which its line number leaves out.
pub fn csv_line(text: &[u8], pos: &csv::Position) -> u64 {
    let from = usize::try_from(pos.byte()).unwrap_or(usize::MAX);
    let skipped = text
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .filter(|b| **b == b'\n')
        .count();
    pos.line() + skipped as u64
}

/// Reads the first record of `reader` (a header): its bytes, and a reader
/// of the rest.
pub fn head<'r>(
    reader: &'r mut dyn Read,
    name: &str,
    cut: Cut,
) -> Result<(Vec<u8>, impl Read + 'r), EventsError> {
    let mut head = Vec::new();
    let end = loop {
        let n = (&mut *reader)
            .take(64 << 10)
            .read_to_end(&mut head)
            .map_err(|e| broken(name, 1, e))?;
        // A record end found in the bytes read before stays where it was.
        if let Some(end) = first_cut(&head, cut) {
            break end;
        }
        if n == 0 {
            break head.len();
        }
    };
    let rest = head.split_off(end);
    Ok((head, std::io::Cursor::new(rest).chain(reader)))
}

/// Calls `row` with each non-empty line of a block (its number in the
/// block and its bytes without the line end), counting it as read; a line
/// that is not UTF-8, or that `row` gives a reason for, is rejected with
/// that reason. Block by block.
pub fn block_lines(
    block: &[u8],
    p: &mut Parsed,
    row: &mut dyn FnMut(&mut Parsed, u64, &[u8]) -> Verdict,
) -> Result<(), EventsError> {
    let utf8 = std::str::from_utf8(block).is_ok();
    let mut line = 0u64;
    let mut start = 0;
    while start < block.len() {
        let end = memchr::memchr(b'\n', &block[start..]).map_or(block.len(), |i| start + i);
        let text = &block[start..end];
        start = end + 1;
        line += 1;
        let text = text.strip_suffix(b"\r").unwrap_or(text);
        if text.is_empty() {
            continue;
        }
        p.read += 1;
        if !utf8 && std::str::from_utf8(text).is_err() {
            p.rejected
                .push((line, "not UTF-8".to_string(), text.to_vec()));
            continue;
        }
        if let Some(reason) = row(p, line, text)? {
            p.rejected.push((line, reason, text.to_vec()));
        }
    }
    Ok(())
}

/// Worker threads for parsing: the machine's cores.
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// The rest of a file, for [`blocks`]: the reader after line `after`.
pub struct Rest<'r> {
    pub reader: &'r mut dyn Read,
    pub name: &'r str,
    pub after: u64,
    pub cut: Cut,
    /// Bytes read at a time ([`BLOCK`]).
    pub block: usize,
}

/// Puts parsed blocks back in file order and into the outcome.
struct InOrder<'s> {
    pending: BTreeMap<usize, (Result<Parsed, EventsError>, u64)>,
    next: usize,
    lines_before: u64,
    result: Result<(), EventsError>,
    sink: &'s mut dyn FnMut(Chunk) -> Result<(), EventsError>,
}

impl InOrder<'_> {
    fn take(
        &mut self,
        index: usize,
        parsed: Result<Parsed, EventsError>,
        lines: u64,
        out: &mut Outcome,
    ) {
        self.pending.insert(index, (parsed, lines));
        while let Some((parsed, lines)) = self.pending.remove(&self.next) {
            self.next += 1;
            let before = self.lines_before;
            self.lines_before += lines;
            let mut p = match parsed {
                Ok(p) => p,
                Err(e) => {
                    if self.result.is_ok() {
                        self.result = Err(e);
                    }
                    continue;
                }
            };
            for l in p.chunk.line.iter_mut() {
                *l += before;
            }
            for r in p.rejected.iter_mut() {
                r.0 += before;
            }
            out.read += p.read;
            out.rejected.append(&mut p.rejected);
            for (k, v) in p.counts {
                *out.counts.entry(k).or_default() += v;
            }
            if self.result.is_ok() && !p.chunk.is_empty() {
                self.result = (self.sink)(p.chunk);
            }
        }
    }
}

/// Runs one block's parser on a worker thread. A panic in it (a bug in
/// ordo) becomes [`stopped`], and the worker lives on to drain the blocks
/// still queued, so the reader never waits on a dead worker; the file then
/// fails as a whole. Every block reader (GDELT, Mentions, [`blocks`]) runs
/// its parser through this.
pub fn caught<T>(name: &str, parse: impl FnOnce() -> T) -> Result<T, EventsError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(parse)).map_err(|_| stopped(name))
}

/// The error of a file whose parsing thread stopped on a bug in ordo.
pub fn stopped(name: &str) -> EventsError {
    EventsError::Data(format!(
        "{name}: a parsing thread stopped on an internal error (a bug in ordo); the file was not ingested"
    ))
}

/// Parses the rest of a file in blocks that end at a record end: the
/// calling thread reads, `threads` workers run `parse` on blocks in
/// parallel, and the blocks' chunks go to `sink` in file order, with their
/// lines, rejections and counts added to `out` as file lines. Every line
/// is in exactly one block, so the accounting is the one-pass reader's.
pub fn blocks(
    rest: Rest<'_>,
    threads: usize,
    out: &mut Outcome,
    parse: &(dyn Fn(&[u8]) -> Result<Parsed, EventsError> + Sync),
    sink: &mut dyn FnMut(Chunk) -> Result<(), EventsError>,
) -> Result<(), EventsError> {
    use std::sync::mpsc;
    type Done = (usize, Result<Parsed, EventsError>, u64, Vec<u8>);
    let Rest {
        reader,
        name,
        after,
        cut,
        block,
    } = rest;
    let threads = threads.max(1);
    let (block_tx, block_rx) = mpsc::sync_channel::<(usize, Vec<u8>)>(threads);
    let block_rx = std::sync::Mutex::new(block_rx);
    let (done_tx, done_rx) = mpsc::channel::<Done>();
    std::thread::scope(|s| -> Result<(), EventsError> {
        let mut workers = Vec::with_capacity(threads);
        for _ in 0..threads {
            let (rx, tx) = (&block_rx, done_tx.clone());
            workers.push(s.spawn(move || loop {
                let next = rx.lock().map(|r| r.recv());
                let Ok(Ok((index, bytes))) = next else { return };
                // A parser that panics loses its block: that block becomes
                // an error in file order (so an earlier error still comes
                // first and the run stops there), and the thread goes on
                // taking blocks, so the reader never waits on dead workers.
                let parsed = caught(name, || parse(&bytes)).and_then(|parsed| parsed);
                let lines = line_count(&bytes);
                if tx.send((index, parsed, lines, bytes)).is_err() {
                    return;
                }
            }));
        }
        drop(done_tx);
        let mut order = InOrder {
            pending: BTreeMap::new(),
            next: 0,
            lines_before: after,
            result: Ok(()),
            sink,
        };
        let mut pool: Vec<Vec<u8>> = Vec::new();
        let mut carry: Vec<u8> = Vec::new();
        let mut offset = 0u64;
        let mut index = 0usize;
        let read = loop {
            let mut buf = pool.pop().unwrap_or_default();
            buf.clear();
            buf.append(&mut carry);
            let n = match (&mut *reader)
                .take(block.max(1) as u64)
                .read_to_end(&mut buf)
            {
                Ok(n) => n,
                Err(e) => {
                    break Err(EventsError::Data(format!(
                        "{name}: unreadable after {offset} bytes (broken or truncated file?): {e}"
                    )))
                }
            };
            offset += n as u64;
            if buf.is_empty() {
                break Ok(());
            }
            if n > 0 {
                match last_cut(&buf, cut) {
                    Some(end) => carry.extend_from_slice(&buf[end..]),
                    None => {
                        // No record ends in what was read: read on.
                        carry = buf;
                        continue;
                    }
                }
                let end = buf.len() - carry.len();
                buf.truncate(end);
            }
            if block_tx.send((index, buf)).is_err() {
                break Ok(());
            }
            index += 1;
            while let Ok((i, parsed, lines, bytes)) = done_rx.try_recv() {
                if pool.len() < threads + 2 {
                    pool.push(bytes);
                }
                order.take(i, parsed, lines, out);
            }
            if order.result.is_err() || (n == 0 && carry.is_empty()) {
                break Ok(());
            }
        };
        drop(block_tx);
        for (i, parsed, lines, _) in done_rx {
            order.take(i, parsed, lines, out);
        }
        // A backstop: a thread that died outside the parser.
        let failed = workers
            .into_iter()
            .map(|w| w.join())
            .filter(Result::is_err)
            .count();
        if failed > 0 {
            return Err(stopped(name));
        }
        read.and(order.result)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (line, first field) of every record, by the `csv` crate in one pass.
    fn one_pass(text: &[u8], after: u64) -> Vec<(u64, Vec<u8>)> {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text);
        let mut rec = csv::ByteRecord::new();
        let mut out = Vec::new();
        while r.read_byte_record(&mut rec).unwrap() {
            let line = csv_line(text, rec.position().unwrap()) + after;
            out.push((line, rec.get(0).unwrap().to_vec()));
        }
        out
    }

    /// The same through [`blocks`] with `block`-byte reads: each record is
    /// pushed as a rejection (line, first field) to see the order and lines.
    fn by_blocks(text: &[u8], after: u64, cut: Cut, block: usize) -> Vec<(u64, Vec<u8>)> {
        let mut out = Outcome::default();
        let parse = |b: &[u8]| {
            let mut p = Parsed::default();
            if cut == Cut::Lines {
                block_lines(b, &mut p, &mut |_, _, t| {
                    Ok(Some(String::from_utf8_lossy(t).into_owned()))
                })?;
                return Ok(p);
            }
            for (line, first) in one_pass(b, 0) {
                p.read += 1;
                p.rejected.push((line, String::new(), first));
            }
            Ok(p)
        };
        let mut reader = text;
        let rest = Rest {
            reader: &mut reader,
            name: "t",
            after,
            cut,
            block,
        };
        blocks(rest, 2, &mut out, &parse, &mut |_| Ok(())).unwrap();
        assert_eq!(out.read, out.rejected.len() as u64);
        if cut == Cut::Lines {
            return out
                .rejected
                .into_iter()
                .map(|(l, t, _)| (l, t.into_bytes()))
                .collect();
        }
        out.rejected.into_iter().map(|(l, _, f)| (l, f)).collect()
    }

    #[test]
    fn csv_blocks_are_cut_outside_quotes_and_read_as_in_one_pass() {
        let text: &[u8] = b"1,\"a\nb\",x\n2,\"say \"\"hi\"\"\nthere\",y\n3,ab\"c,z\n\n4,\"\",\"\"\"\"\n\"5\",\"q,\n\n\",w\r\n6,last";
        let expected = one_pass(text, 1);
        let lines: Vec<u64> = expected.iter().map(|(l, _)| *l).collect();
        // the lines the records start on, after the header line
        assert_eq!(lines, [2, 4, 6, 8, 9, 12]);
        for block in 1..=text.len() + 1 {
            assert_eq!(
                by_blocks(text, 1, Cut::Csv, block),
                expected,
                "block {block}"
            );
        }
    }

    #[test]
    fn line_blocks_keep_every_line_and_its_number() {
        let text: &[u8] = b"a\tb\n\nccc\r\n\n\nd\ne";
        let expected: Vec<(u64, Vec<u8>)> = vec![
            (1, b"a\tb".to_vec()),
            (3, b"ccc".to_vec()),
            (6, b"d".to_vec()),
            (7, b"e".to_vec()),
        ];
        for block in 1..=text.len() + 1 {
            let got: Vec<(u64, Vec<u8>)> = by_blocks(text, 0, Cut::Lines, block);
            assert_eq!(got, expected, "block {block}");
        }
    }

    /// A parser that panics on one block makes the run an error naming the
    /// file; the process goes on and nothing is taken as read.
    #[test]
    fn a_parser_that_panics_is_an_error() {
        let text: &[u8] = b"a\nb\nboom\nc\nd\n";
        let parse = |b: &[u8]| {
            assert!(!b.starts_with(b"boom"), "a parser bug");
            let mut p = Parsed::default();
            p.read += line_count(b);
            Ok(p)
        };
        let mut reader = text;
        let rest = Rest {
            reader: &mut reader,
            name: "m.tsv",
            after: 0,
            cut: Cut::Lines,
            block: 2,
        };
        let mut out = Outcome::default();
        let e = blocks(rest, 2, &mut out, &parse, &mut |_| Ok(())).unwrap_err();
        assert!(
            e.to_string()
                .contains("m.tsv: a parsing thread stopped on an internal error (a bug in ordo)"),
            "{e}"
        );
        // one thread and every block panicking: an error, not a hang
        let text = b"boom\n".repeat(50);
        let mut reader = text.as_slice();
        let rest = Rest {
            reader: &mut reader,
            name: "m.tsv",
            after: 0,
            cut: Cut::Lines,
            block: 5,
        };
        let e = blocks(rest, 1, &mut out, &parse, &mut |_| Ok(())).unwrap_err();
        assert!(
            e.to_string().contains("m.tsv: a parsing thread stopped"),
            "{e}"
        );
    }

    #[test]
    fn newline_count_agrees_with_the_obvious_one() {
        for n in [
            0usize,
            1,
            31,
            32,
            33,
            255 * 32 - 1,
            255 * 32,
            255 * 32 + 7,
            100_000,
        ] {
            let bytes: Vec<u8> = (0..n)
                .map(|i| {
                    if i % 7 == 3 || i % 61 == 0 {
                        b'\n'
                    } else {
                        b'a'
                    }
                })
                .collect();
            let naive = bytes.iter().filter(|b| **b == b'\n').count() as u64;
            assert_eq!(count_newlines(&bytes), naive, "{n}");
        }
        let all = vec![b'\n'; 255 * 32 * 2 + 5];
        assert_eq!(count_newlines(&all), all.len() as u64);
    }

    #[test]
    fn first_and_last_record_ends() {
        assert_eq!(first_cut(b"a,\"x\ny\"\nb\n", Cut::Csv), Some(8));
        assert_eq!(last_cut(b"a,\"x\ny\"\nb\n", Cut::Csv), Some(10));
        assert_eq!(last_cut(b"a,\"x\ny", Cut::Csv), None);
        assert_eq!(
            last_cut(b"a\"b\nc", Cut::Csv),
            Some(4),
            "a quote inside a field"
        );
        assert_eq!(first_cut(b"abc", Cut::Lines), None);
    }
}
