#include "search/analysis/diacritic_candidates.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace wiedza::analysis {
namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(DiacriticCandidates, IncludesTheWordAndItsPolishSpellings) {
  auto c = diacritic_candidates("odpadow", 512);
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(c.front(), "odpadow");
  EXPECT_TRUE(contains(c, "odpadów"));
  EXPECT_TRUE(contains(diacritic_candidates("smieci", 512), "śmieci"));
  EXPECT_TRUE(contains(diacritic_candidates("lodz", 512), "łódź"));
  EXPECT_TRUE(contains(diacritic_candidates("zaswiadczenie", 512), "zaświadczenie"));
}

TEST(DiacriticCandidates, FollowsPolishSpellingRules) {
  // No nasal vowel at the start of a word, no ś before a vowel, no ż inside "rz".
  EXPECT_FALSE(contains(diacritic_candidates("adres", 512), "ądres"));
  EXPECT_FALSE(contains(diacritic_candidates("siano", 512), "śiano"));
  EXPECT_FALSE(contains(diacritic_candidates("rzeka", 512), "rżeka"));
}

TEST(DiacriticCandidates, GivesUpOnTooAmbiguousWords) {
  EXPECT_TRUE(diacritic_candidates("zazolcgeslajazn", 16).empty());
}

}  // namespace
}  // namespace wiedza::analysis
