// A minimal W3C WebDriver client for browser tests: starts Debian's chromedriver with
// headless Chromium (nothing is downloaded) and drives it over HTTP.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/support/child_process.h"
#include "tests/support/test_corpus.h"

namespace httplib {
class Client;
}

namespace wiedza::testing {

struct WebDriverOptions {
  bool javascript = true;  // false: Chromium runs with JavaScript switched off (content setting)
  int width = 1280;        // window size in CSS pixels
  int height = 900;
  bool mobile = false;  // emulate a phone of width x height (touch, <meta name="viewport"> honoured)
  // The browser chromedriver starts; "" is the Chromium CMake found. Only the tests of this
  // support set it, to a broken path, to make creating the session fail.
  std::string chromium = "";
};

class WebDriver {
 public:
  // Checks the machine first (browser_preconditions.h) and throws std::runtime_error with
  // that one sentence when something is missing; throws too when chromedriver or Chromium
  // does not start. chromedriver is stopped in every case, also when the constructor throws.
  explicit WebDriver(WebDriverOptions options = {});
  ~WebDriver();
  WebDriver(const WebDriver&) = delete;
  WebDriver& operator=(const WebDriver&) = delete;

  void navigate(const std::string& url);
  // Runs a script in the page (W3C "execute/sync"); `arguments` are available to it.
  nlohmann::json execute(const std::string& script, const nlohmann::json& arguments = nlohmann::json::array());
  // Runs a script that calls its last argument with the result (W3C "execute/async").
  nlohmann::json execute_async(const std::string& script, const nlohmann::json& arguments = nlohmann::json::array());
  std::string current_url();
  // Element id of the first match of a CSS selector; throws when there is none.
  std::string find(const std::string& css);
  // The same inside the open shadow root of the element matching `host_css`.
  std::string find_in_shadow(const std::string& host_css, const std::string& css);
  // Rendered text of an element; an attribute's value (null when absent).
  std::string text(const std::string& element);
  nlohmann::json attribute(const std::string& element, const std::string& name);
  // Types text (WebDriver key codes such as kArrowDown allowed) into an element.
  void send_keys(const std::string& element, const std::string& text);
  // Types into whatever has focus (W3C actions), without focusing an element first:
  // send_keys refocuses, which blurs an input inside a shadow root.
  void type(const std::string& text);
  // Polls a script until it returns true; false on timeout.
  bool wait_until(const std::string& script, int timeout_ms = 5000);
  // A slow network, as Chromium's own throttling makes it (ChromeDriver's
  // network_conditions): every request waits `latency_ms` more. 0 restores it.
  void set_network_latency(int latency_ms);

  static constexpr const char* kArrowDown = "\xEE\x80\x95";  // U+E015
  static constexpr const char* kArrowUp = "\xEE\x80\x93";    // U+E013
  static constexpr const char* kEnter = "\xEE\x80\x87";      // U+E007
  static constexpr const char* kEscape = "\xEE\x80\x8C";     // U+E00C
  static constexpr const char* kTab = "\xEE\x80\x84";        // U+E004
  static constexpr const char* kAlt = "\xEE\x80\x8A";        // U+E00A, held until kReleaseKeys
  static constexpr const char* kReleaseKeys = "\xEE\x80\x80";  // U+E000

 private:
  nlohmann::json call(const std::string& method, const std::string& path, const nlohmann::json& body = nullptr);

  TempDir profile_;
  int port_ = 0;
  // A member, not a pid: when the constructor throws after starting chromedriver, this
  // destructor still runs and stops it (and any Chromium it started).
  std::unique_ptr<ChildProcess> driver_;
  std::unique_ptr<httplib::Client> http_;
  std::string session_;
};

}  // namespace wiedza::testing
