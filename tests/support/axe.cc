#include "tests/support/axe.h"

#include <fstream>
#include <sstream>

namespace wiedza::testing {
namespace {

constexpr const char* kRunAxe = R"js(
var done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
                   resultTypes: ["violations"]})
  .then(function (r) {
    done(r.violations.map(function (v) {
      return {id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(function (n) { return JSON.stringify(n.target) + " " + n.failureSummary; })};
    }));
  })
  .catch(function (e) { done({error: String(e)}); });
)js";

}  // namespace

std::string axe_violations(WebDriver& browser, const std::string& axe_js_path) {
  std::ifstream in(axe_js_path, std::ios::binary);
  if (!in) {
    return "axe-core is not installed (" + axe_js_path + " is missing): install nodejs and npm "
           "(scripts/install-deps.sh), then rebuild; CMake runs npm ci with tests/browser/package-lock.json";
  }
  std::ostringstream source;
  source << in.rdbuf();
  // axe.min.js assigns window.axe; WebDriver scripts run outside the page's CSP.
  browser.execute(source.str() + "\nreturn true;");
  const nlohmann::json result = browser.execute_async(kRunAxe);
  if (!result.is_array()) return "axe.run failed: " + result.dump();
  std::string report;
  for (const auto& v : result) {
    report += v["id"].get<std::string>() + " (" + v["impact"].dump() + "): " + v["help"].get<std::string>() + "\n";
    for (const auto& n : v["nodes"]) report += "  " + n.get<std::string>() + "\n";
  }
  return report;
}

}  // namespace wiedza::testing
