#!/usr/bin/env python3
"""Deterministic generator of synthetic Phoenix event rows, in the two
layouts `ordo ingest phoenix` reads (docs/events.md):

  --layout cline  Cline Center Historical Phoenix (NYT 1945-2005, SWB
                  1979-2015, FBIS 1995-2004): comma-separated, a header of
                  the 25 columns `eid` ... `process`, `story_date` m/d/yyyy,
                  CSV quoting where a field holds a comma or a quote.
                  Default dates: 1979-01 over 444 months (SWB's span).
  --layout oeda   OEDA Phoenix daily files (events.full.YYYYMMDD.txt):
                  tab-separated, no header, 26 positional fields, string ids
                  `<n>_v0.1.0`, date YYYYMMDD, the merged reports' story ids,
                  URLs and source names `;`-joined. Use --start 2014-06
                  --months 60 for OEDA's span.

Value model (synthetic, shaped like the released files, not copied):
  * Actor roots are CAMEO country codes from ordo's crosswalk
    (crates/states/data/crosswalk.csv) valid on the event's day (SUN for
    the USSR to 1991-12-25, YUG/SCG, DEU, YEM by their dated spells), with
    Zipf-like popularity (USA, GBR, RUS, CHN, ...); ~6% of sides are IGOs or
    regions (IGO, EUR, AFR, MEA, ...: no state) and ~3% have no root.
    Agents GOV, MIL, REB, OPP, COP, ... or none (a bare country); the full
    code is root+agent (`USAGOV`), sometimes with others (`ELI`).
  * `code` the official CAMEO 3/4-digit codes with a news-like mix,
    `root_code` its root, `quad_class` Phoenix's 0-4 of the root
    (phoenix_pipeline postprocess.py), `goldstein` CAMEO's value.
  * Issues (`NUCLEAR,2;ECONOMY,1`), coordinates and place names on part of
    the rows; some place names and issues hold commas (quoted in Cline).
  * --lost-zero writes codes without their leading zero (`42` for `042`),
    as integer-typed copies of the Cline files do (ordo repairs them).

Every row is valid for `ordo ingest phoenix`: all rows are stored.

Usage:
  python3 bench/gen_phoenix.py --layout cline --size 1G --seed 42 --out phoenix.csv
  python3 bench/gen_phoenix.py --layout oeda --size 1G --seed 42 --start 2014-06 --months 60 --out events.full.txt
"""
import argparse
import datetime as dt
import sys

import numpy as np

import gen_common as gc

CLINE_HEADER = ("eid,story_date,year,month,day,source,source_root,source_agent,source_others,"
                "target,target_root,target_agent,target_others,code,root_code,quad_class,goldstein,"
                "joined_issues,lat,lon,placename,statename,countryname,aid,process\n")
AGENTS = [("GOV", 0.34), ("", 0.24), ("MIL", 0.08), ("REB", 0.04), ("OPP", 0.04), ("BUS", 0.04),
          ("CVL", 0.05), ("MED", 0.03), ("JUD", 0.02), ("LEG", 0.03), ("COP", 0.04), ("SPY", 0.01),
          ("EDU", 0.01), ("REF", 0.01), ("IGO", 0.01), ("HLH", 0.01)]
NO_STATE = ["IGO", "EUR", "AFR", "MEA", "ASA", "SAM", "LAM", "WST", "SAS", "SEA", "NAF", "WAF",
            "EAF", "BLK", "CAU", "PGS"]
ISSUES = ["NUCLEAR", "ECONOMY", "REFUGEES", "ELECTIONS", "TERRORISM", "HUMAN_RIGHTS",
          "AGRICULTURE", "HEALTH", "DRUGS", "OIL", "TRADE", "DISASTER"]
NEWS = ["Reuters", "AFP", "Associated Press", "BBC Monitoring", "Xinhua", "Al Jazeera",
        "Deutsche Welle", "The Guardian", "New York Times", "Washington Post", "ITAR-TASS",
        "Kyodo", "Yonhap", "Anadolu", "Times of India", "Dawn", "Daily Nation", "Jerusalem Post"]
SYL = ["an", "ar", "be", "ca", "da", "el", "fa", "go", "ha", "il", "jo", "ka", "li", "ma", "na",
       "ol", "pe", "ra", "sa", "ta", "ul", "vi", "wa", "ya", "za", "mir", "kov", "son", "ez"]


def phoenix_quad(root):
    """Phoenix's quad class of a CAMEO root (0 neutral)."""
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13 or root == 16:
        return 3
    return 4


class Vocab:
    def __init__(self, layout, start, months, lost_zero):
        rng = np.random.default_rng(20240602)
        self.layout = layout
        names = gc.english_names()
        d0, ndays = gc.months_days(start, months)
        self.ndays = ndays
        days = [d0 + dt.timedelta(days=i) for i in range(ndays)]
        self.states = gc.states("cameo")
        nc = len(self.states)
        self.country_p = gc.zipf_weights(nc, 1.05)
        self.codes = sorted({c for _, sp in self.states for c, _, _ in sp} | set(NO_STATE))
        cidx = {c: i for i, c in enumerate(self.codes)}
        self.empty_code = len(self.codes)
        self.codes.append("")
        # the code of each state on each day (-1: none that day)
        self.code_day = np.full((nc, ndays), -1, dtype=np.int32)
        for i, (_cow, spells) in enumerate(self.states):
            edges = sorted({d0} | {a for _, a, _ in spells if d0 < a < days[-1]}
                           | {b + dt.timedelta(days=1) for _, _, b in spells if d0 < b < days[-1]})
            edges.append(days[-1] + dt.timedelta(days=1))
            for a, b in zip(edges, edges[1:]):
                c = gc.code_on(spells, a)
                if c is not None:
                    self.code_day[i, (a - d0).days:(b - d0).days] = cidx[c]
        self.no_state = np.array([cidx[c] for c in NO_STATE])
        self.agents = [a for a, _ in AGENTS]
        self.agent_p = np.array([p for _, p in AGENTS])
        self.agent_p /= self.agent_p.sum()

        ev, self.ev_p = gc.cameo_codes()
        self.ev = []
        for code, root, gold in ev:
            written = code.lstrip("0") if lost_zero else code
            self.ev.append((written, root, phoenix_quad(root), gold))

        self.mdy = [f"{d.month}/{d.day}/{d.year}" for d in days]
        self.ymd = [d.strftime("%Y%m%d") for d in days]
        self.ydm = [(str(d.year), str(d.month), str(d.day)) for d in days]
        self.ydm2 = [(str(d.year), f"{d.month:02d}", f"{d.day:02d}") for d in days]

        def word():
            return "".join(rng.choice(SYL, size=int(rng.integers(2, 4)))).capitalize()

        # places per state: (lat, lon, placename, statename, countryname)
        self.places = []
        for cow, _sp in self.states:
            cname = names.get(cow, "Unknown")
            lat0, lon0 = rng.uniform(-40, 60), rng.uniform(-120, 150)
            mine = []
            for k in range(5):
                state = f"{word()}"
                place = word() if k else f"{word()}, {state}"  # some names hold a comma
                mine.append((f"{lat0 + rng.uniform(-3, 3):.4f}", f"{lon0 + rng.uniform(-3, 3):.4f}",
                             place, state, cname))
            self.places.append(mine)
        issues = []
        for _ in range(300):
            k = int(rng.integers(1, 3))
            issues.append(";".join(f"{i},{int(rng.integers(1, 4))}"
                                   for i in rng.choice(ISSUES, size=k, replace=False)))
        self.issues = issues
        self.domains = [f"www.{word().lower()}.{tld}" for tld in ("com", "org", "net", "co.uk")
                        for _ in range(60)]


def quote(s):
    if "," in s or '"' in s:
        return '"' + s.replace('"', '""') + '"'
    return s


def actor(countries, agents, country, agent, other):
    """One side's (root, agent, others): no agent without a country, no
    `ELI` without an agent."""
    root = countries[country]
    ag = agents[agent] if root else ""
    return root, ag, "ELI" if other and ag else ""


def gen_chunk(V, seed, chunk_idx, n, first):
    rng = np.random.default_rng(np.random.SeedSequence([seed, chunk_idx]))
    nc = len(V.states)
    day = rng.integers(0, V.ndays, size=n)

    def side():
        c = rng.choice(nc, size=n, p=V.country_p)
        code = V.code_day[c, day]
        code = np.where(code < 0, V.code_day[0, day], code)
        u = rng.random(n)
        code = np.where(u < 0.06, V.no_state[rng.integers(0, len(V.no_state), size=n)], code)
        code = np.where((u >= 0.06) & (u < 0.09), V.empty_code, code)
        agent = rng.choice(len(V.agents), size=n, p=V.agent_p)
        others = rng.random(n) < 0.08
        return c, code, agent, others

    c1, r1, ag1, o1 = side()
    c2, r2, ag2, o2 = side()
    dom = rng.random(n) < 0.12
    r2 = np.where(dom, r1, r2)
    ev = rng.choice(len(V.ev), size=n, p=V.ev_p)
    issue = np.where(rng.random(n) < 0.15, rng.integers(0, len(V.issues), size=n), -1)
    geo = np.where(rng.random(n) < 0.6, rng.integers(0, 5, size=n), -1)
    gc_ = np.where(rng.random(n) < 0.7, c1, c2)
    C, A, E, P = V.codes, V.agents, V.ev, V.places
    out = []
    if V.layout == "cline":
        for i, d, x1, a1, y1, x2, a2, y2, e, iss, g, gcc in zip(
                range(first, first + n), day.tolist(), r1.tolist(), ag1.tolist(), o1.tolist(),
                r2.tolist(), ag2.tolist(), o2.tolist(), ev.tolist(), issue.tolist(), geo.tolist(),
                gc_.tolist()):
            s_root, s_ag, s_ot = actor(C, A, x1, a1, y1)
            t_root, t_ag, t_ot = actor(C, A, x2, a2, y2)
            code, root, quad, gold = E[e]
            y, m, dd = V.ydm[d]
            geo_f = ",,,," if g < 0 else ",".join((P[gcc][g][0], P[gcc][g][1], quote(P[gcc][g][2]),
                                                   P[gcc][g][3], quote(P[gcc][g][4])))
            out.append(
                f"{i},{V.mdy[d]},{y},{m},{dd},{s_root}{s_ag}{s_ot},{s_root},{s_ag},{s_ot},"
                f"{t_root}{t_ag}{t_ot},{t_root},{t_ag},{t_ot},{code},{root},{quad},{gold},"
                f"{quote(V.issues[iss]) if iss >= 0 else ''},{geo_f},"
                f"swb_{V.ymd[d]}_{i // 3:08d},petrarch\n")
    else:
        nrep = np.minimum(rng.zipf(2.2, size=n), 8)
        src = rng.integers(0, len(NEWS), size=(n, 8))
        dom_ = rng.integers(0, len(V.domains), size=(n, 8))
        for j, (i, d, x1, a1, y1, x2, a2, y2, e, iss, g, gcc, k) in enumerate(zip(
                range(first, first + n), day.tolist(), r1.tolist(), ag1.tolist(), o1.tolist(),
                r2.tolist(), ag2.tolist(), o2.tolist(), ev.tolist(), issue.tolist(), geo.tolist(),
                gc_.tolist(), nrep.tolist())):
            s_root, s_ag, s_ot = actor(C, A, x1, a1, y1)
            t_root, t_ag, t_ot = actor(C, A, x2, a2, y2)
            code, root, quad, gold = E[e]
            y, m, dd = V.ydm2[d]
            geo_f = "\t\t\t\t" if g < 0 else "\t".join(P[gcc][g])
            stories = ";".join(f"{i * 8 + r:x}" for r in range(k))
            urls = ";".join(f"http://{V.domains[dom_[j, r]]}/{V.ymd[d]}/story-{i * 8 + r}.html"
                            for r in range(k))
            names = ";".join(NEWS[src[j, r]] for r in range(k))
            out.append(
                f"{i}_v0.1.0\t{V.ymd[d]}\t{y}\t{m}\t{dd}\t{s_root}{s_ag}{s_ot}\t{s_root}\t{s_ag}\t{s_ot}\t"
                f"{t_root}{t_ag}{t_ot}\t{t_root}\t{t_ag}\t{t_ot}\t{code}\t{root:02d}\t{quad}\t{gold}\t"
                f"{V.issues[iss] if iss >= 0 else ''}\t{geo_f}\t{stories}\t{urls}\t{names}\n")
    return "".join(out).encode("utf-8")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    gc.common_args(ap, "1979-01", 444)
    ap.add_argument("--layout", choices=["cline", "oeda"], default="cline")
    ap.add_argument("--lost-zero", action="store_true",
                    help="write CAMEO codes without their leading zero (integer-typed copies)")
    a = ap.parse_args(argv)
    header = CLINE_HEADER.encode() if a.layout == "cline" else None
    gc.write(a, Vocab, (a.layout, a.start, a.months, a.lost_zero), gen_chunk, header=header,
             label=f"gen_phoenix {a.layout}")


if __name__ == "__main__":
    sys.exit(main())
