//! `ordo data pull gdelt`: a local mirror laid out as GDELT's archive
//! (`data.gdeltproject.org/events/` with its `md5sums` and `filesizes`
//! lists), holding real GDELT 1.0 rows from the reference data directory
//! zipped as GDELT publishes them: a 1982 back-file (57 fields) and the
//! daily file of 28 July 2016 (58 fields).

mod common;

use common::archives::fetcher;
use common::archives::gdelt_archive as archive;
use common::mirror_server::{Fault, MirrorServer};
use ordo_pull::gdelt;

fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn a_date_range_pulls_the_files_that_cover_it_checked_by_md5() {
    let tmp = tempfile::tempdir().unwrap();
    let (daily, _) = archive(&tmp.path().join("mirror"), false);
    assert_eq!(daily.lines().count(), 509);
    let server = MirrorServer::start(&tmp.path().join("mirror"), vec![]);
    let f = fetcher(&server, &tmp.path().join("cache"));
    let files = gdelt::fetch_lists(&f).unwrap();
    assert_eq!(files.len(), 2, "the master file is not an event file");
    let chosen = gdelt::covering(&files, day(2016, 7, 1), day(2016, 7, 31));
    assert_eq!(chosen.len(), 1);
    let out = tmp.path().join("events");
    let paths = gdelt::pull_files(&f, &chosen, &out, &mut |_| {}).unwrap();
    assert_eq!(paths, vec![out.join("20160728.export.CSV.zip")]);
    let whole = gdelt::covering(&files, day(1979, 1, 1), day(2020, 12, 31));
    let paths = gdelt::pull_files(&f, &whole, &out, &mut |_| {}).unwrap();
    assert_eq!(paths.len(), 2);
    let asked = server.paths();
    assert_eq!(
        asked
            .iter()
            .filter(|p| p.ends_with("20160728.export.CSV.zip"))
            .count(),
        1,
        "a file already pulled is not fetched again: {asked:?}"
    );
}

#[test]
fn a_zip_without_the_expected_member_is_refused_and_not_installed() {
    let tmp = tempfile::tempdir().unwrap();
    archive(&tmp.path().join("mirror"), true);
    let server = MirrorServer::start(&tmp.path().join("mirror"), vec![]);
    let f = fetcher(&server, &tmp.path().join("cache"));
    let files = gdelt::fetch_lists(&f).unwrap();
    let chosen = gdelt::covering(&files, day(2016, 7, 28), day(2016, 7, 28));
    let out = tmp.path().join("events");
    let err = gdelt::pull_files(&f, &chosen, &out, &mut |_| {})
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("20160728.export.CSV.zip")
            && err.contains("does not hold 20160728.export.CSV (it holds: 20160728.CSV)")
            && err.contains(&server.base),
        "{err}"
    );
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 0);
}

#[test]
fn a_corrupted_archive_file_fails_its_md5() {
    let tmp = tempfile::tempdir().unwrap();
    archive(&tmp.path().join("mirror"), false);
    let server = MirrorServer::start(
        &tmp.path().join("mirror"),
        vec![("1982.zip", Fault::FlipByte)],
    );
    let f = fetcher(&server, &tmp.path().join("cache"));
    let files = gdelt::fetch_lists(&f).unwrap();
    let chosen = gdelt::covering(&files, day(1982, 1, 1), day(1982, 12, 31));
    let err = gdelt::pull_files(&f, &chosen, &tmp.path().join("events"), &mut |_| {})
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("GDELT file 1982.zip") && err.contains("(MD5 "),
        "{err}"
    );
}
