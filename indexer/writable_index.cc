#include "indexer/writable_index.h"

#include <thread>

namespace wiedza {

Xapian::WritableDatabase open_writable(const std::string& db_path, std::chrono::milliseconds wait) {
  const auto deadline = std::chrono::steady_clock::now() + wait;
  while (true) {
    try {
      return Xapian::WritableDatabase(db_path, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
      if (std::chrono::steady_clock::now() >= deadline) {
        throw IndexLockedError("database " + db_path +
                               " is being written by another process (a running `wiedza index` or a server "
                               "applying edits); try again when it has finished");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
}

}  // namespace wiedza
