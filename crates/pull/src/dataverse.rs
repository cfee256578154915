//! ICEWS and POLECAT event files from Harvard Dataverse, through its
//! documented native API: the dataset's DOI gives its file list
//! (`/api/datasets/:persistentId/versions/:latest-published/files`), each
//! file is downloaded by id (`/api/access/datafile/ID`, with
//! `?format=original` for files Dataverse ingested as tables, so the bytes
//! are the ones deposited) and checked against the size and MD5 Dataverse
//! reports before it is installed, atomically, into the target folder.
//!
//! Files already in the folder or already ingested into ordo's event store
//! (by name) are skipped. ICEWS re-releases a year's events under a new
//! time stamp (`events.2017.20180122.tab` after `events.2017.20171213.tab`):
//! an ingested file whose year has a newer file in the list is reported as
//! superseded (replacing its rows is `ordo ingest --replace`'s job).

use crate::fetch::{Digest, Expected, FetchError, Fetcher};
use indicatif::ProgressBar;
use serde::Deserialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Harvard's Dataverse installation.
pub const HARVARD: &str = "https://dataverse.harvard.edu";

/// An event collection deposited on Dataverse.
#[derive(Debug, Clone, Copy)]
pub struct Collection {
    pub name: &'static str,
    pub title: &'static str,
    pub doi: &'static str,
}

/// ICEWS Coded Event Data (1995–April 2023).
pub const ICEWS: Collection = Collection {
    name: "icews",
    title: "ICEWS Coded Event Data",
    doi: "doi:10.7910/DVN/28075",
};

/// POLECAT weekly data (2018–), ICEWS's successor.
pub const POLECAT: Collection = Collection {
    name: "polecat",
    title: "POLECAT Weekly Data",
    doi: "doi:10.7910/DVN/AJGVIT",
};

impl Collection {
    pub fn by_name(name: &str) -> Option<Collection> {
        [ICEWS, POLECAT].into_iter().find(|c| c.name == name)
    }

    /// The API address of the collection's file list.
    pub fn list_url(&self) -> String {
        format!(
            "{HARVARD}/api/datasets/:persistentId/versions/:latest-published/files?persistentId={}",
            self.doi
        )
    }
}

/// One file of a Dataverse dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteFile {
    pub name: String,
    pub id: u64,
    pub bytes: u64,
    pub md5: String,
    pub url: String,
}

#[derive(Debug, thiserror::Error)]
pub enum DataverseError {
    #[error("{collection}: the file list {url} could not be read: {problem}")]
    List {
        collection: String,
        url: String,
        problem: String,
    },
    #[error("{collection} file {file}: {source}. Nothing was installed for it; run the same pull again to resume")]
    Fetch {
        collection: String,
        file: String,
        source: Box<FetchError>,
    },
    #[error("cannot write {path}: {source}. Choose a writable directory with --into DIR")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

#[derive(Deserialize)]
struct Listing {
    status: String,
    #[serde(default)]
    data: Vec<Entry>,
    #[serde(default)]
    message: Option<String>,
}

#[derive(Deserialize)]
struct Entry {
    #[serde(default)]
    restricted: bool,
    #[serde(rename = "dataFile")]
    data_file: DataFile,
}

#[derive(Deserialize)]
struct DataFile {
    id: u64,
    filename: String,
    filesize: u64,
    #[serde(default)]
    md5: Option<String>,
    #[serde(default)]
    checksum: Option<Checksum>,
    #[serde(default, rename = "originalFileSize")]
    original_size: Option<u64>,
    #[serde(default, rename = "originalFileFormat")]
    original_format: Option<String>,
    #[serde(default, rename = "originalFileName")]
    original_name: Option<String>,
}

#[derive(Deserialize)]
struct Checksum {
    #[serde(rename = "type")]
    kind: String,
    value: String,
}

/// The downloadable files of a collection's list (restricted files and
/// files without an MD5 are left out, and named in `left_out`).
pub fn parse_listing(
    collection: &Collection,
    json: &[u8],
    left_out: &mut Vec<String>,
) -> Result<Vec<RemoteFile>, DataverseError> {
    let bad = |problem: String| DataverseError::List {
        collection: collection.name.to_string(),
        url: collection.list_url(),
        problem,
    };
    let listing: Listing =
        serde_json::from_slice(json).map_err(|e| bad(format!("not Dataverse's JSON ({e})")))?;
    if listing.status != "OK" {
        return Err(bad(format!(
            "Dataverse answered {}: {}",
            listing.status,
            listing.message.unwrap_or_default()
        )));
    }
    let mut files = Vec::new();
    for entry in listing.data {
        let f = entry.data_file;
        let md5 = f
            .checksum
            .filter(|c| c.kind.eq_ignore_ascii_case("MD5"))
            .map(|c| c.value)
            .or(f.md5);
        let (Some(md5), false) = (md5, entry.restricted) else {
            left_out.push(format!("{} (restricted or without an MD5 sum)", f.filename));
            continue;
        };
        let name = match (&f.original_format, &f.original_name) {
            (Some(_), Some(original)) => original.clone(),
            _ => f.filename.clone(),
        };
        // A name is a file name, never a path (a listing cannot write
        // outside the target folder).
        if name.is_empty() || name.starts_with('.') || name.contains(['/', '\\']) {
            left_out.push(format!("{name:?} (not a plain file name)"));
            continue;
        }
        // Dataverse turns tabular deposits into its own .tab; the original
        // bytes (what the MD5 is of) come with format=original.
        let original = f.original_format.is_some();
        files.push(RemoteFile {
            name,
            id: f.id,
            bytes: if original {
                f.original_size.unwrap_or(f.filesize)
            } else {
                f.filesize
            },
            md5: md5.to_ascii_lowercase(),
            url: format!(
                "{HARVARD}/api/access/datafile/{}{}",
                f.id,
                if original { "?format=original" } else { "" }
            ),
        });
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

/// The year and release stamp of an ICEWS yearly file
/// (`events.2017.20180122105420.tab[.zip]`).
fn yearly_release(name: &str) -> Option<(&str, &str)> {
    let mut parts = name.strip_prefix("events.")?.split('.');
    let (year, stamp) = (parts.next()?, parts.next()?);
    (year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && stamp.bytes().all(|b| b.is_ascii_digit()))
    .then_some((year, stamp))
}

/// What a pull will do with a collection's files, given the names of the
/// files already ingested.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Plan<'a> {
    pub fetch: Vec<&'a RemoteFile>,
    /// Files already ingested, left alone.
    pub ingested: Vec<&'a RemoteFile>,
    /// (ingested file, the newer release of the same year in the list).
    pub superseded: Vec<(String, String)>,
}

pub fn plan<'a>(files: &'a [RemoteFile], ingested: &HashSet<String>) -> Plan<'a> {
    let mut plan = Plan::default();
    for f in files {
        if ingested.contains(&f.name) {
            plan.ingested.push(f);
        } else {
            plan.fetch.push(f);
        }
    }
    for old in ingested {
        let Some((year, stamp)) = yearly_release(old) else {
            continue;
        };
        if let Some(newer) = files
            .iter()
            .find(|f| yearly_release(&f.name).is_some_and(|(y, s)| y == year && s > stamp))
        {
            plan.superseded.push((old.clone(), newer.name.clone()));
        }
    }
    plan.superseded.sort();
    plan
}

/// Reads the collection's file list through `fetcher`.
pub fn fetch_listing(
    fetcher: &Fetcher,
    collection: &Collection,
    left_out: &mut Vec<String>,
) -> Result<Vec<RemoteFile>, DataverseError> {
    let url = collection.list_url();
    let json = fetcher
        .fetch_unverified(&url)
        .map_err(|e| DataverseError::List {
            collection: collection.name.to_string(),
            url: url.clone(),
            problem: e.to_string(),
        })?;
    parse_listing(collection, &json, left_out)
}

/// Fetches the files of `files` missing from `dir`, checks each against
/// its size and MD5, installs it; returns the paths of all of them.
pub fn pull_files(
    fetcher: &Fetcher,
    collection: &Collection,
    files: &[&RemoteFile],
    dir: &Path,
    say: &mut dyn FnMut(String),
) -> Result<Vec<PathBuf>, DataverseError> {
    std::fs::create_dir_all(dir).map_err(|source| DataverseError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut paths = Vec::new();
    for f in files {
        let path = dir.join(&f.name);
        if std::fs::metadata(&path).map(|m| m.len()).ok() == Some(f.bytes) {
            say(format!("{}: already here", f.name));
            paths.push(path);
            continue;
        }
        say(format!(
            "{} ({}) from {}",
            f.name,
            crate::pull::human_bytes(f.bytes),
            fetcher.mirror.locate(&f.url)
        ));
        let expected = Expected {
            url: &f.url,
            digest: Digest::Md5(&f.md5),
            bytes: f.bytes,
        };
        let bytes = fetcher
            .fetch(&expected, &ProgressBar::hidden())
            .map_err(|source| DataverseError::Fetch {
                collection: collection.name.to_string(),
                file: f.name.clone(),
                source: Box::new(source),
            })?;
        crate::install::write_file(&path, &bytes).map_err(|e| DataverseError::Write {
            path: e.path,
            source: e.source,
        })?;
        paths.push(path);
    }
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LISTING: &str = r#"{"status":"OK","data":[
      {"label":"events.2017.20180122105420.tab","restricted":false,"dataFile":{"id":3,"filename":"events.2017.20180122105420.tab","filesize":900,"originalFileFormat":"text/tab-separated-values","originalFileName":"events.2017.20180122105420.tab","originalFileSize":800,"checksum":{"type":"MD5","value":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}}},
      {"label":"ICEWS Codebook.pdf","restricted":false,"dataFile":{"id":1,"filename":"ICEWS Codebook.pdf","filesize":50,"md5":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"}},
      {"label":"secret.tab","restricted":true,"dataFile":{"id":2,"filename":"secret.tab","filesize":5,"md5":"cccccccccccccccccccccccccccccccc"}},
      {"label":"evil","restricted":false,"dataFile":{"id":4,"filename":"../../.bashrc","filesize":5,"md5":"dddddddddddddddddddddddddddddddd"}}
    ]}"#;

    #[test]
    fn a_listing_gives_ids_sizes_md5_and_original_downloads() {
        let mut left = Vec::new();
        let files = parse_listing(&ICEWS, LISTING.as_bytes(), &mut left).unwrap();
        assert_eq!(files.len(), 2);
        assert_eq!(files[1].name, "events.2017.20180122105420.tab");
        assert_eq!(
            files[1].bytes, 800,
            "the original's size, not the archival .tab's"
        );
        assert_eq!(files[1].md5, "a".repeat(32));
        assert_eq!(
            files[1].url,
            "https://dataverse.harvard.edu/api/access/datafile/3?format=original"
        );
        assert_eq!(
            files[0].url,
            "https://dataverse.harvard.edu/api/access/datafile/1"
        );
        assert_eq!(
            left,
            [
                "secret.tab (restricted or without an MD5 sum)",
                "\"../../.bashrc\" (not a plain file name)"
            ]
        );
        let e = parse_listing(
            &ICEWS,
            br#"{"status":"ERROR","message":"Dataset not found"}"#,
            &mut left,
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("doi:10.7910/DVN/28075") && e.contains("Dataset not found"),
            "{e}"
        );
    }

    #[test]
    fn ingested_files_are_skipped_and_older_releases_named_superseded() {
        let mut left = Vec::new();
        let files = parse_listing(&ICEWS, LISTING.as_bytes(), &mut left).unwrap();
        let ingested: HashSet<String> = ["events.2017.20171213000000.tab", "ICEWS Codebook.pdf"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let p = plan(&files, &ingested);
        assert_eq!(p.fetch.len(), 1);
        assert_eq!(p.ingested.len(), 1);
        assert_eq!(
            p.superseded,
            [(
                "events.2017.20171213000000.tab".to_string(),
                "events.2017.20180122105420.tab".to_string()
            )]
        );
    }
}
