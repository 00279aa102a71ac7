// The light Markdown of article bodies ("- " lists, **bold**) reduced to plain text for
// indexing and snippets. Paragraph breaks are kept as blank lines.
#pragma once

#include <string>
#include <string_view>

namespace wiedza {

std::string markdown_to_plain_text(std::string_view body);

}  // namespace wiedza
