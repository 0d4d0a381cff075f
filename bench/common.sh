# Shared by the benchmarks: the project's cluster, a Hetu instance on the benchmark database, and timing.
source "$(dirname "${BASH_SOURCE[0]}")/../hetu"

BENCH_DB="${HETU_BENCH_DB:-hetu_bench}"
BENCH_PORT="${HETU_BENCH_PORT:-18096}"
BENCH_BASE="http://127.0.0.1:$BENCH_PORT"
BENCH_PASSWORD=hetu-bench-admin
RUNS="${HETU_BENCH_RUNS:-15}"

# Makes sure the benchmark database holds at least 1,000,000 generated parcels.
bench_database() {
  start_cluster
  ensure_database "$BENCH_DB"
  export HETU_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$BENCH_DB" HETU_DB_USER=hetu
  HETU_DB_PASSWORD="$(cat "$PASSWORD_FILE")"; export HETU_DB_PASSWORD
  [ -f "$ROOT/target/hetu.jar" ] || build_jar
  local parcels
  parcels=$(bench_psql -tAc "SELECT count(*) FROM land_parcel WHERE code LIKE 'GEN-%'" 2>/dev/null || echo 0)
  if [ "$parcels" -lt 1000000 ]; then
    say "generating $((1000000 - parcels)) parcels into $BENCH_DB"
    HETU_DEMO=false HETU_ADMIN_PASSWORD="$BENCH_PASSWORD" java -jar "$ROOT/target/hetu.jar" --server.port=0 \
      --hetu.generate.parcels=$((1000000 - parcels))
  fi
}

bench_psql() { local_psql -d "$BENCH_DB" "$@"; }

# Starts Hetu on the benchmark database with the given JVM options; stopped when the script ends.
bench_app() {
  HETU_DEMO=false HETU_ADMIN_PASSWORD="$BENCH_PASSWORD" java "$@" -jar "$ROOT/target/hetu.jar" \
    --server.port="$BENCH_PORT" >"$ROOT/target/bench-app.log" 2>&1 &
  BENCH_APP=$!
  trap 'kill $BENCH_APP 2>/dev/null || true' EXIT
  # On a loaded machine start-up outlasts one wait: a first migration over a million rows, and the
  # first freeze of the disposal baseline (parcel/DisposalRates, on start-up) took over ten minutes.
  local waits=0
  until wait_for_health "$BENCH_BASE"; do
    waits=$((waits + 1))
    kill -0 "$BENCH_APP" 2>/dev/null && [ "$waits" -lt 30 ] || die "Hetu did not start; see target/bench-app.log"
  done
  BENCH_TOKEN=$(curl -sf -u "admin:$BENCH_PASSWORD" -H 'Content-Type: application/json' -d '{"name":"bench"}' \
    "$BENCH_BASE/api/v1/me/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
}

# Median of the numbers on standard input.
median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

# Server time of an HTTP request in ms, as curl sees it on loopback (time to the last byte).
app_ms() {
  curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $BENCH_TOKEN" "$@" | awk '{printf "%.1f\n", $1 * 1000}'
}

# Time in ms of a SQL statement run in psql, results fetched and discarded (psql's \timing).
sql_ms() {
  printf '\\timing on\n\\o /dev/null\n%s;\n' "$1" | bench_psql | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p'
}

# Runs a command RUNS times after two warm-ups and prints the median.
measure() {
  "$@" >/dev/null; "$@" >/dev/null
  for _ in $(seq "$RUNS"); do "$@"; done | median
}

row() { printf '%-58s %10s %10s %8s\n' "$@"; }
