# Shared helpers of the bench scripts; sourced, not run.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
JAR="$ROOT/target/chatload.jar"
CP="$JAR:$ROOT/target/test-classes"
WORK="${BENCH_WORK:-/tmp/chatload-bench}"
CHAPORT_TOKEN_VALUE=sandbox-chaport-token
CHATFORMA_KEY_VALUE=sandbox-chatforma-key
mkdir -p "$WORK"
SANDBOX_PIDS=()

require_build() {
  if [[ ! -f "$JAR" || ! -f "$ROOT/target/test-classes/io/chatload/bench/CeilingFetch.class" ]]; then
    echo "build first: cd $ROOT && mvn -B -o -q package -DskipTests && mvn -B -o -q test-compile" >&2
    exit 2
  fi
}

# start_sandbox PORT LOG [JAVA_OPTS...] -- [SANDBOX_ARGS...]: starts a sandbox in the background, waits until it answers
start_sandbox() {
  local port=$1 log=$2; shift 2
  local jopts=()
  while [[ $# -gt 0 && $1 != -- ]]; do jopts+=("$1"); shift; done
  [[ $# -gt 0 ]] && shift
  java "${jopts[@]}" -jar "$JAR" sandbox --port "$port" "$@" >"$log" 2>&1 &
  SANDBOX_PIDS+=($!)
  for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$port/_sandbox/stats" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "sandbox on port $port did not start; see $log" >&2
  exit 1
}

stop_sandboxes() {
  for pid in "${SANDBOX_PIDS[@]:-}"; do
    [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${SANDBOX_PIDS[@]:-}"; do
    [[ -n "$pid" ]] && wait "$pid" 2>/dev/null || true
  done
  SANDBOX_PIDS=()
}
trap stop_sandboxes EXIT

# total API requests the sandbox counted so far
sandbox_requests() {
  curl -fs "http://127.0.0.1:$1/_sandbox/stats" | python3 -c 'import json,sys; print(sum(json.load(sys.stdin).values()))'
}

# run_chatload PORT DB_URL LOG [JAVA_OPTS...]: one `run --once` as users run it; sets RUN_SECONDS (process wall time).
# With WHILE_RUNNING set to a function name, that function is called with chatload's pid every WHILE_EVERY seconds
# (default 10) while it runs.
run_chatload() {
  local port=$1 db=$2 log=$3; shift 3
  local t0 t1 rc=0 pid
  t0=$(date +%s.%N)
  CHAPORT_BASE_URL="http://127.0.0.1:$port/chaport/api/v1" CHAPORT_TOKEN=$CHAPORT_TOKEN_VALUE \
  CHATFORMA_BASE_URL="http://127.0.0.1:$port/chatforma/public/v1" CHATFORMA_API_KEY=$CHATFORMA_KEY_VALUE \
  CHAPORT_REQUESTS_PER_SECOND=0 CHATFORMA_REQUESTS_PER_SECOND=0 \
  CHATLOAD_DB_URL="$db" CHATLOAD_DB_USER="${DB_USER:-}" CHATLOAD_DB_PASSWORD="${DB_PASSWORD:-}" \
  CHATLOAD_ROUTES="$ROOT/routes" \
    java "$@" -jar "$JAR" run --once >"$log" 2>&1 &
  pid=$!
  if [[ -n "${WHILE_RUNNING:-}" ]]; then
    while kill -0 "$pid" 2>/dev/null; do
      sleep "${WHILE_EVERY:-10}"
      if kill -0 "$pid" 2>/dev/null; then "$WHILE_RUNNING" "$pid" || true; fi
    done
  fi
  wait "$pid" || rc=$?
  t1=$(date +%s.%N)
  RUN_SECONDS=$(python3 -c "print(round($t1-$t0,3))")
  if [[ $rc -ne 0 ]]; then echo "chatload run failed (exit $rc); see $log" >&2; tail -20 "$log" >&2; exit 1; fi
}

# load_seconds DB_URL: the last load's duration by chatload's own ledger (started_at..finished_at, longest schema)
load_seconds() {
  CHATLOAD_DB_URL="$1" CHATLOAD_DB_USER="${DB_USER:-}" CHATLOAD_DB_PASSWORD="${DB_PASSWORD:-}" CHATLOAD_ROUTES="$ROOT/routes" \
    java -jar "$JAR" sql --csv "SELECT MIN(started_at), MAX(finished_at) FROM (SELECT started_at, finished_at FROM chaport_data._chatload_loads WHERE load_id = (SELECT MAX(load_id) FROM chaport_data._chatload_loads) UNION ALL SELECT started_at, finished_at FROM chatforma_data._chatload_loads WHERE load_id = (SELECT MAX(load_id) FROM chatforma_data._chatload_loads)) t" \
    | tail -1 | python3 -c '
import sys, datetime
a, b = [s.strip().strip("\"") for s in sys.stdin.read().strip().split(",")]
def p(s):
    s = s.replace(" ", "T", 1)
    if s.endswith("Z"): s = s[:-1] + "+00:00"
    if len(s) > 3 and s[-3] in "+-" and s[-6] not in "+-": s += ":00"
    return datetime.datetime.fromisoformat(s)
print(round((p(b) - p(a)).total_seconds(), 3))'
}

# total_rows DB_URL: data rows in both schemas, ledger and state left out
total_rows() {
  CHATLOAD_DB_URL="$1" CHATLOAD_DB_USER="${DB_USER:-}" CHATLOAD_DB_PASSWORD="${DB_PASSWORD:-}" CHATLOAD_ROUTES="$ROOT/routes" \
    java -cp "$CP" io.chatload.bench.RowCount "$1" "${DB_USER:-}" "${DB_PASSWORD:-}"
}

# live_sample PID: one sample of chatload's live heap into $SAMPLES (jcmd GC.class_histogram runs a full GC first)
live_sample() { jcmd "$1" GC.class_histogram >"$SAMPLES/$(date +%s%N).txt" 2>/dev/null; }

# peak_live_heap DIR: "<MB> <samples> <file>" of the largest histogram total among the samples in DIR
peak_live_heap() {
  python3 - "$1" <<'PY'
import os, re, sys
best, best_file, n = 0, '', 0
for f in sorted(os.listdir(sys.argv[1])):
    m = re.search(r'^Total\s+\d+\s+(\d+)', open(os.path.join(sys.argv[1], f)).read(), re.M)
    if m:
        n += 1
        if int(m.group(1)) > best:
            best, best_file = int(m.group(1)), f
print(f'{best / 1048576:.1f}', n, best_file)
PY
}

ratio() { python3 -c "print(f'{$1/$2:.3f}')"; }
verdict() { python3 -c "print('MET' if $1 else 'NOT MET')"; }

# the machine's load, printed with the results: the figures are only comparable on an otherwise idle machine
machine_load() { echo "machine load ($1): $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"; }
