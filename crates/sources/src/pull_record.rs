//! The record `ordo data pull` leaves in a dataset's folder
//! (`ordo-pull.toml`): where each file came from, its upstream SHA-256,
//! when it was retrieved and how to cite it. `ordo data status` shows it, so
//! a number can be traced to the exact upstream bytes behind it.

use serde::{Deserialize, Serialize};
use std::path::Path;

/// The record's file name inside the dataset folder.
pub const RECORD_FILE: &str = "ordo-pull.toml";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PullRecord {
    pub dataset: String,
    /// UTC, RFC 3339.
    pub retrieved_at: String,
    pub citation: String,
    pub terms: String,
    /// The ordo version that converted the files.
    pub ordo: String,
    #[serde(rename = "file")]
    pub files: Vec<PulledFile>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PulledFile {
    /// The file in the dataset folder.
    pub name: String,
    /// The upstream's immutable address.
    pub upstream: String,
    /// SHA-256 of the upstream bytes (checked before conversion).
    pub upstream_sha256: String,
    /// Where the bytes were actually read (the upstream, or a mirror).
    pub fetched_from: String,
    /// SHA-256 of the file as written.
    pub sha256: String,
}

impl PullRecord {
    /// The record of the dataset folder `dir`, if a pull wrote one; an
    /// unreadable record is reported as an error string.
    pub fn read(dir: &Path) -> Option<Result<PullRecord, String>> {
        let path = dir.join(RECORD_FILE);
        let text = std::fs::read_to_string(&path).ok()?;
        Some(toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display())))
    }

    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a pull record serialises")
    }

    /// The record of one file.
    pub fn file(&self, name: &str) -> Option<&PulledFile> {
        self.files.iter().find(|f| f.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_round_trips_through_its_file() {
        let record = PullRecord {
            dataset: "cow_states".into(),
            retrieved_at: "2026-12-06T14:00:00Z".into(),
            citation: "COW 2017".into(),
            terms: "cite".into(),
            ordo: "0.1.0".into(),
            files: vec![PulledFile {
                name: "cow_states.csv".into(),
                upstream: "https://example.org/x.rda".into(),
                upstream_sha256: "a".repeat(64),
                fetched_from: "http://127.0.0.1:9/example.org/x.rda".into(),
                sha256: "b".repeat(64),
            }],
        };
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(RECORD_FILE), record.to_toml()).unwrap();
        assert_eq!(PullRecord::read(dir.path()).unwrap().unwrap(), record);
        assert!(PullRecord::read(&dir.path().join("none")).is_none());
    }
}
