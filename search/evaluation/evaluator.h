// Runs a judged query set (corpus/queries/dev.jsonl format) through Searcher, the code
// path the server uses, and aggregates the metrics overall and per query style.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "search/evaluation/metrics.h"
#include "search/routing.h"
#include "search/searcher.h"
#include "search/validation_error.h"

namespace wiedza::evaluation {

struct JudgedQuery {
  std::string id;
  std::string query;
  Judgments relevant;  // empty for out-of-scope queries
  std::optional<std::string> unit;
  std::string style;
  bool in_scope() const { return !relevant.empty(); }
};

// Reads a JSONL file; malformed lines are reported with their line number.
std::vector<JudgedQuery> read_judged_queries(const std::string& path, ValidationErrors& errors);

struct QueryOutcome {
  const JudgedQuery* query;
  std::vector<std::string> ranked;  // top 50 ids
  double ndcg10 = 0, mrr10 = 0, recall10 = 0, recall50 = 0;
  std::string routed_unit;          // "" when no routing hint was given
  double routing_confidence = 0;
  double answer_confidence = 0;     // SearchResult::answer_confidence
  bool weak = true;                 // flagged "not in the base"
  // The hint route() would give were the search not weak ("" when none): what the
  // answer-confidence gate takes away.
  std::string ungated_unit;
};

struct Aggregate {
  std::size_t queries = 0;           // all queries in the group
  std::size_t in_scope = 0;          // those with judgments (metrics average over these)
  double ndcg10 = 0, mrr10 = 0, recall10 = 0, recall50 = 0;
  double no_result_rate = 0;         // in-scope queries that returned nothing
  double weak_rate = 0;              // in-scope queries flagged weak ("not in the base")
  double out_of_scope_answered = 0;  // out-of-scope queries answered (results not flagged weak)
  double out_of_scope_routed = 0;    // out-of-scope queries given a routing hint
  // In-scope queries whose hint would have named the right unit but was withheld because
  // the search was weak (share of `routed`).
  double lost_hint_rate = 0;
  std::size_t routed = 0;            // in-scope queries with an expected unit
  double routing_accuracy = 0;       // share of those whose routing hint names that unit
};

// Calibration of routing confidence: per confidence band, how often the hint was right.
struct CalibrationBin {
  double low, high;
  std::size_t count = 0;
  double mean_confidence = 0;
  double accuracy = 0;
};

struct EvaluationReport {
  Aggregate overall;
  std::map<std::string, Aggregate> by_style;
  std::vector<QueryOutcome> outcomes;  // in input order
  std::vector<CalibrationBin> calibration;
  double expected_calibration_error = 0;

  // The in-scope queries with the lowest nDCG@10, worst first.
  std::vector<const QueryOutcome*> worst(std::size_t n) const;
  nlohmann::json to_json(std::size_t worst_n) const;
};

EvaluationReport evaluate(Searcher& searcher, const std::vector<JudgedQuery>& queries);

}  // namespace wiedza::evaluation
