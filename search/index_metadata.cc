#include "search/index_metadata.h"

#include <charconv>
#include <chrono>
#include <string>

#include "search/schema.h"

namespace wiedza {

Directory read_directory_metadata(const Xapian::Database& db) {
  Directory d;
  ValidationErrors ignored;  // the writer validated these before storing them
  auto units = nlohmann::json::parse(db.get_metadata(schema::kMetaUnits), nullptr, false);
  auto categories = nlohmann::json::parse(db.get_metadata(schema::kMetaCategories), nullptr, false);
  if (!units.is_discarded()) d.units = parse_units(units, "(index metadata)", ignored);
  if (!categories.is_discarded()) d.categories = parse_categories(categories, "(index metadata)", ignored);
  return d;
}

void write_directory_metadata(Xapian::WritableDatabase& db, const Directory& directory) {
  db.set_metadata(schema::kMetaUnits, units_to_json(directory.units).dump());
  db.set_metadata(schema::kMetaCategories, categories_to_json(directory.categories).dump());
}

void stamp_commit_time(Xapian::WritableDatabase& db) {
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::system_clock::now().time_since_epoch());
  db.set_metadata(schema::kMetaCommittedAt, std::to_string(now.count()));
}

std::int64_t read_commit_time(const Xapian::Database& db) {
  const std::string stored = db.get_metadata(schema::kMetaCommittedAt);
  std::int64_t ms = 0;
  std::from_chars(stored.data(), stored.data() + stored.size(), ms);
  return ms;
}

}  // namespace wiedza
