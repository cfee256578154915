//! Series from partial aggregates: the SQL that sums the store's events by
//! actors, period and event code, and the fold of its answer into an
//! [`Aggregator`]. This is how a Ballista cluster computes `ordo events`:
//! executors scan and group the Parquet segments, the client folds the
//! (far fewer) groups with the same code that folds rows, so the series is
//! the embedded one. Classes and Goldstein table values come from the
//! event code on the client, so profiles never travel to the executors.
//!
//! The period key is computed by ordo's `ordo_period(day, by)` SQL
//! function, registered on the client, the scheduler and every executor,
//! so SQL and Rust agree on what a month or quarter is.

use crate::code::Code;
use crate::series::{Aggregator, Group, GroupActor, Keys, SeriesSpec, Weight};
use crate::EventsError;
use arrow_array::{Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::DataType;

/// Name of the SQL function giving [`crate::Period::key`] of a date.
pub const PERIOD_FUNCTION: &str = "ordo_period";

fn period_name(spec: &SeriesSpec) -> &'static str {
    match spec.by {
        crate::Period::Month => "month",
        crate::Period::Quarter => "quarter",
        crate::Period::Year => "year",
    }
}

/// The query over table `events` whose rows [`add_batch`] folds: one row
/// per (actor 1, actor 2, period, event code) of the rows that pass the
/// spec's root-only and date filters; only dyad `dyad_key`'s rows when given
/// (its volume totals then come from the totals files, as in
/// [`crate::query::scan_store`]).
pub fn group_sql(spec: &SeriesSpec, dyad_key: Option<i64>) -> String {
    let (k1, k2) = match spec.keys {
        Keys::Cow => ("COALESCE(actor1, 0)", "COALESCE(actor2, 0)"),
        Keys::Raw => ("actor1_code", "actor2_code"),
    };
    let count = |c: &str| format!("CAST({c} AS BIGINT)");
    let (w, missing) = match spec.weight {
        Weight::None => ("CAST(1 AS BIGINT)".to_string(), "CAST(0 AS BIGINT)".into()),
        other => {
            let c = other.name();
            (
                format!("COALESCE({}, 0)", count(c)),
                format!("CASE WHEN {c} IS NULL THEN 1 ELSE 0 END"),
            )
        }
    };
    let g10 = "CAST(round(goldstein * 10) AS BIGINT)";
    let mut filters = Vec::new();
    if spec.root_only {
        filters.push("is_root IS TRUE".to_string());
    }
    if let Some(f) = spec.from {
        filters.push(format!("day >= DATE '{}'", crate::date::date_of_day(f)));
    }
    if let Some(t) = spec.to {
        filters.push(format!("day <= DATE '{}'", crate::date::date_of_day(t)));
    }
    if let Some(k) = dyad_key {
        filters.push(format!("dyad = {k}"));
    }
    let filter = if filters.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", filters.join(" AND "))
    };
    format!(
        "SELECT {k1} AS k1, {k2} AS k2, {PERIOD_FUNCTION}(day, '{by}') AS period, event_code, \
         COUNT(*) AS n_rows, SUM({w}) AS weight, SUM({m}) AS mentions, SUM({missing}) AS missing, \
         SUM(CASE WHEN {g10} > 0 THEN {g10} * {w} END) AS gold_pos, \
         SUM(CASE WHEN {g10} <= 0 THEN {g10} * {w} END) AS gold_neg, \
         SUM(CASE WHEN goldstein IS NOT NULL THEN {w} END) AS gold_weight \
         FROM events{filter} GROUP BY 1, 2, 3, 4",
        by = period_name(spec),
        m = count("mentions"),
    )
}

fn column<'a>(
    batch: &'a RecordBatch,
    name: &str,
) -> Result<&'a std::sync::Arc<dyn Array>, EventsError> {
    batch
        .column_by_name(name)
        .ok_or_else(|| EventsError::Data(format!("grouped events: no column `{name}`")))
}

/// A column cast to `to` (the engine may answer Int32 or Utf8View).
fn cast(
    batch: &RecordBatch,
    name: &str,
    to: &DataType,
) -> Result<std::sync::Arc<dyn Array>, EventsError> {
    Ok(arrow_cast::cast(column(batch, name)?, to)?)
}

fn ints(batch: &RecordBatch, name: &str) -> Result<Int64Array, EventsError> {
    let a = cast(batch, name, &DataType::Int64)?;
    a.as_any()
        .downcast_ref::<Int64Array>()
        .cloned()
        .ok_or_else(|| EventsError::Data(format!("grouped events: `{name}` is not an integer")))
}

fn texts(batch: &RecordBatch, name: &str) -> Result<StringArray, EventsError> {
    let a = cast(batch, name, &DataType::Utf8)?;
    a.as_any()
        .downcast_ref::<StringArray>()
        .cloned()
        .ok_or_else(|| EventsError::Data(format!("grouped events: `{name}` is not text")))
}

/// Folds one answer batch of [`group_sql`] into `agg`; returns the rows
/// the groups stand for.
pub fn add_batch(
    agg: &mut Aggregator,
    keys: Keys,
    batch: &RecordBatch,
) -> Result<u64, EventsError> {
    let actors = |name: &str| -> Result<Vec<GroupActor>, EventsError> {
        Ok(match keys {
            Keys::Cow => ints(batch, name)?
                .iter()
                .map(|v| GroupActor::Cow(v.unwrap_or(0) as u16))
                .collect(),
            Keys::Raw => texts(batch, name)?
                .iter()
                .map(|v| GroupActor::Raw(v.map(str::to_string)))
                .collect(),
        })
    };
    let (a1, a2) = (actors("k1")?, actors("k2")?);
    let period = ints(batch, "period")?;
    let code = texts(batch, "event_code")?;
    let sums: Vec<Int64Array> = [
        "n_rows",
        "weight",
        "mentions",
        "missing",
        "gold_pos",
        "gold_neg",
        "gold_weight",
    ]
    .iter()
    .map(|n| ints(batch, n))
    .collect::<Result<_, _>>()?;
    let at = |c: usize, i: usize| {
        if sums[c].is_valid(i) {
            sums[c].value(i)
        } else {
            0
        }
    };
    let mut rows = 0u64;
    for i in 0..batch.num_rows() {
        let g = Group {
            actor1: a1[i].clone(),
            actor2: a2[i].clone(),
            period: period.value(i) as i32,
            event_code: Code::pack(code.value(i).as_bytes()).unwrap_or(Code::NONE),
            rows: at(0, i) as u64,
            weight: at(1, i),
            mentions: at(2, i),
            missing_weight: at(3, i) as u64,
            gold_pos: at(4, i),
            gold_neg: at(5, i),
            gold_weight: at(6, i),
        };
        rows += g.rows;
        agg.add_group(&g);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Period;

    fn spec(keys: Keys, weight: Weight) -> SeriesSpec {
        SeriesSpec {
            by: Period::Quarter,
            directed: false,
            root_only: true,
            weight,
            keys,
            dyad: None,
            from: crate::date::parse_day(b"19790101"),
            to: crate::date::parse_day(b"19851231"),
        }
    }

    /// Two groups of Italy (325) - Russia (365) in one quarter and one
    /// of a state with a non-state actor, folded by hand: code 051 is
    /// cooperation (Goldstein 3.4), 112 conflict (-2.0) under gdelt@1.
    #[test]
    fn groups_fold_into_the_series_by_hand() {
        use arrow_array::{ArrayRef, Int32Array};
        use std::sync::Arc;
        let code = |c: &str| Code::pack(c.as_bytes()).unwrap();
        // Classes: 0 neutral, 1 cooperation, 2 conflict; weights in tenths.
        let compiled = crate::Compiled {
            by_code: [(code("051"), (1, 34)), (code("112"), (2, -20))]
                .into_iter()
                .collect(),
            from_source: false,
            stance: vec![0, 1, -1],
        };
        let mut spec = spec(Keys::Cow, Weight::None);
        spec.dyad = Some((crate::Actor::Cow(325), crate::Actor::Cow(365)));
        let mut agg = Aggregator::new(spec, vec![compiled]);
        let i64s = |v: &[Option<i64>]| Arc::new(Int64Array::from(v.to_vec())) as ArrayRef;
        let batch = RecordBatch::try_from_iter(vec![
            (
                "k1",
                Arc::new(Int32Array::from(vec![365, 325, 325])) as ArrayRef,
            ),
            (
                "k2",
                Arc::new(Int32Array::from(vec![325, 365, 0])) as ArrayRef,
            ),
            (
                "period",
                Arc::new(Int32Array::from(vec![19794, 19794, 19794])) as ArrayRef,
            ),
            (
                "event_code",
                Arc::new(StringArray::from(vec!["051", "112", "051"])) as ArrayRef,
            ),
            ("n_rows", i64s(&[Some(3), Some(1), Some(5)])),
            ("weight", i64s(&[Some(3), Some(1), Some(5)])),
            ("mentions", i64s(&[Some(9), None, Some(10)])),
            ("missing", i64s(&[Some(0), Some(0), Some(0)])),
            ("gold_pos", i64s(&[Some(102), None, Some(170)])),
            ("gold_neg", i64s(&[None, Some(-20), None])),
            ("gold_weight", i64s(&[Some(3), Some(1), Some(5)])),
        ])
        .unwrap();
        assert_eq!(add_batch(&mut agg, Keys::Cow, &batch).unwrap(), 9);
        let rows = agg.finish();
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!((r.period, r.events, r.mentions), (19794, 4, 9));
        // Totals: all 9 rows; Italy is in all of them, Russia in 4.
        assert_eq!((r.period_total, r.actor1_total, r.actor2_total), (9, 9, 4));
        let p = &r.profiles[0];
        assert_eq!((p.coop, p.conflict), (3, 1));
        // (3 × 3.4 − 2.0) / 4 = 2.05; net cooperation (3 − 1) / 4.
        assert!((p.goldstein_mean.unwrap() - 2.05).abs() < 1e-12);
        assert_eq!(p.net_coop, Some(0.5));
    }

    #[test]
    fn the_query_filters_and_weighs_as_the_spec_says() {
        let sql = group_sql(&spec(Keys::Cow, Weight::Mentions), Some(325_365));
        assert!(sql.contains("ordo_period(day, 'quarter')"), "{sql}");
        assert!(sql.contains("is_root IS TRUE"), "{sql}");
        assert!(sql.contains("day >= DATE '1979-01-01'"), "{sql}");
        assert!(sql.contains("day <= DATE '1985-12-31'"), "{sql}");
        assert!(sql.contains("dyad = 325365"), "{sql}");
        assert!(
            sql.contains("COALESCE(CAST(mentions AS BIGINT), 0)"),
            "{sql}"
        );
        let raw = group_sql(&spec(Keys::Raw, Weight::None), None);
        assert!(raw.contains("actor1_code AS k1"), "{raw}");
        assert!(!raw.contains("dyad ="), "{raw}");
    }
}
