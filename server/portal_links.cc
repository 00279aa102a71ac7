#include "server/portal_links.h"

namespace wiedza::server {

std::string url_encode(const std::string& value) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                            c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

std::string search_url(const SearchLink& link) {
  std::string url = "/szukaj?q=" + url_encode(link.query);
  for (const std::string& c : link.categories) url += "&category=" + url_encode(c);
  if (link.limit != 0) url += "&limit=" + std::to_string(link.limit);
  if (link.offset != 0) url += "&offset=" + std::to_string(link.offset);
  return url;
}

std::string search_url(const std::string& query, const std::vector<std::string>& categories) {
  return search_url(SearchLink{query, categories, 0, 0});
}

std::string article_url(const std::string& id) { return "/artykul/" + url_encode(id); }

}  // namespace wiedza::server
