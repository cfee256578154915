//! SHA-256 of the bytes a reader consumes, so a file is hashed in the same pass
//! that parses it (datasets of tens of MB are read once, not twice).

use sha2::{Digest, Sha256};
use std::cell::RefCell;
use std::io::{self, Read};
use std::path::Path;
use std::rc::Rc;

/// A reader that feeds every byte it passes on into a shared SHA-256 state.
pub(crate) struct HashingReader<R> {
    inner: R,
    hasher: Rc<RefCell<Sha256>>,
}

impl<R: Read> HashingReader<R> {
    pub(crate) fn new(inner: R) -> (Self, Rc<RefCell<Sha256>>) {
        let hasher = Rc::new(RefCell::new(Sha256::new()));
        let reader = HashingReader {
            inner,
            hasher: Rc::clone(&hasher),
        };
        (reader, hasher)
    }
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.borrow_mut().update(&buf[..n]);
        Ok(n)
    }
}

/// Lowercase hex of a finished hash.
pub(crate) fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 of a whole file, as `sha256sum` prints it.
pub fn sha256_file(path: &Path) -> io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    io::copy(&mut file, &mut hasher)?;
    Ok(hex(&hasher.finalize()))
}
