#!/usr/bin/env bash
# Benchmark 3 in `run` (the long-lived process): what an unchanged *scheduled* re-run costs once the JVM is warm.
# The sandbox (same seed and scale as crawl.sh, 20 ms latency) serves a copy of routes/ whose schedules are an
# interval of INTERVAL seconds, so Quartz fires every root at start (round 1: the full crawl, one load per root) and
# then every INTERVAL s (rounds 2.., nothing changed upstream). chatload's own ledger (_chatload_loads, both schemas)
# times each round: its span from the first load's start to the last load's finish, and the sum of its loads'
# durations. Requests per round are the sandbox's count, read as each round's last summary line appears in the log.
# Then, for comparison, one cold `run --once` re-run of the same database (process wall time and ledger time) and a
# bare JVM start (`java -jar chatload.jar help`).
# With PROFILE=1 a JFR recording covers the warm rounds (rerun.jfr, and a summary of its hottest frames).
# Usage: bench/rerun.sh [VISITORS [LATENCY_MS [WARM_ROUNDS [INTERVAL_S]]]]   (defaults 600, 20, 3, 60)
source "$(dirname "$0")/lib.sh"
require_build
machine_load start
VISITORS=${1:-600}
LATENCY=${2:-20}
ROUNDS=$((${3:-3} + 1))
INTERVAL=${4:-60}
PORT=${BENCH_PORT:-18311}; MGMT_PORT=$((PORT + 1))
DB="jdbc:h2:file:$WORK/rerun"
ROUTES="$WORK/rerun-routes"
LOG="$WORK/rerun.log"
rm -f "$WORK"/rerun.*.db "$WORK"/rerun.share "$WORK/rerun.jfr"
rm -rf "$ROUTES"; cp -r "$ROOT/routes" "$ROUTES"; rm -rf "$ROUTES/examples"
sed -i -E "s/^(\s*)schedule: .*/\1schedule: ${INTERVAL}s/" "$ROUTES"/*/_source.yaml
if grep -rq "schedule:" --exclude=_source.yaml "$ROUTES"; then echo "a resource file has its own schedule" >&2; exit 2; fi

start_sandbox "$PORT" "$WORK/rerun.sandbox.log" -- --scale small --visitors "$VISITORS" --seed 42 --latency-ms "$LATENCY"
CHAPORT_BASE_URL="http://127.0.0.1:$PORT/chaport/api/v1" CHAPORT_TOKEN=$CHAPORT_TOKEN_VALUE \
CHATFORMA_BASE_URL="http://127.0.0.1:$PORT/chatforma/public/v1" CHATFORMA_API_KEY=$CHATFORMA_KEY_VALUE \
CHAPORT_REQUESTS_PER_SECOND=0 CHATFORMA_REQUESTS_PER_SECOND=0 CHATLOAD_DB_URL="$DB" CHATLOAD_ROUTES="$ROUTES" \
  java -Dchatload.management.port="$MGMT_PORT" -jar "$JAR" run >"$LOG" 2>&1 &
RUN_PID=$!
# chatload's CPU time (user + system, clock ticks of /proc/<pid>/stat) every 50 ms: what a round cost in CPU, a
# figure that, unlike its wall time, other work on the machine hardly moves
TICKS=$(getconf CLK_TCK)
while kill -0 "$RUN_PID" 2>/dev/null; do
  echo "$(date +%s.%N) $(cut -d' ' -f14,15 "/proc/$RUN_PID/stat" 2>/dev/null)"
  sleep 0.05
done >"$WORK/rerun-cpu.txt" &
stop_run() { kill "$RUN_PID" 2>/dev/null || true; wait "$RUN_PID" 2>/dev/null || true; }
trap 'stop_run; stop_sandboxes' EXIT

# the roots Quartz fires, one load each per round
for _ in $(seq 1 240); do
  grep -q "chatload is running its schedule" "$LOG" && break
  kill -0 "$RUN_PID" 2>/dev/null || { echo "run ended early; see $LOG" >&2; tail -20 "$LOG" >&2; exit 1; }
  sleep 0.5
done
ROOTS=$(grep -c " scheduled: " "$LOG")
echo "roots scheduled every ${INTERVAL} s: $ROOTS"

REQUESTS=()
for round in $(seq 1 "$ROUNDS"); do
  for _ in $(seq 1 $((INTERVAL * 40))); do
    [[ $(grep -c "Load [0-9.]* \(COMPLETED\|FAILED\)" "$LOG") -ge $((round * ROOTS)) ]] && break
    kill -0 "$RUN_PID" 2>/dev/null || { echo "run ended early; see $LOG" >&2; tail -20 "$LOG" >&2; exit 1; }
    sleep 0.1
  done
  REQUESTS+=("$(sandbox_requests "$PORT")")
  if [[ $round -eq 1 && -n "${PROFILE:-}" ]]; then
    # JFR's profile settings with Java samples every 1 ms instead of 10-20: a warm round is a few hundred ms
    python3 - "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" "$WORK/rerun.jfc" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
s = re.sub(r'(<event name="jdk.ExecutionSample">.*?<setting name="period"[^>]*>)[^<]*', r'\g<1>1 ms', s, flags=re.S)
open(sys.argv[2], 'w').write(s)
PY
    jcmd "$RUN_PID" JFR.start name=rerun settings="$WORK/rerun.jfc" filename="$WORK/rerun.jfr" >/dev/null
  fi
done
if [[ -n "${PROFILE:-}" ]]; then jcmd "$RUN_PID" JFR.stop name=rerun >/dev/null; fi
grep "FAILED" "$LOG" >&2 || true

# each load by the ledger, read while run still holds the file (through its H2 share: a commit of the last load
# was missing from the file after a SIGTERM), rounds by start time (a round's loads start within a few seconds)
CHATLOAD_DB_URL="$DB" CHATLOAD_ROUTES="$ROUTES" java -jar "$JAR" sql --csv "SELECT load_id, started_at, finished_at FROM chaport_data._chatload_loads UNION ALL SELECT load_id, started_at, finished_at FROM chatforma_data._chatload_loads ORDER BY 2" >"$WORK/rerun-ledger.csv"
stop_run
python3 - "$WORK/rerun-ledger.csv" "$INTERVAL" "${REQUESTS[*]}" "$WORK/rerun-cpu.txt" "$TICKS" <<'PY' | tee "$WORK/rerun-rounds.txt"
import csv, datetime, sys
def p(s):
    s = s.strip().strip('"').replace(" ", "T", 1)
    if s.endswith("Z"): s = s[:-1] + "+00:00"
    if len(s) > 3 and s[-3] in "+-" and s[-6] not in "+-": s += ":00"
    return datetime.datetime.fromisoformat(s)
rows = [r for r in csv.reader(open(sys.argv[1])) if r and r[0] != "load_id"]
loads = {}
for load_id, start, end in rows:  # a load touching both schemas has a row in each: its span over both
    if not end.strip().strip('"'):
        print(f"load {load_id} has no finish time in the ledger: left out", file=sys.stderr)
        continue
    a, b = p(start), p(end)
    s, e = loads.get(load_id, (a, b))
    loads[load_id] = (min(s, a), max(e, b))
rounds = []
for s, e in sorted(loads.values()):
    if rounds and (s - rounds[-1][0][0]).total_seconds() < float(sys.argv[2]) / 2:
        rounds[-1].append((s, e))
    else:
        rounds.append([(s, e)])
requests = [int(x) for x in sys.argv[3].split()]
cpu = []
for line in open(sys.argv[4]):
    parts = line.split()
    if len(parts) == 3:
        cpu.append((float(parts[0]), (int(parts[1]) + int(parts[2])) / int(sys.argv[5])))
def cpu_between(s, e):  # the last sample before the start to the first after the finish
    a, b = s.timestamp(), e.timestamp()
    before = [c for t, c in cpu if t <= a]
    after = [c for t, c in cpu if t >= b]
    return after[0] - before[-1] if before and after else float("nan")
full = None
for i, r in enumerate(rounds):
    span = (max(e for _, e in r) - min(s for s, _ in r)).total_seconds()
    total = sum((e - s).total_seconds() for s, e in r)
    slowest = max((e - s).total_seconds() for s, e in r)
    req = requests[i] - (requests[i - 1] if i else 0) if i < len(requests) else -1
    used = cpu_between(min(s for s, _ in r), max(e for _, e in r))
    if i == 0:
        full, full_req, full_cpu = span, req, used
        if span > float(sys.argv[2]) - 5:
            sys.exit(f"the full crawl took {span:.1f} s, too close to the {sys.argv[2]} s interval: its roots' next"
                     " firings overlapped it; run again with a longer interval (the 4th argument)")
        print(f"round 1 (full crawl): {len(r)} loads, {req} requests, span {span:.3f} s, sum of loads {total:.3f} s, CPU {used:.2f} s")
    else:
        print(f"round {i + 1} (warm re-run): {len(r)} loads, {req} requests ({100 * req / full_req:.2f} %),"
              f" span {span:.3f} s = {100 * span / full:.2f} % of the full crawl (goal <= 2 %:"
              f" {'MET' if span <= 0.02 * full else 'NOT MET'}), slowest load {slowest:.3f} s, sum of loads {total:.3f} s,"
              f" CPU {used:.2f} s = {100 * used / full_cpu:.2f} % of the full crawl's")
PY

# the cold re-run of the same database, and a bare JVM start, for comparison; each also by its CPU time (user + system
# of the processes this shell waited for, from bash's `times`), which a busy machine moves much less than wall time
# (`times` runs in this shell, not in a $(...) subshell, which would have waited for none of them)
cpu_since() { python3 - "$1" "$2" <<'PY'
import re, sys
def children(path):  # the second line of `times`: user and system time of the waited-for children
    return sum(int(m) * 60 + float(s) for m, s in re.findall(r"(\d+)m([\d.]+)s", open(path).read().splitlines()[1]))
print(round(children(sys.argv[2]) - children(sys.argv[1]), 2))
PY
}
before=$(sandbox_requests "$PORT")
times >"$WORK/rerun-times0.txt"
run_chatload "$PORT" "$DB" "$WORK/rerun-once.log"
times >"$WORK/rerun-times1.txt"
ONCE_PROC=$RUN_SECONDS
ONCE_CPU=$(cpu_since "$WORK/rerun-times0.txt" "$WORK/rerun-times1.txt")
ONCE_REQ=$(( $(sandbox_requests "$PORT") - before ))
ONCE_LOAD=$(load_seconds "$DB")
stop_sandboxes
times >"$WORK/rerun-times0.txt"
t0=$(date +%s.%N); java -jar "$JAR" help >/dev/null 2>&1; t1=$(date +%s.%N)
times >"$WORK/rerun-times1.txt"
JVM=$(python3 -c "print(round($t1-$t0,3))")
JVM_CPU=$(cpu_since "$WORK/rerun-times0.txt" "$WORK/rerun-times1.txt")
FULL=$(sed -n 's/^round 1 (full crawl).* span \([0-9.]*\) s.*/\1/p' "$WORK/rerun-rounds.txt")
machine_load end
echo "run --once re-run (cold JVM): $ONCE_REQ requests, load ${ONCE_LOAD} s by the ledger = $(python3 -c "print(f'{100*$ONCE_LOAD/$FULL:.1f}')") % of the full crawl; process ${ONCE_PROC} s (CPU ${ONCE_CPU} s); bare JVM start (java -jar chatload.jar help) ${JVM} s (CPU ${JVM_CPU} s); process - JVM start = $(python3 -c "print(f'{$ONCE_PROC-$JVM:.3f} s = {100*($ONCE_PROC-$JVM)/$FULL:.1f}')") % of the full crawl (goal <= 2 %)"
if [[ -n "${PROFILE:-}" ]]; then
  jfr print --events jdk.ExecutionSample "$WORK/rerun.jfr" >"$WORK/rerun-samples.txt" 2>/dev/null || true
  echo "JFR recording of the warm rounds: $WORK/rerun.jfr (samples as text: $WORK/rerun-samples.txt)"
fi
