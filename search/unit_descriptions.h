// Which units' names and descriptions mention the words of a query: routing evidence
// that does not depend on any article.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "search/analysis/analyzer.h"
#include "search/directory.h"
#include "search/query_builder.h"

namespace wiedza {

// Built once per directory; immutable.
class UnitDescriptions {
 public:
  UnitDescriptions() = default;
  UnitDescriptions(const Directory& directory, analysis::Analyzer& analyzer);
  // Share of the query's content words each unit's description (and name) contains.
  std::unordered_map<std::string, double> match(const std::vector<QueryWord>& words) const;

 private:
  std::unordered_map<std::string, std::vector<std::string>> terms_;  // unit -> sorted terms
};

}  // namespace wiedza
