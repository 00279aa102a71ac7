#include "search/json_fields.h"

namespace wiedza {
namespace {

const char* type_name(const nlohmann::json& v) {
  return v.type_name();
}

}  // namespace

std::string trim(const std::string& s) {
  // U+00A0 (no-break space, C2 A0) is common in pasted text; treat it as blank too.
  std::size_t b = 0, e = s.size();
  auto blank_at = [&](std::size_t i, bool forward) -> std::size_t {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (forward && c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
    if (!forward && c == 0xA0 && i > 0 && static_cast<unsigned char>(s[i - 1]) == 0xC2) return 2;
    return 0;
  };
  while (b < e) {
    std::size_t n = blank_at(b, true);
    if (n == 0) break;
    b += n;
  }
  while (e > b) {
    std::size_t n = blank_at(e - 1, false);
    if (n == 0) break;
    e -= n;
  }
  return s.substr(b, e - b);
}

FieldReader::FieldReader(const nlohmann::json& object, std::string file, std::string where, ValidationErrors& errors)
    : object_(object), file_(std::move(file)), where_(std::move(where)), errors_(errors), first_error_(errors.size()) {}

std::string FieldReader::label(const std::string& field) const {
  if (where_.empty()) return field;
  if (field.empty()) return where_;
  return where_ + "." + field;
}

void FieldReader::error(const std::string& field, const std::string& reason) {
  errors_.push_back({file_, label(field), reason});
}

bool FieldReader::is_object() {
  if (object_.is_object()) return true;
  error("", std::string("must be a JSON object, not ") + type_name(object_));
  return false;
}

bool FieldReader::has(const char* field) const {
  auto it = object_.find(field);
  return it != object_.end() && !it->is_null();
}

std::string FieldReader::required_string(const char* field) {
  auto it = object_.find(field);
  if (it == object_.end() || it->is_null()) {
    error(field, "is required");
    return {};
  }
  if (!it->is_string()) {
    error(field, std::string("must be a string, not ") + type_name(*it));
    return {};
  }
  std::string value = it->get<std::string>();
  if (trim(value).empty()) {
    error(field, "must not be empty");
    return {};
  }
  return value;
}

std::string FieldReader::optional_string(const char* field) {
  auto it = object_.find(field);
  if (it == object_.end() || it->is_null()) return {};
  if (!it->is_string()) {
    error(field, std::string("must be a string, not ") + type_name(*it));
    return {};
  }
  return it->get<std::string>();
}

std::vector<std::string> FieldReader::optional_string_list(const char* field) {
  std::vector<std::string> out;
  auto it = object_.find(field);
  if (it == object_.end() || it->is_null()) return out;
  if (!it->is_array()) {
    error(field, std::string("must be a list of strings, not ") + type_name(*it));
    return out;
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    const auto& v = (*it)[i];
    const std::string name = std::string(field) + "[" + std::to_string(i) + "]";
    if (!v.is_string()) {
      error(name, std::string("must be a string, not ") + type_name(v));
    } else if (trim(v.get<std::string>()).empty()) {
      error(name, "must not be empty");
    } else {
      out.push_back(v.get<std::string>());
    }
  }
  return out;
}

}  // namespace wiedza
