//! End-to-end runs of the `ordo` binary on the real data directory
//! (`../shared/data` or `$ORDO_DATA`) and on deliberately broken copies.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn ordo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ordo"))
        .args(args)
        .output()
        .expect("ordo runs")
}

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "ordo failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    r.records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect()
}

fn shared_data() -> PathBuf {
    ordo_sources::DataDir::discover(None)
        .unwrap()
        .root()
        .to_path_buf()
}

#[test]
fn resolve_prints_codes_for_names_in_several_languages() {
    let out = stdout(&ordo(&[
        "states",
        "resolve",
        "Italia",
        "Unione Sovietica",
        "Россия",
        "--format",
        "csv",
    ]));
    let rows = csv_rows(&out);
    let codes: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(codes, ["325", "365", "365"]);
    assert!(out.contains("SUN [1922-12-30..1991-12-25]"), "{out}");
}

#[test]
fn list_1938_has_65_members_and_7_majors() {
    let rows = csv_rows(&stdout(&ordo(&[
        "states", "list", "--year", "1938", "--format", "csv",
    ])));
    assert_eq!(rows.len(), 65);
    let majors: Vec<&str> = rows
        .iter()
        .filter(|r| r[3] == "true")
        .map(|r| r[1].as_str())
        .collect();
    assert_eq!(majors, ["USA", "UKG", "FRN", "GMY", "ITA", "RUS", "JPN"]);
}

#[test]
fn show_lists_spells_codes_and_names() {
    let out = stdout(&ordo(&[
        "states",
        "show",
        "Soviet Union",
        "--format",
        "csv",
    ]));
    let rows = csv_rows(&out);
    let has = |section: &str, key: &str, value: &str| {
        rows.iter()
            .any(|r| r[1] == section && r[2] == key && r[3] == value)
    };
    assert!(has("membership", "cow_v2016", "member"));
    assert!(has("code", "cameo", "SUN"));
    assert!(has("code", "fips", "UR"));
    assert!(has("name", "ru/short", "Россия"));
    let majors: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| r[1] == "major_power" && r[2] == "cow_v2016")
        .map(|r| (r[4].as_str(), r[5].as_str()))
        .collect();
    assert_eq!(
        majors,
        [("1816-01-01", "1917-12-05"), ("1922-01-01", "2016-12-31")]
    );
}

#[test]
fn data_status_lists_every_dataset_with_rows_and_checksums() {
    let out = stdout(&ordo(&["data", "status", "--format", "json"]));
    let text = out.as_str();
    for id in ordo_sources::catalog::DATASETS.iter().map(|d| d.id) {
        assert!(
            text.contains(&format!("\"dataset\":\"{id}\"")),
            "{id} missing from status"
        );
    }
    // cow_states.csv: 243 rows (wc -l minus header); sha256 from `sha256sum`.
    assert!(text.contains("\"file\":\"cow_states.csv\",\"status\":\"found\",\"version\":\"v2016\",\"coverage\":\"1816-2016\",\"years_in_file\":\"1816-2016\",\"rows\":243,\"sha256\":\"76733bacf602007038b72e2ebec24d37a34ba6dc36793eb7c894af82e952f735\""), "{text}");
    assert!(!text.contains("\"status\":\"missing\""));
}

#[test]
fn unknown_state_fails_with_suggestions_on_stderr() {
    let o = ordo(&["states", "resolve", "Itlay"]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("unknown state `Itlay`") && err.contains("Italy (325 ITA)"),
        "{err}"
    );
}

#[test]
fn missing_data_directory_is_a_clear_error() {
    let o = ordo(&[
        "--data",
        "/nonexistent/ordo-data",
        "states",
        "list",
        "--year",
        "1938",
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("/nonexistent/ordo-data"));
}

/// A copy of the state-system files with one of them replaced.
fn broken_copy(file: &str, contents: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["cow_states", "cow_majors", "cow_majors_v2024", "gw_states"] {
        let from = shared_data().join(sub);
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let p = entry.unwrap().path();
            std::fs::copy(&p, dir.path().join(sub).join(p.file_name().unwrap())).unwrap();
        }
    }
    std::fs::write(dir.path().join(file), contents).unwrap();
    dir
}

fn fails_with(dir: &Path, expected: &[&str]) {
    let o = ordo(&[
        "--data",
        dir.to_str().unwrap(),
        "states",
        "list",
        "--year",
        "1938",
    ]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    for e in expected {
        assert!(err.contains(e), "expected {e:?} in: {err}");
    }
}

#[test]
fn malformed_state_files_name_file_line_and_column() {
    let header = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\n";
    let d = broken_copy(
        "cow_states/cow_states.csv",
        format!("{header}ITA,325,Italy,1816,2,30,2016,12,31,2016\n").as_bytes(),
    );
    fails_with(
        d.path(),
        &["cow_states.csv:2", "`stday`", "not a valid date"],
    );
    let d = broken_copy(
        "cow_states/cow_states.csv",
        format!("{header}ITA,x25,Italy,1816,1,1,2016,12,31,2016\n").as_bytes(),
    );
    fails_with(d.path(), &["cow_states.csv:2", "`ccode`", "\"x25\""]);
    let d = broken_copy(
        "cow_states/cow_states.csv",
        format!("{header}ITA,325,Italy,1816,1,1\n").as_bytes(),
    );
    fails_with(
        d.path(),
        &["cow_states.csv:2", "6 fields where the header has 10"],
    );
    let d = broken_copy(
        "cow_states/cow_states.csv",
        b"stateabb,statenme\nITA,Italy\n",
    );
    fails_with(d.path(), &["cow_states.csv", "missing column `ccode`"]);
    let latin1 = [
        header.as_bytes(),
        b"ITA,325,It\xe0ly,1816,1,1,2016,12,31,2016\n",
    ]
    .concat();
    let d = broken_copy("cow_states/cow_states.csv", &latin1);
    fails_with(d.path(), &["cow_states.csv:2", "`statenme`", "UTF-8"]);
    let d = broken_copy(
        "gw_states/gw_states.csv",
        b"gwcode,stateabb,statename,startdate,enddate\n325,ITA,Italy,1816-13-01,2017-12-31\n",
    );
    fails_with(d.path(), &["gw_states.csv:2", "`startdate`"]);
}

#[test]
fn official_nmc_layout_with_extra_columns_reads_by_header() {
    // The official NMC release has stateabb and version columns the
    // peacesciencer copy drops; a reader by header name is indifferent.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("cow_nmc")).unwrap();
    std::fs::write(
        dir.path().join("cow_nmc/cow_nmc.csv"),
        "stateabb,ccode,year,milex,milper,irst,pec,tpop,upop,cinc,version\nITA,325,1938,746000,1000,2300,20000,43000,9000,0.0300,2021\n",
    )
    .unwrap();
    let out = stdout(&ordo(&[
        "--data",
        dir.path().to_str().unwrap(),
        "data",
        "status",
        "--format",
        "csv",
    ]));
    let nmc = csv_rows(&out)
        .into_iter()
        .find(|r| r[0] == "cow_nmc")
        .unwrap();
    assert_eq!(
        (nmc[2].as_str(), nmc[5].as_str(), nmc[6].as_str()),
        ("found", "1938-1938", "1")
    );
    let missing = csv_rows(&out)
        .into_iter()
        .find(|r| r[0] == "cow_states")
        .unwrap();
    assert_eq!(missing[2], "missing");
    assert!(missing[10].contains("correlatesofwar.org"), "{missing:?}");
}

#[test]
fn parquet_output_is_written_atomically_with_sources_in_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("members.parquet");
    let o = ordo(&[
        "states",
        "list",
        "--year",
        "2016",
        "--out",
        path.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let file = std::fs::File::open(&path).unwrap();
    let reader = parquet::file::reader::SerializedFileReader::new(file).unwrap();
    use parquet::file::reader::FileReader;
    let meta = reader.metadata().file_metadata();
    assert_eq!(meta.num_rows(), 195);
    let kv = meta.key_value_metadata().unwrap();
    assert!(kv.iter().any(|k| k
        .value
        .as_deref()
        .is_some_and(|v| v.contains("cow_states.csv (243 rows"))));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");
}

#[test]
fn parquet_to_a_terminal_is_refused() {
    let o = ordo(&["states", "list", "--year", "2016", "--format", "parquet"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--out"));
}

#[test]
fn every_command_has_help_with_examples() {
    for cmd in [
        &["data", "status"][..],
        &["states", "resolve"],
        &["states", "list"],
        &["states", "show"],
        &[],
    ] {
        let mut args = cmd.to_vec();
        args.push("--help");
        let out = stdout(&ordo(&args));
        assert!(out.contains("Examples:"), "{cmd:?}: {out}");
    }
}
