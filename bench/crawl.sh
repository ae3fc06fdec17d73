#!/usr/bin/env bash
# Benchmarks 1 and 3: a full crawl of the sandbox at 20 ms latency per request against the network ceiling (the same
# URLs fetched by a plain JDK HttpClient at the same concurrency), then a re-run with no upstream change.
# 1. Record: chatload loads the sandbox once through RecordingProxy (sandbox with --links relative, so every link is
#    followed through the proxy); the proxy writes each URL chatload fetched.
# 2. Crawl: a fresh sandbox (same seed, 20 ms latency), `run --once` into a fresh H2 file; then the re-run.
# 3. Ceiling: CeilingFetch GETs the recorded URLs against the same sandbox, CONCURRENCY at a time per API.
# Usage: bench/crawl.sh [VISITORS [LATENCY_MS [CONCURRENCY]]]   (defaults 600, 20, 4 = chatload's default)
source "$(dirname "$0")/lib.sh"
require_build
machine_load start
VISITORS=${1:-600}
LATENCY=${2:-20}
CONCURRENCY=${3:-4}
P_REC=${BENCH_PORT:-18301}; P_PROXY=$((P_REC + 1)); P_RUN=$((P_REC + 2))
SANDBOX_ARGS=(--scale small --visitors "$VISITORS" --seed 42)
rm -f "$WORK"/crawl-*.mv.db "$WORK/crawl-urls.txt"

# 1. record the URL list (no latency)
start_sandbox "$P_REC" "$WORK/crawl-rec.sandbox.log" -- "${SANDBOX_ARGS[@]}" --links relative
java -cp "$CP" io.chatload.bench.RecordingProxy "$P_PROXY" "http://127.0.0.1:$P_REC" "$WORK/crawl-urls.txt" \
  >"$WORK/crawl-proxy.log" 2>&1 &
PROXY_PID=$!
sleep 1.5
run_chatload "$P_PROXY" "jdbc:h2:file:$WORK/crawl-rec" "$WORK/crawl-rec.log" -Dchatload.chaport.concurrency="$CONCURRENCY" -Dchatload.chatforma.concurrency="$CONCURRENCY"
kill "$PROXY_PID"; wait "$PROXY_PID" 2>/dev/null || true
stop_sandboxes
URLS=$(wc -l <"$WORK/crawl-urls.txt")

# 2. the crawl at LATENCY ms, then the unchanged re-run
start_sandbox "$P_RUN" "$WORK/crawl.sandbox.log" -- "${SANDBOX_ARGS[@]}" --latency-ms "$LATENCY"
DB="jdbc:h2:file:$WORK/crawl-run"
run_chatload "$P_RUN" "$DB" "$WORK/crawl-full.log" -Dchatload.chaport.concurrency="$CONCURRENCY" -Dchatload.chatforma.concurrency="$CONCURRENCY"
FULL_PROC=$RUN_SECONDS
FULL_REQ=$(sandbox_requests "$P_RUN")
FULL_LOAD=$(load_seconds "$DB")
run_chatload "$P_RUN" "$DB" "$WORK/crawl-rerun.log" -Dchatload.chaport.concurrency="$CONCURRENCY" -Dchatload.chatforma.concurrency="$CONCURRENCY"
RERUN_PROC=$RUN_SECONDS
RERUN_REQ=$(( $(sandbox_requests "$P_RUN") - FULL_REQ ))
RERUN_LOAD=$(load_seconds "$DB")
grep -E '^  (chaport|chatforma)\.' "$WORK/crawl-rerun.log" >"$WORK/crawl-rerun.resources.txt" || true

# 3. the ceiling: the same URLs, same concurrency, same sandbox
t0=$(date +%s.%N)
java -cp "$CP" io.chatload.bench.CeilingFetch "$WORK/crawl-urls.txt" "http://127.0.0.1:$P_RUN" "$CONCURRENCY" \
  "$CHAPORT_TOKEN_VALUE" "$CHATFORMA_KEY_VALUE" | tee "$WORK/crawl-ceiling.log"
t1=$(date +%s.%N)
CEIL_PROC=$(python3 -c "print(round($t1-$t0,3))")
CEIL=$(sed -n 's/^CEILING_SECONDS=//p' "$WORK/crawl-ceiling.log")
stop_sandboxes

machine_load end
echo "recorded URLs: $URLS; requests the sandbox counted in the crawl: $FULL_REQ"
echo "crawl (process wall time incl. JVM start): chatload ${FULL_PROC} s, ceiling ${CEIL_PROC} s, ratio $(ratio "$FULL_PROC" "$CEIL_PROC")"
echo "re-run (process wall time incl. JVM start): ${RERUN_PROC} s of ${FULL_PROC} s = $(python3 -c "print(f'{100*$RERUN_PROC/$FULL_PROC:.1f}')") %"
echo "rerun: requests ${RERUN_REQ} of ${FULL_REQ} = $(python3 -c "print(f'{100*$RERUN_REQ/$FULL_REQ:.2f}')") %, load time ${RERUN_LOAD} s of ${FULL_LOAD} s = $(python3 -c "print(f'{100*$RERUN_LOAD/$FULL_LOAD:.1f}')") % (goal <= 2 % of both): $(verdict "$RERUN_REQ <= 0.02*$FULL_REQ and $RERUN_LOAD <= 0.02*$FULL_LOAD")"
echo "crawl: chatload ${FULL_LOAD} s (load, by its ledger), ceiling ${CEIL} s, ratio $(ratio "$FULL_LOAD" "$CEIL") (goal <= 1.2): $(verdict "$FULL_LOAD <= 1.2*$CEIL")"
