#!/usr/bin/env bash
# Bigger accounts: how a full crawl's cost grows with the account. For each visitor count, crawl.sh's method (the
# URL list recorded through RecordingProxy at 0 latency, then `run --once` at LATENCY_MS into a fresh H2 file, then
# CeilingFetch GETting the same URLs at the same concurrency), with chatload under -Xmx256m and its live heap sampled
# every GC_EVERY seconds as memory.sh does (jcmd GC.class_histogram: a full GC each time, a few tens of ms, counted in
# chatload's time). One line per account, then a table: requests, chatload's load time by its ledger, the ceiling's
# time, their ratio, milliseconds per request of each, chatload's peak live heap.
# Usage: bench/large.sh [VISITORS...]   (default: 600 6000, crawl.sh's account and ten times it)
# LATENCY_MS (20), CONCURRENCY (4), GC_EVERY (10), SANDBOX_HEAP (4g) from the environment.
source "$(dirname "$0")/lib.sh"
require_build
machine_load start
ACCOUNTS=("$@")
[[ ${#ACCOUNTS[@]} -eq 0 ]] && ACCOUNTS=(600 6000)
LATENCY=${LATENCY_MS:-20}
CONCURRENCY=${CONCURRENCY:-4}
GC_EVERY=${GC_EVERY:-10}
SANDBOX_HEAP=${SANDBOX_HEAP:-4g}
P_REC=${BENCH_PORT:-18321}; P_PROXY=$((P_REC + 1)); P_RUN=$((P_REC + 2))
CONC=(-Dchatload.chaport.concurrency="$CONCURRENCY" -Dchatload.chatforma.concurrency="$CONCURRENCY")
LINES=()

measure() { # visitors
  local visitors=$1 label="large-$1"
  local args=(--scale small --visitors "$visitors" --seed 42)
  rm -f "$WORK/$label"-*.db "$WORK/$label-urls.txt"

  # the URL list chatload fetches, recorded without latency (not measured)
  start_sandbox "$P_REC" "$WORK/$label-rec.sandbox.log" -Xmx"$SANDBOX_HEAP" -- "${args[@]}" --links relative
  java -cp "$CP" io.chatload.bench.RecordingProxy "$P_PROXY" "http://127.0.0.1:$P_REC" "$WORK/$label-urls.txt" \
    >"$WORK/$label-proxy.log" 2>&1 &
  local proxy=$!
  sleep 1.5
  run_chatload "$P_PROXY" "jdbc:h2:file:$WORK/$label-rec" "$WORK/$label-rec.log" "${CONC[@]}"
  kill "$proxy"; wait "$proxy" 2>/dev/null || true
  stop_sandboxes
  local urls; urls=$(wc -l <"$WORK/$label-urls.txt")

  # the measured crawl, chatload under -Xmx256m with its live heap sampled
  start_sandbox "$P_RUN" "$WORK/$label.sandbox.log" -Xmx"$SANDBOX_HEAP" -- "${args[@]}" --latency-ms "$LATENCY"
  local db="jdbc:h2:file:$WORK/$label-run"
  SAMPLES="$WORK/$label.samples"; rm -rf "$SAMPLES"; mkdir -p "$SAMPLES"
  WHILE_RUNNING=live_sample WHILE_EVERY=$GC_EVERY run_chatload "$P_RUN" "$db" "$WORK/$label.log" \
    -Xmx256m -XX:+ExitOnOutOfMemoryError "${CONC[@]}"
  local proc=$RUN_SECONDS requests load
  requests=$(sandbox_requests "$P_RUN")
  load=$(load_seconds "$db")
  local live samples peak
  read -r live samples peak < <(peak_live_heap "$SAMPLES")
  [[ -n "${peak:-}" ]] && cp "$SAMPLES/$peak" "$WORK/$label.peak-histo.txt"
  rm -rf "$SAMPLES"

  # the ceiling: the same URLs, same concurrency, same sandbox
  java -cp "$CP" io.chatload.bench.CeilingFetch "$WORK/$label-urls.txt" "http://127.0.0.1:$P_RUN" "$CONCURRENCY" \
    "$CHAPORT_TOKEN_VALUE" "$CHATFORMA_KEY_VALUE" >"$WORK/$label-ceiling.log"
  local ceiling; ceiling=$(sed -n 's/^CEILING_SECONDS=//p' "$WORK/$label-ceiling.log")
  stop_sandboxes
  local rows; rows=$(total_rows "$db" | sed -n 's/^TOTAL_ROWS=//p')

  echo "large $visitors visitors: recorded URLs $urls, requests $requests, rows $rows; chatload ${load} s (load, by its ledger; process ${proc} s), ceiling ${ceiling} s, ratio $(ratio "$load" "$ceiling"); peak live heap ${live} MB (largest of $samples samples, -Xmx256m)"
  LINES+=("$visitors $requests $rows $load $ceiling $live")
}

for visitors in "${ACCOUNTS[@]}"; do
  measure "$visitors"
done
machine_load end
python3 - "${LINES[@]}" <<'PY'
import sys
print(f"{'visitors':>8} {'requests':>9} {'rows':>8} {'chatload s':>10} {'ceiling s':>9} {'ratio':>6} {'ms/req':>7} {'ceil ms/req':>11} {'live heap MB':>12}")
for line in sys.argv[1:]:
    v, req, rows, load, ceil, live = line.split()
    req, load, ceil = int(req), float(load), float(ceil)
    print(f"{v:>8} {req:>9} {rows:>8} {load:>10.3f} {ceil:>9.3f} {load / ceil:>6.3f} {1000 * load / req:>7.3f} {1000 * ceil / req:>11.3f} {live:>12}")
PY
