//! Helpers shared by the end-to-end tests: run the binary against one test
//! store, read its CSV output.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
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

/// A path under `../shared/data`, found from the test's directory upwards.
pub fn shared(rel: &str) -> PathBuf {
    let mut here = std::env::current_dir().unwrap();
    loop {
        let cand = here.join("../shared/data").join(rel);
        if cand.exists() {
            return cand;
        }
        assert!(
            here.pop(),
            "no ../shared/data/{rel} above the test directory"
        );
    }
}

/// A CSV row by column name.
pub type Row = BTreeMap<String, String>;

/// Runs `ordo --store STORE ARGS`, which must succeed: its CSV rows by
/// column name, and its stderr (the sources lines).
pub fn rows_in(store: &Path, args: &[&str]) -> (Vec<Row>, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_ordo"))
        .arg("--store")
        .arg(store)
        .args(args)
        .output()
        .expect("ordo runs");
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{args:?}: {err}");
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    let h: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|x| {
            h.iter()
                .cloned()
                .zip(x.unwrap().iter().map(String::from))
                .collect()
        })
        .collect();
    (rows, err)
}
