#include "search/analysis/text_folding.h"

#include <gtest/gtest.h>

namespace wiedza::analysis {
namespace {

TEST(TextFolding, FoldsPolishLettersIncludingStrokedL) {
  EXPECT_EQ(fold_diacritics("zażółć gęślą jaźń"), "zazolc gesla jazn");
  EXPECT_EQ(fold_diacritics("Łódź"), "Lodz");
  EXPECT_EQ(fold_diacritics("ŁÓDŹ"), "LODZ");
}

TEST(TextFolding, CaseFoldingHandlesPolishCapitals) {
  EXPECT_EQ(fold_case("DOWÓD ŻÓŁTY Łąka"), "dowód żółty łąka");
}

TEST(TextFolding, NfcComposesDecomposedInput) {
  const std::string decomposed = "dowo\xCC\x81" "d";  // o + COMBINING ACUTE ACCENT
  EXPECT_EQ(normalize_nfc(decomposed), "dowód");
  EXPECT_EQ(fold_diacritics(decomposed), "dowod");
}

TEST(TextFolding, InvalidUtf8IsDetectedAndDoesNotThrow) {
  EXPECT_TRUE(is_valid_utf8("zażółć"));
  EXPECT_FALSE(is_valid_utf8("za\xFF\xFE"));
  EXPECT_NO_THROW(normalize_nfc("za\xFF"));
}

TEST(TextFolding, CapitaliseFirstWorksOnPolishInitials) {
  EXPECT_EQ(capitalise_first("łódź"), "Łódź");
  EXPECT_EQ(capitalise_first("mokotów"), "Mokotów");
}

}  // namespace
}  // namespace wiedza::analysis
