#include "search/unit_descriptions.h"

#include <algorithm>

namespace wiedza {

UnitDescriptions::UnitDescriptions(const Directory& directory, analysis::Analyzer& analyzer) {
  for (const auto& [id, unit] : directory.units) {
    std::vector<std::string> terms;
    for (const auto& t : analyzer.analyze(unit.name + " " + unit.description).tokens) {
      terms.insert(terms.end(), t.terms.begin(), t.terms.end());
    }
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    terms_[id] = std::move(terms);
  }
}

std::unordered_map<std::string, double> UnitDescriptions::match(const std::vector<QueryWord>& words) const {
  std::unordered_map<std::string, double> out;
  std::size_t content = 0;
  for (const QueryWord& w : words) content += w.stop ? 0 : 1;
  if (content == 0) return out;
  for (const auto& [unit, unit_terms] : terms_) {
    const auto& terms = unit_terms;  // a lambda may not capture a structured binding in clang 14
    std::size_t matched = 0;
    for (const QueryWord& w : words) {
      if (w.stop) continue;
      bool hit = std::any_of(w.alternatives.begin(), w.alternatives.end(),
                             [&](const std::string& a) { return std::binary_search(terms.begin(), terms.end(), a); });
      matched += hit ? 1 : 0;
    }
    if (matched > 0) out[unit] = static_cast<double>(matched) / static_cast<double>(content);
  }
  return out;
}

}  // namespace wiedza
