"""The social side of the bench data (issue 21, docs/social.md), for bench/generate.py: verified creators,
posts by sellers and creators, and the bench shoppers' follows. Standard library only.

generate.py calls draw_creators() before it orders the decision log (each creator's CREATOR_APPLICATION
decision goes into the same hash chain), then write_creators() and write_posts() into its one transaction.
write_follows() runs on its own (generate.py --follows), after bench/load/prepare.py has registered the
shoppers (bench.shoppers): a follow names a shopper's account, and only accounts with a token can read a feed.

Everything here draws from random streams of its own, so a run without posts generates exactly the shelf it
generated before posts existed.
"""
import bisect
import heapq
import math
import random
import subprocess
import sys
import time
import uuid
from datetime import timedelta

GIVEN = ['Budi', 'Siti', 'Rina', 'Agus', 'Dewi', 'Putri', 'Andi', 'Wulan', 'Eko', 'Ayu', 'Rudi', 'Intan', 'Yoga', 'Nadia',
         'Fajar', 'Sari', 'Bayu', 'Laras', 'Dimas', 'Mega', 'Rizky', 'Tika', 'Hendra', 'Nur', 'Ilham', 'Citra', 'Gilang',
         'Anisa', 'Teguh', 'Maya', 'Kadek', 'Ketut', 'Made', 'Komang', 'Ucok', 'Butet', 'Asep', 'Neng', 'Ujang', 'Iis']
FAMILY = ['Santoso', 'Wijaya', 'Lestari', 'Pratama', 'Saputra', 'Hidayat', 'Kusuma', 'Siregar', 'Nasution', 'Sinaga',
          'Hasibuan', 'Putra', 'Utami', 'Rahayu', 'Setiawan', 'Gunawan', 'Purnama', 'Wibowo', 'Harahap', 'Lubis', 'Sembiring',
          'Tanjung', 'Suryani', 'Permana', 'Mahendra', 'Anggraini']
THEMES = ['Kriya', 'Dapur', 'Jajan', 'Kopi', 'Batik', 'Wastra', 'Rasa', 'Jelajah', 'Cerita', 'Kuliner', 'Tenun', 'Gaya',
          'Rumah', 'Racun', 'Belanja', 'Resep', 'Lokal', 'Nusantara', 'Pasar', 'Ulas']
THEME_TAIL = ['Nusantara', 'Indonesia', 'Lokal', 'Kita', 'Harian', 'Mama', 'Anak Kos', 'Jalan-jalan', 'Rumahan', 'Pilihan']
# Creators' identities, as the application's screening decides them (docs/social.md): an identity registry's
# confirmation makes an application VERIFIED at once; otherwise it waits for an officer. An officer revokes a few
# verified ones later (CREATOR_REVOCATION): their posts stay in the table, not shown, and their follows stay.
CREATOR_STATUS = (['VERIFIED', 'PENDING_REVIEW', 'REJECTED', 'REVOKED'], [88, 5, 4, 3])
OFFICER = uuid.UUID(int=7, version=4)  # generate.py's officer for sellers too

OPENERS = ['Ready stok lagi: {product}!', 'Restock {product}!', 'Produk baru minggu ini: {product}.', 'Halo kak,',
           'Promo akhir pekan untuk {product}!', 'Kabar gembira!', 'Pagi semuanya,', 'Selamat malam, sahabat {shop}!',
           'Yang ditunggu-tunggu akhirnya datang: {product}!', 'Behind the scene produksi hari ini.',
           'Review jujur: {product}.', 'Unboxing paket dari {place}!', 'Rekomendasi oleh-oleh khas {place}: {product}.',
           'Outfit hari ini pakai {product}.', 'Resep hari ini pakai {product}.', 'Cerita dari pengrajin kami di {place}.',
           'Siapa yang kangen {product}?', 'Spill barang favorit bulan ini: {product}.', 'Jujur, ini enak banget.',
           'Lagi di {place}, mampir ke pengrajinnya langsung.']
SENTENCES = ['{product} ini dibuat dengan tangan oleh pengrajin {place}.', 'Bahannya adem dan nyaman dipakai seharian.',
             'Rasanya gurih, pedasnya pas, cocok buat teman makan nasi hangat.', 'Cek produk yang ditandai ya kak, stok terbatas!',
             'Kirim ke seluruh Indonesia, packing aman pakai bubble wrap.', 'Diskon 10% khusus pembelian hari ini.',
             'Terima kasih untuk semua yang sudah order minggu lalu, paket sudah dikirim semua.',
             'Ada yang sudah coba? Tulis pendapat kalian di kolom komentar ya.',
             'Proses pembuatannya butuh tiga minggu, setiap motif digambar manual.',
             'Aku pakai ini sudah sebulan dan hasilnya bikin kaget.', 'Harga terjangkau, kualitas tidak kalah dengan merek besar.',
             'Yuk dukung UMKM lokal!', 'Warna di foto asli, tanpa filter.', 'Cocok untuk hadiah ulang tahun atau seserahan.',
             'Tersedia dalam beberapa ukuran dan warna, tanyakan lewat komentar.',
             'Pesanan sebelum jam 2 siang dikirim hari ini juga.', 'Geser untuk lihat detailnya.',
             'Jangan lupa simpan postingan ini biar tidak lupa.', '{product} favorit pelanggan kami sejak {year}.',
             'Bahan baku langsung dari petani di {place}.', 'Tanpa pengawet, tanpa pewarna buatan.',
             'Sudah bersertifikat halal dan terdaftar BPOM.', 'Ukurannya pas di tangan, ringan dibawa ke mana-mana.',
             'Motifnya terinspirasi dari rumah adat {place}.', 'Kemarin sempat habis dalam dua hari, sekarang sudah ada lagi.',
             'Paling enak dinikmati hangat dengan teh tubruk.', 'Dijahit rapi, jahitannya kuat dan tidak mudah lepas.',
             'Kalau disimpan di tempat kering bisa tahan sampai tiga bulan.',
             'Buat yang tanya bedanya dengan yang kemarin: yang ini lebih tebal dan warnanya lebih gelap.',
             'Setiap pembelian ikut membantu 12 ibu penenun di desa kami.', 'Live jam 7 malam nanti, ada kejutan!']
REVIEW = ['Pertama, soal kemasan: rapi, ada kartu ucapan tulisan tangan.', 'Kedua, kualitasnya sesuai foto.',
          'Minusnya cuma satu: pengiriman ke {place} makan waktu empat hari.', 'Untuk harga segini, menurutku sangat layak.',
          'Aku bandingkan dengan tiga toko lain, yang ini paling konsisten.', 'Skor dariku: 9 dari 10.',
          'Catatan: aku beli sendiri, bukan endorse.', 'Akan beli lagi untuk stok di rumah.']
TAGS = ['#UMKM', '#BanggaBuatanIndonesia', '#produklokal', '#batik', '#kulinernusantara', '#oleholeh', '#handmade',
        '#kopinusantara', '#racunbelanja', '#reviewjujur', '#ootdindo', '#jajananpasar', '#kriya', '#pasarid', '#wastra',
        '#sambal', '#tenunikat', '#rotan', '#jamu', '#belanjalokal']
EMOJI = ['🔥', '✨', '🙏', '😍', '🛍️', '☕', '🌶️', '❤️', '👇', '🎁']

SELLER_POSTING = 0.55   # of the verified sellers, those who ever post
AFFILIATE_OPEN = 0.20   # of the listings, those their sellers opened to affiliates (a creator tags only those)
AFFILIATE_CLOSED = 0.06  # of those, closed again since
COMMISSIONS = [3, 5, 5, 8, 10, 10, 10, 12, 15, 20]
CREATOR_SHARE = 0.40    # of the posts, those by creators
TEXT_ONLY = 0.10        # posts without a photo


def _cum(weights):
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out


def _uid(rng):
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def draw_creators(rng, count, regencies, begin, now):
    """Creators as CreatorRegistry stores them, with what their decision needs; created over the two years, more lately."""
    creators, handles = [], set()
    span = now - begin
    for i in range(count):
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        style = rng.random()
        if style < 0.45:
            name = f'{given} {family}'
            handle = f'{given}.{family}'.lower()
        elif style < 0.8:
            theme = rng.choice(THEMES)
            name = f'{theme} {rng.choice(THEME_TAIL)}'
            handle = f'{theme}{given}'.lower()
        else:
            name = f'{rng.choice(THEMES)} Bareng {given}'
            handle = f'{given}_{rng.choice(THEMES)}'.lower()
        handle = handle.replace(' ', '').replace('-', '')[:24]
        base, n = handle, 1
        while handle in handles:
            n += 1
            handle = f'{base}{n}'
        handles.add(handle)
        doc = rng.choices(['KTP', 'LOCAL_ENTITY', 'PASSPORT'], [80, 15, 5])[0]
        status = rng.choices(*CREATOR_STATUS)[0]
        reasons = {'PENDING_REVIEW': ['NIK_REGION_UNVERIFIED'] if doc == 'KTP' else [],
                   'REJECTED': ['IDENTITY_ALREADY_REGISTERED']}.get(status, [])
        created = begin + span * (rng.random() ** 0.5)  # creators came later than sellers
        c = {'id': _uid(rng), 'account': _uid(rng), 'decision': _uid(rng), 'handle': handle, 'name': name[:60],
             'regency': rng.choice(regencies)[0], 'doc': doc, 'status': status, 'reasons': reasons,
             'outcome': {'VERIFIED': 'PASS', 'PENDING_REVIEW': 'REVIEW', 'REJECTED': 'FAIL', 'REVOKED': 'PASS'}[status],
             'index': rng.getrandbits(256), 'ciphertext': rng.getrandbits(480),
             'npwp': rng.getrandbits(256) if doc == 'LOCAL_ENTITY' else None,
             'affiliated': doc == 'LOCAL_ENTITY' and status == 'VERIFIED' and rng.random() < 0.03,
             'created': created, 'revoked': None, 'revocation': None}
        if status == 'REVOKED':  # verified at its application, revoked by an officer since
            c['revoked'] = created + (now - created) * rng.uniform(0.2, 0.95)
            c['revocation'] = _uid(rng)
        creators.append(c)
    return creators


def write_creators(out, creators, ts, rule_set):
    """The creators, as CreatorRegistry and CreatorReview leave them: a revoked one with its revocation's decision
    and reasons, and the officer's row in creator_reviews."""
    out.write('COPY social.creators (id, account_id, handle, display_name, regency_code, document_type, identity_index, '
              'identity_ciphertext, npwp_index, status, reasons, decision_id, rule_set_version, platform_affiliated, '
              'created_at, updated_at) FROM STDIN;\n')
    for c in creators:
        npwp = f"\\\\x{c['npwp']:064x}" if c['npwp'] is not None else '\\N'
        revoked = c['revoked'] is not None
        out.write(f"{c['id']}\t{c['account']}\t{c['handle']}\t{c['name']}\t{c['regency']}\t{c['doc']}\t\\\\x{c['index']:064x}\t"
                  f"\\\\x{c['ciphertext']:0120x}\t{npwp}\t{c['status']}\t"
                  f"{{{'OFFICER_REVOKED' if revoked else ','.join(c['reasons'])}}}\t"
                  f"{c['revocation'] if revoked else c['decision']}\t{rule_set}\t{'t' if c['affiliated'] else 'f'}\t"
                  f"{ts(c['created'])}\t{ts(c['revoked'] if revoked else c['created'])}\n")
    out.write('\\.\n')
    out.write('COPY social.creator_reviews (decision_id, creator_id, status, officer, note, decided_at) FROM STDIN;\n')
    for c in creators:
        if c['revoked'] is not None:
            out.write(f"{c['revocation']}\t{c['id']}\tREVOKED\t{OFFICER}\tDicabut oleh petugas kepatuhan\t{ts(c['revoked'])}\n")
    out.write('\\.\n')


def _caption(rng, length, product, place, shop, review):
    """A caption of about `length` characters: an opener, sentences (a creator's review reads longer), hashtags;
    paragraphs separated by newlines (escaped for COPY)."""
    fill = lambda s: s.format(product=product, place=place, shop=shop, year=rng.randint(2009, 2024))
    parts = [fill(rng.choice(OPENERS)) + (' ' + rng.choice(EMOJI) if rng.random() < 0.4 else '')]
    size = len(parts[0])
    pool = SENTENCES + REVIEW if review else SENTENCES
    while size < length - 40:
        s = fill(rng.choice(pool))
        parts.append(s)
        size += len(s) + 1
    text = ' '.join(parts)
    if rng.random() < 0.6:
        text += '\n\n' + ' '.join(rng.sample(TAGS, rng.randint(2, 6)))
    if len(text) > length + 40:  # cut at a word, as a writer would stop
        text = text[:length].rsplit(' ', 1)[0]
    return text[:2200].replace('\\', '').replace('\t', ' ').replace('\n', '\\n')


def write_affiliate_plans(out, rng, sellers, listings, now, ts):
    """Sellers open a fifth of their listings to affiliates (social.affiliate_plans, one row a change), some time after
    publishing them, at a commission of 3 to 20 %; a few close them again (a row without a rate). Returns the open
    spells, (opened, listing, closed or None), by opening time: what a creator may tag at a moment."""
    spells = []
    out.write('COPY social.affiliate_plans (listing_id, seller_id, commission_percent, effective_at) FROM STDIN;\n')
    for n, (seller, _, published, listing_id, _) in enumerate(listings):
        if rng.random() >= AFFILIATE_OPEN:
            continue
        opened = published + (now - published) * rng.uniform(0.0, 0.5)
        closed = opened + (now - opened) * rng.uniform(0.3, 1.0) if rng.random() < AFFILIATE_CLOSED else None
        out.write(f"{listing_id}\t{sellers[seller]['id']}\t{rng.choice(COMMISSIONS)}\t{ts(opened)}\n")
        if closed:
            out.write(f"{listing_id}\t{sellers[seller]['id']}\t\\N\t{ts(closed)}\n")
        spells.append((opened, n, closed))
    out.write('\\.\n')
    spells.sort(key=lambda x: x[0])
    return spells


def write_posts(out, rng, count, sellers, creators, listings, titles, products, now, ts, log):
    """`count` posts over the verified sellers who post and the verified creators (and the revoked ones, while they
    were verified), each author's weight from a long tail (a few post daily, most now and then), times skewed to the
    recent (a growing marketplace), never before the author was verified. Sellers tag their own published
    listings, creators listings open to affiliates at that moment (write_affiliate_plans, written first). like_count
    and comment_count as the application keeps them on the row (no like or comment rows: neither the feed nor
    discover reads them). Returns a summary line."""
    started = time.time()
    spells = write_affiliate_plans(out, rng, sellers, listings, now, ts)
    spell_times = [x[0] for x in spells]
    verified = [i for i, s in enumerate(sellers) if s['status'] == 'VERIFIED']
    rng.shuffle(verified)
    verified = [i for i in verified if sellers[i]['decided'] < now - timedelta(days=1)]  # verified by now
    posting = verified[:max(1, int(len(verified) * SELLER_POSTING))]
    authors = [c for c in creators if c['status'] in ('VERIFIED', 'REVOKED')]
    own = {}  # a seller's listings in the order they were published
    for n, entry in enumerate(listings):
        own.setdefault(entry[0], []).append(n)
    for mine in own.values():
        mine.sort(key=lambda n: listings[n][2])
    published = lambda n: listings[n][2]
    own_times = {seller: [published(n) for n in mine] for seller, mine in own.items()}
    # (kind, id, account, name, verified from, own listings, their publication times, posting until)
    seller_authors = [('SELLER', sellers[i]['id'], sellers[i]['user'], sellers[i]['shop'], sellers[i]['decided'], own.get(i, []),
                       own_times.get(i, []), now) for i in posting]
    creator_authors = [('CREATOR', c['id'], c['account'], c['name'], c['created'], None, None, c['revoked'] or now)
                       for c in authors]
    groups = [(seller_authors, 1 - CREATOR_SHARE if creator_authors else 1.0), (creator_authors, CREATOR_SHARE)]
    # An author's share: its place in a long tail, times how long it has been verified (no one posts two years'
    # worth in its first week).
    cums = [_cum(1.0 / math.sqrt(r + 1) * (author[7] - author[4]).total_seconds() for r, author in enumerate(g))
            for g, _ in groups]
    out.write('COPY social.posts (id, author_kind, author_id, account_id, author_name, body, photo_ids, listing_ids, '
              'created_at, updated_at, like_count, comment_count) FROM STDIN;\n')
    per_author, tagged_posts, photo_posts, chars, recent = {}, 0, 0, 0, 0
    week = now - timedelta(days=7)
    for n in range(count):
        g = 0 if not creator_authors or rng.random() >= CREATOR_SHARE else 1
        group, cum = groups[g][0], cums[g]
        rank = bisect.bisect_left(cum, rng.random() * cum[-1])
        kind, author, account, name, start, mine, times, end = group[rank]
        popularity = 1.0 - rank / len(group)  # the tail's rank, for engagement
        created = end - (end - start) * (rng.random() ** 1.15)  # a little more lately: a growing marketplace
        if created < start:
            created = start
        per_author[author] = per_author.get(author, 0) + 1
        if created > week:
            recent += 1
        # Tagged listings, published before the post: a seller's own (most of its posts sell something), a
        # creator's from the listings open to affiliates at that moment.
        if kind == 'SELLER':
            cut = bisect.bisect_right(times, created) if mine and rng.random() < 0.7 else 0
            tags = [mine[j] for j in rng.sample(range(cut), min(cut, rng.choice([1, 1, 1, 2, 3])))]
        else:
            cut = bisect.bisect_right(spell_times, created) if rng.random() < 0.6 else 0
            drawn = [spells[rng.randrange(cut)] for _ in range(rng.choice([1, 1, 2, 3, 5]))] if cut else []
            tags = [n for _, n, closed in drawn if closed is None or closed > created]
        tags = list(dict.fromkeys(tags))[:10]
        product = titles[tags[0]] if tags else rng.choice(products)
        length = max(12, min(2200, int(rng.lognormvariate(math.log(170 if kind == 'SELLER' else 260), 0.85))))
        text = _caption(rng, length, product, rng.choice(['Pekalongan', 'Solo', 'Garut', 'Toraja', 'Lombok', 'Jepara', 'Bali',
                                                          'Yogyakarta', 'Palembang', 'Manado', 'Medan', 'Makassar']),
                        name, kind == 'CREATOR' and rng.random() < 0.3)
        photos = [] if rng.random() < TEXT_ONLY else \
            [_uid(rng) for _ in range(1 if rng.random() < 0.5 else rng.randint(2, 9))]
        # Engagement grows with the author's audience; comments are a fraction of likes.
        likes = min(200_000, int(rng.lognormvariate(1.0 + 4.0 * popularity ** 2, 1.1)))
        comments = min(likes, int(likes * rng.uniform(0.0, 0.12)))
        updated = created + timedelta(seconds=rng.randint(60, 3 * 86400)) if rng.random() < 0.05 else created
        updated = min(updated, now)
        out.write(f"{_uid(rng)}\t{kind}\t{author}\t{account}\t{name}\t{text}\t{{{','.join(map(str, photos))}}}\t"
                  f"{{{','.join(str(listings[t][3]) for t in tags)}}}\t{ts(created)}\t{ts(updated)}\t{likes}\t{comments}\n")
        tagged_posts += bool(tags)
        photo_posts += bool(photos)
        chars += len(text)
        if n % 200_000 == 199_999:
            log(f'{n + 1} posts planned at {time.time() - started:.0f} s')
    out.write('\\.\n')
    counts = sorted(per_author.values())
    q = lambda p: counts[min(len(counts) - 1, int(p * len(counts)))] if counts else 0
    return (f'{len(spells)} listings opened to affiliates; '
            f'{count} posts by {len(per_author)} authors ({len(posting)} sellers who post, {len(authors)} creators verified, '
            f'{sum(c["revoked"] is not None for c in authors)} of them revoked since); '
            f'posts per author: median {q(0.5)}, p90 {q(0.9)}, max {q(1.0)}; {photo_posts} with photos, {tagged_posts} tagging '
            f'listings; mean text {chars / max(1, count):.0f} characters; {recent} in the last 7 days (discover\'s window)')


def psql(db, sql):
    done = subprocess.run(['psql', '-X', '-q', '-tA', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', sql, db],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f'cannot query {db}: {done.stderr.strip()}')
    return [line.split('\t') for line in done.stdout.splitlines() if line]


def follow_counts(rng, shoppers, available):
    """How many authors each shopper follows: most 50 to 200 (median about 100), one in 25 a heavy user with 300 to
    1,000, the heaviest exactly 1,000 (the application limits how fast one follows, 60 a minute, not how many)."""
    counts = []
    for _ in range(shoppers):
        if rng.random() < 0.04:
            counts.append(rng.randint(300, 1000))
        else:
            counts.append(max(50, min(200, int(rng.lognormvariate(math.log(100), 0.35)))))
    if shoppers >= 10:
        counts[rng.randrange(shoppers)] = 1000
    return [min(c, available) for c in counts]


def write_follows(db, seed):
    """The bench shoppers (bench.shoppers) follow verified sellers and creators: popular authors (the most active
    posters, with some luck) are followed by many, every verified author by some chance. Creators revoked since are
    among them (followed while they were verified: a revocation leaves the follows, and the feed passes over them).
    Replaces the shoppers' earlier follows."""
    started = time.time()
    rng = random.Random(seed + 27)
    shoppers = psql(db, 'SELECT n, id FROM bench.shoppers ORDER BY n')
    if not shoppers:
        sys.exit('no bench.shoppers: run bench/load/prepare.py first')
    authors = psql(db, """
        SELECT a.kind, a.id, coalesce(p.posts, 0) FROM (
            SELECT 'SELLER' AS kind, id FROM onboarding.sellers WHERE status = 'VERIFIED'
            UNION ALL SELECT 'CREATOR', id FROM social.creators WHERE status IN ('VERIFIED', 'REVOKED')) a
        LEFT JOIN (SELECT author_id, count(*) AS posts FROM social.posts GROUP BY author_id) p ON p.author_id = a.id
        ORDER BY a.id""")
    # Efraimidis-Spirakis: each shopper's k authors without replacement, by weight (key u ** (1 / w), the k largest).
    weights = [(0.05 + int(posts)) ** 0.8 * rng.lognormvariate(0, 1.0) for _, _, posts in authors]
    counts = follow_counts(rng, len(shoppers), len(authors))
    now = psql(db, "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US+00')")[0][0]
    lines = []
    for (n, shopper), k in zip(shoppers, counts):
        keys = heapq.nlargest(k, ((rng.random() ** (1.0 / w), i) for i, w in enumerate(weights)))
        # A follow a second apart, the last now: within the application's 60 a minute.
        lines.extend(f"{shopper}\t{authors[i][0]}\t{authors[i][1]}\t{now}\t{j}\n" for j, (_, i) in enumerate(keys))
    sql = (f"BEGIN;\nDELETE FROM social.follows WHERE follower_id IN (SELECT id FROM bench.shoppers);\n"
           f"CREATE TEMP TABLE f (follower_id uuid, followee_kind text, followee_id uuid, at timestamptz, j integer);\n"
           f"COPY f FROM STDIN;\n{''.join(lines)}\\.\n"
           f"INSERT INTO social.follows SELECT follower_id, followee_kind, followee_id, at - make_interval(secs => "
           f"(count(*) OVER (PARTITION BY follower_id)) - j) FROM f;\nCOMMIT;\nVACUUM (ANALYZE) social.follows;\n")
    done = subprocess.run(['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', db], input=sql, text=True, capture_output=True)
    if done.returncode != 0:
        sys.exit(f'follows not written: {done.stderr.strip()}')
    ordered = sorted(counts)
    print(f'follows: {len(shoppers)} shoppers follow {sum(counts)} of {len(authors)} verified authors (median '
          f'{ordered[len(ordered) // 2]}, min {ordered[0]}, max {ordered[-1]}, {sum(c >= 300 for c in counts)} heavy users '
          f'with 300 or more) in {time.time() - started:.0f} s', file=sys.stderr)
