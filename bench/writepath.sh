#!/usr/bin/env bash
# Benchmark 2, write path only: the records a crawl of the sandbox yields (its generated data, same scale, visitors and
# seed as db.sh, serialised to JSON and parsed back as chatload parses responses), fed straight into chatload's loader
# (Destination + LoadBatch, the shipped routes' targets: merge on their keys, child tables, the webhooks' replace, state
# entries, the ledger rows) with no HTTP, into a fresh database, timed from the first record to the last commit
# (WritePathBench). The ceiling is db.sh's: JdbcCeiling reads those very rows back, creates the same tables in a fresh
# database of the same kind and times plain INSERT batches of 500 with a commit each.
# Rate = data rows in the database (ledger, state and outbox tables left out, as db.sh counts) / time.
# Usage: bench/writepath.sh [VISITORS [h2|postgres|mariadb|both|all]]   (defaults 2000, both = h2 and postgres).
# PostgreSQL: 127.0.0.1:5432, user postgres; drops and creates chatload_bench_wp and chatload_bench_wp_ceiling.
# MariaDB: 127.0.0.1:3306, user root (MARIADB_HOST, MARIADB_USER, MARIADB_PASSWORD); chatload's schemas get the prefix
# wp_, the ceiling's wpc_ (a schema is a database there): drops and creates those four databases.
# Environment: BATCH (500), THREADS (1: one feeding thread; 4 feeds each visitor's records on one of 4 threads, as the
# crawl's fan-out does), PROFILE_MS (0: off; e.g. 5 samples the feeding threads' stacks every 5 ms and prints where
# the write path's time goes; the sampling costs a little time itself), WP_CP_PREFIX (classpath entries put before the
# jar for the write-path driver only, e.g. a folder with an older build of one class, to compare before and after),
# WARM (0; 1 first runs chatload's feed and the ceiling's inserts once into other databases, untimed, so that both are
# measured in a warm JVM as a long-running `run` writes: cold, chatload pays the JIT compilation of far more code than
# the ceiling; PostgreSQL's *_warm and MariaDB's wpw_/wpcw_ databases too).
source "$(dirname "$0")/lib.sh"
require_build
machine_load start
VISITORS=${1:-2000}
WHICH=${2:-both}
PG_HOST=${PG_HOST:-127.0.0.1}
BATCH=${BATCH:-500}
THREADS=${THREADS:-1}
PROFILE_MS=${PROFILE_MS:-0}
WARM=${WARM:-0}

one() { # label url ceilingUrl [warmUpUrl warmUpCeilingUrl]
  local label=$1 url=$2 ceiling_url=$3 warm_url=${4:-} warm_ceiling_url=${5:-}
  [[ $WARM == 1 ]] || { warm_url=; warm_ceiling_url=; }
  java -cp "${WP_CP_PREFIX:+$WP_CP_PREFIX:}$CP" io.chatload.bench.WritePathBench "$url" "${DB_USER:-}" "${DB_PASSWORD:-}" "$VISITORS" 42 "$BATCH" \
    "$THREADS" "$PROFILE_MS" $warm_url | tee "$WORK/wp-$label.log"
  local rows seconds records
  seconds=$(sed -n 's/^WRITE_SECONDS=//p' "$WORK/wp-$label.log")
  records=$(sed -n 's/^WRITE_RECORDS=//p' "$WORK/wp-$label.log")
  rows=$(total_rows "$url" | sed -n 's/^TOTAL_ROWS=//p')
  java -cp "$CP" io.chatload.bench.JdbcCeiling "$url" "${DB_USER:-}" "${DB_PASSWORD:-}" "$ceiling_url" \
    "${DB_USER:-}" "${DB_PASSWORD:-}" 500 $warm_ceiling_url | tee "$WORK/wp-$label-ceiling.log"
  local crows cseconds mine theirs
  crows=$(sed -n 's/^CEILING_ROWS=//p' "$WORK/wp-$label-ceiling.log")
  cseconds=$(sed -n 's/^CEILING_SECONDS=//p' "$WORK/wp-$label-ceiling.log")
  mine=$(python3 -c "print(round($rows/$seconds))")
  theirs=$(python3 -c "print(round($crows/$cseconds))")
  local cpu ccpu
  cpu=$(sed -n 's/^WRITE_CPU_SECONDS=//p' "$WORK/wp-$label.log")
  ccpu=$(sed -n 's/^CEILING_CPU_SECONDS=//p' "$WORK/wp-$label-ceiling.log")
  RESULT+=("writepath $label cpu (this JVM's CPU time, all threads; for PostgreSQL without the server's): chatload $(python3 -c "print(round($cpu,3))") s, ceiling $(python3 -c "print(round($ccpu,3))") s, ratio of rates by CPU time $(python3 -c "print(f'{$ccpu/$cpu:.3f}')")")
  local tcpu ctcpu
  tcpu=$(sed -n 's/^WRITE_THREAD_CPU_SECONDS=//p' "$WORK/wp-$label.log")
  ctcpu=$(sed -n 's/^CEILING_THREAD_CPU_SECONDS=//p' "$WORK/wp-$label-ceiling.log")
  if [[ -n $tcpu ]]; then
    RESULT+=("writepath $label thread cpu (the writing thread alone: H2's work included, JIT, GC and database servers not; steadier than wall time on a loaded machine): chatload $(python3 -c "print(round($tcpu,3))") s, ceiling $(python3 -c "print(round($ctcpu,3))") s, ratio $(python3 -c "print(f'{$ctcpu/$tcpu:.3f}')")")
  fi
  RESULT+=("writepath $label${warm_url:+ (warm JVM)}: chatload $rows rows ($records records fed, batch $BATCH, $THREADS thread(s)) in $(python3 -c "print(round($seconds,3))") s = $mine rows/s, ceiling $crows rows in $(python3 -c "print(round($cseconds,3))") s = $theirs rows/s, ratio $(ratio "$mine" "$theirs") (goal >= 0.8): $(verdict "$mine >= 0.8*$theirs")")
}

RESULT=()
if [[ $WHICH == h2 || $WHICH == both || $WHICH == all ]]; then
  rm -f "$WORK"/wp-h2*.mv.db "$WORK"/wp-h2*.trace.db
    # DATABASE_TO_LOWER as chatload opens its H2 files (RowCount and JdbcCeiling read the file with this very URL)
  one h2 "jdbc:h2:file:$WORK/wp-h2;DATABASE_TO_LOWER=TRUE" "jdbc:h2:file:$WORK/wp-h2-ceiling;WRITE_DELAY=0;DATABASE_TO_LOWER=TRUE" \
    "jdbc:h2:file:$WORK/wp-h2-warm;DATABASE_TO_LOWER=TRUE" "jdbc:h2:file:$WORK/wp-h2-ceiling-warm;WRITE_DELAY=0;DATABASE_TO_LOWER=TRUE"
fi
if [[ $WHICH == postgres || $WHICH == both || $WHICH == all ]]; then
  for d in chatload_bench_wp chatload_bench_wp_ceiling chatload_bench_wp_warm chatload_bench_wp_ceiling_warm; do
    psql -q -h "$PG_HOST" -U postgres -d postgres -c "DROP DATABASE IF EXISTS $d" -c "CREATE DATABASE $d"
  done
  DB_USER=postgres DB_PASSWORD= one postgres "jdbc:postgresql://$PG_HOST:5432/chatload_bench_wp" \
    "jdbc:postgresql://$PG_HOST:5432/chatload_bench_wp_ceiling" "jdbc:postgresql://$PG_HOST:5432/chatload_bench_wp_warm" \
    "jdbc:postgresql://$PG_HOST:5432/chatload_bench_wp_ceiling_warm"
fi
if [[ $WHICH == mariadb || $WHICH == all ]]; then
  MARIADB_HOST=${MARIADB_HOST:-127.0.0.1}
  for d in wp_chaport_data wp_chatforma_data wpc_chaport_data wpc_chatforma_data wpw_chaport_data wpw_chatforma_data \
      wpcw_chaport_data wpcw_chatforma_data; do
    mariadb -h "$MARIADB_HOST" -u "${MARIADB_USER:-root}" ${MARIADB_PASSWORD:+-p"$MARIADB_PASSWORD"} -e "DROP DATABASE IF EXISTS $d"
  done
  DB_USER=${MARIADB_USER:-root} DB_PASSWORD=${MARIADB_PASSWORD:-} one mariadb \
    "jdbc:mariadb://$MARIADB_HOST:3306/?chatloadSchemaPrefix=wp_" "jdbc:mariadb://$MARIADB_HOST:3306/?chatloadSchemaPrefix=wpc_" \
    "jdbc:mariadb://$MARIADB_HOST:3306/?chatloadSchemaPrefix=wpw_" "jdbc:mariadb://$MARIADB_HOST:3306/?chatloadSchemaPrefix=wpcw_"
fi
machine_load end
printf '%s\n' "${RESULT[@]}"
