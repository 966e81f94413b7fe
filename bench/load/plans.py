#!/usr/bin/env python3
"""EXPLAIN (ANALYZE, BUFFERS) of the main queries, from the pgbench scripts themselves (so there is one
copy of each statement): every SELECT of bench/pgbench/search.sql with its variables bound as literals,
the detail queries (the listing and its variants), and the order's stock updates (the listing's row,
then its variant's, in a transaction that is rolled back).

    python3 bench/load/plans.py --db URL --vars search.vars [--vars counts.vars]
"""
import argparse
import re
import subprocess


def explain(db, title, statement, rollback=False):
    """statement: one, or a list explained one after the other in the same session (and transaction)."""
    statements = statement if isinstance(statement, list) else [statement]
    # the settings of the application's pooled connections (application.yml, connection-init-sql)
    sql = 'SET max_parallel_workers_per_gather = 0; SET pg_trgm.strict_word_similarity_threshold = 0.44;\n' + ('BEGIN;\n' if rollback else '') + \
          ''.join('EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ' + s + ';\n' for s in statements) + \
          ('ROLLBACK;\n' if rollback else '')
    out = subprocess.run(['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-P', 'pager=off', '-tA', db], input=sql,
                         capture_output=True, text=True)
    print(f'### {title}\n\n```\n{(out.stdout or out.stderr).strip()}\n```\n')


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--db', required=True)
    p.add_argument('--vars', action='append', default=[])
    p.add_argument('--search', default='bench/pgbench/search.sql')
    a = p.parse_args()
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
