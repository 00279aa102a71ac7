#include "search/ranking_options.h"

#include <cstdlib>
#include <stdexcept>

namespace wiedza {
namespace {

struct Knob {
  const char* name;
  double RankingOptions::*field;
};

constexpr Knob kKnobs[] = {
    {"body_weight", &RankingOptions::body_weight},
    {"fields_weight", &RankingOptions::fields_weight},
    {"exact_weight", &RankingOptions::exact_weight},
    {"stem_weight", &RankingOptions::stem_weight},
    {"short_stem_weight", &RankingOptions::short_stem_weight},
    {"typo_weight", &RankingOptions::typo_weight},
    {"synonym_weight", &RankingOptions::synonym_weight},
    {"proximity_weight", &RankingOptions::proximity_weight},
    {"proximity_depth", &RankingOptions::proximity_depth},
    {"candidate_depth", &RankingOptions::candidate_depth},
    {"facet_depth", &RankingOptions::facet_depth},
    {"prf_weight", &RankingOptions::prf_weight},
    {"prf_docs", &RankingOptions::prf_docs},
    {"prf_terms", &RankingOptions::prf_terms},
    {"min_answer_confidence", &RankingOptions::min_answer_confidence},
    {"bm25_k1", &RankingOptions::bm25_k1},
    {"bm25_b", &RankingOptions::bm25_b},
};

}  // namespace

void RankingOptions::set(const std::string& assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string::npos) throw std::invalid_argument("ranking option '" + assignment + "' must be NAME=VALUE");
  const std::string name = assignment.substr(0, eq), value = assignment.substr(eq + 1);
  char* end = nullptr;
  const double v = std::strtod(value.c_str(), &end);
  if (value.empty() || end == nullptr || *end != '\0' || v < 0) {
    throw std::invalid_argument("ranking option " + name + ": '" + value + "' is not a non-negative number");
  }
  for (const Knob& k : kKnobs) {
    if (name == k.name) {
      this->*k.field = v;
      return;
    }
  }
  std::string known;
  for (const Knob& k : kKnobs) known += std::string(known.empty() ? "" : ", ") + k.name;
  throw std::invalid_argument("unknown ranking option '" + name + "' (known: " + known + ")");
}

}  // namespace wiedza
