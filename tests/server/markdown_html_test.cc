#include "server/markdown_html.h"

#include <gtest/gtest.h>

#include "server/portal_links.h"

namespace wiedza::server {
namespace {

struct Case {
  const char* markdown;
  const char* html;
};

TEST(MarkdownHtml, RendersParagraphsListsAndBold) {
  const Case cases[] = {
      {"Jeden akapit.", "<p>Jeden akapit.</p>\n"},
      {"Pierwszy.\n\nDrugi\nciąg dalszy.", "<p>Pierwszy.</p>\n<p>Drugi ciąg dalszy.</p>\n"},
      {"**Jak zgłosić**\n\n- telefon,\n- e-mail.",
       "<p><strong>Jak zgłosić</strong></p>\n<ul>\n<li>telefon,</li>\n<li>e-mail.</li>\n</ul>\n"},
      {"Wstęp:\n- a\n- b\nKoniec.", "<p>Wstęp:</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<p>Koniec.</p>\n"},
      {"Zwykły **pogrubiony** i **drugi** tekst.", "<p>Zwykły <strong>pogrubiony</strong> i <strong>drugi</strong> tekst.</p>\n"},
      {"Niesparowane ** zostaje.", "<p>Niesparowane ** zostaje.</p>\n"},
      {"\n\n\n", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(markdown_to_html(c.markdown), c.html) << c.markdown;
}

TEST(MarkdownHtml, EscapesEverythingItDoesNotGenerate) {
  EXPECT_EQ(markdown_to_html("<script>alert(\"x\")</script> & 'y'"),
            "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>\n");
  EXPECT_EQ(markdown_to_html("- **<b>**"), "<ul>\n<li><strong>&lt;b&gt;</strong></li>\n</ul>\n");
}

TEST(PortalLinks, EncodeQueryValues) {
  EXPECT_EQ(url_encode("dowód osobisty"), "dow%C3%B3d%20osobisty");
  EXPECT_EQ(url_encode("a&b=c\"<>"), "a%26b%3Dc%22%3C%3E");
  EXPECT_EQ(search_url(SearchLink{"x y", {"odpady"}, 20, 0}), "/szukaj?q=x%20y&category=odpady&offset=20");
  EXPECT_EQ(search_url(SearchLink{"x", {}, 0, 5}), "/szukaj?q=x&limit=5");
  EXPECT_EQ(article_url("dowod-osobisty"), "/artykul/dowod-osobisty");
}

}  // namespace
}  // namespace wiedza::server
