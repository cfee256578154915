#!/usr/bin/env python3
"""Independent reference values for ordo's new state-year and dyad-year columns
(issue 19, part 1; spec "new state-year and dyad-year columns", kept as
/tmp/spec19.md when this was written). Written with pandas/numpy from that spec
and the raw files in shared/data, NOT from ordo's Rust code.

Run from the repository root:

    python3 tests/reference/peace_units_reference.py > tests/reference/peace_units_expected.csv

Data directory: $ORDO_DATA, default <repo>/../shared/data. The GW -> COW
crosswalk is read from <repo>/crates/states/data/crosswalk.csv (the `gw` rows),
as the spec prescribes. Progress and diagnostics go to stderr; stdout is only
the CSV. Runs in about 6 s (the pure-Python dyad-year universe is ~2 s).

Output: CSV `frame,unit,year,column,value`; value empty = NULL; `year` empty in
the *_agg frames. Values of the `state`/`dyad`/`spell`/`prd` frames are written
as integers when integral, else as repr(float) (shortest round trip). Sums in the
*_agg frames are repr(float(math.fsum(values))), i.e. the correctly rounded
sum; a plain left-to-right f64 sum may differ in the last bits, so compare sums
with a relative tolerance (~1e-12), counts exactly.

Frames
- state_agg: for every new state-year column, unit `nonnull` (count of
  non-NULL values) and unit `sum`, over the whole state-year universe 1816-2022.
- state: long-format values of all new state-year columns for the listed
  state-years (ITA 325 1936-1945, 1990-1999; RUS 365 1946-1950, 1989-2000,
  2014-2022; USA 2 1999-2003; AFG 700 1978-2002; IND 750 / PAK 770 1946-1950
  and 1999; YUG 345 1990-2008; GMY 255 / GFR 260 1988-1991; IRQ 645
  1979-1991; IRN 630 1979-1989), only years the state is in the universe.
- dyad: all new dyad-year columns for 2-365, 325-365, 750-770, 630-645, 2-700,
  200-220 over every year both are members on a same day.
- dyad_agg: nonnull / sum of the new dyad columns over all non-directed
  dyad-years 1816-2022.
- prd: politically relevant non-directed dyad-years in 2014-2018 and 2022:
  unit `count` (contiguity after 2016 = the dyad's 2016 contiguity) and
  `count_nocarry` (no contiguity after 2016).
- spell: peace spells (rule in the brief / peacesciencer add_spells): dyad
  event cowmid_ongoing for 2-365, 750-770, 255-365; state event
  gml_mid_ongoing for 2, 325, 365, 255. column = `<event>_spell`.

Universes
- state-years: every (ccode, year), 1816..2022, with >= 1 membership day in a
  cow_states spell; spells ending 2016-12-31 run to 2022-12-31.
- dyad-years: pairs a < b whose (extended) membership intervals, clipped to the
  year, overlap on at least one day.

Choices where the spec is silent or ambiguous (see also the report)
- HIEF: Russia (365) 1991 has two NON-identical rows (0.691, 0.286); the spec
  only collapses identical duplicates. This script writes NULL for a (ccode,
  year) whose rows still disagree after collapsing (HIEF_CONFLICT below;
  "first" would give 0.691, "last" 0.286). HIEF's ccode 255 rows for
  1949-2013 carry gwcode 260 (West Germany); the join is on ccode as the spec
  says, so COW 260 gets no HIEF value and 255 gets values only from 1990.
  Likewise HIEF 678 (Yemen) 1990-2013 does not reach COW 679.
- CREG: where a (ccode, year) has one row, it is used whatever its creg_ccode;
  with several rows exactly one has creg_ccode == ccode in these data (138
  state-years: 345 and 365). YUG 345 2006 thus takes the creg_ccode-345 row,
  whose values are empty (NULL), not the 340 row. Single rows with another
  creg_ccode are used as they are: 255 (creg 260) and 679 (creg 678),
  1991-2013.
- UCDP onsets (v19.1): if two GW codes land on the same COW state-year the
  values are summed. Happens once: GW 340 and 345 -> COW 345 in 2006, both
  rows all zero.
- UCDP ACD onset: first year in the whole file in which the (mapped COW) state
  takes part in the conflict, whether or not that year is in the universe.
- TSS: the rivalry ccodes are used as given (no 300 -> 305 recoding of
  peacesciencer; rivalry 76 AUH-YUG 1903-1920 counts for 300 and 345 only up
  to 1918, as 300 leaves the universe).
- cow_majors_v2024 is read from its styear/.../endday columns (the spec names
  stdate/enddate): a state is a major power in year y if a spell has
  styear <= y <= endyear.
- spells: rows whose event is NULL are reported with an empty value.

Unattributed rows (printed to stderr on each run)
- ucdp_acd: 3 gwno_a/gwno_b entries map to no COW state, all GW 751
  (Hyderabad): 1 in 1947, 2 in 1948. Separately, 3 entries map to a COW code
  whose state-year is not in the universe: GW/COW 698 (Oman) in 1957, 1969,
  1970 (COW Oman enters 1971). Entries for 2023-2024 lie beyond the universe.
- ucdp_onsets: 5 rows map to no COW state, all GW 711 (Tibet).
- Checks done while writing this (not rerun here): the state-year universe
  equals the (ccode, year) keys of cow_nmc exactly (17,121 rows); the dyad
  universe (1,069,635 rows; 30 same-year pairs dropped for lack of a common
  day) equals a vectorised bench/dyad_years_pandas.py-style build with the
  spell extension; the UCDP, GML, TSS and intra-war sums were recomputed with
  a second, pandas-merge implementation and agree.

Hand checks against the raw files (all reproduced by this script)
- RUS 365, UCDP ACD 1990s: conflicts 376 and 377 in 1990 (2 conflicts, both
  intrastate, intensity 1), 376 in 1991; none in 1992; 399 (government, Oct.
  1993) in 1993; Chechnya 401 in 1994 (int. 1), 1995-1996 (int. 2), 1999-2000
  (int. 2); Dagestan 414 in 1999 (so 1999 has 2 conflicts, 401 onset=0 as its
  first year is 1994, 414 onset=1). 1997-1998: no conflict -> ongoing 0,
  maxintensity NULL.
- ITA 325 1936-1945: cowwar_count 1 in 1936 (Italo-Ethiopian war #127, its
  1936 year), 0 in 1937-1939, 1 in 1940-1945 (WWII #139; Italy entered June
  1940); maoz_regional = 1 through 1943, 0 in 1944-1945; GML MIDs ongoing every
  year 1936-1945 (gml_mid_count 2, 6, 1, 3, 10, 11, 5, 3, 1, 1); NMC milex 1936
  = 1149686; hief_efindex NULL before 1945 (HIEF starts 1945), 0.031 in 1945.
- RUS 365 2022: conflict 13243 (interstate, side A 365, side B 369 Ukraine),
  first year 2022 -> ucdp_onset 1, ucdp_interstate 1; dyad 365-369 2022 has
  ucdp_interstate 1.
- PRD: 195 states in 2014-2022, 7 major powers (2, 200, 220, 255, 365, 710,
  740) -> 7*194 - 21 = 1337 dyads with a major; 474 more contiguous dyads in
  2016 without a major -> 1811 with the 2016 carry, 1337 without.
- Spells: 255-365 cowmid_ongoing has MIDs in 1945 and 2014 etc.; the gap
  1946-1989 is not padded, so 1990 = 0 (row after the 1945 event), 1991 = 1.
- HIEF 365 1991 -> NULL (see above); 1990 0.69, 1992 0.29.
- USA 2, UCDP 2001: conflict 418 (side A) and 13692 (side B, Afghanistan's
  conflict): ucdp_conflicts 2 because both sides count here (peacesciencer,
  side A only, would give 1).
"""
from __future__ import annotations

import math
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd

T0 = time.perf_counter()
REPO = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("ORDO_DATA", str(REPO.parent / "shared" / "data")))
CROSSWALK = REPO / "crates" / "states" / "data" / "crosswalk.csv"

Y0, Y1 = 1816, 2022
HIEF_CONFLICT = "null"  # "null" | "first" | "last" for non-identical HIEF duplicates

STATE_COLS = [
    "nmc_milex", "nmc_milper", "nmc_irst", "nmc_pec", "nmc_tpop", "nmc_upop",
    "sdp_gdp", "sdp_pop", "sdp_sdp", "sdp_gdppc",
    "terr_threat", "terr_threat_m",
    "creg_ethfrac", "creg_ethpol", "creg_relfrac", "creg_relpol",
    "hief_efindex",
    "maoz_regional", "maoz_global",
    "tss_n_positional", "tss_n_spatial", "tss_n_ideological", "tss_n_interventionary",
    "ucdp_ongoing", "ucdp_onset", "ucdp_maxintensity", "ucdp_intrastate", "ucdp_interstate",
    "ucdp_internationalized", "ucdp_extrasystemic", "ucdp_conflicts",
    "ucdp_newconf", "ucdp_onset1", "ucdp_onset2", "ucdp_onset3", "ucdp_onset5", "ucdp_onset10",
    "cowintra_ongoing", "cowintra_onset", "cowintra_wars",
    "gml_mid_ongoing", "gml_mid_onset", "gml_mid_ongoing_init", "gml_mid_onset_init", "gml_mid_count",
    "cowwar_count",
]
DYAD_ATTRS = ["nmc_milex", "nmc_milper", "nmc_irst", "nmc_pec", "nmc_tpop", "nmc_upop",
              "sdp_gdp", "sdp_pop", "sdp_sdp", "sdp_gdppc", "terr_threat",
              "creg_ethfrac", "creg_relfrac", "hief_efindex"]
DYAD_COLS = [f"{a}{i}" for a in DYAD_ATTRS for i in (1, 2)] + ["grh_armsrace", "ucdp_interstate"]

STATE_SELECTION = [
    (325, list(range(1936, 1946)) + list(range(1990, 2000))),
    (365, list(range(1946, 1951)) + list(range(1989, 2001)) + list(range(2014, 2023))),
    (2, list(range(1999, 2004))),
    (700, list(range(1978, 2003))),
    (750, list(range(1946, 1951)) + [1999]),
    (770, list(range(1946, 1951)) + [1999]),
    (345, list(range(1990, 2009))),
    (255, list(range(1988, 1992))),
    (260, list(range(1988, 1992))),
    (645, list(range(1979, 1992))),
    (630, list(range(1979, 1990))),
]
DYAD_SELECTION = [(2, 365), (325, 365), (750, 770), (630, 645), (2, 700), (200, 220)]
PRD_YEARS = [2014, 2015, 2016, 2017, 2018, 2022]
SPELL_DYADS = [(2, 365), (750, 770), (255, 365)]
SPELL_STATES = [2, 325, 365, 255]


def log(msg: str) -> None:
    print(f"[{time.perf_counter() - T0:6.1f}s] {msg}", file=sys.stderr, flush=True)


def read(name: str, **kw) -> pd.DataFrame:
    return pd.read_csv(DATA / name / f"{name}.csv", **kw)


def day(y, m, d) -> int:
    return int(np.datetime64(f"{int(y):04d}-{int(m):02d}-{int(d):02d}", "D").astype(np.int64))


def jan1(y: int) -> int:
    return day(y, 1, 1)


def dec31(y: int) -> int:
    return day(y, 12, 31)


def fmt(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
        return ""
    f = float(v)
    if math.isnan(f):
        return ""
    if f.is_integer() and abs(f) < 2 ** 53:
        return str(int(f))
    return repr(f)


# ------------------------------------------------------------------ universes

def membership():
    """{(ccode, year): [(s, e), ...]} member-day intervals clipped to the year."""
    s = read("cow_states")
    last = dec31(2016)
    ext = dec31(Y1)
    mem = defaultdict(list)
    for r in s.itertuples(index=False):
        st = day(r.styear, r.stmonth, r.stday)
        en = day(r.endyear, r.endmonth, r.endday)
        if en == last:
            en = ext
        ey = Y1 if en == ext else r.endyear
        for y in range(max(r.styear, Y0), min(ey, Y1) + 1):
            a, b = max(st, jan1(y)), min(en, dec31(y))
            if a <= b:
                mem[(int(r.ccode), y)].append((a, b))
    return mem


def dyad_universe(mem) -> pd.DataFrame:
    rows = []
    by_year = defaultdict(list)
    for (c, y), iv in mem.items():
        by_year[y].append((c, iv))
    for y in sorted(by_year):
        lst = sorted(by_year[y])
        for i in range(len(lst)):
            c1, iv1 = lst[i]
            for j in range(i + 1, len(lst)):
                c2, iv2 = lst[j]
                if any(max(a1, a2) <= min(b1, b2) for a1, b1 in iv1 for a2, b2 in iv2):
                    rows.append((c1, c2, y))
    return pd.DataFrame(rows, columns=["ccode1", "ccode2", "year"])


# ------------------------------------------------------------ GW -> COW map

def gw_mapper():
    x = pd.read_csv(CROSSWALK, comment="#", dtype=str, keep_default_na=False)
    x = x[x.scheme == "gw"]
    rows = []
    for r in x.itertuples(index=False):
        f = int(np.datetime64(r[3], "D").astype(np.int64)) if r[3] else -10 ** 9
        t = int(np.datetime64(r[4], "D").astype(np.int64)) if r[4] else 10 ** 9
        rows.append((int(r.code), int(r.ccode), f, t))
    cache = {}

    def to_cow(g: int, y: int) -> tuple:
        k = (g, y)
        if k not in cache:
            for d in (dec31(y), jan1(y)):
                hit = tuple(sorted({c for code, c, f, t in rows if code == g and f <= d <= t}))
                if hit:
                    break
            cache[k] = hit
        return cache[k]

    return to_cow


# ------------------------------------------------------------- state columns

def plain(S: pd.DataFrame, src: pd.DataFrame, mapping: dict) -> None:
    src = src.set_index(["ccode", "year"])
    assert src.index.is_unique
    for dst, col in mapping.items():
        S[dst] = src[col].reindex(S.index).astype(float)


def fill_in(S: pd.DataFrame, dst: str, values: dict, lo: int, hi: int) -> None:
    """values: {(ccode, year): v}; 0 inside [lo, hi] where absent, NULL outside."""
    yr = S.index.get_level_values("year")
    v = pd.Series(values, dtype=float)
    if len(v):
        v.index = pd.MultiIndex.from_tuples(v.index, names=["ccode", "year"])
    out = v.reindex(S.index).to_numpy(dtype=float)
    inside = (yr >= lo) & (yr <= hi)
    out = np.where(np.isnan(out) & inside, 0.0, out)
    out[~inside] = np.nan
    S[dst] = out


def state_frame(mem, to_cow) -> pd.DataFrame:
    idx = pd.MultiIndex.from_tuples(sorted(mem), names=["ccode", "year"])
    S = pd.DataFrame(index=idx)
    universe = set(mem)

    # NMC (-9 or empty = NULL)
    n = read("cow_nmc")
    for c in ["milex", "milper", "irst", "pec", "tpop", "upop"]:
        n[c] = n[c].where(n[c] != -9)
    plain(S, n, {f"nmc_{c}": c for c in ["milex", "milper", "irst", "pec", "tpop", "upop"]})

    plain(S, read("cow_sdp_gdp"), {"sdp_gdp": "wbgdp2011est", "sdp_pop": "wbpopest",
                                  "sdp_sdp": "sdpest", "sdp_gdppc": "wbgdppc2011est"})
    plain(S, read("terrthreat"), {"terr_threat": "lterrthreat", "terr_threat_m": "m_lterrthreat"})

    # CREG
    c = read("creg")
    multi = c.duplicated(["ccode", "year"], keep=False)
    c = c[~multi | (c.creg_ccode == c.ccode)]
    assert not c.duplicated(["ccode", "year"]).any()
    plain(S, c, {"creg_ethfrac": "ethfrac", "creg_ethpol": "ethpol",
                 "creg_relfrac": "relfrac", "creg_relpol": "relpol"})

    # HIEF
    h = read("hief").drop_duplicates()
    conflict = h[h.duplicated(["ccode", "year"], keep=False)]
    if len(conflict):
        log(f"hief: non-identical duplicates ({HIEF_CONFLICT}): {conflict.to_dict('records')}")
    if HIEF_CONFLICT == "null":
        h.loc[h.duplicated(["ccode", "year"], keep=False), "efindex"] = np.nan
        h = h.drop_duplicates(["ccode", "year"])
    else:
        h = h.drop_duplicates(["ccode", "year"], keep=HIEF_CONFLICT)
    plain(S, h, {"hief_efindex": "efindex"})

    # Maoz powers
    mp = read("maoz_powers", dtype=str, keep_default_na=False)
    for dst, a, b in (("maoz_regional", "regstdate", "regenddate"), ("maoz_global", "globstdate", "globenddate")):
        vals = {}
        for r in mp.itertuples(index=False):
            st, en = getattr(r, a), getattr(r, b)
            if not st or not en:
                continue
            for y in range(int(st[:4]), int(en[:4]) + 1):
                vals[(int(r.ccode), y)] = 1.0
        fill_in(S, dst, vals, Y0, 2019)

    # TSS rivalry counts by type
    t = read("tss_rivalries")
    for typ in ["positional", "spatial", "ideological", "interventionary"]:
        cnt = defaultdict(float)
        for r in t[t[typ] == 1].itertuples(index=False):
            for y in range(max(r.start, Y0), min(r.end, Y1) + 1):
                cnt[(int(r.ccode1), y)] += 1
                cnt[(int(r.ccode2), y)] += 1
        fill_in(S, f"tss_n_{typ}", cnt, -10 ** 6, 2020)

    # UCDP ACD
    u = read("ucdp_acd", dtype=str, keep_default_na=False)
    part = set()  # (conflict, cow, year)
    unmapped = defaultdict(int)
    outside = defaultdict(int)
    side_a, side_b = defaultdict(set), defaultdict(set)  # (conflict, year) -> COW codes
    cinfo = {}
    for r in u.itertuples(index=False):
        y = int(r.year)
        key = (r.conflict_id, y)
        cinfo[key] = (int(r.intensity_level), r.type_of_conflict)
        for col, side in (("gwno_a", side_a), ("gwno_b", side_b)):
            g = getattr(r, col)
            if g == "":
                continue
            cows = to_cow(int(g), y)
            if not cows:
                unmapped[(int(g), y)] += 1
            for cc in cows:
                side[key].add(cc)
                part.add((r.conflict_id, cc, y))
                if (cc, y) not in universe and y <= Y1:
                    outside[(cc, y)] += 1
    log(f"ucdp_acd: {sum(unmapped.values())} gwno_a/gwno_b entries map to no COW state: {dict(unmapped)}")
    log(f"ucdp_acd: {sum(outside.values())} mapped entries (years <= 2022) fall outside the state-year universe: "
        f"{dict(sorted(outside.items()))}")
    first = {}
    for cid, cc, y in part:
        first[(cid, cc)] = min(first.get((cid, cc), 9999), y)
    agg = defaultdict(lambda: {"on": 0.0, "int": 0.0, "intrastate": 0.0, "interstate": 0.0,
                               "II": 0.0, "extrasystemic": 0.0, "n": set()})
    for cid, cc, y in part:
        a = agg[(cc, y)]
        inten, typ = cinfo[(cid, y)]
        a["n"].add(cid)
        a["int"] = max(a["int"], inten)
        a[typ] = 1.0
        if first[(cid, cc)] == y:
            a["on"] = 1.0
    lo, hi = 1946, 2024
    fill_in(S, "ucdp_ongoing", {k: 1.0 for k in agg}, lo, hi)
    fill_in(S, "ucdp_onset", {k: v["on"] for k, v in agg.items()}, lo, hi)
    S["ucdp_maxintensity"] = pd.Series({k: v["int"] for k, v in agg.items()}, dtype=float).reindex(S.index).to_numpy()
    for typ, dst in (("intrastate", "ucdp_intrastate"), ("interstate", "ucdp_interstate"),
                     ("II", "ucdp_internationalized"), ("extrasystemic", "ucdp_extrasystemic")):
        fill_in(S, dst, {k: v[typ] for k, v in agg.items()}, lo, hi)
    fill_in(S, "ucdp_conflicts", {k: float(len(v["n"])) for k, v in agg.items()}, lo, hi)

    # UCDP onsets
    o = read("ucdp_onsets")
    ocols = ["sumnewconf", "sumonset1", "sumonset2", "sumonset3", "sumonset5", "sumonset10"]
    acc = defaultdict(lambda: np.zeros(len(ocols)))
    seen = defaultdict(list)
    unm = defaultdict(int)
    for r in o.itertuples(index=False):
        cows = to_cow(int(r.gwcode), int(r.year))
        if not cows:
            unm[int(r.gwcode)] += 1
        for cc in cows:
            acc[(cc, int(r.year))] += np.array([getattr(r, c) for c in ocols], dtype=float)
            seen[(cc, int(r.year))].append(int(r.gwcode))
    log(f"ucdp_onsets: {sum(unm.values())} rows map to no COW state (by gwcode: {dict(unm)})")
    coll = {k: v for k, v in seen.items() if len(v) > 1}
    log(f"ucdp_onsets: COW state-years receiving several GW rows (summed): {coll}")
    for i, (c_, dst) in enumerate(zip(ocols, ["ucdp_newconf", "ucdp_onset1", "ucdp_onset2",
                                               "ucdp_onset3", "ucdp_onset5", "ucdp_onset10"])):
        fill_in(S, dst, {k: v[i] for k, v in acc.items()}, 1946, 2017)

    # COW intra-state wars
    w = read("cow_war_intra")
    w = w[(w.primary_state == 1) & (w.year <= 2007)]
    ong, ons, wars = defaultdict(float), defaultdict(float), defaultdict(set)
    for r in w.itertuples(index=False):
        for cc in (r.ccodea, r.ccodeb):
            if not cc >= 0:  # negative codes are not states; NaN = no participant
                continue
            k = (int(cc), int(r.year))
            ong[k] = max(ong[k], r.cowintraongoing)
            ons[k] = max(ons[k], r.cowintraonset)
            wars[k].add(r.warnum)
    fill_in(S, "cowintra_ongoing", ong, Y0, 2007)
    fill_in(S, "cowintra_onset", ons, Y0, 2007)
    fill_in(S, "cowintra_wars", {k: float(len(v)) for k, v in wars.items()}, Y0, 2007)

    # GML MIDs at state-year
    g = read("gml_part")
    ong, ons, ongi, onsi, disp = {}, {}, {}, {}, defaultdict(set)
    for r in g.itertuples(index=False):
        init = r.sidea == 1 and r.orig == 1
        for y in range(r.styear, r.endyear + 1):
            k = (int(r.ccode), y)
            ong[k] = 1.0
            disp[k].add(r.dispnum)
            if y == r.styear:
                ons[k] = 1.0
            if init:
                ongi[k] = 1.0
                if y == r.styear:
                    onsi[k] = 1.0
    fill_in(S, "gml_mid_ongoing", ong, Y0, 2010)
    fill_in(S, "gml_mid_onset", ons, Y0, 2010)
    fill_in(S, "gml_mid_ongoing_init", ongi, Y0, 2010)
    fill_in(S, "gml_mid_onset_init", onsi, Y0, 2010)
    fill_in(S, "gml_mid_count", {k: float(len(v)) for k, v in disp.items()}, Y0, 2010)

    # COW inter-state wars at state-year
    wi = read("cow_war_inter")
    wn = defaultdict(set)
    for r in wi.itertuples(index=False):
        wn[(int(r.ccode1), int(r.year))].add(r.warnum)
    fill_in(S, "cowwar_count", {k: float(len(v)) for k, v in wn.items()}, Y0, 2007)

    S = S[STATE_COLS]
    return S, side_a, side_b, cinfo


# -------------------------------------------------------------- dyad columns

def dyad_frame(D: pd.DataFrame, S: pd.DataFrame, side_a, side_b, cinfo) -> pd.DataFrame:
    F = D.copy()
    for i in (1, 2):
        idx = pd.MultiIndex.from_arrays([F[f"ccode{i}"].to_numpy(), F.year.to_numpy()])
        sub = S[DYAD_ATTRS].reindex(idx)
        assert S.index.is_unique
        for a in DYAD_ATTRS:
            F[f"{a}{i}"] = sub[a].to_numpy()
    key = (F.ccode1.to_numpy(np.int64) * 1000 + F.ccode2.to_numpy(np.int64)) * 10000 + F.year.to_numpy(np.int64)

    gr = read("grh_arms_races")
    races = set()
    for r in gr.itertuples(index=False):
        lo_, hi_ = min(r.ccode1, r.ccode2), max(r.ccode1, r.ccode2)
        for y in range(r.styear, r.endyear + 1):
            races.add((lo_ * 1000 + hi_) * 10000 + y)
    v = np.isin(key, np.array(sorted(races), dtype=np.int64)).astype(float)
    v[F.year.to_numpy() > 1993] = np.nan
    F["grh_armsrace"] = v

    inter = set()
    for k, (inten, typ) in cinfo.items():
        if typ != "interstate":
            continue
        y = k[1]
        for a in side_a.get(k, ()):
            for b in side_b.get(k, ()):
                if a != b:
                    inter.add((min(a, b) * 1000 + max(a, b)) * 10000 + y)
    v = np.isin(key, np.array(sorted(inter), dtype=np.int64)).astype(float)
    yr = F.year.to_numpy()
    v[(yr < 1946) | (yr > 2024)] = np.nan
    F["ucdp_interstate"] = v
    hit = np.isin(np.array(sorted(inter), dtype=np.int64), key).sum()
    log(f"ucdp interstate: {len(inter)} dyad-years from the file, {hit} inside the dyad universe")
    return F


# ---------------------------------------------------------------------- PRD

def prd_counts(D: pd.DataFrame):
    c = read("cow_contdir")
    c = c[c.conttype.between(1, 5)]
    cont = set()
    for r in c.itertuples(index=False):
        lo_, hi_ = min(r.ccode1, r.ccode2), max(r.ccode1, r.ccode2)
        for y in range(int(r.stdate[:4]), int(r.enddate[:4]) + 1):
            cont.add((lo_, hi_, y))
    m = pd.read_csv(DATA / "cow_majors_v2024" / "majors2024.csv")
    major = set()
    for r in m.itertuples(index=False):
        for y in range(r.styear, r.endyear + 1):
            major.add((int(r.ccode), y))
    out = []
    for y in PRD_YEARS:
        d = D[D.year == y]
        n = n0 = 0
        for c1, c2 in zip(d.ccode1.to_numpy(), d.ccode2.to_numpy()):
            maj = (c1, y) in major or (c2, y) in major
            ct = (c1, c2, min(y, 2016)) in cont
            ct0 = ct if y <= 2016 else False
            n += maj or ct
            n0 += maj or ct0
        out.append((y, n, n0))
        log(f"prd {y}: {len(d)} dyads, {n} relevant (carry), {n0} (no carry)")
    return out


# -------------------------------------------------------------------- spells

def spells(events):
    """events: list of (year, event or None) sorted by year -> list of spell or None."""
    out, prev, prev_event = [], None, None
    for _, e in events:
        if e is None or (isinstance(e, float) and math.isnan(e)):
            out.append(None)
            continue
        if prev is None:
            s = 0
        elif prev_event == 1:
            s = 0
        else:
            s = prev + 1
        out.append(s)
        prev, prev_event = s, e
    return out


# ---------------------------------------------------------------------- main

def agg_rows(frame, df, cols, out):
    for col in cols:
        v = df[col].to_numpy(dtype=float)
        v = v[~np.isnan(v)]
        out.append((frame, "nonnull", "", col, str(len(v))))
        out.append((frame, "sum", "", col, repr(float(math.fsum(v)))))


def main() -> int:
    log(f"data {DATA}")
    mem = membership()
    log(f"state-year universe: {len(mem)} rows")
    to_cow = gw_mapper()
    S, side_a, side_b, cinfo = state_frame(mem, to_cow)
    log("state columns done")
    D = dyad_universe(mem)
    log(f"dyad-year universe: {len(D)} rows")
    F = dyad_frame(D, S, side_a, side_b, cinfo)
    log("dyad columns done")

    out = []
    agg_rows("state_agg", S, STATE_COLS, out)

    for cc, years in STATE_SELECTION:
        for y in years:
            if (cc, y) not in mem:
                continue
            row = S.loc[(cc, y)]
            for col in STATE_COLS:
                out.append(("state", str(cc), str(y), col, fmt(row[col])))

    Fi = F.set_index(["ccode1", "ccode2", "year"]).sort_index()
    for c1, c2 in DYAD_SELECTION:
        sub = Fi.loc[(c1, c2)].sort_index()
        for y, row in sub.iterrows():
            for col in DYAD_COLS:
                out.append(("dyad", f"{c1}-{c2}", str(y), col, fmt(row[col])))

    agg_rows("dyad_agg", F, DYAD_COLS, out)

    for y, n, n0 in prd_counts(D):
        out.append(("prd", "count", str(y), "prd", str(n)))
        out.append(("prd", "count_nocarry", str(y), "prd", str(n0)))

    # spells: dyad cowmid_ongoing
    mid = read("cow_mid_ddydisps")
    mid = mid[mid.cowmidongoing == 1]
    midset = {(min(a, b), max(a, b), y) for a, b, y in zip(mid.ccode1, mid.ccode2, mid.year)}
    for c1, c2 in SPELL_DYADS:
        years = sorted(Fi.loc[(c1, c2)].index)
        ev = [(y, (1.0 if (c1, c2, y) in midset else 0.0) if y <= 2014 else None) for y in years]
        for (y, _), s in zip(ev, spells(ev)):
            out.append(("spell", f"{c1}-{c2}", str(y), "cowmid_ongoing_spell", fmt(s)))
    for cc in SPELL_STATES:
        sub = S.loc[cc]["gml_mid_ongoing"].sort_index()
        ev = [(int(y), None if np.isnan(v) else float(v)) for y, v in sub.items()]
        for (y, _), s in zip(ev, spells(ev)):
            out.append(("spell", str(cc), str(y), "gml_mid_ongoing_spell", fmt(s)))

    w = sys.stdout
    w.write("frame,unit,year,column,value\n")
    for r in out:
        w.write(",".join(r) + "\n")
    log(f"{len(out)} rows written; total {time.perf_counter() - T0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
