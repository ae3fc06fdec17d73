#!/usr/bin/env bash
# Benchmark 2: rows per second into H2 and into PostgreSQL at 0 latency, against the database ceiling: a plain JDBC
# batch INSERT of the same rows (JdbcCeiling copies every data table chatload wrote into a fresh database of the same
# kind, same columns, types and primary keys, batches and commits of 500 rows, and times only the inserts).
# chatload's rate = data rows / its load time by its own ledger (fetching at 0 latency included, as a user's run has).
# Usage: bench/db.sh [VISITORS [h2|postgres|both]]   (defaults 2000, both). PostgreSQL: 127.0.0.1:5432, user postgres.
source "$(dirname "$0")/lib.sh"
require_build
machine_load start
VISITORS=${1:-2000}
WHICH=${2:-both}
PORT=${BENCH_PORT:-18401}
PG_HOST=${PG_HOST:-127.0.0.1}

start_sandbox "$PORT" "$WORK/db.sandbox.log" -- --scale small --visitors "$VISITORS" --seed 42

one() { # label chatloadUrl ceilingUrl
  local label=$1 url=$2 ceiling_url=$3
  run_chatload "$PORT" "$url" "$WORK/db-$label.log"
  local rows seconds
  rows=$(total_rows "$url" | sed -n 's/^TOTAL_ROWS=//p')
  seconds=$(load_seconds "$url")
  java -cp "$CP" io.chatload.bench.JdbcCeiling "$url" "${DB_USER:-}" "${DB_PASSWORD:-}" "$ceiling_url" \
    "${DB_USER:-}" "${DB_PASSWORD:-}" 500 | tee "$WORK/db-$label-ceiling.log"
  local crows cseconds
  crows=$(sed -n 's/^CEILING_ROWS=//p' "$WORK/db-$label-ceiling.log")
  cseconds=$(sed -n 's/^CEILING_SECONDS=//p' "$WORK/db-$label-ceiling.log")
  local mine theirs
  mine=$(python3 -c "print(round($rows/$seconds))")
  theirs=$(python3 -c "print(round($crows/$cseconds))")
  RESULT+=("db $label: chatload $rows rows in ${seconds} s = $mine rows/s (process ${RUN_SECONDS} s), ceiling $crows rows in ${cseconds} s = $theirs rows/s, ratio $(ratio "$mine" "$theirs") (goal >= 0.5): $(verdict "$mine >= 0.5*$theirs")")
}

RESULT=()
if [[ $WHICH == h2 || $WHICH == both ]]; then
  rm -f "$WORK"/db-h2*.mv.db
  one h2 "jdbc:h2:file:$WORK/db-h2" "jdbc:h2:file:$WORK/db-h2-ceiling;WRITE_DELAY=0"
fi
if [[ $WHICH == postgres || $WHICH == both ]]; then
  for d in chatload_bench chatload_bench_ceiling; do
    psql -q -h "$PG_HOST" -U postgres -d postgres -c "DROP DATABASE IF EXISTS $d" -c "CREATE DATABASE $d"
  done
  DB_USER=postgres DB_PASSWORD= one postgres "jdbc:postgresql://$PG_HOST:5432/chatload_bench" \
    "jdbc:postgresql://$PG_HOST:5432/chatload_bench_ceiling"
fi
machine_load end
printf '%s\n' "${RESULT[@]}"
