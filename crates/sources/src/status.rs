//! `ordo data status`: for every dataset ordo knows, whether it is present,
//! where, which version, which years it actually covers, how many rows it has
//! and the SHA-256 of its bytes — the facts a reader needs to reproduce a
//! number.

use crate::catalog::{DatasetSpec, FileSpec, DATASETS};
use crate::data_dir::DataDir;
use crate::table::{Col, CsvTable, ReadError};
use sha2::{Digest, Sha256};
use std::path::PathBuf;

/// What was found for one file (or file family) of a dataset.
#[derive(Debug)]
pub enum Found {
    Missing {
        expected: PathBuf,
    },
    Present {
        path: PathBuf,
        /// Number of files matched (1 unless the spec is a `*` pattern).
        files: usize,
        rows: u64,
        /// Smallest and largest year found in the year columns.
        years: Option<(i32, i32)>,
        /// SHA-256 of the file; for a family of files, SHA-256 of the
        /// `sha256sum`-style listing (`<hash>  <name>\n` per file, sorted).
        sha256: String,
    },
    Unreadable {
        path: PathBuf,
        error: ReadError,
    },
}

/// The status of one catalog file.
#[derive(Debug)]
pub struct FileStatus {
    pub dataset: &'static DatasetSpec,
    pub file: &'static FileSpec,
    pub found: Found,
}

/// Checks every file of every dataset in the catalog, reading each file once.
pub fn check(dir: &DataDir) -> Vec<FileStatus> {
    DATASETS
        .iter()
        .flat_map(|dataset| {
            dataset.files.iter().map(move |file| FileStatus {
                dataset,
                file,
                found: check_file(dir, dataset, file),
            })
        })
        .collect()
}

fn check_file(dir: &DataDir, dataset: &DatasetSpec, file: &FileSpec) -> Found {
    let paths = dir.files(dataset, file);
    if paths.is_empty() {
        return Found::Missing {
            expected: dir.expected(dataset, file),
        };
    }
    let mut rows = 0;
    let mut years: Option<(i32, i32)> = None;
    let mut listing = String::new();
    let mut last_sha = String::new();
    for path in &paths {
        match scan(path, dataset, file) {
            Ok(Scan {
                rows: n,
                years: y,
                sha256: sha,
            }) => {
                rows += n;
                years = merge(years, y);
                let name = path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                listing.push_str(&format!("{sha}  {name}\n"));
                last_sha = sha;
            }
            Err(error) => {
                return Found::Unreadable {
                    path: path.clone(),
                    error,
                }
            }
        }
    }
    let sha256 = if paths.len() == 1 {
        last_sha
    } else {
        crate::hashing::hex(&Sha256::digest(listing.as_bytes()))
    };
    Found::Present {
        path: if paths.len() == 1 {
            paths[0].clone()
        } else {
            dir.expected(dataset, file)
        },
        files: paths.len(),
        rows,
        years,
        sha256,
    }
}

/// What a full read of one file found.
struct Scan {
    rows: u64,
    years: Option<(i32, i32)>,
    sha256: String,
}

/// Reads one file fully: rows, year range, hash.
fn scan(path: &std::path::Path, dataset: &DatasetSpec, file: &FileSpec) -> Result<Scan, ReadError> {
    let mut table = CsvTable::open(path, file.layout, dataset.id)?;
    let cols = file
        .year_columns
        .iter()
        .map(|name| match name.strip_prefix('#') {
            Some(index) => Ok(Col::at(index.parse().unwrap_or(0), name)),
            None => table.column(name),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut years = None;
    while let Some(row) = table.next_row()? {
        for col in &cols {
            if let Some(y) = row.opt_str(col)?.and_then(leading_year) {
                years = merge(years, Some((y, y)));
            }
        }
    }
    let used = table.finish()?;
    Ok(Scan {
        rows: used.rows,
        years,
        sha256: used.sha256,
    })
}

/// The year at the start of `1938`, `1938-12-31` or `19381231`; `None` for
/// anything else (missing-value codes such as `-9` included).
fn leading_year(value: &str) -> Option<i32> {
    let v = value.trim().trim_matches('"');
    let digits = v.bytes().take_while(u8::is_ascii_digit).count();
    let year_like = digits == 4 || (digits == 8 && v.len() == 8);
    if !year_like || (digits == 4 && v.len() > 4 && !v[4..].starts_with(['-', '.'])) {
        return None;
    }
    v[..4].parse().ok()
}

fn merge(a: Option<(i32, i32)>, b: Option<(i32, i32)>) -> Option<(i32, i32)> {
    match (a, b) {
        (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
        (x, None) | (None, x) => x,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_read_from_years_dates_and_compact_dates() {
        assert_eq!(leading_year("1938"), Some(1938));
        assert_eq!(leading_year("1938-12-31"), Some(1938));
        assert_eq!(leading_year("19381231"), Some(1938));
        assert_eq!(leading_year("2006.5781"), Some(2006));
        assert_eq!(leading_year("-9"), None);
        assert_eq!(leading_year("12345"), None);
        assert_eq!(leading_year(""), None);
    }
}
