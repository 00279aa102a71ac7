// The resident portal's HTML pages (docs/api.md, "Resident portal"): rendered on the
// server from the core's results so they work without JavaScript. Pure functions of
// their inputs; all text is escaped, snippets come pre-escaped with only <mark> added.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "search/answer.h"

namespace wiedza::server {

// /szukaj without a query: the form and a few words on how to search.
std::string render_search_form_page();

struct SearchPage {
  const SearchRequest& request;
  const Answer& answer;  // the page's hits, routing and the unit to contact without a hint
  const Directory& directory;
  LocalTime now;  // for the contact card's "open now"
};
std::string render_search_page(const SearchPage& page);

// /artykul/{id}: the stored article (as Searcher::article returns it).
std::string render_article_page(const nlohmann::json& stored, const Directory& directory, const LocalTime& now);

// Status pages (404: unknown article or page; 400: a query the search cannot take).
std::string render_not_found_page();
std::string render_bad_request_page();

}  // namespace wiedza::server
