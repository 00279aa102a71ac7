// The one entry point that answers a query, for every front end (the HTTP API, the
// resident portal, `wiedza search`, `wiedza eval`): the page of ranked hits asked for,
// and, computed from the query's own ranking whatever page is asked for, the answer
// confidence ("not in the base" when weak), the routing hint with its reasons, and the
// unit to contact when there is no hint. Front ends only map an Answer to JSON, HTML
// or text.
#pragma once

#include <optional>
#include <string>

#include "search/routing.h"
#include "search/searcher.h"

namespace wiedza {

struct Answer {
  SearchResult result;                 // the page, facets, correction, answer confidence
  std::optional<RoutingHint> routing;  // whom to transfer to; null when weak or unclear
  // Without a hint: the unit whose name and description best match the query's words,
  // the best guess of whom to contact (the portal's contact card, beside the helpline);
  // "" when none does.
  std::string contact_unit;
};

// Not thread-safe, like the Searcher it uses.
Answer answer(Searcher& searcher, const SearchRequest& request, const RoutingOptions& routing = {});

}  // namespace wiedza
