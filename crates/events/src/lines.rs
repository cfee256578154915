//! What the readers that are not plain CSV (POLECAT, Phoenix) share: the
//! line loop with its accounting — every non-empty line after the header is
//! read, stored or rejected with its reason — and the outcome the scanner
//! turns into quarantine rows and notes.

use crate::chunk::Chunk;
use crate::parse::RowContext;
use crate::EventsError;
use std::collections::BTreeMap;
use std::io::{BufRead, Read};

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

/// A reader of one file format: rows into chunks of at most `chunk_rows`
/// handed to `sink`.
pub type OwnReader = fn(
    &mut dyn Read,
    &str,
    &RowContext<'_>,
    usize,
    &mut dyn FnMut(Chunk) -> Result<(), EventsError>,
) -> Result<Outcome, EventsError>;

/// An error naming the file and line of a read that failed.
pub fn broken(name: &str, line: u64, e: std::io::Error) -> EventsError {
    EventsError::Data(format!(
        "{name}:{line}: unreadable (broken or truncated file?): {e}"
    ))
}

/// Calls `row` with each non-empty line after line `after` (its 1-based
/// number and its bytes without the line end); a line that is not UTF-8,
/// or that `row` gives a reason for, is rejected with that reason.
pub fn each_line(
    reader: &mut impl BufRead,
    name: &str,
    after: u64,
    out: &mut Outcome,
    row: &mut dyn FnMut(u64, &[u8]) -> Verdict,
) -> Result<(), EventsError> {
    let mut buf = Vec::new();
    let mut line = after;
    loop {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| broken(name, line + 1, e))?;
        if n == 0 {
            return Ok(());
        }
        line += 1;
        let text = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let text = text.strip_suffix(b"\r").unwrap_or(text);
        if text.is_empty() {
            continue;
        }
        out.read += 1;
        if std::str::from_utf8(text).is_err() {
            out.rejected
                .push((line, "not UTF-8".to_string(), text.to_vec()));
            continue;
        }
        if let Some(reason) = row(line, text)? {
            out.rejected.push((line, reason, text.to_vec()));
        }
    }
}
