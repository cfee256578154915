//! Finding the data directory.
//!
//! Order: `--data DIR`, else `$ORDO_DATA`, else `./data` (when it holds at
//! least one dataset folder ordo knows), else `../shared/data` seen from the
//! working directory or any of its ancestors (the layout of the workplace
//! where ordo is developed: a fresh clone with `../shared` beside it, and
//! `cargo test` running in a crate's folder, find the same directory), else
//! the user data directory `ordo data pull` writes to
//! (`$XDG_DATA_HOME/ordo/data`, else `~/.local/share/ordo/data`).

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
    User,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Origin::Flag => "--data",
            Origin::Env => "ORDO_DATA",
            Origin::WorkingDir => "./data",
            Origin::Shared => "../shared/data",
            Origin::User => "the user data directory",
        })
    }
}

/// Errors in finding a data directory or a dataset in it, or in reading one.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("data directory {path} (from {origin}) does not exist or is not a directory")]
    NotADirectory { path: PathBuf, origin: Origin },
    #[error(
        "no data directory found. Run `ordo data pull` to download the datasets ({user}), \
         or point ordo at a directory that holds them with --data DIR or ORDO_DATA"
    )]
    NotFound { user: String },
    #[error(
        "dataset `{id}` ({title}, {version}) is missing: expected {expected}. \
         Run `ordo data pull {id}` to fetch it (official release: {official})"
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
        Self::discover_from(flag, std::env::var_os("ORDO_DATA"), &cwd, user_data_dir())
    }

    /// [`DataDir::discover`] with its inputs explicit (for tests).
    pub fn discover_from(
        flag: Option<&Path>,
        env: Option<OsString>,
        cwd: &Path,
        user: Option<PathBuf>,
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
        if let Some(shared) = cwd
            .ancestors()
            .filter_map(|dir| dir.parent())
            .map(|parent| parent.join("shared").join("data"))
            .find(|candidate| holds_known_dataset(candidate))
        {
            return Self::at(shared, Origin::Shared);
        }
        match user {
            Some(dir) if holds_known_dataset(&dir) => Self::at(dir, Origin::User),
            dir => Err(DataError::NotFound {
                user: dir.map_or_else(
                    || "set HOME or XDG_DATA_HOME so ordo has a place for them".to_string(),
                    |d| format!("into {}", d.display()),
                ),
            }),
        }
    }

    /// A data directory at `root` as given (for writing into it: a pull).
    pub fn at_path(root: PathBuf) -> DataDir {
        DataDir {
            root,
            origin: Origin::Flag,
        }
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

/// Where `ordo data pull` puts the datasets by default:
/// `$XDG_DATA_HOME/ordo/data`, else `~/.local/share/ordo/data`.
pub fn user_data_dir() -> Option<PathBuf> {
    user_data_dir_from(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"))
}

fn user_data_dir_from(xdg: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let nonempty = |v: Option<OsString>| v.filter(|s| !s.is_empty()).map(PathBuf::from);
    nonempty(xdg)
        .or_else(|| nonempty(home).map(|h| h.join(".local").join("share")))
        .map(|base| base.join("ordo").join("data"))
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
        let d = DataDir::discover_from(Some(&flag), Some("/nonexistent".into()), t.path(), None)
            .unwrap();
        assert_eq!(d.origin(), Origin::Flag);
    }

    #[test]
    fn env_that_does_not_exist_is_an_error_naming_it() {
        let t = tree();
        let e = DataDir::discover_from(None, Some("/nonexistent/x".into()), t.path(), None)
            .unwrap_err();
        assert!(e.to_string().contains("/nonexistent/x") && e.to_string().contains("ORDO_DATA"));
    }

    #[test]
    fn shared_data_is_found_from_the_clone_and_from_a_crate_folder() {
        let t = tree();
        for cwd in ["clone", "clone/crates/cli"] {
            let d = DataDir::discover_from(None, None, &t.path().join(cwd), None).unwrap();
            assert_eq!(d.origin(), Origin::Shared);
            assert_eq!(d.root(), t.path().join("shared/data"));
        }
    }

    #[test]
    fn local_data_dir_needs_a_known_dataset_folder() {
        let t = tree();
        let clone = t.path().join("clone");
        std::fs::create_dir_all(clone.join("data/unrelated")).unwrap();
        let d = DataDir::discover_from(None, None, &clone, None).unwrap();
        assert_eq!(d.origin(), Origin::Shared);
        std::fs::create_dir_all(clone.join("data/cow_nmc")).unwrap();
        let d = DataDir::discover_from(None, None, &clone, None).unwrap();
        assert_eq!(d.origin(), Origin::WorkingDir);
    }

    #[test]
    fn missing_dataset_says_where_to_get_it() {
        let t = tree();
        let d = DataDir::discover_from(Some(&t.path().join("shared/data")), None, t.path(), None)
            .unwrap();
        let e = d.open("cow_nmc", "cow_nmc.csv").unwrap_err().to_string();
        assert!(
            e.contains("cow_nmc")
                && e.contains("ordo data pull cow_nmc")
                && e.contains("correlatesofwar.org"),
            "{e}"
        );
    }

    #[test]
    fn the_user_data_directory_comes_last_and_nothing_found_says_what_to_run() {
        let t = tempfile::tempdir().unwrap();
        let user = t.path().join("xdg/ordo/data");
        let e = DataDir::discover_from(None, None, t.path(), Some(user.clone()))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("ordo data pull") && e.contains(&user.display().to_string()),
            "{e}"
        );
        assert!(!e.contains("PROVENANCE") && !e.contains("shared"), "{e}");
        std::fs::create_dir_all(user.join("cow_states")).unwrap();
        let d = DataDir::discover_from(None, None, t.path(), Some(user.clone())).unwrap();
        assert_eq!((d.origin(), d.root()), (Origin::User, user.as_path()));
        assert_eq!(
            user_data_dir_from(Some("/x".into()), Some("/home/u".into())),
            Some(PathBuf::from("/x/ordo/data"))
        );
        assert_eq!(
            user_data_dir_from(Some("".into()), Some("/home/u".into())),
            Some(PathBuf::from("/home/u/.local/share/ordo/data"))
        );
    }
}
