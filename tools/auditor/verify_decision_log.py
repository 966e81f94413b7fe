#!/usr/bin/env python3
"""Recompute the marketplace's compliance decision log hash chain, independently of the application.

Usage:
  python3 verify_decision_log.py --base https://api.example.id --email auditor@example.id --password '...'

Reads every entry through GET /api/v1/compliance/decisions (the whole log: ten years back to today),
recomputes hash = SHA-256(previousHash + canonicalJson) for each (docs/auditor-guide.md), checks
that each entry continues the one before, and compares the last hash with the server's own
verification. Python 3.8+ standard library only. Exit status 0 when the chain is intact, 1 otherwise.
"""
import argparse
import datetime
import hashlib
import json
import sys
import urllib.parse
import urllib.request

GENESIS = "0" * 64


def call(base, path, token=None, body=None):
    request = urllib.request.Request(base + path, method="POST" if body is not None else "GET")
    request.add_header("Accept", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    data = None
    if body is not None:
        data = json.dumps(body).encode("utf-8")
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, data=data, timeout=60) as response:
        return json.loads(response.read().decode("utf-8"))


def canonical(entry):
    """The entry's canonical JSON: fixed key order, no spaces, decidedAt in UTC with six decimals, and
    contentHash last, only when the entry has one (listing decisions from 2026-12-06 on)."""
    decided = datetime.datetime.fromisoformat(entry["decidedAt"]).astimezone(datetime.timezone.utc)
    fields = [
        ("sequence", entry["sequence"]),
        ("decisionId", entry["decisionId"]),
        ("subjectType", entry["subjectType"]),
        ("subjectId", entry["subjectId"]),
        ("subjectVersion", entry["subjectVersion"]),
        ("outcome", entry["outcome"]),
        ("reasons", entry["reasons"]),
        ("actor", entry["actor"]),
        ("decidedAt", decided.strftime("%Y-%m-%dT%H:%M:%S.%fZ")),
        ("ruleSetVersion", entry["ruleSetVersion"]),
    ]
    if entry.get("contentHash") is not None:
        fields.append(("contentHash", entry["contentHash"]))
    return "{" + ",".join(json.dumps(k) + ":" + json.dumps(v, ensure_ascii=False, separators=(",", ":"))
                          for k, v in fields) + "}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the API's base URL, e.g. http://localhost:8080")
    parser.add_argument("--email", required=True)
    parser.add_argument("--password", required=True)
    args = parser.parse_args()
    base = args.base.rstrip("/")

    token = call(base, "/api/v1/auth/token", body={"email": args.email, "password": args.password})["accessToken"]
    today = datetime.date.today()
    period = {"from": (today - datetime.timedelta(days=3650)).isoformat(), "to": (today + datetime.timedelta(days=1)).isoformat()}

    previous, expected, entries, broken = GENESIS, 1, 0, None
    cursor = None
    while True:
        query = dict(period, size=100)
        if cursor:
            query["cursor"] = cursor
        page = call(base, "/api/v1/compliance/decisions?" + urllib.parse.urlencode(query), token)
        for entry in page["items"]:
            entries += 1
            recomputed = hashlib.sha256((previous + canonical(entry)).encode("utf-8")).hexdigest()
            follows = (entry["sequence"] == expected and entry["previousHash"] == previous
                       and entry["hash"] == recomputed)
            if not follows and broken is None:
                broken = entry["sequence"]
            previous, expected = entry["hash"], entry["sequence"] + 1
        cursor = page["nextCursor"]
        if not cursor:
            break

    server = call(base, "/api/v1/compliance/decisions/verification", token)
    agrees = server["headHash"] == previous and server["entries"] == entries
    if broken is None and agrees:
        print("valid: %d entries, head %s" % (entries, previous))
        return 0
    if broken is not None:
        print("BROKEN at sequence %d (of %d entries)" % (broken, entries))
    if not agrees:
        print("the server's verification disagrees: %s" % json.dumps(server))
    return 1


if __name__ == "__main__":
    sys.exit(main())
