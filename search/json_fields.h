// Reads typed fields out of a JSON object and records precise validation errors.
// Shared by every corpus file parser so that all of them word errors the same way.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "search/validation_error.h"

namespace wiedza {

class FieldReader {
 public:
  // `where` prefixes field names in errors ("[3]" -> "[3].name"); may be empty.
  FieldReader(const nlohmann::json& object, std::string file, std::string where, ValidationErrors& errors);

  // Records an error when the value is not an object; returns whether it is one.
  bool is_object();

  // A string that must be present and non-blank. Returns "" (and records an error) otherwise.
  std::string required_string(const char* field);
  // A string that may be absent or null; an error when present with another type.
  std::string optional_string(const char* field);
  // A list of non-blank strings that may be absent.
  std::vector<std::string> optional_string_list(const char* field);
  bool has(const char* field) const;

  void error(const std::string& field, const std::string& reason);
  bool failed() const { return errors_.size() > first_error_; }

 private:
  std::string label(const std::string& field) const;

  const nlohmann::json& object_;
  std::string file_;
  std::string where_;
  ValidationErrors& errors_;
  std::size_t first_error_;
};

// Trims ASCII and Unicode whitespace from both ends.
std::string trim(const std::string& s);

}  // namespace wiedza
