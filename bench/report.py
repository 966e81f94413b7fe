#!/usr/bin/env python3
"""Writes the Markdown report of one bench/run.sh run from its work directory (results.tsv, facts, ...)."""
import argparse
import os
from collections import defaultdict


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--work', required=True)
    a = p.parse_args()
    w = lambda n: os.path.join(a.work, n)
    facts = {}
    for line in open(w('facts')):
        if '=' in line:
            k, v = line.rstrip('\n').split('=', 1)
            facts[k] = v
    wrk, pgb, fixed = defaultdict(dict), defaultdict(dict), defaultdict(dict)
    for line in open(w('results.tsv')):
        f = line.rstrip('\n').split('\t')
        if f[0] == 'wrk':
            wrk[f[1]][int(f[2])] = dict(rps=float(f[3]), p50=float(f[4]), p99=float(f[5]), errors=int(f[6]),
                                        app_cpu=float(f[7]), db_cpu=float(f[8]))
        elif f[0] == 'pgbench':
            pgb[f[1]][int(f[2])] = dict(tps=float(f[3] or 0), lat=float(f[4] or 0), failed=int(f[5]),
                                        app_cpu=float(f[6]), db_cpu=float(f[7]))
        elif f[0] == 'fixed':
            fixed[f[1]][f[2]] = dict(rate=float(f[3]), due=int(f[4]), errors=int(f[5]), p50=float(f[6]), p90=float(f[7]),
                                     p99=float(f[8]), p999=float(f[9]), max=float(f[10]))
    ran = {k for k, v in wrk.items() if v}  # the scenarios run (SCENARIOS); wrk[...] below adds empty ones
    mix = [l.rstrip('\n').split('\t') for l in open(w('search-paths.txt')) if l.strip()]
    per_mix = len(mix)
    best = lambda d, key: max((v[key] for v in d.values()), default=0.0)
    ratio = lambda x, y: f'{x / y:.2f}' if y else 'n/a'
    out = []
    o = out.append

    o(f"# Bench run {facts.get('started')}\n")
    o(f"`bench/run.sh` at commit {facts.get('commit')}: {int(facts['listings']):,} published listings, "
      f"{int(facts['sellers']):,} sellers, {int(facts.get('decisions', 0)):,} decisions in the log, "
      f"{facts['shoppers']} shoppers; database {facts.get('database_size')}.\n")
    o('| | |\n| --- | --- |')
    for k, label in (('machine', 'machine'), ('load_before', 'load average before / after'), ('java', 'JVM'),
                     ('postgres', 'PostgreSQL (embedded)'), ('heap', 'application heap (-Xmx)')):
        v = facts.get(k, '')
        if k == 'load_before':
            v = f"{v} / {facts.get('load_after', '')}"
        o(f'| {label} | {v} |')
    if int(facts.get('posts') or 0):
        o(f"| social data | {int(facts['posts']):,} posts, {facts.get('posts_size', '')} |")
    o(f"| generation of the data | {facts.get('generate_seconds')} s |")
    if 'second_start' not in facts:
        o(f"| first start (empty database) | {facts.get('first_start')} s to readiness |")
    else: o(f"| first start (empty database) / second start (loaded, exposure off) | {facts.get('first_start')} s / "
      f"{facts.get('second_start')} s to readiness ({facts.get('second_start_logged', '')}; load {facts.get('load_at_second_start')}) |")
    o(f"| application peak RSS (exposure on / off instance) | {facts.get('app_peak_rss_mb')} MB / {facts.get('app_peak_rss_mb_off')} MB; "
      f"{facts.get('app_heap', '')} |")
    o(f"| ERROR lines in the application log | {facts.get('log_errors')} |")
    o(f"| each wrk / pgbench run | {facts['duration']} s, 2 threads; fixed-rate runs {facts['rate_seconds']} s |\n")

    o('Throughput is requests per second at each connection count (wrk, closed loop; its p50/p99 are those '
      'of a closed loop, see the fixed-rate table for latencies). "CPU" is cores used on average during the '
      'run by the application (JVM) and by PostgreSQL (all its processes). pgbench runs the same SQL with '
      '`-M prepared` at the same number of connections; a search "request" in pgbench is one statement group '
      f'of `bench/pgbench/search.sql`, which holds the {per_mix} searches of the mix (so pgbench req/s = tps x {per_mix}).\n')

    def table(name, scenario, ceiling, ceiling_label, scale=1):
        if scenario not in ran:  # not run (SCENARIOS)
            return
        o(f'### {name}\n')
        if ceiling is None:
            o('| connections | req/s | p50 ms | p99 ms | errors | app CPU | DB CPU |')
            o('| --- | --- | --- | --- | --- | --- | --- |')
            for c in sorted(wrk[scenario]):
                r = wrk[scenario][c]
                o(f"| {c} | {r['rps']:.1f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['errors']} | {r['app_cpu']:.2f} | {r['db_cpu']:.2f} |")
            o('')
            return
        o(f'| connections | req/s | p50 ms | p99 ms | errors | app CPU | DB CPU | {ceiling_label} req/s | ratio |')
        o('| --- | --- | --- | --- | --- | --- | --- | --- | --- |')
        for c in sorted(wrk[scenario]):
            r = wrk[scenario][c]
            if ceiling == 'trivial':
                cr = wrk['trivial'].get(c, {}).get('rps', 0)
            else:
                cr = pgb[ceiling].get(c, {}).get('tps', 0) * scale
            o(f"| {c} | {r['rps']:.1f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['errors']} | {r['app_cpu']:.2f} | "
              f"{r['db_cpu']:.2f} | {cr:.1f} | {ratio(r['rps'], cr)} |")
        o('')

    o('## Maximum throughput\n')
    table('Trivial endpoint (`GET /actuator/health/liveness`): the HTTP stack', 'trivial', 'trivial', 'itself')
    table('Catalog search, exposure counting on, against pgbench of the same SQL', 'search-on', 'search', 'pgbench', per_mix)
    table('Catalog search, exposure counting off, against pgbench of the same SQL', 'search-off', 'search', 'pgbench', per_mix)
    if 'search-unranked' in ran:
        table('Catalog search without kept search orders (pasar.search.kept-orders.enabled=false): the SQL pgbench runs',
              'search-unranked', 'search', 'pgbench', per_mix)
    table('Listing detail, against the trivial endpoint', 'detail', 'trivial', 'trivial endpoint')
    table('Listing detail, against pgbench of the same SQL', 'detail', 'detail', 'pgbench')
    table('Orders: placement + payment start (QRIS), 5 % replays of both; req/s = orders/s (two requests each, '
          f"{facts.get('settle_percent', '2')} % of payments also settled); against pgbench of the same transactions",
          'orders', 'orders', 'pgbench')
    table('Auditor reports (sellers and listings report alternately, 800-day period)', 'reports', None, None)
    depth = facts.get('feed_depth', '50')
    table('Feed, first page (`GET /api/v1/feed?size=20`), against pgbench of the same SQL', 'feed-first', 'feed-first', 'pgbench')
    table(f'Feed, page {depth} (the cursor walked to through the API), against pgbench of the same SQL', 'feed-deep',
          'feed-deep', 'pgbench')
    table('Discover, first page (`GET /api/v1/discover?size=20`), against pgbench of the same SQL', 'discover', 'discover',
          'pgbench')
    if 'feed-first' in ran and 'feed-deep' in ran:
        o(f'### Feed: page {depth} against the first page, at each connection count (the two runs back to back)\n')
        o('| connections | first req/s | deep req/s | deep / first | first p50 / p99 ms | deep p50 / p99 ms | '
          'pgbench first tps | pgbench deep tps | deep / first (pgbench) |')
        o('| --- | --- | --- | --- | --- | --- | --- | --- | --- |')
        for c in sorted(wrk['feed-first']):
            f, d = wrk['feed-first'][c], wrk['feed-deep'].get(c, {})
            pf, pd = pgb['feed-first'].get(c, {}).get('tps', 0), pgb['feed-deep'].get(c, {}).get('tps', 0)
            o(f"| {c} | {f['rps']:.1f} | {d.get('rps', 0):.1f} | {ratio(d.get('rps', 0), f['rps'])} | {f['p50']:.1f} / "
              f"{f['p99']:.1f} | {d.get('p50', 0):.1f} / {d.get('p99', 0):.1f} | {pf:.1f} | {pd:.1f} | {ratio(pd, pf)} |")
        bf, bd = best(wrk['feed-first'], 'rps'), best(wrk['feed-deep'], 'rps')
        o(f"| best | {bf:.1f} | {bd:.1f} | {ratio(bd, bf)} | | | {best(pgb['feed-first'], 'tps'):.1f} | "
          f"{best(pgb['feed-deep'], 'tps'):.1f} | {ratio(best(pgb['feed-deep'], 'tps'), best(pgb['feed-first'], 'tps'))} |\n")
    if os.path.exists(w('feed-prepare.txt')):
        o('The walked shoppers (bench/load/feed.py):\n\n```\n' + open(w('feed-prepare.txt')).read().strip() + '\n'
          + open(w('feed-walk.txt')).read().strip() + '\n```\n')

    o('### pgbench alone\n')
    o('| script | connections | tps | latency avg ms | failed | DB CPU |')
    o('| --- | --- | --- | --- | --- | --- |')
    for s in pgb:
        for c in sorted(pgb[s]):
            r = pgb[s][c]
            o(f"| {s} | {c} | {r['tps']:.1f} | {r['lat']:.2f} | {r['failed']} | {r['db_cpu']:.2f} |")
    o('')

    o('## Latency at a fixed rate (half the maximum throughput; open model, coordinated omission corrected)\n')
    o('| scenario | requests | rate /s | sent | errors | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |')
    o('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
    for s in fixed:
        for label in sorted(fixed[s], key=lambda x: (x != 'all', x)):
            r = fixed[s][label]
            o(f"| {s} | {label} | {r['rate']:.1f} | {r['due']} | {r['errors']} | {r['p50']:.1f} | {r['p90']:.1f} | "
              f"{r['p99']:.1f} | {r['p999']:.1f} | {r['max']:.1f} |")
    o('')

    on, off = best(wrk['search-on'], 'rps'), best(wrk['search-off'], 'rps')
    if 'search-on' in ran:
        o('## Exposure counting\n')
        o('| connections | search req/s, counting on | counting off | on / off |')
        o('| --- | --- | --- | --- |')
        for c in sorted(wrk['search-on']):
            x, y = wrk['search-on'][c]['rps'], wrk['search-off'].get(c, {}).get('rps', 0)
            o(f'| {c} | {x:.1f} | {y:.1f} | {ratio(x, y)} |')
        o(f'| best | {on:.1f} | {off:.1f} | {ratio(on, off)} |\n')

    inv = open(w('invariants.txt')).read() if os.path.exists(w('invariants.txt')) else ''
    if inv:
        o('## Invariants after the order scenario\n')
        o('```\n' + inv.strip() + '\n```\n')

    if 'report_sellers_s' in facts:
        o('## Auditor reports\n')
        o(f"Median of 3: sellers report {facts.get('report_sellers_s')} s, listings report {facts.get('report_listings_s')} s, "
      f"sellers report as CSV {facts.get('report_sellers_csv_s')} s. The whole decision log as CSV: {facts.get('csv_export')}.\n")

    # Targets.
    pg_search = best(pgb['search'], 'tps') * per_mix
    pg_orders = best(pgb['orders'], 'tps')
    trivial = best(wrk['trivial'], 'rps')
    s_fixed = fixed.get('search-on', {})
    deep = {l: r for l, r in s_fixed.items() if l.endswith('-deep')}
    firsts = {l[:-5]: s_fixed.get(l[:-5]) for l in deep}
    # The run without kept search orders is a comparison, not the application as it ships: its errors are reported there.
    shipped = lambda runs: [d for s, d in runs.items() if s != 'search-unranked']
    errors = sum(r['errors'] for d in shipped(wrk) for r in d.values()) + sum(r['errors'] for d in shipped(fixed) for r in d.values())
    checks = inv.split('rows)')[0]  # the invariants' table; the order and unit totals follow it
    violations = sum(int(l.rsplit('|', 1)[1]) for l in checks.splitlines() if '|' in l and l.rsplit('|', 1)[1].strip().isdigit())
    o('## Targets\n')
    o('| target | measured | |')
    o('| --- | --- | --- |')
    sr = best(wrk['search-on'], 'rps') / pg_search if pg_search else 0
    if 'search-on' in ran: o(f"| search >= 0.7 of pgbench | {sr:.2f} (best {best(wrk['search-on'], 'rps'):.1f} vs {pg_search:.1f} req/s) | {'met' if sr >= 0.7 else 'missed'} |")
    p99 = s_fixed.get('all', {}).get('p99', 0)
    if 'search-on' in ran: o(f"| search p99 at half the maximum rate < 50 ms | {p99:.1f} ms | {'met' if p99 and p99 < 50 else 'missed'} |")
    if 'search-unranked' in ran:
        u = fixed.get('search-unranked', {}).get('all', {})
        ur = best(wrk['search-unranked'], 'rps') / pg_search if pg_search else 0
        ue = sum(r['errors'] for r in wrk['search-unranked'].values()) + sum(r['errors'] for r in fixed.get('search-unranked', {}).values())
        o(f"| (without kept orders: search / pgbench; p99 at half its own maximum; failed requests) | {ur:.2f}; {u.get('p99', 0):.1f} ms; {ue} | for comparison |")
    feed_fixed = fixed.get('feed', {})
    if 'feed-first' in feed_fixed and 'feed-deep' in feed_fixed:
        f, d = feed_fixed['feed-first'], feed_fixed['feed-deep']
        o(f"| feed: page {facts.get('feed_depth', '50')} as fast as the first (fixed rate, one run; p50 within 25 % + 1 ms) | "
          f"p50 {d['p50']:.1f} vs {f['p50']:.1f} ms ({ratio(d['p50'], f['p50'])}), p99 {d['p99']:.1f} vs {f['p99']:.1f} ms "
          f"({ratio(d['p99'], f['p99'])}) | {'met' if d['p50'] <= f['p50'] * 1.25 + 1 else 'missed'} |")
        bf, bd = best(wrk['feed-first'], 'rps'), best(wrk['feed-deep'], 'rps')
        o(f"| feed: page {facts.get('feed_depth', '50')} throughput >= 0.8 of the first | {ratio(bd, bf)} ({bd:.1f} vs {bf:.1f} req/s) | "
          f"{'met' if bf and bd >= 0.8 * bf else 'missed'} |")
    for l, r in deep.items():
        f = firsts.get(l[:-5])
        if f:
            o(f"| deep page as fast as the first ({l}) | p50 {r['p50']:.1f} vs {f['p50']:.1f} ms, p99 {r['p99']:.1f} vs {f['p99']:.1f} ms | "
              f"{'met' if r['p50'] <= f['p50'] * 1.25 + 1 else 'missed'} |")
    dr = best(wrk['detail'], 'rps') / trivial if trivial else 0
    if 'detail' in ran and 'trivial' in ran: o(f"| detail >= 0.6 of the trivial endpoint | {dr:.2f} | {'met' if dr >= 0.6 else 'missed'} |")
    orr = best(wrk['orders'], 'rps') / pg_orders if pg_orders else 0
    if 'orders' in ran: o(f"| orders >= 0.5 of pgbench | {orr:.2f} | {'met' if orr >= 0.5 else 'missed'} |")
    o(f"| zero invariant violations | {violations} | {'met' if violations == 0 else 'missed'} |")
    for k, label in (('report_sellers_s', 'sellers report'), ('report_listings_s', 'listings report')):
        v = float(facts.get(k) or 99)
        if k in facts: o(f"| {label} < 2 s | {v:.2f} s | {'met' if v < 2 else 'missed'} |")
    if 'csv_export' in facts: o(f"| CSV export in constant memory | {facts.get('csv_export')} | see peak RSS |")
    o(f"| 512 MiB heap, no errors | {errors} failed requests, {facts.get('log_errors')} ERROR log lines | "
      f"{'met' if errors == 0 and facts.get('log_errors') == '0' else 'missed'} |")
    st = float(facts.get('second_start') or 99)
    if 'second_start' in facts: o(f"| second start < 10 s | {st:.1f} s | {'met' if st < 10 else 'missed'} |")
    eo = on / off if off else 0
    if 'search-off' in ran: o(f"| search with exposure counting on >= 0.95 of off | {eo:.2f} | {'met' if eo >= 0.95 else 'missed'} |\n")

    o('\n## Plans of the main queries (EXPLAIN ANALYZE after the run, literals bound)\n')
    o(open(w('plans.md')).read())
    o('## The search mix\n')
    o('| # | label | request |\n| --- | --- | --- |')
    for i, (label, path) in enumerate(mix, 1):
        o(f'| {i} | {label} | `{path[:150]}` |')
    o('\n## Data generation\n\n```\n' + open(w('generate.txt')).read().strip() + '\n```')
    print('\n'.join(out))


if __name__ == '__main__':
    main()
