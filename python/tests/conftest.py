"""Fixtures of the Python tests: the data, the store, a session, the CLI.

tests/python.rs runs these tests with
  ORDO_DATA   the public datasets (../shared/data above the checkout),
  ORDO_STORE  the store of this run (a new directory; see tests/python.rs),
  ORDO_BIN    the `ordo` binary of the same build (target/<profile>/ordo),
  ORDO_DOCS   docs/python.md, whose examples test_docs.py runs.
Tests needing data are skipped when ORDO_DATA is not set, except under CI
(where they fail): a developer can run the data-free tests alone.
"""

from __future__ import annotations

import io
import os
import pathlib
import re
import subprocess
from typing import Callable, List, Sequence

import pytest

import ordo

#: Seconds a CLI run may take (the first build of the directed dyad-year
#: frame on a 2-core machine is the slowest).
CLI_TIMEOUT = 1200


def _env_path(var: str, what: str) -> pathlib.Path:
    value = os.environ.get(var)
    if not value:
        message = f"${var} is not set: {what}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return pathlib.Path(value)


@pytest.fixture(scope="session")
def data_dir() -> pathlib.Path:
    path = _env_path("ORDO_DATA", "the directory of the public datasets")
    assert path.is_dir(), f"ORDO_DATA={path} is not a directory"
    return path


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    value = os.environ.get("ORDO_STORE")
    return pathlib.Path(value) if value else tmp_path_factory.mktemp("store")


@pytest.fixture(scope="session")
def session(data_dir: pathlib.Path, store_dir: pathlib.Path) -> ordo.Session:
    return ordo.Session(data=data_dir, store=store_dir)


@pytest.fixture(scope="session")
def ordo_bin() -> pathlib.Path:
    value = os.environ.get("ORDO_BIN")
    if not value:
        pytest.fail("$ORDO_BIN is not set: the path of the `ordo` binary (tests/python.rs sets it)")
    path = pathlib.Path(value)
    if not path.is_file():
        pytest.fail(
            f"no ordo binary at {path}: build it first with `cargo build -p ordo-cli` "
            "(`cargo test --workspace` builds it too)"
        )
    return path


class Cli:
    """Runs the `ordo` binary with the session's --data and --store."""

    def __init__(self, binary: pathlib.Path, data: pathlib.Path, store: pathlib.Path) -> None:
        self.binary, self.data, self.store = binary, data, store

    def run(self, *args: str, store: "pathlib.Path | None" = None) -> subprocess.CompletedProcess:
        argv = [str(self.binary), "--data", str(self.data), "--store", str(store or self.store)]
        argv += list(args)
        done = subprocess.run(argv, capture_output=True, text=True, timeout=CLI_TIMEOUT)
        if done.returncode != 0:
            pytest.fail(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stderr}")
        return done

    def csv(self, *args: str) -> subprocess.CompletedProcess:
        """`ordo ARGS --format csv`: the table on stdout, its sources on stderr."""
        return self.run(*args, "--format", "csv")


@pytest.fixture(scope="session")
def cli(ordo_bin: pathlib.Path, data_dir: pathlib.Path, store_dir: pathlib.Path) -> Cli:
    return Cli(ordo_bin, data_dir, store_dir)


# -- comparing tables -----------------------------------------------------------


def is_cache_note(line: str) -> bool:
    """A source line saying where a derived table was cached (true of one run only)."""
    return "read from cache " in line or "built and cached at " in line


def stable_sources(lines: Sequence[str]) -> List[str]:
    """The source lines that identify a result: cache notes left out, and a
    dataset file named by its folder and name, not by how the data
    directory was spelled when a cached table was built (the store is kept
    between runs; the file's rows and SHA-256 still have to match)."""
    return [
        re.sub(r": /\S+/([^/\s]+/[^/\s]+) \(", r": <data>/\1 (", line)
        for line in lines
        if not is_cache_note(line)
    ]


def cli_sources(stderr: str) -> List[str]:
    """The `source: ...` lines the CLI prints to stderr under a csv table."""
    prefix = "source: "
    return [line[len(prefix):] for line in stderr.splitlines() if line.startswith(prefix)]


def _missing(v: object) -> bool:
    """None, NaN, pandas.NA or NaT."""
    import pandas as pd

    try:
        return v is None or bool(pd.isna(v))
    except (TypeError, ValueError):  # pd.isna of a list is an array
        return False


def assert_same_as_csv(table: ordo.Table, csv_text: str) -> None:
    """The table equals the CLI's CSV: same columns in the same order, same
    rows in the same order, same values (numbers exactly, as the CSV writes
    the shortest text that reads back to the same float; NaN and null are
    both missing), whatever the dtypes pandas infers."""
    import numpy as np
    import pandas as pd

    expected = pd.read_csv(io.StringIO(csv_text), dtype=str, keep_default_na=False)
    actual = table.to_pandas()
    assert list(actual.columns) == list(expected.columns)
    assert len(actual) == len(expected), f"{len(actual)} rows, the CLI {len(expected)}"
    for name in actual.columns:
        got, text = actual[name], expected[name]
        missing = text.isin(["", "NaN", "nan", "null"])
        if pd.api.types.is_bool_dtype(got.dtype):
            want = text.map({"true": True, "false": False})
            assert list(got) == list(want), f"column {name}"
        elif pd.api.types.is_numeric_dtype(got.dtype):
            dtype = np.float32 if got.dtype == np.float32 else np.float64
            want = pd.to_numeric(text.where(~missing, None), errors="raise").astype(dtype)
            ok = np.array_equal(got.to_numpy(dtype=dtype), want.to_numpy(), equal_nan=True)
            if not ok:
                bad = (got.to_numpy(dtype=dtype) != want.to_numpy()) & ~(
                    np.isnan(got.to_numpy(dtype=dtype)) & np.isnan(want.to_numpy())
                )
                i = int(np.flatnonzero(bad)[0])
                pytest.fail(f"column {name}, row {i}: {got.iloc[i]!r} != CLI {text.iloc[i]!r}")
        else:
            for i, (g, t) in enumerate(zip(got, text)):
                if _missing(g):
                    assert t in ("", "NaN"), f"column {name}, row {i}: null != CLI {t!r}"
                elif isinstance(g, (bool, np.bool_)):
                    assert t == ("true" if g else "false"), f"column {name}, row {i}"
                elif isinstance(g, (int, float, np.integer, np.floating)):
                    assert float(t) == float(g), f"column {name}, row {i}: {g!r} != {t!r}"
                elif hasattr(g, "isoformat"):
                    assert str(t).startswith(g.isoformat()[:10]), f"column {name}, row {i}"
                else:
                    assert str(g) == t, f"column {name}, row {i}: {g!r} != CLI {t!r}"


@pytest.fixture(scope="session")
def same_as_cli(cli: Cli) -> Callable[..., None]:
    """`same_as_cli(table, *args)`: the table equals `ordo ARGS --format csv`,
    and its sources the command's (cache notes aside)."""

    def check(table: ordo.Table, *args: str) -> None:
        done = cli.csv(*args)
        assert_same_as_csv(table, done.stdout)
        assert stable_sources(table.sources) == stable_sources(cli_sources(done.stderr))

    return check
