//! `ordo._ordo.Session`: the library's [`ordo::Session`] for Python.
//!
//! One method per call of the library, keyword arguments defaulting as the
//! CLI's flags do. Each method converts its arguments (src/convert.rs) with
//! the GIL held, then releases it (`py.detach`) for the call itself, so
//! other Python threads run while ordo reads and computes; the result comes
//! back as an Arrow [`ArrowTable`], an error as `OrdoError` with ordo's
//! message. The Python class `ordo.Session` (ordo/_session.py) wraps this
//! one with the docstrings and types.

use crate::arrow::ArrowTable;
use crate::convert::{self, span, Day, Paths, State, States, Strings, Years};
use crate::{ordo_error, table};
use ordo::{
    breaks::BreaksOptions,
    chronology::ChronologyOptions,
    cooperation::CooperationOptions,
    dyad::DyadOptions,
    dyads::DyadsOptions,
    events::EventsOptions,
    ingest::IngestOptions,
    instability::InstabilityOptions,
    leaders::{LeaderDyadsOptions, LeadersOptions},
    panel::PanelOptions,
    state_years::StateYearsOptions,
    system::SystemOptions,
    table1::Table1Options,
    test::TestOptions,
    Query, Resampling, SessionOptions,
};
use pyo3::prelude::*;
use std::path::PathBuf;

/// A session of ordo: where the data and the store are, and the datasets
/// loaded once and shared by every call made through it (and by the
/// threads that share the session).
#[pyclass(name = "Session", module = "ordo._ordo", frozen)]
pub struct Session {
    inner: ordo::Session,
}

impl Session {
    /// Runs `call` on the session without the GIL; its table for Python.
    fn run<F>(&self, py: Python<'_>, call: F) -> PyResult<ArrowTable>
    where
        F: FnOnce(&ordo::Session) -> anyhow::Result<ordo::Table> + Send,
    {
        let session = &self.inner;
        py.detach(|| call(session)).map(table).map_err(ordo_error)
    }

    /// Runs a call that answers with a query, and collects its rows.
    fn collect<F>(&self, py: Python<'_>, call: F) -> PyResult<ArrowTable>
    where
        F: FnOnce(&ordo::Session) -> anyhow::Result<Query> + Send,
    {
        self.run(py, |s| call(s)?.collect())
    }
}

#[pymethods]
impl Session {
    #[new]
    #[pyo3(signature = (*, data=None, store=None, cluster=None, verbose=false))]
    fn new(
        py: Python<'_>,
        data: Option<PathBuf>,
        store: Option<PathBuf>,
        cluster: Option<String>,
        verbose: bool,
    ) -> Session {
        // The process is the Python interpreter: the build that keys the
        // table cache is this module's file, so a rebuilt or upgraded
        // module never reads tables the old one cached.
        if let Ok(file) = py
            .import("ordo._ordo")
            .and_then(|m| m.getattr("__file__"))
            .and_then(|f| f.extract::<PathBuf>())
        {
            ordo::set_build_file(&file);
        }
        Session {
            inner: ordo::Session::new(SessionOptions {
                data,
                store,
                cluster,
                verbose,
            }),
        }
    }

    /// The data directory given, or None when it is discovered.
    #[getter]
    fn data(&self) -> Option<PathBuf> {
        self.inner.options().data.clone()
    }

    /// The store directory given, or None when it is discovered.
    #[getter]
    fn store(&self) -> Option<PathBuf> {
        self.inner.options().store.clone()
    }

    #[getter]
    fn cluster(&self) -> Option<String> {
        self.inner.options().cluster.clone()
    }

    #[getter]
    fn verbose(&self) -> bool {
        self.inner.options().verbose
    }

    /// The data directory the calls read: the one given, else the one
    /// found as the CLI finds it; an error saying how to get the data when
    /// there is none.
    fn data_dir(&self, py: Python<'_>) -> PyResult<PathBuf> {
        let session = &self.inner;
        py.detach(|| session.data_dir().map(|d| d.root().to_path_buf()))
            .map_err(ordo_error)
    }

    /// The store directory the calls use (given, or found as the CLI finds it).
    fn store_dir(&self, py: Python<'_>) -> PyResult<PathBuf> {
        let session = &self.inner;
        py.detach(|| session.store_dir().map(|d| d.root().to_path_buf()))
            .map_err(ordo_error)
    }

    // -- dyads and states --------------------------------------------------

    #[pyo3(signature = (a, b, *, years=None, directed=false, spells=None, whittle=None, attach=None, on=None, system="cow"))]
    #[allow(clippy::too_many_arguments)]
    fn dyad(
        &self,
        py: Python<'_>,
        a: State,
        b: State,
        years: Option<Years>,
        directed: bool,
        spells: Option<Vec<String>>,
        whittle: Option<String>,
        attach: Option<PathBuf>,
        on: Option<Vec<String>>,
        system: &str,
    ) -> PyResult<ArrowTable> {
        let o = DyadOptions {
            a: a.0,
            b: b.0,
            years: span(years),
            directed,
            spells: spells.unwrap_or_default(),
            whittle,
            attach: attachment(attach, on),
            system: convert::system(system)?,
        };
        self.collect(py, move |s| s.dyad(&o))
    }

    #[pyo3(signature = (*, years=None, directed=false, politically_relevant=false, spells=None, whittle=None, attach=None, on=None, system="cow"))]
    #[allow(clippy::too_many_arguments)]
    fn dyads(
        &self,
        py: Python<'_>,
        years: Option<Years>,
        directed: bool,
        politically_relevant: bool,
        spells: Option<Vec<String>>,
        whittle: Option<String>,
        attach: Option<PathBuf>,
        on: Option<Vec<String>>,
        system: &str,
    ) -> PyResult<ArrowTable> {
        let o = DyadsOptions {
            years: span(years),
            directed,
            only_politically_relevant: politically_relevant,
            spells: spells.unwrap_or_default(),
            whittle,
            attach: attachment(attach, on),
            system: convert::system(system)?,
        };
        self.collect(py, move |s| s.dyads(&o))
    }

    #[pyo3(signature = (state, *, years=None, spells=None, attach=None, on=None, system="cow"))]
    #[allow(clippy::too_many_arguments)]
    fn state(
        &self,
        py: Python<'_>,
        state: State,
        years: Option<Years>,
        spells: Option<Vec<String>>,
        attach: Option<PathBuf>,
        on: Option<Vec<String>>,
        system: &str,
    ) -> PyResult<ArrowTable> {
        let o = StateYearsOptions {
            years: span(years),
            spells: spells.unwrap_or_default(),
            attach: attachment(attach, on),
            system: convert::system(system)?,
        };
        self.collect(py, move |s| s.state(&state.0, &o))
    }

    #[pyo3(signature = (*, years=None, spells=None, attach=None, on=None, system="cow"))]
    fn state_years(
        &self,
        py: Python<'_>,
        years: Option<Years>,
        spells: Option<Vec<String>>,
        attach: Option<PathBuf>,
        on: Option<Vec<String>>,
        system: &str,
    ) -> PyResult<ArrowTable> {
        let o = StateYearsOptions {
            years: span(years),
            spells: spells.unwrap_or_default(),
            attach: attachment(attach, on),
            system: convert::system(system)?,
        };
        self.collect(py, move |s| s.state_years(&o))
    }

    // -- leaders -------------------------------------------------------------

    #[pyo3(signature = (state=None, *, years=None, days=false))]
    fn leaders(
        &self,
        py: Python<'_>,
        state: Option<State>,
        years: Option<Years>,
        days: bool,
    ) -> PyResult<ArrowTable> {
        let o = LeadersOptions {
            state: state.map(|s| s.0),
            years: span(years),
        };
        if days {
            self.run(py, move |s| s.leader_days(&o))
        } else {
            self.collect(py, move |s| s.leaders(&o))
        }
    }

    #[pyo3(signature = (a=None, b=None, *, years=None, directed=false))]
    fn leader_dyads(
        &self,
        py: Python<'_>,
        a: Option<State>,
        b: Option<State>,
        years: Option<Years>,
        directed: bool,
    ) -> PyResult<ArrowTable> {
        let o = LeaderDyadsOptions {
            a: a.map(|s| s.0),
            b: b.map(|s| s.0),
            years: span(years),
            directed,
        };
        self.collect(py, move |s| s.leader_dyads(&o))
    }

    #[pyo3(signature = (a, b, *, years=None))]
    fn coverage(
        &self,
        py: Python<'_>,
        a: State,
        b: State,
        years: Option<Years>,
    ) -> PyResult<ArrowTable> {
        self.run(py, move |s| s.coverage(&a.0, &b.0, span(years)))
    }

    #[pyo3(signature = (names, *, on=None))]
    fn resolve(&self, py: Python<'_>, names: States, on: Option<Day>) -> PyResult<ArrowTable> {
        self.run(py, move |s| s.resolve(&names.0, on.map(|d| d.0)))
    }

    #[pyo3(signature = (state, *, start=None, end=None))]
    fn state_days(
        &self,
        py: Python<'_>,
        state: State,
        start: Option<Day>,
        end: Option<Day>,
    ) -> PyResult<ArrowTable> {
        let o = ordo::state_days::StateDaysOptions {
            state: state.0,
            from: start.map(|d| d.0),
            to: end.map(|d| d.0),
        };
        self.run(py, move |s| s.state_days(&o))
    }

    #[pyo3(signature = (*, year=None, on=None, majors="cow", system="cow"))]
    fn members(
        &self,
        py: Python<'_>,
        year: Option<i32>,
        on: Option<Day>,
        majors: &str,
        system: &str,
    ) -> PyResult<ArrowTable> {
        let majors = convert::majors_list(majors)?;
        let system = convert::system(system)?;
        self.run(py, move |s| {
            s.members(year, on.map(|d| d.0), majors, system)
        })
    }

    #[pyo3(signature = (names))]
    fn show(&self, py: Python<'_>, names: States) -> PyResult<ArrowTable> {
        self.run(py, move |s| s.show(&names.0))
    }

    #[pyo3(signature = (year, *, rule="next:20", majors="cow2024"))]
    fn middle_powers(
        &self,
        py: Python<'_>,
        year: i32,
        rule: &str,
        majors: &str,
    ) -> PyResult<ArrowTable> {
        self.run(py, move |s| s.middle_powers(year, rule, majors))
    }

    // -- the international order -------------------------------------------

    #[pyo3(signature = (*, years=None, majors="cow2024"))]
    fn system(&self, py: Python<'_>, years: Option<Years>, majors: &str) -> PyResult<ArrowTable> {
        let o = SystemOptions {
            years: span(years),
            majors: majors.to_string(),
        };
        self.run(py, move |s| s.system(&o))
    }

    #[pyo3(signature = (*, years=None, recipe=None, periods=None, majors="cow2024",
                        compare_periods=false, seed=20260101, reps=10000, block=3))]
    #[allow(clippy::too_many_arguments)]
    fn instability(
        &self,
        py: Python<'_>,
        years: Option<Years>,
        recipe: Option<PathBuf>,
        periods: Option<PathBuf>,
        majors: &str,
        compare_periods: bool,
        seed: u64,
        reps: usize,
        block: usize,
    ) -> PyResult<ArrowTable> {
        let o = InstabilityOptions {
            years: span(years),
            recipe,
            periods,
            majors: majors.to_string(),
            compare_periods,
            resampling: Resampling { seed, reps, block },
        };
        self.run(py, move |s| s.instability(&o))
    }

    #[pyo3(signature = (*, file=None))]
    fn periods(&self, py: Python<'_>, file: Option<PathBuf>) -> PyResult<ArrowTable> {
        self.run(py, move |s| s.periods(file.as_deref()))
    }

    // -- the hypothesis ------------------------------------------------------

    #[pyo3(signature = (a, b, *, years=None, recipe=None))]
    fn cooperation(
        &self,
        py: Python<'_>,
        a: State,
        b: State,
        years: Option<Years>,
        recipe: Option<PathBuf>,
    ) -> PyResult<ArrowTable> {
        let o = CooperationOptions {
            a: a.0,
            b: b.0,
            years: span(years),
            recipe,
        };
        self.run(py, move |s| s.cooperation(&o))
    }

    #[pyo3(signature = (a, b, *, periods=None, recipe=None, instability_recipe=None,
                        regression=false, lags=None, seed=20260101, reps=10000, block=3))]
    #[allow(clippy::too_many_arguments)]
    fn test(
        &self,
        py: Python<'_>,
        a: State,
        b: State,
        periods: Option<PathBuf>,
        recipe: Option<PathBuf>,
        instability_recipe: Option<PathBuf>,
        regression: bool,
        lags: Option<usize>,
        seed: u64,
        reps: usize,
        block: usize,
    ) -> PyResult<ArrowTable> {
        let o = TestOptions {
            a: a.0,
            b: b.0,
            periods,
            recipe,
            resampling: Resampling { seed, reps, block },
            regression,
            lags,
            instability_recipe,
        };
        self.run(py, move |s| s.test(&o))
    }

    #[pyo3(signature = (series="cooperation", a=None, b=None, *, method="pelt", penalty=None,
                        path=None, min_size=3, max_breaks=5, periods=None, recipe=None,
                        component=None, seed=20260101, reps=10000))]
    #[allow(clippy::too_many_arguments)]
    fn breaks(
        &self,
        py: Python<'_>,
        series: &str,
        a: Option<State>,
        b: Option<State>,
        method: &str,
        penalty: Option<f64>,
        path: Option<String>,
        min_size: usize,
        max_breaks: usize,
        periods: Option<PathBuf>,
        recipe: Option<PathBuf>,
        component: Option<String>,
        seed: u64,
        reps: usize,
    ) -> PyResult<ArrowTable> {
        let o = BreaksOptions {
            series: series.to_string(),
            states: a.into_iter().chain(b).map(|s| s.0).collect(),
            method: method.to_string(),
            penalty,
            path,
            min_size,
            max_breaks,
            periods,
            recipe,
            component,
            seed,
            reps,
        };
        self.run(py, move |s| s.breaks(&o))
    }

    #[pyo3(signature = (*, middle_powers=true, counterparts="majors", years=None,
                        middle_rule="next:20", min_years=15))]
    fn panel(
        &self,
        py: Python<'_>,
        middle_powers: bool,
        counterparts: &str,
        years: Option<Years>,
        middle_rule: &str,
        min_years: usize,
    ) -> PyResult<ArrowTable> {
        let defaults = PanelOptions::default();
        let (from, to) = convert::panel_years(years, (defaults.from, defaults.to))?;
        let o = PanelOptions {
            middle_powers,
            counterparts: counterparts.to_string(),
            from,
            to,
            middle_rule: middle_rule.to_string(),
            min_years,
        };
        self.run(py, move |s| s.panel(&o))
    }

    // -- the chronology --------------------------------------------------------

    #[pyo3(signature = (a, b, *, years=None, stance=None, table1=false, files=None, periods=None,
                        derive=false, events=false, recipe=None))]
    #[allow(clippy::too_many_arguments)]
    fn chronology(
        &self,
        py: Python<'_>,
        a: State,
        b: State,
        years: Option<Years>,
        stance: Option<Strings>,
        table1: bool,
        files: Option<Paths>,
        periods: Option<PathBuf>,
        derive: bool,
        events: bool,
        recipe: Option<PathBuf>,
    ) -> PyResult<ArrowTable> {
        let o = ChronologyOptions {
            a: a.0,
            b: b.0,
            years: span(years),
            stance: stance.unwrap_or_default().0,
            table1,
            file: files.unwrap_or_default().0,
            periods,
            derive,
            events,
            recipe,
        };
        self.run(py, move |s| s.chronology(&o))
    }

    #[pyo3(signature = (a, b, *, evidence=false, files=None, periods=None, derive=false,
                        events=false, recipe=None))]
    #[allow(clippy::too_many_arguments)]
    fn table1(
        &self,
        py: Python<'_>,
        a: State,
        b: State,
        evidence: bool,
        files: Option<Paths>,
        periods: Option<PathBuf>,
        derive: bool,
        events: bool,
        recipe: Option<PathBuf>,
    ) -> PyResult<ArrowTable> {
        let o = Table1Options {
            a: a.0,
            b: b.0,
            evidence,
            file: files.unwrap_or_default().0,
            periods,
            derive,
            events,
            recipe,
        };
        self.run(py, move |s| s.table1(&o))
    }

    // -- event data ----------------------------------------------------------

    #[pyo3(signature = (a=None, b=None, *, by="month", all_dyads=false, directed=false,
                        root_only=false, weight="none", profile="gdelt", sensitivity=false,
                        keys="cow", raw=None, source="gdelt", map=None, quick=false,
                        codes=None, years=None, dedupe="none", sources=None,
                        actors="all", min_confidence=None, min_sources=None))]
    #[allow(clippy::too_many_arguments)]
    fn events(
        &self,
        py: Python<'_>,
        a: Option<State>,
        b: Option<State>,
        by: &str,
        all_dyads: bool,
        directed: bool,
        root_only: bool,
        weight: &str,
        profile: &str,
        sensitivity: bool,
        keys: &str,
        raw: Option<Paths>,
        source: &str,
        map: Option<Strings>,
        quick: bool,
        codes: Option<String>,
        years: Option<Years>,
        dedupe: &str,
        sources: Option<Strings>,
        actors: &str,
        min_confidence: Option<u8>,
        min_sources: Option<u32>,
    ) -> PyResult<ArrowTable> {
        let o = EventsOptions {
            a: a.map(|s| s.0),
            b: b.map(|s| s.0),
            all_dyads,
            by: by.to_string(),
            directed,
            root_only,
            weight: weight.to_string(),
            profile: profile.to_string(),
            sensitivity,
            keys: keys.to_string(),
            raw: raw.unwrap_or_default().0,
            source: source.to_string(),
            map: map.unwrap_or_default().0,
            quick,
            codes,
            years: span(years),
            dedupe: dedupe.to_string(),
            sources: sources.unwrap_or_default().0,
            actors: actors.to_string(),
            min_confidence,
            min_sources,
        };
        self.run(py, move |s| s.events(&o))
    }

    #[pyo3(signature = (paths, *, source="gdelt", map=None, codes=None, replace=false,
                        supersedes=None))]
    #[allow(clippy::too_many_arguments)]
    fn ingest(
        &self,
        py: Python<'_>,
        paths: Paths,
        source: &str,
        map: Option<Strings>,
        codes: Option<String>,
        replace: bool,
        supersedes: Option<Strings>,
    ) -> PyResult<ArrowTable> {
        let o = IngestOptions {
            source: source.to_string(),
            paths: paths.0,
            map: map.unwrap_or_default().0,
            codes,
            replace,
            supersedes: supersedes.unwrap_or_default().0,
        };
        self.run(py, move |s| s.ingest(&o))
    }

    #[pyo3(signature = (*, active=false))]
    fn store_files(&self, py: Python<'_>, active: bool) -> PyResult<ArrowTable> {
        let o = ordo::store_files::StoreFilesOptions { active };
        self.run(py, move |s| s.store_files(&o))
    }

    fn store_retire(&self, py: Python<'_>, files: Strings) -> PyResult<ArrowTable> {
        let o = ordo::store_files::StoreRetireOptions { files: files.0 };
        self.run(py, move |s| s.store_retire(&o))
    }

    // -- SQL and the data ----------------------------------------------------

    #[pyo3(signature = (query, *, attach=None))]
    fn sql(
        &self,
        py: Python<'_>,
        query: &str,
        attach: Option<Vec<(String, PathBuf)>>,
    ) -> PyResult<ArrowTable> {
        let files = attach.unwrap_or_default();
        self.collect(py, move |s| s.sql_with(query, &files))
    }

    fn tables(&self, py: Python<'_>) -> PyResult<ArrowTable> {
        self.run(py, |s| s.tables())
    }

    fn data_status(&self, py: Python<'_>) -> PyResult<ArrowTable> {
        self.run(py, |s| s.data_status())
    }

    /// The references of datasets (by id, or those `for_` commands read;
    /// every dataset when neither is given), of ordo and of the article,
    /// as BibTeX or a reference list.
    #[pyo3(signature = (datasets=None, *, for_=None, format="bibtex"))]
    fn cite(
        &self,
        py: Python<'_>,
        datasets: Option<Strings>,
        for_: Option<Strings>,
        format: &str,
    ) -> PyResult<String> {
        let o = ordo::cite::CiteOptions {
            datasets: datasets.map(|d| d.0).unwrap_or_default(),
            commands: for_.map(|c| c.0).unwrap_or_default(),
            format: ordo::cite::CiteFormat::parse(format)
                .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?,
        };
        let session = &self.inner;
        py.detach(|| session.cite(&o)).map_err(ordo_error)
    }

    // -- the report ------------------------------------------------------------

    /// Writes the report on `a`-`b`; returns the path of the file written.
    #[pyo3(signature = (a, b, *, path=None, format="html", from_=None, to=None, periods=None,
                        recipe=None, instability_recipe=None, chronology=None))]
    #[allow(clippy::too_many_arguments)]
    fn report(
        &self,
        py: Python<'_>,
        a: State,
        b: State,
        path: Option<PathBuf>,
        format: &str,
        from_: Option<i32>,
        to: Option<i32>,
        periods: Option<PathBuf>,
        recipe: Option<PathBuf>,
        instability_recipe: Option<PathBuf>,
        chronology: Option<PathBuf>,
    ) -> PyResult<PathBuf> {
        let o = ordo_report::ReportOptions {
            a: a.0,
            b: b.0,
            from: from_,
            to,
            inputs: ordo_report::Inputs {
                periods: convert::path_text(periods),
                recipe: convert::path_text(recipe),
                instability_recipe: convert::path_text(instability_recipe),
                chronology: convert::path_text(chronology),
            },
            format: convert::report_format(format)?,
            dir: path,
        };
        let session = &self.inner;
        py.detach(|| ordo_report::write(session, &o))
            .map(|written| written.path)
            .map_err(ordo_error)
    }

    fn __repr__(&self) -> String {
        let o = self.inner.options();
        let shown = |p: &Option<PathBuf>| match p {
            Some(p) => format!("{:?}", p.display().to_string()),
            None => "None".to_string(),
        };
        format!(
            "Session(data={}, store={}, cluster={}, verbose={})",
            shown(&o.data),
            shown(&o.store),
            o.cluster
                .as_ref()
                .map_or("None".into(), |c| format!("{c:?}")),
            if o.verbose { "True" } else { "False" }
        )
    }
}

/// `attach=` and `on=` as the library takes them.
fn attachment(file: Option<PathBuf>, on: Option<Vec<String>>) -> Option<ordo::attach::Attach> {
    file.map(|file| ordo::attach::Attach {
        file,
        on: on.unwrap_or_default(),
    })
}
