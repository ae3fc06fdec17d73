#!/usr/bin/env bash
# Benchmark 4: chatload's heap at about 100 k and about 1 M chat events, chatload under -Xmx256m.
# The sandbox runs in its own JVM with a large heap (it holds the whole generated account in memory); only chatload
# is limited. The benchmark's figure is the peak live heap: every GC_EVERY seconds (default 5) a class histogram of
# chatload's live objects is taken (jcmd GC.class_histogram, which runs a full GC first); its total is the live set at
# that moment, in bytes, and the peak is the largest (its histogram is kept as mem-<label>.peak-histo.txt). For
# information it also prints, from chatload's GC log (-Xlog:gc), the largest occupancy after any young, mixed or full
# GC (live set plus old garbage G1 has not reclaimed yet) and before any GC.
# Usage: bench/memory.sh [SMALL_VISITORS [LARGE_VISITORS]]   (defaults 6000 and 60000: ~16.5 events per visitor)
# MEM_DB=postgres loads into PostgreSQL (127.0.0.1:5432, user postgres; databases chatload_mem_small/_large are
# dropped and created) instead of an H2 file: chatload's own heap without H2's in-process page cache.
source "$(dirname "$0")/lib.sh"
require_build
machine_load start
SMALL=${1:-6000}
LARGE=${2:-60000}
PORT=${BENCH_PORT:-18201}
SANDBOX_HEAP=${SANDBOX_HEAP:-8g}
GC_EVERY=${GC_EVERY:-5}
MEM_DB=${MEM_DB:-h2}
PG_HOST=${PG_HOST:-127.0.0.1}

# the destination of one measurement: a fresh H2 file, or a fresh PostgreSQL database
fresh_db() { # label
  if [[ $MEM_DB == postgres ]]; then
    psql -q -h "$PG_HOST" -U postgres -d postgres -c "DROP DATABASE IF EXISTS chatload_mem_$1" -c "CREATE DATABASE chatload_mem_$1" >&2
    echo "jdbc:postgresql://$PG_HOST:5432/chatload_mem_$1"
  else
    rm -f "$WORK/mem-$1".*.db
    echo "jdbc:h2:file:$WORK/mem-$1"
  fi
}
if [[ $MEM_DB == postgres ]]; then export DB_USER=postgres DB_PASSWORD=; fi

measure() { # visitors label
  local visitors=$1 label=$2
  rm -f "$WORK/mem-$label.gc.log"
  local db; db=$(fresh_db "$label")
  SAMPLES="$WORK/mem-$label.samples"; rm -rf "$SAMPLES"; mkdir -p "$SAMPLES"
  start_sandbox "$PORT" "$WORK/mem-$label.sandbox.log" -Xmx"$SANDBOX_HEAP" -- --scale small --visitors "$visitors" --seed 42
  WHILE_RUNNING=live_sample WHILE_EVERY=$GC_EVERY run_chatload "$PORT" "$db" "$WORK/mem-$label.log" \
    -Xmx256m -XX:+ExitOnOutOfMemoryError -Xlog:gc:file="$WORK/mem-$label.gc.log"
  local requests; requests=$(sandbox_requests "$PORT")
  stop_sandboxes
  local counts; counts=$(total_rows "$db")
  local events; events=$(sed -n 's/^CHAT_EVENTS=//p' <<<"$counts")
  local rows; rows=$(sed -n 's/^TOTAL_ROWS=//p' <<<"$counts")
  read -r live samples peak < <(peak_live_heap "$SAMPLES")
  [[ -n "${peak:-}" ]] && cp "$SAMPLES/$peak" "$WORK/mem-$label.peak-histo.txt"
  rm -rf "$SAMPLES"
  read -r after before gcs < <(python3 - "$WORK/mem-$label.gc.log" <<'PY'
import re, sys
after = before = n = 0
for line in open(sys.argv[1]):
    # young, mixed and full pauses: Remark and Cleanup report occupancy with the old garbage not yet collected
    m = re.search(r'GC\(\d+\) Pause (Young|Full).* (\d+)M->(\d+)M\((\d+)M\)', line)
    if m:
        n += 1
        before = max(before, int(m.group(2))); after = max(after, int(m.group(3)))
print(after, before, n)
PY
)
  echo "memory $label: $visitors visitors, $events chat events, $rows rows, $requests requests, ${RUN_SECONDS} s," \
       "peak live heap ${live} MB (largest of $samples samples), peak after any GC ${after} MB, peak before GC ${before} MB," \
       "$gcs GC pauses (-Xmx256m)"
  eval "EVENTS_$label=$events LIVE_$label=$live AFTER_$label=$after BEFORE_$label=$before SECONDS_$label=$RUN_SECONDS"
}

measure "$SMALL" small
measure "$LARGE" large
machine_load end
growth=$(python3 -c "print(f'{($LIVE_large/$LIVE_small-1)*100:.1f}')")
ok=$(verdict "$LIVE_large < 1.10 * $LIVE_small")
echo "memory (for information): peak after any GC ${AFTER_small} MB at ${EVENTS_small} events, ${AFTER_large} MB at ${EVENTS_large} events"
echo "memory ($MEM_DB): peak live heap ${LIVE_small} MB at ${EVENTS_small} events, ${LIVE_large} MB at ${EVENTS_large} events, growth ${growth} % (goal < 10 %): $ok"
