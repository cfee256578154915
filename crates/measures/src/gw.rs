//! The Gleditsch–Ward system as a second universe (`--system gw`), and the
//! GW codes of COW frames.
//!
//! **Universe.** GW independent states (Gleditsch & Ward 1999, the 2017
//! list `gw_states`, without the separate list of microstates), at day
//! precision, with the COW frames' rules: a state-year is a state with a day
//! of membership in the year; a dyad-year is a pair of states members on at
//! least one same day of the year (the pairs peacesciencer's
//! `false_gw_dyads` removes are never built). Spells open at the end of the
//! GW data (2017-12-31) are carried through the frames' last year (2022).
//!
//! **Codes.** Each GW row carries the COW codes beside its GW codes, read
//! from the dated crosswalk (`crates/states/data/crosswalk.csv`, `gw` rows)
//! on one day: for a state-year, the last day of the year on which the GW
//! state was a member (31 December for a state that was a member through
//! the year's end); for a dyad-year, the last day of the year on which both
//! were members. A COW code is kept only if that COW state has a day of COW
//! membership in the year; otherwise it is NULL. So GW 260 is COW 260 until
//! 1989 and COW 255 from 1990, except with the GDR in 1990 (their last common
//! day is 1990-10-02, when the FRG was COW 260); GW 260 has no COW code
//! 1949-1954 (COW admits the FRG in 1955). COW frames carry GW codes by the
//! same rule the other way round.
//!
//! Why the last day and not 31 December (the rule of the UCDP columns,
//! `civil_conflict.rs`): a state that left during the year keeps the code it
//! had (South Yemen in 1990 is COW 680 on 21 May; on 31 December no code is
//! valid), and a dyad whose states last met before a change keeps the codes
//! of that day (FRG-GDR 1990 is a COW dyad-year, COW 255-265 is not). Two GW
//! states can read the same COW code in one year when they never coexisted
//! (GW 340 Serbia and 345 Serbia and Montenegro in 2006 both read COW 345).
//!
//! **Measures.** Every measure is keyed by COW code, so a GW frame's
//! measures are the COW measures of its COW codes, computed by the same code
//! as the COW frames (`dyad_frame`, `state_frame`): a state attribute
//! (`nmc_cinc1`, `dem_polity2_2`, …) is NULL on the side without a COW code,
//! a dyadic measure (alliances, disputes, trade, contiguity, …) is NULL when
//! either side has none. Capital distance is the exception: it is computed
//! between the GW states' own capitals (`gw_capitals`).

use crate::distance::GwCapitals;
use crate::dyads::{Days, DyadYears, Universe};
use crate::frame::{dyad_frame, ColumnInfo, Frame};
use crate::inputs::Inputs;
use crate::Map;
use arrow_array::{Array, ArrayRef, BooleanArray, Int64Array, RecordBatch, UInt32Array};
use arrow_schema::{Field, Schema};
use chrono::NaiveDate;
use ordo_states::{GwSystem, Scheme, States};
use rayon::prelude::*;
use std::sync::Arc;

/// A dated code mapping: valid from, to (inclusive, open when `None`), the
/// code mapped to.
type Dated = Vec<(Option<NaiveDate>, Option<NaiveDate>, u16)>;

/// The two state systems over the same years, and the crosswalk between
/// them, indexed for frames of millions of rows.
pub struct Systems<'a> {
    pub states: &'a States,
    pub cow: Universe<'a>,
    pub gw: Universe<'a>,
    cow_days: YearDays,
    gw_days: YearDays,
    gw_to_cow: Map<u16, Dated>,
    cow_to_gw: Map<u16, Dated>,
}

/// Each state's membership days within each year.
struct YearDays(Map<(u16, i32), Days>);

impl YearDays {
    fn of(universe: &Universe<'_>, from: i32) -> YearDays {
        let mut m = Map::default();
        for year in from..=universe.last_year() {
            for (code, days) in universe.member_days(year) {
                m.insert((code, year), days);
            }
        }
        YearDays(m)
    }

    fn member(&self, code: u16, year: i32) -> bool {
        self.0.contains_key(&(code, year))
    }

    fn last_day(&self, code: u16, year: i32) -> Option<NaiveDate> {
        self.0.get(&(code, year))?.iter().map(|d| d.1).max()
    }

    fn last_common_day(&self, a: u16, b: u16, year: i32) -> Option<NaiveDate> {
        let (da, db) = (self.0.get(&(a, year))?, self.0.get(&(b, year))?);
        da.iter()
            .flat_map(|(s1, e1)| {
                db.iter()
                    .filter(move |(s2, e2)| s1 <= e2 && s2 <= e1)
                    .map(move |(_, e2)| *e1.min(e2))
            })
            .max()
    }
}

/// The single code valid on `day`, if exactly one is.
fn on_day(rows: Option<&Dated>, day: NaiveDate) -> Option<u16> {
    let mut found = rows?
        .iter()
        .filter(|(f, t, _)| f.is_none_or(|f| f <= day) && t.is_none_or(|t| day <= t))
        .map(|r| r.2);
    let first = found.next()?;
    found.all(|c| c == first).then_some(first)
}

impl<'a> Systems<'a> {
    /// Both systems from `from` to their last year, open spells extended
    /// through `extend_to_year`.
    pub fn new(states: &'a States, from: i32, extend_to_year: Option<i32>) -> Systems<'a> {
        let cow = Universe::new(&states.system, extend_to_year);
        let gw = Universe::gw(&states.gw, extend_to_year);
        let (mut gw_to_cow, mut cow_to_gw) = (Map::default(), Map::default());
        for m in states.crosswalk.rows(Scheme::Gw) {
            let Ok(g) = m.code.parse::<u16>() else {
                continue;
            };
            gw_to_cow
                .entry(g)
                .or_insert_with(Vec::new)
                .push((m.from, m.to, m.ccode.0));
            cow_to_gw
                .entry(m.ccode.0)
                .or_insert_with(Vec::new)
                .push((m.from, m.to, g));
        }
        Systems {
            states,
            cow_days: YearDays::of(&cow, from),
            gw_days: YearDays::of(&gw, from),
            cow,
            gw,
            gw_to_cow,
            cow_to_gw,
        }
    }

    /// The GW list the GW universe is made of.
    pub fn gw_system(&self) -> &'a GwSystem {
        &self.states.gw
    }

    fn cow_on(&self, gw: u16, day: NaiveDate, year: i32) -> Option<u16> {
        on_day(self.gw_to_cow.get(&gw), day).filter(|c| self.cow_days.member(*c, year))
    }

    fn gw_on(&self, cow: u16, day: NaiveDate, year: i32) -> Option<u16> {
        on_day(self.cow_to_gw.get(&cow), day).filter(|g| self.gw_days.member(*g, year))
    }

    /// The COW code of a GW state-year (see the module doc).
    pub fn ccode_of(&self, gw: u16, year: i32) -> Option<u16> {
        self.cow_on(gw, self.gw_days.last_day(gw, year)?, year)
    }

    /// The COW codes of a GW dyad-year.
    pub fn ccodes_of(&self, gw1: u16, gw2: u16, year: i32) -> (Option<u16>, Option<u16>) {
        match self.gw_days.last_common_day(gw1, gw2, year) {
            Some(day) => (self.cow_on(gw1, day, year), self.cow_on(gw2, day, year)),
            None => (None, None),
        }
    }

    /// The GW code of a COW state-year.
    pub fn gwcode_of(&self, cow: u16, year: i32) -> Option<u16> {
        self.gw_on(cow, self.cow_days.last_day(cow, year)?, year)
    }

    /// The GW codes of a COW dyad-year.
    pub fn gwcodes_of(&self, c1: u16, c2: u16, year: i32) -> (Option<u16>, Option<u16>) {
        match self.cow_days.last_common_day(c1, c2, year) {
            Some(day) => (self.gw_on(c1, day, year), self.gw_on(c2, day, year)),
            None => (None, None),
        }
    }
}

fn codes(v: impl Iterator<Item = Option<u16>>) -> ArrayRef {
    Arc::new(v.map(|c| c.map(i64::from)).collect::<Int64Array>())
}

/// The state attributes of dyad frames, `(side 1, side 2)`: functions of
/// one state's code and the year. Every other measure column is dyadic. A
/// side column missing from this list would be treated as dyadic (NULL
/// whenever either side lacks a COW code): a value lost, never a wrong one.
fn side_columns(inputs: &Inputs) -> Vec<(&'static str, &'static str)> {
    let mut pairs = vec![
        ("cowmaj1", "cowmaj2"),
        ("nmc_cinc1", "nmc_cinc2"),
        ("dem_polyarchy1", "dem_polyarchy2"),
        ("dem_polity2_1", "dem_polity2_2"),
        ("dem_uds1", "dem_uds2"),
        ("bsv_ideal1", "bsv_ideal2"),
    ];
    pairs.extend(
        inputs
            .state_vars
            .iter()
            .flat_map(|v| v.pairs.iter().copied()),
    );
    pairs
}

/// NULL where `mask` is true.
fn null_where(values: &ArrayRef, mask: &BooleanArray) -> ArrayRef {
    arrow_select::nullif::nullif(values.as_ref(), mask).expect("mask has the column's length")
}

/// The GW dyad-year frame of `keys` (GW codes): `gwcode1`, `gwcode2`,
/// `year`, `ccode1`, `ccode2`, then every measure of the COW frame computed
/// on the COW codes (see the module doc).
pub fn gw_dyad_frame(
    inputs: &Inputs,
    sys: &Systems<'_>,
    capitals: &GwCapitals,
    keys: &DyadYears,
) -> Frame {
    let mapped: Vec<(Option<u16>, Option<u16>)> = (0..keys.len())
        .into_par_iter()
        .map(|i| {
            let (a, b, y) = keys.key(i);
            sys.ccodes_of(a, b, y)
        })
        .collect();
    // Code 0 is no state: every lookup on it finds nothing, and the columns
    // it touches are set NULL below.
    let cow = DyadYears {
        ccode1: mapped.iter().map(|m| m.0.unwrap_or(0)).collect(),
        ccode2: mapped.iter().map(|m| m.1.unwrap_or(0)).collect(),
        year: keys.year.clone(),
        directed: keys.directed,
    };
    let frame = dyad_frame(inputs, sys.states, &sys.cow, &cow);
    let mask = |side1: bool, side2: bool| -> BooleanArray {
        mapped
            .iter()
            .map(|m| Some((side1 && m.0.is_none()) || (side2 && m.1.is_none())))
            .collect()
    };
    let (no1, no2, either) = (mask(true, false), mask(false, true), mask(true, true));
    let sides = side_columns(inputs);
    let capdist = capitals.column(keys);

    let key = |name: &str, v: &[u16]| -> (Field, ArrayRef) {
        (
            Field::new(name, arrow_schema::DataType::Int64, false),
            Arc::new(Int64Array::from_iter_values(
                v.iter().map(|&c| i64::from(c)),
            )),
        )
    };
    let mut fields_arrays: Vec<(Field, ArrayRef)> = vec![
        key("gwcode1", &keys.ccode1),
        key("gwcode2", &keys.ccode2),
        (
            Field::new("year", arrow_schema::DataType::Int64, false),
            Arc::new(Int64Array::from_iter_values(
                keys.year.iter().map(|&y| i64::from(y)),
            )),
        ),
    ];
    for (name, v) in [
        ("ccode1", codes(mapped.iter().map(|m| m.0))),
        ("ccode2", codes(mapped.iter().map(|m| m.1))),
    ] {
        fields_arrays.push((Field::new(name, v.data_type().clone(), true), v));
    }
    let mut columns = Vec::with_capacity(frame.columns.len());
    for info in &frame.columns {
        let values = frame
            .batch
            .column_by_name(info.name)
            .expect("every measure is a column of the frame");
        let (info, values) = if info.name == "capdist" {
            (
                ColumnInfo {
                    name: capdist.name,
                    source: capdist.source,
                    coverage: capdist.coverage,
                },
                capdist.values.clone(),
            )
        } else {
            let m = if sides.iter().any(|(one, _)| *one == info.name) {
                &no1
            } else if sides.iter().any(|(_, two)| *two == info.name) {
                &no2
            } else {
                &either
            };
            (info.clone(), null_where(values, m))
        };
        fields_arrays.push((
            Field::new(info.name, values.data_type().clone(), true),
            values,
        ));
        columns.push(info);
    }
    let (fields, arrays): (Vec<Field>, Vec<ArrayRef>) = fields_arrays.into_iter().unzip();
    let batch = RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)
        .expect("columns have the keys' length");
    Frame { batch, columns }
}

/// The GW state-year frame from `from` to `to`: `gwcode`, `year`, `ccode`,
/// `stateabb` (GW's), then the columns of the COW state-year of `ccode`
/// (NULL without one), ordered by `gwcode`, `year`.
pub fn gw_state_frame(inputs: &Inputs, sys: &Systems<'_>, from: i32, to: i32) -> RecordBatch {
    let cow = crate::state_year::state_frame(inputs, sys.states, &sys.cow, &[], from, to);
    let column = |name: &str| {
        cow.column_by_name(name)
            .unwrap_or_else(|| panic!("the state-year frame has {name}"))
            .as_any()
            .downcast_ref::<Int64Array>()
            .expect("codes and years are Int64")
            .clone()
    };
    let (cc, cy) = (column("ccode"), column("year"));
    let at: Map<(i64, i64), u32> = (0..cow.num_rows())
        .map(|i| ((cc.value(i), cy.value(i)), i as u32))
        .collect();
    let mut rows: Vec<(u16, i32, Option<u16>)> = Vec::new();
    for year in from..=to.min(sys.gw.last_year()) {
        rows.extend(
            sys.gw
                .members_in(year)
                .into_iter()
                .map(|g| (g, year, sys.ccode_of(g, year))),
        );
    }
    rows.sort_unstable();
    let take: UInt32Array = rows
        .iter()
        .map(|&(_, y, c)| c.and_then(|c| at.get(&(i64::from(c), i64::from(y))).copied()))
        .collect();
    let abbrev: ArrayRef = Arc::new(
        rows.iter()
            .map(|&(g, _, _)| sys.gw_system().get(g).map(|s| s.abbrev.clone()))
            .collect::<arrow_array::StringArray>(),
    );
    let mut columns: Vec<(&str, ArrayRef)> = vec![
        ("gwcode", codes(rows.iter().map(|r| Some(r.0)))),
        (
            "year",
            Arc::new(
                rows.iter()
                    .map(|r| Some(i64::from(r.1)))
                    .collect::<Int64Array>(),
            ),
        ),
        ("ccode", codes(rows.iter().map(|r| r.2))),
        ("stateabb", abbrev),
    ];
    let schema = cow.schema();
    for (field, values) in schema.fields().iter().zip(cow.columns()) {
        if ["ccode", "year", "stateabb"].contains(&field.name().as_str()) {
            continue;
        }
        let taken = arrow_select::take::take(values.as_ref(), &take, None)
            .expect("indices are rows of the frame");
        columns.push((field.name().as_str(), taken));
    }
    crate::column::record_batch(columns)
}

/// `batch` (a COW frame) with GW code columns inserted after `year`.
fn insert_after_year(batch: &RecordBatch, new: Vec<(&str, ArrayRef)>) -> RecordBatch {
    let schema = batch.schema();
    let at = schema.index_of("year").expect("frames have a year") + 1;
    let mut fields: Vec<Field> = schema.fields().iter().map(|f| f.as_ref().clone()).collect();
    let mut arrays: Vec<ArrayRef> = batch.columns().to_vec();
    for (k, (name, values)) in new.into_iter().enumerate() {
        fields.insert(at + k, Field::new(name, values.data_type().clone(), true));
        arrays.insert(at + k, values);
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).expect("columns of one length")
}

/// A COW dyad-year frame of `keys` with `gwcode1`, `gwcode2` after `year`.
pub fn with_gw_codes(batch: &RecordBatch, sys: &Systems<'_>, keys: &DyadYears) -> RecordBatch {
    let mapped: Vec<(Option<u16>, Option<u16>)> = (0..keys.len())
        .into_par_iter()
        .map(|i| {
            let (a, b, y) = keys.key(i);
            sys.gwcodes_of(a, b, y)
        })
        .collect();
    insert_after_year(
        batch,
        vec![
            ("gwcode1", codes(mapped.iter().map(|m| m.0))),
            ("gwcode2", codes(mapped.iter().map(|m| m.1))),
        ],
    )
}

/// A COW state-year frame with `gwcode` after `year`.
pub fn with_gw_code(batch: &RecordBatch, sys: &Systems<'_>) -> RecordBatch {
    let int = |name: &str| {
        batch
            .column_by_name(name)
            .and_then(|c| c.as_any().downcast_ref::<Int64Array>())
            .expect("state-year frames have Int64 ccode and year")
            .clone()
    };
    let (c, y) = (int("ccode"), int("year"));
    let gw =
        codes((0..batch.num_rows()).map(|i| sys.gwcode_of(c.value(i) as u16, y.value(i) as i32)));
    insert_after_year(batch, vec![("gwcode", gw)])
}

#[cfg(test)]
mod tests {
    use super::on_day;
    use chrono::NaiveDate;

    #[test]
    fn a_code_on_a_day_is_the_single_row_valid_that_day() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        // GW 260: COW 260 until 1990-10-02, COW 255 from 1990-10-03.
        let rows = vec![
            (None, Some(d("1990-10-02")), 260),
            (Some(d("1990-10-03")), None, 255),
        ];
        assert_eq!(on_day(Some(&rows), d("1990-10-02")), Some(260));
        assert_eq!(on_day(Some(&rows), d("1990-12-31")), Some(255));
        assert_eq!(on_day(None, d("1990-12-31")), None);
        let clash = vec![(None, None, 1), (None, None, 2)];
        assert_eq!(on_day(Some(&clash), d("2000-01-01")), None);
    }
}
