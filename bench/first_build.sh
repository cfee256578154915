#!/usr/bin/env bash
# The first build a newcomer waits for: a fresh clone of HEAD, an empty
# cargo home (every crate downloaded) and an empty target directory, then the
# README's first command, `cargo run -- report ITA RUS`, timed. Run it with
# nothing else on the machine. The clone sits beside this checkout so that
# ../shared is found as in CI. Prints the wall time and the 15 slowest
# crates from cargo's --timings report.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "$here/../first-build.XXXXXX")
trap 'rm -rf "$work"' EXIT
git clone -q "$here" "$work/ordo"
ln -s "$here/../shared" "$work/shared" 2>/dev/null || true
cd "$work/ordo"
export CARGO_HOME="$work/cargo-home"
mkdir -p "$CARGO_HOME"
start=$(date +%s)
cargo build --timings --bin ordo 2>&1 | tail -1
built=$(date +%s)
cargo run -q -- report ITA RUS >/dev/null
done_=$(date +%s)
echo "first build: $((built - start)) s; build and report: $((done_ - start)) s (fresh clone, empty CARGO_HOME, $(nproc) cores)"
python3 - "$work/ordo/target/cargo-timings/cargo-timing.html" <<'PY'
import json, re, sys
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);\n", open(sys.argv[1]).read(), re.S).group(1))
for u in sorted(units, key=lambda u: -u["duration"])[:15]:
    print(f"{u['duration']:7.1f} s  {u['name']} {u['version']}")
PY
