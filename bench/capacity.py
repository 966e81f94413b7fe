#!/usr/bin/env python3
"""Capacity model for a 12.12 peak (docs/scaling.md). Python 3 standard library only.

Replays the per-request costs measured by bench/run.sh and bench/flash-sale.sh (docs/performance.md)
at a peak mix and says how many API instances, PostgreSQL replicas, Kafka partitions and OpenSearch
shards it takes, where the first bottleneck is, and how the hottest listing's stock row behaves in a
flash sale (a queueing formula and a discrete-event simulation of the row).

    python3 bench/capacity.py                      # the design peak of docs/scaling.md
    python3 bench/capacity.py --orders 1500        # another peak (orders per second)
    python3 bench/capacity.py --help               # every assumption, with its default

Every figure marked "measured" comes from docs/performance.md; every other one is an assumption that
docs/scaling.md states and sources. Change a measured cost after a new bench run, not here by hand.
"""
import argparse
import heapq
import math
import random

# Per-request costs, measured on the 2-core bench machine (docs/performance.md). CPU milliseconds.
MEASURED = {
    # "Orders with shipping and a payment start: the quiet run": 1.17 JVM cores at 150.4 orders/s;
    # pgbench's 380 orders/s on the same SQL with 1.6 cores of PostgreSQL. One order = placement +
    # payment start: 27 statements in 8 transactions.
    "order": {"app_ms": 7.8, "primary_ms": 4.2, "replica_ms": 0.0},
    # "Search and detail at 1,000,000 listings with photos": 2,018 req/s at 0.94 JVM cores (kept
    # search orders on). The database side depends on the backend: see search_db_ms() below.
    "search": {"app_ms": 0.47},
    # "Latest: 1,000,000 listings": 132 us of JVM and about 61 us of PostgreSQL per detail request.
    "detail": {"app_ms": 0.132, "primary_ms": 0.0, "replica_ms": 0.061},
    # "The feed at 1,000,000 posts": 213 pages/s with 0.3-0.6 JVM cores and 1.1-1.5 PostgreSQL cores.
    "feed": {"app_ms": 2.0, "primary_ms": 0.0, "replica_ms": 6.0},
}
# A broad uncached text query on the PostgreSQL backend: 43 req/s on 2 cores (issue 23, at 100k
# listings), i.e. about 46 ms of PostgreSQL CPU, growing with the number of matches.
PG_BROAD_QUERY_MS = 2 * 1000 / 43
# The page of a search read by primary key from PostgreSQL after the index answered (ADR 0013's kept
# orders do the same): about 25 rows by key, a few detail reads' worth.
PG_PAGE_BY_KEY_MS = 0.15
# The hot stock row (bench/flash-sale.sh, pgbench at 20 clients on one row): the stock UPDATE alone
# 645-1,278 tps (one autocommitted UPDATE: the row lock plus one WAL flush per unit); with variants
# the listing's and the variant's UPDATE in one transaction, 280 tps on a loaded machine.
# Connection time per order on the primary (8 transactions and their round trips; the quiet run's
# fixed-rate p50 was 19.8 ms for placement + payment start, most of it on connections).
ORDER_CONNECTION_MS = 20
HOT_ROW_HOLD_MS = {"optimistic": 1000 / 1278, "design": 1000 / 645, "variants, loaded": 1000 / 280}


def parse():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a = p.add_argument
    a("--orders", type=float, default=5000, help="peak orders per second (docs/scaling.md, 'The peak')")
    a("--searches-per-order", type=float, default=20, help="search requests per order at the peak")
    a("--details-per-order", type=float, default=40, help="listing detail requests per order")
    a("--feed-per-order", type=float, default=5, help="feed pages per order")
    a("--search-backend", choices=["opensearch", "postgres"], default="opensearch")
    a("--uncached-share", type=float, default=0.5,
      help="share of searches that are first visits of their query (neither kept orders nor a result cache)")
    a("--listings", type=float, default=300e6, help="published listings in the index")
    a("--doc-kb", type=float, default=2.0, help="index size per listing, KB (title, description, analyzers)")
    a("--shard-gb", type=float, default=50, help="target size of one OpenSearch shard")
    a("--os-shard-ms", type=float, default=0.5,
      help="CPU ms per shard per uncached query, ranking a bounded window of candidates per shard "
           "(an assumption: replace with item 2's bench)")
    a("--os-node-cores", type=int, default=8)
    a("--instance-cores", type=int, default=2, help="the Deployment's CPU request")
    a("--target-utilisation", type=float, default=0.6, help="the autoscaler's CPU target")
    a("--db-cores", type=int, default=64,
      help="cores of one PostgreSQL server (CloudNativePG gives the primary and the replicas one size)")
    a("--max-connections", type=int, default=1000, help="the primary's max_connections")
    a("--largest-primary-cores", type=int, default=128, help="the largest server one primary can be given")
    a("--primary-overhead", type=float, default=0.3,
      help="the primary's other work, as a share of the order path (carts, payments, exposure, webhooks, jobs)")
    a("--wal-kb-per-order", type=float, default=9,
      help="WAL per order, KB (measured by SCENARIOS=orders bench/run.sh: 9.0 KB the application's, 9.7 pgbench's)")
    a("--replay-mb-s", type=float, default=100, help="WAL a replica replays per second (one process)")
    a("--events-per-order", type=float, default=3, help="outbox events per order (placed, paid, a status)")
    a("--consumer-ms", type=float, default=2.0, help="a consumer's time per event (indexing, tally, webhook enqueue)")
    a("--brokers", type=int, default=3)
    a("--pool", type=int, default=20, help="pooled connections per instance (hikari.maximum-pool-size)")
    a("--hot-share", type=float, default=0.05, help="share of the peak's orders on the hottest listing")
    a("--flash-units", type=int, default=10000, help="units of the flash deal in the simulation")
    a("--flash-shoppers", type=int, default=200000, help="shoppers who tap Buy in the burst")
    a("--flash-seconds", type=float, default=10, help="over how many seconds they tap")
    a("--in-flight", type=int, default=16, help="checkouts in flight per instance (pasar.orders.checkouts-in-flight)")
    a("--seed", type=int, default=1212)
    return p.parse_args()


def search_db_ms(args):
    """PostgreSQL CPU per search request: every page is read there by key; on the PostgreSQL backend
    an uncached broad query also ranks every match there."""
    if args.search_backend == "postgres":
        return args.uncached_share * PG_BROAD_QUERY_MS + PG_PAGE_BY_KEY_MS
    return PG_PAGE_BY_KEY_MS


def erlang_c(c, a):
    """Probability that an arrival waits in an M/M/c queue with offered load a = lambda/mu (< c)."""
    term, total = 1.0, 1.0
    for k in range(1, c):
        term *= a / k
        total += term
    last = term * a / c / (1 - a / c)
    return last / (total + last)


def mmc_wait_ms(lam, hold_ms, c=1):
    """Mean wait for the row lock in M/M/c (None when the row cannot keep up)."""
    mu = 1000 / hold_ms
    a = lam / mu
    if a >= c:
        return None
    return erlang_c(c, a) / (c * mu - lam) * 1000


def simulate_flash(units, shoppers, seconds, hold_ms, rows, batch, admitted, seed):
    """A flash sale at one listing: `shoppers` orders arrive uniformly at random within `seconds`;
    each needs a unit from one of `rows` stock rows (a random one; a unit row lock held `hold_ms`,
    `batch` orders' units taken by one UPDATE when that many wait); at most `admitted` checkouts are
    in flight on database connections across the instances, the rest wait in the instances' memory
    (CheckoutQueue). Once the stock is gone the rest are refused from memory at once. Returns the
    sell-out time and the waits of the orders that got a unit."""
    rng = random.Random(seed)
    arrivals = sorted(rng.uniform(0, seconds) for _ in range(shoppers))
    free_at = [0.0] * rows          # when each row's lock is next free
    stock = [units // rows + (1 if r < units % rows else 0) for r in range(rows)]
    in_flight = []                  # finish times of admitted checkouts (a heap)
    waits, sold, sold_out_at, max_waiting_on_rows = [], 0, None, 0
    hold = hold_ms / 1000
    for t in arrivals:
        if sold >= units:
            break
        while in_flight and in_flight[0] <= t:
            heapq.heappop(in_flight)
        start = t
        if len(in_flight) >= admitted:      # waits in memory for a connection slot
            start = heapq.heappop(in_flight)
            while in_flight and in_flight[0] <= start:
                heapq.heappop(in_flight)
        candidates = [r for r in range(rows) if stock[r] > 0]
        r = rng.choice(candidates)
        begin = max(start, free_at[r])
        # a batch worker takes up to `batch` units in one UPDATE: the lock is held about as long
        free_at[r] = begin + hold / batch if batch > 1 else begin + hold
        finish = free_at[r]
        max_waiting_on_rows = max(max_waiting_on_rows, len(in_flight) + 1)
        heapq.heappush(in_flight, finish)
        stock[r] -= 1
        sold += 1
        waits.append(finish - t)
        if sold == units:
            sold_out_at = finish
    waits.sort()
    pct = lambda q: waits[min(len(waits) - 1, int(q * len(waits)))] * 1000 if waits else float("nan")
    return {"sold": sold, "sold_out_s": sold_out_at, "p50_ms": pct(0.5), "p99_ms": pct(0.99),
            "max_on_connections": max_waiting_on_rows}


def main():
    args = parse()
    o = args.orders
    rates = {"order": o, "search": o * args.searches_per_order, "detail": o * args.details_per_order,
             "feed": o * args.feed_per_order}
    print(f"Peak: {o:,.0f} orders/s, {rates['search']:,.0f} searches/s, {rates['detail']:,.0f} listing details/s, "
          f"{rates['feed']:,.0f} feed pages/s; search backend {args.search_backend}; "
          f"{args.listings / 1e6:,.0f} M listings")
    print()

    # API instances: CPU on the JVM.
    app = {k: rates[k] * MEASURED[k]["app_ms"] / 1000 for k in rates}
    app_cores = sum(app.values())
    instances = math.ceil(app_cores / args.target_utilisation / args.instance_cores)
    print("API instances (JVM CPU, measured ms per request)")
    for k in rates:
        print(f"  {k:7s} {rates[k]:>10,.0f}/s x {MEASURED[k]['app_ms']:>5.3f} ms = {app[k]:7.1f} cores")
    print(f"  total {app_cores:,.1f} cores; at {args.target_utilisation:.0%} of {args.instance_cores} cores each: "
          f"{instances} instances")
    print()

    # PostgreSQL: the primary takes the order path, the replicas the anonymous catalog reads.
    primary_cores = rates["order"] * MEASURED["order"]["primary_ms"] / 1000 * (1 + args.primary_overhead)
    primary_util = primary_cores / args.db_cores
    replica_cores = (rates["search"] * search_db_ms(args) + rates["detail"] * MEASURED["detail"]["replica_ms"]
                     + rates["feed"] * MEASURED["feed"]["replica_ms"]) / 1000
    replicas = max(2, math.ceil(replica_cores / args.target_utilisation / args.db_cores))
    wal_mb_s = o * args.wal_kb_per_order / 1024
    print("PostgreSQL")
    print(f"  primary: {rates['order']:,.0f} orders/s x {MEASURED['order']['primary_ms']} ms "
          f"x {1 + args.primary_overhead:.1f} (other writes) = {primary_cores:,.1f} cores: "
          f"{primary_util:.0%} of a {args.db_cores}-core server")
    print(f"  replicas: search {rates['search'] * search_db_ms(args) / 1000:,.1f} + detail "
          f"{rates['detail'] * MEASURED['detail']['replica_ms'] / 1000:,.1f} + feed "
          f"{rates['feed'] * MEASURED['feed']['replica_ms'] / 1000:,.1f} = {replica_cores:,.1f} cores: "
          f"{replicas} replicas of {args.db_cores} cores (at least 2)")
    print(f"  WAL: {wal_mb_s:,.0f} MB/s at {args.wal_kb_per_order:g} KB/order (measured); "
          f"each replica replays it in one process (assumed {args.replay_mb_s:g} MB/s): "
          f"{wal_mb_s / args.replay_mb_s:.0%}")
    budget = args.max_connections - 100       # the job, the operator, replication, maintenance
    pool = min(args.pool, budget // instances)
    in_flight = max(1, min(args.in_flight, pool - 2))
    busy = o * ORDER_CONNECTION_MS / 1000
    print(f"  connections: {instances} instances x {args.pool} = {instances * args.pool:,} against "
          f"max_connections {args.max_connections}: at the peak {pool} per instance ({instances * pool:,}) and "
          f"{in_flight} checkouts in flight each; the order path keeps about {busy:,.0f} busy on average "
          f"({ORDER_CONNECTION_MS} ms of connection time per order)")
    one_primary = {
        "CPU": args.largest_primary_cores * args.target_utilisation * 1000
        / (MEASURED["order"]["primary_ms"] * (1 + args.primary_overhead)),
        "WAL replay": args.replay_mb_s * 1024 / args.wal_kb_per_order,
    }
    print(f"  one primary stops at about {min(one_primary.values()):,.0f} orders/s ("
          + ", ".join(f"{k} {v:,.0f}" for k, v in one_primary.items())
          + f"; CPU for a {args.largest_primary_cores}-core primary at {args.target_utilisation:.0%})")
    print()

    # Kafka.
    events = o * args.events_per_order
    partitions = math.ceil(events * args.consumer_ms / 1000 / args.target_utilisation)
    partitions = max(args.brokers * 4, math.ceil(partitions / (args.brokers * 4)) * args.brokers * 4)
    print("Kafka")
    print(f"  {events:,.0f} events/s x {args.consumer_ms} ms per consumer = "
          f"{events * args.consumer_ms / 1000:,.1f} busy consumers per group: {partitions} partitions per topic "
          f"(a multiple of {args.brokers * 4}); one partition takes {1000 / args.consumer_ms:,.0f} events/s, "
          f"so no key (seller, order) may carry more")
    print()

    # OpenSearch.
    index_gb = args.listings * args.doc_kb / 1024 / 1024
    shards = max(1, math.ceil(index_gb / args.shard_gb))
    uncached = rates["search"] * args.uncached_share if args.search_backend == "opensearch" else 0
    os_cores = uncached * shards * args.os_shard_ms / 1000
    data_nodes = max(2, math.ceil(os_cores / args.target_utilisation / args.os_node_cores))
    copies = max(2, math.ceil(data_nodes / shards) + 1) if shards else 2
    full_rank_ms = PG_BROAD_QUERY_MS * args.listings / 100e3
    print("OpenSearch")
    print(f"  index {index_gb:,.0f} GB: {shards} primary shards of at most {args.shard_gb:g} GB")
    print(f"  ranking every match, as the PostgreSQL backend does (46 ms at 100k listings, linear in matches): "
          f"about {full_rank_ms / 1000:,.0f} s of CPU per broad query at {args.listings / 1e6:,.0f} M: only a "
          f"bounded window of candidates per shard can be ranked")
    print(f"  {uncached:,.0f} uncached queries/s x {shards} shards x {args.os_shard_ms} ms = {os_cores:,.0f} cores: "
          f"{data_nodes} data nodes of {args.os_node_cores} cores, each shard in {copies} copies "
          f"(1 primary + {copies - 1} replicas)")
    print()

    # The hot stock row.
    hot = o * args.hot_share
    print(f"The hottest listing's stock row ({args.hot_share:.0%} of the orders: {hot:,.0f}/s)")
    for name, hold in HOT_ROW_HOLD_MS.items():
        ceiling = 1000 / hold
        w1 = mmc_wait_ms(hot, hold)
        w8 = mmc_wait_ms(hot / 8, hold)
        print(f"  {name:17s} hold {hold:4.2f} ms, ceiling {ceiling:5,.0f}/s: one row "
              + (f"rho {hot / ceiling:.2f}, mean lock wait {w1:6.1f} ms" if w1 is not None else "SATURATED")
              + "; 8 sharded rows "
              + (f"rho {hot / 8 / ceiling:.2f}, mean wait {w8:5.2f} ms" if w8 is not None else "SATURATED"))
    print()

    admitted = instances * in_flight
    print(f"Flash sale simulation: {args.flash_shoppers:,} shoppers tap Buy within {args.flash_seconds:g} s "
          f"for {args.flash_units:,} units ({args.flash_shoppers / args.flash_seconds:,.0f}/s); "
          f"{admitted:,} checkouts in flight across {instances} instances; design hold "
          f"{HOT_ROW_HOLD_MS['design']:.2f} ms")
    hold = HOT_ROW_HOLD_MS["design"]
    for label, rows, batch in (("one row", 1, 1), ("8 sharded rows", 8, 1), ("one row, batches of 20", 1, 20)):
        r = simulate_flash(args.flash_units, args.flash_shoppers, args.flash_seconds, hold, rows, batch,
                           admitted, args.seed)
        print(f"  {label:23s} sold {r['sold']:,} in {r['sold_out_s']:.1f} s; wait p50 {r['p50_ms']:,.0f} ms, "
              f"p99 {r['p99_ms']:,.0f} ms; up to {r['max_on_connections']:,} checkouts holding connections")
    print()

    flash_demand = args.flash_shoppers / args.flash_seconds
    print("Where it saturates first:")
    print(f"  1. a flash deal's stock row: {flash_demand:,.0f} taps/s against {1000 / hold:,.0f} units/s "
          f"({flash_demand * hold / 1000:,.0f} x), at any total order rate")
    limits = sorted([
        ("the hottest listing's row (steady, at its share)", 1000 / HOT_ROW_HOLD_MS["design"] / args.hot_share),
        ("one primary (the order path's writes)", min(one_primary.values())),
    ], key=lambda b: b[1])
    for i, (name, limit) in enumerate(limits, start=2):
        print(f"  {i}. {name}: at about {limit:,.0f} orders/s")


if __name__ == "__main__":
    main()
