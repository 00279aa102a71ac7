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
  o.set("fields_weight=4.5");
  EXPECT_DOUBLE_EQ(o.fields_weight, 4.5);
  EXPECT_THROW(o.set("fields_weight"), std::invalid_argument);
  EXPECT_THROW(o.set("fields_weight=abc"), std::invalid_argument);
  EXPECT_THROW(o.set("fields_weight=-1"), std::invalid_argument);
  try {
    o.set("nonsense=1");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("known: body_weight, fields_weight"), std::string::npos);
  }
}

// Two-phase ranking (RankingOptions::candidate_depth) on a base of varied articles.
class TwoPhaseRankingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    TestCorpus corpus(tmp_->path() / "corpus");
    const char* const bodies[] = {
        "Wniosek o dowód osobisty składasz w urzędzie.", "Zgubiony dowód zgłoś jak najszybciej.",
        "Odpady wielkogabarytowe odbieramy raz w miesiącu.", "Meble wystaw przed posesję w dniu odbioru odpadów.",
        "Psa trzeba zaszczepić przeciw wściekliźnie.", "Karta parkingowa uprawnia do postoju w strefie.",
        "Awarię oświetlenia zgłoś zarządowi dróg.", "Wyrobienie paszportu trwa miesiąc.",
    };
    for (int i = 0; i < 40; ++i) {
      corpus.put("a" + std::to_string(i), {{"title", std::string(i % 3 == 0 ? "Dowód i odpady " : "Sprawa ") + std::to_string(i)},
                                         {"body", std::string(bodies[i % 8]) + " " + bodies[(i * 3 + 1) % 8]}});
    }
    corpus.put("psy", {{"title", "Wybieg"}, {"body", "Ogrodzony teren dla psów i ich właścicieli."}});
    corpus.put("parking", {{"title", "Parking przy dworcu"}, {"body", "Całodobowy."}});
    corpus.put("wywoz", {{"title", "Harmonogram"}, {"body", "Wywóz odpadów w każdy czwartek."}});
    std::ofstream(corpus.dir() / "synonyms.txt") << "śmieciarka, wywóz odpadów\n";
    analysis::Analyzer analyzer;
    sync_index(tmp_->str("db"), read_corpus(corpus.dir().string()), analyzer);
  }
  static void TearDownTestSuite() { delete tmp_; }

  static SearchResult search(const std::string& q, const char* option, std::size_t limit = 10) {
    RankingOptions o;
    o.set(option);
    Searcher s(tmp_->str("db"), analysis::default_dictionary_dir(), o);
    return s.search({q, limit, 0, {}, {}, {}});
  }

  static TempDir* tmp_;
};
TempDir* TwoPhaseRankingTest::tmp_ = nullptr;

TEST_F(TwoPhaseRankingTest, CandidatesGetTheWeightsOfTheWholeQuery) {
  for (const char* q : {"dowód osobisty", "odbiór mebli i odpadów", "zgubiony dowod", "pies szczepienie"}) {
    const SearchResult one = search(q, "candidate_depth=0", 30), two = search(q, "candidate_depth=1000", 30);
    ASSERT_EQ(one.hits.size(), two.hits.size()) << q;
    ASSERT_FALSE(one.hits.empty()) << q;
    for (std::size_t i = 0; i < one.hits.size(); ++i) {
      EXPECT_EQ(two.hits[i].id, one.hits[i].id) << q << " at " << i;
      EXPECT_NEAR(two.hits[i].score, one.hits[i].score, 1e-9) << q << " at " << i;
    }
    EXPECT_EQ(two.answer_confidence, one.answer_confidence) << q;
  }
}

TEST_F(TwoPhaseRankingTest, FewCandidatesStillFillThePageAndKeepItsHead) {
  const SearchResult one = search("dowód osobisty odpady", "candidate_depth=0");
  const SearchResult two = search("dowód osobisty odpady", "candidate_depth=3");
  ASSERT_EQ(two.hits.size(), 10u) << "the candidates reach at least as far as the page";
  EXPECT_EQ(two.hits.front().id, one.hits.front().id);
  EXPECT_GE(two.total, 10u);
}

// "psy" and "psów" share a lemma (pies) but not a stem: the first phase reads lemma terms
// too, or this article would never be a candidate.
TEST_F(TwoPhaseRankingTest, ALemmaWhoseFormsShareNoStemFindsItsArticle) {
  const SearchResult r = search("psy", "candidate_depth=100");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits.front().id, "psy");
}

TEST_F(TwoPhaseRankingTest, AnArticleReachedOnlyThroughASynonymIsACandidate) {
  const SearchResult r = search("śmieciarka", "candidate_depth=100");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits.front().id, "wywoz");
}

// No article shares a lemma or a 5-letter stem with "parkomat"; its short stem "park" still
// answers, as the one-phase ranking does.
TEST_F(TwoPhaseRankingTest, WithoutCandidatesTheWholeQueryAnswers) {
  const SearchResult one = search("parkomat", "candidate_depth=0"), two = search("parkomat", "candidate_depth=100");
  ASSERT_FALSE(one.hits.empty());
  ASSERT_EQ(two.hits.size(), one.hits.size());
  EXPECT_EQ(two.hits.front().id, "parking");
}

}  // namespace
}  // namespace wiedza
