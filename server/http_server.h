// The HTTP server: the search API, the consultant console, health and metrics.
// Every route is registered in one function (http_server.cc: register_routes) so the
// whole API is visible on one screen; handlers are thin and call the core.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "server/editing_service.h"
#include "server/editor_tokens.h"
#include "server/metrics.h"
#include "server/replication_status.h"
#include "server/routes.h"
#include "server/search_analytics.h"
#include "server/searcher_pool.h"
#include "server/server_config.h"

namespace httplib {
class Server;
}

namespace wiedza::server {

class HttpServer {
 public:
  // Opens the database once and reads the tokens file, to fail early with a clear
  // message (std::runtime_error).
  explicit HttpServer(ServerConfig config, RankingOptions ranking = {});
  ~HttpServer();

  // Binds the listening socket; returns the port (useful with port 0). Throws
  // std::runtime_error when the address cannot be bound.
  int bind();
  // Serves until stop(); in-flight requests are finished before it returns.
  void run();
  // Stops accepting connections and writes the recorded searches and feedback still
  // queued (the destructor writes what in-flight requests add after). Safe to call from
  // another thread.
  void stop();
  // False when started without a tokens file: every write is refused.
  bool writable() const { return tokens_.has_value(); }
  // The listening socket's accept queue length as the kernel applies it (after bind()).
  int listen_backlog() const;

  // Connections the kernel queues before the accept loop takes them. Debian's httplib is
  // a compiled library that listens with a backlog of 5, so a burst of new connections
  // (64 clients reconnecting) overflowed the queue: dropped SYNs are retried after 1 s,
  // which showed as a p99 of 0.2-1 s and client timeouts. bind() raises it.
  static constexpr int kListenBacklog = 1024;

 private:
  void register_routes();
  // On a replica, every route that writes or serves editors answers 421 naming the primary.
  void refuse_writes_on_replica();

  ServerConfig config_;
  std::optional<EditorTokens> tokens_;
  SearcherPool pool_;
  std::unique_ptr<EditingService> editing_;  // null when read-only
  Metrics metrics_;
  std::unique_ptr<SearchAnalytics> analytics_;  // searches and feedback (state file)
  // A replica's view of its primary and its analytics forwarding (null on the primary);
  // declared after analytics_ so they stop before it.
  std::unique_ptr<PrimaryWatch> primary_watch_;
  std::unique_ptr<AnalyticsForwarder> forwarder_;
  ReplicationStatus replication_;
  std::unique_ptr<httplib::Server> http_;
  int listen_socket_ = -1;  // recorded by the socket-options hook while binding
  std::vector<Route> routes_;  // built once by register_routes; httplib's handlers point into it
};

}  // namespace wiedza::server
