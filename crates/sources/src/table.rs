//! A strict reader for the CSV/TSV files of the public datasets.
//!
//! Why not plain `csv::Reader` everywhere: users need to know *where* a file is
//! wrong. Every error here names the file, the line and, for a bad value, the
//! column and the value, and nothing is ever silently skipped. Columns are found
//! by header name, so extra columns (e.g. NMC's `stateabb`/`version` in the
//! official release) are ignored and column order does not matter.

use crate::catalog::Layout;
use crate::hashing::{hex, HashingReader};
use flate2::read::MultiGzDecoder;
use sha2::{Digest, Sha256};
use std::cell::RefCell;
use std::fmt;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Everything that can go wrong while reading a dataset file.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{file}: cannot read: {source}")]
    Io {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}: missing column `{column}` (the header has: {header})")]
    MissingColumn {
        file: PathBuf,
        column: String,
        header: String,
    },
    #[error("{file}:{line}: malformed row: {message}")]
    Malformed {
        file: PathBuf,
        line: u64,
        message: String,
    },
    #[error("{file}:{line}: column `{column}`: {problem} (value {value:?})")]
    Field {
        file: PathBuf,
        line: u64,
        column: String,
        value: String,
        problem: String,
    },
}

impl ReadError {
    /// The file the error is about.
    pub fn file(&self) -> &Path {
        match self {
            ReadError::Io { file, .. }
            | ReadError::MissingColumn { file, .. }
            | ReadError::Malformed { file, .. }
            | ReadError::Field { file, .. } => file,
        }
    }
}

/// A column located in a table's header: its position and its name (kept for
/// error messages).
#[derive(Debug, Clone)]
pub struct Col {
    index: usize,
    name: String,
}

impl Col {
    /// A column of a header-less file, named for error messages.
    pub fn at(index: usize, name: &str) -> Col {
        Col {
            index,
            name: name.to_string(),
        }
    }
}

/// What a command used from a dataset file: enough to cite it and to check that
/// a later run read the same bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceUse {
    /// Catalog id of the dataset (its folder name in the data directory).
    pub dataset: String,
    pub file: PathBuf,
    /// Data rows read (header excluded).
    pub rows: u64,
    /// SHA-256 of the file's bytes as stored (compressed bytes for `.gz`).
    pub sha256: String,
}

/// An open dataset file, read row by row.
pub struct CsvTable {
    file: PathBuf,
    dataset: String,
    reader: csv::Reader<Box<dyn Read>>,
    headers: Vec<String>,
    /// Whether every row must have as many fields as the header.
    fixed_width: bool,
    /// The first data row, read ahead to detect R row names.
    peeked: bool,
    /// Whether the literal `NA` is a missing value (R-written files) or data
    /// (`NA` is Namibia's ISO code in the UN votes).
    na_missing: bool,
    record: csv::ByteRecord,
    rows: u64,
    hasher: Rc<RefCell<Sha256>>,
}

impl CsvTable {
    /// Opens `path` (plain or `.gz`) with the given layout; `dataset` is the
    /// catalog id recorded in the resulting [`SourceUse`].
    pub fn open(path: &Path, layout: Layout, dataset: &str) -> Result<CsvTable, ReadError> {
        let io_err = |source| ReadError::Io {
            file: path.to_path_buf(),
            source,
        };
        let file = File::open(path).map_err(io_err)?;
        let (hashing, hasher) = HashingReader::new(file);
        let gz = path.extension().is_some_and(|e| e == "gz");
        let input: Box<dyn Read> = if gz {
            Box::new(MultiGzDecoder::new(BufReader::new(hashing)))
        } else {
            Box::new(hashing)
        };
        let (delimiter, has_headers, quoting) = match layout {
            Layout::Csv => (b',', true, true),
            // Tab-separated exports (GDELT, ICEWS) do not quote fields: a `"`
            // inside a name is data, not a quote.
            Layout::Tsv => (b'\t', true, false),
            Layout::TsvNoHeader => (b'\t', false, false),
        };
        // Widths are checked here rather than by the csv crate, so that the
        // first row can be inspected for R row names first.
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(has_headers)
            .quoting(quoting)
            .flexible(true)
            .from_reader(input);
        let mut headers = if has_headers {
            let raw = reader.byte_headers().map_err(|e| csv_error(path, e))?;
            raw.iter()
                .enumerate()
                .map(|(i, h)| {
                    std::str::from_utf8(h)
                        .map(|s| s.trim_start_matches('\u{feff}').to_string())
                        .map_err(|_| ReadError::Field {
                            file: path.to_path_buf(),
                            line: 1,
                            column: format!("#{}", i + 1),
                            value: String::from_utf8_lossy(h).into_owned(),
                            problem: "header is not valid UTF-8".into(),
                        })
                })
                .collect::<Result<Vec<_>, _>>()?
        } else {
            Vec::new()
        };
        let mut record = csv::ByteRecord::new();
        let peeked = reader
            .read_byte_record(&mut record)
            .map_err(|e| csv_error(path, e))?;
        // R's write.csv(row.names = TRUE) writes one field more per row than
        // the header names; read.csv then takes the first field as row names.
        // Several GDELT extracts in circulation are written that way.
        if has_headers && peeked && record.len() == headers.len() + 1 {
            headers.insert(0, String::new());
        }
        Ok(CsvTable {
            file: path.to_path_buf(),
            dataset: dataset.to_string(),
            reader,
            headers,
            // Raw GDELT exports mix 57- and 58-field rows by design; their
            // readers check widths per row themselves.
            fixed_width: has_headers,
            peeked,
            na_missing: false,
            record,
            rows: 0,
            hasher,
        })
    }

    pub fn path(&self) -> &Path {
        &self.file
    }

    /// Treats the literal `NA` as a missing value, as R's `write.csv` writes
    /// it. Off by default: in the reference CSVs only an empty field is
    /// missing, and `NA` can be data (Namibia).
    pub fn na_is_missing(mut self) -> Self {
        self.na_missing = true;
        self
    }

    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// Finds a column by its header name (exact match).
    pub fn column(&self, name: &str) -> Result<Col, ReadError> {
        self.headers
            .iter()
            .position(|h| h == name)
            .map(|index| Col {
                index,
                name: name.to_string(),
            })
            .ok_or_else(|| ReadError::MissingColumn {
                file: self.file.clone(),
                column: name.to_string(),
                header: self.headers.join(","),
            })
    }

    /// The next data row, or `None` at the end of the file.
    pub fn next_row(&mut self) -> Result<Option<Row<'_>>, ReadError> {
        let more = std::mem::take(&mut self.peeked)
            || self
                .reader
                .read_byte_record(&mut self.record)
                .map_err(|e| csv_error(&self.file, e))?;
        if !more {
            return Ok(None);
        }
        self.rows += 1;
        let line = self.record.position().map_or(0, |p| p.line());
        if self.fixed_width && self.record.len() != self.headers.len() {
            return Err(ReadError::Malformed {
                file: self.file.clone(),
                line,
                message: format!(
                    "{} fields where the header has {}",
                    self.record.len(),
                    self.headers.len()
                ),
            });
        }
        Ok(Some(Row {
            record: &self.record,
            line,
            file: &self.file,
            na_missing: self.na_missing,
        }))
    }

    /// Reads to the end (so the hash covers the whole file) and reports what
    /// was read.
    pub fn finish(self) -> Result<SourceUse, ReadError> {
        let mut rest = self.reader.into_inner();
        std::io::copy(&mut rest, &mut std::io::sink()).map_err(|source| ReadError::Io {
            file: self.file.clone(),
            source,
        })?;
        drop(rest);
        let hasher = Rc::try_unwrap(self.hasher)
            .map(RefCell::into_inner)
            .unwrap_or_else(|shared| shared.borrow().clone());
        Ok(SourceUse {
            dataset: self.dataset,
            file: self.file,
            rows: self.rows,
            sha256: hex(&hasher.finalize()),
        })
    }
}

impl fmt::Debug for CsvTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "CsvTable({}, {} rows read)",
            self.file.display(),
            self.rows
        )
    }
}

fn csv_error(file: &Path, err: csv::Error) -> ReadError {
    let line = err.position().map_or(0, |p| p.line());
    match err.into_kind() {
        csv::ErrorKind::Io(source) => ReadError::Io {
            file: file.to_path_buf(),
            source,
        },
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => ReadError::Malformed {
            file: file.to_path_buf(),
            line,
            message: format!("{len} fields where the header has {expected_len}"),
        },
        other => ReadError::Malformed {
            file: file.to_path_buf(),
            line,
            message: format!("{other:?}"),
        },
    }
}

/// One data row; getters parse a field and name file, line and column on
/// failure. An empty field (and `NA` where the table says so) is a missing
/// value for the `opt_*` getters; codes such as COW's `-9` are dataset
/// conventions and handled by each reader.
pub struct Row<'t> {
    record: &'t csv::ByteRecord,
    line: u64,
    file: &'t Path,
    na_missing: bool,
}

impl fmt::Debug for Row<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Row({}:{})", self.file.display(), self.line)
    }
}

impl<'t> Row<'t> {
    pub fn line(&self) -> u64 {
        self.line
    }

    pub fn file(&self) -> &'t Path {
        self.file
    }

    /// A field-level error at this row, for readers that check values
    /// themselves (e.g. an impossible date).
    pub fn error(&self, col: &Col, value: &str, problem: impl Into<String>) -> ReadError {
        ReadError::Field {
            file: self.file.to_path_buf(),
            line: self.line,
            column: col.name.clone(),
            value: value.to_string(),
            problem: problem.into(),
        }
    }

    /// The raw text of a field.
    pub fn str(&self, col: &Col) -> Result<&'t str, ReadError> {
        let bytes = self
            .record
            .get(col.index)
            .ok_or_else(|| ReadError::Malformed {
                file: self.file.to_path_buf(),
                line: self.line,
                message: format!("no field {} (`{}`)", col.index + 1, col.name),
            })?;
        std::str::from_utf8(bytes).map_err(|e| {
            self.error(
                col,
                &String::from_utf8_lossy(bytes),
                format!("not valid UTF-8 at byte {}", e.valid_up_to()),
            )
        })
    }

    /// The text of a field without surrounding ASCII blanks, `None` when
    /// empty or `NA`. (ASCII only: the datasets' padding is spaces, and the
    /// byte test is several times faster than Unicode's on millions of
    /// fields.)
    pub fn opt_str(&self, col: &Col) -> Result<Option<&'t str>, ReadError> {
        let t = self.str(col)?.trim_ascii();
        Ok(if t.is_empty() || (self.na_missing && t == "NA") {
            None
        } else {
            Some(t)
        })
    }

    pub fn i64(&self, col: &Col) -> Result<i64, ReadError> {
        self.opt_i64(col)?
            .ok_or_else(|| self.error(col, "", "required value is missing"))
    }

    pub fn opt_i64(&self, col: &Col) -> Result<Option<i64>, ReadError> {
        match self.opt_str(col)? {
            None => Ok(None),
            Some(s) => parse_int(s)
                .map(Some)
                .ok_or_else(|| self.error(col, s, "expected an integer")),
        }
    }

    pub fn f64(&self, col: &Col) -> Result<f64, ReadError> {
        self.opt_f64(col)?
            .ok_or_else(|| self.error(col, "", "required value is missing"))
    }

    pub fn opt_f64(&self, col: &Col) -> Result<Option<f64>, ReadError> {
        match self.opt_str(col)? {
            None => Ok(None),
            Some(s) => s
                .parse::<f64>()
                .map(Some)
                .map_err(|_| self.error(col, s, "expected a number")),
        }
    }
}

/// Integers as R writes them: `365`, also `365.0` (integer-valued doubles).
pub(crate) fn parse_int(s: &str) -> Option<i64> {
    let t = s.trim();
    if let Ok(v) = t.parse::<i64>() {
        return Some(v);
    }
    let f = t.parse::<f64>().ok()?;
    (f.fract() == 0.0 && f.abs() < 9.0e15).then_some(f as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
        let p = dir.path().join(name);
        std::fs::File::create(&p).unwrap().write_all(bytes).unwrap();
        p
    }

    fn read_all(path: &Path, column: &str) -> Result<Vec<i64>, ReadError> {
        let mut t = CsvTable::open(path, Layout::Csv, "test")?;
        let c = t.column(column)?;
        let mut out = Vec::new();
        while let Some(row) = t.next_row()? {
            out.push(row.i64(&c)?);
        }
        Ok(out)
    }

    #[test]
    fn reads_by_header_name_ignoring_extra_columns() {
        let d = tempfile::tempdir().unwrap();
        let p = write(
            &d,
            "a.csv",
            b"stateabb,ccode,version\nITA,325,2016\nRUS,365.0,2016\n",
        );
        assert_eq!(read_all(&p, "ccode").unwrap(), vec![325, 365]);
    }

    #[test]
    fn missing_column_names_file_and_header() {
        let d = tempfile::tempdir().unwrap();
        let p = write(&d, "a.csv", b"stateabb,code\nITA,325\n");
        let e = read_all(&p, "ccode").unwrap_err().to_string();
        assert!(
            e.contains("a.csv") && e.contains("`ccode`") && e.contains("stateabb,code"),
            "{e}"
        );
    }

    #[test]
    fn non_numeric_value_names_line_and_column() {
        let d = tempfile::tempdir().unwrap();
        let p = write(&d, "a.csv", b"ccode\n325\nabc\n");
        let e = read_all(&p, "ccode").unwrap_err().to_string();
        assert!(
            e.contains("a.csv:3") && e.contains("`ccode`") && e.contains("\"abc\""),
            "{e}"
        );
    }

    #[test]
    fn wrong_field_count_is_malformed_with_line() {
        let d = tempfile::tempdir().unwrap();
        let p = write(&d, "a.csv", b"ccode,year\n325,1900\n365\n");
        let e = read_all(&p, "ccode").unwrap_err();
        assert!(matches!(e, ReadError::Malformed { line: 3, .. }), "{e}");
    }

    #[test]
    fn non_utf8_bytes_are_an_error_not_a_panic() {
        let d = tempfile::tempdir().unwrap();
        let p = write(&d, "a.csv", b"ccode,name\n325,It\xe0lia\n");
        let mut t = CsvTable::open(&p, Layout::Csv, "test").unwrap();
        let c = t.column("name").unwrap();
        let row = t.next_row().unwrap().unwrap();
        let e = row.str(&c).unwrap_err().to_string();
        assert!(e.contains("a.csv:2") && e.contains("UTF-8"), "{e}");
    }

    #[test]
    fn truncated_gzip_is_an_io_error_naming_the_file() {
        let d = tempfile::tempdir().unwrap();
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        for i in 0..5000 {
            writeln!(enc, "{i},{}", i * 7).unwrap();
        }
        let full = enc.finish().unwrap();
        let p = write(
            &d,
            "a.csv.gz",
            &[b"".as_slice(), &full[..full.len() / 2]].concat(),
        );
        let e = read_all(&p, "0").unwrap_err();
        assert!(e.file().ends_with("a.csv.gz"), "{e}");
    }

    #[test]
    fn finish_reports_rows_and_sha256_of_the_stored_bytes() {
        let d = tempfile::tempdir().unwrap();
        let p = write(&d, "a.csv", b"x\n1\n2\n");
        let mut t = CsvTable::open(&p, Layout::Csv, "demo").unwrap();
        while t.next_row().unwrap().is_some() {}
        let used = t.finish().unwrap();
        assert_eq!(used.rows, 2);
        // sha256 of "x\n1\n2\n", computed with `printf 'x\n1\n2\n' | sha256sum`.
        assert_eq!(used.sha256, crate::sha256_file(&p).unwrap());
        assert_eq!(
            used.sha256,
            "aea284871ddeeebac4b57b7a8ee7dad070886e690408ce2409306b9b6487beb1"
        );
    }

    #[test]
    fn r_row_names_are_recognised_from_the_first_row() {
        let d = tempfile::tempdir().unwrap();
        let p = write(
            &d,
            "a.csv",
            b"\"ccode\",\"year\"\n\"1\",325,1900\n\"2\",365,1901\n",
        );
        assert_eq!(read_all(&p, "ccode").unwrap(), vec![325, 365]);
        let p = write(&d, "b.csv", b"ccode,year\n\"1\",325,1900\n365,1901\n");
        assert!(matches!(
            read_all(&p, "ccode").unwrap_err(),
            ReadError::Malformed { line: 3, .. }
        ));
    }

    #[test]
    fn na_is_data_unless_the_table_says_otherwise() {
        // Namibia's ISO alpha-2 code in the UN votes.
        let d = tempfile::tempdir().unwrap();
        let p = write(&d, "a.csv", b"country,country_code\nNamibia,NA\nX,\n");
        let mut t = CsvTable::open(&p, Layout::Csv, "t").unwrap();
        let c = t.column("country_code").unwrap();
        assert_eq!(
            t.next_row().unwrap().unwrap().opt_str(&c).unwrap(),
            Some("NA")
        );
        assert_eq!(t.next_row().unwrap().unwrap().opt_str(&c).unwrap(), None);
    }

    #[test]
    fn missing_markers_are_none() {
        let d = tempfile::tempdir().unwrap();
        let p = write(&d, "a.csv", b"v\nNA\n\n7\n");
        let mut t = CsvTable::open(&p, Layout::Csv, "t")
            .unwrap()
            .na_is_missing();
        let c = t.column("v").unwrap();
        let mut got = Vec::new();
        while let Some(r) = t.next_row().unwrap() {
            got.push(r.opt_i64(&c).unwrap());
        }
        // The csv crate skips fully empty lines, so the blank line is not a row.
        assert_eq!(got, vec![None, Some(7)]);
    }
}
