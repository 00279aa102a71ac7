// Handlers of the resident portal's HTML pages: parse, call the core exactly as the API
// does (same Searcher, same routing), render server-side (portal_pages.h).
#pragma once

#include <httplib.h>

#include <functional>

#include "server/search_analytics.h"
#include "server/searcher_pool.h"

namespace wiedza::server {

// HTML with the portal's headers: no caching of pages that carry a query (it may hold
// personal data), a Content-Security-Policy that allows nothing from other origins and
// no inline scripts or styles, and no Referer leaving the site.
void send_html(httplib::Response& res, const std::string& html, int status = 200);

// True for a browser asking for a page (not an API client): unknown pages then get the
// Polish 404 page instead of a JSON error.
bool wants_html(const httplib::Request& req);
void send_not_found_page(httplib::Response& res);

// /widget.js: combobox.js and widget.js inside one function (docs/api.md, "Embeddable
// search box"), loadable from any page.
void send_widget(httplib::Response& res);

struct PortalHandlers {
  SearcherPool& pool;
  SearchAnalytics* analytics = nullptr;  // a submitted search is recorded, as the API's are
  std::function<LocalTime()> local_time;  // now in Europe/Warsaw, for units' opening hours

  void search_page(const httplib::Request& req, httplib::Response& res) const;
  void article_page(const httplib::Request& req, httplib::Response& res) const;
};

}  // namespace wiedza::server
