// A problem found in corpus input, precise enough for an editor to fix it: which file,
// which field, and why.
#pragma once

#include <string>
#include <vector>

namespace wiedza {

struct ValidationError {
  std::string file;    // path of the offending file, or "" for API input
  std::string field;   // the JSON field ("title", "keywords[2]"), or "" for the whole file
  std::string reason;  // what is wrong, in plain English

  std::string to_string() const {
    std::string s = file;
    if (!field.empty()) s += (s.empty() ? "" : ": ") + std::string("field '") + field + "'";
    if (!s.empty()) s += ": ";
    return s + reason;
  }
};

using ValidationErrors = std::vector<ValidationError>;

}  // namespace wiedza
