#!/usr/bin/env python3
"""Deterministic generator of synthetic GDELT 2.0 Mentions rows (16
tab-separated columns, no header), for bench/mentions_bench.py.

    python3 bench/gen_mentions.py --size 1G --seed 42 --out FILE
    python3 bench/gen_mentions.py --rows N --seed 42 --out FILE

Layout (GDELT 2.0 Mentions column labels; docs/events.md): GLOBALEVENTID,
EventTimeDate, MentionTimeDate, MentionType, MentionSourceName,
MentionIdentifier, SentenceID, Actor1CharOffset, Actor2CharOffset,
ActionCharOffset, InRawText, Confidence, MentionDocLen, MentionDocTone,
MentionDocTranslationInfo, Extras.

Value model (synthetic, not real GDELT):
  * events are numbered from 410,000,000 (GDELT 2.0's ids start near
    there), each mentioned by 1 + Poisson(2) articles, each article in 1 to
    3 sentences (rows), so (event, article) pairs repeat as GDELT's do;
  * 5,000 source domains with Zipf-like popularity, 1 % of rows citation-
    only (MentionType 2, source "BBC Monitoring"), 0.5 % with a blank
    source name;
  * Confidence in steps of 10 (10..100), the later sentences of an article
    lower; 8 % machine-translated (`srclc:rus;eng:GT-RUS 1.0;`);
  * a mention's time is the event's time or up to three days later, in
    15-minute steps, as Mentions files hold mentions of older events.

The bytes depend only on --rows/--size and --seed: rows are made in
fixed-size chunks, each from its own seeded stream.
"""
import argparse
import datetime as dt
import sys

import numpy as np

CHUNK_EVENTS = 20_000
FIRST_ID = 410_000_000
START = dt.datetime(2015, 2, 18, 23, 0)


def sources(n=5000):
    tlds = ["com", "co.uk", "ru", "it", "ge", "de", "fr", "org", "net", "in", "com.au", "ca"]
    names = [f"news{i}.example.{tlds[i % len(tlds)]}" for i in range(n)]
    w = 1.0 / np.arange(1, n + 1) ** 1.1
    return names, w / w.sum()


def stamp(t):
    return t.strftime("%Y%m%d%H%M%S")


def chunk(index, seed, names, weights):
    """The rows of events [first, first + CHUNK_EVENTS), drawn in arrays."""
    rng = np.random.default_rng([seed, index])
    first = FIRST_ID + index * CHUNK_EVENTS
    n_art = 1 + rng.poisson(2, CHUNK_EVENTS)
    ev = np.repeat(np.arange(CHUNK_EVENTS), n_art)  # one entry per article
    art = np.concatenate([np.arange(k) for k in n_art])
    m = len(ev)
    kind = np.where(rng.random(m) < 0.01, 2, 1)
    blank = (kind == 1) & (rng.random(m) < 0.005)
    src = rng.choice(len(names), size=m, p=weights)
    conf = rng.integers(1, 11, m) * 10
    doclen = rng.integers(300, 12000, m)
    tone = rng.normal(-1.5, 3.0, m)
    trans = rng.random(m) < 0.08
    late = np.where(rng.random(m) < 0.3, rng.integers(0, 289, m), 0)
    tag = rng.integers(1 << 30, size=m)
    n_sent = 1 + rng.integers(0, 3, m)
    quarter = (index * CHUNK_EVENTS + ev) // 400
    lines = []
    for k in range(m):
        eid = first + int(ev[k])
        added = START + dt.timedelta(minutes=15 * int(quarter[k]))
        seen = added + dt.timedelta(minutes=15 * int(late[k]))
        a = int(art[k])
        if kind[k] == 2:
            source, ident = "BBC Monitoring", f"BBC Monitoring {eid}-{a}"
        elif blank[k]:
            source, ident = "", f"https://unknown.example/{eid}/{a}"
        else:
            source = names[src[k]]
            ident = f"https://{source}/{added:%Y/%m/%d}/story-{eid}-{a}-{int(tag[k]):x}.html"
        head = f"{eid}\t{stamp(added)}\t{stamp(seen)}\t{kind[k]}\t{source}\t{ident}\t"
        tail = f"\t{int(rng.random() < 0.9)}"
        rest = f"\t{doclen[k]}\t{tone[k]:.6f}\t{'srclc:rus;eng:GT-RUS 1.0;' if trans[k] else ''}\t\n"
        d = int(doclen[k])
        for s in range(int(n_sent[k])):
            c = max(10, int(conf[k]) - 10 * s)
            o = (a * 131 + s * 977) % d
            lines.append(f"{head}{1 + s + a % 5}\t{o}\t{(o + 40) % d}\t{(o + 25) % d}{tail}\t{c}{rest}")
    return "".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, help="at least this many rows (whole chunks)")
    ap.add_argument("--size", help="about this many bytes: 1G, 200M")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    if a.size:
        unit = {"G": 1 << 30, "M": 1 << 20, "K": 1 << 10}
        target = float(a.size[:-1]) * unit[a.size[-1].upper()] if a.size[-1].isalpha() else float(a.size)
    names, weights = sources()
    out = sys.stdout if a.out == "-" else open(a.out, "w")
    written = rows = index = 0
    while True:
        text = chunk(index, a.seed, names, weights)
        out.write(text)
        written += len(text.encode())
        rows += text.count("\n")
        index += 1
        if (a.size and written >= target) or (a.rows and rows >= a.rows) or (not a.size and not a.rows):
            break
    out.close()
    print(f"{rows} rows, {written} bytes, {index * CHUNK_EVENTS} events", file=sys.stderr)


if __name__ == "__main__":
    main()
