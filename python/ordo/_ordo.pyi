"""Types of the native module ``ordo._ordo`` (src/lib.rs, src/arrow.rs).

Users call the wrappers in ``ordo``; these are the classes underneath.
"""

import datetime
import os
import pathlib
from typing import List, Optional, Sequence, Tuple, Union, final

_State = Union[str, int]
_States = Union[_State, Sequence[_State]]
_Years = Union[None, int, Tuple[Optional[int], Optional[int]]]
_Path = Union[str, os.PathLike[str]]
_Paths = Union[_Path, Sequence[_Path]]
_Strings = Union[str, Sequence[str]]
_Day = Union[str, datetime.date]

__version__: str

class OrdoError(Exception):
    """An error from ordo. The message is ordo's own: what went wrong and what to do next."""

@final
class Table:
    """A table computed by ordo: Arrow record batches and the sources of its numbers.

    Read through the Arrow PyCapsule protocol, without a copy, any number of times.
    """

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """A PyCapsule ``arrow_array_stream`` over the table; ``requested_schema`` is ignored."""
    def __arrow_c_schema__(self) -> object:
        """A PyCapsule ``arrow_schema`` of the table's schema, sources in its metadata."""
    @property
    def sources(self) -> List[str]:
        """Where the numbers come from, one line per source."""
    @property
    def column_names(self) -> List[str]: ...
    @property
    def num_rows(self) -> int: ...
    @property
    def num_columns(self) -> int: ...
    def __len__(self) -> int: ...

@final
class Session:
    """The library's session (src/session.rs); ``ordo.Session`` wraps it.

    Every method releases the GIL while ordo runs and raises ``OrdoError``
    with ordo's message; argument types are checked first (``TypeError``,
    ``ValueError``).
    """

    def __init__(
        self,
        *,
        data: Optional[_Path] = None,
        store: Optional[_Path] = None,
        cluster: Optional[str] = None,
        verbose: bool = False,
    ) -> None: ...
    @property
    def data(self) -> Optional[pathlib.Path]: ...
    @property
    def store(self) -> Optional[pathlib.Path]: ...
    @property
    def cluster(self) -> Optional[str]: ...
    @property
    def verbose(self) -> bool: ...
    def data_dir(self) -> pathlib.Path: ...
    def store_dir(self) -> pathlib.Path: ...
    def dyad(
        self,
        a: _State,
        b: _State,
        *,
        years: _Years = None,
        directed: bool = False,
        spells: Optional[Sequence[str]] = None,
        whittle: Optional[str] = None,
        attach: Optional[str] = None,
        on: Optional[Sequence[str]] = None,
        system: str = "cow",
    ) -> Table: ...
    def dyads(
        self,
        *,
        years: _Years = None,
        directed: bool = False,
        politically_relevant: bool = False,
        spells: Optional[Sequence[str]] = None,
        whittle: Optional[str] = None,
        attach: Optional[str] = None,
        on: Optional[Sequence[str]] = None,
        system: str = "cow",
    ) -> Table: ...
    def state(
        self,
        state: _State,
        *,
        years: _Years = None,
        spells: Optional[Sequence[str]] = None,
        attach: Optional[str] = None,
        on: Optional[Sequence[str]] = None,
        system: str = "cow",
    ) -> Table: ...
    def state_years(
        self,
        *,
        years: _Years = None,
        spells: Optional[Sequence[str]] = None,
        attach: Optional[str] = None,
        on: Optional[Sequence[str]] = None,
        system: str = "cow",
    ) -> Table: ...
    def leaders(
        self, state: Optional[_State] = None, *, years: _Years = None, days: bool = False
    ) -> Table: ...
    def leader_dyads(
        self,
        a: Optional[_State] = None,
        b: Optional[_State] = None,
        *,
        years: _Years = None,
        directed: bool = False,
    ) -> Table: ...
    def coverage(self, a: _State, b: _State, *, years: _Years = None) -> Table: ...
    def resolve(self, names: _States, *, on: Optional[_Day] = None) -> Table: ...
    def state_days(
        self, state: _State, *, start: Optional[_Day] = None, end: Optional[_Day] = None
    ) -> Table: ...
    def members(
        self,
        *,
        year: Optional[int] = None,
        on: Optional[_Day] = None,
        majors: str = "cow",
        system: str = "cow",
    ) -> Table: ...
    def show(self, names: _States) -> Table: ...
    def middle_powers(self, year: int, *, rule: str = "next:20", majors: str = "cow2024") -> Table: ...
    def system(self, *, years: _Years = None, majors: str = "cow2024") -> Table: ...
    def instability(
        self,
        *,
        years: _Years = None,
        recipe: Optional[_Path] = None,
        periods: Optional[_Path] = None,
        majors: str = "cow2024",
        compare_periods: bool = False,
        seed: int = 20260101,
        reps: int = 10000,
        block: int = 3,
    ) -> Table: ...
    def periods(self, *, file: Optional[_Path] = None) -> Table: ...
    def cooperation(
        self, a: _State, b: _State, *, years: _Years = None, recipe: Optional[_Path] = None
    ) -> Table: ...
    def test(
        self,
        a: _State,
        b: _State,
        *,
        periods: Optional[_Path] = None,
        recipe: Optional[_Path] = None,
        instability_recipe: Optional[_Path] = None,
        regression: bool = False,
        lags: Optional[int] = None,
        seed: int = 20260101,
        reps: int = 10000,
        block: int = 3,
    ) -> Table: ...
    def breaks(
        self,
        series: str = "cooperation",
        a: Optional[_State] = None,
        b: Optional[_State] = None,
        *,
        method: str = "pelt",
        penalty: Optional[float] = None,
        path: Optional[str] = None,
        min_size: int = 3,
        max_breaks: int = 5,
        periods: Optional[_Path] = None,
        recipe: Optional[_Path] = None,
        component: Optional[str] = None,
        seed: int = 20260101,
        reps: int = 10000,
    ) -> Table: ...
    def panel(
        self,
        *,
        middle_powers: bool = True,
        counterparts: str = "majors",
        years: _Years = None,
        middle_rule: str = "next:20",
        min_years: int = 15,
    ) -> Table: ...
    def chronology(
        self,
        a: _State,
        b: _State,
        *,
        years: _Years = None,
        stance: Optional[_Strings] = None,
        table1: bool = False,
        files: Optional[_Paths] = None,
        periods: Optional[_Path] = None,
        derive: bool = False,
        events: bool = False,
        recipe: Optional[_Path] = None,
    ) -> Table: ...
    def table1(
        self,
        a: _State,
        b: _State,
        *,
        evidence: bool = False,
        files: Optional[_Paths] = None,
        periods: Optional[_Path] = None,
        derive: bool = False,
        events: bool = False,
        recipe: Optional[_Path] = None,
    ) -> Table: ...
    def events(
        self,
        a: Optional[_State] = None,
        b: Optional[_State] = None,
        *,
        by: str = "month",
        all_dyads: bool = False,
        directed: bool = False,
        root_only: bool = False,
        weight: str = "none",
        profile: str = "gdelt",
        sensitivity: bool = False,
        keys: str = "cow",
        raw: Optional[_Paths] = None,
        source: str = "gdelt",
        map: Optional[_Strings] = None,
        quick: bool = False,
        codes: Optional[str] = None,
        years: _Years = None,
        dedupe: str = "none",
        sources: Optional[_Strings] = None,
        actors: str = "all",
        min_confidence: Optional[int] = None,
        min_sources: Optional[int] = None,
    ) -> Table: ...
    def ingest(
        self,
        paths: _Paths,
        *,
        source: str = "gdelt",
        map: Optional[_Strings] = None,
        codes: Optional[str] = None,
        replace: bool = False,
        supersedes: Optional[_Strings] = None,
    ) -> Table: ...
    def store_files(self, *, active: bool = False) -> Table: ...
    def store_retire(self, files: _Strings) -> Table: ...
    def sql(
        self, query: str, *, attach: Optional[Sequence[Tuple[str, str]]] = None
    ) -> Table: ...
    def tables(self) -> Table: ...
    def data_status(self) -> Table: ...
    def cite(
        self,
        datasets: Optional[_Strings] = None,
        *,
        for_: Optional[_Strings] = None,
        format: str = "bibtex",
    ) -> str: ...
    def report(
        self,
        a: _State,
        b: _State,
        *,
        path: Optional[_Path] = None,
        format: str = "html",
        from_: Optional[int] = None,
        to: Optional[int] = None,
        periods: Optional[_Path] = None,
        recipe: Optional[_Path] = None,
        instability_recipe: Optional[_Path] = None,
        chronology: Optional[_Path] = None,
    ) -> pathlib.Path:
        """Writes the report into the directory ``path``; the file written."""
