#!/usr/bin/env bash
# The Harbolnas 12.12 flash sale (issue 18, item 5): one published listing of UNITS units (without
# options: what is ordered is its one variant, whose id is the listing's, ADR 0023) and SHOPPERS
# shoppers who each order one unit at once, in an open model (bench/load/FlashSale.java: all of them
# due within BURST_SECONDS, then RATE orders a second for SUSTAIN_SECONDS), against a freshly started
# application on its embedded PostgreSQL. Checks that exactly UNITS are sold, every other order is 409
# INSUFFICIENT_STOCK in the end, no 5xx but the 503 CHECKOUT_BUSY answers retried, no timeout, the
# invariants (bench/invariants.sql), and that other listings' orders are all 201, never busy (but the
# one on the sale's variant's CheckoutQueue stripe, which shares its turns by design); measures, in the
# same run and just before, pgbench's ceilings at the application's concurrency (its pool: CLIENTS):
# the stock UPDATEs alone on one hot listing (its row, then its variant's), the whole order
# (bench/pgbench/order.sql) on one hot listing, and the alternatives (sharded stock rows, a
# reservation counter, a queue in front of the row); samples pg_stat_activity during the sale for the
# row lock queue. Meanwhile OTHER_RATE orders a second of the shelf's other listings (each of them
# in turn, by shoppers of their own): what every other shopper sees during the sale. Every order
# answered 503 CHECKOUT_BUSY is sent again after its Retry-After, as the mobile app does, until it is
# answered otherwise or GIVE_UP s after it was first due; its latency counts from its first due time
# to its last answer. Thread dumps of the application (jcmd Thread.print) DUMPS s into the sale: what
# Tomcat's request threads wait on (CheckoutQueue's turns, the rate limit, the pool, the database, idle);
# the dumps are kept in bench/results/flash-<UTC time>[-<run>]-dumps.txt.
#
# Runs to compare, each the whole run (a freshly started application, data, warm-up, ceilings, sale)
# with its own application arguments, and a table of the runs side by side first: PER_VARIANT, the
# checkouts one variant may have in flight (pasar.orders.checkouts-per-variant, CheckoutQueue), and
# WAITING, how many more may wait for its turns (pasar.orders.checkouts-waiting-per-variant; 100000:
# no waiting room, as before 97b1eae), one run per value, per pair of values when both are given.
# Writes bench/results/flash-<UTC time>.md.
#
#   bench/flash-sale.sh                             # about 5 min on 2 cores
#   PER_VARIANT="4 16" bench/flash-sale.sh          # 4 against the instance's 16 turns: about 11 min
#   WAITING="32 100000" bench/flash-sale.sh         # the waiting room against none: about 12 min
#   SHOPPERS=2000 UNITS=1000 RATE=200 SUSTAIN_SECONDS=60 DURATION=10 CLIENTS=20 PORT=18190 DB_PORT=55549 bench/flash-sale.sh
#   BUILD=0 bench/flash-sale.sh                     # the jar as packaged already
# bench/run.sh runs it after its own scenarios (FLASH_SALE=0 skips it). Needs a JDK 17+, python3, curl,
# psql and pgbench (Debian: postgresql-client, postgresql-contrib; installed when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
SHOPPERS=${SHOPPERS:-2000}
UNITS=${UNITS:-1000}
RATE=${RATE:-200}
BURST_SECONDS=${BURST_SECONDS:-1}
SUSTAIN_SECONDS=${SUSTAIN_SECONDS:-60}
DURATION=${DURATION:-10}
CLIENTS=${CLIENTS:-20}
SHARDS=${SHARDS:-8}
BATCH=${BATCH:-20}
PORT=${PORT:-18190}
DB_PORT=${DB_PORT:-55549}
HEAP=${HEAP:-512m}
WARM_RATE=${WARM_RATE:-100}       # orders/s on other listings before the sale, so that the JIT has compiled the order path
WARM_SECONDS=${WARM_SECONDS:-60}
OTHER_RATE=${OTHER_RATE:-20}      # orders/s on the other listings during the sale (0: none)
PER_VARIANT=${PER_VARIANT:-}      # checkouts per variant to compare, e.g. "4 16"; empty: the application's own
WAITING=${WAITING:-}              # checkouts that may wait for a variant's turns to compare, e.g. "32 100000"; empty: the application's own
GIVE_UP=${GIVE_UP:-60}            # s after an order's first due time past which a busy order is not sent again (0: never retried)
DUMPS=${DUMPS-4 9 14}             # s into the sale at which to take a thread dump of the application; empty: none
JVM_OPTS=${JVM_OPTS:-} # more options for the application's JVM, e.g. -XX:StartFlightRecording=...
BUILD=${BUILD:-1}
BASE="http://localhost:$PORT"
DB="postgresql://postgres@localhost:$DB_PORT/pasar"

need psql postgresql-client
need pgbench postgresql-client
for tool in java python3 psql pgbench curl; do command -v "$tool" > /dev/null || { echo "needs $tool" >&2; exit 1; }; done
if [ "$BUILD" = 1 ]; then ./mvnw -q -B -ntp -DskipTests -Dspring-javaformat.skip=true package; fi

TOP=$(mktemp -d)
DATA=""
mkdir -p bench/results
STAMP=$(date -u +%Y-%m-%dT%H%MZ)
OUT="bench/results/flash-$STAMP.md"
APP=""
SAMPLER=""
DUMPER=""
APPLOG=""
log() { echo "[$(date -u +%H:%M:%S)] $*"; }
sql() { psql -X -q -tA -v ON_ERROR_STOP=1 -c "$1" "$DB"; }
fact() { echo "$1=$2" >> "$WORK/facts"; }

stop_app() {
  [ -n "$SAMPLER" ] && { kill "$SAMPLER" 2> /dev/null || true; wait "$SAMPLER" 2> /dev/null || true; SAMPLER=""; }
  [ -n "$DUMPER" ] && { kill "$DUMPER" 2> /dev/null || true; wait "$DUMPER" 2> /dev/null || true; DUMPER=""; }
  [ -n "$APP" ] || return 0
  kill "$APP" 2> /dev/null || true
  wait "$APP" 2> /dev/null || true
  APP=""
  local pm # after a hard kill the embedded postmaster outlives the JVM: stop it by its own pid file
  pm=$(head -1 "$DATA/postgres/postmaster.pid" 2> /dev/null || true)
  if [ -n "$pm" ] && kill -0 "$pm" 2> /dev/null; then kill "$pm" 2> /dev/null || true; sleep 2; fi
}
keep_log() { [ -n "$DATA" ] && cp -f "$DATA/app.log" "$APPLOG" 2> /dev/null || true; }
cleanup() { stop_app; keep_log; rm -rf "$TOP"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# The application as in production for orders: the default limits (30 orders a minute and 10 unpaid units of a
# listing per shopper), pool, statement timeout. A signing key of the bench's, so that it can issue the shoppers'
# tokens itself (2,000 logins would be 2,000 BCrypt hashes of CPU before the sale, on the same cores).
sale_run() { # the run's label, its application arguments (space-separated, may be empty), its directory
  local label=$1 app_args=()
  read -ra app_args <<< "$2"
  DATA=$3
  WORK="$DATA/work"
  mkdir -p "$WORK"
  fact run "$label"
  fact app_args "${2:-(none)}"
  fact give_up "$GIVE_UP s after an order's first due time"
  SECRET=$(head -c 32 /dev/urandom | base64)
  log "starting the application in $DATA ($label)"
  java -Xmx"$HEAP" $JVM_OPTS -jar api-gateway/target/pasar-api.jar --server.port="$PORT" --pasar.embedded-database-port="$DB_PORT" \
    --pasar.data-dir="$DATA" --pasar.admin.email=bench@pasar.test --pasar.admin.password=bench-password-1 \
    --pasar.security.jwt.secret="$SECRET" "${app_args[@]}" >> "$DATA/app.log" 2>&1 &
  APP=$!
  await_ready "$BASE/actuator/health/readiness" "$APP" "the application" "$DATA/app.log"

  log "data: a small shelf, the sale's listing ($UNITS units), shoppers"
  python3 bench/generate.py --listings 200 --sellers 20 --db "$DB" > "$WORK/generate.txt" 2>&1
  # The sale's listing, the ceilings' listing (pgbench must not sell the sale's stock), 20 warm-up
  # listings and the other listings the sale's other orders go to (the warm-up's among them), all the
  # shelf's without options: each is sold as its one variant, whose id is the listing's (ADR 0023), and
  # orders name that id. A listing's stock is its variants' sum, so both rows get the stock. The invariants
  # check the stock of every one the application sold (pgbench takes the ceilings' without orders).
  sql "DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench;
    CREATE TABLE bench.listings AS SELECT row_number() OVER (ORDER BY id) AS n, id, seller_id FROM catalog.listings
      WHERE status = 'PUBLISHED' AND cardinality(option_types) = 0 ORDER BY id;
    UPDATE catalog.listings SET stock = CASE WHEN id = (SELECT id FROM bench.listings WHERE n = 1) THEN $UNITS ELSE 1000000000 END
      WHERE id IN (SELECT id FROM bench.listings);
    UPDATE catalog.listing_variants v SET stock = l.stock FROM catalog.listings l
      WHERE l.id = v.listing_id AND v.listing_id IN (SELECT id FROM bench.listings);
    CREATE TABLE bench.stock_before AS SELECT id, listing_id, stock FROM catalog.listing_variants
      WHERE id IN (SELECT id FROM bench.listings WHERE n <> 2);"
  FLASH=$(sql "SELECT id FROM bench.listings WHERE n = 1")
  CEILING=$(sql "SELECT id FROM bench.listings WHERE n = 2")
  sql "SELECT id FROM bench.listings WHERE n BETWEEN 3 AND 22 ORDER BY n" > "$WORK/warm-listings.txt"
  sql "SELECT id FROM bench.listings WHERE n > 2 ORDER BY n" > "$WORK/other-listings.txt"
  # Shoppers: one registered through the API, the others copies of its account (same password hash) made in SQL;
  # tokens as the application issues them (TokenService: HS256, iss, aud, sub, roles, one hour).
  curl -sf -o /dev/null -H 'Content-Type: application/json' "$BASE/api/v1/auth/register" \
    -d '{"email":"flash0@pasar.test","password":"shopper-password-1","displayName":"Pembeli Flash","role":"SHOPPER"}'
  WARM_SHOPPERS=$(( WARM_RATE * 3 )) # each under the rate limit (30 orders a minute)
  OTHER_SHOPPERS=$(( OTHER_RATE * 5 )) # 12 orders each in the sale's 61 s: under the rate limit, and their own
  sql "INSERT INTO gateway.users (id, email, password_hash, display_name, role, created_at)
    SELECT gen_random_uuid(), 'flash' || n || '@pasar.test', u.password_hash, 'Pembeli ' || n, 'SHOPPER', now()
    FROM gateway.users u, generate_series(1, $SHOPPERS + $WARM_SHOPPERS + $OTHER_SHOPPERS) n WHERE u.email = 'flash0@pasar.test';
    CREATE TABLE bench.shoppers AS SELECT substring(email FROM 'flash([0-9]+)@')::int AS n, id FROM gateway.users
      WHERE email ~ '^flash[0-9]+@' AND email <> 'flash0@pasar.test';"
  sql "SELECT id FROM bench.shoppers ORDER BY n" > "$WORK/shopper-ids.txt"
  python3 - "$SECRET" "$WORK/shopper-ids.txt" "$WORK" "$SHOPPERS" "$WARM_SHOPPERS" "$FLASH" << 'EOF'
import base64, hashlib, hmac, json, sys, time, uuid
secret, ids, work, shoppers, warm = base64.b64decode(sys.argv[1]), open(sys.argv[2]).read().split(), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b'=').decode()
now = int(time.time())
def token(sub):
    head = b64(json.dumps({'alg': 'HS256'}).encode())
    body = b64(json.dumps({'jti': str(uuid.uuid4()), 'iss': 'pasar', 'aud': ['pasar-api'], 'sub': sub, 'iat': now,
                           'exp': now + 3600, 'roles': ['SHOPPER']}).encode())
    return f'{head}.{body}.' + b64(hmac.new(secret, f'{head}.{body}'.encode(), hashlib.sha256).digest())
tokens = [token(i) for i in ids]
open(f'{work}/sale-tokens.txt', 'w').write('\n'.join(tokens[:shoppers]) + '\n')
open(f'{work}/warm-tokens.txt', 'w').write('\n'.join(tokens[shoppers:shoppers + warm]) + '\n')
open(f'{work}/other-tokens.txt', 'w').write('\n'.join(tokens[shoppers + warm:]) + '\n')
# CheckoutQueue's stripe of a variant (UUID.hashCode() mod 1024): another listing on the sale's stripe shares its turns.
def stripe(u):
    v = uuid.UUID(u).int
    x = (v >> 64) ^ (v & (1 << 64) - 1)
    return ((x >> 32) ^ x) & 1023
others = open(f'{work}/other-listings.txt').read().split()
shared = [o for o in others if stripe(o) == stripe(sys.argv[6])]
open(f'{work}/shared-stripe.txt', 'w').write(''.join(o + '\n' for o in shared))
open(f'{work}/facts', 'a').write(f'other_listings={len(others)} ({len(shared)} on the stripe of the sale\'s variant)\n')
EOF
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(head -1 "$WORK/sale-tokens.txt")" "$BASE/api/v1/orders")
  [ "$code" = 200 ] || { echo "a bench token was refused ($code)" >&2; exit 1; }

  # --- warm-up: the JIT compiles the order path on other listings, with other shoppers ------------------------------
  log "warm-up: $WARM_SECONDS s of $WARM_RATE orders/s on other listings"
  java -Xmx256m bench/load/FixedRate.java --base "$BASE" --rate "$WARM_RATE" --seconds "$WARM_SECONDS" \
    --orders "$WORK/warm-tokens.txt" "$WORK/warm-listings.txt" "$WORK/warm-listings.txt" > "$WORK/warm.txt" 2>&1 || true
  grep '^FIXED label=all' "$WORK/warm.txt" || true

  # --- ceilings: pgbench at the application's concurrency, then the alternatives --------------------------------------
  log "pgbench ceilings"
  sql "CREATE TABLE bench.order_targets AS
      SELECT 1::bigint AS n, '$CEILING'::uuid AS id, '$CEILING'::uuid AS listing_id, hot FROM (VALUES (true), (false)) v (hot);
    INSERT INTO gateway.rate_limit_buckets (id, state, expires_at)
      SELECT 'orders:pgbench-' || n, (SELECT state FROM gateway.rate_limit_buckets WHERE id LIKE 'orders:%' LIMIT 1), 4102444800000
      FROM bench.shoppers ON CONFLICT DO NOTHING;
    CREATE TABLE bench.stock_shards (listing_id uuid, shard int, stock int NOT NULL CHECK (stock >= 0), PRIMARY KEY (listing_id, shard));
    INSERT INTO bench.stock_shards SELECT '$CEILING', s, 1000000000 FROM generate_series(1, $SHARDS) s;
    CREATE SEQUENCE bench.flash_tickets;
    ANALYZE bench.order_targets; ANALYZE bench.shoppers;"
  RESULTS="$WORK/pgbench.tsv"
  : > "$RESULTS"
  pgb() { # label clients script -D...
    local label=$1 c=$2 script=$3 out
    shift 3
    out=$(PGOPTIONS="-c statement_timeout=0 -c max_parallel_workers_per_gather=0" pgbench -n -M prepared -c "$c" -j "$(( c < 2 ? c : 2 ))" \
      -T "$DURATION" -D listing="$CEILING" -D variant="$CEILING" "$@" -f "$script" "$DB" 2>&1) || echo "$out" | tail -3 >&2
    echo "$out" | awk -v l="$label" -v c="$c" '/^tps = / {tps = $3} /^latency average/ {lat = $4}
      END {printf "%s\t%s\t%.0f\t%.2f\n", l, c, tps, lat}' | tee -a "$RESULTS"
  }
  fact load_before "$(cut -d' ' -f1-3 /proc/loadavg)"
  fact warm_up "$(grep '^FIXED label=all' "$WORK/warm.txt" || true)"
  pgb update "$CLIENTS" bench/pgbench/flash-update.sql
  pgb order "$CLIENTS" bench/pgbench/order.sql -D shoppers="$SHOPPERS" -D hot_listings=1 -D cold_listings=1
  pgb order-stock-last "$CLIENTS" bench/pgbench/flash-order-stock-last.sql -D shoppers="$SHOPPERS" -D hot_listings=1 -D cold_listings=1
  pgb sharded "$CLIENTS" bench/pgbench/flash-sharded.sql -D shards="$SHARDS"
  pgb counter "$CLIENTS" bench/pgbench/flash-counter.sql -D units="$UNITS"
  pgb update-serial 1 bench/pgbench/flash-update.sql
  pgb batched 1 bench/pgbench/flash-batched.sql -D batch="$BATCH"
  fact load_after_pgbench "$(cut -d' ' -f1-3 /proc/loadavg)"

  # --- the sale --------------------------------------------------------------------------------------------------------
  log "the sale: $SHOPPERS shoppers within $BURST_SECONDS s for $UNITS units, then $RATE orders/s for $SUSTAIN_SECONDS s"
  sql "SELECT pg_stat_reset()" > /dev/null
  # The row lock queue: the application's backends, every 50 ms: waiting for a lock (a transaction id or a tuple: the
  # listing's row), active otherwise, idle in transaction (between statements of a transaction, the lock still held).
  psql -X -q -tA -F $'\t' "$DB" > "$WORK/activity.tsv" 2> /dev/null << 'EOF' &
SELECT extract(epoch FROM clock_timestamp()), count(*) FILTER (WHERE wait_event_type = 'Lock'),
  count(*) FILTER (WHERE state = 'active' AND wait_event_type IS DISTINCT FROM 'Lock'),
  count(*) FILTER (WHERE state = 'idle in transaction'), count(*)
FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() \watch 0.05
EOF
  SAMPLER=$!
  # Thread dumps DUMPS s after the sale's first due order (FlashSale writes when that is): Tomcat's request threads
  # and what they wait on, read by flash-report.py. Each file starts with the offset it was taken at.
  if [ -n "$DUMPS" ]; then
    (
      until [ -s "$WORK/started" ]; do sleep 0.1; done
      t0=$(cat "$WORK/started")
      for s in $DUMPS; do
        sleep "$(awk -v t0="$t0" -v s="$s" -v now="$(date +%s%3N)" 'BEGIN {w = (t0 + s * 1000 - now) / 1000; printf "%.3f", (w > 0 ? w : 0)}')"
        at=$(awk -v t0="$t0" -v now="$(date +%s%3N)" 'BEGIN {printf "%.1f", (now - t0) / 1000}')
        { echo "offset_s=$at"; jcmd "$APP" Thread.print 2>&1; } > "$WORK/dump-$s.txt" || true
      done
    ) &
    DUMPER=$!
  fi
  A0=$(cpu_app); D0=$(cpu_db); T0=$(date +%s.%N)
  java -Xmx512m bench/load/FlashSale.java --base "$BASE" --variant "$FLASH" --tokens "$WORK/sale-tokens.txt" \
    --burst-seconds "$BURST_SECONDS" --rate "$RATE" --seconds "$SUSTAIN_SECONDS" --timeout 60 --give-up "$GIVE_UP" \
    --events "$WORK/events.tsv" --busy-events "$WORK/busy.tsv" --started "$WORK/started" \
    --other-rate "$OTHER_RATE" --other-variants "$WORK/other-listings.txt" --other-tokens "$WORK/other-tokens.txt" | tee "$WORK/sale.txt"
  fact sale_cpu "$(awk -v a0="$A0" -v a1="$(cpu_app)" -v d0="$D0" -v d1="$(cpu_db)" -v t0="$T0" -v t1="$(date +%s.%N)" \
    'BEGIN {printf "JVM %.0f s, PostgreSQL %.0f s of CPU in %.0f s (%.2f and %.2f cores)", a1 - a0, d1 - d0, t1 - t0, (a1 - a0) / (t1 - t0), (d1 - d0) / (t1 - t0)}')"
  kill "$SAMPLER" 2> /dev/null || true; wait "$SAMPLER" 2> /dev/null || true; SAMPLER=""
  [ -z "$DUMPER" ] || { kill "$DUMPER" 2> /dev/null || true; wait "$DUMPER" 2> /dev/null || true; DUMPER=""; }
  cat "$WORK"/dump-*.txt > "${APPLOG%-app.log}-dumps.txt" 2> /dev/null || rm -f "${APPLOG%-app.log}-dumps.txt"
  fact load_after_sale "$(cut -d' ' -f1-3 /proc/loadavg)"
  sleep 3 # the OrderPlaced listeners of the last orders
  psql -X -q -P pager=off -f bench/invariants.sql "$DB" | tee "$WORK/invariants.txt"
  fact stock_left "$(sql "SELECT l.stock || ' (its variant ' || v.stock || ')' FROM catalog.listings l
    JOIN catalog.listing_variants v ON v.listing_id = l.id WHERE l.id = '$FLASH'")"
  fact orders_for_listing "$(sql "SELECT count(DISTINCT so.order_id) || ' orders, ' || coalesce(sum(ol.quantity), 0) || ' units'
    FROM orders.order_lines ol JOIN orders.seller_orders so ON so.id = ol.seller_order_id WHERE ol.variant_id = '$FLASH'")"
  fact db_conflicts "$(sql "SELECT 'deadlocks ' || deadlocks || ', rollbacks ' || xact_rollback FROM pg_stat_database WHERE datname = 'pasar'")"
  fact log_errors "$(grep -c ' ERROR ' "$DATA/app.log" || true)"
  fact log_warnings "$(grep -c ' WARN ' "$DATA/app.log" || true)"
  stop_app
  keep_log
  rm -rf "$DATA/postgres"
}

# The runs: a label, a short name for files, the application's arguments; one per value of PER_VARIANT and of
# WAITING (per pair when both are given), or one with the application's own settings.
LABELS=() NAMES=() ARGS=()
for bound in ${PER_VARIANT:-default}; do
  for waiting in ${WAITING:-default}; do
    label="" name="" args=""
    if [ "$bound" != default ]; then
      label="$bound per variant" name="pv$bound" args="--pasar.orders.checkouts-per-variant=$bound"
    fi
    if [ "$waiting" != default ]; then
      label="${label:+$label, }$waiting waiting" name="${name:+$name-}w$waiting"
      args="${args:+$args }--pasar.orders.checkouts-waiting-per-variant=$waiting"
    fi
    LABELS+=("${label:-default}") NAMES+=("$name") ARGS+=("$args")
  done
done
RUNS=()
for i in "${!LABELS[@]}"; do
  name=${NAMES[$i]}
  APPLOG="bench/results/flash-$STAMP${name:+-$name}-app.log"
  sale_run "${LABELS[$i]}" "${ARGS[$i]}" "$TOP/run$i${name:+-$name}"
  RUNS+=("$TOP/run$i${name:+-$name}/work")
done

python3 bench/flash-report.py "$STAMP" "$CLIENTS" "$SHOPPERS" "$UNITS" "$RATE" "$SUSTAIN_SECONDS" "$SHARDS" "$BATCH" \
  "$(git rev-parse --short HEAD 2> /dev/null || echo unknown)" "$OTHER_RATE" "${RUNS[@]}" > "$OUT"
log "report: $OUT"
cat "$OUT"
