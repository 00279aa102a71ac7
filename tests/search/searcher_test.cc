#include "search/searcher.h"

#include <gtest/gtest.h>

#include "indexer/index_writer.h"
#include "search/search_json.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

using testing::TempDir;
using testing::TestCorpus;

class SearcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    TestCorpus corpus(tmp_->path() / "corpus");
    corpus.put("dowod-utrata", {{"title", "Utrata lub kradzież dowodu osobistego"},
                                {"summary", "Zgłoś utratę dowodu, aby nikt nie użył Twoich danych."},
                                {"body", "Jeśli zgubisz dowód osobisty, zgłoś jego utratę w urzędzie lub przez "
                                         "internet. Dowód zostanie unieważniony.\n\n- zgłoszenie online\n- "
                                         "**wniosek** o nowy dokument"},
                                {"kind", "sprawa"},
                                {"keywords", {"zgubiony dowód", "kradzież"}},
                                {"updated", "2026-01-10"}});
    corpus.put("dowod-wydanie", {{"title", "Wydanie dowodu osobistego"},
                                 {"body", "Wniosek o wydanie dowodu osobistego składa się w dowolnym urzędzie."},
                                 {"kind", "sprawa"}});
    corpus.put("odpady-gabaryty", {{"title", "Odbiór odpadów wielkogabarytowych"},
                                   {"body", "Meble i inne odpady wielkogabarytowe odbieramy raz w miesiącu."},
                                   {"category", "odpady"},
                                   {"unit", "mpo"},
                                   {"kind", "interwencja"}});
    analysis::Analyzer analyzer;
    sync_index(tmp_->str("db"), read_corpus(corpus.dir().string()), analyzer);
    searcher_ = new Searcher(tmp_->str("db"));
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete tmp_;
  }

  static SearchResult search(const std::string& q) {
    SearchRequest r;
    r.query = q;
    return searcher_->search(r);
  }

  static TempDir* tmp_;
  static Searcher* searcher_;
};
TempDir* SearcherTest::tmp_ = nullptr;
Searcher* SearcherTest::searcher_ = nullptr;

TEST_F(SearcherTest, InflectedQueryFindsTheArticle) {
  auto r = search("zgubiony dowód");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].id, "dowod-utrata");
  r = search("odpadów wielkogabarytowych");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].id, "odpady-gabaryty");
}

TEST_F(SearcherTest, QueryWithoutPolishLettersHasTheSameTopResult) {
  const std::pair<const char*, const char*> pairs[] = {
      {"zgubiłem dowód osobisty", "zgubilem dowod osobisty"},
      {"odbiór odpadów wielkogabarytowych", "odbior odpadow wielkogabarytowych"},
      {"wydanie dowodu", "wydanie dowodu"},
  };
  for (auto [accented, plain] : pairs) {
    auto a = search(accented), p = search(plain);
    ASSERT_FALSE(a.hits.empty()) << accented;
    ASSERT_FALSE(p.hits.empty()) << plain;
    EXPECT_EQ(a.hits[0].id, p.hits[0].id) << accented << " / " << plain;
  }
}

TEST_F(SearcherTest, SnippetMarksInflectedMatchesAndEscapesHtml) {
  auto r = search("dowód");
  ASSERT_FALSE(r.hits.empty());
  auto j = hit_to_json(r.hits[0]);
  const std::string snippet = j["snippet"];
  EXPECT_NE(snippet.find("<mark>"), std::string::npos) << snippet;
  EXPECT_EQ(snippet.find("**"), std::string::npos) << "Markdown must not leak into snippets: " << snippet;
}

TEST_F(SearcherTest, FiltersRestrictResults) {
  SearchRequest r;
  r.query = "dowód odpady";
  r.units = {"mpo"};
  auto result = searcher_->search(r);
  ASSERT_EQ(result.hits.size(), 1u);
  EXPECT_EQ(result.hits[0].id, "odpady-gabaryty");
  r.units = {};
  r.kinds = {"sprawa"};
  for (const auto& h : searcher_->search(r).hits) EXPECT_EQ(h.kind, "sprawa");
}

TEST_F(SearcherTest, StopWordsDoNotDominate) {
  auto r = search("jak mogę zgłosić zgubiony dowód");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].id, "dowod-utrata");
}

TEST_F(SearcherTest, QuotedPhraseMustAppear) {
  auto r = search("\"wydanie dowodu\"");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].id, "dowod-wydanie");
}

TEST_F(SearcherTest, NothingSearchableGivesNoResultsNotAnError) {
  EXPECT_TRUE(search("").hits.empty());
  EXPECT_TRUE(search("!!! ???").hits.empty());
  EXPECT_TRUE(search("xyzzyqwerty").hits.empty());
}

TEST_F(SearcherTest, DirectoryComesFromTheDatabase) {
  Directory d = searcher_->directory();
  ASSERT_NE(d.unit("mpo"), nullptr);
  EXPECT_EQ(d.unit("mpo")->kind, "spolka");
  EXPECT_EQ(d.categories.size(), 2u);
}

TEST(SearcherOpen, MissingDatabaseIsAClearError) {
  try {
    Searcher s("/nonexistent/wiedza-db");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos);
  }
}

}  // namespace
}  // namespace wiedza
