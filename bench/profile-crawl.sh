#!/usr/bin/env bash
# Where chatload's fan-out threads spend a crawl at 20 ms latency: jstack samples of a `run --once`, each fan-out
# thread's state and topmost chatload/H2/HTTP frame counted over the samples. Diagnostic for crawl.sh's ratio.
# Usage: bench/profile-crawl.sh [VISITORS [LATENCY_MS [SAMPLES]]]   (defaults 600, 20, 40)
source "$(dirname "$0")/lib.sh"
require_build
VISITORS=${1:-600}; LATENCY=${2:-20}; SAMPLES=${3:-40}
PORT=${BENCH_PORT:-18311}
rm -f "$WORK"/profile.*.db "$WORK"/profile-stacks.txt
start_sandbox "$PORT" "$WORK/profile.sandbox.log" -- --scale small --visitors "$VISITORS" --seed 42 --latency-ms "$LATENCY"
CHAPORT_BASE_URL="http://127.0.0.1:$PORT/chaport/api/v1" CHAPORT_TOKEN=$CHAPORT_TOKEN_VALUE \
CHATFORMA_BASE_URL="http://127.0.0.1:$PORT/chatforma/public/v1" CHATFORMA_API_KEY=$CHATFORMA_KEY_VALUE \
CHAPORT_REQUESTS_PER_SECOND=0 CHATFORMA_REQUESTS_PER_SECOND=0 CHATLOAD_DB_URL="jdbc:h2:file:$WORK/profile" \
CHATLOAD_ROUTES="$ROOT/routes" java -jar "$JAR" run --once >"$WORK/profile.log" 2>&1 &
RUNNER=$!
sleep 6
for _ in $(seq 1 "$SAMPLES"); do
  kill -0 "$RUNNER" 2>/dev/null || break
  jstack "$RUNNER" >>"$WORK/profile-stacks.txt" 2>/dev/null || true
  sleep 0.5
done
wait "$RUNNER" || true
grep -E "^  chaport\\.(visitor|chat_events)" "$WORK/profile.log"
machine_load end
python3 - "$WORK/profile-stacks.txt" <<'PY'
import re, sys, collections
text = open(sys.argv[1]).read()
blocks = text.split('\n\n')
where = collections.Counter(); n = 0
for b in blocks:
    if 'chatload-chaport-fan-out' not in b.split('\n', 1)[0]:
        continue
    n += 1
    lines = b.splitlines()
    state = re.search(r'java.lang.Thread.State: (\S+)', b)
    frames = [l.strip()[3:] for l in lines if l.strip().startswith('at ')]
    key = None
    for f in frames:
        if any(p in f for p in ('io.chatload.', 'org.h2.', 'org.apache.hc.', 'java.net.SocketInputStream', 'sun.nio.ch', 'java.util.concurrent.locks', 'java.lang.Object.wait')):
            key = f.split('(')[0]; break
    where[(state.group(1) if state else '?', key or (frames[0].split('(')[0] if frames else '?'))] += 1
print(f"fan-out thread samples: {n}")
for (state, frame), c in where.most_common(15):
    print(f"{100*c/n:5.1f} %  {state:14s} {frame}")
PY
