// Handlers of the content-gaps feature: feedback from the console and the portal, and
// the editors' report. Kept apart from ApiHandlers so search stays a thin read path.
#pragma once

#include <httplib.h>

#include <string>

#include "server/editor_tokens.h"
#include "server/search_analytics.h"
#include "server/searcher_pool.h"

namespace wiedza::server {

struct AnalyticsHandlers {
  SearcherPool& pool;
  SearchAnalytics& analytics;
  const EditorTokens* tokens;  // null: the server is read-only (the report answers 403)
  std::string db_path;         // the index, for the articles' `updated` dates

  // POST /api/feedback {"article", "event", "search_id"?, "source"?} -> 204.
  void feedback(const httplib::Request& req, httplib::Response& res) const;
  // GET /api/admin/report?days=7&limit=20 with an editor's bearer token.
  void report(const httplib::Request& req, httplib::Response& res) const;
  // POST /api/analytics/import: a replica's forwarded rows (analytics_import.h), with a
  // bearer token from --tokens -> 200 {"searches": n, "feedback": m}.
  void import_batch(const httplib::Request& req, httplib::Response& res) const;

 private:
  // Checks the bearer token; on failure sends the error and returns false.
  bool authorised(const httplib::Request& req, httplib::Response& res) const;
};

}  // namespace wiedza::server
