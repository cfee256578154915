//! `ordo data pull icews|polecat`: a local mirror answering Dataverse's
//! native API for the ICEWS dataset (its file list, then each file by id),
//! serving the real ICEWS sample of the reference data directory.

mod common;

use common::archives::dataverse_mirror;
use common::archives::fetcher;
use common::mirror_server::{Fault, MirrorServer};
use ordo_pull::dataverse::{self, ICEWS};
use std::collections::HashSet;

#[test]
fn the_icews_files_come_by_doi_list_and_id_checked_by_md5() {
    let tmp = tempfile::tempdir().unwrap();
    let sample = dataverse_mirror(&tmp.path().join("mirror"));
    let server = MirrorServer::start(&tmp.path().join("mirror"), vec![]);
    let f = fetcher(&server, &tmp.path().join("cache"));
    let mut left = Vec::new();
    let files = dataverse::fetch_listing(&f, &ICEWS, &mut left).unwrap();
    assert_eq!(files.len(), 1);
    let plan = dataverse::plan(&files, &HashSet::new());
    let out = tmp.path().join("icews_events");
    let paths = dataverse::pull_files(&f, &ICEWS, &plan.fetch, &out, &mut |_| {}).unwrap();
    assert_eq!(paths, [out.join("events.2018.20190101000000.tab")]);
    assert!(std::fs::read(&paths[0]).unwrap() == sample);
    let asked = server.paths();
    assert_eq!(
        asked,
        [
            "/dataverse.harvard.edu/api/datasets/:persistentId/versions/:latest-published/files?persistentId=doi:10.7910/DVN/28075",
            "/dataverse.harvard.edu/api/access/datafile/101?format=original"
        ]
    );
    // Already ingested under that name: nothing to fetch; an older
    // release of 2018 in the store is named superseded.
    let ingested: HashSet<String> = [
        "events.2018.20190101000000.tab".to_string(),
        "events.2018.20180601000000.tab".to_string(),
    ]
    .into();
    let plan = dataverse::plan(&files, &ingested);
    assert!(plan.fetch.is_empty());
    assert_eq!(
        plan.superseded,
        [(
            "events.2018.20180601000000.tab".to_string(),
            "events.2018.20190101000000.tab".to_string()
        )]
    );
}

#[test]
fn a_corrupted_dataverse_file_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    dataverse_mirror(&tmp.path().join("mirror"));
    let server = MirrorServer::start(
        &tmp.path().join("mirror"),
        vec![("101?format=original", Fault::FlipByte)],
    );
    let f = fetcher(&server, &tmp.path().join("cache"));
    let mut left = Vec::new();
    let files = dataverse::fetch_listing(&f, &ICEWS, &mut left).unwrap();
    let plan = dataverse::plan(&files, &HashSet::new());
    let out = tmp.path().join("icews_events");
    let err = dataverse::pull_files(&f, &ICEWS, &plan.fetch, &out, &mut |_| {})
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("icews file events.2018.20190101000000.tab") && err.contains("(MD5 "),
        "{err}"
    );
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 0);
}
