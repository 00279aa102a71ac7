// Facet counts (category, unit, kind) over a given set of matches. The searcher passes the
// best matches of the ranking rather than attaching a MatchSpy: a spy must see every
// match, which forbids Xapian's early termination and made facets most of a search's cost
// at 50,000 articles (benchmarks/RESULTS.md, "Scale"). The values come from a FacetTable
// read once per revision from the value slots the indexer fills (search/schema.h):
// counting a thousand matches is then a thousand array reads, not three value-stream walks
// through the index.
#pragma once

#include <array>
#include <cstdint>
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

// Each document's category, unit and kind, by document id. Immutable once loaded, so one
// instance serves every thread on the same revision (IndexResources::facets).
class FacetTable {
 public:
  FacetTable() = default;
  static FacetTable load(const Xapian::Database& db);

  // Counts over `docids` (any order; ids the table does not know are skipped).
  FacetCounts count(const std::vector<Xapian::docid>& docids) const;

 private:
  static constexpr std::size_t kFacets = 3;  // category, unit, kind
  // names_[f][i - 1] is value i of facet f; 0 in a row means none.
  std::vector<std::string> names_[kFacets];
  std::vector<std::array<std::uint32_t, kFacets>> rows_;  // indexed by docid
};

}  // namespace wiedza
