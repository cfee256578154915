"""Leader-level units from Python: leader-years, leader-days and
leader-dyad-years give what `ordo leaders` and `ordo leader-dyads` give, with
the values docs/measures.md ("Leaders") states."""

from __future__ import annotations

import pytest

import ordo

ITALY, USA, IRAQ = 325, 2, 645


def test_italy_1994_has_two_leaders(session):
    df = session.leaders("Italy", years=(1993, 1996)).to_pandas()
    y94 = df[df["year"] == 1994]
    assert list(y94["obsid"]) == ["ITA-1993", "ITA-1994"]
    assert list(y94["leader"]) == ["Ciampi", "Berlusconi"]
    assert set(df["ccode"]) == {ITALY}
    # Ciampi (born 1920) in his second calendar year in office.
    ciampi = y94.iloc[0]
    assert ciampi["leaderage"] == 74 and ciampi["yrinoffice"] == 2
    # LEAD and LWUF are joined on obsid.
    assert ciampi["leveledu"] == 3 and ciampi["leaderid"] == "LEAD.v1-4819"
    assert ciampi["theta2_mean"] == pytest.approx(0.4200316223017004)


def test_leader_days_need_a_state_or_years(session):
    days = session.leaders("ITA", years=1994, days=True)
    assert days.num_rows == 366  # 11 May 1994 in both spells
    with pytest.raises(ordo.OrdoError, match="a state or a span of years"):
        session.leaders(days=True)


def test_leader_dyads_usa_iraq(session):
    df = session.leader_dyads("USA", "IRQ", years=(1989, 1992)).to_pandas()
    assert set(df["ccode1"]) == {USA} and set(df["ccode2"]) == {IRAQ}
    bush = df[(df["obsid1"] == "USA-1989") & (df["obsid2"] == "IRQ-1979")].set_index("year")
    assert list(bush.index) == [1989, 1990, 1991, 1992]
    assert bush.loc[1989, "gmlmid_ongoing"] == 0
    assert bush.loc[1990, "gmlmid_ongoing"] == 1 and bush.loc[1990, "gmlmid_onset"] == 1
    directed = session.leader_dyads("IRQ", "USA", years=1990, directed=True).to_pandas()
    assert set(directed["ccode1"]) == {IRAQ}
    assert "gmlmid_onset_init" in directed.columns


@pytest.mark.parametrize(
    "call,args",
    [
        (lambda s: s.leaders("ITA", years=(1990, 2000)), ["leaders", "ITA", "--from", "1990", "--to", "2000"]),
        (lambda s: s.leaders("ITA", years=1994, days=True), ["leaders", "ITA", "--year", "1994", "--days"]),
        (lambda s: s.leader_dyads("ITA", years=1994), ["leader-dyads", "ITA", "--year", "1994"]),
    ],
    ids=["leaders", "leader-days", "leader-dyads"],
)
def test_same_as_cli(session, same_as_cli, call, args):
    table = call(session)
    assert table.num_rows > 0
    same_as_cli(table, *args)
