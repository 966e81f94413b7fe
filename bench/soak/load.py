#!/usr/bin/env python3
"""Mixed load for the soak test (bench/soak/run.sh), Python standard library only.

Sets up through the API (an officer approves a seller, listings are published, shoppers are
registered), then WORKERS threads send a mix of shopper searches and reads, logins, order
placements (each then paid or cancelled, so no purchase limit is reached) and seller reads, for
DURATION seconds. Prints one summary line per minute and a final JSON summary on the last line.
Any 5xx, connection error or unexpected status is an error.
"""
import hashlib
import http.client
import json
import os
import random
import sys
import threading
import time
import uuid

PORT = int(os.environ.get("PORT", "18280"))
DURATION = int(os.environ.get("DURATION", "600"))
WORKERS = int(os.environ.get("WORKERS", "8"))
SERVER_KEY = os.environ["PAYMENT_SERVER_KEY"]
ADMIN = (os.environ["ADMIN_EMAIL"], os.environ["ADMIN_PASSWORD"])
ADDRESS = {"recipientName": "Siti Rahayu", "phone": "+62 812 3456 7890", "street": "Jl. Kenanga 12",
           "regencyCode": "3273", "postalCode": "40115"}
WORDS = ["rotan", "keranjang", "batik", "tas", "anyaman", "bambu", "tikar", "pandan", "kain", "rotn"]


def call(method, path, body=None, token=None, headers=None):
    conn = http.client.HTTPConnection("localhost", PORT, timeout=30)
    try:
        h = {"Accept": "application/json"}
        if body is not None:
            h["Content-Type"] = "application/json"
        if token:
            h["Authorization"] = "Bearer " + token
        h.update(headers or {})
        conn.request(method, path, json.dumps(body) if body is not None else None, h)
        response = conn.getresponse()
        data = response.read()
        return response.status, (json.loads(data) if data and data[:1] in (b"{", b"[") else None)
    finally:
        conn.close()


def must(expected, method, path, body=None, token=None, headers=None):
    status, data = call(method, path, body, token, headers)
    if status != expected:
        sys.exit(f"setup: {method} {path} answered {status}: {data}")
    return data


def token(email, password):
    return must(200, "POST", "/api/v1/auth/token", {"email": email, "password": password})["accessToken"]


def account(role, admin=None):
    email = f"{role.lower()}-{uuid.uuid4()}@soak.test"
    body = {"email": email, "password": "soak-password-1", "displayName": "Soak", "role": role}
    if admin:
        must(201, "POST", "/api/v1/admin/users", body, admin)
    else:
        must(201, "POST", "/api/v1/auth/register", body)
    return email, token(email, "soak-password-1")


def setup():
    admin = token(*ADMIN)
    _, officer = account("COMPLIANCE_OFFICER", admin)
    seller_email, seller = account("SELLER")
    serial = int(time.time()) % 9999 + 1  # the warm-up and the run apply a minute apart
    nik = "320411060997" + f"{serial:04d}"
    application = {"shopName": "Soak Rotan", "sellerType": "INDIVIDUAL", "annualRevenueIdr": 350000000,
                   "address": {"street": "Jl. Melati 5", "regencyCode": "3204", "postalCode": "40921"},
                   "identity": {"documentType": "KTP", "nik": nik, "fullName": "Budi Santoso",
                                "dateOfBirth": "1997-09-06", "gender": "MALE", "citizenship": "WNI"}}
    seller_id = must(201, "POST", "/api/v1/sellers", application, seller)["sellerId"]
    must(200, "POST", f"/api/v1/compliance/seller-applications/{seller_id}/decision",
         {"decision": "APPROVE", "note": "soak"}, officer, {"X-Access-Reason": "soak test approval"})
    listings = []
    for i in range(20):
        listing = {"title": f"{random.choice(['Keranjang', 'Tas', 'Tikar'])} {random.choice(WORDS)} {i}",
                   "description": "Anyaman rotan buatan tangan.", "categoryCode": "anyaman-rotan",
                   "priceIdr": 10000 + 1000 * i, "stock": 1000000, "shipFromRegencyCode": "3404", "weightGrams": 800}
        listing_id = must(201, "POST", "/api/v1/listings", listing, seller)["listingId"]
        must(200, "POST", f"/api/v1/listings/{listing_id}/publish", {}, seller)
        listings.append(listing_id)
    shoppers = [account("SHOPPER") for _ in range(40)]
    return seller, listings, shoppers


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {}
        self.errors = {}
        self.latencies = []

    def add(self, name, status, seconds, ok):
        with self.lock:
            key = f"{name} {status}"
            self.counts[key] = self.counts.get(key, 0) + 1
            self.latencies.append(seconds)
            if not ok:
                self.errors[key] = self.errors.get(key, 0) + 1


def worker(deadline, seller, listings, shoppers, tally):
    rnd = random.Random()

    def timed(name, ok_statuses, method, path, body=None, token=None, headers=None):
        started = time.monotonic()
        try:
            status, data = call(method, path, body, token, headers)
        except Exception as e:  # connection refused, reset, timeout
            status, data = type(e).__name__, None
        tally.add(name, status, time.monotonic() - started, status in ok_statuses)
        return status, data

    while time.monotonic() < deadline:
        r = rnd.random()
        email, shopper = rnd.choice(shoppers)
        if r < 0.35:
            timed("search", (200,), "GET", f"/api/v1/catalog/listings?q={rnd.choice(WORDS)}&size=20")
        elif r < 0.50:
            timed("listing", (200,), "GET", f"/api/v1/catalog/listings/{rnd.choice(listings)}")
        elif r < 0.55:
            timed("categories", (200,), "GET", "/api/v1/catalog/categories")
        elif r < 0.60:
            timed("browse", (200,), "GET", f"/api/v1/catalog/listings?sort=price_asc&size=50")
        elif r < 0.65:
            timed("login", (200,), "POST", "/api/v1/auth/token", {"email": email, "password": "soak-password-1"})
        elif r < 0.70:
            timed("my orders", (200,), "GET", "/api/v1/orders?size=20", token=shopper)
        elif r < 0.75:
            timed("seller listings", (200,), "GET", "/api/v1/sellers/me/listings", token=seller)
        else:
            order = {"items": [{"listingId": rnd.choice(listings), "quantity": rnd.randint(1, 3)}],
                     "shippingAddress": ADDRESS}
            status, data = timed("place order", (201, 429), "POST", "/api/v1/orders", order, shopper,
                                 {"Idempotency-Key": str(uuid.uuid4())})
            if status != 201:
                continue
            order_id, total = data["orderId"], data["totalIdr"]
            if rnd.random() < 0.7:
                gross = f"{total}.00"
                notification = {"order_id": order_id, "status_code": "200", "gross_amount": gross,
                                "transaction_status": "settlement", "payment_type": "bank_transfer",
                                "signature_key": hashlib.sha512((order_id + "200" + gross + SERVER_KEY).encode()).hexdigest()}
                timed("pay", (200,), "POST", "/api/v1/payments/notifications", notification)
            else:
                timed("cancel", (200,), "POST", f"/api/v1/orders/{order_id}/cancel", {}, shopper)


def main():
    seller, listings, shoppers = setup()
    print(f"setup done: 20 published listings, 40 shoppers; {WORKERS} workers for {DURATION} s", flush=True)
    tally = Tally()
    started = time.monotonic()
    deadline = started + DURATION
    threads = [threading.Thread(target=worker, args=(deadline, seller, listings, shoppers, tally)) for _ in range(WORKERS)]
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        time.sleep(min(60, max(1, deadline - time.monotonic())))
        with tally.lock:
            done = sum(tally.counts.values())
            errors = sum(tally.errors.values())
        print(f"{time.monotonic() - started:6.0f} s: {done} requests, {errors} errors", flush=True)
    for t in threads:
        t.join()
    lat = sorted(tally.latencies)
    total = len(lat)
    summary = {"requests": total, "errors": sum(tally.errors.values()), "errorsByKind": tally.errors,
               "byKind": dict(sorted(tally.counts.items())),
               "requestsPerSecond": round(total / DURATION, 1),
               "p50ms": round(1000 * lat[total // 2], 1), "p99ms": round(1000 * lat[int(total * 0.99)], 1),
               "maxms": round(1000 * lat[-1], 1)}
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
