#include "server/portal_handlers.h"

#include "search/answer.h"
#include "search/json_fields.h"
#include "server/api_handlers.h"
#include "server/portal_pages.h"
#include "server/request_params.h"
#include "server/routes.h"
#include "server/web_assets.h"

namespace wiedza::server {

void send_html(httplib::Response& res, const std::string& html, int status) {
  res.status = status;
  set_security_headers(RouteKind::kPage, res);
  res.set_header("Cache-Control", "no-store");
  res.set_content(html, "text/html; charset=utf-8");
}

bool wants_html(const httplib::Request& req) {
  return req.path.rfind("/api/", 0) != 0 && req.get_header_value("Accept").find("text/html") != std::string::npos;
}

void send_not_found_page(httplib::Response& res) { send_html(res, render_not_found_page(), 404); }

void send_widget(httplib::Response& res) {
  static const std::string script = [] {
    std::string out = "(function () {\n";
    for (const char* part : {"/combobox.js", "/widget.js"}) {
      const WebAsset* a = find_web_asset(part);
      out.append(a->data, a->size);
    }
    return out + "})();\n";
  }();
  res.set_header("Cache-Control", "no-cache");
  // Pages that isolate themselves (Cross-Origin-Embedder-Policy) may still load it.
  res.set_header("Cross-Origin-Resource-Policy", "cross-origin");
  res.set_content(script, "text/javascript; charset=utf-8");
}

void PortalHandlers::search_page(const httplib::Request& req, httplib::Response& res) const {
  if (trim(text_param(req, "q")).empty()) return send_html(res, render_search_form_page());
  // The same validation as /api/search, so the page and the API accept the same queries.
  auto params = parse_search_params(req);
  if (std::holds_alternative<ApiError>(params)) return send_html(res, render_bad_request_page(), 400);
  const SearchRequest& request = std::get<SearchRequest>(params);
  auto searcher = pool.acquire();
  const Answer a = answer(*searcher, request);
  record_search(analytics, req, request, a.result);
  send_html(res, render_search_page({request, a, searcher->directory(), local_time()}));
}

void PortalHandlers::article_page(const httplib::Request& req, httplib::Response& res) const {
  const std::string id = req.matches[1];
  auto searcher = pool.acquire();
  auto stored = searcher->article(id);
  if (!stored) return send_not_found_page(res);
  send_html(res, render_article_page(*stored, searcher->directory(), local_time()));
}

}  // namespace wiedza::server
