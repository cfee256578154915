#!/usr/bin/env python3
"""Independent reference values for ordo's leader units (issue 19, part 1):
leader-years, the Archigos turnover summaries at COW state-year, and
leader-dyad-years with the GML leader-level dispute flags.

Written with pandas and plain Python from the rules in docs/measures.md
("Leaders") and the raw files in shared/data, NOT from ordo's Rust code.
Run from the repository root:

    python3 tests/reference/leaders_reference.py > tests/reference/leaders_expected.csv

Data directory: $ORDO_DATA, default <repo>/../shared/data. The GW -> COW
crosswalk is read from <repo>/crates/states/data/crosswalk.csv (`gw` rows).
Diagnostics go to stderr; stdout is only the CSV `frame,unit,year,column,value`
(value empty = NULL). Runs in about 10 s.

The rules, as this script implements them
- Leader-years: one row per Archigos spell (obsid) per calendar year with at
  least one day in office (startdate..enddate inclusive). leaderage = year -
  yrborn; yrinoffice = year - start year + 1. ccode: the COW state the
  crosswalk maps the spell's GW code to on the last day of the leader's year
  that has a crosswalk row (NULL if none). cowmember = 1 if on some day in
  office that year the GW code maps to a COW state that is a system member
  that day. LEAD and LWUF are joined on obsid; leaderid from leader_codes.
- Leader-state segments: the days a spell is in office, its GW code maps to
  COW state c and c is a member (cow_states, no extension: Archigos ends in
  2015). Leader-dyad-years: for each year 1870-2015, every pair of segments
  of different COW states that are in office on a same day of the year, as
  (ccode, obsid) units; non-directed ccode1 < ccode2.
- GML (gml_part v2.2.1): participations without allmiss_leader_* flags,
  each from styear-stmon-dummy_stday to endyear-endmon-dummy_endday.
  Leader-years: ongoing if a participation of the segment's state overlaps a
  segment day in the year; onset if a participation starts on a segment day
  in the year; *_init the same over participations with obsid_start = the
  leader and (sidea = 1 or orig = 0). 0 for leader-years with cowmember = 1
  in 1816-2010, else NULL.
  Leader-dyad-years: two participations of one dispute on opposite sides,
  different states; the days both are in it and both leader segments are in
  office; ongoing in every year with such a day; onset if the first such day
  of the year is the first day of one of the two states' participations in
  that dispute. Directed init: the first leader is the obsid_start of his
  state's participation and that state is on side A or a joiner (orig = 0);
  onset_init = onset and init in the same dispute. Max over disputes; 0 in
  1816-2010, NULL 2011-2015.
- Archigos sums at COW state-year (1870-2015): the GW codes the crosswalk
  maps the COW state to on its member days of the year; one code: that
  code's archigossums row; two (COW 345 in 2006: GW 345 then 340): jan1obsid
  of the first, dec31obsid of the last, transition = any row's or the two
  boundary leaders differ (leadid), irregular = max, n_leaders = sum minus
  one if the leader at the seam is the same person. No row: NULL.
"""
from __future__ import annotations

import csv
import datetime as dt
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
GML_LAST = 2010
DYAD_YEARS = (1870, 2015)
LEAD_COLS = ["leveledu", "milservice", "combat", "rebel", "warwin", "warloss",
             "rebelwin", "rebelloss", "yrsexper", "physhealth", "mentalhealth"]
LWUF_COLS = ["theta1_mean", "theta1_sd", "theta2_mean", "theta2_sd",
             "theta3_mean", "theta3_sd", "theta4_mean", "theta4_sd"]
GML_COLS = ["gmlmid_ongoing", "gmlmid_onset", "gmlmid_ongoing_init", "gmlmid_onset_init"]


def log(*a):
    print(f"[{time.perf_counter() - T0:6.1f}s]", *a, file=sys.stderr)


def iso(s: str) -> int:
    return dt.date.fromisoformat(s).toordinal()


def ymd(y: int, m: int, d: int) -> int:
    return dt.date(y, m, d).toordinal()


def year_of(d: int) -> int:
    return dt.date.fromordinal(d).year


def jan1(y: int) -> int:
    return ymd(y, 1, 1)


def dec31(y: int) -> int:
    return ymd(y, 12, 31)


OUT = csv.writer(sys.stdout, lineterminator="\n")
OUT.writerow(["frame", "unit", "year", "column", "value"])


def fmt(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, (bool, np.bool_)):
        return str(int(v))
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    if isinstance(v, float):
        return repr(v)
    return str(v)


def emit(frame, unit, year, column, value):
    OUT.writerow([frame, unit, "" if year is None else year, column, fmt(value)])


# --- the state system and the crosswalk -------------------------------------
cow = pd.read_csv(DATA / "cow_states" / "cow_states.csv")
member: dict[int, list[tuple[int, int]]] = defaultdict(list)
for r in cow.itertuples():
    member[int(r.ccode)].append((ymd(r.styear, r.stmonth, r.stday), ymd(r.endyear, r.endmonth, r.endday)))

cw = pd.read_csv(CROSSWALK, comment="#", dtype=str, keep_default_na=False)
cw = cw[cw.scheme == "gw"]
OPEN_LO, OPEN_HI = dt.date(1, 1, 1).toordinal(), dt.date(9999, 12, 31).toordinal()
gw_rows: dict[int, list[tuple[int, int, int]]] = defaultdict(list)  # gw -> (ccode, from, to)
cow_rows: dict[int, list[tuple[int, int, int]]] = defaultdict(list)  # ccode -> (gw, from, to)
for r in cw.itertuples():
    lo = iso(r._4) if r._4 else OPEN_LO
    hi = iso(r.to) if r.to else OPEN_HI
    gw_rows[int(r.code)].append((int(r.ccode), lo, hi))
    cow_rows[int(r.ccode)].append((int(r.code), lo, hi))


def clip(a, b, c, d):
    lo, hi = max(a, c), min(b, d)
    return (lo, hi) if lo <= hi else None


# --- Archigos ----------------------------------------------------------------
arch = pd.read_csv(DATA / "archigos" / "archigos.csv", keep_default_na=False, na_values=[""])
arch["s"] = arch.startdate.map(iso)
arch["e"] = arch.enddate.map(iso)
lead = pd.read_csv(DATA / "LEAD" / "LEAD.csv")
lwuf = pd.read_csv(DATA / "lwuf" / "lwuf.csv")
codes = pd.read_csv(DATA / "leader_codes" / "leader_codes.csv", keep_default_na=False, na_values=[""])
log("archigos", len(arch), "LEAD", len(lead), "lwuf", len(lwuf), "codes", len(codes))
assert arch.obsid.is_unique and lead.obsid.is_unique and lwuf.obsid.is_unique

# Leader-state segments: (obsid, ccode, a, b) of COW-member days in office.
segments: list[tuple[str, int, int, int]] = []
for r in arch.itertuples():
    for (c, lo, hi) in gw_rows.get(int(r.gwcode), []):
        i = clip(r.s, r.e, lo, hi)
        if not i:
            continue
        for (ms, me) in member.get(c, []):
            j = clip(i[0], i[1], ms, me)
            if j:
                segments.append((r.obsid, c, j[0], j[1]))
log("segments", len(segments))
seg_by_obsid = defaultdict(list)
for sg in segments:
    seg_by_obsid[sg[0]].append(sg)

# --- leader-years ------------------------------------------------------------
rows = []
for r in arch.itertuples():
    sy, ey = year_of(r.s), year_of(r.e)
    for y in range(sy, ey + 1):
        first, last = max(r.s, jan1(y)), min(r.e, dec31(y))
        best = None  # (latest mapped day, ccode)
        for (c, lo, hi) in gw_rows.get(int(r.gwcode), []):
            i = clip(first, last, lo, hi)
            if i and (best is None or i[1] > best[0]):
                best = (i[1], c)
        cm = any(clip(first, last, a, b) for (_, _, a, b) in seg_by_obsid[r.obsid])
        rows.append(dict(
            obsid=r.obsid, year=y, ccode=None if best is None else best[1], gwcode=int(r.gwcode),
            leadid=r.leadid, leader=r.leader, gender=r.gender,
            yrborn=None if pd.isna(r.yrborn) else int(r.yrborn),
            leaderage=None if pd.isna(r.yrborn) else y - int(r.yrborn),
            yrinoffice=y - sy + 1, cowmember=int(cm),
            days=last - first + 1,
        ))
ly = pd.DataFrame(rows)
ly = ly.merge(lead, on="obsid", how="left").merge(lwuf, on="obsid", how="left")
ly = ly.merge(codes[["obsid", "leaderid"]], on="obsid", how="left")
log("leader-years", len(ly))

# GML participations.
part = pd.read_csv(DATA / "gml_part" / "gml_part.csv", keep_default_na=False, na_values=["", "NA"])
n_all = len(part)
part = part[(part.allmiss_leader_start == 0) & (part.allmiss_leader_end == 0)].copy()
log("gml_part", n_all, "used", len(part))
part["ps"] = [ymd(a, b, c) for a, b, c in zip(part.styear, part.stmon, part.dummy_stday)]
part["pe"] = [ymd(a, b, c) for a, b, c in zip(part.endyear, part.endmon, part.dummy_endday)]
assert (part.pe >= part.ps).all()
seg_by_cow = defaultdict(list)
for sg in segments:
    seg_by_cow[sg[1]].append(sg)

gml_ly = defaultdict(lambda: [0, 0, 0, 0])
for p in part.itertuples():
    init = p.sidea == 1 or p.orig == 0
    for (ob, c, a, b) in seg_by_cow.get(int(p.ccode), []):
        k = clip(p.ps, p.pe, a, b)
        if not k:
            continue
        is_init = init and isinstance(p.obsid_start, str) and p.obsid_start == ob
        for y in range(year_of(k[0]), year_of(k[1]) + 1):
            g = gml_ly[(ob, y)]
            g[0] = 1
            if is_init:
                g[2] = 1
        if a <= p.ps <= b:
            g = gml_ly[(ob, year_of(p.ps))]
            g[1] = 1
            if is_init:
                g[3] = 1


def gml_value(ob, y, cm, i):
    if cm != 1 or not (1816 <= y <= GML_LAST):
        return None
    return gml_ly.get((ob, y), [0, 0, 0, 0])[i]


for i, col in enumerate(GML_COLS):
    ly[col] = [gml_value(o, y, c, i) for o, y, c in zip(ly.obsid, ly.year, ly.cowmember)]

# Output: counts per year, aggregates, Italy 1993-1996.
for y, n in ly.groupby("year").size().items():
    emit("leader_years", "count", int(y), "rows", int(n))
emit("leader_years_agg", "count", None, "rows", len(ly))
emit("leader_years_agg", "count", None, "ccode_null", int(ly.ccode.isna().sum()))
emit("leader_years_agg", "sum", None, "cowmember", int(ly.cowmember.sum()))
for col in ["leaderage", "yrinoffice", "ccode"] + LEAD_COLS + LWUF_COLS + GML_COLS:
    v = pd.to_numeric(ly[col])
    emit("leader_years_agg", "nonnull", None, col, int(v.notna().sum()))
    emit("leader_years_agg", "sum", None, col, repr(float(math.fsum(v.dropna()))))
emit("leader_years_agg", "nonnull", None, "leaderid", int(ly.leaderid.notna().sum()))
emit("leader_years_agg", "count", None, "lead_unmatched_spells",
     int(codes.leaderid.isna().sum()))
SHOW = ["ccode", "gwcode", "leader", "gender", "leaderage", "yrinoffice", "cowmember",
        "leveledu", "yrsexper", "theta2_mean"] + GML_COLS
pick = ly[(ly.gwcode.isin([325, 2, 260, 255, 365, 645])) & ly.year.between(1989, 1996)]
pick = pd.concat([pick, ly[(ly.gwcode == 325) & ly.year.between(1936, 1945)]])
for r in pick.sort_values(["gwcode", "year", "obsid"]).itertuples():
    for col in SHOW:
        emit("leader_year", r.obsid, r.year, col, getattr(r, col))

# --- Archigos sums at COW state-year -----------------------------------------
sums = pd.read_csv(DATA / "archigossums" / "archigossums.csv")
sums_at = {(int(r.gwcode), int(r.year)): r for r in sums.itertuples()}
leadid_of = dict(zip(arch.obsid, arch.leadid))
state_years = []
for c, spells in member.items():
    for y in range(1816, 2023):
        days = [i for (a, b) in spells
                for i in [clip(a if b != ymd(2016, 12, 31) else a, b if b != ymd(2016, 12, 31) else ymd(2022, 12, 31), jan1(y), dec31(y))] if i]
        if days:
            state_years.append((c, y, days))
state_sums = {}
for (c, y, days) in state_years:
    val = (None, None, None, None, None)
    if 1870 <= y <= 2015:
        gws = []
        for (g, lo, hi) in cow_rows.get(c, []):
            firsts = [i[0] for (a, b) in days for i in [clip(a, b, lo, hi)] if i]
            if firsts:
                gws.append((min(firsts), g))
        rs = [sums_at[(g, y)] for _, g in sorted(gws) if (g, y) in sums_at]
        if len(rs) == 1:
            r = rs[0]
            val = (r.leadertransition, r.irregular, r.n_leaders, r.jan1obsid, r.dec31obsid)
        elif len(rs) > 1:
            first, last = rs[0], rs[-1]
            n = sum(r.n_leaders for r in rs)
            trans = int(any(r.leadertransition == 1 for r in rs))
            for x, z in zip(rs, rs[1:]):
                if leadid_of[x.dec31obsid] == leadid_of[z.jan1obsid]:
                    n -= 1
                else:
                    trans = 1
            val = (trans, max(r.irregular for r in rs), n, first.jan1obsid, last.dec31obsid)
            log("combined", c, y, [(r.gwcode) for r in rs], val)
    state_sums[(c, y)] = val
SUM_COLS = ["archigos_transition", "archigos_irregular", "archigos_nleaders"]
emit("state_agg", "count", None, "rows", len(state_sums))
for i, col in enumerate(SUM_COLS):
    vals = [v[i] for v in state_sums.values() if v[i] is not None]
    emit("state_agg", "nonnull", None, col, len(vals))
    emit("state_agg", "sum", None, col, int(sum(vals)))
for (c, ys) in [(325, range(1992, 1997)), (345, range(2004, 2009)), (255, range(1989, 1992)),
                (260, range(1989, 1992)), (678, range(1989, 1991)), (679, range(1990, 1992)),
                (2, range(1868, 1872)), (2, range(2014, 2018)), (365, range(1990, 2001))]:
    for y in ys:
        if (c, y) in state_sums:
            v = state_sums[(c, y)]
            for i, col in enumerate(SUM_COLS + ["archigos_jan1obsid", "archigos_dec31obsid"]):
                emit("state", c, y, col, v[i])

# --- leader-dyad-years -------------------------------------------------------
info = arch.set_index("obsid")
pairs_by_year: dict[int, set] = {}
total = 0
for y in range(DYAD_YEARS[0], DYAD_YEARS[1] + 1):
    lo, hi = jan1(y), dec31(y)
    units = defaultdict(list)
    for (ob, c, a, b) in segments:
        i = clip(a, b, lo, hi)
        if i:
            units[(c, ob)].append(i)
    keys = sorted(units)
    cc = np.array([k[0] for k in keys])
    # one row per segment, then pair segments
    seg_u, seg_a, seg_b = [], [], []
    for n, k in enumerate(keys):
        for (a, b) in units[k]:
            seg_u.append(n), seg_a.append(a), seg_b.append(b)
    seg_u, seg_a, seg_b = map(np.array, (seg_u, seg_a, seg_b))
    ov = (seg_a[:, None] <= seg_b[None, :]) & (seg_a[None, :] <= seg_b[:, None])
    ov &= cc[seg_u][:, None] < cc[seg_u][None, :]
    i, j = np.nonzero(ov)
    pairs = {(keys[seg_u[x]], keys[seg_u[z]]) for x, z in zip(i, j)}
    pairs_by_year[y] = pairs
    total += len(pairs)
log("leader-dyad-years", total)

# GML at leader-dyad-year, by directed (unit1, unit2, year).
starts = defaultdict(set)
for p in part.itertuples():
    starts[(p.dispnum, int(p.ccode))].add(p.ps)
first_day = {}   # (disp, u, v, y) -> first shared day of the year
init_of = defaultdict(int)  # (disp, u, v, y) -> init of u
for d, g in part.groupby("dispnum"):
    ps = list(g.itertuples())
    for p in ps:
        for q in ps:
            if p.ccode == q.ccode or p.sidea == q.sidea:
                continue
            s = clip(p.ps, p.pe, q.ps, q.pe)
            if not s:
                continue
            for (ob1, c1, a1, b1) in seg_by_cow.get(int(p.ccode), []):
                s1 = clip(s[0], s[1], a1, b1)
                if not s1:
                    continue
                for (ob2, c2, a2, b2) in seg_by_cow.get(int(q.ccode), []):
                    o = clip(s1[0], s1[1], a2, b2)
                    if not o:
                        continue
                    init = int(isinstance(p.obsid_start, str) and p.obsid_start == ob1
                               and (p.sidea == 1 or p.orig == 0))
                    for y in range(year_of(o[0]), year_of(o[1]) + 1):
                        key = (d, (c1, ob1), (c2, ob2), y)
                        fd = max(o[0], jan1(y))
                        first_day[key] = min(first_day.get(key, fd), fd)
                        init_of[key] = max(init_of[key], init)
flags = defaultdict(lambda: [0, 0, 0, 0])  # (u, v, y) directed
for key, fd in first_day.items():
    d, u, v, y = key
    onset = int(fd in starts[(d, u[0])] or fd in starts[(d, v[0])])
    f = flags[(u, v, y)]
    f[0] = 1
    f[1] = max(f[1], onset)
    f[2] = max(f[2], init_of[key])
    f[3] = max(f[3], int(onset and init_of[key]))
missing = [k for k in flags if k[0][0] < k[1][0] and (k[0], k[1]) not in pairs_by_year.get(k[2], ())]
log("dispute leader-dyad-years not in the frame:", len(missing), missing[:5])

for y in sorted(pairs_by_year):
    emit("leader_dyads", "count", y, "rows", len(pairs_by_year[y]))
emit("leader_dyads_agg", "count", None, "rows", total)
emit("leader_dyads_agg", "count", None, "rows_directed", 2 * total)
nd_sum = [0, 0]
dir_sum = [0, 0, 0, 0]
for y, pairs in pairs_by_year.items():
    if y > GML_LAST:
        continue
    for (u, v) in pairs:
        f = flags.get((u, v, y))
        if f:
            nd_sum[0] += f[0]
            nd_sum[1] += f[1]
        for key in ((u, v, y), (v, u, y)):
            f = flags.get(key)
            if f:
                for i in range(4):
                    dir_sum[i] += f[i]
emit("leader_dyads_agg", "sum", None, "gmlmid_ongoing", nd_sum[0])
emit("leader_dyads_agg", "sum", None, "gmlmid_onset", nd_sum[1])
for i, col in enumerate(GML_COLS):
    emit("leader_dyads_directed_agg", "sum", None, col, dir_sum[i])
nonnull = sum(len(p) for y, p in pairs_by_year.items() if y <= GML_LAST)
emit("leader_dyads_agg", "nonnull", None, "gmlmid_ongoing", nonnull)

# Selected leader dyads: every row of these state pairs in these years.
for (a, b, ys) in [(2, 645, range(1989, 1993)), (200, 160, range(1981, 1984)),
                   (325, 530, range(1934, 1937)), (2, 365, range(1998, 2002)),
                   (2, 710, range(1949, 1954)), (300, 345, range(1913, 1916)),
                   (220, 255, range(1938, 1941)), (750, 770, range(1998, 2000)),
                   (2, 200, range(2009, 2013))]:
    c1, c2 = min(a, b), max(a, b)
    for y in ys:
        for (u, v) in sorted(p for p in pairs_by_year.get(y, ()) if p[0][0] == c1 and p[1][0] == c2):
            unit = f"{u[1]}|{v[1]}"
            f = flags.get((u, v, y), [0, 0, 0, 0])
            g = flags.get((v, u, y), [0, 0, 0, 0])
            out = y > GML_LAST
            emit("leader_dyad", unit, y, "ccode1", c1)
            emit("leader_dyad", unit, y, "ccode2", c2)
            emit("leader_dyad", unit, y, "gmlmid_ongoing", None if out else f[0])
            emit("leader_dyad", unit, y, "gmlmid_onset", None if out else f[1])
            emit("leader_dyad", unit, y, "gmlmid_ongoing_init12", None if out else f[2])
            emit("leader_dyad", unit, y, "gmlmid_onset_init12", None if out else f[3])
            emit("leader_dyad", unit, y, "gmlmid_ongoing_init21", None if out else g[2])
            emit("leader_dyad", unit, y, "gmlmid_onset_init21", None if out else g[3])
log("done")
