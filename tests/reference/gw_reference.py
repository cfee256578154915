#!/usr/bin/env python3
"""Independent reference values for ordo's Gleditsch-Ward frames (issue 19,
part 2: `--system gw`). Written in plain Python from the rules stated in
docs/measures.md ("The Gleditsch-Ward system") and the raw files, NOT from
ordo's Rust code.

Run from the repository root:

    python3 tests/reference/gw_reference.py > tests/reference/gw_expected.csv

Data directory: $ORDO_DATA, default <repo>/../shared/data. Reads
gw_states/gw_states.csv, cow_states/cow_states.csv, gw_capitals/gw_capitals.csv,
cow_nmc/cow_nmc.csv and the `gw` rows of crates/states/data/crosswalk.csv.
Runs in a few seconds; stdout is only the CSV.

Rules (as written in the docs):
- Membership at day precision. GW spells ending on the last day of the GW data
  (2017-12-31) run to 2022-12-31; COW spells ending on 2016-12-31 likewise.
- A GW state-year: a state with at least one day of membership in the year.
  A GW dyad-year: two states members on at least one same day of the year.
- GW -> COW codes: for a state-year, the day is the last day of the year on
  which the GW state was a member; for a dyad-year, the last day of the year
  on which both were members. The COW code is the `gw` crosswalk row holding
  the GW code on that day, kept only if that COW state has at least one day of
  COW membership in the year; otherwise NULL.
- COW -> GW codes (COW frames): the same, the other way round: the day is the
  last day of COW membership in the year (of both, for a dyad); the GW code is
  the crosswalk's code of the COW state on that day, kept only if that GW
  state has a day of GW membership in the year.
- GW capital distance: each state's capital in place on 31 December (the
  latest-starting spell holding that day), else the latest-starting spell
  touching the year; haversine on a sphere of radius 6,371 km.
- COW-keyed measures on GW rows come from the mapped COW code (here: NMC CINC),
  NULL when the code is NULL.

Output: CSV `frame,unit,year,column,value`; empty value = NULL.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = pathlib.Path(os.environ.get("ORDO_DATA", ROOT.parent / "shared" / "data"))
CROSSWALK = ROOT / "crates" / "states" / "data" / "crosswalk.csv"
FIRST, LAST = 1816, 2022
EXTEND_TO = dt.date(LAST, 12, 31)


def day(s: str) -> dt.date:
    return dt.date.fromisoformat(s.strip())


def load_gw():
    spells: dict[int, list[tuple[dt.date, dt.date]]] = {}
    with open(DATA / "gw_states" / "gw_states.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    end = max(day(r["enddate"]) for r in rows)
    for r in rows:
        s, e = day(r["startdate"]), day(r["enddate"])
        if e == end:
            e = EXTEND_TO
        spells.setdefault(int(r["gwcode"]), []).append((s, e))
    return spells


def load_cow():
    spells: dict[int, list[tuple[dt.date, dt.date]]] = {}
    with open(DATA / "cow_states" / "cow_states.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    ymd = lambda r, p: dt.date(int(r[p + "year"]), int(r[p + "month"]), int(r[p + "day"]))
    end = max(ymd(r, "end") for r in rows)
    for r in rows:
        s, e = ymd(r, "st"), ymd(r, "end")
        if e == end:
            e = EXTEND_TO
        spells.setdefault(int(r["ccode"]), []).append((s, e))
    return spells


def load_crosswalk():
    """(ccode, gwcode, from, to) of the gw rows; open ends as date.min/max."""
    out = []
    with open(CROSSWALK, newline="") as f:
        lines = [l for l in f if not l.startswith("#")]
    for r in csv.DictReader(lines):
        if r["scheme"] != "gw":
            continue
        lo = day(r["from"]) if r["from"].strip() else dt.date.min
        hi = day(r["to"]) if r["to"].strip() else dt.date.max
        out.append((int(r["ccode"]), int(r["code"]), lo, hi))
    return out


def in_year(spells, year):
    """The membership intervals clipped to the year."""
    a, b = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return [(max(s, a), min(e, b)) for s, e in spells if s <= b and e >= a]


def last_common_day(x, y):
    best = None
    for s1, e1 in x:
        for s2, e2 in y:
            lo, hi = max(s1, s2), min(e1, e2)
            if lo <= hi and (best is None or hi > best):
                best = hi
    return best


GW, COW, XW = load_gw(), load_cow(), load_crosswalk()


def gw_members(year):
    return sorted(g for g, sp in GW.items() if in_year(sp, year))


def cow_of(g, on, year):
    hits = {c for c, code, lo, hi in XW if code == g and lo <= on <= hi}
    assert len(hits) <= 1, (g, on, hits)
    c = next(iter(hits), None)
    return c if c is not None and c in COW and in_year(COW[c], year) else None


def gw_of(c, on, year):
    hits = {code for cc, code, lo, hi in XW if cc == c and lo <= on <= hi}
    assert len(hits) <= 1, (c, on, hits)
    g = next(iter(hits), None)
    return g if g is not None and g in GW and in_year(GW[g], year) else None


def gw_state_ccode(g, year):
    iv = in_year(GW[g], year)
    return cow_of(g, max(e for _, e in iv), year) if iv else None


def gw_dyad_ccodes(g1, g2, year):
    d = last_common_day(in_year(GW[g1], year), in_year(GW[g2], year))
    return (cow_of(g1, d, year), cow_of(g2, d, year)) if d else None


def cow_state_gwcode(c, year):
    iv = in_year(COW[c], year)
    return gw_of(c, max(e for _, e in iv), year) if iv else None


def cow_dyad_gwcodes(c1, c2, year):
    d = last_common_day(in_year(COW[c1], year), in_year(COW[c2], year))
    return (gw_of(c1, d, year), gw_of(c2, d, year)) if d else None


def load_capitals():
    caps: dict[int, list[tuple[dt.date, dt.date, float, float]]] = {}
    with open(DATA / "gw_capitals" / "gw_capitals.csv", newline="") as f:
        for r in csv.DictReader(f):
            caps.setdefault(int(r["gwcode"]), []).append(
                (day(r["stdate"]), day(r["enddate"]), float(r["lat"]), float(r["lng"]))
            )
    return caps


CAPS = load_capitals()


def capital(g, year):
    a, b = dt.date(year, 1, 1), dt.date(year, 12, 31)
    sp = CAPS.get(g, [])
    holding = [s for s in sp if s[0] <= b <= s[1]]
    touching = [s for s in sp if s[0] <= b and s[1] >= a]
    pick = max(holding or touching, key=lambda s: s[0], default=None)
    return None if pick is None else (pick[2], pick[3])


def haversine(p, q):
    (la1, lo1), (la2, lo2) = p, q
    f1, f2 = math.radians(la1), math.radians(la2)
    df, dl = math.radians(la2 - la1), math.radians(lo2 - lo1)
    h = math.sin(df / 2) ** 2 + math.cos(f1) * math.cos(f2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def capdist(g1, g2, year):
    p, q = capital(g1, year), capital(g2, year)
    return None if p is None or q is None else haversine(p, q)


def load_cinc():
    out = {}
    with open(DATA / "cow_nmc" / "cow_nmc.csv", newline="") as f:
        for r in csv.DictReader(f):
            if r["cinc"] not in ("", "NA", "-9"):
                out[(int(r["ccode"]), int(r["year"]))] = float(r["cinc"])
    return out


CINC = load_cinc()


def fmt(v):
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v)
    return str(v)


def main():
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["frame", "unit", "year", "column", "value"])
    out = lambda frame, unit, year, column, value: w.writerow([frame, unit, year, column, fmt(value)])

    # Counts per year, and false (calendar-year but not same-day) dyads.
    total_states = total_dyads = 0
    false_pairs = []
    for year in range(FIRST, LAST + 1):
        members = gw_members(year)
        iv = {g: in_year(GW[g], year) for g in members}
        n = 0
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if last_common_day(iv[a], iv[b]):
                    n += 1
                else:
                    false_pairs.append((a, b, year))
        out("gw_count", "state_years", year, "n", len(members))
        out("gw_count", "dyad_years", year, "n", n)
        total_states += len(members)
        total_dyads += n
    out("gw_count", "state_years", "", "n", total_states)
    out("gw_count", "dyad_years", "", "n", total_dyads)
    out("gw_count", "false_dyads", "", "n", len(false_pairs))
    for a, b, y in false_pairs:
        out("gw_false_dyad", f"{a}-{b}", y, "absent", 1)
    print(f"{total_states} GW state-years, {total_dyads} GW dyad-years, "
          f"{len(false_pairs)} false same-year dyads", file=sys.stderr)

    # GW -> COW codes of state-years.
    cases = {
        255: range(1943, 1947), 260: range(1948, 1993), 265: range(1948, 1992),
        678: range(1988, 1993), 680: range(1988, 1993), 340: range(1877, 1920),
        345: range(1917, 1920), 89: range(1823, 1841), 580: range(1894, 1898),
        946: range(1999, 2001), 2: range(1816, 1818), 365: range(2016, 2023),
    }
    for g, years in cases.items():
        for y in years:
            if g in GW and in_year(GW[g], y):
                out("gw_state_ccode", g, y, "ccode", gw_state_ccode(g, y))
    for g, y in [(340, 2005), (340, 2006), (340, 2007), (345, 2005), (345, 2006)]:
        if in_year(GW[g], y):
            out("gw_state_ccode", g, y, "ccode", gw_state_ccode(g, y))

    # GW -> COW codes of dyad-years.
    pairs = [(2, 260), (2, 265), (260, 265), (2, 678), (2, 680), (678, 680),
             (255, 365), (2, 340), (2, 345), (340, 341), (2, 89), (89, 90), (2, 580)]
    years = list(range(1816, 2023))
    for g1, g2 in pairs:
        for y in years:
            if g1 in GW and g2 in GW:
                m = gw_dyad_ccodes(g1, g2, y)
                if m is not None and (y in (1990, 1991, 2006, 1945, 1839, 1840, 1896, 1960)
                                       or (g1, g2) in ((260, 265), (678, 680))):
                    out("gw_dyad_ccode", f"{g1}-{g2}", y, "ccode1", m[0])
                    out("gw_dyad_ccode", f"{g1}-{g2}", y, "ccode2", m[1])

    # COW -> GW codes of COW state-years and dyad-years.
    for c, years in {255: range(1944, 1947), 260: range(1988, 1993), 265: range(1988, 1991),
                     678: range(1988, 1991), 679: range(1990, 1993), 680: range(1988, 1991),
                     345: range(2004, 2009), 54: range(1990, 1992), 946: range(1999, 2002),
                     2: range(2015, 2023)}.items():
        for y in years:
            if in_year(COW[c], y):
                out("cow_state_gwcode", c, y, "gwcode", cow_state_gwcode(c, y))
    for c1, c2 in [(2, 255), (2, 260), (260, 265), (255, 265), (2, 679), (678, 680), (2, 345), (2, 54)]:
        for y in (1989, 1990, 1991, 2006):
            m = cow_dyad_gwcodes(c1, c2, y)
            if m is not None:
                out("cow_dyad_gwcode", f"{c1}-{c2}", y, "gwcode1", m[0])
                out("cow_dyad_gwcode", f"{c1}-{c2}", y, "gwcode2", m[1])

    # Capital distances of GW dyad-years.
    for g1, g2, ys in [(2, 365, (1900, 1950, 2000, 2022)), (260, 365, (1990, 1991, 1992)),
                       (325, 365, (1860, 1870, 1871, 1918, 1919)), (2, 89, (1832, 1833, 1834, 1835)),
                       (710, 775, (1816, 1850, 1885, 1960, 2010)), (220, 255, (1941, 1943, 1944)),
                       (2, 20, (1900, 2022)), (640, 770, (1950, 1965, 1970))]:
        for y in ys:
            if gw_dyad_ccodes(g1, g2, y) is not None or (g1, g2) == (220, 255):
                ok = last_common_day(in_year(GW[g1], y), in_year(GW[g2], y))
                if ok:
                    out("gw_capdist", f"{g1}-{g2}", y, "capdist", capdist(g1, g2, y))

    # A COW-keyed measure through the mapping: CINC of GW state-years and
    # dyad-years (NULL where the GW state has no COW code that year).
    for g, ys in [(260, (1950, 1955, 1956, 1989, 1990, 1991)), (678, (1989, 1990, 1991)),
                  (680, (1989, 1990)), (345, (2005, 2006)), (340, (1900, 2006, 2007)),
                  (89, (1830,)), (580, (1850, 1961)), (365, (1917, 2022))]:
        for y in ys:
            if in_year(GW[g], y):
                c = gw_state_ccode(g, y)
                out("gw_state_cinc", g, y, "nmc_cinc", CINC.get((c, y)) if c else None)
    for g1, g2, ys in [(2, 260, (1950, 1989, 1990, 1991)), (260, 265, (1990,)), (2, 580, (1850,)),
                       (2, 89, (1830,)), (678, 680, (1989, 1990))]:
        for y in ys:
            m = gw_dyad_ccodes(g1, g2, y)
            if m is not None:
                out("gw_dyad_cinc", f"{g1}-{g2}", y, "nmc_cinc1", CINC.get((m[0], y)) if m[0] else None)
                out("gw_dyad_cinc", f"{g1}-{g2}", y, "nmc_cinc2", CINC.get((m[1], y)) if m[1] else None)


if __name__ == "__main__":
    main()
