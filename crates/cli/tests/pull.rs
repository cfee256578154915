//! ordo as a new user meets it, on a machine without `../shared`: from a
//! directory with nothing beside it, `ordo report` without data says what to
//! run; `ordo data pull` through a loopback mirror of the upstream bytes
//! fills the user data directory; the report then equals the one written
//! from the reference data directory, and a first `ordo report` with no
//! data pulls what it needs by itself. Nothing here reaches the internet.

#[path = "../../pull/tests/common/archives.rs"]
mod archives;
#[path = "../../pull/tests/common/mirror_server.rs"]
mod mirror_server;

use archives::shared;
use mirror_server::MirrorServer;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

/// `ordo ARGS` run as a new user: working directory `home/work` (no
/// `../shared` above it), `HOME=home`, no ordo or XDG variables set.
fn as_new_user(home: &Path, args: &[&str], extra_env: &[(&str, &str)]) -> Output {
    let work = home.join("work");
    std::fs::create_dir_all(&work).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ordo"));
    cmd.current_dir(&work).env_clear().env("HOME", home);
    if let Some(path) = std::env::var_os("PATH") {
        cmd.env("PATH", path);
    }
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    cmd.args(args).output().expect("ordo runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// dataset/file -> sha256 from `ordo data status` over `data`.
fn status_shas(home: &Path, data: &Path) -> BTreeMap<String, String> {
    let o = as_new_user(
        home,
        &[
            "data",
            "status",
            "--data",
            data.to_str().unwrap(),
            "--format",
            "csv",
        ],
        &[],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    let h = r.headers().unwrap().clone();
    let at = |n: &str| h.iter().position(|x| x == n).unwrap();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            (
                format!("{}/{}", &rec[at("dataset")], &rec[at("file")]),
                rec[at("sha256")].to_string(),
            )
        })
        .collect()
}

#[test]
fn a_new_user_is_told_to_pull_then_pulls_and_gets_the_same_report() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let server = MirrorServer::start(&shared("mirror"), vec![]);

    // No data, offline: the error says what to run and names nothing the
    // user does not have.
    let o = as_new_user(&home, &["report", "ITA", "RUS"], &[("ORDO_OFFLINE", "1")]);
    assert!(!o.status.success());
    let err = text(&o.stderr);
    assert!(err.contains("ordo data pull --for report"), "{err}");
    assert!(err.contains(".local/share/ordo/data"), "{err}");
    assert!(
        !err.contains("PROVENANCE") && !err.contains("shared"),
        "{err}"
    );
    let o = as_new_user(&home, &["data", "status"], &[]);
    assert!(
        text(&o.stderr).contains("Run `ordo data pull`"),
        "{}",
        text(&o.stderr)
    );

    // The pull, into the user data directory.
    let o = as_new_user(
        &home,
        &["data", "pull", "--mirror", &server.base, "--format", "csv"],
        &[],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let table = text(&o.stdout);
    assert_eq!(
        table.lines().filter(|l| l.contains(",installed,")).count(),
        48,
        "{table}"
    );
    let pulled = home.join(".local/share/ordo/data");

    // Every file equals the reference but for the bytes of the gzipped
    // ones, which differ only in compression (their content is compared
    // by crates/pull/tests/pull.rs).
    let reference = shared("data");
    let (got, want) = (status_shas(&home, &pulled), status_shas(&home, &reference));
    assert_eq!(got.len(), want.len());
    let differing: Vec<&String> = got.keys().filter(|k| got[*k] != want[*k]).collect();
    assert_eq!(
        differing,
        [
            "cow_mindist/cow_mindist.csv.gz",
            "gdelt_v1_georgia_2011_2013/*.csv.gz"
        ],
        "only the gzipped files may differ in bytes"
    );

    // The same report from both directories, paths and those checksums aside.
    let out = tmp.path().join("reports");
    let report = |data: &Path, name: &str| -> String {
        let o = as_new_user(
            &home,
            &[
                "report",
                "ITA",
                "RUS",
                "--data",
                data.to_str().unwrap(),
                "--store",
                tmp.path().join(name).to_str().unwrap(),
                "--out",
                out.join(name).to_str().unwrap(),
            ],
            &[],
        );
        assert!(o.status.success(), "{}", text(&o.stderr));
        let html =
            std::fs::read_to_string(out.join(name).join("ordo-report-ITA-RUS.html")).unwrap();
        html.replace(data.to_str().unwrap(), "DATA")
            .replace(out.join(name).to_str().unwrap(), "OUT")
            .replace(tmp.path().join(name).to_str().unwrap(), "STORE")
    };
    let mut from_reference = report(&reference, "ref");
    for key in &differing {
        from_reference = from_reference.replace(&want[*key], &got[*key]);
    }
    let from_pull = report(&pulled, "pulled");
    assert!(
        !from_pull.contains("../shared")
            && !from_pull.contains("shared/seeds")
            && !from_pull.contains("shared/data"),
        "the report mentions ../shared"
    );
    assert!(from_pull.contains("Natalizia, Gabriele, and Mara Morini. 2020."));
    assert!(from_pull == from_reference, "the reports differ");
}

#[test]
fn a_first_report_without_data_pulls_what_it_needs() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let server = MirrorServer::start(&shared("mirror"), vec![]);
    let o = as_new_user(
        &home,
        &["report", "ITA", "RUS", "--mirror", &server.base],
        &[],
    );
    let err = text(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("No data directory found: pulling the 37 datasets the report needs (4.3 MB)"),
        "{err}"
    );
    assert!(
        err.contains(&format!("from the mirror {}", server.base)),
        "{err}"
    );
    assert!(home.join("work/reports/ordo-report-ITA-RUS.html").is_file());
    assert!(home
        .join(".local/share/ordo/data/cow_nmc/ordo-pull.toml")
        .is_file());
    assert!(
        !home
            .join(".local/share/ordo/data/gdelt_v1_georgia_2011_2013")
            .exists(),
        "only what the report needs"
    );
}

/// The per-file accounting (read, stored, duplicates, quarantined) of an
/// ingest table in CSV.
fn accounting(csv_text: &[u8]) -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_reader(csv_text);
    r.records()
        .map(|rec| rec.unwrap().iter().skip(1).map(String::from).collect())
        .collect()
}

#[test]
fn gdelt_and_icews_archives_are_pulled_and_ingested_with_the_accounting() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let mirror = tmp.path().join("mirror");
    let (daily, _) = archives::gdelt_archive(&mirror, false);
    archives::dataverse_mirror(&mirror);
    let server = MirrorServer::start(&mirror, vec![]);
    let store = |name: &str| tmp.path().join(name).display().to_string();
    let data = shared("data").display().to_string();

    // Pulls with --ingest into store `s`, ingests `file` directly into a
    // second store; the per-file accounting must be the same.
    let pulled_equals_direct =
        |pull: &[&str], source: &str, file: &str, s: &str| -> Vec<Vec<String>> {
            let pull_store = store(s);
            let mut args = vec![
                "--data",
                data.as_str(),
                "--store",
                &pull_store,
                "data",
                "pull",
            ];
            args.extend_from_slice(pull);
            args.extend_from_slice(&["--mirror", &server.base, "--ingest", "--format", "csv"]);
            let o = as_new_user(&home, &args, &[]);
            assert!(o.status.success(), "{}", text(&o.stderr));
            let direct_store = store(&format!("{s}-direct"));
            let direct = as_new_user(
                &home,
                &[
                    "--data",
                    &data,
                    "--store",
                    &direct_store,
                    "ingest",
                    source,
                    file,
                    "--format",
                    "csv",
                ],
                &[],
            );
            assert!(direct.status.success(), "{}", text(&direct.stderr));
            let pulled = accounting(&o.stdout);
            assert_eq!(pulled, accounting(&direct.stdout));
            pulled
        };

    // GDELT: July 2016 is the daily file of the 28th.
    let plain = tmp.path().join("20160728.tsv");
    std::fs::write(&plain, &daily).unwrap();
    let gdelt_dir = store("gdelt");
    let pulled = pulled_equals_direct(
        &[
            "gdelt", "--from", "2016-07", "--to", "2016-07", "--into", &gdelt_dir,
        ],
        "gdelt",
        plain.to_str().unwrap(),
        "s1",
    );
    assert_eq!(pulled.len(), 1);
    assert_eq!(pulled[0][0], "509", "rows read");

    // ICEWS: the Dataverse file is the real 2018 sample.
    let icews_dir = store("icews");
    let sample = format!("{data}/icews_sample/events.2018.sample.tab");
    let pulled = pulled_equals_direct(&["icews", "--into", &icews_dir], "icews", &sample, "s3");
    assert_eq!(pulled[0][0], "3705", "rows read");
    // Pulled again: the file is ingested already and not fetched.
    let again = as_new_user(
        &home,
        &[
            "--data",
            &data,
            "--store",
            &store("s3"),
            "data",
            "pull",
            "icews",
            "--mirror",
            &server.base,
            "--into",
            &store("icews2"),
            "--format",
            "csv",
        ],
        &[],
    );
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert!(
        text(&again.stderr).contains("events.2018.20190101000000.tab: already ingested, skipped"),
        "{}",
        text(&again.stderr)
    );
}
