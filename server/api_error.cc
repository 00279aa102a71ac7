#include "server/api_error.h"

namespace wiedza::server {
namespace {

struct HttpCode {
  int status;
  const char* code;
};

HttpCode http_code(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArticle: return {400, "invalid_article"};
    case ErrorCode::kInvalidUnit: return {400, "invalid_unit"};
    case ErrorCode::kInvalidCategory: return {400, "invalid_category"};
    case ErrorCode::kInvalidRequest: return {400, "bad_request"};
    case ErrorCode::kNotFound: return {404, "not_found"};
    case ErrorCode::kStillReferenced: return {409, "still_referenced"};
    case ErrorCode::kIndexLocked: return {503, "index_locked"};
    case ErrorCode::kWriteFailed: return {500, "write_failed"};
    case ErrorCode::kCorpusWriteFailed: return {500, "corpus_write_failed"};
  }
  return {500, "internal_error"};  // unreachable while the switch names every code
}

}  // namespace

ApiError to_api_error(const Error& error) {
  const HttpCode http = http_code(error.code);
  ApiError api{http.status, http.code, error.message};
  if (!error.details.empty()) {
    api.details = nlohmann::json::array();
    for (const ValidationError& v : error.details) {
      api.details.push_back({{"file", v.file}, {"field", v.field}, {"reason", v.reason}});
    }
  }
  return api;
}

}  // namespace wiedza::server
