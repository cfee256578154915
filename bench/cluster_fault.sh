#!/bin/bash
# Kills an executor during `ordo --cluster events --all-dyads`, N times, and
# says for each round whether the answer equalled the embedded one, was
# refused, or failed. Reproduces the Ballista 55 recovery fault described in
# docs/cluster.md ("Failure behaviour").
#
#   cargo test -p ordo-cli --test cluster     # once: builds the stores and the embedded answer
#   STAGE2=1 N=4 LOAD=2 bench/cluster_fault.sh
#
# STAGE2=1: kill executor 1 as soon as executor 0 finishes a task of the
# final stage (stage 2); otherwise kill DELAYS seconds after the query starts
# (a comma list, used in turn). LOAD busy loops run beside it (the fault
# shows under load).
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$here/target/debug/ordo}
T=${T:-$here/target/tmp/ordo-cluster-test}
N=${N:-4}; DELAYS=${DELAYS:-0.7}; LOAD=${LOAD:-2}; STAGE2=${STAGE2:-}
PORT=${PORT:-50170}
[ -f "$T/embedded.csv" ] || { echo "run the cluster test first ($T/embedded.csv is missing)"; exit 2; }
work=$(mktemp -d); cd "$work"
export ORDO_DATA=${ORDO_DATA:-$here/../shared/data}
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null; pkill -f "ordo cluster .*127.0.0.1:$PORT" 2>/dev/null; }
trap cleanup EXIT
for _ in $(seq 1 "$LOAD"); do ( while :; do :; done ) & pids+=($!); done
"$BIN" cluster scheduler --bind 127.0.0.1:$PORT --min-executors 2 --executor-timeout 6 2> scheduler.log & pids+=($!)
start_executor() {
  "$BIN" cluster executor --scheduler 127.0.0.1:$PORT --bind 127.0.0.1:$(( PORT + 1 + $1 )) --slots 1 \
    --work-dir "$work/work-$1" --memory-mib 1024 2>> "executor-$1.log" & echo $! > "executor-$1.pid"
}
start_executor 0; start_executor 1
finals() { grep -c "Finished task : \[TID [^/]*/2\." executor-0.log; }
for r in $(seq 1 "$N"); do
  until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$PORT/readyz)" = 200 ]; do sleep 0.3; done
  before=$(finals)
  "$BIN" --store "$T/cluster" --cluster df://127.0.0.1:$PORT events --all-dyads --out "out-$r.csv" 2> "err-$r.txt" & q=$!
  if [ -n "$STAGE2" ]; then
    for _ in $(seq 1 3000); do [ "$(finals)" -gt "$before" ] && break; sleep 0.02; done
    when="after a final-stage task"
  else
    when=$(echo "$DELAYS" | tr , '\n' | sed -n "$(( (r - 1) % $(echo "$DELAYS" | tr , '\n' | wc -l) + 1 ))p")
    sleep "$when"; when="${when} s in"
  fi
  kill -9 "$(cat executor-1.pid)"
  wait "$q"; rc=$?
  if [ $rc = 0 ]; then
    if cmp -s "out-$r.csv" "$T/embedded.csv"; then res="equal to the embedded answer"; else res="WRONG ANSWER"; fi
  elif grep -q "was refused" "err-$r.txt"; then res="refused: $(grep -o 'was refused: [^.]*' "err-$r.txt")"
  else res="failed: $(head -c 160 "err-$r.txt")"; fi
  echo "round $r (killed $when): exit $rc, $res"
  start_executor 1
done
echo "logs in $work"
