// The checks the browser tests make before starting a browser: on this machine they pass,
// and without /etc/hosts (as in a minimal chroot) they, and every WebDriver, fail with the
// sentence that says what to do.
#include "tests/support/browser_preconditions.h"

#include <gtest/gtest.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "tests/support/test_corpus.h"
#include "tests/support/webdriver.h"

namespace wiedza {
namespace {

using testing::TempDir;

TEST(BrowserPreconditions, ReadsTheMajorVersionOfChromiumAndChromedriver) {
  const struct {
    const char* output;
    int major;
  } cases[] = {
      {"Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)", 156},
      {"ChromeDriver 156.0.8078.114 (ea19f9737303a76e07b53c6a1eec43355aca3b1d-refs/branch-heads/8078_108@{#5})", 156},
      {"Chromium 120.0.6099.224 built on Debian 12.4, running on Debian 12.4", 120},
      {"/usr/bin/chromium: 9: [: 25275973632: unexpected operator\nChromium 99.0.4844.74 built on Debian", 99},
      {"", -1},
      {"sh: 1: chromium: not found", -1},
  };
  for (const auto& c : cases) EXPECT_EQ(testing::major_version(c.output), c.major) << c.output;
}

TEST(BrowserPreconditions, HoldOnThisMachine) {
  EXPECT_EQ(testing::localhost_problem(), "");
  EXPECT_EQ(testing::browser_version_problem(testing::configured_chromium(), testing::configured_chromedriver()), "");
  EXPECT_EQ(testing::browser_setup_problem(), "");
}

TEST(BrowserPreconditions, NameAMissingOrUnreadableBrowser) {
  const std::string missing = testing::browser_version_problem("/nonexistent/chromium", testing::configured_chromedriver());
  EXPECT_NE(missing.find("/nonexistent/chromium is missing"), std::string::npos) << missing;
  EXPECT_NE(missing.find("bash scripts/install-deps.sh --tests"), std::string::npos) << missing;
  // A real program that is not Chromium: no version to compare.
  const std::string unreadable = testing::browser_version_problem("/bin/true", testing::configured_chromedriver());
  EXPECT_NE(unreadable.find("cannot read the versions of /bin/true"), std::string::npos) << unreadable;
}

// Hides /etc/hosts and DNS in a private mount namespace (as root) of a child process,
// then returns what the check and a WebDriver said there, one line each; "SETUP: why"
// when the namespace could not be made.
std::string problems_without_hosts_file(const TempDir& tmp) {
  std::ofstream(tmp.str("hosts")) << "";
  std::ofstream(tmp.str("nsswitch.conf")) << "hosts: files\n";  // no DNS that might know localhost
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe failed");
  const pid_t child = fork();
  if (child == 0) {
    close(out[0]);
    auto say = [&](const std::string& text) {
      if (write(out[1], text.data(), text.size()) < 0) _exit(3);
    };
    if (unshare(CLONE_NEWNS) != 0) {
      say(std::string("SETUP: a private mount namespace needs root: ") + std::strerror(errno));
      _exit(2);
    }
    if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
      // In a chroot "/" is not a mount point: without a private "/", hiding /etc/hosts
      // could reach the machine outside. benchmarks/fresh_machine.sh checks this case by
      // removing the chroot's /etc/hosts instead.
      say(errno == EINVAL ? std::string("SKIP: / is not a mount point here (a chroot?), so /etc/hosts cannot be hidden "
                                        "from this process alone")
                          : std::string("SETUP: a private mount namespace needs root: ") + std::strerror(errno));
      _exit(2);
    }
    for (const char* file : {"hosts", "nsswitch.conf"}) {
      const std::string target = std::string("/etc/") + file;
      if (std::filesystem::exists(target) && mount(tmp.str(file).c_str(), target.c_str(), nullptr, MS_BIND, nullptr) != 0) {
        say("SETUP: cannot hide " + target + ": " + std::strerror(errno));
        _exit(2);
      }
    }
    std::string thrown = "(WebDriver started)";
    try {
      testing::WebDriver browser;
    } catch (const std::exception& e) {
      thrown = e.what();
    }
    say(testing::localhost_problem() + "\n" + thrown);
    _exit(0);
  }
  close(out[1]);
  std::string said;
  char buf[4096];
  for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;) said.append(buf, static_cast<std::size_t>(n));
  close(out[0]);
  waitpid(child, nullptr, 0);
  return said;
}

TEST(BrowserPreconditions, WithoutHostsFileEveryBrowserFailsWithOneSentenceOnWhatToDo) {
  TempDir tmp;
  const std::string said = problems_without_hosts_file(tmp);
  if (said.rfind("SKIP: ", 0) == 0) GTEST_SKIP() << said;
  ASSERT_NE(said.rfind("SETUP: ", 0), 0u) << said << "; run the tests as root, as README.md does";
  const std::size_t newline = said.find('\n');
  ASSERT_NE(newline, std::string::npos) << said;
  const std::string check = said.substr(0, newline), thrown = said.substr(newline + 1);
  EXPECT_EQ(check.rfind("localhost does not resolve to a loopback address", 0), 0u) << check;
  EXPECT_NE(check.find("add the line \"127.0.0.1 localhost\" to /etc/hosts"), std::string::npos) << check;
  EXPECT_EQ(thrown, check) << "a WebDriver must fail with the check's sentence, before starting chromedriver";
}

}  // namespace
}  // namespace wiedza
