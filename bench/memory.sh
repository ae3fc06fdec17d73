#!/usr/bin/env bash
# Benchmark 4: chatload's heap at about 100 k and about 1 M chat events, chatload under -Xmx256m.
# The sandbox runs in its own JVM with a large heap (it holds the whole generated account in memory); only chatload
# is limited. Peak heap is read from chatload's own GC log (-Xlog:gc): the largest heap occupancy after a GC (the live
# set plus old garbage G1 has not reclaimed yet: an upper bound of what must fit; young and mixed pauses, and full
# GCs if any) and, for information, the largest occupancy before a GC.
# Usage: bench/memory.sh [SMALL_VISITORS [LARGE_VISITORS]]   (defaults 6000 and 60000: ~16.5 events per visitor)
source "$(dirname "$0")/lib.sh"
require_build
machine_load start
SMALL=${1:-6000}
LARGE=${2:-60000}
PORT=${BENCH_PORT:-18201}
SANDBOX_HEAP=${SANDBOX_HEAP:-8g}

measure() { # visitors label
  local visitors=$1 label=$2
  rm -f "$WORK/mem-$label".*.db "$WORK/mem-$label.gc.log"
  start_sandbox "$PORT" "$WORK/mem-$label.sandbox.log" -Xmx"$SANDBOX_HEAP" -- --scale small --visitors "$visitors" --seed 42
  run_chatload "$PORT" "jdbc:h2:file:$WORK/mem-$label" "$WORK/mem-$label.log" \
    -Xmx256m -XX:+ExitOnOutOfMemoryError -Xlog:gc:file="$WORK/mem-$label.gc.log"
  local requests; requests=$(sandbox_requests "$PORT")
  stop_sandboxes
  local counts; counts=$(total_rows "jdbc:h2:file:$WORK/mem-$label")
  local events; events=$(sed -n 's/^CHAT_EVENTS=//p' <<<"$counts")
  local rows; rows=$(sed -n 's/^TOTAL_ROWS=//p' <<<"$counts")
  read -r after before gcs < <(python3 - "$WORK/mem-$label.gc.log" <<'PY'
import re, sys
after = before = n = 0
for line in open(sys.argv[1]):
    # young and mixed pauses only: Remark and Cleanup report occupancy with the old garbage not yet collected
    m = re.search(r'GC\(\d+\) Pause (Young|Full).* (\d+)M->(\d+)M\((\d+)M\)', line)
    if m:
        n += 1
        before = max(before, int(m.group(2))); after = max(after, int(m.group(3)))
print(after, before, n)
PY
)
  echo "memory $label: $visitors visitors, $events chat events, $rows rows, $requests requests, ${RUN_SECONDS} s," \
       "peak heap after GC ${after} MB, peak before GC ${before} MB, $gcs GC pauses (-Xmx256m)"
  eval "EVENTS_$label=$events AFTER_$label=$after BEFORE_$label=$before SECONDS_$label=$RUN_SECONDS"
}

measure "$SMALL" small
measure "$LARGE" large
machine_load end
growth=$(python3 -c "print(f'{($AFTER_large/$AFTER_small-1)*100:.1f}')")
ok=$(verdict "$AFTER_large < 1.10 * $AFTER_small")
echo "memory: peak heap after GC ${AFTER_small} MB at ${EVENTS_small} events, ${AFTER_large} MB at ${EVENTS_large} events, growth ${growth} % (goal < 10 %): $ok"
