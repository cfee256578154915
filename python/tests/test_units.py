"""Issue 19's frames from Python: the same tables as the CLI, with spells,
whittling, attached files (CSV and Parquet) and the new state-year columns."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import ordo

CASES = [
    (
        "dyad-spells",
        lambda s: s.dyad("USA", "RUS", spells="cowmid_ongoing,gmlmid_onset", years=(1946, 1991)),
        ["dyad", "USA", "RUS", "--spells", "cowmid_ongoing,gmlmid_onset", "--from", "1946", "--to", "1991"],
    ),
    (
        "state-spells",
        lambda s: s.state("RUS", spells=["ucdp_ongoing"], years=(1946, 2022)),
        ["state", "RUS", "--spells", "ucdp_ongoing", "--from", "1946", "--to", "2022"],
    ),
    (
        "dyads-whittle",
        lambda s: s.dyads(years=1903, whittle="fatality"),
        ["dyads", "--year", "1903", "--whittle", "fatality"],
    ),
    (
        "dyads-prd-2017",
        lambda s: s.dyads(years=2017, politically_relevant=True),
        ["dyads", "--year", "2017", "--only-politically-relevant"],
    ),
]


@pytest.mark.parametrize("call,args", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_same_as_cli(session, same_as_cli, call, args):
    table = call(session)
    assert table.num_rows > 0
    same_as_cli(table, *args)


def test_new_state_year_columns(session):
    df = session.state("USA", years=2001).to_pandas()
    # Conflict 418 (side A) and 13692 (side B: Afghanistan's government
    # against the USA and allies): primary parties on both sides count.
    assert df.loc[0, "ucdp_conflicts"] == 2
    assert df.loc[0, "maoz_global"] == 1
    italy = session.state("ITA", years=(1993, 1994)).to_pandas()
    assert list(italy["leader"]) == ["Ciampi", "Berlusconi"]
    assert italy["sdp_gdp"].notna().all()


def test_attach_csv_and_parquet_give_the_same_columns(session, tmp_path):
    rows = {"country": ["Italy", "ITA", "Narnia"], "year": [1990, 1991, 1992], "score": [1.5, 2.0, 4.0]}
    csv_path, pq_path = tmp_path / "mine.csv", tmp_path / "mine.parquet"
    import pyarrow.csv as pacsv

    pacsv.write_csv(pa.table(rows), csv_path)
    pq.write_table(pa.table(rows), pq_path)
    frames = [
        session.state("ITA", years=(1989, 1992), attach=p, on="country,year") for p in (csv_path, pq_path)
    ]
    for t in frames:
        assert t.to_pandas()["score"].tolist()[1:3] == [1.5, 2.0]
        assert any("1 rows not attached" in line and "Narnia" in line for line in t.sources)


def test_attach_duplicate_keys_is_an_error(session, tmp_path):
    p = tmp_path / "dup.csv"
    p.write_text("ccode,year,x\n325,1990,1\n325,1990,2\n")
    with pytest.raises(ordo.OrdoError, match=r"appear more than once"):
        session.state("ITA", attach=p, on=["ccode", "year"])


def test_sql_attach(session, tmp_path):
    p = tmp_path / "crises.csv"
    p.write_text("ccode1,ccode2,year,crisis\n2,365,1962,1\n")
    t = session.sql(
        "SELECT d.year, c.crisis FROM dyad_years d JOIN crises c USING (ccode1, ccode2, year)",
        attach={"crises": p},
    )
    assert t.to_arrow().to_pydict() == {"year": [1962], "crisis": [1]}


def test_spells_of_a_missing_column_is_an_error(session):
    with pytest.raises(ordo.OrdoError, match=r"`nope` is not a column"):
        session.dyad("USA", "RUS", spells="nope")


def test_state_days(session, same_as_cli):
    t = session.state_days("GMY", start="1990-09-01", end="1990-12-31")
    assert t.num_rows == 90
    same_as_cli(t, "states-days", "GMY", "--from", "1990-09-01", "--to", "1990-12-31")
