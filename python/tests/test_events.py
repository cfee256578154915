"""Event data: ingest GDELT files into a store, read dyad series back."""

from __future__ import annotations

import pytest

import ordo
from conftest import assert_same_as_csv, cli_sources, stable_sources

GEORGIA, RUSSIA = 372, 365


@pytest.fixture()
def fresh(data_dir, tmp_path):
    """A session over the data with an empty store of its own."""
    return ordo.Session(data=data_dir, store=tmp_path / "store")


def test_ingest_then_events(fresh, data_dir, cli, tmp_path):
    august = data_dir / "gdelt_v1_georgia_2011_2013" / "aug2011.csv.gz"
    ingested = fresh.ingest(august).to_pandas()
    assert ingested["file"].tolist() == [str(august)]
    assert ingested["read"].tolist() == [5894]
    assert ingested["stored"].tolist() == [5894]
    assert ingested["quarantined"].tolist() == [0]
    assert any("sha256" in line for line in fresh.ingest(august).sources)

    again = fresh.ingest([str(august)]).to_pandas()
    assert again["stored"].tolist() == [0], "a file is ingested once"

    t = fresh.events("GEO", "RUS", by="month")
    df = t.to_pandas()
    assert "2011-08" in set(df["period"])
    august_row = df[df["period"] == "2011-08"].iloc[0]
    assert {august_row["actor1"], august_row["actor2"]} == {GEORGIA, RUSSIA}
    assert august_row["events"] == 18
    assert august_row["period_total"] == 5894
    assert any("event store" in line for line in t.sources)

    by_year = fresh.events("Georgia", "Russia", by="year").to_pandas()
    assert by_year["year"].tolist() == [2011]

    # The CLI reads the same store and gives the same table.
    done = cli.run("events", "GEO", "RUS", "--by", "month", "--format", "csv", store=tmp_path / "store")
    assert_same_as_csv(t, done.stdout)
    assert stable_sources(t.sources) == stable_sources(cli_sources(done.stderr))


def test_events_raw_without_store(fresh, data_dir):
    august = data_dir / "gdelt_v1_georgia_2011_2013" / "aug2011.csv.gz"
    raw = fresh.events("GEO", "RUS", by="month", raw=august).to_pandas()
    assert raw.loc[raw["period"] == "2011-08", "events"].tolist() == [18]
    once = fresh.events("GEO", "RUS", by="month", raw=august, dedupe="one-a-day")
    df = once.to_pandas()
    assert df.loc[df["period"] == "2011-08", "events"].tolist() == [11]
    assert any(line.startswith("--dedupe one-a-day:") for line in once.sources)


def test_events_need_a_dyad(fresh):
    with pytest.raises(ordo.OrdoError):
        fresh.events("GEO")


def test_store_files_retire_and_sources(fresh, data_dir):
    """The store's files are listed, one is retired, and a dyad's series
    per source adds up to the harmonised one."""
    folder = data_dir / "gdelt_v1_georgia_2011_2013"
    july, august = folder / "july2011.csv.gz", folder / "aug2011.csv.gz"
    fresh.ingest([july, august])
    files = fresh.store_files().to_pandas()
    assert sorted(files["status"].tolist()) == ["active", "active"]
    assert files["stored"].sum() == files["read"].sum() - files["duplicates"].sum()

    both = fresh.events("GEO", "RUS", by="month", sources=["gdelt"]).to_pandas()
    august_row = both[both["period"] == "2011-08"].iloc[0]
    assert august_row["events_gdelt"] == august_row["events"] == 18
    assert august_row["sources_present"] == 1

    retired = fresh.store_retire(str(august)).to_pandas()
    assert retired["rows_removed"].tolist() == [5894]
    after = fresh.events("GEO", "RUS", by="month").to_pandas()
    assert "2011-08" not in set(after["period"]) or after.loc[after["period"] == "2011-08", "events"].tolist() == [0]
    listed = fresh.store_files().to_pandas()
    assert "retired" in set(listed["status"])


def test_mentions_filter(fresh, data_dir, tmp_path):
    """GDELT 2.0 Mentions for two of August 2011's Georgia–Russia events:
    only the one with two sources and confidence 70 passes both thresholds;
    the 16 others have no mention and are counted apart."""
    august = data_dir / "gdelt_v1_georgia_2011_2013" / "aug2011.csv.gz"
    fresh.ingest(august)
    ids = fresh.sql(
        "SELECT event_id FROM events WHERE dyad = 365372 ORDER BY day, event_id LIMIT 2"
    ).to_pandas()["event_id"].tolist()

    def row(event_id, source, confidence):
        return "\t".join(
            [str(event_id), "20150218230000", "20150218231500", "1", source,
             f"https://{source}/{event_id}", "1", "1", "2", "3", "1",
             str(confidence), "900", "-1.5", "", ""]
        )

    mentions = tmp_path / "20150218231500.mentions.CSV"
    mentions.write_text("\n".join([
        row(ids[0], "civil.ge", 70), row(ids[0], "tass.ru", 40),
        row(ids[1], "civil.ge", 90), row(ids[1], "civil.ge", 30),
    ]) + "\n")
    done = fresh.ingest(mentions, source="mentions").to_pandas()
    assert done[["read", "stored", "quarantined"]].values.tolist() == [[4, 4, 0]]
    t = fresh.events("GEO", "RUS", by="year", min_confidence=50, min_sources=2)
    assert t.to_pandas()["events"].tolist() == [1]
    line = next(s for s in t.sources if s.startswith("--min-confidence/--min-sources:"))
    assert "1 GDELT rows kept, 17 removed (0 below the confidence, 1 with fewer sources, 16 with no ingested mention" in line
    assert fresh.events("GEO", "RUS", by="year", min_confidence=80).to_pandas()["events"].tolist() == [1]
