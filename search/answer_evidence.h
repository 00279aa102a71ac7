// How much of a query an article answers: the evidence behind "answer confidence" and
// the "not in the base" decision (docs/ranking.md).
//
// Each content word of the query weighs its inverse document frequency, so "psychiatra"
// (in no article) counts for more than "dziecięcy" (in many), and a hit that matches only
// the common words of a question covers little of it. A word counts as answered when the
// article has one of its lemma terms or its exact form in any field, or the expansion of a
// synonym rule that matched it; a match of its stem alone counts for kStemCredit. A word
// that no article has at all (no lemma, no exact form, no synonym) weighs
// kUnknownWordFactor times its IDF: the base has never heard of what is asked ("covid",
// "psychiatra"), the strongest sign of a question it cannot answer.
#pragma once

#include <vector>

#include <xapian.h>

#include "search/hit_document.h"
#include "search/query_builder.h"

namespace wiedza {

class AnswerEvidence {
 public:
  // Weighs the query's words by how many of the `documents` articles have them, read from
  // a match of `query` (MSet::get_termfreq answers query terms from the match's
  // statistics, with no index lookup). `query` must outlive this object.
  AnswerEvidence(const BuiltQuery& query, Xapian::doccount documents, const Xapian::MSet& match);

  // The informative share of the query's content words `doc` answers, 0..1; 0 when the
  // query has no content words.
  double weighted_coverage(const HitDocument& doc) const;
  // The plain share of content words with a lemma or exact match (every word counts one).
  double coverage(const HitDocument& doc) const;

  static constexpr double kStemCredit = 0.5;
  // Chosen with the threshold (RankingOptions::min_answer_confidence) on the bundled
  // judged set and the real questions; benchmarks/RESULTS.md has the trade-off table.
  static constexpr double kUnknownWordFactor = 3;

 private:
  struct Word {
    const QueryWord* word;
    double weight;                                // inverse document frequency
    std::vector<const AnalysedPhrase*> synonyms;  // expansions of rules covering it
    bool unknown;  // in no article: no lemma, exact form, stem or synonym of it
  };
  // 1 for a lemma, exact or synonym match, kStemCredit for a stem match only, else 0.
  double answered(const Word& w, const HitDocument& doc) const;

  std::vector<Word> words_;
  double total_weight_ = 0;
};

}  // namespace wiedza
