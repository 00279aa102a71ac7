// Errors as values with the HTTP status chosen by the layer that knows; rendered as
// {"error": {"code": "...", "message": "..."}}.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "search/error.h"

namespace wiedza::server {

struct ApiError {
  int status;
  std::string code;     // stable, machine-readable: "bad_request", "not_found", ...
  std::string message;  // for people, in English
  nlohmann::json details = nullptr;  // e.g. every validation error: [{"file","field","reason"}]

  nlohmann::json to_json() const {
    nlohmann::json error = {{"code", code}, {"message", message}};
    if (!details.is_null()) error["details"] = details;
    return {{"error", error}};
  }

  static ApiError bad_request(std::string message) { return {400, "bad_request", std::move(message)}; }
  static ApiError not_found(std::string message) { return {404, "not_found", std::move(message)}; }
};

// The one place where the core's error codes become HTTP statuses and the codes
// docs/api.md documents.
ApiError to_api_error(const Error& error);

}  // namespace wiedza::server
