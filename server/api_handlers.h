// Thin handlers: parse and validate the request, call the core, map the result to JSON.
#pragma once

#include <httplib.h>

#include <functional>

#include "server/api_error.h"
#include "server/editor_tokens.h"
#include "server/metrics.h"
#include "server/replication_status.h"
#include "server/search_analytics.h"
#include "server/searcher_pool.h"

namespace wiedza::server {

void send_json(httplib::Response& res, const nlohmann::json& body, int status = 200);
void send_error(httplib::Response& res, const ApiError& error);
void serve_asset(const std::string& path, httplib::Response& res);

struct ApiHandlers {
  SearcherPool& pool;
  Metrics& metrics_registry;
  const EditorTokens* tokens;  // null: the server is read-only
  SearchAnalytics* analytics = nullptr;  // null: searches are not recorded (search_id null)
  std::function<LocalTime()> local_time;  // now in Europe/Warsaw, for units' opening hours
  const ReplicationStatus* replication = nullptr;  // role and lag for /healthz and /metrics

  void search(const httplib::Request& req, httplib::Response& res) const;
  void suggest(const httplib::Request& req, httplib::Response& res) const;
  void article(const httplib::Request& req, httplib::Response& res) const;
  void units(const httplib::Request& req, httplib::Response& res) const;
  void categories(const httplib::Request& req, httplib::Response& res) const;
  void health(const httplib::Request& req, httplib::Response& res) const;
  void metrics(const httplib::Request& req, httplib::Response& res) const;
};

// Records a search in the editors' analytics when it is a new one (a first page, not
// asked with record=false) and returns its id for feedback, or null. The API and the
// server-rendered portal page both call it.
nlohmann::json record_search(SearchAnalytics* analytics, const httplib::Request& req, const SearchRequest& request,
                             const SearchResult& result);

}  // namespace wiedza::server
