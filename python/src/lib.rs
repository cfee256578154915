//! ordo for Python: the native module `ordo._ordo`.
//!
//! The Python package `ordo` (python/ordo/) wraps this module: `ordo.Session`
//! calls the methods of [`ordo::Session`] and hands back each result as an
//! `ordo.Table`, which crosses to Python through the Arrow C stream interface
//! (src/arrow.rs) without a copy. Errors become `ordo.OrdoError` carrying
//! ordo's message, the same text the CLI prints. Long calls release the GIL
//! (`py.detach`), so other Python threads run while ordo reads and computes.
//!
//! - src/session.rs: the `Session` class, one method per library call;
//! - src/convert.rs: its arguments (years, states, paths, days) as the
//!   library's types;
//! - src/arrow.rs: the `Table` class, Arrow through the C stream interface.

pub mod arrow;
pub mod convert;
pub mod session;

use pyo3::prelude::*;

pyo3::create_exception!(
    ordo,
    OrdoError,
    pyo3::exceptions::PyException,
    "An error from ordo. The message is ordo's own: what went wrong and what to do next."
);

/// An ordo error as an `OrdoError` whose message is the whole chain of
/// causes, as the CLI prints it (`{:#}`).
pub fn ordo_error(err: anyhow::Error) -> PyErr {
    OrdoError::new_err(format!("{err:#}"))
}

/// A result table of the library as the Python `Table`.
pub fn table(t: ordo::Table) -> arrow::ArrowTable {
    arrow::ArrowTable::new(t.schema, t.batches, t.sources)
}

#[pymodule]
fn _ordo(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("OrdoError", m.py().get_type::<OrdoError>())?;
    m.add_class::<arrow::ArrowTable>()?;
    m.add_class::<session::Session>()?;
    Ok(())
}
