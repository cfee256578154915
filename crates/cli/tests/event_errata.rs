//! Errata and quirks of the event data as released, repaired or
//! quarantined by `ordo ingest` (docs/events.md, "Errata and quirks
//! repaired"; evidence in docs/notes/event-sources.md §4–5).
//!
//! Every fixture is made at test time from real rows of `../shared/data`
//! (the raw GDELT sample, the Georgia extracts, the ICEWS 2018 sample)
//! rewritten into one quirk, plus hand-made rows where a case has no real
//! row; the expected counts were checked by hand against the rows.

#[allow(dead_code)] // each test binary uses part of the helpers
mod common;

use common::shared;
use std::path::Path;

/// Runs ordo, which must succeed; its CSV output and its notes (stderr).
fn run(store: &Path, args: &[&str]) -> (Vec<Vec<String>>, String) {
    let mut all = args.to_vec();
    all.extend(["--format", "csv"]);
    common::table_in(store, &all)
}

/// The ingest table's counts for its one file: read, stored, duplicates,
/// quarantined, repaired; and the notes.
fn ingest(store: &Path, source: &str, file: &Path) -> ([u64; 5], String) {
    let (rows, notes) = run(store, &["ingest", source, &file.display().to_string()]);
    assert_eq!(
        rows[0],
        [
            "file",
            "read",
            "stored",
            "duplicates",
            "quarantined",
            "repaired"
        ]
    );
    let n = |i: usize| rows[1][i].parse::<u64>().unwrap();
    ([n(1), n(2), n(3), n(4), n(5)], notes)
}

fn sql(store: &Path, query: &str) -> Vec<Vec<String>> {
    run(store, &["sql", query]).0.split_off(1)
}

/// Reasons in the store's quarantine files, one per quarantined row.
fn quarantine_reasons(store: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let segs = store.join("events/segments");
    for seg in std::fs::read_dir(segs).unwrap() {
        let q = seg.unwrap().path().join("quarantine.tsv");
        if let Ok(text) = std::fs::read_to_string(q) {
            out.extend(
                text.lines()
                    .skip(1)
                    .map(|l| l.split('\t').nth(2).unwrap().to_string()),
            );
        }
    }
    out
}

fn count(reasons: &[String], prefix: &str) -> usize {
    reasons.iter().filter(|r| r.starts_with(prefix)).count()
}

/// The raw GDELT sample's rows as fields (509 of 58 fields, then 201 of
/// 57).
fn gdelt_rows() -> Vec<Vec<String>> {
    std::fs::read_to_string(shared("gdelt_v1_raw_sample/events_raw.tsv"))
        .unwrap()
        .lines()
        .map(|l| l.split('\t').map(String::from).collect())
        .collect()
}

fn write_rows(path: &Path, rows: &[Vec<String>]) {
    let text: String = rows.iter().map(|r| r.join("\t") + "\n").collect();
    std::fs::write(path, text).unwrap();
}

/// GdeltForge `date_1920` and `event_markers` on real rows: 10 rows dated
/// 1920 and added 2020-01-02 are stored in 2020 (month and day kept), 3
/// added in 2018 are quarantined, `---` and `X` codes have their own
/// reasons, untouched rows (7 daily, 3 back-file rows of 1982) are stored
/// as they are.
#[test]
fn gdelt_1920_dates_are_repaired_and_marker_codes_quarantined() {
    let real = gdelt_rows();
    let mut rows = Vec::new();
    for (i, r) in real[..25].iter().enumerate() {
        let mut r = r.clone();
        match i {
            0..=12 => {
                r[1] = format!("1920{}", &r[1][4..]);
                r[56] = if i < 10 { "20200102" } else { "20180315" }.into();
            }
            20..=22 => [r[26], r[27], r[28]] = ["---".into(), "---".into(), "--".into()],
            23..=24 => [r[26], r[27], r[28]] = ["X".into(), "X".into(), "X".into()],
            _ => {}
        }
        rows.push(r);
    }
    rows.extend(real[509..512].iter().cloned());
    let t = tempfile::tempdir().unwrap();
    let file = t.path().join("gdelt_1920.tsv");
    write_rows(&file, &rows);
    let store = t.path().join("store");
    let (counts, notes) = ingest(&store, "gdelt", &file);
    assert_eq!(counts, [28, 20, 0, 8, 10]);
    assert!(
        notes.contains(
            "gdelt_1920_date repaired 10 rows: date in 1920 with DATEADDED 2019-12-31..2020-01-05"
        ),
        "{notes}"
    );
    let got = sql(
        &store,
        "SELECT event_id, CAST(day AS VARCHAR) AS d FROM events WHERE year = 2020 ORDER BY event_id",
    );
    let want = [
        ("564111644", "2020-07-31"),
        ("564111654", "2020-07-29"),
        ("564111664", "2020-07-29"),
        ("564111674", "2020-06-28"),
        ("564111684", "2020-07-21"),
        ("564111694", "2020-07-21"),
        ("564111704", "2020-07-27"),
        ("564111714", "2020-07-27"),
        ("564111724", "2020-07-27"),
        ("564111734", "2020-07-27"),
    ];
    let got: Vec<(&str, &str)> = got.iter().map(|r| (r[0].as_str(), r[1].as_str())).collect();
    assert_eq!(got, want);
    assert_eq!(
        sql(&store, "SELECT count(*), min(year) FROM events"),
        [["20", "1982"]]
    );
    let reasons = quarantine_reasons(&store);
    assert_eq!(reasons.len(), 8);
    assert_eq!(
        count(
            &reasons,
            "date before 1979 with DATEADDED `20180315` (SQLDATE `1920"
        ),
        3
    );
    assert_eq!(count(&reasons, "null event code (CAMEO `---`)"), 3);
    assert_eq!(count(&reasons, "undocumented event code `X`"), 2);
    // Read raw, the repaired CAN->USA row (564111684) is in 2020 too.
    let (rows, _) = run(
        &store,
        &[
            "events",
            "CAN",
            "USA",
            "--keys",
            "raw",
            "--directed",
            "--by",
            "year",
            "--raw",
            &file.display().to_string(),
        ],
    );
    let year = rows[0].iter().position(|c| c == "period").unwrap();
    let events = rows[0].iter().position(|c| c == "events").unwrap();
    let hits: Vec<(&str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[year].as_str(), r[events].as_str()))
        .filter(|(_, n)| *n != "0")
        .collect();
    assert_eq!(hits, [("2020", "1")]);
}

/// Padded country and event codes (GdeltForge `normalize`) are trimmed:
/// the padded copy of 30 real rows stores exactly what the original does,
/// and all 30 rows count as repaired (every event code was padded).
#[test]
fn padded_codes_store_what_the_clean_rows_store() {
    let real = gdelt_rows();
    let clean: Vec<Vec<String>> = real[..30].to_vec();
    let padded: Vec<Vec<String>> = clean
        .iter()
        .map(|r| {
            let mut r = r.clone();
            r[26] = format!(" {} ", r[26]);
            if !r[7].is_empty() {
                r[7] = format!("  {}", r[7]);
            }
            if r[17].is_empty() {
                r[17] = "   ".into();
            }
            r
        })
        .collect();
    let t = tempfile::tempdir().unwrap();
    let (a, b) = (t.path().join("clean.tsv"), t.path().join("padded.tsv"));
    write_rows(&a, &clean);
    write_rows(&b, &padded);
    let (sa, sb) = (t.path().join("a"), t.path().join("b"));
    assert_eq!(ingest(&sa, "gdelt", &a).0, [30, 30, 0, 0, 0]);
    let (counts, notes) = ingest(&sb, "gdelt", &b);
    assert_eq!(counts, [30, 30, 0, 0, 30]);
    assert!(notes.contains("trimmed repaired 30 rows"), "{notes}");
    let q = "SELECT event_id, actor1_code, actor2_code, actor1, actor2, event_code, root_code, day FROM events ORDER BY event_id";
    let stored = sql(&sa, q);
    assert_eq!(stored.len(), 30);
    assert_eq!(sql(&sb, q), stored);
}

/// The Georgia extracts reuse 6 GLOBALEVENTIDs in two monthly files with
/// other dates, actors and codes: keyed by id and date they are 12 events,
/// all 105,444 rows are stored, and the notes say which files reuse ids.
/// A real duplicate (the same file again, unzipped so its bytes differ)
/// is still dropped row by row.
#[test]
fn reused_gdelt_ids_are_distinct_events_and_duplicates_still_drop() {
    let t = tempfile::tempdir().unwrap();
    let store = t.path().join("store");
    let dir = shared("gdelt_v1_georgia_2011_2013");
    let (rows, notes) = run(&store, &["ingest", "gdelt", &dir.display().to_string()]);
    let total = |c: usize| {
        rows[1..]
            .iter()
            .map(|r| r[c].parse::<u64>().unwrap())
            .sum::<u64>()
    };
    assert_eq!(
        [total(1), total(2), total(3), total(4), total(5)],
        [105_444, 105_444, 0, 0, 0]
    );
    for (file, note) in [
        ("oct2011.csv.gz", "2 rows reuse event ids"),
        ("nov2011.csv.gz", "2 rows reuse event ids"),
        ("mar2012.csv.gz", "1 row reuses an event id"),
        ("sept2012.csv.gz", "1 row reuses an event id"),
    ] {
        assert!(
            notes.contains(&format!("{file}: {note} already seen with another date")),
            "{file}: {notes}"
        );
    }
    assert_eq!(notes.matches("already seen with another date").count(), 4);
    let reused = sql(
        &store,
        "SELECT event_id, count(DISTINCT day) FROM events GROUP BY event_id HAVING count(*) > 1 ORDER BY event_id",
    );
    let ids: Vec<&str> = reused.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        ids,
        [
            "233583981",
            "233586967",
            "233593809",
            "233595435",
            "233596613",
            "233609230"
        ]
    );
    assert!(reused.iter().all(|r| r[1] == "2"));
    // The same rows again under other bytes (an empty gzip member
    // appended: same text, another SHA-256): all duplicates.
    let mut gz = std::fs::read(dir.join("july2011.csv.gz")).unwrap();
    gz.extend([
        0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    let copy = t.path().join("july2011-again.csv.gz");
    std::fs::write(&copy, gz).unwrap();
    assert_eq!(ingest(&store, "gdelt", &copy).0, [6303, 0, 6303, 0, 0]);
}

/// The ICEWS 2018 sample as lines (header first).
fn icews_lines() -> Vec<String> {
    std::fs::read_to_string(shared("icews_sample/events.2018.sample.tab"))
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

fn write_lines(path: &Path, lines: &[String]) {
    std::fs::write(
        path,
        lines.iter().map(|l| format!("{l}\n")).collect::<String>(),
    )
    .unwrap();
}

/// Every line with the cells of column `name` replaced by `f(cell)`, or
/// the column dropped (header included) where `f` gives `None`.
fn map_column(lines: &[String], name: &str, f: &dyn Fn(&str) -> Option<String>) -> Vec<String> {
    let at = lines[0].split('\t').position(|c| c == name).unwrap();
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let mut cells: Vec<String> = l.split('\t').map(String::from).collect();
            // The header keeps its name unless the column goes.
            let new = f(if i == 0 { "" } else { &cells[at] });
            match new {
                Some(v) if i > 0 => cells[at] = v,
                Some(_) => {}
                None => {
                    cells.remove(at);
                }
            }
            cells.join("\t")
        })
        .collect()
}

const ICEWS_ROWS: &str = "SELECT event_id, CAST(day AS VARCHAR) AS d, event_code, actor1_code, actor2_code, actor1, actor2, goldstein FROM events ORDER BY event_id, d";

/// `Events.2017.20201006.tab` has no `CAMEO Code` column (icews #69, #73,
/// #74): the real sample without it stores every row with the code the
/// column gave, rebuilt from `Event Text`; two hand-made rows with texts
/// the codebook lacks are quarantined.
#[test]
fn icews_codes_are_rebuilt_from_event_text() {
    let lines = icews_lines();
    let mut no_code = map_column(&lines, "CAMEO Code", &|_| None);
    let last = no_code.last().unwrap().clone();
    for (id, text) in [("90000001", "Consultation"), ("90000002", "NA")] {
        let mut cells: Vec<&str> = last.split('\t').collect();
        let at = lines[0]
            .split('\t')
            .position(|c| c == "Event Text")
            .unwrap();
        cells[0] = id;
        cells[at] = text;
        no_code.push(cells.join("\t"));
    }
    let t = tempfile::tempdir().unwrap();
    let (a, b) = (
        t.path().join("events.2018.tab"),
        t.path().join("Events.2018.nocode.tab"),
    );
    write_lines(&a, &lines);
    write_lines(&b, &no_code);
    let (sa, sb) = (t.path().join("a"), t.path().join("b"));
    assert_eq!(ingest(&sa, "icews", &a).0, [3705, 3705, 0, 0, 0]);
    let (counts, notes) = ingest(&sb, "icews", &b);
    assert_eq!(counts, [3707, 3705, 0, 2, 3705]);
    assert!(
        notes.contains("icews_code_from_text repaired 3705 rows"),
        "{notes}"
    );
    assert_eq!(sql(&sb, ICEWS_ROWS), sql(&sa, ICEWS_ROWS));
    let reasons = quarantine_reasons(&sb);
    assert_eq!(
        count(
            &reasons,
            "Event Text `Consultation` is not an event of the ICEWS codebook"
        ),
        1
    );
    assert_eq!(count(&reasons, "Event Text `NA` is not an event"), 1);
}

/// icews #78: `13y` with "Threaten with repression" is 137; with another
/// text, or another code with letters, the row is quarantined. Ten real
/// rows, three edited.
#[test]
fn icews_13y_is_repaired_only_with_its_text() {
    let lines = icews_lines();
    let h: Vec<&str> = lines[0].split('\t').collect();
    let (code, text) = (
        h.iter().position(|c| *c == "CAMEO Code").unwrap(),
        h.iter().position(|c| *c == "Event Text").unwrap(),
    );
    let mut out = vec![lines[0].clone()];
    for (i, l) in lines[1..11].iter().enumerate() {
        let mut cells: Vec<&str> = l.split('\t').collect();
        match i {
            0 => [cells[code], cells[text]] = ["13y", "Threaten with repression"],
            1 => [cells[code], cells[text]] = ["13y", "Threaten"],
            2 => cells[code] = "1O4",
            _ => {}
        }
        out.push(cells.join("\t"));
    }
    let t = tempfile::tempdir().unwrap();
    let file = t.path().join("events.2017.tab");
    write_lines(&file, &out);
    let store = t.path().join("store");
    let (counts, notes) = ingest(&store, "icews", &file);
    assert_eq!(counts, [10, 8, 0, 2, 1]);
    assert!(notes.contains("icews_13y repaired 1 row"), "{notes}");
    let first_id = lines[1].split('\t').next().unwrap();
    assert_eq!(
        sql(
            &store,
            &format!("SELECT event_code FROM events WHERE event_id = {first_id}")
        ),
        [["137"]]
    );
    let reasons = quarantine_reasons(&store);
    assert_eq!(
        count(
            &reasons,
            "non-numeric CAMEO Code `13y` (Event Text `Threaten`)"
        ),
        1
    );
    assert_eq!(count(&reasons, "non-numeric CAMEO Code `1O4`"), 1);
}

/// `m/d/yyyy` (icews #57): the real sample's dates rewritten month-first
/// (`6/1/2018`) are read only when a date of the file proves the order
/// (here a hand-made row dated `6/13/2018`); then every stored day equals
/// the original's. Without the proof, or with a day-first date as well,
/// the slash dates are quarantined.
#[test]
fn icews_mdy_dates_are_read_month_first_when_the_file_proves_it() {
    let lines = icews_lines();
    let mdy = map_column(&lines, "Event Date", &|d| {
        let p: Vec<&str> = d.split('-').collect();
        Some(if p.len() == 3 {
            format!(
                "{}/{}/{}",
                p[1].trim_start_matches('0'),
                p[2].trim_start_matches('0'),
                p[0]
            )
        } else {
            d.to_string()
        })
    });
    assert!(mdy[1].contains("\t6/1/2018\t"));
    let extra = |id: &str, date: &str| {
        let mut cells: Vec<String> = mdy.last().unwrap().split('\t').map(String::from).collect();
        cells[0] = id.into();
        cells[1] = date.into();
        cells.join("\t")
    };
    let t = tempfile::tempdir().unwrap();
    let original = t.path().join("events.2018.tab");
    write_lines(&original, &lines);
    let so = t.path().join("original");
    ingest(&so, "icews", &original);

    let mut proved = mdy.clone();
    proved.push(extra("90000001", "6/13/2018"));
    let file = t.path().join("Events.2018.mdy.tab");
    write_lines(&file, &proved);
    let store = t.path().join("proved");
    let (counts, notes) = ingest(&store, "icews", &file);
    assert_eq!(counts, [3706, 3706, 0, 0, 3706]);
    assert!(
        notes.contains("read month-first, as line 3707 (`6/13/2018`) proves"),
        "{notes}"
    );
    assert!(
        notes.contains("icews_mdy_date repaired 3706 rows"),
        "{notes}"
    );
    let q = |store: &Path| {
        sql(
            store,
            &format!(
                "{} ",
                ICEWS_ROWS.replace("FROM events", "FROM events WHERE event_id < 90000000")
            ),
        )
    };
    assert_eq!(q(&store), q(&so));
    assert_eq!(
        sql(
            &store,
            "SELECT CAST(day AS VARCHAR) AS d FROM events WHERE event_id = 90000001"
        ),
        [["2018-06-13"]]
    );

    let unproved = t.path().join("Events.2018.unproved.tab");
    write_lines(&unproved, &mdy);
    let s2 = t.path().join("unproved");
    let (counts, notes) = ingest(&s2, "icews", &unproved);
    assert_eq!(counts, [3705, 0, 0, 3705, 0]);
    assert!(notes.contains("no date has a number above 12"), "{notes}");
    let reasons = quarantine_reasons(&s2);
    assert_eq!(
        count(
            &reasons,
            "Event Date `6/1/2018`: no date of this file has a number above 12"
        ),
        2359
    );
    assert_eq!(
        count(
            &reasons,
            "Event Date `6/2/2018`: no date of this file has a number above 12"
        ),
        1346
    );

    let mut mixed = proved.clone();
    mixed.push(extra("90000002", "13/6/2018"));
    mixed.push(extra("90000003", "6/6/2018"));
    let file = t.path().join("Events.2018.mixed.tab");
    write_lines(&file, &mixed);
    let s3 = t.path().join("mixed");
    let (counts, notes) = ingest(&s3, "icews", &file);
    // Only `6/6/2018` reads the same either way.
    assert_eq!(counts, [3708, 1, 0, 3707, 1]);
    assert!(
        notes.contains(
            "month-first at line 3707 (`6/13/2018`) but day-first at line 3708 (`13/6/2018`)"
        ),
        "{notes}"
    );
    let reasons = quarantine_reasons(&s3);
    assert_eq!(count(&reasons, "Event Date `6/1/2018`: the file mixes month-first (line 3707: `6/13/2018`) and day-first (line 3708: `13/6/2018`) dates"), 2359);
}

/// icews #80 (rows that are entire duplicates of others) and #21 (an id
/// reused on another date): five real rows repeated are duplicates; a
/// real row's id under another date is a new event, noted.
#[test]
fn icews_repeated_rows_are_duplicates_and_reused_ids_are_events() {
    let mut lines = icews_lines();
    let repeated: Vec<String> = lines[1..6].to_vec();
    lines.extend(repeated);
    lines.push(lines[7].replacen("\t2018-06-01\t", "\t2018-06-03\t", 1));
    let t = tempfile::tempdir().unwrap();
    let file = t.path().join("events.2021.tab");
    write_lines(&file, &lines);
    let store = t.path().join("store");
    let (counts, notes) = ingest(&store, "icews", &file);
    assert_eq!(counts, [3711, 3706, 5, 0, 0]);
    assert!(
        notes.contains("1 row reuses an event id already seen with another date"),
        "{notes}"
    );
}
