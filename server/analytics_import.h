// The body of POST /api/analytics/import (docs/api.md), written by a replica's
// AnalyticsForwarder and read by the primary: one writer and one reader, so the two sides
// cannot drift. Every row keeps the id its node gave it, which must lie in that node's
// range (analytics_store.h, kIdsPerNode).
#pragma once

#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/analytics_store.h"
#include "server/api_error.h"

namespace wiedza::server {

struct ImportBatch {
  int node = 0;
  std::vector<SearchRecord> searches;
  std::vector<FeedbackRecord> feedback;
};

inline constexpr std::size_t kMaxImportRows = 1000;  // of each kind per request

nlohmann::json import_batch_json(const ImportBatch& batch);
// 400 errors name the field ("searches[3].id") and what is wrong with it.
std::variant<ImportBatch, ApiError> parse_import_batch(const std::string& body);

}  // namespace wiedza::server
