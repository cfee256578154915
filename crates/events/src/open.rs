//! Input files: plain, `.gz` or `.zip`, given as files, directories or
//! globs; hashed while they are read so provenance costs no second pass.

use crate::io_err;
use crate::EventsError;
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Expands the paths a user gave: a directory gives its files (sorted, not
/// recursive, hidden files skipped), a pattern with `*`/`?`/`[` is a glob.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, EventsError> {
    let mut out = Vec::new();
    for p in paths {
        let text = p.to_string_lossy();
        if text.contains(['*', '?', '[']) {
            let mut hits: Vec<PathBuf> = glob::glob(&text)
                .map_err(|e| EventsError::Usage(format!("bad pattern `{text}`: {e}")))?
                .filter_map(Result::ok)
                .filter(|p| p.is_file())
                .collect();
            if hits.is_empty() {
                return Err(EventsError::Usage(format!("`{text}` matches no file")));
            }
            hits.sort();
            out.extend(hits);
        } else if p.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|source| EventsError::Io {
                    path: p.clone(),
                    source,
                })?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|f| f.is_file())
                .filter(|f| {
                    !f.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                })
                .collect();
            files.sort();
            out.extend(files);
        } else if p.is_file() {
            out.push(p.clone());
        } else {
            return Err(EventsError::Io {
                path: p.clone(),
                source: io::Error::new(io::ErrorKind::NotFound, "no such file or directory"),
            });
        }
    }
    Ok(out)
}

/// Counts and hashes the bytes read through it.
pub struct Hashing<R> {
    inner: R,
    state: Arc<Mutex<(Sha256, u64)>>,
    /// Off for `--quick` raw reads: bytes are counted, not hashed.
    hash: bool,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut s = self.state.lock().expect("hash state");
        if self.hash {
            s.0.update(&buf[..n]);
        }
        s.1 += n as u64;
        Ok(n)
    }
}

/// The SHA-256 and byte count of what a [`Hashing`] reader has read.
#[derive(Clone)]
pub struct HashHandle(Arc<Mutex<(Sha256, u64)>>);

impl HashHandle {
    pub fn bytes(&self) -> u64 {
        self.0.lock().expect("hash state").1
    }

    pub fn hex(&self) -> String {
        let s = self.0.lock().expect("hash state");
        s.0.clone()
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// One stream of text rows: a file, or one member of a zip archive.
pub struct Member {
    /// `file` or `archive.zip:member`.
    pub name: String,
    pub reader: Box<dyn Read + Send>,
}

/// Opens a file for reading, decompressing by extension, hashing the bytes
/// as stored. A zip gives one member per file in it.
pub fn open(path: &Path, hash: bool) -> Result<(Vec<Member>, HashHandle), EventsError> {
    let file = File::open(path).map_err(io_err(path))?;
    let state = Arc::new(Mutex::new((Sha256::new(), 0u64)));
    let handle = HashHandle(Arc::clone(&state));
    let hashing = Hashing {
        inner: file,
        state: Arc::clone(&state),
        hash,
    };
    let name = path.display().to_string();
    let lower = name.to_lowercase();
    if lower.ends_with(".zip") {
        // Zip members need random access: hash the whole archive first,
        // then read the members from a second handle.
        let mut all = hashing;
        io::copy(&mut all, &mut io::sink()).map_err(io_err(path))?;
        let archive = zip::ZipArchive::new(File::open(path).map_err(io_err(path))?)
            .map_err(|e| EventsError::Data(format!("{name}: not a readable zip archive: {e}")))?;
        let mut members = Vec::new();
        let names: Vec<String> = archive.file_names().map(str::to_string).collect();
        let mut sorted = names.clone();
        sorted.sort();
        for member in sorted {
            if member.ends_with('/') {
                continue;
            }
            let mut a = zip::ZipArchive::new(File::open(path).map_err(io_err(path))?)
                .map_err(|e| EventsError::Data(format!("{name}: {e}")))?;
            let mut bytes = Vec::new();
            a.by_name(&member)
                .map_err(|e| EventsError::Data(format!("{name}:{member}: {e}")))?
                .read_to_end(&mut bytes)
                .map_err(|e| EventsError::Data(format!("{name}:{member}: broken member: {e}")))?;
            members.push(Member {
                name: format!("{name}:{member}"),
                reader: Box::new(io::Cursor::new(bytes)),
            });
        }
        return Ok((members, handle));
    }
    let reader: Box<dyn Read + Send> = if lower.ends_with(".gz") {
        Box::new(flate2::read::MultiGzDecoder::new(
            io::BufReader::with_capacity(1 << 20, hashing),
        ))
    } else {
        Box::new(hashing)
    };
    Ok((vec![Member { name, reader }], handle))
}
