#include "tests/support/axe.h"

#include <filesystem>
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

std::string axe_core_problem(const std::string& axe_js_path, const std::string& npm_failure_path) {
  if (std::filesystem::exists(axe_js_path)) return "";
  if (std::ifstream failure(npm_failure_path); failure) {
    std::ostringstream sentence;
    sentence << failure.rdbuf();
    return sentence.str();
  }
  return "axe-core is not installed (" + axe_js_path + " is missing) and npm never tried to install it: install "
         "nodejs and npm with `bash scripts/install-deps.sh --tests`, then build again.";
}

std::string axe_violations(WebDriver& browser, const std::string& axe_js_path) {
  if (std::string problem = axe_core_problem(axe_js_path, WIEDZA_NPM_CI_FAILURE); !problem.empty()) return problem;
  std::ifstream in(axe_js_path, std::ios::binary);
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
