#include "search/facet_counts.h"

#include <algorithm>
#include <unordered_map>

#include "search/schema.h"

namespace wiedza {
namespace {

struct Facet {
  const char* name;
  Xapian::valueno slot;
};
constexpr Facet kFacetSlots[] = {
    {"category", schema::kSlotCategory}, {"unit", schema::kSlotUnit}, {"kind", schema::kSlotKind}};

}  // namespace

FacetTable FacetTable::load(const Xapian::Database& db) {
  FacetTable table;
  table.rows_.assign(static_cast<std::size_t>(db.get_lastdocid()) + 1, {});
  for (std::size_t f = 0; f < kFacets; ++f) {
    std::unordered_map<std::string, std::uint32_t> ids;
    for (auto v = db.valuestream_begin(kFacetSlots[f].slot); v != db.valuestream_end(kFacetSlots[f].slot); ++v) {
      const std::string value = *v;
      if (value.empty() || v.get_docid() >= table.rows_.size()) continue;
      auto [it, added] = ids.emplace(value, static_cast<std::uint32_t>(table.names_[f].size() + 1));
      if (added) table.names_[f].push_back(value);
      table.rows_[v.get_docid()][f] = it->second;
    }
  }
  return table;
}

FacetCounts FacetTable::count(const std::vector<Xapian::docid>& docids) const {
  FacetCounts out;
  for (std::size_t f = 0; f < kFacets; ++f) {
    std::vector<Xapian::doccount> counts(names_[f].size() + 1, 0);
    for (Xapian::docid did : docids) {
      if (did < rows_.size()) ++counts[rows_[did][f]];
    }
    std::vector<FacetCount>& list = out[kFacetSlots[f].name];
    for (std::size_t i = 1; i < counts.size(); ++i) {
      if (counts[i] > 0) list.push_back({names_[f][i - 1], counts[i]});
    }
    std::sort(list.begin(), list.end(), [](const FacetCount& a, const FacetCount& b) {
      return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (list.size() > kMaxFacetValues) list.resize(kMaxFacetValues);
  }
  return out;
}

}  // namespace wiedza
