// JSON shapes of the HTTP API (docs/api.md).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "search/answer.h"
#include "search/search_json.h"
#include "search/suggester.h"

namespace wiedza::server {

// The /api/search response: results, answer confidence, routing hint, facets.
// `now`: the local time units' opening hours are judged at.
nlohmann::json search_response(const Answer& answer, const Directory& directory, double took_ms, const LocalTime& now);

// The whole article with its unit (full contact card) and category.
nlohmann::json article_response(const nlohmann::json& stored, const Directory& directory, const LocalTime& now);

nlohmann::json suggestions_response(const std::vector<Suggestion>& suggestions);

}  // namespace wiedza::server
