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

use crate::ingest::{begin_write, chrono_now, parquet_file, write_quarantine};
use crate::lines::broken;
use crate::open::open;
use crate::scan::{quarantine, Quarantined};
use crate::store::{EventStore, FileRecord, MentionSegment};
use crate::EventsError;
use arrow_array::{Int32Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use foldhash::{HashMap, HashSet};
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

/// Pairs per batch handed to the Parquet writer (its row groups are the
/// store's, [`crate::ingest::ROW_GROUP`]).
const BATCH: usize = 1 << 20;

/// One Mentions row as ordo keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention<'a> {
    pub event: i64,
    /// `None`: the row names no source.
    pub source: Option<&'a str>,
    pub confidence: u8,
}

/// Reads one row (without its line end), or says why it cannot be used.
pub fn parse_row(text: &str) -> Result<Mention<'_>, String> {
    // The three fields kept, found by their tabs (memchr: no per-row
    // allocation, no per-character search).
    let bytes = text.as_bytes();
    let (mut id, mut source, mut conf) = ("", "", "");
    let (mut width, mut start) = (0, 0);
    let ends = memchr::memchr_iter(b'\t', bytes).chain(std::iter::once(bytes.len()));
    for end in ends {
        // tabs are ASCII, so every cut is a char boundary
        let field = &text[start..end];
        match width {
            EVENT_ID => id = field,
            SOURCE_NAME => source = field,
            CONFIDENCE => conf = field,
            _ => {}
        }
        (width, start) = (width + 1, end + 1);
    }
    if width != WIDTH {
        return Err(format!(
            "expected {WIDTH} tab-separated fields (GDELT 2.0 Mentions), found {width}"
        ));
    }
    let id = id.trim();
    let event = id
        .parse::<i64>()
        .ok()
        .filter(|v| *v > 0)
        .ok_or_else(|| format!("GLOBALEVENTID `{id}` is not a positive integer"))?;
    let conf = conf.trim();
    let confidence = conf
        .parse::<u8>()
        .ok()
        .filter(|v| *v <= 100)
        .ok_or_else(|| format!("Confidence `{conf}` is not an integer from 0 to 100"))?;
    let source = Some(source.trim()).filter(|s| !s.is_empty());
    Ok(Mention {
        event,
        source,
        confidence,
    })
}

/// Mention rows merged per (event id, source), with source names interned.
#[derive(Debug, Default)]
struct Pairs {
    names: Vec<String>,
    index: HashMap<String, u32>,
    /// (event, source index or [`NO_SOURCE`]) → (rows, highest confidence).
    pairs: HashMap<(i64, u32), (i64, u8)>,
}

const NO_SOURCE: u32 = u32::MAX;

impl Pairs {
    fn add(&mut self, m: &Mention<'_>) {
        let s = match m.source {
            None => NO_SOURCE,
            Some(name) => self.intern(name),
        };
        self.merge_pair(m.event, s, 1, m.confidence);
    }

    fn merge_pair(&mut self, event: i64, source: u32, rows: i64, confidence: u8) {
        let e = self.pairs.entry((event, source)).or_insert((0, 0));
        e.0 += rows;
        e.1 = e.1.max(confidence);
    }

    /// Takes in another file's pairs (re-interning its source names).
    fn absorb(&mut self, other: Pairs) {
        if self.pairs.is_empty() && self.names.is_empty() {
            *self = other;
            return;
        }
        // Each of the other's names is looked up once, not once per pair.
        let remap: Vec<u32> = other.names.iter().map(|n| self.intern(n)).collect();
        self.pairs.reserve(other.pairs.len());
        for ((event, s), (rows, conf)) in other.pairs {
            let s = if s == NO_SOURCE {
                NO_SOURCE
            } else {
                remap[s as usize]
            };
            self.merge_pair(event, s, rows, conf);
        }
    }

    fn intern(&mut self, name: &str) -> u32 {
        if let Some(i) = self.index.get(name) {
            return *i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), i);
        i
    }

    fn rows(&self) -> i64 {
        self.pairs.values().map(|v| v.0).sum()
    }

    #[cfg(test)]
    fn events(&self) -> u64 {
        self.pairs.keys().map(|k| k.0).collect::<HashSet<_>>().len() as u64
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
    pairs: Pairs,
    quarantined: Vec<Quarantined>,
}

/// Bytes handed to a parsing thread at a time.
const BLOCK: usize = 8 << 20;

/// What one parsing thread made of the blocks it was given.
#[derive(Default)]
struct Part {
    pairs: Pairs,
    read: u64,
    /// (block, line in the block, reason, row).
    rejected: Vec<(usize, u64, String, Vec<u8>)>,
}

impl Part {
    /// Every non-empty line of a block: its pair, or its reason.
    fn parse_block(&mut self, index: usize, block: &[u8]) {
        // A block that is UTF-8 as a whole (almost all) is checked once;
        // lines cut at `\n` of valid UTF-8 are valid too.
        let whole = std::str::from_utf8(block).ok();
        let (mut start, mut line) = (0, 0u64);
        while start < block.len() {
            let end = memchr::memchr(b'\n', &block[start..]).map_or(block.len(), |i| start + i);
            let cut = if end > start && block[end - 1] == b'\r' {
                end - 1
            } else {
                end
            };
            let text = &block[start..cut];
            let checked = match whole {
                Some(w) => Ok(&w[start..cut]),
                None => std::str::from_utf8(text),
            };
            (start, line) = (end + 1, line + 1);
            if text.is_empty() {
                continue;
            }
            self.read += 1;
            let reason = match checked {
                Err(_) => "not UTF-8".to_string(),
                Ok(t) => match parse_row(t) {
                    Ok(m) => {
                        self.pairs.add(&m);
                        continue;
                    }
                    Err(reason) => reason,
                },
            };
            self.rejected.push((index, line, reason, text.to_vec()));
        }
    }
}

/// Lines in `bytes`: its line ends, and a last line without one.
fn line_count(bytes: &[u8]) -> u64 {
    let n = memchr::memchr_iter(b'\n', bytes).count() as u64;
    n + u64::from(!bytes.is_empty() && !bytes.ends_with(b"\n"))
}

/// Reads one stream in blocks cut at line ends, parsed by one thread per
/// core (a 15-minute Mentions file is small, a month of them is not): the
/// pairs are merged, and each rejected row gets its line in the file from
/// the lines of the blocks before its own.
fn read_member(reader: &mut dyn Read, name: &str) -> Result<Part, EventsError> {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, Vec<u8>)>(threads);
    let rx = std::sync::Mutex::new(rx);
    let mut starts: Vec<u64> = Vec::new();
    let (read, parts) = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut part = Part::default();
                    while let Ok(Ok((index, block))) = rx.lock().map(|r| r.recv()) {
                        part.parse_block(index, &block);
                    }
                    part
                })
            })
            .collect();
        let read = feed(reader, name, &tx, &mut starts);
        drop(tx);
        let parts: Vec<Option<Part>> = workers.into_iter().map(|w| w.join().ok()).collect();
        (read, parts)
    });
    read?;
    let mut all = Part::default();
    for part in parts {
        let part = part.ok_or_else(|| {
            EventsError::Data(format!("{name}: a parsing thread failed (a bug in ordo)"))
        })?;
        all.read += part.read;
        all.rejected.extend(part.rejected);
        all.pairs.absorb(part.pairs);
    }
    for r in all.rejected.iter_mut() {
        r.1 += starts[r.0];
    }
    all.rejected.sort_by_key(|r| r.1);
    Ok(all)
}

/// The reading side of [`read_member`]: blocks of whole lines, numbered,
/// with the lines before each recorded in `starts`.
fn feed(
    reader: &mut dyn Read,
    name: &str,
    tx: &std::sync::mpsc::SyncSender<(usize, Vec<u8>)>,
    starts: &mut Vec<u64>,
) -> Result<(), EventsError> {
    let (mut carry, mut lines) = (Vec::new(), 0u64);
    loop {
        let mut buf = std::mem::take(&mut carry);
        // room for the whole block up front: no regrowth copies
        buf.reserve(BLOCK);
        let n = (&mut *reader)
            .take(BLOCK as u64)
            .read_to_end(&mut buf)
            .map_err(|e| broken(name, lines + 1, e))?;
        let cut = match memchr::memrchr(b'\n', &buf) {
            _ if n == 0 => buf.len(),
            Some(i) => i + 1,
            None => {
                carry = buf; // a line longer than a block: read on
                continue;
            }
        };
        carry = buf.split_off(cut);
        if !buf.is_empty() {
            starts.push(lines);
            lines += line_count(&buf);
            if tx.send((starts.len() - 1, buf)).is_err() {
                return Err(EventsError::Data(format!(
                    "{name}: the parsing threads stopped (a bug in ordo)"
                )));
            }
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
    let mut pairs = Pairs::default();
    let mut quarantined = Vec::new();
    let mut read = 0;
    for mut member in members {
        let part = read_member(&mut member.reader, &member.name)?;
        read += part.read;
        pairs.absorb(part.pairs);
        for (_, line, reason, text) in part.rejected {
            quarantined.push(quarantine(&member.name, line, reason, &text));
        }
    }
    let stored = pairs.rows() as u64;
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
        pairs,
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
    let mut all = Pairs::default();
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
            all.absorb(f.pairs);
            quarantined.extend(f.quarantined);
        }
        on_file(&f.record);
        records.push(f.record);
    }
    if all.pairs.is_empty() && quarantined.is_empty() {
        return Ok(MentionsReport {
            files: records,
            segment: None,
            quarantine: None,
            notes,
        });
    }
    let (id, staging) = store.stage("mentions")?;
    let events = write_pairs(&staging.join("mentions.parquet"), &all)?;
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
        pairs: all.pairs.len() as u64,
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

/// Writes the pairs sorted by event id and source name, so the file reads
/// the same whatever order the rows came in; gives the distinct events.
fn write_pairs(path: &Path, all: &Pairs) -> Result<u64, EventsError> {
    // Sort by the names' ranks (NULL first, rank 0), integers rather than
    // strings compared per pair.
    let mut by_name: Vec<u32> = (0..all.names.len() as u32).collect();
    by_name.sort_unstable_by(|a, b| all.names[*a as usize].cmp(&all.names[*b as usize]));
    let mut rank = vec![0u32; all.names.len()];
    for (r, s) in by_name.iter().enumerate() {
        rank[*s as usize] = r as u32 + 1;
    }
    let mut rows: Vec<(i64, u32, i64, u8)> = all
        .pairs
        .iter()
        .map(|(&(event, s), &(n, conf))| {
            let r = if s == NO_SOURCE { 0 } else { rank[s as usize] };
            (event, r, n, conf)
        })
        .collect();
    rows.sort_unstable_by_key(|r| (r.0, r.1));
    let name = |r: u32| (r > 0).then(|| all.names[by_name[r as usize - 1] as usize].as_str());
    let mut w = parquet_file(path, schema())?;
    for part in rows.chunks(BATCH) {
        let batch = RecordBatch::try_new(
            schema(),
            vec![
                Arc::new(part.iter().map(|r| r.0).collect::<Int64Array>()),
                Arc::new(part.iter().map(|r| name(r.1)).collect::<StringArray>()),
                Arc::new(part.iter().map(|r| r.2).collect::<Int64Array>()),
                Arc::new(part.iter().map(|r| i32::from(r.3)).collect::<Int32Array>()),
            ],
        )?;
        w.write(&batch)?;
    }
    w.close()?;
    Ok(rows.chunk_by(|a, b| a.0 == b.0).count() as u64)
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
        let lines: Vec<u64> = part.rejected.iter().map(|r| r.1).collect();
        assert_eq!(lines, bad);
        // 250 blank lines; the last row has no line end
        assert_eq!(part.read, 250_000 - 250 + 1);
        assert_eq!(part.pairs.rows(), 250_000 - 250 - 4 + 1);
        assert_eq!(part.pairs.pairs[&(77, part.pairs.index["last"])], (1, 90));
    }

    #[test]
    fn pairs_merge_rows_and_keep_the_highest_confidence() {
        let mut a = Pairs::default();
        for (id, src, conf) in [(1, "x", 20), (1, "x", 90), (1, "y", 10), (2, "x", 50)] {
            a.add(&Mention {
                event: id,
                source: Some(src),
                confidence: conf,
            });
        }
        let mut b = Pairs::default();
        b.add(&Mention {
            event: 1,
            source: Some("y"),
            confidence: 70,
        });
        b.add(&Mention {
            event: 3,
            source: None,
            confidence: 100,
        });
        a.absorb(b);
        let y = a.index["y"];
        assert_eq!(a.pairs[&(1, a.index["x"])], (2, 90));
        assert_eq!(a.pairs[&(1, y)], (2, 70));
        assert_eq!(a.pairs[&(3, NO_SOURCE)], (1, 100));
        assert_eq!((a.rows(), a.events()), (6, 3));
    }
}
