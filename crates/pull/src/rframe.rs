//! An R data frame written as the CSV of ordo's reference layout.
//!
//! The conventions are those of the reference data directory (its
//! `PROVENANCE.md`): a header row; an integer-valued number written as an
//! integer (`8659`, not `8659.0`), other doubles in their shortest
//! round-trip decimal form and never with an exponent; R's `NA` as an empty
//! field; factors as their labels; `Date` columns as `yyyy-mm-dd`; list
//! columns (a bibliography's authors) joined with `"; "`; logicals as
//! `True`/`False`; minimal quoting and `\n` line ends.

use crate::rdata::{RObject, RValue};
use std::fmt::Write as _;

/// Why a data frame could not be written.
#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    #[error("the R object is a {0}, not a data frame")]
    NotAFrame(String),
    #[error("column `{column}`: {problem}")]
    Column { column: String, problem: String },
    #[error("columns {0:?} were asked for but the data frame has no such columns")]
    MissingColumns(Vec<String>),
}

/// The CSV text of a data frame, keeping only `keep` columns (in the
/// frame's order) when `keep` is not empty.
pub fn frame_to_csv(frame: &RObject, keep: &[String]) -> Result<Vec<u8>, FrameError> {
    let RValue::List(columns) = &frame.value else {
        return Err(FrameError::NotAFrame(frame.kind().to_string()));
    };
    if !frame.inherits("data.frame") {
        return Err(FrameError::NotAFrame(format!(
            "{} of class {:?}",
            frame.kind(),
            frame.strings_of("class")
        )));
    }
    let names = frame.strings_of("names");
    let missing: Vec<String> = keep
        .iter()
        .filter(|k| !names.contains(k))
        .cloned()
        .collect();
    if !missing.is_empty() {
        return Err(FrameError::MissingColumns(missing));
    }
    let rows = row_count(frame, columns);
    let mut cells = Vec::new();
    let mut header = Vec::new();
    for (name, column) in names.iter().zip(columns) {
        if !keep.is_empty() && !keep.contains(name) {
            continue;
        }
        let text = column_text(column, rows).map_err(|problem| FrameError::Column {
            column: name.clone(),
            problem,
        })?;
        header.push(name.clone());
        cells.push(text);
    }
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let csv_err = |e: csv::Error| FrameError::Column {
        column: String::new(),
        problem: e.to_string(),
    };
    out.write_record(&header).map_err(csv_err)?;
    for row in 0..rows {
        out.write_record(cells.iter().map(|c| c[row].as_deref().unwrap_or("")))
            .map_err(csv_err)?;
    }
    out.into_inner().map_err(|e| FrameError::Column {
        column: String::new(),
        problem: e.to_string(),
    })
}

/// Rows from `row.names` (`c(NA, -n)` in compact form), else the first
/// column's length.
fn row_count(frame: &RObject, columns: &[RObject]) -> usize {
    match frame.attribute("row.names").map(|r| &r.value) {
        Some(RValue::Integer(v)) if v.len() == 2 && v[0].is_none() => {
            v[1].map_or(0, |n| n.unsigned_abs() as usize)
        }
        Some(RValue::Integer(v)) => v.len(),
        Some(RValue::Character(v)) => v.len(),
        Some(RValue::Real(v)) => v.len(),
        _ => columns.first().map_or(0, |c| length(&c.value)),
    }
}

fn length(v: &RValue) -> usize {
    match v {
        RValue::Logical(x) => x.len(),
        RValue::Integer(x) => x.len(),
        RValue::Real(x) => x.len(),
        RValue::Character(x) => x.len(),
        RValue::List(x) => x.len(),
        _ => 0,
    }
}

/// One column as text cells, `None` for missing.
fn column_text(column: &RObject, rows: usize) -> Result<Vec<Option<String>>, String> {
    let cells: Vec<Option<String>> = if column.inherits("factor") {
        factor(column)?
    } else if column.inherits("Date") {
        dates(&column.value)?
    } else {
        match &column.value {
            RValue::Logical(v) => v
                .iter()
                .map(|x| x.map(|b| if b { "True" } else { "False" }.to_string()))
                .collect(),
            RValue::Integer(v) => v.iter().map(|x| x.map(|i| i.to_string())).collect(),
            RValue::Real(v) => v.iter().map(|x| x.and_then(number)).collect(),
            RValue::Character(v) => v.clone(),
            RValue::List(items) => items.iter().map(list_cell).collect::<Result<_, _>>()?,
            _ => return Err(format!("a {} column cannot be written", column.kind())),
        }
    };
    if cells.len() != rows {
        return Err(format!("{} values for {rows} rows", cells.len()));
    }
    Ok(cells)
}

/// A double as the reference files write it: integers without a fraction,
/// everything else in the shortest form that reads back to the same double,
/// never with an exponent (Rust's `Display` for `f64` does exactly this).
/// NaN is missing, as in the reference files; infinities are `inf`/`-inf`.
pub fn number(x: f64) -> Option<String> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { "inf" } else { "-inf" }.to_string());
    }
    if x == 0.0 {
        return Some("0".to_string());
    }
    let mut s = String::new();
    let _ = write!(s, "{x}");
    if x.fract() == 0.0 {
        return Some(s);
    }
    // Of the shortest forms that read back to `x`, the reference files
    // (Python's `repr`) take the one nearest to `x`, ties to even; Rust's
    // `Display` breaks an exact tie upwards (667.95001220703125 is written
    // ...313, the reference has ...312). Rust's exact formatting to the
    // same number of digits rounds half to even: use it when it reads back.
    let digits = s
        .bytes()
        .filter(u8::is_ascii_digit)
        .skip_while(|&d| d == b'0')
        .count();
    let exact = format!("{:.*e}", digits.saturating_sub(1), x);
    if exact.parse::<f64>() == Ok(x) {
        return Some(positional(&exact));
    }
    Some(s)
}

/// `d.ddde±x` in positional notation (`6.5e-3` → `0.0065`).
fn positional(scientific: &str) -> String {
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((scientific, "0"));
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let point = exponent + 1;
    let body = if point <= 0 {
        format!("0.{}{digits}", "0".repeat(point.unsigned_abs() as usize))
    } else if point as usize >= digits.len() {
        format!("{digits}{}", "0".repeat(point as usize - digits.len()))
    } else {
        let (int, frac) = digits.split_at(point as usize);
        format!("{int}.{frac}")
    };
    format!("{sign}{body}")
}

fn factor(column: &RObject) -> Result<Vec<Option<String>>, String> {
    let levels = column.strings_of("levels");
    let RValue::Integer(codes) = &column.value else {
        return Err("a factor without integer codes".into());
    };
    codes
        .iter()
        .map(|c| match c {
            None => Ok(None),
            Some(i) => levels
                .get((*i as usize).wrapping_sub(1))
                .cloned()
                .map(Some)
                .ok_or_else(|| format!("factor code {i} has no level")),
        })
        .collect()
}

/// R `Date`s: days since 1970-01-01, stored as doubles or integers.
fn dates(value: &RValue) -> Result<Vec<Option<String>>, String> {
    let day = |d: f64| -> Result<String, String> {
        let date = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
            .and_then(|e| e.checked_add_signed(chrono::TimeDelta::days(d.floor() as i64)))
            .ok_or_else(|| format!("date {d} days from 1970 is out of range"))?;
        Ok(date.format("%Y-%m-%d").to_string())
    };
    match value {
        RValue::Real(v) => v
            .iter()
            .map(|x| x.filter(|d| !d.is_nan()).map(day).transpose())
            .collect(),
        RValue::Integer(v) => v
            .iter()
            .map(|x| x.map(|d| day(d as f64)).transpose())
            .collect(),
        _ => Err("a Date column that is not numeric".into()),
    }
}

/// A list cell: its strings (or numbers) joined with `"; "`; NULL or an
/// all-missing cell is missing.
fn list_cell(item: &RObject) -> Result<Option<String>, String> {
    let parts: Vec<String> = match &item.value {
        RValue::Null => Vec::new(),
        RValue::Character(v) => v.iter().flatten().cloned().collect(),
        RValue::Integer(v) => v.iter().flatten().map(|i| i.to_string()).collect(),
        RValue::Real(v) => v.iter().flatten().filter_map(|x| number(*x)).collect(),
        _ => return Err(format!("a list cell holds a {}", item.kind())),
    };
    Ok((!parts.is_empty()).then(|| parts.join("; ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attr(name: &str, value: RValue) -> (String, RObject) {
        (
            name.to_string(),
            RObject {
                value,
                attributes: vec![],
            },
        )
    }

    fn strings(v: &[&str]) -> RValue {
        RValue::Character(v.iter().map(|s| Some(s.to_string())).collect())
    }

    #[test]
    fn numbers_are_written_as_the_reference_files_write_them() {
        assert_eq!(number(8659.0).as_deref(), Some("8659"));
        assert_eq!(number(0.1).as_deref(), Some("0.1"));
        assert_eq!(number(1e-5).as_deref(), Some("0.00001"));
        assert_eq!(number(1e21).as_deref(), Some("1000000000000000000000"));
        assert_eq!(number(-0.0).as_deref(), Some("0"));
        assert_eq!(number(-2.5).as_deref(), Some("-2.5"));
        // An exact tie between two shortest forms goes to the even digit:
        // 667.95 as a float32 (as COW trade stores it) is 667.95001220703125.
        assert_eq!(
            number(f64::from(667.95_f32)).as_deref(),
            Some("667.9500122070312")
        );
        assert_eq!(number(-0.0065).as_deref(), Some("-0.0065"));
        assert_eq!(number(f64::NAN), None);
    }

    #[test]
    fn a_frame_with_a_factor_a_date_and_a_list_column() {
        let factor = RObject {
            value: RValue::Integer(vec![Some(2), None]),
            attributes: vec![
                attr("levels", strings(&["no", "yes"])),
                attr("class", strings(&["factor"])),
            ],
        };
        let date = RObject {
            value: RValue::Real(vec![Some(-11323.0), None]),
            attributes: vec![attr("class", strings(&["Date"]))],
        };
        let authors = RObject {
            value: RValue::List(vec![
                RObject {
                    value: strings(&["Leeds, B.", "Long, A."]),
                    attributes: vec![],
                },
                RObject {
                    value: RValue::Null,
                    attributes: vec![],
                },
            ]),
            attributes: vec![],
        };
        let frame = RObject {
            value: RValue::List(vec![factor, date, authors]),
            attributes: vec![
                attr("names", strings(&["f", "d", "a"])),
                attr("class", strings(&["tbl_df", "tbl", "data.frame"])),
                attr("row.names", RValue::Integer(vec![None, Some(-2)])),
            ],
        };
        let csv = String::from_utf8(frame_to_csv(&frame, &[]).unwrap()).unwrap();
        assert_eq!(csv, "f,d,a\nyes,1939-01-01,\"Leeds, B.; Long, A.\"\n,,\n");
        let kept = String::from_utf8(frame_to_csv(&frame, &["d".to_string()]).unwrap()).unwrap();
        assert_eq!(kept, "d\n1939-01-01\n\"\"\n");
    }
}
