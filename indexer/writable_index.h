// Opening the index for writing. Xapian allows one writer per database (a lock file);
// `wiedza index` and the server's edits both come through here, so whichever comes second
// waits a bounded time and then fails with a message that says who holds the lock.
#pragma once

#include <chrono>
#include <stdexcept>
#include <string>

#include <xapian.h>

namespace wiedza {

// Another writer holds the database's lock.
class IndexLockedError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Opens (creating when missing) the database for writing. Retries for up to `wait` while
// another writer holds the lock, then throws IndexLockedError.
Xapian::WritableDatabase open_writable(const std::string& db_path,
                                       std::chrono::milliseconds wait = std::chrono::milliseconds(0));

}  // namespace wiedza
