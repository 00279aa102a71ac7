// The routing directory as stored in the index's metadata (schema.h kMetaUnits,
// kMetaCategories). One reader and one writer, shared by the searcher, `wiedza index`
// and the server's edits, so the stored form cannot drift between them.
#pragma once

#include <xapian.h>

#include "search/directory.h"

namespace wiedza {

Directory read_directory_metadata(const Xapian::Database& db);
void write_directory_metadata(Xapian::WritableDatabase& db, const Directory& directory);

}  // namespace wiedza
