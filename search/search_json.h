// JSON shapes of search results shared by the CLI and the server.
#pragma once

#include <nlohmann/json.hpp>

#include "search/routing.h"
#include "search/searcher.h"

namespace wiedza {

// {"id","name"} of a unit or category, with the id alone when it is not in the directory.
nlohmann::json unit_ref(const Directory& directory, const std::string& id);
nlohmann::json category_ref(const Directory& directory, const std::string& id);

// A unit as clients see it: its fields and, when it lists opening hours, whether it is
// open at `now` ("open_now": {"open", "text"}). The card leaves out the description.
nlohmann::json unit_json(const Unit& unit, const LocalTime& now);
nlohmann::json unit_card_json(const Unit& unit, const LocalTime& now);

// The routing hint as docs/api.md describes it: the unit's contact card (open or closed
// at `now`), confidence, flags, alternatives with their phones, and the Polish reason.
nlohmann::json routing_to_json(const RoutingHint& routing, const Directory& directory, const LocalTime& now);

double round3(double v);

// {"id","title","summary","snippet" (HTML-escaped, <mark> around matches),"category",
//  "unit","kind","updated","score"}
nlohmann::json hit_to_json(const SearchHit& hit);

}  // namespace wiedza
