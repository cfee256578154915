//! Writing a result table as a human table, CSV, JSON or Parquet, to standard
//! output or atomically to a file.
//!
//! Atomic: the file is written beside its destination under a temporary name
//! and renamed into place, so an interrupted run never leaves half a file.

use crate::table::Table;
use anyhow::{bail, Context as _};
use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use parquet::arrow::ArrowWriter;
use parquet::file::metadata::KeyValue;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Output formats.
/// With the `clap` feature, `--format`'s values (the CLI's help text is
/// these doc comments).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Format {
    /// Aligned table for reading in a terminal, sources listed below it.
    Table,
    /// RFC 4180 CSV with a header row.
    Csv,
    /// A JSON array of objects, nulls explicit.
    Json,
    /// Apache Parquet (needs --out); sources stored in the file's metadata.
    Parquet,
    /// `ordo report` only: one self-contained HTML file.
    Html,
    /// `ordo report` only: Markdown with the charts as SVG files beside it.
    Md,
    /// `ordo cite` only: BibTeX entries (the default there).
    Bibtex,
    /// `ordo cite` only: a reference list, one reference per line.
    Text,
}

/// Where and how a command writes its table.
#[derive(Debug, Clone)]
pub struct OutputArgs {
    format: Format,
    /// The format the user asked for, if any (reports default to HTML).
    requested: Option<Format>,
    out: Option<PathBuf>,
}

impl OutputArgs {
    pub fn new(format: Option<Format>, out: Option<PathBuf>) -> anyhow::Result<OutputArgs> {
        let requested = format;
        let from_ext = out.as_deref().and_then(format_of_extension);
        let format = format.or(from_ext).unwrap_or_else(|| {
            if out.is_none() && std::io::stdout().is_terminal() {
                Format::Table
            } else {
                Format::Csv
            }
        });
        if format == Format::Parquet && out.is_none() {
            bail!("--format parquet needs --out FILE (Parquet is not written to a terminal)");
        }
        Ok(OutputArgs {
            format,
            requested,
            out,
        })
    }

    /// The format given with `--format`, if any.
    pub fn requested(&self) -> Option<Format> {
        self.requested
    }

    /// The `--out` path, if any.
    pub fn out(&self) -> Option<&Path> {
        self.out.as_deref()
    }

    /// Writes `table`; its sources go under a human table, into Parquet
    /// metadata, or to standard error for CSV/JSON so the data stay
    /// machine-readable.
    pub fn emit(&self, table: &Table) -> anyhow::Result<()> {
        let mut sink = self.sink();
        for batch in &table.batches {
            sink.write(batch)?;
        }
        sink.finish(&table.schema, &table.sources)
    }

    /// A sink that writes batches as they come.
    pub fn sink(&self) -> Sink {
        Sink {
            args: self.clone(),
            writer: None,
            rows: 0,
        }
    }
}

/// An output being written batch by batch: memory holds one batch, not the
/// whole result (except for the human table, which needs every row).
pub struct Sink {
    args: OutputArgs,
    writer: Option<Writer>,
    rows: usize,
}

enum Writer {
    Table(Vec<RecordBatch>),
    Csv(CsvOut),
    Json(arrow_json::Writer<Target, arrow_json::writer::JsonArray>),
    Parquet(ArrowWriter<Target>),
}

/// CSV text, encoded on every core and written on a thread of its own: a
/// frame of a million rows and fifty columns spends most of its output
/// time formatting numbers. Each slice of 4,096 rows is formatted as a
/// task of rayon's pool while the query produces the next batch and the
/// writer thread copies earlier text into the file; the writer takes the
/// slices in row order, so the file is the one a single writer makes.
struct CsvOut {
    /// Each slice's text to come, in row order, to the writer thread
    /// (bounded, so memory holds a few slices, not the output).
    slices: std::sync::mpsc::SyncSender<Receiver<Encoded>>,
    writer: std::thread::JoinHandle<anyhow::Result<Target>>,
    /// The header is still to be written.
    header: bool,
}

type Encoded = Result<Vec<u8>, arrow_schema::ArrowError>;
type Receiver<T> = std::sync::mpsc::Receiver<T>;

/// Rows per encoding task: enough to share among cores, large enough to
/// cost little to hand out.
const CSV_SLICE_ROWS: usize = 4096;

impl CsvOut {
    fn new(mut target: Target) -> CsvOut {
        let (slices, pending) = std::sync::mpsc::sync_channel::<Receiver<Encoded>>(16);
        let writer = std::thread::spawn(move || -> anyhow::Result<Target> {
            for text in pending {
                let bytes = text
                    .recv()
                    .map_err(|_| anyhow::anyhow!("a CSV encoding task panicked"))??;
                target.write_all(&bytes)?;
            }
            Ok(target)
        });
        CsvOut {
            slices,
            writer,
            header: true,
        }
    }

    fn write(&mut self, batch: &RecordBatch) -> anyhow::Result<()> {
        let rows = batch.num_rows();
        // An empty batch is one empty slice (the header may be due).
        for start in (0..rows.max(1)).step_by(CSV_SLICE_ROWS) {
            let slice = batch.slice(start, CSV_SLICE_ROWS.min(rows - start));
            let header = std::mem::take(&mut self.header);
            let (text, received) = std::sync::mpsc::sync_channel(1);
            rayon::spawn(move || {
                let mut buf = Vec::with_capacity(slice.num_rows() * slice.num_columns() * 8);
                let encoded = crate::csv_text::encode(&slice, header, &mut buf).map(|()| buf);
                let _ = text.send(encoded);
            });
            if self.slices.send(received).is_err() {
                // The writer stopped on an error; `finish` reports it.
                break;
            }
        }
        Ok(())
    }

    /// Waits for the writer thread and returns the output it wrote to.
    fn finish(self) -> anyhow::Result<Target> {
        let CsvOut { slices, writer, .. } = self;
        drop(slices); // the writer ends after the last slice
        writer
            .join()
            .map_err(|_| anyhow::anyhow!("the CSV writer thread panicked"))?
    }
}

/// Standard output, or a temporary file renamed onto `--out` at the end.
struct Target {
    out: Box<dyn Write + Send>,
    tmp: Option<PathBuf>,
}

impl Write for Target {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.out.write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

impl Sink {
    fn open(&self, schema: &SchemaRef) -> anyhow::Result<Writer> {
        if matches!(self.args.format, Format::Html | Format::Md) {
            bail!("--format html and md are for `ordo report`; tables are written as table, csv, json or parquet");
        }
        if matches!(self.args.format, Format::Bibtex | Format::Text) {
            bail!("--format bibtex and text are for `ordo cite`; tables are written as table, csv, json or parquet");
        }
        if self.args.format == Format::Table {
            return Ok(Writer::Table(Vec::new()));
        }
        let target = match &self.args.out {
            None => Target {
                out: Box::new(std::io::BufWriter::new(std::io::stdout())),
                tmp: None,
            },
            Some(path) => {
                let tmp = temporary_path(path)?;
                let file = std::fs::File::create(&tmp)
                    .with_context(|| format!("creating {}", tmp.display()))?;
                Target {
                    out: Box::new(std::io::BufWriter::new(file)),
                    tmp: Some(tmp),
                }
            }
        };
        Ok(match self.args.format {
            Format::Table => unreachable!("handled above"),
            Format::Html | Format::Md | Format::Bibtex | Format::Text => {
                unreachable!("refused above")
            }
            Format::Csv => Writer::Csv(CsvOut::new(target)),
            Format::Json => Writer::Json(json_writer(target)),
            Format::Parquet => Writer::Parquet(ArrowWriter::try_new(target, schema.clone(), None)?),
        })
    }

    pub fn write(&mut self, batch: &RecordBatch) -> anyhow::Result<()> {
        if self.writer.is_none() {
            self.writer = Some(self.open(&batch.schema())?);
        }
        self.rows += batch.num_rows();
        match self.writer.as_mut().expect("opened above") {
            Writer::Table(all) => all.push(batch.clone()),
            Writer::Csv(w) => w.write(batch)?,
            Writer::Json(w) => w.write(batch)?,
            Writer::Parquet(w) => w.write(batch)?,
        }
        Ok(())
    }

    /// Completes the output (an empty result still gets its header) and
    /// moves a file into place.
    pub fn finish(mut self, schema: &SchemaRef, sources: &[String]) -> anyhow::Result<()> {
        if self.writer.is_none() {
            self.write(&RecordBatch::new_empty(schema.clone()))?;
        }
        let target = match self.writer.take().expect("opened above") {
            Writer::Table(all) => {
                let mut text = Vec::new();
                writeln!(text, "{}", arrow_cast::pretty::pretty_format_batches(&all)?)?;
                writeln!(text, "{} rows", self.rows)?;
                for line in sources {
                    writeln!(text, "source: {line}")?;
                }
                match &self.args.out {
                    Some(path) => write_atomically(path, &text)?,
                    None => std::io::stdout().write_all(&text)?,
                }
                None
            }
            Writer::Csv(w) => Some(w.finish()?),
            Writer::Json(mut w) => {
                w.finish()?;
                let mut t = w.into_inner();
                t.write_all(b"\n")?;
                Some(t)
            }
            Writer::Parquet(mut w) => {
                for (i, line) in sources.iter().enumerate() {
                    w.append_key_value_metadata(KeyValue::new(
                        format!("ordo.source.{i}"),
                        line.clone(),
                    ));
                }
                w.append_key_value_metadata(KeyValue::new(
                    "ordo.version".to_string(),
                    env!("CARGO_PKG_VERSION").to_string(),
                ));
                Some(w.into_inner()?)
            }
        };
        if let Some(mut t) = target {
            t.flush()?;
            drop(t.out);
            if let (Some(tmp), Some(path)) = (t.tmp, &self.args.out) {
                std::fs::rename(&tmp, path)
                    .with_context(|| format!("writing {}", path.display()))?;
            }
        }
        if let Some(path) = &self.args.out {
            eprintln!("wrote {} rows to {}", self.rows, path.display());
        }
        if self.args.format != Format::Table {
            for line in sources {
                eprintln!("source: {line}");
            }
        }
        Ok(())
    }
}

/// The JSON writer of `--format json` (an array of objects, nulls
/// explicit); the server's API writes its rows with it too, so both print
/// the same text.
pub fn json_writer<W: Write>(w: W) -> arrow_json::Writer<W, arrow_json::writer::JsonArray> {
    arrow_json::WriterBuilder::new()
        .with_explicit_nulls(true)
        .build::<_, arrow_json::writer::JsonArray>(w)
}

fn temporary_path(path: &Path) -> anyhow::Result<PathBuf> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .context("--out needs a file name")?
        .to_string_lossy();
    // Unique per process and per file written (threads of the server).
    static FILES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = FILES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    Ok(dir.join(format!(".{name}.tmp-{}-{n}", std::process::id())))
}

fn format_of_extension(path: &Path) -> Option<Format> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "csv" => Some(Format::Csv),
        "json" => Some(Format::Json),
        "parquet" | "pq" => Some(Format::Parquet),
        "txt" => Some(Format::Table),
        _ => None,
    }
}

/// Writes `bytes` to `path` through a temporary file in the same directory
/// and a rename, so readers see the old file or the new one, never a part.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let tmp = temporary_path(path)?;
    let result = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.with_context(|| format!("writing {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::{Float64Array, Int64Array, StringArray};
    use std::sync::Arc;

    /// The CSV written in slices on several threads is byte for byte what
    /// one arrow-csv writer makes, header once, rows in order, across
    /// several batches (one of them too small to split).
    #[test]
    fn csv_encoded_in_slices_equals_one_writer() {
        let batch = |from: i64, n: i64| {
            let ids: Vec<i64> = (from..from + n).collect();
            let x: Vec<Option<f64>> = ids
                .iter()
                .map(|i| (i % 7 != 0).then_some(*i as f64 / 3.0))
                .collect();
            let s: Vec<Option<String>> = ids
                .iter()
                .map(|i| (i % 5 != 0).then(|| format!("a \"b\", {i}")))
                .collect();
            RecordBatch::try_from_iter([
                (
                    "id",
                    Arc::new(Int64Array::from(ids)) as arrow_array::ArrayRef,
                ),
                ("x", Arc::new(Float64Array::from(x))),
                ("s", Arc::new(StringArray::from(s))),
            ])
            .unwrap()
        };
        let batches = [batch(0, 10_000), batch(10_000, 17), batch(10_017, 9_001)];
        let mut expected = Vec::new();
        {
            let mut w = arrow_csv::WriterBuilder::new()
                .with_header(true)
                .build(&mut expected);
            for b in &batches {
                w.write(b).unwrap();
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        let mut out = CsvOut::new(Target {
            out: Box::new(std::fs::File::create(&path).unwrap()),
            tmp: None,
        });
        for b in &batches {
            out.write(b).unwrap();
        }
        out.finish().unwrap().flush().unwrap();
        let got = std::fs::read(&path).unwrap();
        assert_eq!(got.iter().filter(|&&c| c == b'\n').count(), 1 + 19_018);
        assert!(got.starts_with(b"id,x,s\n0,,\n1,0.3333333333333333,"));
        assert_eq!(got, expected);
    }
}
