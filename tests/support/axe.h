// Accessibility checks in the browser tests: axe-core (npm, pinned in
// tests/browser/package-lock.json, installed into the build tree by CMake) injected into
// the page the WebDriver shows, run for the WCAG 2.1 A and AA rules.
#pragma once

#include <string>

#include "tests/support/webdriver.h"

namespace wiedza::testing {

// The violations on the current page (shadow roots included), one readable block each;
// "" when there are none. When axe-core is missing, says so and how to install it (so a
// test expecting "" fails with that message instead of passing unchecked).
std::string axe_violations(WebDriver& browser, const std::string& axe_js_path);

}  // namespace wiedza::testing
