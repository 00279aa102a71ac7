#include "server/api_handlers.h"

#include <chrono>

#include "search/answer.h"
#include "server/api_json.h"
#include "server/request_params.h"
#include "server/web_assets.h"

namespace wiedza::server {

void send_json(httplib::Response& res, const nlohmann::json& body, int status) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  // Invalid UTF-8 can only come from stored data; replace rather than throw.
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, const ApiError& error) { send_json(res, error.to_json(), error.status); }

void serve_asset(const std::string& path, httplib::Response& res) {
  const WebAsset* asset = find_web_asset(path);
  if (asset == nullptr) {
    send_error(res, ApiError::not_found("no such file: " + path));
    return;
  }
  res.set_header("Cache-Control", "no-cache");
  res.set_content(asset->data, asset->size, content_type_for(path).c_str());
}

void ApiHandlers::search(const httplib::Request& req, httplib::Response& res) const {
  const auto started = std::chrono::steady_clock::now();
  auto params = parse_search_params(req);
  if (auto* e = std::get_if<ApiError>(&params)) return send_error(res, *e);
  auto searcher = pool.acquire();
  const Answer a = answer(*searcher, std::get<SearchRequest>(params));
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  nlohmann::json body = search_response(a, searcher->directory(), ms, local_time());
  body["search_id"] = record_search(analytics, req, std::get<SearchRequest>(params), a.result);
  send_json(res, body);
}

// Only a first page is a new search (further pages of it would count it twice); the
// editors' page asks with record=false so editing does not show up as residents'
// questions, and so do the console and the portal while a query is still being typed.
nlohmann::json record_search(SearchAnalytics* analytics, const httplib::Request& req, const SearchRequest& request,
                             const SearchResult& result) {
  if (analytics == nullptr || request.offset != 0 || req.get_param_value("record") == "false") return nullptr;
  auto id = analytics->record_search(request.query, static_cast<std::int64_t>(result.total),
                                     result.hits.empty() ? std::nullopt : std::optional(result.hits.front().id));
  return id ? nlohmann::json(*id) : nlohmann::json();
}

void ApiHandlers::suggest(const httplib::Request& req, httplib::Response& res) const {
  auto params = parse_suggest_params(req);
  if (auto* e = std::get_if<ApiError>(&params)) return send_error(res, *e);
  const auto& p = std::get<SuggestParams>(params);
  auto searcher = pool.acquire();
  send_json(res, suggestions_response(searcher->resources().suggester.suggest(p.prefix, p.limit)));
}

void ApiHandlers::article(const httplib::Request& req, httplib::Response& res) const {
  const std::string id = req.matches[1];
  auto searcher = pool.acquire();
  auto stored = searcher->article(id);
  if (!stored) return send_error(res, ApiError::not_found("no article with id '" + id + "'"));
  send_json(res, article_response(*stored, searcher->directory(), local_time()));
}

void ApiHandlers::units(const httplib::Request&, httplib::Response& res) const {
  nlohmann::json units = nlohmann::json::array();
  const LocalTime now = local_time();
  for (const auto& [id, u] : pool.acquire()->directory().units) units.push_back(unit_json(u, now));
  send_json(res, {{"units", std::move(units)}});
}

void ApiHandlers::categories(const httplib::Request&, httplib::Response& res) const {
  send_json(res, {{"categories", categories_to_json(pool.acquire()->directory().categories)}});
}

void ApiHandlers::health(const httplib::Request&, httplib::Response& res) const {
  auto s = pool.acquire();
  const IndexVersion served{s->database(), static_cast<std::int64_t>(s->revision())};
  nlohmann::json body = {
      {"status", "ok"}, {"documents", s->document_count()}, {"database", served.database}, {"revision", served.revision}};
  if (replication != nullptr) body.update(replication->health(served, s->committed_at()));
  send_json(res, body);
}

void ApiHandlers::metrics(const httplib::Request&, httplib::Response& res) const {
  auto s = pool.acquire();
  std::string text = metrics_registry.render(s->document_count(), s->revision(), pool.cache_stats());
  if (replication != nullptr) {
    text += replication->metrics({s->database(), static_cast<std::int64_t>(s->revision())}, s->committed_at());
  }
  res.set_content(text, "text/plain; version=0.0.4");
}

}  // namespace wiedza::server
