// Compacting a database in place (`wiedza index --compact`). Xapian's compaction writes
// every table anew with full blocks and no free space: 17-28% smaller on the scale
// benchmark's corpora, no change in query time (benchmarks/RESULTS.md, "Scale"). A full
// build (indexer/full_build.h) is compacted already; this is for an index that edits and
// incremental runs have grown.
//
// The compacted copy takes the database's place by indexer/database_swap.h, with the
// write lock held from before the copy until the swap.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace wiedza {

struct CompactionSummary {
  std::uintmax_t bytes_before = 0;
  std::uintmax_t bytes_after = 0;
};

// Throws IndexLockedError when another writer keeps the lock past `lock_wait`,
// std::runtime_error naming the path for anything it cannot do (not a database directory,
// a replica's copy, disk full), Xapian::Error from the compaction itself. On any failure
// the original database is in place.
CompactionSummary compact_in_place(const std::string& db_path, std::chrono::milliseconds lock_wait);

}  // namespace wiedza
