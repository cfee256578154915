//! Local mirrors of the event archives, built from real rows of the
//! reference data directory: GDELT 1.0's archive (its `md5sums` and
//! `filesizes` lists and zips as GDELT publishes them) and Harvard
//! Dataverse's answers for the ICEWS dataset.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

pub fn shared(name: &str) -> PathBuf {
    let cwd = std::env::current_dir().unwrap();
    cwd.ancestors()
        .filter_map(|d| d.parent())
        .map(|p| p.join("shared").join(name))
        .find(|p| p.is_dir())
        .unwrap()
}

pub fn zip_of(member: &str, text: &[u8]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    w.start_file(member, zip::write::SimpleFileOptions::default())
        .unwrap();
    w.write_all(text).unwrap();
    w.finish().unwrap().into_inner()
}

pub fn md5_hex(b: &[u8]) -> String {
    use md5::Digest;
    md5::Md5::digest(b)
        .iter()
        .map(|x| format!("{x:02x}"))
        .collect()
}

/// GDELT's archive under `root`: a 1982 back-file (57 fields) and the
/// daily file of 28 July 2016 (58 fields) from the raw GDELT sample;
/// `bad_member` names the daily zip's member wrongly. Returns the daily
/// and back-file rows.
pub fn gdelt_archive(root: &Path, bad_member: bool) -> (String, String) {
    let raw =
        std::fs::read_to_string(shared("data").join("gdelt_v1_raw_sample/events_raw.tsv")).unwrap();
    let rows = |n: usize| -> String {
        raw.lines()
            .filter(|l| l.split('\t').count() == n)
            .map(|l| format!("{l}\n"))
            .collect()
    };
    let (daily, back) = (rows(58), rows(57));
    let dir = root.join("data.gdeltproject.org/events");
    std::fs::create_dir_all(&dir).unwrap();
    let files = [
        ("1982.zip", zip_of("1982.csv", back.as_bytes())),
        (
            "20160728.export.CSV.zip",
            zip_of(
                if bad_member {
                    "20160728.CSV"
                } else {
                    "20160728.export.CSV"
                },
                daily.as_bytes(),
            ),
        ),
    ];
    let (mut md5s, mut sizes) = (String::new(), String::new());
    for (name, bytes) in &files {
        std::fs::write(dir.join(name), bytes).unwrap();
        md5s.push_str(&format!("{}  {name}\n", md5_hex(bytes)));
        sizes.push_str(&format!("{} {name}\n", bytes.len()));
    }
    md5s.push_str("0123456789abcdef0123456789abcdef  GDELT.MASTERREDUCEDV2.1979-2013.zip\n");
    std::fs::write(dir.join("md5sums"), &md5s).unwrap();
    std::fs::write(dir.join("filesizes"), &sizes).unwrap();
    (daily, back)
}

/// Lays out `root` as Dataverse would answer for ICEWS: the list and one
/// file (id 101, the 2018 sample, deposited as a table).
pub fn dataverse_mirror(root: &Path) -> Vec<u8> {
    let sample = std::fs::read(shared("data").join("icews_sample/events.2018.sample.tab")).unwrap();
    let host = root.join("dataverse.harvard.edu");
    let list = host.join("api/datasets/:persistentId/versions/:latest-published/files?persistentId=doi:10.7910/DVN/28075");
    std::fs::create_dir_all(list.parent().unwrap()).unwrap();
    std::fs::write(
        &list,
        format!(
            r#"{{"status":"OK","data":[{{"label":"events.2018.20190101000000.tab","restricted":false,"dataFile":{{"id":101,"filename":"events.2018.20190101000000.tab","filesize":{},"originalFileFormat":"text/tab-separated-values","originalFileName":"events.2018.20190101000000.tab","originalFileSize":{},"checksum":{{"type":"MD5","value":"{}"}}}}}}]}}"#,
            sample.len() + 1000,
            sample.len(),
            md5_hex(&sample)
        ),
    )
    .unwrap();
    let file = host.join("api/access/datafile/101?format=original");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, &sample).unwrap();
    sample
}

/// A fetcher through the loopback server, with short waits between tries.
pub fn fetcher(
    server: &super::mirror_server::MirrorServer,
    cache: &Path,
) -> ordo_pull::fetch::Fetcher {
    let mirror = ordo_pull::fetch::Mirror::Url(server.base.clone());
    let mut f = ordo_pull::fetch::Fetcher::new(mirror, cache.to_path_buf(), false);
    f.backoff = std::time::Duration::from_millis(5);
    f
}
