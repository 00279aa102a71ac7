// The consultant console in headless Chromium (Debian's chromium + chromedriver): type a
// query, see results and the routing card, move and open an article with the keyboard.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>

#include "indexer/index_writer.h"
#include "tests/support/axe.h"
#include "tests/support/running_server.h"
#include "tests/support/webdriver.h"

namespace wiedza {
namespace {

using testing::RunningServer;
using testing::TempDir;
using testing::WebDriver;

class ConsoleBrowserTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    analysis::Analyzer analyzer;
    sync_index(tmp_->str("db"), read_corpus(std::string(WIEDZA_SOURCE_DIR) + "/corpus"), analyzer);
    server::ServerConfig config;
    config.db_path = tmp_->str("db");
    config.port = 0;
    config.threads = 2;
    // Units' opening hours are judged at a moment tests choose (a weekday morning unless set).
    config.clock = [] { return std::chrono::system_clock::time_point(std::chrono::seconds(now_.load())); };
    server_ = new RunningServer(config);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete tmp_;
  }
  void TearDown() override { now_ = kWednesdayMorning; }
  static TempDir* tmp_;
  static RunningServer* server_;
  static std::atomic<long> now_;  // seconds since the epoch, UTC
  // Wednesday 2 December 2026 at 10:00 and at 17:22 in Kraków.
  static constexpr long kWednesdayMorning = 1796202000;
  static constexpr long kWednesdayEvening = 1796228520;
};
TempDir* ConsoleBrowserTest::tmp_ = nullptr;
RunningServer* ConsoleBrowserTest::server_ = nullptr;
std::atomic<long> ConsoleBrowserTest::now_{kWednesdayMorning};

// On a slow network (Chromium's throttling) the status says "Szukam…" and the previous
// answer is dimmed until the new one arrives.
TEST_F(ConsoleBrowserTest, ASlowSearchSaysItIsOnItsWay) {
  WebDriver browser;
  browser.navigate(server_->url("/"));
  browser.send_keys(browser.find("#q"), "meldunek");
  ASSERT_TRUE(browser.wait_until("return document.querySelectorAll('#results li').length > 0;"));
  browser.set_network_latency(1500);
  browser.send_keys(browser.find("#q"), " tymczasowy");
  ASSERT_TRUE(browser.wait_until("return document.getElementById('status').textContent === 'Szukam…' && "
                                 "document.getElementById('results').getAttribute('aria-busy') === 'true' && "
                                 "document.body.classList.contains('loading');", 1400))
      << browser.text(browser.find("#status"));
  ASSERT_TRUE(browser.wait_until("return /^Znaleziono/.test(document.getElementById('status').textContent);", 10000));
  EXPECT_FALSE(browser.execute("return document.body.classList.contains('loading');").get<bool>());
  browser.set_network_latency(0);
}

// After hours the card says the unit is closed and when it opens, warns before a
// transfer nobody would answer, and the button no longer says "Przełącz".
TEST_F(ConsoleBrowserTest, AClosedUnitIsSaidToBeClosedBeforeATransfer) {
  WebDriver browser;
  now_ = kWednesdayEvening;
  browser.navigate(server_->url("/"));
  browser.send_keys(browser.find("#q"), "zgubiłem dowód osobisty");
  ASSERT_TRUE(browser.wait_until("return document.querySelector('#routing .open-now') !== null;"))
      << browser.execute("return document.getElementById('routing').innerText;").dump();
  std::string card = browser.execute("return document.getElementById('routing').innerText;").get<std::string>();
  EXPECT_NE(card.find("zamknięte, otwieramy jutro o 8:00"), std::string::npos) << card;
  EXPECT_NE(card.find("Jednostka jest teraz zamknięta"), std::string::npos) << card;
  EXPECT_NE(card.find("Zadzwoń mimo to: 12 616 55 10"), std::string::npos) << card;
  EXPECT_EQ(card.find("Przełącz:"), std::string::npos) << card;
  // The longer label may wrap in the narrow card; the number does not, nor does it overflow.
  EXPECT_TRUE(browser.execute("var n = document.querySelector('#routing .transfer .nowrap'),"
                              " card = document.getElementById('routing').getBoundingClientRect();"
                              "return n.getClientRects().length === 1 && n.getBoundingClientRect().right <= card.right;")
                  .get<bool>());
  // Alternatives, when there are any, can be dialled.
  EXPECT_EQ(browser.execute("return document.querySelectorAll('#routing .alternatives li').length === "
                            "document.querySelectorAll('#routing .alternatives li a[href^=\"tel:\"]').length;")
                .get<bool>(),
            true);

  // In the morning the same search offers the transfer, with the closing time.
  now_ = kWednesdayMorning;
  browser.navigate(server_->url("/"));
  browser.send_keys(browser.find("#q"), "zgubiłem dowód osobisty");
  ASSERT_TRUE(browser.wait_until("return document.querySelector('#routing .open-now.open') !== null;"));
  card = browser.execute("return document.getElementById('routing').innerText;").get<std::string>();
  EXPECT_NE(card.find("otwarte teraz, do 16:00"), std::string::npos) << card;
  EXPECT_NE(card.find("Przełącz: 12 616 55 10"), std::string::npos) << card;
  EXPECT_EQ(card.find("zamknięta"), std::string::npos) << card;
}

TEST_F(ConsoleBrowserTest, TypeSearchSeeRoutingAndOpenAnArticleWithTheKeyboard) {
  WebDriver browser;
  browser.navigate(server_->url("/"));
  ASSERT_TRUE(browser.wait_until("return document.activeElement && document.activeElement.id === 'q';"))
      << "the search box should have focus on load";

  browser.send_keys(browser.find("#q"), "zgubiłem dowód osobisty");
  ASSERT_TRUE(browser.wait_until("return document.querySelectorAll('#results li').length > 0;"))
      << "results should appear as the consultant types";
  EXPECT_TRUE(browser.execute("return document.querySelector('#results li mark') !== null;").get<bool>())
      << "snippets should highlight matched words";

  const std::string card = browser.execute("return document.getElementById('routing').innerText;").get<std::string>();
  EXPECT_NE(card.find("Wydział Spraw Administracyjnych"), std::string::npos) << card;
  EXPECT_NE(card.find("Przełącz"), std::string::npos) << card;
  EXPECT_NE(card.find("12 616 55 10"), std::string::npos) << card;

  // Arrow down selects the second result; Enter opens it in full.
  const std::string second =
      browser.execute("return document.querySelectorAll('#results li h3')[1].textContent;").get<std::string>();
  browser.send_keys(browser.find("#q"), WebDriver::kArrowDown);
  ASSERT_TRUE(browser.wait_until(
      "return document.getElementById('result-1').getAttribute('aria-selected') === 'true';"));
  browser.send_keys(browser.find("#q"), WebDriver::kEnter);
  ASSERT_TRUE(browser.wait_until("var h = document.querySelector('#article h2'); return h !== null && h.textContent === " +
                                 nlohmann::json(second).dump() + ";"))
      << "Enter should open the selected article";

  EXPECT_GT(browser.execute("return document.querySelector('#article').innerText.length;").get<int>(), 500);
  // Polish copy: a count with its plural and no milliseconds, a written-out date.
  EXPECT_TRUE(browser.execute("return /^Znaleziono \\d+ artykuł(y|ów)?\\.$/.test(document.getElementById('status').textContent);")
                  .get<bool>())
      << browser.text(browser.find("#status"));
  EXPECT_FALSE(browser.execute("return /\\d{4}-\\d{2}-\\d{2}/.test(document.querySelector('#article .meta').textContent);")
                   .get<bool>())
      << "an ISO date in the console: " << browser.text(browser.find("#article .meta"));
  // Moving down the results may scroll the page; the search box stays on screen.
  EXPECT_TRUE(browser.execute("var r = document.getElementById('q').getBoundingClientRect();"
                              "return r.top >= 0 && r.bottom <= window.innerHeight;").get<bool>())
      << "the search box left the screen (scrollY " << browser.execute("return window.scrollY;").dump() << ")";

  // "/" returns to the search box; Escape clears it.
  browser.execute("document.getElementById('article').focus();");
  browser.send_keys(browser.find("#article"), "/");
  ASSERT_TRUE(browser.wait_until("return document.activeElement.id === 'q';"));
  browser.send_keys(browser.find("#q"), WebDriver::kEscape);
  ASSERT_TRUE(browser.wait_until(
      "return document.getElementById('q').value === '' && document.querySelectorAll('#results li').length === 0;"));
}

// A question the base has no article for: the card says so plainly and offers no transfer.
TEST_F(ConsoleBrowserTest, NoGoodAnswerSaysNotInTheBaseAndOffersNoTransfer) {
  const auto api = server_->get_json("/api/search?q=psychiatra%20dzieci%C4%99cy");
  ASSERT_TRUE(api["weak"].get<bool>()) << "the fixture query should be out of the base: " << api.dump();
  ASSERT_FALSE(api["results"].empty()) << "the case worth testing is weak results, not none";
  WebDriver browser;
  browser.navigate(server_->url("/"));
  browser.send_keys(browser.find("#q"), "psychiatra dziecięcy");
  ASSERT_TRUE(browser.wait_until("return document.querySelector('#routing .weak') !== null;"))
      << browser.execute("return document.getElementById('routing').innerText;").dump();
  const std::string card = browser.execute("return document.getElementById('routing').innerText;").get<std::string>();
  EXPECT_NE(card.find("Nie ma tego w bazie"), std::string::npos) << card;
  EXPECT_NE(card.find("drugą linię"), std::string::npos) << card;
  EXPECT_EQ(card.find("Przełącz:"), std::string::npos) << "no transfer button for a weak answer: " << card;
  EXPECT_NE(browser.text(browser.find("#status")).find("Brak pewnej odpowiedzi"), std::string::npos);
}

// Opening a result whose article belongs to another unit than the hint: the card follows
// the article on the screen and still names what the search suggested.
TEST_F(ConsoleBrowserTest, OpeningAResultShowsThatArticlesUnitCard) {
  WebDriver browser;
  browser.navigate(server_->url("/"));
  browser.send_keys(browser.find("#q"), "zgubiony dowod");
  ASSERT_TRUE(browser.wait_until("return document.querySelector('#routing .unit-name') !== null;"));
  const std::string hinted = browser.text(browser.find("#routing .unit-name"));
  // The first result (by position) whose unit is not the hinted one.
  const int other = browser
                        .execute("var hint = arguments[0]; var metas = document.querySelectorAll('#results li .meta');"
                                 "for (var i = 0; i < metas.length; ++i) if (metas[i].textContent.indexOf(hint) < 0) "
                                 "return i; return -1;",
                                 {hinted})
                        .get<int>();
  ASSERT_GE(other, 0) << "every result of the fixture query belongs to " << hinted;
  const std::string title =
      browser.execute("return document.querySelectorAll('#results li h3')[arguments[0]].textContent;", {other})
          .get<std::string>();
  browser.execute("document.querySelectorAll('#results li')[arguments[0]].click();", {other});
  ASSERT_TRUE(browser.wait_until("var h = document.querySelector('#article h2'); return h !== null && h.textContent === " +
                                 nlohmann::json(title).dump() + ";"));
  ASSERT_TRUE(browser.wait_until("return document.getElementById('routing').innerText.indexOf('Jednostka otwartego artykułu') >= 0;"));
  const std::string card = browser.execute("return document.getElementById('routing').innerText;").get<std::string>();
  const std::string article_unit = browser.text(browser.find("#routing .unit-name"));
  EXPECT_NE(article_unit, hinted) << card;
  EXPECT_NE(browser.text(browser.find("#article .meta")).find(article_unit), std::string::npos)
      << "the card should name the opened article's unit: " << card;
  EXPECT_NE(card.find("Wyszukiwanie wskazywało: " + hinted), std::string::npos) << card;
}

// An error (here a query over 500 characters) clears the previous results and card and
// says what to do in Polish, not the server's English message.
TEST_F(ConsoleBrowserTest, AnErrorClearsThePreviousAnswerAndSaysWhyInPolish) {
  WebDriver browser;
  browser.navigate(server_->url("/"));
  browser.send_keys(browser.find("#q"), "zgubiony dowod");
  ASSERT_TRUE(browser.wait_until("return document.querySelectorAll('#results li').length > 0 && "
                                 "document.querySelector('#routing .unit-name') !== null;"));
  browser.execute("document.getElementById('q').value = 'dowod '.repeat(100);");
  browser.send_keys(browser.find("#q"), "x");
  ASSERT_TRUE(browser.wait_until("return document.querySelectorAll('#results li').length === 0;"))
      << "the previous results stayed on screen";
  const std::string status = browser.text(browser.find("#status"));
  EXPECT_EQ(status, "Pytanie jest za długie: skróć je do 500 znaków.");
  EXPECT_EQ(status.find("longer than"), std::string::npos);
  EXPECT_FALSE(browser.execute("return document.querySelector('#routing .unit-name') !== null;").get<bool>())
      << "the previous card stayed on screen";
}

TEST_F(ConsoleBrowserTest, DidYouMeanAndCategoryFilter) {
  WebDriver browser;
  browser.navigate(server_->url("/"));
  browser.send_keys(browser.find("#q"), "petrady");
  ASSERT_TRUE(browser.wait_until("return !document.getElementById('corrected').hidden;"));
  EXPECT_NE(browser.execute("return document.getElementById('corrected').innerText;").get<std::string>().find("petardy"),
            std::string::npos);
  // One category only: no filter to choose from.
  EXPECT_TRUE(browser.execute("return document.getElementById('filters').hidden;").get<bool>());
  // The category filter is one select: choosing a category narrows the results to it.
  browser.send_keys(browser.find("#q"), WebDriver::kEscape);
  browser.send_keys(browser.find("#q"), "zgubiony dowod");
  ASSERT_TRUE(browser.wait_until("return !document.getElementById('filters').hidden;"));
  const std::string chosen = browser.execute(
      "var s = document.getElementById('category'); s.selectedIndex = 1; s.dispatchEvent(new Event('change'));"
      "return s.options[1].textContent.replace(/ \\(\\d+\\)$/, '');").get<std::string>();
  ASSERT_TRUE(browser.wait_until(
      "var metas = document.querySelectorAll('#results li .meta'); if (!metas.length) return false;"
      "for (var i = 0; i < metas.length; ++i) if (metas[i].textContent.indexOf(" + nlohmann::json(chosen).dump() +
      ") < 0) return false; return true;"))
      << "every result should be in " << chosen;
  EXPECT_EQ(browser.execute("return document.getElementById('category').value !== '';").get<bool>(), true);
}

// The results are one Tab stop after the search box (the filter is a single select), take
// the same keys there, and the console with results and an open article is axe-clean.
TEST_F(ConsoleBrowserTest, ResultsAreOneTabAwayAndTheConsoleMeetsWcag21AA) {
  WebDriver browser;
  browser.navigate(server_->url("/"));
  browser.send_keys(browser.find("#q"), "zgubiłem dowód osobisty");
  ASSERT_TRUE(browser.wait_until("return document.querySelectorAll('#results li').length > 1;"));
  browser.send_keys(browser.find("#q"), WebDriver::kTab);
  if (browser.execute("return document.activeElement.id;") == "category") {
    browser.send_keys(browser.find("#category"), WebDriver::kTab);
  }
  ASSERT_EQ(browser.execute("return document.activeElement.id;"), "results")
      << "Tab from the search box should reach the results after at most the filter";
  browser.send_keys(browser.find("#results"), WebDriver::kArrowDown);
  ASSERT_TRUE(browser.wait_until("return document.getElementById('result-1').getAttribute('aria-selected') === 'true';"));
  browser.send_keys(browser.find("#results"), WebDriver::kEnter);
  ASSERT_TRUE(browser.wait_until("return document.querySelector('#article h2') !== null;"));
  EXPECT_EQ(testing::axe_violations(browser, WIEDZA_AXE_JS), "") << "results and an open article";
  browser.navigate(server_->url("/"));
  EXPECT_EQ(testing::axe_violations(browser, WIEDZA_AXE_JS), "") << "the empty console";
}

// What a consultant uses all shift: copy the answer with Alt+C (summary, unit, phone,
// hours, open now), more results on demand, and this tab's last searches.
TEST_F(ConsoleBrowserTest, CopyTheAnswerLoadMoreResultsAndReturnToRecentSearches) {
  WebDriver browser;
  browser.navigate(server_->url("/"));
  browser.execute("sessionStorage.clear();"
                  "navigator.clipboard.writeText = function (t) { window.copied = t; return Promise.resolve(); };");
  browser.send_keys(browser.find("#q"), "zgubiłem dowód osobisty");
  ASSERT_TRUE(browser.wait_until("return document.querySelector('#routing .copy') !== null;"));
  browser.send_keys(browser.find("#q"), std::string(WebDriver::kAlt) + "c" + WebDriver::kReleaseKeys);
  ASSERT_TRUE(browser.wait_until("return typeof window.copied === 'string';")) << "Alt+C copied nothing";
  const std::string copied = browser.execute("return window.copied;").get<std::string>();
  const std::string first = browser.text(browser.find("#results li h3"));
  EXPECT_EQ(copied.rfind(first + "\n", 0), 0u) << copied;
  EXPECT_NE(copied.find("Kontakt: Wydział Spraw Administracyjnych, tel. 12 616 55 10"), std::string::npos) << copied;
  EXPECT_NE(copied.find("otwarte teraz, do 16:00"), std::string::npos) << copied;
  EXPECT_NE(browser.text(browser.find("#routing .copy-status")).find("Skopiowano"), std::string::npos);

  // More results: the next ten of the same ranking, appended, the first new one selected.
  const int total = server_->get_json("/api/search?q=zgubi%C5%82em%20dow%C3%B3d%20osobisty&record=false")["total"];
  ASSERT_GT(total, 10) << "the fixture query needs a second page";
  ASSERT_FALSE(browser.execute("return document.getElementById('more').hidden;").get<bool>());
  browser.execute("document.getElementById('more').click();");
  ASSERT_TRUE(browser.wait_until("return document.querySelectorAll('#results li').length === " +
                                 std::to_string(std::min(total, 20)) + ";"));
  EXPECT_EQ(browser.execute("return document.getElementById('result-10').getAttribute('aria-selected');"), "true");

  // Enter opens the selected result and settles the search; it is remembered in this tab.
  browser.send_keys(browser.find("#q"), WebDriver::kEnter);
  ASSERT_TRUE(browser.wait_until("return document.querySelector('#article h2') !== null;"));
  browser.send_keys(browser.find("#q"), WebDriver::kEscape);
  browser.send_keys(browser.find("#q"), "meldunek");
  ASSERT_TRUE(browser.wait_until("return document.querySelectorAll('#results li').length > 0;"));
  browser.send_keys(browser.find("#q"), WebDriver::kEnter);
  ASSERT_TRUE(browser.wait_until("return document.querySelector('#article h2') !== null;"));
  browser.send_keys(browser.find("#q"), WebDriver::kEscape);
  ASSERT_TRUE(browser.wait_until("return !document.getElementById('recent').hidden;"));
  const auto recent = browser.execute(
      "return Array.prototype.map.call(document.querySelectorAll('#recent button'), function (b) { return b.textContent; });");
  EXPECT_EQ(recent, (nlohmann::json{"meldunek", "zgubiłem dowód osobisty"}));
  // Kept for the tab across a reload, and one click searches again.
  browser.navigate(server_->url("/"));
  ASSERT_TRUE(browser.wait_until("return document.querySelectorAll('#recent button').length === 2;"));
  browser.execute("document.querySelectorAll('#recent button')[1].click();");
  ASSERT_TRUE(browser.wait_until("return document.getElementById('q').value === 'zgubiłem dowód osobisty' && "
                                 "document.querySelectorAll('#results li').length > 0;"));
  EXPECT_TRUE(browser.execute("return document.getElementById('recent').hidden;").get<bool>());
}

}  // namespace
}  // namespace wiedza
