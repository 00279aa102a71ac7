#include "server/server_config.h"

#include <filesystem>

#include "server/analytics_store.h"

namespace wiedza::server {
namespace {

bool is_http_base_url(const std::string& url) {
  if (url.rfind("http://", 0) != 0) return false;
  const std::string rest = url.substr(7);
  const std::size_t colon = rest.rfind(':');
  if (colon == std::string::npos || colon == 0 || rest.find('/') != std::string::npos) return false;
  const std::string port = rest.substr(colon + 1);
  return !port.empty() && port.size() <= 5 && port.find_first_not_of("0123456789") == std::string::npos;
}

std::string validate_replication(const ServerConfig& c) {
  if (c.changesets < 0 || c.changesets > 100000) {
    return "--changesets must be 0-100000 (got " + std::to_string(c.changesets) + ")";
  }
  if (c.replica_of.empty()) {
    if (c.node_id != 0) return "--node-id is for replicas (give --replica-of too); the primary is node 0";
    if (!c.forward_token_path.empty()) return "--forward-token is for replicas (give --replica-of too)";
    return "";
  }
  if (!is_http_base_url(c.replica_of)) {
    return "--replica-of '" + c.replica_of + "' must be the primary's base URL, like http://127.0.0.1:8080";
  }
  if (!c.tokens_path.empty() || !c.corpus_dir.empty()) {
    return "--replica-of: a replica takes no edits; give --tokens and --corpus to the primary";
  }
  if (c.changesets != 0) return "--changesets is for the primary; a replica's copy is written by xapian-replicate";
  if (c.node_id < 1 || c.node_id > kMaxNode) {
    return "--replica-of needs --node-id 1-" + std::to_string(kMaxNode) +
           ", different on every replica (it keeps the ids of forwarded searches apart; got " +
           std::to_string(c.node_id) + ")";
  }
  if (c.forward_token_path.empty()) {
    return "--replica-of needs --forward-token FILE: a \"name token\" line the primary's --tokens file also has, "
           "to forward searches and feedback to it";
  }
  if (!std::filesystem::is_regular_file(c.forward_token_path)) {
    return "--forward-token " + c.forward_token_path + ": no such file";
  }
  return "";
}

}  // namespace

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
  if (std::string problem = validate_replication(c); !problem.empty()) return problem;
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
