"""The Gleditsch-Ward system (`system="gw"`): frames, codes, member lists,
checked against the independent reference tests/reference/gw_expected.csv."""

from __future__ import annotations

import csv
import os
import pathlib

import pytest


def reference(frame: str) -> list:
    """Rows of one frame of the reference output (tests/python.rs sets
    $ORDO_REFERENCE to the repository's tests/reference)."""
    value = os.environ.get("ORDO_REFERENCE")
    if not value:
        pytest.fail("$ORDO_REFERENCE is not set: the path of tests/reference (tests/python.rs sets it)")
    with open(pathlib.Path(value) / "gw_expected.csv", newline="") as f:
        return [r for r in csv.DictReader(f) if r["frame"] == frame]


def count(unit: str, year: int) -> int:
    (row,) = [r for r in reference("gw_count") if r["unit"] == unit and r["year"] == str(year)]
    return int(row["value"])


def test_gw_dyads_of_a_year(session):
    t = session.dyads(years=2017, system="gw").to_arrow()
    assert t.column_names[:5] == ["gwcode1", "gwcode2", "year", "ccode1", "ccode2"]
    assert t.num_rows == count("dyad_years", 2017)
    directed = session.dyads(years=1945, system="gw", directed=True).to_arrow()
    assert directed.num_rows == 2 * count("dyad_years", 1945)


def test_gw_codes_of_germany_and_yemen(session):
    df = session.dyad("USA", 260, years=(1989, 1991), system="gw").to_pandas()
    assert list(df["gwcode2"]) == [260, 260, 260]
    assert list(df["ccode2"]) == [260, 255, 255]
    yemen = session.state("gw:678", years=(1989, 1991), system="gw").to_pandas()
    assert list(yemen["ccode"]) == [678, 679, 679]
    for r in reference("gw_state_ccode"):
        if r["unit"] == "678" and 1989 <= int(r["year"]) <= 1991:
            assert int(r["value"]) == int(yemen.set_index("year").loc[int(r["year"]), "ccode"])


def test_gw_state_years_and_members(session):
    sy = session.state_years(years=1816, system="gw").to_arrow()
    assert sy.column_names[:4] == ["gwcode", "year", "ccode", "stateabb"]
    assert sy.num_rows == count("state_years", 1816)
    members = session.members(year=2016, system="gw").to_pandas()
    assert len(members) == count("state_years", 2016)
    assert members.columns[0] == "gwcode"


def test_cow_frames_carry_gw_codes(session):
    t = session.dyad("USA", "GMY", years=1991).to_arrow()
    assert t.column_names[:5] == ["ccode1", "ccode2", "year", "gwcode1", "gwcode2"]
    assert t.column("gwcode2").to_pylist() == [260]


def test_unknown_system_is_refused(session):
    with pytest.raises(ValueError, match="gw"):
        session.dyads(years=1990, system="isard")


@pytest.mark.parametrize(
    "call, args",
    [
        (lambda s: s.dyad("ITA", "RUS", years=(1860, 1862), system="gw"), ("dyad", "ITA", "RUS", "--from", "1860", "--to", "1862", "--system", "gw")),
        (lambda s: s.state_years(years=1990, system="gw"), ("states-year", "--year", "1990", "--system", "gw")),
    ],
)
def test_gw_same_as_cli(session, same_as_cli, call, args):
    same_as_cli(call(session), *args)
