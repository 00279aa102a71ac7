// The embeddable search box (/widget.js) on pages of other origins: two small servers on
// other loopback ports serve a page with the script tag; the Wiedza server allows one of
// them with --cors-origin and not the other.
#include <gtest/gtest.h>
#include <httplib.h>

#include <thread>

#include "tests/support/axe.h"
#include "tests/support/served_index.h"
#include "tests/support/webdriver.h"

namespace wiedza {
namespace {

using testing::RunningServer;
using testing::ServedIndex;
using testing::WebDriver;

// A third-party page that embeds the widget, served from its own loopback port.
class HostPage {
 public:
  HostPage() {
    port_ = server_.bind_to_any_port("127.0.0.1");
    server_.Get("/", [this](const httplib::Request&, httplib::Response& res) { res.set_content(html_, "text/html"); });
  }
  ~HostPage() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  void start(const std::string& wiedza_origin) {
    html_ = "<!doctype html><html lang=\"pl\"><head><meta charset=\"utf-8\"><title>Serwis dzielnicy</title>"
            "<style>body { font-family: serif; --wiedza-accent: #6b1d5c; }</style></head><body>"
            "<header><h1>Serwis dzielnicy</h1></header><main><p>Aktualności dzielnicy.</p>"
            "<script src=\"" + wiedza_origin + "/widget.js\" data-wiedza=\"" + wiedza_origin + "\" defer></script>"
            "</main></body></html>";
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  std::string origin() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::string html_;
  std::thread thread_;
};

class WidgetBrowserTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    allowed_ = new HostPage();
    refused_ = new HostPage();
    served_ = new ServedIndex(std::string(WIEDZA_SOURCE_DIR) + "/corpus",
                              [](server::ServerConfig& c) { c.cors_origins = {allowed_->origin()}; });
    server_ = &served_->server();
    const std::string wiedza = "http://127.0.0.1:" + std::to_string(server_->port());
    allowed_->start(wiedza);
    refused_->start(wiedza);
  }
  static void TearDownTestSuite() {
    delete served_;
    delete allowed_;
    delete refused_;
  }
  static void open_widget(WebDriver& browser, const HostPage& page) {
    browser.navigate(page.origin() + "/");
    ASSERT_TRUE(browser.wait_until("var h = document.querySelector('.wiedza-widget');"
                                   "return h !== null && h.shadowRoot.querySelector('input[role=combobox]') !== null;"))
        << "the widget should render inside a shadow root";
  }
  static constexpr const char* kShadow = "var root = document.querySelector('.wiedza-widget').shadowRoot;";

  static ServedIndex* served_;
  static RunningServer* server_;
  static HostPage* allowed_;
  static HostPage* refused_;
};
ServedIndex* WidgetBrowserTest::served_ = nullptr;
RunningServer* WidgetBrowserTest::server_ = nullptr;
HostPage* WidgetBrowserTest::allowed_ = nullptr;
HostPage* WidgetBrowserTest::refused_ = nullptr;

TEST_F(WidgetBrowserTest, FromAnAllowedOriginItSuggestsAndOpensWiedzaPages) {
  WebDriver browser;
  open_widget(browser, *allowed_);
  const std::string input = browser.find_in_shadow(".wiedza-widget", "input");
  browser.send_keys(input, "dowod");
  ASSERT_TRUE(browser.wait_until(std::string(kShadow) + "return root.querySelectorAll('[role=option]').length > 0;"))
      << "suggestions come cross-origin from the Wiedza server";
  browser.type(WebDriver::kArrowDown);
  ASSERT_TRUE(browser.wait_until(std::string(kShadow) + "var o = root.querySelector('[aria-selected=true]');"
                                 "return o !== null && root.querySelector('input').getAttribute("
                                 "'aria-activedescendant') === o.id;"));
  const std::string chosen = browser.execute(std::string(kShadow) +
                                             "return root.querySelector('[aria-selected=true]').firstChild.textContent;");
  browser.type(WebDriver::kEnter);
  const std::string wiedza = server_->url("");
  ASSERT_TRUE(browser.wait_until("return location.href.indexOf(" + nlohmann::json(wiedza + "/").dump() + ") === 0;"))
      << "Enter should open the Wiedza server's page";
  const std::string url = browser.current_url();
  if (url.find("/artykul/") != std::string::npos) {
    EXPECT_EQ(browser.text(browser.find("h1")), chosen);
  } else {
    EXPECT_EQ(browser.attribute(browser.find("#q"), "value"), chosen) << url;
  }
}

TEST_F(WidgetBrowserTest, SubmittingOpensTheResultsPage) {
  WebDriver browser;
  open_widget(browser, *allowed_);
  const std::string input = browser.find_in_shadow(".wiedza-widget", "input");
  browser.send_keys(input, std::string("wywoz smieci") + WebDriver::kEnter);
  ASSERT_TRUE(browser.wait_until("return location.pathname === '/szukaj' && "
                                 "new URLSearchParams(location.search).get('q') === 'wywoz smieci';"));
  EXPECT_EQ(browser.current_url().rfind(server_->url("/szukaj"), 0), 0u);
}

TEST_F(WidgetBrowserTest, IsThemedByCustomPropertiesAndIsolatedFromPageStyles) {
  WebDriver browser;
  open_widget(browser, *allowed_);
  EXPECT_EQ(browser.execute(std::string(kShadow) + "return getComputedStyle(root.querySelector('button')).backgroundColor;"),
            "rgb(107, 29, 92)")
      << "--wiedza-accent set on the host page should colour the button";
  EXPECT_EQ(browser.execute(std::string(kShadow) +
                            "return getComputedStyle(root.querySelector('input')).fontFamily.indexOf('serif') === 0;"),
            false)
      << "the page's own font rule should not reach into the widget";
}

TEST_F(WidgetBrowserTest, FromAnOriginNotAllowedItIsRefusedWithAPolishMessage) {
  WebDriver browser;
  open_widget(browser, *refused_);
  const std::string input = browser.find_in_shadow(".wiedza-widget", "input");
  browser.send_keys(input, "dowod");
  ASSERT_TRUE(browser.wait_until(std::string(kShadow) +
                                 "return root.querySelector('.notice').textContent.indexOf('niedostępne') >= 0;"))
      << "a refused origin should see a short message";
  EXPECT_EQ(browser.execute(std::string(kShadow) + "return root.querySelectorAll('[role=option]').length;"), 0);
  EXPECT_EQ(browser.execute("return document.querySelector('h1').textContent;"), "Serwis dzielnicy")
      << "the host page must keep working";
}

TEST_F(WidgetBrowserTest, MeetsWcag21AAInsideItsHostPage) {
  WebDriver browser;
  open_widget(browser, *allowed_);
  EXPECT_EQ(testing::axe_violations(browser, WIEDZA_AXE_JS), "");
  const std::string input = browser.find_in_shadow(".wiedza-widget", "input");
  browser.send_keys(input, "dowod");
  ASSERT_TRUE(browser.wait_until(std::string(kShadow) + "return root.querySelectorAll('[role=option]').length > 0;"));
  browser.type(WebDriver::kArrowDown);
  EXPECT_EQ(testing::axe_violations(browser, WIEDZA_AXE_JS), "") << "suggestions open";
}

}  // namespace
}  // namespace wiedza
