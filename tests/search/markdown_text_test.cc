// Article bodies reduced to plain text for indexing and snippets.
#include "search/markdown_text.h"

#include <gtest/gtest.h>

namespace wiedza {
namespace {

TEST(MarkdownText, ListMarkersAndBoldAreDropped) {
  EXPECT_EQ(markdown_to_plain_text("Weź:\n- dowód,\n* wniosek **podpisany**."), "Weź:\ndowód,\nwniosek podpisany.");
}

// Snippets join lines: a heading must end its sentence or it runs into the text after it.
TEST(MarkdownText, HeadingsEndTheirSentence) {
  EXPECT_EQ(markdown_to_plain_text("**Gdzie złożyć reklamację**\n\nReklamacje przyjmuje BOK."),
            "Gdzie złożyć reklamację.\n\nReklamacje przyjmuje BOK.");
  EXPECT_EQ(markdown_to_plain_text("## Terminy \nDo 14 dni."), "Terminy.\nDo 14 dni.");
  // Already punctuated, or bold inside a sentence: left as written.
  EXPECT_EQ(markdown_to_plain_text("**Uwaga:**\nTermin mija."), "Uwaga:\nTermin mija.");
  EXPECT_EQ(markdown_to_plain_text("To jest **ważne** i **pilne**"), "To jest ważne i pilne");
}

}  // namespace
}  // namespace wiedza
