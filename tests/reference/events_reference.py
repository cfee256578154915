#!/usr/bin/env python3
"""Independent reference values for the GDELT / ICEWS event ingestion in ordo.

Run from /work/main:
    python3 tests/reference/events_reference.py > tests/reference/events_expected.md
Standard library only (csv, gzip, collections, math, os). Output is Markdown.

Inputs (read-only, under /work/shared/data):
- gdelt_v1_raw_sample/events_raw.tsv: GDELT 1.0, tab, no header, no quoting;
  57 fields (no SOURCEURL) or 58. 0-based positions: 0 GLOBALEVENTID,
  1 SQLDATE, 7 Actor1CountryCode, 17 Actor2CountryCode, 25 IsRootEvent,
  26 EventCode, 28 EventRootCode, 29 QuadClass, 30 GoldsteinScale,
  31 NumMentions.
- gdelt_v1_georgia_2011_2013/*.csv.gz: R write.csv, header, "NA" = empty,
  columns by header name. A data row with ONE MORE field than the header
  carries a leading R row name (read.csv convention): that field is dropped.
- icews_sample/events.2018.sample.tab: tab, header, read with QUOTE_NONE.
- cameo_lookups/CAMEO.goldsteinscale.txt (EventCode -> Goldstein),
  cameo_lookups/icews_goldstein_mappings.csv (ICEWS code -> goldstein).

Definitions:
- lines = number of b"\\n" bytes (wc -l); data rows = lines - 1 if header.
- De-duplication: Georgia files in sorted filename order; a row whose
  GLOBALEVENTID was already seen with the same SQLDATE is a duplicate and
  dropped (first wins). GDELT's back-files reuse a few ids for other events
  on other dates: those are kept, and listed in part 2.
- Quad rule on root r = int(EventRootCode[:2]): 1-5 -> 1 verbal coop,
  6-9 -> 2 material coop, 10-14 -> 3 verbal conflict, 15-20 -> 4 material
  conflict. In the series the root is EventCode[:2].
- goldstein = GDELT table value for EventCode (part 3 checks that it equals
  the row's GoldsteinScale).
- Series (per period with >= 1 dyad event; period = SQLDATE[:6] or [:4]):
  events, verbal_coop, material_coop, verbal_conflict, material_conflict,
  goldstein_sum, goldstein_pos (sum of > 0), goldstein_neg (sum of < 0),
  goldstein_mean = sum / events, net_coop = (coop - conf) / (coop + conf),
  conflict_share = conf / events, mentions = sum NumMentions,
  month_total = all rows of the input set in the period,
  <X>_total = rows with Actor1CountryCode == X or Actor2CountryCode == X
  (each row once). Undirected dyad: {A1, A2} == {X, Y}.
  With weight = mentions every count (events, classes, totals) becomes a sum
  of NumMentions and goldstein sums are sum(goldstein * NumMentions).
  Goldstein sums use math.fsum (correctly rounded, order independent); a
  plain left-to-right sum may differ in the last bits: compare with ~1e-9.
  TOTAL row: sums over the listed periods; ratios recomputed from the sums.
"""
import csv
import gzip
import math
import os
from collections import Counter, defaultdict

DATA = "/work/shared/data"
RAW = os.path.join(DATA, "gdelt_v1_raw_sample/events_raw.tsv")
GEO_DIR = os.path.join(DATA, "gdelt_v1_georgia_2011_2013")
ICEWS = os.path.join(DATA, "icews_sample/events.2018.sample.tab")
GOLD = os.path.join(DATA, "cameo_lookups/CAMEO.goldsteinscale.txt")
ICEWS_GOLD = os.path.join(DATA, "cameo_lookups/icews_goldstein_mappings.csv")
# Field name -> 0-based position in the headerless TSV.
POS = {"GLOBALEVENTID": 0, "SQLDATE": 1, "Actor1CountryCode": 7, "Actor2CountryCode": 17,
       "IsRootEvent": 25, "EventCode": 26, "EventRootCode": 28, "QuadClass": 29,
       "GoldsteinScale": 30, "NumMentions": 31}
CLASSES = ["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"]


def table(title, header, rows):
    """Print a Markdown table; floats via repr (full precision)."""
    print(f"\n### {title}\n\n| " + " | ".join(header) + " |\n|" + "---|" * len(header))
    for r in rows:
        print("| " + " | ".join(repr(v) if isinstance(v, float) else str(v) for v in r) + " |")


def count_lines(path):
    op = gzip.open if path.endswith(".gz") else open
    with op(path, "rb") as fh:
        return fh.read().count(b"\n")


def quad(root):
    r = int(root[:2])
    return 1 if 1 <= r <= 5 else 2 if 6 <= r <= 9 else 3 if 10 <= r <= 14 else 4 if 15 <= r <= 20 else None


def make(get, src):
    """Normalised event record from a field getter ("NA" -> "")."""
    g = lambda k: "" if get(k) == "NA" else get(k)
    return {"id": g("GLOBALEVENTID"), "date": g("SQLDATE"), "a1": g("Actor1CountryCode"),
            "a2": g("Actor2CountryCode"), "isroot": g("IsRootEvent"), "code": g("EventCode"),
            "rootcode": g("EventRootCode"), "quad": g("QuadClass"), "gs": g("GoldsteinScale"),
            "nm": int(g("NumMentions")), "src": src}


def read_raw():
    rows, nf = [], Counter()
    with open(RAW, newline="") as fh:
        for f in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            nf[len(f)] += 1
            rows.append(make(lambda k: f[POS[k]], "events_raw.tsv"))
    return rows, nf


def read_georgia():
    files = []  # (name, lines, header_len, field-count Counter, rows)
    for name in sorted(os.listdir(GEO_DIR)):
        path = os.path.join(GEO_DIR, name)
        with gzip.open(path, "rt", newline="") as fh:
            rd = csv.reader(fh)
            header = next(rd)
            idx = {h: i for i, h in enumerate(header)}
            nf, rows = Counter(), []
            for f in rd:
                nf[len(f)] += 1
                off = 1 if len(f) == len(header) + 1 else 0  # leading R row name
                assert len(f) - off == len(header), (name, len(f))
                rows.append(make(lambda k: f[idx[k] + off], name))
        files.append((name, count_lines(path), len(header), nf, rows))
    return files


def gdelt_checks(label, rows, gold):
    """Part 3: QuadClass rule, Goldstein table, unknown EventCodes."""
    bad_q = [r for r in rows if str(quad(r["rootcode"])) != r["quad"]]
    bad_root = [r for r in rows if r["rootcode"] != r["code"][:2]]
    unknown = Counter(r["code"] for r in rows if r["code"] not in gold)
    bad_g = [r for r in rows if r["code"] in gold and float(r["gs"]) != gold[r["code"]]]
    table(f"{label}: consistency ({len(rows)} rows, before de-duplication)", ["check", "value"],
          [["QuadClass != rule(EventRootCode)", len(bad_q)],
           ["EventRootCode != EventCode[:2]", len(bad_root)],
           ["GoldsteinScale != table[EventCode]", len(bad_g)],
           ["rows with EventCode not in table", sum(unknown.values())],
           ["distinct EventCodes not in table", sorted(unknown.items())]])
    if bad_g:
        table(f"{label}: Goldstein disagreements (first 10)", ["GLOBALEVENTID", "file", "EventCode", "row", "table"],
              [[r["id"], r["src"], r["code"], r["gs"], gold[r["code"]]] for r in bad_g[:10]])
    if bad_q:
        table(f"{label}: QuadClass disagreements (first 10)", ["GLOBALEVENTID", "file", "EventRootCode", "QuadClass"],
              [[r["id"], r["src"], r["rootcode"], r["quad"]] for r in bad_q[:10]])


def series(title, rows, sel, plen, x, y, gold, weight=False):
    """Part 4: dyad series; sel(row) picks dyad events, plen = 6 (month) or 4 (year)."""
    acc = defaultdict(lambda: defaultdict(float))
    gs, mism = defaultdict(list), []  # goldstein values per period; table != row flags
    for r in rows:  # denominators over the whole input set
        p, w = r["date"][:plen], (r["nm"] if weight else 1)
        acc[p]["month_total"] += w
        acc[p][x + "_total"] += w * (x in (r["a1"], r["a2"]))
        acc[p][y + "_total"] += w * (y in (r["a1"], r["a2"]))
        if sel(r):
            g = gold[r["code"]]
            mism.append(g != float(r["gs"]))
            a = acc[p]
            a["events"] += w
            a[CLASSES[quad(r["code"][:2]) - 1]] += w
            a["mentions"] += r["nm"]
            gs[p].append(g * w)
    cols = ["events"] + CLASSES + ["goldstein_sum", "goldstein_pos", "goldstein_neg", "goldstein_mean",
                                   "net_coop", "conflict_share", "mentions", "month_total", x + "_total", y + "_total"]
    periods = sorted(p for p in acc if acc[p]["events"] > 0)
    tot = defaultdict(float)
    for p in periods:
        for k, v in acc[p].items():
            tot[k] += v
    gs["TOTAL"] = [v for p in periods for v in gs[p]]
    out = []
    for p, a in [(p, acc[p]) for p in periods] + [("TOTAL", tot)]:
        n, coop = a["events"], a["verbal_coop"] + a["material_coop"]
        conf = a["verbal_conflict"] + a["material_conflict"]
        s = math.fsum(gs[p])
        row = [p, int(n)] + [int(a[c]) for c in CLASSES] + [
            s, math.fsum(v for v in gs[p] if v > 0), math.fsum(v for v in gs[p] if v < 0), s / n,
            (coop - conf) / (coop + conf) if coop + conf else None, conf / n,
            int(a["mentions"]), int(a["month_total"]), int(a[x + "_total"]), int(a[y + "_total"])]
        out.append(row)
    table(title, ["period"] + cols, out)
    print(f"\nDyad events whose GoldsteinScale differs from the table value: {sum(mism)}"
          f" of {len(mism)} (0 = table and row values give identical sums).")


def main():
    print("# ordo event-ingestion reference values\n")
    print("Produced by (from /work/main):\n\n    python3 tests/reference/events_reference.py > tests/reference/events_expected.md\n")
    print("Definitions: see the docstring of tests/reference/events_reference.py.")
    gold = {}
    with open(GOLD, newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            gold[rec["CAMEOEVENTCODE"]] = float(rec["GOLDSTEINSCALE"])
    raw, raw_nf = read_raw()
    files = read_georgia()
    with open(ICEWS, newline="") as fh:
        icews = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))

    print("\n## 1. Files: lines and data rows")
    rows1 = [["gdelt_v1_raw_sample/events_raw.tsv", count_lines(RAW), "no header", len(raw), dict(sorted(raw_nf.items()))]]
    for name, lines, hl, nf, rows in files:
        rows1.append([name, lines, hl, len(rows), dict(sorted(nf.items()))])
    rows1.append(["Georgia TOTAL (23 files)", sum(f[1] for f in files), "", sum(len(f[4]) for f in files), ""])
    rows1.append(["icews events.2018.sample.tab", count_lines(ICEWS), len(icews[0]), len(icews) - 1,
                  dict(Counter(len(r) for r in icews[1:]))])
    table("line / row counts", ["file", "lines (wc -l)", "header fields", "data rows", "rows by field count"], rows1)
    print("\nGeorgia rows with header+1 fields start with an R row name (dropped before lookup by name).")

    print("\n## 2. De-duplication of the Georgia files (sorted filename order)")
    seen, by_id, geo, dups, reused = set(), {}, [], [], []
    desc = lambda e: f'{e["date"]} {e["a1"] or "-"}>{e["a2"] or "-"} {e["code"]}'
    for name, _, _, _, rows in files:
        for r in rows:
            key = (r["id"], r["date"])
            if key in seen:
                dups.append([r["id"], by_id[r["id"]]["src"], name, desc(r)])
                continue
            if r["id"] in by_id:
                f0 = by_id[r["id"]]
                reused.append([r["id"], f0["src"], desc(f0), name, desc(r)])
            else:
                by_id[r["id"]] = r
            seen.add(key)
            geo.append(r)
    table("GLOBALEVENTIDs reused with another date (both kept)", ["GLOBALEVENTID", "first file", "first: SQLDATE A1>A2 EventCode",
                                                              "later file", "later: SQLDATE A1>A2 EventCode"], reused)
    print("\nNote: these are different events that share a GLOBALEVENTID (dates, actors and codes"
          "\ndiffer), so both are kept; duplicates are the same id and date.")
    table("summary", ["measure", "value"], [["rows", sum(len(f[4]) for f in files)],
                                            ["duplicates", len(dups)], ["ids reused with another date", len(reused)],
                                            ["unique rows", len(geo)],
                                            ["raw TSV distinct GLOBALEVENTIDs", len({r['id'] for r in raw})]])

    print("\n## 3. QuadClass and Goldstein consistency")
    gdelt_checks("Georgia (23 files)", [r for f in files for r in f[4]], gold)
    gdelt_checks("raw TSV", raw, gold)

    print("\n## 4. Dyad series")
    und = lambda x, y: (lambda r: {r["a1"], r["a2"]} == {x, y})
    raw_u = {r["id"]: r for r in reversed(raw)}  # first occurrence wins
    raw_d = [r for r in raw if raw_u[r["id"]] is r]
    series("(a) ITA-RUS undirected, Georgia, monthly", geo, und("ITA", "RUS"), 6, "ITA", "RUS", gold)
    series("(b) GEO-RUS undirected, Georgia, monthly", geo, und("GEO", "RUS"), 6, "GEO", "RUS", gold)
    series("(c) ITA-RUS undirected, raw TSV, monthly", raw_d, und("ITA", "RUS"), 6, "ITA", "RUS", gold)
    series("(b-directed) RUS (actor 1) -> GEO (actor 2), Georgia, monthly", geo,
           lambda r: r["a1"] == "RUS" and r["a2"] == "GEO", 6, "GEO", "RUS", gold)
    root = [r for r in geo if r["isroot"] == "1"]
    series("(b-root) GEO-RUS undirected, IsRootEvent = 1 only (totals also over root events only)",
           root, und("GEO", "RUS"), 6, "GEO", "RUS", gold)
    series("(b-year) GEO-RUS undirected, Georgia, yearly", geo, und("GEO", "RUS"), 4, "GEO", "RUS", gold)
    series("(b-mentions) GEO-RUS undirected, Georgia, monthly, weight = NumMentions (all counts and totals are "
           "NumMentions sums)", geo, und("GEO", "RUS"), 6, "GEO", "RUS", gold, weight=True)
    print(f"\nIsRootEvent values in de-duplicated Georgia rows: {dict(Counter(r['isroot'] for r in geo))}")

    print("\n## 5. ICEWS sample")
    h = icews[0]
    ic = [dict(zip(h, r)) for r in icews[1:]]
    src = Counter(r["Source Country"] for r in ic)
    ru = "Russian Federation"
    partner = Counter(r["Target Country"] if r["Source Country"] == ru else r["Source Country"]
                      for r in ic if ru in (r["Source Country"], r["Target Country"]))
    both = Counter(r["Source Country"] for r in ic if r["Source Country"] == r["Target Country"] == ru)
    top = [(c, n) for c, n in partner.most_common() if c != ru][:3]
    table("counts", ["measure", "value"], [
        ["data rows", len(ic)], ["Source Country = Italy", src["Italy"]],
        ["Source Country = Russian Federation", src[ru]],
        ["Source Country = Italy or Russian Federation", src["Italy"] + src[ru]],
        ["rows with Russian Federation on both sides", both[ru]]]
        + [[f"{{Russian Federation, {c}}} (either order)", n] for c, n in top])
    names = Counter(r[k] for r in ic for k in ("Source Country", "Target Country"))
    odd = lambda s: (s in ("", "NA") or "," in s or "'" in s or s[:1].islower() or
                     s in ("Occupied Palestinian Territory", "Western Sahara", "Hong Kong", "Holy See", "Taiwan"))
    table("unusual country names (Source + Target Country occurrences)", ["name", "occurrences"],
          [[repr(s), n] for s, n in sorted(names.items()) if odd(s)])
    table("empty / NA per column", ["column", "''", "'NA'"],
          [[k, sum(r[k] == "" for r in ic), sum(r[k] == "NA" for r in ic)] for k in ("Source Country", "Target Country")])
    imap = {}
    with open(ICEWS_GOLD, newline="") as fh:
        for rec in csv.DictReader(fh):
            imap[rec["code"]] = float(rec["goldstein"])
    miss = Counter(r["CAMEO Code"] for r in ic if r["CAMEO Code"] not in imap)
    diff = sum(1 for r in ic if r["CAMEO Code"] in imap and float(r["Intensity"]) != imap[r["CAMEO Code"]])
    table("ICEWS Intensity vs icews_goldstein_mappings.csv", ["check", "value"],
          [["rows with Intensity != mapping[CAMEO Code]", diff], ["CAMEO Codes not in mapping", sorted(miss.items())]])


if __name__ == "__main__":
    main()
