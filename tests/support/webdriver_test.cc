// chromedriver is always stopped: after a normal session, and when no session can be
// created (a broken Chromium path), nothing the WebDriver started is left running.
#include "tests/support/webdriver.h"

#include <gtest/gtest.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace wiedza {
namespace {

using testing::WebDriver;
using testing::WebDriverOptions;

// Command lines of the processes whose parent is this one. With this process a child
// subreaper, that includes whatever chromedriver started and left behind when it was
// stopped. Waits up to 2 s for processes that were just killed to go.
std::string processes_left() {
  std::string left;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  do {
    while (waitpid(-1, nullptr, WNOHANG) > 0) {
    }  // reap what has exited
    left.clear();
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
      const std::string name = entry.path().filename().string();
      if (name.find_first_not_of("0123456789") != std::string::npos) continue;  // not a process
      std::ifstream stat(entry.path() / "stat");
      std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
      const std::size_t end_of_name = text.rfind(')');  // "pid (name) state ppid ..."
      if (end_of_name == std::string::npos) continue;
      std::istringstream fields(text.substr(end_of_name + 1));
      char state = 0;
      pid_t parent = 0;
      fields >> state >> parent;
      if (parent != getpid()) continue;
      std::ifstream cmdline_file(entry.path() / "cmdline");
      std::string cmdline((std::istreambuf_iterator<char>(cmdline_file)), std::istreambuf_iterator<char>());
      std::replace(cmdline.begin(), cmdline.end(), '\0', ' ');
      left += name + ": " + cmdline + "\n";
    }
    if (!left.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  } while (!left.empty() && std::chrono::steady_clock::now() < deadline);
  return left;
}

class WebDriverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
    ASSERT_EQ(processes_left(), "") << "this test needs a process of its own (ctest runs each test alone)";
  }
};

TEST_F(WebDriverTest, NormalSessionLeavesNoProcessBehind) {
  {
    WebDriver browser;
    browser.navigate("data:text/html,<p>ok</p>");
    EXPECT_EQ(browser.execute("return document.querySelector('p').textContent;"), "ok");
  }
  EXPECT_EQ(processes_left(), "");
}

TEST_F(WebDriverTest, SessionThatCannotBeCreatedStillStopsChromedriver) {
  // A path that does not exist, and a program that exits at once instead of serving DevTools.
  for (const char* broken : {"/nonexistent/chromium", "/bin/false"}) {
    std::string thrown;
    try {
      WebDriver browser(WebDriverOptions{.chromium = broken});
    } catch (const std::runtime_error& e) {
      thrown = e.what();
    }
    EXPECT_NE(thrown.find("POST /session failed"), std::string::npos) << broken << ": " << thrown;
    EXPECT_EQ(processes_left(), "") << broken;
  }
}

}  // namespace
}  // namespace wiedza
