//! What to cite: the references of the datasets a command reads (or of
//! named datasets, or of every dataset ordo knows), of ordo and of the
//! article behind it, as BibTeX or as a reference list. The report's
//! bibliography is [`Session::citations`] for `report`.

use crate::Session;
use anyhow::bail;
use ordo_sources::bibliography::{Bibliography, Citations};
use ordo_sources::catalog::{self, DatasetSpec, DATASETS};
use ordo_sources::datasets;
use std::collections::BTreeSet;

/// How [`Session::cite`] writes the references.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CiteFormat {
    /// BibTeX entries, sorted by key, each once.
    #[default]
    Bibtex,
    /// A reference list (author-year), then the version of each dataset
    /// ordo reads beside the one peacesciencer lists.
    Text,
}

impl CiteFormat {
    /// `bibtex` (or `bib`) or `text` (or `txt`).
    pub fn parse(name: &str) -> anyhow::Result<CiteFormat> {
        match name.to_ascii_lowercase().as_str() {
            "bibtex" | "bib" => Ok(CiteFormat::Bibtex),
            "text" | "txt" => Ok(CiteFormat::Text),
            other => bail!("unknown citation format `{other}`: bibtex or text"),
        }
    }
}

/// Options of [`Session::cite`]. With no dataset and no command: every
/// dataset ordo knows.
#[derive(Debug, Clone, Default)]
pub struct CiteOptions {
    /// Datasets by their ids in the catalog (as `ordo data status` lists
    /// them, e.g. `cow_nmc`, `ucdp_acd`).
    pub datasets: Vec<String>,
    /// Commands whose datasets are cited (`report`, `dyads`,
    /// `states-year`, …; [`COMMANDS`] lists them).
    pub commands: Vec<String>,
    pub format: CiteFormat,
}

impl CiteOptions {
    /// The citations of what `command` reads.
    pub fn for_command(command: &str) -> CiteOptions {
        CiteOptions {
            commands: vec![command.to_string()],
            ..Default::default()
        }
    }
}

/// The state system: every command that names a state reads it.
const STATE_SYSTEM: &[&str] = &["cow_states", "cow_majors", "cow_majors_v2024", "gw_states"];

/// What the dyad-year and state-year frames read (`ordo_measures::Inputs`),
/// beside the state system. A test holds this list to the files the
/// loaders actually open.
pub const FRAME_INPUTS: &[&str] = &[
    "cow_nmc",
    "atop_alliance",
    "cow_mid_ddydisps",
    "gml_mid_ddydisps",
    "gml_part",
    "cow_war_inter",
    "cow_war_intra",
    "td_rivalries",
    "tss_rivalries",
    "grh_arms_races",
    "maoz_powers",
    "archigos",
    "archigossums",
    "cow_capitals",
    "cow_contdir",
    "cow_trade_sy",
    "cow_trade_ndy",
    "cow_igo_sy",
    "cow_igo_ndy",
    "cow_mindist",
    "creg",
    "hief",
    "terrthreat",
    "ucdp_acd",
    "ucdp_onsets",
    "ccode_democracy",
    "cow_sdp_gdp",
    "unvotes",
    "un_ideal_points_bsv",
];

/// What the leader units read (`ordo_measures::leader_data`), beside the
/// state system.
const LEADER_INPUTS: &[&str] = &["archigos", "leader_codes", "LEAD", "lwuf", "gml_part"];

/// The lookups of the event tables (CAMEO codes, ICEWS country names).
const EVENT_LOOKUPS: &[&str] = &["icews_country_gwcode", "cameo_lookups"];

/// The event data themselves are the user's files: cited by the works
/// introducing the families ordo reads (GDELT 1.0, ICEWS).
const EVENT_WORKS: &[&str] = &["leetaruschrodt2013gdelt", "boscheeetal2015icews"];

/// The works behind the similarity measures every frame computes (S,
/// Cohen's κ and Scott's π after Häge, Kendall's τ-b; docs/measures.md).
const FRAME_WORKS: &[&str] = &[
    "signorinoritter1999tbn",
    "haege2011cc",
    "cohen1960cans",
    "scott1955rca",
    "kendall1938nmrc",
];

/// What the bibliography itself reads.
const BIBLIOGRAPHY: &[&str] = &["ps_bib", "ps_data_version"];

/// Groups of datasets a command reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reads {
    /// Nothing from the data directory (project data only).
    Nothing,
    StateSystem,
    /// The state system and the frames' inputs.
    Frames,
    /// The frames and the bibliography.
    Report,
    /// The state system and the leader datasets.
    Leaders,
    /// The state system and the event lookups; the event data's works.
    Events,
    /// Every table of the SQL store: the dataset tables, the frames, the
    /// event tables.
    Sql,
    /// Every dataset of the catalog.
    Catalog,
}

/// Every command `--for` takes, as typed after `ordo`, with what it reads.
pub const COMMANDS: &[&str] = &[
    "report",
    "dyad",
    "dyads",
    "state",
    "states-year",
    "states",
    "leaders",
    "leader-dyads",
    "coverage",
    "system",
    "instability",
    "periods",
    "cooperation",
    "test",
    "breaks",
    "panel",
    "chronology",
    "table1",
    "events",
    "ingest",
    "sql",
    "serve",
    "data",
];

fn reads(command: &str) -> Option<Reads> {
    Some(match command {
        "report" => Reads::Report,
        // `states middle` and every frame load the measures' inputs.
        "dyad" | "dyads" | "state" | "states-year" | "states" | "coverage" | "system"
        | "instability" | "cooperation" | "test" | "breaks" | "panel" | "table1" => Reads::Frames,
        "leaders" | "leader-dyads" => Reads::Leaders,
        "chronology" => Reads::StateSystem,
        "periods" => Reads::Nothing,
        "events" | "ingest" => Reads::Events,
        "sql" | "serve" => Reads::Sql,
        "data" => Reads::Catalog,
        _ => return None,
    })
}

/// The dataset ids `command` reads, and the keys of the works it cites
/// beyond them (the methods of its measures, the event data's families),
/// or `None` for a command `--for` does not know.
pub fn datasets_read_by(command: &str) -> Option<(Vec<&'static str>, Vec<&'static str>)> {
    let frames = || STATE_SYSTEM.iter().chain(FRAME_INPUTS).copied();
    let (ids, works): (Vec<&'static str>, Vec<&'static str>) = match reads(command)? {
        Reads::Nothing => (Vec::new(), Vec::new()),
        Reads::StateSystem => (STATE_SYSTEM.to_vec(), Vec::new()),
        Reads::Frames => (frames().collect(), FRAME_WORKS.to_vec()),
        Reads::Report => (
            frames().chain(BIBLIOGRAPHY.iter().copied()).collect(),
            FRAME_WORKS.to_vec(),
        ),
        Reads::Leaders => (
            STATE_SYSTEM.iter().chain(LEADER_INPUTS).copied().collect(),
            Vec::new(),
        ),
        Reads::Events => (
            STATE_SYSTEM.iter().chain(EVENT_LOOKUPS).copied().collect(),
            EVENT_WORKS.to_vec(),
        ),
        Reads::Sql => (
            datasets::all()
                .iter()
                .map(|s| s.dataset)
                .chain(frames())
                .chain(EVENT_LOOKUPS.iter().copied())
                .collect(),
            FRAME_WORKS.iter().chain(EVENT_WORKS).copied().collect(),
        ),
        Reads::Catalog => (DATASETS.iter().map(|d| d.id).collect(), Vec::new()),
    };
    Some((in_catalog_order(ids), works))
}

/// Ids once each, in the catalog's order.
fn in_catalog_order(ids: Vec<&'static str>) -> Vec<&'static str> {
    let set: BTreeSet<&str> = ids.into_iter().collect();
    DATASETS
        .iter()
        .map(|d| d.id)
        .filter(|id| set.contains(id))
        .collect()
}

/// The datasets and extra works the options name, checked before any file
/// is read.
fn selection(o: &CiteOptions) -> anyhow::Result<(Vec<&'static DatasetSpec>, Vec<&'static str>)> {
    let mut ids: Vec<&'static str> = Vec::new();
    let mut works: Vec<&'static str> = Vec::new();
    for name in &o.datasets {
        let found = catalog::dataset(name)
            .or_else(|| DATASETS.iter().find(|d| d.id.eq_ignore_ascii_case(name)));
        match found {
            Some(d) => ids.push(d.id),
            None => bail!(
                "unknown dataset `{name}`: `ordo cite` takes the dataset ids `ordo data status` lists: {}",
                DATASETS.iter().map(|d| d.id).collect::<Vec<_>>().join(", ")
            ),
        }
    }
    for command in &o.commands {
        let Some((read, also)) = datasets_read_by(command) else {
            bail!(
                "unknown command `{command}` for --for: {}",
                COMMANDS.join(", ")
            );
        };
        ids.extend(read);
        works.extend(also);
    }
    if o.datasets.is_empty() && o.commands.is_empty() {
        ids = DATASETS.iter().map(|d| d.id).collect();
        works.extend(FRAME_WORKS.iter().chain(EVENT_WORKS));
    }
    let specs = in_catalog_order(ids)
        .into_iter()
        .map(catalog::known)
        .collect();
    works.sort_unstable();
    works.dedup();
    Ok((specs, works))
}

impl Session {
    /// The citations of the datasets `o` names (by id or by the commands
    /// that read them; every dataset when it names none), of ordo and of
    /// the article behind it: BibTeX entries from peacesciencer's
    /// bibliography (`ps_bib`) where it has the work, from ordo's own
    /// otherwise.
    pub fn citations(&self, o: &CiteOptions) -> anyhow::Result<Citations> {
        let (specs, works) = selection(o)?;
        let bib = Bibliography::load(&self.data_dir()?)?;
        for s in &bib.sources {
            self.note(format!("read {}", crate::provenance::describe(s)));
        }
        Ok(bib.cite(&specs, &works)?)
    }

    /// [`Session::citations`] written as `o.format` asks: BibTeX, or a
    /// reference list followed by the versions.
    pub fn cite(&self, o: &CiteOptions) -> anyhow::Result<String> {
        let c = self.citations(o)?;
        Ok(match o.format {
            CiteFormat::Bibtex => c.bibtex(),
            CiteFormat::Text => c.text(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_and_dataset_is_known() {
        for c in COMMANDS {
            let (ids, _) = datasets_read_by(c).unwrap_or_else(|| panic!("{c}"));
            for id in ids {
                assert!(catalog::dataset(id).is_some(), "{c}: {id}");
            }
        }
        for id in STATE_SYSTEM
            .iter()
            .chain(FRAME_INPUTS)
            .chain(LEADER_INPUTS)
            .chain(EVENT_LOOKUPS)
            .chain(BIBLIOGRAPHY)
        {
            assert!(catalog::dataset(id).is_some(), "{id}");
        }
        assert!(datasets_read_by("frobnicate").is_none());
        let (report, _) = datasets_read_by("report").unwrap();
        assert!(report.contains(&"ps_bib") && report.contains(&"cow_nmc"));
        assert!(
            !report.contains(&"cameo_lookups"),
            "the report reads no events"
        );
    }

    #[test]
    fn unknown_names_are_refused_with_the_valid_ones() {
        let e = selection(&CiteOptions {
            datasets: vec!["cow_nmcc".into()],
            ..Default::default()
        })
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("unknown dataset `cow_nmcc`") && e.contains("cow_nmc, "),
            "{e}"
        );
        let e = selection(&CiteOptions::for_command("frobnicate"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("report, dyad, dyads"), "{e}");
        let (lead, _) = selection(&CiteOptions {
            datasets: vec!["lead".into()],
            ..Default::default()
        })
        .unwrap();
        assert_eq!(lead[0].id, "LEAD");
        assert_eq!(CiteFormat::parse("BibTeX").unwrap(), CiteFormat::Bibtex);
        assert!(CiteFormat::parse("ris").is_err());
    }

    #[test]
    fn the_frames_read_exactly_what_cite_names_for_them() {
        // Loads the state system and the frames' inputs from the data
        // directory and compares the datasets read with FRAME_INPUTS.
        let session = Session::new(crate::SessionOptions::default());
        let world = session.world().unwrap();
        let (states, inputs) = world.get().unwrap();
        let read: BTreeSet<&str> = states
            .sources
            .iter()
            .chain(&inputs.sources)
            .map(|s| s.dataset.as_str())
            .collect();
        let (named, _) = datasets_read_by("dyads").unwrap();
        let named: BTreeSet<&str> = named.into_iter().collect();
        assert_eq!(
            read, named,
            "update FRAME_INPUTS (crates/ordo/src/cite.rs) to the datasets the frames read"
        );
    }
}
