//! Errors in the TOML files users edit (periodizations, recipes): always the
//! file, the line and the key.

use std::fmt;

/// A problem in a user-editable file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub file: String,
    pub line: usize,
    pub key: String,
    pub message: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: `{}`: {}",
            self.file, self.line, self.key, self.message
        )
    }
}

impl std::error::Error for FileError {}

impl FileError {
    /// A problem at a byte span of a file's text.
    pub(crate) fn at(
        file: &str,
        text: &str,
        span: std::ops::Range<usize>,
        key: &str,
        message: String,
    ) -> FileError {
        FileError {
            file: file.to_string(),
            line: line_of(text, span.start),
            key: key.to_string(),
            message,
        }
    }
}

/// Reads a user-editable file, or says which and why not.
pub(crate) fn read_text(path: &std::path::Path) -> Result<(String, String), FileError> {
    let file = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => Ok((text, file)),
        Err(e) => Err(FileError {
            file,
            line: 0,
            key: String::new(),
            message: e.to_string(),
        }),
    }
}

/// Line (1-based) of a byte offset.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// A TOML syntax or shape error as a [`FileError`].
pub(crate) fn from_toml(file: &str, text: &str, e: &toml::de::Error) -> FileError {
    let line = e.span().map_or(0, |s| line_of(text, s.start));
    let key = e
        .span()
        .map_or_else(String::new, |s| text[s.clone()].chars().take(40).collect());
    FileError {
        file: file.to_string(),
        line,
        key,
        message: e.message().to_string(),
    }
}

/// SHA-256 of a file's text, to record which recipe or periodization a
/// result used.
pub(crate) fn sha256_hex(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
