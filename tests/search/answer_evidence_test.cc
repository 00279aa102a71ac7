// Answer confidence and "not in the base": AnswerEvidence on a small real index, and the
// bundled corpus's out-of-scope questions from the issue against the real one.
#include "search/answer_evidence.h"

#include <gtest/gtest.h>

#include <fstream>

#include "indexer/index_writer.h"
#include "search/routing.h"
#include "search/searcher.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

using testing::TempDir;
using testing::TestCorpus;

class AnswerEvidenceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    TestCorpus corpus(tmp_->path() / "corpus");
    // "opłata" is in every article (common, little information); "pies" and "kot" in one.
    corpus.put("psy", {{"title", "Opłata za psa"}, {"body", "Opłatę za psa wnosi się raz w roku."}});
    corpus.put("targ", {{"title", "Opłata targowa"}, {"body", "Opłatę targową pobiera inkasent."}});
    corpus.put("parking", {{"title", "Opłata za parkowanie"}, {"body", "Opłata w strefie płatnego parkowania."}});
    corpus.put("smieci", {{"title", "Harmonogram wywozu odpadów"}, {"body", "Odpady odbieramy co tydzień."}});
    std::ofstream(corpus.dir() / "synonyms.txt") << "śmieci => odpady\n";
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
TempDir* AnswerEvidenceTest::tmp_ = nullptr;
Searcher* AnswerEvidenceTest::searcher_ = nullptr;

TEST_F(AnswerEvidenceTest, AFullAnswerIsConfident) {
  auto r = search("opłata za psa");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].id, "psy");
  EXPECT_DOUBLE_EQ(r.answer_confidence, 1.0);
  EXPECT_FALSE(r.weak);
}

TEST_F(AnswerEvidenceTest, MatchingOnlyTheCommonWordIsWeak) {
  // "opłata" matches everything, "koncesja" nothing: most of the question is unanswered.
  auto r = search("opłata koncesja alkohol");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_LT(r.answer_confidence, 0.35);
  EXPECT_TRUE(r.weak);
  EXPECT_LT(r.hits[0].evidence, r.hits[0].coverage + 1e-9) << "informative words must weigh more than common ones";
}

TEST_F(AnswerEvidenceTest, ASynonymAnswersTheWordItStandsFor) {
  auto r = search("śmieci harmonogram");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].id, "smieci");
  EXPECT_DOUBLE_EQ(r.answer_confidence, 1.0);
}

TEST_F(AnswerEvidenceTest, AStemAloneIsHalfAnAnswer) {
  // "parkowy" shares only its stem with "parkowanie"/"parkowania".
  auto r = search("parkowy");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].id, "parking");
  EXPECT_NEAR(r.answer_confidence, AnswerEvidence::kStemCredit, 1e-9);
}

TEST_F(AnswerEvidenceTest, LaterPagesReportTheBestHitOfTheRanking) {
  auto first = searcher_->search({"opłata za psa", 1, 0, {}, {}, {}});
  auto second = searcher_->search({"opłata za psa", 1, 1, {}, {}, {}});
  ASSERT_FALSE(second.hits.empty());
  EXPECT_NE(second.hits[0].id, "psy");
  EXPECT_DOUBLE_EQ(second.answer_confidence, first.answer_confidence);
  EXPECT_EQ(second.weak, first.weak);
}

// The bundled corpus: questions a city helpline gets that its base does not answer get
// no routing hint, while ordinary questions keep theirs.
class NotInTheBaseTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    analysis::Analyzer analyzer;
    sync_index(tmp_->str("db"), read_corpus(std::string(WIEDZA_SOURCE_DIR) + "/corpus"), analyzer);
    searcher_ = new Searcher(tmp_->str("db"));
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete tmp_;
  }
  static std::optional<RoutingHint> hint(const SearchResult& r) {
    return route(r, searcher_->directory(), searcher_->resources().unit_descriptions);
  }
  static TempDir* tmp_;
  static Searcher* searcher_;
};
TempDir* NotInTheBaseTest::tmp_ = nullptr;
Searcher* NotInTheBaseTest::searcher_ = nullptr;

TEST_F(NotInTheBaseTest, OutOfScopeQuestionsAreWeakAndUnrouted) {
  for (const char* q : {"psychiatra dziecięcy", "szczepienie covid", "wynajem sali weselnej", "wyniki lotto z wczoraj"}) {
    auto r = searcher_->search({q, 10, 0, {}, {}, {}});
    EXPECT_TRUE(r.weak) << q << ": answer confidence " << r.answer_confidence;
    EXPECT_FALSE(hint(r).has_value()) << q << " was routed to " << hint(r)->unit;
  }
}

TEST_F(NotInTheBaseTest, InScopeQuestionsKeepTheirHint) {
  for (const char* q : {"zgubiłem dowód osobisty", "wywóz gabarytów", "dziura w jezdni", "nie przyjechala smieciarka"}) {
    auto r = searcher_->search({q, 10, 0, {}, {}, {}});
    EXPECT_FALSE(r.weak) << q << ": answer confidence " << r.answer_confidence;
    EXPECT_TRUE(hint(r).has_value()) << q;
  }
}

}  // namespace
}  // namespace wiedza
