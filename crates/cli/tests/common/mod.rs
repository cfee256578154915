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
    ordo_in(&store(), args)
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

/// Runs `ordo --store STORE ARGS`, for tests that keep their own stores.
pub fn ordo_in(store: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ordo"))
        .arg("--store")
        .arg(store)
        .args(args)
        .output()
        .expect("ordo runs")
}

/// Runs `ordo --store STORE ARGS`, which must succeed: its CSV rows by
/// column name, and its stderr (the sources lines).
pub fn rows_in(store: &Path, args: &[&str]) -> (Vec<Row>, String) {
    let o = ordo_in(store, args);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{args:?}: {err}");
    (records(csv::Reader::from_reader(o.stdout.as_slice())), err)
}

/// Every record of a CSV with a header, by column name.
pub fn records<R: std::io::Read>(mut r: csv::Reader<R>) -> Vec<Row> {
    let h: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|x| {
            h.iter()
                .cloned()
                .zip(x.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

/// Ingests the real Georgia GDELT extracts into `store` and gives their
/// Georgia–Russia rows (both directions, day order): the real rows the
/// reader tests rewrite into other sources' layouts.
pub fn georgia_russia_rows(store: &Path) -> Vec<Row> {
    let data = shared("gdelt_v1_georgia_2011_2013");
    rows_in(
        store,
        &["ingest", "gdelt", data.to_str().unwrap(), "--format", "csv"],
    );
    rows_in(
        store,
        &[
            "sql",
            "SELECT event_id, CAST(day AS VARCHAR) AS day, event_code, root_code, goldstein, actor1_code, actor2_code FROM events WHERE dyad = 365372 AND actor1 <> actor2 ORDER BY day, event_id",
            "--format",
            "csv",
        ],
    )
    .0
}

/// Runs `ordo --store STORE ARGS`, which must fail: its stderr.
pub fn fails_in(store: &Path, args: &[&str]) -> String {
    let o = ordo_in(store, args);
    assert!(!o.status.success(), "ordo {args:?} should fail");
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs `ordo --store STORE ARGS`, which must succeed: its CSV output as
/// rows of strings (header first), and its stderr.
pub fn table_in(store: &Path, args: &[&str]) -> (Vec<Vec<String>>, String) {
    let o = ordo_in(store, args);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "ordo {args:?} failed: {err}");
    let rows = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(o.stdout.as_slice())
        .records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect();
    (rows, err)
}

/// Starts `ordo --store STORE ARGS` and kills it (SIGKILL) as soon as
/// `writing` says it has begun writing: the crash the atomicity tests
/// recover from. `what` names the command in the failure messages.
pub fn kill_once_writing(store: &Path, args: &[&str], writing: &dyn Fn() -> bool, what: &str) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ordo"))
        .arg("--store")
        .arg(store)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while !writing() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "{what} finished before it could be killed"
        );
        assert!(
            started.elapsed().as_secs() < 60,
            "{what} never started writing"
        );
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
}
