// Facets count the best facet_depth matches of the ranking, on a real index.
#include <gtest/gtest.h>

#include <map>

#include "indexer/index_writer.h"
#include "search/ranking_options.h"
#include "search/searcher.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

using testing::TempDir;
using testing::TestCorpus;

// 8 articles name a container in the title (category odpady, unit mpo), 20 only in the
// body (sprawy-obywatelskie, wsa): the first 8 of the ranking are the title ones.
class FacetCountsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    TestCorpus corpus(tmp_->path() / "corpus");
    for (int i = 0; i < 8; ++i) {
      corpus.put("tytul-" + std::to_string(i), {{"title", "Kontener na gruz " + std::to_string(i)},
                                               {"body", "Zamówienie i odbiór."},
                                               {"category", "odpady"},
                                               {"unit", "mpo"}});
    }
    for (int i = 0; i < 20; ++i) {
      corpus.put("tresc-" + std::to_string(i), {{"title", "Informacja " + std::to_string(i)},
                                               {"body", "Przy ulicy numer " + std::to_string(i) + " stoi kontener."}});
    }
    analysis::Analyzer analyzer;
    sync_index(tmp_->str("db"), read_corpus(corpus.dir().string()), analyzer);
  }
  static void TearDownTestSuite() { delete tmp_; }

  static SearchResult search(const char* depth, std::size_t limit = 10) {
    RankingOptions o;
    o.set(depth);
    Searcher s(tmp_->str("db"), analysis::default_dictionary_dir(), o);
    SearchRequest r{"kontener", limit, 0, {}, {}, {}};
    r.facets = true;
    return s.search(r);
  }
  static std::map<std::string, Xapian::doccount> counts(const SearchResult& r, const std::string& facet) {
    std::map<std::string, Xapian::doccount> out;
    for (const FacetCount& c : r.facets.at(facet)) out[c.value] = c.count;
    return out;
  }

  static TempDir* tmp_;
};
TempDir* FacetCountsTest::tmp_ = nullptr;

TEST_F(FacetCountsTest, WithFewerMatchesThanTheDepthEveryMatchIsCounted) {
  const SearchResult r = search("facet_depth=1000");
  EXPECT_EQ(r.total, 28u);
  EXPECT_TRUE(r.total_exact);
  EXPECT_EQ(r.facets_counted, 28u);
  EXPECT_EQ(r.hits.size(), 10u) << "the page is still the page asked for";
  EXPECT_EQ(counts(r, "category"), (std::map<std::string, Xapian::doccount>{{"odpady", 8}, {"sprawy-obywatelskie", 20}}));
  EXPECT_EQ(counts(r, "unit"), (std::map<std::string, Xapian::doccount>{{"mpo", 8}, {"wsa", 20}}));
  // Most frequent first.
  EXPECT_EQ(r.facets.at("unit").front().value, "wsa");
}

TEST_F(FacetCountsTest, ADepthCountsTheBestMatchesOfTheRanking) {
  const SearchResult r = search("facet_depth=8");
  EXPECT_EQ(r.facets_counted, 8u);
  EXPECT_EQ(counts(r, "category"), (std::map<std::string, Xapian::doccount>{{"odpady", 8}}));
  // The same 8 as the ranking's first 8 hits.
  const SearchResult top = search("facet_depth=8", 8);
  for (const SearchHit& h : top.hits) EXPECT_EQ(h.category, "odpady") << h.id;
  EXPECT_EQ(r.hits.size(), 10u);
}

TEST_F(FacetCountsTest, DepthZeroCountsEveryMatch) {
  const SearchResult r = search("facet_depth=0");
  EXPECT_EQ(r.facets_counted, 28u);
  EXPECT_EQ(counts(r, "kind").size(), 1u);
  EXPECT_EQ(r.facets.at("kind").front().count, 28u);
}

// The table the searcher counts with: every document's values by document id, read once.
TEST_F(FacetCountsTest, TheTableCountsDocumentsByIdAndSkipsUnknownIds) {
  Xapian::Database db(tmp_->str("db"));
  const FacetTable table = FacetTable::load(db);
  std::vector<Xapian::docid> docids;
  std::map<std::string, Xapian::doccount> expected;
  for (Xapian::docid did = 1; did <= db.get_lastdocid(); did += 3) {
    docids.push_back(did);
    ++expected[db.get_document(did).get_value(0)];
  }
  docids.push_back(db.get_lastdocid() + 100);  // no such document
  const FacetCounts counts = table.count(docids);
  std::map<std::string, Xapian::doccount> got;
  for (const FacetCount& c : counts.at("category")) got[c.value] = c.count;
  EXPECT_EQ(got, expected);
  EXPECT_TRUE(FacetTable().count(docids).at("kind").empty()) << "an empty table counts nothing";
}

}  // namespace
}  // namespace wiedza
