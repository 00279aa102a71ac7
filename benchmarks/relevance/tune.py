#!/usr/bin/env python3
"""Coordinate-descent tuning of ranking options on a judged query set.

usage: tune.py WIEDZA_BINARY DB QUERIES.jsonl [ROUNDS]

For each option in turn, tries the listed values with the others fixed and keeps the
best by overall nDCG@10 (ties keep the current value). Prints every trial, so the
choice is reviewable; the chosen values are then written into search/ranking_options.h
by hand, with the before/after table in benchmarks/RESULTS.md.
"""
import json
import subprocess
import sys

GRID = {
    "title_weight": [1.5, 2, 3, 4, 5, 6],
    "summary_weight": [0.5, 1, 1.5, 2, 3],
    "keywords_weight": [0.5, 1, 2, 3, 4],
    "body_weight": [0.5, 0.75, 1, 1.5],
    "unit_weight": [0, 0.25, 0.5, 1],
    "exact_weight": [0, 0.15, 0.3, 0.6, 1],
    "typo_weight": [0.3, 0.45, 0.6, 0.8, 1],
    "synonym_weight": [0.4, 0.6, 0.8, 1, 1.2],
    "proximity_weight": [0, 0.25, 0.5, 1],
    "bm25_k1": [0.6, 0.9, 1.2, 1.6, 2.0],
    "bm25_b": [0.3, 0.5, 0.75, 0.9],
}
# The starting point: the defaults in search/ranking_options.h.
DEFAULTS = {"title_weight": 1.5, "summary_weight": 1, "keywords_weight": 2, "body_weight": 1, "unit_weight": 0.5,
            "exact_weight": 1, "typo_weight": 0.6, "synonym_weight": 0.6, "proximity_weight": 0.5,
            "bm25_k1": 0.6, "bm25_b": 0.3}


def evaluate(binary, db, queries, options):
    args = [binary, "eval", "--db", db, queries, "--json", "--worst", "0"]
    for k, v in options.items():
        args += ["--rank", f"{k}={v}"]
    report = json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)
    return report["overall"]["ndcg@10"], report


def main():
    binary, db, queries = sys.argv[1:4]
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    current = dict(DEFAULTS)
    best, _ = evaluate(binary, db, queries, current)
    print(f"start: nDCG@10 {best:.4f} {current}", flush=True)
    for r in range(rounds):
        for name, values in GRID.items():
            for v in values:
                if v == current[name]:
                    continue
                trial = dict(current, **{name: v})
                score, _ = evaluate(binary, db, queries, trial)
                print(f"  round {r + 1} {name}={v}: {score:.4f}", flush=True)
                if score > best + 1e-4:
                    best, current = score, trial
            print(f"round {r + 1} {name} -> {current[name]} (nDCG@10 {best:.4f})", flush=True)
    print("best:", json.dumps(current), f"nDCG@10 {best:.4f}")


if __name__ == "__main__":
    main()
