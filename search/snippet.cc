#include "search/snippet.h"

#include <algorithm>

namespace wiedza {
namespace {

// Runs of whitespace (line breaks of the body included) become one space; a part keeps
// its leading and trailing space so that highlighted words stay separated.
std::string collapse_whitespace(const std::string& s) {
  std::string out;
  bool in_space = false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      if (!in_space) out += ' ';
      in_space = true;
    } else {
      out += c;
      in_space = false;
    }
  }
  return out;
}

}  // namespace

Snippet make_snippet(const std::string& text, const std::vector<analysis::TextSpan>& tokens,
                     Xapian::termpos first_position, const std::map<Xapian::termpos, int>& matches,
                     const SnippetOptions& options) {
  Snippet snippet;
  const std::size_t window = options.window_tokens;

  // Choose the window from the matched positions alone: most distinct query words, then
  // most matches, then earliest. Token i of the text has position first_position + i.
  std::size_t best_start = 0;
  int best_score = 0;
  for (auto m = matches.begin(); m != matches.end(); ++m) {
    if (m->first < first_position) continue;
    const std::size_t index = m->first - first_position;
    // Start a little before the first match so the passage reads naturally.
    const std::size_t start = index > 3 ? index - 3 : 0;
    std::vector<int> seen;
    int hits = 0;
    for (auto n = m; n != matches.end() && n->first < first_position + start + window; ++n) {
      ++hits;
      if (std::find(seen.begin(), seen.end(), n->second) == seen.end()) seen.push_back(n->second);
    }
    const int score = static_cast<int>(seen.size()) * 100 + hits;
    if (score > best_score) {
      best_score = score;
      best_start = start;
    }
  }

  if (tokens.empty()) return snippet;
  const std::size_t start = std::min(best_start, tokens.size() - 1);
  const std::size_t end = std::min(tokens.size(), start + window);

  std::size_t cursor = tokens[start].begin;
  for (std::size_t i = start; i < end; ++i) {
    if (matches.count(first_position + static_cast<Xapian::termpos>(i)) == 0) continue;
    if (tokens[i].begin > cursor) snippet.parts.push_back({text.substr(cursor, tokens[i].begin - cursor), false});
    snippet.parts.push_back({text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin), true});
    cursor = tokens[i].end;
  }
  std::size_t stop = tokens[end - 1].end;
  // Keep a closing full stop or bracket that belongs to the last word.
  while (stop < text.size() && (text[stop] == '.' || text[stop] == ')' || text[stop] == ',')) ++stop;
  if (stop > cursor) snippet.parts.push_back({text.substr(cursor, stop - cursor), false});
  for (SnippetPart& p : snippet.parts) p.text = collapse_whitespace(p.text);
  snippet.starts_mid_text = start > 0;
  snippet.ends_mid_text = end < tokens.size();
  return snippet;
}

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string render_snippet(const Snippet& s, const std::string& open, const std::string& close,
                           std::string (*escape)(const std::string&)) {
  std::string out;
  if (s.starts_mid_text) out += "… ";
  for (const SnippetPart& p : s.parts) {
    const std::string text = escape != nullptr ? escape(p.text) : p.text;
    out += p.highlighted ? open + text + close : text;
  }
  if (s.ends_mid_text) out += " …";
  return out;
}

}  // namespace wiedza
