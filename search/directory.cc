#include "search/directory.h"

#include <set>

#include "search/json_fields.h"

namespace wiedza {

const Unit* Directory::unit(const std::string& id) const {
  auto it = units.find(id);
  return it == units.end() ? nullptr : &it->second;
}

const Category* Directory::category(const std::string& id) const {
  auto it = categories.find(id);
  return it == categories.end() ? nullptr : &it->second;
}

bool is_valid_unit_kind(const std::string& kind) {
  return kind == "wydzial" || kind == "jednostka" || kind == "spolka" || kind == "zewnetrzna";
}

bool is_valid_id(const std::string& id, std::size_t max_length) {
  // ^[a-z0-9][a-z0-9-]{0,max-1}$ without pulling in <regex> on a hot path.
  if (id.empty() || id.size() > max_length) return false;
  auto ok = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!ok(id[0])) return false;
  for (char c : id) {
    if (!ok(c) && c != '-') return false;
  }
  return true;
}

std::optional<Unit> parse_unit(const nlohmann::json& j, const std::string& file, const std::string& where,
                               ValidationErrors& errors) {
  FieldReader r(j, file, where, errors);
  if (!r.is_object()) return std::nullopt;
  Unit u;
  u.id = r.required_string("id");
  if (!u.id.empty() && !is_valid_id(u.id)) r.error("id", std::string("must match ") + kIdPattern);
  u.name = r.required_string("name");
  u.kind = r.required_string("kind");
  if (!u.kind.empty() && !is_valid_unit_kind(u.kind)) {
    r.error("kind", "must be one of wydzial, jednostka, spolka, zewnetrzna (got '" + u.kind + "')");
  }
  u.phone = r.optional_string("phone");
  u.email = r.optional_string("email");
  u.address = r.optional_string("address");
  u.hours = r.optional_string("hours");
  u.description = r.optional_string("description");
  if (r.has("opening_hours") && !j["opening_hours"].is_null()) {
    u.opening_hours = parse_opening_hours(j["opening_hours"], file, where.empty() ? "opening_hours" : where + ".opening_hours",
                                          errors);
    if (!u.opening_hours) return std::nullopt;
  }
  if (r.failed()) return std::nullopt;
  return u;
}

std::optional<Category> parse_category(const nlohmann::json& j, const std::string& file, const std::string& where,
                                       ValidationErrors& errors) {
  FieldReader r(j, file, where, errors);
  if (!r.is_object()) return std::nullopt;
  Category c;
  c.id = r.required_string("id");
  if (!c.id.empty() && !is_valid_id(c.id)) r.error("id", std::string("must match ") + kIdPattern);
  c.name = r.required_string("name");
  if (r.failed()) return std::nullopt;
  return c;
}

namespace {

template <typename T, typename Parse>
std::map<std::string, T> parse_list(const nlohmann::json& doc, const std::string& file, ValidationErrors& errors,
                                    Parse parse) {
  std::map<std::string, T> out;
  if (!doc.is_array()) {
    errors.push_back({file, "", "must be a JSON array of objects"});
    return out;
  }
  for (std::size_t i = 0; i < doc.size(); ++i) {
    const std::string where = "[" + std::to_string(i) + "]";
    auto item = parse(doc[i], file, where, errors);
    if (!item) continue;
    if (out.count(item->id) > 0) {
      errors.push_back({file, where + ".id", "duplicate id '" + item->id + "'"});
      continue;
    }
    std::string id = item->id;
    out.emplace(std::move(id), std::move(*item));
  }
  return out;
}

}  // namespace

std::map<std::string, Unit> parse_units(const nlohmann::json& doc, const std::string& file, ValidationErrors& errors) {
  return parse_list<Unit>(doc, file, errors, parse_unit);
}

std::map<std::string, Category> parse_categories(const nlohmann::json& doc, const std::string& file,
                                                 ValidationErrors& errors) {
  return parse_list<Category>(doc, file, errors, parse_category);
}

nlohmann::json to_json(const Unit& u) {
  nlohmann::json j = {{"id", u.id},       {"name", u.name},       {"kind", u.kind},   {"phone", u.phone},
                      {"email", u.email}, {"address", u.address}, {"hours", u.hours}, {"description", u.description}};
  if (u.opening_hours) j["opening_hours"] = to_json(*u.opening_hours);
  return j;
}

nlohmann::json to_json(const Category& c) { return {{"id", c.id}, {"name", c.name}}; }

nlohmann::json units_to_json(const std::map<std::string, Unit>& units) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& [id, u] : units) a.push_back(to_json(u));
  return a;
}

nlohmann::json categories_to_json(const std::map<std::string, Category>& categories) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& [id, c] : categories) a.push_back(to_json(c));
  return a;
}

}  // namespace wiedza
