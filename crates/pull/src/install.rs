//! Installing a converted dataset into the data directory atomically: its
//! files and record are written into a staging folder beside the dataset's
//! folder (same file system), which is then renamed into place. A pull
//! killed at any moment leaves the old dataset or the new one, never half
//! of one; what a kill leaves behind is hidden staging, cleaned by the next
//! pull. One pull at a time per data directory: a second pull started
//! meanwhile removes the first one's staging, and the first then fails
//! (without damage).

use ordo_sources::pull_record::{PullRecord, RECORD_FILE};
use std::io::Write;
use std::path::{Path, PathBuf};

const STAGING: &str = ".ordo-pull-staging-";
const OLD: &str = ".ordo-pull-old-";

/// A failure to write into the data directory.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {source}")]
pub struct InstallError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> InstallError + '_ {
    move |source| InstallError {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes `files` (name, bytes) and `record` as the dataset `id` under
/// `root`, replacing what was there in one rename.
pub fn install(
    root: &Path,
    id: &str,
    files: &[(String, Vec<u8>)],
    record: &PullRecord,
) -> Result<(), InstallError> {
    std::fs::create_dir_all(root).map_err(io(root))?;
    let staging = root.join(format!("{STAGING}{}-{id}", std::process::id()));
    let result = stage(&staging, files, record).and_then(|()| swap(root, id, &staging));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

fn stage(
    staging: &Path,
    files: &[(String, Vec<u8>)],
    record: &PullRecord,
) -> Result<(), InstallError> {
    if staging.exists() {
        std::fs::remove_dir_all(staging).map_err(io(staging))?;
    }
    std::fs::create_dir(staging).map_err(io(staging))?;
    let record_text = record.to_toml();
    let all = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .chain(std::iter::once((RECORD_FILE, record_text.as_bytes())));
    for (name, bytes) in all {
        let path = staging.join(name);
        let mut f = std::fs::File::create(&path).map_err(io(&path))?;
        f.write_all(bytes).map_err(io(&path))?;
        f.sync_all().map_err(io(&path))?;
    }
    Ok(())
}

/// Puts `staging` in the place of `root/id`. An existing folder is first
/// moved aside and removed only once the new one is in place; if the
/// second rename fails it is moved back.
fn swap(root: &Path, id: &str, staging: &Path) -> Result<(), InstallError> {
    let target = root.join(id);
    if !target.exists() {
        return std::fs::rename(staging, &target).map_err(io(&target));
    }
    let old = root.join(format!("{OLD}{}-{id}", std::process::id()));
    std::fs::rename(&target, &old).map_err(io(&target))?;
    if let Err(e) = std::fs::rename(staging, &target) {
        let _ = std::fs::rename(&old, &target);
        return Err(io(&target)(e));
    }
    std::fs::remove_dir_all(&old).map_err(io(&old))
}

/// Writes one file atomically: to a hidden temporary name beside it, then
/// renamed (an archive's files are installed one at a time this way).
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), InstallError> {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let tmp = path.with_file_name(format!(".{name}.partial-{}", std::process::id()));
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io(path))
}

/// Repairs what a killed pull left under `root`: a dataset moved aside but
/// not replaced is moved back, staging folders are removed.
pub fn recover(root: &Path) -> Result<Vec<String>, InstallError> {
    let mut repaired = Vec::new();
    let Ok(entries) = std::fs::read_dir(root) else {
        return Ok(repaired);
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if let Some(rest) = name.strip_prefix(OLD) {
            let id = rest.split_once('-').map_or(rest, |(_, id)| id);
            let target = root.join(id);
            if target.exists() {
                std::fs::remove_dir_all(&path).map_err(io(&path))?;
            } else {
                std::fs::rename(&path, &target).map_err(io(&path))?;
                repaired.push(format!("restored {id} from an interrupted pull"));
            }
        } else if name.starts_with(STAGING) {
            std::fs::remove_dir_all(&path).map_err(io(&path))?;
            repaired.push(format!("removed {name} left by an interrupted pull"));
        }
    }
    Ok(repaired)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str) -> PullRecord {
        PullRecord {
            dataset: id.into(),
            retrieved_at: "2026-12-06T00:00:00Z".into(),
            citation: String::new(),
            terms: String::new(),
            ordo: "test".into(),
            files: Vec::new(),
        }
    }

    #[test]
    fn a_dataset_is_replaced_whole() {
        let root = tempfile::tempdir().unwrap();
        let files = vec![("a.csv".to_string(), b"x\n1\n".to_vec())];
        install(root.path(), "d", &files, &record("d")).unwrap();
        std::fs::write(root.path().join("d/stale.csv"), "old").unwrap();
        let files = vec![("a.csv".to_string(), b"x\n2\n".to_vec())];
        install(root.path(), "d", &files, &record("d")).unwrap();
        assert_eq!(
            std::fs::read(root.path().join("d/a.csv")).unwrap(),
            b"x\n2\n"
        );
        assert!(!root.path().join("d/stale.csv").exists());
        let names: Vec<_> = std::fs::read_dir(root.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["d"]);
    }

    #[test]
    fn an_interrupted_swap_is_undone_by_the_next_pull() {
        let root = tempfile::tempdir().unwrap();
        // As a kill between the two renames leaves it.
        std::fs::create_dir(root.path().join(format!("{OLD}123-cow_states"))).unwrap();
        std::fs::create_dir(root.path().join(format!("{STAGING}123-cow_states"))).unwrap();
        let notes = recover(root.path()).unwrap();
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(root.path().join("cow_states").is_dir());
        assert_eq!(std::fs::read_dir(root.path()).unwrap().count(), 1);
    }
}
