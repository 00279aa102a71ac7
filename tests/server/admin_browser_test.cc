// The editors' page and the console's feedback buttons in headless Chromium: a token is
// asked for once, the report shows a query made beforehand, and a consultant's
// "nieprzydatne" reaches the report.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "tests/support/axe.h"
#include "tests/support/editor_server.h"
#include "tests/support/webdriver.h"

namespace wiedza {
namespace {

using testing::EditorServer;
using testing::WebDriver;

constexpr const char* kToken = EditorServer::kToken;

class AdminBrowserTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { env_ = new EditorServer(); }
  static void TearDownTestSuite() { delete env_; }
  // /admin with the token already in the session, once its lists have loaded.
  static bool open_signed_in(WebDriver& browser) {
    browser.navigate(env_->server().url("/admin"));
    browser.execute("sessionStorage.setItem('wiedza.editorToken', arguments[0]);", {kToken});
    browser.navigate(env_->server().url("/admin"));
    return browser.wait_until("return !document.getElementById('app').hidden && "
                              "document.querySelectorAll('#f-unit option').length === 2;");
  }
  static EditorServer* env_;
};
EditorServer* AdminBrowserTest::env_ = nullptr;

TEST_F(AdminBrowserTest, TokenOnceThenTheReportShowsAQueryMadeBefore) {
  auto searched = env_->server().client().Get("/api/search?q=kwarkodron%20miejski");
  ASSERT_TRUE(searched && searched->status == 200);

  WebDriver browser;
  browser.navigate(env_->server().url("/admin"));
  ASSERT_TRUE(browser.wait_until("return !document.getElementById('login').hidden && "
                                 "document.activeElement.id === 'token';"));
  // A wrong token is refused with a message, and the form stays.
  browser.send_keys(browser.find("#token"), std::string("zly-token-0000000000") + WebDriver::kEnter);
  ASSERT_TRUE(browser.wait_until("return document.getElementById('login-error').textContent.length > 0 && "
                                 "!document.getElementById('login').hidden;"));
  EXPECT_TRUE(browser.execute("return sessionStorage.getItem('wiedza.editorToken') === null;").get<bool>());

  browser.send_keys(browser.find("#token"), std::string(kToken) + WebDriver::kEnter);
  ASSERT_TRUE(browser.wait_until(
      "var t = document.querySelectorAll('#report table'); return t.length === 6 && "
      "t[1].innerText.indexOf('kwarkodron miejski') >= 0;"))
      << browser.execute("return document.body.innerText;").get<std::string>();
  EXPECT_TRUE(browser.execute("return document.getElementById('login').hidden;").get<bool>());
  EXPECT_EQ(browser.execute("return document.querySelector('#report table caption').textContent;").get<std::string>(),
            "Najczęstsze zapytania");

  // Reloading keeps the session (sessionStorage); "Wyloguj" forgets the token.
  browser.navigate(env_->server().url("/admin"));
  ASSERT_TRUE(browser.wait_until("return document.querySelectorAll('#report table').length === 6;"));
  browser.execute("document.getElementById('logout').click();");
  ASSERT_TRUE(browser.wait_until("return !document.getElementById('login').hidden;"));
  EXPECT_TRUE(browser.execute("return sessionStorage.getItem('wiedza.editorToken') === null;").get<bool>());
}

// The editors' page meets WCAG 2.1 A/AA: signed out (the token form), signed in with the
// report, and with an article open in the form.
TEST_F(AdminBrowserTest, PagesMeetWcag21AA) {
  WebDriver browser;
  browser.navigate(env_->server().url("/admin"));
  browser.execute("sessionStorage.clear();");
  browser.navigate(env_->server().url("/admin"));
  ASSERT_TRUE(browser.wait_until("return document.activeElement && document.activeElement.id === 'token';"));
  EXPECT_EQ(testing::axe_violations(browser, WIEDZA_AXE_JS), "") << "sign-in form";
  ASSERT_TRUE(open_signed_in(browser));
  EXPECT_EQ(testing::axe_violations(browser, WIEDZA_AXE_JS), "") << "signed in";
  browser.send_keys(browser.find("#find"), std::string("meldunek") + WebDriver::kEnter);
  ASSERT_TRUE(browser.wait_until("return document.querySelector('#found button') !== null;"));
  browser.execute("document.querySelector('#found button').click();");
  ASSERT_TRUE(browser.wait_until("return document.getElementById('f-title').value === 'Meldunek';"));
  EXPECT_EQ(testing::axe_violations(browser, WIEDZA_AXE_JS), "") << "an article in the form";
}

TEST_F(AdminBrowserTest, EditorFormIsFilledFromTheArticleWithCategoryAndUnitLists) {
  WebDriver browser;
  ASSERT_TRUE(open_signed_in(browser));
  browser.send_keys(browser.find("#find"), std::string("meldunek") + WebDriver::kEnter);
  ASSERT_TRUE(browser.wait_until("return document.querySelector('#found button') !== null;"));
  browser.execute("document.querySelector('#found button').click();");
  ASSERT_TRUE(browser.wait_until("return document.getElementById('f-title').value === 'Meldunek';"));
  EXPECT_EQ(browser.execute("return document.getElementById('f-id').value;").get<std::string>(), "meldunek");
  EXPECT_EQ(browser.execute("return document.getElementById('f-unit').value;").get<std::string>(), "wsa");
  EXPECT_EQ(browser.execute("return document.getElementById('f-category').value;").get<std::string>(),
            "sprawy-obywatelskie");
  EXPECT_FALSE(browser.execute("return document.getElementById('delete').hidden;").get<bool>());
}

TEST_F(AdminBrowserTest, EditorSavesShowsValidationErrorsAndDeletes) {
  WebDriver browser;
  ASSERT_TRUE(open_signed_in(browser));
  // A new article through the form.
  browser.execute("document.getElementById('new-article').click();");
  ASSERT_TRUE(browser.wait_until("return !document.getElementById('editor').hidden;"));
  browser.execute(
      "document.getElementById('f-id').value = 'karta-parkingowa';"
      "document.getElementById('f-title').value = 'Karta parkingowa dla mieszkańca';"
      "document.getElementById('f-body').value = 'Kartę parkingową wydaje się mieszkańcom strefy.';"
      "document.getElementById('editor').requestSubmit();");
  ASSERT_TRUE(browser.wait_until(
      "return document.getElementById('editor-message').textContent.indexOf('Utworzono') === 0;"))
      << browser.execute("return document.getElementById('editor-message').textContent;").get<std::string>();
  // Searchers pick up the new revision within their freshness interval.
  auto status_of = [&](int wanted) {
    for (int i = 0; i < 200; ++i) {
      auto res = env_->server().client().Get("/api/articles/karta-parkingowa");
      if (res && res->status == wanted) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  };
  ASSERT_TRUE(status_of(200));
  EXPECT_EQ(nlohmann::json::parse(env_->server().client().Get("/api/articles/karta-parkingowa")->body)["title"],
            "Karta parkingowa dla mieszkańca");

  // The server's validation error is shown next to the field it names.
  browser.execute("document.getElementById('f-title').value = '';"
                  "document.getElementById('editor').requestSubmit();");
  ASSERT_TRUE(browser.wait_until(
      "return document.getElementById('f-title').getAttribute('aria-invalid') === 'true' && "
      "document.getElementById('f-title-error').textContent.length > 0;"));
  EXPECT_EQ(nlohmann::json::parse(env_->server().client().Get("/api/articles/karta-parkingowa")->body)["title"],
            "Karta parkingowa dla mieszkańca");
  // In Polish, for the editor: the field's reason and the summary.
  EXPECT_EQ(browser.text(browser.find("#f-title-error")), "Pole nie może być puste.");
  EXPECT_EQ(browser.text(browser.find("#editor-message")), "Artykuł nie został zapisany: popraw zaznaczone pola");

  // Delete, confirmed.
  browser.execute("window.confirm = function () { return true; };"
                  "document.getElementById('delete').click();");
  ASSERT_TRUE(browser.wait_until(
      "return document.getElementById('editor-message').textContent.indexOf('Usunięto') === 0;"));
  EXPECT_TRUE(status_of(404));
  // ... and restored with the button the message offers.
  browser.execute("document.getElementById('restore').click();");
  ASSERT_TRUE(browser.wait_until(
      "return document.getElementById('editor-message').textContent.indexOf('Przywrócono') === 0;"))
      << browser.text(browser.find("#editor-message"));
  EXPECT_TRUE(status_of(200));
}

TEST_F(AdminBrowserTest, ConsoleOpenAndUnhelpfulReachTheReport) {
  WebDriver browser;
  browser.navigate(env_->server().url("/"));
  // One search (typing would also search for the prefixes, and Enter might open a result
  // of one of those).
  browser.execute("document.getElementById('q').value = 'zameldowanie na pobyt';"
                  "document.getElementById('search-form').requestSubmit();");
  ASSERT_TRUE(browser.wait_until("return document.querySelectorAll('#results li').length > 0;"));
  browser.send_keys(browser.find("#q"), WebDriver::kEnter);
  ASSERT_TRUE(browser.wait_until("return document.querySelectorAll('#article .rating button').length === 2;"));
  const std::string labels = browser.execute(
      "return Array.prototype.map.call(document.querySelectorAll('#article .rating button'), "
      "function (b) { return b.textContent; }).join('|');").get<std::string>();
  EXPECT_EQ(labels, "przydatne|nieprzydatne");
  browser.execute("document.querySelectorAll('#article .rating button')[1].click();");
  ASSERT_TRUE(browser.wait_until(
      "var s = document.querySelector('#article .rating [role=status]'); "
      "return s !== null && s.getAttribute('aria-live') === 'polite' && s.textContent === 'Dziękujemy za opinię.';"));

  auto r = env_->report();
  bool unhelpful = false;
  for (const auto& a : r["unhelpful_articles"]) unhelpful = unhelpful || (a["id"] == "meldunek" && a["unhelpful"] == 1);
  EXPECT_TRUE(unhelpful) << r["unhelpful_articles"].dump();
  // The "open" carried the search's id, so this query is not among the never-opened.
  bool searched = false;
  for (const auto& g : r["top_queries"]) searched = searched || g["label"] == "zameldowanie na pobyt";
  EXPECT_TRUE(searched) << r["top_queries"].dump();
  for (const auto& g : r["never_opened"]) EXPECT_NE(g["label"], "zameldowanie na pobyt");
}

// A consultant types a query key by key (a live search for each pause of the debounce),
// then opens a result: the report counts the settled question once, never the prefixes.
TEST_F(AdminBrowserTest, TypingRecordsTheSettledSearchNotEachPrefix) {
  WebDriver browser;
  browser.navigate(env_->server().url("/"));
  const std::string query = "wymeldowanie z pobytu";
  for (char c : query) {
    browser.send_keys(browser.find("#q"), std::string(1, c));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // longer than the console's debounce
  }
  ASSERT_TRUE(browser.wait_until("return document.querySelectorAll('#results li').length > 0;"));
  browser.send_keys(browser.find("#q"), WebDriver::kEnter);
  ASSERT_TRUE(browser.wait_until("return document.querySelectorAll('#article .rating button').length === 2;"));
  // A rating sent after the open and answered: the open has reached the server too.
  browser.execute("document.querySelectorAll('#article .rating button')[0].click();");
  ASSERT_TRUE(browser.wait_until(
      "var s = document.querySelector('#article .rating [role=status]'); return s && s.textContent === 'Dziękujemy za opinię.';"));
  auto r = env_->report();
  int recorded = 0;
  for (const auto& g : r["top_queries"]) {
    const std::string label = g["label"];
    if (label.rfind("wym", 0) == 0) {
      EXPECT_EQ(label, query) << "a half-typed prefix was recorded: " << r["top_queries"].dump();
      recorded += g["searches"].get<int>();
    }
  }
  EXPECT_EQ(recorded, 1) << r["top_queries"].dump();
  for (const auto& g : r["never_opened"]) EXPECT_NE(g["label"], query) << "the open was not linked to the search";
}

}  // namespace
}  // namespace wiedza
