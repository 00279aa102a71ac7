#include "search/markdown_text.h"

namespace wiedza {

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
    while (i < line.size() && line[i] == '#') ++i;
    for (; i < line.size(); ++i) {
      if (line[i] == '*' && i + 1 < line.size() && line[i + 1] == '*') {
        ++i;  // drop "**"
        continue;
      }
      out += line[i];
    }
    if (line_end == body.size()) break;
    out += '\n';
    line_start = line_end + 1;
  }
  return out;
}

}  // namespace wiedza
