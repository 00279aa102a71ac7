// Typo tolerance, synonyms, unit names and ranking options, end to end on a real index.
#include <gtest/gtest.h>

#include <fstream>

#include "indexer/index_writer.h"
#include "search/ranking_options.h"
#include "search/searcher.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

using testing::TempDir;
using testing::TestCorpus;

class RankingFeaturesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    TestCorpus corpus(tmp_->path() / "corpus");
    corpus.put("petardy", {{"title", "Petardy i fajerwerki"}, {"body", "Odpalanie petard poza sylwestrem jest zabronione."}});
    corpus.put("gabaryty", {{"title", "Odbiór odpadów wielkogabarytowych"},
                            {"body", "Meble i inne odpady wielkogabarytowe odbieramy raz w miesiącu."},
                            {"unit", "mpo"},
                            {"category", "odpady"}});
    corpus.put("szczury", {{"title", "Szczury w budynku"}, {"body", "Deratyzację zleca zarządca budynku."}});
    corpus.put("wysylka", {{"title", "Wysyłka dokumentów pocztą"}, {"body", "Zaświadczenie odbierzesz osobiście."}});
    corpus.put("harmonogram", {{"title", "Harmonogram odbioru odpadów"}, {"body", "Odbieramy w czwartki i piątki."}});
    corpus.put("czwartaklasa", {{"title", "Czwarta klasa szkoły podstawowej"}, {"body", "Zapisy do czwartej klasy."}});
    std::ofstream(corpus.dir() / "synonyms.txt") << "# test\nśmieci, odpady\n";
    analysis::Analyzer analyzer;
    sync_index(tmp_->str("db"), read_corpus(corpus.dir().string()), analyzer);
    searcher_ = new Searcher(tmp_->str("db"));
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete tmp_;
  }
  static SearchResult search(const std::string& q) { return searcher_->search({q, 10, 0, {}, {}, {}}); }

  static TempDir* tmp_;
  static Searcher* searcher_;
};
TempDir* RankingFeaturesTest::tmp_ = nullptr;
Searcher* RankingFeaturesTest::searcher_ = nullptr;

TEST_F(RankingFeaturesTest, TypoIsMatchedToAVocabularyWordAndReported) {
  auto r = search("petrady");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].id, "petardy");
  ASSERT_TRUE(r.corrected.has_value());
  EXPECT_EQ(*r.corrected, "petardy");
  r = search("szczóry");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].id, "szczury");
}

TEST_F(RankingFeaturesTest, KnownWordsAreNeverCorrected) {
  auto r = search("meble");
  EXPECT_FALSE(r.corrected.has_value());
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].id, "gabaryty");
}

TEST_F(RankingFeaturesTest, ShortWordsAreNotCorrected) {
  EXPECT_FALSE(search("xyz").corrected.has_value());
}

TEST_F(RankingFeaturesTest, SynonymFindsArticleWrittenWithTheOtherWord) {
  auto r = search("wywóz śmieci");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].id, "gabaryty");
}

TEST_F(RankingFeaturesTest, UnitNameReachesTheUnitsArticles) {
  auto r = search("miejskie przedsiębiorstwo oczyszczania");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].id, "gabaryty");
  r = search("mpo");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].id, "gabaryty");
}

TEST_F(RankingFeaturesTest, StemsReachDerivationsTheDictionaryKeepsApart) {
  // "wysłać"/"wysyłać" and "wysyłka" are different lemmas; the stem joins them.
  auto r = search("czy mogę wysyłać dokumenty");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].id, "wysylka");
}

TEST_F(RankingFeaturesTest, DictionaryWordsMissingFromTheIndexAreNotCorrected) {
  // "czwartek" is Polish even though no article says it; it used to become "czwarta" and
  // decide the ranking. The same for a verb form ("imprezuje" became "imprezę").
  for (const char* q : {"nie przyjechala smieciarka w czwartek", "sasiad imprezuje w nocy", "czwartek"}) {
    auto r = search(q);
    EXPECT_FALSE(r.corrected.has_value()) << q << " -> " << r.corrected.value_or("");
    for (const QueryWord& w : r.words) EXPECT_TRUE(w.correction.empty()) << q << ": " << w.surface;
  }
  auto r = search("odbior odpadow w czwartek");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].id, "harmonogram");
}

TEST_F(RankingFeaturesTest, RealTyposAreStillCorrected) {
  for (const char* q : {"petrady", "harmonogran odbioru"}) {
    auto r = search(q);
    EXPECT_TRUE(r.corrected.has_value()) << q;
  }
}

// Two articles with the same words and length, one with the query's words side by side:
// only proximity tells them apart, whether it is computed for a few candidates (the
// default) or for every match.
TEST(Proximity, WordsSideBySideRankFirstWithCandidatesOrWholeMatch) {
  TempDir tmp;
  TestCorpus corpus(tmp.path() / "corpus");
  corpus.put("daleko", {{"title", "Ogłoszenie"}, {"body", "Kontener ulica park droga most rzeka las gruz."}});
  corpus.put("blisko", {{"title", "Ogłoszenie"}, {"body", "Kontener gruz ulica park droga most rzeka las."}});
  for (int i = 0; i < 30; ++i) {  // more matches than the candidate depth
    corpus.put("inne-" + std::to_string(i), {{"title", "Informacja " + std::to_string(i)},
                                             {"body", "Kontener stoi przy ulicy numer " + std::to_string(i) + "."}});
  }
  analysis::Analyzer analyzer;
  sync_index(tmp.str("db"), read_corpus(corpus.dir().string()), analyzer);
  auto score_of = [](const SearchResult& r, const std::string& id) {
    for (const SearchHit& h : r.hits) {
      if (h.id == id) return h.score;
    }
    return -1.0;
  };
  for (const char* depth : {"proximity_depth=20", "proximity_depth=0"}) {
    RankingOptions o;
    o.set(depth);
    Searcher s(tmp.str("db"), analysis::default_dictionary_dir(), o);
    const SearchResult r = s.search({"kontener gruz", 10, 0, {}, {}, {}});
    ASSERT_FALSE(r.hits.empty()) << depth;
    EXPECT_EQ(r.hits.front().id, "blisko") << depth;
    EXPECT_GT(score_of(r, "blisko"), score_of(r, "daleko")) << depth;
    EXPECT_EQ(r.total, 32u) << depth << ": the candidates do not change how many articles match";
  }
  RankingOptions off;
  off.set("proximity_weight=0");
  Searcher s(tmp.str("db"), analysis::default_dictionary_dir(), off);
  const SearchResult r = s.search({"kontener gruz", 10, 0, {}, {}, {}});
  EXPECT_NEAR(score_of(r, "blisko"), score_of(r, "daleko"), 1e-9) << "without proximity the two are alike";
  EXPECT_GT(score_of(r, "blisko"), 0);
}

TEST(RankingOptions, SetParsesAndRejectsClearly) {
  RankingOptions o;
  o.set("title_weight=4.5");
  EXPECT_DOUBLE_EQ(o.title_weight, 4.5);
  EXPECT_THROW(o.set("title_weight"), std::invalid_argument);
  EXPECT_THROW(o.set("title_weight=abc"), std::invalid_argument);
  EXPECT_THROW(o.set("title_weight=-1"), std::invalid_argument);
  try {
    o.set("nonsense=1");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("known: title_weight"), std::string::npos);
  }
}

}  // namespace
}  // namespace wiedza
