// Turns what a user typed into a Xapian query, through the same Analyzer the indexer uses.
//
// Every content word becomes an OR over the two text fields (body; title, summary,
// keywords and unit combined) of its alternatives (OP_SYNONYM, so a word's several
// lemmas count as one term), plus a small exact-form bonus. On top:
//  - stems: the word's stem (its first letters) in any field, a weaker match that
//    reaches derivations and forms the dictionary does not connect;
//  - typo tolerance: a word that neither the index nor the dictionary knows is replaced
//    by close vocabulary words at a lower weight (and reported as a correction);
//  - synonyms: phrases matching a synonym rule add the other side as an optional part;
//  - proximity: consecutive query words standing near each other score extra.
// Stop words are dropped unless the query has nothing else. Text in double quotes is a
// phrase that results must contain.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "search/analysis/analyzer.h"
#include "search/ranking_options.h"
#include "search/synonyms.h"
#include "search/vocabulary.h"

namespace wiedza {

// One word of the query as the searcher sees it; also used to highlight snippets.
struct QueryWord {
  std::string surface;                    // as typed
  std::string exact;                      // folded exact form
  std::vector<std::string> alternatives;  // unprefixed index terms that match it
  std::vector<std::string> stems;         // AnalyzedToken::stem of the word (or of its corrections)
  std::vector<std::string> short_stems;   // AnalyzedToken::short_stem, likewise
  bool stop = false;
  bool in_phrase = false;
  bool dictionary = false;  // the Polish dictionary knows it (then it is never "corrected")
  std::string correction;  // vocabulary word used instead (typo tolerance); "" when none
};

// A synonym rule that matched a run of query words: an article saying the expansion
// answers those words too.
struct SynonymUse {
  std::vector<std::size_t> words;    // indices into BuiltQuery::words
  const AnalysedPhrase* expansion;   // owned by the SynonymTable the query was built with
};

struct BuiltQuery {
  Xapian::Query query;  // empty (MatchNothing) when nothing searchable was typed
  // The bonus for consecutive words standing near each other, OR-ed to `query` by the
  // searcher for the first candidates only (empty when there are no such pairs).
  Xapian::Query proximity;
  // The first phase of two-phase ranking (RankingOptions::candidate_depth): the same words
  // over their lemma terms and stems only, which picks the candidates `query` then ranks.
  // Empty when the query must run whole (quoted phrases, stop words only).
  Xapian::Query candidates;
  std::vector<QueryWord> words;
  std::vector<SynonymUse> synonyms;
  // The query with corrected words substituted, when any word was corrected.
  std::optional<std::string> corrected;
};

// What the builder may consult besides the analyser; any member may be null (then that
// mechanism is off).
struct QueryResources {
  const Xapian::Database* db = nullptr;  // to tell known words from typos
  const Vocabulary* vocabulary = nullptr;
  const SynonymTable* synonyms = nullptr;
};

class QueryBuilder {
 public:
  QueryBuilder(analysis::Analyzer& analyzer, RankingOptions options = {});
  BuiltQuery build(std::string_view text, const QueryResources& resources = {});
  const RankingOptions& options() const { return options_; }

 private:
  // The word in every field (lemmas), its exact form and its stems, OR-ed and weighted.
  Xapian::Query word_query(const QueryWord& word) const;
  // The word's part of BuiltQuery::candidates: its lemma terms and its stem.
  Xapian::Query candidate_word_query(const QueryWord& word) const;
  // Only the lemma terms, in the body and the combined field (synonym expansions).
  Xapian::Query lemma_query(const std::vector<std::string>& alternatives) const;
  Xapian::Query phrase_query(const std::vector<QueryWord>& words) const;
  Xapian::Query proximity_query(const QueryWord& a, const QueryWord& b) const;
  bool known(const QueryWord& word, const Xapian::Database& db) const;
  void correct_typo(QueryWord& word, const QueryResources& resources);


  analysis::Analyzer& analyzer_;
  RankingOptions options_;
};

}  // namespace wiedza
