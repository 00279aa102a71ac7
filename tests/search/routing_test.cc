#include "search/routing.h"

#include <gtest/gtest.h>

namespace wiedza {
namespace {

Directory directory() {
  Directory d;
  d.units["wsa"] = {"wsa", "Wydział Spraw Administracyjnych", "wydzial", "", "", "", "", "dowody osobiste i meldunek", std::nullopt};
  d.units["mpo"] = {"mpo", "Miejskie Przedsiębiorstwo Oczyszczania", "spolka", "", "", "", "", "odbiór odpadów", std::nullopt};
  d.units["sm"] = {"sm", "Straż Miejska", "jednostka", "", "", "", "", "porządek publiczny", std::nullopt};
  return d;
}

SearchHit hit(const std::string& id, const std::string& unit, double score, double coverage,
              const std::string& kind = "sprawa") {
  SearchHit h;
  h.id = id;
  h.title = id;
  h.unit = unit;
  h.score = score;
  h.coverage = coverage;
  h.kind = kind;
  return h;
}

TEST(Routing, UnitOfTheBestHitsWinsWithHighConfidence) {
  SearchResult r;
  r.best = {hit("a", "mpo", 10, 1), hit("b", "mpo", 9, 1), hit("c", "sm", 4, 1)};
  auto h = route(r, directory(), UnitDescriptions());
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->unit, "mpo");
  EXPECT_GT(h->confidence, 0.8);
  ASSERT_FALSE(h->alternatives.empty());
  EXPECT_EQ(h->alternatives[0].unit, "sm");
  EXPECT_LT(h->alternatives[0].confidence, 0.2);
  EXPECT_NE(h->reason.find("Miejskie Przedsiębiorstwo Oczyszczania"), std::string::npos);
}

TEST(Routing, SplitEvidenceGivesLowerConfidence) {
  SearchResult clear, split;
  clear.best = {hit("a", "mpo", 10, 1), hit("b", "mpo", 9.5, 1)};
  split.best = {hit("a", "mpo", 10, 1), hit("b", "sm", 9.8, 1), hit("c", "wsa", 9.6, 1)};
  auto c = route(clear, directory(), UnitDescriptions());
  auto s = route(split, directory(), UnitDescriptions());
  ASSERT_TRUE(c && s);
  EXPECT_GT(c->confidence, s->confidence);
}

TEST(Routing, NoHintWithoutHitsOrWhenTheQueryIsBarelyCovered) {
  SearchResult empty;
  EXPECT_FALSE(route(empty, directory(), UnitDescriptions()).has_value());
  SearchResult weak;
  weak.best = {hit("a", "mpo", 3, 0.25)};
  EXPECT_FALSE(route(weak, directory(), UnitDescriptions()).has_value());
}

TEST(Routing, InterventionAndAnswerableFlags) {
  SearchResult r;
  r.best = {hit("a", "mpo", 10, 1, "interwencja"), hit("b", "mpo", 5, 1, "interwencja")};
  auto h = route(r, directory(), UnitDescriptions());
  ASSERT_TRUE(h);
  EXPECT_TRUE(h->intervention);
  EXPECT_TRUE(h->answerable);
  r.best = {hit("a", "mpo", 10, 1), hit("b", "sm", 9.9, 1)};
  h = route(r, directory(), UnitDescriptions());
  ASSERT_TRUE(h);
  EXPECT_FALSE(h->intervention);
  EXPECT_FALSE(h->answerable);  // no clear lead
}

TEST(Routing, UnitDescriptionsMatchQueryWordsThroughTheAnalyzer) {
  analysis::Analyzer analyzer;
  UnitDescriptions d(directory(), analyzer);
  std::vector<QueryWord> words;
  for (const auto& t : analyzer.analyze("odbiór odpadów").tokens) {
    QueryWord w;
    w.alternatives = analyzer.query_terms(t);
    words.push_back(w);
  }
  auto m = d.match(words);
  EXPECT_DOUBLE_EQ(m["mpo"], 1.0);
  EXPECT_EQ(m.count("wsa"), 0u);
}

TEST(Routing, TheHintFollowsTheTopResultUnlessClearlyOutvoted) {
  // "zgubiony dowód": the top article is the vehicle office's, two close ones the civil
  // affairs department's; the card must not contradict what the consultant reads first.
  Directory d = directory();
  d.units["wk"] = {"wk", "Wydział Komunikacji", "wydzial", "", "", "", "", "pojazdy", std::nullopt};
  SearchResult r;
  r.best = {hit("rejestracyjny", "wk", 10, 1), hit("osobisty", "wsa", 9, 1), hit("tymczasowy", "wsa", 7.5, 1)};
  auto h = route(r, d, UnitDescriptions());
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->unit, "wk");
  EXPECT_FALSE(h->differs_from_top);
  ASSERT_FALSE(h->alternatives.empty());
  EXPECT_EQ(h->alternatives[0].unit, "wsa");
  EXPECT_LE(h->confidence, h->alternatives[0].confidence + 1e-9) << "the followed unit must not look surer than the vote";
  EXPECT_NE(h->reason.find("Wydział Spraw Administracyjnych"), std::string::npos) << h->reason;

  // Four strong hits of one unit against a barely leading top hit: the evidence wins,
  // and the reason says why the card differs from the top result.
  r.best = {hit("a", "wk", 10, 1), hit("b", "wsa", 9.9, 1), hit("c", "wsa", 9.8, 1), hit("d", "wsa", 9.7, 1),
            hit("e", "wsa", 9.6, 1)};
  h = route(r, d, UnitDescriptions());
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->unit, "wsa");
  EXPECT_TRUE(h->differs_from_top);
  EXPECT_NE(h->reason.find("należy do jednostki: Wydział Komunikacji"), std::string::npos) << h->reason;
}

TEST(Routing, AWeakSearchGetsNoHint) {
  SearchResult r;
  r.best = {hit("a", "mpo", 10, 1)};
  r.weak = true;
  EXPECT_FALSE(route(r, directory(), UnitDescriptions()).has_value());
  r.weak = false;
  EXPECT_TRUE(route(r, directory(), UnitDescriptions()).has_value());
}

}  // namespace
}  // namespace wiedza
