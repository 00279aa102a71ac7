#include "server/analytics_import.h"

#include "search/directory.h"

namespace wiedza::server {
namespace {

ApiError bad(const std::string& field, const std::string& reason) {
  return {400, "invalid_import", "field '" + field + "' " + reason};
}

nlohmann::json optional_text(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

bool is_int(const nlohmann::json& j, const char* key) { return j.contains(key) && j[key].is_number_integer(); }

// A row's id must be one its node gives.
std::optional<ApiError> check_id(const nlohmann::json& row, const std::string& field, int node) {
  if (!is_int(row, "id")) return bad(field + ".id", "is required (a whole number)");
  const std::int64_t id = row["id"].get<std::int64_t>();
  const std::int64_t first = static_cast<std::int64_t>(node) * kIdsPerNode;
  if (id <= first || id > first + kIdsPerNode) {
    return bad(field + ".id", "must lie in node " + std::to_string(node) + "'s range (" + std::to_string(first + 1) +
                                  " to " + std::to_string(first + kIdsPerNode) + "), got " + std::to_string(id));
  }
  return std::nullopt;
}

std::variant<SearchRecord, ApiError> parse_search(const nlohmann::json& row, const std::string& field, int node) {
  if (!row.is_object()) return bad(field, "must be an object");
  if (auto e = check_id(row, field, node)) return *e;
  if (!is_int(row, "time")) return bad(field + ".time", "is required (unix seconds)");
  if (!row.contains("query") || !row["query"].is_string()) return bad(field + ".query", "is required (text)");
  if (!is_int(row, "total") || row["total"].get<std::int64_t>() < 0) {
    return bad(field + ".total", "is required (a result count, 0 or more)");
  }
  SearchRecord r{row["id"].get<std::int64_t>(), row["time"].get<std::int64_t>(), row["query"].get<std::string>(),
                 row["total"].get<std::int64_t>(), std::nullopt};
  if (r.query.size() > 1000) return bad(field + ".query", "is longer than 1000 bytes");
  if (row.contains("top_id") && !row["top_id"].is_null()) {
    if (!row["top_id"].is_string() || !is_valid_id(row["top_id"].get<std::string>())) {
      return bad(field + ".top_id", "must be an article id or null");
    }
    r.top_id = row["top_id"].get<std::string>();
  }
  return r;
}

std::variant<FeedbackRecord, ApiError> parse_feedback_row(const nlohmann::json& row, const std::string& field,
                                                          int node) {
  if (!row.is_object()) return bad(field, "must be an object");
  if (auto e = check_id(row, field, node)) return *e;
  if (!is_int(row, "time")) return bad(field + ".time", "is required (unix seconds)");
  FeedbackRecord f;
  f.id = row["id"].get<std::int64_t>();
  f.time = row["time"].get<std::int64_t>();
  if (row.contains("search_id") && !row["search_id"].is_null()) {
    if (!row["search_id"].is_number_integer() || row["search_id"].get<std::int64_t>() < 1) {
      return bad(field + ".search_id", "must be a search id or null");
    }
    f.search_id = row["search_id"].get<std::int64_t>();
  }
  if (!row.contains("article") || !row["article"].is_string() || !is_valid_id(row["article"].get<std::string>())) {
    return bad(field + ".article", "is required (an article id)");
  }
  f.article = row["article"].get<std::string>();
  const auto event = row.contains("event") && row["event"].is_string()
                         ? parse_feedback_event(row["event"].get<std::string>())
                         : std::nullopt;
  if (!event) return bad(field + ".event", "must be open, helpful or unhelpful");
  f.event = *event;
  if (row.contains("source") && !row["source"].is_null()) {
    const bool known = row["source"].is_string() &&
                       (row["source"].get<std::string>() == "console" || row["source"].get<std::string>() == "portal");
    if (!known) return bad(field + ".source", "must be console, portal or null");
    f.source = row["source"].get<std::string>();
  }
  return f;
}

// Parses one of the two arrays with `parse_row`, appending to `out`.
template <class Row, class Parse>
std::optional<ApiError> parse_rows(const nlohmann::json& j, const char* key, int node, Parse parse_row,
                                   std::vector<Row>& out) {
  if (!j.contains(key)) return std::nullopt;
  if (!j[key].is_array()) return bad(key, "must be an array");
  if (j[key].size() > kMaxImportRows) {
    return bad(key, "has " + std::to_string(j[key].size()) + " rows; at most " + std::to_string(kMaxImportRows) +
                        " per request");
  }
  for (std::size_t i = 0; i < j[key].size(); ++i) {
    auto row = parse_row(j[key][i], std::string(key) + "[" + std::to_string(i) + "]", node);
    if (auto* e = std::get_if<ApiError>(&row)) return *e;
    out.push_back(std::get<Row>(std::move(row)));
  }
  return std::nullopt;
}

}  // namespace

nlohmann::json import_batch_json(const ImportBatch& batch) {
  nlohmann::json searches = nlohmann::json::array();
  for (const SearchRecord& r : batch.searches) {
    searches.push_back(
        {{"id", r.id}, {"time", r.time}, {"query", r.query}, {"total", r.total}, {"top_id", optional_text(r.top_id)}});
  }
  nlohmann::json feedback = nlohmann::json::array();
  for (const FeedbackRecord& f : batch.feedback) {
    feedback.push_back({{"id", f.id},
                        {"time", f.time},
                        {"search_id", f.search_id ? nlohmann::json(*f.search_id) : nlohmann::json(nullptr)},
                        {"article", f.article},
                        {"event", to_string(f.event)},
                        {"source", optional_text(f.source)}});
  }
  return {{"node", batch.node}, {"searches", std::move(searches)}, {"feedback", std::move(feedback)}};
}

std::variant<ImportBatch, ApiError> parse_import_batch(const std::string& body) {
  const nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded()) return ApiError{400, "invalid_json", "the request body is not valid JSON"};
  if (!j.is_object()) return ApiError{400, "invalid_json", "the request body must be a JSON object"};
  if (!is_int(j, "node") || j["node"].get<std::int64_t>() < 1 || j["node"].get<std::int64_t>() > kMaxNode) {
    return bad("node", "is required: the replica's --node-id, 1-" + std::to_string(kMaxNode));
  }
  ImportBatch batch;
  batch.node = j["node"].get<int>();
  if (auto e = parse_rows(j, "searches", batch.node, parse_search, batch.searches)) return *e;
  if (auto e = parse_rows(j, "feedback", batch.node, parse_feedback_row, batch.feedback)) return *e;
  return batch;
}

}  // namespace wiedza::server
