#include "tests/support/webdriver.h"

#include <httplib.h>

#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "tests/support/browser_preconditions.h"
#include "tests/support/raw_http.h"

namespace wiedza::testing {

WebDriver::WebDriver(WebDriverOptions options) {
  if (const std::string problem = browser_setup_problem(); !problem.empty()) throw std::runtime_error(problem);
  port_ = free_loopback_port();
  driver_ = std::make_unique<ChildProcess>(configured_chromedriver(),
                                           std::vector<std::string>{"--port=" + std::to_string(port_)});
  http_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
  http_->set_read_timeout(60, 0);
  bool ready = false;
  for (int i = 0; i < 100 && !ready && !driver_->exited(); ++i) {
    auto res = http_->Get("/status");
    ready = res && res->status == 200;
    if (!ready) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (!ready) throw std::runtime_error(configured_chromedriver() + " did not start on port " + std::to_string(port_));
  // Flags: headless, and no background networking (this machine has no internet, and
  // the tests must not depend on it).
  nlohmann::json args = {"--headless",          "--no-sandbox",      "--disable-gpu",
                         "--disable-quic",      "--no-first-run",    "--disable-background-networking",
                         "--disable-component-update", "--disable-sync",
                         "--window-size=" + std::to_string(options.width) + "," + std::to_string(options.height),
                         "--user-data-dir=" + profile_.str("profile")};
  const std::string chromium = options.chromium.empty() ? configured_chromium() : options.chromium;
  nlohmann::json chrome = {{"binary", chromium}, {"args", args}};
  if (!options.javascript) chrome["prefs"] = {{"profile.managed_default_content_settings.javascript", 2}};
  if (options.mobile) {
    chrome["mobileEmulation"] = {
        {"deviceMetrics", {{"width", options.width}, {"height", options.height}, {"pixelRatio", 2}, {"touch", true}}}};
  }
  nlohmann::json caps = {
      {"capabilities", {{"alwaysMatch", {{"browserName", "chrome"}, {"goog:chromeOptions", chrome}}}}}};
  auto created = call("POST", "/session", caps);
  session_ = created["sessionId"].get<std::string>();
}

WebDriver::~WebDriver() {
  try {
    if (!session_.empty()) call("DELETE", "/session/" + session_);  // Chromium quits cleanly
  } catch (...) {
  }
  // driver_ then stops chromedriver's process group.
}

nlohmann::json WebDriver::call(const std::string& method, const std::string& path, const nlohmann::json& body) {
  httplib::Result res = method == "GET"      ? http_->Get(path)
                        : method == "DELETE" ? http_->Delete(path)
                                             : http_->Post(path, body.dump(), "application/json");
  if (!res) throw std::runtime_error("WebDriver " + method + " " + path + ": no response");
  auto j = nlohmann::json::parse(res->body, nullptr, false);
  if (res->status != 200 || j.is_discarded()) {
    throw std::runtime_error("WebDriver " + method + " " + path + " failed (" + std::to_string(res->status) +
                             "): " + res->body.substr(0, 500));
  }
  return j.contains("value") ? j["value"] : j;
}

void WebDriver::set_network_latency(int latency_ms) {
  call("POST", "/session/" + session_ + "/chromium/network_conditions",
       {{"network_conditions",
         {{"offline", false}, {"latency", latency_ms}, {"download_throughput", 1 << 20}, {"upload_throughput", 1 << 20}}}});
}

void WebDriver::navigate(const std::string& url) { call("POST", "/session/" + session_ + "/url", {{"url", url}}); }

nlohmann::json WebDriver::execute(const std::string& script, const nlohmann::json& arguments) {
  return call("POST", "/session/" + session_ + "/execute/sync", {{"script", script}, {"args", arguments}});
}

nlohmann::json WebDriver::execute_async(const std::string& script, const nlohmann::json& arguments) {
  return call("POST", "/session/" + session_ + "/execute/async", {{"script", script}, {"args", arguments}});
}

std::string WebDriver::current_url() { return call("GET", "/session/" + session_ + "/url").get<std::string>(); }

std::string WebDriver::find(const std::string& css) {
  auto v = call("POST", "/session/" + session_ + "/element", {{"using", "css selector"}, {"value", css}});
  return v.begin().value().get<std::string>();  // {"element-6066-...": "id"}
}

std::string WebDriver::find_in_shadow(const std::string& host_css, const std::string& css) {
  auto root = call("GET", "/session/" + session_ + "/element/" + find(host_css) + "/shadow");
  const std::string root_id = root.begin().value().get<std::string>();  // {"shadow-6066-...": "id"}
  auto v = call("POST", "/session/" + session_ + "/shadow/" + root_id + "/element",
                {{"using", "css selector"}, {"value", css}});
  return v.begin().value().get<std::string>();
}

std::string WebDriver::text(const std::string& element) {
  return call("GET", "/session/" + session_ + "/element/" + element + "/text").get<std::string>();
}

nlohmann::json WebDriver::attribute(const std::string& element, const std::string& name) {
  return call("GET", "/session/" + session_ + "/element/" + element + "/attribute/" + name);
}

void WebDriver::send_keys(const std::string& element, const std::string& text) {
  call("POST", "/session/" + session_ + "/element/" + element + "/value", {{"text", text}});
}

void WebDriver::type(const std::string& text) {
  nlohmann::json actions = nlohmann::json::array();
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = 1;  // bytes of this UTF-8 code point
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0xF0) n = 4; else if (lead >= 0xE0) n = 3; else if (lead >= 0xC0) n = 2;
    const std::string key = text.substr(i, n);
    actions.push_back({{"type", "keyDown"}, {"value", key}});
    actions.push_back({{"type", "keyUp"}, {"value", key}});
    i += n;
  }
  call("POST", "/session/" + session_ + "/actions",
       {{"actions", {{{"type", "key"}, {"id", "keyboard"}, {"actions", actions}}}}});
}

bool WebDriver::wait_until(const std::string& script, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    auto v = execute(script);
    if (v.is_boolean() && v.get<bool>()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace wiedza::testing
