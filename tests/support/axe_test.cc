// When npm ci cannot install axe-core, the build goes on and the accessibility checks
// fail with the one sentence npm_ci.cmake wrote: what failed and what to do.
#include "tests/support/axe.h"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

using testing::TempDir;

// A loopback port that refuses connections: bound, so nobody else takes it, but not listening.
class RefusingPort {
 public:
  RefusingPort() : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (bind(fd_, reinterpret_cast<sockaddr*>(&addr), len) == 0) {
      getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
      port_ = ntohs(addr.sin_port);
    }
  }
  ~RefusingPort() { close(fd_); }
  int port() const { return port_; }

 private:
  int fd_;
  int port_ = 0;
};

TEST(AxeCore, NpmFailureBecomesTheSentenceOfTheAccessibilityChecks) {
  TempDir tmp;
  RefusingPort registry;
  ASSERT_GT(registry.port(), 0);
  const std::string dest = tmp.str("browser");
  // An unreachable registry and an empty cache, so npm must fail; no proxy in the way.
  const std::string command =
      "env -u http_proxy -u https_proxy -u HTTP_PROXY -u HTTPS_PROXY"
      " npm_config_registry=http://127.0.0.1:" + std::to_string(registry.port()) + "/ npm_config_cache='" +
      tmp.str("npm-cache") + "' npm_config_fetch_retries=0 '" WIEDZA_CMAKE "' -DSOURCE='" WIEDZA_SOURCE_DIR
      "/tests/browser' -DDEST='" + dest + "' -DNPM='" WIEDZA_NPM "' -P '" WIEDZA_SOURCE_DIR "/cmake/npm_ci.cmake'";
  const testing::CommandResult build = testing::run_command(command, true);
  EXPECT_EQ(build.exit_code, 0) << "a failed npm ci must not stop the build: " << build.output;
  EXPECT_NE(build.output.find("npm ci could not install axe-core"), std::string::npos) << build.output;

  const std::string problem =
      testing::axe_core_problem(dest + "/node_modules/axe-core/axe.min.js", dest + "/npm-ci-failure.txt");
  EXPECT_EQ(problem.rfind("npm ci could not install axe-core for the accessibility tests (npm error ECONNREFUSED;", 0),
            0u)
      << problem;
  EXPECT_NE(problem.find("README.md, Troubleshooting"), std::string::npos) << problem;
  EXPECT_NE(problem.find(dest + "/npm-ci.log"), std::string::npos) << problem;
}

TEST(AxeCore, WithoutNpmEverRunningTheSentenceSaysHowToInstallIt) {
  const std::string problem = testing::axe_core_problem("/nonexistent/axe.min.js", "/nonexistent/npm-ci-failure.txt");
  EXPECT_NE(problem.find("/nonexistent/axe.min.js is missing"), std::string::npos) << problem;
  EXPECT_NE(problem.find("bash scripts/install-deps.sh --tests"), std::string::npos) << problem;
}

}  // namespace
}  // namespace wiedza
