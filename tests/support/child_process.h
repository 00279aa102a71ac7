// Test support: a program run as a child in a process group of its own. Destroying the
// object stops the whole group and reaps the child, so nothing the program started (for
// chromedriver: Chromium and its helpers) outlives its owner, even when the owner's
// constructor throws after starting it.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace wiedza::testing {

class ChildProcess {
 public:
  // Starts `program` (an absolute path) with `args` (argv[1..]); its stdout and stderr go
  // to /dev/null. Throws std::runtime_error when fork fails; a program that cannot be
  // executed exits at once with status 127 (see exited()).
  ChildProcess(const std::string& program, const std::vector<std::string>& args);
  // SIGTERM to the group, up to 5 s for the child to exit, SIGKILL to what is left of the
  // group, then reaps the child.
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  // True once the child has exited (it stays a zombie until the destructor reaps it, so
  // its process group id cannot be reused by another group meanwhile).
  bool exited() const;

 private:
  pid_t pid_ = -1;
};

}  // namespace wiedza::testing
