// Test support: the real server over a two-article corpus ("dowod", "meldunek") with one
// editor token, for tests of the editors' features (feedback, report, /admin).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/running_server.h"
#include "tests/support/test_corpus.h"

namespace wiedza::testing {

class EditorServer {
 public:
  static constexpr const char* kToken = "s3cret-token-anna-0001";

  explicit EditorServer(std::vector<std::string> cors_origins = {});

  RunningServer& server() { return *server_; }
  // GET /api/admin/report with the editor's token; `query` like "?days=1". Throws
  // std::runtime_error with the body unless the answer is 200.
  nlohmann::json report(const std::string& query = "?days=1");

 private:
  TempDir tmp_;
  std::unique_ptr<RunningServer> server_;
};

}  // namespace wiedza::testing
