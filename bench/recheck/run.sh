#!/usr/bin/env bash
# The shelf re-check when rule set v2 takes effect, at LISTINGS published listings (default
# 1,000,000): how long it takes, and how search answers meanwhile (median latency of a search, as
# a ratio to the same search before the re-check, measured in the same run).
# Needs a JDK 17, curl, psql and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib.sh
LISTINGS=${LISTINGS:-1000000}
PORT=${PORT:-18081}
DB_PORT=${DB_PORT:-55440}
DATA=$(mktemp -d)
mkdir -p bench/results
OUT="bench/results/recheck-$(date -u +%Y%m%dT%H%M%SZ).txt"
[ -f api-gateway/target/pasar-api.jar ] || ./mvnw -q -B -DskipTests package

start() { # v2 instant
  java -Xmx512m -jar api-gateway/target/pasar-api.jar --server.port="$PORT" --pasar.embedded-database-port="$DB_PORT" \
    --pasar.data-dir="$DATA" --pasar.compliance.rule-sets.v2-effective-from="$1" --pasar.publishing.recheck-initial-delay=PT5S \
    >> "$DATA/app.log" 2>&1 &
  APP=$!
  await_ready "http://localhost:$PORT/actuator/health/readiness" "$APP" "the application" "$DATA/app.log" 1
}
stop() { kill "$APP"; wait "$APP" 2>/dev/null || true; }
trap 'kill $APP 2>/dev/null; rm -rf "$DATA"' EXIT
SQL="postgresql://postgres@localhost:$DB_PORT/pasar"

start 2099-01-01T00:00+07:00
echo "generating $LISTINGS published listings under v1" | tee "$OUT"
psql -q -v listings="$LISTINGS" -f bench/recheck/generate.sql "$SQL" | tee -a "$OUT"
search() { curl -sf -o /dev/null -w '%{time_total}\n' "http://localhost:$PORT/api/v1/catalog/listings?q=tas+rotan&sort=price_asc&size=20"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
BEFORE=$(for _ in $(seq 20); do search; done | median)
stop

start 2026-10-18T00:00+07:00   # v2 in force: the re-check starts 5 s after this start
T0=$(date +%s)
: > "$DATA/during.txt"
while [ "$(psql -tAc "SELECT count(*) FROM compliance.rule_set_rechecks WHERE rule_set_version = 'v2' AND finished_at IS NOT NULL" "$SQL")" = 0 ]; do
  search >> "$DATA/during.txt"
  sleep 0.5
done
T1=$(date +%s)
DURING=$(median < "$DATA/during.txt")
{
  psql -tAc "SELECT 'checked ' || checked || ', suspended ' || suspended || ', ' || round(extract(epoch FROM finished_at - started_at)) || ' s from first to last batch' FROM compliance.rule_set_rechecks WHERE rule_set_version = 'v2'" "$SQL"
  echo "re-check of $LISTINGS listings: about $((T1 - T0)) s from the start of the instance"
  awk -v b="$BEFORE" -v d="$DURING" -v n="$(wc -l < "$DATA/during.txt")" 'BEGIN {
    printf "search (q=tas rotan, price_asc): median %.3f s before, %.3f s during (%d requests), ratio %.2f\n", b, d, n, d / b }'
} | tee -a "$OUT"
