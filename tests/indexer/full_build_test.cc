// Full builds (indexer/full_build.h): several threads write what one thread writes, sync_index
// builds a new or wholly changed index anew and swaps it in, and a failed build leaves
// the index as it was. Real corpora, real Xapian databases on disk.
#include "indexer/full_build.h"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "indexer/database_swap.h"
#include "indexer/index_writer.h"
#include "search/searcher.h"
#include "tests/support/test_corpus.h"

namespace fs = std::filesystem;

namespace wiedza {
namespace {

using testing::TempDir;
using testing::TestCorpus;

const char* const kBodies[] = {
    "Wniosek o dowód osobisty składasz w urzędzie albo przez internet.",
    "Odpady wielkogabarytowe odbieramy raz w miesiącu sprzed posesji.",
    "Psa trzeba zarejestrować i zaszczepić przeciw wściekliźnie.",
    "Karta parkingowa dla osób z niepełnosprawnością uprawnia do postoju.",
    "Zgłoszenie awarii oświetlenia ulicznego przyjmuje zarząd dróg.",
};

// `n` articles with varied text, in two units and two categories.
void put_articles(TestCorpus& corpus, int n, const std::string& suffix = "") {
  for (int i = 0; i < n; ++i) {
    const std::string id = "artykul-" + std::to_string(i);
    corpus.put(id, {{"title", "Sprawa numer " + std::to_string(i) + suffix},
                    {"summary", "Streszczenie sprawy " + std::to_string(i) + "."},
                    {"body", std::string(kBodies[i % 5]) + " Ulica " + std::to_string(i * 7) + "." + suffix},
                    {"keywords", {"sprawa " + std::to_string(i % 3)}},
                    {"unit", i % 2 == 0 ? "wsa" : "mpo"},
                    {"category", i % 2 == 0 ? "sprawy-obywatelskie" : "odpady"}});
  }
}

// Every document as (id term, its terms with wdf and positions, values, data), by docid.
std::vector<std::string> describe(const std::string& path) {
  Xapian::Database db(path);
  std::vector<std::string> out;
  for (Xapian::docid did = 1; did <= db.get_lastdocid(); ++did) {
    const Xapian::Document doc = db.get_document(did);
    std::string d = "#" + std::to_string(did);
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      d += " " + *t + ":" + std::to_string(t.get_wdf());
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) d += "@" + std::to_string(*p);
    }
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) d += " v" + std::to_string(v.get_valueno()) + "=" + *v;
    out.push_back(d + " " + doc.get_data());
  }
  return out;
}

std::vector<std::size_t> all_articles(const Corpus& corpus) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < corpus.articles.size(); ++i) out.push_back(i);
  return out;
}

class FullBuildTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { analyzer_ = new analysis::Analyzer(); }
  static void TearDownTestSuite() { delete analyzer_; }

  std::vector<std::string> ids_for(const std::string& query) { return testing::hit_ids(tmp.str("db"), query); }

  // An Analyzer whose dictionary files are gone once it has loaded them: another thread
  // that loads "the same dictionary" fails.
  std::unique_ptr<analysis::Analyzer> analyzer_with_vanished_dictionary() {
    const fs::path dict = tmp.path() / "dict";
    fs::create_directories(dict);
    for (const char* f : {"pl_PL.aff", "pl_PL.dic"}) {
      fs::copy_file(fs::path(analysis::default_dictionary_dir()) / f, dict / f);
    }
    auto analyzer = std::make_unique<analysis::Analyzer>(dict.string());
    fs::remove_all(dict);
    return analyzer;
  }

  TempDir tmp;
  TestCorpus corpus{tmp.path() / "corpus"};
  static analysis::Analyzer* analyzer_;
};
analysis::Analyzer* FullBuildTest::analyzer_ = nullptr;

TEST_F(FullBuildTest, ThreeThreadsWriteExactlyWhatOneThreadWrites) {
  put_articles(corpus, 31);
  const Corpus c = read_corpus(corpus.dir().string());
  std::vector<std::size_t> progress;
  build_merged_database(tmp.str("one"), tmp.str("one-work"), c, all_articles(c), *analyzer_, 1, {});
  build_merged_database(tmp.str("three"), tmp.str("three-work"), c, all_articles(c), *analyzer_, 3,
                        [&](std::size_t written) { progress.push_back(written); });
  const auto one = describe(tmp.str("one")), three = describe(tmp.str("three"));
  ASSERT_EQ(one.size(), 31u);
  EXPECT_EQ(three, one) << "the same documents, terms, positions, values and data, in corpus order";
  EXPECT_EQ(Xapian::Database(tmp.str("three")).get_document(1).get_data(),
            Xapian::Database(tmp.str("one")).get_document(1).get_data());
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back(), 31u);
  EXPECT_FALSE(fs::exists(tmp.str("three-work"))) << "the shards are removed";
}

TEST_F(FullBuildTest, ThreadsAreOnlyUsedForEnoughArticles) {
  EXPECT_EQ(full_build_threads(8, 10), 1u);
  EXPECT_EQ(full_build_threads(8, 2 * kMinArticlesPerThread), 2u);
  EXPECT_EQ(full_build_threads(1, 50 * kMinArticlesPerThread), 1u);
  EXPECT_GE(full_build_threads(0, 50 * kMinArticlesPerThread), 1u);
}

TEST_F(FullBuildTest, ANewIndexAndAWhollyChangedOneAreBuiltAnewOthersInPlace) {
  put_articles(corpus, 12);
  SyncSummary first = sync_index(tmp.str("db"), read_corpus(corpus.dir().string()), *analyzer_);
  EXPECT_TRUE(first.full_build);
  EXPECT_EQ(first.to_string(), "12 added, 0 updated, 0 unchanged, 0 deleted, 0 invalid");
  EXPECT_EQ(ids_for("dowód osobisty").size(), 3u);

  corpus.put("artykul-0", TestCorpus::article("artykul-0", "Nowy tytuł", "Psy w parku."));
  SyncSummary one_changed = sync_index(tmp.str("db"), read_corpus(corpus.dir().string()), *analyzer_);
  EXPECT_FALSE(one_changed.full_build) << "one changed article is one transaction in place";
  EXPECT_EQ(one_changed.to_string(), "0 added, 1 updated, 11 unchanged, 0 deleted, 0 invalid");

  // Every article changes; one becomes invalid (its indexed version must stay) and one
  // file is gone (its article must go).
  put_articles(corpus, 12, " Zmienione.");
  corpus.put("artykul-5", {{"title", "Zły"}, {"body", "x"}, {"category", "brak-takiej"}});
  corpus.remove("artykul-7");
  SyncSummary all_changed = sync_index(tmp.str("db"), read_corpus(corpus.dir().string()), *analyzer_);
  EXPECT_TRUE(all_changed.full_build);
  EXPECT_EQ(all_changed.to_string(), "0 added, 10 updated, 0 unchanged, 1 deleted, 1 invalid");
  Xapian::Database db(tmp.str("db"));
  EXPECT_EQ(db.get_doccount(), 11u);
  EXPECT_EQ(db.get_termfreq("Qartykul-5"), 1u) << "the invalid article's indexed version is carried over";
  EXPECT_EQ(db.get_termfreq("Qartykul-7"), 0u);
  EXPECT_EQ(ids_for("zmienione").size(), 10u);
  EXPECT_FALSE(db.get_metadata("wiedza.units").empty()) << "the directory travels with the new index";
  EXPECT_FALSE(fs::exists(replacement_path(tmp.str("db"))));
  EXPECT_FALSE(fs::exists(replacement_work_path(tmp.str("db"))));
}

TEST_F(FullBuildTest, ASearcherOnTheOldIndexFollowsTheNewOne) {
  put_articles(corpus, 6);
  sync_index(tmp.str("db"), read_corpus(corpus.dir().string()), *analyzer_);
  Searcher searcher(tmp.str("db"));
  EXPECT_TRUE(searcher.search({"zmienione", 10, 0, {}, {}, {}}).hits.empty());
  put_articles(corpus, 6, " Zmienione.");
  ASSERT_TRUE(sync_index(tmp.str("db"), read_corpus(corpus.dir().string()), *analyzer_).full_build);
  searcher.reopen();
  EXPECT_EQ(searcher.search({"zmienione", 10, 0, {}, {}, {}}).hits.size(), 6u);
}

// A thread that cannot analyse (its dictionary is gone) stops the build: the error
// reaches the caller, and neither the new database nor the shards are left behind.
TEST_F(FullBuildTest, AFailingThreadFailsTheBuildAndLeavesNothing) {
  put_articles(corpus, 8);
  const Corpus c = read_corpus(corpus.dir().string());
  const auto first_thread = analyzer_with_vanished_dictionary();
  try {
    build_merged_database(tmp.str("new"), tmp.str("work"), c, all_articles(c), *first_thread, 2, {});
    FAIL() << "the build went on without a dictionary";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("Polish dictionary not found"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(tmp.str("new")));
  EXPECT_FALSE(fs::exists(tmp.str("work")));
}

// The same through sync_index, with an index in place: it stays as it was, searchable.
TEST_F(FullBuildTest, AFailedRebuildLeavesTheIndexAsItWas) {
  put_articles(corpus, 6);
  sync_index(tmp.str("db"), read_corpus(corpus.dir().string()), *analyzer_);
  const auto before = describe(tmp.str("db"));
  put_articles(corpus, 2 * static_cast<int>(kMinArticlesPerThread), " Zmienione.");
  const auto analyzer = analyzer_with_vanished_dictionary();
  SyncOptions two_threads;
  two_threads.threads = 2;
  EXPECT_THROW(sync_index(tmp.str("db"), read_corpus(corpus.dir().string()), *analyzer, two_threads), std::runtime_error);
  EXPECT_EQ(describe(tmp.str("db")), before);
  EXPECT_EQ(ids_for("dowód osobisty").size(), 2u);
  EXPECT_FALSE(fs::exists(replacement_path(tmp.str("db"))));
  EXPECT_FALSE(fs::exists(replacement_work_path(tmp.str("db"))));
}

}  // namespace
}  // namespace wiedza
