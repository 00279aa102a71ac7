// Settings of `wiedza serve`. Read from flags, environment variables (WIEDZA_*) and an
// optional config file, in that order of precedence (CLI11 does the reading), then
// validated once by validate().
#pragma once

#include <string>
#include <vector>

namespace wiedza::server {

struct ServerConfig {
  std::string db_path;
  std::string host = "127.0.0.1";  // loopback unless asked otherwise
  int port = 8080;                 // 0 picks a free port (printed at start)
  int threads = 8;            // searches running at once (each has its own Searcher)
  int max_connections = 256;  // HTTP worker threads; an open keep-alive connection holds one
  std::vector<std::string> cors_origins;  // exact origins allowed to call the API cross-origin
  // Requests slower than this are still answered; the access log flags them.
  double slow_request_ms = 100;
};

// Returns "" when the configuration is usable, else a message naming the setting and
// what is wrong with it.
std::string validate(const ServerConfig& config);

}  // namespace wiedza::server
