//! GDELT 1.0 event files for a date range, from GDELT's own lists.
//!
//! GDELT publishes its 1.0 event archive at
//! `http://data.gdeltproject.org/events/` with two list files beside it:
//! `md5sums` (`<md5>  <file>` per line) and `filesizes` (`<bytes> <file>`).
//! The archive has three kinds of files, by the period they cover:
//! yearly back-files `YYYY.zip` (1979–2005), monthly `YYYYMM.zip`
//! (January 2006 – March 2013) and daily `YYYYMMDD.export.CSV.zip` (from
//! 1 April 2013); each zip holds one tab-separated file (`1982.csv`,
//! `200601.csv`, `20130401.export.CSV`). Other
//! entries of the lists are ignored. Each file is checked against its size
//! and MD5 from the lists and its zip member before it is installed, one
//! file at a time and atomically, into the target folder; `ordo ingest`
//! reads the zips as they are.

use crate::fetch::{Digest, Expected, FetchError, Fetcher};
use chrono::{Datelike, NaiveDate};
use indicatif::ProgressBar;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Where GDELT 1.0's event files and lists are.
pub const GDELT1_EVENTS: &str = "http://data.gdeltproject.org/events/";

/// One archive file as the lists give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveFile {
    pub name: String,
    pub md5: String,
    pub bytes: u64,
    /// First and last day the file covers.
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl ArchiveFile {
    /// The one member the zip must hold: `1982.csv` in `1982.zip`,
    /// `200601.csv` in `200601.zip`, `20130401.export.CSV` in
    /// `20130401.export.CSV.zip`.
    pub fn member(&self) -> String {
        let stem = self.name.strip_suffix(".zip").unwrap_or(&self.name);
        if stem.ends_with(".export.CSV") {
            stem.to_string()
        } else {
            format!("{stem}.csv")
        }
    }
}

/// A GDELT pull that failed: which file or list, and what to do.
#[derive(Debug, thiserror::Error)]
pub enum GdeltError {
    #[error("GDELT's file list {list}, line {line}: {problem}")]
    List {
        list: String,
        line: usize,
        problem: String,
    },
    #[error("GDELT file {file}: {source}. Nothing was installed for it; run the same pull again to resume")]
    Fetch {
        file: String,
        source: Box<FetchError>,
    },
    #[error("GDELT file {file} ({url}): {problem}. Nothing was installed for it")]
    Archive {
        file: String,
        url: String,
        problem: String,
    },
    #[error("GDELT has no event file between {from} and {to} in its lists")]
    Nothing { from: NaiveDate, to: NaiveDate },
    #[error("cannot write {path}: {source}. Choose a writable directory with --to DIR")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The period a file of the archive covers, from its name; `None` for names
/// that are not event files.
fn period(name: &str) -> Option<(NaiveDate, NaiveDate)> {
    let digits = |s: &str| s.len() >= 4 && s.bytes().all(|b| b.is_ascii_digit());
    let ymd = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d);
    if let Some(stem) = name.strip_suffix(".export.CSV.zip") {
        if stem.len() == 8 && digits(stem) {
            let d = ymd(
                stem[..4].parse().ok()?,
                stem[4..6].parse().ok()?,
                stem[6..].parse().ok()?,
            )?;
            return Some((d, d));
        }
        return None;
    }
    let stem = name.strip_suffix(".zip")?;
    match stem.len() {
        4 if digits(stem) => {
            let y = stem.parse().ok()?;
            Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
        }
        6 if digits(stem) => {
            let (y, m) = (stem[..4].parse().ok()?, stem[4..].parse().ok()?);
            let first = ymd(y, m, 1)?;
            let next = if m == 12 {
                ymd(y + 1, 1, 1)?
            } else {
                ymd(y, m + 1, 1)?
            };
            Some((first, next.pred_opt()?))
        }
        _ => None,
    }
}

/// The event files of GDELT's `md5sums` and `filesizes` lists, sorted by
/// the period they cover. A file in one list but not the other, or a line
/// that is not `<digest> <name>`, is an error naming the list and line.
pub fn parse_lists(md5sums: &str, filesizes: &str) -> Result<Vec<ArchiveFile>, GdeltError> {
    let mut sizes = std::collections::HashMap::new();
    for (i, line) in filesizes.lines().enumerate() {
        let bad = |problem: &str| GdeltError::List {
            list: "filesizes".into(),
            line: i + 1,
            problem: problem.into(),
        };
        if line.trim().is_empty() {
            continue;
        }
        let (size, name) = line
            .trim()
            .split_once(char::is_whitespace)
            .ok_or_else(|| bad("expected `<bytes> <file>`"))?;
        let size: u64 = size.parse().map_err(|_| bad("the size is not a number"))?;
        sizes.insert(name.trim().to_string(), size);
    }
    let mut files = Vec::new();
    for (i, line) in md5sums.lines().enumerate() {
        let bad = |problem: String| GdeltError::List {
            list: "md5sums".into(),
            line: i + 1,
            problem,
        };
        if line.trim().is_empty() {
            continue;
        }
        let (md5, name) = line
            .trim()
            .split_once(char::is_whitespace)
            .ok_or_else(|| bad("expected `<md5>  <file>`".into()))?;
        let name = name.trim().trim_start_matches('*');
        if md5.len() != 32 || !md5.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad(format!("`{md5}` is not an MD5 sum")));
        }
        let Some((from, to)) = period(name) else {
            continue;
        };
        let bytes = *sizes
            .get(name)
            .ok_or_else(|| bad(format!("{name} has no size in the filesizes list")))?;
        files.push(ArchiveFile {
            name: name.to_string(),
            md5: md5.to_ascii_lowercase(),
            bytes,
            from,
            to,
        });
    }
    files.sort_by_key(|f| (f.from, f.to));
    Ok(files)
}

/// The files whose period overlaps `from..=to`.
pub fn covering(files: &[ArchiveFile], from: NaiveDate, to: NaiveDate) -> Vec<&ArchiveFile> {
    files
        .iter()
        .filter(|f| f.from <= to && f.to >= from)
        .collect()
}

/// Downloads the lists through `fetcher` (no digest is published for
/// them; they are read, not installed).
pub fn fetch_lists(fetcher: &Fetcher) -> Result<Vec<ArchiveFile>, GdeltError> {
    let get = |list: &str| -> Result<String, GdeltError> {
        let url = format!("{GDELT1_EVENTS}{list}");
        fetcher
            .fetch_unverified(&url)
            .map_err(|source| GdeltError::Fetch {
                file: list.to_string(),
                source: Box::new(source),
            })
            .and_then(|b| {
                String::from_utf8(b).map_err(|_| GdeltError::List {
                    list: list.to_string(),
                    line: 0,
                    problem: "not text".into(),
                })
            })
    };
    parse_lists(&get("md5sums")?, &get("filesizes")?)
}

/// Fetches every file of `files` missing from `dir`, checks it, and
/// installs it there; returns the paths of all `files` in `dir`.
pub fn pull_files(
    fetcher: &Fetcher,
    files: &[&ArchiveFile],
    dir: &Path,
    say: &mut dyn FnMut(String),
) -> Result<Vec<PathBuf>, GdeltError> {
    std::fs::create_dir_all(dir).map_err(|source| GdeltError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut paths = Vec::new();
    for file in files {
        let path = dir.join(&file.name);
        if path.is_file() && std::fs::metadata(&path).map(|m| m.len()).ok() == Some(file.bytes) {
            say(format!("{}: already here", file.name));
            paths.push(path);
            continue;
        }
        let url = format!("{GDELT1_EVENTS}{}", file.name);
        say(format!(
            "{} ({} to {}, {}) from {}",
            file.name,
            file.from,
            file.to,
            crate::pull::human_bytes(file.bytes),
            fetcher.mirror.locate(&url)
        ));
        let expected = Expected {
            url: &url,
            digest: Digest::Md5(&file.md5),
            bytes: file.bytes,
        };
        let bytes = fetcher
            .fetch(&expected, &ProgressBar::hidden())
            .map_err(|source| GdeltError::Fetch {
                file: file.name.clone(),
                source: Box::new(source),
            })?;
        check_member(&bytes, &file.member()).map_err(|problem| GdeltError::Archive {
            file: file.name.clone(),
            url: fetcher.mirror.locate(&url).to_string(),
            problem,
        })?;
        crate::install::write_file(&path, &bytes).map_err(|e| GdeltError::Write {
            path: e.path,
            source: e.source,
        })?;
        paths.push(path);
    }
    Ok(paths)
}

/// The zip must hold `member` and it must decompress.
fn check_member(bytes: &[u8], member: &str) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a readable zip archive ({e})"))?;
    let names: Vec<String> = zip.file_names().map(str::to_string).collect();
    let mut entry = zip.by_name(member).map_err(|_| {
        format!(
            "the archive does not hold {member} (it holds: {})",
            if names.is_empty() {
                "nothing".to_string()
            } else {
                names.join(", ")
            }
        )
    })?;
    std::io::copy(&mut entry.by_ref(), &mut std::io::sink())
        .map_err(|e| format!("{member} does not decompress: {e}"))?;
    Ok(())
}

/// The first and last day of a year (for `--from 1982`-style bounds).
pub fn year_bounds(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    ))
}

/// A date given as `YYYY-MM-DD`, `YYYY-MM` (its first or last day) or
/// `YYYY`.
pub fn parse_bound(text: &str, end: bool) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.split('-').collect();
    let y: i32 = parts.first()?.parse().ok()?;
    match parts.len() {
        1 => year_bounds(y).map(|(a, b)| if end { b } else { a }),
        2 => {
            let m: u32 = parts[1].parse().ok()?;
            let first = NaiveDate::from_ymd_opt(y, m, 1)?;
            if !end {
                return Some(first);
            }
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)?
            };
            next.pred_opt()
        }
        3 => NaiveDate::from_ymd_opt(y, parts[1].parse().ok()?, parts[2].parse().ok()?),
        _ => None,
    }
    .filter(|d| d.year() >= 1979)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn file_names_say_which_days_they_cover() {
        assert_eq!(period("1982.zip"), Some((d(1982, 1, 1), d(1982, 12, 31))));
        assert_eq!(period("200802.zip"), Some((d(2008, 2, 1), d(2008, 2, 29))));
        assert_eq!(
            period("201312.zip"),
            Some((d(2013, 12, 1), d(2013, 12, 31)))
        );
        assert_eq!(
            period("20130401.export.CSV.zip"),
            Some((d(2013, 4, 1), d(2013, 4, 1)))
        );
        assert_eq!(period("GDELT.MASTERREDUCEDV2.1979-2013.zip"), None);
        assert_eq!(period("md5sums"), None);
    }

    #[test]
    fn the_lists_are_read_and_checked_against_each_other() {
        let md5 = "0123456789abcdef0123456789abcdef  1982.zip\n\
                   fedcba9876543210fedcba9876543210  20160728.export.CSV.zip\n\
                   00000000000000000000000000000000  GDELT.MASTERREDUCEDV2.1979-2013.zip\n";
        let sizes =
            "52 1982.zip\n61 20160728.export.CSV.zip\n9 GDELT.MASTERREDUCEDV2.1979-2013.zip\n";
        let files = parse_lists(md5, sizes).unwrap();
        assert_eq!(files.len(), 2);
        assert_eq!((files[0].name.as_str(), files[0].bytes), ("1982.zip", 52));
        assert_eq!(files[1].member(), "20160728.export.CSV");
        let chosen = covering(&files, d(2016, 7, 1), d(2016, 7, 31));
        assert_eq!(chosen.len(), 1);
        let e = parse_lists(md5, "52 1982.zip\n").unwrap_err().to_string();
        assert!(
            e.contains("md5sums, line 2") && e.contains("no size"),
            "{e}"
        );
        let e = parse_lists("xyz 1982.zip\n", sizes)
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 1") && e.contains("not an MD5 sum"), "{e}");
    }

    #[test]
    fn bounds_read_years_months_and_days() {
        assert_eq!(parse_bound("1982", false), Some(d(1982, 1, 1)));
        assert_eq!(parse_bound("2012-02", true), Some(d(2012, 2, 29)));
        assert_eq!(parse_bound("2016-07-28", true), Some(d(2016, 7, 28)));
        assert_eq!(parse_bound("1970", false), None);
        assert_eq!(parse_bound("2016-13", false), None);
    }
}
