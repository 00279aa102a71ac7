#include "search/markdown_text.h"

namespace wiedza {
namespace {

// "# Title" or a line that is bold and nothing else ("**Gdzie złożyć reklamację**"), as
// the bundled articles mark their sections.
bool is_heading(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
  if (line.starts_with('#')) return true;
  return line.size() > 4 && line.starts_with("**") && line.ends_with("**") &&
         line.substr(2, line.size() - 4).find("**") == std::string_view::npos;
}

}  // namespace

std::string markdown_to_plain_text(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  std::size_t line_start = 0;
  while (line_start <= body.size()) {
    std::size_t line_end = body.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = body.size();
    std::string_view line = body.substr(line_start, line_end - line_start);
    // List markers and headings carry no words.
    std::size_t i = 0;
    while (i < line.size() && line[i] == ' ') ++i;
    if (line.substr(i, 2) == "- " || line.substr(i, 2) == "* ") i += 2;
    const bool heading = is_heading(line.substr(i));
    while (i < line.size() && line[i] == '#') ++i;
    while (heading && i < line.size() && line[i] == ' ') ++i;
    for (; i < line.size(); ++i) {
      if (line[i] == '*' && i + 1 < line.size() && line[i + 1] == '*') {
        ++i;  // drop "**"
        continue;
      }
      out += line[i];
    }
    // A heading ends its sentence: snippets join lines, and "Gdzie złożyć reklamację
    // Reklamacje przyjmuje…" read as one. Punctuation makes no terms, so the index is unchanged.
    while (heading && !out.empty() && out.back() == ' ') out.pop_back();
    if (heading && !out.empty() && std::string_view(".:!?;").find(out.back()) == std::string_view::npos) out += '.';
    if (line_end == body.size()) break;
    out += '\n';
    line_start = line_end + 1;
  }
  return out;
}

}  // namespace wiedza
