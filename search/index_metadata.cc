#include "search/index_metadata.h"

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

}  // namespace wiedza
