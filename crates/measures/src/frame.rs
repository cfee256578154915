//! Assembling a dyad-year frame: keys first (`ccode1`, `ccode2`, `year`),
//! then every measure in a fixed order, with what each column comes from.

use crate::column::Column;
use crate::dyads::{DyadYears, Universe};
use crate::inputs::Inputs;
use crate::majors;
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

/// All measures for the given dyad-years.
pub fn dyad_frame(
    inputs: &Inputs,
    states: &States,
    universe: &Universe<'_>,
    keys: &DyadYears,
) -> Frame {
    type Group<'a> = Box<dyn Fn() -> Vec<Column> + Send + Sync + 'a>;
    let groups: Vec<Group<'_>> = vec![
        Box::new(|| majors::columns(&states.majors_2024, keys)),
        Box::new(|| inputs.capabilities.columns(keys)),
        Box::new(|| inputs.alliances.columns(keys, universe)),
        Box::new(|| inputs.disputes.columns(keys)),
        Box::new(|| inputs.wars.columns(keys)),
        Box::new(|| inputs.rivalries.columns(keys)),
        Box::new(|| inputs.trade.columns(keys)),
        Box::new(|| inputs.contiguity.columns(keys)),
        Box::new(|| inputs.distances.columns(keys)),
        Box::new(|| inputs.igos.columns(keys)),
        Box::new(|| inputs.democracy.columns(keys)),
        Box::new(|| inputs.un.columns(keys)),
    ];
    // rayon keeps the jobs' order in its results, so the frame's columns
    // do not depend on timing.
    let columns: Vec<Vec<Column>> = groups.par_iter().map(|job| job()).collect();
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

/// Politically relevant dyad-years (Weede 1976; Lemke & Reed 2001, as in
/// peacesciencer's `filter_prd()`): directly contiguous (any type 1-5) or
/// either state a COW major power.
pub fn politically_relevant(inputs: &Inputs, states: &States, keys: &DyadYears) -> DyadYears {
    let keep = |i: usize| {
        let (a, b, y) = keys.key(i);
        inputs.contiguity.conttype(a, b, y).unwrap_or(0) >= 1
            || majors::is_major_in(&states.majors_2024, a, y)
            || majors::is_major_in(&states.majors_2024, b, y)
    };
    let idx: Vec<usize> = (0..keys.len()).filter(|&i| keep(i)).collect();
    DyadYears {
        ccode1: idx.iter().map(|&i| keys.ccode1[i]).collect(),
        ccode2: idx.iter().map(|&i| keys.ccode2[i]).collect(),
        year: idx.iter().map(|&i| keys.year[i]).collect(),
        directed: keys.directed,
    }
}
