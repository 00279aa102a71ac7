#include "search/vocabulary.h"

#include <gtest/gtest.h>

namespace wiedza {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsSubstitutionsAndTranspositions) {
  EXPECT_EQ(edit_distance("petardy", "petardy", 2), 0);
  EXPECT_EQ(edit_distance("petrady", "petardy", 2), 1);  // transposition
  EXPECT_EQ(edit_distance("numru", "numeru", 2), 1);
  EXPECT_EQ(edit_distance("klsy", "klasy", 2), 1);
  EXPECT_GT(edit_distance("abcdef", "uvwxyz", 2), 2);  // early exit above the limit
}

TEST(PhoneticKey, FoldsConfusableSpellings) {
  EXPECT_EQ(phonetic_key("morze"), phonetic_key("moze"));
  EXPECT_EQ(phonetic_key("chodnik"), phonetic_key("hodnik"));
}

TEST(Vocabulary, FindsClosestWordsFirstThenMostFrequent) {
  Vocabulary v = Vocabulary::from_words({{"szczury", 3}, {"szczyty", 9}, {"petardy", 2}, {"karty", 50}, {"ab", 1}});
  EXPECT_EQ(v.size(), 4u);  // "ab" is too short to be corrected to
  auto c = v.near("szczory", 1, 5);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].word, "szczury");
  EXPECT_TRUE(v.near("szczory", 0, 5).empty());
  auto far = v.near("szczoty", 2, 5);
  ASSERT_EQ(far.size(), 2u);
  EXPECT_EQ(far[0].word, "szczyty");  // 1 edit
  EXPECT_EQ(far[1].word, "szczury");  // 2 edits
}

TEST(Vocabulary, RzAndZCostHalfAnEdit) {
  // "żeka" typed for "rzeka" folds to "zeka": one edit from both words below, but the
  // rz/ż confusion makes "rzeka" the closer one despite its lower frequency.
  Vocabulary v = Vocabulary::from_words({{"zeta", 50}, {"rzeka", 1}});
  auto c = v.near("zeka", 1, 5);
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(c[0].word, "rzeka");
  EXPECT_LT(c[0].distance, 1.0);
}

}  // namespace
}  // namespace wiedza
