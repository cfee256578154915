//! End-to-end tests of the event store's revisions on real rows of
//! `../shared/data`: `ordo store files`, `ordo store retire` and `ordo
//! ingest --replace`.
//!
//! Counts checked by hand against the files (Python's csv module over the
//! gzipped files, outside the tests): july2011.csv.gz holds 6,303 rows
//! (13 Georgia–Russia), aug2011.csv.gz 5,894 (18 Georgia–Russia), no
//! GLOBALEVENTID in common; the ICEWS sample holds 3,705 rows with
//! distinct (Event ID, Event Date).

#[allow(dead_code)] // each test binary uses part of the helpers
mod common;

use common::{fails_in as fails, ordo_in as ordo};
use std::path::{Path, PathBuf};

fn data(rel: &str) -> String {
    common::shared(rel).display().to_string()
}

fn georgia(name: &str) -> String {
    data(&format!("gdelt_v1_georgia_2011_2013/{name}.csv.gz"))
}

fn ok(store: &Path, args: &[&str]) -> String {
    let o = ordo(store, args);
    assert!(
        o.status.success(),
        "ordo {args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

/// CSV output as rows of strings, header first.
fn csv(store: &Path, args: &[&str]) -> Vec<Vec<String>> {
    let mut all = args.to_vec();
    all.extend(["--format", "csv"]);
    let out = ok(store, &all);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(out.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// The one value of a one-row SQL answer.
fn sql1(store: &Path, query: &str) -> String {
    csv(store, &["sql", query])[1][0].clone()
}

fn column(rows: &[Vec<String>], name: &str) -> Vec<String> {
    let c = rows[0].iter().position(|h| h == name).unwrap();
    rows[1..].iter().map(|r| r[c].clone()).collect()
}

const TOTALS: &str = "SELECT day, actor, is_root, events, mentions, sources, articles FROM event_totals ORDER BY day, actor, is_root";

/// Two Georgia files ingested in one run (one segment, so retiring one
/// rewrites it); retiring August removes exactly its 5,894 rows and
/// leaves the store an ingest of July alone makes: July's rows untouched,
/// totals recomputed, the GEO–RUS series that of July alone.
#[test]
fn retiring_a_georgia_file_removes_exactly_its_rows() {
    let t = tempfile::tempdir().unwrap();
    let store = t.path().join("store");
    let (july, aug) = (georgia("july2011"), georgia("aug2011"));
    ok(&store, &["ingest", "gdelt", &july, &aug]);
    assert_eq!(sql1(&store, "SELECT count(*) FROM events"), "12197");
    let geo_rus = csv(&store, &["events", "GEO", "RUS"]);
    assert_eq!(column(&geo_rus, "period"), ["2011-07", "2011-08"]);
    assert_eq!(column(&geo_rus, "events"), ["13", "18"]);
    let july_rows = format!(
        "SELECT event_id, day, actor1, actor2, event_code, goldstein, mentions, line FROM events WHERE file = '{july}' ORDER BY event_id"
    );
    let july_before = ok(&store, &["sql", &july_rows, "--format", "csv"]);

    let retired = csv(&store, &["store", "retire", "aug2011.csv.gz"]);
    assert_eq!(column(&retired, "file"), std::slice::from_ref(&aug));
    assert_eq!(column(&retired, "rows_removed"), ["5894"]);
    assert_eq!(column(&retired, "action"), ["retired"]);

    assert_eq!(sql1(&store, "SELECT count(*) FROM events"), "6303");
    assert_eq!(
        sql1(
            &store,
            &format!("SELECT count(*) FROM events WHERE file = '{aug}'")
        ),
        "0"
    );
    assert_eq!(
        ok(&store, &["sql", &july_rows, "--format", "csv"]),
        july_before
    );
    assert_eq!(
        sql1(
            &store,
            "SELECT sum(events) FROM event_totals WHERE actor = 0"
        ),
        "6303"
    );
    // Totals and series are those of a store that only ever saw July.
    let alone = t.path().join("alone");
    ok(&alone, &["ingest", "gdelt", &july]);
    assert_eq!(
        ok(&store, &["sql", TOTALS, "--format", "csv"]),
        ok(&alone, &["sql", TOTALS, "--format", "csv"])
    );
    let after = csv(&store, &["events", "GEO", "RUS"]);
    assert_eq!(column(&after, "period"), ["2011-07"]);
    assert_eq!(column(&after, "events"), ["13"]);
    assert_eq!(after, csv(&alone, &["events", "GEO", "RUS"]));
}

/// `ordo store files` lists every file with its counts and status; the
/// history keeps the retired one; names that are unknown, ambiguous or
/// already retired are errors that name the file.
#[test]
fn store_files_lists_active_and_retired_files() {
    let t = tempfile::tempdir().unwrap();
    let store = t.path().join("store");
    let (july, aug) = (georgia("july2011"), georgia("aug2011"));
    ok(&store, &["ingest", "gdelt", &july]);
    ok(&store, &["ingest", "gdelt", &aug]);
    let files = csv(&store, &["store", "files"]);
    assert_eq!(
        files[0],
        [
            "file",
            "family",
            "segment",
            "committed",
            "sha256",
            "bytes",
            "read",
            "stored",
            "duplicates",
            "quarantined",
            "repaired",
            "status",
            "revised"
        ]
    );
    assert_eq!(column(&files, "file"), [july.clone(), aug.clone()]);
    assert_eq!(column(&files, "stored"), ["6303", "5894"]);
    assert_eq!(column(&files, "bytes"), ["194128", "183952"]);
    assert_eq!(column(&files, "status"), ["active", "active"]);
    let segments = column(&files, "segment");
    assert_ne!(segments[0], segments[1], "two runs, two segments");

    let out = ok(&store, &["store", "retire", &aug, "--format", "csv"]);
    assert!(out.contains(",5894,5894,retired"), "{out}");
    let files = csv(&store, &["store", "files"]);
    assert_eq!(column(&files, "file"), [july.clone(), aug.clone()]);
    assert_eq!(column(&files, "status"), ["active", "retired"]);
    assert_eq!(
        column(&files, "segment"),
        segments,
        "August's own segment was dropped whole"
    );
    assert!(!column(&files, "revised")[1].is_empty());
    assert_eq!(
        column(&csv(&store, &["store", "files", "--active"]), "file"),
        std::slice::from_ref(&july)
    );
    assert_eq!(sql1(&store, "SELECT count(*) FROM events"), "6303");

    let e = fails(&store, &["store", "retire", "aug2011.csv.gz"]);
    assert!(e.contains(&aug) && e.contains("already retired"), "{e}");
    let e = fails(&store, &["store", "retire", "sept2011.csv.gz"]);
    assert!(e.contains("sept2011.csv.gz") && e.contains(&july), "{e}");

    // The same name in two directories: the name alone is ambiguous.
    let (a, b) = (t.path().join("a"), t.path().join("b"));
    for dir in [&a, &b] {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::copy(georgia("sept2011"), dir.join("sept2011.csv.gz")).unwrap();
    }
    let (a, b) = (
        a.join("sept2011.csv.gz").display().to_string(),
        b.join("sept2011.csv.gz").display().to_string(),
    );
    ok(&store, &["ingest", "gdelt", &a, &b]);
    let e = fails(&store, &["store", "retire", "sept2011.csv.gz"]);
    assert!(
        e.contains("ambiguous") && e.contains(&a) && e.contains(&b),
        "{e}"
    );
    let out = ok(&store, &["store", "retire", &b, "--format", "csv"]);
    assert!(
        out.contains(",0,0,retired"),
        "b's rows were all duplicates of a's: {out}"
    );
    assert_eq!(
        sql1(&store, "SELECT count(*) FROM events"),
        (6303 + 5856).to_string()
    );
}

/// A weekly-named copy of the real ICEWS sample, then an annual re-release
/// of it with every 10th row dropped and the row after each recoded to
/// CAMEO 190: without --replace the annual file adds nothing (first copy
/// wins); with it, its rows replace the weekly file's in one commit.
#[test]
fn an_annual_icews_release_replaces_the_weekly_file() {
    let t = tempfile::tempdir().unwrap();
    let sample = std::fs::read_to_string(data("icews_sample/events.2018.sample.tab")).unwrap();
    let mut lines = sample.lines();
    let header = lines.next().unwrap();
    let rows: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    assert_eq!(rows.len(), 3705);
    let mut annual = vec![header.to_string()];
    let (mut dropped, mut recoded) = (Vec::new(), Vec::new());
    for (i, row) in rows.iter().enumerate() {
        let mut f: Vec<&str> = row.split('\t').collect();
        match i % 10 {
            0 => dropped.push(f[0].to_string()),
            1 if f[6] != "190" => {
                recoded.push(f[0].to_string());
                (f[5], f[6], f[7]) = ("Use conventional military force", "190", "-10");
                annual.push(f.join("\t"));
            }
            _ => annual.push(row.to_string()),
        }
    }
    // Hand-checked: 371 rows dropped (i = 0, 10, …, 3700), 365 recoded
    // (6 of the i % 10 == 1 rows already had 190).
    assert_eq!(
        (dropped.len(), recoded.len(), annual.len() - 1),
        (371, 365, 3334)
    );
    assert_eq!(
        (dropped[0].as_str(), recoded[0].as_str()),
        ("32889836", "32889837")
    );
    let weekly = t.path().join("20180601-icews-events.tab");
    std::fs::write(&weekly, &sample).unwrap();
    let annual_path = t.path().join("events.2018.20190101.tab");
    std::fs::write(&annual_path, annual.join("\n") + "\n").unwrap();
    let (weekly, annual_path) = (
        weekly.display().to_string(),
        annual_path.display().to_string(),
    );
    let code_of = |store: &Path, id: &str| {
        sql1(
            store,
            &format!("SELECT event_code FROM events WHERE event_id = {id}"),
        )
    };

    // First copy wins: the annual file alone adds nothing.
    let plain = t.path().join("plain");
    ok(&plain, &["ingest", "icews", &weekly]);
    let out = csv(&plain, &["ingest", "icews", &annual_path]);
    assert_eq!(column(&out, "stored"), ["0"]);
    assert_eq!(column(&out, "duplicates"), ["3334"]);
    assert_eq!(code_of(&plain, "32889837"), "040");

    // --replace: the name rules find the weekly file.
    let store = t.path().join("store");
    ok(&store, &["ingest", "icews", &weekly]);
    let out = csv(&store, &["ingest", "icews", &annual_path, "--replace"]);
    assert_eq!(column(&out, "stored"), ["3334"]);
    assert_eq!(column(&out, "duplicates"), ["0"]);
    assert_eq!(column(&out, "replaces"), std::slice::from_ref(&weekly));
    assert_eq!(column(&out, "rows_removed"), ["3705"]);
    assert_eq!(sql1(&store, "SELECT count(*) FROM events"), "3334");
    assert_eq!(
        sql1(
            &store,
            &format!("SELECT count(*) FROM events WHERE file = '{annual_path}'")
        ),
        "3334"
    );
    let ids = |v: &[String]| v.join(", ");
    assert_eq!(
        sql1(
            &store,
            &format!(
                "SELECT count(*) FROM events WHERE event_id IN ({})",
                ids(&dropped)
            )
        ),
        "0"
    );
    assert_eq!(
        sql1(
            &store,
            &format!(
                "SELECT count(*) FROM events WHERE event_code = '190' AND event_id IN ({})",
                ids(&recoded)
            )
        ),
        "365"
    );
    assert_eq!(code_of(&store, "32889837"), "190");
    assert_eq!(
        sql1(
            &store,
            "SELECT sum(events) FROM event_totals WHERE actor = 0"
        ),
        "3334"
    );
    let files = csv(&store, &["store", "files"]);
    assert_eq!(
        column(&files, "file"),
        [annual_path.clone(), weekly.clone()]
    );
    assert_eq!(
        column(&files, "status"),
        ["active".to_string(), format!("replaced by {annual_path}")]
    );

    // Again: nothing is superseded (same contents), the store is unchanged.
    let manifest = store.join("events/manifest.json");
    let before = std::fs::read(&manifest).unwrap();
    let out = csv(&store, &["ingest", "icews", &annual_path, "--replace"]);
    assert_eq!(column(&out, "rows_removed"), ["0"]);
    assert_eq!(std::fs::read(&manifest).unwrap(), before);

    // --supersedes names the file whatever the names: the same store.
    let named = t.path().join("named");
    ok(&named, &["ingest", "icews", &weekly]);
    let revised = t.path().join("revised.tab");
    std::fs::copy(&annual_path, &revised).unwrap();
    let revised = revised.display().to_string();
    let out = csv(
        &named,
        &[
            "ingest",
            "icews",
            &revised,
            "--supersedes",
            "20180601-icews-events.tab",
        ],
    );
    assert_eq!(column(&out, "rows_removed"), ["3705"]);
    let all = "SELECT event_id, day, event_code, goldstein, actor1, actor2 FROM events ORDER BY event_id, day";
    assert_eq!(
        ok(&named, &["sql", all, "--format", "csv"]),
        ok(&store, &["sql", all, "--format", "csv"])
    );
    let e = fails(
        &named,
        &[
            "ingest",
            "icews",
            &annual_path,
            "--supersedes",
            "nosuch.tab",
        ],
    );
    assert!(e.contains("nosuch.tab") && e.contains("revised.tab"), "{e}");
}

/// `kill -9` while a retire rewrites a 306,000-row year file: the
/// manifest is byte for byte what it was and every query answers as
/// before; the next write clears the dead run's work and retires.
#[test]
fn killed_retire_leaves_the_store_as_it_was() {
    let t = tempfile::tempdir().unwrap();
    let store = t.path().join("store");
    // 300,000 real daily-format rows, fresh ids, all in August 2011: the
    // retire of aug2011 must rewrite them all (one year file).
    let raw = std::fs::read_to_string(data("gdelt_v1_raw_sample/events_raw.tsv")).unwrap();
    let good: Vec<&str> = raw
        .lines()
        .filter(|l| l.split('\t').count() == 58)
        .collect();
    let big = t.path().join("big.tsv");
    {
        use std::io::Write;
        let mut w = std::io::BufWriter::new(std::fs::File::create(&big).unwrap());
        for i in 0..300_000usize {
            let mut f: Vec<String> = good[i % good.len()].split('\t').map(String::from).collect();
            f[0] = (900_000_000 + i).to_string();
            f[1] = format!("201108{:02}", 1 + i % 28);
            writeln!(w, "{}", f.join("\t")).unwrap();
        }
    }
    let aug = georgia("aug2011");
    ok(&store, &["ingest", "gdelt", big.to_str().unwrap(), &aug]);
    let manifest = store.join("events/manifest.json");
    let before = std::fs::read(&manifest).unwrap();
    let count = "SELECT count(*) FROM events";
    assert_eq!(sql1(&store, count), "305894");
    let totals_before = ok(&store, &["sql", TOTALS, "--format", "csv"]);

    // Killed once it writes the rewritten year file in its work directory.
    let writing = || {
        std::fs::read_dir(store.join("tmp"))
            .into_iter()
            .flatten()
            .flatten()
            .any(|e| {
                std::fs::read_dir(e.path().join("year=2011"))
                    .into_iter()
                    .flatten()
                    .next()
                    .is_some()
            })
    };
    common::kill_once_writing(
        &store,
        &["store", "retire", "aug2011.csv.gz"],
        &writing,
        "retire",
    );
    assert_eq!(std::fs::read(&manifest).unwrap(), before);
    assert_eq!(sql1(&store, count), "305894");
    assert_eq!(
        ok(&store, &["sql", TOTALS, "--format", "csv"]),
        totals_before
    );
    assert!(
        store.join("tmp").read_dir().unwrap().next().is_some(),
        "the dead run's work is left"
    );

    let out = csv(&store, &["store", "retire", "aug2011.csv.gz"]);
    assert_eq!(column(&out, "rows_removed"), ["5894"]);
    assert!(
        store.join("tmp").read_dir().unwrap().next().is_none(),
        "and cleared by the next write"
    );
    assert_eq!(sql1(&store, count), "300000");
    let dirs: Vec<PathBuf> = std::fs::read_dir(store.join("events/segments"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(
        dirs.len(),
        1,
        "only the rewritten segment is left: {dirs:?}"
    );
}
