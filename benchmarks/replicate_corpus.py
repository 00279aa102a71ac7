#!/usr/bin/env python3
"""Replicate a corpus to N articles for scale benchmarks.

Copies units.json and categories.json, then writes N articles cycling over the source
articles. Copy k of an article gets the id "<id>-k<k>" and its paragraphs rotated by k,
so documents differ in order and length normalisation stays realistic.

usage: replicate_corpus.py SOURCE_CORPUS TARGET_DIR N
"""
import json
import os
import shutil
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    source, target, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    articles_dir = os.path.join(target, "articles")
    os.makedirs(articles_dir, exist_ok=True)
    for name in ("units.json", "categories.json"):
        shutil.copy(os.path.join(source, name), os.path.join(target, name))
    src = sorted(f for f in os.listdir(os.path.join(source, "articles")) if f.endswith(".json"))
    originals = [json.load(open(os.path.join(source, "articles", f), encoding="utf-8")) for f in src]
    for i in range(n):
        a = dict(originals[i % len(originals)])
        k = i // len(originals)
        if k:
            a["id"] = f"{a['id']}-k{k}"
            paragraphs = a["body"].split("\n\n")
            r = k % len(paragraphs)
            a["body"] = "\n\n".join(paragraphs[r:] + paragraphs[:r])
        with open(os.path.join(articles_dir, a["id"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(a, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
