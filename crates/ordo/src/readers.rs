//! Which of ordo's commands read each dataset, for `ordo data status`
//! (`read_by`): a catalogued dataset no command reads is a dataset a user
//! downloads for nothing, and the test suite keeps that list empty.

use crate::cite::{datasets_read_by, COMMANDS};
use ordo_sources::datasets;

/// Dataset-year files read only when disputes are whittled by a chosen rule.
const WHITTLE_INPUTS: &[&str] = &[
    "cow_mid_dirdisps",
    "cow_mid_disps",
    "gml_dirdisp",
    "gml_mid_disps",
];

/// Read only by the Gleditsch-Ward frames (`--system gw`).
const GW_INPUTS: &[&str] = &["gw_capitals"];

/// The sample event files, read by `ordo ingest` (and `ordo data pull
/// gdelt|icews --ingest`).
const EVENT_SAMPLES: &[(&str, &str)] = &[
    ("gdelt_v1_raw_sample", "ingest gdelt"),
    ("gdelt_v1_georgia_2011_2013", "ingest gdelt"),
    ("icews_sample", "ingest icews"),
];

/// The commands (and SQL tables) that read `dataset`, comma-separated;
/// empty when none does. `sql`, `serve` and `data` are left out: they can
/// read every file, which says nothing about its use.
pub fn read_by(dataset: &str) -> String {
    let mut out: Vec<String> = COMMANDS
        .iter()
        .filter(|c| !matches!(**c, "sql" | "serve" | "data"))
        .filter(|c| datasets_read_by(c).is_some_and(|(ids, _)| ids.contains(&dataset)))
        .map(|c| c.to_string())
        .collect();
    if WHITTLE_INPUTS.contains(&dataset) {
        out.push("dyad/dyads --whittle".into());
    }
    if GW_INPUTS.contains(&dataset) {
        out.push("dyad/dyads --system gw".into());
    }
    out.extend(
        EVENT_SAMPLES
            .iter()
            .filter(|(d, _)| *d == dataset)
            .map(|(_, c)| c.to_string()),
    );
    out.extend(
        datasets::all()
            .iter()
            .filter(|s| s.dataset == dataset)
            .map(|s| format!("sql: {}", s.table)),
    );
    out.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ordo_sources::catalog::DATASETS;

    #[test]
    fn every_catalogued_dataset_is_read_by_a_command() {
        let unread: Vec<&str> = DATASETS
            .iter()
            .map(|d| d.id)
            .filter(|id| read_by(id).is_empty())
            .collect();
        assert!(unread.is_empty(), "read by nothing: {unread:?}");
        assert_eq!(
            read_by("ucdp_acd"),
            "report, dyad, dyads, state, states-year, states, coverage, system, instability, cooperation, test, breaks, panel, table1, sql: ucdp_acd"
        );
        assert!(read_by("gml_dirdisp").contains("dyad/dyads --whittle"));
        assert_eq!(read_by("icews_sample"), "ingest icews");
        assert_eq!(
            read_by("gw_capitals"),
            "dyad/dyads --system gw, sql: gw_capitals"
        );
    }
}
