"""What bench/gen_polecat.py and bench/gen_phoenix.py share: the countries
(from ordo's own crosswalk, so every state code written resolves), the
CAMEO event codes with their Goldstein values, the PLOVER types, Zipf-like
weights, and the chunked, seeded, multi-process writer of
../shared/bench/gen_gdelt.py (the bytes depend on --seed and --rows, not on
--jobs).

Nothing here reads ../shared/data: the crosswalk and the names table ship
with ordo (crates/states/data).
"""
import csv
import datetime as dt
import os
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STATES = os.path.join(ROOT, "crates", "states", "data")

CHUNK_ROWS = 50_000

# Popularity order of the most reported countries (as in gen_gdelt.py);
# the others follow in crosswalk order with Zipf-like weights.
TOP = ("USA GBR RUS CHN IRN ISR FRA DEU IND PAK SYR UKR AFG IRQ TUR JPN AUS CAN EGY ITA "
       "PRK KOR SAU PSE NGA ZAF MEX BRA ESP LBY YEM LBN PHL IDN KEN GRC POL VEN SOM SDN").split()

# Official CAMEO event codes and Goldstein values (CAMEO.goldsteinscale.txt,
# as in gen_gdelt.py): 3- and 4-digit codes only.
_GOLDSTEIN_TXT = """
010 0.0|011 -0.1|012 -0.4|013 0.4|014 0.0|015 0.0|016 -2.0|017 0.0|018 3.4|019 3.4
020 3.0|021 3.4|0211 3.4|0212 3.4|0213 3.4|0214 3.4|022 3.2|023 3.4|0231 3.4|0232 3.4
0233 3.4|0234 3.4|024 -0.3|0241 -0.3|0242 -0.3|0243 -0.3|0244 -0.3|025 -0.3|0251 -0.3|0252 -0.3
0253 -0.3|0254 -0.3|0255 -0.3|0256 -0.3|026 4.0|027 4.0|028 4.0
030 4.0|031 5.2|0311 5.2|0312 5.2|0313 5.2|0314 5.2|032 4.5|033 5.2|0331 5.2|0332 5.2
0333 5.2|0334 6.0|034 7.0|0341 7.0|0342 7.0|0343 7.0|0344 7.0|035 7.0|0351 7.0|0352 7.0
0353 7.0|0354 7.0|0355 7.0|0356 7.0|036 4.0|037 5.0|038 7.0|039 5.0
040 1.0|041 1.0|042 1.9|043 2.8|044 2.5|045 5.0|046 7.0
050 3.5|051 3.4|052 3.5|053 3.8|054 6.0|055 7.0|056 7.0|057 8.0
060 6.0|061 6.4|062 7.4|063 7.4|064 7.0
070 7.0|071 7.4|072 8.3|073 7.4|074 8.5|075 7.0
080 5.0|081 5.0|0811 5.0|0812 5.0|0813 5.0|0814 5.0|082 5.0|083 5.0|0831 5.0|0832 5.0
0833 5.0|0834 5.0|084 7.0|0841 7.0|0842 7.0|085 7.0|086 9.0|0861 9.0|0862 9.0|0863 9.0|087 9.0
0871 9.0|0872 9.0|0873 9.0|0874 10.0
090 -2.0|091 -2.0|092 -2.0|093 -2.0|094 -2.0
100 -5.0|101 -5.0|1011 -5.0|1012 -5.0|1013 -5.0|1014 -5.0|102 -5.0|103 -5.0|1031 -5.0
1032 -5.0|1033 -5.0|1034 -5.0|104 -5.0|1041 -5.0|1042 -5.0|1043 -5.0|1044 -5.0|105 -5.0
1051 -5.0|1052 -5.0|1053 -5.0|1054 -5.0|1055 -5.0|1056 -5.0|106 -5.0|107 -5.0|108 -5.0
110 -2.0|111 -2.0|112 -2.0|1121 -2.0|1122 -2.0|1123 -2.0|1124 -2.0|1125 -2.0|113 -2.0
114 -2.0|115 -2.0|116 -2.0
120 -4.0|121 -4.0|1211 -4.0|1212 -4.0|122 -4.0|1221 -4.0|1222 -4.0|1223 -4.0|1224 -4.0
123 -4.0|1231 -4.0|1232 -4.0|1233 -4.0|1234 -4.0|124 -4.0|1241 -4.0|1242 -4.0|1243 -4.0
1244 -4.0|1245 -4.0|1246 -4.0|125 -5.0|126 -5.0|127 -5.0|128 -5.0|129 -5.0
130 -4.4|131 -5.8|1311 -5.8|1312 -5.8|1313 -5.8|132 -5.8|1321 -5.8|1322 -5.8|1323 -5.8
1324 -5.8|133 -5.8|134 -5.8|135 -5.8|136 -7.0|137 -7.0|138 -7.0|1381 -7.0|1382 -7.0|1383 -7.0
1384 -7.0|1385 -7.0|139 -7.0
140 -6.5|141 -6.5|1411 -6.5|1412 -6.5|1413 -6.5|1414 -6.5|142 -6.5|1421 -6.5|1422 -6.5
1423 -6.5|1424 -6.5|143 -6.5|1431 -6.5|1432 -6.5|1433 -6.5|1434 -6.5|144 -7.5|1441 -7.5
1442 -7.5|1443 -7.5|1444 -7.5|145 -7.5|1451 -7.5|1452 -7.5|1453 -7.5|1454 -7.5
150 -7.2|151 -7.2|152 -7.2|153 -7.2|154 -7.2
160 -4.0|161 -4.0|162 -5.6|1621 -5.6|1622 -5.6|1623 -5.6|163 -8.0|164 -7.0|165 -6.5
166 -7.0|1661 -7.0|1662 -7.0|1663 -7.0
170 -7.0|171 -9.2|1711 -9.2|1712 -9.2|172 -5.0|1721 -5.0|1722 -5.0|1723 -5.0|1724 -5.0
173 -5.0|174 -5.0|175 -9.0
180 -9.0|181 -9.0|182 -9.5|1821 -9.0|1822 -9.0|1823 -10.0|183 -10.0|1831 -10.0
1832 -10.0|1833 -10.0|184 -8.0|185 -8.0|186 -10.0
190 -10.0|191 -9.5|192 -9.5|193 -10.0|194 -10.0|195 -10.0|196 -9.5
200 -10.0|201 -9.5|202 -10.0|203 -10.0|204 -10.0|2041 -10.0|2042 -10.0
"""
GOLDSTEIN = {}
for _line in _GOLDSTEIN_TXT.strip().splitlines():
    for _item in _line.split("|"):
        _c, _v = _item.split()
        GOLDSTEIN[_c] = _v

# Share of events per CAMEO root (rough shape of news-coded data).
ROOT_WEIGHT = {
    "01": 0.11, "02": 0.05, "03": 0.07, "04": 0.24, "05": 0.08, "06": 0.03, "07": 0.03,
    "08": 0.03, "09": 0.01, "10": 0.02, "11": 0.08, "12": 0.02, "13": 0.03, "14": 0.02,
    "15": 0.01, "16": 0.02, "17": 0.07, "18": 0.04, "19": 0.05, "20": 0.002,
}
POPULAR_CODES = {"010": 3, "020": 2, "036": 3, "040": 3, "042": 4, "043": 4, "046": 2,
                 "051": 3, "057": 2, "111": 2, "112": 3, "173": 4, "190": 3, "193": 2}


def zipf_weights(n, s):
    w = 1.0 / np.arange(1, n + 1) ** s
    return w / w.sum()


def cameo_codes():
    """[(code, root, goldstein)] and their weights (Zipf inside each root)."""
    by_root = {}
    for c in GOLDSTEIN:
        by_root.setdefault(c[:2], []).append(c)
    out, p = [], []
    for root, lst in by_root.items():
        lst = sorted(lst, key=lambda c: (len(c), c))
        w = zipf_weights(len(lst), 1.3) * np.array([POPULAR_CODES.get(c, 1) for c in lst])
        w = w / w.sum() * ROOT_WEIGHT[root]
        for c, wi in zip(lst, w):
            out.append((c, int(root), GOLDSTEIN[c]))
            p.append(wi)
    p = np.array(p)
    return out, p / p.sum()


def _crosswalk():
    with open(os.path.join(STATES, "crosswalk.csv"), newline="") as f:
        rows = [r for r in csv.reader(f) if r and not r[0].startswith("#")]
    return rows[1:]


def _day(s, default):
    return dt.date.fromisoformat(s) if s else default


def english_names():
    """COW code -> short English name (crates/states/data/names.csv)."""
    names = {}
    with open(os.path.join(STATES, "names.csv"), newline="") as f:
        for r in csv.DictReader(f):
            if r["lang"] == "en" and r["kind"] == "short" and not r["to"]:
                names.setdefault(int(r["ccode"]), r["name"])
    with open(os.path.join(STATES, "names.csv"), newline="") as f:
        for r in csv.DictReader(f):
            if r["lang"] == "en" and r["kind"] == "short":
                names.setdefault(int(r["ccode"]), r["name"])
    return names


def states(scheme):
    """The COW states with a `scheme` code (iso3 or cameo) in ordo's
    crosswalk, most reported first: [(ccode, [(code, from, to)])]."""
    spells = {}
    for ccode, sch, code, frm, to, _note in _crosswalk():
        if sch == scheme:
            spells.setdefault(int(ccode), []).append(
                (code, _day(frm, dt.date.min), _day(to, dt.date.max)))
    rank = {c: i for i, c in enumerate(TOP)}
    def key(item):
        codes = [s[0] for s in item[1]]
        return min([rank.get(c, len(TOP)) for c in codes]), item[0]
    return sorted(spells.items(), key=key)


def code_on(spells, day):
    """The code of one state on a day (a dated spell wins over an undated
    one; None when no spell covers the day or two dated ones disagree)."""
    dated = [c for c, a, b in spells if a <= day <= b and (a, b) != (dt.date.min, dt.date.max)]
    if dated:
        return dated[0] if len(set(dated)) == 1 else None
    plain = [c for c, a, b in spells if a <= day <= b]
    return plain[0] if plain else None


def parse_size(s):
    s = s.strip().upper()
    mult = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    if s[-1] in mult:
        return int(float(s[:-1]) * mult[s[-1]])
    return int(s)


def months_days(start, months):
    """First day and number of days of `months` months from `start` (YYYY-MM)."""
    y, m = (int(x) for x in start.split("-"))
    d0 = dt.date(y, m, 1)
    ye, me = y + (m - 1 + months) // 12, (m - 1 + months) % 12 + 1
    return d0, (dt.date(ye, me, 1) - d0).days


_STATE = {}


def _init(make_vocab, vargs):
    _STATE["vocab"] = make_vocab(*vargs)


def _work(job):
    gen, seed, ci, n, first = job
    return gen(_STATE["vocab"], seed, ci, n, first)


def write(args, make_vocab, vargs, gen, header=None, label="gen"):
    """Writes --rows rows (or rows estimated for --size) in CHUNK_ROWS
    chunks, each from its own seeded stream, with --jobs processes."""
    vocab = make_vocab(*vargs)
    rows = args.rows
    if rows is None:
        probe = gen(vocab, args.seed, 0, CHUNK_ROWS, 1)
        per_row = len(probe) / CHUNK_ROWS
        rows = max(1, int(round((parse_size(args.size) - len(header or b"")) / per_row)))
        print(f"{label}: --size {args.size} -> --rows {rows} ({per_row:.1f} B/row)", file=sys.stderr)
    jobs = []
    done = ci = 0
    while done < rows:
        n = min(CHUNK_ROWS, rows - done)
        jobs.append((gen, args.seed, ci, n, done + 1))
        done += n
        ci += 1
    out = sys.stdout.buffer if args.out == "-" else open(args.out, "wb")
    total = 0
    try:
        if header:
            out.write(header)
            total += len(header)
        if args.jobs > 1 and len(jobs) > 1:
            import multiprocessing as mp
            _STATE["vocab"] = vocab  # inherited by fork
            with mp.get_context("fork").Pool(args.jobs) as pool:
                for buf in pool.imap(_work, jobs, chunksize=1):
                    out.write(buf)
                    total += len(buf)
        else:
            _STATE["vocab"] = vocab
            for job in jobs:
                buf = _work(job)
                out.write(buf)
                total += len(buf)
    finally:
        if out is not sys.stdout.buffer:
            out.close()
    print(f"{label}: {rows} rows, {total} bytes", file=sys.stderr)
    return rows


def common_args(ap, start, months):
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--rows", type=int, help="number of data rows")
    g.add_argument("--size", help="approximate output size, e.g. 100M or 1G (rows are estimated)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", default=start, help="first month of the event dates (YYYY-MM)")
    ap.add_argument("--months", type=int, default=months, help="number of months the dates span")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--out", default="-", help="output file, or - for stdout")
