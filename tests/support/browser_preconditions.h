// Test support: what the browser tests need from the machine, checked before a browser
// starts. A missing piece then fails each browser test with one sentence saying what to
// do, instead of chromedriver's "session not created: unable to connect to renderer".
// Each function returns "" when all is well, otherwise that sentence.
#pragma once

#include <string>

namespace wiedza::testing {

// chromedriver reaches Chromium's DevTools through the name "localhost", so it must
// resolve to a loopback address (a minimal chroot or container may have no /etc/hosts).
std::string localhost_problem();

// The major version in the output of `chromium --version` ("Chromium 120.0.6099.224 built
// on Debian ...") or `chromedriver --version` ("ChromeDriver 120.0.6099.224 (...)"); -1
// when there is none.
int major_version(const std::string& version_output);

// Both binaries exist and have the same major version (chromedriver drives only the
// Chromium it was built with).
std::string browser_version_problem(const std::string& chromium, const std::string& chromedriver);

// The Chromium and chromedriver that CMake found (WIEDZA_CHROMIUM, WIEDZA_CHROMEDRIVER).
std::string configured_chromium();
std::string configured_chromedriver();

// All of the above for the configured binaries; the version check runs once per process.
std::string browser_setup_problem();

}  // namespace wiedza::testing
