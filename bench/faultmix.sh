#!/usr/bin/env bash
# Tail tolerance: a full crawl through the sandbox's fault mix against the same crawl without faults.
# 1. Clean: a sandbox (seed 42, small scale), `run --once` into a fresh H2 file.
# 2. The mix without its slow answers (5xx, 429, resets only): what the retries' waits cost, which no timeout removes.
# 3. The whole mix, `--faults FAULTS --slow-ms SLOW_MS` (by default a slow answer comes after 65 s, past the 60 s read
#    timeout): what slow answers add on top.
# Each run against a fresh sandbox with the same data, into its own H2 file; every run gets max-attempts 10 (at 18 %
# faults, 5 tries leave about one page in 5 000 failing: one crawl in four here). Printed: load times by the
# ledger, process wall times, the faults injected, the retries by cause with the waits before them, the adaptive
# timeout's cuts, and each table's rows (all runs must load the same). Goal: the faulty crawl takes at most 2x the
# clean one.
# Usage: bench/faultmix.sh [VISITORS=200 [LATENCY_MS=0 [FAULTS [SLOW_MS]]]]; CHATLOAD_OPTS adds -D settings to chatload.
source "$(dirname "$0")/lib.sh"
require_build
machine_load start
VISITORS=${1:-200}
LATENCY=${2:-0}
FAULTS=${3:-5xx=0.10,429=0.05,reset=0.02,slow=0.01}
SLOW_MS=${4:-65000}
NO_SLOW=$(echo "$FAULTS" | tr ',' '\n' | grep -v '^slow=' | paste -sd, -)
read -r -a OPTS <<<"-Dchatload.http.max-attempts=10 ${CHATLOAD_OPTS:-}"
P=${BENCH_PORT:-18501}
SANDBOX_ARGS=(--scale small --visitors "$VISITORS" --seed 42 --latency-ms "$LATENCY")
rm -f "$WORK"/faultmix-*.mv.db

# crawl NAME PORT [SANDBOX_ARGS...]: one `run --once` against a fresh sandbox; sets <NAME>_PROC/_REQ/_INJECTED/_DB
crawl() {
  local name=$1 port=$2; shift 2
  start_sandbox "$port" "$WORK/faultmix-$name.sandbox.log" -- "${SANDBOX_ARGS[@]}" "$@"
  run_chatload "$port" "jdbc:h2:file:$WORK/faultmix-$name" "$WORK/faultmix-$name.log" "${OPTS[@]}"
  printf -v "${name}_PROC" %s "$RUN_SECONDS"
  printf -v "${name}_REQ" %s "$(sandbox_requests "$port")"
  printf -v "${name}_INJECTED" %s "$(curl -fs "http://127.0.0.1:$port/_sandbox/faults")"
  stop_sandboxes
}
crawl clean "$P"
crawl noslow $((P + 1)) --faults "$NO_SLOW"
crawl mix $((P + 2)) --faults "$FAULTS" --slow-ms "$SLOW_MS"
machine_load end

for name in clean noslow mix; do
  printf -v "${name}_LOAD" %s "$(load_seconds "jdbc:h2:file:$WORK/faultmix-$name")"
  printf -v "${name}_TABLES" %s "$(total_rows "jdbc:h2:file:$WORK/faultmix-$name" | sed -n 's/^tables: //p')"
done
cuts() { grep -c 'SlowAnswerException' "$WORK/faultmix-$1.log" || true; }
retries() { grep -c 'retrying (try' "$WORK/faultmix-$1.log" || true; }
# waits NAME: the run's retries by what failed, and the time their workers waited before them (log lines "...: answered
# HTTP 503: retrying (try 2 of 10) after 87 ms"); the waits overlap, as several workers wait at once
waits() {
  python3 - "$WORK/faultmix-$1.log" <<'PY'
import re, sys, collections
count, waited = collections.Counter(), collections.Counter()
for line in open(sys.argv[1], errors='replace'):
    m = re.search(r'(answered HTTP \d+|failed: \w+).*: retrying \(try \d+ of \d+\) (after (\d+) ms|at once)', line)
    if m:
        cause = m.group(1).replace('answered ', '').replace('failed: ', '')
        count[cause] += 1
        waited[cause] += int(m.group(3) or 0)
print(', '.join(f'{c} {count[c]} ({waited[c] / 1000:.1f} s)' for c in sorted(count))
      + f'; waited {sum(waited.values()) / 1000:.1f} s in all')
PY
}
same="'$clean_TABLES' == '$noslow_TABLES' == '$mix_TABLES'"

echo "visitors $VISITORS, latency $LATENCY ms, chatload options: ${OPTS[*]}"
echo "rows per table (clean): $clean_TABLES"
echo "same rows per table in all three runs: $(verdict "$same")"
echo "faults '$NO_SLOW': injected $noslow_INJECTED; requests $noslow_REQ (clean $clean_REQ); retries $(retries noslow)"
echo "faults '$FAULTS', slow answers after $SLOW_MS ms: injected $mix_INJECTED; requests $mix_REQ; retries $(retries mix), of them slow answers cut short $(cuts mix)"
echo "retries without slow answers, by cause (waited before them): $(waits noslow)"
echo "retries of the mix, by cause (waited before them): $(waits mix)"
echo "process wall time (incl. JVM start): clean ${clean_PROC} s, without slow ${noslow_PROC} s, mix ${mix_PROC} s"
echo "without slow answers: ${noslow_LOAD} s (load, by its ledger) vs clean ${clean_LOAD} s, ratio $(ratio "$noslow_LOAD" "$clean_LOAD") (the retries' waits)"
echo "slow answers add: ${mix_LOAD} s vs ${noslow_LOAD} s without them, ratio $(ratio "$mix_LOAD" "$noslow_LOAD")"
echo "crawl: fault mix ${mix_LOAD} s (load, by its ledger), clean ${clean_LOAD} s, ratio $(ratio "$mix_LOAD" "$clean_LOAD") (goal <= 2): $(verdict "$mix_LOAD <= 2*$clean_LOAD and $same")"
