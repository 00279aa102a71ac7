#include "search/suggester.h"

#include <gtest/gtest.h>

namespace wiedza {
namespace {

Suggester sample() {
  Suggester s;
  s.add("Zgłoszenie dziury w jezdni", "dziura-w-jezdni");
  s.add("Zgubiony dowód osobisty", "dowod-utrata");
  s.add("zgłoszenie awarii", "");
  s.add("Odbiór odpadów wielkogabarytowych", "gabaryty");
  return s;
}

TEST(Suggester, CompletesTheLastWordDiacriticInsensitively) {
  auto out = sample().suggest("zglo", 8);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].text, "Zgłoszenie dziury w jezdni");  // titles first
  EXPECT_EQ(out[0].id, "dziura-w-jezdni");
  EXPECT_EQ(out[1].text, "zgłoszenie awarii");
  EXPECT_EQ(out[1].id, "");
}

TEST(Suggester, EveryTypedWordMustStartAWordOfThePhrase) {
  auto out = sample().suggest("odpady wielk", 8);
  EXPECT_TRUE(out.empty());  // "odpady" is not a prefix of "odpadów"
  out = sample().suggest("odpad wielk", 8);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].id, "gabaryty");
  EXPECT_TRUE(sample().suggest("zgl jezdni", 8).size() == 1);
}

TEST(Suggester, RespectsLimitAndEmptyInput) {
  EXPECT_EQ(sample().suggest("z", 1).size(), 1u);
  EXPECT_TRUE(sample().suggest("", 8).empty());
  EXPECT_TRUE(sample().suggest("  !! ", 8).empty());
}

TEST(FoldedWords, SplitsAndFolds) {
  EXPECT_EQ(folded_words("Łódź, ul. Żółta 5"), (std::vector<std::string>{"lodz", "ul", "zolta", "5"}));
}

// The analyser's tokenizer decides what a word is, so compounds split into the parts
// search indexes, and a phone number typed in groups matches group by group.
TEST(FoldedWords, SplitsLikeTheAnalyser) {
  EXPECT_EQ(folded_words("Adres e-mail"), (std::vector<std::string>{"adres", "e", "mail"}));
  EXPECT_EQ(folded_words("Świadczenie 800+"), (std::vector<std::string>{"swiadczenie", "800"}));
  EXPECT_EQ(folded_words("tel. 12 616 55 55"), (std::vector<std::string>{"tel", "12", "616", "55", "55"}));
  EXPECT_EQ(folded_words("Kraków\u00A0—\u00A0Nowa Huta"), (std::vector<std::string>{"krakow", "nowa", "huta"}));
}

}  // namespace
}  // namespace wiedza
