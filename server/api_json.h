// JSON shapes of the HTTP API (docs/api.md).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "search/routing.h"
#include "search/searcher.h"
#include "search/suggester.h"

namespace wiedza::server {

// The /api/search response: results, routing hint, facets.
nlohmann::json search_response(const SearchResult& result, const std::optional<RoutingHint>& routing,
                               const Directory& directory, double took_ms);

// {"id","name"} of a unit or category, with the id alone when it is not in the directory.
nlohmann::json unit_ref(const Directory& directory, const std::string& id);
nlohmann::json category_ref(const Directory& directory, const std::string& id);

// The whole article with its unit (full contact card) and category.
nlohmann::json article_response(const nlohmann::json& stored, const Directory& directory);

nlohmann::json suggestions_response(const std::vector<Suggestion>& suggestions);

}  // namespace wiedza::server
