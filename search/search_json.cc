#include "search/search_json.h"

#include <cmath>

namespace wiedza {

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

nlohmann::json unit_ref(const Directory& directory, const std::string& id) {
  const Unit* u = directory.unit(id);
  return {{"id", id}, {"name", u != nullptr ? u->name : id}};
}

nlohmann::json category_ref(const Directory& directory, const std::string& id) {
  const Category* c = directory.category(id);
  return {{"id", id}, {"name", c != nullptr ? c->name : id}};
}

nlohmann::json unit_json(const Unit& unit, const LocalTime& now) {
  nlohmann::json j = to_json(unit);
  if (unit.opening_hours) j["open_now"] = to_json(open_status(*unit.opening_hours, now));
  return j;
}

nlohmann::json unit_card_json(const Unit& unit, const LocalTime& now) {
  nlohmann::json card = unit_json(unit, now);
  card.erase("description");
  return card;
}

nlohmann::json routing_to_json(const RoutingHint& routing, const Directory& directory, const LocalTime& now) {
  nlohmann::json unit = unit_ref(directory, routing.unit);
  if (const Unit* u = directory.unit(routing.unit)) unit = unit_card_json(*u, now);
  nlohmann::json alternatives = nlohmann::json::array();
  for (const RoutingAlternative& a : routing.alternatives) {
    // With phone and hours: a consultant may transfer to an alternative instead.
    const Unit* alt = directory.unit(a.unit);
    alternatives.push_back({{"unit", alt != nullptr ? unit_card_json(*alt, now) : unit_ref(directory, a.unit)},
                            {"confidence", round3(a.confidence)}});
  }
  // Moved, not copied, into place: nlohmann::json copies anything passed by name.
  return {{"unit", std::move(unit)},
          {"confidence", round3(routing.confidence)},
          {"answerable", routing.answerable},
          {"intervention", routing.intervention},
          {"alternatives", std::move(alternatives)},
          {"differs_from_top", routing.differs_from_top},
          {"reason", routing.reason}};
}

nlohmann::json hit_to_json(const SearchHit& hit) {
  return {{"id", hit.id},
          {"title", hit.title},
          {"summary", hit.summary},
          {"snippet", render_snippet(hit.snippet, "<mark>", "</mark>", html_escape)},
          {"category", hit.category},
          {"unit", hit.unit},
          {"kind", hit.kind},
          {"updated", hit.updated},
          {"score", std::round(hit.score * 10000.0) / 10000.0}};
}

}  // namespace wiedza
