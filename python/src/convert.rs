//! Python arguments as the library's types.
//!
//! Each newtype here is what a keyword argument of `ordo.Session` accepts,
//! extracted once at the call, with the GIL held, so that the call itself
//! runs on Rust values only (`py.detach`). Wrong types raise `TypeError`,
//! malformed values `ValueError`, both naming what is accepted; PyO3 adds the
//! argument's name.

use chrono::NaiveDate;
use ordo::states::MajorsList;
use ordo::Span;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyString};
use std::path::PathBuf;

/// `years=`: `None` (the call's whole range), a year (`1938`), or a
/// `(from, to)` pair, inclusive, where either end may be `None`.
#[derive(Debug, Clone, Copy)]
pub struct Years(pub Span);

impl FromPyObject<'_, '_> for Years {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Years> {
        const WHAT: &str = "years must be None, a year (int) or a (from, to) pair of ints or None";
        if obj.is_none() {
            return Ok(Years(Span::ALL));
        }
        if obj.is_instance_of::<PyBool>() || obj.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(WHAT));
        }
        // An int, or any integer with __index__ (numpy.int64 from a DataFrame).
        if let Ok(year) = obj.extract::<i32>() {
            return Ok(Years(Span::year(year)));
        }
        let ends: Vec<Option<i32>> = obj.extract().map_err(|_| PyTypeError::new_err(WHAT))?;
        match ends[..] {
            [Some(from), Some(to)] if from > to => Err(PyValueError::new_err(format!(
                "years=({from}, {to}): the first year is after the last"
            ))),
            [from, to] => Ok(Years(Span { from, to })),
            _ => Err(PyValueError::new_err(format!(
                "{WHAT}, not {} values",
                ends.len()
            ))),
        }
    }
}

/// The span of an optional `years=`.
pub fn span(years: Option<Years>) -> Span {
    years.map_or(Span::ALL, |y| y.0)
}

/// A state as users write it: a name or code (`"Italy"`, `"URSS"`,
/// `"ITA"`, `"gw:260"`) or a COW number (`325`).
#[derive(Debug, Clone)]
pub struct State(pub String);

impl FromPyObject<'_, '_> for State {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<State> {
        if obj.is_instance_of::<PyString>() {
            return Ok(State(obj.extract()?));
        }
        if !obj.is_instance_of::<PyBool>() {
            if let Ok(code) = obj.extract::<i64>() {
                return Ok(State(code.to_string()));
            }
        }
        Err(PyTypeError::new_err(format!(
            "a state is a name or code (str) or a COW number (int), not {}",
            obj.get_type().name()?
        )))
    }
}

/// One state or several: a `str`/`int`, or a list or tuple of them.
#[derive(Debug, Clone, Default)]
pub struct States(pub Vec<String>);

impl FromPyObject<'_, '_> for States {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<States> {
        if let Ok(one) = obj.extract::<State>() {
            return Ok(States(vec![one.0]));
        }
        let many: Vec<State> = obj.extract().map_err(|_| {
            PyTypeError::new_err("states are a name or code, or a list of names or codes")
        })?;
        Ok(States(many.into_iter().map(|s| s.0).collect()))
    }
}

/// One path or several: a `str` or `os.PathLike`, or a list of them.
#[derive(Debug, Clone, Default)]
pub struct Paths(pub Vec<PathBuf>);

impl FromPyObject<'_, '_> for Paths {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Paths> {
        // A str is a sequence too: try it (and any os.PathLike) as one path first.
        if let Ok(one) = obj.extract::<PathBuf>() {
            return Ok(Paths(vec![one]));
        }
        let many: Vec<PathBuf> = obj.extract().map_err(|_| {
            PyTypeError::new_err("paths are a str or os.PathLike, or a list of them")
        })?;
        Ok(Paths(many))
    }
}

/// A list of strings that may be given as one string (`map=`, `stance=`).
#[derive(Debug, Clone, Default)]
pub struct Strings(pub Vec<String>);

impl FromPyObject<'_, '_> for Strings {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Strings> {
        if obj.is_instance_of::<PyString>() {
            return Ok(Strings(vec![obj.extract()?]));
        }
        let many: Vec<String> = obj
            .extract()
            .map_err(|_| PyTypeError::new_err("expected a str or a list of str"))?;
        Ok(Strings(many))
    }
}

/// A day: `"YYYY-MM-DD"` or a `datetime.date` (a `datetime.datetime`
/// gives its date).
#[derive(Debug, Clone, Copy)]
pub struct Day(pub NaiveDate);

impl FromPyObject<'_, '_> for Day {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Day> {
        if obj.is_instance_of::<PyString>() {
            let text: String = obj.extract()?;
            return NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                .map(Day)
                .map_err(|_| PyValueError::new_err(format!("`{text}` is not a date YYYY-MM-DD")));
        }
        let part = |name: &str| -> PyResult<i64> {
            obj.getattr(name)
                .and_then(|v| v.extract())
                .map_err(|_| PyTypeError::new_err("a day is a str YYYY-MM-DD or a datetime.date"))
        };
        let (y, m, d) = (part("year")?, part("month")?, part("day")?);
        i32::try_from(y)
            .ok()
            .zip(u32::try_from(m).ok())
            .zip(u32::try_from(d).ok())
            .and_then(|((y, m), d)| NaiveDate::from_ymd_opt(y, m, d))
            .map(Day)
            .ok_or_else(|| PyValueError::new_err(format!("{y}-{m}-{d} is not a date")))
    }
}

/// `majors=` of `members`: the COW major-power release.
pub fn majors_list(majors: &str) -> PyResult<MajorsList> {
    match majors {
        "cow" => Ok(MajorsList::Cow),
        "cow2024" => Ok(MajorsList::Cow2024),
        other => Err(PyValueError::new_err(format!(
            "majors must be 'cow' (COW Major Powers v2016) or 'cow2024' (v2024), not {other:?}"
        ))),
    }
}

/// `system=` of the frames and the member list.
pub fn system(system: &str) -> PyResult<ordo::System> {
    system.parse().map_err(|e: String| {
        PyValueError::new_err(format!(
            "system must be 'cow' (Correlates of War) or 'gw' (Gleditsch-Ward): {e}"
        ))
    })
}

/// `format=` of `report`.
pub fn report_format(format: &str) -> PyResult<ordo_report::ReportFormat> {
    match format {
        "html" => Ok(ordo_report::ReportFormat::Html),
        "md" | "markdown" => Ok(ordo_report::ReportFormat::Md),
        other => Err(PyValueError::new_err(format!(
            "a report is written as 'html' or 'md', not {other:?}"
        ))),
    }
}

/// A path as the text the report names it by (its command line).
pub fn path_text(path: Option<PathBuf>) -> Option<String> {
    path.map(|p| p.to_string_lossy().into_owned())
}

/// `years=` of `panel`: its span with the panel's own defaults filled in.
pub fn panel_years(years: Option<Years>, default: (i32, i32)) -> PyResult<(i32, i32)> {
    let s = span(years);
    let (from, to) = (s.from.unwrap_or(default.0), s.to.unwrap_or(default.1));
    if from > to {
        return Err(PyValueError::new_err(format!(
            "years=({from}, {to}): the first year is after the last"
        )));
    }
    Ok((from, to))
}
