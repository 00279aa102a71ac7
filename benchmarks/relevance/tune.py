#!/usr/bin/env python3
"""Coordinate-descent tuning of ranking options on one or more judged query sets.

usage: tune.py WIEDZA_BINARY DB:QUERIES.jsonl [DB:QUERIES.jsonl ...] [--rounds N]
                [--tolerance T] [--start NAME=VALUE ...]

For each option in turn, tries the listed values with the others fixed. A value is
taken only when it raises the mean nDCG@10 over all sets AND lowers no set by more than
the tolerance (default 0.005): a default that helps one set and hurts another is not a
default. Ties keep the current value. Every trial is printed, so the choice is
reviewable; the chosen values are then written into search/ranking_options.h by hand,
with the before/after tables in benchmarks/RESULTS.md.

Typical use (the bundled set and the real questions of ../shared/eval/allegro-faq):
  build/wiedza index corpus --db /tmp/bundled
  build/wiedza index ../shared/eval/allegro-faq/corpus --db /tmp/allegro
  benchmarks/relevance/tune.py build/wiedza /tmp/bundled:corpus/queries/dev.jsonl \\
      /tmp/allegro:../shared/eval/allegro-faq/queries-dev.jsonl
"""
import argparse
import json
import subprocess

GRID = {
    "body_weight": [0.7, 1, 1.5],
    "fields_weight": [1.5, 2, 2.5, 3],
    "stem_weight": [1.5, 2, 2.5, 3, 3.5],
    "short_stem_weight": [0, 1, 1.5, 2, 2.5],
    "exact_weight": [0, 0.5, 1, 1.5],
    "typo_weight": [0.3, 0.6, 1],
    "synonym_weight": [0.4, 0.6, 0.8, 1.2],
    "proximity_weight": [0, 0.25, 0.5, 1],
    "bm25_k1": [0.9, 1.2, 1.6],
    "bm25_b": [0.5, 0.75, 0.9],
}


def evaluate(binary, judged_set, options):
    db, queries = judged_set.split(":", 1)
    args = [binary, "eval", "--db", db, queries, "--json", "--worst", "0"]
    for k, v in options.items():
        args += ["--rank", f"{k}={v}"]
    report = json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)
    return report["overall"]["ndcg@10"]


def scores(binary, sets, options):
    return [evaluate(binary, s, options) for s in sets]


def fmt(values):
    return " ".join(f"{v:.4f}" for v in values)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("sets", nargs="+", help="DB:QUERIES.jsonl")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--tolerance", type=float, default=0.005)
    parser.add_argument("--start", nargs="*", default=[], help="NAME=VALUE: start away from the defaults")
    args = parser.parse_args()

    current = {}
    for assignment in args.start:
        name, value = assignment.split("=", 1)
        current[name] = float(value)
    best = scores(args.binary, args.sets, current)
    print(f"start: {fmt(best)} mean {sum(best) / len(best):.4f} {current}", flush=True)
    for r in range(args.rounds):
        for name, values in GRID.items():
            for v in values:
                if current.get(name) == v:
                    continue
                trial = dict(current, **{name: v})
                got = scores(args.binary, args.sets, trial)
                better = sum(got) > sum(best) + 1e-4 * len(got)
                harmless = all(g >= b - args.tolerance for g, b in zip(got, best))
                mark = "taken" if better and harmless else ""
                print(f"  round {r + 1} {name}={v}: {fmt(got)} mean {sum(got) / len(got):.4f} {mark}", flush=True)
                if better and harmless:
                    best, current = got, trial
            print(f"round {r + 1} {name} -> {current.get(name, 'default')} ({fmt(best)})", flush=True)
    print("best:", json.dumps(current), fmt(best))


if __name__ == "__main__":
    main()
