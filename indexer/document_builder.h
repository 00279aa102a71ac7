// Turns a validated Article into the Xapian document described in search/schema.h.
// This is the indexing half of the analyser symmetry: every word goes through the same
// Analyzer the query builder uses.
#pragma once

#include <string>

#include <xapian.h>

#include "search/analysis/analyzer.h"
#include "search/article.h"
#include "search/digest.h"

namespace wiedza {

// `unit` is the article's handling unit (its id and name are indexed in the unit field);
// may be null.
Xapian::Document build_document(const Article& article, const Unit* unit, analysis::Analyzer& analyzer);

// Digest of everything that decides how the article is indexed: its stored JSON, its
// unit's name, the schema version and the analyser's fingerprint
// (analysis::Analyzer::fingerprint). Equal digests mean the document need not be
// rewritten.
std::string content_hash(const Article& article, const Unit* unit, const std::string& analysis);

}  // namespace wiedza
