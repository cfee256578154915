//! The sources line under every table: which dataset files, which versions,
//! how many rows and which bytes (SHA-256) a result came from.

use ordo_sources::{catalog, SourceUse};

/// What a result was computed from.
#[derive(Debug, Default, Clone)]
pub struct Provenance {
    pub lines: Vec<String>,
}

impl Provenance {
    /// From the dataset files a command read.
    pub fn from_sources(used: &[SourceUse]) -> Provenance {
        Provenance {
            lines: used.iter().map(describe).collect(),
        }
    }

    /// Every dataset file behind the state system and the measures' inputs,
    /// then what the readers could not use (e.g. UCDP codes of no COW state).
    pub fn of_world(states: &ordo_states::States, inputs: &ordo_measures::Inputs) -> Provenance {
        let mut p = Provenance::from_sources(
            &states
                .sources
                .iter()
                .chain(&inputs.sources)
                .cloned()
                .collect::<Vec<_>>(),
        );
        p.lines.extend(inputs.notes.iter().cloned());
        p
    }

    /// Adds a line about something else the result depends on (a rule, a
    /// project-data file).
    pub fn with(mut self, line: impl Into<String>) -> Provenance {
        self.lines.push(line.into());
        self
    }
}

/// One line naming a dataset file, its version, rows and checksum.
pub fn describe(used: &SourceUse) -> String {
    let (title, version) =
        catalog::dataset(&used.dataset).map_or(("?", "?"), |d| (d.title, d.version));
    format!(
        "{title} {version}: {} ({} rows, sha256 {})",
        used.file.display(),
        used.rows,
        used.sha256
    )
}
