// Writing a whole corpus into a new database on every core: what sync_index does when no
// indexed article can be kept (a new index, or a schema or analyser change that makes
// every article be analysed again).
//
// The articles are split into contiguous ranges, one per thread. Each thread analyses its
// range with an Analyzer of its own (they are not thread-safe) into a scratch database of
// its own, committing every kShardBatch articles: Xapian's in-memory inverter slows down as
// it grows, and its default of flushing every 10,000 documents made a 10,000-article
// build twice as slow as flushing every 1,000 (benchmarks/RESULTS.md, "Scale"). Xapian's
// compaction then merges the shards into one compact database, in corpus order, in a few
// seconds even at 50,000 articles.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "indexer/corpus_reader.h"
#include "search/analysis/analyzer.h"

namespace wiedza {

inline constexpr std::size_t kShardBatch = 1000;
// Fewer articles than this per thread are not worth loading another dictionary for.
inline constexpr std::size_t kMinArticlesPerThread = 1000;

// How many threads a full build of `articles` uses when asked for `requested` (0: one per
// core).
unsigned full_build_threads(unsigned requested, std::size_t articles);

// Writes corpus.articles[i] for every i in `articles`, in that order, into a new database
// at `target` (which must not exist), using `scratch_dir` (removed afterwards) for the
// shards. `analyzer` serves the first thread; the others load the same dictionary.
// `written` is called on the calling thread, a few times a second and at the end, with
// the number of articles written so far. On failure (Xapian::Error, or what analysing
// threw) the first error propagates once every thread has stopped; `target` and
// `scratch_dir` are then removed.
void build_merged_database(const std::string& target, const std::string& scratch_dir, const Corpus& corpus,
                           const std::vector<std::size_t>& articles, analysis::Analyzer& analyzer, unsigned threads,
                           const std::function<void(std::size_t)>& written);

}  // namespace wiedza
