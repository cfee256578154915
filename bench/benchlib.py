"""What the benchmark scripts share: running a command best of N with its
peak memory (GNU time), and rewriting their block of BENCHMARKS.md."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=True, check=True, **kw)


def sh_quote(s):
    return "'" + s.replace("'", "'\\''") + "'"


def timed(cmd, runs, before=None):
    """Best wall time (s) of `runs` runs and that run's peak RSS (MiB);
    `before` runs untimed before each run (e.g. a fresh store)."""
    best = None
    for _ in range(runs):
        if before:
            before()
        r = subprocess.run(f"/usr/bin/time -f '%e %M' sh -c {sh_quote(cmd)}", shell=True,
                           capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"failed: {cmd}\n{r.stderr[-2000:]}")
        secs, kb = r.stderr.strip().splitlines()[-1].split()
        t = (float(secs), int(kb) / 1024)
        best = t if best is None or t[0] < best[0] else best
    return best


def ordo_args(ap):
    """The options every benchmark takes: build profile, runs, another
    binary, and leaving BENCHMARKS.md alone."""
    ap.add_argument("--profile", default="release")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--ordo", help="time this ordo binary instead of building target/<profile>/ordo")
    ap.add_argument("--no-write", action="store_true", help="do not touch BENCHMARKS.md")


def ordo_binary(a, build=True):
    """The binary to time: `--ordo`, or target/<profile>/ordo, built first
    unless `build` is false."""
    if a.ordo:
        return a.ordo
    if build:
        sh(f"cargo build --profile {a.profile} -p ordo-cli -q", cwd=ROOT)
    return os.path.join(ROOT, "target", "release" if a.profile == "release" else a.profile, "ordo")


def write_block(name, report, no_write=False):
    """Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->`
    in BENCHMARKS.md with `report`."""
    bench_md = os.path.join(ROOT, "BENCHMARKS.md")
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    text = open(bench_md).read()
    if no_write or start not in text or end not in text:
        return
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    with open(bench_md, "w") as f:
        f.write(head + start + "\n" + report + end + tail)
    print(f"updated {bench_md}")
