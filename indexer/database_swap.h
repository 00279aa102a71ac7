// Replacing a database directory with a new one under the same path: how a compacted copy
// (`wiedza index --compact`) and a database built anew from the whole corpus (a full
// build, indexer/full_build.h) take the place of the one readers have open.
//
// The new database is written beside the old one, at replacement_path(db), while the old
// one's write lock is held, so no edit can land in the old copy and be lost. The swap is two
// renames: a reader that reopens in between finds no database for an instant (the server
// answers 503 and the next request succeeds), and a crash in between leaves both
// directories, which recover_interrupted_swap() (run by every `wiedza index`) puts back.
// Readers notice the new directory and open it (search/searcher.h). Changesets kept for
// replication are not carried over: replicas take a full copy next time.
#pragma once

#include <string>

#include <xapian.h>

namespace wiedza {

// Where the new database is written before it is swapped in: DB + ".replacement".
std::string replacement_path(const std::string& db_path);
// Scratch space for whatever builds the replacement (a full build's shards):
// DB + ".replacement-work". Removed with a crashed replacement.
std::string replacement_work_path(const std::string& db_path);

// Renames db_path aside and replacement_path(db_path) into its place, closes `lock` (the old
// database's writer, held by the caller since before the replacement was written), then
// removes the old database. On failure the old database is put back (or left) in place,
// `lock` stays open and the exception propagates.
void swap_in_replacement(const std::string& db_path, Xapian::WritableDatabase& lock);

// Puts back a database a crash left between the two renames and removes what a crash left
// half-written beside it; returns true when a database had to be put back.
bool recover_interrupted_swap(const std::string& db_path);

}  // namespace wiedza
