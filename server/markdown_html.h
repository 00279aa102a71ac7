// The light Markdown of article bodies (docs/corpus-format.md: paragraphs separated by
// blank lines, "- " lists, **bold**) rendered as HTML for the resident portal. Everything
// is escaped first; the only markup is what this renderer adds (<p>, <ul>, <li>,
// <strong>), so article text can never inject HTML.
#pragma once

#include <string>
#include <string_view>

namespace wiedza::server {

std::string markdown_to_html(std::string_view body);

}  // namespace wiedza::server
