//! Writing a result table as a human table, CSV, JSON or Parquet, to standard
//! output or atomically to a file.
//!
//! Atomic: the file is written beside its destination under a temporary name
//! and renamed into place, so an interrupted run never leaves half a file.

use crate::provenance::Provenance;
use anyhow::{bail, Context as _};
use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use clap::ValueEnum;
use parquet::arrow::ArrowWriter;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned table for reading in a terminal, sources listed below it.
    Table,
    /// RFC 4180 CSV with a header row.
    Csv,
    /// A JSON array of objects, nulls explicit.
    Json,
    /// Apache Parquet (needs --out); sources stored in the file's metadata.
    Parquet,
}

/// Where and how a command writes its table.
#[derive(Debug, Clone)]
pub struct OutputArgs {
    format: Format,
    out: Option<PathBuf>,
}

impl OutputArgs {
    pub fn new(format: Option<Format>, out: Option<PathBuf>) -> anyhow::Result<OutputArgs> {
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
        Ok(OutputArgs { format, out })
    }

    /// Writes `batch`; provenance goes under a table, into Parquet metadata,
    /// or to standard error for CSV/JSON so the data stay machine-readable.
    pub fn emit(&self, batch: &RecordBatch, provenance: &Provenance) -> anyhow::Result<()> {
        self.emit_all(&batch.schema(), std::slice::from_ref(batch), provenance)
    }

    /// Writes several batches of one schema (a SQL result) as one table.
    pub fn emit_all(
        &self,
        schema: &SchemaRef,
        batches: &[RecordBatch],
        provenance: &Provenance,
    ) -> anyhow::Result<()> {
        let batch = arrow_select::concat::concat_batches(schema, batches)?;
        let batch = &batch;
        let bytes = render(self.format, batch, provenance)?;
        match &self.out {
            Some(path) => {
                write_atomically(path, &bytes)?;
                eprintln!("wrote {} rows to {}", batch.num_rows(), path.display());
            }
            None => std::io::stdout().write_all(&bytes)?,
        }
        if self.format != Format::Table {
            for line in &provenance.lines {
                eprintln!("source: {line}");
            }
        }
        Ok(())
    }
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

fn render(format: Format, batch: &RecordBatch, provenance: &Provenance) -> anyhow::Result<Vec<u8>> {
    let mut buf = Vec::new();
    match format {
        Format::Table => {
            let table = arrow_cast::pretty::pretty_format_batches(std::slice::from_ref(batch))?;
            writeln!(buf, "{table}")?;
            writeln!(buf, "{} rows", batch.num_rows())?;
            for line in &provenance.lines {
                writeln!(buf, "source: {line}")?;
            }
        }
        Format::Csv => {
            let mut w = arrow_csv::WriterBuilder::new()
                .with_header(true)
                .build(&mut buf);
            w.write(batch)?;
        }
        Format::Json => {
            let mut w = arrow_json::WriterBuilder::new()
                .with_explicit_nulls(true)
                .build::<_, arrow_json::writer::JsonArray>(&mut buf);
            w.write(batch)?;
            w.finish()?;
            buf.push(b'\n');
        }
        Format::Parquet => {
            let meta = provenance
                .lines
                .iter()
                .enumerate()
                .map(|(i, l)| KeyValue::new(format!("ordo.source.{i}"), l.clone()))
                .chain([KeyValue::new(
                    "ordo.version".to_string(),
                    env!("CARGO_PKG_VERSION").to_string(),
                )])
                .collect();
            let props = WriterProperties::builder()
                .set_key_value_metadata(Some(meta))
                .build();
            let mut w = ArrowWriter::try_new(&mut buf, batch.schema(), Some(props))?;
            w.write(batch)?;
            w.close()?;
        }
    }
    Ok(buf)
}

/// Writes `bytes` to `path` through a temporary file in the same directory
/// and a rename, so readers see the old file or the new one, never a part.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .context("--out needs a file name")?
        .to_string_lossy();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.with_context(|| format!("writing {}", path.display()))
}
