#!/usr/bin/env bash
# The variants migration (issue 24, ADR 0023) timed on the bench's shelf: catalog V12 gives every
# listing without a variant its one variant (id = the listing's), orders V11 names the variant of
# every order line, each by a SQL function that kernel's BatchedMigration calls batch after batch,
# each batch committed on its own, until it returns null; orders V12 then makes the column required
# and indexes it. On a freshly started application's embedded PostgreSQL in a temporary directory
# (as bench/run.sh starts it): the shelf of bench/generate.py, put back as it was before variants (the
# variants of the listings without options deleted: the trigger leaves a PUBLISHED listing alone when
# none of its variants remains; ORDER_LINES order lines written without their variant, orders V12's
# NOT NULL and index taken off), then both functions called exactly as BatchedMigration calls them
# (one session, autocommit, BATCH at a time, the last id fed back), then orders V12, each timed, and the
# result checked. Writes bench/results/migration-<UTC time>.md.
#
#   bench/migration/variants.sh                   # 1,000,000 listings and order lines: about 12 min on 2 cores
#   LISTINGS=20000 SELLERS=2000 ORDER_LINES=20000 bench/migration/variants.sh   # a quick try
# knobs: LISTINGS=1000000 SELLERS=100000 ORDER_LINES=1000000 BATCH=10000 PORT=18280 DB_PORT=55639
#        HEAP=512m BUILD=1 (BUILD=0: the jar as packaged already)
# The listings with options keep their variants (they did not exist before variants; the backfill must
# step over them, as over any listing a seller gave options while V12 ran). The application stays up,
# idle, since the embedded PostgreSQL is its own; Flyway runs the real migration before anything else.
# Needs a JDK 17+, python3, psql and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib.sh
LISTINGS=${LISTINGS:-1000000}
SELLERS=${SELLERS:-100000}
ORDER_LINES=${ORDER_LINES:-1000000}
BATCH=${BATCH:-10000}
PORT=${PORT:-18280}
DB_PORT=${DB_PORT:-55639}
HEAP=${HEAP:-512m}
BUILD=${BUILD:-1}
BASE="http://localhost:$PORT"
DB="postgresql://postgres@localhost:$DB_PORT/pasar"
for tool in java python3 psql curl; do command -v "$tool" > /dev/null || { echo "needs $tool" >&2; exit 1; }; done
if [ "$BUILD" = 1 ]; then ./mvnw -q -B -ntp -DskipTests -Dspring-javaformat.skip=true package; fi

DATA=$(mktemp -d)
WORK="$DATA/work"
mkdir -p "$WORK" bench/results
STAMP=$(date -u +%Y-%m-%dT%H%MZ)
OUT="bench/results/migration-$STAMP.md"
FACTS="$WORK/facts"
: > "$FACTS"
APP=""
log() { echo "[$(date -u +%H:%M:%S)] $*"; }
fact() { echo "$1=$2" >> "$FACTS"; }
sql() { psql -X -q -tA -v ON_ERROR_STOP=1 -c "$1" "$DB"; }
stop_app() {
  [ -n "$APP" ] || return 0
  kill "$APP" 2> /dev/null || true
  wait "$APP" 2> /dev/null || true
  APP=""
  local pm # after a hard kill the embedded postmaster outlives the JVM: stop it by its own pid file
  pm=$(head -1 "$DATA/postgres/postmaster.pid" 2> /dev/null || true)
  if [ -n "$pm" ] && kill -0 "$pm" 2> /dev/null; then kill "$pm" 2> /dev/null || true; sleep 2; fi
}
cleanup() { stop_app; cp -f "$DATA/app.log" "bench/results/migration-$STAMP-app.log" 2> /dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

log "starting the application in $DATA"
java -Xmx"$HEAP" -jar api-gateway/target/pasar-api.jar --server.port="$PORT" --pasar.embedded-database-port="$DB_PORT" \
  --pasar.data-dir="$DATA" --pasar.admin.email=bench@pasar.test --pasar.admin.password=bench-password-1 >> "$DATA/app.log" 2>&1 &
APP=$!
await_ready "$BASE/actuator/health/readiness" "$APP" "the application" "$DATA/app.log"
fact machine "$(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM"
fact postgres "$(sql 'SHOW server_version'), shared_buffers $(sql 'SHOW shared_buffers')"
fact commit "$(git rev-parse --short HEAD 2> /dev/null || echo unknown)"

log "generating $LISTINGS listings of $SELLERS sellers"
T0=$(date +%s)
python3 bench/generate.py --listings "$LISTINGS" --sellers "$SELLERS" --db "$DB" 2>&1 | tee "$WORK/generate.txt"
fact generate "$(( $(date +%s) - T0 )) s: $(tail -1 "$WORK/generate.txt" | sed 's/^done in [0-9]* s: //')"

# --- the database before variants -------------------------------------------------------------------------------
log "taking the variants of the listings without options away, writing $ORDER_LINES order lines without variants"
T0=$(date +%s)
psql -X -q -v ON_ERROR_STOP=1 -v lines="$ORDER_LINES" "$DB" << 'EOF'
-- Before catalog V12 no listing had a variant. The listings with options keep theirs (see the header).
DELETE FROM catalog.listing_variants v USING catalog.listings l
WHERE l.id = v.listing_id AND cardinality(l.option_types) = 0;
-- Before orders V10 a line named its listing only; V12 made variant_id required and indexed it.
DROP INDEX orders.order_lines_by_variant;
ALTER TABLE orders.order_lines ALTER COLUMN variant_id DROP NOT NULL;
-- Old orders, one line each, on listings spread over the shelf (a line's listing is all the backfill
-- reads of it): completed long ago, as most lines of a marketplace's history are.
CREATE TEMP TABLE shelf AS SELECT row_number() OVER (ORDER BY id) AS n, id, seller_id, title, price_idr FROM catalog.listings;
SELECT count(*) AS shelf FROM shelf \gset
CREATE TEMP TABLE bought AS
    SELECT gen_random_uuid() AS order_id, gen_random_uuid() AS seller_order_id, gen_random_uuid() AS line_id,
           ('00000000-0000-4000-8000-' || lpad((g % 50000)::text, 12, '0'))::uuid AS shopper_id,
           s.id AS listing_id, s.seller_id, s.title, s.price_idr, now() - (g % 700) * interval '1 day' AS at
    FROM generate_series(1, :lines) g JOIN shelf s ON s.n = 1 + (g::bigint * 7919) % :shelf;
INSERT INTO orders.orders (id, shopper_id, status, total_idr, recipient_name, phone, street, regency_code, postal_code,
                           created_at, expires_at, paid_at, closed_at)
    SELECT order_id, shopper_id, 'COMPLETED', price_idr, 'Budi Santoso', '+6281234567890', 'Jl. Melati 5', '32.04',
           '40921', at, at + interval '30 minutes', at + interval '5 minutes', at + interval '9 days' FROM bought;
INSERT INTO orders.seller_orders (id, order_id, seller_id, position, subtotal_idr, status, created_at)
    SELECT seller_order_id, order_id, seller_id, 0, price_idr, 'COMPLETED', at FROM bought;
INSERT INTO orders.order_lines (id, seller_order_id, position, listing_id, listing_version, title, unit_price_idr,
                                quantity)
    SELECT line_id, seller_order_id, 0, listing_id, 1, title, price_idr, 1 FROM bought;
EOF
# A settled database, as the one a release migrates: no dead rows, statistics, a checkpoint behind it.
psql -X -q -v ON_ERROR_STOP=1 -c 'VACUUM (ANALYZE) catalog.listing_variants' -c 'VACUUM (ANALYZE) orders.order_lines' \
  -c 'VACUUM (ANALYZE) orders.seller_orders' -c 'VACUUM (ANALYZE) orders.orders' -c 'CHECKPOINT' "$DB"
fact prepare_seconds "$(( $(date +%s) - T0 ))"
fact before "$(sql "SELECT (SELECT count(*) FROM catalog.listings) || ' listings, '
  || (SELECT count(*) FROM catalog.listings l WHERE NOT EXISTS (SELECT 1 FROM catalog.listing_variants v WHERE v.listing_id = l.id))
  || ' without a variant, ' || (SELECT count(*) FROM catalog.listing_variants) || ' variants (of the listings with options); '
  || (SELECT count(*) FROM orders.order_lines) || ' order lines, '
  || (SELECT count(*) FROM orders.order_lines WHERE variant_id IS NULL) || ' without a variant'")"
fact database_size "$(sql "SELECT pg_size_pretty(pg_database_size('pasar'))")"

# --- the migration, as BatchedMigration runs it --------------------------------------------------------------------
batched() { # label function: one psql session, autocommit, one statement per batch, timed by psql
  local label=$1 function=$2 rows max i t0 t1
  rows=$(sql "SELECT count(*) FROM $3")
  max=$(( rows / BATCH + 2 )) # a batch per BATCH rows of the table it walks, and the last, empty one
  {
    echo '\set after '"''"
    echo '\timing on'
    for i in $(seq 1 "$max"); do
      echo '\if :{?after}'
      echo "SELECT $function(nullif(:'after', '')::uuid, $BATCH) AS after \\gset"
      echo '\endif'
    done
    echo '\if :{?after}'
    echo "\\echo 'not done after $max batches'"
    echo '\endif'
  } > "$WORK/$label.sql"
  fact "load_before_$label" "$(cut -d' ' -f1-3 /proc/loadavg)"
  t0=$(date +%s.%N)
  psql -X -q -v ON_ERROR_STOP=1 -f "$WORK/$label.sql" "$DB" > "$WORK/$label.out"
  t1=$(date +%s.%N)
  fact "load_after_$label" "$(cut -d' ' -f1-3 /proc/loadavg)"
  if grep -q 'not done' "$WORK/$label.out"; then echo "$label: not done after $max batches" >&2; exit 1; fi
  awk '/^Time: / {print $2}' "$WORK/$label.out" | sort -n | awk -v wall="$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')" '
    {t[NR] = $1; s += $1}
    END {printf "%.1f s wall (%.1f s in the %d calls); per batch: median %.0f ms, p90 %.0f, min %.0f, max %.0f",
      wall, s / 1000, NR, t[int((NR + 1) / 2)], t[int(NR * 0.9 + 0.999)], t[1], t[NR]}' > "$WORK/$label.stats"
  fact "$label" "$(cat "$WORK/$label.stats")"
}
log "catalog V12: catalog.backfill_listing_variants, $BATCH listings a batch"
batched catalog_v12 catalog.backfill_listing_variants catalog.listings
log "orders V11: orders.backfill_order_line_variants, $BATCH lines a batch"
batched orders_v11 orders.backfill_order_line_variants orders.order_lines
log "orders V12: variant_id required and indexed"
fact load_before_orders_v12 "$(cut -d' ' -f1-3 /proc/loadavg)"
psql -X -q -v ON_ERROR_STOP=1 "$DB" > "$WORK/orders_v12.out" << 'EOF'
\timing on
ALTER TABLE orders.order_lines ALTER COLUMN variant_id SET NOT NULL;
CREATE INDEX order_lines_by_variant ON orders.order_lines (variant_id);
EOF
fact orders_v12 "$(awk '/^Time: / {printf "%s%.2f s", (n++ ? ", then " : "SET NOT NULL "), $2 / 1000}' "$WORK/orders_v12.out" |
  sed 's/, then /, CREATE INDEX /')"

# --- the result ------------------------------------------------------------------------------------------------------
fact after "$(sql "SELECT (SELECT count(*) FROM catalog.listing_variants) || ' variants; listings without a variant '
  || (SELECT count(*) FROM catalog.listings l WHERE NOT EXISTS (SELECT 1 FROM catalog.listing_variants v WHERE v.listing_id = l.id))
  || ', whose stock is not their variants'' sum ' || (SELECT count(*) FROM catalog.listings l JOIN (SELECT listing_id,
     sum(stock) AS stock FROM catalog.listing_variants GROUP BY listing_id) v ON v.listing_id = l.id WHERE l.stock <> v.stock)
  || ', without options whose variant is not their own ' || (SELECT count(*) FROM catalog.listings l
     JOIN catalog.listing_variants v ON v.listing_id = l.id WHERE cardinality(l.option_types) = 0
     AND (v.id <> l.id OR v.price_idr <> l.price_idr OR v.weight_grams <> l.weight_grams))
  || '; order lines without their listing''s variant ' || (SELECT count(*) FROM orders.order_lines
     WHERE variant_id IS DISTINCT FROM listing_id)")"
fact database_size_after "$(sql "SELECT pg_size_pretty(pg_database_size('pasar'))")"
stop_app

python3 - "$FACTS" "$STAMP" "$LISTINGS" "$ORDER_LINES" "$BATCH" > "$OUT" << 'EOF'
import sys
facts, stamp, listings, lines, batch = sys.argv[1:]
print(f'# The variants migration at {int(listings):,} listings and {int(lines):,} order lines, {stamp}\n')
print(f'bench/migration/variants.sh: catalog V12 and orders V11 as BatchedMigration runs them ({int(batch):,} a batch, '
      'each committed on its own), then orders V12.\n')
print('| fact | value |\n| --- | --- |')
for line in open(facts):
    if '=' in line:
        k, v = line.rstrip('\n').split('=', 1)
        print(f'| {k} | {v} |')
EOF
log "report: $OUT"
cat "$OUT"
