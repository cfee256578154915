//! A pull: which datasets to fetch, then for each one its upstream files
//! fetched and verified, converted, and installed with its record.

use crate::convert::{self, ConvertError};
use crate::fetch::{Digest, Expected, FetchError, Fetcher, Location};
use crate::install::{self, InstallError};
use crate::registry::{self, Upstream};
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use ordo_sources::catalog;
use ordo_sources::pull_record::{PullRecord, PulledFile};
use std::path::{Path, PathBuf};

/// The datasets `ordo report` (and every dyad-year, state-year and system
/// command it runs) reads: the state system and majors, capabilities,
/// alliances, disputes, wars, rivalries, trade, IGOs, contiguity and
/// distance, democracy, leaders, UN votes and ideal points, the
/// crosswalks the event tables need, and peacesciencer's bibliography and
/// data versions (the report's references, `ordo cite --for report`).
pub const FOR_REPORT: &[&str] = &[
    "cow_states",
    "cow_majors",
    "cow_majors_v2024",
    "gw_states",
    "cow_nmc",
    "atop_alliance",
    "cow_mid_ddydisps",
    "gml_mid_ddydisps",
    "cow_war_inter",
    "td_rivalries",
    "tss_rivalries",
    "archigos",
    "archigossums",
    "cow_capitals",
    "cow_contdir",
    "cow_trade_sy",
    "cow_igo_sy",
    "cow_igo_ndy",
    "cow_mindist",
    "ccode_democracy",
    "cow_trade_ndy",
    "unvotes",
    "un_ideal_points_bsv",
    "icews_country_gwcode",
    "cameo_lookups",
    "ps_bib",
    "ps_data_version",
    "gml_part",
    "cow_war_intra",
    "grh_arms_races",
    "maoz_powers",
    "creg",
    "hief",
    "terrthreat",
    "ucdp_acd",
    "ucdp_onsets",
    "cow_sdp_gdp",
];

/// Which datasets a pull asks for.
#[derive(Debug, Clone)]
pub enum Selection {
    All,
    Named(Vec<String>),
    ForReport,
}

/// How a pull runs.
pub struct PullOptions {
    /// The data directory to install into.
    pub to: PathBuf,
    pub fetcher: Fetcher,
    /// Fetch again datasets that are already present.
    pub force: bool,
    /// Draw progress bars (on a terminal).
    pub progress: bool,
}

/// What happened to one dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Installed { bytes: u64, files: usize },
    AlreadyPresent,
}

/// A failed pull: which dataset, which address, what went wrong and what to
/// do. Datasets installed before the failure stay installed.
#[derive(Debug, thiserror::Error)]
pub enum PullError {
    #[error("unknown dataset `{0}`: `ordo data status` lists the datasets (e.g. cow_states, atop_alliance)")]
    Unknown(String),
    #[error("dataset `{dataset}`: {source}. {hint}")]
    Fetch {
        dataset: String,
        source: Box<FetchError>,
        hint: String,
    },
    #[error("dataset `{dataset}`: {location}: {source}. The upstream bytes were verified, so this is a problem in ordo's conversion: please report it")]
    Convert {
        dataset: String,
        location: String,
        source: Box<ConvertError>,
    },
    #[error("dataset `{dataset}`: cannot write into the data directory: {source}. Choose a writable directory with --to DIR (the data directory is unchanged)")]
    Install {
        dataset: String,
        source: InstallError,
    },
}

/// The datasets of a selection, in registry order.
pub fn select(selection: &Selection) -> Result<Vec<&'static Upstream>, PullError> {
    let reg = registry::builtin();
    let ids: Vec<String> = match selection {
        Selection::All => return Ok(reg.datasets.iter().collect()),
        Selection::ForReport => FOR_REPORT.iter().map(|s| s.to_string()).collect(),
        Selection::Named(names) => names.clone(),
    };
    ids.iter()
        .map(|id| {
            reg.dataset(id)
                .ok_or_else(|| PullError::Unknown(id.clone()))
        })
        .collect()
}

/// Whether every file of a dataset is in `root` already.
pub fn present(root: &Path, id: &str) -> bool {
    let Some(spec) = catalog::dataset(id) else {
        return false;
    };
    let dir = ordo_sources::DataDir::at_path(root.to_path_buf());
    spec.files.iter().all(|f| !dir.files(spec, f).is_empty())
}

/// Pulls `datasets` into `options.to`, calling `say` with a line for each
/// step; stops at the first failure.
pub fn pull(
    datasets: &[&Upstream],
    options: &PullOptions,
    say: &mut dyn FnMut(String),
) -> Result<Vec<(String, Outcome)>, PullError> {
    for note in install::recover(&options.to).map_err(|source| PullError::Install {
        dataset: "(recovery)".into(),
        source,
    })? {
        say(note);
    }
    let todo: Vec<&Upstream> = datasets
        .iter()
        .copied()
        .filter(|d| options.force || !present(&options.to, &d.id))
        .collect();
    let total: u64 = todo.iter().map(|d| download_bytes(d)).sum();
    let bars = MultiProgress::with_draw_target(if options.progress {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    });
    let overall = bars.add(ProgressBar::new(total));
    overall.set_style(style("total"));
    let mut outcomes = Vec::new();
    for dataset in datasets {
        if !todo.iter().any(|d| d.id == dataset.id) {
            outcomes.push((dataset.id.clone(), Outcome::AlreadyPresent));
            continue;
        }
        let outcome = pull_one(dataset, options, &bars, &overall, say)?;
        outcomes.push((dataset.id.clone(), outcome));
    }
    overall.finish_and_clear();
    Ok(outcomes)
}

/// Bytes to download for a dataset (each upstream file once).
pub fn download_bytes(dataset: &Upstream) -> u64 {
    dataset.distinct_urls().iter().map(|f| f.bytes).sum()
}

fn style(prefix: &str) -> ProgressStyle {
    ProgressStyle::with_template(&format!(
        "{prefix:>12} {{bar:30}} {{bytes}}/{{total_bytes}} {{msg}}"
    ))
    .unwrap_or_else(|_| ProgressStyle::default_bar())
}

fn pull_one(
    dataset: &Upstream,
    options: &PullOptions,
    bars: &MultiProgress,
    overall: &ProgressBar,
    say: &mut dyn FnMut(String),
) -> Result<Outcome, PullError> {
    let mut fetched: Vec<(&str, Vec<u8>, Location)> = Vec::new();
    for file in dataset.distinct_urls() {
        let location = options.fetcher.mirror.locate(&file.url);
        say(format!(
            "{}: {} ({}) from {location}",
            dataset.id,
            file.to,
            human_bytes(file.bytes)
        ));
        let bar = bars.add(ProgressBar::new(file.bytes));
        bar.set_style(style(&dataset.id));
        let expected = Expected {
            url: &file.url,
            digest: Digest::Sha256(&file.sha256),
            bytes: file.bytes,
        };
        let before = overall.position();
        let result = options.fetcher.fetch(&expected, &bar);
        bar.finish_and_clear();
        overall.set_position(before + file.bytes);
        let bytes = result.map_err(|source| PullError::Fetch {
            dataset: dataset.id.clone(),
            hint: hint(&source, &file.url),
            source: Box::new(source),
        })?;
        fetched.push((file.url.as_str(), bytes, location));
    }
    let mut files = Vec::new();
    let mut record_files = Vec::new();
    for file in &dataset.files {
        let (_, upstream, location) = fetched
            .iter()
            .find(|(url, _, _)| *url == file.url)
            .expect("every url was fetched above");
        let converted = convert::convert(file, upstream).map_err(|source| PullError::Convert {
            dataset: dataset.id.clone(),
            location: location.to_string(),
            source: Box::new(source),
        })?;
        record_files.push(PulledFile {
            name: file.to.clone(),
            upstream: file.url.clone(),
            upstream_sha256: file.sha256.clone(),
            fetched_from: location.to_string(),
            sha256: crate::sha256_hex(&converted),
        });
        files.push((file.to.clone(), converted));
    }
    let record = PullRecord {
        dataset: dataset.id.clone(),
        retrieved_at: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        citation: catalog::dataset(&dataset.id)
            .map(|d| d.citation.to_string())
            .unwrap_or_default(),
        terms: dataset.terms.clone(),
        ordo: env!("CARGO_PKG_VERSION").to_string(),
        files: record_files,
    };
    install::install(&options.to, &dataset.id, &files, &record).map_err(|source| {
        PullError::Install {
            dataset: dataset.id.clone(),
            source,
        }
    })?;
    say(format!(
        "{}: installed {} file(s) in {}",
        dataset.id,
        files.len(),
        options.to.join(&dataset.id).display()
    ));
    Ok(Outcome::Installed {
        bytes: download_bytes(dataset),
        files: files.len(),
    })
}

/// What to do about a failed fetch.
fn hint(error: &FetchError, url: &str) -> String {
    match error {
        FetchError::Checksum { .. } => format!(
            "Nothing was installed. If it repeats, the mirror's copy differs from the pinned upstream {url}: try without --mirror or another mirror"
        ),
        FetchError::Status { status, .. } if *status == 404 || *status == 410 => format!(
            "Nothing was installed. The pinned upstream is {url}; with --mirror, check that the mirror holds it as BASE/<host>/<path>"
        ),
        FetchError::NotInMirror { .. } => format!(
            "Nothing was installed. The mirror directory must hold {url} as DIR/<host>/<path>"
        ),
        FetchError::Offline { .. } => "Nothing was installed.".to_string(),
        _ => "Nothing was installed; run the same pull again to resume (partial downloads are kept in the download cache)".to_string(),
    }
}

/// `1.2 MB`, `340 kB`.
pub fn human_bytes(n: u64) -> String {
    match n {
        n if n >= 1_000_000 => format!("{:.1} MB", n as f64 / 1e6),
        n if n >= 1_000 => format!("{:.0} kB", n as f64 / 1e3),
        n => format!("{n} B"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_report_dataset_is_in_the_registry() {
        let chosen = select(&Selection::ForReport).unwrap();
        assert_eq!(chosen.len(), FOR_REPORT.len());
        assert!(matches!(
            select(&Selection::Named(vec!["cow_statez".into()])),
            Err(PullError::Unknown(_))
        ));
    }

    #[test]
    fn sizes_read_as_a_person_would() {
        assert_eq!(human_bytes(4081), "4 kB");
        assert_eq!(human_bytes(2_575_957), "2.6 MB");
        assert_eq!(human_bytes(526), "526 B");
    }
}
