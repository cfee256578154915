//! Assembling a dyad-year frame: keys first (`ccode1`, `ccode2`, `year`),
//! then every measure in a fixed order, with what each column comes from.

use crate::column::Column;
use crate::dyads::{DyadYears, Universe};
use crate::inputs::Inputs;
use crate::majors;
use crate::mirror::{Pairs, Sides};
use arrow_array::{ArrayRef, Int64Array, RecordBatch};
use arrow_schema::{Field, Schema};
use ordo_states::States;
use rayon::prelude::*;
use std::sync::Arc;

/// What a column of a frame is and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnInfo {
    pub name: &'static str,
    pub source: &'static str,
    pub coverage: (i32, i32),
}

/// A built frame.
#[derive(Debug, Clone)]
pub struct Frame {
    pub batch: RecordBatch,
    pub columns: Vec<ColumnInfo>,
}

/// A group of measure columns computed together, and how its values
/// behave when the two states swap places.
struct Group<'a> {
    sides: Sides,
    run: Box<Measures<'a>>,
}

/// Computes a group's columns for the given keys.
type Measures<'a> = dyn Fn(&DyadYears) -> Vec<Column> + Send + Sync + 'a;

fn group<'a>(
    sides: Sides,
    run: impl Fn(&DyadYears) -> Vec<Column> + Send + Sync + 'a,
) -> Group<'a> {
    Group {
        sides,
        run: Box::new(run),
    }
}

/// Every measure group of a dyad-year frame, in column order.
fn groups<'a>(
    inputs: &'a Inputs,
    states: &'a States,
    universe: &'a Universe<'_>,
) -> Vec<Group<'a>> {
    use Sides::{Directed, Symmetric};
    let mut groups = vec![
        group(Symmetric(&[("cowmaj1", "cowmaj2")]), |k| {
            majors::columns(&states.majors_2024, k)
        }),
        group(Symmetric(&[("nmc_cinc1", "nmc_cinc2")]), |k| {
            inputs.capabilities.columns(k)
        }),
        // ATOP's dyad-years are directed: a pledge can run one way only.
        group(Directed, |k| inputs.alliances.pledge_columns(k)),
        group(Symmetric(&[]), |k| {
            inputs.alliances.portfolio_columns(k, universe)
        }),
        group(Directed, |k| inputs.disputes.columns(k)),
        group(Directed, |k| inputs.wars.columns(k)),
        group(Symmetric(&[]), |k| inputs.rivalries.columns(k)),
        group(
            Symmetric(&[("trade_flow1", "trade_flow2"), ("trade_dep1", "trade_dep2")]),
            |k| inputs.trade.columns(k),
        ),
        group(Symmetric(&[]), |k| inputs.contiguity.columns(k)),
        group(Symmetric(&[]), |k| {
            crate::relevance::columns(&inputs.contiguity, states, k)
        }),
        group(Symmetric(&[]), |k| inputs.distances.columns(k)),
        group(Symmetric(&[]), |k| inputs.igos.columns(k)),
        group(
            Symmetric(&[
                ("dem_polyarchy1", "dem_polyarchy2"),
                ("dem_polity2_1", "dem_polity2_2"),
                ("dem_uds1", "dem_uds2"),
            ]),
            |k| inputs.democracy.columns(k),
        ),
        group(Symmetric(&[("bsv_ideal1", "bsv_ideal2")]), |k| {
            inputs.un.columns(k)
        }),
    ];
    groups.extend(
        inputs
            .state_vars
            .iter()
            .filter(|v| !v.pairs.is_empty())
            .map(|v| group(Symmetric(v.pairs), move |k| v.dyad_columns(k))),
    );
    groups.push(group(Symmetric(&[]), |k| inputs.arms_races.columns(k)));
    groups.push(group(Symmetric(&[]), |k| inputs.ucdp.dyad_columns(k)));
    groups
}

/// All measures for the given dyad-years. A directed frame's symmetric
/// measures are computed once per unordered pair (see `mirror.rs`).
pub fn dyad_frame(
    inputs: &Inputs,
    states: &States,
    universe: &Universe<'_>,
    keys: &DyadYears,
) -> Frame {
    if !keys.directed {
        return dyad_frame_unmirrored(inputs, states, universe, keys);
    }
    let pairs = Pairs::of(keys);
    frame_of(keys, &groups(inputs, states, universe), |g| match g.sides {
        Sides::Directed => (g.run)(keys),
        Sides::Symmetric(swapped) => pairs.place(&(g.run)(&pairs.keys), swapped),
    })
}

/// All measures computed on each key as given, directed or not: the
/// reference the mirrored directed frame is tested against.
pub fn dyad_frame_unmirrored(
    inputs: &Inputs,
    states: &States,
    universe: &Universe<'_>,
    keys: &DyadYears,
) -> Frame {
    frame_of(keys, &groups(inputs, states, universe), |g| (g.run)(keys))
}

fn frame_of(
    keys: &DyadYears,
    groups: &[Group<'_>],
    columns_of: impl Fn(&Group<'_>) -> Vec<Column> + Sync,
) -> Frame {
    // rayon keeps the jobs' order in its results, so the frame's columns
    // do not depend on timing.
    let columns: Vec<Vec<Column>> = groups.par_iter().map(&columns_of).collect();
    assemble(keys, columns.into_iter().flatten().collect())
}

fn assemble(keys: &DyadYears, cols: Vec<Column>) -> Frame {
    let key_arrays: [(&str, ArrayRef); 3] = [
        (
            "ccode1",
            Arc::new(Int64Array::from_iter_values(
                keys.ccode1.iter().map(|&c| i64::from(c)),
            )),
        ),
        (
            "ccode2",
            Arc::new(Int64Array::from_iter_values(
                keys.ccode2.iter().map(|&c| i64::from(c)),
            )),
        ),
        (
            "year",
            Arc::new(Int64Array::from_iter_values(
                keys.year.iter().map(|&y| i64::from(y)),
            )),
        ),
    ];
    let mut fields: Vec<Field> = key_arrays
        .iter()
        .map(|(n, a)| Field::new(*n, a.data_type().clone(), false))
        .collect();
    let mut arrays: Vec<ArrayRef> = key_arrays.into_iter().map(|(_, a)| a).collect();
    let mut columns = Vec::with_capacity(cols.len());
    for c in cols {
        fields.push(Field::new(c.name, c.values.data_type().clone(), true));
        arrays.push(c.values);
        columns.push(ColumnInfo {
            name: c.name,
            source: c.source,
            coverage: c.coverage,
        });
    }
    let batch = RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)
        .expect("columns have the keys' length");
    Frame { batch, columns }
}
