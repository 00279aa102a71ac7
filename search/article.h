// A knowledge-base article and its validation: the corpus contract of docs/corpus-format.md.
// The same parse_article() validates files for `wiedza index` and bodies sent to the
// server, so both accept and reject exactly the same input.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "search/directory.h"
#include "search/validation_error.h"

namespace wiedza {

struct Article {
  std::string id;
  std::string title;
  std::string summary;  // optional; "" when absent
  std::string body;     // plain text with light Markdown
  std::string category;
  std::string unit;
  std::string kind;     // informacja | sprawa | interwencja; "informacja" when absent
  std::vector<std::string> keywords;
  std::string updated;  // YYYY-MM-DD or ""
  std::string url;
  nlohmann::json source;  // the object as given, unknown fields included
};

struct ArticleInput {
  const nlohmann::json& json;
  std::string expected_id;  // from the file name or URL; "" to skip the check
  std::string file;         // for error messages
};

// Validates an article. Errors are appended to `errors` (all of them, not just the first);
// returns the article only when there were none.
std::optional<Article> parse_article(const ArticleInput& input, const Directory& directory,
                                     ValidationErrors& errors);

// Parses JSON text, turning a syntax error into a ValidationError with its position.
// Rejects, before building anything, values nested deeper than kMaxJsonDepth (a few
// hundred kilobytes of brackets would otherwise cost gigabytes and overflow the stack
// when written back) and numbers too large for a double ("1e999999").
std::optional<nlohmann::json> parse_json_text(const std::string& text, const std::string& file,
                                              ValidationErrors& errors);

inline constexpr int kMaxJsonDepth = 32;

bool is_valid_article_kind(const std::string& kind);
bool is_valid_date(const std::string& yyyy_mm_dd);

// The article as stored: the source object with normalised known fields.
nlohmann::json to_json(const Article& a);

}  // namespace wiedza
