//! Running a query on the store and printing its result with the sources of
//! every table it touched.

use crate::context::Context;
use crate::provenance::Provenance;
use ordo_store::Engine;

/// Runs `sql` and streams the result to the output; `lines` are added to
/// the provenance. Returns the number of rows.
pub fn print_query(
    ctx: &Context,
    engine: &Engine,
    sql: &str,
    lines: &[String],
) -> anyhow::Result<usize> {
    ctx.note(format!("query: {sql}"));
    let mut sink = ctx.output.sink();
    let mut rows = 0;
    let mut failure = None;
    let schema = engine.stream(sql, |batch| {
        rows += batch.num_rows();
        if failure.is_none() {
            failure = sink.write(batch).err();
        }
        Ok(())
    })?;
    if let Some(e) = failure {
        return Err(e);
    }
    let mut provenance = Provenance {
        lines: engine.provenance(),
    };
    provenance.lines.extend(lines.iter().cloned());
    sink.finish(&schema, &provenance)?;
    // A table built for this answer is cached while the answer is written;
    // a cache that could not be written is an error of the command too.
    engine.wait_for_cache()?;
    Ok(rows)
}

/// The rules behind the dyad-year frames, printed with `--verbose`.
pub const DYAD_RULES: &[&str] = &[
    "dyad-years: pairs of COW members on a same day of the year; spells open at the end of COW v2016 (2016-12-31) extended through 2022",
    "MIDs (COW v5.0, GML v2.2.1): one dispute per dyad-year as whittled by peacesciencer (onsets first, then highest fatality, hostility, duration, lowest dispute number); ongoing/onset 0 inside coverage when no dispute, hostlev/fatality NULL",
    "war (COW v4.0): a dyad-year in several wars takes the maximum of ongoing and onset",
    "contiguity (COW v3.2): closest type (smallest code >= 1) of any spell overlapping the year; 0 none",
    "capital distance: capitals in place on 31 December (else the latest spell in the year), haversine on a 6,371 km sphere",
    "UN votes: countries mapped to COW codes on each vote's date; roll calls grouped by calendar year of the vote",
    "BSV ideal points: state-years listed twice in the source (Nauru 2000-2012) are NULL",
    "ATOP pledges: 0 inside 1815-2018 when no alliance row, NULL outside",
];
