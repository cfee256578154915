"""Independent reference values for ordo's system-year measures (issue 4),
computed straight from the raw files with the standard library: the COW
majors (v2024 spells, any day of the year, members only), their CINC shares,
Ray-Singer CON, and the number of major-major dyads in an ongoing COW MID /
war. The numbers it prints are asserted in crates/measures/tests/system.rs.

    python3 bench/system_reference.py [--data ../shared/data]
"""
import argparse, csv, datetime as dt, math
from pathlib import Path

p = argparse.ArgumentParser()
p.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
data = Path(p.parse_args().data)

def spells(path):
    out = {}
    for r in csv.DictReader(open(path)):
        s = dt.date(int(r["styear"]), int(r["stmonth"]), int(r["stday"]))
        e = dt.date(int(r["endyear"]), int(r["endmonth"]), int(r["endday"]))
        out.setdefault(int(r["ccode"]), []).append((s, e))
    return out

members, majors = spells(data / "cow_states/cow_states.csv"), spells(data / "cow_majors_v2024/majors2024.csv")
last = max(e for v in members.values() for _, e in v)
def in_year(sp, y, extend=False):
    a, b = dt.date(y, 1, 1), dt.date(y, 12, 31)
    return any(s <= b and (dt.date(2022, 12, 31) if extend and e == last else e) >= a for s, e in sp)
cinc = {(int(r["ccode"]), int(r["year"])): float(r["cinc"]) for r in csv.DictReader(open(data / "cow_nmc/cow_nmc.csv")) if r["cinc"]}
mid = {(int(r["ccode1"]), int(r["ccode2"]), int(r["year"])): r for r in csv.DictReader(open(data / "cow_mid_ddydisps/cow_mid_ddydisps.csv"))}
war = {(int(r["ccode1"]), int(r["ccode2"]), int(r["year"])) for r in csv.DictReader(open(data / "cow_war_inter/cow_war_inter.csv")) if r["cowinterongoing"] == "1"}

for y in [1816, 1870, 1914, 1938, 1939, 1950, 1990, 2010]:
    mj = sorted(c for c, sp in majors.items() if in_year(sp, y) and c in members and in_year(members[c], y, True))
    caps = [cinc[(c, y)] for c in mj if (c, y) in cinc]
    s = [v / sum(caps) for v in caps]
    n = len(s)
    con = math.sqrt((sum(x * x for x in s) - 1 / n) / (1 - 1 / n))
    pairs = [(a, b) for i, a in enumerate(mj) for b in mj[i + 1:]]
    ongoing = sum(1 for a, b in pairs if (a, b, y) in mid and mid[(a, b, y)]["cowmidongoing"] == "1")
    onsets = sum(1 for a, b in pairs if (a, b, y) in mid and mid[(a, b, y)]["cowmidonset"] == "1")
    wars = sum(1 for a, b in pairs if (a, b, y) in war)
    print(f"{y}: majors={mj} n={n} con={con:.12f} mm_dyads={len(pairs)} mid_ongoing={ongoing} mid_onsets={onsets} war={wars}")
