#!/usr/bin/env bash
# Lucene 8 + Morfologik on the corpora benchmarks/scale.sh measures Wiedza on (same
# generator, same seed, same 435 dev queries), for the side-by-side table in
# benchmarks/RESULTS.md ("Scale"). Needs Debian's liblucene8-java,
# libmorfologik-stemming2-java and a JDK (installed here when apt is available).
#   benchmarks/lucene/run.sh [SIZES...]      default: 1000 10000 50000
# Per size: indexing wall time and articles/s (single-threaded IndexWriter, one commit),
# peak memory, index size, and warm query p50/p99 single-threaded for bare BM25, + snippets
# (UnifiedHighlighter on the body), + facets (category/unit/kind over every match) and all.
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000)
if ! command -v javac >/dev/null || ! ls /usr/share/java/lucene-analyzers-morfologik-*.jar >/dev/null 2>&1; then
  apt-get install -y --no-install-recommends default-jdk-headless liblucene8-java libmorfologik-stemming2-java time >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp="$work/classes"
for jar in lucene-core lucene-analyzers-common lucene-analyzers-morfologik lucene-queryparser lucene-highlighter \
           lucene-queries lucene-memory morfologik-stemming morfologik-fsa morfologik-polish; do
  # Debian ships Lucene's jars with the version in the name, Morfologik's also without.
  cp+=":$({ ls /usr/share/java/"$jar".jar /usr/share/java/"$jar"-[0-9]*.jar 2>/dev/null || true; } | head -1)"
done
mkdir -p "$work/classes"
javac -nowarn -d "$work/classes" -cp "$cp" benchmarks/lucene/LuceneScale.java
python3 -c "import json,sys; [print(json.loads(l)['query']) for l in open('corpus/queries/dev.jsonl')]" >"$work/queries.txt"
echo "| articles | index s | articles/s | peak MB | index MB | bare p50 / p99 ms | + snippets | + facets | all |"
echo "|---|---|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  python3 benchmarks/generate_corpus.py corpus "$work/corpus" "$n"
  python3 benchmarks/lucene/articles_tsv.py "$work/corpus" "$work/articles.tsv"
  /usr/bin/time -f "%e %M" -o "$work/time" java -cp "$cp" LuceneScale index "$work/articles.tsv" "$work/index" >/dev/null
  read -r secs peak_kb <"$work/time"
  size=$(awk -v b="$(du -sb "$work/index" | cut -f1)" 'BEGIN {printf "%.1f", b / 1048576}')
  row="| $n | $secs | $(awk -v n="$n" -v s="$secs" 'BEGIN {printf "%.0f", n / s}') | $((peak_kb / 1024)) | $size |"
  for mode in bare snippets facets all; do
    row+=" $(java -cp "$cp" LuceneScale query "$work/index" "$work/queries.txt" 3 "$mode" | awk '{print $6 " / " $8}') |"
  done
  echo "$row"
  rm -rf "$work/corpus" "$work/index" "$work/articles.tsv"
done
