// Ranking parameters. Defaults are the values tuned on corpus/queries/dev.jsonl;
// benchmarks/RESULTS.md records how each was chosen.
#pragma once

namespace wiedza {

struct RankingOptions {
  // Per-field weights: each field is scored with BM25 on its own terms and the scores
  // are combined linearly.
  double title_weight = 3.0;
  double summary_weight = 1.5;
  double keywords_weight = 2.0;
  double body_weight = 1.0;
  // Bonus for a query word found in its exact (diacritic-folded) form.
  double exact_weight = 0.3;
  // BM25 parameters.
  double bm25_k1 = 1.2;
  double bm25_b = 0.75;
};

}  // namespace wiedza
