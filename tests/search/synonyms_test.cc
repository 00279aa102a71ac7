#include "search/synonyms.h"

#include <gtest/gtest.h>

namespace wiedza {
namespace {

TEST(SynonymsFile, ParsesGroupsOneWayRulesAndComments) {
  ValidationErrors errors;
  auto rules = parse_synonyms(
      "# komentarz\n"
      "śmieci, odpady\n"
      "\n"
      "mpk => miejskie przedsiębiorstwo komunikacyjne  # skrót\n",
      "synonyms.txt", errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0].from, "śmieci");
  EXPECT_EQ(rules[0].to, "odpady");
  EXPECT_EQ(rules[1].from, "odpady");
  EXPECT_EQ(rules[2].from, "mpk");
  EXPECT_EQ(rules[2].to, "miejskie przedsiębiorstwo komunikacyjne");
}

TEST(SynonymsFile, ReportsBadLinesWithTheirNumber) {
  ValidationErrors errors;
  auto rules = parse_synonyms("a, , b\nsamotne\nx => y => z\nok, dobrze\n", "synonyms.txt", errors);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].field, "line 1");
  EXPECT_EQ(errors[1].field, "line 2");
  EXPECT_EQ(errors[2].field, "line 3");
  EXPECT_EQ(rules.size(), 2u);
}

TEST(SynonymTable, MatchesInflectedFormsThroughTheAnalyzer) {
  analysis::Analyzer analyzer;
  SynonymTable table({{"śmieci", "odpady"}, {"zawarcie małżeństwa", "ślub"}}, analyzer);
  auto words = [&](const std::string& text) {
    std::vector<std::vector<std::string>> out;
    for (const auto& t : analyzer.analyze(text).tokens) {
      if (!t.stop) out.push_back(analyzer.query_terms(t));
    }
    return out;
  };
  auto m = table.match(words("wywóz śmieciach"));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].first_word, 1u);
  m = table.match(words("termin zawarcia małżeństwa"));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].first_word, 1u);
  EXPECT_EQ(m[0].length, 2u);
  EXPECT_TRUE(table.match(words("zawarcie umowy")).empty());
}

TEST(SynonymsJson, RoundTrips) {
  std::vector<SynonymRule> rules = {{"a", "b"}, {"c d", "e"}};
  auto back = synonyms_from_json(synonyms_to_json(rules));
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[1].from, "c d");
}

}  // namespace
}  // namespace wiedza
