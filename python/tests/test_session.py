"""ordo.Session on the public datasets: known values, arguments, errors, sources."""

from __future__ import annotations

import datetime
import json
import pathlib
import threading

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import ordo

ITALY, RUSSIA = 325, 365


def test_session_repr_and_dirs(session, data_dir, store_dir):
    assert session.data == data_dir
    assert session.store == store_dir
    assert session.data_dir() == data_dir
    assert session.store_dir() == store_dir
    assert repr(session) == f"ordo.Session(data={str(data_dir)!r}, store={str(store_dir)!r})"
    bare = ordo.Session()
    assert bare.data is None and bare.store is None


def test_dyad_italy_russia(session):
    t = session.dyad("ITA", "RUS")
    assert isinstance(t, ordo.Table)
    df = t.to_pandas()
    # Italy (Sardinia before 1861) and Russia were both members 1816-2016,
    # spells open at the end of COW v2016 extended through 2022: 207 years.
    assert len(t) == len(df) == 207
    assert set(df["ccode1"]) == {ITALY}
    assert set(df["ccode2"]) == {RUSSIA}
    assert list(df["year"]) == list(range(1816, 2023))
    by_year = df.set_index("year")
    # Allies in the First World War (ATOP defence pledge), at war 1941-1943.
    assert by_year.loc[1915, "atop_defense"] == 1
    assert by_year.loc[1941, "cowwar_inter"] == 1
    assert by_year.loc[1943, "cowmid_ongoing"] == 1
    assert by_year.loc[1960, "cowwar_inter"] == 0
    # Outside the COW war data's coverage: null, not 0.
    assert pa.table(t).column("cowwar_inter")[198].as_py() is None  # 2014


def test_cached_frames_record_this_module_as_their_build(session, store_dir):
    """The table cache is keyed by the build that wrote it. In Python the
    process is the interpreter, so the build is the extension module's file:
    a rebuilt or upgraded module must not read the old module's frames."""
    session.dyad("ITA", "RUS")  # builds and caches the dyad-year frames
    module = pathlib.Path(ordo._ordo.__file__).resolve()  # recorded absolute
    builds = {
        pq.read_metadata(f).metadata[b"ordo.build"].decode()
        for f in (store_dir / "cache").glob("*.parquet")
    }
    ours = [b.rsplit("\t", 2) for b in builds if pathlib.Path(b.rsplit("\t", 2)[0]) == module]
    assert len(ours) == 1, builds
    _, size, nanos = ours[0]
    assert (int(size), int(nanos)) == (module.stat().st_size, module.stat().st_mtime_ns)


def test_names_codes_and_numbers_agree(session):
    by_code = session.dyad(ITALY, RUSSIA, years=(1936, 1945)).to_arrow()
    by_name = session.dyad("Italia", "Unione Sovietica", years=(1936, 1945)).to_arrow()
    by_russian = session.dyad("Italy", "Россия", years=(1936, 1945)).to_arrow()
    assert by_code.num_rows == 10
    assert by_code.equals(by_name) and by_code.equals(by_russian)


def test_years_arguments(session):
    assert session.dyad("ITA", "RUS", years=1938).to_arrow().column("year").to_pylist() == [1938]
    assert session.dyad("ITA", "RUS", years=(2020, None)).to_arrow().column("year").to_pylist() == [
        2020,
        2021,
        2022,
    ]
    assert session.dyad("ITA", "RUS", years=[None, 1817]).num_rows == 2
    with pytest.raises(ValueError, match="first year is after the last"):
        session.dyad("ITA", "RUS", years=(1950, 1900))
    with pytest.raises(TypeError, match="years"):
        session.dyad("ITA", "RUS", years="1938")
    with pytest.raises(ValueError, match="not 3 values"):
        session.dyad("ITA", "RUS", years=(1900, 1920, 1940))
    with pytest.raises(TypeError, match="years"):
        session.dyad("ITA", "RUS", years=1938.0)
    # Integers from numpy and pandas are years and COW numbers too.
    np = pytest.importorskip("numpy")
    assert session.dyad(np.int64(325), "RUS", years=np.int64(1938)).num_rows == 1
    assert session.dyad("ITA", "RUS", years=(np.int32(1938), None)).num_rows == 85


def test_directed_keeps_the_order_given(session):
    t = session.dyad("RUS", "ITA", directed=True, years=1950).to_arrow()
    assert t.column("ccode1").to_pylist() == [RUSSIA]
    assert t.column("ccode2").to_pylist() == [ITALY]
    t = session.dyad("RUS", "ITA", years=1950).to_arrow()
    assert t.column("ccode1").to_pylist() == [ITALY]


def test_sources(session):
    t = session.dyad("ITA", "RUS")
    assert t.sources, "a table carries its sources"
    text = "\n".join(t.sources)
    assert "Correlates of War" in text and "COW" in text
    assert "sha256" in text
    assert "dyad 325-365, 1816-2022, non-directed (ccode1 < ccode2)" in t.sources
    # The same lines in the Arrow schema's metadata, through pyarrow and pandas.
    metadata = pa.table(t).schema.metadata
    assert json.loads(metadata[ordo.SOURCES_KEY.encode()]) == t.sources
    assert t.to_pandas().attrs["sources"] == t.sources


def test_same_state_twice(session):
    with pytest.raises(ordo.OrdoError, match="two different states"):
        session.dyad("ITA", "ITA")
    with pytest.raises(ordo.OrdoError, match="two different states"):
        session.dyad("Italy", 325)


def test_unknown_state(session):
    with pytest.raises(ordo.OrdoError) as err:
        session.dyad("Narnia", "ITA")
    assert "unknown state `Narnia`" in str(err.value)
    assert "did you mean" in str(err.value)
    with pytest.raises(ordo.OrdoError, match="unknown state `Narnia`"):
        session.resolve("Narnia")


def test_argument_types(session):
    with pytest.raises(TypeError, match="a state is a name or code"):
        session.dyad(3.5, "ITA")
    with pytest.raises(TypeError, match="a state is a name or code"):
        session.dyad(True, "ITA")
    with pytest.raises(ValueError, match="majors must be"):
        session.members(year=1938, majors="top:5")
    with pytest.raises(ValueError, match="is not a date"):
        session.members(on="1938-13-01")
    with pytest.raises(ValueError, match="html' or 'md"):
        session.report("ITA", "RUS", format="pdf")
    with pytest.raises(TypeError):
        session.dyad("ITA", "RUS", 1938)  # years is keyword-only


def test_resolve(session):
    df = session.resolve("Italia", ["URSS", 365], "Россия").to_pandas()
    assert list(df["input"]) == ["Italia", "URSS", "365", "Россия"]
    assert list(df["ccode"]) == [ITALY, RUSSIA, RUSSIA, RUSSIA]
    # A code that named different states at different times, read on a day.
    on = session.resolve("DEU", on=datetime.date(1980, 1, 1)).to_arrow()
    assert on.equals(session.resolve("DEU", on="1980-01-01").to_arrow())
    assert on.column("ccode").to_pylist() == [260]  # the German Federal Republic


def test_members_and_show(session):
    members = session.members(year=1938).to_pandas()
    assert len(members) == 65
    majors = set(members.loc[members["major"], "stateabb"])
    assert majors == {"USA", "UKG", "FRN", "GMY", "ITA", "RUS", "JPN"}
    on_day = session.members(on="1938-12-31").to_arrow()
    assert on_day.equals(session.members(year=1938).to_arrow())
    show = session.show("ITA").to_pandas()
    assert set(show["ccode"]) == {ITALY}
    assert "membership" in set(show["section"])


def test_state_and_state_years(session):
    italy = session.state("Italy", years=1938).to_pandas()
    assert italy["leader"].tolist() == ["Mussolini"]
    assert italy["cowmaj"].tolist() == [1]
    year = session.state_years(years=1938).to_pandas()
    members = session.members(year=1938).to_pandas()
    # Every member at some time in 1938: the 65 of 31 December and Austria,
    # annexed in March.
    assert len(year) == 66
    assert set(year["ccode"]) - set(members["ccode"]) == {305}


def test_middle_powers(session):
    df = session.middle_powers(1960).to_pandas()
    assert len(df) == 20
    assert df["rank"].tolist() == list(range(1, 21))
    assert df["ccode"].iloc[0] == 750  # India


def test_periods(session):
    df = session.periods().to_pandas()
    phases = df[df["kind"].isin(["stable", "crisis"])]
    got = [(r["order"], r["kind"], r["from"], r["to"]) for _, r in phases.iterrows()]
    assert ("Interwar order", "stable", 1920, 1935) in got
    assert ("Interwar order", "crisis", 1936, 1941) in got
    assert ("Liberal order", "crisis", 2008, 2020) in got
    assert any("periodization" in line and "sha256" in line for line in session.periods().sources)


def test_test_italy_russia(session):
    df = session.test("ITA", "RUS").to_pandas().set_index("scope")
    assert list(df.index) == ["Interwar order", "Cold War order", "Liberal order", "pooled"]
    assert df.loc["Interwar order", "n_stable"] == 16
    assert df.loc["Interwar order", "n_crisis"] == 6
    assert df.loc["Interwar order", "verdict"] == "supports"
    assert df.loc["pooled", "diff"] < 0
    assert df.loc["pooled", "verdict"] in {"supports", "contradicts", "silent"}
    regression = session.test("ITA", "RUS", regression=True).to_pandas()
    assert "instability" in set(regression["term"])


def test_cooperation_and_coverage(session):
    coop = session.cooperation("Italy", "Russia").to_pandas()
    assert coop["year"].min() == 1816
    assert set(coop["ccode1"]) == {ITALY}
    assert coop["index"].notna().sum() > 150
    coverage = session.coverage("ITA", "RUS").to_pandas()
    assert "cowwar_inter" in set(coverage["measure"])


def test_chronology_and_table1(session):
    chron = session.chronology("ITA", "RUS", stance="turning_point").to_pandas()
    assert len(chron) > 0 and set(chron["stance"]) == {"turning_point"}
    t1 = session.table1("ITA", "RUS").to_pandas()
    assert t1["in_article"].any()
    evidence = session.table1("ITA", "RUS", evidence=True).to_pandas()
    assert {"Interwar order", "Cold War order", "Liberal order"} <= set(evidence["order"])


def test_derived_chronology_and_table1_for_any_dyad(session):
    derived = session.chronology("FRN", "GMY", derive=True)
    df = derived.to_pandas()
    assert set(df["origin"]) == {"derived"}
    locarno = df[df["id"] == "d-alliance-begins-1925-01-01-1"].iloc[0]
    assert locarno["stance"] == "cooperation" and locarno["dataset"] == "atop_alliance"
    assert any(s.startswith("derivation recipe ordo-derive-default version 1") for s in derived.sources)
    t1 = session.table1("FRN", "GMY").to_pandas()
    assert len(t1) > 0 and set(t1["origin"]) == {"derived"}
    merged = session.table1("ITA", "RUS", derive=True).to_pandas()
    assert {"curated", "derived"} == set(merged["origin"])


def test_breaks(session):
    df = session.breaks("cooperation", "ITA", "RUS", reps=200).to_pandas()
    assert len(df) > 0 and set(df["method"]) == {"pelt"}


def test_tables_and_data_status(session):
    tables = set(session.tables().to_pandas()["table"])
    assert {"dyad_years", "dyad_years_directed", "state_years", "cow_nmc"} <= tables
    status = session.data_status().to_pandas().set_index("dataset")
    assert status.loc["cow_states", "status"] == "found"


def test_sql(session):
    df = session.sql(
        "SELECT ccode1, ccode2, year, cowwar_inter FROM dyad_years "
        "WHERE ccode1 = 325 AND ccode2 = 365 AND year BETWEEN 1940 AND 1944 ORDER BY year"
    ).to_pandas()
    assert df["cowwar_inter"].tolist() == [0, 1, 1, 1, 0]
    with pytest.raises(ordo.OrdoError):
        session.sql("SELECT * FROM no_such_table")


def test_calls_release_the_gil(session):
    # Two calls from two threads of one session: both finish with the same
    # answer (the session is shared; the GIL is released during each call).
    results = []

    def work():
        results.append(session.instability(years=(1900, 1950)).to_arrow())

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 2 and results[0].equals(results[1])
    assert results[0].num_rows == 51


def test_paths_accept_pathlike(session, tmp_path):
    periods = tmp_path / "periods.toml"
    with pytest.raises(ordo.OrdoError):
        session.periods(file=periods)  # missing file: ordo's error, not a TypeError
    with pytest.raises(ordo.OrdoError):
        session.periods(pathlib.PurePosixPath(str(periods)))
