#!/usr/bin/env bash
# Benchmark: the full dyad-year frame 1816-2016 with every measure, ordo vs
# pandas (bench/dyad_years_pandas.py), wall time and peak memory, plus a
# one-dyad query. Prints a Markdown table for BENCHMARKS.md.
#   bash bench/dyad_years.sh                 (release build; needs python3 with pandas, numpy, scipy)
#   PROFILE=dev bash bench/dyad_years.sh     (the dev build `cargo run` and the tests use)
#   ORDO_BIN=target/debug/ordo bash bench/dyad_years.sh   (an ordo already built: no cargo call,
#                                             so no second build variant on a 2-core machine)
#   REPEAT=3 bash bench/dyad_years.sh        (each run 3 times, the best wall time kept:
#                                             on a shared machine the best is the least disturbed)
# Run by hand, not by the tests. The first release run compiles ordo in
# release mode (about 20 minutes on 2 cores, DataFusion included).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${ORDO_BIN:-}" ]; then
  ORDO=$ORDO_BIN
elif [ "${PROFILE:-release}" = dev ]; then
  cargo build -q -p ordo-cli
  ORDO=target/debug/ordo
else
  cargo build --release -q -p ordo-cli
  ORDO=target/release/ordo
fi
echo "ordo binary: $ORDO"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

repeat=${REPEAT:-1}
measure() { # label, store to empty before each run ("" for none), command...
  local label=$1 fresh=$2; shift 2
  local best="" peak=0 secs kb
  for ((run = 0; run < repeat; run++)); do
    [ -n "$fresh" ] && rm -rf "$fresh"
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
    read -r secs kb <"$work/time"
    if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$secs; fi
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  printf '%s\t%s\t%s\n' "$label" "$best" "$((peak / 1024))" | tee -a "$work/results"
}

measure "ordo: non-directed frame, cold store, to Parquet" "$work/s1" $ORDO --store "$work/s1" dyads --from 1816 --to 2016 --out "$work/ndy.parquet"
measure "ordo: non-directed frame, cold store, to CSV" "$work/s2" $ORDO --store "$work/s2" dyads --from 1816 --to 2016 --out "$work/ndy.csv"
measure "ordo: non-directed frame, cached, to CSV" "" $ORDO --store "$work/s2" dyads --from 1816 --to 2016 --out "$work/ndy2.csv"
measure "ordo: directed frame, cold store, to Parquet" "$work/s3" $ORDO --store "$work/s3" dyads --directed --from 1816 --to 2016 --out "$work/dy.parquet"
measure "ordo: directed frame, cold store, to CSV" "$work/s4" $ORDO --store "$work/s4" dyads --directed --from 1816 --to 2016 --out "$work/dy.csv"
measure "ordo: one dyad (ITA-RUS), cached" "" $ORDO --store "$work/s4" dyad ITA RUS --directed --format csv
measure "pandas: non-directed frame to CSV" "" python3 bench/dyad_years_pandas.py --from 1816 --to 2016 --out "$work/pd_ndy.csv"
measure "pandas: directed frame to CSV" "" python3 bench/dyad_years_pandas.py --directed --from 1816 --to 2016 --out "$work/pd_dy.csv"
python3 bench/compare_frames.py "$work/ndy.csv" "$work/pd_ndy.csv" >"$work/cmp" && echo "non-directed frames identical (compare_frames.py)" || { tail -5 "$work/cmp"; exit 1; }

echo
[ "$repeat" -gt 1 ] && echo "best wall time of $repeat runs each; peak memory the largest of them"
echo "| run | wall s | peak MiB |"
echo "|---|---:|---:|"
awk -F'\t' '{printf "| %s | %s | %s |\n", $1, $2, $3}' "$work/results"
echo
awk -F'\t' '
  $1 ~ /^ordo: non-directed frame, cold store, to CSV/ {o1=$2}
  $1 ~ /^ordo: directed frame, cold store, to CSV/ {o2=$2}
  $1 ~ /^pandas: non-directed/ {p1=$2}
  $1 ~ /^pandas: directed/ {p2=$2}
  END {printf "speed-up over pandas (same output, CSV): non-directed %.1fx, directed %.1fx\n", p1/o1, p2/o2}' "$work/results"
