#!/usr/bin/env python3
"""Load test of `ordo serve` (issue 7): 50 concurrent clients for 30 s per
route on loopback with wrk (Debian package `wrk`), after one warm-up request
per route (the first answer of a route is computed, later ones are served
from the server's in-memory cache; the cold time is printed too).

    python3 bench/server_bench.py [--binary target/release/ordo] [--duration 30] [--connections 50]

Prints a Markdown table (p50, p99, max latency, requests/s, errors) and
rewrites the block between <!-- server-bench:start --> and
<!-- server-bench:end --> in BENCHMARKS.md.
"""
import argparse, os, re, subprocess, sys, time, urllib.request

ROUTES = [
    ("dyad timeline", "/api/dyad/ITA/RUS"),
    ("hypothesis test", "/api/test/ITA/RUS"),
    ("type-ahead", "/api/states?q=sov"),
    ("system view", "/api/system"),
    ("dashboard page", "/"),
]

def to_ms(s):
    m = re.match(r"([\d.]+)(us|ms|s)$", s)
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v if u == "ms" else v * 1000

def wrk(url, duration, connections):
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", out, re.M))
    mx = re.search(r"Latency\s+\S+\s+\S+\s+(\S+)", out).group(1)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    reqs = int(re.search(r"(\d+) requests in", out).group(1))
    errs = 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if m:
        errs += sum(int(x) for x in m.groups())
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if m:
        errs += int(m.group(1))
    return to_ms(lat["50"]), to_ms(lat["99"]), to_ms(mx), rps, reqs, errs

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="target/release/ordo" if os.path.exists("target/release/ordo") else "target/debug/ordo")
    ap.add_argument("--duration", type=int, default=30)
    ap.add_argument("--connections", type=int, default=50)
    a = ap.parse_args()
    srv = subprocess.Popen([a.binary, "serve", "--addr", "127.0.0.1:0"], stderr=subprocess.PIPE, text=True)
    try:
        line = srv.stderr.readline()
        base = re.search(r"(http://[\d.:]+)/", line).group(1)
        rows = []
        for name, path in ROUTES:
            t = time.time()
            body = urllib.request.urlopen(base + path, timeout=600).read()
            cold = (time.time() - t) * 1000
            p50, p99, mx, rps, reqs, errs = wrk(base + path, a.duration, a.connections)
            rows.append(f"| {name} | `{path}` | {len(body)/1024:.0f} KiB | {cold:.0f} ms | {p50:.2f} ms | {p99:.2f} ms | {mx:.1f} ms | {rps:.0f} | {reqs} | {errs} |")
            print(rows[-1], flush=True)
    finally:
        srv.terminate()
        srv.wait()
    table = "\n".join([
        f"`python3 bench/server_bench.py` — binary `{a.binary}`, wrk 2 threads, {a.connections} connections, {a.duration} s per route, loopback, 2 cores shared by server and wrk.",
        "",
        "| route | path | answer | first (cold) | p50 | p99 | max | requests/s | requests | errors |",
        "|---|---|---|---|---|---|---|---|---|---|",
        *rows,
    ])
    print(table)
    path = "BENCHMARKS.md"
    text = open(path).read()
    block = f"<!-- server-bench:start -->\n{table}\n<!-- server-bench:end -->"
    if "<!-- server-bench:start -->" in text:
        text = re.sub(r"<!-- server-bench:start -->.*<!-- server-bench:end -->", lambda _: block, text, flags=re.S)
    else:
        text += "\n" + block + "\n"
    open(path, "w").write(text)

if __name__ == "__main__":
    sys.exit(main())
