// JSON shapes of search results shared by the CLI and the server.
#pragma once

#include <nlohmann/json.hpp>

#include "search/searcher.h"

namespace wiedza {

// {"id","title","summary","snippet" (HTML-escaped, <mark> around matches),"category",
//  "unit","kind","updated","score"}
nlohmann::json hit_to_json(const SearchHit& hit);

}  // namespace wiedza
