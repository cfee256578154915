"""ordo: cooperation and competition between states, year by year, and the
stability of the international order, from the public datasets of the field
(Correlates of War, ATOP, MIDs, UN votes, GDELT/ICEWS events).

The same library as the ``ordo`` command-line tool, called from Python::

    >>> import ordo                                   # doctest: +SKIP
    >>> s = ordo.Session()                            # doctest: +SKIP
    >>> s.test("ITA", "RUS").to_pandas()              # doctest: +SKIP

Every method of :class:`ordo.Session` is one ``ordo`` command and returns an
:class:`ordo.Table`: Arrow data, read without a copy by pyarrow, polars and
pandas, and the sources behind its numbers (``table.sources``). Errors are
:class:`ordo.OrdoError`, with ordo's message. A walkthrough: docs/python.md.
"""

from __future__ import annotations

try:
    from ordo import _ordo
except ImportError as err:  # a source checkout without the built module
    raise ImportError(
        "ordo's native module (ordo._ordo) is not built: install the package "
        "(pip install ./python) or build it in place (maturin develop -m python/Cargo.toml)"
    ) from err

from ordo._session import Session
from ordo._table import SOURCES_KEY, Table

OrdoError = _ordo.OrdoError
__version__: str = _ordo.__version__

__all__ = ["OrdoError", "SOURCES_KEY", "Session", "Table", "__version__"]
