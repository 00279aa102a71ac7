#include "server/request_params.h"

#include <charconv>
#include <string_view>

#include <httplib.h>

#include "search/analysis/text_folding.h"
#include "search/json_fields.h"

namespace wiedza::server {
namespace {

std::optional<ApiError> check_text(const std::string& name, const std::string& value) {
  if (!analysis::is_valid_utf8(value)) return ApiError::bad_request("parameter '" + name + "' is not valid UTF-8");
  return std::nullopt;
}

// Filters may be repeated (?unit=a&unit=b) or comma-separated (?unit=a,b).
std::variant<std::vector<std::string>, ApiError> list_param(const httplib::Request& req, const std::string& name) {
  std::vector<std::string> out;
  const std::size_t n = req.get_param_value_count(name.c_str());
  for (std::size_t i = 0; i < n; ++i) {
    const std::string v = req.get_param_value(name.c_str(), i);
    if (auto e = check_text(name, v)) return *e;
    std::size_t start = 0;
    while (start <= v.size()) {
      std::size_t comma = v.find(',', start);
      if (comma == std::string::npos) comma = v.size();
      std::string item = trim(v.substr(start, comma - start));
      if (!item.empty()) out.push_back(item);
      start = comma + 1;
    }
  }
  return out;
}

}  // namespace

// Split at the first '=' only: httplib's parser keeps what follows the last one, so an
// unencoded '=' in a query ("q=wzor=wniosku") lost every word before it.
std::string text_param(const httplib::Request& req, const std::string& name) {
  const std::size_t question = req.target.find('?');
  if (question == std::string::npos) return req.get_param_value(name.c_str());
  std::string_view rest = std::string_view(req.target).substr(question + 1);
  while (!rest.empty()) {
    const std::size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    const std::size_t eq = pair.find('=');
    if (httplib::detail::decode_url(std::string(pair.substr(0, eq)), true) == name) {
      return eq == std::string_view::npos ? "" : httplib::detail::decode_url(std::string(pair.substr(eq + 1)), true);
    }
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
  return "";
}

std::variant<std::size_t, ApiError> number_param(const httplib::Request& req, const std::string& name,
                                                 std::size_t fallback, long long min, long long max) {
  if (!req.has_param(name.c_str())) return fallback;
  const std::string v = req.get_param_value(name.c_str());
  long long n = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || ptr != v.data() + v.size()) {
    return ApiError::bad_request("parameter '" + name + "' must be a whole number (got '" + v + "')");
  }
  if (n < min || n > max) {
    return ApiError::bad_request("parameter '" + name + "' must be between " + std::to_string(min) + " and " +
                                 std::to_string(max) + " (got " + v + ")");
  }
  return static_cast<std::size_t>(n);
}


std::size_t utf8_length(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::variant<SearchRequest, ApiError> parse_search_params(const httplib::Request& req) {
  SearchRequest r;
  r.facets = true;
  if (!req.has_param("q")) return ApiError::bad_request("parameter 'q' is required");
  r.query = text_param(req, "q");
  if (auto e = check_text("q", r.query)) return *e;
  if (trim(r.query).empty()) return ApiError::bad_request("parameter 'q' must not be empty");
  if (utf8_length(r.query) > kMaxQueryChars) {
    return ApiError::bad_request("parameter 'q' is longer than " + std::to_string(kMaxQueryChars) + " characters");
  }
  auto limit = number_param(req, "limit", 10, 1, kMaxLimit);
  if (auto* e = std::get_if<ApiError>(&limit)) return *e;
  r.limit = std::get<std::size_t>(limit);
  auto offset = number_param(req, "offset", 0, 0, 10000);
  if (auto* e = std::get_if<ApiError>(&offset)) return *e;
  r.offset = std::get<std::size_t>(offset);
  for (auto [name, target] : {std::pair{"category", &r.categories}, {"unit", &r.units}, {"kind", &r.kinds}}) {
    auto list = list_param(req, name);
    if (auto* e = std::get_if<ApiError>(&list)) return *e;
    *target = std::get<std::vector<std::string>>(list);
  }
  for (const std::string& k : r.kinds) {
    if (k != "informacja" && k != "sprawa" && k != "interwencja") {
      return ApiError::bad_request("parameter 'kind' must be informacja, sprawa or interwencja (got '" + k + "')");
    }
  }
  return r;
}

std::variant<SuggestParams, ApiError> parse_suggest_params(const httplib::Request& req) {
  SuggestParams p;
  if (!req.has_param("q")) return ApiError::bad_request("parameter 'q' is required");
  p.prefix = text_param(req, "q");
  if (auto e = check_text("q", p.prefix)) return *e;
  if (utf8_length(p.prefix) > kMaxQueryChars) {
    return ApiError::bad_request("parameter 'q' is longer than " + std::to_string(kMaxQueryChars) + " characters");
  }
  auto limit = number_param(req, "limit", 8, 1, 20);
  if (auto* e = std::get_if<ApiError>(&limit)) return *e;
  p.limit = std::get<std::size_t>(limit);
  return p;
}

std::variant<AuditParams, ApiError> parse_audit_params(const httplib::Request& req) {
  AuditParams p;
  auto limit = number_param(req, "limit", p.limit, 1, 500);
  if (auto* e = std::get_if<ApiError>(&limit)) return *e;
  auto offset = number_param(req, "offset", 0, 0, 1000000000);
  if (auto* e = std::get_if<ApiError>(&offset)) return *e;
  p.limit = std::get<std::size_t>(limit);
  p.offset = std::get<std::size_t>(offset);
  p.target_type = req.get_param_value("type");
  p.target_id = req.get_param_value("id");
  if (!p.target_type.empty() && p.target_type != "article" && p.target_type != "unit" && p.target_type != "category" &&
      p.target_type != "corpus") {
    return ApiError::bad_request("parameter 'type' must be article, unit, category or corpus (got '" + p.target_type +
                                 "')");
  }
  if (auto e = check_text("id", p.target_id)) return *e;
  return p;
}

}  // namespace wiedza::server
