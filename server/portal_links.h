// URLs of the resident portal's pages, built in one place so that every link (facets,
// pagination, "did you mean", results) encodes its parameters the same way.
#pragma once

#include <string>
#include <vector>

namespace wiedza::server {

// Percent-encodes a query-string value (UTF-8 bytes; space as %20).
std::string url_encode(const std::string& value);

struct SearchLink {
  std::string query;
  std::vector<std::string> categories;  // kept as filters
  std::size_t offset = 0;
  std::size_t limit = 0;  // 0: the default page size, left out of the URL
};

// "/szukaj?q=…&category=…&offset=…"
std::string search_url(const SearchLink& link);
// The first page of a query, with the given category filters.
std::string search_url(const std::string& query, const std::vector<std::string>& categories = {});
// "/artykul/{id}"
std::string article_url(const std::string& id);

}  // namespace wiedza::server
