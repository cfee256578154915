//! GDELT 2.0 Mentions: `ordo ingest mentions` and `ordo events
//! --min-confidence/--min-sources`.
//!
//! No Mentions file is among the shared datasets, so the Mentions rows are
//! written here, in the codebook's 16-column layout, for the real event ids
//! of the Georgia–Russia rows of the GDELT Georgia extracts. Each id gets a
//! confidence and a number of sources by a rule of its position; the
//! expected series is counted from that rule, independently of ordo.

#[allow(dead_code)] // each test binary uses part of the helpers
mod common;

use common::{fails_in as fails, georgia_russia_rows, rows_in, shared, Row};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

/// One Mentions row in the codebook's column order.
fn mention(id: &str, source: &str, sentence: u32, confidence: &str) -> String {
    format!(
        "{id}\t20150218230000\t20150218231500\t1\t{source}\thttps://{source}/story-{id}\t{sentence}\t12\t40\t31\t1\t{confidence}\t2311\t-2.75\t\t"
    )
}

/// What the rows written for an event say of it: (highest confidence,
/// distinct sources); `None`: no mention written.
type Truth = BTreeMap<String, Option<(u32, usize)>>;

/// Mentions for the distinct event ids of `rows`: the k-th id gets
/// k % 5 sources (0: no mention at all), each with two sentences (the
/// second 10 points less confident), the highest confidence 10·(k % 10),
/// every third id one more row with a blank source name (counts for no
/// source), and two rows for an id not in the store.
fn write_mentions(rows: &[Row], path: &Path) -> Truth {
    let ids: BTreeSet<&str> = rows.iter().map(|r| r["event_id"].as_str()).collect();
    let mut truth = Truth::new();
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for (k, id) in ids.iter().enumerate() {
        let (sources, conf) = (k % 5, 10 * (k % 10) as u32);
        for s in 0..sources {
            let name = format!("news{s}.example.ge");
            writeln!(out, "{}", mention(id, &name, 1, &conf.to_string())).unwrap();
            let lower = conf.saturating_sub(10).to_string();
            writeln!(out, "{}", mention(id, &name, 2, &lower)).unwrap();
        }
        if sources > 0 && k % 3 == 0 {
            writeln!(out, "{}", mention(id, "", 4, &conf.to_string())).unwrap();
        }
        truth.insert(id.to_string(), (sources > 0).then_some((conf, sources)));
    }
    writeln!(
        out,
        "{}",
        mention("999999999999", "orphan.example", 1, "100")
    )
    .unwrap();
    writeln!(
        out,
        "{}",
        mention("999999999999", "orphan.example", 2, "90")
    )
    .unwrap();
    truth
}

/// Events per year of the rows whose id passes the thresholds.
fn expected(rows: &[Row], truth: &Truth, conf: u32, sources: usize) -> Vec<(String, i64)> {
    let mut n: BTreeMap<String, i64> = BTreeMap::new();
    for r in rows {
        let year = r["day"][..4].to_string();
        let pass = truth[&r["event_id"]].is_some_and(|(c, s)| c >= conf && s >= sources);
        *n.entry(year).or_default() += i64::from(pass);
    }
    n.into_iter().collect()
}

fn yearly(rows: &[Row]) -> Vec<(String, i64)> {
    rows.iter()
        .map(|r| (r["year"].clone(), r["events"].parse().unwrap()))
        .collect()
}

fn georgia_store(t: &tempfile::TempDir) -> (PathBuf, Vec<Row>, Truth, PathBuf) {
    let store = t.path().join("store");
    let rows = georgia_russia_rows(&store);
    let file = t.path().join("20150218231500.mentions.CSV");
    let truth = write_mentions(&rows, &file);
    (store, rows, truth, file)
}

#[test]
fn thresholds_keep_the_events_the_mentions_support() {
    let t = tempfile::tempdir().unwrap();
    let (store, rows, truth, file) = georgia_store(&t);
    assert_eq!(rows.len(), 121, "the Georgia–Russia rows of the extracts");
    let file = file.to_str().unwrap();
    let (ingested, err) = rows_in(&store, &["ingest", "mentions", file, "--format", "csv"]);
    let lines = std::fs::read_to_string(file).unwrap().lines().count();
    let r = &ingested[0];
    assert_eq!(r["read"], lines.to_string());
    assert_eq!(
        (r["stored"].as_str(), r["quarantined"].as_str()),
        (lines.to_string().as_str(), "0")
    );
    let mentioned = truth.values().filter(|v| v.is_some()).count();
    let with_blank = truth
        .iter()
        .enumerate()
        .filter(|(k, (_, v))| v.is_some() && k % 3 == 0)
        .count();
    let pairs: usize = truth.values().flatten().map(|(_, s)| s).sum::<usize>() + with_blank + 1;
    assert!(
        err.contains(&format!(
            "{pairs} (event, source) pairs of {} events",
            mentioned + 1
        )),
        "{err}"
    );

    let base = ["events", "GEO", "RUS", "--by", "year", "--format", "csv"];
    let (all, _) = rows_in(&store, &base);
    assert_eq!(
        yearly(&all),
        [
            ("2011".into(), 57),
            ("2012".into(), 47),
            ("2013".into(), 17)
        ]
    );
    for (conf, sources) in [(50, 1), (0, 2), (60, 3), (90, 4)] {
        let mut args = base.to_vec();
        let (c, s) = (conf.to_string(), sources.to_string());
        args.extend(["--min-confidence", &c, "--min-sources", &s]);
        let (got, err) = rows_in(&store, &args);
        let want = expected(&rows, &truth, conf, sources);
        // years without a passing event keep their row, with 0 events
        let got: Vec<(String, i64)> = yearly(&got);
        assert_eq!(
            got.iter().filter(|x| x.1 > 0).collect::<Vec<_>>(),
            want.iter().filter(|x| x.1 > 0).collect::<Vec<_>>(),
            "--min-confidence {conf} --min-sources {sources}"
        );
        let kept: i64 = want.iter().map(|x| x.1).sum();
        let none = rows
            .iter()
            .filter(|r| truth[&r["event_id"]].is_none())
            .count();
        assert!(
            err.contains(&format!(
                "{kept} GDELT rows kept, {} removed",
                rows.len() as i64 - kept
            )) && err.contains(&format!("{none} with no ingested mention")),
            "{err}"
        );
    }
    // confidence alone: the highest of an event's sentences counts
    let mut args = base.to_vec();
    args.extend(["--min-confidence", "80"]);
    let (got, _) = rows_in(&store, &args);
    let want = expected(&rows, &truth, 80, 1);
    assert_eq!(
        yearly(&got).iter().map(|x| x.1).sum::<i64>(),
        want.iter().map(|x| x.1).sum::<i64>()
    );

    // the stored pairs, by SQL: one event's sources and confidence
    let (id, (conf, sources)) = truth
        .iter()
        .find_map(|(id, v)| {
            v.filter(|(c, s)| *s == 4 && *c > 0)
                .map(|v| (id.clone(), v))
        })
        .unwrap();
    let q = format!("SELECT source, mentions, confidence FROM event_mentions WHERE event_id = {id} ORDER BY source");
    let (pairs, _) = rows_in(&store, &["sql", &q, "--format", "csv"]);
    let named: Vec<&Row> = pairs.iter().filter(|p| !p["source"].is_empty()).collect();
    assert_eq!(named.len(), sources);
    for p in named {
        assert_eq!(
            (
                p["mentions"].as_str(),
                p["confidence"].parse::<u32>().unwrap()
            ),
            ("2", conf)
        );
    }

    // the same mentions again in another file (lines reversed: new bytes,
    // a second run): a source two runs share still counts once
    let text = std::fs::read_to_string(file).unwrap();
    let again = t.path().join("20150219000000.mentions.CSV");
    let reversed: Vec<&str> = text.lines().rev().collect();
    std::fs::write(&again, reversed.join("\n") + "\n").unwrap();
    rows_in(&store, &["ingest", "mentions", again.to_str().unwrap()]);
    for (conf, sources) in [(0, 2), (90, 4)] {
        let mut args = base.to_vec();
        let (c, s) = (conf.to_string(), sources.to_string());
        args.extend(["--min-confidence", &c, "--min-sources", &s]);
        let (got, _) = rows_in(&store, &args);
        let want = expected(&rows, &truth, conf, sources);
        assert_eq!(
            yearly(&got)
                .into_iter()
                .filter(|x| x.1 > 0)
                .collect::<Vec<_>>(),
            want.into_iter().filter(|x| x.1 > 0).collect::<Vec<_>>(),
            "two runs: --min-confidence {conf} --min-sources {sources}"
        );
    }
}

#[test]
fn mentions_ingest_accounts_for_every_row() {
    let t = tempfile::tempdir().unwrap();
    let store = t.path().join("store");
    let file = t.path().join("bad.mentions.CSV");
    let good = mention("410412347", "bbc.co.uk", 1, "60");
    let mut bytes = Vec::new();
    for line in [
        good.clone(),
        good.rsplit_once('\t').unwrap().0.to_string(), // 15 fields
        mention("410412348", "bbc.co.uk", 1, "high"),
        mention("0", "bbc.co.uk", 1, "50"),
        String::new(), // blank lines are not rows
        mention("410412349", "rt.com", 1, "101"),
    ] {
        bytes.extend(line.as_bytes());
        bytes.push(b'\n');
    }
    bytes.extend(b"410412350\t\xff\xfe\n");
    bytes.extend(mention("410412351", "ansa.it", 3, "100").as_bytes());
    std::fs::write(&file, &bytes).unwrap();
    let f = file.to_str().unwrap();
    let (r, err) = rows_in(&store, &["ingest", "mentions", f, "--format", "csv"]);
    let counts = |r: &Row| {
        ["read", "stored", "duplicates", "quarantined"].map(|c| r[c].parse::<u64>().unwrap())
    };
    assert_eq!(counts(&r[0]), [7, 2, 0, 5]);
    let q = err
        .lines()
        .find_map(|l| l.split("quarantined rows: ").nth(1))
        .unwrap_or_else(|| panic!("{err}"));
    let tsv = std::fs::read_to_string(q.trim()).unwrap();
    let reasons: Vec<(String, String)> = tsv
        .lines()
        .skip(1)
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c[1].to_string(), c[2].to_string())
        })
        .collect();
    assert_eq!(
        reasons,
        [
            (
                "2",
                "expected 16 tab-separated fields (GDELT 2.0 Mentions), found 15"
            ),
            ("3", "Confidence `high` is not an integer from 0 to 100"),
            ("4", "GLOBALEVENTID `0` is not a positive integer"),
            ("6", "Confidence `101` is not an integer from 0 to 100"),
            ("7", "not UTF-8"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert!(tsv.lines().skip(1).all(|l| l.starts_with(f)), "{tsv}");

    // the same bytes again: duplicates, nothing written
    let manifest = std::fs::read(store.join("events/manifest.json")).unwrap();
    let (r, err) = rows_in(&store, &["ingest", "mentions", f, "--format", "csv"]);
    assert_eq!(counts(&r[0]), [7, 0, 2, 5]);
    assert!(err.contains("nothing new: the store is unchanged"), "{err}");
    assert_eq!(
        std::fs::read(store.join("events/manifest.json")).unwrap(),
        manifest
    );

    // zipped, as GDELT publishes them: the same rows, a new file; the
    // pairs' rows add up, their highest confidence does not change
    let zip = t.path().join("20150218231500.mentions.CSV.zip");
    {
        let mut z = zip::ZipWriter::new(std::fs::File::create(&zip).unwrap());
        let o: zip::write::SimpleFileOptions = Default::default();
        z.start_file("20150218231500.mentions.CSV", o).unwrap();
        z.write_all(&bytes).unwrap();
        z.finish().unwrap();
    }
    let (r, _) = rows_in(
        &store,
        &[
            "ingest",
            "mentions",
            zip.to_str().unwrap(),
            "--format",
            "csv",
        ],
    );
    assert_eq!(counts(&r[0]), [7, 2, 0, 5]);
    let (pairs, _) = rows_in(
        &store,
        &["sql", "SELECT event_id, source, SUM(mentions) AS m, MAX(confidence) AS c FROM event_mentions GROUP BY event_id, source ORDER BY event_id", "--format", "csv"],
    );
    let got: Vec<[&str; 4]> = pairs
        .iter()
        .map(|p| [&p["event_id"], &p["source"], &p["m"], &p["c"]].map(String::as_str))
        .collect();
    assert_eq!(
        got,
        [
            ["410412347", "bbc.co.uk", "2", "60"],
            ["410412351", "ansa.it", "2", "100"]
        ]
    );

    // listed with the events files, and not retired
    let (files, _) = rows_in(&store, &["store", "files", "--format", "csv"]);
    assert_eq!(files.len(), 2);
    assert!(
        files.iter().all(|r| r["family"] == "gdelt-mentions"),
        "{files:?}"
    );
    let e = fails(&store, &["store", "retire", "bad.mentions.CSV"]);
    assert!(
        e.contains("is a GDELT 2.0 Mentions file: retiring Mentions is not supported"),
        "{e}"
    );

    // a broken archive names itself, and the store stays as it was
    let before = std::fs::read(store.join("events/manifest.json")).unwrap();
    let broken = t.path().join("20150219.mentions.CSV.zip");
    std::fs::write(&broken, b"PK\x03\x04 not really a zip").unwrap();
    let e = fails(&store, &["ingest", "mentions", broken.to_str().unwrap()]);
    assert!(
        e.contains("20150219.mentions.CSV.zip") && e.contains("not a readable zip archive"),
        "{e}"
    );
    assert_eq!(
        std::fs::read(store.join("events/manifest.json")).unwrap(),
        before
    );

    // a gzip cut short names the file and where reading stopped (the
    // file's first block, line 1); the store stays as it was
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&bytes).unwrap();
    let gz = gz.finish().unwrap();
    let cut = t.path().join("20150219.mentions.CSV.gz");
    std::fs::write(&cut, &gz[..gz.len() / 2]).unwrap();
    let e = fails(&store, &["ingest", "mentions", cut.to_str().unwrap()]);
    assert!(
        e.contains("20150219.mentions.CSV.gz:1: unreadable (broken or truncated file?)"),
        "{e}"
    );
    assert_eq!(
        std::fs::read(store.join("events/manifest.json")).unwrap(),
        before
    );
}

#[test]
fn the_filters_say_what_they_cannot_do() {
    let t = tempfile::tempdir().unwrap();
    let store = t.path().join("store");
    let aug = shared("gdelt_v1_georgia_2011_2013/aug2011.csv.gz");
    let aug = aug.to_str().unwrap();
    rows_in(&store, &["ingest", "gdelt", aug, "--format", "csv"]);
    let e = fails(&store, &["events", "GEO", "RUS", "--min-confidence", "50"]);
    assert!(
        e.contains("the store at")
            && e.contains("has none: ingest them first (ordo ingest mentions"),
        "{e}"
    );
    let e = fails(&store, &["events", "GEO", "RUS", "--min-confidence", "101"]);
    assert!(e.contains("101"), "{e}");
    let m = t.path().join("m.mentions.CSV");
    std::fs::write(&m, mention("1", "a.example", 1, "50") + "\n").unwrap();
    rows_in(
        &store,
        &["ingest", "mentions", m.to_str().unwrap(), "--format", "csv"],
    );
    let e = fails(
        &store,
        &["events", "GEO", "RUS", "--min-sources", "2", "--raw", aug],
    );
    assert!(e.contains("drop --raw, --cluster and --sources"), "{e}");

    // other sources pass untested: every ICEWS row of the sample, counted
    let icews = shared("icews_sample/events.2018.sample.tab");
    let (r, _) = rows_in(
        &store,
        &[
            "ingest",
            "icews",
            icews.to_str().unwrap(),
            "--format",
            "csv",
        ],
    );
    let stored = &r[0]["stored"];
    let (_, err) = rows_in(
        &store,
        &[
            "events",
            "--all-dyads",
            "--by",
            "year",
            "--min-sources",
            "1",
            "--format",
            "csv",
        ],
    );
    assert!(
        err.contains(&format!("{stored} rows of other sources kept untested")),
        "{err}"
    );

    // what a dead ingest left is not read, and the next ingest clears it
    let dead = store.join("events/mentions/mentions-1-1");
    std::fs::create_dir_all(&dead).unwrap();
    std::fs::copy(
        store.join("events/manifest.json"),
        dead.join("mentions.parquet"),
    )
    .unwrap();
    let (n, _) = rows_in(
        &store,
        &[
            "sql",
            "SELECT COUNT(*) AS n FROM event_mentions",
            "--format",
            "csv",
        ],
    );
    assert_eq!(n[0]["n"], "1");
    std::fs::write(&m, mention("2", "b.example", 1, "50") + "\n").unwrap();
    rows_in(
        &store,
        &["ingest", "mentions", m.to_str().unwrap(), "--format", "csv"],
    );
    assert!(!dead.exists());
}
