# Installs the npm packages pinned in SOURCE/package-lock.json into DEST/node_modules
# (npm ci), for tests only. Called at build time:
#   cmake -DSOURCE=dir -DDEST=dir -DNPM=/usr/bin/npm -P npm_ci.cmake
# It never fails the build, so that every other test still runs. When npm ci fails it
# says what failed and what to do, here and in DEST/npm-ci-failure.txt, which the
# accessibility tests report as their failure (tests/support/axe.cc); npm's whole output
# is kept in DEST/npm-ci.log. The build tries again on its next run.
set(failure_file "${DEST}/npm-ci-failure.txt")
set(log_file "${DEST}/npm-ci.log")
file(MAKE_DIRECTORY "${DEST}")

if(NOT NPM)
  set(sentence "npm is not installed, so axe-core is missing and the accessibility tests fail: install nodejs and npm with `bash scripts/install-deps.sh --tests` as root, then build again.")
else()
  file(COPY_FILE "${SOURCE}/package.json" "${DEST}/package.json" ONLY_IF_DIFFERENT)
  file(COPY_FILE "${SOURCE}/package-lock.json" "${DEST}/package-lock.json" ONLY_IF_DIFFERENT)
  execute_process(COMMAND "${NPM}" ci --no-audit --no-fund --ignore-scripts
                  WORKING_DIRECTORY "${DEST}" RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
  file(WRITE "${log_file}" "${out}")
  if(status EQUAL 0)
    file(REMOVE "${failure_file}")
    return()
  endif()
  # npm names the cause in a line "npm ERR! code SELF_SIGNED_CERT_IN_CHAIN" (npm 9; npm 10
  # writes "npm error code ..."); without one, the exit status has to do.
  if(out MATCHES "npm (ERR!|error) code ([A-Za-z0-9_]+)")
    set(reason "npm error ${CMAKE_MATCH_2}")
  else()
    set(reason "npm exited with ${status}")
  endif()
  set(sentence "npm ci could not install axe-core for the accessibility tests (${reason}; npm's output is in ${log_file}), so those tests fail: make the npm registry reachable as README.md, Troubleshooting, describes (behind a TLS-intercepting proxy: npm config set cafile /path/to/proxy-ca.pem), then build again.")
endif()
file(WRITE "${failure_file}" "${sentence}")
message(WARNING "${sentence}")
