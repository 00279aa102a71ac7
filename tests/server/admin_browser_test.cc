// The editors' page and the console's feedback buttons in headless Chromium: a token is
// asked for once, the report shows a query made beforehand, and a consultant's
// "nieprzydatne" reaches the report.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "indexer/index_writer.h"
#include "tests/support/running_server.h"
#include "tests/support/webdriver.h"

namespace wiedza {
namespace {

using testing::RunningServer;
using testing::TempDir;
using testing::TestCorpus;
using testing::WebDriver;

constexpr const char* kToken = "s3cret-token-anna-0001";

class AdminBrowserTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    TestCorpus corpus(tmp_->path() / "corpus");
    corpus.put("dowod", TestCorpus::article("dowod", "Dowód osobisty", "Wniosek o dowód osobisty w urzędzie."));
    corpus.put("meldunek", TestCorpus::article("meldunek", "Meldunek", "Zameldowanie na pobyt stały."));
    analysis::Analyzer analyzer;
    sync_index(tmp_->str("db"), read_corpus(corpus.dir()), analyzer);
    std::ofstream(tmp_->str("tokens")) << "anna " << kToken << "\n";
    ::chmod(tmp_->str("tokens").c_str(), 0600);
    server::ServerConfig config;
    config.db_path = tmp_->str("db");
    config.port = 0;
    config.threads = 2;
    config.tokens_path = tmp_->str("tokens");
    server_ = new RunningServer(config);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete tmp_;
  }
  static nlohmann::json report() {
    auto res = server_->client().Get("/api/admin/report?days=1", {{"Authorization", std::string("Bearer ") + kToken}});
    EXPECT_TRUE(res && res->status == 200);
    return res ? nlohmann::json::parse(res->body) : nlohmann::json();
  }
  static TempDir* tmp_;
  static RunningServer* server_;
};
TempDir* AdminBrowserTest::tmp_ = nullptr;
RunningServer* AdminBrowserTest::server_ = nullptr;

TEST_F(AdminBrowserTest, TokenOnceThenTheReportShowsAQueryMadeBefore) {
  auto searched = server_->client().Get("/api/search?q=kwarkodron%20miejski");
  ASSERT_TRUE(searched && searched->status == 200);

  WebDriver browser;
  browser.navigate(server_->url("/admin"));
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
  browser.navigate(server_->url("/admin"));
  ASSERT_TRUE(browser.wait_until("return document.querySelectorAll('#report table').length === 6;"));
  browser.execute("document.getElementById('logout').click();");
  ASSERT_TRUE(browser.wait_until("return !document.getElementById('login').hidden;"));
  EXPECT_TRUE(browser.execute("return sessionStorage.getItem('wiedza.editorToken') === null;").get<bool>());
}

TEST_F(AdminBrowserTest, EditorFormIsFilledFromTheArticleWithCategoryAndUnitLists) {
  WebDriver browser;
  browser.navigate(server_->url("/admin"));
  browser.execute("sessionStorage.setItem('wiedza.editorToken', arguments[0]);", {kToken});
  browser.navigate(server_->url("/admin"));
  ASSERT_TRUE(browser.wait_until("return !document.getElementById('app').hidden && "
                                 "document.querySelectorAll('#f-unit option').length === 2;"));
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

TEST_F(AdminBrowserTest, ConsoleOpenAndUnhelpfulReachTheReport) {
  WebDriver browser;
  browser.navigate(server_->url("/"));
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

  auto r = report();
  bool unhelpful = false;
  for (const auto& a : r["unhelpful_articles"]) unhelpful = unhelpful || (a["id"] == "meldunek" && a["unhelpful"] == 1);
  EXPECT_TRUE(unhelpful) << r["unhelpful_articles"].dump();
  // The "open" carried the search's id, so this query is not among the never-opened.
  bool searched = false;
  for (const auto& g : r["top_queries"]) searched = searched || g["label"] == "zameldowanie na pobyt";
  EXPECT_TRUE(searched) << r["top_queries"].dump();
  for (const auto& g : r["never_opened"]) EXPECT_NE(g["label"], "zameldowanie na pobyt");
}

}  // namespace
}  // namespace wiedza
