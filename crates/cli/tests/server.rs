//! `ordo serve` end to end over loopback HTTP: the API answers what the
//! CLI prints (property test over dyads), and hostile requests are refused
//! with a clear 4xx and a JSON error.

#[allow(dead_code)] // each test binary uses part of the helpers
mod common;
#[allow(dead_code)]
#[path = "common/server.rs"]
mod server;

use common::ordo;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::Value;
use server::{encode, Server};

/// One server for every check, stopped when the test ends (also on
/// failure: `Server` kills its process when dropped).
#[test]
fn the_server_end_to_end() {
    let s = Server::start(&["--sql-timeout-ms", "3000", "--max-rows", "1000"]);
    the_dashboard_and_its_api_document_are_served(&s);
    type_ahead_finds_states_by_their_names_in_any_language(&s);
    // Builds the dyad-year frame (if the test store lacks it) before the
    // SQL checks, whose time limit would count the build.
    the_api_answers_what_the_cli_prints(&s);
    hostile_requests_get_a_clear_4xx(&s);
    read_only_sql_answers_and_is_limited(&s);
}

/// `ordo ARGS --format json` as JSON rows (None when the command fails).
fn cli_rows(args: &[&str]) -> Option<Value> {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let o = ordo(&all);
    o.status
        .success()
        .then(|| serde_json::from_slice(&o.stdout).expect("JSON output"))
}

const STATES: [&str; 10] = [
    "ITA", "RUS", "USA", "FRN", "GMY", "UKG", "JPN", "CHN", "TUR", "POL",
];

/// The test table and the cooperation index of any dyad are the same
/// numbers through the API as from the CLI (property test over pairs of
/// states; failures are shrunk to the smallest pair index).
fn the_api_answers_what_the_cli_prints(s: &Server) {
    let mut runner = TestRunner::new(Config {
        cases: 6,
        failure_persistence: None,
        ..Config::default()
    });
    let pairs = (0usize..10, 0usize..10).prop_filter("two states", |(i, j)| i != j);
    runner
        .run(&pairs, |(i, j)| {
            let (a, b) = (STATES[i], STATES[j]);
            let (status, test) = s.get(&format!("/api/test/{a}/{b}"));
            match cli_rows(&["test", a, b]) {
                Some(rows) => {
                    prop_assert_eq!(status, 200, "{}", test);
                    prop_assert_eq!(&test["rows"], &rows);
                    let command = format!("ordo test {a} {b}");
                    prop_assert_eq!(test["command"].as_str(), Some(command.as_str()));
                }
                None => prop_assert_eq!(status, 422),
            }
            let (status, dyad) = s.get(&format!("/api/dyad/{a}/{b}"));
            prop_assert_eq!(status, 200, "{}", dyad);
            prop_assert_eq!(
                &dyad["cooperation"]["rows"],
                &cli_rows(&["cooperation", a, b]).unwrap()
            );
            prop_assert_eq!(&dyad["periods"]["rows"], &cli_rows(&["periods"]).unwrap());
            Ok(())
        })
        .unwrap();
}

fn the_dashboard_and_its_api_document_are_served(s: &Server) {
    let (status, page) = s.get("/");
    assert_eq!(status, 200);
    assert!(page
        .as_str()
        .unwrap()
        .contains("<title>ordo dashboard</title>"));
    let (status, spec) = s.get("/api/openapi.json");
    assert_eq!(status, 200);
    assert_eq!(spec["openapi"], "3.0.3");
    for route in [
        "/api/dyad/{a}/{b}",
        "/api/test/{a}/{b}",
        "/api/events/{a}/{b}",
        "/api/system",
        "/api/sql",
    ] {
        assert!(spec["paths"].get(route).is_some(), "{route} documented");
    }
    let (status, js) = s.get("/static/vendor/uPlot.iife.min.js");
    assert_eq!(status, 200);
    assert!(js.as_str().unwrap().contains("uPlot"));
}

fn type_ahead_finds_states_by_their_names_in_any_language(s: &Server) {
    for (q, abbrev) in [
        ("Soviet Union", "RUS"),
        ("Unione Sovietica", "RUS"),
        ("Россия", "RUS"),
        ("Ital", "ITA"),
        ("Allemagne", "GMY"),
    ] {
        let (status, r) = s.get(&format!("/api/states?q={}", encode(q)));
        assert_eq!(status, 200);
        assert_eq!(r["states"][0]["abbrev"], abbrev, "{q}: {r}");
    }
}

fn read_only_sql_answers_and_is_limited(s: &Server) {
    let q =
        "SELECT year, un_agree FROM dyad_years WHERE ccode1 = 325 AND ccode2 = 365 AND year = 1985";
    let (status, r) = s.get(&format!("/api/sql?q={}", encode(q)));
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["rows"].as_array().unwrap().len(), 1);
    let cli = cli_rows(&["sql", q]).unwrap();
    assert_eq!(r["rows"], cli);
    let (status, r) = s.post("/api/sql", br#"{"sql": "SELECT * FROM cow_states"}"#);
    assert_eq!(status, 200);
    assert_eq!(r["truncated"], false);
    assert_eq!(r["rows"].as_array().unwrap().len(), 243);
    let (status, r) = s.get(&format!(
        "/api/sql?q={}",
        encode("SELECT * FROM dyad_years")
    ));
    assert_eq!(status, 200);
    assert_eq!(
        (
            r["truncated"].as_bool(),
            r["rows"].as_array().unwrap().len()
        ),
        (Some(true), 1000)
    );
    // A query longer than the time limit is cancelled, not left running.
    let slow = "SELECT count(*) FROM dyad_years a JOIN dyad_years b ON a.year = b.year";
    let (status, r) = s.get(&format!("/api/sql?q={}", encode(slow)));
    assert_eq!(status, 403, "{r}");
    assert!(r["error"].as_str().unwrap().contains("limit"), "{r}");
}

fn hostile_requests_get_a_clear_4xx(s: &Server) {
    let cases: Vec<(&str, (u16, Value), &str)> = vec![
        (
            "COPY writes a file",
            s.get(&format!(
                "/api/sql?q={}",
                encode("COPY (SELECT 1) TO '/tmp/ordo-pwned.csv'")
            )),
            "only queries",
        ),
        (
            "DDL reads a file",
            s.post(
                "/api/sql",
                br#"{"sql": "CREATE EXTERNAL TABLE t STORED AS CSV LOCATION '/etc/passwd'"}"#,
            ),
            "only queries",
        ),
        (
            "table function",
            s.get(&format!(
                "/api/sql?q={}",
                encode("SELECT * FROM read_csv('/etc/passwd')")
            )),
            "table functions",
        ),
        (
            "file path as table",
            s.get(&format!(
                "/api/sql?q={}",
                encode("SELECT * FROM '/etc/passwd'")
            )),
            "unknown table",
        ),
        (
            "two statements",
            s.get(&format!(
                "/api/sql?q={}",
                encode("SELECT 1; DROP TABLE cow_states")
            )),
            "exactly one",
        ),
        (
            "malformed JSON",
            s.post("/api/sql", b"{sql: SELECT"),
            "must be JSON",
        ),
        (
            "unknown JSON field",
            s.post("/api/sql", br#"{"sql": "SELECT 1", "path": "/etc"}"#),
            "must be JSON",
        ),
        (
            "huge body",
            s.post("/api/sql", &vec![b' '; 200_000]),
            "bad body",
        ),
        (
            "huge SQL",
            s.get(&format!("/api/sql?q={}", "1".repeat(9000))),
            "longer than",
        ),
        (
            "dot-dot static path",
            s.get("/static/../Cargo.toml"),
            "no such",
        ),
        (
            "encoded dot-dot",
            s.get("/static/%2e%2e/%2e%2e/Cargo.toml"),
            "no such",
        ),
        ("unknown route", s.get("/api/nothing"), "no such page"),
        (
            "unknown state",
            s.get("/api/test/ITA/Atlantis"),
            "unknown state",
        ),
        (
            "same state twice",
            s.get("/api/dyad/ITA/Italia"),
            "two different states",
        ),
        (
            "bad events period",
            s.get("/api/events/ITA/RUS?by=decade"),
            "month, quarter or year",
        ),
    ];
    for (what, (status, body), says) in cases {
        assert!(
            (400..500).contains(&status),
            "{what}: status {status} {body}"
        );
        assert_eq!(
            body["status"].as_u64(),
            Some(u64::from(status)),
            "{what}: JSON error {body}"
        );
        assert!(
            body["error"].as_str().unwrap().contains(says),
            "{what}: {body}"
        );
    }
    assert!(!std::path::Path::new("/tmp/ordo-pwned.csv").exists());
}

/// Where events are ingested, the drill-down's event rows carry their
/// source URLs and the event series is the CLI's.
#[test]
fn event_rows_and_series_come_from_the_event_store() {
    let store = tempfile::tempdir().unwrap();
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/gdelt_v1_georgia_2011_2013");
    let ingest = std::process::Command::new(env!("CARGO_BIN_EXE_ordo"))
        .arg("--store")
        .arg(store.path())
        .args(["ingest", "gdelt", data.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        ingest.status.success(),
        "{}",
        String::from_utf8_lossy(&ingest.stderr)
    );
    let s = Server::start_in(store.path(), &[]);
    // Italy-Russia in the Georgia files: 6 events in 2013-02, 1 in 2013-04.
    let (status, rows) = s.get("/api/events/ITA/RUS/rows?year=2013");
    assert_eq!(status, 200, "{rows}");
    let rows = rows["rows"].as_array().unwrap().clone();
    assert_eq!(rows.len(), 7);
    let feb = rows
        .iter()
        .filter(|r| r["day"].as_str().unwrap().starts_with("2013-02"))
        .count();
    assert_eq!(feb, 6);
    // The 57-column files (to March 2013) have no SOURCEURL: those rows
    // point to their file and line instead; the April row has its URL.
    assert!(rows.iter().all(
        |r| r["file"].as_str().is_some_and(|f| f.ends_with(".csv.gz"))
            && r["line"].as_u64().is_some()
    ));
    let urls: Vec<&str> = rows
        .iter()
        .filter_map(|r| r["source_url"].as_str())
        .collect();
    assert_eq!(
        urls,
        ["http://www.rferl.org/content/georgia-wine-exports/24960600.html"]
    );
    let (status, series) = s.get("/api/events/ITA/RUS?by=month");
    assert_eq!(status, 200, "{series}");
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_ordo"))
        .arg("--store")
        .arg(store.path())
        .args(["events", "ITA", "RUS", "--by", "month", "--format", "json"])
        .output()
        .unwrap();
    assert!(cli.status.success());
    let cli: Value = serde_json::from_slice(&cli.stdout).unwrap();
    assert_eq!(series["rows"], cli);
    assert_eq!(series["command"], "ordo events ITA RUS --by month");
}
