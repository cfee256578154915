//! The registry of upstreams (`data/upstreams.toml`): for every dataset of
//! the data directory, the pinned upstream files it is made from, their
//! SHA-256 and size, and the conversion that turns each into the file ordo
//! reads. Project data, compiled into ordo so that a pull needs nothing else.

use serde::Deserialize;

/// The registry ordo ships.
pub fn builtin() -> &'static Registry {
    static REGISTRY: std::sync::OnceLock<Registry> = std::sync::OnceLock::new();
    REGISTRY.get_or_init(|| {
        toml::from_str(include_str!("../data/upstreams.toml"))
            .expect("crates/pull/data/upstreams.toml is valid (checked by a unit test)")
    })
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    pub version: u32,
    #[serde(rename = "dataset")]
    pub datasets: Vec<Upstream>,
}

/// One dataset: its id in the catalog (the folder name), the terms under
/// which its producers distribute it, and its files.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Upstream {
    pub id: String,
    pub terms: String,
    #[serde(rename = "file")]
    pub files: Vec<UpstreamFile>,
}

/// One file of the data directory and the upstream bytes it comes from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpstreamFile {
    /// The file's name in the dataset folder.
    pub to: String,
    /// An immutable address: a repository file at a full commit.
    pub url: String,
    pub sha256: String,
    pub bytes: u64,
    pub convert: Conversion,
    /// The R object to read (`rda`).
    #[serde(default)]
    pub object: Option<String>,
    /// Columns to keep (`rda`); all when empty.
    #[serde(default)]
    pub columns: Vec<String>,
    /// Number of fields of the rows to keep (`gdelt-rows`).
    #[serde(default)]
    pub fields: Option<usize>,
    /// How the text was mis-encoded upstream (`r-csv`).
    #[serde(default)]
    pub recode: Option<Recode>,
    /// Write the result gzip-compressed.
    #[serde(default)]
    pub gzip: bool,
}

/// How an upstream file becomes a file of the data directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Conversion {
    Rda,
    Copy,
    TsvToCsv,
    GdeltRows,
    RCsv,
}

/// A known mis-encoding to undo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Recode {
    /// UTF-8 text once decoded as Mac Roman and saved as Windows-1252 (the
    /// ICEWS CAMEO codebook in the icews R package: `’` became `‚Äô`).
    Utf8ReadAsMacRomanSavedAsCp1252,
}

impl Registry {
    /// The upstream of a dataset, by its catalog id.
    pub fn dataset(&self, id: &str) -> Option<&Upstream> {
        self.datasets.iter().find(|d| d.id == id)
    }
}

impl Upstream {
    /// The distinct upstream files (two files of a dataset may be made from
    /// the same upstream bytes, e.g. the raw ICEWS sample and its CSV).
    pub fn distinct_urls(&self) -> Vec<&UpstreamFile> {
        let mut seen = std::collections::HashSet::new();
        self.files
            .iter()
            .filter(|f| seen.insert(f.url.as_str()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_covers_every_catalogued_dataset_and_every_file() {
        let registry = builtin();
        assert_eq!(registry.version, 1);
        for spec in ordo_sources::catalog::DATASETS {
            let up = registry
                .dataset(spec.id)
                .unwrap_or_else(|| panic!("no upstream for {}", spec.id));
            for file in spec.files {
                if file.path.contains('*') {
                    let (pre, post) = file.path.split_once('*').unwrap();
                    assert!(
                        up.files
                            .iter()
                            .any(|f| f.to.starts_with(pre) && f.to.ends_with(post)),
                        "{}: nothing matches {}",
                        spec.id,
                        file.path
                    );
                } else {
                    assert!(
                        up.files.iter().any(|f| f.to == file.path),
                        "{}: no upstream for {}",
                        spec.id,
                        file.path
                    );
                }
            }
        }
        assert_eq!(
            registry.datasets.len(),
            ordo_sources::catalog::DATASETS.len()
        );
    }

    #[test]
    fn every_address_is_pinned_and_every_conversion_complete() {
        for d in &builtin().datasets {
            for f in &d.files {
                let commit = f.url.split('/').nth(5).unwrap_or("");
                assert!(
                    f.url.starts_with("https://raw.githubusercontent.com/")
                        && commit.len() == 40
                        && commit.chars().all(|c| c.is_ascii_hexdigit()),
                    "{} is not a file at a full commit",
                    f.url
                );
                assert_eq!(f.sha256.len(), 64);
                match f.convert {
                    Conversion::Rda => assert!(f.object.is_some(), "{}", f.to),
                    Conversion::GdeltRows => assert!(f.fields.is_some(), "{}", f.to),
                    Conversion::RCsv => assert!(f.recode.is_some(), "{}", f.to),
                    _ => {}
                }
            }
        }
    }
}
