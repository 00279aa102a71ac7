// The resident portal in headless Chromium: without JavaScript, with the combobox and
// live results, on a phone-sized screen, and checked by axe-core for WCAG 2.1 A/AA.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "tests/support/axe.h"
#include "tests/support/served_index.h"
#include "tests/support/webdriver.h"

namespace wiedza {
namespace {

using testing::RunningServer;
using testing::ServedIndex;
using testing::WebDriver;
using testing::WebDriverOptions;

class PortalBrowserTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    served_ = new ServedIndex(std::string(WIEDZA_SOURCE_DIR) + "/corpus");
    server_ = &served_->server();
  }
  static void TearDownTestSuite() { delete served_; }
  // Titles of /api/search's results, to compare pages with the API without fixing answers.
  static std::vector<std::string> api_titles(const std::string& encoded_query) {
    auto res = server_->client().Get("/api/search?q=" + encoded_query);
    std::vector<std::string> titles;
    if (!res) return titles;
    const auto body = nlohmann::json::parse(res->body);
    for (const auto& r : body["results"]) titles.push_back(r["title"]);
    return titles;
  }
  static ServedIndex* served_;
  static RunningServer* server_;
};
ServedIndex* PortalBrowserTest::served_ = nullptr;
RunningServer* PortalBrowserTest::server_ = nullptr;

TEST_F(PortalBrowserTest, WithoutJavaScriptTheFormReturnsServerRenderedResults) {
  WebDriver browser(WebDriverOptions{.javascript = false});
  browser.navigate(server_->url("/szukaj"));
  const std::string q = browser.find("#q");
  ASSERT_TRUE(browser.attribute(q, "role").is_null()) << "JavaScript should be off, so portal.js never ran";
  browser.send_keys(q, std::string("zgubiony dowod osobisty") + WebDriver::kEnter);
  // No scripts to poll with: wait for the navigation through WebDriver itself.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (browser.current_url().find("/szukaj?q=") == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_NE(browser.current_url().find("/szukaj?q=zgubiony+dowod+osobisty"), std::string::npos) << browser.current_url();
  const auto titles = api_titles("zgubiony%20dowod%20osobisty");
  ASSERT_FALSE(titles.empty());
  EXPECT_EQ(browser.text(browser.find(".result h2 a")), titles[0]);
  EXPECT_NE(browser.text(browser.find(".card")).find("Kto pomoże w tej sprawie"), std::string::npos);
  browser.navigate(server_->url("/artykul/dowod-osobisty-utrata"));
  EXPECT_EQ(browser.attribute(browser.find("#opinia"), "hidden"), "true")
      << "without JavaScript the feedback question cannot be sent, so it stays hidden";
}

TEST_F(PortalBrowserTest, SuggestionsAreAKeyboardOperableCombobox) {
  WebDriver browser;
  browser.navigate(server_->url("/szukaj"));
  const std::string q = browser.find("#q");
  ASSERT_TRUE(browser.wait_until("return document.getElementById('q').getAttribute('role') === 'combobox';"));
  EXPECT_EQ(browser.attribute(q, "aria-controls"), "q-list");
  EXPECT_EQ(browser.attribute(q, "aria-expanded"), "false");

  // Escape closes the list.
  browser.send_keys(q, "zglo");
  ASSERT_TRUE(browser.wait_until("return document.querySelectorAll('#q-list [role=option]').length > 0 && "
                                 "document.getElementById('q').getAttribute('aria-expanded') === 'true';"));
  EXPECT_NE(browser.text(browser.find("#q-list + [role=status]")).find("podpowiedzi"), std::string::npos)
      << "screen readers hear how many suggestions there are";
  browser.send_keys(q, WebDriver::kEscape);
  ASSERT_TRUE(browser.wait_until("return document.getElementById('q-list').hidden && "
                                 "document.getElementById('q').getAttribute('aria-expanded') === 'false';"));

  // Typing on opens it again; ArrowDown makes the first option active; Enter opens it.
  browser.send_keys(q, "sze");
  ASSERT_TRUE(browser.wait_until("return !document.getElementById('q-list').hidden;"));
  browser.send_keys(q, WebDriver::kArrowDown);
  ASSERT_TRUE(browser.wait_until(
      "var q = document.getElementById('q'), first = document.querySelector('#q-list [role=option]');"
      "return q.getAttribute('aria-activedescendant') === first.id && first.getAttribute('aria-selected') === 'true';"));
  const std::string chosen =
      browser.execute("return document.querySelector('#q-list [role=option]').firstChild.textContent;");
  const bool article = browser.execute("return document.querySelector('#q-list [role=option] .vh') !== null;");
  browser.send_keys(q, WebDriver::kEnter);
  const std::string expected = nlohmann::json(chosen).dump();
  if (article) {
    EXPECT_TRUE(browser.wait_until("return location.pathname.indexOf('/artykul/') === 0 && "
                                   "document.querySelector('h1').textContent === " + expected + ";"))
        << "Enter on a title should open that article: " << chosen;
  } else {
    EXPECT_TRUE(browser.wait_until("return location.pathname === '/szukaj' && "
                                   "new URLSearchParams(location.search).get('q') === " + expected + ";"))
        << "Enter on a keyword should search for it: " << chosen;
  }
}

TEST_F(PortalBrowserTest, LiveResultsAppearAsYouType) {
  WebDriver browser;
  browser.navigate(server_->url("/szukaj"));
  browser.send_keys(browser.find("#q"), "dziura w jezdni");
  ASSERT_TRUE(browser.wait_until("return document.querySelectorAll('#wyniki .result').length > 0 && "
                                 "location.search.indexOf('q=') >= 0;"));
  const auto titles = api_titles("dziura%20w%20jezdni");
  ASSERT_FALSE(titles.empty());
  EXPECT_EQ(browser.text(browser.find("#wyniki .result h2 a")), titles[0]);
  EXPECT_TRUE(browser.execute("return document.querySelector('#wyniki .result mark') !== null;").get<bool>());
  EXPECT_TRUE(browser.execute("return document.querySelector('#wyniki .card') !== null;").get<bool>());
}

// On a slow network (Chromium's throttling) the page says the search is on its way and
// dims what is on screen, then shows the new results.
TEST_F(PortalBrowserTest, ASlowSearchSaysItIsOnItsWay) {
  WebDriver browser;
  browser.navigate(server_->url("/szukaj"));
  browser.set_network_latency(1500);
  browser.send_keys(browser.find("#q"), "dziura w jezdni");
  ASSERT_TRUE(browser.wait_until("var n = document.querySelector('#wyniki .loading-note');"
                                 "return n !== null && n.textContent === 'Szukam…' && "
                                 "document.getElementById('wyniki').getAttribute('aria-busy') === 'true';", 1400))
      << "no loading indicator while the search is on its way";
  ASSERT_TRUE(browser.wait_until("return document.querySelectorAll('#wyniki .result').length > 0;", 10000));
  EXPECT_TRUE(browser.execute("return document.querySelector('#wyniki .loading-note') === null && "
                              "!document.getElementById('wyniki').hasAttribute('aria-busy');").get<bool>());
  browser.set_network_latency(0);
}

TEST_F(PortalBrowserTest, LiveWeakResultsSayTheBaseHasNoGoodAnswer) {
  const auto api = server_->get_json("/api/search?q=psychiatra%20dzieci%C4%99cy");
  ASSERT_TRUE(api["weak"].get<bool>()) << api.dump();
  ASSERT_FALSE(api["results"].empty());
  WebDriver browser;
  browser.navigate(server_->url("/szukaj"));
  browser.send_keys(browser.find("#q"), "psychiatra dziecięcy");
  ASSERT_TRUE(browser.wait_until("return document.querySelector('#wyniki .weak') !== null;"));
  const std::string notice = browser.text(browser.find("#wyniki .weak"));
  EXPECT_NE(notice.find("Nie mamy artykułu"), std::string::npos) << notice;
  EXPECT_NE(notice.find("12 616 55 55"), std::string::npos) << notice;
  EXPECT_FALSE(browser.execute("return document.querySelector('#wyniki .card') !== null;").get<bool>())
      << "a weak answer has no routing card";
  // A question the base answers has no notice.
  browser.execute("document.getElementById('q').value = '';");
  browser.send_keys(browser.find("#q"), "dziura w jezdni");
  ASSERT_TRUE(browser.wait_until("return document.querySelector('#wyniki .card') !== null;"));
  EXPECT_FALSE(browser.execute("return document.querySelector('#wyniki .weak') !== null;").get<bool>());
}

// Emptying the box returns to the start page (heading, title, address); a failed live
// search replaces the old results with a Polish message instead of keeping them.
TEST_F(PortalBrowserTest, NoStaleResultsWhenTheBoxIsClearedOrTheServerFails) {
  WebDriver browser;
  browser.navigate(server_->url("/szukaj"));
  browser.send_keys(browser.find("#q"), "meldunek");
  ASSERT_TRUE(browser.wait_until("return document.querySelectorAll('#wyniki .result').length > 0;"));
  browser.execute("var q = document.getElementById('q'); q.value = '';"
                  "q.dispatchEvent(new Event('input', {bubbles: true}));");
  ASSERT_TRUE(browser.wait_until("return document.querySelectorAll('#wyniki .result').length === 0;"));
  EXPECT_EQ(browser.text(browser.find("#wyniki h1")), "Wyszukaj informacje");
  EXPECT_EQ(browser.execute("return location.search;"), "");
  EXPECT_EQ(browser.execute("return document.title.indexOf('meldunek');"), -1);

  browser.send_keys(browser.find("#q"), "meldunek");
  ASSERT_TRUE(browser.wait_until("return document.querySelectorAll('#wyniki .result').length > 0;"));
  browser.execute("window.fetch = function () { return Promise.reject(new TypeError('network down')); };");
  browser.send_keys(browser.find("#q"), " stały");
  ASSERT_TRUE(browser.wait_until("return document.querySelector('#wyniki [role=alert]') !== null;"));
  EXPECT_EQ(browser.execute("return document.querySelectorAll('#wyniki .result').length;"), 0);
  EXPECT_NE(browser.text(browser.find("#wyniki [role=alert]")).find("Nie udało się pobrać wyników"), std::string::npos);
}

// On a phone the contact card is near the top, not after all ten results.
TEST_F(PortalBrowserTest, OnAPhoneTheContactCardComesBeforeTheResults) {
  WebDriver browser(WebDriverOptions{.width = 390, .height = 844, .mobile = true});
  browser.navigate(server_->url("/szukaj?q=dziura%20w%20jezdni"));
  ASSERT_TRUE(browser.execute("return document.querySelector('.card') !== null;").get<bool>());
  const auto top = browser.execute(
      "return [document.querySelector('.card').getBoundingClientRect().top + scrollY,"
      " document.querySelector('.results').getBoundingClientRect().top + scrollY];");
  EXPECT_LT(top[0].get<double>(), top[1].get<double>()) << "the card should come before the results: " << top.dump();
  EXPECT_LT(top[0].get<double>(), 844) << "the card should be on the first screen: " << top.dump();
  // Phone numbers and e-mail addresses are never broken across lines (an inline link
  // that wraps has more than one box). The report card puts a phone inside a sentence.
  for (const char* q : {"dziura%20w%20jezdni", "smieciarka%20nie%20przyjechala", "zgubiony%20dowod"}) {
    browser.navigate(server_->url(std::string("/szukaj?q=") + q));
    const auto broken = browser.execute(
        "return Array.prototype.filter.call(document.querySelectorAll('a[href^=\"tel:\"], .contact a[href^=\"mailto:\"]'),"
        " function (a) { return a.getClientRects().length > 1; }).map(function (a) { return a.textContent; });");
    EXPECT_TRUE(broken.empty()) << q << ": " << broken.dump();
  }
  // On a desktop it stays beside the results.
  WebDriver desktop;
  desktop.navigate(server_->url("/szukaj?q=dziura%20w%20jezdni"));
  const auto beside = desktop.execute(
      "return [document.querySelector('.card').getBoundingClientRect().left,"
      " document.querySelector('.results').getBoundingClientRect().right];");
  EXPECT_GE(beside[0].get<double>(), beside[1].get<double>()) << beside.dump();
}

TEST_F(PortalBrowserTest, FeedbackIsSentAsJsonAndThanked) {
  WebDriver browser;
  browser.navigate(server_->url("/artykul/dowod-osobisty-utrata"));
  ASSERT_TRUE(browser.wait_until("return !document.getElementById('opinia').hidden;"));
  // The endpoint belongs to another part of the server: record what the page sends.
  browser.execute("window.sent = [];"
                  "window.fetch = function (url, init) { sent.push({url: url, init: init});"
                  "  return Promise.resolve(new Response(null, {status: 204})); };");
  browser.execute("document.querySelector('#opinia [data-event=helpful]').click();");
  ASSERT_TRUE(browser.wait_until("return document.getElementById('opinia-status').textContent === 'Dziękujemy za opinię.';"));
  const auto sent = browser.execute("return sent;");
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0]["url"], "/api/feedback");
  EXPECT_EQ(sent[0]["init"]["method"], "POST");
  EXPECT_EQ(nlohmann::json::parse(sent[0]["init"]["body"].get<std::string>()),
            (nlohmann::json{{"article", "dowod-osobisty-utrata"}, {"event", "helpful"}, {"source", "portal"}}));
  EXPECT_EQ(browser.execute("return document.getElementById('opinia-status').getAttribute('role');"), "status");
  // The chosen answer is the filled one; the other stays as both were before.
  const auto looks = browser.execute(
      "var b = document.querySelectorAll('#opinia button'); return [getComputedStyle(b[0]).backgroundColor, "
      "getComputedStyle(b[1]).backgroundColor, b[0].getAttribute('aria-pressed'), b[1].getAttribute('aria-pressed')];");
  EXPECT_EQ(looks[2], "true");
  EXPECT_EQ(looks[3], "false");
  EXPECT_NE(looks[0], looks[1]) << looks.dump();
  EXPECT_EQ(looks[1], "rgb(255, 255, 255)") << "the unchosen answer should stay outlined: " << looks.dump();
}

TEST_F(PortalBrowserTest, NoHorizontalScrollingOnAPhone) {
  WebDriver browser(WebDriverOptions{.width = 360, .height = 740, .mobile = true});
  for (const char* path : {"/szukaj", "/szukaj?q=zgubiony%20dowod%20osobisty", "/szukaj?q=xqzwv",
                           "/artykul/dowod-osobisty-utrata", "/artykul/dziura-w-jezdni-zgloszenie"}) {
    browser.navigate(server_->url(path));
    ASSERT_EQ(browser.execute("return window.innerWidth;"), 360) << "the phone viewport should be in effect";
    const auto widths = browser.execute("return [document.documentElement.scrollWidth, window.innerWidth];");
    EXPECT_LE(widths[0].get<int>(), widths[1].get<int>()) << path << " scrolls sideways";
  }
}

TEST_F(PortalBrowserTest, PagesMeetWcag21AA) {
  WebDriver browser;
  WebDriver phone(WebDriverOptions{.width = 390, .height = 844, .mobile = true});
  for (const char* path : {"/szukaj", "/szukaj?q=zgubiony%20dowod%20osobisty", "/szukaj?q=xqzwv",
                           "/szukaj?q=psychiatra%20dzieci%C4%99cy", "/szukaj?q=smieciarka%20nie%20przyjechala",
                           "/artykul/dowod-osobisty-utrata", "/nie-ma-takiej-strony"}) {
    for (WebDriver* b : {&browser, &phone}) {
      b->navigate(server_->url(path));
      ASSERT_TRUE(b->wait_until("return document.getElementById('q').getAttribute('role') === 'combobox';"));
      EXPECT_EQ(testing::axe_violations(*b, WIEDZA_AXE_JS), "") << path << (b == &phone ? " (phone)" : " (desktop)");
    }
  }
  // With the suggestions open.
  browser.navigate(server_->url("/szukaj"));
  browser.send_keys(browser.find("#q"), "zglo");
  ASSERT_TRUE(browser.wait_until("return document.querySelectorAll('#q-list [role=option]').length > 0;"));
  browser.send_keys(browser.find("#q"), WebDriver::kArrowDown);
  const std::string violations = testing::axe_violations(browser, WIEDZA_AXE_JS);
  EXPECT_EQ(violations, "") << "suggestions open";
}

}  // namespace
}  // namespace wiedza
