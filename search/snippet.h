// Query-biased snippets: the passage of an article with the most query words, with the
// matched words marked. Which words matched comes from the index's own positions (the
// analyser decided at index time that "dowodu" is a form of "dowód"), so cutting a
// snippet needs only the text's token boundaries (Analyzer::position_spans), which a
// HitDocument keeps. Rendering (HTML <mark>, terminal colour) is left to the caller.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "search/analysis/analyzer.h"

namespace wiedza {

struct SnippetPart {
  std::string text;
  bool highlighted;
};

struct Snippet {
  std::vector<SnippetPart> parts;
  bool starts_mid_text = false;  // render a leading ellipsis
  bool ends_mid_text = false;    // render a trailing ellipsis
};

struct SnippetOptions {
  std::size_t window_tokens = 28;
};

// `text` is the field's NFC text as indexed and `tokens` its position_spans(); token i
// has position `first_position + i`; `matches` maps matched positions to the query word
// they match.
Snippet make_snippet(const std::string& text, const std::vector<analysis::TextSpan>& tokens,
                     Xapian::termpos first_position, const std::map<Xapian::termpos, int>& matches,
                     const SnippetOptions& options = {});

// Renders with the given markers around highlighted parts; `escape` is applied to the
// text (not to the markers), e.g. HTML escaping.
std::string render_snippet(const Snippet& s, const std::string& open, const std::string& close,
                           std::string (*escape)(const std::string&) = nullptr);

std::string html_escape(const std::string& text);

}  // namespace wiedza
