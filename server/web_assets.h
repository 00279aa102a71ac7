// The web console's files, compiled into the binary (cmake/embed_assets.cmake) so that
// the server works offline with nothing but its database.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wiedza::server {

struct WebAsset {
  const char* path;  // "/console.html", "/console.js", ...
  const char* data;
  std::size_t size;
};

const std::vector<WebAsset>& web_assets();

inline const WebAsset* find_web_asset(std::string_view path) {
  for (const WebAsset& a : web_assets()) {
    if (path == a.path) return &a;
  }
  return nullptr;
}

inline std::string content_type_for(std::string_view path) {
  if (path.size() >= 5 && path.substr(path.size() - 5) == ".html") return "text/html; charset=utf-8";
  if (path.size() >= 3 && path.substr(path.size() - 3) == ".js") return "text/javascript; charset=utf-8";
  if (path.size() >= 4 && path.substr(path.size() - 4) == ".css") return "text/css; charset=utf-8";
  if (path.size() >= 4 && path.substr(path.size() - 4) == ".svg") return "image/svg+xml";
  return "application/octet-stream";
}

}  // namespace wiedza::server
