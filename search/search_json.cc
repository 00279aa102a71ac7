#include "search/search_json.h"

#include <cmath>

namespace wiedza {

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
