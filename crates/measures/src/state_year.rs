//! State-year frames: capabilities, major-power status, democracy, leader,
//! total trade and IGO memberships of each state in each year it was a
//! member, then the state attributes (`state_vars.rs`: NMC components,
//! economy, territorial threat, fractionalization, Maoz powers, rivalries by
//! type, UCDP conflict and onsets, intra-state wars, GML disputes, war
//! count) in the order `Inputs::state_vars` lists them.
//!
//! `nmc_share`: the state's CINC over the sum of the CINCs of all states with
//! a CINC that year — the share of system capabilities among the members
//! ordo knows (CINC already is a share of the NMC system; the two differ by
//! rounding and by states outside the membership list).

use crate::dyads::Universe;
use crate::inputs::Inputs;
use crate::majors;
use crate::Map;
use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
use ordo_states::{StateCode, States};
use std::sync::Arc;

/// State-years of the given states (all members when `only` is empty).
pub fn state_frame(
    inputs: &Inputs,
    states: &States,
    universe: &Universe<'_>,
    only: &[u16],
    from: i32,
    to: i32,
) -> RecordBatch {
    let mut rows: Vec<(u16, i32)> = Vec::new();
    let mut total_cinc: Map<i32, f64> = Map::default();
    for year in from..=to.min(universe.last_year()) {
        let members = universe.members_in(year);
        let sum: f64 = members
            .iter()
            .filter_map(|c| inputs.capabilities.cinc(*c, year))
            .sum();
        total_cinc.insert(year, sum);
        rows.extend(
            members
                .into_iter()
                .filter(|c| only.is_empty() || only.contains(c))
                .map(|c| (c, year)),
        );
    }
    rows.sort_unstable();
    let f = |get: &dyn Fn(u16, i32) -> Option<f64>| -> ArrayRef {
        Arc::new(
            rows.iter()
                .map(|&(c, y)| get(c, y))
                .collect::<Float64Array>(),
        )
    };
    let i = |get: &dyn Fn(u16, i32) -> Option<i64>| -> ArrayRef {
        Arc::new(rows.iter().map(|&(c, y)| get(c, y)).collect::<Int64Array>())
    };
    let abbrev: ArrayRef = Arc::new(
        rows.iter()
            .map(|&(c, _)| states.system.get(StateCode(c)).map(|s| s.abbrev.clone()))
            .collect::<StringArray>(),
    );
    let leader: ArrayRef = Arc::new(
        rows.iter()
            .map(|&(c, y)| inputs.leaders.on_dec31(states, c, y))
            .collect::<StringArray>(),
    );
    let columns: Vec<(&str, ArrayRef)> = vec![
        ("ccode", i(&|c, _| Some(i64::from(c)))),
        ("year", i(&|_, y| Some(i64::from(y)))),
        ("stateabb", abbrev),
        (
            "cowmaj",
            i(&|c, y| Some(i64::from(majors::is_major_in(&states.majors_2024, c, y)))),
        ),
        ("nmc_cinc", f(&|c, y| inputs.capabilities.cinc(c, y))),
        (
            "nmc_share",
            f(&|c, y| {
                let total = *total_cinc.get(&y)?;
                (total > 0.0)
                    .then(|| inputs.capabilities.cinc(c, y).map(|v| v / total))
                    .flatten()
            }),
        ),
        ("dem_polyarchy", f(&|c, y| inputs.democracy.score(c, y, 0))),
        ("dem_polity2", f(&|c, y| inputs.democracy.score(c, y, 1))),
        ("dem_uds", f(&|c, y| inputs.democracy.score(c, y, 2))),
        ("leader", leader),
        ("trade_total", f(&|c, y| inputs.trade.total(c, y))),
        ("igo_full", i(&|c, y| inputs.igos.full_memberships(c, y))),
    ];
    let attributes: Vec<(&str, ArrayRef)> = inputs
        .state_vars
        .iter()
        .flat_map(|v| v.state_columns(&rows))
        .map(|c| (c.name, c.values))
        .collect();
    crate::column::record_batch(columns.into_iter().chain(attributes).collect())
}
