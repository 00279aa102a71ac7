#include "server/analytics_handlers.h"

#include <variant>

#include "search/directory.h"
#include "server/api_handlers.h"
#include "server/analytics_import.h"
#include "server/content_gap_report.h"
#include "server/request_params.h"

namespace wiedza::server {
namespace {

ApiError bad_field(const std::string& field, const std::string& reason) {
  return {400, "invalid_feedback", "field '" + field + "' " + reason};
}

// The body of POST /api/feedback, checked field by field.
std::variant<FeedbackRecord, ApiError> parse_feedback(const std::string& body) {
  const nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded()) return ApiError{400, "invalid_json", "the request body is not valid JSON"};
  if (!j.is_object()) return ApiError{400, "invalid_json", "the request body must be a JSON object"};
  FeedbackRecord f;
  if (!j.contains("article") || !j["article"].is_string()) return bad_field("article", "is required (an article id)");
  f.article = j["article"].get<std::string>();
  if (!is_valid_id(f.article)) return bad_field("article", "must be an article id like 'dowod-osobisty-utrata'");
  if (!j.contains("event") || !j["event"].is_string()) return bad_field("event", "is required (open, helpful or unhelpful)");
  const auto event = parse_feedback_event(j["event"].get<std::string>());
  if (!event) {
    return bad_field("event", "must be open, helpful or unhelpful (got '" + j["event"].get<std::string>() + "')");
  }
  f.event = *event;
  if (j.contains("search_id") && !j["search_id"].is_null()) {
    if (!j["search_id"].is_number_integer() || j["search_id"].get<std::int64_t>() < 1) {
      return bad_field("search_id", "must be the positive whole number a search returned, or absent");
    }
    f.search_id = j["search_id"].get<std::int64_t>();
  }
  if (j.contains("source") && !j["source"].is_null()) {
    const std::string source = j["source"].is_string() ? j["source"].get<std::string>() : "";
    if (source != "console" && source != "portal") return bad_field("source", "must be console or portal, or absent");
    f.source = source;
  }
  return f;
}

}  // namespace

void AnalyticsHandlers::feedback(const httplib::Request& req, httplib::Response& res) const {
  auto parsed = parse_feedback(req.body);
  if (auto* e = std::get_if<ApiError>(&parsed)) return send_error(res, *e);
  FeedbackRecord& f = std::get<FeedbackRecord>(parsed);
  if (!pool.acquire()->article(f.article)) {
    return send_error(res, ApiError::not_found("no article with id '" + f.article + "'"));
  }
  // A full queue drops the event (counted); the client has nothing to retry.
  analytics.record_feedback(std::move(f));
  res.status = 204;
}

void AnalyticsHandlers::import_batch(const httplib::Request& req, httplib::Response& res) const {
  if (!authorised(req, res)) return;
  auto parsed = parse_import_batch(req.body);
  if (auto* e = std::get_if<ApiError>(&parsed)) return send_error(res, *e);
  const ImportBatch& batch = std::get<ImportBatch>(parsed);
  try {
    analytics.import(batch.searches, batch.feedback);
  } catch (const std::exception& e) {
    // Not kept: the replica keeps the rows and sends them again.
    return send_error(res, {500, "write_failed", std::string("the state file could not be written: ") + e.what()});
  }
  send_json(res, {{"searches", batch.searches.size()}, {"feedback", batch.feedback.size()}});
}

bool AnalyticsHandlers::authorised(const httplib::Request& req, httplib::Response& res) const {
  auto editor = authorise(tokens, req.get_header_value("Authorization"));
  if (auto* e = std::get_if<ApiError>(&editor)) {
    if (e->status == 401) res.set_header("WWW-Authenticate", "Bearer");
    send_error(res, *e);
    return false;
  }
  return true;
}

void AnalyticsHandlers::report(const httplib::Request& req, httplib::Response& res) const {
  if (!authorised(req, res)) return;
  auto days = number_param(req, "days", 7, 1, kMaxReportDays);
  if (auto* e = std::get_if<ApiError>(&days)) return send_error(res, *e);
  auto limit = number_param(req, "limit", 20, 1, 100);
  if (auto* e = std::get_if<ApiError>(&limit)) return send_error(res, *e);

  ReportOptions options;
  options.days = static_cast<int>(std::get<std::size_t>(days));
  options.limit = std::get<std::size_t>(limit);
  options.now = analytics.now();
  ReportInput input =
      analytics.read([&](AnalyticsStore& store) { return read_report_input(store, db_path, options); });
  auto searcher = pool.acquire();  // for its analyser: the one search uses
  send_json(res, to_json(build_content_gap_report(input, searcher->analyzer(), options)));
}

}  // namespace wiedza::server
