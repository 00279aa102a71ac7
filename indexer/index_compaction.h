// Compacting a database in place after a full build (`wiedza index --compact`). Xapian's
// compaction writes every table anew with full blocks and no free space: 17-28% smaller on
// the scale benchmark's corpora, no change in query time (benchmarks/RESULTS.md, "Scale").
//
// The database's write lock is held from before the copy until the copy has replaced the
// original, so no edit can land in the old copy and be lost. The replacement is two
// renames: a reader that reopens in between finds no database for an instant (the server
// answers 503 and the next request succeeds), and a crash in between leaves both
// directories, which the next `wiedza index` (or compaction) puts back. Changesets
// kept for replication are not carried over: replicas take a full copy next time.
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

// Puts back a database a crash left between the two renames; returns true when it did.
bool recover_interrupted_compaction(const std::string& db_path);

}  // namespace wiedza
