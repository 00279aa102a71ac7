#include "search/facet_counts.h"

#include <algorithm>
#include <unordered_map>

#include "search/schema.h"

namespace wiedza {

FacetCounts count_facets(const Xapian::Database& db, std::vector<Xapian::docid> docids) {
  struct Facet {
    const char* name;
    Xapian::valueno slot;
  };
  static constexpr Facet kFacets[] = {
      {"category", schema::kSlotCategory}, {"unit", schema::kSlotUnit}, {"kind", schema::kSlotKind}};
  // A value stream is read forwards: ascending docids let each skip_to move on from the last.
  std::sort(docids.begin(), docids.end());
  FacetCounts out;
  for (const Facet& f : kFacets) {
    std::unordered_map<std::string, Xapian::doccount> counts;
    auto v = db.valuestream_begin(f.slot);
    const auto end = db.valuestream_end(f.slot);
    for (Xapian::docid did : docids) {
      if (v == end) break;
      v.skip_to(did);
      if (v != end && v.get_docid() == did && !(*v).empty()) ++counts[*v];
    }
    std::vector<FacetCount>& list = out[f.name];
    for (auto& [value, n] : counts) list.push_back({value, n});
    std::sort(list.begin(), list.end(), [](const FacetCount& a, const FacetCount& b) {
      return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (list.size() > kMaxFacetValues) list.resize(kMaxFacetValues);
  }
  return out;
}

}  // namespace wiedza
