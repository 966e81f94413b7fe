#!/usr/bin/env bash
# Auditor reports at scale (issue: auditor reports): SELLERS sellers and DECISIONS decisions in a
# freshly started application on its embedded PostgreSQL; each endpoint timed RUNS times, reported
# as median seconds and as a ratio to a trivial endpoint of the same application (/actuator/health)
# measured in the same run. The whole log's CSV export is streamed with a 256 MB heap to show it
# needs constant memory. Needs: a JDK 17, curl, psql (Debian's postgresql-client), python3.
#   bench/reports/run.sh                  # 100,000 sellers, 1,000,000 decisions, 5 runs
#   SELLERS=10000 DECISIONS=100000 bench/reports/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib.sh
SELLERS=${SELLERS:-100000}
DECISIONS=${DECISIONS:-1000000}
RUNS=${RUNS:-5}
PORT=${PORT:-18080}
DB_PORT=${DB_PORT:-55439}
DATA=$(mktemp -d)
RESULTS=bench/results
mkdir -p "$RESULTS"
OUT="$RESULTS/reports-$(date -u +%Y%m%dT%H%M%SZ).txt"

[ -f api-gateway/target/pasar-api.jar ] || ./mvnw -q -B -DskipTests package
java -Xmx256m -jar api-gateway/target/pasar-api.jar --server.port="$PORT" --pasar.embedded-database-port="$DB_PORT" \
  --pasar.data-dir="$DATA" --pasar.admin.email=bench@pasar.test --pasar.admin.password=bench-password-1 \
  > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
await_ready "http://localhost:$PORT/actuator/health/readiness" "$APP" "the application" "$DATA/app.log" 1

echo "generating $SELLERS sellers and $DECISIONS decisions" | tee "$OUT"
psql -q -v sellers="$SELLERS" -v decisions="$DECISIONS" -f bench/reports/generate.sql \
  "postgresql://postgres@localhost:$DB_PORT/pasar" | tee -a "$OUT"

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
ADMIN=$(curl -sf "http://localhost:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"email":"bench@pasar.test","password":"bench-password-1"}' | json '["accessToken"]')
curl -sf "http://localhost:$PORT/api/v1/admin/users" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"email":"auditor@pasar.test","password":"auditor-password-1","displayName":"Auditor","role":"AUDITOR"}' > /dev/null
TOKEN=$(curl -sf "http://localhost:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"email":"auditor@pasar.test","password":"auditor-password-1"}' | json '["accessToken"]')

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_endpoint() { # name path [accept]
  local times=()
  for _ in $(seq "$RUNS"); do
    times+=("$(curl -sf -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" -H "Accept: ${3:-application/json}" \
      "http://localhost:$PORT$2")")
  done
  printf '%s\n' "${times[@]}" | median
}

FROM=$(date -d '-400 days' +%F); TO=$(date +%F)
BASE=$(time_endpoint health /actuator/health)
{
  echo "median of $RUNS runs, seconds; ratio = time / time of GET /actuator/health ($BASE s) in this run"
  for case in "sellers report|/api/v1/compliance/reports/sellers?from=$FROM&to=$TO" \
              "listings report|/api/v1/compliance/reports/listings?from=$FROM&to=$TO" \
              "sellers report CSV|/api/v1/compliance/reports/sellers?from=$FROM&to=$TO|text/csv" \
              "decisions, first page of 100|/api/v1/compliance/decisions?from=$FROM&to=$TO&size=100" \
              "chain verification|/api/v1/compliance/decisions/verification"; do
    IFS='|' read -r name path accept <<< "$case"
    t=$(time_endpoint "$name" "$path" "$accept")
    awk -v n="$name" -v t="$t" -v b="$BASE" 'BEGIN {printf "%-32s %8.3f s  ratio %8.0f\n", n, t, t / b}'
  done
  HWM_BEFORE=$(awk '/VmHWM/ {print $2}' /proc/$APP/status)
  START=$(date +%s.%N)
  BYTES=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Accept: text/csv' \
    "http://localhost:$PORT/api/v1/compliance/decisions?from=$FROM&to=$TO" | wc -c)
  END=$(date +%s.%N)
  HWM_AFTER=$(awk '/VmHWM/ {print $2}' /proc/$APP/status)
  awk -v b="$BYTES" -v s="$START" -v e="$END" -v h1="$HWM_BEFORE" -v h2="$HWM_AFTER" 'BEGIN {
    printf "whole log as CSV: %.0f MB in %.1f s with -Xmx256m; process peak RSS %d MB before, %d MB after\n",
      b / 1048576, e - s, h1 / 1024, h2 / 1024 }'
} | tee -a "$OUT"
echo "results in $OUT"
