// Facet counts (category, unit, kind) over a given set of matches, read from the value
// slots the indexer fills (search/schema.h). The searcher passes the best matches of the
// ranking rather than attaching a MatchSpy: a spy must see every match, which forbids
// Xapian's early termination and made facets most of a search's cost at 50,000 articles
// (benchmarks/RESULTS.md, "Scale").
#pragma once

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

namespace wiedza {

struct FacetCount {
  std::string value;
  Xapian::doccount count;
};

// "category", "unit", "kind" -> the values the documents carry, most frequent first (ties
// by value), at most kMaxFacetValues each; empty values are left out.
using FacetCounts = std::map<std::string, std::vector<FacetCount>>;
inline constexpr std::size_t kMaxFacetValues = 100;

FacetCounts count_facets(const Xapian::Database& db, std::vector<Xapian::docid> docids);

}  // namespace wiedza
