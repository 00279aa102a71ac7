#!/usr/bin/env python3
"""Generate a Polish corpus of N articles from the bundled one, for scale benchmarks.

Each article recombines paragraphs of two to four source articles of one category (so
text stays on one topic, as a real base's does), takes its unit from the first of them
and a title built from that article's title and a place. New words appear as the corpus
grows, as in real text (Heaps' law, vocabulary ~ K * n^0.6): made-up street, estate and
surname-like names drawn from Polish syllables, which the dictionary does not know,
like the proper names of a real city. The same seed and N give the same corpus, byte for
byte; sizes share their prefix (the first 10,000 articles of 50,000 are the 10,000 ones).

usage: generate_corpus.py SOURCE_CORPUS TARGET_DIR N [--seed S]
"""
import argparse
import json
import os
import random
import shutil

DISTRICTS = ["Stare Miasto", "Grzegórzki", "Prądnik Czerwony", "Prądnik Biały", "Krowodrza", "Bronowice",
             "Zwierzyniec", "Dębniki", "Łagiewniki-Borek Fałęcki", "Swoszowice", "Podgórze Duchackie",
             "Bieżanów-Prokocim", "Podgórze", "Czyżyny", "Mistrzejowice", "Bieńczyce", "Wzgórza Krzesławickie",
             "Nowa Huta"]
SYLLABLES = ["bra", "cho", "dzie", "gro", "kra", "li", "ma", "no", "pia", "rze", "sko", "ta", "wie", "zo", "łu",
             "szy", "ci", "den", "mie", "sto", "ja", "ko", "wa", "ry"]
SUFFIXES = ["ska", "skiego", "owa", "ów", "ice", "ach", "owej", "ińska"]
PLACES = ["ul.", "os.", "al.", "pl.", "rondo"]


def new_word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() + rng.choice(SUFFIXES)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source")
    parser.add_argument("target")
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    articles_dir = os.path.join(args.target, "articles")
    os.makedirs(articles_dir, exist_ok=True)
    for name in ("units.json", "categories.json", "synonyms.txt"):
        path = os.path.join(args.source, name)
        if os.path.exists(path):
            shutil.copy(path, os.path.join(args.target, name))
    names = sorted(f for f in os.listdir(os.path.join(args.source, "articles")) if f.endswith(".json"))
    originals = [json.load(open(os.path.join(args.source, "articles", f), encoding="utf-8")) for f in names]
    by_category = {}
    for a in originals:
        by_category.setdefault(a["category"], []).append(a)

    vocabulary = []  # invented names so far; grows like n^0.6
    for i in range(args.n):
        base = originals[i % len(originals)] if i < len(originals) else rng.choice(originals)
        if i < len(originals):
            # The first copy of every source article is the article itself.
            article = dict(base)
        else:
            while len(vocabulary) < int(3 * (i + 1) ** 0.6):
                vocabulary.append(new_word(rng))
            peers = by_category[base["category"]]
            sources = [base] + [rng.choice(peers) for _ in range(rng.randint(1, 3))]
            paragraphs = []
            for s in sources:
                ps = s["body"].split("\n\n")
                start = rng.randrange(len(ps))
                paragraphs += ps[start:start + rng.randint(1, 3)]
            place = f"{rng.choice(PLACES)} {rng.choice(vocabulary)}"
            district = rng.choice(DISTRICTS)
            paragraphs.insert(rng.randint(0, len(paragraphs)),
                              f"Dotyczy także mieszkańców dzielnicy {district}, w tym okolic {place} "
                              f"i osiedla {rng.choice(vocabulary)}.")
            article = dict(base)
            article["id"] = f"{base['id']}-g{i}"
            article["title"] = f"{base['title']} ({district}, {place})"
            article["body"] = "\n\n".join(paragraphs)
            keywords = list(base.get("keywords", []))
            article["keywords"] = keywords + [rng.choice(vocabulary).lower()]
        with open(os.path.join(articles_dir, article["id"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(article, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
