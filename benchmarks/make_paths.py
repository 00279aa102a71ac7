#!/usr/bin/env python3
"""Writes request paths for the load test from a judged query file.

usage: make_paths.py QUERIES.jsonl search|suggest|page > paths.txt
search:  /api/search?q=<query>
page:    /szukaj?q=<query> (the resident portal's server-rendered results page)
suggest: /api/suggest?q=<each prefix of the query's first words, as typed>
"""
import json
import sys
import urllib.parse

queries = [json.loads(l)["query"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
for q in queries:
    if sys.argv[2] == "search":
        print("/api/search?q=" + urllib.parse.quote(q))
    elif sys.argv[2] == "page":
        print("/szukaj?q=" + urllib.parse.quote(q))
    else:
        # What a resident's browser sends while typing: growing prefixes.
        for n in range(2, min(len(q), 16) + 1, 2):
            print("/api/suggest?q=" + urllib.parse.quote(q[:n]))
