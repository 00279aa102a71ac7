// Accessibility checks in the browser tests: axe-core (npm, pinned in
// tests/browser/package-lock.json, installed into the build tree by CMake) injected into
// the page the WebDriver shows, run for the WCAG 2.1 A and AA rules.
#pragma once

#include <string>

#include "tests/support/webdriver.h"

namespace wiedza::testing {

// The violations on the current page (shadow roots included), one readable block each;
// "" when there are none. When axe-core is missing, returns axe_core_problem()'s sentence
// instead (so a test expecting "" fails with it rather than passing unchecked).
std::string axe_violations(WebDriver& browser, const std::string& axe_js_path);

// "" when axe_js_path exists; otherwise one sentence on what failed and what to do: the
// reason cmake/npm_ci.cmake wrote to npm_failure_path when `npm ci` failed, or how to
// install npm when it never ran.
std::string axe_core_problem(const std::string& axe_js_path, const std::string& npm_failure_path);

}  // namespace wiedza::testing
