//! Where the store lives: `--store DIR`, else `$ORDO_STORE`, else the
//! per-user data directory (`$XDG_DATA_HOME/ordo`, else
//! `~/.local/share/ordo`), per the XDG base directory specification.

use crate::StoreError;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The store directory (created on first use).
#[derive(Debug, Clone)]
pub struct StoreDir {
    root: PathBuf,
}

impl StoreDir {
    pub fn locate(flag: Option<&Path>) -> Result<StoreDir, StoreError> {
        Self::locate_from(
            flag,
            std::env::var_os("ORDO_STORE"),
            std::env::var_os("XDG_DATA_HOME"),
            std::env::var_os("HOME"),
        )
    }

    /// [`StoreDir::locate`] with its inputs explicit (for tests).
    pub fn locate_from(
        flag: Option<&Path>,
        env: Option<OsString>,
        xdg: Option<OsString>,
        home: Option<OsString>,
    ) -> Result<StoreDir, StoreError> {
        let nonempty = |v: Option<OsString>| v.filter(|s| !s.is_empty()).map(PathBuf::from);
        let root = flag
            .map(Path::to_path_buf)
            .or_else(|| nonempty(env))
            .or_else(|| nonempty(xdg).map(|x| x.join("ordo")))
            .or_else(|| nonempty(home).map(|h| h.join(".local/share/ordo")))
            .ok_or_else(|| {
                StoreError::Location("no --store, ORDO_STORE, XDG_DATA_HOME or HOME".into())
            })?;
        Ok(StoreDir { root })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The directory of cached derived tables.
    pub fn cache_dir(&self) -> PathBuf {
        self.root.join("cache")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_then_env_then_xdg_then_home() {
        let l = |f: Option<&str>, e: Option<&str>, x: Option<&str>, h: Option<&str>| {
            StoreDir::locate_from(
                f.map(Path::new),
                e.map(Into::into),
                x.map(Into::into),
                h.map(Into::into),
            )
            .unwrap()
            .root()
            .to_path_buf()
        };
        assert_eq!(
            l(Some("/a"), Some("/b"), Some("/c"), Some("/d")),
            PathBuf::from("/a")
        );
        assert_eq!(
            l(None, Some("/b"), Some("/c"), Some("/d")),
            PathBuf::from("/b")
        );
        assert_eq!(
            l(None, None, Some("/c"), Some("/d")),
            PathBuf::from("/c/ordo")
        );
        assert_eq!(
            l(None, Some(""), None, Some("/d")),
            PathBuf::from("/d/.local/share/ordo")
        );
        assert!(StoreDir::locate_from(None, None, None, None).is_err());
    }
}
