"""``ordo.Table``: what every call of a Session returns.

A table is Arrow data computed by ordo and the sources behind its numbers.
It is read without a copy by any library that speaks the Arrow PyCapsule
protocol, and converted on request::

    >>> t = s.dyad("Italy", "Soviet Union")          # doctest: +SKIP
    >>> t                                             # doctest: +SKIP
    <ordo.Table: 207 rows x 54 columns; sources: dyad_years: Correlates of War State System Membership v20... (+24 more)>
    >>> t.to_pandas()                                 # doctest: +SKIP
    >>> import polars as pl; pl.DataFrame(t)          # doctest: +SKIP
    >>> import pyarrow as pa; pa.table(t)             # doctest: +SKIP
    >>> t.sources[0]                                  # doctest: +SKIP
    'dyad_years: Correlates of War State System Membership v2016: .../cow_states/cow_states.csv (243 rows, sha256 7673...)'

The sources also travel in the Arrow schema's metadata, under the key
``ordo.sources`` (a JSON array of strings), so they survive a conversion
to pyarrow and a Parquet file written from it. ``to_pandas()`` puts them
in ``DataFrame.attrs["sources"]``.
"""

from __future__ import annotations

import importlib
import json
from typing import TYPE_CHECKING, Any, List, Optional, Tuple

if TYPE_CHECKING:  # imported only for type checkers: all three are optional
    import pandas
    import polars
    import pyarrow

#: The schema-metadata key of the sources (src/arrow.rs, SOURCES_KEY).
SOURCES_KEY = "ordo.sources"


def _require(module: str, extra: str, what: str) -> Any:
    """Import an optional dependency, or say how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError as err:
        raise ImportError(
            f"{what} needs {module}: pip install 'ordo[{extra}]' (or pip install {module})"
        ) from err


class Table:
    """A result table of ordo: Arrow data and the sources of its numbers.

    It implements the Arrow PyCapsule protocol (``__arrow_c_stream__``), so
    ``pyarrow.table(t)``, ``polars.DataFrame(t)``,
    ``pandas.DataFrame.from_arrow(t)`` (pandas >= 3) and DuckDB read it
    directly, without copying the data; it can be read any number of times.

    Examples
    --------
    >>> import pyarrow as pa
    >>> t = Table(pa.table({"year": [1936, 1937], "coop": [0.4, -1.2]}))
    >>> t
    <ordo.Table: 2 rows x 2 columns>
    >>> t.column_names
    ['year', 'coop']
    >>> t.to_arrow().column("year").to_pylist()
    [1936, 1937]
    """

    __slots__ = ("_raw",)

    def __init__(self, raw: Any) -> None:
        # `raw` is an `ordo._ordo.Table` (the Rust side) or, for tests and
        # for wrapping one's own data, any object with `__arrow_c_stream__`.
        if not hasattr(raw, "__arrow_c_stream__"):
            raise TypeError(
                f"ordo.Table wraps an Arrow stream (an object with __arrow_c_stream__), "
                f"not {type(raw).__name__}"
            )
        self._raw = raw

    # -- the Arrow PyCapsule protocol -------------------------------------

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """Export the table as an Arrow C stream (a PyCapsule ``arrow_array_stream``).

        ``requested_schema`` is passed on; ordo's own tables ignore it, as the
        protocol allows, and always give their own schema.
        """
        return self._raw.__arrow_c_stream__(requested_schema)

    def __arrow_c_schema__(self) -> object:
        """Export the table's schema as an Arrow C schema (a PyCapsule ``arrow_schema``)."""
        if hasattr(self._raw, "__arrow_c_schema__"):
            return self._raw.__arrow_c_schema__()
        return self.schema.__arrow_c_schema__()

    # -- what the table is -------------------------------------------------

    @property
    def sources(self) -> List[str]:
        """Where the numbers come from: one line per dataset file (title, version,
        path, rows, SHA-256), recipe, rule or store segment, as the CLI prints
        them under its tables."""
        sources = getattr(self._raw, "sources", None)
        if sources is not None:
            return list(sources)
        metadata = self.schema.metadata or {}
        text = metadata.get(SOURCES_KEY.encode())
        return json.loads(text) if text else []

    @property
    def schema(self) -> "pyarrow.Schema":
        """The Arrow schema (needs pyarrow), with the sources in its metadata."""
        pa = _require("pyarrow", "pyarrow", "Table.schema")
        if hasattr(self._raw, "__arrow_c_schema__"):
            return pa.schema(self._raw)
        return self.to_arrow().schema

    @property
    def column_names(self) -> List[str]:
        """The column names, in order."""
        names = getattr(self._raw, "column_names", None)
        if names is not None:
            return list(names)
        return list(self.schema.names)

    @property
    def num_rows(self) -> int:
        """The number of rows."""
        n = getattr(self._raw, "num_rows", None)
        return int(n) if n is not None else self.to_arrow().num_rows

    @property
    def num_columns(self) -> int:
        """The number of columns."""
        return len(self.column_names)

    @property
    def shape(self) -> Tuple[int, int]:
        """``(rows, columns)``, as in pandas and polars."""
        return (self.num_rows, self.num_columns)

    def __len__(self) -> int:
        return self.num_rows

    def __repr__(self) -> str:
        rows, cols = self.shape
        text = f"<ordo.Table: {rows} rows x {cols} columns"
        sources = self.sources
        if sources:
            first = sources[0] if len(sources[0]) <= 60 else sources[0][:57] + "..."
            more = f" (+{len(sources) - 1} more)" if len(sources) > 1 else ""
            text += f"; sources: {first}{more}"
        return text + ">"

    # -- conversions ---------------------------------------------------------

    def to_arrow(self) -> "pyarrow.Table":
        """The table as a ``pyarrow.Table`` (no copy; the sources stay in
        ``schema.metadata[b"ordo.sources"]``). Needs pyarrow."""
        pa = _require("pyarrow", "pyarrow", "Table.to_arrow()")
        return pa.table(self)

    def to_pandas(self, **kwargs: Any) -> "pandas.DataFrame":
        """The table as a ``pandas.DataFrame``, converted by pyarrow
        (``kwargs`` go to ``pyarrow.Table.to_pandas``); the sources are in
        ``df.attrs["sources"]``. Needs pandas and pyarrow."""
        _require("pandas", "pandas", "Table.to_pandas()")
        _require("pyarrow", "pandas", "Table.to_pandas()")
        df = self.to_arrow().to_pandas(**kwargs)
        df.attrs["sources"] = self.sources
        return df

    def to_polars(self) -> "polars.DataFrame":
        """The table as a ``polars.DataFrame`` (numbers without a copy; polars
        copies text into its own string layout). Needs polars >= 1.3."""
        pl = _require("polars", "polars", "Table.to_polars()")
        # pl.DataFrame reads any Arrow stream; pl.from_arrow does not (it
        # makes a Series of structs of it), so it is not used here.
        return pl.DataFrame(self)
