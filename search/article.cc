#include "search/article.h"

#include <cmath>

#include "search/analysis/text_folding.h"
#include "search/json_fields.h"

namespace wiedza {

bool is_valid_article_kind(const std::string& kind) {
  return kind == "informacja" || kind == "sprawa" || kind == "interwencja";
}

bool is_valid_date(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  int year = std::stoi(d.substr(0, 4)), month = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max_day = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= max_day;
}

std::optional<nlohmann::json> parse_json_text(const std::string& text, const std::string& file,
                                              ValidationErrors& errors) {
  if (!analysis::is_valid_utf8(text)) {
    errors.push_back({file, "", "is not valid UTF-8"});
    return std::nullopt;
  }
  struct Refused {
    std::string why;
  };
  // Called by the parser as it goes: refusing here stops it before the value is built.
  const nlohmann::json::parser_callback_t check = [](int depth, nlohmann::json::parse_event_t event,
                                                     nlohmann::json& parsed) {
    if (depth > kMaxJsonDepth) throw Refused{"nests deeper than " + std::to_string(kMaxJsonDepth) + " levels"};
    if (event == nlohmann::json::parse_event_t::value && parsed.is_number_float() &&
        !std::isfinite(parsed.get<double>())) {
      throw Refused{"holds a number too large to represent"};
    }
    return true;
  };
  try {
    return nlohmann::json::parse(text, check);
  } catch (const Refused& r) {
    errors.push_back({file, "", r.why});
    return std::nullopt;
  } catch (const nlohmann::json::out_of_range&) {
    errors.push_back({file, "", "holds a number too large to represent"});
    return std::nullopt;
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is 1-based; turn it into line:column for editors.
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string what = e.what();
    if (auto pos = what.find("syntax error"); pos != std::string::npos) what = what.substr(pos);
    errors.push_back({file, "", "invalid JSON at line " + std::to_string(line) + ", column " + std::to_string(column) +
                                    ": " + what});
    return std::nullopt;
  }
}

std::optional<Article> parse_article(const ArticleInput& input, const Directory& directory,
                                     ValidationErrors& errors) {
  FieldReader r(input.json, input.file, "", errors);
  if (!r.is_object()) return std::nullopt;
  Article a;
  a.id = r.required_string("id");
  if (!a.id.empty()) {
    if (!is_valid_id(a.id)) {
      r.error("id", "'" + a.id + "' must match " + kIdPattern + " (lowercase ASCII letters, digits, hyphens)");
    } else if (!input.expected_id.empty() && a.id != input.expected_id) {
      r.error("id", "'" + a.id + "' does not match the file name or URL ('" + input.expected_id + "')");
    }
  }
  a.title = trim(r.required_string("title"));
  a.body = r.required_string("body");
  a.summary = trim(r.optional_string("summary"));
  a.category = r.required_string("category");
  if (!a.category.empty() && directory.category(a.category) == nullptr) {
    r.error("category", "unknown category '" + a.category + "' (not in categories.json)");
  }
  a.unit = r.required_string("unit");
  if (!a.unit.empty() && directory.unit(a.unit) == nullptr) {
    r.error("unit", "unknown unit '" + a.unit + "' (not in units.json)");
  }
  a.kind = r.optional_string("kind");
  if (a.kind.empty()) {
    a.kind = "informacja";
  } else if (!is_valid_article_kind(a.kind)) {
    r.error("kind", "must be one of informacja, sprawa, interwencja (got '" + a.kind + "')");
  }
  a.keywords = r.optional_string_list("keywords");
  a.updated = r.optional_string("updated");
  if (!a.updated.empty() && !is_valid_date(a.updated)) {
    r.error("updated", "must be a date YYYY-MM-DD (got '" + a.updated + "')");
  }
  a.url = r.optional_string("url");
  if (!a.url.empty() && a.url.rfind("http://", 0) != 0 && a.url.rfind("https://", 0) != 0) {
    r.error("url", "must start with http:// or https://");
  }
  if (r.failed()) return std::nullopt;
  a.source = input.json;
  return a;
}

nlohmann::json to_json(const Article& a) {
  nlohmann::json j = a.source.is_object() ? a.source : nlohmann::json::object();
  j["id"] = a.id;
  j["title"] = a.title;
  j["body"] = a.body;
  j["category"] = a.category;
  j["unit"] = a.unit;
  j["kind"] = a.kind;
  if (!a.summary.empty()) j["summary"] = a.summary;
  j["keywords"] = a.keywords;
  if (!a.updated.empty()) j["updated"] = a.updated;
  if (!a.url.empty()) j["url"] = a.url;
  return j;
}

}  // namespace wiedza
