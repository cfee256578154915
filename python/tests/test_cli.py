"""Python gives what the CLI and the JSON API give: the same library calls,
the same numbers, the same sources, the same report bytes."""

from __future__ import annotations

import json
import queue
import re
import signal
import subprocess
import threading
import tracemalloc
import urllib.request

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import stable_sources

# (id, the call, the command's arguments): each table equals `ordo ARGS --format csv`.
CASES = [
    ("dyad", lambda s: s.dyad("ITA", "RUS"), ["dyad", "ITA", "RUS"]),
    (
        "dyad-directed",
        lambda s: s.dyad("FRN", "GMY", directed=True, years=(1900, 1950)),
        ["dyad", "FRN", "GMY", "--directed", "--from", "1900", "--to", "1950"],
    ),
    ("cooperation", lambda s: s.cooperation("ITA", "RUS"), ["cooperation", "ITA", "RUS"]),
    ("test", lambda s: s.test("ITA", "RUS"), ["test", "ITA", "RUS"]),
    (
        "test-regression",
        lambda s: s.test("Italy", "Soviet Union", regression=True),
        ["test", "Italy", "Soviet Union", "--regression"],
    ),
    ("system", lambda s: s.system(years=(1900, 1950)), ["system", "--from", "1900", "--to", "1950"]),
    ("instability", lambda s: s.instability(), ["instability"]),
    (
        "instability-compare",
        lambda s: s.instability(compare_periods=True, reps=500),
        ["instability", "--compare-periods", "--reps", "500"],
    ),
    ("members", lambda s: s.members(year=1938), ["states", "list", "--year", "1938"]),
    (
        "resolve",
        lambda s: s.resolve("Italia", "URSS", 365),
        ["states", "resolve", "Italia", "URSS", "365"],
    ),
    ("middle", lambda s: s.middle_powers(1960), ["states", "middle", "--year", "1960"]),
    ("state", lambda s: s.state("ITA", years=(1900, 1950)), ["state", "ITA", "--from", "1900", "--to", "1950"]),
    (
        "dyads-directed-1990",
        lambda s: s.dyads(years=1990, directed=True),
        ["dyads", "--year", "1990", "--directed"],
    ),
    ("coverage", lambda s: s.coverage("ITA", "RUS"), ["coverage", "ITA", "RUS"]),
    ("periods", lambda s: s.periods(), ["periods"]),
    ("chronology", lambda s: s.chronology("ITA", "RUS"), ["chronology", "ITA", "RUS"]),
    ("chronology-derived", lambda s: s.chronology("FRN", "GMY", derive=True), ["chronology", "FRN", "GMY", "--derive"]),
    ("table1-merged", lambda s: s.table1("ITA", "RUS", derive=True), ["table1", "ITA", "RUS", "--derive"]),
    ("table1-evidence", lambda s: s.table1("ITA", "RUS", evidence=True), ["table1", "ITA", "RUS", "--evidence"]),
    (
        "breaks",
        lambda s: s.breaks("cooperation", "ITA", "RUS", reps=500),
        ["breaks", "cooperation", "ITA", "RUS", "--reps", "500"],
    ),
    (
        "sql",
        lambda s: s.sql(
            "SELECT ccode1, ccode2, year, cowmid_ongoing FROM dyad_years "
            "WHERE year = 1962 ORDER BY ccode1, ccode2"
        ),
        [
            "sql",
            "SELECT ccode1, ccode2, year, cowmid_ongoing FROM dyad_years "
            "WHERE year = 1962 ORDER BY ccode1, ccode2",
        ],
    ),
]


@pytest.mark.parametrize("call,args", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_same_as_cli(session, same_as_cli, call, args):
    table = call(session)
    assert table.num_rows > 0
    same_as_cli(table, *args)


def test_sql_1962_has_every_dyad(session):
    # 6786 dyads in 1962 (the CLI test above compares the rows themselves).
    assert session.sql("SELECT * FROM dyad_years WHERE year = 1962").num_rows == 6786


def test_whole_directed_frame_without_python_objects(session, cli, tmp_path):
    """The directed dyad-year frame, every year: Arrow buffers handed over,
    not a Python object per row or value."""
    out = tmp_path / "dyads.parquet"
    cli.run("dyads", "--directed", "--out", str(out))
    rows = pq.read_metadata(out).num_rows
    assert rows > 2_000_000

    tracemalloc.start()
    pool_before = pa.total_allocated_bytes()
    table = session.dyads(directed=True)  # reads the frame the CLI cached
    arrow = pa.table(table)
    n = table.num_rows
    pool_after = pa.total_allocated_bytes()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert n == arrow.num_rows == rows
    assert arrow.num_columns > 50
    # No copy into pyarrow's memory pool, and next to no memory allocated by
    # Python objects (one float per value would be hundreds of megabytes).
    assert pool_after - pool_before < 1 << 20
    assert peak < 2 << 20, f"{peak} bytes of Python objects"


def test_report_bytes_equal_the_cli(session, cli, tmp_path):
    py_dir, cli_dir = tmp_path / "py", tmp_path / "cli"
    written = session.report("ITA", "RUS", path=py_dir)
    assert written == py_dir / "ordo-report-ITA-RUS.html"
    assert written.is_file()
    cli.run("report", "ITA", "RUS", "--out", str(cli_dir))
    cli_file = cli_dir / "ordo-report-ITA-RUS.html"
    assert written.read_bytes() == cli_file.read_bytes()
    html = written.read_text(encoding="utf-8")
    assert "<svg" in html and "Natalizia" in html


def _serve(cli):
    """`ordo serve` on a free port; the process and its base URL."""
    argv = [
        str(cli.binary),
        "--data",
        str(cli.data),
        "--store",
        str(cli.store),
        "serve",
        "--addr",
        "127.0.0.1:0",
    ]
    proc = subprocess.Popen(argv, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    lines: "queue.Queue[str]" = queue.Queue()

    def pump():
        for line in proc.stderr:
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    seen = []
    while True:
        try:
            line = lines.get(timeout=120)
        except queue.Empty:
            proc.kill()
            pytest.fail(f"ordo serve did not say where it listens: {''.join(seen)}")
        seen.append(line)
        found = re.search(r"on (http://127\.0\.0\.1:\d+)/", line)
        if found:
            return proc, found.group(1)
        if proc.poll() is not None:
            pytest.fail(f"ordo serve stopped ({proc.returncode}): {''.join(seen)}")


def _plain(v):
    """A JSON-comparable value: NaN as null."""
    return None if isinstance(v, float) and v != v else v


def _same_rows(api_rows, rows):
    """The API's rows are the table's, every float to the last bit (the
    server parses its JSON text with serde_json's exact `float_roundtrip`
    parser; without it -0.9673989277993865 came back as
    -0.9673989277993864)."""
    assert len(api_rows) == len(rows)
    for i, (got, want) in enumerate(zip(api_rows, rows)):
        assert list(got) == list(want), f"row {i}: columns"
        for name, value in want.items():
            assert got[name] == value, f"row {i}, {name}: {got[name]!r} != {value!r}"


def test_same_as_json_api(session, cli):
    proc, base = _serve(cli)
    try:
        with urllib.request.urlopen(f"{base}/api/test/ITA/RUS", timeout=300) as answer:
            body = json.load(answer)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    table = session.test("ITA", "RUS")
    rows = [{k: _plain(v) for k, v in r.items()} for r in table.to_arrow().to_pylist()]
    assert body["command"] == "ordo test ITA RUS"
    _same_rows(body["rows"], rows)
    assert stable_sources(body["sources"]) == stable_sources(table.sources)
    assert body["a"]["ccode"] == 325 and body["b"]["ccode"] == 365
