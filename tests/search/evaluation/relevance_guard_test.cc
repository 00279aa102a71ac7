// Regression guard: dev-set relevance must not drop more than 0.02 below the value
// recorded in benchmarks/relevance/recorded.json (update it when ranking improves).
#include <gtest/gtest.h>

#include <fstream>

#include "indexer/index_writer.h"
#include "search/evaluation/evaluator.h"
#include "tests/support/test_corpus.h"

namespace wiedza::evaluation {
namespace {

TEST(RelevanceGuard, DevSetNdcgAndRoutingDoNotRegress) {
  const std::string root = WIEDZA_SOURCE_DIR;
  std::ifstream recorded_file(root + "/benchmarks/relevance/recorded.json");
  ASSERT_TRUE(recorded_file) << "benchmarks/relevance/recorded.json is missing";
  const auto recorded = nlohmann::json::parse(recorded_file);

  wiedza::testing::TempDir tmp;
  analysis::Analyzer analyzer;
  sync_index(tmp.str("db"), read_corpus(root + "/corpus"), analyzer);
  Searcher searcher(tmp.str("db"));
  ValidationErrors errors;
  auto queries = read_judged_queries(root + "/corpus/queries/dev.jsonl", errors);
  ASSERT_TRUE(errors.empty());
  EvaluationReport report = evaluate(searcher, queries);

  constexpr double kTolerance = 0.02;
  EXPECT_GE(report.overall.ndcg10, recorded["ndcg@10"].get<double>() - kTolerance)
      << "dev-set nDCG@10 regressed; run `wiedza eval` to see which queries got worse";
  EXPECT_GE(report.overall.routing_accuracy, recorded["routing_accuracy@1"].get<double>() - kTolerance);
  for (const auto& [style, value] : recorded["ndcg@10_by_style"].items()) {
    ASSERT_TRUE(report.by_style.count(style)) << style;
    EXPECT_GE(report.by_style.at(style).ndcg10, value.get<double>() - 0.05) << "style " << style;
  }
}

}  // namespace
}  // namespace wiedza::evaluation
