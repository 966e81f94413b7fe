#!/usr/bin/env python3
"""Realistic Indonesian marketplace data, written through the application's own schema.

Sellers of the three identity types (KTP, passport, local entity) spread over the provinces, each
with its decisions in the compliance log; PUBLISHED listings whose titles and descriptions come
from real Indonesian product vocabulary, each with its PASS in the log. The log stays one valid
hash chain (the canonical form of docs/auditor-guide.md), continued from whatever head the
database has, so the application's own verification accepts it and the publication trigger lets
every listing in (each PASS names its listing's content hash, ADR 0007: the decisions are written
last-computed, first-sent, so the random stream and the data are the same as before that). Everything
goes in one transaction of COPY streams through psql.

Every listing has its variants (catalog V11, ADR 0023). Most are sold one way: one variant whose id
is the listing's, as V12's backfill gives it. About one in ten is sold by size or colour: the
fashion and shoe titles that named a size ("Kemeja Lurik Ukuran M") and the cosmetics that named a
shade ("Lipstik Matte Warna Nude") lose it from the title and get options instead (Ukuran, and for
some Warna too), plus a few other fashion listings; each variant has its own SKU, price and stock,
and the listing's columns summarise them as the trigger would (lowest and highest price, stock sum,
count, options hash), its PASS naming the content with its options (catalog.checked_content). The
variants come from a random stream of their own, so the listings sold one way are exactly the ones
generated before variants.

Identity numbers are bench data: the ciphertext and the blind index are random bytes (the
application cannot decrypt them, and nobody can log in as these sellers); the masked value is
a correctly masked, plausible number of the document's type.

The social side (issue 21, bench/social_data.py) only when asked, so that the shelf alone generates
as fast as before and exactly the same data: --posts N > 0 (bench/run.sh passes POSTS, 1,000,000 when
its `feed` scenario runs, else 0) adds --creators creators (default: one for every ten sellers; 88 %
VERIFIED, 3 % revoked since; their CREATOR_APPLICATION and CREATOR_REVOCATION decisions in the same chain,
identities random bytes as sellers'), affiliate plans on a fifth of the listings, and N posts by the
verified sellers who post and the creators, in the same transaction.
--follows, run on its own once bench/load/prepare.py has registered the bench shoppers
(bench.shoppers), makes them follow 50 to 200 authors each, a few heavy users up to 1,000.

    python3 bench/generate.py --listings 1000000 --sellers 100000 --db postgresql://postgres@localhost:55539/pasar
    python3 bench/generate.py --demo          # 2,000 listings, 200 sellers into the default ./data database
    python3 bench/generate.py --listings 100000 --sellers 10000 --posts 1000000 --db URL   # with creators and posts
    python3 bench/generate.py --follows --db URL                                            # the bench shoppers' follows
Python 3.9+ standard library only; needs psql on the PATH.
"""
import argparse
import bisect
import csv
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import social_data  # noqa: E402 (bench/social_data.py, beside this file)

HERE = os.path.dirname(os.path.abspath(__file__))
REGENCIES = os.path.join(HERE, '..', 'compliance', 'src', 'main', 'resources', 'regions', 'regencies.csv')
RULE_SET = 'v2'  # the active rule set: listings under it are not re-checked at start

# Where sellers are: weights per province (Java and Bali carry most of the UMKM), 1 elsewhere.
PROVINCE_WEIGHTS = {'31': 10, '32': 18, '33': 14, '34': 6, '35': 16, '36': 6, '51': 5, '12': 5, '13': 3, '16': 3,
                    '18': 3, '73': 4, '71': 2, '52': 2, '53': 1.5, '61': 1.5, '64': 1.5, '11': 1.5}

PLACES = ['Pekalongan', 'Solo', 'Yogyakarta', 'Jepara', 'Garut', 'Tasikmalaya', 'Bandung', 'Toraja', 'Gayo', 'Bali',
          'Lombok', 'Sumba', 'Palembang', 'Manado', 'Cirebon', 'Madura', 'Lampung', 'Bukittinggi', 'Kotagede',
          'Malang', 'Makassar', 'Banyuwangi', 'Kudus', 'Lasem', 'Pontianak', 'Medan', 'Padang', 'Kintamani']

# category code -> (products, modifiers, median price IDR, price spread (log sigma), weight grams, licence kind, halal)
CATEGORIES = {
    'batik-kain': (['Batik Tulis', 'Batik Cap', 'Kain Tenun Ikat', 'Kain Songket', 'Kain Lurik', 'Selendang Batik',
                    'Sarung Tenun', 'Kain Jumputan', 'Batik Cap Kombinasi'],
                   ['Motif Parang', 'Motif Kawung', 'Motif Mega Mendung', 'Motif Truntum', 'Pewarna Alam', 'Katun Primisima',
                    'Sutra', '2 Meter', 'Halus'], 250000, 0.8, 400, None, False),
    'pakaian-pria': (['Kemeja Batik Pria', 'Kemeja Lurik', 'Kaos Sablon', 'Celana Chino', 'Jaket Denim', 'Peci Hitam',
                      'Kemeja Tenun', 'Blangkon'],
                     ['Lengan Panjang', 'Lengan Pendek', 'Slim Fit', 'Ukuran M', 'Ukuran L', 'Ukuran XL', 'Katun', 'Premium'],
                     150000, 0.6, 300, None, False),
    'pakaian-wanita': (['Blouse Batik', 'Dress Tenun', 'Kebaya Encim', 'Rok Plisket', 'Tunik Katun', 'Outer Rajut',
                        'Kebaya Kutubaru', 'Daster Batik'],
                       ['Lengan Balon', 'All Size', 'Ukuran L', 'Bordir', 'Motif Bunga', 'Katun Rayon', 'Premium'],
                       140000, 0.6, 300, None, False),
    'busana-muslim': (['Gamis Syari', 'Hijab Segi Empat', 'Mukena Katun', 'Baju Koko Bordir', 'Kerudung Pashmina',
                       'Sarung Tenun Samarinda', 'Khimar Instan'],
                      ['Bordir Tasikmalaya', 'Voal', 'Ceruti', 'Jumbo', 'Polos', 'Motif Bunga', 'Premium'],
                      120000, 0.6, 350, None, False),
    'sepatu-sandal': (['Sandal Selop', 'Sepatu Kulit', 'Sandal Jepit', 'Sepatu Rajut', 'Sandal Kulit Domba',
                       'Sepatu Pantofel', 'Sandal Anyaman'],
                      ['Pria', 'Wanita', 'Ukuran 40', 'Ukuran 42', 'Kulit Asli', 'Handmade', 'Garut'], 180000, 0.7, 700, None, False),
    'tas-dompet': (['Tas Rotan', 'Tas Anyaman Pandan', 'Dompet Kulit', 'Tas Batik', 'Tote Bag Kanvas', 'Tas Noken',
                    'Tas Anyaman Rotan Bulat', 'Dompet Tenun'],
                   ['Handmade', 'Kulit Sapi', 'Bali', 'Lombok', 'Ukuran Besar', 'Mini', 'Premium'], 160000, 0.8, 500, None, False),
    'makanan-ringan': (['Keripik Singkong', 'Keripik Tempe', 'Keripik Pisang', 'Rempeyek Kacang', 'Kerupuk Udang',
                        'Basreng Pedas', 'Makaroni Pedas', 'Rengginang', 'Keripik Kentang Balado', 'Kacang Mete'],
                       ['Pedas', 'Extra Pedas', 'Original', 'Balado', '250 gr', '500 gr', '1 kg', 'Oleh-oleh'],
                       25000, 0.6, 300, 'FOOD', True),
    'sambal-bumbu': (['Sambal Roa', 'Sambal Bawang', 'Sambal Matah', 'Sambal Cumi', 'Bumbu Rendang', 'Bumbu Rawon',
                      'Terasi Udang', 'Sambal Teri', 'Sambal Ijo'],
                     ['Pedas', 'Level 5', 'Botol 200 ml', 'Tanpa Pengawet', 'Asli', 'Homemade'], 35000, 0.5, 300, 'FOOD', True),
    'kopi-teh': (['Kopi Arabika Gayo', 'Kopi Robusta Lampung', 'Kopi Toraja', 'Kopi Kintamani', 'Teh Tubruk', 'Teh Melati',
                  'Kopi Flores Bajawa', 'Kopi Arabika Biji Sangrai', 'Teh Hijau'],
                 ['Biji Sangrai', 'Bubuk', '200 gr', '500 gr', '1 kg', 'Single Origin', 'Premium'], 85000, 0.6, 500, 'FOOD', True),
    'kue-roti': (['Kue Lapis Legit', 'Bolu Pandan', 'Nastar Nanas', 'Kastengel Keju', 'Bakpia Pathok', 'Dodol Garut',
                  'Kue Bangkit', 'Lapis Surabaya'],
                 ['Toples 500 gr', 'Lebaran', 'Homemade', 'Premium', 'Isi 20', 'Original'], 90000, 0.6, 600, 'FOOD', True),
    'makanan-beku': (['Pempek Palembang', 'Siomay Ikan', 'Nugget Ayam', 'Bakso Sapi', 'Otak-otak', 'Dimsum Ayam', 'Risoles'],
                     ['Frozen', 'Isi 25', 'Isi 50', 'Kapal Selam', '1 kg', 'Tanpa Pengawet'], 65000, 0.5, 1000, 'FOOD', True),
    'perawatan-kulit': (['Lulur Bali', 'Masker Bengkoang', 'Sabun Sereh', 'Minyak Kelapa Murni', 'Serum Wajah',
                         'Body Scrub Kopi', 'Sabun Susu Kambing'],
                        ['Alami', '100 ml', '250 gr', 'Handmade', 'Aroma Melati', 'Aroma Pandan'], 55000, 0.6, 250, 'COSMETICS', True),
    'kosmetik-rias': (['Lipstik Matte', 'Bedak Dingin', 'Pensil Alis', 'Bedak Tabur', 'Lip Tint'],
                      ['Tahan Lama', 'Warna Nude', 'Warna Merah', 'Natural'], 45000, 0.5, 100, 'COSMETICS', True),
    'perawatan-rambut': (['Minyak Kemiri', 'Sampo Lidah Buaya', 'Minyak Urang Aring', 'Hair Tonic Ginseng'],
                         ['100 ml', 'Alami', 'Penumbuh Rambut'], 40000, 0.5, 200, 'COSMETICS', True),
    'jamu-herbal': (['Jamu Kunyit Asam', 'Jamu Beras Kencur', 'Temulawak', 'Jahe Merah Instan', 'Wedang Uwuh', 'Jamu Sirih'],
                    ['Serbuk', 'Botol 250 ml', 'Instan', 'Tanpa Gula', 'Asli'], 35000, 0.5, 300, 'TRADITIONAL_MEDICINE', True),
    'suplemen': (['Madu Hutan', 'Madu Klanceng', 'Habbatussauda', 'Propolis', 'Spirulina'],
                 ['Murni', '500 gr', '250 ml', 'Kapsul'], 120000, 0.6, 500, 'TRADITIONAL_MEDICINE', False),
    'peralatan-dapur': (['Cobek Batu', 'Ulekan Kayu', 'Kukusan Bambu', 'Wajan Besi', 'Centong Kayu', 'Talenan Jati',
                         'Dandang Aluminium'],
                        ['Ukuran Besar', 'Diameter 20 cm', 'Handmade', 'Tebal', 'Merapi'], 75000, 0.7, 1500, None, False),
    'dekorasi-rumah': (['Lampu Hias Rotan', 'Vas Gerabah', 'Hiasan Dinding Wayang', 'Taplak Batik', 'Keset Sabut Kelapa',
                        'Lampu Hias Gantung'],
                       ['Handmade', 'Bali', 'Minimalis', 'Ukuran Sedang', 'Vintage'], 150000, 0.8, 1500, None, False),
    'furnitur': (['Meja Makan Kayu Jati', 'Kursi Rotan', 'Lemari Ukir', 'Rak Bambu', 'Bangku Kayu Trembesi',
                  'Kursi Teras Jati'],
                 ['Jepara', 'Minimalis', 'Finishing Natural', 'Set 4 Kursi', 'Solid'], 2500000, 0.8, 25000, None, False),
    'elektronik-rumah': (['Kipas Angin', 'Rice Cooker', 'Blender', 'Setrika Listrik', 'Dispenser Air'],
                         ['SNI', 'Hemat Listrik', '1 Liter', 'Garansi 1 Tahun'], 300000, 0.6, 3000, 'SNI', False),
    'aksesoris-gawai': (['Casing HP Batik', 'Kabel Data', 'Holder HP Kayu', 'Tempered Glass', 'Tali HP Manik'],
                        ['Universal', 'Type C', 'Motif Batik', 'Handmade'], 35000, 0.6, 100, None, False),
    'mainan-anak': (['Mainan Kayu Edukasi', 'Congklak Kayu', 'Gasing Kayu', 'Boneka Batik', 'Puzzle Kayu', 'Egrang Bambu'],
                    ['SNI', 'Anak 3 Tahun', 'Cat Aman', 'Tradisional'], 60000, 0.6, 600, 'SNI', False),
    'alat-musik': (['Angklung', 'Gamelan Bonang', 'Sasando', 'Kendang Jaipong', 'Suling Bambu', 'Kolintang', 'Rebana'],
                   ['Set 8 Nada', 'Bambu Hitam', 'Untuk Sekolah', 'Tradisional', 'Handmade'], 450000, 0.9, 3000, None, False),
    'anyaman-rotan': (['Keranjang Rotan', 'Tudung Saji Anyaman', 'Tikar Pandan', 'Kap Lampu Rotan', 'Tas Rotan Bulat'],
                      ['Handmade', 'Lombok', 'Cirebon', 'Ukuran Besar', 'Natural'], 110000, 0.7, 800, None, False),
    'ukiran-kayu': (['Patung Ukir Jepara', 'Topeng Kayu', 'Relief Kayu Jati', 'Ukiran Asmat', 'Patung Garuda Kayu'],
                    ['Jepara', 'Bali', 'Kayu Jati', 'Kayu Suar', 'Handmade'], 500000, 0.9, 2000, None, False),
    'gerabah-keramik': (['Gerabah Kasongan', 'Guci Keramik', 'Kendi Tanah Liat', 'Cangkir Keramik Plered', 'Piring Keramik'],
                        ['Handmade', 'Glasir', 'Set 6', 'Motif Batik'], 90000, 0.8, 1500, None, False),
    'perhiasan-perak': (['Cincin Perak Celuk', 'Kalung Perak Kotagede', 'Gelang Perak', 'Anting Filigree', 'Bros Perak'],
                        ['Perak 925', 'Handmade', 'Motif Bunga', 'Batu Akik'], 350000, 0.7, 50, None, False),
    'buku-alat-tulis': (['Buku Tulis', 'Notebook Sampul Batik', 'Pensil Warna', 'Kertas Daluang', 'Buku Cerita Rakyat'],
                        ['Isi 58 Lembar', 'A5', 'Set 12 Warna', 'Bergambar'], 30000, 0.7, 300, None, False),
}
# How many listings each category gets, relatively (food and fashion dominate UMKM shelves).
CATEGORY_SHARE = {'batik-kain': 6, 'pakaian-pria': 7, 'pakaian-wanita': 8, 'busana-muslim': 8, 'sepatu-sandal': 4,
                  'tas-dompet': 5, 'makanan-ringan': 9, 'sambal-bumbu': 5, 'kopi-teh': 5, 'kue-roti': 4,
                  'makanan-beku': 3, 'perawatan-kulit': 4, 'kosmetik-rias': 2, 'perawatan-rambut': 1, 'jamu-herbal': 2,
                  'suplemen': 2, 'peralatan-dapur': 3, 'dekorasi-rumah': 3, 'furnitur': 2, 'elektronik-rumah': 1,
                  'aksesoris-gawai': 3, 'mainan-anak': 2, 'alat-musik': 1, 'anyaman-rotan': 2, 'ukiran-kayu': 1,
                  'gerabah-keramik': 1, 'perhiasan-perak': 1, 'buku-alat-tulis': 2}
SENTENCES = ['{title} buatan pengrajin {place}.', 'Bahan pilihan, dikemas rapi dan aman sampai tujuan.',
             'Cocok untuk oleh-oleh, hadiah, atau dipakai sendiri.', 'Dikirim dari {regency} setiap hari kerja.',
             'Produk UMKM lokal, kualitas terjaga.', 'Stok terbatas, tanyakan ketersediaan warna dan ukuran.',
             'Harga grosir untuk pembelian di atas 10 buah.', 'Foto asli produk, warna dapat sedikit berbeda karena pencahayaan.',
             'Dibuat dengan tangan, setiap produk unik.', 'Garansi uang kembali bila barang rusak saat pengiriman.']
FOOD_SENTENCES = ['Tanpa bahan pengawet, tahan {days} hari.', 'Resep turun-temurun khas {place}.',
                  'Rasa gurih dan renyah, cocok untuk camilan keluarga.']
SHOP_WORDS = ['Sekar', 'Jaya', 'Makmur', 'Sentosa', 'Berkah', 'Lestari', 'Mandiri', 'Sari', 'Abadi', 'Sejahtera', 'Rejeki',
              'Barokah', 'Nusantara', 'Melati', 'Kenanga', 'Cempaka', 'Anggrek', 'Mawar', 'Arjuna', 'Srikandi', 'Merapi',
              'Bengawan', 'Citra', 'Dewi', 'Putri', 'Mulia', 'Indah', 'Harapan', 'Sumber', 'Karya']
SHOP_PREFIX = ['Toko', 'Kedai', 'Griya', 'Rumah', 'Warung', 'Butik', 'Galeri', 'Pusat', 'Dapur', 'Omah']
ENTITY_TYPES = ['PT', 'PT_PERORANGAN', 'CV', 'CV', 'UD', 'KOPERASI', 'FIRMA']
STREETS = ['Jl. Melati', 'Jl. Merdeka', 'Jl. Sudirman', 'Jl. Diponegoro', 'Jl. Pahlawan', 'Jl. Kartini', 'Jl. Gajah Mada',
           'Jl. Ahmad Yani', 'Jl. Veteran', 'Jl. Pemuda', 'Gg. Mawar', 'Jl. Raya Kaliurang', 'Jl. Imam Bonjol']

# Variants (catalog V11): the sizes and colours a category is sold in. A title that named a size or a
# shade ("Ukuran M", "Warna Nude") was a variant in disguise: it becomes an option of one listing.
SIZES = {'pakaian-pria': ['S', 'M', 'L', 'XL', 'XXL'], 'pakaian-wanita': ['S', 'M', 'L', 'XL'],
         'busana-muslim': ['S', 'M', 'L', 'XL', 'XXL'], 'sepatu-sandal': ['38', '39', '40', '41', '42', '43', '44']}
COLOURS = {'pakaian-pria': ['Hitam', 'Putih', 'Navy', 'Maroon', 'Abu', 'Sage'],
           'pakaian-wanita': ['Hitam', 'Mocca', 'Sage', 'Dusty Pink', 'Navy', 'Maroon'],
           'busana-muslim': ['Hitam', 'Mocca', 'Navy', 'Army', 'Dusty Pink', 'Lilac'],
           'sepatu-sandal': ['Hitam', 'Coklat', 'Tan'],
           'kosmetik-rias': ['Nude', 'Merah', 'Pink', 'Coral', 'Maroon', 'Peach', 'Mauve']}
SIZE_IN_TITLE = re.compile(r' Ukuran (XXL|XL|S|M|L|\d+)\b')
SHADE_IN_TITLE = re.compile(r' Warna (\w+)')
OTHER_SIZED = 0.10     # of the fashion and shoe listings whose title names no size, those sold by size anyway
WITH_COLOURS = 0.35    # of the listings sold by size, those sold in colours too
SIZE_SURCHARGE = {'XL': 5000, 'XXL': 10000}  # the larger sizes cost more (more cloth)


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('--db', help='database URL (default: the embedded database on port 54329)')
    p.add_argument('--listings', type=int, default=None)
    p.add_argument('--sellers', type=int, default=None)
    p.add_argument('--demo', action='store_true', help='a small demo shelf: 2,000 listings of 200 sellers')
    p.add_argument('--seed', type=int, default=20261129)
    p.add_argument('--ids-out', help='write the new listing ids, one a line, to this file')
    p.add_argument('--posts', type=int, default=0, help='posts by sellers and creators (default 0: no social data)')
    p.add_argument('--creators', type=int, default=None, help='creators when there are posts (default: sellers / 10)')
    p.add_argument('--follows', action='store_true', help="only the bench shoppers' follows (after bench/load/prepare.py)")
    a = p.parse_args()
    a.db = a.db or os.environ.get('DATABASE_URL') or 'postgresql://postgres@localhost:54329/pasar'
    a.creators = a.creators if a.creators is not None else (max(10, (a.sellers or 100000) // 10) if a.posts else 0)
    a.listings = a.listings if a.listings is not None else (2000 if a.demo else 1000000)
    a.sellers = a.sellers if a.sellers is not None else (200 if a.demo else 100000)
    return a


def psql_value(db, sql):
    done = subprocess.run(['psql', '-X', '-tA', '-v', 'ON_ERROR_STOP=1', '-c', sql, db], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f'cannot query {db}: {done.stderr.strip()}\n(is the application running on its database? --db URL)')
    return done.stdout.strip()


def ts(t):
    return t.strftime('%Y-%m-%d %H:%M:%S.%f+00')


def iso(t):
    return t.strftime('%Y-%m-%dT%H:%M:%S.%fZ')


def content_hash(seller, category, ship_from, licence, halal_status, halal_certificate):
    """catalog.listing_content_hash (catalog V9): SHA-256 of the content the listing rules check, as compact JSON."""
    fields = [('sellerId', str(seller)), ('categoryCode', category), ('shipFromRegencyCode', ship_from),
              ('regulatoryLicence', licence), ('halalStatus', halal_status), ('halalCertificateNumber', halal_certificate)]
    text = '{' + ','.join(json.dumps(k) + ':' + json.dumps(v, ensure_ascii=False, separators=(',', ':')) for k, v in fields) + '}'
    return hashlib.sha256(text.encode('utf-8')).hexdigest()


def umkm_class(revenue):
    # PP 7/2021: micro up to 2 billion IDR a year, small up to 15 billion, medium up to 50 billion.
    return 'MICRO' if revenue <= 2_000_000_000 else 'SMALL' if revenue <= 15_000_000_000 else \
        'MEDIUM' if revenue <= 50_000_000_000 else 'LARGE'


def options_of(vrng, category, title):
    """The title without the size or shade it named, and the listing's options: None when it is sold one
    way, else (option types, [values of each type])."""
    sizes, colours = SIZES.get(category), COLOURS.get(category)
    named = [m.group(1) for m in SIZE_IN_TITLE.finditer(title)] if sizes else []
    if sizes and (named or vrng.random() < OTHER_SIZED):
        title = SIZE_IN_TITLE.sub('', title)
        at = [sizes.index(n) for n in named if n in sizes] or [vrng.randrange(len(sizes))]
        first = max(0, min(at) - vrng.randint(0, 2))
        last = min(len(sizes) - 1, max(max(at) + vrng.randint(0, 2), first + 1))
        types, values = ['Ukuran'], [sizes[first:last + 1]]
        if vrng.random() < WITH_COLOURS:
            types.append('Warna')
            values.append(vrng.sample(colours, vrng.randint(2, min(4, len(colours)))))
        return title, (types, values)
    shades = [m.group(1) for m in SHADE_IN_TITLE.finditer(title)] if category in COLOURS and not sizes else []
    if shades:
        title = SHADE_IN_TITLE.sub('', title)
        named = [c for c in COLOURS[category] if c in shades]
        others = [c for c in COLOURS[category] if c not in shades]
        return title, (['Warna'], [named + vrng.sample(others, vrng.randint(1, 4))])
    return title, None


def pg_array(values):
    """A text[] literal as COPY's text format reads it."""
    return '{' + ','.join('"' + v + '"' for v in values) + '}'


def json_array(values):
    """to_json(text[])::text of PostgreSQL: compact, non-ASCII as is."""
    return json.dumps(values, ensure_ascii=False, separators=(',', ':'))


def options_hash(combinations):
    """What catalog.summarise_variants stores: SHA-256 of the variants' option values as JSON, sorted (the
    database's collation is C.UTF-8, so Python's order of strings is PostgreSQL's), joined by commas."""
    return hashlib.sha256(','.join(json_array(c) for c in sorted(combinations)).encode('utf-8')).hexdigest()


def checked_content(content, types, hashed):
    """catalog.checked_content (V11): what a PASS names for a listing with options."""
    return hashlib.sha256(f'{content}:{json_array(types)}:{hashed}'.encode('utf-8')).hexdigest()


def checked_photos(content, photos):
    """catalog.checked_content (V14) of a listing with photos: what it checks without them, then the photos' ids
    in order."""
    return hashlib.sha256(f'{content}:photos:{",".join(photos)}'.encode('utf-8')).hexdigest()


def sku_code(product):
    """The start of a seller's SKU: the product's initials ("Kemeja Batik Pria" -> KBP)."""
    return ''.join(w[0] for w in product.split() if w[0].isalnum()).upper()[:4] or 'X'


def main():
    a = parse_args()
    if a.follows:
        social_data.write_follows(a.db, a.seed)
        return
    rng = random.Random(a.seed ^ a.listings ^ (a.sellers << 20))
    started = time.time()
    now = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(minutes=5)
    span = timedelta(days=730)
    begin = now - span

    with open(REGENCIES, newline='', encoding='utf-8') as f:
        regencies = [(r['code'], r['province_code'], r['name']) for r in csv.DictReader(f)]
    regency_weights = [PROVINCE_WEIGHTS.get(p, 1) for _, p, _ in regencies]
    regency_cum = list(accumulate(regency_weights))

    head_seq, head_hash = psql_value(a.db, 'SELECT sequence || \'|\' || hash FROM compliance.decision_log_head').split('|')
    head_seq = int(head_seq)
    print(f'log head before: sequence {head_seq}; generating {a.sellers} sellers and {a.listings} listings', file=sys.stderr)

    def uid():
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    # Sellers: document types, statuses, places, sizes.
    sellers = []
    for i in range(a.sellers):
        doc = rng.choices(['KTP', 'LOCAL_ENTITY', 'PASSPORT'], [70, 25, 5])[0]
        status = rng.choices(['VERIFIED', 'PENDING_REVIEW', 'REJECTED', 'REVOKED'], [88, 5, 4, 3])[0]
        regency = regencies[bisect.bisect_left(regency_cum, rng.random() * regency_cum[-1])]
        created = begin + span * (rng.random() ** 0.6)  # a growing marketplace: more sellers lately
        sellers.append({'id': uid(), 'user': uid(), 'doc': doc, 'status': status, 'regency': regency, 'created': created,
                        'decided': created + timedelta(seconds=rng.randint(600, 3 * 86400)) if doc != 'LOCAL_ENTITY' else created,
                        'revoked': None, 'decision': None})
        if status == 'REVOKED':
            s = sellers[-1]
            s['revoked'] = s['decided'] + (now - s['decided']) * rng.random()
    verified = [i for i, s in enumerate(sellers) if s['status'] == 'VERIFIED']
    if not verified:
        sys.exit('no verified seller: use more sellers')
    rng.shuffle(verified)
    # Listings per seller: a long tail (a few big shops, many with a handful of listings).
    seller_cum = list(accumulate(1.0 / (r + 1) ** 0.7 for r in range(len(verified))))
    categories = list(CATEGORY_SHARE)
    category_cum = list(accumulate(CATEGORY_SHARE[c] for c in categories))

    events = []  # (time, kind, index) in the order they go into the log
    for i, s in enumerate(sellers):
        if s['doc'] == 'LOCAL_ENTITY':
            events.append((s['created'], 'APP', i))
        else:
            events.append((s['created'], 'APP', i))
            if s['status'] in ('VERIFIED', 'REJECTED', 'REVOKED'):
                events.append((s['decided'], 'REVIEW', i))
        if s['revoked']:
            events.append((s['revoked'], 'REVOKE', i))
    # Creators (only with posts): a random stream of their own, so that the shelf is the same with them or without.
    srng = random.Random((a.seed ^ a.listings ^ (a.sellers << 20)) + 27)
    creators = social_data.draw_creators(srng, a.creators, regencies, begin, now)
    events.extend((c['created'], 'CREATOR', j) for j, c in enumerate(creators))
    events.extend((c['revoked'], 'CREATOR_REVOKE', j) for j, c in enumerate(creators) if c['revoked'])
    listings = []  # (seller index, category, published)
    for n in range(a.listings):
        seller = verified[bisect.bisect_left(seller_cum, rng.random() * seller_cum[-1])]
        s = sellers[seller]
        published = s['decided'] + (now - s['decided']) * rng.random()
        category = categories[bisect.bisect_left(category_cum, rng.random() * category_cum[-1])]
        listings.append((seller, category, published, uid(), uid()))
        events.append((published, 'LISTING', n))
    events.sort(key=lambda e: e[0])
    print(f'planned {len(events)} decisions in {time.time() - started:.0f} s', file=sys.stderr)

    psql = subprocess.Popen(['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', a.db], stdin=subprocess.PIPE,
                            text=True, encoding='utf-8', bufsize=1 << 20)
    out = psql.stdin
    out.write('BEGIN;\n')
    out.write(f"DO $$ BEGIN PERFORM 1 FROM compliance.decision_log_head WHERE sequence = {head_seq} AND hash = '{head_hash}' "
              f"FOR UPDATE; IF NOT FOUND THEN RAISE EXCEPTION 'the log moved while generating: run again'; END IF; END $$;\n")

    # The decision log, in time order, as one chain. A listing PASS names its listing's content hash, known only once
    # the listings are drawn below (the random stream stays in its order): the entries are hashed and sent after that.
    pending = []
    seq = head_seq
    for t, kind, i in events:
        seq += 1
        decision = creators[i]['decision'] if kind == 'CREATOR' else creators[i]['revocation'] if kind == 'CREATOR_REVOKE' \
            else uid()
        version = 'null'
        listing = None
        if kind == 'CREATOR':
            c = creators[i]
            subject_type, subject, outcome, reasons, actor = 'CREATOR_APPLICATION', c['id'], c['outcome'], c['reasons'], str(c['account'])
        elif kind == 'CREATOR_REVOKE':
            subject_type, subject, outcome, reasons = 'CREATOR_REVOCATION', creators[i]['id'], 'FAIL', ['OFFICER_REVOKED']
            actor = str(social_data.OFFICER)
        elif kind == 'LISTING':
            seller, _, _, listing_id, _ = listings[i]
            subject_type, subject, outcome, reasons = 'LISTING_PUBLICATION', listing_id, 'PASS', []
            actor, version, listing = str(sellers[seller]['user']), '1', i
            listings[i] = listings[i][:4] + (decision,)
        else:
            s = sellers[i]
            subject, actor = s['id'], 'system'
            if kind == 'APP':
                subject_type = 'SELLER_APPLICATION'
                if s['doc'] == 'LOCAL_ENTITY':
                    outcome, reasons = ('FAIL', ['FOREIGN_ENTITY']) if s['status'] == 'REJECTED' else \
                        ('REVIEW', []) if s['status'] == 'PENDING_REVIEW' else ('PASS', [])
                else:
                    outcome, reasons = 'REVIEW', ['NIK_REGION_UNVERIFIED'] if s['doc'] == 'KTP' else []
            elif kind == 'REVIEW':
                subject_type, actor = 'SELLER_REVIEW', str(uuid.UUID(int=7, version=4))
                outcome, reasons = ('FAIL', ['OFFICER_REJECTED']) if s['status'] == 'REJECTED' else ('PASS', [])
            else:
                subject_type, outcome, reasons = 'SELLER_REVOCATION', 'FAIL', ['OFFICER_REVOKED']
            s['decision'] = decision
        pending.append((seq, decision, subject_type, subject, version, outcome, reasons, actor, t, listing))
    final_out = out
    out = tempfile.TemporaryFile('w+', encoding='utf-8')  # sellers and listings, sent after the decisions

    # Sellers.
    out.write('COPY onboarding.sellers (id, user_id, shop_name, seller_type, annual_revenue_idr, umkm_class, street, '
              'regency_code, postal_code, document_type, identity_index, identity_ciphertext, masked_identity, passport_expiry, '
              'status, reasons, rule_set_version, decision_id, status_note, created_at, updated_at) FROM STDIN;\n')
    for s in sellers:
        code, province, regency_name = s['regency']
        place = regency_name.replace('Kabupaten ', '').replace('Kota ', '')
        if s['doc'] == 'LOCAL_ENTITY':
            entity = rng.choice(ENTITY_TYPES)
            name = f"{entity.replace('_PERORANGAN', '')} {rng.choice(SHOP_WORDS)} {rng.choice(SHOP_WORDS)} {place}"
            number = ''.join(rng.choice('0123456789') for _ in range(13))  # NIB
            masked, seller_type, expiry = '*' * 10 + number[-3:], 'BUSINESS', '\\N'
            revenue = int(rng.lognormvariate(21.5, 1.6))
        else:
            name = f'{rng.choice(SHOP_PREFIX)} {rng.choice(SHOP_WORDS)} {rng.choice(SHOP_WORDS)}'
            if s['doc'] == 'KTP':
                day = rng.randint(1, 28) + (40 if rng.random() < 0.5 else 0)
                number = f"{code.replace('.', '')}{rng.randint(1, 30):02d}{day:02d}{rng.randint(1, 12):02d}" \
                         f"{rng.randint(60, 99) if rng.random() < 0.7 else rng.randint(0, 5):02d}{rng.randint(1, 20):04d}"
                masked, expiry = number[:6] + '*' * 8 + number[-2:], '\\N'
            else:
                number = rng.choice('ABCEX') + ''.join(rng.choice('0123456789') for _ in range(7))
                masked = '*' * 5 + number[-3:]
                expiry = (now + timedelta(days=rng.randint(60, 3600))).strftime('%Y-%m-%d')
            seller_type, revenue = 'INDIVIDUAL', int(rng.lognormvariate(19.5, 1.2))
        s['shop'] = name[:100]
        reasons = {'REJECTED': '{FOREIGN_ENTITY}' if s['doc'] == 'LOCAL_ENTITY' else '{OFFICER_REJECTED}',
                   'REVOKED': '{OFFICER_REVOKED}'}.get(s['status'], '{}')
        note = 'Dicabut oleh petugas kepatuhan' if s['status'] == 'REVOKED' else '\\N'
        updated = s['revoked'] or s['decided']
        out.write(f"{s['id']}\t{s['user']}\t{s['shop']}\t{seller_type}\t{revenue}\t{umkm_class(revenue)}\t"
                  f"{rng.choice(STREETS)} No. {rng.randint(1, 250)}\t{code}\t{rng.randint(10110, 99999):05d}\t{s['doc']}\t"
                  f"\\\\x{rng.getrandbits(256):064x}\t\\\\x{rng.getrandbits(480):0120x}\t{masked}\t{expiry}\t{s['status']}\t"
                  f"{reasons}\t{RULE_SET}\t{s['decision']}\t{note}\t{ts(s['created'])}\t{ts(updated)}\n")
    out.write('\\.\n')
    print(f'sellers written at {time.time() - started:.0f} s', file=sys.stderr)

    # Listings, each PUBLISHED under its PASS, with their variants (sent after them: a variant names
    # its listing).
    out.write('COPY catalog.listings (id, seller_id, title, description, category_code, price_idr, stock, '
              'ship_from_regency_code, weight_grams, regulatory_licence, status, version, decision_id, rule_set_version, '
              'shop_name, created_at, updated_at, published_at, halal_status, halal_certificate_number, option_types, '
              'max_price_idr, variant_count, options_hash, photo_ids) FROM STDIN;\n')
    variants_out = tempfile.TemporaryFile('w+', encoding='utf-8')
    variants_out.write('COPY catalog.listing_variants (id, listing_id, seller_id, position, option_values, sku, price_idr, '
                       'stock, weight_grams) FROM STDIN;\n')
    # The variants' own random stream, so that the listings' columns stay those of the main one.
    vrng = random.Random((a.seed ^ a.listings ^ (a.sellers << 20)) + 24)
    # The photos' own stream too (issue 21): 85 % of listings have 1 to 9 photos, most 3 to 6. Only their ids:
    # search and detail read a photo's URLs from its id (MediaUrls), and the bench fetches no image.
    prng = random.Random((a.seed ^ a.listings ^ (a.sellers << 20)) + 21)
    with_photos = 0
    ids = open(a.ids_out, 'w') if a.ids_out else None
    regency_names = {c: n for c, _, n in regencies}
    contents = []
    titles = []  # for the posts that tag listings
    with_options = variant_rows = 0
    for seller, category, published, listing_id, decision in listings:
        s = sellers[seller]
        products, modifiers, median, sigma, weight, licence, halal = CATEGORIES[category]
        place = rng.choice(PLACES)
        product = rng.choice(products)
        title = f'{product} {rng.choice(modifiers)}' + (f' {place}' if rng.random() < 0.5 else '') + \
                (f' {rng.choice(modifiers)}' if rng.random() < 0.3 else '')
        title, options = options_of(vrng, category, title)
        ship_from = s['regency'][0] if rng.random() < 0.9 else rng.choice(regencies)[0]
        sentences = rng.sample(SENTENCES, rng.randint(2, 4))
        if licence == 'FOOD':
            sentences.append(rng.choice(FOOD_SENTENCES))
        description = ' '.join(x.format(title=title, place=place, regency=regency_names[ship_from], days=rng.randint(30, 180))
                               for x in sentences)
        price = max(1000, min(50_000_000, int(rng.lognormvariate(0, sigma) * median / 500) * 500))
        stock = 0 if rng.random() < 0.05 else max(1, min(5000, int(rng.lognormvariate(3.0, 1.1))))
        grams = max(1, min(1_000_000, int(weight * rng.uniform(0.5, 2.0))))
        number = rng.randint(10 ** 11, 10 ** 12 - 1)
        reg = {'FOOD': f'MD {number}', 'COSMETICS': f'NA{number}', 'TRADITIONAL_MEDICINE': f'TR{number}',
               'SNI': f'SNI {number}'}.get(licence, '\\N')
        if halal:
            halal_status, halal_cert = ('NON_HALAL', '\\N') if rng.random() < 0.03 else ('CERTIFIED', f'ID{number}{number % 10000:04d}')
        else:
            halal_status, halal_cert = '\\N', '\\N'
        created = published - timedelta(seconds=rng.randint(60, 86400))
        content = content_hash(s['id'], category, ship_from, None if reg == '\\N' else reg,
                               None if halal_status == '\\N' else halal_status, None if halal_cert == '\\N' else halal_cert)
        if options is None:
            # Sold one way: one variant whose id is the listing's, no SKU (as V12's backfill makes it).
            types, max_price, count, hashed = '{}', '\\N', 1, '\\N'
            variants_out.write(f'{listing_id}\t{listing_id}\t{s["id"]}\t0\t{{}}\t\\N\t{price}\t{stock}\t{grams}\n')
            variant_rows += 1
        else:
            # Every combination of the values, sizes first, as a seller lists them; the drawn price is the
            # smallest size's, the drawn stock says only whether the listing is sold out.
            names, values = options
            combinations = [[v] for v in values[0]] if len(values) == 1 else \
                [[v, w] for v in values[0] for w in values[1]]
            s['skus'] = s.get('skus', 0) + 1
            code = f'{sku_code(product)}-{s["skus"]:04d}'
            prices, stocks = [], []
            for combination in combinations:
                prices.append(price + SIZE_SURCHARGE.get(combination[0], 0) if names[0] == 'Ukuran' else price)
                stocks.append(0 if stock == 0 or vrng.random() < 0.08 else max(1, min(5000, int(vrng.lognormvariate(2.0, 1.0)))))
            if stock > 0 and sum(stocks) == 0:
                stocks[0] = 1
            for position, combination in enumerate(combinations):
                sku = code + ''.join('-' + re.sub('[^A-Za-z0-9]', '', v).upper() for v in combination)
                variants_out.write(f'{uuid.UUID(int=vrng.getrandbits(128), version=4)}\t{listing_id}\t{s["id"]}\t{position}\t'
                                   f'{pg_array(combination)}\t{sku}\t{prices[position]}\t{stocks[position]}\t{grams}\n')
            hashed = options_hash(combinations)
            content = checked_content(content, names, hashed)
            types, count = pg_array(names), len(combinations)
            price, stock = min(prices), sum(stocks)
            max_price = max(prices) if max(prices) != price else '\\N'
            with_options += 1
            variant_rows += count
        photos = [] if prng.random() < 0.15 else \
            [str(uuid.UUID(int=prng.getrandbits(128), version=4)) for _ in range(min(9, max(1, round(prng.gauss(4.5, 2)))))]
        if photos:
            content = checked_photos(content, photos)
            with_photos += 1
        contents.append(content)
        if a.posts:
            titles.append(title)
        out.write(f'{listing_id}\t{s["id"]}\t{title}\t{description}\t{category}\t{price}\t{stock}\t{ship_from}\t{grams}\t{reg}\t'
                  f'PUBLISHED\t1\t{decision}\t{RULE_SET}\t{s["shop"]}\t{ts(created)}\t{ts(published)}\t{ts(published)}\t'
                  f'{halal_status}\t{halal_cert}\t{types}\t{max_price}\t{count}\t{hashed}\t{{{",".join(photos)}}}\n')
        if ids:
            ids.write(f'{listing_id}\n')
    out.write('\\.\n')
    # The variants in one COPY: the insert trigger then summarises every listing once, and finds each summary
    # already right (so no listing row is written twice, and the publication gate is not asked again).
    variants_out.write('\\.\n')
    variants_out.seek(0)
    shutil.copyfileobj(variants_out, out, 1 << 20)
    variants_out.close()
    print(f'{a.listings} listings, {with_options} of them with options, {with_photos} with photos, '
          f'{variant_rows} variants planned at '
          f'{time.time() - started:.0f} s', file=sys.stderr)
    social = ''
    if a.posts:
        social_data.write_creators(out, creators, ts, RULE_SET)
        social = social_data.write_posts(out, srng, a.posts, sellers, creators, listings, titles,
                                         sorted({p for c in CATEGORIES.values() for p in c[0]}), now, ts,
                                         lambda m: print(m, file=sys.stderr))
        print(f'{len(creators)} creators; {social}; planned at {time.time() - started:.0f} s', file=sys.stderr)

    final_out.write('COPY compliance.decisions (sequence, decision_id, subject_type, subject_id, subject_version, outcome, '
                    'reasons, actor, decided_at, rule_set_version, content_hash, previous_hash, hash) FROM STDIN;\n')
    prev = head_hash
    for seq, decision, subject_type, subject, version, outcome, reasons, actor, t, listing in pending:
        content = contents[listing] if listing is not None else None
        entry = (f'{{"sequence":{seq},"decisionId":"{decision}","subjectType":"{subject_type}","subjectId":"{subject}",'
                 f'"subjectVersion":{version},"outcome":"{outcome}","reasons":[{",".join(chr(34) + r + chr(34) for r in reasons)}],'
                 f'"actor":"{actor}","decidedAt":"{iso(t)}","ruleSetVersion":"{RULE_SET}"'
                 + (f',"contentHash":"{content}"' if content else '') + '}')
        digest = hashlib.sha256((prev + entry).encode('utf-8')).hexdigest()
        final_out.write(f'{seq}\t{decision}\t{subject_type}\t{subject}\t{version if version != "null" else chr(92) + "N"}\t'
                        f'{outcome}\t{{{",".join(reasons)}}}\t{actor}\t{ts(t)}\t{RULE_SET}\t{content or chr(92) + "N"}\t{prev}\t'
                        f'{digest}\n')
        prev = digest
    final_out.write('\\.\n')
    final_out.write(f"UPDATE compliance.decision_log_head SET sequence = {seq}, hash = '{prev}';\n")
    print(f'decisions written ({seq - head_seq}) at {time.time() - started:.0f} s', file=sys.stderr)
    out.seek(0)
    shutil.copyfileobj(out, final_out, 1 << 20)
    out.close()
    out = final_out
    out.write('COMMIT;\n')
    out.close()
    if psql.wait() != 0:
        sys.exit('psql failed: nothing was written')
    if ids:
        ids.close()
    print(f'listings written, committed at {time.time() - started:.0f} s; vacuum and analyze', file=sys.stderr)
    subprocess.run(['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', 'VACUUM (ANALYZE) catalog.listings', '-c',
                    'VACUUM (ANALYZE) catalog.listing_variants', '-c',
                    'VACUUM (ANALYZE) compliance.decisions', '-c', 'VACUUM (ANALYZE) onboarding.sellers', a.db], check=True)
    if a.posts:
        # The posts were drawn author by author in no order of time; a live table holds them in the order they were
        # written, by time (which discover's window scan depends on): put them in that order, as they would be.
        subprocess.run(['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', 'VACUUM (ANALYZE) social.creators', '-c',
                        'CLUSTER social.posts USING posts_by_created_at', '-c', 'VACUUM (ANALYZE) social.posts', a.db],
                       check=True)
    print(f'done in {time.time() - started:.0f} s: {a.sellers} sellers, {a.listings} published listings '
          f'({with_options} with options), {variant_rows} variants, {seq - head_seq} decisions (log head now {seq})'
          + (f'; {len(creators)} creators, {a.posts} posts' if a.posts else ''), file=sys.stderr)


def accumulate(values):
    total = 0
    for v in values:
        total += v
        yield total


if __name__ == '__main__':
    main()
