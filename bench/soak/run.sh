#!/usr/bin/env bash
# Soak (issue 8): the packaged application with a 512 MiB heap on its embedded PostgreSQL, under a
# mixed load (shopper searches and reads, logins, orders placed and then paid or cancelled, seller
# reads; bench/soak/load.py, Python standard library only) for DURATION seconds. Passes when no
# request failed (no 5xx, no connection error, no unexpected status) and the heap after a full GC
# did not grow between the start of the load (after a warm-up) and its end.
# Needs: a JDK 17 (java, jcmd), curl, python3.
#   bench/soak/run.sh                       # 10 minutes, 8 clients
#   DURATION=120 WORKERS=4 bench/soak/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib.sh
DURATION=${DURATION:-600}
WORKERS=${WORKERS:-8}
WARMUP=${WARMUP:-60}
PORT=${PORT:-18280}
DB_PORT=${DB_PORT:-55639}
HEAP_GROWTH_LIMIT_MB=${HEAP_GROWTH_LIMIT_MB:-16}
DATA=$(mktemp -d)
RESULTS=bench/results
mkdir -p "$RESULTS"
OUT="$RESULTS/soak-$(date -u +%Y%m%dT%H%M%SZ).txt"
export ADMIN_EMAIL=soak@pasar.test ADMIN_PASSWORD=soak-password-1 PAYMENT_SERVER_KEY="soak-server-key-$RANDOM"

[ -f api-gateway/target/pasar-api.jar ] || ./mvnw -o -q -B -DskipTests package
java -Xms512m -Xmx512m -jar api-gateway/target/pasar-api.jar --server.port="$PORT" \
  --pasar.embedded-database-port="$DB_PORT" --pasar.data-dir="$DATA" \
  --pasar.admin.email="$ADMIN_EMAIL" --pasar.admin.password="$ADMIN_PASSWORD" \
  --pasar.orders.payment-server-key="$PAYMENT_SERVER_KEY" > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
await_ready "http://localhost:$PORT/actuator/health/readiness" "$APP" "the application" "$DATA/app.log" 1

# The live heap: used after a full collection, in MiB.
live_heap() {
  jcmd $APP GC.run > /dev/null
  jcmd $APP GC.heap_info | awk '!/Metaspace|class space/ && match($0, /used [0-9]+K/) {
    used += substr($0, RSTART + 5, RLENGTH - 6) } END { print int(used / 1024) }'
}

{
  echo "soak: $DURATION s of mixed load from $WORKERS clients, java -Xmx512m, $(nproc) cores, $(date -u +%FT%TZ)"
  echo "app: $(java -version 2>&1 | head -1); commit $(git rev-parse --short HEAD)"
} | tee "$OUT"

DURATION="$WARMUP" WORKERS="$WORKERS" python3 bench/soak/load.py > "$DATA/warmup.log"
BEFORE=$(live_heap)
echo "after a ${WARMUP} s warm-up: live heap ${BEFORE} MiB after a full GC" | tee -a "$OUT"

DURATION="$DURATION" WORKERS="$WORKERS" python3 bench/soak/load.py | tee -a "$OUT"
AFTER=$(live_heap)
THREADS=$(jcmd $APP Thread.print | grep -c '^"' || true)
ERRORS_IN_LOG=$(grep -c ' ERROR ' "$DATA/app.log" || true)
SUMMARY=$(tail -1 "$OUT")
ERRORS=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['errors'])" "$SUMMARY")
{
  echo "after the load: live heap ${AFTER} MiB after a full GC (before: ${BEFORE} MiB); $THREADS threads; $ERRORS_IN_LOG ERROR lines in the log"
  if [ "$ERRORS" -eq 0 ] && [ "$ERRORS_IN_LOG" -eq 0 ] && [ $((AFTER - BEFORE)) -le "$HEAP_GROWTH_LIMIT_MB" ]; then
    echo "PASS: no failed request, no ERROR logged, live heap grew $((AFTER - BEFORE)) MiB (limit $HEAP_GROWTH_LIMIT_MB MiB)"
  else
    echo "FAIL: $ERRORS failed requests, $ERRORS_IN_LOG ERROR lines, live heap grew $((AFTER - BEFORE)) MiB (limit $HEAP_GROWTH_LIMIT_MB MiB)"
    grep ' ERROR ' "$DATA/app.log" | head -20
  fi
} | tee -a "$OUT"
echo "results in $OUT"
