// Brings a Xapian database in line with a corpus: adds new articles, replaces changed
// ones, deletes those whose files disappeared, leaves unchanged and invalid ones alone.
// All of it is one transaction: readers see the old revision or the new one, never a mix,
// and a run killed midway leaves the previous revision intact.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>

#include "indexer/corpus_reader.h"
#include "indexer/writable_index.h"
#include "search/analysis/analyzer.h"

namespace wiedza {

struct SyncSummary {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t deleted = 0;
  std::size_t invalid = 0;
  bool metadata_changed = false;  // units, categories, synonyms or the analyser changed
  // The analyser differs from the one that built the index (Analyzer::fingerprint):
  // every article was analysed again.
  bool analysis_changed = false;
  std::string previous_analysis;  // its fingerprint before ("" for an index without one)
  std::string analysis;           // the fingerprint now
  bool committed = false;         // false when there was nothing to write

  std::string to_string() const;
};

// Called as articles are processed: (done, total).
using ProgressFn = std::function<void(std::size_t, std::size_t)>;

// Creates the database when it does not exist. Throws IndexLockedError when another
// writer is still active after `lock_wait`, and Xapian::Error for I/O problems (the old
// revision stays intact).
SyncSummary sync_index(const std::string& db_path, const Corpus& corpus, analysis::Analyzer& analyzer,
                       const ProgressFn& progress = {},
                       std::chrono::milliseconds lock_wait = std::chrono::milliseconds(0));

}  // namespace wiedza
