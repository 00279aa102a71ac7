#include "search/evaluation/metrics.h"

#include <gtest/gtest.h>

#include <cmath>

namespace wiedza::evaluation {
namespace {

TEST(Metrics, PerfectRankingHasNdcgOne) {
  Judgments j{{"a", 2}, {"b", 1}};
  EXPECT_DOUBLE_EQ(ndcg_at({"a", "b", "c"}, j, 10), 1.0);
}

TEST(Metrics, NdcgByHand) {
  // Ranked: c (0), b (1), a (2). DCG = 0 + 1/log2(3) + 2/log2(4) = 0.63093 + 1.0
  // Ideal: a (2), b (1).      IDCG = 2/log2(2) + 1/log2(3) = 2 + 0.63093
  Judgments j{{"a", 2}, {"b", 1}};
  const double expected = (1.0 / std::log2(3.0) + 2.0 / 2.0) / (2.0 + 1.0 / std::log2(3.0));
  EXPECT_NEAR(ndcg_at({"c", "b", "a"}, j, 10), expected, 1e-12);
}

TEST(Metrics, NdcgCutsAtK) {
  Judgments j{{"a", 2}};
  EXPECT_DOUBLE_EQ(ndcg_at({"x", "y", "a"}, j, 2), 0.0);
  EXPECT_NEAR(ndcg_at({"x", "y", "a"}, j, 3), 1.0 / std::log2(4.0), 1e-12);
}

TEST(Metrics, NothingRelevantGivesZeroNotNan) {
  EXPECT_DOUBLE_EQ(ndcg_at({"a"}, {}, 10), 0.0);
  EXPECT_DOUBLE_EQ(mrr_at({"a"}, {}, 10), 0.0);
  EXPECT_DOUBLE_EQ(recall_at({"a"}, {}, 10), 0.0);
}

TEST(Metrics, MrrIsReciprocalRankOfFirstRelevant) {
  Judgments j{{"b", 1}, {"c", 2}};
  EXPECT_DOUBLE_EQ(mrr_at({"a", "b", "c"}, j, 10), 0.5);
  EXPECT_DOUBLE_EQ(mrr_at({"a", "x", "y"}, j, 10), 0.0);
  EXPECT_DOUBLE_EQ(mrr_at({"a", "b"}, j, 1), 0.0);
}

TEST(Metrics, RecallCountsRelevantFound) {
  Judgments j{{"a", 2}, {"b", 1}, {"c", 1}, {"d", 1}};
  EXPECT_DOUBLE_EQ(recall_at({"a", "x", "c"}, j, 10), 0.5);
  EXPECT_DOUBLE_EQ(recall_at({"a", "x", "c"}, j, 1), 0.25);
}

}  // namespace
}  // namespace wiedza::evaluation
