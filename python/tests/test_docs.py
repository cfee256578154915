"""docs/python.md runs as written: its ```python blocks, in order, in one namespace."""

from __future__ import annotations

import importlib
import os
import pathlib
import re

import pytest


def python_blocks(text: str) -> list:
    """The code of every ```python fenced block, in order."""
    return re.findall(r"^```python\n(.*?)^```\s*$", text, flags=re.S | re.M)


def test_blocks_are_found():
    text = "a\n```python\nx = 1\n```\n```text\nno\n```\n```python\ny = x + 1\n```\n"
    assert python_blocks(text) == ["x = 1\n", "y = x + 1\n"]


@pytest.fixture()
def docs() -> pathlib.Path:
    value = os.environ.get("ORDO_DOCS")
    if not value:
        pytest.fail("$ORDO_DOCS is not set: the path of docs/python.md (tests/python.rs sets it)")
    path = pathlib.Path(value)
    assert path.is_file(), f"no docs at {path}"
    return path


def _module(name: str):
    """The module the page needs; under CI a missing one fails the test."""
    if os.environ.get("CI"):
        return importlib.import_module(name)
    return pytest.importorskip(name)


def test_docs_examples_run(docs, data_dir, tmp_path, monkeypatch):
    matplotlib = _module("matplotlib")
    matplotlib.use("Agg")  # no display: the chart is only written to a file
    _module("polars")
    _module("pandas")

    blocks = python_blocks(docs.read_text(encoding="utf-8"))
    assert len(blocks) >= 10, "docs/python.md has its examples"
    # As a reader would run them: in a fresh directory, the session finding
    # the datasets in $ORDO_DATA and a store of its own in $ORDO_STORE (the
    # page ingests events, which must not reach the other tests' store).
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("ORDO_DATA", str(data_dir))
    monkeypatch.setenv("ORDO_STORE", str(tmp_path / "store"))

    namespace: dict = {"__name__": "__docs__"}
    for number, code in enumerate(blocks, start=1):
        try:
            exec(compile(code, f"{docs.name}, python block {number}", "exec"), namespace)
        except Exception as err:  # name the block that failed
            pytest.fail(f"{docs.name}, python block {number} failed: {err!r}\n{code}")

    chart = tmp_path / "ita-rus-cooperation.png"
    assert chart.stat().st_size > 10_000
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "reports" / "ordo-report-ITA-RUS.html").is_file()
    assert namespace["dyad"].shape[0] == 207
    assert "2011-08" in set(namespace["georgia"]["period"])
    assert len(namespace["verdict"]) == 4
