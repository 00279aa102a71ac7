// The routing directory: units (departments, municipal units and companies, outside
// bodies) and article categories, as read from units.json and categories.json.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "search/opening_hours.h"
#include "search/validation_error.h"

namespace wiedza {

struct Unit {
  std::string id;
  std::string name;
  std::string kind;  // wydzial | jednostka | spolka | zewnetrzna
  std::string phone, email, address, hours, description;  // `hours`: free text, for display
  std::optional<OpeningHours> opening_hours;  // the same as data, when the unit lists it
};

struct Category {
  std::string id;
  std::string name;
};

struct Directory {
  std::map<std::string, Unit> units;
  std::map<std::string, Category> categories;

  const Unit* unit(const std::string& id) const;
  const Category* category(const std::string& id) const;
};

// Parse and validate one unit / category object; `file` and `where` ("units.json[3]")
// only label the errors.
std::optional<Unit> parse_unit(const nlohmann::json& j, const std::string& file, const std::string& where,
                               ValidationErrors& errors);
std::optional<Category> parse_category(const nlohmann::json& j, const std::string& file, const std::string& where,
                                       ValidationErrors& errors);

// Parse a whole units.json / categories.json document (a JSON array); duplicate ids are
// errors. Entries with errors are left out of the result.
std::map<std::string, Unit> parse_units(const nlohmann::json& doc, const std::string& file, ValidationErrors& errors);
std::map<std::string, Category> parse_categories(const nlohmann::json& doc, const std::string& file,
                                                 ValidationErrors& errors);

nlohmann::json to_json(const Unit& u);
nlohmann::json to_json(const Category& c);
nlohmann::json units_to_json(const std::map<std::string, Unit>& units);
nlohmann::json categories_to_json(const std::map<std::string, Category>& categories);

// Unit kinds and the identifier pattern shared by units, categories and articles
// (is_valid_id checks kIdPattern without <regex>).
inline constexpr const char* kIdPattern = "^[a-z0-9][a-z0-9-]{0,127}$";
bool is_valid_unit_kind(const std::string& kind);
bool is_valid_id(const std::string& id, std::size_t max_length = 128);

}  // namespace wiedza
