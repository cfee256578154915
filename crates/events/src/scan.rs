//! Streaming a file of events into [`Chunk`]s, every row accounted for.
//!
//! Headerless GDELT files take the fast path: a reader thread cuts the text
//! into blocks at line ends, worker threads split and parse blocks in
//! parallel, and the blocks are handed on in file order. Files with a header
//! row (R-written GDELT extracts, ICEWS, user CSV) go through the `csv`
//! crate, which handles quoting, mapped by column name.

use crate::chunk::Chunk;
use crate::date::{slash_parts, SlashDates, SlashEvidence};
use crate::layout::{self, Family, Fields};
use crate::lines::{line_count, BLOCK};
use crate::open::{self, HashHandle, Member};
use crate::parse::{push_row, FileRules, Reason, RowContext, NO_FILE_RULES};
use crate::split::{split_tabs, MAX_FIELDS};
use crate::EventsError;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::sync::mpsc;

/// A row that was not stored, and why.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Quarantined {
    pub file: String,
    pub line: u64,
    pub reason: String,
    /// The row as read (lossy UTF-8, at most 500 characters).
    pub text: String,
}

/// What scanning one file found.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct FileScan {
    pub file: String,
    /// Data rows read (header excluded).
    pub read: u64,
    pub quarantined: Vec<Quarantined>,
    pub sha256: String,
    pub bytes: u64,
    /// Rows by layout (`gdelt-57`, `gdelt-58`, `gdelt-61`, `header`).
    pub layouts: BTreeMap<String, u64>,
    /// Per-file decisions the ingest notes should show (how `m/d/yyyy`
    /// dates were read), each naming the file.
    #[serde(default)]
    pub notes: Vec<String>,
}

/// Work done on each parsed chunk by the thread that parsed it.
pub type ChunkHook<'a> = dyn Fn(usize, &Chunk) + Sync + 'a;

/// How to read the files of one run.
pub struct ScanOptions<'a> {
    pub family: Family,
    pub ctx: RowContext<'a>,
    /// User `--map field=column` pairs for header files.
    pub map: Vec<(String, String)>,
    pub threads: usize,
    /// Called with the bytes read so far, for progress bars.
    pub progress: &'a (dyn Fn(u64) + Sync),
    /// Called by the parsing thread (with its index, below `threads`) on
    /// each chunk before it goes to the sink in file order: work that does
    /// not need file order (aggregation) runs here, in parallel.
    pub hook: Option<&'a ChunkHook<'a>>,
    /// `--quick`: parse only lines that contain one of each needle set
    /// (and do not hash the file); other lines are counted, not read.
    pub prefilter: Option<&'a Prefilter>,
}

/// Byte strings a line must contain (one of `first` and one of `second`)
/// to be worth parsing: how a one-dyad quick look skips the rest of a
/// file, as `grep -F` would.
#[derive(Debug, Clone)]
pub struct Prefilter {
    pub first: Vec<Vec<u8>>,
    pub second: Vec<Vec<u8>>,
}

impl Prefilter {
    /// Starts of the lines of `bytes` that contain a needle of each set.
    fn candidate_lines(&self, bytes: &[u8]) -> Vec<(usize, usize)> {
        let mut starts: Vec<usize> = Vec::new();
        for n in &self.first {
            for hit in memchr::memmem::find_iter(bytes, n) {
                let start = memchr::memrchr(b'\n', &bytes[..hit]).map_or(0, |i| i + 1);
                starts.push(start);
            }
        }
        starts.sort_unstable();
        starts.dedup();
        starts
            .into_iter()
            .map(|s| {
                (
                    s,
                    memchr::memchr(b'\n', &bytes[s..]).map_or(bytes.len(), |i| s + i),
                )
            })
            .filter(|(s, e)| {
                let line = &bytes[*s..*e];
                self.second
                    .iter()
                    .any(|n| memchr::memmem::find(line, n).is_some())
            })
            .collect()
    }
}

pub(crate) fn quarantine(file: &str, line: u64, reason: impl ToString, raw: &[u8]) -> Quarantined {
    Quarantined {
        file: file.to_string(),
        line,
        reason: reason.to_string(),
        text: String::from_utf8_lossy(raw).chars().take(500).collect(),
    }
}

/// Scans one file, handing chunks to `sink` in file order.
pub fn scan_file(
    path: &Path,
    opts: &ScanOptions<'_>,
    sink: &mut dyn FnMut(Chunk) -> Result<(), EventsError>,
) -> Result<FileScan, EventsError> {
    let (members, hash) = open::open(path, opts.prefilter.is_none())?;
    let mut scan = FileScan {
        file: path.display().to_string(),
        ..FileScan::default()
    };
    for member in members {
        scan_member(path, member, opts, &hash, &mut scan, sink)?;
    }
    scan.sha256 = hash.hex();
    scan.bytes = hash.bytes();
    Ok(scan)
}

fn scan_member(
    path: &Path,
    mut member: Member,
    opts: &ScanOptions<'_>,
    hash: &HashHandle,
    scan: &mut FileScan,
    sink: &mut dyn FnMut(Chunk) -> Result<(), EventsError>,
) -> Result<(), EventsError> {
    let mut head = vec![0u8; 64 << 10];
    let n = read_full(&mut member.reader, &mut head, &member.name, 0)?;
    head.truncate(n);
    let first = head.split(|b| *b == b'\n').next().unwrap_or(&[]);
    let has_header = first.starts_with(b"GLOBALEVENTID")
        || first.starts_with(b"\"GLOBALEVENTID\"")
        || opts.family != Family::Gdelt;
    let reader = std::io::Cursor::new(head).chain(member.reader);
    let own: Option<crate::lines::OwnReader> = match opts.family {
        Family::Polecat => Some(crate::polecat::read),
        Family::Phoenix => Some(crate::phoenix::read),
        _ => None,
    };
    if let Some(read) = own {
        return scan_own(read, reader, &member.name, opts, hash, scan, sink);
    }
    if has_header {
        let source = (path, member.name.as_str());
        scan_header_file(reader, source, opts, hash, scan, sink)
    } else {
        scan_gdelt(reader, &member.name, opts, hash, scan, sink)
    }
}

fn read_full(
    r: &mut dyn Read,
    buf: &mut [u8],
    name: &str,
    offset: u64,
) -> Result<usize, EventsError> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(broken(name, offset + n as u64, e)),
        }
    }
    Ok(n)
}

fn broken(name: &str, offset: u64, e: std::io::Error) -> EventsError {
    EventsError::Data(format!(
        "{name}: unreadable after {offset} bytes of text (broken or truncated file?): {e}"
    ))
}

struct Block {
    index: usize,
    /// A reused buffer; only `..len` holds this block's text.
    bytes: Vec<u8>,
    len: usize,
}

impl Block {
    fn data(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

struct Parsed {
    chunk: Chunk,
    quarantined: Vec<Quarantined>,
    rows: u64,
    layouts: [u64; 3],
}

/// The fast path for headerless, tab-separated GDELT rows.
fn scan_gdelt(
    mut reader: impl Read + Send,
    name: &str,
    opts: &ScanOptions<'_>,
    hash: &HashHandle,
    scan: &mut FileScan,
    sink: &mut dyn FnMut(Chunk) -> Result<(), EventsError>,
) -> Result<(), EventsError> {
    let threads = opts.threads.max(1);
    let (block_tx, block_rx) = mpsc::sync_channel::<Block>(threads * 2);
    let block_rx = std::sync::Mutex::new(block_rx);
    let pool: std::sync::Mutex<Vec<Vec<u8>>> = std::sync::Mutex::new(Vec::new());
    let pool = &pool;
    std::thread::scope(|s| -> Result<(), EventsError> {
        let (done_tx, done_rx) =
            mpsc::sync_channel::<(usize, Result<Parsed, EventsError>)>(threads * 2);
        let reader_thread = s.spawn(move || -> Result<(), EventsError> {
            let mut carry: Vec<u8> = Vec::new();
            let mut offset = 0u64;
            for index in 0.. {
                // Reuse a buffer the workers are done with: a fresh 4 MB
                // allocation per block costs a page fault per 4 kB.
                // Buffers keep their length between uses, so they are
                // zeroed once, when first allocated, not per block.
                let mut buf = pool.lock().expect("buffer pool").pop().unwrap_or_default();
                let start = carry.len();
                if buf.len() < start + BLOCK {
                    buf.resize(start + BLOCK, 0);
                }
                buf[..start].copy_from_slice(&carry);
                carry.clear();
                let n = read_full(&mut reader, &mut buf[start..start + BLOCK], name, offset)?;
                offset += n as u64;
                let mut len = start + n;
                if len == 0 {
                    break;
                }
                if n > 0 {
                    if let Some(cut) = memchr::memrchr(b'\n', &buf[..len]) {
                        carry.extend_from_slice(&buf[cut + 1..len]);
                        len = cut + 1;
                    }
                }
                // Lines are counted by the workers, in parallel; the
                // consumer turns block-relative line numbers into file ones.
                let block = Block {
                    index,
                    bytes: buf,
                    len,
                };
                if block_tx.send(block).is_err() {
                    break;
                }
                if n == 0 && carry.is_empty() {
                    break;
                }
            }
            Ok(())
        });
        let mut workers = Vec::new();
        for worker in 0..threads {
            let (rx, tx) = (&block_rx, done_tx.clone());
            workers.push(s.spawn(move || loop {
                let block = match rx.lock().expect("block queue").recv() {
                    Ok(b) => b,
                    Err(_) => return,
                };
                let parsed = crate::lines::caught(name, || {
                    let parsed = match opts.prefilter {
                        Some(p) => parse_candidates(&block, name, &opts.ctx, p),
                        None => parse_block(&block, name, &opts.ctx),
                    };
                    if let Some(hook) = opts.hook {
                        hook(worker, &parsed.chunk);
                    }
                    parsed
                });
                let index = block.index;
                let mut pool = pool.lock().expect("buffer pool");
                if pool.len() < threads * 3 {
                    pool.push(block.bytes);
                }
                drop(pool);
                if tx.send((index, parsed)).is_err() {
                    return;
                }
            }));
        }
        drop(done_tx);
        let mut pending = BTreeMap::new();
        let mut next = 0usize;
        let mut result = Ok(());
        let mut lines_before = 0u64;
        for (index, parsed) in done_rx {
            pending.insert(index, parsed);
            while let Some(p) = pending.remove(&next) {
                next += 1;
                let mut p = match p {
                    Ok(p) => p,
                    Err(e) => {
                        // Nothing more goes to the sink; the rest drains.
                        if result.is_ok() {
                            result = Err(e);
                        }
                        continue;
                    }
                };
                for l in p.chunk.line.iter_mut() {
                    *l += lines_before;
                }
                for q in p.quarantined.iter_mut() {
                    q.line += lines_before;
                }
                lines_before += p.rows;
                scan.read += p.rows;
                for (i, key) in ["gdelt-57", "gdelt-58", "gdelt-61"].iter().enumerate() {
                    if p.layouts[i] > 0 {
                        *scan.layouts.entry((*key).to_string()).or_default() += p.layouts[i];
                    }
                }
                scan.quarantined.extend(p.quarantined);
                (opts.progress)(hash.bytes());
                if result.is_ok() && !p.chunk.is_empty() {
                    result = sink(p.chunk);
                }
            }
        }
        reader_thread.join().expect("reader thread")?;
        result
    })
}

/// One headerless GDELT line into `chunk` (its layout counted in
/// `layouts`), or why it cannot be stored. `check_utf8` is off when the
/// whole block is already known to be UTF-8.
fn parse_line<'l>(
    chunk: &mut Chunk,
    ctx: &RowContext<'_>,
    line: &'l [u8],
    line_no: u64,
    check_utf8: bool,
    fields: &mut [&'l [u8]; MAX_FIELDS],
    layouts: &mut [u64; 3],
) -> Result<(), Reason> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if check_utf8 && std::str::from_utf8(line).is_err() {
        return Err(Reason::NonUtf8);
    }
    let width = split_tabs(line, fields);
    let layout = layout::gdelt_by_width(width).ok_or(Reason::Width {
        found: width,
        expected: "57, 58 or 61 (GDELT 1.0 back-file, 1.0 daily, 2.0)",
    })?;
    push_row(
        chunk,
        ctx,
        layout,
        &NO_FILE_RULES,
        &fields[..width],
        line_no,
    )?;
    layouts[(width - 57).min(2)] += 1;
    Ok(())
}

/// `--quick`: only the candidate lines are split and parsed; the others
/// are counted as read.
fn parse_candidates(block: &Block, name: &str, ctx: &RowContext<'_>, p: &Prefilter) -> Parsed {
    let mut chunk = Chunk::default();
    let mut quarantined = Vec::new();
    let mut layouts = [0u64; 3];
    let mut fields: [&[u8]; MAX_FIELDS] = [&[]; MAX_FIELDS];
    let data = block.data();
    for (s, e) in p.candidate_lines(data) {
        let line = &data[s..e];
        if let Err(reason) = parse_line(&mut chunk, ctx, line, 0, true, &mut fields, &mut layouts) {
            quarantined.push(quarantine(name, 0, reason, line));
        }
    }
    Parsed {
        chunk,
        quarantined,
        rows: line_count(block.data()),
        layouts,
    }
}

fn parse_block(block: &Block, name: &str, ctx: &RowContext<'_>) -> Parsed {
    let mut chunk = Chunk {
        id: Vec::with_capacity(block.len / 250),
        ..Chunk::default()
    };
    let mut quarantined = Vec::new();
    let mut layouts = [0u64; 3];
    let utf8 = std::str::from_utf8(block.data()).is_ok();
    let mut fields: [&[u8]; MAX_FIELDS] = [&[]; MAX_FIELDS];
    let mut line_no = 1u64;
    let mut rows = 0u64;
    let bytes = block.data();
    let mut start = 0;
    while start < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let line = &bytes[start..end];
        start = end + 1;
        let this = line_no;
        line_no += 1;
        rows += 1;
        if let Err(reason) = parse_line(
            &mut chunk,
            ctx,
            line,
            this,
            !utf8,
            &mut fields,
            &mut layouts,
        ) {
            quarantined.push(quarantine(name, this, reason, line));
        }
    }
    Parsed {
        chunk,
        quarantined,
        rows,
        layouts,
    }
}

/// A file of a format with its own reader ([`crate::lines::OwnReader`]):
/// rejected rows quarantined, the reader's counts noted with the layout.
fn scan_own(
    read: crate::lines::OwnReader,
    mut reader: impl Read,
    name: &str,
    opts: &ScanOptions<'_>,
    hash: &HashHandle,
    scan: &mut FileScan,
    sink: &mut dyn FnMut(Chunk) -> Result<(), EventsError>,
) -> Result<(), EventsError> {
    let out = read(&mut reader, name, &opts.ctx, &mut |chunk| {
        (opts.progress)(hash.bytes());
        if let Some(hook) = opts.hook {
            hook(0, &chunk);
        }
        sink(chunk)
    })?;
    scan.read += out.read;
    *scan.layouts.entry(out.layout.into()).or_default() += out.read - out.rejected.len() as u64;
    for (line, reason, text) in out.rejected {
        scan.quarantined.push(quarantine(name, line, reason, &text));
    }
    for (what, n) in out.counts {
        *scan.layouts.entry(what.into()).or_default() += n;
    }
    (opts.progress)(hash.bytes());
    Ok(())
}

/// The header line of a header file: whether it is tab-separated, and the
/// column names.
fn read_header(
    reader: &mut impl std::io::BufRead,
    name: &str,
) -> Result<(bool, Vec<String>), EventsError> {
    let mut first = Vec::new();
    reader
        .read_until(b'\n', &mut first)
        .map_err(|e| broken(name, 0, e))?;
    let tab = first.contains(&b'\t');
    let header_text = String::from_utf8_lossy(&first);
    let mut r = csv_reader(tab, header_text.trim_end_matches(['\r', '\n']).as_bytes());
    let mut rec = csv::StringRecord::new();
    r.read_record(&mut rec)
        .map_err(|e| EventsError::Data(format!("{name}:1: header: {e}")))?;
    Ok((tab, rec.iter().map(|h| h.trim().to_string()).collect()))
}

/// Tab files are read with quoting off (GDELT geo names and ICEWS names
/// contain `"`), comma files with CSV quoting.
fn csv_reader<R: Read>(tab: bool, reader: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(if tab { b'\t' } else { b',' })
        .quoting(!tab)
        .from_reader(reader)
}

/// A row's fields without the R row name `write.csv` adds (one more field
/// than the header names: 5 of the 23 GDELT Georgia files).
fn without_row_name<'r>(all: &'r [&'r [u8]], width: usize) -> &'r [&'r [u8]] {
    if all.len() == width + 1 {
        &all[1..]
    } else {
        all
    }
}

/// Decides how the `m/d/yyyy` dates of one member are read, from all of
/// them, before any is stored: the member is read a second time (opened
/// again, not hashed), which only files with such dates pay for (the 2017
/// ICEWS re-release, icews issue #57). A read error stops the look; the
/// main pass reports it.
fn decide_slash_dates(
    (path, member): (&Path, &str),
    tab: bool,
    date: usize,
    width: usize,
) -> Result<SlashDates, EventsError> {
    let (members, _) = open::open(path, false)?;
    let Some(m) = members.into_iter().find(|m| m.name == member) else {
        return Ok(SlashDates::Unproved);
    };
    let mut reader = std::io::BufReader::with_capacity(1 << 20, m.reader);
    let mut header = Vec::new();
    if std::io::BufRead::read_until(&mut reader, b'\n', &mut header).is_err() {
        return Ok(SlashDates::Unproved);
    }
    let mut csv = csv_reader(tab, reader);
    let mut record = csv::ByteRecord::new();
    let mut evidence = SlashEvidence::default();
    while let Ok(true) = csv.read_byte_record(&mut record) {
        let line = record.position().map_or(0, |p| p.line() + 1);
        let all: Vec<&[u8]> = record.iter().collect();
        if let Some(b) = without_row_name(&all, width).get(date) {
            evidence.add(line, b);
        }
    }
    Ok(evidence.decide())
}

/// What the notes say about a file's `m/d/yyyy` dates.
fn slash_note(name: &str, d: &SlashDates) -> String {
    match d {
        SlashDates::MonthFirst { line, value } => format!(
            "{name}: Event Date is m/d/yyyy; read month-first, as line {line} (`{value}`) proves and no date contradicts (icews issue #57)"
        ),
        SlashDates::Unproved => format!(
            "{name}: Event Date is m/d/yyyy but no date has a number above 12, so the order is not proved: those rows are quarantined"
        ),
        SlashDates::Mixed { month_first, day_first } => format!(
            "{name}: Event Date is m/d/yyyy, month-first at line {} (`{}`) but day-first at line {} (`{}`): mixed, those rows are quarantined",
            month_first.0, month_first.1, day_first.0, day_first.1
        ),
        SlashDates::NotRead => format!("{name}: m/d/yyyy dates not read"),
    }
}

/// Files with a header row, through the `csv` crate. `source` is the
/// file and the member of it being read.
fn scan_header_file(
    reader: impl Read,
    source: (&Path, &str),
    opts: &ScanOptions<'_>,
    hash: &HashHandle,
    scan: &mut FileScan,
    sink: &mut dyn FnMut(Chunk) -> Result<(), EventsError>,
) -> Result<(), EventsError> {
    let name = source.1;
    let mut reader = std::io::BufReader::with_capacity(1 << 20, reader);
    let (tab, header) = read_header(&mut reader, name)?;
    let fields: Fields = layout::from_header(&header, &opts.map, name, opts.family)?;
    let mut csv = csv_reader(tab, reader);
    let mut record = csv::ByteRecord::new();
    let mut chunk = Chunk::default();
    let width = header.len();
    let mut rules = FileRules::default();
    // ICEWS files are looked at for m/d/yyyy dates when the first appears.
    let mut undecided = opts.family == Family::Icews;
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() + 1);
                return Err(EventsError::Data(format!(
                    "{name}:{line}: unreadable (broken or truncated file?): {e}"
                )));
            }
        }
        let line = record.position().map_or(0, |p| p.line() + 1);
        scan.read += 1;
        if std::str::from_utf8(record.as_slice()).is_err() {
            scan.quarantined
                .push(quarantine(name, line, Reason::NonUtf8, record.as_slice()));
            continue;
        }
        let all: Vec<&[u8]> = record.iter().collect();
        let row = without_row_name(&all, width);
        if row.len() != width {
            let reason = Reason::Width {
                found: all.len(),
                expected: "the header's width",
            };
            scan.quarantined
                .push(quarantine(name, line, reason, record.as_slice()));
            continue;
        }
        if undecided && slash_parts(row[fields.date]).is_some() {
            undecided = false;
            rules.slash_dates = decide_slash_dates(source, tab, fields.date, width)?;
            scan.notes.push(slash_note(name, &rules.slash_dates));
        }
        match push_row(&mut chunk, &opts.ctx, &fields, &rules, row, line) {
            Ok(()) => *scan.layouts.entry("header".into()).or_default() += 1,
            Err(reason) => {
                let text = all.join(&b","[..]);
                scan.quarantined.push(quarantine(name, line, reason, &text));
            }
        }
        if chunk.len() >= 65_536 {
            (opts.progress)(hash.bytes());
            if let Some(hook) = opts.hook {
                hook(0, &chunk);
            }
            sink(std::mem::take(&mut chunk))?;
        }
    }
    (opts.progress)(hash.bytes());
    if !chunk.is_empty() {
        if let Some(hook) = opts.hook {
            hook(0, &chunk);
        }
        sink(chunk)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A panic on a GDELT worker (here in the hook, which runs there) fails
    /// the file with an error naming it: it neither brings the process down
    /// nor leaves the reader waiting on dead workers, whatever the number
    /// of threads, and nothing reaches the sink.
    #[test]
    fn a_panicking_worker_is_an_error_not_a_hang() {
        let data = ordo_sources::DataDir::discover(None).expect("../shared/data");
        let sample = std::fs::read(data.root().join("gdelt_v1_raw_sample/events_raw.tsv")).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("events.tsv");
        // Over three blocks: the reader still has blocks to hand out after
        // the workers' first panics.
        std::fs::write(&file, sample.repeat(3 * BLOCK / sample.len() + 1)).unwrap();
        let hook = |_: usize, _: &Chunk| panic!("a bug in a hook");
        for threads in [1, 2] {
            let mut opts = crate::parse::tests::scan_options(Family::Gdelt, threads);
            opts.hook = Some(&hook);
            let mut sunk = 0;
            let e = scan_file(&file, &opts, &mut |_| {
                sunk += 1;
                Ok(())
            })
            .unwrap_err();
            assert!(
                e.to_string()
                    .contains("events.tsv: a parsing thread stopped"),
                "{e}"
            );
            assert_eq!(sunk, 0, "{threads} threads");
        }
    }
}
