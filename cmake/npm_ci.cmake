# Installs the npm packages pinned in SOURCE/package-lock.json into DEST/node_modules
# (npm ci), for tests only. Called at build time:
#   cmake -DSOURCE=dir -DDEST=dir -DNPM=/usr/bin/npm -P npm_ci.cmake
# It never fails the build: without npm or the registry, the tests that need the
# packages fail instead, naming what is missing; the build retries on the next run.
if(NOT NPM)
  message(WARNING "npm not found: run scripts/install-deps.sh (nodejs, npm); the accessibility tests will fail")
  return()
endif()
file(MAKE_DIRECTORY "${DEST}")
file(COPY_FILE "${SOURCE}/package.json" "${DEST}/package.json" ONLY_IF_DIFFERENT)
file(COPY_FILE "${SOURCE}/package-lock.json" "${DEST}/package-lock.json" ONLY_IF_DIFFERENT)
execute_process(COMMAND "${NPM}" ci --no-audit --no-fund --ignore-scripts
                WORKING_DIRECTORY "${DEST}" RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT status EQUAL 0)
  message(WARNING "npm ci in ${DEST} failed (${status}); the accessibility tests will fail:\n${out}")
endif()
