#!/usr/bin/env python3
"""Writes the Markdown report of a bench/flash-sale.sh run from the work directories of its sales (one per
run: per-variant bound, waiting room): with more than one, a table of them side by side first. Run from the
repository's root (it reads CheckoutQueue.java to tell its two waits apart in the thread dumps).

  flash-report.py STAMP CLIENTS SHOPPERS UNITS RATE SUSTAIN SHARDS BATCH COMMIT OTHER_RATE WORK...
"""
import glob
import os
import re
import statistics
import sys

stamp, clients, shoppers, units, rate, sustain, shards, batch, commit, other_rate = sys.argv[1:11]
works = sys.argv[11:]
nan = float('nan')


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, int(-(-q * len(xs) // 1)) - 1))] if xs else nan


lat = lambda es: [float(e[2]) for e in es]
done = lambda e: (float(e[1]) + float(e[2])) / 1000  # answered, s after the first due order
retries = lambda es: [int(e[6]) - 1 if len(e) > 6 else 0 for e in es]  # requests sent after the first (busy answers)
busy_of = lambda e: int(e[7]) if len(e) > 7 else 0
three = lambda xs: f'{pct(xs, .5):.0f} / {pct(xs, .99):.0f} / {max(xs, default=nan):.0f}'

# Where CheckoutQueue.inTurn waits for a variant's turn and for one of the instance's (its two take calls).
try:
    _queue = open('orders/src/main/java/id/pasar/orders/internal/CheckoutQueue.java').read().splitlines()
except OSError:
    _queue = []
VARIANT_TURN = next((i + 1 for i, l in enumerate(_queue) if 'take(variantTurns' in l), None)
INSTANCE_TURN = next((i + 1 for i, l in enumerate(_queue) if 'take(turns' in l), None)
# Each request thread counts once, under the first of these its stack shows (after 'request threads').
KINDS = ('request threads', 'waiting in CheckoutQueue', 'of them for the variant\'s turn', 'for an instance turn',
         'in the order rate limit', 'at the connection pool', 'in the database', 'idle', 'other')


def threads(path):
    """A jcmd Thread.print of the application: what Tomcat's request threads were doing, by their stacks: waiting in
    CheckoutQueue (for the variant's turn or an instance turn), in the order rate limit (PerAccountLimit: its bucket
    is a row in the database, taken with SELECT ... FOR UPDATE, whatever it waits on), at the connection pool
    (waiting for a connection, or handing one back to a waiting thread: HikariCP's ConcurrentBag yields meanwhile),
    in the database (reading its answer), idle (Tomcat's queue), other (on a CPU or waiting for one, elsewhere)."""
    text = open(path).read()
    head, _, text = text.partition('\n')
    c = dict.fromkeys(KINDS, 0)
    for block in text.split('\n\n'):
        block = block.strip('\n')
        if not re.match(r'"http-nio-\d+-exec-\d+"', block):
            continue
        c['request threads'] += 1
        if 'CheckoutQueue.take' in block:
            c['waiting in CheckoutQueue'] += 1
            m = re.search(r'CheckoutQueue\.inTurn\(CheckoutQueue\.java:(\d+)\)', block)
            line = int(m.group(1)) if m else None
            if line == VARIANT_TURN:
                c['of them for the variant\'s turn'] += 1
            elif line == INSTANCE_TURN:
                c['for an instance turn'] += 1
        elif 'PerAccountLimit.preHandle' in block:
            c['in the order rate limit'] += 1
        elif 'HikariPool.getConnection' in block or 'ConcurrentBag.' in block:
            c['at the connection pool'] += 1
        elif 'org.postgresql' in block and re.search(r'(SocketInputStream|NioSocketImpl|SocketDispatcher)\.read', block):
            c['in the database'] += 1
        elif 'TaskQueue.take' in block or 'TaskQueue.poll' in block:
            c['idle'] += 1
        else:
            c['other'] += 1
    return float(head.split('=', 1)[1]) if head.startswith('offset_s=') else nan, c


def sale(work, h):
    """One sale's sections, headings at level h, and its figures for the side-by-side table."""
    out = []
    say = lambda s='': out.append(s)
    facts = dict(l.rstrip('\n').split('=', 1) for l in open(f'{work}/facts') if '=' in l)
    pg = {l.split('\t')[0]: l.rstrip('\n').split('\t') for l in open(f'{work}/pgbench.tsv')}
    events = [l.rstrip('\n').split('\t') for l in open(f'{work}/events.tsv')]
    ev = [e for e in events if e[0] != 'other']  # the sale's listing
    # The other listings' orders; those of a listing on the sale's variant's stripe (CheckoutQueue's turns by hash)
    # apart: they share the sale's turns by design.
    shared_ids = set(open(f'{work}/shared-stripe.txt').read().split())
    others = [e for e in events if e[0] == 'other' and e[5] not in shared_ids]
    shared = [e for e in events if e[0] == 'other' and e[5] in shared_ids]
    # The busy answers (503 CHECKOUT_BUSY), each sent again after its Retry-After: phase, the order's due offset ms,
    # attempt, sent offset ms, its own latency ms, variant.
    busy = [l.rstrip('\n').split('\t') for l in open(f'{work}/busy.tsv')] if os.path.exists(f'{work}/busy.tsv') else []
    busy_ev = [b for b in busy if b[0] != 'other']
    busy_others = [b for b in busy if b[0] == 'other' and b[5] not in shared_ids]
    busy_shared = [b for b in busy if b[0] == 'other' and b[5] in shared_ids]
    ok = [e for e in ev if e[3] == '201']
    sold_out = [e for e in ev if e[3] == '409' and e[4] == 'INSUFFICIENT_STOCK']
    other = [e for e in ev if not (e[3] == '201' or (e[3] == '409' and e[4] == 'INSUFFICIENT_STOCK'))]
    fivexx = [e for e in ev if e[3].startswith('5')]
    timeouts = [e for e in ev if e[3] in ('-1', '-2')]
    burst_409 = [e for e in sold_out if e[0] == 'burst']
    first_due = min(float(e[1]) for e in ev) / 1000
    last_ok = max(done(e) for e in ok) if ok else nan
    ok_rate = len(ok) / (last_ok - first_due) if ok else 0
    burst = [e for e in ev if e[0] == 'burst']
    burst_done = max(done(e) for e in burst) if burst else nan
    burst_rate = len(burst) / (burst_done - first_due) if burst else 0
    act = [l.split('\t') for l in open(f'{work}/activity.tsv') if l.count('\t') == 4]
    act = [(float(a), int(b), int(c), int(d), int(e)) for a, b, c, d, e in act]
    busy = [a for a in act if a[1] + a[2] + a[3] > 0]
    window = [a for a in busy if a[0] <= (busy[0][0] + (last_ok - first_due) + 0.5)] if busy else []
    avg = lambda i: statistics.mean(a[i] for a in window) if window else nan
    invariants = open(f'{work}/invariants.txt').read()
    violations = sum(int(l.split('|')[-1]) for l in invariants.splitlines()
                     if l.count('|') == 1 and l.split('|')[-1].strip().isdigit())
    # The checks: exactly UNITS sold, the rest 409 INSUFFICIENT_STOCK in the end (a 5xx, a busy answer given up on,
    # a 429, a timeout: each fails), invariants 0, other listings' orders all 201 with no busy answer on the way
    # (their listing on the sale's stripe may be busy, by design, but ends 201 too).
    failed_checks = []
    if len(ok) != int(units) or not facts.get('stock_left', '').startswith('0 '):
        failed_checks.append(f'sold {len(ok)} of {units} (stock left {facts.get("stock_left", "?")})')
    if other:
        failed_checks.append(f'{len(other)} of the sale\'s orders ended neither 201 nor 409 INSUFFICIENT_STOCK')
    if violations:
        failed_checks.append(f'{violations} invariant violations')
    not_ok = [e for e in others + shared if e[3] != '201']
    if not_ok:
        failed_checks.append(f'{len(not_ok)} of the other listings\' orders ended other than 201')
    if busy_others:
        failed_checks.append(f'{len(busy_others)} busy answers to other listings\' orders (not on the sale\'s stripe)')
    say('**Checks: ' + ('all passed' if not failed_checks else 'FAILED: ' + '; '.join(failed_checks)) + '.**\n')
    say('| fact | value |\n| --- | --- |')
    for k, v in facts.items():
        say(f'| {k} | {v} |')
    say(f'\n{"#" * h} Orders\n\n| outcome | count | p50 ms | p99 ms | max ms |\n| --- | --- | --- | --- | --- |')
    for name, es in (('201 sold', ok), ('409 INSUFFICIENT_STOCK (all)', sold_out), ('409 INSUFFICIENT_STOCK in the burst', burst_409),
                     ('anything else', other), ('5xx', fivexx), ('timeouts / connection errors', timeouts)):
        say(f'| {name} | {len(es)} | {pct(lat(es), .5):.1f} | {pct(lat(es), .99):.1f} | {max(lat(es), default=nan):.1f} |')
    codes = {}
    for e in other:
        codes[(e[0], e[3], e[4])] = codes.get((e[0], e[3], e[4]), 0) + 1
    for k, v in sorted(codes.items()):
        say(f'\nother: {k}: {v}')
    say(f'\nSold out {last_ok - first_due:.2f} s after the first order was due: {ok_rate:.0f} successful orders/s. '
        f'The burst ({len(burst)} orders) answered {burst_done - first_due:.2f} s after its first was due: {burst_rate:.0f} '
        f'decisions/s (sold or refused; with the sustained orders arriving meanwhile). Latencies count from an order\'s '
        f'first due time to its last answer, its retries included.\n')
    gave_up = [e for e in ev if e[3] == '503' and e[4] == 'CHECKOUT_BUSY']
    own = [float(b[4]) for b in busy_ev]
    say(f'{"#" * h} Busy answers (503 CHECKOUT_BUSY) and retries\n\n'
        f'The sale\'s listing: {len(busy_ev)} busy answers to {sum(busy_of(e) > 0 for e in ev)} of its {len(ev)} orders, '
        f'each sent again after its Retry-After ({facts.get("give_up", "?")} at most); {len(gave_up)} gave up. '
        f'A busy answer came {pct(own, .5):.1f} / {pct(own, .99):.1f} / {max(own, default=nan):.1f} ms (p50 / p99 / max) '
        f'after its attempt was sent.\n')
    say('| final answer | orders | of them with a busy answer | retries p50 | p99 | max |\n| --- | --- | --- | --- | --- | --- |')
    for name, es in (('201 sold', ok), ('409 INSUFFICIENT_STOCK', sold_out), ('anything else', other)):
        r = retries(es)
        say(f'| {name} | {len(es)} | {sum(busy_of(e) > 0 for e in es)} | {pct(r, .5):.0f} | {pct(r, .99):.0f} | '
            f'{max(r, default=nan):.0f} |')
    per = {}
    for b in busy_ev:
        per[int(float(b[3]) // 5000)] = per.get(int(float(b[3]) // 5000), 0) + 1
    if per:
        say('\nBusy answers by when their attempt was sent (s into the sale): '
            + ', '.join(f'{k * 5}-{k * 5 + 5}: {v}' for k, v in sorted(per.items())) + '.')
    say(f'\nOther listings: {len(busy_others)} busy answers (any is a failure), and {len(busy_shared)} to the orders of '
        f'the listing(s) on the sale\'s stripe (by design).\n')
    # The other listings' orders: all, those due while the sale's listing sold, those due after.
    selling = [e for e in others if float(e[1]) / 1000 <= last_ok]
    after = [e for e in others if float(e[1]) / 1000 > last_ok]
    failed = [e for e in others if e[3] != '201']
    if others:
        say(f'{"#" * h} Other listings\' orders during the sale\n\n| orders | count | 201 | not 201 | p50 ms | p99 ms | max ms |\n'
            '| --- | --- | --- | --- | --- | --- | --- |')
        for name, es in (('all', others), ('due while the sale\'s listing sold', selling), ('due after it sold out', after),
                         (f'on the sale\'s stripe ({len(shared_ids)} listing(s), not in the rows above)', shared)):
            n201 = sum(e[3] == '201' for e in es)
            say(f'| {name} | {len(es)} | {n201} | {len(es) - n201} | {pct(lat(es), .5):.1f} | {pct(lat(es), .99):.1f} | '
                f'{max(lat(es), default=nan):.1f} |')
        codes = {}
        for e in failed + [e for e in shared if e[3] != '201']:
            codes[(e[3], e[4])] = codes.get((e[3], e[4]), 0) + 1
        for k, v in sorted(codes.items()):
            say(f'\nnot 201: {k}: {v}')
        say()
    say(f'{"#" * h} Ceilings (pgbench -M prepared, same run, just before the sale)\n\n'
        '| script | clients | tps | latency avg ms | application / this |\n| --- | --- | --- | --- | --- |')
    for k, v in pg.items():
        say(f'| {k} | {v[1]} | {v[2]} | {v[3]} | {ok_rate / float(v[2]):.2f} |' if float(v[2]) > 0 else f'| {k} | {v[1]} | 0 | | |')
    say(f'\nbatched: {float(pg["batched"][2]) * int(batch):.0f} units/s (batch of {batch}).' if 'batched' in pg else '')
    say(f'\n{"#" * h} The row lock queue while selling (pg_stat_activity every 50 ms)\n')
    say(f'{len(window)} samples over the sell-out: backends waiting for a lock {avg(1):.1f} on average, active otherwise {avg(2):.1f}, '
        f'idle in transaction {avg(3):.1f}, connected {avg(4):.1f}; lock wait per order by Little\'s law '
        f'{avg(1) / ok_rate * 1000 if ok_rate else nan:.1f} ms; the row changes hands every {1000 / ok_rate if ok_rate else nan:.2f} ms.')
    dumps = sorted((threads(f) for f in glob.glob(f'{work}/dump-*.txt')), key=lambda d: d[0])
    if dumps:
        say(f'\n{"#" * h} Request threads during the sale (jcmd Thread.print)\n')
        say(f'Tomcat\'s request threads by what their stack shows (CheckoutQueue.java:{VARIANT_TURN} is the wait for the '
            f'variant\'s turn, :{INSTANCE_TURN} for an instance turn); the listing sold out {last_ok - first_due:.1f} s into the '
            'sale.\n')
        say('| s into the sale | ' + ' | '.join(KINDS) + ' |\n| --- |' + ' --- |' * len(KINDS))
        for at, c in dumps:
            say(f'| {at:.1f} | ' + ' | '.join(str(c[k]) for k in KINDS) + ' |')
    say(f'\n{"#" * h} Invariants\n\n```\n' + invariants + f'```\n\n{"#" * h} Load generator\n\n```\n'
        + open(f'{work}/sale.txt').read() + '```')
    ms = lambda es: f'{pct(lat(es), .5):.0f} / {pct(lat(es), .99):.0f} / {max(lat(es), default=nan):.0f}'
    figures = {
        'checks': 'passed' if not failed_checks else 'FAILED: ' + '; '.join(failed_checks),
        'application arguments': facts.get('app_args', ''),
        'load average before the run (1, 5, 15 min)': facts.get('load_before', ''),
        'sold; stock left': f'{len(ok)}; {facts.get("stock_left", "?")}',
        'sold out after (s)': f'{last_ok - first_due:.2f}',
        'successful orders/s': f'{ok_rate:.0f}',
        'its buyers (201): p50 / p99 ms': f'{pct(lat(ok), .5):.0f} / {pct(lat(ok), .99):.0f}',
        'its 409 INSUFFICIENT_STOCK: count, p50 / p99 ms': f'{len(sold_out)}, {pct(lat(sold_out), .5):.0f} / {pct(lat(sold_out), .99):.0f}',
        'its other answers (5xx, timeouts)': f'{len(other)} ({len(fivexx)}, {len(timeouts)})',
        'busy answers to its orders; orders with one; gave up': f'{len(busy_ev)}; {sum(busy_of(e) > 0 for e in ev)}; {len(gave_up)}',
        'a busy answer\'s own latency: p50 / p99 ms': f'{pct(own, .5):.0f} / {pct(own, .99):.0f}',
        'retries per buyer (201): p50 / p99 / max': three(retries(ok)),
        'retries per 409 INSUFFICIENT_STOCK: p50 / p99 / max': three(retries(sold_out)),
        'other listings\' orders: count (not 201)': f'{len(others)} ({len(failed)})',
        'other listings\' orders, all: p50 / p99 / max ms': ms(others),
        'due while the listing sold: count, p50 / p99 / max ms': f'{len(selling)}, {ms(selling)}',
        'due after it sold out: p50 / p99 / max ms': ms(after),
        'on the sale\'s stripe: count, p50 / p99 / max ms': f'{len(shared)}, {ms(shared)}',
        'other listings\' 5xx / timeouts': f'{sum(e[3].startswith("5") for e in others)} / {sum(e[3] in ("-1", "-2") for e in others)}',
        'busy answers to other listings (on the sale\'s stripe)': f'{len(busy_others)} ({len(busy_shared)})',
        'request threads waiting in CheckoutQueue, of all (s into the sale)':
            ', '.join(f'{c["waiting in CheckoutQueue"]} of {c["request threads"]} ({at:.0f} s)' for at, c in dumps) or '-',
        'request threads idle (s into the sale)': ', '.join(f'{c["idle"]} ({at:.0f} s)' for at, c in dumps) or '-',
        'invariants violated': f'{violations}',
        'the row while selling: waiting for its lock / active / idle in transaction': f'{avg(1):.1f} / {avg(2):.1f} / {avg(3):.1f}',
        'CPU during the sale: JVM / PostgreSQL (cores)': ' / '.join(facts.get('sale_cpu', '(? and ?').split('(')[-1].split(' ')[0:3:2]),
        'pgbench, stock UPDATEs alone (tps); application / it': f'{tps(pg, "update"):.0f}; '
                                                              f'{ok_rate / tps(pg, "update") if tps(pg, "update") else nan:.2f}',
    }
    return '\n'.join(out), figures


tps = lambda pg, k: float(pg[k][2]) if k in pg else 0.0

def label(work):
    facts = dict(l.rstrip('\n').split('=', 1) for l in open(f'{work}/facts') if '=' in l)
    return facts.get('run') or facts.get('per_variant', '?') + ' per variant'


runs = [(label(w), *sale(w, 3 if len(works) > 1 else 2)) for w in works]
print(f'# Flash sale (Harbolnas 12.12), {stamp}\n')
print(f'Commit {commit}; {shoppers} shoppers within 1 s for {units} units, then {rate} orders/s for {sustain} s; '
      f'{other_rate} orders/s of other listings meanwhile; pgbench at {clients} clients (the application\'s pool), '
      f'{shards} shards, batches of {batch}.\n')
if len(runs) > 1:
    print('## The runs side by side\n')
    print('Each column a run of its own, one after the other: a freshly started application (same jar, same data), '
          'warm-up, ceilings, the same sale.\n')
    print('| run | ' + ' | '.join(r[0] for r in runs) + ' |')
    print('| --- |' + ' --- |' * len(runs))
    for k in runs[0][2]:
        print(f'| {k} | ' + ' | '.join(r[2][k] for r in runs) + ' |')
    print()
for name, text, _ in runs:
    if len(runs) > 1:
        print(f'## {name}\n')
    print(text)
