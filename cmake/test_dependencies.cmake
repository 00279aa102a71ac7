# What the tests need beyond building `wiedza` (bash scripts/install-deps.sh --tests
# installs it). Sets WIEDZA_TESTS_MISSING to the Debian packages that are not installed,
# and the cache variables the tests use: NPM_EXECUTABLE, WIEDZA_CHROMIUM,
# WIEDZA_CHROMEDRIVER.
set(WIEDZA_TESTS_MISSING "")
find_package(GTest QUIET)
if(NOT GTest_FOUND)
  list(APPEND WIEDZA_TESTS_MISSING libgtest-dev libgmock-dev)
endif()
# The browser tests: Debian's Chromium driven by its chromedriver, with a font to render.
find_program(WIEDZA_CHROMIUM chromium DOC "Chromium for the browser tests")
find_program(WIEDZA_CHROMEDRIVER chromedriver DOC "chromedriver for the browser tests")
find_file(WIEDZA_TEST_FONT DejaVuSans.ttf PATHS /usr/share/fonts/truetype/dejavu NO_DEFAULT_PATH
          DOC "A font for the browser tests")
foreach(found_package IN ITEMS "WIEDZA_CHROMIUM;chromium" "WIEDZA_CHROMEDRIVER;chromium-driver"
                               "WIEDZA_TEST_FONT;fonts-dejavu-core")
  list(GET found_package 0 variable)
  list(GET found_package 1 package)
  if(NOT ${variable})
    list(APPEND WIEDZA_TESTS_MISSING ${package})
  endif()
endforeach()
# npm installs axe-core for the accessibility checks at build time (cmake/npm_ci.cmake).
find_program(NPM_EXECUTABLE npm DOC "npm, to install axe-core for the accessibility tests")
if(NOT NPM_EXECUTABLE)
  list(APPEND WIEDZA_TESTS_MISSING nodejs npm)
endif()
