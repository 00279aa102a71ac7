// Settings of `wiedza serve`. Read from flags, environment variables (WIEDZA_*) and an
// optional config file, in that order of precedence (CLI11 does the reading), then
// validated once by validate().
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "search/cache_options.h"

namespace wiedza::server {

struct ServerConfig {
  std::string db_path;
  std::string host = "127.0.0.1";  // loopback unless asked otherwise
  int port = 8080;                 // 0 picks a free port (printed at start)
  int threads = 8;            // searches running at once (each has its own Searcher)
  int max_connections = 1024;  // connections handled at once, one thread each (server/guarded_server.h)
  // Connection deadlines in seconds (docs/operations.md, "Limits"): a new connection must
  // start a request within idle_timeout; a request's line and headers must arrive within
  // header_timeout, the whole request within request_timeout.
  double idle_timeout = 5;
  double header_timeout = 10;
  double request_timeout = 60;
  std::vector<std::string> cors_origins;  // exact origins allowed to call the API cross-origin
  // Requests slower than this are still answered; their access-log line says "slow":true,
  // so a log search finds them without parsing durations.
  double slow_request_ms = 100;

  // Editing (docs/operations.md, "Editing live"; docs/api.md, "Editing"). Without a tokens file the server is read-only.
  std::string tokens_path;
  // The corpus directory this database is built from: POST /api/reindex reads it, and
  // edits made through the API are written back to it. Optional.
  std::string corpus_dir;
  // SQLite file for the audit trail and search analytics; "" means "<db>.state.sqlite"
  // next to the database directory.
  std::string state_path;
  int analytics_retention_days = 30;  // searches and feedback older than this are deleted

  // Replication (docs/operations.md, "Replicas"). A primary keeps this many changesets in
  // its database directory for xapian-replicate (0: none; a replica then copies the whole
  // database after every change).
  int changesets = 0;
  // Set on a replica: the primary's base URL (http://host:port). The replica serves its
  // local copy read-only, refuses writes naming the primary, reports how far behind it
  // is, and forwards its searches and feedback to the primary.
  std::string replica_of;
  // The id range of this node's analytics (server/analytics_store.h): 0 on the primary,
  // 1-999 and different on every replica.
  int node_id = 0;
  // A replica's "name token" file: one of the primary's --tokens lines, used to forward
  // analytics.
  std::string forward_token_path;

  // Per-revision caches (search/index_resources.h), in entries; 0 turns one off.
  long cache_results = static_cast<long>(CacheOptions{}.results);
  long cache_documents = static_cast<long>(CacheOptions{}.documents);

  // The time units' opening hours are judged at; null is the system clock. Not a flag:
  // tests set it to see a card at 17:22 on a Wednesday.
  std::function<std::chrono::system_clock::time_point()> clock;
};

// The state file actually used (state_path or its default).
std::string state_file(const ServerConfig& config);

// Returns "" when the configuration is usable, else a message naming the setting and
// what is wrong with it.
std::string validate(const ServerConfig& config);

}  // namespace wiedza::server
