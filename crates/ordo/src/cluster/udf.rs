//! ordo's SQL functions. The same set is registered in the embedded
//! engine, in a cluster client's session, on the scheduler (which decodes
//! plans that name them) and on every executor (which runs them), so a plan
//! using them runs anywhere; Ballista resolves functions by name.
//!
//! - `ordo_period(day DATE, by TEXT) -> INT`: the period key ordo's event
//!   series use (yyyymm, yyyyq or yyyy; see `ordo_events::Period::key`).
//! - `ordo_stage_file(path TEXT, dir TEXT, job TEXT) -> TEXT`: parses one
//!   raw event file where it runs and stages the rows in `dir` (see
//!   `ordo_events::stage`); returns a JSON summary. Volatile: it writes
//!   files. Used by `ordo ingest --cluster`.

use arrow_array::{Array, ArrayRef, Date32Array, Int32Array, StringArray};
use arrow_schema::DataType;
use datafusion::error::DataFusionError;
use datafusion::logical_expr::{create_udf, ColumnarValue, ScalarUDF, Volatility};
use ordo_events::grouped::PERIOD_FUNCTION;
use ordo_events::Period;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

/// Name of the staging function.
pub const STAGE_FUNCTION: &str = "ordo_stage_file";

/// Every ordo SQL function.
pub fn functions() -> Vec<ScalarUDF> {
    vec![period(), stage()]
}

fn exec_err(message: String) -> DataFusionError {
    DataFusionError::Execution(message)
}

/// The arguments as arrays of one length, text cast to Utf8 (the embedded
/// engine passes string literals as Utf8View, a cluster as Utf8).
fn arrays(args: &[ColumnarValue]) -> datafusion::error::Result<Vec<ArrayRef>> {
    ColumnarValue::values_to_arrays(args)?
        .into_iter()
        .map(|a| match a.data_type() {
            DataType::Utf8View | DataType::LargeUtf8 => Ok(arrow_cast::cast(&a, &DataType::Utf8)?),
            _ => Ok(a),
        })
        .collect()
}

fn texts<'a>(a: &'a ArrayRef, what: &str) -> datafusion::error::Result<&'a StringArray> {
    a.as_any()
        .downcast_ref::<StringArray>()
        .ok_or_else(|| exec_err(format!("{what}: expected text, got {}", a.data_type())))
}

fn period() -> ScalarUDF {
    create_udf(
        PERIOD_FUNCTION,
        vec![DataType::Date32, DataType::Utf8],
        DataType::Int32,
        Volatility::Immutable,
        Arc::new(|args: &[ColumnarValue]| {
            let a = arrays(args)?;
            let days = a[0]
                .as_any()
                .downcast_ref::<Date32Array>()
                .ok_or_else(|| exec_err(format!("{PERIOD_FUNCTION}: the day must be a DATE")))?;
            let by = texts(&a[1], PERIOD_FUNCTION)?;
            let out = (0..days.len())
                .map(|i| {
                    if days.is_null(i) || by.is_null(i) {
                        return Ok(None);
                    }
                    let p = Period::parse(by.value(i)).ok_or_else(|| {
                        exec_err(format!(
                            "{PERIOD_FUNCTION}: `{}` is not a period (month, quarter, year)",
                            by.value(i)
                        ))
                    })?;
                    Ok(Some(p.key(days.value(i))))
                })
                .collect::<datafusion::error::Result<Int32Array>>()?;
            Ok(ColumnarValue::Array(Arc::new(out)))
        }),
    )
}

/// What an executor needs to parse files as `ordo ingest` would.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct StageJob {
    /// The data directory (CAMEO tables, state system, crosswalk), at the
    /// same path on every host.
    pub data_dir: std::path::PathBuf,
    pub family: String,
    pub codes: Option<String>,
    pub map: Vec<(String, String)>,
}

/// Event setups by job, built once per executor process: loading the
/// state system takes longer than parsing a small file.
type Setups = Mutex<HashMap<String, Arc<crate::event_store::EventSetup>>>;

fn setup(job_text: &str) -> anyhow::Result<Arc<crate::event_store::EventSetup>> {
    static SETUPS: OnceLock<Setups> = OnceLock::new();
    let setups = SETUPS.get_or_init(Setups::default);
    if let Some(s) = setups
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(job_text)
    {
        return Ok(Arc::clone(s));
    }
    let job: StageJob = serde_json::from_str(job_text)?;
    let dir = ordo_sources::DataDir::discover(Some(&job.data_dir))?;
    let states = ordo_states::States::load(&dir)?;
    let family = ordo_events::Family::parse(&job.family)?;
    let setup = Arc::new(crate::event_store::EventSetup::new(
        &dir,
        &states,
        family,
        job.codes.as_deref(),
    )?);
    setups
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(job_text.to_string(), Arc::clone(&setup));
    Ok(setup)
}

fn stage_one(path: &str, dir: &str, job_text: &str) -> anyhow::Result<String> {
    let setup = setup(job_text)?;
    let job: StageJob = serde_json::from_str(job_text)?;
    let opts = ordo_events::ScanOptions {
        family: setup.family,
        ctx: setup.row_context(),
        map: job.map.clone(),
        threads: crate::event_store::threads(),
        progress: &|_| {},
        hook: None,
        prefilter: None,
    };
    let staged = ordo_events::stage::stage_file(Path::new(path), &opts, Path::new(dir))?;
    Ok(serde_json::to_string(&staged)?)
}

fn stage() -> ScalarUDF {
    create_udf(
        STAGE_FUNCTION,
        vec![DataType::Utf8, DataType::Utf8, DataType::Utf8],
        DataType::Utf8,
        Volatility::Volatile,
        Arc::new(|args: &[ColumnarValue]| {
            let a = arrays(args)?;
            let (paths, dirs, jobs) = (
                texts(&a[0], STAGE_FUNCTION)?,
                texts(&a[1], STAGE_FUNCTION)?,
                texts(&a[2], STAGE_FUNCTION)?,
            );
            let out = (0..paths.len())
                .map(|i| {
                    stage_one(paths.value(i), dirs.value(i), jobs.value(i))
                        .map(Some)
                        .map_err(|e| exec_err(format!("{}: {e:#}", paths.value(i))))
                })
                .collect::<datafusion::error::Result<StringArray>>()?;
            Ok(ColumnarValue::Array(Arc::new(out)))
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use datafusion::prelude::SessionContext;

    #[test]
    fn ordo_period_gives_the_series_keys() {
        let ctx = SessionContext::new();
        for f in functions() {
            ctx.register_udf(f);
        }
        let rt = tokio::runtime::Runtime::new().unwrap();
        let batches = rt
            .block_on(async {
                ctx.sql(
                    "SELECT ordo_period(DATE '2013-04-30', 'month') AS m, \
                     ordo_period(DATE '1979-12-31', 'quarter') AS q, \
                     ordo_period(DATE '1941-06-22', 'year') AS y",
                )
                .await?
                .collect()
                .await
            })
            .unwrap();
        let get = |c: usize| {
            batches[0]
                .column(c)
                .as_any()
                .downcast_ref::<Int32Array>()
                .unwrap()
                .value(0)
        };
        assert_eq!((get(0), get(1), get(2)), (201304, 19794, 1941));
        let err = rt
            .block_on(async {
                ctx.sql("SELECT ordo_period(DATE '2013-04-30', 'week')")
                    .await?
                    .collect()
                    .await
            })
            .unwrap_err();
        assert!(err.to_string().contains("`week` is not a period"), "{err}");
    }
}
