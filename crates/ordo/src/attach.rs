//! The user's own data attached to a frame (`--attach FILE --on KEYS`).
//!
//! A scholar's variables (a regime index, a coded crisis list) are joined
//! onto ordo's dyad-year or state-year rows by their keys: two state columns
//! and a year for dyad frames (`ccode1,ccode2,year`), one state column and a
//! year for state frames (`ccode,year`). State keys may be in any scheme the
//! resolver knows: columns named `ccode…` hold COW codes, `gwcode…`
//! Gleditsch–Ward codes; any other column is resolved value by value
//! (`Italy`, `ITA`, `iso3:DEU`, `gw:260`) on 31 December of the row's year,
//! so codes that changed meaning resolve to the state of that year.
//!
//! Nothing is silently dropped: rows whose codes or year cannot be read are
//! counted and shown, with their lines; keys given twice are an error (a
//! join would duplicate frame rows); rows that match no row of the frame are
//! counted once the frame is known (`frame_sql.rs`). For a non-directed
//! frame a dyad given as (b, a) is matched to (a, b) and counted.

use crate::frame_sql::Join;
use crate::Session;
use anyhow::{bail, Context as _};
use arrow_array::cast::AsArray;
use arrow_array::types::Int64Type;
use arrow_array::{Array, ArrayRef, Int64Array, RecordBatch, UInt32Array};
use arrow_schema::{DataType, Field, Schema};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What to attach and by which of its columns.
#[derive(Debug, Clone, Default)]
pub struct Attach {
    /// A CSV (header row) or Parquet file.
    pub file: PathBuf,
    /// Its key columns: the state column(s), then the year.
    pub on: Vec<String>,
}

/// Where each row of the user's file goes, or why it cannot.
struct Keyed {
    /// (row, frame keys) of the rows that resolved.
    rows: Vec<(usize, Vec<i64>)>,
    /// Rows that did not resolve: count and the first few, described.
    bad: usize,
    examples: Vec<String>,
    swapped: usize,
}

impl Session {
    /// The user's file as a table keyed like the frame (`unit` + `year`),
    /// with the lines its reading adds to the sources.
    pub(crate) fn attachment(
        &self,
        a: &Attach,
        unit: &[&str],
        directed: bool,
        frame_columns: &[String],
    ) -> anyhow::Result<(Join, Vec<String>)> {
        let batch = read_file(&a.file)?;
        let file = a.file.display();
        if a.on.len() != unit.len() + 1 {
            bail!(
                "--on names {} column(s) of {file}; this frame needs {} (the state{} then the year, e.g. --on {})",
                a.on.len(),
                unit.len() + 1,
                if unit.len() == 2 { "s" } else { "" },
                unit.iter().copied().chain(["year"]).collect::<Vec<_>>().join(",")
            );
        }
        let columns = key_columns(&batch, &a.on, &a.file)?;
        let keyed = self.resolve_keys(&batch, &a.on, &columns, unit.len() == 2 && !directed)?;
        let values: Vec<usize> = (0..batch.num_columns())
            .filter(|i| !columns.contains(i))
            .collect();
        let clash: Vec<&str> = values
            .iter()
            .map(|&i| batch.schema_ref().field(i).name().as_str())
            .filter(|n| frame_columns.iter().any(|c| c == n))
            .collect();
        if !clash.is_empty() {
            bail!(
                "{file}: column(s) {} are already in the frame; rename them in the file",
                clash.join(", ")
            );
        }
        duplicates(&keyed, &a.on, &a.file)?;
        let joined = build(&batch, &keyed, unit, &values)?;
        let mut lines = vec![format!(
            "attached {file} on {}: {} rows read, {} joined by key",
            a.on.join(","),
            batch.num_rows(),
            keyed.rows.len()
        )];
        if keyed.bad > 0 {
            lines.push(format!(
                "attached {file}: {} rows not attached, their state or year unreadable: {}",
                keyed.bad,
                keyed.examples.join("; ")
            ));
        }
        if keyed.swapped > 0 {
            lines.push(format!(
                "attached {file}: {} dyads given as (ccode2, ccode1) matched to the non-directed frame's (ccode1 < ccode2)",
                keyed.swapped
            ));
        }
        for l in &lines {
            self.note(l.clone());
        }
        let columns = values
            .iter()
            .map(|&i| (batch.schema_ref().field(i).name().clone(), None))
            .collect();
        Ok((
            Join {
                name: "ordo_attached".into(),
                batch: joined,
                columns,
            },
            lines,
        ))
    }

    /// Maps every row's keys to COW codes and a year.
    fn resolve_keys(
        &self,
        batch: &RecordBatch,
        on: &[String],
        columns: &[usize],
        normalise: bool,
    ) -> anyhow::Result<Keyed> {
        let resolver = self.states()?.resolver();
        let years = arrow_cast::cast(
            batch.column(*columns.last().expect("a year")),
            &DataType::Int64,
        )
        .ok()
        .map(|a| a.as_primitive::<Int64Type>().clone());
        let texts: Vec<ArrayRef> = columns[..columns.len() - 1]
            .iter()
            .map(|&i| arrow_cast::cast(batch.column(i), &DataType::Utf8))
            .collect::<Result<_, _>>()?;
        let mut cache: HashMap<(String, i64), Option<i64>> = HashMap::new();
        let mut out = Keyed {
            rows: Vec::new(),
            bad: 0,
            examples: Vec::new(),
            swapped: 0,
        };
        for row in 0..batch.num_rows() {
            let year = years
                .as_ref()
                .filter(|y| y.is_valid(row))
                .map(|y| y.value(row));
            let mut codes = Vec::new();
            let mut problem = None;
            for (k, t) in texts.iter().enumerate() {
                let t = t.as_string::<i32>();
                let value = if t.is_valid(row) { t.value(row) } else { "" };
                let Some(y) = year else {
                    let year_column = *columns.last().expect("a year column");
                    problem = Some(format!(
                        "{} {:?} is not a whole number",
                        on[on.len() - 1],
                        cell(batch, year_column, row)
                    ));
                    break;
                };
                let code = cache
                    .entry((value.to_string(), y))
                    .or_insert_with(|| resolve(&resolver, &on[k], value, y))
                    .to_owned();
                match code {
                    Some(c) => codes.push(c),
                    None => {
                        problem = Some(format!("{} {value:?} is no state in {y}", on[k]));
                        break;
                    }
                }
            }
            match (problem, year) {
                (None, Some(y)) => {
                    if normalise && codes[0] > codes[1] {
                        codes.swap(0, 1);
                        out.swapped += 1;
                    }
                    codes.push(y);
                    out.rows.push((row, codes));
                }
                (p, _) => {
                    out.bad += 1;
                    if out.examples.len() < 5 {
                        let why = p.unwrap_or_else(|| "no year".into());
                        out.examples.push(format!("row {}: {why}", row + 1));
                    }
                }
            }
        }
        Ok(out)
    }
}

/// A COW code for a key value: COW codes in `ccode…` columns, GW codes in
/// `gwcode…` columns, anything the resolver reads elsewhere.
fn resolve(
    resolver: &ordo_states::Resolver<'_>,
    column: &str,
    value: &str,
    year: i64,
) -> Option<i64> {
    let value = value.trim();
    let col = column.to_ascii_lowercase();
    let input = if col.starts_with("gwcode") || col.starts_with("gwno") {
        format!("gw:{value}")
    } else if col.starts_with("ccode") || col.starts_with("cowcode") {
        format!("cow:{value}")
    } else {
        value.to_string()
    };
    let day = chrono::NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, 12, 31)?;
    resolver
        .resolve_on(&input, Some(day))
        .ok()
        .map(|r| i64::from(r.state.code.0))
}

fn cell(batch: &RecordBatch, column: usize, row: usize) -> String {
    arrow_cast::display::array_value_to_string(batch.column(column), row).unwrap_or_default()
}

/// The positions of the key columns, with an error naming the file's
/// columns when one is missing.
fn key_columns(batch: &RecordBatch, on: &[String], file: &Path) -> anyhow::Result<Vec<usize>> {
    on.iter()
        .map(|k| {
            batch.schema_ref().index_of(k).map_err(|_| {
                let have: Vec<&str> = batch
                    .schema_ref()
                    .fields()
                    .iter()
                    .map(|f| f.name().as_str())
                    .collect();
                anyhow::anyhow!(
                    "{}: no column `{k}` (columns: {})",
                    file.display(),
                    have.join(", ")
                )
            })
        })
        .collect()
}

/// Keys given twice are an error: the first few are named.
fn duplicates(keyed: &Keyed, on: &[String], file: &Path) -> anyhow::Result<()> {
    let mut seen: HashMap<&[i64], usize> = HashMap::new();
    let mut dups = Vec::new();
    for (row, key) in &keyed.rows {
        if let Some(first) = seen.insert(key.as_slice(), *row) {
            dups.push(format!("{key:?} in rows {} and {}", first + 1, row + 1));
        }
    }
    if !dups.is_empty() {
        bail!(
            "{}: {} key(s) ({}) appear more than once, so the join would repeat frame rows: {}",
            file.display(),
            dups.len(),
            on.join(","),
            dups.iter().take(5).cloned().collect::<Vec<_>>().join("; ")
        );
    }
    Ok(())
}

/// The joined table: the frame's keys, then the user's other columns.
fn build(
    batch: &RecordBatch,
    keyed: &Keyed,
    unit: &[&str],
    values: &[usize],
) -> anyhow::Result<RecordBatch> {
    let idx = UInt32Array::from_iter_values(keyed.rows.iter().map(|(r, _)| *r as u32));
    let mut fields: Vec<Field> = Vec::new();
    let mut arrays: Vec<ArrayRef> = Vec::new();
    let names: Vec<&str> = unit.iter().copied().chain(["year"]).collect();
    for (k, name) in names.iter().enumerate() {
        fields.push(Field::new(*name, DataType::Int64, false));
        arrays.push(Arc::new(Int64Array::from_iter_values(
            keyed.rows.iter().map(|(_, key)| key[k]),
        )));
    }
    for &i in values {
        let f = batch.schema_ref().field(i);
        fields.push(Field::new(f.name(), f.data_type().clone(), true));
        arrays.push(arrow_select::take::take(batch.column(i), &idx, None)?);
    }
    Ok(RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)?)
}

/// Reads a CSV (header row, types inferred from every row) or Parquet file.
pub(crate) fn read_file(path: &Path) -> anyhow::Result<RecordBatch> {
    let shown = path.display();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let batches: Vec<RecordBatch> = if ext == "parquet" {
        let file = std::fs::File::open(path).with_context(|| format!("opening {shown}"))?;
        parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
            .with_context(|| format!("{shown}: not a readable Parquet file"))?
            .build()?
            .collect::<Result<_, _>>()
            .with_context(|| format!("reading {shown}"))?
    } else {
        let format = arrow_csv::reader::Format::default().with_header(true);
        let mut file = std::fs::File::open(path).with_context(|| format!("opening {shown}"))?;
        let (schema, _) = format.infer_schema(&mut file, None).with_context(|| {
            format!("{shown}: not a readable CSV file (a header row, comma-separated, UTF-8)")
        })?;
        let file = std::fs::File::open(path).with_context(|| format!("opening {shown}"))?;
        arrow_csv::ReaderBuilder::new(Arc::new(schema))
            .with_format(format)
            .build(file)?
            .collect::<Result<_, _>>()
            .with_context(|| format!("reading {shown}"))?
    };
    let schema = batches
        .first()
        .map(|b| b.schema())
        .ok_or_else(|| anyhow::anyhow!("{shown}: no rows"))?;
    Ok(arrow_select::concat::concat_batches(&schema, &batches)?)
}
