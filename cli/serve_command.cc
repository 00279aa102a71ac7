// `wiedza serve --db DB [--host H] [--port P] [--threads N] [--cors-origin O]...`
#include <pthread.h>
#include <sys/resource.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

#include "cli/commands.h"
#include "server/http_server.h"

namespace wiedza::cli {
namespace {

int run_serve(const server::ServerConfig& config) {
  if (std::string problem = server::validate(config); !problem.empty()) {
    std::cerr << "error: " << problem << "\n";
    return kExitFailure;
  }
  // Xapian writes changesets for replication when this is set as the database is opened
  // for writing; every writer in this process (edits, reindex) opens it after here.
  if (config.changesets > 0) ::setenv("XAPIAN_MAX_CHANGESETS", std::to_string(config.changesets).c_str(), 1);
  // Each connection is a file descriptor, and Debian's default soft limit (1,024) is below
  // --max-connections: accept() would fail and new clients wait. The hard limit is the
  // administrator's; the soft one is ours to raise up to it.
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
  }
  // Block SIGINT/SIGTERM in every thread (the workers inherit the mask); one thread
  // waits for them and stops the server, which finishes in-flight requests.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::unique_ptr<server::HttpServer> srv;
  int port;
  try {
    srv = std::make_unique<server::HttpServer>(config);
    port = srv->bind();
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kExitFailure;
  }
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    std::fprintf(stderr, "{\"event\":\"shutdown\",\"signal\":%d}\n", sig);
    srv->stop();
  });
  const std::string base = "http://" + config.host + ":" + std::to_string(port);
  std::printf("Wiedza is serving %s on %s/ (console)\n  residents: %s/szukaj   editors: %s/admin   API: %s/api/search\n",
              config.db_path.c_str(), base.c_str(), base.c_str(), base.c_str(), base.c_str());
  if (!config.replica_of.empty()) {
    std::printf("Replica %d of %s: read-only; xapian-replicate keeps %s up to date.\n", config.node_id,
                config.replica_of.c_str(), config.db_path.c_str());
  } else if (!srv->writable()) {
    std::printf("Read-only: no --tokens file was given, so edits through the API are refused.\n");
  }
  std::fflush(stdout);
  srv->run();
  // run() returns after stop(); if it returned on its own, wake the waiter to exit.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  return kExitOk;
}

}  // namespace

void register_serve_command(CLI::App& app, int& exit_code) {
  auto c = std::make_shared<server::ServerConfig>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the search API and the consultant console over HTTP");
  cmd->set_config("--config", "", "Read settings from a file (TOML/INI: db = \"...\", port = 8080, ...)");
  cmd->add_option("--db", c->db_path, "Database directory")->envname("WIEDZA_DB");
  cmd->add_option("--host", c->host, "Address to listen on (default loopback)")->envname("WIEDZA_HOST");
  cmd->add_option("--port", c->port, "Port (0 picks a free one)")->envname("WIEDZA_PORT");
  cmd->add_option("--threads", c->threads, "Searches run at once (default 8)")->envname("WIEDZA_THREADS");
  cmd->add_option("--max-connections", c->max_connections, "Open connections served at once (default 1024)")
      ->envname("WIEDZA_MAX_CONNECTIONS");
  cmd->add_option("--idle-timeout", c->idle_timeout, "Seconds a new connection may wait before its request (default 5)")
      ->envname("WIEDZA_IDLE_TIMEOUT");
  cmd->add_option("--header-timeout", c->header_timeout, "Seconds for a request line and headers to arrive (default 10)")
      ->envname("WIEDZA_HEADER_TIMEOUT");
  cmd->add_option("--request-timeout", c->request_timeout, "Seconds for a whole request to arrive (default 60)")
      ->envname("WIEDZA_REQUEST_TIMEOUT");
  cmd->add_option("--slow-request-ms", c->slow_request_ms,
                  "Requests slower than this are marked \"slow\":true in the access log (default 100)")
      ->envname("WIEDZA_SLOW_REQUEST_MS");
  cmd->add_option("--cors-origin", c->cors_origins, "Origin allowed to call the API from a browser (repeatable)")
      ->envname("WIEDZA_CORS_ORIGINS")
      ->delimiter(',');
  cmd->add_option("--tokens", c->tokens_path, "File of \"name token\" lines allowed to write (else read-only)")
      ->envname("WIEDZA_TOKENS");
  cmd->add_option("--corpus", c->corpus_dir, "Corpus directory for POST /api/reindex and for writing edits back")
      ->envname("WIEDZA_CORPUS");
  cmd->add_option("--state", c->state_path, "SQLite file for the audit trail and analytics (default <db>.state.sqlite)")
      ->envname("WIEDZA_STATE");
  cmd->add_option("--retention-days", c->analytics_retention_days, "Days searches and feedback are kept (default 30)")
      ->envname("WIEDZA_RETENTION_DAYS");
  cmd->add_option("--changesets", c->changesets,
                  "Primary: keep this many changesets for xapian-replicate (default 0: no replicas)")
      ->envname("WIEDZA_CHANGESETS");
  cmd->add_option("--replica-of", c->replica_of, "Serve read-only as a replica of this primary (http://host:port)")
      ->envname("WIEDZA_REPLICA_OF");
  cmd->add_option("--node-id", c->node_id, "Replica: 1-999, different on every replica (analytics ids)")
      ->envname("WIEDZA_NODE_ID");
  cmd->add_option("--forward-token", c->forward_token_path,
                  "Replica: file with a \"name token\" line of the primary's --tokens, to forward analytics")
      ->envname("WIEDZA_FORWARD_TOKEN");
  cmd->add_option("--cache-results", c->cache_results, "Result pages cached per index revision (0: off; default 1024)")
      ->envname("WIEDZA_CACHE_RESULTS");
  cmd->add_option("--cache-documents", c->cache_documents,
                  "Parsed articles cached per index revision (0: off; default 4096)")
      ->envname("WIEDZA_CACHE_DOCUMENTS");
  cmd->callback([c, &exit_code] { exit_code = run_serve(*c); });
}

}  // namespace wiedza::cli
