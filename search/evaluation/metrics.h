// Ranking metrics over one query: graded judgments (article id -> gain 1 or 2) and the
// ranked list the engine returned.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace wiedza::evaluation {

using Judgments = std::map<std::string, int>;

// nDCG@k with gain = grade and a log2(rank + 1) discount; the ideal ranking is the
// judgments sorted by grade. 0 when nothing is judged relevant.
double ndcg_at(const std::vector<std::string>& ranked, const Judgments& judged, std::size_t k);

// Reciprocal rank of the first result with grade >= 1 within the top k, else 0.
double mrr_at(const std::vector<std::string>& ranked, const Judgments& judged, std::size_t k);

// Share of the relevant articles (grade >= 1) found in the top k.
double recall_at(const std::vector<std::string>& ranked, const Judgments& judged, std::size_t k);

}  // namespace wiedza::evaluation
