// Readers never notice writers: searches run continuously from several threads while a
// full reindex of the bundled corpus and a stream of PUT/DELETE edits go on. Every
// request must succeed and every result must point at an article that exists.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <set>
#include <thread>

#include "indexer/corpus_reader.h"
#include "indexer/index_writer.h"
#include "tests/support/running_server.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

namespace fs = std::filesystem;
using testing::RunningServer;
using testing::TempDir;

constexpr const char* kToken = "live-editing-token-0123456789";

TEST(LiveEditing, SearchesNeverFailDuringAFullReindexAndAStreamOfEdits) {
  TempDir tmp;
  const fs::path corpus = tmp.path() / "corpus";
  fs::copy(fs::path(WIEDZA_SOURCE_DIR) / "corpus", corpus, fs::copy_options::recursive);
  // Index a variant of every article first, so that the reindex rewrites all of them.
  Corpus variant = read_corpus(corpus.string());
  std::set<std::string> bundled;
  for (Article& a : variant.articles) {
    a.body += "\n\nWersja robocza.";
    bundled.insert(a.id);
  }
  analysis::Analyzer analyzer;
  sync_index(tmp.str("db"), variant, analyzer);

  server::ServerConfig config;
  config.db_path = tmp.str("db");
  config.port = 0;
  config.threads = 4;
  config.tokens_path = testing::write_tokens_file(tmp.path() / "tokens", std::string("tester ") + kToken + "\n");
  config.corpus_dir = corpus.string();
  RunningServer server(config);

  std::atomic<bool> stop{false};
  std::atomic<int> requests{0}, failures{0}, dangling{0};
  std::vector<std::string> problems;
  std::mutex problems_mutex;
  auto problem = [&](const std::string& p) {
    std::lock_guard lock(problems_mutex);
    if (problems.size() < 10) problems.push_back(p);
  };
  const std::vector<std::string> queries = {"dowód osobisty", "zgubiłem dowód", "wywóz odpadów wielkogabarytowych",
                                            "strefa płatnego parkowania", "mandat mpk", "zameldowanie",
                                            "podatek od nieruchomości", "dziura w jezdni", "edycja testowa"};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&, t] {
      auto client = server.client();
      for (std::size_t i = static_cast<std::size_t>(t); !stop; ++i) {
        const std::string q = queries[i % queries.size()];
        auto res = client.Get("/api/search?q=" + httplib::detail::encode_query_param(q));
        ++requests;
        if (!res || res->status != 200) {
          ++failures;
          problem("search '" + q + "' failed: " + (res ? std::to_string(res->status) + " " + res->body : "no response"));
          continue;
        }
        const auto body = nlohmann::json::parse(res->body);
        for (const auto& r : body["results"]) {
          const std::string id = r["id"];
          if (r["title"].get<std::string>().empty()) {
            ++dangling;
            problem("result " + id + " without a title");
          }
          // Bundled articles are never deleted here: each must resolve right now.
          if (bundled.count(id) > 0 && i % 5 == 0) {
            auto article = client.Get("/api/articles/" + id);
            ++requests;
            if (!article || article->status != 200) {
              ++dangling;
              problem("result " + id + " does not resolve");
            }
          }
        }
      }
    });
  }

  // Whatever fails below, the readers are stopped and joined.
  struct StopReaders {
    std::atomic<bool>& stop;
    std::vector<std::thread>& threads;
    ~StopReaders() {
      stop = true;
      for (auto& t : threads) {
        if (t.joinable()) t.join();
      }
    }
  } stop_readers{stop, readers};

  auto editor = server.client();
  editor.set_read_timeout(60, 0);  // an edit may wait for the reindex to finish
  const httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kToken}};
  auto reindex = editor.Post("/api/reindex", auth, "", "application/json");
  ASSERT_TRUE(reindex);
  ASSERT_EQ(reindex->status, 202) << reindex->body;
  const std::string job = nlohmann::json::parse(reindex->body)["job"];

  int edits_ok = 0;
  for (int i = 0; i < 30; ++i) {
    const std::string id = "edycja-testowa-" + std::to_string(i % 5);
    const nlohmann::json a = {{"title", "Edycja testowa " + std::to_string(i)},
                              {"body", "Artykuł zmieniany w trakcie testu, wersja " + std::to_string(i) + "."},
                              {"category", "sprawy-obywatelskie"},
                              {"unit", "wsa"}};
    // Like a real client, retry when the server says it is busy (503 + Retry-After).
    for (int attempt = 0; attempt < 5; ++attempt) {
      auto res = i % 3 == 2 ? editor.Delete("/api/articles/" + id, auth)
                            : editor.Put("/api/articles/" + id, auth, a.dump(), "application/json");
      if (!res || res->status == 503) continue;
      if (res->status / 100 == 2 || (i % 3 == 2 && res->status == 404)) ++edits_ok;
      break;
    }
  }

  nlohmann::json status;
  for (int i = 0; i < 600; ++i) {
    status = nlohmann::json::parse(editor.Get("/api/reindex/" + job, auth)->body);
    if (status["state"] == "done" || status["state"] == "failed") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  stop = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(status["state"], "done") << status;
  EXPECT_EQ(status["summary"]["updated"].get<std::size_t>(), bundled.size()) << status;
  EXPECT_EQ(edits_ok, 30);
  EXPECT_GT(requests.load(), 100);
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(dangling.load(), 0);
  for (const std::string& p : problems) ADD_FAILURE() << p;
  // The final state is the corpus plus the edits, and the corpus directory agrees.
  auto health = nlohmann::json::parse(editor.Get("/healthz")->body);
  EXPECT_GE(health["documents"].get<std::size_t>(), bundled.size());
  SyncSummary again = sync_index(tmp.str("db"), read_corpus(corpus.string()), analyzer);
  EXPECT_EQ(again.added + again.updated + again.deleted, 0u) << again.to_string();
}

}  // namespace
}  // namespace wiedza
