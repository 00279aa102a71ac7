#include "server/api_json.h"

#include <cmath>

#include "search/search_json.h"
#include "search/snippet.h"

namespace wiedza::server {
namespace {

nlohmann::json nullable(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

}  // namespace

nlohmann::json search_response(const Answer& answer, const Directory& directory, double took_ms, const LocalTime& now) {
  const SearchResult& result = answer.result;
  nlohmann::json results = nlohmann::json::array();
  // Scores are relative to the best hit of this query's ranking (0-1), on every page:
  // BM25 weights are not comparable across queries, a share of the best is what a
  // reader can use.
  const double best = result.best.empty() ? 1.0 : std::max(result.best.front().score, 1e-9);
  for (const SearchHit& h : result.hits) {
    results.push_back({{"id", h.id},
                       {"title", h.title},
                       {"summary", h.summary},
                       {"snippet", render_snippet(h.snippet, "<mark>", "</mark>", html_escape)},
                       {"category", category_ref(directory, h.category)},
                       {"unit", unit_ref(directory, h.unit)},
                       {"kind", h.kind},
                       {"score", round3(h.score / best)},
                       {"updated", nullable(h.updated)}});
  }
  nlohmann::json routing_json = answer.routing ? routing_to_json(*answer.routing, directory, now) : nlohmann::json();
  nlohmann::json facets = nlohmann::json::object();
  for (const char* name : {"category", "unit", "kind"}) {
    nlohmann::json list = nlohmann::json::array();
    auto it = result.facets.find(name);
    if (it != result.facets.end()) {
      for (const FacetCount& f : it->second) {
        nlohmann::json entry = std::string(name) == "category" ? category_ref(directory, f.value)
                               : std::string(name) == "unit"   ? unit_ref(directory, f.value)
                                                               : nlohmann::json{{"id", f.value}, {"name", f.value}};
        entry["count"] = f.count;
        list.push_back(std::move(entry));
      }
    }
    facets[name] = std::move(list);
  }
  return {{"query", result.query},
          {"corrected", result.corrected ? nlohmann::json(*result.corrected) : nlohmann::json(nullptr)},
          {"total", result.total},
          {"total_exact", result.total_exact},
          {"facets_counted", result.facets_counted},
          {"answer_confidence", round3(result.answer_confidence)},
          {"weak", result.weak},
          {"took_ms", round3(took_ms)},
          {"results", std::move(results)},
          {"routing", std::move(routing_json)},
          {"facets", std::move(facets)}};
}

nlohmann::json article_response(const nlohmann::json& stored, const Directory& directory, const LocalTime& now) {
  nlohmann::json a = stored;
  const std::string unit = stored.value("unit", "");
  const std::string category = stored.value("category", "");
  if (const Unit* u = directory.unit(unit)) {
    a["unit"] = unit_json(*u, now);
  } else {
    a["unit"] = unit_ref(directory, unit);
  }
  a["category"] = category_ref(directory, category);
  return a;
}

nlohmann::json suggestions_response(const std::vector<Suggestion>& suggestions) {
  nlohmann::json list = nlohmann::json::array();
  for (const Suggestion& s : suggestions) list.push_back({{"text", s.text}, {"id", nullable(s.id)}});
  return {{"suggestions", list}};
}

}  // namespace wiedza::server
