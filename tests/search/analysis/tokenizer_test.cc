#include "search/analysis/tokenizer.h"

#include <gtest/gtest.h>

namespace wiedza::analysis {
namespace {

std::vector<std::string> texts(const std::string& s) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(s)) out.push_back(t.text);
  return out;
}

TEST(Tokenizer, SplitsWordsAndDropsPunctuation) {
  EXPECT_EQ(texts("Dowód osobisty, zgłoszenie!"), (std::vector<std::string>{"Dowód", "osobisty", "zgłoszenie"}));
}

TEST(Tokenizer, KeepsHyphenatedWordsWhole) {
  auto tokens = tokenize("Napisz e-mail do Kowalskiej-Nowak");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[1].text, "e-mail");
  EXPECT_EQ(tokens[1].kind, TokenKind::kCompound);
  EXPECT_EQ(tokens[1].parts, (std::vector<std::string>{"e", "mail"}));
  EXPECT_EQ(tokens[3].text, "Kowalskiej-Nowak");
}

TEST(Tokenizer, KeepsProgrammeNamesWithPlus) {
  auto tokens = tokenize("świadczenie 800+ dla rodzin");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[1].text, "800+");
  EXPECT_EQ(tokens[1].parts, (std::vector<std::string>{"800"}));
}

TEST(Tokenizer, JoinsPhoneNumberGroups) {
  auto tokens = tokenize("zadzwoń pod 12 616 55 55 albo 986");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[2].text, "12 616 55 55");
  EXPECT_EQ(tokens[2].parts.size(), 4u);
  EXPECT_EQ(tokens[4].text, "986");
}

TEST(Tokenizer, AbbreviationDotIsNotPartOfTheWord) {
  EXPECT_EQ(texts("ul. Wielicka 28a"), (std::vector<std::string>{"ul", "Wielicka", "28a"}));
}

TEST(Tokenizer, OffsetsPointIntoTheText) {
  const std::string s = "Łódź i Kraków";
  for (const Token& t : tokenize(s)) EXPECT_EQ(s.substr(t.begin, t.end - t.begin), t.text);
}

}  // namespace
}  // namespace wiedza::analysis
