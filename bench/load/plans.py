#!/usr/bin/env python3
"""EXPLAIN (ANALYZE, BUFFERS) of the main queries, from the pgbench scripts themselves (so there is one
copy of each statement): every SELECT of bench/pgbench/search.sql with its variables bound as literals,
the detail queries (the listing and its variants), and the order's stock updates (the listing's row,
then its variant's, in a transaction that is rolled back). With --feed WORK (the feed scenario): the feed query of
bench/pgbench/feed.sql, first page and deep page, for every walked shopper (bench.feed_pages), as a table of
buffers and index entries read, and whole for the median and the heaviest follower (with the generic plan a
prepared statement gets, too); and discover's query (bench/pgbench/discover.sql).

    python3 bench/load/plans.py --db URL --vars search.vars [--vars counts.vars] [--feed WORK]
"""
import argparse
import json
import os
import re
import subprocess

SESSION = 'SET max_parallel_workers_per_gather = 0; SET pg_trgm.strict_word_similarity_threshold = 0.44;\n'


def explain(db, title, statement, rollback=False):
    """statement: one, or a list explained one after the other in the same session (and transaction)."""
    statements = statement if isinstance(statement, list) else [statement]
    # the settings of the application's pooled connections (application.yml, connection-init-sql)
    sql = SESSION + ('BEGIN;\n' if rollback else '') + \
          ''.join('EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ' + s + ';\n' for s in statements) + \
          ('ROLLBACK;\n' if rollback else '')
    out = subprocess.run(['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-P', 'pager=off', '-tA', db], input=sql,
                         capture_output=True, text=True)
    print(f'### {title}\n\n```\n{(out.stdout or out.stderr).strip()}\n```\n')


def psql(db, sql):
    out = subprocess.run(['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-P', 'pager=off', '-tA', '-F', '\t', db], input=sql,
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    return out.stdout


def literal(value):
    return "'" + str(value).replace("'", "''") + "'"


def branches(path):
    """feed.sql's two feed statements: (after the cursor, first page), from its \\if :deep ... \\else ... \\endif."""
    text = open(path).read()
    deep = text.split('\\if :deep\n', 1)[1].split('\\else\n', 1)
    first = deep[1].split('\\endif', 1)[0]
    return deep[0].strip().rstrip(';'), first.strip().rstrip(';')


TYPES = {'at': 'timestamptz', 'after_id': 'uuid', 'limit': 'integer', 'follower': 'uuid'}


def feed(db, work, feed_sql, discover_sql):
    """The feed's first and deep pages for every walked shopper, as the application runs them: a prepared statement
    (pgjdbc prepares a statement on the server from its 5th use on a connection, one parameter per occurrence of a
    name, as Spring's named parameters give them), executed 6 times so that the plan cache has made its choice
    between custom and generic plans, then EXPLAIN (ANALYZE, BUFFERS) of one more execution (warm); then the
    median and the heaviest follower's plans whole, and the first page's plan with its values as literals."""
    deep_sql, first_sql = branches(feed_sql)
    limit = dict(l.strip().split('=', 1) for l in open(os.path.join(work, 'feed.vars')) if '=' in l)['limit']
    pages = [r.split('\t') for r in psql(db, """SELECT p.n, p.deep, p.follower, p.at, p.id, count(f.followee_id)
        FROM bench.feed_pages p LEFT JOIN social.follows f ON f.follower_id = p.follower
        GROUP BY p.n, p.deep, p.follower, p.at, p.id ORDER BY count(f.followee_id), p.n, p.deep""").splitlines()]

    def values(row):
        return {'at': literal(row[3]), 'after_id': literal(row[4]), 'limit': limit, 'follower': literal(row[2])}

    def bound(row):
        return re.sub(r':(at|after_id|limit|follower)\b', lambda m: values(row)[m.group(1)],
                      deep_sql if row[1] == 't' else first_sql)

    def prepared(row, options):
        """PREPARE, 6 executions, then EXPLAIN (options) of the 7th: the plan the plan cache settled on."""
        names = re.findall(r':(at|after_id|limit|follower)\b', deep_sql if row[1] == 't' else first_sql)
        counter = iter(range(1, len(names) + 1))
        sql = re.sub(r':(at|after_id|limit|follower)\b', lambda m: f'${next(counter)}', deep_sql if row[1] == 't' else first_sql)
        args = ', '.join(values(row)[n] for n in names)
        return psql(db, SESSION + f"PREPARE q({', '.join(TYPES[n] for n in names)}) AS {sql};\n"
                    + '\\o /dev/null\n' + f'EXECUTE q({args});\n' * 6 + '\\o\n' + f'EXPLAIN ({options}) EXECUTE q({args});\n')

    def measured(row):
        out = prepared(row, 'ANALYZE, BUFFERS, FORMAT JSON')
        plan = json.loads(out[out.index('['):])[0]
        scanned = [0, 0]  # entries of posts_by_author read, its scans
        generic = [False]

        def walk(node):
            if node.get('Index Name') == 'posts_by_author':
                scanned[0] += node['Actual Rows'] * node['Actual Loops']
                scanned[1] += node['Actual Loops']
            generic[0] |= '$' in json.dumps({k: v for k, v in node.items() if k != 'Plans'})
            for child in node.get('Plans', []):
                walk(child)
        walk(plan['Plan'])
        top = plan['Plan']
        return dict(ms=plan['Execution Time'], hit=top.get('Shared Hit Blocks', 0), read=top.get('Shared Read Blocks', 0),
                    rows=scanned[0], scans=scanned[1], generic=generic[0])

    by_shopper = {}
    for row in pages:
        by_shopper.setdefault(row[0], {})[row[1]] = (row, measured(row))
    print('### The feed: first page against the deep page, every walked shopper (EXPLAIN ANALYZE of the prepared '
          'statement, warm)\n')
    print('Buffers: shared blocks hit + read by the whole query; entries: rows the posts_by_author index scans returned '
          'over all followed authors (rows x loops as EXPLAIN gives them, its rows a per-loop average; at most follows x '
          'limit); plan: the generic plan of the prepared statement or a custom one, as the plan cache chose after 6 '
          'executions.\n')
    print('| shopper | follows | first: ms | buffers | entries | plan | deep: ms | buffers | entries | plan | deep/first buffers |')
    print('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
    worse, more_entries, excess = 0, 0, 0.0
    kind = lambda m: 'generic' if m['generic'] else 'custom'
    for n, both in by_shopper.items():
        (row, f), (_, d) = both['f'], both['t']
        fb, db_ = f['hit'] + f['read'], d['hit'] + d['read']
        worse += db_ > fb
        more_entries += d['rows'] > f['rows']
        excess = max(excess, (db_ - fb) / fb)
        print(f"| {n} | {row[5]} | {f['ms']:.1f} | {fb} | {f['rows']} | {kind(f)} | {d['ms']:.1f} | {db_} | {d['rows']} | "
              f"{kind(d)} | {db_ / fb:.2f} |")
    first_ms = sorted(b['f'][1]['ms'] for b in by_shopper.values())
    deep_ms = sorted(b['t'][1]['ms'] for b in by_shopper.values())
    print(f'\nDeep pages reading more index entries than their first page: {more_entries} of {len(by_shopper)}; more '
          f'buffers: {worse} of {len(by_shopper)}' + (f', at most {excess * 100:.2f} % more' if worse else '') +
          f'. Median execution time first / deep: {first_ms[len(first_ms) // 2]:.1f} / {deep_ms[len(deep_ms) // 2]:.1f} ms.\n')
    ordered = list(by_shopper)
    for label, n in (('median follower', ordered[len(ordered) // 2]), ('heaviest follower', ordered[-1])):
        for deep in ('f', 't'):
            row = by_shopper[n][deep][0]
            print(f"### feed, {'deep page' if deep == 't' else 'first page'}, {label} (shopper {n}, {row[5]} follows): "
                  f"the prepared statement's plan\n\n```\n{prepared(row, 'ANALYZE, BUFFERS, COSTS OFF').strip()}\n```\n")
    row = by_shopper[ordered[len(ordered) // 2]]['f'][0]
    explain(db, f'feed, first page, median follower (shopper {row[0]}): its values as literals (a custom plan)', bound(row))
    values_d = dict(l.strip().split('=', 1) for l in open(os.path.join(work, 'discover.vars')) if '=' in l)
    ranked = open(discover_sql).read().split('BEGIN READ ONLY;\n', 1)[1].split(';\n', 1)[0]
    explain(db, 'discover, first page', re.sub(r'(?<![:\w]):([a-z_]+)', lambda m: literal(values_d[m.group(1)])
                                                if m.group(1) not in ('limit', 'window_days') else values_d[m.group(1)], ranked))


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--db', required=True)
    p.add_argument('--vars', action='append', default=[])
    p.add_argument('--search', default='bench/pgbench/search.sql')
    p.add_argument('--feed', help="the run's work directory: explain the feed's and discover's queries")
    a = p.parse_args()
    if a.feed:
        feed(a.db, a.feed, 'bench/pgbench/feed.sql', 'bench/pgbench/discover.sql')
    values = {}
    for f in a.vars:
        for line in open(f):
            if '=' in line:
                k, v = line.rstrip('\n').split('=', 1)
                values[k] = v
    bind = lambda s: re.sub(r'(?<![:\w]):([a-z_][a-z0-9_]*)', lambda m: "'" + values[m.group(1)].replace("'", "''") + "'"
                            if m.group(1) in values else m.group(0), s)
    title = None
    for chunk in open(a.search).read().split(';\n'):
        lines = [l for l in chunk.strip().split('\n')]
        comments = [l[3:] for l in lines if l.startswith('-- ') and re.match(r'-- \d+\.', l)]
        if comments:
            title = comments[-1]
        body = '\n'.join(l for l in lines if not l.startswith('--')).strip()
        if body.upper().startswith('SELECT'):
            explain(a.db, 'search ' + title, bind(body))
    one = subprocess.run(['psql', '-X', '-tA', '-c', "SELECT id FROM bench.detail_ids WHERE n = 1", a.db],
                         capture_output=True, text=True).stdout.strip()
    explain(a.db, 'listing detail', [f"""SELECT id, title, description, price_idr, max_price_idr, shop_name, seller_id,
        ship_from_regency_code, province_code, category_code, stock, weight_grams, halal_status, halal_certificate_number,
        option_types FROM catalog.listings WHERE id = '{one}' AND status = 'PUBLISHED'""",
        f"""SELECT id, listing_id, option_values, sku, price_idr, stock, weight_grams FROM catalog.listing_variants
        WHERE listing_id IN ('{one}') ORDER BY listing_id, position"""])
    # A hot target: a variant (bench.order_targets.id) and its listing.
    hot, listing = subprocess.run(['psql', '-X', '-tA', '-F', ' ', '-c', "SELECT id, listing_id FROM bench.order_targets "
                                   "WHERE hot AND n = 1", a.db], capture_output=True, text=True).stdout.split()
    explain(a.db, 'order: stock taken, the listing then the variant (rolled back)', [f"""UPDATE catalog.listings
        SET stock = stock - 1 WHERE id = '{listing}' AND status = 'PUBLISHED' AND stock >= 1 RETURNING id""",
        f"""WITH variant AS (UPDATE catalog.listing_variants SET stock = stock - 1
        WHERE id = '{hot}' AND listing_id = '{listing}' AND stock >= 1
        RETURNING id, listing_id, option_values, price_idr, weight_grams)
        SELECT v.id, v.listing_id, v.option_values, l.seller_id, l.version, l.title, v.price_idr, l.ship_from_regency_code,
        v.weight_grams FROM variant v JOIN catalog.listings l ON l.id = v.listing_id"""], True)
    shopper = subprocess.run(['psql', '-X', '-tA', '-c', "SELECT id FROM bench.shoppers WHERE n = 1", a.db],
                             capture_output=True, text=True).stdout.strip()
    explain(a.db, "order: the shopper's unpaid units of the variant (purchase limit)", f"""SELECT coalesce(sum(l.quantity), 0)
        FROM orders.orders o JOIN orders.seller_orders s ON s.order_id = o.id JOIN orders.order_lines l
        ON l.seller_order_id = s.id WHERE o.shopper_id = '{shopper}' AND o.status = 'PENDING_PAYMENT'
        AND l.variant_id = '{hot}'""")


if __name__ == '__main__':
    main()
