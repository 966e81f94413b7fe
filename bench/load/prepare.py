#!/usr/bin/env python3
"""Everything the load scripts need from a loaded application, written into a work directory:
accounts (an auditor and SHOPPERS shoppers, registered through the API), the search mix as paths
(for wrk and the fixed-rate client) and as pgbench variables (for bench/pgbench/search.sql), the
listing sample for detail views, the variants to order (hot.txt, cold.txt: one variant of each
sampled listing), and the bench's own helper tables (schema bench).

    python3 bench/load/prepare.py --base http://localhost:18180 --db postgresql://postgres@localhost:55539/pasar --work DIR
"""
import argparse
import base64
import concurrent.futures
import json
import os
import subprocess
import urllib.parse
import urllib.error
import urllib.request

# The search mix: (label, query string). bench/pgbench/search.sql holds the same searches as SQL, in this order.
SEARCH_MIX = [
    ('relevance', 'q=batik+tulis'),
    ('relevance', 'q=kopi'),
    ('relevance-deep', 'q=kopi&cursor={kopi_cursor}'),
    ('text+province+price', 'q=tas+rotan&provinceCode=35&sort=price_asc'),
    ('typo', 'q=angklng'),
    ('category+price', 'categoryCode=makanan-ringan&sort=price_asc'),
    ('parent-category+price-range', 'categoryCode=makanan-minuman&minPriceIdr=50000&maxPriceIdr=200000&sort=price_asc'),
    ('newest', 'sort=newest'),
    ('newest-deep', 'sort=newest&cursor={newest_cursor}'),
    ('price', 'sort=price_asc'),
    ('price-deep', 'sort=price_asc&cursor={price_cursor}'),
]
PAGE = 20
HOT, COLD, DETAIL_SAMPLE = 100, 10000, 20000
SHOPPER_PASSWORD = 'shopper-password-1'


def call(base, method, path, body=None, token=None):
    headers = {'Content-Type': 'application/json'}
    if token:
        headers['Authorization'] = 'Bearer ' + token
    request = urllib.request.Request(base + path, method=method, headers=headers,
                                     data=json.dumps(body).encode() if body is not None else None)
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)


def create(api, path, body, token=None):
    """POST that tolerates 409 (already there, e.g. a second prepare on the same database)."""
    try:
        call(api, 'POST', path, body, token)
    except urllib.error.HTTPError as e:
        if e.code != 409:
            raise


def sql(db, text):
    return subprocess.run(['psql', '-X', '-q', '-tA', '-v', 'ON_ERROR_STOP=1', '-c', text, db], check=True,
                          capture_output=True, text=True).stdout.strip()


def cursor(text):
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip('=')


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--base', required=True)
    p.add_argument('--db', required=True)
    p.add_argument('--work', required=True)
    p.add_argument('--shoppers', type=int, default=200)
    p.add_argument('--admin-email', default='bench@pasar.test')
    p.add_argument('--admin-password', default='bench-password-1')
    p.add_argument('--kopi-depth', type=int, default=2000, help='the deep relevance page starts after this many hits')
    a = p.parse_args()
    api = a.base + '/api/v1'
    w = lambda name: os.path.join(a.work, name)

    # Accounts: an auditor (through the configured admin) and the shoppers, through the API as a client would.
    admin = call(api, 'POST', '/auth/token', {'email': a.admin_email, 'password': a.admin_password})['accessToken']
    create(api, '/admin/users', {'email': 'auditor@pasar.test', 'password': 'auditor-password-1',
                                 'displayName': 'Auditor Bench', 'role': 'AUDITOR'}, admin)
    auditor = call(api, 'POST', '/auth/token', {'email': 'auditor@pasar.test', 'password': 'auditor-password-1'})['accessToken']
    open(w('auditor.token'), 'w').write(auditor)

    def shopper(n):
        email = f'pembeli{n}@pasar.test'
        create(api, '/auth/register', {'email': email, 'password': SHOPPER_PASSWORD, 'displayName': f'Pembeli {n}',
                                       'role': 'SHOPPER'})
        token = call(api, 'POST', '/auth/token', {'email': email, 'password': SHOPPER_PASSWORD})['accessToken']
        payload = token.split('.')[1]
        user = json.loads(base64.urlsafe_b64decode(payload + '=' * (-len(payload) % 4)))['sub']
        return n, user, token
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        shoppers = list(pool.map(shopper, range(1, a.shoppers + 1)))
    with open(w('shopper-tokens.txt'), 'w') as f:
        f.writelines(token + '\n' for _, _, token in shoppers)

    # The bench's helper tables: samples, order targets with the stock they had, shoppers (for pgbench).
    sql(a.db, f"""
        DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench;
        CREATE TABLE bench.detail_ids AS
            SELECT row_number() OVER () AS n, id FROM (SELECT id FROM catalog.listings WHERE status = 'PUBLISHED'
            ORDER BY random() LIMIT {DETAIL_SAMPLE}) s;
        CREATE UNIQUE INDEX ON bench.detail_ids (n);
        -- Orders name a variant (ADR 0023): of each sampled listing, one of its variants in stock,
        -- the only one of a listing without options (its id is the listing's), a random one of a
        -- listing with options.
        CREATE TABLE bench.order_targets AS
            SELECT row_number() OVER (PARTITION BY hot ORDER BY id) AS n, id, listing_id, hot FROM (
                SELECT v.id, s.id AS listing_id, s.hot FROM (
                    SELECT id, row_number() OVER (ORDER BY random()) <= {HOT} AS hot FROM catalog.listings
                    WHERE status = 'PUBLISHED' AND stock > 0 ORDER BY random() LIMIT {HOT + COLD}) s
                CROSS JOIN LATERAL (SELECT v.id FROM catalog.listing_variants v WHERE v.listing_id = s.id AND v.stock > 0
                                    ORDER BY random() LIMIT 1) v) t;
        CREATE UNIQUE INDEX ON bench.order_targets (hot, n);
        -- Enough stock that the bench measures placing orders, not refusing them: the variant's, and its
        -- listing's, which is the sum of its variants'.
        UPDATE catalog.listing_variants SET stock = 1000000 WHERE id IN (SELECT id FROM bench.order_targets);
        UPDATE catalog.listings l SET stock = v.stock
            FROM (SELECT listing_id, sum(stock)::integer AS stock FROM catalog.listing_variants
                  WHERE listing_id IN (SELECT listing_id FROM bench.order_targets) GROUP BY listing_id) v
            WHERE l.id = v.listing_id;
        CREATE TABLE bench.stock_before AS
            SELECT v.id, v.listing_id, v.stock FROM catalog.listing_variants v JOIN bench.order_targets USING (id);
        CREATE TABLE bench.shoppers (n integer PRIMARY KEY, id uuid NOT NULL);
        ANALYZE bench.detail_ids; ANALYZE bench.order_targets;""")
    sql(a.db, 'INSERT INTO bench.shoppers VALUES ' + ','.join(f"({n}, '{user}')" for n, user, _ in shoppers))
    for name, query in (('detail-ids.txt', 'SELECT id FROM bench.detail_ids ORDER BY n'),
                        ('hot.txt', 'SELECT id FROM bench.order_targets WHERE hot ORDER BY n'),
                        ('cold.txt', 'SELECT id FROM bench.order_targets WHERE NOT hot ORDER BY n')):
        open(w(name), 'w').write(sql(a.db, query) + '\n')

    # Deep pages. Relevance: follow the API's own cursors to the kopi_depth-th hit (ranks are the
    # application's business). Newest and price: the row in the middle of the shelf, as a cursor.
    params = {}
    after, seen = None, 0
    while seen < a.kopi_depth:
        page = call(api, 'GET', '/catalog/listings?q=kopi&size=100' + (f'&cursor={after}' if after else ''))
        if not page['nextCursor']:
            break
        after, seen = page['nextCursor'], seen + len(page['items'])
    if after is None:
        raise SystemExit('q=kopi has fewer than 100 hits: load more listings')
    params['kopi_cursor'] = after
    # A search cursor (ListingSearch.Position, since 2026-12-06 00:56):
    # search:SORT|typo|rank|price|published|id|tie|day.
    fields = base64.urlsafe_b64decode(after + '=' * (-len(after) % 4)).decode().split('|')
    kopi_rank, kopi_id, kopi_tie, day = fields[2], fields[5], fields[6], fields[7]
    published = sql(a.db, """SELECT to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '|' || id
        FROM catalog.listings WHERE status = 'PUBLISHED' ORDER BY published_at DESC, id DESC
        OFFSET (SELECT count(*) / 2 FROM catalog.listings WHERE status = 'PUBLISHED') LIMIT 1""").split('|')
    price = sql(a.db, """SELECT price_idr || '|' || id FROM catalog.listings WHERE status = 'PUBLISHED' ORDER BY price_idr, id
        OFFSET (SELECT count(*) / 2 FROM catalog.listings WHERE status = 'PUBLISHED') LIMIT 1""").split('|')
    params['newest_cursor'] = cursor(f'search:NEWEST|0||0|{published[0]}|{published[1]}||{day}')
    params['price_cursor'] = cursor(f'search:PRICE_ASC|0||{price[0]}|2000-01-01T00:00:00Z|{price[1]}||{day}')
    with open(w('search-paths.txt'), 'w') as f:
        for label, query in SEARCH_MIX:
            f.write(f'{label}\t/api/v1/catalog/listings?{query.format(**params)}&size={PAGE}\n')
    parent = sql(a.db, "SELECT string_agg(code, ',') FROM catalog.categories WHERE code = 'makanan-minuman' "
                       "OR parent_code = 'makanan-minuman'")
    variables = {'q_batik': 'batik tulis', 'q_kopi': 'kopi', 'kopi_after_rank': kopi_rank, 'kopi_after_id': kopi_id,
                 'kopi_after_tie': kopi_tie, 'day': day, 'w_text': '1.0', 'w_stock': '0.1', 'w_fresh': '0.05',
                 'q_rotan': 'tas rotan', 'province': '35', 'q_typo': 'angklng', 'cat_single': 'makanan-ringan',
                 'cat_parent': parent, 'min_price': '50000', 'max_price': '200000',
                 'newest_after_published': published[0], 'newest_after_id': published[1],
                 'price_after': price[0], 'price_after_id': price[1], 'limit': str(PAGE + 1)}
    with open(w('search.vars'), 'w') as f:
        f.writelines(f'{k}={v}\n' for k, v in variables.items())
    with open(w('counts.vars'), 'w') as f:
        f.write(f"detail_ids={sql(a.db, 'SELECT count(*) FROM bench.detail_ids')}\n"
                f"hot_listings={sql(a.db, 'SELECT count(*) FROM bench.order_targets WHERE hot')}\n"
                f"cold_listings={sql(a.db, 'SELECT count(*) FROM bench.order_targets WHERE NOT hot')}\n"
                f'shoppers={a.shoppers}\n')
    print(f'prepared: {len(shoppers)} shoppers, auditor, search mix of {len(SEARCH_MIX)}, '
          f'deep relevance page after {seen} hits')


if __name__ == '__main__':
    main()
