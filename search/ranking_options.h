// Ranking parameters. Defaults are the values tuned on corpus/queries/dev.jsonl;
// benchmarks/RESULTS.md records how each was chosen.
#pragma once

#include <string>

namespace wiedza {

struct RankingOptions {
  // Field weights: the body and the combined field of title, summary, keywords and the
  // unit's name (search/schema.h: within it each field counts with its own wdf) are each
  // scored with BM25 on their own terms, and the two scores are combined linearly.
  double body_weight = 1.0;
  double fields_weight = 2.0;
  // Bonus for a query word found in its exact (diacritic-folded) form.
  double exact_weight = 1.0;
  // Weights of a word's stems (its first 5 and 4 letters, in any field):
  // AnalyzedToken::stem and ::short_stem.
  double stem_weight = 3.0;
  double short_stem_weight = 1.5;
  // Weight of a vocabulary word standing in for a query word the index does not know.
  double typo_weight = 0.6;
  // Weight of a synonym's expansion relative to the words typed.
  double synonym_weight = 0.6;
  // Bonus for consecutive query words standing near each other in an article.
  double proximity_weight = 0.5;
  // The bonus is computed for the first proximity_depth hits of the ranking without it
  // (then re-ranked; 0 = for every match). Position lists are read for those alone.
  double proximity_depth = 20;
  // Two-phase ranking: a match over each word's lemma terms and stem alone (three of the
  // five posting lists a word reads; not the short stem, the longest, nor the exact form)
  // picks the best candidate_depth articles, and the whole query ranks those (0 = the
  // whole query over every match). benchmarks/RESULTS.md, "Scale", has what it saves and
  // how often the first ten results are those of the one-phase ranking.
  double candidate_depth = 100;
  // Facets count the best facet_depth matches of the ranking (all of them when there are
  // fewer; 0 = every match, which costs a full match and grew linearly with the index:
  // benchmarks/RESULTS.md, "Scale"). `total` is then Xapian's estimate.
  double facet_depth = 1000;
  // Pseudo-relevance feedback: body terms typical of the top prf_docs hits are added at
  // this weight and the query is run again (0 = off).
  double prf_weight = 0;
  double prf_docs = 3;
  double prf_terms = 8;
  // Below this answer confidence (search/answer_evidence.h: the informative share of the
  // query the best hit answers) a search is "weak": not in the base, no routing hint.
  double min_answer_confidence = 0.3;
  // BM25 parameters.
  double bm25_k1 = 1.2;
  double bm25_b = 0.75;

  // Applies "name=value" (e.g. "title_weight=4"); throws std::invalid_argument naming
  // the option and the reason.
  void set(const std::string& assignment);
};

}  // namespace wiedza
