#!/usr/bin/env python3
"""Independent pandas/numpy build of ordo's dyad-year frame.

This is the comparison implementation for ordo: it is written from the
frame specification (bench/README.md) and the raw data in shared/data, not
from ordo's Rust code. It serves as the performance baseline ordo must beat
and as a column-by-column cross-check (see compare_frames.py).

Usage:
    python3 bench/dyad_years_pandas.py --from 1816 --to 2016 [--directed] --out frame.csv

Wall time and peak RSS are printed to stderr at the end.
"""

from __future__ import annotations

import time

T_START = time.perf_counter()  # before the heavy imports: the benchmark counts them

import argparse
import resource
import sys
from pathlib import Path

import numpy as np
import pandas as pd

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
CROSSWALK = Path(__file__).resolve().parents[1] / "crates" / "states" / "data" / "crosswalk.csv"

# COW v2016 membership ends on 2016-12-31 with the spells of current states open; those
# are taken as ongoing through LAST_YEAR (the last year of NMC v7.0), so frames run 1816-2022.
LAST_YEAR = 2022
CONT_LAST = 2016  # last year of COW Direct Contiguity v3.2

COLUMNS = [
    "ccode1", "ccode2", "year",
    "gwcode1", "gwcode2",
    "cowmaj1", "cowmaj2",
    "nmc_cinc1", "nmc_cinc2", "nmc_capratio",
    "atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul",
    "atop_s", "atop_kappa", "atop_pi", "atop_taub",
    "cowmid_ongoing", "cowmid_onset", "cowmid_hostlev", "cowmid_fatality", "cowmid_dispnum",
    "gmlmid_ongoing", "gmlmid_onset", "gmlmid_hostlev", "gmlmid_fatality", "gmlmid_dispnum",
    "cowwar_inter", "cowwar_onset",
    "td_rivalry", "tss_rivalry",
    "trade_flow1", "trade_flow2", "trade_dep1", "trade_dep2",
    "cow_conttype", "prd", "prd_carried",
    "capdist", "cow_mindist",
    "igo_shared",
    "dem_polyarchy1", "dem_polyarchy2", "dem_polity2_1", "dem_polity2_2", "dem_uds1", "dem_uds2",
    "dem_polyarchy_dist", "dem_polity2_dist", "dem_uds_dist",
    "un_nvotes", "un_agree", "un_s", "un_kappa", "un_pi",
    "bsv_ideal1", "bsv_ideal2", "bsv_distance",
    # issue 19: state attributes of ccode1 / ccode2, arms races, UCDP inter-state conflict
    "nmc_milex1", "nmc_milex2", "nmc_milper1", "nmc_milper2", "nmc_irst1", "nmc_irst2",
    "nmc_pec1", "nmc_pec2", "nmc_tpop1", "nmc_tpop2", "nmc_upop1", "nmc_upop2",
    "sdp_gdp1", "sdp_gdp2", "sdp_pop1", "sdp_pop2", "sdp_sdp1", "sdp_sdp2", "sdp_gdppc1", "sdp_gdppc2",
    "terr_threat1", "terr_threat2",
    "creg_ethfrac1", "creg_ethfrac2", "creg_relfrac1", "creg_relfrac2",
    "hief_efindex1", "hief_efindex2",
    "archigos_transition1", "archigos_transition2", "archigos_irregular1", "archigos_irregular2",
    "archigos_nleaders1", "archigos_nleaders2",
    "grh_armsrace",
    "ucdp_interstate",
]

# Columns written as (nullable) integers.
INT_COLUMNS = [
    "ccode1", "ccode2", "year", "gwcode1", "gwcode2", "cowmaj1", "cowmaj2",
    "atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul",
    "cowmid_ongoing", "cowmid_onset", "cowmid_hostlev", "cowmid_fatality", "cowmid_dispnum",
    "gmlmid_ongoing", "gmlmid_onset", "gmlmid_hostlev", "gmlmid_fatality", "gmlmid_dispnum",
    "cowwar_inter", "cowwar_onset", "td_rivalry", "tss_rivalry", "cow_conttype", "prd", "prd_carried",
    "igo_shared", "dem_polity2_1", "dem_polity2_2", "dem_polity2_dist", "un_nvotes",
    "nmc_milex1", "nmc_milex2", "nmc_milper1", "nmc_milper2", "nmc_irst1", "nmc_irst2",
    "nmc_pec1", "nmc_pec2",
    "archigos_transition1", "archigos_transition2", "archigos_irregular1", "archigos_irregular2",
    "archigos_nleaders1", "archigos_nleaders2",
    "grh_armsrace", "ucdp_interstate",
]


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- keys

def dkey(c1, c2, year):
    """int64 key of a (ccode1, ccode2, year) triple (ccodes < 1000, years < 10000)."""
    return (np.asarray(c1, dtype=np.int64) * 1000 + np.asarray(c2, dtype=np.int64)) * 10000 + np.asarray(year, dtype=np.int64)


def skey(c, year):
    """int64 key of a (ccode, year) pair."""
    return np.asarray(c, dtype=np.int64) * 10000 + np.asarray(year, dtype=np.int64)


def take(keys: np.ndarray, table_keys, values) -> np.ndarray:
    """values[row of table with that key] for each key, NaN where absent (table keys unique)."""
    idx = pd.Index(np.asarray(table_keys)).get_indexer(keys)
    values = np.asarray(values, dtype=np.float64)
    out = np.full(len(keys), np.nan)
    hit = idx >= 0
    out[hit] = values[idx[hit]]
    return out


def take_either(c1, c2, year, table_keys, values) -> np.ndarray:
    """Lookup (c1, c2, year); where absent, (c2, c1, year)."""
    out = take(dkey(c1, c2, year), table_keys, values)
    miss = np.isnan(out)
    if miss.any():
        out[miss] = take(dkey(c2[miss], c1[miss], year[miss]), table_keys, values)
    return out


def days(y, m, d) -> np.ndarray:
    """Day numbers (days since 1970-01-01) of y/m/d arrays."""
    s = [f"{int(a):04d}-{int(b):02d}-{int(c):02d}" for a, b, c in zip(y, m, d)]
    return np.array(s, dtype="datetime64[D]").astype(np.int64)


def iso_days(s) -> np.ndarray:
    return np.asarray(pd.Series(s, dtype=object).to_numpy(dtype=str), dtype="datetime64[D]").astype(np.int64)


def year_bounds(years: np.ndarray):
    y = np.asarray(years, dtype=np.int64)
    jan1 = (np.array([f"{v:04d}" for v in y], dtype="datetime64[Y]").astype("datetime64[D]")).astype(np.int64)
    dec31 = ((np.array([f"{v:04d}" for v in y], dtype="datetime64[Y]") + 1).astype("datetime64[D]")).astype(np.int64) - 1
    return jan1, dec31


def expand_years(df: pd.DataFrame, st_col: str, en_col: str, lo: int, hi: int) -> pd.DataFrame:
    """Repeat each row once per year in [st, en] ∩ [lo, hi]; adds column 'year'."""
    st = np.maximum(df[st_col].to_numpy(np.int64), lo)
    en = np.minimum(df[en_col].to_numpy(np.int64), hi)
    n = np.clip(en - st + 1, 0, None)
    rep = df.loc[df.index.repeat(n)].reset_index(drop=True)
    offs = np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
    rep["year"] = np.repeat(st, n) + offs
    return rep


# ----------------------------------------------------------------- agreement maths

def table_stats(C: np.ndarray, levels: np.ndarray, dmax: float) -> dict:
    """Agreement statistics from contingency tables.

    C: (m, K, K) counts; C[p, a, b] = number of items where x = levels[a], y = levels[b].
    Returns n, agree, S, kappa, pi, taub as float arrays (NaN where undefined or n = 0).
    """
    C = C.astype(np.float64)
    K = C.shape[1]
    n = C.sum(axis=(1, 2))
    W = np.abs(levels[:, None] - levels[None, :]).astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        sum_abs = np.einsum("pab,ab->p", C, W)
        d_obs = sum_abs / n
        S = 1.0 - 2.0 * sum_abs / (n * dmax)
        agree = np.einsum("paa->p", C) / n
        r = C.sum(axis=2)  # x marginals
        c = C.sum(axis=1)  # y marginals
        px = r / n[:, None]
        py = c / n[:, None]
        de_k = np.einsum("pa,pb,ab->p", px, py, W)
        pool = (px + py) / 2.0
        de_p = np.einsum("pa,pb,ab->p", pool, pool, W)
        kappa = np.where(de_k > 0, 1.0 - d_obs / de_k, np.nan)
        pi = np.where(de_p > 0, 1.0 - d_obs / de_p, np.nan)

        # Kendall tau-b from the table: concordant / discordant pairs, ties in x and y.
        # G[a,b] = sum_{a'>a, b'>b} C[a',b'];  H[a,b] = sum_{a'>a, b'<b} C[a',b']
        ge = C[:, ::-1, ::-1].cumsum(1).cumsum(2)[:, ::-1, ::-1]  # a'>=a, b'>=b
        G = np.zeros_like(C)
        G[:, :-1, :-1] = ge[:, 1:, 1:]
        gl = C[:, ::-1, :].cumsum(1)[:, ::-1, :].cumsum(2)  # a'>=a, b'<=b
        H = np.zeros_like(C)
        H[:, :-1, 1:] = gl[:, 1:, :-1]
        P = (C * G).sum(axis=(1, 2))
        Q = (C * H).sum(axis=(1, 2))
        n0 = n * (n - 1) / 2.0
        n1 = (r * (r - 1) / 2.0).sum(axis=1)
        n2 = (c * (c - 1) / 2.0).sum(axis=1)
        den = (n0 - n1) * (n0 - n2)
        taub = np.where(den > 0, (P - Q) / np.sqrt(np.where(den > 0, den, 1.0)), np.nan)
    empty = n == 0
    for a in (agree, S, kappa, pi, taub, d_obs):
        a[empty] = np.nan
    return {"n": np.where(empty, np.nan, n), "agree": agree, "S": S, "kappa": kappa, "pi": pi, "taub": taub}


def pair_tables(ind: list[np.ndarray], i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """ind[a]: (states x items) 0/1 matrix of 'state has level a on item'.
    Returns C (len(i), K, K) with C[p,a,b] = #items where state i[p] at a and j[p] at b."""
    K = len(ind)
    C = np.empty((len(i), K, K), dtype=np.float64)
    for a in range(K):
        for b in range(K):
            C[:, a, b] = (ind[a] @ ind[b].T)[i, j]
    return C


# -------------------------------------------------------------------- components

def build_universe(data: Path, yfrom: int, yto: int, directed: bool):
    s = pd.read_csv(data / "cow_states" / "cow_states.csv")
    s["st"] = days(s.styear, s.stmonth, s.stday)
    s["en"] = days(s.endyear, s.endmonth, s.endday)
    open_ = s.en.to_numpy() == s.en.max()  # spells open at the end of the data
    s.loc[open_, "endyear"] = LAST_YEAR
    s.loc[open_, "en"] = days([LAST_YEAR], [12], [31])[0]
    mem = expand_years(s[["ccode", "stateabb", "styear", "endyear", "st", "en"]], "styear", "endyear", yfrom, yto)
    jan1, dec31 = year_bounds(mem.year.to_numpy())
    mem["s"] = np.maximum(mem.st.to_numpy(), jan1)
    mem["e"] = np.minimum(mem.en.to_numpy(), dec31)
    mem = mem[mem.s <= mem.e][["ccode", "year", "s", "e"]].reset_index(drop=True)

    m = mem.merge(mem, on="year", suffixes=("1", "2"))
    keep = (m.ccode1.to_numpy() != m.ccode2.to_numpy()) & (
        np.maximum(m.s1.to_numpy(), m.s2.to_numpy()) <= np.minimum(m.e1.to_numpy(), m.e2.to_numpy()))
    if not directed:
        keep &= m.ccode1.to_numpy() < m.ccode2.to_numpy()
    u = (m.loc[keep, ["ccode1", "ccode2", "year"]].drop_duplicates()
         .sort_values(["ccode1", "ccode2", "year"]).reset_index(drop=True))
    u = u.astype({"ccode1": np.int64, "ccode2": np.int64, "year": np.int64})
    members = mem[["ccode", "year"]].drop_duplicates()  # states with >= 1 member day in the year
    abb = s.drop_duplicates("ccode").set_index("ccode")["stateabb"]
    return u, members, abb


def add_gwcodes(f, data):
    """Gleditsch-Ward codes of the two states: the crosswalk's `gw` code of each COW state on the
    last day of the year on which both were COW members, kept if that GW state has a day of GW
    membership in the year (open GW spells, ending 2017-12-31, run to LAST_YEAR)."""
    s = pd.read_csv(data / "cow_states" / "cow_states.csv")
    st, en = days(s.styear, s.stmonth, s.stday), days(s.endyear, s.endmonth, s.endday)
    en = np.where(en == en.max(), days([LAST_YEAR], [12], [31])[0], en)
    sp = pd.DataFrame({"ccode": s.ccode.to_numpy(np.int64), "st": st, "en": en})
    rows = pd.DataFrame({"row": np.arange(len(f)), "c1": f.ccode1.to_numpy(np.int64),
                         "c2": f.ccode2.to_numpy(np.int64), "year": f.year.to_numpy(np.int64)})
    rows["jan1"], rows["dec31"] = year_bounds(rows.year.to_numpy())
    m = (rows.merge(sp.rename(columns={"ccode": "c1", "st": "st1", "en": "en1"}), on="c1")
             .merge(sp.rename(columns={"ccode": "c2", "st": "st2", "en": "en2"}), on="c2"))
    lo = np.maximum.reduce([m.st1.to_numpy(), m.st2.to_numpy(), m.jan1.to_numpy()])
    hi = np.minimum.reduce([m.en1.to_numpy(), m.en2.to_numpy(), m.dec31.to_numpy()])
    m = m.assign(last=hi)[lo <= hi]
    last = m.groupby("row")["last"].max().reindex(np.arange(len(f))).to_numpy()
    x = load_crosswalk(CROSSWALK, schemes=("gw",))
    x = x.assign(g=x.code.astype(np.int64))[["ccode", "g", "from_d", "to_d"]]
    g = pd.read_csv(data / "gw_states" / "gw_states.csv")
    gst, gen = iso_days(g.startdate), iso_days(g.enddate)
    gen = np.where(gen == gen.max(), days([LAST_YEAR], [12], [31])[0], gen)
    gy = pd.DataFrame({"g": g.gwcode.to_numpy(np.int64), "sty": gst.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970,
                       "eny": gen.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970})
    gw_years = expand_years(gy, "sty", "eny", 1816, LAST_YEAR)[["g", "year"]].drop_duplicates()
    for side in ("1", "2"):
        q = pd.DataFrame({"row": np.arange(len(f)), "ccode": rows["c" + side].to_numpy(), "d": last,
                          "year": rows.year.to_numpy()})
        q = q.merge(x, on="ccode")
        q = q[(q.from_d <= q.d) & (q.d <= q.to_d)].merge(gw_years, on=["g", "year"])
        out = np.full(len(f), np.nan)
        out[q.row.to_numpy()] = q.g.to_numpy()
        f["gwcode" + side] = out


def add_majors(f, data):
    # v2024: the v2016 spells, the open ones running to 2024-12-31
    mj = pd.read_csv(data / "cow_majors_v2024" / "majors2024.csv")
    mj = expand_years(mj, "styear", "endyear", 0, 9999)
    k = np.unique(skey(mj.ccode, mj.year))
    f["cowmaj1"] = np.isin(skey(f.ccode1, f.year), k).astype(np.int64)
    f["cowmaj2"] = np.isin(skey(f.ccode2, f.year), k).astype(np.int64)


def add_nmc(f, data):
    n = pd.read_csv(data / "cow_nmc" / "cow_nmc.csv", usecols=["ccode", "year", "cinc"])
    k = skey(n.ccode, n.year)
    c1 = take(skey(f.ccode1, f.year), k, n.cinc)
    c2 = take(skey(f.ccode2, f.year), k, n.cinc)
    f["nmc_cinc1"], f["nmc_cinc2"] = c1, c2
    lo, hi = np.fmin(c1, c2), np.fmax(c1, c2)
    with np.errstate(divide="ignore", invalid="ignore"):
        f["nmc_capratio"] = np.where(np.isnan(c1) | np.isnan(c2) | (lo == 0), np.nan, hi / lo)


ATOP_COLS = ["atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"]


def add_atop(f, data, members):
    a = pd.read_csv(data / "atop_alliance" / "atop_alliance.csv")
    fk = dkey(f.ccode1, f.ccode2, f.year)
    ak = dkey(a.ccode1, a.ccode2, a.year)
    yr = f.year.to_numpy()
    covered = (yr >= 1815) & (yr <= 2018)
    for c in ATOP_COLS:
        v = take(fk, ak, a[c])
        f[c] = np.where(np.isnan(v) & covered, 0.0, v)

    # alliance portfolio similarity
    lev = np.select([(a.atop_defense == 1) | (a.atop_offense == 1),
                     (a.atop_neutral == 1) | (a.atop_consul == 1),
                     a.atop_nonagg == 1], [3, 2, 1], 0)
    a = a.assign(level=lev)
    out = {k: np.full(len(f), np.nan) for k in ("atop_s", "atop_kappa", "atop_pi", "atop_taub")}
    levels = np.arange(4, dtype=np.float64)
    a_by_year = {y: g for y, g in a[a.level > 0].groupby("year")}
    mem_by_year = {y: g.ccode.to_numpy() for y, g in members.groupby("year")}
    for y, rows in f.groupby("year").indices.items():
        if not (1815 <= y <= 2018):
            continue
        items = np.sort(mem_by_year[y])
        n = len(items)
        pos = pd.Index(items)
        L = np.zeros((n, n), dtype=np.int64)
        g = a_by_year.get(y)
        if g is not None:
            i = pos.get_indexer(g.ccode1.to_numpy())
            k = pos.get_indexer(g.ccode2.to_numpy())
            ok = (i >= 0) & (k >= 0)
            np.maximum.at(L, (i[ok], k[ok]), g.level.to_numpy()[ok])
            L = np.maximum(L, L.T)
        np.fill_diagonal(L, 3)
        ind = [(L == v).astype(np.float64) for v in range(4)]
        pi_ = pos.get_indexer(f.ccode1.to_numpy()[rows])
        pj_ = pos.get_indexer(f.ccode2.to_numpy()[rows])
        st = table_stats(pair_tables(ind, pi_, pj_), levels, 3.0)
        out["atop_s"][rows] = st["S"]
        out["atop_kappa"][rows] = st["kappa"]
        out["atop_pi"][rows] = st["pi"]
        out["atop_taub"][rows] = st["taub"]
    for k, v in out.items():
        f[k] = v


def add_mid(f, data, folder, prefix, last_year):
    m = pd.read_csv(data / folder / f"{folder}.csv")
    mk = dkey(m.ccode1, m.ccode2, m.year)
    fk = dkey(f.ccode1, f.ccode2, f.year)
    covered = f.year.to_numpy() <= last_year
    for src, dst in ((f"{prefix}ongoing", f"{prefix}_ongoing"), (f"{prefix}onset", f"{prefix}_onset")):
        v = take(fk, mk, m[src])
        f[dst] = np.where(np.isnan(v) & covered, 0.0, v)
    f[f"{prefix}_hostlev"] = take(fk, mk, m.hostlev)
    fat = take(fk, mk, m.fatality)
    f[f"{prefix}_fatality"] = np.where(fat == -9, np.nan, fat)
    f[f"{prefix}_dispnum"] = take(fk, mk, m.dispnum)  # the dyad-year's row (one per directed dyad-year)


def add_war(f, data):
    w = pd.read_csv(data / "cow_war_inter" / "cow_war_inter.csv")
    w = w.groupby(["ccode1", "ccode2", "year"], as_index=False)[["cowinterongoing", "cowinteronset"]].max()
    wk = dkey(w.ccode1, w.ccode2, w.year)
    fk = dkey(f.ccode1, f.ccode2, f.year)
    covered = f.year.to_numpy() <= 2007
    for src, dst in (("cowinterongoing", "cowwar_inter"), ("cowinteronset", "cowwar_onset")):
        v = take(fk, wk, w[src])
        f[dst] = np.where(np.isnan(v) & covered, 0.0, v)


def add_rivalry(f, data, path, st, en, col, last_year):
    r = pd.read_csv(data / path)
    r = expand_years(r, st, en, 1000, 3000)
    lo = np.minimum(r.ccode1, r.ccode2)
    hi = np.maximum(r.ccode1, r.ccode2)
    k = np.unique(dkey(lo, hi, r.year))
    c1, c2 = f.ccode1.to_numpy(), f.ccode2.to_numpy()
    hit = np.isin(dkey(np.minimum(c1, c2), np.maximum(c1, c2), f.year), k)
    f[col] = np.where(hit, 1.0, np.where(f.year.to_numpy() <= last_year, 0.0, np.nan))


def add_trade(f, data):
    t = pd.read_csv(data / "cow_trade_ndy" / "cow_trade_ndy.csv", usecols=["ccode1", "ccode2", "year", "flow1", "flow2"])
    sy = pd.read_csv(data / "cow_trade_sy" / "cow_trade_sy.csv")
    c1, c2, y = f.ccode1.to_numpy(), f.ccode2.to_numpy(), f.year.to_numpy()
    lo, hi = np.minimum(c1, c2), np.maximum(c1, c2)
    tk = dkey(t.ccode1, t.ccode2, t.year)
    fk = dkey(lo, hi, y)
    fl_lo = take(fk, tk, t.flow1)  # imports of lo from hi
    fl_hi = take(fk, tk, t.flow2)  # imports of hi from lo
    swap = c1 > c2
    tf1 = np.where(swap, fl_hi, fl_lo)
    tf2 = np.where(swap, fl_lo, fl_hi)
    out = (y < 1870) | (y > 2014)
    tf1[out] = np.nan
    tf2[out] = np.nan
    f["trade_flow1"], f["trade_flow2"] = tf1, tf2
    sk = skey(sy.ccode, sy.year)
    tot = (sy.imports + sy.exports).to_numpy()
    num = tf1 + tf2
    for c, col in ((c1, "trade_dep1"), (c2, "trade_dep2")):
        d = take(skey(c, y), sk, tot)
        with np.errstate(divide="ignore", invalid="ignore"):
            f[col] = np.where(d == 0, np.nan, num / d)


def add_contiguity(f, data):
    c = pd.read_csv(data / "cow_contdir" / "cow_contdir.csv")
    c = c[c.conttype >= 1].copy()
    c["sty"] = c.stdate.str[:4].astype(np.int64)
    c["eny"] = c.enddate.str[:4].astype(np.int64)
    c["lo"] = np.minimum(c.ccode1, c.ccode2)
    c["hi"] = np.maximum(c.ccode1, c.ccode2)
    e = expand_years(c, "sty", "eny", 1000, 3000)
    e = e.groupby(["lo", "hi", "year"], as_index=False).conttype.min()
    c1, c2, y = f.ccode1.to_numpy(), f.ccode2.to_numpy(), f.year.to_numpy()
    lo, hi = np.minimum(c1, c2), np.maximum(c1, c2)
    ek = dkey(e.lo, e.hi, e.year)
    v = take(dkey(lo, hi, y), ek, e.conttype)
    v = np.where(np.isnan(v), 0.0, v)
    # politically relevant: contiguous (types 1-5) or a COW major power on either side;
    # past 2016 (the end of COW contiguity) the dyad's 2016 type is carried forward
    carried = y > CONT_LAST
    v16 = take(dkey(lo, hi, np.full(len(y), CONT_LAST)), ek, e.conttype)
    v16 = np.where(np.isnan(v16), 0.0, v16)
    ct = np.where(carried, v16, v)
    major = (f.cowmaj1.to_numpy() == 1) | (f.cowmaj2.to_numpy() == 1)
    f["prd"] = (((ct >= 1) & (ct <= 5)) | major).astype(np.int64)
    f["prd_carried"] = carried.astype(np.int64)
    v[(y < 1816) | (y > CONT_LAST)] = np.nan
    f["cow_conttype"] = v


def add_capdist(f, data):
    cap = pd.read_csv(data / "cow_capitals" / "cow_capitals.csv")
    cap["st"] = iso_days(cap.stdate)
    cap["en"] = iso_days(cap.enddate)
    cap["sty"] = cap.stdate.str[:4].astype(np.int64)
    cap["eny"] = cap.enddate.str[:4].astype(np.int64)
    e = expand_years(cap, "sty", "eny", 1000, 3000)
    _, dec31 = year_bounds(e.year.to_numpy())
    e["has_dec31"] = (e.st.to_numpy() <= dec31) & (dec31 <= e.en.to_numpy())
    # containing Dec 31 wins; otherwise the latest stdate among rows overlapping the year
    e = e.sort_values(["ccode", "year", "has_dec31", "st"]).drop_duplicates(["ccode", "year"], keep="last")
    k = skey(e.ccode, e.year)
    y = f.year.to_numpy()
    lat1 = np.radians(take(skey(f.ccode1, y), k, e.lat))
    lng1 = np.radians(take(skey(f.ccode1, y), k, e.lng))
    lat2 = np.radians(take(skey(f.ccode2, y), k, e.lat))
    lng2 = np.radians(take(skey(f.ccode2, y), k, e.lng))
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lng2 - lng1) / 2) ** 2
    f["capdist"] = 2.0 * 6371.0 * np.arcsin(np.sqrt(np.minimum(h, 1.0)))


def add_mindist(f, data):
    m = pd.read_csv(data / "cow_mindist" / "cow_mindist.csv.gz")
    f["cow_mindist"] = take_either(f.ccode1.to_numpy(), f.ccode2.to_numpy(), f.year.to_numpy(),
                                   dkey(m.ccode1, m.ccode2, m.year), m.mindist)


def add_igo(f, data):
    g = pd.read_csv(data / "cow_igo_ndy" / "cow_igo_ndy.csv")
    f["igo_shared"] = take_either(f.ccode1.to_numpy(), f.ccode2.to_numpy(), f.year.to_numpy(),
                                  dkey(g.ccode1, g.ccode2, g.year), g.dyadigos)


def add_democracy(f, data):
    d = pd.read_csv(data / "ccode_democracy" / "ccode_democracy.csv", keep_default_na=False, na_values=[""])
    k = skey(d.ccode, d.year)
    k1, k2 = skey(f.ccode1, f.year), skey(f.ccode2, f.year)
    for src, a, b, dist in (("v2x_polyarchy", "dem_polyarchy1", "dem_polyarchy2", "dem_polyarchy_dist"),
                            ("polity2", "dem_polity2_1", "dem_polity2_2", "dem_polity2_dist"),
                            ("xm_qudsest", "dem_uds1", "dem_uds2", "dem_uds_dist")):
        v1, v2 = take(k1, k, d[src]), take(k2, k, d[src])
        f[a], f[b], f[dist] = v1, v2, np.abs(v1 - v2)


def load_crosswalk(path: Path, schemes=("un", "iso2")) -> pd.DataFrame:
    x = pd.read_csv(path, comment="#", dtype=str, keep_default_na=False)
    x = x[x.scheme.isin(list(schemes))].copy()
    x["ccode"] = x.ccode.astype(np.int64)
    x["from_d"] = np.where(x["from"] == "", np.iinfo(np.int64).min, 0)
    x["to_d"] = np.where(x["to"] == "", np.iinfo(np.int64).max, 0)
    has_from, has_to = x["from"] != "", x["to"] != ""
    x.loc[has_from, "from_d"] = iso_days(x.loc[has_from, "from"])
    x.loc[has_to, "to_d"] = iso_days(x.loc[has_to, "to"])
    x["order"] = np.arange(len(x))
    return x


def map_votes(v: pd.DataFrame, xw: pd.DataFrame) -> np.ndarray:
    """COW code of each vote on its roll-call date (-1 = unmapped)."""
    res = np.full(len(v), -1, dtype=np.int64)
    vv = pd.DataFrame({"row": np.arange(len(v)), "name": v.country.str.lower().to_numpy(),
                       "iso": v.country_code.to_numpy(), "d": v.d.to_numpy()})
    for scheme, col in (("un", "name"), ("iso2", "iso")):
        x = xw[xw.scheme == scheme]
        x = x.assign(key=x.code.str.lower() if scheme == "un" else x.code)
        todo = vv[res[vv.row.to_numpy()] < 0]
        if scheme == "iso2":
            todo = todo[todo.iso != ""]
        m = todo.merge(x[["key", "ccode", "from_d", "to_d", "order"]], left_on=col, right_on="key")
        m = m[(m.from_d <= m.d) & (m.d <= m.to_d)].sort_values("order").drop_duplicates("row")
        res[m.row.to_numpy()] = m.ccode.to_numpy()
    return res


def member_on_day(v: pd.DataFrame, data: Path) -> np.ndarray:
    """Whether each vote's state was a COW member on the vote's day (spells
    ending on the last day of the membership data are open)."""
    s = pd.read_csv(data / "cow_states" / "cow_states.csv")
    st = pd.to_datetime(dict(year=s.styear, month=s.stmonth, day=s.stday)).to_numpy().astype("datetime64[D]").astype(np.int64)
    en = pd.to_datetime(dict(year=s.endyear, month=s.endmonth, day=s.endday)).to_numpy().astype("datetime64[D]").astype(np.int64)
    en = np.where(en == en.max(), np.iinfo(np.int64).max, en)
    spells = pd.DataFrame({"ccode": s.ccode.to_numpy(np.int64), "st": st, "en": en})
    m = pd.DataFrame({"row": np.arange(len(v)), "ccode": v.ccode.to_numpy(np.int64), "d": v.d.to_numpy()}).merge(spells, on="ccode")
    ok = m[(m.st <= m.d) & (m.d <= m.en)].row.unique()
    out = np.zeros(len(v), dtype=bool)
    out[ok] = True
    return out


def add_unvotes(f, data):
    v = pd.read_csv(data / "unvotes" / "un_votes.csv", dtype=str, keep_default_na=False)
    rc = pd.read_csv(data / "unvotes" / "un_roll_calls.csv", usecols=["rcid", "date"], dtype=str, keep_default_na=False)
    rc_d = pd.Series(iso_days(rc.date), index=rc.rcid.to_numpy())
    v["d"] = rc_d.reindex(v.rcid.to_numpy()).to_numpy()
    v["ccode"] = map_votes(v, load_crosswalk(CROSSWALK))
    v["code"] = v.vote.map({"yes": 1, "abstain": 2, "no": 3})
    v["year"] = v.d.to_numpy().astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
    unmapped = v[v.ccode < 0]
    if len(unmapped):
        log(f"unvotes: {len(unmapped)} votes not mapped to a COW code: "
            f"{unmapped.country.value_counts().head(10).to_dict()}")
    v = v[(v.ccode >= 0) & v.code.notna()]
    member = member_on_day(v, data)
    log(f"unvotes: {int((~member).sum())} votes cast while the state was not a COW member (dropped)")
    v = v[member]
    dup = v.duplicated(["rcid", "ccode"], keep=False)
    if dup.any():
        log(f"unvotes: {dup.sum()} votes share (rcid, ccode); the first is kept")
        v = v.drop_duplicates(["rcid", "ccode"])
    out = {k: np.full(len(f), np.nan) for k in ("un_nvotes", "un_agree", "un_s", "un_kappa", "un_pi")}
    levels = np.array([1.0, 2.0, 3.0])
    v_by_year = {y: g for y, g in v.groupby("year")}
    for y, rows in f.groupby("year").indices.items():
        g = v_by_year.get(y)
        if g is None:
            continue
        states = pd.Index(np.unique(g.ccode.to_numpy()))
        rcs = pd.Index(np.unique(g.rcid.to_numpy()))
        si, ri = states.get_indexer(g.ccode.to_numpy()), rcs.get_indexer(g.rcid.to_numpy())
        code = g.code.to_numpy().astype(np.int64)
        ind = []
        for lev in (1, 2, 3):
            M = np.zeros((len(states), len(rcs)))
            sel = code == lev
            M[si[sel], ri[sel]] = 1.0
            ind.append(M)
        pi_ = states.get_indexer(f.ccode1.to_numpy()[rows])
        pj_ = states.get_indexer(f.ccode2.to_numpy()[rows])
        ok = (pi_ >= 0) & (pj_ >= 0)
        if not ok.any():
            continue
        st = table_stats(pair_tables(ind, pi_[ok], pj_[ok]), levels, 2.0)
        r = rows[ok]
        out["un_nvotes"][r] = st["n"]
        out["un_agree"][r] = st["agree"]
        out["un_s"][r] = st["S"]
        out["un_kappa"][r] = st["kappa"]
        out["un_pi"][r] = st["pi"]
    for k, val in out.items():
        f[k] = val


def add_bsv(f, data, abb):
    b = pd.read_csv(data / "un_ideal_points_bsv" / "unvoting_idealpoints.csv", keep_default_na=False, na_values=[""])
    # The file writes South Sudan "SSUD"; every other abbreviation is COW's.
    # Match it by name to the COW abbreviation, as ordo does.
    cow = pd.read_csv(data / "cow_states" / "cow_states.csv").drop_duplicates("ccode")
    by_name = dict(zip(cow.statenme, cow.stateabb))
    unknown = ~b.CountryAbb.isin(set(cow.stateabb))
    b.loc[unknown, "CountryAbb"] = b.loc[unknown, "CountryName"].map(by_name).fillna(b.loc[unknown, "CountryAbb"])
    b = b[~b.duplicated(["Year", "CountryAbb"], keep=False)]  # ambiguous (NAU 2000-2012) -> NaN
    bk = pd.Index(b.CountryAbb.astype(str) + ":" + b.Year.astype(str))
    vals = b.idealpoint.to_numpy(np.float64)
    y = f.year.astype(str).to_numpy()
    res = []
    for c in (f.ccode1, f.ccode2):
        k = abb.reindex(c.to_numpy()).to_numpy().astype(str)
        idx = bk.get_indexer(np.char.add(np.char.add(k, ":"), y))
        r = np.full(len(f), np.nan)
        r[idx >= 0] = vals[idx[idx >= 0]]
        res.append(r)
    f["bsv_ideal1"], f["bsv_ideal2"] = res
    f["bsv_distance"] = np.abs(res[0] - res[1])


# ------------------------------------------------------- issue 19: new columns

def add_state_pair(f, k, values, name) -> None:
    """f[name1], f[name2] = the state-year value (table keys k = skey) of ccode1 / ccode2."""
    y = f.year.to_numpy()
    f[f"{name}1"] = take(skey(f.ccode1, y), k, values)
    f[f"{name}2"] = take(skey(f.ccode2, y), k, values)


def add_nmc_components(f, data):
    cols = ["milex", "milper", "irst", "pec", "tpop", "upop"]
    n = pd.read_csv(data / "cow_nmc" / "cow_nmc.csv", usecols=["ccode", "year"] + cols)
    k = skey(n.ccode, n.year)
    for c in cols:
        v = n[c].to_numpy(np.float64)
        v = np.where(v == -9, np.nan, v)  # empty or -9 = missing
        add_state_pair(f, k, v, f"nmc_{c}")


def add_sdp(f, data):
    s = pd.read_csv(data / "cow_sdp_gdp" / "cow_sdp_gdp.csv")
    k = skey(s.ccode, s.year)
    for src, name in (("wbgdp2011est", "sdp_gdp"), ("wbpopest", "sdp_pop"),
                      ("sdpest", "sdp_sdp"), ("wbgdppc2011est", "sdp_gdppc")):
        add_state_pair(f, k, s[src], name)


def add_terrthreat(f, data):
    t = pd.read_csv(data / "terrthreat" / "terrthreat.csv", usecols=["ccode", "year", "lterrthreat"])
    add_state_pair(f, skey(t.ccode, t.year), t.lterrthreat, "terr_threat")


def add_creg(f, data):
    c = pd.read_csv(data / "creg" / "creg.csv")
    # a (ccode, year) listed several times: the row whose creg_ccode is the ccode
    dup = c.duplicated(["ccode", "year"], keep=False)
    keep = ~dup | (c.creg_ccode == c.ccode)
    c = c[keep]
    left = c.duplicated(["ccode", "year"], keep=False)  # none or several rows with creg_ccode == ccode
    log(f"creg: {int(dup.sum())} rows share a (ccode, year); {int((~keep).sum())} with creg_ccode != ccode "
        f"dropped; {int(left.sum())} still ambiguous (missing)")
    c = c[~left]
    k = skey(c.ccode, c.year)
    add_state_pair(f, k, c.ethfrac, "creg_ethfrac")
    add_state_pair(f, k, c.relfrac, "creg_relfrac")


def add_hief(f, data):
    h = pd.read_csv(data / "hief" / "hief.csv")
    n0 = len(h)
    h = h.drop_duplicates()  # identical duplicate rows collapse
    amb = h.duplicated(["ccode", "year"], keep=False)
    if amb.any():
        # not covered by the spec: differing rows for one state-year -> missing (as for BSV)
        log(f"hief: {n0 - len(h)} identical duplicate rows collapsed; {int(amb.sum())} differing rows for "
            f"{h[amb].drop_duplicates(['ccode', 'year'])[['ccode', 'year']].to_numpy().tolist()} (missing)")
    h = h[~amb]
    add_state_pair(f, skey(h.ccode, h.year), h.efindex, "hief_efindex")


ARCHIGOS_YEARS = (1870, 2015)


def add_archigos(f, data):
    """Leader turnover of ccode1 / ccode2 from the Archigos yearly summaries (GW-coded).

    A COW state-year reads the summary row of each GW code that the crosswalk's `gw` rows give
    the state on one of its COW member days of the year. One GW code: that row. Several (COW 345
    in 2006: GW 345 until 4 June, GW 340 from 5 June), in the order they begin: a transition if
    any row has one or the person on 31 December of one differs from the person on 1 January of
    the next; irregular if any row is; the leaders are counted once each (the persons, `leadid`,
    of the GW codes' leader spells overlapping the year). A GW code without a summary row for the
    year adds nothing (COW 345 in 1918 reads GW 345 alone: GW 340, Serbia, has no row after 1915).
    NULL outside 1870-2015 and where none of the GW codes has a row."""
    lo_y, hi_y = ARCHIGOS_YEARS
    s = pd.read_csv(data / "cow_states" / "cow_states.csv")
    st, en = days(s.styear, s.stmonth, s.stday), days(s.endyear, s.endmonth, s.endday)
    en = np.where(en == en.max(), days([LAST_YEAR], [12], [31])[0], en)  # open spells
    sp = pd.DataFrame({"ccode": s.ccode.to_numpy(np.int64), "st": st, "en": en,
                       "sty": s.styear.to_numpy(np.int64),
                       "eny": np.where(en == en.max(), LAST_YEAR, s.endyear.to_numpy(np.int64))})
    sy = expand_years(sp, "sty", "eny", lo_y, hi_y)
    jan1, dec31 = year_bounds(sy.year.to_numpy())
    sy["s"] = np.maximum(sy.st.to_numpy(), jan1)  # member days of the spell within the year
    sy["e"] = np.minimum(sy.en.to_numpy(), dec31)
    sy = sy[sy.s <= sy.e]
    x = load_crosswalk(CROSSWALK, schemes=("gw",))
    x = x.assign(g=x.code.astype(np.int64))[["ccode", "g", "from_d", "to_d"]]
    m = sy.merge(x, on="ccode")
    m["a"] = np.maximum(m.s.to_numpy(), m.from_d.to_numpy())
    m["b"] = np.minimum(m.e.to_numpy(), m.to_d.to_numpy())
    m = m[m.a <= m.b]
    # (ccode, year, g), ordered by the first member day the GW code covers
    cg = (m.groupby(["ccode", "year", "g"], as_index=False).a.min()
          .sort_values(["ccode", "year", "a"]).reset_index(drop=True))

    a = pd.read_csv(data / "archigossums" / "archigossums.csv", dtype={"jan1obsid": str, "dec31obsid": str},
                    keep_default_na=False, na_values=[""])
    a = a[a.n_leaders.notna()]
    assert not a.duplicated(["gwcode", "year"]).any()
    cg = cg.merge(a.rename(columns={"gwcode": "g"}), on=["g", "year"], how="left")

    # persons behind the obsids, and the persons of each GW code's leader spells per year
    L = pd.read_csv(data / "archigos" / "archigos.csv", usecols=["obsid", "gwcode", "leadid", "startdate", "enddate"],
                    dtype=str, keep_default_na=False)
    person = dict(zip(L.obsid, L.leadid))
    L = L.assign(g=L.gwcode.astype(np.int64),
                 sty=pd.to_datetime(L.startdate).dt.year.to_numpy(np.int64),
                 eny=pd.to_datetime(L.enddate).dt.year.to_numpy(np.int64))
    multi = cg[cg.duplicated(["ccode", "year"], keep=False)]
    leaders_of = {}
    if len(multi):
        ly = expand_years(L[L.g.isin(multi.g.unique())], "sty", "eny", lo_y, hi_y)
        leaders_of = {k: set(v.leadid) for k, v in ly.groupby(["g", "year"])}

    one = cg[~cg.duplicated(["ccode", "year"], keep=False) & cg.n_leaders.notna()]
    rows = [pd.DataFrame({"ccode": one.ccode, "year": one.year, "tr": one.leadertransition,
                          "irr": one.irregular, "n": one.n_leaders})]
    for (c, y), grp in multi.groupby(["ccode", "year"], sort=False):
        have = grp[grp.n_leaders.notna()]
        if len(have) < len(grp):
            # not in the spec: a GW code without a summary row (GW 340 in 1918, Serbia being no GW
            # state 1915-1918) contributes nothing, as days outside the summaries; NULL if none has one
            log(f"archigos: COW {c} in {y} maps to GW {grp.g.tolist()}; only {have.g.tolist()} in the summaries")
            grp = have
        if len(grp) == 0:
            continue
        if len(grp) == 1:
            r = grp.iloc[0]
            rows.append(pd.DataFrame({"ccode": [c], "year": [y], "tr": [r.leadertransition],
                                      "irr": [r.irregular], "n": [r.n_leaders]}))
            continue
        tr = bool((grp.leadertransition == 1).any())
        dec = grp.dec31obsid.to_numpy()[:-1]
        jan = grp.jan1obsid.to_numpy()[1:]
        tr |= any(person.get(d, d) != person.get(j, j) for d, j in zip(dec, jan))
        irr = bool((grp.irregular == 1).any())
        n = len(set().union(*(leaders_of.get((g, y), set()) for g in grp.g)))
        log(f"archigos: COW {c} in {y} reads GW {grp.g.tolist()}: transition {int(tr)}, irregular {int(irr)}, "
            f"{n} leaders (rows say {grp.n_leaders.astype(int).tolist()})")
        rows.append(pd.DataFrame({"ccode": [c], "year": [y], "tr": [int(tr)], "irr": [int(irr)], "n": [n]}))
    t = pd.concat(rows, ignore_index=True)
    k = skey(t.ccode, t.year)
    add_state_pair(f, k, t.tr.astype(np.float64), "archigos_transition")
    add_state_pair(f, k, t.irr.astype(np.float64), "archigos_irregular")
    add_state_pair(f, k, t.n.astype(np.float64), "archigos_nleaders")


def gw_to_cow(gw, year, xw: pd.DataFrame) -> pd.DataFrame:
    """COW code(s) of GW code gw[i] in year[i]: the crosswalk 'gw' rows with that code valid on
    31 December, else those valid on 1 January. Returns (row, ccode) pairs; a row may have 0 or more."""
    x = xw[xw.scheme == "gw"]
    x = x.assign(g=x.code.astype(np.int64))[["g", "ccode", "from_d", "to_d"]]
    q = pd.DataFrame({"row": np.arange(len(gw)), "g": np.asarray(gw, dtype=np.int64),
                      "year": np.asarray(year, dtype=np.int64)})
    q["jan1"], q["dec31"] = year_bounds(q.year.to_numpy())
    m = q.merge(x, on="g")
    m["v31"] = (m.from_d <= m.dec31) & (m.dec31 <= m.to_d)
    m["v1"] = (m.from_d <= m.jan1) & (m.jan1 <= m.to_d)
    has31 = m.groupby("row").v31.transform("any").to_numpy()
    m = m[np.where(has31, m.v31, m.v1)]
    return m[["row", "ccode"]].reset_index(drop=True)


def add_ucdp_interstate(f, data):
    u = pd.read_csv(data / "ucdp_acd" / "ucdp_acd.csv", dtype=str, keep_default_na=False,
                    usecols=["conflict_id", "year", "gwno_a", "gwno_b", "type_of_conflict"])
    u = u[u.type_of_conflict == "interstate"]
    xw = load_crosswalk(CROSSWALK, schemes=("gw",))
    sides = {}
    for side in ("gwno_a", "gwno_b"):
        s = u[u[side] != ""]
        s = pd.DataFrame({"cid": s.conflict_id.to_numpy(), "year": s.year.to_numpy(np.int64),
                          "gw": s[side].to_numpy(np.int64)})
        m = gw_to_cow(s.gw.to_numpy(), s.year.to_numpy(), xw)
        miss = np.setdiff1d(np.arange(len(s)), m.row.to_numpy())
        if len(miss):
            log(f"ucdp interstate: {len(miss)} {side} rows not attributed to a COW state: "
                f"{s.iloc[miss][['gw', 'year']].drop_duplicates().to_numpy().tolist()[:10]}")
        sides[side] = s.iloc[m.row.to_numpy()][["cid", "year"]].assign(ccode=m.ccode.to_numpy()).drop_duplicates()
    p = sides["gwno_a"].merge(sides["gwno_b"], on=["cid", "year"], suffixes=("a", "b"))
    p = p[p.ccodea != p.ccodeb]
    k = np.unique(dkey(np.minimum(p.ccodea, p.ccodeb), np.maximum(p.ccodea, p.ccodeb), p.year))
    c1, c2, y = f.ccode1.to_numpy(), f.ccode2.to_numpy(), f.year.to_numpy()
    hit = np.isin(dkey(np.minimum(c1, c2), np.maximum(c1, c2), y), k)
    f["ucdp_interstate"] = np.where(hit, 1.0, np.where((y >= 1946) & (y <= 2024), 0.0, np.nan))


# -------------------------------------------------------------------------- main

def build(data: Path, yfrom: int, yto: int, directed: bool) -> pd.DataFrame:
    steps = []

    def step(name, fn, *a):
        t0 = time.perf_counter()
        r = fn(*a)
        steps.append((name, time.perf_counter() - t0))
        return r

    f, members, abb = step("universe", build_universe, data, yfrom, yto, directed)
    step("gw codes", add_gwcodes, f, data)
    step("majors", add_majors, f, data)
    step("nmc", add_nmc, f, data)
    step("atop", add_atop, f, data, members)
    step("cow mid", add_mid, f, data, "cow_mid_ddydisps", "cowmid", 2014)
    step("gml mid", add_mid, f, data, "gml_mid_ddydisps", "gmlmid", 2010)
    step("war", add_war, f, data)
    step("td rivalry", add_rivalry, f, data, "td_rivalries/td_rivalries.csv", "styear", "endyear", "td_rivalry", 2010)
    step("tss rivalry", add_rivalry, f, data, "tss_rivalries/tss_rivalries.csv", "start", "end", "tss_rivalry", 2020)
    step("trade", add_trade, f, data)
    step("contiguity", add_contiguity, f, data)
    step("capdist", add_capdist, f, data)
    step("mindist", add_mindist, f, data)
    step("igo", add_igo, f, data)
    step("democracy", add_democracy, f, data)
    step("unvotes", add_unvotes, f, data)
    step("bsv", add_bsv, f, data, abb)
    step("nmc components", add_nmc_components, f, data)
    step("sdp", add_sdp, f, data)
    step("terrthreat", add_terrthreat, f, data)
    step("creg", add_creg, f, data)
    step("hief", add_hief, f, data)
    step("archigos", add_archigos, f, data)
    step("grh arms races", add_rivalry, f, data, "grh_arms_races/grh_arms_races.csv", "styear", "endyear", "grh_armsrace", 1993)
    step("ucdp interstate", add_ucdp_interstate, f, data)
    log("  " + ", ".join(f"{n} {t:.2f}s" for n, t in steps))
    f = f[COLUMNS]
    for c in INT_COLUMNS:
        col = f[c]
        if col.dtype.kind == "f":
            assert np.all(np.isnan(col) | (col == np.round(col))), c
        f[c] = col.astype("Int64")
    return f


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"data directory (default {DEFAULT_DATA})")
    ap.add_argument("--from", dest="yfrom", type=int, default=1816)
    ap.add_argument("--to", dest="yto", type=int, default=2016)
    ap.add_argument("--directed", action="store_true", help="directed dyads (both orders)")
    ap.add_argument("--out", type=Path, required=True, help="output CSV")
    args = ap.parse_args(argv)

    t0 = T_START
    f = build(args.data, args.yfrom, args.yto, args.directed)
    t1 = time.perf_counter()
    f.to_csv(args.out, index=False, na_rep="")
    t2 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    log(f"rows {len(f)}  build {t1 - t0:.2f}s  write {t2 - t1:.2f}s")
    log(f"wall time {t2 - t0:.2f}s  peak memory {peak / 1024:.1f} MiB (ru_maxrss {peak} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
