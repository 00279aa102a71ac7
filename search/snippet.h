// Query-biased snippets: the passage of an article with the most query words, with the
// matched words marked. Matching uses the analyser, so "dowodu" is marked for the query
// "dowód". Rendering (HTML <mark>, terminal colour) is left to the caller.
#pragma once

#include <string>
#include <vector>

#include "search/analysis/analyzer.h"
#include "search/query_builder.h"

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

Snippet make_snippet(const std::string& plain_text, const std::vector<QueryWord>& words,
                     analysis::Analyzer& analyzer, const SnippetOptions& options = {});

// Renders with the given markers around highlighted parts; `escape` is applied to the
// text (not to the markers), e.g. HTML escaping.
std::string render_snippet(const Snippet& s, const std::string& open, const std::string& close,
                           std::string (*escape)(const std::string&) = nullptr);

std::string html_escape(const std::string& text);

}  // namespace wiedza
