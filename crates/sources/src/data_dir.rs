//! Finding the data directory.
//!
//! Order: `--data DIR`, else `$ORDO_DATA`, else `./data` (when it holds at
//! least one dataset folder ordo knows), else `../shared/data` seen from the
//! working directory or any of its ancestors — so the README's commands work in
//! a fresh clone that has `../shared` beside it, and `cargo test` (which runs
//! in a crate's folder) finds the same directory.

use crate::catalog::{self, DatasetSpec, FileSpec};
use crate::table::{CsvTable, ReadError};
use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};

/// How the data directory was chosen (printed so users know what was read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Flag,
    Env,
    WorkingDir,
    Shared,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Origin::Flag => "--data",
            Origin::Env => "ORDO_DATA",
            Origin::WorkingDir => "./data",
            Origin::Shared => "../shared/data",
        })
    }
}

/// Errors in finding a data directory or a dataset in it, or in reading one.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("data directory {path} (from {origin}) does not exist or is not a directory")]
    NotADirectory { path: PathBuf, origin: Origin },
    #[error(
        "no data directory found: pass --data DIR, set ORDO_DATA, or put the datasets in ./data \
         or ../shared/data (one folder per dataset, as described in PROVENANCE.md)"
    )]
    NotFound,
    #[error(
        "dataset `{id}` ({title}, {version}) is missing: expected {expected}. \
         Get the official release from {official}"
    )]
    MissingDataset {
        id: String,
        title: String,
        version: String,
        expected: PathBuf,
        official: String,
    },
    #[error(transparent)]
    Read(#[from] ReadError),
}

/// The directory holding the public datasets, one folder per dataset.
#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
    origin: Origin,
}

impl DataDir {
    /// Finds the data directory from the flag, the environment and the working
    /// directory, in that order.
    pub fn discover(flag: Option<&Path>) -> Result<DataDir, DataError> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        Self::discover_from(flag, std::env::var_os("ORDO_DATA"), &cwd)
    }

    /// [`DataDir::discover`] with its inputs explicit (for tests).
    pub fn discover_from(
        flag: Option<&Path>,
        env: Option<OsString>,
        cwd: &Path,
    ) -> Result<DataDir, DataError> {
        if let Some(path) = flag {
            return Self::at(path.to_path_buf(), Origin::Flag);
        }
        if let Some(path) = env.filter(|v| !v.is_empty()) {
            return Self::at(PathBuf::from(path), Origin::Env);
        }
        let local = cwd.join("data");
        if holds_known_dataset(&local) {
            return Self::at(local, Origin::WorkingDir);
        }
        cwd.ancestors()
            .filter_map(|dir| dir.parent())
            .map(|parent| parent.join("shared").join("data"))
            .find(|candidate| holds_known_dataset(candidate))
            .map_or(Err(DataError::NotFound), |p| Self::at(p, Origin::Shared))
    }

    fn at(root: PathBuf, origin: Origin) -> Result<DataDir, DataError> {
        if root.is_dir() {
            Ok(DataDir { root, origin })
        } else {
            Err(DataError::NotADirectory { path: root, origin })
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn origin(&self) -> Origin {
        self.origin
    }

    /// Where a file of a dataset is expected (the pattern itself for `*` files).
    pub fn expected(&self, dataset: &DatasetSpec, file: &FileSpec) -> PathBuf {
        self.root.join(dataset.id).join(file.path)
    }

    /// The files present for a file spec, sorted; empty when missing.
    pub fn files(&self, dataset: &DatasetSpec, file: &FileSpec) -> Vec<PathBuf> {
        let expected = self.expected(dataset, file);
        let Some((prefix, suffix)) = file.path.split_once('*') else {
            return if expected.is_file() {
                vec![expected]
            } else {
                Vec::new()
            };
        };
        let dir = self.root.join(dataset.id);
        let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.is_file()
                    && p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                        n.len() >= prefix.len() + suffix.len()
                            && n.starts_with(prefix)
                            && n.ends_with(suffix)
                    })
            })
            .collect();
        found.sort();
        found
    }

    /// Opens a single-file dataset file for reading, or says what is missing
    /// and where to get it.
    pub fn open(&self, dataset_id: &str, file: &str) -> Result<CsvTable, DataError> {
        let dataset = catalog::known(dataset_id);
        let spec = dataset.file(file);
        let path = self.expected(dataset, spec);
        if !path.is_file() {
            return Err(DataError::MissingDataset {
                id: dataset.id.to_string(),
                title: dataset.title.to_string(),
                version: dataset.version.to_string(),
                expected: path,
                official: dataset.official.to_string(),
            });
        }
        Ok(CsvTable::open(&path, spec.layout, dataset.id)?)
    }
}

fn holds_known_dataset(dir: &Path) -> bool {
    dir.is_dir() && catalog::DATASETS.iter().any(|d| dir.join(d.id).is_dir())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> tempfile::TempDir {
        let t = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(t.path().join("shared/data/cow_states")).unwrap();
        std::fs::create_dir_all(t.path().join("clone/crates/cli")).unwrap();
        t
    }

    #[test]
    fn flag_wins_over_env_and_shared() {
        let t = tree();
        let flag = t.path().join("shared/data");
        let d = DataDir::discover_from(Some(&flag), Some("/nonexistent".into()), t.path()).unwrap();
        assert_eq!(d.origin(), Origin::Flag);
    }

    #[test]
    fn env_that_does_not_exist_is_an_error_naming_it() {
        let t = tree();
        let e = DataDir::discover_from(None, Some("/nonexistent/x".into()), t.path()).unwrap_err();
        assert!(e.to_string().contains("/nonexistent/x") && e.to_string().contains("ORDO_DATA"));
    }

    #[test]
    fn shared_data_is_found_from_the_clone_and_from_a_crate_folder() {
        let t = tree();
        for cwd in ["clone", "clone/crates/cli"] {
            let d = DataDir::discover_from(None, None, &t.path().join(cwd)).unwrap();
            assert_eq!(d.origin(), Origin::Shared);
            assert_eq!(d.root(), t.path().join("shared/data"));
        }
    }

    #[test]
    fn local_data_dir_needs_a_known_dataset_folder() {
        let t = tree();
        let clone = t.path().join("clone");
        std::fs::create_dir_all(clone.join("data/unrelated")).unwrap();
        let d = DataDir::discover_from(None, None, &clone).unwrap();
        assert_eq!(d.origin(), Origin::Shared);
        std::fs::create_dir_all(clone.join("data/cow_nmc")).unwrap();
        let d = DataDir::discover_from(None, None, &clone).unwrap();
        assert_eq!(d.origin(), Origin::WorkingDir);
    }

    #[test]
    fn missing_dataset_says_where_to_get_it() {
        let t = tree();
        let d =
            DataDir::discover_from(Some(&t.path().join("shared/data")), None, t.path()).unwrap();
        let e = d.open("cow_nmc", "cow_nmc.csv").unwrap_err().to_string();
        assert!(
            e.contains("cow_nmc") && e.contains("correlatesofwar.org"),
            "{e}"
        );
    }
}
