// The routing hint: whom a consultant should transfer the caller to (or, for a problem
// report, which service gets it), derived from the evidence of a search: the units of the
// best-matching articles weighted by score and by how much of the query each covers, the
// units' descriptions, and the articles' kinds.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "search/directory.h"
#include "search/searcher.h"
#include "search/unit_descriptions.h"

namespace wiedza {

struct RoutingAlternative {
  std::string unit;
  double confidence;
};

struct RoutingHint {
  std::string unit;
  double confidence = 0;      // estimated probability that `unit` is right
  bool answerable = false;    // the top article itself answers the question
  bool intervention = false;  // the matter is a problem report (interwencja)
  std::vector<RoutingAlternative> alternatives;
  std::string reason;         // Polish, for the consultant
  // The top result belongs to another unit, and the reason says why the hint differs.
  bool differs_from_top = false;
};

struct RoutingOptions {
  std::size_t evidence_hits = 5;     // how many top hits vote
  double score_exponent = 2.0;       // sharpens the vote towards the best hits
  double description_weight = 0.15;  // share of the vote given to unit descriptions
  double min_coverage = 0.5;         // below this share of query words matched: no hint
  // The raw vote share underestimates how often the top unit is right (a unit wins with
  // 30% of the vote when the rest is split among several others). confidence =
  // 1 - (1 - share)^k, with k fitted on the dev set's calibration bins (benchmarks/RESULTS.md).
  double calibration_exponent = 2.5;
  // The hint names the top result's unit unless another unit's vote is at least this many
  // times the top unit's: what the consultant reads first and whom they are told to call
  // should agree unless the evidence clearly says otherwise.
  double overrule_ratio = 2.0;
};

// No hint (nullopt) when there are no hits, the search is weak (SearchResult::weak: not in
// the base) or the best hit covers too little of the query.
std::optional<RoutingHint> route(const SearchResult& result, const Directory& directory,
                                 const UnitDescriptions& descriptions, const RoutingOptions& options = {});

}  // namespace wiedza
