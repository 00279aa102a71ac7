#include "server/server_config.h"

#include <filesystem>

namespace wiedza::server {

std::string validate(const ServerConfig& c) {
  if (c.db_path.empty()) return "--db (WIEDZA_DB) is required";
  if (!std::filesystem::is_directory(c.db_path)) return "--db " + c.db_path + ": no such database directory";
  if (c.host.empty()) return "--host must not be empty";
  if (c.port < 0 || c.port > 65535) return "--port must be 0-65535 (got " + std::to_string(c.port) + ")";
  if (c.threads < 1 || c.threads > 256) return "--threads must be 1-256 (got " + std::to_string(c.threads) + ")";
  if (c.max_connections < 1 || c.max_connections > 10000) {
    return "--max-connections must be 1-10000 (got " + std::to_string(c.max_connections) + ")";
  }
  for (const auto& [flag, value] : {std::pair{"--idle-timeout", c.idle_timeout},
                                    std::pair{"--header-timeout", c.header_timeout},
                                    std::pair{"--request-timeout", c.request_timeout}}) {
    if (!(value >= 0.1 && value <= 3600)) {
      return std::string(flag) + " must be 0.1-3600 seconds (got " + std::to_string(value) + ")";
    }
  }
  if (!(c.slow_request_ms >= 0 && c.slow_request_ms <= 3600000)) {
    return "--slow-request-ms must be 0-3600000 (got " + std::to_string(c.slow_request_ms) + ")";
  }
  for (const std::string& o : c.cors_origins) {
    const bool scheme = o.rfind("http://", 0) == 0 || o.rfind("https://", 0) == 0;
    const std::size_t after_scheme = o.find("://") + 3;
    if (!scheme || o.find('/', after_scheme) != std::string::npos || o.size() <= after_scheme) {
      return "--cors-origin '" + o + "' must be an origin like https://portal.example.pl (scheme and host, no path)";
    }
  }
  if (!c.corpus_dir.empty() && !std::filesystem::is_directory(c.corpus_dir)) {
    return "--corpus " + c.corpus_dir + ": no such directory";
  }
  if (!c.tokens_path.empty() && !std::filesystem::is_regular_file(c.tokens_path)) {
    return "--tokens " + c.tokens_path + ": no such file";
  }
  if (c.analytics_retention_days < 1 || c.analytics_retention_days > 3650) {
    return "--retention-days must be 1-3650 (got " + std::to_string(c.analytics_retention_days) + ")";
  }
  for (const auto& [flag, value] : {std::pair{"--cache-results", c.cache_results},
                                    std::pair{"--cache-documents", c.cache_documents}}) {
    if (value < 0 || value > 1000000) {
      return std::string(flag) + " must be 0-1000000 entries (got " + std::to_string(value) + ")";
    }
  }
  return "";
}

std::string state_file(const ServerConfig& c) {
  if (!c.state_path.empty()) return c.state_path;
  std::string db = c.db_path;
  while (db.size() > 1 && db.back() == '/') db.pop_back();
  return db + ".state.sqlite";
}

}  // namespace wiedza::server
