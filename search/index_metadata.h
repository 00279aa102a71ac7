// The routing directory as stored in the index's metadata (schema.h kMetaUnits,
// kMetaCategories). One reader and one writer, shared by the searcher, `wiedza index`
// and the server's edits, so the stored form cannot drift between them.
#pragma once

#include <cstdint>

#include <xapian.h>

#include "search/directory.h"

namespace wiedza {

Directory read_directory_metadata(const Xapian::Database& db);
void write_directory_metadata(Xapian::WritableDatabase& db, const Directory& directory);

// Every writer calls this just before it commits (schema.h, kMetaCommittedAt).
void stamp_commit_time(Xapian::WritableDatabase& db);
// Unix milliseconds of the revision's commit; 0 for an index written before the stamp.
std::int64_t read_commit_time(const Xapian::Database& db);

}  // namespace wiedza
