#!/usr/bin/env bash
# The benchmarks of issue 7, in one run against a freshly started application: generate the shelf
# (bench/generate.py), then for each scenario (catalog search, listing detail, order placement,
# auditor reports) the maximum throughput with wrk at several connection counts, latency percentiles
# at a fixed rate (half the maximum; bench/load/FixedRate.java corrects coordinated omission), and
# the ceilings measured in the same run: pgbench with the application's own SQL (bench/pgbench/,
# -M prepared, same concurrency) and a trivial endpoint of the same application
# (/actuator/health/liveness). Search runs twice, with exposure counting on and off (a restart in
# between, which is also the "second start" measured). Writes bench/results/<UTC time>.md.
#
#   bench/run.sh                                   # 1,000,000 listings, 100,000 sellers (about 20 min)
#   LISTINGS=10000 SELLERS=2000 bench/run.sh       # a quick run
#   DURATION=15 CONNECTIONS="4 16 64" RATE_SECONDS=30 SHOPPERS=200 PORT=18180 DB_PORT=55539 bench/run.sh
#   SCENARIOS=orders LISTINGS=100000 SELLERS=10000 bench/run.sh   # only the orders (and their invariants)
#   SCENARIOS=feed FLASH_SALE=0 LISTINGS=100000 SELLERS=10000 bench/run.sh      # the feed at 1,000,000 posts
#   SCENARIOS=opensearch LISTINGS=100000 SELLERS=10000 bench/run.sh   # search on PostgreSQL and on OpenSearch, side by side
# SCENARIOS: "all" (default), or any of: trivial search detail orders reports feed opensearch (the restarts without
# exposure counting and without kept search orders go with search); the flash sale runs with "all" only.
# opensearch (ADR 0032; not part of "all"): an OpenSearch node from tools/opensearch-node on OS_PORT (default PORT+20)
# with OS_HEAP (1g); kept search orders off on both backends, so every request ranks: the broad query alone
# (q=batik, BROAD) and the search mix, first with MARKETPLACE_SEARCH_BACKEND=postgres, then with opensearch after the
# index is built from the shelf (timed); the side-by-side table is appended to the report. The node's CPU is counted
# as "DB CPU" there, with PostgreSQL's.
# The feed (issue 21): generate.py adds creators and POSTS posts (1,000,000 when the feed scenario runs, else 0:
# the other scenarios' data and generation time are as before; POSTS > 0 adds them to any run), the bench shoppers
# follow 50 to 200 authors each (a few up to 1,000: generate.py --follows), and bench/load/feed.py walks
# FEED_SHOPPERS (20) of them, spread over the follow counts, from the first page to page FEED_DEPTH (50) through
# the API's cursors; then wrk and the fixed-rate client on the first page and on page FEED_DEPTH (the fixed-rate
# run sends both, alternately, so that their latencies are measured in one run), GET /api/v1/discover's first
# page, and pgbench with the same SQL (bench/pgbench/feed.sql, discover.sql).
# Then the flash sale, bench/flash-sale.sh, on PORT+1 and DB_PORT+1 (FLASH_SALE=0 skips it).
# Needs a JDK 17+, python3 and curl; installs wrk, psql and pgbench (Debian: wrk, postgresql-client) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
LISTINGS=${LISTINGS:-1000000}
SELLERS=${SELLERS:-100000}
SHOPPERS=${SHOPPERS:-200}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-4 16 64}
RATE_SECONDS=${RATE_SECONDS:-30}
PORT=${PORT:-18180}
DB_PORT=${DB_PORT:-55539}
HEAP=${HEAP:-512m}
SCENARIOS=${SCENARIOS:-all}
SETTLE_PERCENT=${SETTLE_PERCENT:-2}
want() { { [ "$SCENARIOS" = all ] && [ "$1" != opensearch ]; } || [[ " $SCENARIOS " == *" $1 "* ]]; }
OS_PORT=${OS_PORT:-$((PORT + 20))}
OS_HEAP=${OS_HEAP:-1g}
BROAD=${BROAD:-batik}
NODE=
POSTS=${POSTS:-$(want feed && echo 1000000 || echo 0)}
CREATORS=${CREATORS:-}
FEED_SHOPPERS=${FEED_SHOPPERS:-20}
FEED_DEPTH=${FEED_DEPTH:-50}
BASE="http://localhost:$PORT"
DB="postgresql://postgres@localhost:$DB_PORT/pasar"

need wrk wrk
need psql postgresql-client
need pgbench postgresql-client
for tool in java python3 psql pgbench curl wrk; do command -v "$tool" > /dev/null || { echo "needs $tool" >&2; exit 1; }; done
# always: the bench measures the code as it is now; the application and the modules it is made of only (-pl
# api-gateway -am: api-clients, which generates clients from a running application, is not the bench's)
./mvnw -q -B -DskipTests package -pl api-gateway -am

DATA=$(mktemp -d)
WORK="$DATA/work"
# Started as the image starts it: the extracted jar with its class data sharing archive (tools/cds.sh).
tools/cds.sh api-gateway/target/pasar-api.jar "$DATA/app" > /dev/null
mkdir -p "$WORK" bench/results
STAMP=$(date -u +%Y-%m-%dT%H%MZ)
OUT="bench/results/$STAMP.md"
RESULTS="$WORK/results.tsv"
FACTS="$WORK/facts"
: > "$RESULTS"; : > "$FACTS"
APP=""
fact() { echo "$1=$2" >> "$FACTS"; }
log() { echo "[$(date -u +%H:%M:%S)] $*"; }

stop_app() {
  [ -n "$APP" ] || return 0
  kill "$APP" 2> /dev/null || true
  wait "$APP" 2> /dev/null || true
  APP=""
  # After a hard kill the embedded postmaster outlives the JVM: stop it by its own pid file.
  local pm
  pm=$(head -1 "$DATA/postgres/postmaster.pid" 2> /dev/null || true)
  if [ -n "$pm" ] && kill -0 "$pm" 2> /dev/null; then kill "$pm" 2> /dev/null || true; sleep 2; fi
}
stop_node() { [ -n "$NODE" ] && { kill "$NODE" 2> /dev/null || true; wait "$NODE" 2> /dev/null || true; NODE=""; }; return 0; }
cleanup() { stop_app; stop_node; cp -f "$DATA/app.log" "bench/results/$STAMP-app.log" 2> /dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

start_app() { # exposure counting on|off, text search orders kept true|false, more arguments; sets APP and STARTED_IN (seconds to readiness)
  local t0 t1 counting=$1 kept=${2:-true}
  shift; [ $# -gt 0 ] && shift
  t0=$(date +%s.%N)
  java -Xmx"$HEAP" -XX:SharedArchiveFile="$DATA/app/pasar-api.jsa" -jar "$DATA/app/pasar-api.jar" --server.port="$PORT" --pasar.embedded-database-port="$DB_PORT" \
    --pasar.data-dir="$DATA" --pasar.admin.email=bench@pasar.test --pasar.admin.password=bench-password-1 \
    --pasar.orders.rate-limit.per-minute=1000000 --pasar.orders.max-unpaid-units-per-listing=1000000 \
    --pasar.exposure.counting-enabled="$counting" --pasar.search.kept-orders.enabled="$kept" "$@" >> "$DATA/app.log" 2>&1 &
  APP=$!
  await_ready "$BASE/actuator/health/readiness" "$APP" "the application" "$DATA/app.log" 0.2
  t1=$(date +%s.%N)
  STARTED_IN=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}')
}

rate() { awk -v a="$1" -v b="$2" -v s="$3" 'BEGIN {printf "%.2f", (b - a) / s}'; }

wrk_run() { # scenario connections script args...
  local scenario=$1 c=$2 script=$3 a0 d0 a1 d1 line t0 t1 secs
  shift 3
  a0=$(cpu_app); d0=$(cpu_db); t0=$(date +%s.%N)
  line=$(wrk -t2 -c"$c" -d"${DURATION}s" --timeout 30s -s "$script" "$BASE" -- "$@" | grep '^WRK ')
  t1=$(date +%s.%N); a1=$(cpu_app); d1=$(cpu_db)
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')
  echo "$line" | awk -v s="$scenario" -v c="$c" -v ac="$(rate "$a0" "$a1" "$secs")" -v dc="$(rate "$d0" "$d1" "$secs")" '{
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "wrk\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", s, c, v["rps"], v["p50_ms"], v["p99_ms"],
      v["non2xx"] + v["connect"] + v["read"] + v["write"] + v["timeout"], ac, dc }' | tee -a "$RESULTS"
}

pgbench_run() { # scenario connections script vars-files...
  local scenario=$1 c=$2 script=$3 vars=() f kv out a0 d0 a1 d1 t0 t1 secs
  shift 3
  for f in "$@"; do while IFS= read -r kv; do [ -n "$kv" ] && vars+=(-D "$kv"); done < "$f"; done
  a0=$(cpu_app); d0=$(cpu_db); t0=$(date +%s.%N)
  # A failed run is reported (its tps so far, and the failure in the log), not fatal to the whole bench.
  # The planner settings of the application's pooled connections (application.yml connection-init-sql), but no
  # statement timeout: a ceiling that aborts its clients (pgbench stops a client at its first error) measures nothing.
  out=$(PGOPTIONS="-c statement_timeout=0 -c max_parallel_workers_per_gather=0 -c pg_trgm.strict_word_similarity_threshold=0.44" pgbench -n -M prepared -c "$c" -j 2 -T "$DURATION" "${vars[@]}" -f "$script" "$DB" 2>&1) || echo "$out" | grep -v '^pgbench: error: client' >&2 || true
  t1=$(date +%s.%N); a1=$(cpu_app); d1=$(cpu_db)
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')
  echo "$out" | awk -v s="$scenario" -v c="$c" -v ac="$(rate "$a0" "$a1" "$secs")" -v dc="$(rate "$d0" "$d1" "$secs")" '
    /^tps = / {tps = $3} /^latency average/ {lat = $4} /number of failed transactions/ {failed = $5}
    END {printf "pgbench\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", s, c, tps, lat, failed, ac, dc}' | tee -a "$RESULTS"
}

fixed_run() { # scenario rate args...
  local scenario=$1 r=$2
  shift 2
  # The same requests for a few seconds first, so that the figures are of a running service (JIT, caches, kept
  # search orders) and not of its first seconds after the idle minute of the pgbench runs.
  java -Xmx256m bench/load/FixedRate.java --base "$BASE" --rate "$r" --seconds 5 "$@" > /dev/null 2>&1 || true
  java -Xmx256m bench/load/FixedRate.java --base "$BASE" --rate "$r" --seconds "$RATE_SECONDS" "$@" | tee "$WORK/fixed-$scenario.txt" |
    awk -v s="$scenario" '/^FIXED label/ {
      for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      printf "fixed\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", s, v["label"], v["rate"], v["due"], v["errors"],
        v["p50_ms"], v["p90_ms"], v["p99_ms"], v["p999_ms"], v["max_ms"] }' | tee -a "$RESULTS"
}

best_rps() { awk -F'\t' -v s="$1" '$1 == "wrk" && $2 == s && $3 + 0 > 0 { if ($4 > m) m = $4 } END {printf "%.0f", m}' "$RESULTS"; }
half() { awk -v r="$(best_rps "$1")" 'BEGIN {h = r / 2; printf "%.1f", h < 1 ? 1 : h}'; }
# The feed's and discover's fixed rates: half the best run that had no failed request (when one had none), so that a
# run whose failures answered fast does not set a rate the service cannot hold.
best_ok_rps() { awk -F'\t' -v s="$1" '$1 == "wrk" && $2 == s && $3 + 0 > 0 { if ($4 > m) m = $4; if ($7 == 0 && $4 > k) k = $4 }
  END {printf "%.1f", (k > 0 ? k : m)}' "$RESULTS"; }
half_ok() { awk -v r="$(best_ok_rps "$1")" 'BEGIN {h = r / 2; printf "%.1f", (h < 0.2 ? 0.2 : h)}'; }
half_lower() { awk -v a="$(best_ok_rps "$1")" -v b="$(best_ok_rps "$2")" 'BEGIN {h = (a < b ? a : b) / 2; printf "%.1f", h < 1 ? 1 : h}'; }
warm() { local seconds=$1; shift; wrk -t2 -c4 -d"${seconds}s" --timeout 30s -s "$@" > /dev/null 2>&1 || true; }

# --- the machine, the application, the data ---------------------------------------------------------
fact started "$(date -u +%FT%TZ)"
fact machine "$(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM"
fact load_before "$(cut -d' ' -f1-3 /proc/loadavg)"
fact java "$(java -version 2>&1 | head -1)"
fact listings "$LISTINGS"; fact sellers "$SELLERS"; fact shoppers "$SHOPPERS"; fact duration "$DURATION"
fact connections "$CONNECTIONS"; fact rate_seconds "$RATE_SECONDS"; fact heap "$HEAP"; fact scenarios "$SCENARIOS"; fact settle_percent "$SETTLE_PERCENT"
fact posts "$POSTS"; fact feed_shoppers "$FEED_SHOPPERS"; fact feed_depth "$FEED_DEPTH"
fact commit "$(git rev-parse --short HEAD 2> /dev/null || echo unknown)"

log "starting the application (exposure counting on) in $DATA"
start_app true
fact first_start "$STARTED_IN"
fact postgres "$(psql -X -tA -c 'SHOW server_version' "$DB"), shared_buffers $(psql -X -tA -c 'SHOW shared_buffers' "$DB")"
log "generating $LISTINGS listings of $SELLERS sellers$([ "$POSTS" -gt 0 ] && echo ", creators and $POSTS posts")"
T0=$(date +%s)
python3 bench/generate.py --listings "$LISTINGS" --sellers "$SELLERS" --posts "$POSTS" ${CREATORS:+--creators "$CREATORS"} \
  --db "$DB" 2>&1 | tee "$WORK/generate.txt"
fact generate_seconds "$(( $(date +%s) - T0 ))"
fact decisions "$(psql -X -tA -c 'SELECT count(*) FROM compliance.decisions' "$DB")"
fact database_size "$(psql -X -tA -c "SELECT pg_size_pretty(pg_database_size('pasar'))" "$DB")"
if [ "$POSTS" -gt 0 ]; then
  fact posts_size "$(psql -X -tA -c "SELECT pg_size_pretty(pg_total_relation_size('social.posts'))
    || ' (table ' || pg_size_pretty(pg_relation_size('social.posts')) || ', posts_by_author '
    || pg_size_pretty(pg_relation_size('social.posts_by_author')) || ')'" "$DB")"
fi
log "preparing accounts and request files"
python3 bench/load/prepare.py --base "$BASE" --db "$DB" --work "$WORK" --shoppers "$SHOPPERS"
if want feed; then
  log "follows, and walking $FEED_SHOPPERS shoppers' feeds to page $FEED_DEPTH"
  python3 bench/generate.py --follows --db "$DB" 2>&1 | tee -a "$WORK/generate.txt"
  python3 bench/load/feed.py --base "$BASE" --db "$DB" --work "$WORK" --shoppers "$FEED_SHOPPERS" --depth "$FEED_DEPTH" |
    tee "$WORK/feed-prepare.txt"
fi
echo "/actuator/health/liveness" > "$WORK/trivial.txt"
awk '{print "/api/v1/catalog/listings/" $1}' "$WORK/detail-ids.txt" > "$WORK/detail-paths.txt"
FROM=$(date -d '-800 days' +%F); TO=$(date +%F)
printf 'sellers report\t/api/v1/compliance/reports/sellers?from=%s&to=%s\nlistings report\t/api/v1/compliance/reports/listings?from=%s&to=%s\n' \
  "$FROM" "$TO" "$FROM" "$TO" > "$WORK/reports-paths.txt"

# --- trivial endpoint, search, detail: maximum throughput, and the database's ceiling ---------------------
if want trivial; then
log "trivial endpoint"
warm 5 bench/load/paths.lua "$BASE" -- "$WORK/trivial.txt"
for c in $CONNECTIONS; do wrk_run trivial "$c" bench/load/paths.lua "$WORK/trivial.txt"; done
fi
if want search; then
log "search (exposure counting on)"
warm 5 bench/load/paths.lua "$BASE" -- "$WORK/search-paths.txt"
for c in $CONNECTIONS; do wrk_run search-on "$c" bench/load/paths.lua "$WORK/search-paths.txt"; done
for c in $CONNECTIONS; do pgbench_run search "$c" bench/pgbench/search.sql "$WORK/search.vars"; done
fi
if want detail; then
log "listing detail"
warm 5 bench/load/paths.lua "$BASE" -- "$WORK/detail-paths.txt" - random
for c in $CONNECTIONS; do wrk_run detail "$c" bench/load/paths.lua "$WORK/detail-paths.txt" - random; done
for c in $CONNECTIONS; do pgbench_run detail "$c" bench/pgbench/detail.sql "$WORK/counts.vars"; done
fi

# --- the feed: its first page and a deep one, each connection count back to back; discover; their ceilings -------
if want feed; then
log "feed: first page, page $FEED_DEPTH, discover"
warm 5 bench/load/paths.lua "$BASE" -- "$WORK/feed-mix.txt"
for c in $CONNECTIONS; do
  wrk_run feed-first "$c" bench/load/paths.lua "$WORK/feed-first.txt"
  wrk_run feed-deep "$c" bench/load/paths.lua "$WORK/feed-deep.txt"
done
warm 5 bench/load/paths.lua "$BASE" -- "$WORK/discover.txt"
for c in $CONNECTIONS; do wrk_run discover "$c" bench/load/paths.lua "$WORK/discover.txt"; done
for c in $CONNECTIONS; do
  pgbench_run feed-first "$c" bench/pgbench/feed.sql "$WORK/feed.vars" "$WORK/feed-first.vars"
  pgbench_run feed-deep "$c" bench/pgbench/feed.sql "$WORK/feed.vars" "$WORK/feed-deep.vars"
done
for c in $CONNECTIONS; do pgbench_run discover "$c" bench/pgbench/discover.sql "$WORK/discover.vars"; done
fi

# --- latency at half the maximum rate (open model) ---------------------------------------------------------
log "fixed-rate latency"
if want trivial; then fixed_run trivial "$(half trivial)" --paths "$WORK/trivial.txt"; fi
if want search; then fixed_run search-on "$(half search-on)" --paths "$WORK/search-paths.txt"; fi
if want detail; then fixed_run detail "$(half detail)" --paths "$WORK/detail-paths.txt" --random; fi
# The feed's first and deep pages alternate in one run, at half the lower of their maxima.
if want feed; then
  fixed_run feed "$(half_lower feed-first feed-deep)" --paths "$WORK/feed-mix.txt"
  fixed_run discover "$(half_ok discover)" --paths "$WORK/discover.txt"
fi

# --- orders, then the invariants, then the database's ceiling for the same transaction ---------------------
if want orders; then
# One order = its placement and its payment's start (QRIS), two requests; SETTLE_PERCENT of the payments
# are then settled through the sandbox (bench/load/order.lua). Throughput and rates count orders.
log "order placement and payment start"
# Warmed longer than the other scenarios (20 s, not 5): an order runs the most code, and the JIT compiled it for
# well over a minute in the first runs, so the first connection count measured the compiler as much as the orders.
warm 20 bench/load/order.lua "$BASE" -- "$WORK/shopper-tokens.txt" "$WORK/hot.txt" "$WORK/cold.txt" "$SETTLE_PERCENT"
for c in $CONNECTIONS; do
  wrk_run orders "$c" bench/load/order.lua "$WORK/shopper-tokens.txt" "$WORK/hot.txt" "$WORK/cold.txt" "$SETTLE_PERCENT"
done
# The WAL an order writes (docs/scaling.md's capacity model: what one primary's replicas must replay), over the
# fixed-rate run: everything the primary logged meanwhile (the orders' rows and index entries, the outbox and the
# listeners after commit, the ledger, full-page images after checkpoints) per order placed.
wal_mark() { psql -X -tA -c "SELECT pg_current_wal_insert_lsn() || ' ' || (SELECT count(*) FROM orders.orders)" "$DB"; }
read -r wal0 orders0 <<< "$(wal_mark)"
fixed_run orders "$(half orders)" --orders "$WORK/shopper-tokens.txt" "$WORK/hot.txt" "$WORK/cold.txt" \
  --settle-percent "$SETTLE_PERCENT"
sleep 3 # the OrderPlaced listeners of the last orders
read -r wal1 orders1 <<< "$(wal_mark)"
fact wal_orders "$((orders1 - orders0))"
fact wal_bytes_per_order "$(psql -X -tA -c "SELECT round(pg_wal_lsn_diff('$wal1', '$wal0') / greatest($orders1 - $orders0, 1))" "$DB")"
# The refund path, so that the money invariants see it in every run: 20 paid orders cancelled by their
# shoppers (every seller order not shipped is cancelled and refunded whole, items and shipping).
psql -X -tA -F ' ' -c "SELECT o.id, s.n FROM orders.orders o JOIN bench.shoppers s ON s.id = o.shopper_id
  WHERE o.status = 'PAID' ORDER BY o.paid_at LIMIT 20" "$DB" | while read -r order n; do
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $(sed -n "${n}p" "$WORK/shopper-tokens.txt")" \
    -H 'Content-Type: application/json' -d '{"reason":"bench: refund path"}' "$BASE/api/v1/orders/$order/cancel" ||
    echo "cancel of paid order $order failed" >&2
done
# The ledger posts from the outbox after each commit: wait until it has delivered every event (at most 60 s).
for _ in $(seq 60); do
  [ "$(psql -X -tA -c "SELECT count(*) FROM gateway.event_publication WHERE completion_date IS NULL" "$DB")" = 0 ] && break
  sleep 1
done
psql -X -q -P pager=off -f bench/invariants.sql "$DB" | tee "$WORK/invariants.txt"
psql -X -q -c "INSERT INTO gateway.rate_limit_buckets (id, state, expires_at)
  SELECT 'orders:pgbench-' || n, (SELECT state FROM gateway.rate_limit_buckets WHERE id LIKE 'orders:%' LIMIT 1), 4102444800000
  FROM bench.shoppers ON CONFLICT DO NOTHING" "$DB"
read -r wal0 orders0 <<< "$(wal_mark)"
for c in $CONNECTIONS; do pgbench_run orders "$c" bench/pgbench/order.sql "$WORK/counts.vars"; done
read -r wal1 orders1 <<< "$(wal_mark)"
fact wal_pgbench_orders "$((orders1 - orders0))"
fact wal_pgbench_bytes_per_order "$(psql -X -tA -c "SELECT round(pg_wal_lsn_diff('$wal1', '$wal0') / greatest($orders1 - $orders0, 1))" "$DB")"
fi

# --- auditor reports ---------------------------------------------------------------------------------------
if want reports; then
log "auditor reports"
TOKEN=$(cat "$WORK/auditor.token")
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
timed() { for _ in 1 2 3; do curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" -H "Accept: ${2:-application/json}" "$BASE$1"; done | median; }
fact report_sellers_s "$(timed "/api/v1/compliance/reports/sellers?from=$FROM&to=$TO")"
fact report_listings_s "$(timed "/api/v1/compliance/reports/listings?from=$FROM&to=$TO")"
fact report_sellers_csv_s "$(timed "/api/v1/compliance/reports/sellers?from=$FROM&to=$TO" text/csv)"
wrk_run reports 2 bench/load/paths.lua "$WORK/reports-paths.txt" "$WORK/auditor.token"
HWM0=$(awk '/VmHWM/ {print $2}' "/proc/$APP/status")
T0=$(date +%s.%N)
BYTES=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Accept: text/csv' "$BASE/api/v1/compliance/decisions?from=$FROM&to=$TO" | wc -c)
fact csv_export "$(awk -v b="$BYTES" -v t0="$T0" -v t1="$(date +%s.%N)" -v h0="$HWM0" -v h1="$(awk '/VmHWM/ {print $2}' "/proc/$APP/status")" \
  'BEGIN {printf "%.0f MB in %.1f s; peak RSS %d MB before, %d MB after", b / 1048576, t1 - t0, h0 / 1024, h1 / 1024}')"
fi

# --- plans of the main queries, memory, errors; then the second instance, exposure counting off ------------
log "plans"
python3 bench/load/plans.py --db "$DB" --vars "$WORK/search.vars" $(want feed && echo --feed "$WORK") > "$WORK/plans.md" ||
  echo "(no plans)" > "$WORK/plans.md"
fact app_peak_rss_mb "$(awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$APP/status")"
fact app_heap "$(jcmd "$APP" GC.heap_info 2> /dev/null | awk '/heap total/ {print; exit}' | sed 's/^ *//')"
fact app_cpu_total_s "$(cpu_app)"
fact log_errors_on "$(grep -c ' ERROR ' "$DATA/app.log" || true)"

if want search; then
log "restart with exposure counting off"
stop_app
start_app false
fact second_start "$STARTED_IN"
fact second_start_logged "$(grep -o 'Started PasarApplication in [0-9.]* seconds' "$DATA/app.log" | tail -1)"
fact load_at_second_start "$(cut -d' ' -f1-3 /proc/loadavg)"
warm 5 bench/load/paths.lua "$BASE" -- "$WORK/search-paths.txt"
for c in $CONNECTIONS; do wrk_run search-off "$c" bench/load/paths.lua "$WORK/search-paths.txt"; done
fixed_run search-off "$(half search-on)" --paths "$WORK/search-paths.txt"
fact app_peak_rss_mb_off "$(awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$APP/status")"

log "restart without kept search orders (every text search page sorts all its matches)"
stop_app
start_app true false
warm 5 bench/load/paths.lua "$BASE" -- "$WORK/search-paths.txt"
for c in $CONNECTIONS; do wrk_run search-unranked "$c" bench/load/paths.lua "$WORK/search-paths.txt"; done
fixed_run search-unranked "$(half search-unranked)" --paths "$WORK/search-paths.txt"
fi
# --- search on PostgreSQL and on OpenSearch, side by side (ADR 0032) ---------------------------------------------
if want opensearch; then
  log "opensearch: broad q=$BROAD and the search mix, kept search orders off, postgres backend"
  printf 'broad\t/api/v1/catalog/listings?q=%s&size=20\n' "$BROAD" > "$WORK/broad-paths.txt"
  fact broad_matches "$(psql -X -tA -c "SELECT count(*) FROM catalog.listings WHERE status = 'PUBLISHED' AND search @@ websearch_to_tsquery('indonesian', '$BROAD')" "$DB")"
  stop_app
  start_app true false --pasar.search.backend=postgres
  warm 20 bench/load/paths.lua "$BASE" -- "$WORK/broad-paths.txt"
  for c in $CONNECTIONS; do wrk_run broad-postgres "$c" bench/load/paths.lua "$WORK/broad-paths.txt"; done
  for c in $CONNECTIONS; do wrk_run mix-postgres "$c" bench/load/paths.lua "$WORK/search-paths.txt"; done
  curl -sf "$BASE/api/v1/catalog/listings?q=$BROAD&size=20" | python3 -c 'import json,sys; print("\n".join(i["listingId"] for i in json.load(sys.stdin)["items"]))' > "$WORK/broad-postgres.txt"
  stop_app
  log "opensearch: starting the node on $OS_PORT"
  rm -rf "$DATA/opensearch"
  java -Xms"$OS_HEAP" -Xmx"$OS_HEAP" -Dpasar.searchnode.detached=true -cp "tools/opensearch-node/target/opensearch-node-0.1.0-SNAPSHOT.jar:$(cat tools/opensearch-node/target/classes/opensearch-node.classpath)" \
    id.pasar.searchnode.OpenSearchNode "$OS_PORT" "$DATA/opensearch" < /dev/null > "$DATA/opensearch.log" 2>&1 &
  NODE=$!
  await_ready "http://127.0.0.1:$OS_PORT/_cluster/health?wait_for_status=green&timeout=1s" "$NODE" "the OpenSearch node" \
    "$DATA/opensearch.log" 0.5
  log "opensearch: building the index from the shelf (at the application's start)"
  T0=$(date +%s)
  start_app true false --pasar.search.backend=opensearch --pasar.search.opensearch.url="http://127.0.0.1:$OS_PORT"
  fact opensearch_index_build_s "$(( $(date +%s) - T0 ))"
  fact opensearch_index "$(curl -sf "http://127.0.0.1:$OS_PORT/_cat/indices?h=index,docs.count,store.size" | tr '\n' ' ')"
  warm 20 bench/load/paths.lua "$BASE" -- "$WORK/broad-paths.txt"
  for c in $CONNECTIONS; do wrk_run broad-opensearch "$c" bench/load/paths.lua "$WORK/broad-paths.txt"; done
  for c in $CONNECTIONS; do wrk_run mix-opensearch "$c" bench/load/paths.lua "$WORK/search-paths.txt"; done
  curl -sf "$BASE/api/v1/catalog/listings?q=$BROAD&size=20" | python3 -c 'import json,sys; print("\n".join(i["listingId"] for i in json.load(sys.stdin)["items"]))' > "$WORK/broad-opensearch.txt"
  fact broad_first_page_same "$(cmp -s "$WORK/broad-postgres.txt" "$WORK/broad-opensearch.txt" && echo yes || echo "no ($(comm -12 <(sort "$WORK/broad-postgres.txt") <(sort "$WORK/broad-opensearch.txt") | wc -l) of 20 in both)")"
  fact opensearch_node_peak_rss_mb "$(awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$NODE/status")"
  stop_app
  stop_node
fi
fact log_errors "$(grep -c ' ERROR ' "$DATA/app.log" || true)"
fact load_after "$(cut -d' ' -f1-3 /proc/loadavg)"
fact finished "$(date -u +%FT%TZ)"
stop_app

python3 bench/report.py --work "$WORK" > "$OUT"
if want opensearch; then
  { echo; echo "## Search on PostgreSQL and on OpenSearch (kept search orders off; ADR 0032)"; echo
    grep -E '^(broad_matches|opensearch_[a-z_]*|broad_first_page_same)=' "$FACTS" | sed 's/^/- /; s/=/: /'; echo
    echo "| scenario | connections | req/s | p50 ms | p99 ms | errors | app CPU | DB (+ node) CPU | req/s vs postgres |"
    echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    awk -F'\t' '$1 == "wrk" && $2 ~ /^(broad|mix)-(postgres|opensearch)$/ {
        split($2, k, "-"); key = k[1] "|" $3; if (k[2] == "postgres") base[key] = $4
        rows[++n] = $0 }
      END { for (i = 1; i <= n; i++) { split(rows[i], f, "\t"); split(f[2], k, "-"); key = k[1] "|" f[3]
        printf "| %s | %s | %.1f | %s | %s | %s | %s | %s | %s |\n", f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9],
          (base[key] > 0 ? sprintf("%.1fx", f[4] / base[key]) : "") } }' "$RESULTS"
  } >> "$OUT"
fi
if want orders; then
  { echo; echo "## WAL per order (docs/scaling.md's capacity model)"; echo
    grep -E '^wal_[a-z_]*=' "$FACTS" | sed 's/^/- /; s/=/: /'
    echo; echo "The application's orders (placement and payment start) over the fixed-rate run, and pgbench's order.sql over"
    echo "its ceilings: every byte the primary logged meanwhile, divided by the orders placed."
  } >> "$OUT"
fi
cp "$RESULTS" "bench/results/$STAMP-results.tsv"
log "report: $OUT"

# --- the flash sale (bench/flash-sale.sh): an instance of its own, on the next ports, its own data directory ----------
if [ "${FLASH_SALE:-1}" = 1 ] && [ "$SCENARIOS" = all ]; then
  log "flash sale"
  SHOPPERS="${FLASH_SHOPPERS:-2000}" PORT=$((PORT + 1)) DB_PORT=$((DB_PORT + 1)) HEAP="$HEAP" BUILD=0 bench/flash-sale.sh
fi
