#include "search/routing.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace wiedza {
namespace {

std::string percent(double v) { return std::to_string(static_cast<int>(std::lround(v * 100))) + "%"; }

}  // namespace

std::optional<RoutingHint> route(const SearchResult& result, const Directory& directory,
                                 const UnitDescriptions& descriptions, const RoutingOptions& options) {
  // Not in the base: a transfer guessed from a weak match costs the caller more than an
  // honest "we have no article on this".
  if (result.best.empty() || result.weak) return std::nullopt;
  const SearchHit& top = result.best.front();
  if (top.coverage < options.min_coverage || top.score <= 0) return std::nullopt;

  // Vote of the best hits, each weighted by its score relative to the best (sharpened)
  // and by how much of the query it covers.
  std::map<std::string, double> votes;
  double intervention_vote = 0, total = 0;
  const std::size_t n = std::min(options.evidence_hits, result.best.size());
  for (std::size_t i = 0; i < n; ++i) {
    const SearchHit& h = result.best[i];
    const double w = std::pow(h.score / top.score, options.score_exponent) * h.coverage;
    votes[h.unit] += w;
    total += w;
    if (h.kind == "interwencja") intervention_vote += w;
  }
  // Unit descriptions add a smaller, independent vote.
  const auto described = descriptions.match(result.words);
  double described_total = 0;
  for (const auto& [unit, share] : described) described_total += share;
  if (described_total > 0) {
    for (const auto& [unit, share] : described) {
      votes[unit] += total * options.description_weight * share / described_total;
    }
    total += total * options.description_weight;
  }

  std::vector<std::pair<std::string, double>> ranked(votes.begin(), votes.end());
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  RoutingHint hint;
  hint.unit = ranked.front().first;
  std::string vote_leader;  // set when the hint follows the top result against a larger vote
  if (hint.unit != top.unit) {
    const double top_unit_vote = votes.count(top.unit) ? votes.at(top.unit) : 0;
    if (ranked.front().second < options.overrule_ratio * top_unit_vote) {
      // Not clearly outvoted: follow the article the consultant sees first.
      auto it = std::find_if(ranked.begin(), ranked.end(), [&](const auto& r) { return r.first == top.unit; });
      vote_leader = hint.unit;
      std::rotate(ranked.begin(), it, it + 1);
      hint.unit = top.unit;
    } else {
      hint.differs_from_top = true;
    }
  }
  // The vote share, discounted by how much of the query the best hit covers: a hint
  // built on a partial match is less certain. benchmarks/RESULTS.md checks calibration.
  auto calibrate = [&](double share) {
    return 1.0 - std::pow(1.0 - share * top.coverage, options.calibration_exponent);
  };
  // The calibration was fitted on vote winners; a unit that follows the top result
  // against a larger vote keeps its raw share, so it never looks surer than its rival.
  hint.confidence = vote_leader.empty() ? calibrate(ranked.front().second / total)
                                        : ranked.front().second / total * top.coverage;
  // Alternatives keep their raw share: together with the winner they must not exceed one.
  for (std::size_t i = 1; i < ranked.size() && hint.alternatives.size() < 3; ++i) {
    const double share = ranked[i].second / total * top.coverage;
    if (share >= 0.01) hint.alternatives.push_back({ranked[i].first, share});  // 0% helps nobody
  }
  hint.intervention = intervention_vote > total / 2;
  // The consultant can answer from the top article when it belongs to the chosen unit,
  // clearly leads, and covers the whole question.
  const double second = result.best.size() > 1 ? result.best[1].score : 0;
  hint.answerable = top.unit == hint.unit && top.coverage >= 0.99 && top.score >= 1.15 * second;

  const Unit* unit = directory.unit(hint.unit);
  const std::string name = unit != nullptr ? unit->name : hint.unit;
  std::size_t supporting = 0;
  for (std::size_t i = 0; i < n; ++i) supporting += result.best[i].unit == hint.unit ? 1 : 0;
  const std::string support = std::to_string(supporting) + " z " + std::to_string(n) +
                              " najlepszych wyników dotyczy jednostki: " + name + ".";
  if (hint.differs_from_top) {
    const Unit* top_unit = directory.unit(top.unit);
    hint.reason = "Najlepiej pasujący artykuł („" + top.title + "”) należy do jednostki: " +
                  (top_unit != nullptr ? top_unit->name : top.unit) + ", ale " + support + " Pewność " +
                  percent(hint.confidence) + ".";
  } else if (!vote_leader.empty()) {
    const Unit* leader = directory.unit(vote_leader);
    hint.reason = "Najlepiej pasujący artykuł: „" + top.title + "” (jednostka: " + name +
                  "). Wiele wyników dotyczy też jednostki: " + (leader != nullptr ? leader->name : vote_leader) +
                  " – upewnij się, o którą sprawę chodzi. Pewność " + percent(hint.confidence) + ".";
  } else {
    hint.reason = "Najlepiej pasujący artykuł: „" + top.title + "”. " + support + " Pewność " +
                  percent(hint.confidence) + ".";
  }
  return hint;
}

}  // namespace wiedza
