# Shared by the benchmarks: the project's cluster, a Hetu instance on the benchmark database, and timing.
source "$(dirname "${BASH_SOURCE[0]}")/../hetu"

BENCH_DB="${HETU_BENCH_DB:-hetu_bench}"
BENCH_PORT="${HETU_BENCH_PORT:-18096}"
BENCH_BASE="http://127.0.0.1:$BENCH_PORT"
BENCH_PASSWORD=hetu-bench-admin
RUNS="${HETU_BENCH_RUNS:-15}"
BENCH_PARCELS="${HETU_BENCH_PARCELS:-1000000}"

# Makes sure the benchmark database holds at least BENCH_PARCELS (1,000,000) generated parcels.
bench_database() {
  start_cluster
  ensure_database "$BENCH_DB"
  export HETU_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$BENCH_DB" HETU_DB_USER=hetu
  HETU_DB_PASSWORD="$(cat "$PASSWORD_FILE")"; export HETU_DB_PASSWORD
  [ -f "$ROOT/target/hetu.jar" ] || build_jar
  local parcels
  parcels=$(bench_psql -tAc "SELECT count(*) FROM land_parcel WHERE code LIKE 'GEN-%'" 2>/dev/null || echo 0)
  if [ "$parcels" -lt "$BENCH_PARCELS" ]; then
    say "generating $((BENCH_PARCELS - parcels)) parcels into $BENCH_DB"
    HETU_DEMO=false HETU_ADMIN_PASSWORD="$BENCH_PASSWORD" java -jar "$ROOT/target/hetu.jar" --server.port=0 \
      --hetu.generate.parcels=$((BENCH_PARCELS - parcels))
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

# x and y of the tile holding lon/lat at zoom z (Web Mercator XYZ).
tile_at() {
  awk -v z="$1" -v lon="$2" -v lat="$3" 'BEGIN { pi = atan2(0, -1); n = 2 ^ z; r = lat * pi / 180;
    printf "%d %d", int((lon + 180) / 360 * n), int((1 - log(sin(r) / cos(r) + 1 / cos(r)) / pi) / 2 * n) }'
}

# The raw land-parcel tile z x y: ST_AsMVT of every parcel in it with the fields the app's tiles carry, then
# any tail (the app's own plain tiles add "ORDER BY t.id LIMIT 20000").
parcel_tile_sql() {
  echo "SELECT ST_AsMVT(f, 'land_parcel', 4096, 'geom', 'fid') FROM (
    SELECT t.id AS fid, t.id, t.code, t.name, t.status, t.department, t.category, t.disposal_status,
           ST_AsMVTGeom(ST_Transform(t.geom, 3857), ST_TileEnvelope($1, $2, $3), 4096, 64, true) AS geom
    FROM land_parcel t WHERE t.geom && ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 4490) ${4:-}) f"
}

# The named percentiles (50%, 99%, ...) of the wrk --latency report on standard input, in ms, space separated.
wrk_ms() {
  awk -v want="$*" 'function ms(v,  u) { u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
      return u == "us" ? v / 1000 : (u == "s" ? v * 1000 : v) }
    BEGIN { n = split(want, w, " ") } { for (i = 1; i <= n; i++) if ($1 == w[i]) got[i] = ms($2) }
    END { for (i = 1; i <= n; i++) printf "%s%.1f", (i > 1 ? " " : ""), got[i] }'
}

# Adds a line to the summary bench/all prints at the end: what, raw, app, ratio, target.
summary() {
  [ -z "${HETU_BENCH_SUMMARY:-}" ] || printf '%s\t%s\t%s\t%s\t%s\n' "$@" >>"$HETU_BENCH_SUMMARY"
}

# Starts a summary (bench/all, bench/scale): the lines summary() adds, printed by print_summary.
start_summary() {
  export HETU_BENCH_SUMMARY="$ROOT/target/bench-summary-$1.tsv"
  mkdir -p "$ROOT/target" && : >"$HETU_BENCH_SUMMARY"
}

print_summary() {
  echo
  echo "Summary ($BENCH_DB, $(bench_psql -tAc "SELECT count(*) FROM land_parcel") parcels, $(nproc) cores)"
  printf '%-78s %16s %16s %8s  %s\n' workload raw app ratio target
  while IFS=$'\t' read -r what raw app ratio target; do
    printf '%-78s %16s %16s %8s  %s\n' "$what" "$raw" "$app" "$ratio" "$target"
  done <"$HETU_BENCH_SUMMARY"
}

# app / raw to two places, as "1.23x".
ratio() { awk -v a="$1" -v r="$2" 'BEGIN {printf "%.2fx", a / r}'; }

row() { printf '%-58s %10s %10s %8s\n' "$@"; }
