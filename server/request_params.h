// Validation of query-string parameters: every bad value becomes a 400 with the
// parameter's name and the reason.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include <httplib.h>

#include "search/searcher.h"
#include "server/api_error.h"

namespace wiedza::server {

inline constexpr std::size_t kMaxQueryChars = 500;
inline constexpr std::size_t kMaxLimit = 100;

// A text parameter as the client sent it ("" when absent), form-decoded, the value being
// everything after the first '=' (an unencoded '=' belongs to the text).
std::string text_param(const httplib::Request& req, const std::string& name);

// /api/search parameters -> SearchRequest (facets on).
std::variant<SearchRequest, ApiError> parse_search_params(const httplib::Request& req);

struct SuggestParams {
  std::string prefix;
  std::size_t limit = 8;
};
std::variant<SuggestParams, ApiError> parse_suggest_params(const httplib::Request& req);

// /api/admin/audit: limit (1-500, default 50), offset, type, id.
struct AuditParams {
  std::size_t limit = 50;
  std::size_t offset = 0;
  std::string target_type;  // "" = all
  std::string target_id;    // "" = all
};
std::variant<AuditParams, ApiError> parse_audit_params(const httplib::Request& req);

// A whole-number parameter within [min, max] (`fallback` when absent), or a 400 naming it.
std::variant<std::size_t, ApiError> number_param(const httplib::Request& req, const std::string& name,
                                                 std::size_t fallback, long long min, long long max);

// Number of Unicode code points in valid UTF-8.
std::size_t utf8_length(const std::string& s);

}  // namespace wiedza::server
