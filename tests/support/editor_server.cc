#include "tests/support/editor_server.h"

#include <stdexcept>

#include "indexer/index_writer.h"

namespace wiedza::testing {

EditorServer::EditorServer(std::vector<std::string> cors_origins) {
  TestCorpus corpus(tmp_.path() / "corpus");
  corpus.put("dowod", TestCorpus::article("dowod", "Dowód osobisty", "Wniosek o dowód osobisty w urzędzie."));
  corpus.put("meldunek", TestCorpus::article("meldunek", "Meldunek", "Zameldowanie na pobyt stały."));
  analysis::Analyzer analyzer;
  sync_index(tmp_.str("db"), read_corpus(corpus.dir()), analyzer);
  server::ServerConfig config;
  config.db_path = tmp_.str("db");
  config.port = 0;
  config.threads = 2;
  config.tokens_path = write_tokens_file(tmp_.path() / "tokens", std::string("anna ") + kToken + "\n");
  config.cors_origins = std::move(cors_origins);
  server_ = std::make_unique<RunningServer>(config);
}

nlohmann::json EditorServer::report(const std::string& query) {
  auto res = server_->client().Get("/api/admin/report" + query, {{"Authorization", std::string("Bearer ") + kToken}});
  if (!res || res->status != 200) {
    throw std::runtime_error("GET /api/admin/report" + query + ": " + (res ? res->body : "no response"));
  }
  return nlohmann::json::parse(res->body);
}

}  // namespace wiedza::testing
