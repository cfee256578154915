"""ordo.Table and the native module, without data (tests/python.rs runs these)."""

import json

import pyarrow as pa
import pytest

import ordo
from ordo import _ordo


def test_module():
    assert isinstance(ordo.__version__, str) and ordo.__version__
    assert issubclass(ordo.OrdoError, Exception)
    assert ordo.OrdoError.__module__ == "ordo"
    assert ordo.Table is not _ordo.Table  # the Python wrapper around the Rust class


def sample():
    schema = pa.schema(
        [("year", pa.int64()), ("coop", pa.float64())],
        metadata={ordo.SOURCES_KEY: json.dumps(["COW trade 4.0", "ATOP 5.1"])},
    )
    return pa.table({"year": [1936, 1937, 1938], "coop": [0.4, -1.2, None]}, schema=schema)


def test_wraps_any_arrow_stream():
    t = ordo.Table(sample())
    assert len(t) == 3
    assert t.shape == (3, 2)
    assert t.column_names == ["year", "coop"]
    assert t.sources == ["COW trade 4.0", "ATOP 5.1"]
    assert repr(t) == "<ordo.Table: 3 rows x 2 columns; sources: COW trade 4.0 (+1 more)>"
    assert t.to_arrow().equals(sample())
    assert pa.table(t).equals(sample())


def test_rejects_what_is_not_a_stream():
    with pytest.raises(TypeError, match="__arrow_c_stream__"):
        ordo.Table([1, 2, 3])


def test_to_pandas_keeps_sources():
    pd = pytest.importorskip("pandas")
    df = ordo.Table(sample()).to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert list(df["year"]) == [1936, 1937, 1938]
    assert df.attrs["sources"] == ["COW trade 4.0", "ATOP 5.1"]


def test_to_polars():
    pl = pytest.importorskip("polars")
    df = ordo.Table(sample()).to_polars()
    assert isinstance(df, pl.DataFrame)
    assert df.shape == (3, 2)
    assert df["coop"].null_count() == 1
