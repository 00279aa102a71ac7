// Brings a Xapian database in line with a corpus: adds new articles, replaces changed
// ones, deletes those whose files disappeared, leaves unchanged and invalid ones alone.
// All of it is atomic (one transaction, or a new database swapped in): readers see the old
// revision or the new one, never a mix, and a run killed midway leaves the previous
// revision intact.
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
  bool full_build = false;        // the index was built anew (indexer/full_build.h)
  unsigned threads = 1;           // threads that analysed and wrote articles

  std::string to_string() const;
};

// Called as articles are processed: (done, total).
using ProgressFn = std::function<void(std::size_t, std::size_t)>;

struct SyncOptions {
  ProgressFn progress;
  // How long to wait for another writer (a server applying an edit) to let go of the index.
  std::chrono::milliseconds lock_wait{0};
  // Threads for a full build (indexer/full_build.h); 0: one per core.
  unsigned threads = 0;
};

// Creates the database when it does not exist. When no indexed article can be kept (a new
// or empty index, or every article changed, as after a schema or analyser change), the
// whole index is built anew on every core and swapped in (indexer/database_swap.h), with
// the previous versions of invalid articles carried over; otherwise the changes are one
// transaction on the index in place. Throws IndexLockedError when another writer is still
// active after `lock_wait`, and Xapian::Error (or std::filesystem_error) for I/O problems;
// either way the old revision stays intact.
SyncSummary sync_index(const std::string& db_path, const Corpus& corpus, analysis::Analyzer& analyzer,
                       const SyncOptions& options = {});

}  // namespace wiedza
