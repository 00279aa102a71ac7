// The write endpoints on a real server over a real index and a real corpus directory:
// authentication, validation, live visibility, write-back to the corpus, the audit trail,
// restore, units and categories, reindex jobs, and a failed write leaving everything as
// it was.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <thread>

#include "indexer/corpus_reader.h"
#include "indexer/index_writer.h"
#include "tests/support/running_server.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

using testing::RunningServer;
using testing::TempDir;
using testing::TestCorpus;

constexpr const char* kToken = "test-token-anna-0123456789";
constexpr const char* kOtherToken = "test-token-bot-9876543210";

nlohmann::json article_json(const std::string& id, const std::string& title, const std::string& body) {
  return {{"id", id}, {"title", title}, {"body", body}, {"category", "sprawy-obywatelskie"}, {"unit", "wsa"},
          {"kind", "sprawa"}, {"updated", "2026-10-01"}};
}

class EditingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_ = std::make_unique<TestCorpus>(tmp_.path() / "corpus");
    corpus_->put("dowod-osobisty", article_json("dowod-osobisty", "Wydanie dowodu osobistego",
                                                "Wniosek o dowód osobisty składa się w urzędzie."));
    corpus_->put("odbior-odpadow", {{"title", "Harmonogram odbioru odpadów"},
                                    {"body", "Odpady zmieszane odbiera MPO według harmonogramu."},
                                    {"category", "odpady"}, {"unit", "mpo"}});
    analysis::Analyzer analyzer;
    sync_index(tmp_.str("db"), read_corpus(corpus_->dir().string()), analyzer);
    const std::string tokens = testing::write_tokens_file(
        tmp_.path() / "tokens", std::string("anna ") + kToken + "\nimport-bot " + kOtherToken + "\n");
    server::ServerConfig config;
    config.db_path = tmp_.str("db");
    config.port = 0;
    config.threads = 2;
    config.tokens_path = tokens;
    config.corpus_dir = corpus_->dir().string();
    server_ = std::make_unique<RunningServer>(config);
  }

  httplib::Result send(const std::string& method, const std::string& path, const std::string& body = "",
                       const std::string& token = kToken) {
    auto c = server_->client();
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    if (method == "PUT") return c.Put(path, headers, body, "application/json");
    if (method == "POST") return c.Post(path, headers, body, "application/json");
    if (method == "DELETE") return c.Delete(path, headers);
    return c.Get(path, headers);
  }
  nlohmann::json get(const std::string& path) {
    auto res = send("GET", path);
    EXPECT_TRUE(res);
    return res ? nlohmann::json::parse(res->body) : nlohmann::json();
  }
  std::vector<std::string> result_ids(const std::string& query) {
    std::vector<std::string> ids;
    const nlohmann::json response = get("/api/search?q=" + httplib::detail::encode_query_param(query));
    for (const auto& r : response["results"]) ids.push_back(r["id"]);
    return ids;
  }
  bool found(const std::string& query, const std::string& id) {
    auto ids = result_ids(query);
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }
  // The server notices a new revision within its freshness interval; poll for it rather
  // than sleeping a fixed time (the benchmark measures how long it takes).
  bool eventually(const std::function<bool()>& condition) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      if (condition()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }
  std::string corpus_file(const std::string& relative) {
    std::ifstream in(corpus_->dir() / relative);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  // A later `wiedza index` of the corpus directory agrees with what the server holds.
  void expect_corpus_agrees_with_index() {
    analysis::Analyzer analyzer;
    server_.reset();  // the server's searchers would not block a writer, but be plain about it
    SyncSummary s = sync_index(tmp_.str("db"), read_corpus(corpus_->dir().string()), analyzer);
    EXPECT_EQ(s.added + s.updated + s.deleted + s.invalid, 0u) << s.to_string();
    EXPECT_FALSE(s.metadata_changed);
  }

  TempDir tmp_;
  std::unique_ptr<TestCorpus> corpus_;
  std::unique_ptr<RunningServer> server_;
};

TEST_F(EditingTest, WritesNeedAValidBearerToken) {
  const std::string body = article_json("nowy", "Tytuł", "Treść").dump();
  auto missing = send("PUT", "/api/articles/nowy", body, "");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 401);
  EXPECT_NE(missing->get_header_value("WWW-Authenticate").find("Bearer"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(missing->body)["error"]["code"], "unauthorized");
  auto wrong = send("PUT", "/api/articles/nowy", body, "test-token-anna-0123456780");
  EXPECT_EQ(wrong->status, 403);
  EXPECT_EQ(nlohmann::json::parse(wrong->body)["error"]["code"], "forbidden");
  for (const char* path : {"/api/admin/audit", "/api/reindex/x"}) EXPECT_EQ(send("GET", path, "", "")->status, 401);
  EXPECT_EQ(send("DELETE", "/api/articles/dowod-osobisty", "", "")->status, 401);
  EXPECT_TRUE(found("dowód osobisty", "dowod-osobisty"));  // nothing happened
}

TEST_F(EditingTest, ServerWithoutTokensIsReadOnly) {
  server::ServerConfig config;
  config.db_path = tmp_.str("db");
  config.port = 0;
  RunningServer read_only(config);
  auto res = read_only.client().Put("/api/articles/dowod-osobisty", {{"Authorization", std::string("Bearer ") + kToken}},
                                    article_json("dowod-osobisty", "X", "Y").dump(), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(nlohmann::json::parse(res->body)["error"]["code"], "read_only");
}

TEST_F(EditingTest, CreatedArticleBecomesSearchableAndIsWrittenToTheCorpus) {
  auto res = send("PUT", "/api/articles/karta-seniora",
                  article_json("karta-seniora", "Karta seniora", "Kartę seniora wydaje urząd mieszkańcom po 60. roku życia.")
                      .dump());
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  auto body = nlohmann::json::parse(res->body);
  EXPECT_EQ(body["article"]["id"], "karta-seniora");
  EXPECT_EQ(body["article"]["unit"]["name"], "Wydział Spraw Administracyjnych");
  EXPECT_TRUE(eventually([&] { return found("karta seniora", "karta-seniora"); }));
  EXPECT_EQ(get("/api/articles/karta-seniora")["title"], "Karta seniora");
  auto file = nlohmann::json::parse(corpus_file("articles/karta-seniora.json"));
  EXPECT_EQ(file["title"], "Karta seniora");
  expect_corpus_agrees_with_index();
}

TEST_F(EditingTest, UpdateReplacesTheOldTextEverywhere) {
  auto res = send("PUT", "/api/articles/dowod-osobisty",
                  article_json("dowod-osobisty", "Wydanie dowodu osobistego",
                               "Wniosek o dowód osobisty złożysz przez ePUAP albo w urzędzie; fotografia jest konieczna.")
                      .dump());
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_TRUE(eventually([&] { return found("fotografia", "dowod-osobisty"); }));
  EXPECT_FALSE(found("składa się", "dowod-osobisty"));
  EXPECT_EQ(get("/healthz")["documents"], 2);
  EXPECT_NE(corpus_file("articles/dowod-osobisty.json").find("fotografia"), std::string::npos);
  expect_corpus_agrees_with_index();
}

TEST_F(EditingTest, InvalidArticlesAreRefusedWithTheFieldAndLeaveEverythingAsItWas) {
  const std::string before = corpus_file("articles/dowod-osobisty.json");
  const auto revision = get("/healthz")["revision"];
  auto no_title = article_json("dowod-osobisty", "", "Treść");
  no_title.erase("title");
  no_title["unit"] = "nie-ma-takiej";
  auto res = send("PUT", "/api/articles/dowod-osobisty", no_title.dump());
  ASSERT_EQ(res->status, 400) << res->body;
  auto error = nlohmann::json::parse(res->body)["error"];
  EXPECT_EQ(error["code"], "invalid_article");
  std::set<std::string> fields;
  for (const auto& d : error["details"]) fields.insert(d["field"]);
  EXPECT_TRUE(fields.count("title")) << error;
  EXPECT_TRUE(fields.count("unit")) << error;

  auto other_id = send("PUT", "/api/articles/dowod-osobisty", article_json("inny", "T", "B").dump());
  EXPECT_EQ(other_id->status, 400);
  EXPECT_EQ(send("PUT", "/api/articles/dowod-osobisty", "{\"title\": ")->status, 400);
  EXPECT_EQ(send("PUT", "/api/articles/dowod-osobisty", "[1, 2]")->status, 400);
  EXPECT_EQ(send("PUT", "/api/articles/Bad_Id", article_json("Bad_Id", "T", "B").dump())->status, 400);

  EXPECT_EQ(get("/healthz")["revision"], revision);
  EXPECT_EQ(corpus_file("articles/dowod-osobisty.json"), before);
  EXPECT_TRUE(get("/api/admin/audit")["entries"].empty());
}

TEST_F(EditingTest, DeleteRestoreAndTheAuditTrail) {
  auto deleted = send("DELETE", "/api/articles/dowod-osobisty");
  ASSERT_EQ(deleted->status, 204) << deleted->body;
  EXPECT_TRUE(deleted->body.empty());
  EXPECT_TRUE(eventually([&] { return !found("dowód osobisty", "dowod-osobisty"); }));
  EXPECT_FALSE(std::filesystem::exists(corpus_->dir() / "articles/dowod-osobisty.json"));
  EXPECT_EQ(send("DELETE", "/api/articles/dowod-osobisty")->status, 404);
  EXPECT_EQ(send("GET", "/api/articles/dowod-osobisty")->status, 404);

  auto restored = send("POST", "/api/articles/dowod-osobisty/restore", "", kOtherToken);
  ASSERT_EQ(restored->status, 201) << restored->body;
  EXPECT_TRUE(eventually([&] { return found("dowód osobisty", "dowod-osobisty"); }));
  EXPECT_TRUE(std::filesystem::exists(corpus_->dir() / "articles/dowod-osobisty.json"));
  EXPECT_EQ(send("POST", "/api/articles/dowod-osobisty/restore")->status, 409);
  EXPECT_EQ(send("POST", "/api/articles/nigdy-nie-istnial/restore")->status, 404);

  auto entries = get("/api/admin/audit?type=article&id=dowod-osobisty")["entries"];
  ASSERT_EQ(entries.size(), 2u) << entries;
  EXPECT_EQ(entries[0]["action"], "restore");  // newest first
  EXPECT_EQ(entries[0]["editor"], "import-bot");
  EXPECT_EQ(entries[1]["action"], "delete");
  EXPECT_EQ(entries[1]["editor"], "anna");
  EXPECT_TRUE(entries[1]["new_hash"].is_null());
  EXPECT_EQ(entries[0]["new_hash"], entries[1]["previous_hash"]);  // the same content came back
  EXPECT_EQ(entries[1]["previous_content"]["title"], "Wydanie dowodu osobistego");
  EXPECT_GT(entries[0]["time"].get<long>(), 1700000000);
  EXPECT_EQ(send("GET", "/api/admin/audit?limit=0")->status, 400);
  EXPECT_EQ(send("GET", "/api/admin/audit?type=everything")->status, 400);
  expect_corpus_agrees_with_index();
}

TEST_F(EditingTest, UnitsAndCategories) {
  nlohmann::json unit = {{"id", "wsa"}, {"name", "Biuro Obsługi Mieszkańców"}, {"kind", "wydzial"},
                         {"phone", "12 616 55 11"}};
  auto res = send("PUT", "/api/units/wsa", unit.dump());
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(nlohmann::json::parse(res->body)["reindexed_articles"], 1);
  // The unit's name is searchable in its articles, so they were rewritten.
  EXPECT_TRUE(eventually([&] { return found("biuro obsługi mieszkańców", "dowod-osobisty"); }));
  EXPECT_EQ(get("/api/articles/dowod-osobisty")["unit"]["phone"], "12 616 55 11");

  auto in_use = send("DELETE", "/api/units/mpo");
  EXPECT_EQ(in_use->status, 409);
  EXPECT_EQ(nlohmann::json::parse(in_use->body)["error"]["code"], "still_referenced");
  EXPECT_EQ(send("PUT", "/api/units/zzm", R"({"name": "Zarząd Zieleni Miejskiej", "kind": "jednostka"})")->status, 201);
  EXPECT_EQ(send("PUT", "/api/units/zzm", R"({"name": "Zarząd", "kind": "sklep"})")->status, 400);
  EXPECT_EQ(send("DELETE", "/api/units/zzm")->status, 204);
  EXPECT_EQ(send("DELETE", "/api/units/zzm")->status, 404);

  EXPECT_EQ(send("PUT", "/api/categories/odpady", R"({"name": "Odpady i recykling"})")->status, 200);
  EXPECT_EQ(send("DELETE", "/api/categories/odpady")->status, 409);
  EXPECT_EQ(send("PUT", "/api/categories/kultura", R"({"name": "Kultura"})")->status, 201);
  EXPECT_EQ(send("PUT", "/api/categories/kultura", R"({"id": "sport", "name": "Sport"})")->status, 400);
  EXPECT_TRUE(eventually([&] {
    const nlohmann::json response = get("/api/categories");
    for (const auto& c : response["categories"]) {
      if (c["id"] == "kultura") return true;
    }
    return false;
  }));
  EXPECT_NE(corpus_file("units.json").find("Biuro Obsługi Mieszkańców"), std::string::npos);
  EXPECT_EQ(corpus_file("units.json").find("zzm"), std::string::npos);
  EXPECT_NE(corpus_file("categories.json").find("Odpady i recykling"), std::string::npos);
  // An article may now use the new category.
  auto a = article_json("koncerty", "Koncerty w parkach", "Letnie koncerty plenerowe.");
  a["category"] = "kultura";
  EXPECT_EQ(send("PUT", "/api/articles/koncerty", a.dump())->status, 201);
  expect_corpus_agrees_with_index();
}

TEST_F(EditingTest, ReindexJobReportsProgressAndTheSummary) {
  corpus_->put("nowy-artykul", article_json("nowy-artykul", "Budżet obywatelski", "Głosowanie nad projektami."));
  corpus_->put_raw("zepsuty.json", R"({"id": "zepsuty", "title": "Bez treści"})");
  auto res = send("POST", "/api/reindex");
  ASSERT_EQ(res->status, 202) << res->body;
  const std::string job = nlohmann::json::parse(res->body)["job"];
  nlohmann::json status;
  ASSERT_TRUE(eventually([&] {
    status = get("/api/reindex/" + job);
    return status["state"] == "done" || status["state"] == "failed";
  }));
  ASSERT_EQ(status["state"], "done") << status;
  EXPECT_EQ(status["summary"]["added"], 1);
  EXPECT_EQ(status["summary"]["unchanged"], 2);
  EXPECT_EQ(status["summary"]["invalid"], 1);
  ASSERT_FALSE(status["summary"]["errors"].empty());
  EXPECT_NE(status["summary"]["errors"][0]["file"].get<std::string>().find("zepsuty.json"), std::string::npos);
  EXPECT_EQ(status["progress"]["done"], status["progress"]["total"]);
  EXPECT_EQ(status["editor"], "anna");
  EXPECT_TRUE(eventually([&] { return found("budżet obywatelski", "nowy-artykul"); }));
  EXPECT_EQ(send("GET", "/api/reindex/no-such-job")->status, 404);
  EXPECT_EQ(get("/api/admin/audit?type=corpus")["entries"][0]["action"], "reindex");
}

TEST_F(EditingTest, AFailedWriteLeavesTheIndexAndTheCorpusAsTheyWere) {
  const auto revision = get("/healthz")["revision"];
  const std::string before = corpus_file("articles/dowod-osobisty.json");
  // The process may not grow any file: the effect of a full disk on every write path
  // (corpus file, index, audit trail). SIGXFSZ is ignored so the write fails with EFBIG.
  std::signal(SIGXFSZ, SIG_IGN);
  rlimit old{};
  getrlimit(RLIMIT_FSIZE, &old);
  rlimit none = old;
  none.rlim_cur = 0;
  setrlimit(RLIMIT_FSIZE, &none);
  auto res = send("PUT", "/api/articles/dowod-osobisty",
                  article_json("dowod-osobisty", "Nowy tytuł", "Zupełnie nowa treść artykułu.").dump());
  setrlimit(RLIMIT_FSIZE, &old);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 500) << res->body;
  auto error = nlohmann::json::parse(res->body)["error"];
  EXPECT_EQ(error["code"], "write_failed");
  EXPECT_NE(error["message"].get<std::string>().find("not applied"), std::string::npos) << error;

  EXPECT_EQ(get("/healthz")["revision"], revision);
  EXPECT_EQ(corpus_file("articles/dowod-osobisty.json"), before);
  EXPECT_TRUE(found("dowód osobisty", "dowod-osobisty"));
  EXPECT_FALSE(found("zupełnie nowa treść", "dowod-osobisty"));
  // Nothing half-written stays behind, and the next write works.
  for (const auto& f : std::filesystem::directory_iterator(corpus_->dir() / "articles")) {
    EXPECT_NE(f.path().filename().string()[0], '.') << f.path();
  }
  EXPECT_EQ(send("PUT", "/api/articles/dowod-osobisty",
                 article_json("dowod-osobisty", "Nowy tytuł", "Zupełnie nowa treść artykułu.").dump())
                ->status,
            200);
  EXPECT_TRUE(get("/api/admin/audit")["entries"].size() == 1u);
}

}  // namespace
}  // namespace wiedza
