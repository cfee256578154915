//! Helpers shared by the end-to-end tests: run the binary against one test
//! store, read its CSV output.

use std::path::PathBuf;
use std::process::{Command, Output};

/// One store for all tests of a binary: a frame is built by the first test
/// that needs it and read from the Parquet cache by the others.
pub fn store() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("ordo-test-store")
}

/// Runs `ordo --store <test store> ARGS`.
pub fn ordo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ordo"))
        .arg("--store")
        .arg(store())
        .args(args)
        .output()
        .expect("ordo runs")
}

/// Runs ordo, which must succeed, and parses its CSV output.
pub fn csv_of(args: &[&str]) -> (Vec<String>, Vec<Vec<String>>) {
    let o = ordo(args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    let header = r.headers().unwrap().iter().map(String::from).collect();
    (
        header,
        r.records()
            .map(|x| x.unwrap().iter().map(String::from).collect())
            .collect(),
    )
}

/// Index of a named column.
pub fn col(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}
