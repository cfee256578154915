//! GDELT 2.0 Mentions: `ordo ingest mentions FILES`.
//!
//! An event row's `NumSources` and `NumArticles` count only the 15-minute
//! update in which GDELT first saw the event and are never updated; the
//! GDELT 2.0 codebook sends users to the Mentions table for later coverage
//! and for the `Confidence` of each extraction. A Mentions file has one row
//! per sentence of an article that mentions an event (16 tab-separated
//! columns, no header):
//!
//! ```text
//!  0 GLOBALEVENTID      the event's id (the events file's column 1)
//!  1 EventTimeDate      the event's DATEADDED, YYYYMMDDHHMMSS
//!  2 MentionTimeDate    the update that saw this mention
//!  3 MentionType        1 web, 2 citation only, 3 CORE, 4 DTIC, 5 JSTOR, 6 non-textual
//!  4 MentionSourceName  top-level domain for the web, "BBC Monitoring", "JSTOR", …
//!  5 MentionIdentifier  URL, citation or DOI
//!  6 SentenceID         1-based sentence of the mention in the article
//!  7-9 Actor1/Actor2/ActionCharOffset
//! 10 InRawText          1 found in the raw text, 0 needed rewriting
//! 11 Confidence         percent confidence in this extraction (0–100)
//! 12 MentionDocLen      13 MentionDocTone  14 MentionDocTranslationInfo  15 Extras
//! ```
//!
//! ordo keeps what its two filters need (`--min-confidence`,
//! `--min-sources`, see [`crate::confidence`]): per (event id, source
//! name), the number of mention rows and the highest `Confidence`. Rows
//! repeat per sentence (GdeltForge's crossref notes measure 1.93 % repeated
//! (event, article) pairs on 2020-01-01), which is why sources are counted
//! as distinct names, never as rows. A row with a blank source name keeps
//! its confidence and counts for no source (NULL, not a source named "").
//!
//! The run is committed like an event ingest: written under `tmp/`, moved
//! into `events/mentions/<id>/`, then named by the manifest, so an
//! interrupted run leaves the store as it was.

use crate::ingest::{begin_write, chrono_now, parquet_file_with, write_quarantine};
use crate::lines::{broken, last_cut, Cut};
use crate::mention_pairs::{merge, Merged, Run};
use crate::open::open;
use crate::scan::{quarantine, Quarantined};
use crate::split::each_tab_or_line_feed;
use crate::store::{EventStore, FileRecord, MentionSegment};
use crate::EventsError;
use arrow_array::builder::{ArrayBuilder, Int32Builder, Int64Builder, StringBuilder};
use arrow_array::RecordBatch;
use arrow_schema::{DataType, Field, Schema};
use foldhash::HashSet;
use parquet::basic::Encoding;
use parquet::file::properties::WriterProperties;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Columns of a Mentions row.
const WIDTH: usize = 16;
const EVENT_ID: usize = 0;
const SOURCE_NAME: usize = 4;
const CONFIDENCE: usize = 11;

/// The family name a Mentions file has in the manifest and `ordo store files`.
pub const FAMILY: &str = "gdelt-mentions";

/// Pairs per batch handed to the Parquet encoding thread.
const BATCH: usize = 1 << 16;

/// Pairs per row group of `mentions.parquet`. The filter reads every pair,
/// and a query for some events prunes by the page index; the event
/// store's small row groups would only repeat the source dictionary.
const ROW_GROUP: usize = 1 << 20;

/// One Mentions row as ordo keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention<'a> {
    pub event: i64,
    /// `None`: the row names no source.
    pub source: Option<&'a str>,
    pub confidence: u8,
}

/// Reads one row (without its line end), or says why it cannot be used.
/// The ingest reads whole blocks (`parse_block`); this is the row-at-a-time
/// reading the block reader is tested against.
pub fn parse_row(text: &str) -> Result<Mention<'_>, String> {
    let mut ends = [0usize; CONFIDENCE + 1];
    let mut width = 0;
    for at in memchr::memchr_iter(b'\t', text.as_bytes()) {
        if let Some(e) = ends.get_mut(width) {
            *e = at;
        }
        width += 1;
    }
    fields(text, width + 1, &ends, 0)
}

/// Checks a row and takes its kept fields, given where its first tabs are
/// (`ends[k]`: the tab ending field k, offsets from `base`, the position
/// of `text` in the text the offsets count in).
fn fields<'a>(
    text: &'a str,
    width: usize,
    ends: &[usize; CONFIDENCE + 1],
    base: usize,
) -> Result<Mention<'a>, String> {
    if width != WIDTH {
        return Err(format!(
            "expected {WIDTH} tab-separated fields (GDELT 2.0 Mentions), found {width}"
        ));
    }
    // tabs are ASCII, so every cut is a char boundary
    let field = |k: usize| {
        let from = if k == 0 { 0 } else { ends[k - 1] + 1 - base };
        trim(&text[from..ends[k] - base])
    };
    let id = field(EVENT_ID);
    let event = id
        .parse::<i64>()
        .ok()
        .filter(|v| *v > 0)
        .ok_or_else(|| format!("GLOBALEVENTID `{id}` is not a positive integer"))?;
    let conf = field(CONFIDENCE);
    let confidence = conf
        .parse::<u8>()
        .ok()
        .filter(|v| *v <= 100)
        .ok_or_else(|| format!("Confidence `{conf}` is not an integer from 0 to 100"))?;
    let source = Some(field(SOURCE_NAME)).filter(|s| !s.is_empty());
    Ok(Mention {
        event,
        source,
        confidence,
    })
}

/// `str::trim`, skipped when both ends are plainly not white space (nearly
/// every field): the check is two byte comparisons.
fn trim(s: &str) -> &str {
    let plain = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
    let b = s.as_bytes();
    if plain(b.first()) && plain(b.last()) {
        s
    } else {
        s.trim()
    }
}

/// The schema of `mentions.parquet` (and of the SQL table `event_mentions`).
pub fn schema() -> Arc<Schema> {
    Arc::new(Schema::new(vec![
        Field::new("event_id", DataType::Int64, false),
        Field::new("source", DataType::Utf8, true),
        Field::new("mentions", DataType::Int64, false),
        Field::new("confidence", DataType::Int32, false),
    ]))
}

/// What reading one Mentions file gave.
struct FileRead {
    record: FileRecord,
    runs: Vec<Run>,
    quarantined: Vec<Quarantined>,
}

/// Bytes handed to a parsing thread at a time.
const BLOCK: usize = 8 << 20;

/// What one parsing thread made of the blocks it was given.
#[derive(Default)]
struct Part {
    run: Run,
    read: u64,
    /// (block, line in the block, reason, row).
    rejected: Vec<(usize, u64, String, Vec<u8>)>,
    /// (block, its lines): where each block starts in the file.
    lines: Vec<(usize, u64)>,
    /// The parser panicked on a block (a bug): the file fails.
    failed: bool,
}

impl Part {
    /// Every non-empty line of a block: its pair, or its reason.
    fn parse_block(&mut self, index: usize, block: &[u8]) {
        // A block that is UTF-8 as a whole (almost all) is checked once;
        // lines cut at `\n` of valid UTF-8 are valid too.
        let whole = std::str::from_utf8(block).ok();
        // One pass over the block for tabs and line ends together: a row
        // has 15 tabs in about 170 bytes, so searching each line for its
        // end and then again for its tabs read every byte twice.
        let mut ends = [0usize; CONFIDENCE + 1];
        let (mut start, mut width, mut line) = (0usize, 0usize, 0u64);
        each_tab_or_line_feed(block, |at, tab| {
            if tab {
                if let Some(e) = ends.get_mut(width) {
                    *e = at;
                }
                width += 1;
                return;
            }
            line += 1;
            self.row(index, line, block, whole, (start, at), width + 1, &ends);
            (start, width) = (at + 1, 0);
        });
        if start < block.len() {
            line += 1;
            let end = block.len();
            self.row(index, line, block, whole, (start, end), width + 1, &ends);
        }
        self.lines.push((index, line));
    }

    /// One line of a block (`span`, without its `\n`): counted and kept,
    /// rejected with its reason, or skipped when blank.
    #[allow(clippy::too_many_arguments)] // the scan's state, passed not rebuilt
    fn row(
        &mut self,
        index: usize,
        line: u64,
        block: &[u8],
        whole: Option<&str>,
        (start, end): (usize, usize),
        width: usize,
        ends: &[usize; CONFIDENCE + 1],
    ) {
        let cut = if end > start && block[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        if cut == start {
            return;
        }
        self.read += 1;
        let text = match whole {
            Some(w) => Ok(&w[start..cut]),
            None => std::str::from_utf8(&block[start..cut]),
        };
        let reason = match text {
            Err(_) => "not UTF-8".to_string(),
            Ok(t) => match fields(t, width, ends, start) {
                Ok(m) => {
                    self.run.add(m.event, m.source, m.confidence);
                    return;
                }
                Err(reason) => reason,
            },
        };
        self.rejected
            .push((index, line, reason, block[start..cut].to_vec()));
    }
}

/// What reading one stream gave: the rows read, the rejected ones with
/// their lines in the file, and one sorted run per parsing thread.
struct MemberRead {
    read: u64,
    rejected: Vec<crate::lines::Rejected>,
    runs: Vec<Run>,
}

/// Reads one stream in blocks cut at line ends, parsed by one thread per
/// core (a 15-minute Mentions file is small, a month of them is not). Each
/// thread sorts its run when the input ends, and each rejected row gets its
/// line in the file from the lines of the blocks before its own.
fn read_member(reader: &mut dyn Read, name: &str) -> Result<MemberRead, EventsError> {
    let threads = crate::lines::threads();
    let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, Vec<u8>)>(threads);
    let rx = std::sync::Mutex::new(rx);
    let (fed, parts) = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut part = Part::default();
                    while let Ok(Ok((index, block))) = rx.lock().map(|r| r.recv()) {
                        // After a panic the thread only drains the blocks,
                        // so the reader never waits on dead workers; the
                        // file then fails below.
                        if part.failed {
                            continue;
                        }
                        part.failed =
                            crate::lines::caught(name, || part.parse_block(index, &block)).is_err();
                    }
                    if !part.failed {
                        part.run.compact();
                    }
                    part
                })
            })
            .collect();
        let fed = feed(reader, &tx);
        drop(tx);
        let parts: Vec<Option<Part>> = workers.into_iter().map(|w| w.join().ok()).collect();
        (fed, parts)
    });
    let stopped = || crate::lines::stopped(name);
    let parts = parts
        .into_iter()
        .map(|p| p.filter(|p| !p.failed))
        .collect::<Option<Vec<Part>>>()
        .ok_or_else(stopped)?;
    // Where each block starts in the file, from the lines of those before.
    let mut lines: Vec<(usize, u64)> = parts.iter().flat_map(|p| p.lines.iter().copied()).collect();
    lines.sort_unstable();
    let mut starts = Vec::with_capacity(lines.len());
    let mut before = 0;
    for (_, n) in &lines {
        starts.push(before);
        before += n;
    }
    match fed {
        Ok(()) => {}
        Err(Fed::Broken(e)) => return Err(broken(name, before + 1, e)),
        Err(Fed::Stopped) => return Err(stopped()),
    }
    let mut out = MemberRead {
        read: 0,
        rejected: Vec::new(),
        runs: Vec::with_capacity(parts.len()),
    };
    for part in parts {
        out.read += part.read;
        let at = |(block, line, reason, text)| (starts[block] + line, reason, text);
        out.rejected.extend(part.rejected.into_iter().map(at));
        out.runs.push(part.run);
    }
    out.rejected.sort_by_key(|r| r.0);
    Ok(out)
}

/// Why [`feed`] stopped early.
enum Fed {
    /// The stream failed (a broken or truncated file).
    Broken(std::io::Error),
    /// The parsing threads are gone.
    Stopped,
}

/// The reading side of [`read_member`]: blocks of whole lines, numbered
/// in file order. (Lines are counted by the parsing threads, not here:
/// this thread also hashes every byte.)
fn feed(
    reader: &mut dyn Read,
    tx: &std::sync::mpsc::SyncSender<(usize, Vec<u8>)>,
) -> Result<(), Fed> {
    let (mut carry, mut blocks) = (Vec::new(), 0usize);
    loop {
        let mut buf = std::mem::take(&mut carry);
        // room for the whole block up front: no regrowth copies
        buf.reserve(BLOCK);
        let n = (&mut *reader)
            .take(BLOCK as u64)
            .read_to_end(&mut buf)
            .map_err(Fed::Broken)?;
        let cut = match last_cut(&buf, Cut::Lines) {
            _ if n == 0 => buf.len(),
            Some(end) => end,
            None => {
                carry = buf; // a line longer than a block: read on
                continue;
            }
        };
        carry = buf.split_off(cut);
        if !buf.is_empty() {
            tx.send((blocks, buf)).map_err(|_| Fed::Stopped)?;
            blocks += 1;
        }
        if n == 0 {
            return Ok(());
        }
    }
}

/// Reads one file (plain, `.gz` or `.zip`) into its pairs; bad rows are
/// quarantined with file, line and reason.
fn read_file(path: &Path) -> Result<FileRead, EventsError> {
    let (members, hash) = open(path, true)?;
    let mut runs = Vec::new();
    let mut quarantined = Vec::new();
    let mut read = 0;
    for mut member in members {
        let part = read_member(&mut member.reader, &member.name)?;
        read += part.read;
        runs.extend(part.runs.into_iter().filter(|r| !r.is_empty()));
        for (line, reason, text) in part.rejected {
            quarantined.push(quarantine(&member.name, line, reason, &text));
        }
    }
    let stored = runs.iter().map(Run::rows).sum();
    Ok(FileRead {
        record: FileRecord {
            file: path.display().to_string(),
            read,
            stored,
            duplicates: 0,
            quarantined: quarantined.len() as u64,
            repaired: 0,
            sha256: hash.hex(),
            bytes: hash.bytes(),
            family: FAMILY.to_string(),
        },
        runs,
        quarantined,
    })
}

/// What a Mentions ingest did.
#[derive(Debug, Clone)]
pub struct MentionsReport {
    pub files: Vec<FileRecord>,
    /// The committed run, or `None` when nothing new was found.
    pub segment: Option<MentionSegment>,
    pub quarantine: Option<PathBuf>,
    pub notes: Vec<String>,
}

/// Ingests GDELT 2.0 Mentions files (already expanded) into the store in
/// one atomic commit. A file whose bytes were ingested before (same
/// SHA-256) counts its rows as duplicates and adds nothing.
pub fn ingest_mentions(
    store: &EventStore,
    files: &[PathBuf],
    on_file: &mut dyn FnMut(&FileRecord),
) -> Result<MentionsReport, EventsError> {
    let (_lock, mut manifest) = begin_write(store)?;
    let mut known: HashSet<String> = manifest
        .mentions
        .iter()
        .flat_map(|s| s.files.iter().map(|f| f.sha256.clone()))
        .collect();
    let mut runs = Vec::new();
    let (mut records, mut quarantined, mut notes) = (Vec::new(), Vec::new(), Vec::new());
    for path in files {
        let mut f = read_file(path)?;
        if !known.insert(f.record.sha256.clone()) {
            notes.push(format!(
                "{}: already ingested (SHA-256 {}); nothing new written",
                f.record.file,
                &f.record.sha256[..12]
            ));
            f.record.duplicates = f.record.stored;
            f.record.stored = 0;
        } else {
            runs.extend(f.runs);
            quarantined.extend(f.quarantined);
        }
        on_file(&f.record);
        records.push(f.record);
    }
    if runs.is_empty() && quarantined.is_empty() {
        return Ok(MentionsReport {
            files: records,
            segment: None,
            quarantine: None,
            notes,
        });
    }
    let (id, staging) = store.stage("mentions")?;
    let (pairs, events) = write_pairs(&staging.join("mentions.parquet"), &runs)?;
    if !quarantined.is_empty() {
        write_quarantine(&staging.join("quarantine.tsv"), &quarantined)?;
    }
    let final_dir = store.mentions_dir(&id);
    store.publish(&staging, &final_dir)?;
    let segment = MentionSegment {
        id,
        created: chrono_now(),
        ordo_version: env!("CARGO_PKG_VERSION").to_string(),
        files: records.clone(),
        pairs,
        events,
    };
    manifest.mentions.push(segment.clone());
    store.commit(&manifest)?;
    let q = final_dir.join("quarantine.tsv");
    Ok(MentionsReport {
        files: records,
        segment: Some(segment),
        quarantine: q.exists().then_some(q),
        notes,
    })
}

/// Writes the runs' pairs merged, ordered by event id and source name, so
/// the file reads the same whatever order rows and files came in; gives
/// the pairs and the distinct events. The Parquet encoding runs on its own
/// thread, beside the merge that feeds it.
fn write_pairs(path: &Path, runs: &[Run]) -> Result<(u64, u64), EventsError> {
    // Event ids come sorted: delta-encoded they take a few bits each,
    // where a dictionary of a million ids is rebuilt for every row group.
    let props = WriterProperties::builder()
        .set_max_row_group_row_count(Some(ROW_GROUP))
        .set_column_dictionary_enabled("event_id".into(), false)
        .set_column_encoding("event_id".into(), Encoding::DELTA_BINARY_PACKED);
    let mut w = parquet_file_with(path, schema(), props)?;
    let (tx, rx) = std::sync::mpsc::sync_channel::<RecordBatch>(2);
    std::thread::scope(|s| {
        let writer = s.spawn(move || -> Result<(), EventsError> {
            for batch in rx {
                w.write(&batch)?;
            }
            w.close()?;
            Ok(())
        });
        let stopped =
            || EventsError::Data("the Parquet encoding thread stopped (a bug in ordo)".into());
        let mut columns = Columns::default();
        let counts = merge(runs, |pair| {
            columns.push(pair);
            if columns.len() == BATCH {
                tx.send(columns.batch()?).map_err(|_| stopped())?;
            }
            Ok::<_, EventsError>(())
        });
        let last = match counts {
            Ok(_) if columns.len() > 0 => columns
                .batch()
                .and_then(|b| tx.send(b).map_err(|_| stopped())),
            _ => Ok(()),
        };
        drop(tx);
        // the writer's own error first: it is why a send failed
        writer.join().map_err(|_| stopped())??;
        last?;
        counts
    })
}

/// The columns of `mentions.parquet` being filled.
#[derive(Default)]
struct Columns {
    event: Int64Builder,
    source: StringBuilder,
    mentions: Int64Builder,
    confidence: Int32Builder,
}

impl Columns {
    fn push(&mut self, (event, source, rows, confidence): Merged<'_>) {
        self.event.append_value(event);
        self.source.append_option(source);
        // rows of one file are far below i64::MAX
        self.mentions.append_value(rows as i64);
        self.confidence.append_value(i32::from(confidence));
    }

    fn len(&self) -> usize {
        self.event.len()
    }

    /// The rows pushed so far, as a batch; the builders start over.
    fn batch(&mut self) -> Result<RecordBatch, EventsError> {
        Ok(RecordBatch::try_new(
            schema(),
            vec![
                Arc::new(self.event.finish()),
                Arc::new(self.source.finish()),
                Arc::new(self.mentions.finish()),
                Arc::new(self.confidence.finish()),
            ],
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, source: &str, conf: &str) -> String {
        format!("{id}\t20150218230000\t20150218231500\t1\t{source}\thttp://{source}/a\t3\t-1\t120\t98\t1\t{conf}\t2200\t-3.5\t\t")
    }

    #[test]
    fn rows_are_read_by_position_and_checked() {
        let r = row("410412347", "bbc.co.uk", "60");
        assert_eq!(
            parse_row(&r),
            Ok(Mention {
                event: 410412347,
                source: Some("bbc.co.uk"),
                confidence: 60
            })
        );
        assert_eq!(parse_row(&row("7", "", "20")).unwrap().source, None);
        let short = r.rsplit_once('\t').unwrap().0;
        assert_eq!(
            parse_row(short).unwrap_err(),
            "expected 16 tab-separated fields (GDELT 2.0 Mentions), found 15"
        );
        assert_eq!(
            parse_row(&row("x1", "a", "10")).unwrap_err(),
            "GLOBALEVENTID `x1` is not a positive integer"
        );
        assert_eq!(
            parse_row(&row("1", "a", "101")).unwrap_err(),
            "Confidence `101` is not an integer from 0 to 100"
        );
        assert_eq!(
            parse_row(&row("1", "a", "")).unwrap_err(),
            "Confidence `` is not an integer from 0 to 100"
        );
    }

    /// The pairs of reading `text`, merged, as (event, source, rows, confidence).
    fn pairs_of(part: &MemberRead) -> Vec<(i64, Option<String>, u64, u8)> {
        let mut out = Vec::new();
        merge::<()>(&part.runs, |(e, s, n, c)| {
            out.push((e, s.map(str::to_string), n, c));
            Ok(())
        })
        .unwrap();
        out
    }

    /// Over several blocks (more than 8 MB), every row is read once and a
    /// rejected row keeps its line in the file.
    #[test]
    fn blocks_keep_file_lines() {
        let mut text = String::new();
        let bad = [2, 40_001, 120_001, 249_999];
        for line in 1..=250_000u64 {
            if bad.contains(&line) {
                text.push_str("broken row\n");
            } else if line % 1000 == 0 {
                text.push('\n'); // blank: not a row
            } else {
                let source = format!("src{}", line % 7);
                text.push_str(&row(&(line / 3 + 1).to_string(), &source, "50"));
                text.push('\n');
            }
        }
        text.push_str(&row("77", "last", "90")); // no final line end
        assert!(text.len() > 2 * BLOCK, "{}", text.len());
        let part = read_member(&mut std::io::Cursor::new(text.into_bytes()), "m").unwrap();
        let lines: Vec<u64> = part.rejected.iter().map(|r| r.0).collect();
        assert_eq!(lines, bad);
        // 250 blank lines; the last row has no line end
        assert_eq!(part.read, 250_000 - 250 + 1);
        let rows: u64 = part.runs.iter().map(Run::rows).sum();
        assert_eq!(rows, 250_000 - 250 - 4 + 1);
        let pairs = pairs_of(&part);
        let last = pairs.iter().find(|p| p.1.as_deref() == Some("last"));
        assert_eq!(last, Some(&(77, Some("last".to_string()), 1, 90)));
    }

    /// The one-pass block scan gives, line by line, what [`parse_row`]
    /// gives for the line alone: `\r\n` ends, blank lines, short and long
    /// rows, bad values, and a block that is not UTF-8 as a whole.
    #[test]
    fn the_block_scan_agrees_with_parse_row() {
        let lines: Vec<Vec<u8>> = vec![
            row("5", "a.example", "30").into_bytes(),
            format!("{}\r", row("5", "a.example", "80")).into_bytes(),
            b"\r".to_vec(),
            row("5", " b.example ", "100").into_bytes(),
            row("6", "", "0").into_bytes(),
            row(" 6 ", "a.example", " 7").into_bytes(),
            row("0", "a.example", "7").into_bytes(),
            format!("{}\textra", row("8", "a.example", "7")).into_bytes(),
            row("9", "a.example", "7")
                .rsplit_once('\t')
                .unwrap()
                .0
                .as_bytes()
                .to_vec(),
            b"\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t".to_vec(),
            [
                b"9\t".as_slice(),
                &[0xff, 0xfe],
                row("\t9", "c", "1").as_bytes(),
            ]
            .concat(),
            row("9", "c.example", "55").into_bytes(),
        ];
        let block = lines.join(&b'\n');
        let part = read_member(&mut std::io::Cursor::new(block), "m").unwrap();
        // independently: each line through parse_row, the reduction by hand
        let mut want_rejected = Vec::new();
        let mut want = std::collections::BTreeMap::new();
        let mut read = 0;
        for (k, l) in lines.iter().enumerate() {
            let l = l.strip_suffix(b"\r").unwrap_or(l);
            if l.is_empty() {
                continue;
            }
            read += 1;
            match std::str::from_utf8(l)
                .map_err(|_| "not UTF-8".to_string())
                .and_then(parse_row)
            {
                Ok(m) => {
                    let v = want
                        .entry((m.event, m.source.map(str::to_string)))
                        .or_insert((0, 0));
                    *v = (v.0 + 1, v.1.max(m.confidence));
                }
                Err(reason) => want_rejected.push((k as u64 + 1, reason)),
            }
        }
        let got: Vec<(u64, String)> = part.rejected.iter().map(|r| (r.0, r.1.clone())).collect();
        assert_eq!(got, want_rejected);
        assert_eq!(part.read, read);
        let want: Vec<_> = want
            .into_iter()
            .map(|((e, s), (n, c))| (e, s, n, c))
            .collect();
        assert_eq!(pairs_of(&part), want);
        // the figures by hand: event 5 has a.example twice (30, 80) and
        // b.example once; 6 has one row with no source, one of a.example
        assert_eq!(
            want,
            vec![
                (5, Some("a.example".into()), 2, 80),
                (5, Some("b.example".into()), 1, 100),
                (6, None, 1, 0),
                (6, Some("a.example".into()), 1, 7),
                (9, Some("c.example".into()), 1, 55),
            ]
        );
        assert_eq!(
            want_rejected.iter().map(|r| r.0).collect::<Vec<_>>(),
            [7, 8, 9, 10, 11]
        );
    }
}
