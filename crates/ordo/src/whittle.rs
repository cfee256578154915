//! Disputes whittled by a chain the user names (`--whittle`), as a table
//! that replaces the dispute columns of a dyad-year frame.
//!
//! The stored frames read peacesciencer's pre-whittled files (the full
//! chain). With `--whittle onset,fatality` the COW and GML dispute-year
//! files are reduced by that chain instead (crates/measures/src/whittle.rs)
//! and the `cowmid_*`/`gmlmid_*` columns come from the result; the chain and
//! what each step left are written in the sources.

use crate::frame_sql::Join;
use crate::provenance::describe;
use crate::Session;
use arrow_array::{ArrayRef, Int64Array, RecordBatch};
use ordo_measures::disputes::Disputes;
use ordo_measures::whittle::{dispute_years, whittle, MidFamily, Step};
use ordo_sources::datasets::mids::{COW_COVERAGE, GML_COVERAGE};
use std::sync::Arc;

/// The columns a whittled table replaces, with the years in which "no
/// dispute" is 0.
const REPLACED: [(&str, Option<(i32, i32)>); 10] = [
    ("cowmid_ongoing", Some(COW_COVERAGE)),
    ("cowmid_onset", Some(COW_COVERAGE)),
    ("cowmid_hostlev", None),
    ("cowmid_fatality", None),
    ("cowmid_dispnum", None),
    ("gmlmid_ongoing", Some(GML_COVERAGE)),
    ("gmlmid_onset", Some(GML_COVERAGE)),
    ("gmlmid_hostlev", None),
    ("gmlmid_fatality", None),
    ("gmlmid_dispnum", None),
];

impl Session {
    /// The dispute columns of every directed dyad-year with a dispute,
    /// whittled by `chain`, and the lines for the sources.
    pub(crate) fn whittled_disputes(&self, chain: &[Step]) -> anyhow::Result<(Join, Vec<String>)> {
        let dir = self.data_dir()?;
        let names: Vec<&str> = chain.iter().map(|s| s.name()).collect();
        let mut lines = Vec::new();
        let mut kept = Vec::new();
        for (family, label) in [(MidFamily::Cow, "COW-MID"), (MidFamily::Gml, "GML")] {
            let (rows, missing, used) = dispute_years(&dir, family)?;
            lines.extend(used.iter().map(describe));
            let (map, report) = whittle(rows, chain);
            let note = if missing > 0 {
                format!(" ({missing} dispute-years whose dispute is not in the dispute table rank lowest)")
            } else {
                String::new()
            };
            lines.push(format!(
                "{label} disputes whittled by {}: {report}{note}",
                names.join(" > ")
            ));
            kept.push(map);
        }
        let disputes = Disputes::whittled(&kept[0], &kept[1]);
        let keys = disputes.keys();
        let key = |v: &[u16]| -> ArrayRef {
            Arc::new(Int64Array::from_iter_values(
                v.iter().map(|&c| i64::from(c)),
            ))
        };
        let mut columns: Vec<(&str, ArrayRef)> = vec![
            ("ccode1", key(&keys.ccode1)),
            ("ccode2", key(&keys.ccode2)),
            (
                "year",
                Arc::new(Int64Array::from_iter_values(
                    keys.year.iter().map(|&y| i64::from(y)),
                )),
            ),
        ];
        columns.extend(
            disputes
                .columns(&keys)
                .into_iter()
                .map(|c| (c.name, c.values)),
        );
        let batch: RecordBatch = ordo_measures::column::record_batch(columns);
        self.note(format!("disputes: whittled by {}", names.join(" > ")));
        let join = Join {
            name: "ordo_whittled_disputes".into(),
            batch,
            columns: REPLACED.iter().map(|(n, c)| (n.to_string(), *c)).collect(),
        };
        Ok((join, lines))
    }
}
