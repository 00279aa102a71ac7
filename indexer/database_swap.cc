#include "indexer/database_swap.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace wiedza {
namespace {

std::string without_trailing_slash(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

std::string replaced_path(const std::string& db) { return db + ".replaced"; }

}  // namespace

std::string replacement_path(const std::string& db_path) { return without_trailing_slash(db_path) + ".replacement"; }

std::string replacement_work_path(const std::string& db_path) {
  return without_trailing_slash(db_path) + ".replacement-work";
}

void swap_in_replacement(const std::string& db_path, Xapian::WritableDatabase& lock) {
  const std::string db = without_trailing_slash(db_path);
  fs::rename(db, replaced_path(db));
  try {
    fs::rename(replacement_path(db), db);
  } catch (...) {
    std::error_code ec;
    fs::rename(replaced_path(db), db, ec);
    throw;
  }
  lock.close();
  std::error_code ec;
  // Readers that still have the old files open keep reading them until they reopen.
  fs::remove_all(replaced_path(db), ec);
}

bool recover_interrupted_swap(const std::string& db_path) {
  const std::string db = without_trailing_slash(db_path);
  std::error_code ec;
  if (fs::exists(replaced_path(db), ec) && !fs::exists(db, ec)) {
    // Crashed between the renames: the replacement may be incomplete; the original is whole.
    fs::rename(replaced_path(db), db);
    fs::remove_all(replacement_path(db), ec);
    fs::remove_all(replacement_work_path(db), ec);
    return true;
  }
  // Crashed after both renames (the original's removal unfinished), or while writing the
  // replacement.
  fs::remove_all(replaced_path(db), ec);
  fs::remove_all(replacement_path(db), ec);
  fs::remove_all(replacement_work_path(db), ec);
  return false;
}

}  // namespace wiedza
