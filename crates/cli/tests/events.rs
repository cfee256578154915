//! End-to-end tests of the event engine on the real samples in
//! `../shared/data`: ingest counts, de-duplication, quarantine, atomic
//! commits under `kill -9`, and series checked against the independent
//! Python computation in `tests/reference/events_reference.py` (numbers in
//! `tests/reference/events_expected.md` and `events_profiles_expected.md`;
//! the tests do not run Python).

#[allow(dead_code)] // each test binary uses part of the helpers
mod common;

use common::ordo_in as ordo;
use std::path::{Path, PathBuf};

fn data(rel: &str) -> String {
    common::shared(rel).display().to_string()
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

/// CSV output as header + rows of strings.
fn csv(store: &Path, args: &[&str]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut all = args.to_vec();
    all.extend(["--format", "csv"]);
    let out = ok(store, &all);
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let h = r.headers().unwrap().iter().map(String::from).collect();
    (
        h,
        r.records()
            .map(|x| x.unwrap().iter().map(String::from).collect())
            .collect(),
    )
}

fn col(h: &[String], name: &str) -> usize {
    h.iter()
        .position(|c| c == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

fn sum_i(h: &[String], rows: &[Vec<String>], name: &str) -> i64 {
    let c = col(h, name);
    rows.iter().map(|r| r[c].parse::<i64>().unwrap()).sum()
}

fn sum_f(h: &[String], rows: &[Vec<String>], name: &str) -> f64 {
    let c = col(h, name);
    rows.iter()
        .map(|r| r[c].parse::<f64>().unwrap_or(0.0))
        .sum()
}

/// A store holding the 710 rows of the raw GDELT sample.
fn raw_sample_store() -> (tempfile::TempDir, PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let store = t.path().join("store");
    ok(
        &store,
        &[
            "ingest",
            "gdelt",
            &data("gdelt_v1_raw_sample/events_raw.tsv"),
        ],
    );
    (t, store)
}

fn georgia_store() -> (tempfile::TempDir, PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let s = t.path().to_path_buf();
    ok(
        &s,
        &["ingest", "gdelt", &data("gdelt_v1_georgia_2011_2013")],
    );
    (t, s)
}

/// Per-file counts add up, JSON records carry exactly the six keys, the
/// row counts are what `wc -l` implies (header excluded), and the 6
/// GLOBALEVENTIDs two Georgia files share with other dates are 12 events
/// (de-duplication is by id and date; tests/event_errata.rs).
#[test]
fn ingest_counts_match_the_files_and_add_up() {
    let t = tempfile::tempdir().unwrap();
    let out = ok(
        t.path(),
        &[
            "ingest",
            "gdelt",
            &data("gdelt_v1_georgia_2011_2013"),
            "--format",
            "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let recs = v.as_array().unwrap();
    assert_eq!(recs.len(), 23);
    let mut keys: Vec<&str> = recs[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "duplicates",
            "file",
            "quarantined",
            "read",
            "repaired",
            "stored"
        ]
    );
    let n = |r: &serde_json::Value, k: &str| r[k].as_i64().unwrap();
    for r in recs {
        assert_eq!(
            n(r, "read"),
            n(r, "stored") + n(r, "duplicates") + n(r, "quarantined"),
            "{r}"
        );
    }
    let total = |k: &str| recs.iter().map(|r| n(r, k)).sum::<i64>();
    assert_eq!(total("read"), 105_444); // 105,467 lines - 23 headers
    assert_eq!(total("duplicates"), 0);
    assert_eq!(total("stored"), 105_444);
    assert_eq!(total("quarantined"), 0);
    // The second copies of the reused ids (reference table) are stored.
    let stored = |file: &str| {
        recs.iter()
            .find(|r| r["file"].as_str().unwrap().ends_with(file))
            .map(|r| (n(r, "read"), n(r, "stored")))
            .unwrap()
    };
    assert_eq!(stored("oct2011.csv.gz"), (4050, 4050));
    assert_eq!(stored("nov2011.csv.gz"), (5316, 5316));
    assert_eq!(stored("mar2012.csv.gz"), (8441, 8441));
    assert_eq!(stored("sept2012.csv.gz"), (2223, 2223));

    // The raw TSV mixes both GDELT 1.0 layouts; one Italy-Russia row.
    let (h, rows) = csv(
        t.path(),
        &[
            "ingest",
            "gdelt",
            &data("gdelt_v1_raw_sample/events_raw.tsv"),
        ],
    );
    assert_eq!(rows[0][col(&h, "read")], "710");
    assert_eq!(rows[0][col(&h, "stored")], "710");
    let out = ok(t.path(), &["sql", "SELECT count(*) AS n, sum(CASE WHEN source_url IS NULL THEN 1 ELSE 0 END) AS no_url FROM events WHERE file LIKE '%events_raw.tsv'", "--format", "csv"]);
    assert_eq!(out.lines().nth(1), Some("710,201"), "{out}");
    let out = ok(t.path(), &["sql", "SELECT event_code, actor1_code, actor2_code FROM events WHERE ((actor1 = 325 AND actor2 = 365) OR (actor1 = 365 AND actor2 = 325)) AND year = 1982", "--format", "csv"]);
    assert_eq!(out.lines().count(), 2, "{out}");
}

/// Re-ingesting a file leaves the manifest byte for byte as it was; an
/// overlapping ICEWS file is de-duplicated by event id and date.
#[test]
fn reingest_is_a_no_op_and_overlaps_deduplicate() {
    let t = tempfile::tempdir().unwrap();
    let s = t.path();
    let tab = data("icews_sample/events.2018.sample.tab");
    ok(s, &["ingest", "icews", &tab]);
    let manifest = s.join("events/manifest.json");
    let before = std::fs::read(&manifest).unwrap();
    let (h, rows) = csv(s, &["ingest", "icews", &tab]);
    assert_eq!(rows[0][col(&h, "stored")], "0");
    assert_eq!(rows[0][col(&h, "duplicates")], "3705");
    assert_eq!(std::fs::read(&manifest).unwrap(), before);
    // The icews package's parsed copy covers 06-01..03 and overlaps the .tab.
    let (h, rows) = csv(
        s,
        &[
            "ingest",
            "icews",
            &data("icews_sample/icews_sample_20180601_20180603.csv"),
        ],
    );
    assert_eq!(rows[0][col(&h, "read")], "4993");
    assert_eq!(rows[0][col(&h, "duplicates")], "3705");
    assert_eq!(rows[0][col(&h, "stored")], "1288");
}

/// GEO-RUS by month over the Georgia files: equal to the reference table.
#[test]
fn dyad_month_series_match_the_reference() {
    let (_t, s) = georgia_store();
    let (h, rows) = csv(&s, &["events", "GEO", "RUS"]);
    let with_events: Vec<Vec<String>> = rows
        .iter()
        .filter(|r| r[col(&h, "events")] != "0")
        .cloned()
        .collect();
    assert_eq!(with_events.len(), 22);
    let first = &with_events[0];
    let get = |r: &Vec<String>, c: &str| r[col(&h, c)].clone();
    assert_eq!(get(first, "period"), "2011-06");
    for (c, v) in [
        ("events", "8"),
        ("verbal_coop", "8"),
        ("mentions", "18"),
        ("period_total", "5274"),
        ("actor1_total", "160"),
        ("actor2_total", "345"),
    ] {
        assert_eq!(get(first, c), v, "{c}");
    }
    let jul = &with_events[1];
    assert_eq!(get(jul, "goldstein_sum").parse::<f64>().unwrap(), -37.0);
    assert!(
        (get(jul, "goldstein_mean").parse::<f64>().unwrap() - -2.8461538461538463).abs() < 1e-12
    );
    assert!((get(jul, "net_coop").parse::<f64>().unwrap() - -0.07692307692307693).abs() < 1e-12);
    assert!(
        (get(jul, "conflict_share").parse::<f64>().unwrap() - 0.5384615384615384).abs() < 1e-12
    );
    assert_eq!(sum_i(&h, &with_events, "events"), 121);
    for (c, v) in [
        ("verbal_coop", 77),
        ("material_coop", 8),
        ("verbal_conflict", 24),
        ("material_conflict", 12),
        ("mentions", 544),
        // The reference's 102,170 plus the 6 reused-id events, all in
        // months with GEO-RUS events (ids are keyed with their date).
        ("period_total", 102_176),
        ("actor1_total", 2722),
        ("actor2_total", 7832),
    ] {
        assert_eq!(sum_i(&h, &with_events, c), v, "{c}");
    }
    for (c, v) in [
        ("goldstein_sum", 83.1),
        ("goldstein_pos", 240.5),
        ("goldstein_neg", -157.4),
    ] {
        assert!((sum_f(&h, &with_events, c) - v).abs() < 1e-9, "{c}");
    }
    // A month with events in the store but none in the dyad: zero counts,
    // NULL means (never 0).
    let empty = rows.iter().find(|r| r[col(&h, "events")] == "0").unwrap();
    assert_eq!(get(empty, "goldstein_mean"), "");
    assert_eq!(get(empty, "net_coop"), "");

    let (h, rows) = csv(&s, &["events", "RUS", "GEO", "--directed"]);
    assert_eq!(sum_i(&h, &rows, "events"), 55);
    assert!((sum_f(&h, &rows, "goldstein_sum") - -13.7).abs() < 1e-9);
    let (h, rows) = csv(&s, &["events", "GEO", "RUS", "--root-only"]);
    assert_eq!(sum_i(&h, &rows, "events"), 88);
    assert!((sum_f(&h, &rows, "goldstein_sum") - 97.4).abs() < 1e-9);
    let (h, rows) = csv(&s, &["events", "GEO", "RUS", "--by", "year"]);
    let by_year: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r[col(&h, "period")].clone(), r[col(&h, "events")].clone()))
        .collect();
    assert_eq!(
        by_year,
        [
            ("2011".into(), "57".into()),
            ("2012".into(), "47".into()),
            ("2013".into(), "17".into())
        ]
    );
    let (h, rows) = csv(
        &s,
        &[
            "events", "GEO", "RUS", "--by", "year", "--weight", "mentions",
        ],
    );
    assert_eq!(sum_i(&h, &rows, "events"), 544);
    assert!((sum_f(&h, &rows, "goldstein_sum") - 470.0).abs() < 1e-9);
    // The same series as a SQL table of every dyad.
    let out = ok(&s, &["sql", "SELECT count(*), sum(events), sum(verbal_coop) FROM event_dyad_months WHERE actor1 = 365 AND actor2 = 372", "--format", "csv"]);
    assert_eq!(out.lines().nth(1), Some("22,121,77"), "{out}");
    // Italy-Russia in the Georgia files: 6 events in 2013-02, 1 in 2013-04.
    let (h, rows) = csv(&s, &["events", "Italia", "Russia"]);
    let ita: Vec<(String, String)> = rows
        .iter()
        .filter(|r| r[col(&h, "events")] != "0")
        .map(|r| (r[col(&h, "period")].clone(), r[col(&h, "events")].clone()))
        .collect();
    assert_eq!(
        ita,
        [
            ("2013-02".into(), "6".into()),
            ("2013-04".into(), "1".into())
        ]
    );
    assert!((sum_f(&h, &rows, "goldstein_sum") - 29.4).abs() < 1e-9);
}

/// `--raw` over the files gives the same table as the store.
#[test]
fn raw_mode_equals_the_store() {
    let (_t, s) = georgia_store();
    let dir = data("gdelt_v1_georgia_2011_2013");
    for args in [
        vec!["GEO", "RUS"],
        vec!["--all-dyads", "--by", "quarter"],
        vec!["RUS", "GEO", "--sensitivity", "--by", "year"],
    ] {
        let mut store = vec!["events"];
        store.extend(&args);
        let mut raw = store.clone();
        raw.extend(["--raw", dir.as_str()]);
        assert_eq!(csv(&s, &store), csv(&s, &raw), "{args:?}");
    }
}

/// Every profile's totals over the Georgia files equal the reference.
#[test]
fn profiles_match_the_reference() {
    let (_t, s) = georgia_store();
    let (h, rows) = csv(
        &s,
        &[
            "events",
            "--all-dyads",
            "--keys",
            "raw",
            "--directed",
            "--sensitivity",
        ],
    );
    // tests/reference/events_profiles_expected.md, rows under both actor
    // rules (`--sensitivity`): the rule `all` is the reference's
    let expect = [
        ("gdelt@1", 13001, 3387, 0, 20654.0),
        ("icews@1", 12803, 3585, 0, 20524.9),
        ("phoenix@1", 10248, 3585, 2555, 20654.0),
        ("plover@1", 10248, 3585, 2555, 20654.0),
        ("source@1", 13001, 3387, 0, 20659.0),
    ];
    for (p, coop, conflict, neutral, gold) in expect {
        let sel: Vec<Vec<String>> = rows
            .iter()
            .filter(|r| r[col(&h, "profile")] == p && r[col(&h, "actors")] == "all")
            .cloned()
            .collect();
        assert_eq!(sum_i(&h, &sel, "events"), 16388, "{p}");
        assert_eq!(sum_i(&h, &sel, "coop"), coop, "{p}");
        assert_eq!(sum_i(&h, &sel, "conflict"), conflict, "{p}");
        assert_eq!(sum_i(&h, &sel, "neutral"), neutral, "{p}");
        assert!(
            (sum_f(&h, &sel, "goldstein_sum") - gold).abs() < 1e-6,
            "{p}"
        );
    }
    let (h, rows) = csv(
        &s,
        &[
            "events",
            "GEO",
            "RUS",
            "--profile",
            "plover",
            "--by",
            "year",
        ],
    );
    assert_eq!(sum_i(&h, &rows, "consult"), 20);
    assert_eq!(sum_i(&h, &rows, "other"), 27);
}

/// ICEWS country names resolve to COW states: Russia-North Korea has 80
/// events in the two days of the sample (reference, part 5).
#[test]
fn icews_names_resolve() {
    let t = tempfile::tempdir().unwrap();
    let tab = data("icews_sample/events.2018.sample.tab");
    let (h, rows) = csv(
        t.path(),
        &["events", "RUS", "PRK", "--raw", &tab, "--source", "icews"],
    );
    assert_eq!(sum_i(&h, &rows, "events"), 80);
    let (h, rows) = csv(
        t.path(),
        &["events", "RUS", "UKR", "--raw", &tab, "--source", "icews"],
    );
    assert_eq!(sum_i(&h, &rows, "events"), 35);
}

fn good_rows() -> Vec<String> {
    std::fs::read_to_string(data("gdelt_v1_raw_sample/events_raw.tsv"))
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

/// Bad rows are quarantined with file, line and reason and counted; the
/// good rows around them are stored.
#[test]
fn bad_rows_are_quarantined_with_line_and_reason() {
    let t = tempfile::tempdir().unwrap();
    let good = good_rows();
    let mut bytes: Vec<u8> = Vec::new();
    let mut push = |line: &[u8]| {
        bytes.extend_from_slice(line);
        bytes.push(b'\n');
    };
    push(good[0].as_bytes()); // line 1: fine
    push(b"1\t2\t3"); // line 2: 3 fields
    push(good[1].replacen("20150729", "20150732", 1).as_bytes()); // 3: bad date
    let fields: Vec<&str> = good[2].split('\t').collect();
    let mut bad_code = fields.clone();
    bad_code[26] = "999";
    push(bad_code.join("\t").as_bytes()); // 4: unknown event code
    let mut latin1 = good[3].as_bytes().to_vec();
    latin1.extend_from_slice(b"\xe9"); // 5: not UTF-8
    push(&latin1);
    let mut bad_num = fields.clone();
    bad_num[31] = "many";
    push(bad_num.join("\t").as_bytes()); // 6: bad NumMentions
    push(good[4].as_bytes()); // 7: fine
    let file = t.path().join("bad.tsv");
    std::fs::write(&file, &bytes).unwrap();
    let store = t.path().join("store");
    let (h, rows) = csv(&store, &["ingest", "gdelt", file.to_str().unwrap()]);
    assert_eq!(rows[0][col(&h, "read")], "7");
    assert_eq!(rows[0][col(&h, "stored")], "2");
    assert_eq!(rows[0][col(&h, "quarantined")], "5");
    let q = glob_one(&store.join("events/segments"), "quarantine.tsv");
    let text = std::fs::read_to_string(q).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "file\tline\treason\trow");
    let reasons: Vec<(String, String)> = lines[1..]
        .iter()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f[0].ends_with("bad.tsv"));
            (f[1].to_string(), f[2].to_string())
        })
        .collect();
    assert_eq!(reasons[0], ("2".into(), "wrong column count: 3 fields, expected 57, 58 or 61 (GDELT 1.0 back-file, 1.0 daily, 2.0)".into()));
    assert_eq!(reasons[1], ("3".into(), "bad date `20150732`".into()));
    assert_eq!(
        reasons[2],
        ("4".into(), "unknown CAMEO event code `999`".into())
    );
    assert_eq!(reasons[3], ("5".into(), "not UTF-8".into()));
    assert_eq!(reasons[4], ("6".into(), "bad NumMentions `many`".into()));
}

fn glob_one(dir: &Path, name: &str) -> PathBuf {
    for seg in std::fs::read_dir(dir).unwrap() {
        let p = seg.unwrap().path().join(name);
        if p.exists() {
            return p;
        }
    }
    panic!("no {name} under {}", dir.display());
}

/// A truncated gzip fails with an error naming the file, and the store is
/// left as it was.
#[test]
fn broken_archive_fails_cleanly() {
    let (t, store) = raw_sample_store();
    let before = std::fs::read(store.join("events/manifest.json")).unwrap();
    let gz = std::fs::read(data("gdelt_v1_georgia_2011_2013/feb2012.csv.gz")).unwrap();
    let cut = t.path().join("cut.csv.gz");
    std::fs::write(&cut, &gz[..gz.len() / 2]).unwrap();
    let o = ordo(&store, &["ingest", "gdelt", cut.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("cut.csv.gz") && err.contains("truncated"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(store.join("events/manifest.json")).unwrap(),
        before
    );
    let o = ok(
        &store,
        &["sql", "SELECT count(*) FROM events", "--format", "csv"],
    );
    assert_eq!(o.lines().nth(1), Some("710"));
}

/// `kill -9` in the middle of an ingest: the manifest and every table read
/// the same as before; the next ingest clears what the dead run left.
#[test]
fn killed_ingest_leaves_the_store_as_it_was() {
    let (t, store) = raw_sample_store();
    let manifest = store.join("events/manifest.json");
    let before = std::fs::read(&manifest).unwrap();
    // A big file: the 509 daily-format rows repeated with fresh ids.
    let good: Vec<String> = good_rows()
        .into_iter()
        .filter(|l| l.split('\t').count() == 58)
        .collect();
    let big = t.path().join("big.tsv");
    let mut w = std::io::BufWriter::new(std::fs::File::create(&big).unwrap());
    for i in 0..600_000usize {
        let line = &good[i % good.len()];
        let rest = line.split_once('\t').unwrap().1;
        use std::io::Write;
        writeln!(w, "{}\t{rest}", 900_000_000 + i).unwrap();
    }
    drop(w);
    // Killed once the run has written Parquet into its work directory.
    let writing = || {
        std::fs::read_dir(store.join("tmp"))
            .into_iter()
            .flatten()
            .flatten()
            .any(|e| {
                std::fs::read_dir(e.path())
                    .into_iter()
                    .flatten()
                    .flatten()
                    .any(|f| f.file_name().to_string_lossy().starts_with("year="))
            })
    };
    common::kill_once_writing(
        &store,
        &["ingest", "gdelt", big.to_str().unwrap()],
        &writing,
        "ingest",
    );
    assert_eq!(std::fs::read(&manifest).unwrap(), before);
    let o = ok(
        &store,
        &["sql", "SELECT count(*) FROM events", "--format", "csv"],
    );
    assert_eq!(o.lines().nth(1), Some("710"));
    assert!(
        store.join("tmp").read_dir().unwrap().next().is_some(),
        "the dead run's work is left"
    );
    ok(
        &store,
        &[
            "ingest",
            "gdelt",
            &data("gdelt_v1_raw_sample/events_raw.tsv"),
        ],
    );
    assert!(
        store.join("tmp").read_dir().unwrap().next().is_none(),
        "and cleared by the next ingest"
    );
    assert_eq!(std::fs::read(&manifest).unwrap(), before);
}

/// Clear errors for what a user may get wrong.
#[test]
fn usage_errors_are_clear() {
    let t = tempfile::tempdir().unwrap();
    let o = ordo(t.path(), &["events", "ITA", "RUS"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("event store"));
    let o = ordo(
        t.path(),
        &[
            "ingest",
            "csv",
            &data("icews_sample/events.2018.sample.csv"),
            "--map",
            "id=nope",
        ],
    );
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("no column `nope`"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = ordo(
        t.path(),
        &[
            "events",
            "ITA",
            "RUS",
            "--profile",
            "nope",
            "--raw",
            &data("gdelt_v1_raw_sample/events_raw.tsv"),
        ],
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown profile `nope`"));
}

/// Zip archives (members read in name order) and glob patterns.
#[test]
fn zip_members_and_globs_are_read() {
    use std::io::Write;
    let t = tempfile::tempdir().unwrap();
    let zip_path = t.path().join("sample.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let raw = std::fs::read(data("gdelt_v1_raw_sample/events_raw.tsv")).unwrap();
    let cut = raw
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(99)
        .unwrap()
        .0
        + 1;
    z.start_file("b.export.CSV", opts).unwrap();
    z.write_all(&raw[cut..]).unwrap();
    z.start_file("a.export.CSV", opts).unwrap();
    z.write_all(&raw[..cut]).unwrap();
    z.finish().unwrap();
    let store = t.path().join("store");
    let (h, rows) = csv(&store, &["ingest", "gdelt", zip_path.to_str().unwrap()]);
    assert_eq!(rows[0][col(&h, "read")], "710");
    assert_eq!(rows[0][col(&h, "stored")], "710");
    let out = ok(
        &store,
        &[
            "sql",
            "SELECT min(line), max(line), count(DISTINCT file) FROM events",
            "--format",
            "csv",
        ],
    );
    assert_eq!(out.lines().nth(1), Some("1,610,1"), "{out}");
    // A glob over the Georgia files named *2012* (11: December is "december12").
    let pattern = format!("{}/*2012*", data("gdelt_v1_georgia_2011_2013"));
    let (h, rows) = csv(&store, &["ingest", "gdelt", &pattern]);
    assert_eq!(rows.len(), 11);
    assert!(rows.iter().all(|r| r[col(&h, "file")].contains("2012")));
}

/// `--quick` gives the same counts as the full raw query for a dyad, with
/// the volume totals left out.
#[test]
fn quick_raw_query_matches_the_full_one() {
    let t = tempfile::tempdir().unwrap();
    let f = data("gdelt_v1_raw_sample/events_raw.tsv");
    let (h, full) = csv(t.path(), &["events", "ITA", "RUS", "--raw", &f]);
    let (hq, quick) = csv(t.path(), &["events", "ITA", "RUS", "--raw", &f, "--quick"]);
    let with_events: Vec<&Vec<String>> = full
        .iter()
        .filter(|r| r[col(&h, "events")] != "0")
        .collect();
    assert_eq!(with_events.len(), quick.len());
    for (a, b) in with_events.iter().zip(&quick) {
        for c in [
            "period",
            "events",
            "goldstein_sum",
            "mentions",
            "verbal_coop",
        ] {
            assert_eq!(a[col(&h, c)], b[col(&hq, c)], "{c}");
        }
        assert_eq!(b[col(&hq, "period_total")], "");
    }
    assert_eq!(quick.len(), 1);
}
