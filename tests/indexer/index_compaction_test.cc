// Compacting a database in place (indexer/index_compaction.h) on real Xapian databases.
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>
#include <xapian.h>

#include "indexer/corpus_reader.h"
#include "indexer/database_swap.h"
#include "indexer/index_compaction.h"
#include "indexer/index_writer.h"
#include "indexer/writable_index.h"
#include "search/searcher.h"
#include "search/analysis/analyzer.h"
#include "tests/support/running_server.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::TestCorpus;

class IndexCompactionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 40; ++i) {
      corpus_.put("artykul-" + std::to_string(i),
                  TestCorpus::article("artykul-" + std::to_string(i), "Dowód osobisty numer " + std::to_string(i),
                                      "Wniosek o dowód osobisty składa się w urzędzie. Wersja pierwsza."));
    }
    sync_index(db(), read_corpus(corpus_.dir().string()), analyzer_);
    // A second version of half the articles leaves free space behind, as edits do.
    for (int i = 0; i < 40; i += 2) {
      corpus_.put("artykul-" + std::to_string(i),
                  TestCorpus::article("artykul-" + std::to_string(i), "Dowód osobisty numer " + std::to_string(i),
                                      "Wniosek o dowód osobisty składa się w urzędzie. Wersja druga."));
    }
    sync_index(db(), read_corpus(corpus_.dir().string()), analyzer_);
  }

  std::string db() const { return tmp_.str("db"); }
  std::vector<std::string> ids(const std::string& query) {
    Searcher s(db(), analysis::default_dictionary_dir());
    SearchRequest r;
    r.query = query;
    r.limit = 50;
    std::vector<std::string> out;
    for (const SearchHit& h : s.search(r).hits) out.push_back(h.id);
    return out;
  }

  TempDir tmp_;
  TestCorpus corpus_{tmp_.path() / "corpus"};
  analysis::Analyzer analyzer_;
};

TEST_F(IndexCompactionTest, KeepsEveryArticleItsIdsAndItsRankingInLessSpace) {
  const auto before_ids = ids("wersja druga dowód");
  const Xapian::doccount docs = Xapian::Database(db()).get_doccount();
  const CompactionSummary s = compact_in_place(db(), std::chrono::milliseconds(0));
  EXPECT_LT(s.bytes_after, s.bytes_before);
  Xapian::Database after(db());
  EXPECT_EQ(after.get_doccount(), docs);
  EXPECT_EQ(ids("wersja druga dowód"), before_ids);
  EXPECT_EQ(before_ids.size(), 40u);
  EXPECT_FALSE(fs::exists(db() + ".replacement"));
  EXPECT_FALSE(fs::exists(db() + ".replaced"));
  // Still a normal database: the next run edits it incrementally.
  corpus_.put("nowy", TestCorpus::article("nowy", "Nowy artykuł", "Treść."));
  const SyncSummary next = sync_index(db(), read_corpus(corpus_.dir().string()), analyzer_);
  EXPECT_EQ(next.added, 1u);
  EXPECT_EQ(next.unchanged, 40u);
}

TEST_F(IndexCompactionTest, AServerRunningOnTheDatabaseFollowsTheSwapAndKeepsEditing) {
  const std::string token = "compaction-token-0123456789";
  server::ServerConfig config;
  config.db_path = db();
  config.port = 0;
  config.threads = 2;
  config.tokens_path = testing::write_tokens_file(tmp_.path() / "tokens", "anna " + token + "\n");
  config.corpus_dir = corpus_.dir().string();
  testing::RunningServer server(config);
  ASSERT_EQ(server.get_json("/healthz")["documents"], 40);
  compact_in_place(db(), std::chrono::milliseconds(0));
  auto put = server.client().Put("/api/articles/pingwin", {{"Authorization", "Bearer " + token}},
                                 TestCorpus::article("pingwin", "Pingwin", "Pingwin po kompaktowaniu.").dump(),
                                 "application/json");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 201) << put->body;
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the searchers' revision check
  auto found = server.get_json("/api/search?q=pingwin&record=false");
  ASSERT_FALSE(found["results"].empty()) << found.dump();
  EXPECT_EQ(found["results"][0]["id"], "pingwin");
  EXPECT_EQ(server.get_json("/healthz")["documents"], 41);
  EXPECT_EQ(Xapian::Database(db()).get_doccount(), 41u);  // the edit is in the compacted copy
}

TEST_F(IndexCompactionTest, WaitsForAnotherWriterAndThenGivesUpLeavingTheIndexAlone) {
  Xapian::WritableDatabase other = open_writable(db());
  EXPECT_THROW(compact_in_place(db(), std::chrono::milliseconds(100)), IndexLockedError);
  EXPECT_FALSE(fs::exists(db() + ".replacement"));
  other.close();
  EXPECT_EQ(Xapian::Database(db()).get_doccount(), 40u);
}

TEST_F(IndexCompactionTest, ACrashBetweenTheRenamesIsPutBack) {
  fs::rename(db(), db() + ".replaced");
  fs::create_directories(db() + ".replacement");  // half a copy
  EXPECT_TRUE(recover_interrupted_swap(db()));
  EXPECT_EQ(Xapian::Database(db()).get_doccount(), 40u);
  EXPECT_FALSE(fs::exists(db() + ".replacement"));
  EXPECT_FALSE(recover_interrupted_swap(db()));  // nothing to do
}

TEST_F(IndexCompactionTest, RefusesWhatIsNotADatabaseDirectory) {
  fs::create_directories(tmp_.path() / "empty");
  try {
    compact_in_place(tmp_.str("empty"), std::chrono::milliseconds(0));
    FAIL() << "compacted a directory without a database";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("is not a glass database directory"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace wiedza
