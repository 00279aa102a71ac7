// Every error code docs/api.md documents, produced over HTTP against a real server, with
// the status the table gives it; and the core's codes mapped in one place
// (server/api_error.cc).
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <thread>

#include "indexer/corpus_reader.h"
#include "indexer/index_writer.h"
#include "server/api_error.h"
#include "tests/support/running_server.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

using testing::RunningServer;
using testing::TempDir;
using testing::TestCorpus;

constexpr const char* kToken = "test-token-codes-0123456789";

// The codes in docs/api.md's error table ("| 409 | `still_referenced`, ... |").
std::map<std::string, int> documented_codes() {
  std::ifstream in(std::string(WIEDZA_SOURCE_DIR) + "/docs/api.md");
  std::map<std::string, int> codes;
  const std::regex row(R"(^\| (\d{3}) \| (`[a-z_]+`(, `[a-z_]+`)*) \|)");
  const std::regex code("`([a-z_]+)`");
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (!std::regex_search(line, m, row)) continue;
    const std::string list = m[2];
    for (std::sregex_iterator it(list.begin(), list.end(), code), end; it != end; ++it) {
      codes[(*it)[1]] = std::stoi(m[1]);
    }
  }
  return codes;
}

class ErrorCodesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_.put("dowod", TestCorpus::article("dowod", "Dowód osobisty", "Wniosek o dowód."));
    analysis::Analyzer analyzer;
    sync_index(tmp_.str("db"), read_corpus(corpus_.dir().string()), analyzer);
    server::ServerConfig config;
    config.db_path = tmp_.str("db");
    config.port = 0;
    config.threads = 2;
    config.tokens_path = testing::write_tokens_file(tmp_.path() / "tokens", std::string("anna ") + kToken + "\n");
    config.corpus_dir = corpus_.dir().string();
    config.cors_origins = {"https://portal.example"};
    server_ = std::make_unique<RunningServer>(config);
  }

  // Sends a request and records the code it was answered with.
  std::string code_of(const std::string& method, const std::string& path, const std::string& body = "",
                      httplib::Headers headers = {{"Authorization", std::string("Bearer ") + kToken}},
                      const std::string& content_type = "application/json") {
    auto c = server_->client();
    c.set_read_timeout(30, 0);  // an edit waits up to 10 s for the index's lock
    httplib::Result res = method == "PUT"      ? c.Put(path, headers, body, content_type)
                          : method == "POST"   ? c.Post(path, headers, body, content_type)
                          : method == "DELETE" ? c.Delete(path, headers)
                          : method == "OPTIONS" ? c.Options(path, headers)
                                                : c.Get(path, headers);
    if (!res) return "(no answer)";
    return record(res->status, res->body);
  }
  std::string record(int status, const std::string& body) {
    auto json = nlohmann::json::parse(body, nullptr, false);
    if (!json.is_object() || !json.contains("error")) return "(status " + std::to_string(status) + ", no error)";
    const std::string code = json["error"]["code"];
    seen_[code] = status;
    return code;
  }

  TempDir tmp_;
  TestCorpus corpus_{tmp_.path() / "corpus"};
  std::unique_ptr<RunningServer> server_;
  std::map<std::string, int> seen_;
};

TEST_F(ErrorCodesTest, EveryDocumentedCodeIsProducedWithItsStatus) {
  const httplib::Headers none;
  const httplib::Headers wrong{{"Authorization", "Bearer not-the-token-0000000000"}};
  EXPECT_EQ(code_of("GET", "/api/search", "", none), "bad_request");
  EXPECT_EQ(code_of("GET", "/api/nothing-here", "", none), "not_found");
  EXPECT_EQ(code_of("POST", "/api/search", "{}", none), "method_not_allowed");
  EXPECT_EQ(code_of("OPTIONS", "/api/search", "", {{"Origin", "https://evil.example"},
                                                   {"Access-Control-Request-Method", "GET"}}),
            "origin_not_allowed");
  EXPECT_EQ(code_of("PUT", "/api/articles/dowod", "{}", none), "unauthorized");
  EXPECT_EQ(code_of("PUT", "/api/articles/dowod", "{}", wrong), "forbidden");
  EXPECT_EQ(code_of("PUT", "/api/articles/dowod", "{}", {{"Authorization", std::string("Bearer ") + kToken}},
                    "text/plain"),
            "unsupported_media_type");
  EXPECT_EQ(code_of("PUT", "/api/articles/dowod", "{",
                    {{"Authorization", std::string("Bearer ") + kToken}, {"Content-Encoding", "gzip"}}),
            "compressed_body");
  EXPECT_EQ(code_of("PUT", "/api/articles/dowod", R"({"title": ""})"), "invalid_article");
  EXPECT_EQ(code_of("PUT", "/api/units/zdmk", R"({"name": "ZDMK", "kind": "nieznany"})"), "invalid_unit");
  EXPECT_EQ(code_of("PUT", "/api/categories/drogi", R"({"name": 5})"), "invalid_category");
  EXPECT_EQ(code_of("DELETE", "/api/units/wsa"), "still_referenced");
  EXPECT_EQ(code_of("POST", "/api/articles/dowod/restore"), "article_exists");
  EXPECT_EQ(code_of("POST", "/api/feedback", R"({"search_id": "x"})", none), "invalid_feedback");
  EXPECT_EQ(code_of("POST", "/api/feedback", "{", none), "invalid_json");
  EXPECT_EQ(code_of("POST", "/api/analytics/import", R"({"node": 0, "searches": []})"), "invalid_import");

  {
    // A replica of this server refuses writes, naming it.
    server::ServerConfig replica;
    replica.db_path = tmp_.str("db");
    replica.state_path = tmp_.str("replica.state.sqlite");
    replica.port = 0;
    replica.threads = 1;
    replica.replica_of = server_->url("");
    replica.node_id = 1;
    replica.forward_token_path = testing::write_tokens_file(tmp_.path() / "forward", std::string("r1 ") + kToken + "\n");
    auto primary = std::move(server_);
    server_ = std::make_unique<RunningServer>(replica);
    EXPECT_EQ(code_of("DELETE", "/api/articles/dowod"), "replica_read_only");
    server_ = std::move(primary);
  }

  {
    // Another writer holds the index: an edit waits 10 s, then says so; a reindex started
    // meanwhile holds the editors' lock, so a second one is refused at once.
    Xapian::WritableDatabase held(tmp_.str("db"));
    EXPECT_EQ(code_of("PUT", "/api/articles/nowy", TestCorpus::article("nowy", "Nowy", "Treść.").dump()),
              "index_locked");
    auto c = server_->client();
    const httplib::Headers auth{{"Authorization", std::string("Bearer ") + kToken}};
    auto first = c.Post("/api/reindex", auth, "{}", "application/json");
    ASSERT_TRUE(first);
    EXPECT_EQ(first->status, 202) << first->body;
    EXPECT_EQ(code_of("POST", "/api/reindex", "{}"), "reindex_running");
    EXPECT_EQ(code_of("PUT", "/api/articles/nowy", TestCorpus::article("nowy", "Nowy", "Treść.").dump()), "busy");
  }

  // A server without editors' tokens or a corpus directory.
  server::ServerConfig plain;
  plain.db_path = tmp_.str("db");
  plain.port = 0;
  plain.threads = 1;
  server_ = std::make_unique<RunningServer>(plain);
  EXPECT_EQ(code_of("PUT", "/api/articles/dowod", "{}"), "read_only");
  plain.tokens_path = tmp_.str("tokens");
  server_ = std::make_unique<RunningServer>(plain);
  EXPECT_EQ(code_of("POST", "/api/reindex", "{}"), "no_corpus");
  // The index gone: searches say it is unavailable rather than failing obscurely.
  // (A query not asked before, after the searchers' 250 ms between revision checks.)
  std::filesystem::remove_all(tmp_.path() / "db");
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  EXPECT_EQ(code_of("GET", "/api/search?q=wniosek&record=false", "", none), "index_unavailable");

  // Produced where their conditions are set up: a full disk (editing_test.cc), slow and
  // oversized heads (connection_limits_test.cc); internal_error only by a bug.
  const std::set<std::string> elsewhere = {"write_failed", "audit_failed", "corpus_write_failed", "internal_error",
                                           "request_timeout", "headers_too_large"};
  for (const auto& [code, status] : documented_codes()) {
    if (elsewhere.count(code)) continue;
    ASSERT_TRUE(seen_.count(code)) << "docs/api.md documents '" << code << "' but no request here produced it";
    EXPECT_EQ(seen_[code], status) << code;
  }
}

// The core's codes reach clients as the codes and statuses the documentation lists.
TEST(ApiErrorMapping, EveryCoreCodeIsDocumented) {
  const auto documented = documented_codes();
  for (ErrorCode code : {ErrorCode::kInvalidArticle, ErrorCode::kInvalidUnit, ErrorCode::kInvalidCategory,
                         ErrorCode::kInvalidRequest, ErrorCode::kNotFound, ErrorCode::kStillReferenced,
                         ErrorCode::kIndexLocked, ErrorCode::kWriteFailed, ErrorCode::kCorpusWriteFailed}) {
    const server::ApiError api = server::to_api_error(Error::invalid(code, {{"request body", "title", "why"}}));
    ASSERT_TRUE(documented.count(api.code)) << api.code << " is not in docs/api.md";
    EXPECT_EQ(documented.at(api.code), api.status) << api.code;
    EXPECT_EQ(api.details[0]["field"], "title");
    EXPECT_EQ(api.message, "request body: field 'title': why");
  }
}

}  // namespace
}  // namespace wiedza
