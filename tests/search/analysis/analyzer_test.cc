#include "search/analysis/analyzer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace wiedza::analysis {
namespace {

class AnalyzerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { analyzer_ = new Analyzer(); }
  static void TearDownTestSuite() { delete analyzer_; }

  // Index-side terms of each content word of `text`.
  static std::vector<std::set<std::string>> index_words(const std::string& text) {
    std::vector<std::set<std::string>> out;
    for (const AnalyzedToken& t : analyzer_->analyze(text).tokens) {
      if (t.stop) continue;
      std::set<std::string> terms(t.terms.begin(), t.terms.end());
      for (const auto& p : t.parts) terms.insert(p.terms.begin(), p.terms.end());
      out.push_back(terms);
    }
    return out;
  }

  // Query-side terms of each content word of `text`.
  static std::vector<std::vector<std::string>> query_words(const std::string& text) {
    std::vector<std::vector<std::string>> out;
    for (const AnalyzedToken& t : analyzer_->analyze(text).tokens) {
      if (!t.stop) out.push_back(analyzer_->query_terms(t));
    }
    return out;
  }

  static Analyzer* analyzer_;
};
Analyzer* AnalyzerTest::analyzer_ = nullptr;

struct Pair {
  const char* indexed;
  const char* queried;
};

// Inflected forms, and forms typed without Polish letters, that must meet the text as
// an editor wrote it: word i of the query shares a term with word i of the text.
const Pair kMustMeet[] = {
    {"dowód osobisty", "dowodu osobistego"},
    {"odpady wielkogabarytowe", "odpadów wielkogabarytowych"},
    {"zgłoszenie", "zgłoszenia"},
    {"wywóz", "wywozu"},
    {"mieszkanie komunalne", "mieszkania komunalnego"},
    {"prawo jazdy", "prawa jazdy"},
    {"opłata", "opłaty"},
    {"opłaty", "opłatę"},
    {"pies", "psa"},
    {"dziura", "dziurę"},
    {"Mokotów", "Mokotowie"},
    {"Mokotów", "mokotowie"},
    {"Nowa Huta", "Nowej Hucie"},
    {"Kraków", "krakowie"},
    // diacritic-free queries
    {"śmieci", "smieci"},
    {"odpadów", "odpadow"},
    {"odpady", "odpadow"},
    {"opłata", "oplata"},
    {"łódź", "lodz"},
    {"zgubiłem", "zgubilem"},
    {"dowód", "dowod"},
    {"zaświadczenie", "zaswiadczenie"},
    {"zaświadczenia", "zaswiadczenie"},
    {"żłobek", "zlobka"},
    // case and Unicode forms
    {"DOWÓD OSOBISTY", "dowód osobisty"},
    {"dowo\xCC\x81" "d", "dowód"},
    {"ŁÓDŹ", "łódź"},
    // compounds
    {"e-mail", "e-mail"},
    {"e-mail", "email"},
    {"12 616 55 55", "12 616 55 55"},
    {"12 616 55 55", "126165555"},
    {"800+", "800+"},
    {"świadczenie 800+", "świadczenia 800+"},
};

TEST_F(AnalyzerTest, InflectedAndDiacriticFreeFormsMeet) {
  for (const Pair& p : kMustMeet) {
    auto doc = index_words(p.indexed);
    auto query = query_words(p.queried);
    EXPECT_EQ(query.size(), doc.size()) << p.indexed << " / " << p.queried;
    if (query.size() != doc.size()) continue;
    for (std::size_t i = 0; i < doc.size(); ++i) {
      bool meets = std::any_of(query[i].begin(), query[i].end(), [&](const std::string& t) { return doc[i].count(t); });
      EXPECT_TRUE(meets) << "'" << p.queried << "' does not meet '" << p.indexed << "' at word " << i;
    }
  }
}

TEST_F(AnalyzerTest, DifferentWordsDoNotMeet) {
  auto doc = index_words("dowód");
  auto query = query_words("paszport");
  for (const std::string& t : query[0]) EXPECT_EQ(doc[0].count(t), 0u) << t;
}

TEST_F(AnalyzerTest, QuestionWordsAreStopWordsWithOrWithoutDiacritics) {
  for (const char* text : {"jak", "gdzie", "czy", "co", "mogę", "moge", "proszę", "prosze", "w", "na"}) {
    auto tokens = analyzer_->analyze(text).tokens;
    ASSERT_EQ(tokens.size(), 1u);
    EXPECT_TRUE(tokens[0].stop) << text;
    EXPECT_TRUE(tokens[0].terms.empty()) << text;
  }
  auto tokens = analyzer_->analyze("jak mogę zgłosić dziurę w jezdni").tokens;
  std::vector<std::string> content;
  for (const auto& t : tokens) {
    if (!t.stop) content.push_back(t.normalized);
  }
  EXPECT_EQ(content, (std::vector<std::string>{"zgłosić", "dziurę", "jezdni"}));
}

TEST_F(AnalyzerTest, LemmasAreFromTheDictionary) {
  auto t = analyzer_->analyze("odpadów").tokens.at(0);
  EXPECT_EQ(t.lemmas, std::vector<std::string>{"odpad"});
  t = analyzer_->analyze("dowodu").tokens.at(0);
  EXPECT_EQ(t.lemmas, std::vector<std::string>{"dowód"});
}

TEST_F(AnalyzerTest, UnknownWordsStandForThemselves) {
  auto t = analyzer_->analyze("PSZOK").tokens.at(0);
  EXPECT_TRUE(t.lemmas.empty());
  EXPECT_NE(std::find(t.terms.begin(), t.terms.end(), "pszok"), t.terms.end());
}

TEST_F(AnalyzerTest, PositionsAdvanceOverStopWords) {
  auto tokens = analyzer_->analyze("dowód w urzędzie", 10).tokens;
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].position, 10u);
  EXPECT_EQ(tokens[1].position, 11u);
  EXPECT_EQ(tokens[2].position, 12u);
}

TEST_F(AnalyzerTest, OverlongTokensAreIgnored) {
  EXPECT_TRUE(analyzer_->analyze(std::string(200, 'x')).tokens.empty());
}

// Snippets map positions back to words through position_spans(); it must agree with
// analyze() token for token, overlong tokens and compounds included.
TEST_F(AnalyzerTest, PositionSpansAreTheAnalysedTokens) {
  const std::string text = "Zadzwoń: 12 616 55 55, e-mail " + std::string(80, 'x') + " i 800+ — Żółć.";
  const Analysis a = analyzer_->analyze(text);
  const std::vector<TextSpan> spans = Analyzer::position_spans(a.text);
  ASSERT_EQ(spans.size(), a.tokens.size());
  for (std::size_t i = 0; i < spans.size(); ++i) {
    EXPECT_EQ(spans[i].begin, a.tokens[i].begin) << i;
    EXPECT_EQ(spans[i].end, a.tokens[i].end) << i;
  }
  EXPECT_EQ(a.text.substr(spans.back().begin, spans.back().end - spans.back().begin), "Żółć");
}

TEST_F(AnalyzerTest, StemsAreTheFirstLettersOfTheFoldedWord) {
  const Analysis a = analyzer_->analyze("Wysyłka wysyłać Łódź w 2024 e-mail");
  ASSERT_EQ(a.tokens.size(), 6u);
  EXPECT_EQ(a.tokens[0].stem, "wysyl");  // derivations the dictionary keeps apart share it
  EXPECT_EQ(a.tokens[1].stem, "wysyl");
  EXPECT_EQ(a.tokens[0].short_stem, "wysy");
  EXPECT_EQ(a.tokens[2].stem, "lodz");  // shorter than the stem: the whole folded word
  EXPECT_EQ(a.tokens[2].short_stem, "lodz");
  EXPECT_TRUE(a.tokens[3].stem.empty());  // stop word
  EXPECT_TRUE(a.tokens[4].stem.empty());  // number: matched exactly or not at all
  EXPECT_TRUE(a.tokens[5].stem.empty());  // compound: its parts carry stems
  ASSERT_EQ(a.tokens[5].parts.size(), 2u);
  EXPECT_EQ(a.tokens[5].parts[1].stem, "mail");
  // Typed without Polish letters, a word gets the same stems.
  EXPECT_EQ(analyzer_->analyze("wysylka").tokens[0].stem, "wysyl");
}

TEST_F(AnalyzerTest, DictionaryWordsAreKnownWithOrWithoutPolishLetters) {
  auto known = [](const std::string& word) { return analyzer_->is_dictionary_word(analyzer_->analyze(word).tokens.at(0)); };
  for (const char* word : {"czwartek", "imprezuje", "przyjechala", "sasiad", "smieciarka", "Mokotowie"}) {
    EXPECT_TRUE(known(word)) << word;
  }
  for (const char* word : {"czwartk", "smiciarka", "wywuz", "xqzt"}) EXPECT_FALSE(known(word)) << word;
}

}  // namespace
}  // namespace wiedza::analysis
