//! Getting the bytes of one upstream file: from its address, from a mirror
//! (a base URL or a directory laid out as `<host>/<path>`), with retries,
//! resumption of partial downloads and the SHA-256 checked before the bytes
//! are handed on.
//!
//! Partial downloads live in a cache directory outside the data directory
//! (`$XDG_CACHE_HOME/ordo/downloads`), named by the SHA-256 they must have,
//! so a killed or broken pull resumes where it stopped and never leaves
//! anything in the data directory; a verified download is removed from the
//! cache once its bytes are read.

use indicatif::ProgressBar;
use md5::Digest as _;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Where upstream files are read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mirror {
    /// Each upstream's own address.
    Upstream,
    /// A base URL standing for each upstream's scheme and host:
    /// `https://HOST/PATH` is fetched as `BASE/HOST/PATH`.
    Url(String),
    /// A directory laid out the same way (`DIR/HOST/PATH`), for air-gapped
    /// machines.
    Dir(PathBuf),
}

impl Mirror {
    /// `--mirror`: an `http(s)://` base URL, a `file://` URL or a directory.
    pub fn parse(text: &str) -> Mirror {
        if text.starts_with("http://") || text.starts_with("https://") {
            Mirror::Url(text.trim_end_matches('/').to_string())
        } else {
            Mirror::Dir(PathBuf::from(text.strip_prefix("file://").unwrap_or(text)))
        }
    }

    /// Where the upstream `url` is read from through this mirror.
    pub fn locate(&self, url: &str) -> Location {
        let host_path = url.split_once("://").map_or(url, |(_, rest)| rest);
        match self {
            Mirror::Upstream => Location::Http(url.to_string()),
            Mirror::Url(base) => Location::Http(format!("{base}/{host_path}")),
            Mirror::Dir(dir) => Location::File(dir.join(host_path)),
        }
    }
}

/// A resolved place to read an upstream file from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Http(String),
    File(PathBuf),
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Http(u) => f.write_str(u),
            Location::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// Why a file could not be fetched; the caller adds the dataset.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("{location} answered HTTP {status}{hint}")]
    Status {
        location: String,
        status: u16,
        hint: &'static str,
    },
    #[error("{location}: {message}")]
    Transfer { location: String, message: String },
    #[error(
        "{location}: the bytes do not match what was published ({digest} {got}, expected {expected}; \
         {size} bytes, expected {expected_size}): the file was corrupted or changed upstream"
    )]
    Checksum {
        location: String,
        digest: &'static str,
        got: String,
        expected: String,
        size: u64,
        expected_size: u64,
    },
    #[error("{location}: not found in the mirror directory")]
    NotInMirror { location: String },
    #[error("{location} is not available offline: give a mirror directory with --mirror DIR, or pull without --offline")]
    Offline { location: String },
    #[error("download cache {path}: {source}")]
    Cache {
        path: String,
        source: std::io::Error,
    },
}

impl FetchError {
    /// Whether trying again may help (network trouble, server errors, a
    /// transfer cut short), as opposed to a definite answer (404, a wrong
    /// checksum on a complete file).
    fn transient(&self) -> bool {
        match self {
            FetchError::Status { status, .. } => *status >= 500 || *status == 429 || *status == 408,
            FetchError::Transfer { .. } => true,
            _ => false,
        }
    }
}

/// What a file must be: its size and digest.
#[derive(Debug, Clone)]
pub struct Expected<'a> {
    pub url: &'a str,
    pub digest: Digest<'a>,
    pub bytes: u64,
}

/// The digest a file is checked against, as lowercase hex: SHA-256 for the
/// registry's upstreams, MD5 where an archive publishes only that (GDELT's
/// `md5sums`).
#[derive(Debug, Clone, Copy)]
pub enum Digest<'a> {
    Sha256(&'a str),
    Md5(&'a str),
}

impl Digest<'_> {
    fn hex(&self) -> &str {
        match self {
            Digest::Sha256(h) | Digest::Md5(h) => h,
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Digest::Sha256(_) => "SHA-256",
            Digest::Md5(_) => "MD5",
        }
    }

    fn of(&self, bytes: &[u8]) -> String {
        match self {
            Digest::Sha256(_) => crate::sha256_hex(bytes),
            Digest::Md5(_) => crate::hex(&md5::Md5::digest(bytes)),
        }
    }
}

/// The most a list read by [`Fetcher::fetch_unverified`] may hold.
const LIST_LIMIT: u64 = 64 * 1024 * 1024;

/// Fetches upstream files; one per pull.
pub struct Fetcher {
    agent: ureq::Agent,
    pub mirror: Mirror,
    cache: PathBuf,
    /// Attempts per file for transient failures.
    pub attempts: u32,
    /// First wait between attempts; doubled each time.
    pub backoff: Duration,
    pub offline: bool,
}

impl Fetcher {
    pub fn new(mirror: Mirror, cache: PathBuf, offline: bool) -> Fetcher {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(30)))
            .timeout_recv_response(Some(Duration::from_secs(60)))
            .user_agent(concat!("ordo/", env!("CARGO_PKG_VERSION")))
            .build();
        Fetcher {
            agent: ureq::Agent::new_with_config(config),
            mirror,
            cache,
            attempts: 4,
            backoff: Duration::from_millis(500),
            offline,
        }
    }

    /// The verified bytes of `expected`, reporting progress on `bar`.
    pub fn fetch(&self, expected: &Expected, bar: &ProgressBar) -> Result<Vec<u8>, FetchError> {
        let location = self.mirror.locate(expected.url);
        match &location {
            Location::File(path) => {
                let bytes = std::fs::read(path).map_err(|_| FetchError::NotInMirror {
                    location: location.to_string(),
                })?;
                bar.inc(bytes.len() as u64);
                verify(&bytes, expected, &location)?;
                Ok(bytes)
            }
            Location::Http(_) if self.offline => Err(FetchError::Offline {
                location: location.to_string(),
            }),
            Location::Http(url) => self.download(url, expected, bar),
        }
    }

    /// A small file no digest is published for (an archive's own list of
    /// files and checksums), read whole, with the same retries.
    pub fn fetch_unverified(&self, url: &str) -> Result<Vec<u8>, FetchError> {
        let location = self.mirror.locate(url);
        let url = match &location {
            Location::File(path) => {
                return std::fs::read(path).map_err(|_| FetchError::NotInMirror {
                    location: location.to_string(),
                })
            }
            Location::Http(_) if self.offline => {
                return Err(FetchError::Offline {
                    location: location.to_string(),
                })
            }
            Location::Http(u) => u.clone(),
        };
        let mut wait = self.backoff;
        let mut attempt = 1;
        loop {
            let result = self.get_whole(&url);
            match result {
                Err(e) if e.transient() && attempt < self.attempts => {
                    attempt += 1;
                    std::thread::sleep(wait);
                    wait *= 2;
                }
                other => return other,
            }
        }
    }

    fn get_whole(&self, url: &str) -> Result<Vec<u8>, FetchError> {
        let transfer = |message: String| FetchError::Transfer {
            location: url.to_string(),
            message,
        };
        let response = self
            .agent
            .get(url)
            .call()
            .map_err(|e| transfer(e.to_string()))?;
        let status = response.status().as_u16();
        if status != 200 {
            return Err(FetchError::Status {
                location: url.to_string(),
                status,
                hint: "",
            });
        }
        let mut bytes = Vec::new();
        response
            .into_body()
            .into_reader()
            .take(LIST_LIMIT)
            .read_to_end(&mut bytes)
            .map_err(|e| transfer(format!("the transfer broke off: {e}")))?;
        Ok(bytes)
    }

    /// Downloads with retries; a complete download whose checksum is wrong
    /// is discarded and fetched once more from the start.
    fn download(
        &self,
        url: &str,
        expected: &Expected,
        bar: &ProgressBar,
    ) -> Result<Vec<u8>, FetchError> {
        let part = self.cache.join(format!("{}.part", expected.digest.hex()));
        std::fs::create_dir_all(&self.cache).map_err(|source| FetchError::Cache {
            path: self.cache.display().to_string(),
            source,
        })?;
        let location = Location::Http(url.to_string());
        let mut wait = self.backoff;
        let mut checksum_retried = false;
        let mut attempt = 1;
        loop {
            let result = self
                .download_once(url, &part, expected, bar)
                .and_then(|()| {
                    let bytes = std::fs::read(&part).map_err(|e| FetchError::Transfer {
                        location: url.to_string(),
                        message: e.to_string(),
                    })?;
                    verify(&bytes, expected, &location).map(|()| bytes)
                });
            match result {
                Ok(bytes) => {
                    let _ = std::fs::remove_file(&part);
                    return Ok(bytes);
                }
                Err(e @ FetchError::Checksum { .. }) => {
                    let _ = std::fs::remove_file(&part);
                    if checksum_retried {
                        return Err(e);
                    }
                    checksum_retried = true;
                    bar.set_position(0);
                }
                Err(e) if e.transient() && attempt < self.attempts => {
                    attempt += 1;
                    std::thread::sleep(wait);
                    wait *= 2;
                }
                Err(e) => {
                    // A partial transfer is kept for the next pull to resume;
                    // anything else leaves no trace.
                    if !matches!(e, FetchError::Transfer { .. }) {
                        let _ = std::fs::remove_file(&part);
                    }
                    return Err(e);
                }
            }
        }
    }

    /// One request: resumes `part` with a range request when it holds a
    /// prefix, else starts over; appends the body to `part`.
    fn download_once(
        &self,
        url: &str,
        part: &Path,
        expected: &Expected,
        bar: &ProgressBar,
    ) -> Result<(), FetchError> {
        let transfer = |message: String| FetchError::Transfer {
            location: url.to_string(),
            message,
        };
        let have = std::fs::metadata(part).map(|m| m.len()).unwrap_or(0);
        let have = if have >= expected.bytes { 0 } else { have };
        let mut request = self.agent.get(url);
        if have > 0 {
            request = request.header("Range", format!("bytes={have}-"));
        }
        let response = request.call().map_err(|e| transfer(e.to_string()))?;
        let status = response.status().as_u16();
        let resumed = match status {
            206 if have > 0 => true,
            200 => false,
            404 | 410 => {
                return Err(FetchError::Status {
                    location: url.to_string(),
                    status,
                    hint: ": the file is not there (check --mirror, or the registry's address)",
                })
            }
            _ => {
                return Err(FetchError::Status {
                    location: url.to_string(),
                    status,
                    hint: "",
                })
            }
        };
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .write(true)
            .append(resumed)
            .truncate(!resumed)
            .open(part)
            .map_err(|source| FetchError::Cache {
                path: part.display().to_string(),
                source,
            })?;
        bar.set_position(if resumed { have } else { 0 });
        let mut body = response.into_body().into_reader();
        let mut buf = vec![0u8; 64 * 1024];
        let mut written = if resumed { have } else { 0 };
        loop {
            let n = match body.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) => return Err(transfer(format!("the transfer broke off: {e}"))),
            };
            written += n as u64;
            if written > expected.bytes {
                return Err(FetchError::Checksum {
                    location: url.to_string(),
                    digest: expected.digest.name(),
                    got: "(longer than expected)".into(),
                    expected: expected.digest.hex().to_string(),
                    size: written,
                    expected_size: expected.bytes,
                });
            }
            file.write_all(&buf[..n])
                .map_err(|source| FetchError::Cache {
                    path: part.display().to_string(),
                    source,
                })?;
            bar.inc(n as u64);
        }
        file.sync_all().map_err(|source| FetchError::Cache {
            path: part.display().to_string(),
            source,
        })?;
        if written < expected.bytes {
            return Err(transfer(format!(
                "the transfer ended after {written} of {} bytes",
                expected.bytes
            )));
        }
        Ok(())
    }
}

/// Checks size and digest against what was published.
pub fn verify(bytes: &[u8], expected: &Expected, location: &Location) -> Result<(), FetchError> {
    let got = expected.digest.of(bytes);
    if got == expected.digest.hex() && bytes.len() as u64 == expected.bytes {
        return Ok(());
    }
    Err(FetchError::Checksum {
        location: location.to_string(),
        digest: expected.digest.name(),
        got,
        expected: expected.digest.hex().to_string(),
        size: bytes.len() as u64,
        expected_size: expected.bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mirror_stands_for_scheme_and_host() {
        let url = "https://raw.githubusercontent.com/o/r/abc/data/x.rda";
        assert_eq!(
            Mirror::parse("http://127.0.0.1:8000/").locate(url),
            Location::Http(
                "http://127.0.0.1:8000/raw.githubusercontent.com/o/r/abc/data/x.rda".into()
            )
        );
        assert_eq!(
            Mirror::parse("/srv/mirror").locate(url),
            Location::File(PathBuf::from(
                "/srv/mirror/raw.githubusercontent.com/o/r/abc/data/x.rda"
            ))
        );
        assert_eq!(
            Mirror::parse("file:///srv/m").locate(url),
            Location::File(PathBuf::from(
                "/srv/m/raw.githubusercontent.com/o/r/abc/data/x.rda"
            ))
        );
        assert_eq!(Mirror::Upstream.locate(url), Location::Http(url.into()));
    }
}
