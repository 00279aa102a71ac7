// Test support: a corpus indexed into a temporary database and served by the real server
// on a free loopback port, for suites that share one server (SetUpTestSuite).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "indexer/index_writer.h"
#include "tests/support/running_server.h"
#include "tests/support/test_corpus.h"

namespace wiedza::testing {

class ServedIndex {
 public:
  // Indexes `corpus_dir`; `configure` may change the server's settings (CORS origins...).
  explicit ServedIndex(const std::string& corpus_dir,
                       const std::function<void(server::ServerConfig&)>& configure = nullptr) {
    analysis::Analyzer analyzer;
    sync_index(tmp_.str("db"), read_corpus(corpus_dir), analyzer);
    server::ServerConfig config;
    config.db_path = tmp_.str("db");
    config.port = 0;
    config.threads = 2;
    if (configure) configure(config);
    server_ = std::make_unique<RunningServer>(config);
  }
  RunningServer& server() { return *server_; }

 private:
  TempDir tmp_;
  std::unique_ptr<RunningServer> server_;
};

}  // namespace wiedza::testing
