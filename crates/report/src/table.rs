//! Tables of the report as text cells, shared by the HTML and Markdown
//! writers so both show the same digits.

use arrow_array::RecordBatch;
use arrow_schema::DataType;

/// Header and rows of display strings.
pub struct Cells {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Decimals shown for floating-point values. The report is for reading;
/// the full precision is in `ordo <command> --format csv` (the command is
/// printed under each table).
pub const DECIMALS: usize = 3;

/// The columns `columns` of `batch` (all when empty) as strings; NULL is
/// an empty cell.
pub fn cells(batch: &RecordBatch, columns: &[&str]) -> Cells {
    let schema = batch.schema();
    let picked: Vec<usize> = if columns.is_empty() {
        (0..schema.fields().len()).collect()
    } else {
        columns
            .iter()
            .filter_map(|c| schema.index_of(c).ok())
            .collect()
    };
    let header = picked
        .iter()
        .map(|&i| schema.field(i).name().clone())
        .collect();
    let columns: Vec<Vec<String>> = picked
        .iter()
        .map(|&i| column_strings(batch.column(i)))
        .collect();
    let rows = (0..batch.num_rows())
        .map(|r| columns.iter().map(|c| c[r].clone()).collect())
        .collect();
    Cells { header, rows }
}

fn column_strings(col: &arrow_array::ArrayRef) -> Vec<String> {
    use arrow_array::cast::AsArray;
    use arrow_array::Array;
    let n = col.len();
    match col.data_type() {
        DataType::Float64 => {
            let a = col.as_primitive::<arrow_array::types::Float64Type>();
            (0..n)
                .map(|i| {
                    if a.is_null(i) {
                        String::new()
                    } else {
                        float(a.value(i))
                    }
                })
                .collect()
        }
        _ => {
            let a = arrow_cast::cast(col, &DataType::Utf8).expect("every column casts to text");
            let s = a.as_string::<i32>();
            (0..n)
                .map(|i| {
                    if s.is_null(i) {
                        String::new()
                    } else {
                        s.value(i).to_string()
                    }
                })
                .collect()
        }
    }
}

/// A float with `DECIMALS` decimals, `-0.000` shown as `0.000`.
pub fn float(v: f64) -> String {
    fixed(v, DECIMALS)
}

/// A float with `d` decimals and no negative zero (a rounded tiny negative
/// value reads as `0`, not `-0`).
pub fn fixed(v: f64, d: usize) -> String {
    let s = format!("{v:.d$}");
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        s[1..].to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ordo::frame::Frame;

    #[test]
    fn floats_are_rounded_nulls_are_empty_and_columns_are_picked() {
        let b = Frame::new()
            .int("year", [Some(1936), Some(1937)])
            .float("x", [Some(-0.0004), None])
            .text("t", [Some("a"), Some("b")])
            .build()
            .unwrap();
        let c = cells(&b, &["year", "x"]);
        assert_eq!(c.header, vec!["year", "x"]);
        assert_eq!(c.rows, vec![vec!["1936", "0.000"], vec!["1937", ""]]);
        assert_eq!(float(2.0 / 3.0), "0.667");
        assert_eq!(cells(&b, &[]).header.len(), 3);
    }
}
