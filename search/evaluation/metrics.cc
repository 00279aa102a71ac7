#include "search/evaluation/metrics.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace wiedza::evaluation {
namespace {

int grade_of(const Judgments& judged, const std::string& id) {
  auto it = judged.find(id);
  return it == judged.end() ? 0 : it->second;
}

}  // namespace

double ndcg_at(const std::vector<std::string>& ranked, const Judgments& judged, std::size_t k) {
  std::vector<int> ideal;
  for (const auto& [id, grade] : judged) {
    if (grade > 0) ideal.push_back(grade);
  }
  if (ideal.empty()) return 0.0;
  std::sort(ideal.begin(), ideal.end(), std::greater<>());
  double idcg = 0, dcg = 0;
  for (std::size_t i = 0; i < std::min(k, ideal.size()); ++i) idcg += ideal[i] / std::log2(static_cast<double>(i) + 2);
  for (std::size_t i = 0; i < std::min(k, ranked.size()); ++i) {
    dcg += grade_of(judged, ranked[i]) / std::log2(static_cast<double>(i) + 2);
  }
  return dcg / idcg;
}

double mrr_at(const std::vector<std::string>& ranked, const Judgments& judged, std::size_t k) {
  for (std::size_t i = 0; i < std::min(k, ranked.size()); ++i) {
    if (grade_of(judged, ranked[i]) > 0) return 1.0 / static_cast<double>(i + 1);
  }
  return 0.0;
}

double recall_at(const std::vector<std::string>& ranked, const Judgments& judged, std::size_t k) {
  std::size_t relevant = 0, found = 0;
  for (const auto& [id, grade] : judged) relevant += grade > 0 ? 1 : 0;
  if (relevant == 0) return 0.0;
  for (std::size_t i = 0; i < std::min(k, ranked.size()); ++i) found += grade_of(judged, ranked[i]) > 0 ? 1 : 0;
  return static_cast<double>(found) / static_cast<double>(relevant);
}

}  // namespace wiedza::evaluation
