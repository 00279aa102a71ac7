#include "tests/support/browser_preconditions.h"

#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cctype>
#include <filesystem>
#include <regex>

#include "tests/support/test_corpus.h"

namespace wiedza::testing {
namespace {

bool is_loopback(const sockaddr* address) {
  if (address->sa_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(address);
    return (ntohl(v4->sin_addr.s_addr) >> 24) == 127;
  }
  if (address->sa_family == AF_INET6) {
    const auto* v6 = reinterpret_cast<const sockaddr_in6*>(address);
    return IN6_IS_ADDR_LOOPBACK(&v6->sin6_addr);
  }
  return false;
}

// Single-quoted for the shell of run_command.
std::string quoted(const std::string& path) { return "'" + path + "'"; }

std::string version_of(const std::string& binary) {
  std::string out = run_command(quoted(binary) + " --version").output;
  while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) out.pop_back();
  return out;
}

}  // namespace

std::string localhost_problem() {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const int status = getaddrinfo("localhost", nullptr, &hints, &found);
  bool loopback = false;
  for (const addrinfo* a = found; status == 0 && a != nullptr; a = a->ai_next) loopback |= is_loopback(a->ai_addr);
  if (found != nullptr) freeaddrinfo(found);
  if (loopback) return "";
  return "localhost does not resolve to a loopback address on this machine (" +
         std::string(status == 0 ? "it resolves elsewhere" : gai_strerror(status)) +
         ") and chromedriver reaches Chromium through it: add the line \"127.0.0.1 localhost\" to /etc/hosts "
         "(README.md, Troubleshooting).";
}

int major_version(const std::string& version_output) {
  static const std::regex kVersion(R"((?:Chromium|ChromeDriver) ([0-9]+)\.[0-9]+)");
  std::smatch m;
  return std::regex_search(version_output, m, kVersion) ? std::stoi(m[1]) : -1;
}

std::string browser_version_problem(const std::string& chromium, const std::string& chromedriver) {
  for (const std::string& binary : {chromium, chromedriver}) {
    if (!std::filesystem::exists(binary)) {
      return binary + " is missing: install the browser tests' packages with `bash scripts/install-deps.sh --tests` "
             "as root.";
    }
  }
  const std::string chromium_says = version_of(chromium), driver_says = version_of(chromedriver);
  const int browser = major_version(chromium_says), driver = major_version(driver_says);
  if (browser < 0 || driver < 0) {
    return "cannot read the versions of " + chromium + " (\"" + chromium_says + "\") and " + chromedriver + " (\"" +
           driver_says + "\"): reinstall them with `apt-get install --reinstall chromium chromium-driver`.";
  }
  if (browser != driver) {
    return chromium + " is version " + std::to_string(browser) + " but " + chromedriver + " is version " +
           std::to_string(driver) + ", and chromedriver drives only its own version: install both from the same "
           "Debian release with `apt-get install chromium chromium-driver`.";
  }
  return "";
}

std::string configured_chromium() { return WIEDZA_CHROMIUM; }
std::string configured_chromedriver() { return WIEDZA_CHROMEDRIVER; }

std::string browser_setup_problem() {
  if (std::string problem = localhost_problem(); !problem.empty()) return problem;
  static const std::string version_problem = browser_version_problem(configured_chromium(), configured_chromedriver());
  return version_problem;
}

}  // namespace wiedza::testing
