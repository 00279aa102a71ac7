#!/usr/bin/env python3
"""Replication lag: edit -> searchable on every replica, through the real set-up.

Each round PUTs an article with a word no other article has to the primary and polls
every replica (every 20 ms, record=false) until each finds it. Prints p50/p99/max of
the time until the last replica finds it, and per replica.
    replication_lag.py CLUSTER_DIR [ROUNDS]
"""
import json
import random
import statistics
import sys
import time
import urllib.parse
import urllib.request


def env(cluster_dir):
    values = {}
    with open(f"{cluster_dir}/cluster.env") as f:
        for line in f:
            key, _, value = line.strip().partition("=")
            values[key] = value
    return values


def finds(base, word, article_id):
    url = f"{base}/api/search?" + urllib.parse.urlencode({"q": word, "record": "false"})
    with urllib.request.urlopen(url, timeout=5) as r:
        return any(hit["id"] == article_id for hit in json.load(r)["results"])


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    cluster_dir = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    e = env(cluster_dir)
    replicas = sorted(k for k in e if k.startswith("REPLICA_"))
    letters = "abcdefghijklmnoprstuwyz"
    lags = {k: [] for k in replicas}
    rng = random.Random(7)
    last = []
    for i in range(rounds):
        # A made-up word per round (letters only, so analysis keeps it whole).
        word = "zz" + "".join(letters[(i // len(letters) ** n) % len(letters)] for n in range(3)) + "kwazar"
        article_id = f"lag-{i % 10}"
        body = json.dumps({"id": article_id, "title": f"Pomiar {word}", "body": f"Słowo {word}.",
                           "category": "sprawy-obywatelskie", "unit": "wsa"}).encode()
        request = urllib.request.Request(f"{e['PRIMARY']}/api/articles/{article_id}", data=body, method="PUT",
                                         headers={"Content-Type": "application/json",
                                                  "Authorization": f"Bearer {e['EDITOR_TOKEN']}"})
        start = time.monotonic()
        with urllib.request.urlopen(request, timeout=30) as r:
            r.read()
        pending = set(replicas)
        while pending:
            for k in list(pending):
                if finds(e[k], word, article_id):
                    lags[k].append(time.monotonic() - start)
                    pending.discard(k)
            if time.monotonic() - start > 30:
                sys.exit(f"round {i}: {sorted(pending)} did not find the edit within 30 s")
            time.sleep(0.02)
        last.append(time.monotonic() - start)
        # Edits at random moments (0.3-1.3 s apart), so they do not fall into step with
        # xapian-replicate's one-second polling and measure only one phase of it.
        time.sleep(0.3 + rng.random())
    def line(name, values):
        return (f"{name:<10} p50 {statistics.median(values) * 1000:6.0f} ms   p99 {percentile(values, 99) * 1000:6.0f} ms"
                f"   max {max(values) * 1000:6.0f} ms   ({len(values)} edits)")
    print(line("all", last))
    for k in replicas:
        print(line(k.lower(), lags[k]))


if __name__ == "__main__":
    main()
