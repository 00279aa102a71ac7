#include "indexer/index_compaction.h"

#include <filesystem>
#include <stdexcept>

#include <xapian.h>

#include "indexer/database_swap.h"
#include "indexer/writable_index.h"

namespace fs = std::filesystem;

namespace wiedza {
namespace {

std::uintmax_t directory_bytes(const fs::path& dir) {
  std::uintmax_t total = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file()) total += entry.file_size();
  }
  return total;
}

}  // namespace

CompactionSummary compact_in_place(const std::string& db, std::chrono::milliseconds lock_wait) {
  if (!fs::exists(fs::path(db) / "iamglass")) {
    throw std::runtime_error(db + " is not a glass database directory (a replica's copy is compacted on its primary)");
  }
  recover_interrupted_swap(db);
  Xapian::WritableDatabase lock = open_writable(db, lock_wait);  // held until the swap is done
  CompactionSummary summary;
  summary.bytes_before = directory_bytes(db);
  const std::string target = replacement_path(db);
  try {
    // Document ids stay as they are: caches and replicas may hold them across the swap.
    Xapian::Database(db).compact(target, Xapian::DBCOMPACT_NO_RENUMBER);
    summary.bytes_after = directory_bytes(target);
    swap_in_replacement(db, lock);
  } catch (...) {
    std::error_code ec;
    fs::remove_all(target, ec);
    throw;
  }
  return summary;
}

}  // namespace wiedza
