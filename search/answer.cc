#include "search/answer.h"

#include <algorithm>

namespace wiedza {
namespace {

std::string best_matching_unit(const SearchResult& result, const UnitDescriptions& descriptions) {
  const auto matches = descriptions.match(result.words);
  auto best = std::max_element(matches.begin(), matches.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second < b.second : a.first > b.first;
  });
  return best == matches.end() || best->second <= 0 ? std::string() : best->first;
}

}  // namespace

Answer answer(Searcher& searcher, const SearchRequest& request, const RoutingOptions& routing) {
  Answer a;
  a.result = searcher.search(request);
  const IndexResources& resources = searcher.resources();
  a.routing = route(a.result, resources.directory, resources.unit_descriptions, routing);
  if (!a.routing) a.contact_unit = best_matching_unit(a.result, resources.unit_descriptions);
  return a;
}

}  // namespace wiedza
