// Turns what a user typed into a Xapian query, through the same Analyzer the indexer uses.
//
// Every content word becomes an OR over fields of its alternatives (OP_SYNONYM, so a
// lemma and its folded form count as one term), plus a small exact-form bonus. Stop
// words are dropped unless the query has nothing else. Text in double quotes is a phrase
// that results must contain.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "search/analysis/analyzer.h"
#include "search/ranking_options.h"

namespace wiedza {

// One word of the query as the searcher sees it; also used to highlight snippets.
struct QueryWord {
  std::string surface;                    // as typed
  std::string exact;                      // folded exact form
  std::vector<std::string> alternatives;  // unprefixed index terms that match it
  bool stop = false;
  bool in_phrase = false;
};

struct BuiltQuery {
  Xapian::Query query;  // empty (MatchNothing) when nothing searchable was typed
  std::vector<QueryWord> words;
};

class QueryBuilder {
 public:
  QueryBuilder(analysis::Analyzer& analyzer, RankingOptions options = {});
  BuiltQuery build(std::string_view text);

 private:
  Xapian::Query word_query(const QueryWord& word) const;
  Xapian::Query phrase_query(const std::vector<QueryWord>& words) const;

  analysis::Analyzer& analyzer_;
  RankingOptions options_;
};

}  // namespace wiedza
