#include "indexer/index_compaction.h"

#include <filesystem>
#include <stdexcept>

#include <xapian.h>

#include "indexer/writable_index.h"

namespace fs = std::filesystem;

namespace wiedza {
namespace {

std::string without_trailing_slash(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

std::string compacting_path(const std::string& db) { return db + ".compacting"; }
std::string replaced_path(const std::string& db) { return db + ".before-compaction"; }

std::uintmax_t directory_bytes(const fs::path& dir) {
  std::uintmax_t total = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file()) total += entry.file_size();
  }
  return total;
}

}  // namespace

bool recover_interrupted_compaction(const std::string& path) {
  const std::string db = without_trailing_slash(path);
  std::error_code ec;
  if (fs::exists(replaced_path(db), ec) && !fs::exists(db, ec)) {
    // Crashed between the renames: the compacted copy may be incomplete; the original is whole.
    fs::rename(replaced_path(db), db);
    fs::remove_all(compacting_path(db), ec);
    return true;
  }
  // Crashed after both renames (the original's removal unfinished), or during the copy.
  fs::remove_all(replaced_path(db), ec);
  fs::remove_all(compacting_path(db), ec);
  return false;
}

CompactionSummary compact_in_place(const std::string& path, std::chrono::milliseconds lock_wait) {
  const std::string db = without_trailing_slash(path);
  if (!fs::exists(fs::path(db) / "iamglass")) {
    throw std::runtime_error(db + " is not a glass database directory (a replica's copy is compacted on its primary)");
  }
  recover_interrupted_compaction(db);
  Xapian::WritableDatabase lock = open_writable(db, lock_wait);  // held until the swap is done
  CompactionSummary summary;
  summary.bytes_before = directory_bytes(db);
  const std::string target = compacting_path(db);
  try {
    // Document ids stay as they are: caches and replicas may hold them across the swap.
    Xapian::Database(db).compact(target, Xapian::DBCOMPACT_NO_RENUMBER);
    summary.bytes_after = directory_bytes(target);
    fs::rename(db, replaced_path(db));
    fs::rename(target, db);
  } catch (...) {
    std::error_code ec;
    if (!fs::exists(db, ec) && fs::exists(replaced_path(db), ec)) fs::rename(replaced_path(db), db, ec);
    fs::remove_all(target, ec);
    throw;
  }
  lock.close();
  fs::remove_all(replaced_path(db));
  return summary;
}

}  // namespace wiedza
