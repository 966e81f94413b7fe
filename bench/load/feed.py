#!/usr/bin/env python3
"""The feed scenario's requests, after bench/load/prepare.py (the shoppers and their tokens) and
bench/generate.py --follows (whom they follow): FEED_SHOPPERS shoppers spread over the follow counts (the
heaviest follower among them), each walked from its first feed page through the API's own cursors to page
DEPTH, the way a shopper scrolls; then

  feed-first.txt, feed-deep.txt   wrk/FixedRate paths: "label<TAB>path<TAB>token", the first page and page DEPTH
  feed-mix.txt                    both, alternating (the fixed-rate run: first and deep pages in one run)
  discover.txt                    GET /api/v1/discover, first page (anonymous)
  feed.vars, feed-first.vars, feed-deep.vars, discover.vars   pgbench variables (bench/pgbench/feed.sql, discover.sql)
  feed-walk.txt                   what was walked: shoppers, follows, depth reached, the walk's time per page

and the table bench.feed_pages (n, deep, follower, at, id, tagged, tags, by_creators, creator_tags): each shopper's
first and deep page as the application queries them (the cursor's position, the page's tagged listings, those of
them in creators' posts), for pgbench and the plans.

    python3 bench/load/feed.py --base http://localhost:18180 --db postgresql://postgres@localhost:55539/pasar --work DIR
"""
import argparse
import base64
import concurrent.futures
import json
import os
import subprocess
import time
import urllib.request

PAGE = 20


def get(base, path, token=None):
    request = urllib.request.Request(base + path, headers={'Authorization': 'Bearer ' + token} if token else {})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)


def sql(db, text, stdin=None):
    return subprocess.run(['psql', '-X', '-q', '-tA', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', text, db] if stdin is None
                          else ['psql', '-X', '-q', '-tA', '-v', 'ON_ERROR_STOP=1', db], input=stdin, check=True,
                          capture_output=True, text=True).stdout.strip()


def position(cursor):
    """A feed cursor (KeysetCursor: base64url of feed|createdAt|postId) as (created_at, id)."""
    kind, at, post = base64.urlsafe_b64decode(cursor + '=' * (-len(cursor) % 4)).decode().split('|')
    assert kind == 'feed', cursor
    return at, post


def tagged(page, kind=None):
    """The listings the application asks the catalog about for this page: every tagged listing, once (all published);
    with kind CREATOR those it asks the affiliate plans about: the listings tagged in creators' posts."""
    return list(dict.fromkeys(l['listingId'] for item in page['items'] for l in item['listings']
                              if kind is None or item['author']['kind'] == kind))


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--base', required=True)
    p.add_argument('--db', required=True)
    p.add_argument('--work', required=True)
    p.add_argument('--shoppers', type=int, default=20, help='shoppers walked (FEED_SHOPPERS)')
    p.add_argument('--depth', type=int, default=50, help='the deep page: page number DEPTH (FEED_DEPTH)')
    a = p.parse_args()
    api = a.base + '/api/v1'
    w = lambda name: os.path.join(a.work, name)
    tokens = open(w('shopper-tokens.txt')).read().split()
    rows = [r.split('\t') for r in sql(a.db, """SELECT s.n, s.id, count(f.followee_id) FROM bench.shoppers s
        LEFT JOIN social.follows f ON f.follower_id = s.id GROUP BY s.n, s.id ORDER BY count(f.followee_id), s.n""").splitlines()]
    if not rows or int(rows[-1][2]) == 0:
        raise SystemExit('the bench shoppers follow no one: run bench/generate.py --follows first')
    # Spread over the follow counts: evenly spaced ranks, the heaviest follower last.
    k = min(a.shoppers, len(rows))
    chosen = [rows[round(i * (len(rows) - 1) / max(1, k - 1))] for i in range(k)] if k > 1 else [rows[-1]]

    def walk(row):
        n, shopper, follows = int(row[0]), row[1], int(row[2])
        token = tokens[n - 1]
        first = get(api, f'/feed?size={PAGE}', token)
        page, cursor, t0 = first, None, time.time()
        pages = 1
        while pages < a.depth and page['nextCursor']:
            cursor = page['nextCursor']
            page = get(api, f'/feed?size={PAGE}&cursor={cursor}', token)
            pages += 1
        return dict(n=n, shopper=shopper, follows=follows, token=token, first=first, deep=page, cursor=cursor, pages=pages,
                    seconds=time.time() - t0)

    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        walks = list(pool.map(walk, chosen))
    walks = [x for x in walks if x['cursor']]
    if not walks:
        raise SystemExit('no walked feed has a second page: generate more posts or follows')

    with open(w('feed-first.txt'), 'w') as first, open(w('feed-deep.txt'), 'w') as deep, open(w('feed-mix.txt'), 'w') as mix:
        for x in walks:
            f = f"feed-first\t/api/v1/feed?size={PAGE}\t{x['token']}\n"
            d = f"feed-deep\t/api/v1/feed?size={PAGE}&cursor={x['cursor']}\t{x['token']}\n"
            first.write(f)
            deep.write(d)
            mix.write(f + d)
    open(w('discover.txt'), 'w').write(f'discover\t/api/v1/discover?size={PAGE}\n')

    lines = []
    for i, x in enumerate(walks, 1):
        at, post = position(x['cursor'])
        for deep, page, (a_at, a_id) in ((False, x['first'], ('2000-01-01T00:00:00Z', '00000000-0000-0000-0000-000000000000')),
                                         (True, x['deep'], (at, post))):
            ids, by_creators = tagged(page), tagged(page, 'CREATOR')
            lines.append(f"{i}\t{'t' if deep else 'f'}\t{x['shopper']}\t{a_at}\t{a_id}\t{{{','.join(ids)}}}\t{len(ids)}\t"
                         f"{{{','.join(by_creators)}}}\t{len(by_creators)}\n")
    sql(a.db, None, 'DROP TABLE IF EXISTS bench.feed_pages;\n'
        'CREATE TABLE bench.feed_pages (n integer, deep boolean, follower uuid, at timestamptz, id uuid, tagged text, '
        'tags integer, by_creators text, creator_tags integer, PRIMARY KEY (n, deep));\nCOPY bench.feed_pages FROM STDIN;\n' + ''.join(lines) + '\\.\nANALYZE bench.feed_pages;\n')
    discover = get(api, f'/discover?size={PAGE}')
    as_of = base64.urlsafe_b64decode(discover['nextCursor'] + '=' * (-len(discover['nextCursor']) % 4)).decode().split('|')[1] \
        if discover['nextCursor'] else time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())
    d_ids, d_creators = tagged(discover), tagged(discover, 'CREATOR')
    with open(w('feed.vars'), 'w') as f:
        f.write(f'feed_shoppers={len(walks)}\nlimit={PAGE + 1}\n')
    open(w('feed-first.vars'), 'w').write('deep=0\n')
    open(w('feed-deep.vars'), 'w').write('deep=1\n')
    with open(w('discover.vars'), 'w') as f:
        f.write(f"as_of={as_of}\nwindow_days=7\nfirst=true\nafter_score=0\nafter_id=00000000-0000-0000-0000-000000000000\n"
                f"limit={PAGE + 1}\ndiscover_tagged={{{','.join(d_ids)}}}\n"
                f"discover_tags={len(d_ids)}\ndiscover_by_creators={{{','.join(d_creators)}}}\n"
                f"discover_creator_tags={len(d_creators)}\n")
    with open(w('feed-walk.txt'), 'w') as f:
        for x in walks:
            f.write(f"shopper {x['n']}: follows {x['follows']}, walked to page {x['pages']} in {x['seconds']:.1f} s "
                    f"({x['seconds'] / max(1, x['pages'] - 1) * 1000:.0f} ms a page), deep cursor at {position(x['cursor'])[0]}"
                    f"{' (the feed ended before page ' + str(a.depth) + ')' if x['pages'] < a.depth else ''}\n")
    print(f"feed: {len(walks)} shoppers walked (follows {min(x['follows'] for x in walks)} to {max(x['follows'] for x in walks)}), "
          f"deep page {a.depth}: reached by {sum(x['pages'] >= a.depth for x in walks)}; discover as of {as_of}")


if __name__ == '__main__':
    main()
