#include "server/markdown_html.h"

#include <vector>

#include "search/snippet.h"

namespace wiedza::server {
namespace {

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Escapes one line and turns **pairs** into <strong>; an unpaired "**" stays literal.
std::string inline_html(std::string_view line) {
  std::string out;
  std::size_t pos = 0;
  while (pos < line.size()) {
    const std::size_t open = line.find("**", pos);
    const std::size_t close = open == std::string_view::npos ? open : line.find("**", open + 2);
    if (close == std::string_view::npos) break;
    out += html_escape(std::string(line.substr(pos, open - pos)));
    out += "<strong>" + html_escape(std::string(line.substr(open + 2, close - open - 2))) + "</strong>";
    pos = close + 2;
  }
  out += html_escape(std::string(line.substr(pos)));
  return out;
}

bool is_list_item(std::string_view line) { return line.substr(0, 2) == "- " || line.substr(0, 2) == "* "; }

// A paragraph's lines are joined with a space; a block whose lines are all list items
// is a list. A list inside a paragraph block (text line, then items) is split there.
void render_block(const std::vector<std::string_view>& lines, std::string& out) {
  std::string paragraph;
  bool in_list = false;
  auto flush_paragraph = [&] {
    if (!paragraph.empty()) out += "<p>" + paragraph + "</p>\n";
    paragraph.clear();
  };
  for (std::string_view line : lines) {
    if (is_list_item(line)) {
      flush_paragraph();
      if (!in_list) out += "<ul>\n";
      in_list = true;
      out += "<li>" + inline_html(trim_spaces(line.substr(2))) + "</li>\n";
      continue;
    }
    if (in_list) out += "</ul>\n";
    in_list = false;
    if (!paragraph.empty()) paragraph += ' ';
    paragraph += inline_html(line);
  }
  if (in_list) out += "</ul>\n";
  flush_paragraph();
}

}  // namespace

std::string markdown_to_html(std::string_view body) {
  std::string out;
  std::vector<std::string_view> block;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view line = trim_spaces(body.substr(start, end - start));
    if (line.empty()) {
      render_block(block, out);
      block.clear();
    } else {
      block.push_back(line);
    }
    start = end + 1;
  }
  render_block(block, out);
  return out;
}

}  // namespace wiedza::server
