#!/usr/bin/env python3
"""Writes a corpus's articles as one TSV line each for benchmarks/lucene/LuceneScale.java:
id, title, summary, keywords, body, category, unit, kind (tabs, newlines, backslashes escaped),
so that the Java side needs no JSON library and its indexing time is Lucene's alone."""
import json
import pathlib
import sys


def escape(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def main(corpus, out):
    with open(out, "w", encoding="utf-8") as f:
        for path in sorted(pathlib.Path(corpus, "articles").glob("*.json")):
            a = json.loads(path.read_text(encoding="utf-8"))
            fields = [a["id"], a.get("title", ""), a.get("summary", ""), "\n".join(a.get("keywords", [])),
                      a.get("body", ""), a.get("category", ""), a.get("unit", ""), a.get("kind", "")]
            f.write("\t".join(escape(x) for x in fields) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: articles_tsv.py CORPUS_DIR OUT.tsv")
    main(sys.argv[1], sys.argv[2])
